"""Commitments: read by code, listed by filters, changed column by column."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from storage.models import Area, Commitment, CommitmentArea, CommitmentRow, Update, row_columns


def get_commitment(*, session: Session, commission_id: int, code: str, for_update: bool = False) -> Commitment | None:
    """One commitment by code; ``for_update`` also locks its row until the transaction ends.

    SQLite's write transactions already hold the database's write lock, so it only matters on PostgreSQL,
    where the row is read afresh once the lock is granted.
    """
    stmt = _BY_CODE_FOR_UPDATE if for_update else _BY_CODE
    return session.execute(stmt, {"commission_id": commission_id, "code": code}).scalars().first()


# The statements every message runs are built once (the parameters are bound at each run).
_BY_CODE = select(Commitment).where(
    col(Commitment.commission_id) == sa.bindparam("commission_id"), col(Commitment.code) == sa.bindparam("code")
)
_BY_CODE_FOR_UPDATE = _BY_CODE.with_for_update().execution_options(populate_existing=True)
_WITH_AREAS = (
    select(Commitment, Area.acronym)
    .outerjoin(CommitmentArea, col(CommitmentArea.commitment_id) == Commitment.id)
    .outerjoin(Area, col(Area.id) == CommitmentArea.area_id)
    .where(col(Commitment.commission_id) == sa.bindparam("commission_id"), col(Commitment.code) == sa.bindparam("code"))
    .order_by(col(CommitmentArea.position))
)


def get_with_areas(*, session: Session, commission_id: int, code: str) -> tuple[Commitment | None, list[str]]:
    """One commitment by code with its areas' acronyms in their order, in one statement (a card's read)."""
    rows = session.execute(_WITH_AREAS, {"commission_id": commission_id, "code": code}).all()
    if not rows:
        return None, []
    return rows[0][0], [acronym for _, acronym in rows if acronym is not None]


def get_by_id(*, session: Session, commitment_id: int) -> Commitment | None:
    """One commitment by id, its row locked until the transaction ends."""
    return session.get(Commitment, commitment_id, with_for_update=True, populate_existing=True)


def change_commitment(*, session: Session, commitment: Commitment, now: datetime, **values: Any) -> Commitment:
    """Set columns of a commitment (read for update) and its ``updated_at``; flushed at once."""
    for name, value in values.items():
        setattr(commitment, name, value)
    commitment.updated_at = now
    session.add(commitment)
    session.flush()
    return commitment


def next_number(*, session: Session, commission_id: int, year: int) -> int:
    """The number the commission's next session commitment of ``year`` takes (``NN/YYYY``); working meetings'
    items, numbered within their meeting, do not count."""
    stmt = select(sa.func.max(Commitment.number)).where(
        Commitment.commission_id == commission_id, Commitment.year == year, col(Commitment.code).contains("/")
    )
    return int(session.exec(stmt).one() or 0) + 1


def newest_code(*, session: Session, commission_id: int) -> str | None:
    stmt = select(Commitment.code).where(Commitment.commission_id == commission_id)
    return session.exec(stmt.order_by(col(Commitment.id).desc()).limit(1)).first()


def commitment_codes(*, session: Session, commission_id: int) -> list[str]:
    return list(session.exec(select(Commitment.code).where(Commitment.commission_id == commission_id)))


def texts_of(*, session: Session, commission_id: int, codes: Sequence[str]) -> dict[str, str]:
    if not codes:
        return {}
    stmt = select(Commitment.code, Commitment.text).where(
        Commitment.commission_id == commission_id, col(Commitment.code).in_(list(codes))
    )
    return {c: t for c, t in session.exec(stmt)}


def commitment_texts(*, session: Session, commission_id: int) -> list[tuple[str, str, str]]:
    """(code, text, status) of every commitment, for matching by subject."""
    stmt = select(Commitment.code, Commitment.text, Commitment.status).where(Commitment.commission_id == commission_id)
    return [(c, t, s) for c, t, s in session.exec(stmt)]


def find_commitments(
    *,
    session: Session,
    commission_id: int,
    statuses: Iterable[str] | None = None,
    area_ids: Iterable[int] | None = None,
    due_before: date | None = None,
    overdue_on: date | None = None,
    origin_id: int | None = None,
    origin_ids: Iterable[int] | None = None,
    closed_since: datetime | None = None,
    active_since: datetime | None = None,
    changed_since: datetime | None = None,
    due_from: date | None = None,
    withdrawn: bool = False,
) -> list[CommitmentRow]:
    """Commitments matching every given filter, ordered by deadline then code.

    Args:
        session: any session.
        commission_id: the commission.
        statuses: any of these statuses.
        area_ids: belonging to any of these areas (an empty list matches nothing).
        due_before: with a deadline on or before this day.
        overdue_on: not done, with a deadline before this day.
        origin_id: from this meeting.
        origin_ids: from any of these meetings.
        closed_since: done at or after this instant.
        active_since: with a log entry (not undone) at or after this instant.
        changed_since: whose status changed at or after this instant (a change not undone).
        due_from: with a deadline on or after this day.
        withdrawn: include withdrawn commitments (they are left out by default).

    Returns:
        The commitments, as read-only rows.
    """
    stmt = sa.select(*row_columns(CommitmentRow)).where(col(Commitment.commission_id) == commission_id)
    if not withdrawn:
        stmt = stmt.where(col(Commitment.withdrawn_at).is_(None))
    if statuses is not None:
        stmt = stmt.where(col(Commitment.status).in_(list(statuses)))
    if area_ids is not None:
        wanted = list(area_ids)
        if not wanted:
            return []
        linked = select(CommitmentArea.commitment_id).where(col(CommitmentArea.area_id).in_(wanted))
        stmt = stmt.where(col(Commitment.id).in_(linked))
    if due_before is not None:
        stmt = stmt.where(col(Commitment.due_date).is_not(None), col(Commitment.due_date) <= due_before)
    if overdue_on is not None:
        stmt = stmt.where(col(Commitment.due_date) < overdue_on, col(Commitment.status) != "done")
    if origin_id is not None:
        stmt = stmt.where(col(Commitment.origin_id) == origin_id)
    if origin_ids is not None:
        stmt = stmt.where(col(Commitment.origin_id).in_(list(origin_ids)))
    if active_since is not None:
        logged = select(Update.commitment_id).where(col(Update.at) >= active_since, col(Update.undone_at).is_(None))
        stmt = stmt.where(col(Commitment.id).in_(logged))
    if changed_since is not None:  # a change, or a record from a report that gave it another status before
        recorded = sa.and_(
            col(Update.kind) == "create",
            col(Update.status_before).is_not(None),
            col(Update.status_before) != col(Update.status_after),
        )
        changed = select(Update.commitment_id).where(
            col(Update.at) >= changed_since,
            col(Update.undone_at).is_(None),
            sa.or_(col(Update.kind) == "status", recorded),
        )
        stmt = stmt.where(col(Commitment.id).in_(changed))
    if due_from is not None:
        stmt = stmt.where(col(Commitment.due_date) >= due_from)
    if closed_since is not None:
        stmt = stmt.where(col(Commitment.closed_at) >= closed_since, col(Commitment.status) == "done")
    order = (col(Commitment.due_date).is_(None), col(Commitment.due_date), col(Commitment.year), col(Commitment.number))
    return [CommitmentRow(*row) for row in session.execute(stmt.order_by(*order))]
