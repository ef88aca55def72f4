"""Ordering and grouping shared by every renderer: by area, overdue first, then by deadline."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from bot.model import Item


def urgency(item: Item) -> tuple:
    due = item.due.date if item.due and item.due.date else date.max
    number, year = item.code.split("/")
    return (not item.overdue, due, int(year), int(number))


def by_area(items: Sequence[Item], only: str | None = None) -> list[tuple[str, list[Item]]]:
    """Items under each of their areas (an item owed by two areas shows under both), areas by name.

    With ``only``, the list was asked for one area: everything goes under it.
    """
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        for area in (only,) if only else item.areas or ("",):
            groups[area].append(item)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))
    return [(area, sorted(group, key=urgency)) for area, group in ordered]


def count_rows(items: Sequence[Item], only: str | None = None) -> int:
    return len(items) if only else sum(max(len(item.areas), 1) for item in items)


def sections(items: Sequence[Item], today: date) -> dict[str, list[Item]]:
    """Overdue, due within seven days, and the rest (for digests and App Home)."""
    week_end = today + timedelta(days=7)
    result: dict[str, list[Item]] = {"overdue": [], "week": [], "rest": []}
    for item in sorted(items, key=urgency):
        if item.overdue:
            result["overdue"].append(item)
        elif item.due and item.due.date and item.due.date <= week_end:
            result["week"].append(item)
        else:
            result["rest"].append(item)
    return result
