"""Questions the bot asked a user and waits for, kept in the registry so that any replica takes the answer."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col

from storage.models import Question


def ask(*, session: Session, user_id: str, request: str, expires_at: datetime) -> None:
    """Remember the question put to a user (replacing an earlier one)."""
    session.execute(sa.delete(Question).where(col(Question.user_id) == user_id))
    session.add(Question(user_id=user_id, request=request, expires_at=expires_at))
    session.flush()


def take_question(*, session: Session, user_id: str, now: datetime) -> str | None:
    """The question waiting for this user's answer, if any and not expired; it is taken (deleted) either way,
    by one statement: of two replicas reading the same user's messages, one takes it."""
    found = session.execute(_TAKE, {"user_id": user_id}).first()
    if found is None:
        return None
    request, expires_at = found
    return str(request) if expires_at > now else None


# Built once: every message asks whether its author was asked something. On the table, not the entity: no
# session object is loaded or kept in step for a row that is gone.
_TABLE: sa.Table = Question.__table__  # type: ignore[attr-defined]
_TAKE = (
    sa.delete(_TABLE)
    .where(_TABLE.c.user_id == sa.bindparam("user_id"))
    .returning(_TABLE.c.request, _TABLE.c.expires_at)
)
