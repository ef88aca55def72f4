"""The only place that reads the wall clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def now(tz: ZoneInfo) -> datetime:
    """The current instant, aware, in the commission's zone."""
    return datetime.now(tz)


def parse_instant(value: str, tz: ZoneInfo) -> datetime:
    """An ISO-8601 instant (``2023-02-13T10:00:00-06:00``); a naive one is read in ``tz``."""
    parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed.astimezone(tz)
