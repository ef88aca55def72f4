"""A commitment's log: the append-only record of what happened, when, and who said so."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from storage.models import Commitment, Update, UpdateRow, row_columns


def add_update(
    *,
    session: Session,
    commitment: Commitment,
    text: str,
    author: str,
    now: datetime,
    source: str = "",
    kind: str = "note",
    status_before: str | None = None,
    status_after: str | None = None,
    at: datetime | None = None,
    previous: dict[str, Any] | None = None,
    happened_on: date | None = None,
    evidence: Sequence[str] = (),
) -> Update:
    """Append one entry to a commitment's log.

    Args:
        session: the write session.
        commitment: the commitment (already in the database).
        text: what happened, as written.
        author: who said so (Slack user ID, ``cli``, ``import``).
        now: when it was recorded.
        source: where it came from (a message, ``shell``, a file).
        kind: note | status | due | create | import.
        status_before: the status before a change.
        status_after: the status after a change.
        at: when it happened, when known; default ``now``.
        previous: the values the change replaced (JSON-ready), so that it can be undone.
        happened_on: the day the action took place, when the text tells it.
        evidence: oficio numbers, links and files that back the action.

    Returns:
        The new entry.
    """
    assert commitment.id is not None
    entry = Update(
        commitment_id=commitment.id,
        at=at or now,
        recorded_at=now,
        author=author,
        text=text,
        source=source,
        kind=kind,
        status_before=status_before,
        status_after=status_after,
        previous=json.dumps(previous) if previous is not None else None,
        happened_on=happened_on,
        evidence="\n".join(evidence),
    )
    session.add(entry)
    session.flush()
    return entry


def updates_for(*, session: Session, commitment_id: int, limit: int | None = None) -> list[Update]:
    """A commitment's log, newest first (at most ``limit`` entries), without notes that were undone."""
    stmt, params = (_LOG_NEWEST, {"limit": limit}) if limit else (_LOG, {})
    return list(session.execute(stmt, {"commitment_id": commitment_id, **params}).scalars())


# Built once: the card of every question reads it.
_LOG = (
    select(Update)
    .where(
        col(Update.commitment_id) == sa.bindparam("commitment_id"),
        sa.or_(col(Update.kind) != "note", col(Update.undone_at).is_(None)),
    )
    .order_by(col(Update.at).desc(), col(Update.id).desc())
)
_LOG_NEWEST = _LOG.limit(sa.bindparam("limit"))


def latest_updates(
    *, session: Session, commission_id: int, kinds: Sequence[str] = ("note", "import")
) -> dict[int, UpdateRow]:
    """The newest log entry of the given kinds for every commitment, in one statement."""
    newest = (
        select(Update.commitment_id, sa.func.max(Update.id).label("mid"))
        .join(Commitment, col(Commitment.id) == Update.commitment_id)
        .where(Commitment.commission_id == commission_id, col(Update.kind).in_(kinds), col(Update.undone_at).is_(None))
        .group_by(col(Update.commitment_id))
        .subquery()
    )
    stmt = sa.select(*row_columns(UpdateRow)).join(newest, col(Update.id) == newest.c.mid)
    return {row.commitment_id: UpdateRow(*row) for row in session.execute(stmt)}


def all_updates(*, session: Session, commission_id: int) -> list[UpdateRow]:
    """Every log entry of the commission, by commitment and date, as read-only rows."""
    stmt = (
        sa.select(*row_columns(UpdateRow))
        .join(Commitment, col(Commitment.id) == Update.commitment_id)
        .where(col(Commitment.commission_id) == commission_id)
        .order_by(col(Update.commitment_id), col(Update.at), col(Update.id))
    )
    return [UpdateRow(*row) for row in session.execute(stmt)]


def last_undoable(*, session: Session, author: str, since: datetime, kinds: Sequence[str]) -> Update | None:
    """The newest entry of these kinds that ``author`` recorded since ``since`` and that is not undone yet."""
    stmt = (
        select(Update)
        .where(
            Update.author == author,
            col(Update.recorded_at) >= since,
            col(Update.kind).in_(kinds),
            col(Update.undone_at).is_(None),
        )
        .order_by(col(Update.recorded_at).desc(), col(Update.id).desc())
        .limit(1)
    )
    return session.exec(stmt.with_for_update()).first()


def mark_undone(*, session: Session, entry: Update, now: datetime) -> None:
    entry.undone_at = now
    session.add(entry)
    session.flush()


def delete_updates(*, session: Session, commitment_id: int) -> None:
    """Drop a commitment's whole log (a re-import that brings the log back)."""
    session.execute(sa.delete(Update).where(col(Update.commitment_id) == commitment_id))
    session.flush()
