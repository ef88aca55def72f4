import os
import sqlite3
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from storage.db import current_revision, ensure_schema, head_revision, make_engine, normalize_url
from storage.models import Commission


def test_postgres_urls_map_to_psycopg():
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("sqlite:///x.db") == "sqlite:///x.db"


def test_empty_sqlite_file_gets_schema_and_catalog(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    ensure_schema(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        acronyms = {row[0] for row in conn.exec_driver_sql("SELECT acronym FROM area")}
        mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        fk = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
    assert {"DERFE", "UTSI", "IME", "DEA", "FISEL"} <= acronyms
    assert mode == "wal" and fk == 1
    engine.dispose()


def test_timestamps_come_back_aware_utc(db):
    from storage.models import Meeting

    local = datetime.fromisoformat("2023-01-30T10:00:00-06:00")
    with db.write() as s:
        c = Commission(code="X", name="X")
        s.add(c)
        s.flush()
        s.add(Meeting(commission_id=c.id, name="Primera", at=local, kind="extraordinary"))
    with db.read() as s:
        m = s.exec(select(Meeting)).one()
    assert m.at.tzinfo is not None and m.at.utcoffset().total_seconds() == 0
    assert m.at == local


def test_naive_timestamps_are_refused(db):
    from storage.models import Meeting

    with pytest.raises(Exception, match="naive"), db.write() as s:
        c = Commission(code="Y", name="Y")
        s.add(c)
        s.flush()
        s.add(Meeting(commission_id=c.id, name="n", at=datetime(2023, 1, 1), kind="ordinary"))
        s.flush()


def test_write_rolls_back_whole_transaction(db):
    with pytest.raises(RuntimeError), db.write() as s:
        s.add(Commission(code="Z", name="Z"))
        s.flush()
        raise RuntimeError("boom")
    with db.read() as s:
        assert s.exec(select(Commission).where(Commission.code == "Z")).first() is None


def test_utc_column_roundtrip_keeps_instant(db):
    stamp = datetime(2023, 2, 13, 16, 0, tzinfo=UTC)
    from storage.models import ProcessedEvent

    with db.write() as s:
        s.add(ProcessedEvent(key="k", claimed_at=stamp))
    with db.read() as s:
        assert s.get(ProcessedEvent, "k").claimed_at == stamp


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="PostgreSQL only (TEST_DATABASE_URL)")
def test_an_idle_pooled_connection_that_died_is_replaced_before_use(db_url, monkeypatch):
    """No ping while a connection is busy; after an idle spell it is pinged, and a dead one is replaced."""
    import sqlalchemy as sa

    import storage.db as storage_db

    engine = make_engine(db_url)
    with engine.connect() as conn:
        victim = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    with make_engine(db_url).connect() as other:
        other.exec_driver_sql(f"SELECT pg_terminate_backend({victim})")
    # Used a moment ago: trusted, so the dead connection fails the statement (what pool_pre_ping would avoid).
    with pytest.raises(sa.exc.DBAPIError), engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    with engine.connect() as conn:  # the pool was invalidated by that failure
        victim = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    with make_engine(db_url).connect() as other:
        other.exec_driver_sql(f"SELECT pg_terminate_backend({victim})")
    monkeypatch.setattr(storage_db, "FRESH_SECONDS", 0.0)  # it has been idle long enough to be pinged
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() != victim
    engine.dispose()


@pytest.fixture
def sqlite_file(tmp_path):
    """A migrated registry in a SQLite file (whatever TEST_DATABASE_URL says): its path and database."""
    from storage.db import Database, upgrade

    path = tmp_path / "r.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    yield path, Database(engine)
    engine.dispose()


def test_a_server_checkpoints_the_sqlite_log_in_the_background(sqlite_file):
    """Commits no longer checkpoint (a request would wait for it); a background pass does."""
    import time

    from storage.db import Database

    path, db = sqlite_file
    engine = db.engine
    connect, failures = engine.connect, [1, 2]

    def flaky_connect():  # the first passes fail, as on a full disk: the thread must keep going
        if failures:
            failures.pop()
            raise sqlite3.OperationalError("database or disk is full")
        return connect()

    engine.connect = flaky_connect  # type: ignore[method-assign]
    stop = db.checkpoint_in_background(every=0.05)
    assert stop is not None
    before = path.stat().st_size
    with db.write() as session:
        assert session.connection().exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one() == 0
        for n in range(300):
            session.connection().exec_driver_sql(f"INSERT INTO commission (code, name) VALUES ('C{n}', '{'x' * 2000}')")
    # The rows reach the database file itself only through a checkpoint (too few pages for SQLite's own).
    deadline = time.monotonic() + 5
    while path.stat().st_size < before + 500_000 and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    assert path.stat().st_size >= before + 500_000 and not failures
    assert Database(make_engine("sqlite://")).checkpoint_in_background() is None


def test_a_busy_sqlite_registry_fails_as_an_sqlalchemy_error(sqlite_file):
    """BEGIN goes straight to the driver; its failure still reads as SQLAlchemy's (the CLI explains those)."""
    import sqlalchemy as sa

    path, db = sqlite_file
    engine = db.engine
    with engine.connect() as conn:  # the pool hands this connection out next (LIFO): make it impatient
        conn.connection.driver_connection.execute("PRAGMA busy_timeout=50")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(sa.exc.OperationalError), db.write() as session:
            session.connection()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
