"""The commission's sessions and working meetings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta, tzinfo

import sqlalchemy as sa
from sqlmodel import Session, col, select

from storage.models import Meeting

KINDS = ("ordinary", "extraordinary", "working")


def list_meetings(*, session: Session, commission_id: int) -> list[Meeting]:
    stmt = select(Meeting).where(Meeting.commission_id == commission_id).order_by(col(Meeting.at), col(Meeting.id))
    return list(session.exec(stmt))


def next_meeting(
    *, session: Session, commission_id: int, now: datetime, kinds: Sequence[str] | None = None
) -> Meeting | None:
    stmt = select(Meeting).where(Meeting.commission_id == commission_id, col(Meeting.at) >= now)
    if kinds:
        stmt = stmt.where(col(Meeting.kind).in_(kinds))
    return session.exec(stmt.order_by(col(Meeting.at))).first()


def meetings_between(
    *,
    session: Session,
    commission_id: int,
    start: datetime,
    end: datetime,
    kinds: Sequence[str] = ("ordinary", "extraordinary"),
) -> list[Meeting]:
    """The meetings of these kinds (by default the commission's own sessions) between two instants, inclusive."""
    stmt = select(Meeting).where(
        Meeting.commission_id == commission_id,
        col(Meeting.at) >= start,
        col(Meeting.at) <= end,
        col(Meeting.kind).in_(list(kinds)),
    )
    return list(session.exec(stmt.order_by(col(Meeting.at), col(Meeting.id))))


def held_on(
    *, session: Session, commission_id: int, day: date, tz: tzinfo, kinds: Sequence[str] = KINDS
) -> list[Meeting]:
    """The meetings of these kinds held on ``day`` in zone ``tz``, by time then id."""
    start = datetime.combine(day, time(), tz)
    end = start + timedelta(days=1)
    found = meetings_between(session=session, commission_id=commission_id, start=start, end=end, kinds=kinds)
    return [m for m in found if m.at < end]


def find_meeting(*, session: Session, commission_id: int, name: str, at: datetime | None = None) -> Meeting | None:
    stmt = select(Meeting).where(Meeting.commission_id == commission_id, sa.func.lower(Meeting.name) == name.lower())
    if at is not None:
        stmt = stmt.where(Meeting.at == at)
    return session.exec(stmt.order_by(col(Meeting.at))).first()


def meetings_by_ids(*, session: Session, ids: Iterable[int | None]) -> dict[int, Meeting]:
    wanted = [i for i in set(ids) if i is not None]
    if not wanted:
        return {}
    return {m.id: m for m in session.exec(select(Meeting).where(col(Meeting.id).in_(wanted))) if m.id is not None}
