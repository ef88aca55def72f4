"""Commitment codes (``NN/YYYY``) and status words: pure helpers shared by every layer."""

from __future__ import annotations

import re

CODE_RE = re.compile(r"(?<![\w/])(\d{1,4})\s*/\s*(\d{4})(?![\w/])")
_STATUS_WORDS = {
    "pendiente": "pending",
    "pending": "pending",
    "sin atender": "pending",
    "en proceso": "in_progress",
    "en curso": "in_progress",
    "in progress": "in_progress",
    "in_progress": "in_progress",
    "proceso": "in_progress",
    "atendido": "done",
    "atendida": "done",
    "done": "done",
    "cumplido": "done",
    "concluido": "done",
    "completed": "done",
    "complete": "done",
    "closed": "done",
}


def normalize_code(text: str) -> str | None:
    """``1/2023`` → ``01/2023``; None when the text is not a commitment code."""
    match = CODE_RE.fullmatch(text.strip())
    if not match or int(match.group(1)) == 0:
        return None
    return f"{int(match.group(1)):02d}/{match.group(2)}"


def split_code(code: str) -> tuple[int, int]:
    number, year = code.split("/")
    return int(number), int(year)


def parse_status_word(text: str) -> str | None:
    """Spanish or English status words (Pendiente / En proceso / Atendido …) → status key."""
    from bot.textnorm import fold

    return _STATUS_WORDS.get(" ".join(fold(text).replace("_", " ").split()))
