"""The only place that reads the wall clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def now(tz: ZoneInfo) -> datetime:
    """The current instant, aware, in the commission's zone."""
    return datetime.now(tz)


YEARS = range(1990, 2101)  # a commission's registry lives in these; anything else is a typo (or an overflow)


def parse_instant(value: str, tz: ZoneInfo) -> datetime:
    """An ISO-8601 instant (``2023-02-13T10:00:00-06:00``); a naive one is read in ``tz``.

    Raises:
        ValueError: not such an instant, or a year outside ``YEARS``.
    """
    parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if parsed.year not in YEARS:
        raise ValueError(f"year {parsed.year} out of range")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed.astimezone(tz)
