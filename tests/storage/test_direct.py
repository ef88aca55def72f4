"""Statements run straight on the driver's cursor give what SQLAlchemy gives, and fail as it fails."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from storage import direct
from storage.models import Commission, ProcessedEvent
from storage.queries import _CARD, core

_EVENT = ProcessedEvent.__table__  # type: ignore[attr-defined]
_INSERT = sa.insert(_EVENT).values(key=sa.bindparam("key"), claimed_at=sa.bindparam("at")).returning(_EVENT.c.key)


def _cid(session) -> int:
    return session.execute(sa.select(Commission.id).where(Commission.code == "COVE")).scalar_one()


@pytest.mark.parametrize("code", ["23/2022", "01/2023", "99/2023"])
def test_rows_are_what_sqlalchemy_returns_with_the_same_types(seeded, code):
    with seeded.read() as s:
        params = {"cid": _cid(s), "code": code}
        expected = [tuple(row) for row in core(s).execute(_CARD, params)]
        got = direct.rows(core(s), _CARD, params)
    assert got == expected
    for row in got:
        for value in row:
            if isinstance(value, datetime):
                assert value.tzinfo is UTC


def test_parameters_are_converted_by_their_column_types(db):
    at = datetime(2023, 2, 13, 10, 0, tzinfo=UTC)
    with db.write() as s:
        assert direct.rows(core(s), _INSERT, {"key": "k1", "at": at}) == [("k1",)]
    with db.read() as s:
        assert s.execute(sa.select(_EVENT.c.claimed_at)).scalar_one() == at
    with pytest.raises(sa.exc.StatementError, match="naive"), db.write() as s:
        direct.rows(core(s), _INSERT, {"key": "k2", "at": datetime(2023, 2, 13, 10, 0)})


def test_driver_errors_come_out_as_sqlalchemy_errors(db):
    at = datetime(2023, 2, 13, 10, 0, tzinfo=UTC)
    with db.write() as s:
        direct.rows(core(s), _INSERT, {"key": "dup", "at": at})
    with pytest.raises(sa.exc.IntegrityError), db.write() as s:
        direct.rows(core(s), _INSERT, {"key": "dup", "at": at})


def test_statements_rendered_per_run_are_refused(db):
    per_run = sa.select(sa.func.aggregate_strings(_EVENT.c.key, ","))
    with pytest.raises(ValueError, match="rendered once"), db.read() as s:
        direct.rows(core(s), per_run, {})


def test_a_connection_found_dead_is_invalidated_and_the_next_one_works(db):
    if db.dialect != "postgresql":
        pytest.skip("a server-side disconnect")
    with db.read() as s:
        conn = core(s)
        pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        with db.engine.connect() as other:
            other.exec_driver_sql(f"SELECT pg_terminate_backend({pid})")
        with pytest.raises(sa.exc.DBAPIError) as err:
            direct.rows(conn, sa.select(sa.literal(1)), {})
        assert err.value.connection_invalidated
    with db.read() as s:
        assert direct.rows(core(s), sa.select(sa.literal(1)), {}) == [(1,)]
