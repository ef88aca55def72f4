"""Scheduled deliveries: recorded once per occurrence, claimed with a lease, marked sent with the Slack ts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col, select

from storage.inserts import insert_ignore
from storage.models import Delivery


def record(
    *, session: Session, key: str, kind: str, target: str, occurrence: str, due_at: datetime, state: str = "pending"
) -> bool:
    """Record an occurrence unless it is already known; True when it is new."""
    values = dict(
        key=key, kind=kind, target=target, occurrence=occurrence, due_at=due_at, state=state, attempts=0, parts_sent=0
    )
    return insert_ignore(session=session, table=Delivery, values=values, keys=["key"])


def known_keys(*, session: Session, keys: Iterable[str]) -> set[str]:
    wanted = list(keys)
    if not wanted:
        return set()
    return set(session.exec(select(Delivery.key).where(col(Delivery.key).in_(wanted))))


def claim(
    *, session: Session, now: datetime, lease: timedelta, limit: int = 20, keys: Iterable[str] | None = None
) -> list[tuple[Delivery, bool]]:
    """Take the pending deliveries that are due and not leased by another process.

    On PostgreSQL rows are locked with ``FOR UPDATE SKIP LOCKED`` so concurrent ticks never take the
    same row; on SQLite the write transaction already holds the only write lock. Either way the
    lease is committed with the claim, so a crashed holder's rows come back after ``lease``.

    Args:
        session: a write session; commit it to publish the claim.
        now: the current instant.
        lease: how long the claim holds.
        limit: at most this many rows.

    Returns:
        The claimed deliveries, each with whether an earlier claim on it lapsed (its holder may have
        posted before dying, so Slack must be asked before anything is re-sent).
    """
    stmt = (
        select(Delivery)
        .where(
            Delivery.state == "pending",
            col(Delivery.due_at) <= now,
            sa.or_(col(Delivery.next_attempt_at).is_(None), col(Delivery.next_attempt_at) <= now),
            sa.or_(col(Delivery.lease_until).is_(None), col(Delivery.lease_until) < now),
        )
        .order_by(col(Delivery.due_at), col(Delivery.id))
        .limit(limit)
    )
    if keys is not None:
        stmt = stmt.where(col(Delivery.key).in_(list(keys)))
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    claimed = []
    for row in session.exec(stmt):
        claimed.append((row, row.lease_until is not None or row.attempts > 0 or row.parts_sent > 0))
        row.lease_until = now + lease
        session.add(row)
    return claimed


def part_sent(*, session: Session, delivery_id: int, part: int, ts: str) -> None:
    """One message of a multi-message delivery went out."""
    values: dict = {"parts_sent": part + 1}
    if part == 0:
        values["ts"] = ts
    session.execute(sa.update(Delivery).where(col(Delivery.id) == delivery_id).values(**values))


def finish(*, session: Session, delivery_id: int, now: datetime, state: str = "sent", ts: str | None = None) -> None:
    values: dict = {"state": state, "lease_until": None, "sent_at": now if state == "sent" else None}
    if ts:
        values["ts"] = ts
    session.execute(sa.update(Delivery).where(col(Delivery.id) == delivery_id).values(**values))


def retry_later(*, session: Session, delivery_id: int, at: datetime, error: str) -> None:
    """Leave a delivery pending after a failure, to be tried again at ``at``."""
    session.execute(
        sa.update(Delivery)
        .where(col(Delivery.id) == delivery_id)
        .values(attempts=Delivery.attempts + 1, next_attempt_at=at, lease_until=None, last_error=error[:500])
    )


def all_deliveries(*, session: Session) -> list[Delivery]:
    return list(session.exec(select(Delivery).order_by(col(Delivery.due_at), col(Delivery.key))))
