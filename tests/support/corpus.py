"""The labelled corpus and how a parse is compared with its label."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.nlu import AreaCatalog, AreaInfo, parse
from bot.textnorm import fold
from storage.catalog import DEFAULT_AREAS

CORPUS = Path(__file__).resolve().parents[1] / "bot" / "nlu" / "corpus.jsonl"
HELDOUT = CORPUS.with_name("heldout.jsonl")
NOW = datetime(2023, 2, 13, 10, 0, tzinfo=ZoneInfo("America/Mexico_City"))
KEYS = ("intent", "code", "status", "area", "date", "text", "overdue")
CATALOG = AreaCatalog(AreaInfo(a, n, al) for a, n, al in DEFAULT_AREAS)


def load(path: Path = CORPUS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def norm_text(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(re.sub(r"^[\W_]+|[\W_]+$", "", fold(value)).split()) or None


def compare(case: dict) -> dict[str, tuple]:
    """The keys where the parse differs from the label: key → (got, expected)."""
    got = parse(case["text"], NOW, CATALOG).contract()
    expected = case["expect"]
    diffs = {}
    for key in KEYS:
        a, b = got[key], expected[key]
        if key == "text":
            a, b = norm_text(a), norm_text(b)
        if a != b:
            diffs[key] = (a, b)
    return diffs
