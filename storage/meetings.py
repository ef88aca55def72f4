"""The commission's sessions and working meetings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from storage.models import Meeting


def list_meetings(*, session: Session, commission_id: int) -> list[Meeting]:
    return list(session.exec(select(Meeting).where(Meeting.commission_id == commission_id).order_by(col(Meeting.at))))


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
