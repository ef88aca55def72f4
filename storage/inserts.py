"""Inserts that tolerate a row another transaction (or replica) wrote first."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session


def insert_ignore(*, session: Session, table: Any, values: dict[str, Any], keys: list[str]) -> bool:
    """``INSERT … ON CONFLICT DO NOTHING`` on either backend.

    Args:
        session: the session whose transaction holds the insert.
        table: the SQLModel table class.
        values: the row.
        keys: the columns of the unique constraint that decides a conflict.

    Returns:
        True when the row was inserted, False when one with the same keys existed.
    """
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    core = table.__table__
    # RETURNING tells reliably whether the row went in (rowcount is -1 on some drivers).
    stmt = insert(core).values(values).on_conflict_do_nothing(index_elements=keys).returning(core.c[keys[0]])
    return session.execute(stmt).first() is not None
