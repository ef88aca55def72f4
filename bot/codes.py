"""Commitment codes and status words: pure helpers shared by every layer.

A commission session's commitment carries the commission's official number, ``NN/YYYY``. A working meeting's
commitments are numbered 1, 2, 3… within that meeting; each gets a short stable handle, ``R`` + the meeting's
date as ``YYMMDD`` + ``-`` + its number (``R221123-2``: the second commitment of the 23 November 2022 meeting),
with a letter after the date when two working meetings share a day (``R221123b-1``).
"""

from __future__ import annotations

import re
from datetime import date

CODE_RE = re.compile(r"(?<![\w/])(\d{1,4})\s*/\s*(\d{4})(?![\w/])")
HANDLE_RE = re.compile(r"(?<![\w/])R(\d{2})(\d{2})(\d{2})([a-z]?)-(\d{1,3})(?![\w/])", re.IGNORECASE)
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
    """``1/2023`` → ``01/2023``, ``r221123-2`` → ``R221123-2``; None when the text is not a commitment code."""
    match = CODE_RE.fullmatch(text.strip())
    if match and int(match.group(1)) != 0:
        return f"{int(match.group(1)):02d}/{match.group(2)}"
    return normalize_handle(text)


def normalize_handle(text: str) -> str | None:
    match = HANDLE_RE.fullmatch(text.strip())
    if not match or int(match.group(5)) == 0:
        return None
    yy, mm, dd, letter, number = match.groups()
    try:
        date(2000 + int(yy), int(mm), int(dd))
    except ValueError:
        return None
    return f"R{yy}{mm}{dd}{letter.lower()}-{int(number)}"


def item_handle(on: date, number: int, letter: str = "") -> str:
    """The handle of a working meeting's commitment ``number`` (see the module's docstring)."""
    return f"R{on:%y%m%d}{letter}-{number}"


def is_handle(code: str) -> bool:
    return code.startswith("R")


def handle_day(code: str) -> date:
    """The day of the meeting a handle names."""
    return date(2000 + int(code[1:3]), int(code[3:5]), int(code[5:7]))


def split_code(code: str) -> tuple[int, int]:
    """(number, year) of an official code or of a handle."""
    if is_handle(code):
        return int(code.rsplit("-", 1)[1]), 2000 + int(code[1:3])
    number, year = code.split("/")
    return int(number), int(year)


def code_order(code: str) -> tuple[int, str, int]:
    """Official codes by year then number; a year's handles after them, by their meeting's date then number."""
    number, year = split_code(code)
    return year, code.rsplit("-", 1)[0] if is_handle(code) else "", number


def parse_status_word(text: str) -> str | None:
    """Spanish or English status words (Pendiente / En proceso / Atendido …) → status key."""
    from bot.textnorm import fold

    return _STATUS_WORDS.get(" ".join(fold(text).replace("_", " ").split()))
