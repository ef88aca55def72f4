"""Engines, sessions and schema upgrades for SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from storage.queries import held_log, hold_log

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
_PG_LOCK_ID = 7_342_118  # advisory lock that serialises concurrent upgrades


def normalize_url(url: str) -> str:
    """Map ``postgres://`` and ``postgresql://`` to the installed psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str | sa.URL, *, echo: bool = False, autocommit: bool = False, size: int = 5) -> Engine:
    """Build the engine for a registry URL.

    SQLite gets WAL, a busy timeout, foreign keys, and explicit ``BEGIN`` so that write
    transactions take the write lock up front (``BEGIN IMMEDIATE``) and cannot fail half-way.

    Args:
        url: SQLAlchemy URL; ``postgres://`` and ``postgresql://`` work as given.
        echo: log every statement.
        autocommit: (PostgreSQL) every statement commits by itself, set once for the whole pool.
        size: (PostgreSQL) connections kept open; as many again may open at busy moments.

    Returns:
        The engine.
    """
    url = normalize_url(url) if isinstance(url, str) else url.render_as_string(hide_password=False)
    if not url.startswith("sqlite"):
        # LIFO: the connection used last (its prepared statements warm) serves the next unit of work.
        mode = {"isolation_level": "AUTOCOMMIT"} if autocommit else {}
        engine = sa.create_engine(url, echo=echo, pool_size=size, max_overflow=size * 2, pool_use_lifo=True, **mode)
        _ping_when_idle(engine)
        return engine
    memory = url in ("sqlite://", "sqlite:///:memory:")
    engine = sa.create_engine(
        url,
        echo=echo,
        connect_args={"check_same_thread": False, "timeout": 30},
        poolclass=StaticPool if memory else None,
        **({} if memory else {"pool_use_lifo": True}),
    )
    _configure_sqlite(engine, wal=not memory)
    return engine


FRESH_SECONDS = 5.0  # a pooled connection used this recently is trusted without a ping


def _ping_when_idle(engine: Engine) -> None:
    """Ping a pooled connection before use only when it has been idle: a dead one (the server restarted,
    a proxy dropped it) is replaced before any statement runs, and a busy bot saves the round trip that
    ``pool_pre_ping`` would spend on every checkout."""

    @event.listens_for(engine, "connect")
    def _on_connect(_dbapi_connection, record) -> None:
        record.info["used_at"] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection, record) -> None:
        record.info["used_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection, record, _proxy) -> None:
        if time.monotonic() - record.info.get("used_at", 0.0) < FRESH_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise sa.exc.DisconnectionError("stale pooled connection") from exc  # the pool takes another


def _configure_sqlite(engine: Engine, *, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        statement = "BEGIN IMMEDIATE" if conn.get_execution_options().get("write", False) else "BEGIN"
        # Straight to the driver: this runs for every transaction, and SQLAlchemy's statement path costs more.
        try:
            conn.connection.driver_connection.execute(statement)
        except sqlite3.Error as exc:  # e.g. the busy timeout ran out: wrapped as SQLAlchemy would have
            raise sa.exc.OperationalError(statement, None, exc) from exc


def _asynchronous_commit(dbapi_connection, _record) -> None:
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    dbapi_connection.execute("SET synchronous_commit = off")
    dbapi_connection.autocommit = autocommit


def _no_autocheckpoint(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")


class Database:
    """Hands out sessions: ``read()`` for queries, ``write()`` for atomic changes."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._writer = engine.execution_options(write=True)
        self._pools: dict[str, Engine] = {}
        self._pools_lock = threading.Lock()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def checkpoint_in_background(self, every: float = 1.0) -> threading.Event | None:
        """For a long-running server on a SQLite file: WAL checkpoints leave the request path.

        SQLite otherwise checkpoints inside whichever commit fills the log (every 1,000 pages), and that
        request waits for the copy and the fsync (over 10 ms here). Connections stop checkpointing; a
        daemon thread runs a PASSIVE checkpoint (which blocks neither readers nor writers) every ``every``
        seconds. Returns the event that stops it; None where there is nothing to do.
        """
        url = self.engine.url
        if self.dialect != "sqlite" or url.database in (None, "", ":memory:"):
            return None
        event.listen(self.engine, "connect", _no_autocheckpoint)
        self.engine.dispose()  # pooled connections were opened with automatic checkpoints
        stop = threading.Event()

        def loop() -> None:
            while not stop.wait(every):
                try:
                    with self.engine.connect() as conn:  # no BEGIN: a checkpoint runs outside transactions
                        driver = conn.connection.driver_connection
                        assert driver is not None
                        driver.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except Exception as exc:  # a busy moment, a full disk: the next pass tries again
                    logger.warning("background checkpoint failed: %s", exc)

        threading.Thread(target=loop, name="sqlite-checkpoint", daemon=True).start()
        return stop

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def answering(self) -> Iterator[Session]:
        """For answering a question: reads, then one write that stands alone and changes nothing in the
        registry (the event recorded with its reply).

        On PostgreSQL each statement commits by itself, which saves the BEGIN and COMMIT round trips, and
        without waiting for its WAL flush (``synchronous_commit=off``, on a pool of its own): the commit is
        visible to every replica at once, so de-duplication holds; only a crash of the database server in
        the next fraction of a second could lose the record, and then a redelivery of that one question
        would be answered again. SQLite has nothing to save and gets an ordinary write transaction.
        """
        with self._on_side_pool("answers") as session:
            yield session

    @contextmanager
    def appending(self) -> Iterator[Session]:
        """For adding notes to the log on behalf of an event that must be recorded once (``record_event``).

        On PostgreSQL the session runs without a transaction and holds the entries it adds (``hold_log``);
        recording the event writes them with the event record in one statement, which is atomic by itself:
        two round trips in all (the commitment read, then the write) instead of five. The session must end
        with the event recorded or rolled back: entries still held at the end are an error, not a loss.
        SQLite writes as it goes, in an ordinary write transaction.
        """
        with self._on_side_pool("appends") as session:
            if self.dialect != "postgresql":
                yield session
                return
            hold_log(session)
            yield session
            if held_log(session):
                raise RuntimeError("log entries were held for an event that was never recorded")

    @contextmanager
    def _on_side_pool(self, name: str) -> Iterator[Session]:
        """A session on one of PostgreSQL's side pools; on SQLite, an ordinary write transaction."""
        if self.dialect != "postgresql":
            with self.write() as session:
                yield session
            return
        with Session(self._side_pool(name), expire_on_commit=False) as session:
            yield session

    def _side_pool(self, name: str) -> Engine:
        """A small PostgreSQL pool in autocommit mode for one kind of unit of work ("answers" also commit
        without waiting for the WAL flush). The mode is set once per connection: switching a shared pool's
        connections per checkout costs more than the question it serves."""
        with self._pools_lock:
            pool = self._pools.get(name)
            if pool is None:
                pool = make_engine(self.engine.url, autocommit=True, size=4)
                if name == "answers":
                    event.listen(pool, "connect", _asynchronous_commit)
                # Disposed with the main engine, which is what every owner of a Database closes.
                event.listen(self.engine, "engine_disposed", lambda _engine: pool.dispose())
                self._pools[name] = pool
            return pool

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits on success and rolls back on any error.

        A unit of work may roll back part-way (a change refused) and go on in a fresh transaction, which
        commits at the end: the record of the event that asked for the change, with its refusal.
        """
        with Session(self._writer, expire_on_commit=False) as session:
            yield session  # on an error, closing the session rolls back
            session.commit()


def _alembic_config(connection: sa.Connection):
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

    config = _alembic_config(None)  # type: ignore[arg-type]
    return ScriptDirectory.from_config(config).get_current_head()


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
