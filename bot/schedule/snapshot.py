"""Everything a tick's messages need, read once in a fixed number of statements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot import meetings, registry
from bot.model import Filters, Item, MeetingView
from storage import commitments as commitments_db
from storage import members as members_db


@dataclass(frozen=True)
class Snapshot:
    open_items: tuple[Item, ...]
    closed_since: tuple[Item, ...]
    meeting: MeetingView | None
    members: dict[str, list[str]]  # area → user IDs

    def for_area(self, area: str) -> tuple[Item, ...]:
        return tuple(i for i in self.open_items if area in i.areas)

    def closed_for_area(self, area: str) -> tuple[Item, ...]:
        return tuple(i for i in self.closed_since if area in i.areas)

    def for_user(self, user_id: str) -> tuple[Item, ...]:
        areas = {a for a, users in self.members.items() if user_id in users}
        return tuple(i for i in self.open_items if areas & set(i.areas))


def take(*, session: Session, sc: registry.Scope, closed_since: datetime | None) -> Snapshot:
    """Open items (with latest update), items closed since a moment, the next session, members by area."""
    open_items = registry.list_items(session=session, sc=sc, filters=Filters(status="open"))
    closed: list[Item] = []
    if closed_since is not None:
        rows = commitments_db.find_commitments(
            session=session, commission_id=sc.commission_id, closed_since=closed_since
        )
        closed = registry.build_items(session=session, sc=sc, commitments=rows)
    return Snapshot(
        open_items=tuple(open_items),
        closed_since=tuple(closed),
        meeting=meetings.next_meeting(session=session, sc=sc),
        members=members_db.members_by_area(session=session),
    )
