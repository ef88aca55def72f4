"""Statements run straight on the driver's cursor give what SQLAlchemy gives, and fail as it fails."""

from contextlib import ExitStack
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from storage import direct
from storage.models import Commission, ProcessedEvent, Update
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


def test_a_parameter_used_twice_is_converted_once(db):
    at = datetime(2023, 2, 13, 10, 0, tzinfo=UTC)
    with db.write() as s:
        direct.rows(core(s), _INSERT, {"key": "k1", "at": at})
        twice = sa.select(_EVENT.c.key).where(
            _EVENT.c.claimed_at <= sa.bindparam("t"), _EVENT.c.claimed_at >= sa.bindparam("t")
        )
        assert direct.rows(core(s), twice, {"t": at}) == [("k1",)]


@pytest.mark.parametrize(
    ("stmt", "refusal"),
    [
        (sa.select(sa.func.aggregate_strings(_EVENT.c.key, ",")), "rendered once"),
        (sa.insert(Update.__table__).values(commitment_id=1, at=sa.bindparam("at")), "defaults"),  # type: ignore[attr-defined]
        (sa.select(sa.bindparam("n", callable_=lambda: 42)), "computed per run"),
        (sa.select(sa.bindparam("a b", 1)), "plain parameter names"),
    ],
)
def test_what_sqlalchemy_works_out_per_run_is_refused_not_skipped(db, stmt, refusal):
    with pytest.raises(ValueError, match=refusal), db.read() as s:
        direct.rows(core(s), stmt, {})


def test_a_missing_parameter_is_a_statement_error(db):
    with pytest.raises(sa.exc.StatementError, match="no value for at"), db.write() as s:
        direct.rows(core(s), _INSERT, {"key": "k3"})


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


def test_after_a_server_restart_one_request_fails_not_one_per_pooled_connection(db):
    if db.dialect != "postgresql":
        pytest.skip("a server-side disconnect")
    conns = [db.engine.connect() for _ in range(4)]
    pids = [c.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() for c in conns]
    for c in conns:
        c.close()
    outside = sa.create_engine(db.engine.url)  # the restart, seen from outside the bot's pool
    with outside.connect() as admin:
        admin.exec_driver_sql(f"SELECT pg_terminate_backend(pid) FROM unnest(ARRAY{pids}) AS pid")
    outside.dispose()
    with pytest.raises(sa.exc.DBAPIError), db.read() as s:
        direct.rows(core(s), sa.select(sa.literal(1)), {})
    with ExitStack() as busy:  # then four requests at once: each takes a pooled connection
        sessions = [busy.enter_context(db.read()) for _ in range(4)]
        assert [direct.rows(core(s), sa.select(sa.literal(1)), {}) for s in sessions] == [[(1,)]] * 4
