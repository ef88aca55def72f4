"""Questions the bot asked a user and waits for, kept in the registry so that any replica takes the answer."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from storage.models import Question


def ask(*, session: Session, user_id: str, request: str, expires_at: datetime) -> None:
    """Remember the question put to a user (replacing an earlier one)."""
    session.execute(sa.delete(Question).where(col(Question.user_id) == user_id))
    session.add(Question(user_id=user_id, request=request, expires_at=expires_at))
    session.flush()


def take_question(*, session: Session, user_id: str, now: datetime) -> str | None:
    """The question waiting for this user's answer, if any and not expired; it is taken (deleted) either way."""
    found = session.execute(_WAITING, {"user_id": user_id}).scalars().first()
    if found is None:
        return None
    session.delete(found)
    session.flush()
    return found.request if found.expires_at > now else None


# Built once: every message asks whether its author was asked something.
_WAITING = select(Question).where(col(Question.user_id) == sa.bindparam("user_id")).with_for_update()
