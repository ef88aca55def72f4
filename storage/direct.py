"""The few statements of every Slack turn, run straight on the driver's cursor.

SQLAlchemy builds a result object for every execution (column metadata, row proxies, parameter
processing): about 0.2 ms a statement on the reference machine, as much as the round trip to
PostgreSQL itself (``bench/statements.py``). The statements a turn runs every time go through ``rows``
instead. SQLAlchemy still writes their SQL (once per dialect) and converts their parameters and values
with the columns' own types; driver errors come out as SQLAlchemy's, and a connection found dead is
invalidated, as SQLAlchemy does. This is the raw-DBAPI route SQLAlchemy documents for hot spots
("Working with Driver SQL and Raw DBAPI Connections"), kept to statements built with Core.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa


@dataclass(frozen=True)
class _Plan:
    sql: str
    order: tuple[str, ...] | None  # parameter names in order, for positional paramstyles
    required: frozenset[str]  # names the caller must give
    defaults: dict[str, Any]  # values fixed in the statement (literals SQLAlchemy made parameters)
    binds: tuple[tuple[str, Callable[[Any], Any]], ...]  # names whose values a type converts, once each
    results: tuple[Callable[[Any], Any] | None, ...]  # per column; empty when no column converts
    returns_rows: bool  # (asking the cursor for its description costs as much as the rows)


_plans: dict[tuple[Any, str, str], _Plan] = {}


def _plan(stmt: Any, dialect: sa.Dialect) -> _Plan:
    key = (stmt, dialect.name, dialect.paramstyle)
    found = _plans.get(key)
    if found is not None:
        return found
    compiled: Any = stmt.compile(dialect=dialect)
    # What SQLAlchemy would work out per run is refused here, not silently skipped.
    if compiled.literal_execute_params or compiled.post_compile_params:
        raise ValueError("statements run directly are rendered once: no parameters rendered per run")
    if getattr(compiled, "insert_prefetch", None) or getattr(compiled, "update_prefetch", None):
        raise ValueError("statements run directly take every value from the caller: no Python-side defaults")
    if compiled.escaped_bind_names:
        raise ValueError("statements run directly need plain parameter names")
    converters: dict[str, Callable[[Any], Any]] = {}
    required = set()
    defaults = {}
    for bind, name in compiled.bind_names.items():
        if bind.callable is not None:
            raise ValueError("statements run directly take no parameters computed per run")
        if bind.required:
            required.add(name)
        else:
            defaults[name] = bind.value
        processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            converters[name] = processor
    columns = stmt.selected_columns if isinstance(stmt, sa.Select) else stmt.exported_columns
    results = tuple(column.type.dialect_impl(dialect).result_processor(dialect, None) for column in columns)
    plan = _Plan(
        sql=compiled.string,
        order=tuple(compiled.positiontup) if compiled.positional else None,
        required=frozenset(required),
        defaults=defaults,
        binds=tuple(converters.items()),
        results=results if any(results) else (),
        returns_rows=bool(columns),
    )
    _plans[key] = plan
    return plan


def rows(conn: sa.Connection, stmt: Any, params: dict[str, Any]) -> list[tuple]:
    """The rows of a Core statement (none for one without results), in ``conn``'s transaction.

    Args:
        conn: the connection (``storage.queries.core(session)``), its transaction begun.
        stmt: a Select, or an Insert/Update (with RETURNING for rows back), built once and reused.
        params: values by bind-parameter name.

    Raises:
        sqlalchemy.exc.StatementError: a value its column type refuses (e.g. a naive timestamp).
        sqlalchemy.exc.DBAPIError: what the driver raised, wrapped as SQLAlchemy would.
    """
    dialect = conn.dialect
    plan = _plan(stmt, dialect)
    missing = plan.required.difference(params)
    if missing:
        raise sa.exc.StatementError(f"no value for {', '.join(sorted(missing))}", plan.sql, params, None)
    values = {**plan.defaults, **params}
    try:
        for name, convert in plan.binds:
            values[name] = convert(values[name])
    except Exception as exc:
        raise sa.exc.StatementError(str(exc), plan.sql, params, exc) from exc
    args = tuple(values[name] for name in plan.order) if plan.order is not None else values
    dbapi_connection = conn.connection
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(plan.sql, args)
        fetched: list[tuple] = list(cursor.fetchall()) if plan.returns_rows else []
    except dialect.loaded_dbapi.Error as exc:
        lost = dialect.is_disconnect(exc, dbapi_connection.dbapi_connection, cursor)
        if lost:  # as SQLAlchemy does: this connection, and every other the pool holds, is presumed dead
            conn.invalidate(exc)
            conn.engine.dispose()
        raise sa.exc.DBAPIError.instance(
            plan.sql, args, exc, dialect.loaded_dbapi.Error, connection_invalidated=lost, dialect=dialect
        ) from exc
    finally:
        cursor.close()
    if not plan.results:
        return fetched
    convert_all = plan.results
    return [tuple(v if f is None else f(v) for f, v in zip(convert_all, row, strict=True)) for row in fetched]
