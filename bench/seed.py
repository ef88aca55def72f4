"""A large registry for the benches: N commitments over A areas, with a log entry each."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa

from storage.db import Database, make_engine, upgrade


def fresh(url: str) -> Database:
    """An empty, migrated registry at ``url`` (PostgreSQL's public schema is dropped first)."""
    engine = make_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")
    upgrade(engine)
    return Database(engine)


def fill(db: Database, commitments: int, areas: int, today: date, seed: int = 7) -> None:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with db.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO commission (code, name) VALUES ('COVE', 'COVE')"))
        cid = conn.execute(sa.text("SELECT id FROM commission WHERE code='COVE'")).scalar_one()
        conn.execute(
            sa.text("INSERT INTO area (acronym, name, aliases) VALUES (:a, :n, '')"),
            [{"a": f"B{n:02d}", "n": f"Área de prueba {n}"} for n in range(areas)],
        )
        area_ids = [r[0] for r in conn.execute(sa.text("SELECT id FROM area WHERE acronym LIKE 'B%'"))]
        rows = []
        for n in range(commitments):
            year = 2020 + n // 2000
            status = rng.choice(["pending", "in_progress", "in_progress", "done"])
            rows.append(
                {
                    "cid": cid,
                    "code": f"{n % 2000 + 1:02d}/{year}",
                    "year": year,
                    "num": n % 2000 + 1,
                    "text": f"Compromiso de prueba número {n}: entregar la nota informativa al área",
                    "status": status,
                    "due": today + timedelta(days=rng.randint(-60, 90)),
                    "now": now,
                }
            )
        conn.execute(
            sa.text(
                "INSERT INTO commitment (commission_id, code, year, number, text, status, due_date, due_kind, "
                "created_at, updated_at) VALUES (:cid, :code, :year, :num, :text, :status, :due, 'day', :now, :now)"
            ),
            rows,
        )
        ids = [r[0] for r in conn.execute(sa.text("SELECT id FROM commitment ORDER BY id"))]
        conn.execute(
            sa.text("INSERT INTO commitmentarea (commitment_id, area_id, position) VALUES (:c, :a, 0)"),
            [{"c": c, "a": area_ids[i % len(area_ids)]} for i, c in enumerate(ids)],
        )
        conn.execute(
            sa.text(
                "INSERT INTO commitment_update (commitment_id, at, recorded_at, author, text, source, kind) "
                "VALUES (:c, :now, :now, 'bench', 'Se envió el oficio al área responsable', 'bench', 'note')"
            ),
            [{"c": c, "now": now} for c in ids],
        )
    with db.engine.connect() as conn:  # planner statistics, as autovacuum would have them after a bulk load
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.exec_driver_sql("ANALYZE")
        if db.dialect == "postgresql":
            # The bulk load written out now, as it would long be in a registry in service: otherwise its
            # checkpoint runs during the measurement, and every durable commit waits behind its writes.
            conn.exec_driver_sql("CHECKPOINT")


class StatementCounter:
    """Counts the SQL statements an engine runs while active."""

    def __init__(self, engine):
        self.engine, self.count = engine, 0

    def _count(self, *args, **kwargs) -> None:
        self.count += 1

    def __enter__(self):
        self.count = 0
        sa.event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *exc) -> None:
        sa.event.remove(self.engine, "before_cursor_execute", self._count)
