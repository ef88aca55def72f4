"""Text folding shared by the language layer, import headers and matching."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# What XML (the Word and Excel reports), PostgreSQL text or Slack cannot carry: control characters but tab and
# line breaks, NUL, lone surrogates, and the two non-characters XML forbids.
_UNCARRIABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text as it may enter the registry: without characters that a report, the database or Slack refuses."""
    return _UNCARRIABLE.sub("", text)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case and strip accents: ``Atención`` → ``atencion``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
