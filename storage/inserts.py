"""Inserts that tolerate a row another transaction (or replica) wrote first."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import sqlalchemy as sa
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
    stmt = _statement(session.get_bind().dialect.name, table.__table__, tuple(keys))
    return session.execute(stmt, values).first() is not None


@lru_cache(maxsize=32)
def _statement(dialect: str, core: sa.Table, keys: tuple[str, ...]) -> sa.Insert:
    """Built once per table: the row's values are bound at each run. RETURNING tells reliably whether the row
    went in (rowcount is -1 on some drivers)."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(core).on_conflict_do_nothing(index_elements=list(keys)).returning(core.c[keys[0]])
