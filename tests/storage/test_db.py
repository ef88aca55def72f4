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
def test_a_pooled_connection_that_died_is_replaced_before_use(db_url):
    """A server restart or a dropped connection costs no request: the pool pings before handing one out."""
    engine = make_engine(db_url)
    with engine.connect() as conn:
        victim = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    with make_engine(db_url).connect() as other:
        other.exec_driver_sql(f"SELECT pg_terminate_backend({victim})")
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


def test_a_busy_sqlite_registry_fails_as_an_sqlalchemy_error(sqlite_file):
    """A write that cannot take the lock fails as SQLAlchemy's error (the CLI explains those), after the timeout."""
    import sqlalchemy as sa

    path, db = sqlite_file
    engine = db.engine
    with engine.connect() as conn:  # the pool's only connection, handed out next: make it impatient
        conn.connection.driver_connection.execute("PRAGMA busy_timeout=50")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(sa.exc.OperationalError), db.write() as session:
            session.connection()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_text_stored_before_input_was_cleaned_is_cleaned_by_the_upgrade(tmp_path):
    from alembic import command

    from storage.db import _alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0002")
        conn.exec_driver_sql("INSERT INTO commission (code, name) VALUES ('COVE', 'COVE')")
        conn.exec_driver_sql(
            "INSERT INTO commitment (commission_id, code, year, number, text, status, created_at, updated_at, version)"
            " VALUES (1, '01/2023', 2023, 1, ?, 'pending', '2023-01-01', '2023-01-01', 0)",
            ("nota\x1b[0m con\x00 control",),
        )
    ensure_schema(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT text FROM commitment").scalar_one() == "nota[0m con control"
