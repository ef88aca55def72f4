"""Engines, sessions and schema upgrades for SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
_PG_LOCK_ID = 7_342_118  # advisory lock that serialises concurrent upgrades


def normalize_url(url: str) -> str:
    """Map ``postgres://`` and ``postgresql://`` to the installed psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str | sa.URL, *, echo: bool = False) -> Engine:
    """Build the one engine (and pool) a process uses for a registry URL.

    PostgreSQL's pooled connections are pinged before use, so one that died (a server restart, a dropped idle
    connection) is replaced before any statement runs. SQLite gets WAL, a busy timeout, foreign keys,
    and explicit ``BEGIN`` so that write transactions take the write lock up front (``BEGIN IMMEDIATE``)
    and cannot fail half-way.

    Args:
        url: SQLAlchemy URL; ``postgres://`` and ``postgresql://`` work as given.
        echo: log every statement.

    Returns:
        The engine.
    """
    url = normalize_url(url) if isinstance(url, str) else url.render_as_string(hide_password=False)
    if not url.startswith("sqlite"):
        return sa.create_engine(url, echo=echo, pool_pre_ping=True)
    memory = url in ("sqlite://", "sqlite:///:memory:")
    engine = sa.create_engine(
        url,
        echo=echo,
        connect_args={"check_same_thread": False, "timeout": 30},
        poolclass=StaticPool if memory else None,
    )
    _configure_sqlite(engine, wal=not memory)
    return engine


def _configure_sqlite(engine: Engine, *, wal: bool) -> None:
    """SQLAlchemy's documented recipe for SQLite transactions that SQLite itself begins as asked."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # pysqlite's own BEGIN handling off: we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        write = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


class Database:
    """Hands out sessions: ``read()`` for queries, ``write()`` for atomic changes."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._writer = engine.execution_options(write=True)
        # SQLite takes one writer at a time. Writers of this process wait their turn on a lock and start the moment
        # the last one commits, instead of in SQLite's busy handler, which polls in sleeps of up to 100 ms (other
        # processes still meet that). PostgreSQL locks rows, not the database: nothing to queue for.
        self._one_writer = threading.Lock() if engine.dialect.name == "sqlite" else contextlib.nullcontext()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits on success and rolls back on any error.

        A unit of work may undo part of itself and go on: a refused change is rolled back to its savepoint and
        the event's record, with the refusal as its reply, still commits at the end.
        """
        with self._one_writer, Session(self._writer, expire_on_commit=False) as session:
            yield session  # on an error, closing the session rolls back
            session.commit()


def _alembic_config(connection: sa.Connection | None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config(None)).get_current_head()


def upgrade(engine: Engine) -> None:
    """Apply every migration (``db upgrade``); safe when several processes start at once."""
    from alembic import command

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_ID})")
        command.upgrade(_alembic_config(conn), "head")


def ensure_schema(engine: Engine) -> None:
    """Give an empty or older database the current schema; cheap when it is up to date."""
    if current_revision(engine) != head_revision():
        logger.info("upgrading the registry schema")
        upgrade(engine)
