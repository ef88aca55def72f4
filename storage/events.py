"""Inbound events taken once across retries and replicas, and the replies owed for them."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from storage.inserts import insert_ignore
from storage.models import ProcessedEvent

OWED = ("owed", "apology")  # states in which a message is still to be posted
LEASE = timedelta(minutes=2)  # how long one attempt at posting holds a reply; a dead holder's is taken over then


def take_event(*, session: Session, key: str, now: datetime) -> bool:
    """Record an inbound event in the caller's transaction, which also holds its effects.

    Args:
        session: the write session.
        key: the event's identity (Slack's ``event_id``, a command's trigger, a submission's view).
        now: the current instant.

    Returns:
        True when the event is new: act on it. False when another delivery recorded it (on PostgreSQL a
        concurrent one is waited for): do nothing.
    """
    return insert_ignore(session=session, table=ProcessedEvent, values={"key": key, "claimed_at": now}, keys=["key"])


def record_reply(
    *,
    session: Session,
    key: str,
    method: str,
    arguments: dict[str, Any],
    user_id: str | None,
    lang: str,
    now: datetime,
    owed: bool = True,
) -> bool:
    """Record an inbound event with the reply it is owed, in the transaction that holds the event's effects.

    The reply is kept as Slack needs it: owed until it is posted, its first attempt leased to the caller; or
    (``owed=False``, an answer that travelled with the acknowledgement) only for a redelivery to answer again.

    Returns:
        True when the event is new. False when another delivery recorded it first (on PostgreSQL a
        concurrent one is waited for): the caller must roll its effects back.
    """
    values = {
        "key": key,
        "claimed_at": now,
        "method": method,
        "reply": json.dumps(arguments),
        "user_id": user_id,
        "lang": lang,
        "state": "owed" if owed else "done",
        "attempts": 0,
        "lease_until": now + LEASE if owed else None,
    }
    return insert_ignore(session=session, table=ProcessedEvent, values=values, keys=["key"])


def get_event(*, session: Session, key: str) -> ProcessedEvent | None:
    return session.get(ProcessedEvent, key)


def _due_and_free(now: datetime) -> tuple[sa.ColumnElement[bool], ...]:
    """An owed reply (or apology) whose next attempt is due and that no process holds at ``now``."""
    return (
        col(ProcessedEvent.state).in_(OWED),
        sa.or_(col(ProcessedEvent.lease_until).is_(None), col(ProcessedEvent.lease_until) < now),
        sa.or_(col(ProcessedEvent.next_attempt_at).is_(None), col(ProcessedEvent.next_attempt_at) <= now),
    )


def take_owed(*, session: Session, key: str, now: datetime, lease: timedelta) -> tuple[ProcessedEvent, bool] | None:
    """Take an owed reply for one attempt at posting it, for ``lease`` (a holder that dies loses it then).

    Returns:
        The event with its reply, and whether an earlier attempt may have reached Slack (so the thread
        must be checked first); None when nothing is owed now or another process holds it.
    """
    stmt = select(ProcessedEvent).where(col(ProcessedEvent.key) == key, *_due_and_free(now))
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    row = session.exec(stmt).first()
    if row is None:
        return None
    suspect = row.lease_until is not None or row.attempts > 0
    row.lease_until = now + lease
    session.add(row)
    return row, suspect


def owed_keys(*, session: Session, now: datetime, limit: int = 100) -> list[str]:
    """Replies (and apologies) owed whose next attempt is due and that nobody holds."""
    stmt = select(ProcessedEvent.key).where(*_due_and_free(now)).order_by(col(ProcessedEvent.claimed_at)).limit(limit)
    return list(session.exec(stmt))


def settle(*, session: Session, key: str, now: datetime, state: str, error: str | None = None) -> None:
    """Mark a reply posted (``done``), given up (``apology`` owed next, or ``lost``)."""
    values: dict[str, Any] = {"state": state, "lease_until": None, "next_attempt_at": None, "attempts": 0}
    if state in ("done", "lost"):
        values["replied_at"] = now
    if error is not None:
        values["last_error"] = error[:500]
    session.execute(_update(key).values(**values))


def retry_at(*, session: Session, key: str, at: datetime, error: str) -> None:
    """Leave a reply owed after a failed attempt, to be tried again at ``at``."""
    session.execute(
        _update(key).values(
            attempts=col(ProcessedEvent.attempts) + 1, next_attempt_at=at, lease_until=None, last_error=error[:500]
        )
    )


def _update(key: str) -> sa.Update:
    """An UPDATE of one event's row; the session's copies of it are not kept in step (none is held)."""
    stmt = sa.update(ProcessedEvent).where(col(ProcessedEvent.key) == key)
    return stmt.execution_options(synchronize_session=False)


def forget_events_before(*, session: Session, cutoff: datetime) -> int:
    """Drop settled events recorded before ``cutoff`` (Slack retries within minutes)."""
    stmt = sa.delete(ProcessedEvent).where(
        col(ProcessedEvent.claimed_at) < cutoff, col(ProcessedEvent.state).not_in(OWED)
    )
    return int(getattr(session.execute(stmt), "rowcount", 0))
