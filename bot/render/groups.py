"""Ordering and grouping shared by every renderer: by area, overdue first, then by deadline."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from bot.codes import code_order
from bot.model import Item


def urgency(item: Item) -> tuple:
    due = item.due.date if item.due and item.due.date else date.max
    return (not item.overdue, due, code_order(item.code))


def by_area(items: Sequence[Item], only: str | None = None) -> list[tuple[str, list[Item]]]:
    """Each item once, under its first area (the one named first when it was agreed), areas by name.

    With ``only``, the list was asked for one area: everything goes under it.
    """
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[only or (item.areas[0] if item.areas else "")].append(item)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))
    return [(area, sorted(group, key=urgency)) for area, group in ordered]


def others(item: Item, area: str) -> tuple[str, ...]:
    """The item's areas besides the one it is listed under."""
    return tuple(a for a in item.areas if a != area)


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
