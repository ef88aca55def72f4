"""Inbound request de-duplication: a Slack event is claimed once across retries and replicas."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col

from storage.models import ProcessedEvent
from storage.queries import core, held_log, insert_ignore, write_held_log


def claim_event(
    *, session: Session, key: str, now: datetime, lease: timedelta = timedelta(minutes=2)
) -> tuple[bool, str | None]:
    """Claim an inbound event inside the caller's transaction.

    Args:
        session: the write session whose transaction also holds the event's effects.
        key: the event's identity (Slack's ``event_id``, or a trigger/command id).
        now: the current instant.
        lease: after this long, a claim that never replied may be taken over.

    Returns:
        ``(True, None)`` when the event is new: act on it.
        ``(True, reply)`` when an earlier claim committed its effects and reply but died before
        sending it: send the stored reply, do not act again. ``(False, None)``: someone else has it.
    """
    if insert_ignore(session=session, table=ProcessedEvent, values={"key": key, "claimed_at": now}, keys=["key"]):
        return True, None
    # The effects and the reply were committed with the claim; a holder that died before
    # sending the reply leaves it for whoever retakes the claim once its lease has run out.
    stale = (
        sa.update(ProcessedEvent)
        .where(
            col(ProcessedEvent.key) == key,
            col(ProcessedEvent.replied_at).is_(None),
            col(ProcessedEvent.claimed_at) < now - lease,
        )
        .values(claimed_at=now)
        .returning(col(ProcessedEvent.reply))
    )
    row = session.execute(stale).first()
    return (True, row[0]) if row is not None else (False, None)


def record_event(*, session: Session, key: str, now: datetime, reply: str) -> bool:
    """Record an event with its reply in the caller's transaction; False when it was already recorded.

    Log entries the session holds (``Database.appending``) are written in the same statement, and only
    when the event is new.
    """
    values = {"key": key, "claimed_at": now, "reply": reply}
    if held_log(session):
        return write_held_log(session=session, table=ProcessedEvent, values=values, keys=["key"])
    return insert_ignore(session=session, table=ProcessedEvent, values=values, keys=["key"])


def retake_event(*, session: Session, key: str, now: datetime, older_than: datetime) -> bool:
    """Atomically take over an unsent reply claimed before ``older_than``; False when someone else has."""
    stmt = (
        sa.update(ProcessedEvent)
        .where(
            col(ProcessedEvent.key) == key,
            col(ProcessedEvent.replied_at).is_(None),
            col(ProcessedEvent.claimed_at) < older_than,
        )
        .values(claimed_at=now)
        .returning(col(ProcessedEvent.key))
    )
    return session.execute(stmt).first() is not None


_MARK_REPLIED = (
    sa.update(ProcessedEvent.__table__)  # type: ignore[attr-defined]
    .where(ProcessedEvent.__table__.c.key == sa.bindparam("k"))  # type: ignore[attr-defined]
    .values(replied_at=sa.bindparam("now"))
)


def mark_replied(*, session: Session, key: str, now: datetime) -> None:
    core(session).execute(_MARK_REPLIED, {"k": key, "now": now})


def forget_events_before(*, session: Session, cutoff: datetime) -> int:
    result = session.execute(sa.delete(ProcessedEvent).where(col(ProcessedEvent.claimed_at) < cutoff))
    return int(getattr(result, "rowcount", 0))


def unsent(*, session: Session, older_than: datetime, newer_than: datetime) -> list[tuple[str, str]]:
    """Replies committed with their event but never marked sent: (key, stored reply)."""
    from sqlmodel import select

    stmt = select(ProcessedEvent.key, ProcessedEvent.reply).where(
        col(ProcessedEvent.replied_at).is_(None),
        col(ProcessedEvent.reply).is_not(None),
        col(ProcessedEvent.claimed_at) < older_than,
        col(ProcessedEvent.claimed_at) > newer_than,
    )
    return [(k, r) for k, r in session.exec(stmt) if r]
