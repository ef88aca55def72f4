"""What SQLAlchemy's result objects cost on the statements every Slack turn runs, against ``storage.direct``.

The same statement (a commitment's card; an event record) runs through ``Connection.execute`` and through
``direct.rows`` on the same connection, alternately, on a registry of 10,000 commitments; figures per
statement, and the ratio direct / SQLAlchemy.
Run: .venv/bin/python bench/statements.py [--pg URL] [--runs 3000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import sqlalchemy as sa  # noqa: E402
from seed import fill, fresh  # noqa: E402

from storage import direct  # noqa: E402
from storage.models import ProcessedEvent  # noqa: E402
from storage.queries import _CARD, _insert_ignore_stmt, core  # noqa: E402


def timed(fn, runs: int) -> list[float]:
    out = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


def measure(label: str, url: str, runs: int) -> None:
    db = fresh(url)
    fill(db, 10_000, 50, date(2023, 2, 13))
    record = _insert_ignore_stmt(db.dialect, ProcessedEvent, ("claimed_at", "key", "reply"), ("key",))
    with db.answering() as session:  # as a question runs (PostgreSQL: autocommit)
        conn = core(session)
        cid = conn.execute(sa.text("SELECT id FROM commission")).scalar_one()

        def card(i: int) -> dict:
            return {"cid": cid, "code": f"{i % 1999 + 1:02d}/{2020 + i % 5}"}

        def event(i: int, way: str) -> dict:
            return {"key": f"{way}{i}", "claimed_at": datetime.now(UTC), "reply": "x" * 1500}

        cases = {
            "card read": (lambda i: conn.execute(_CARD, card(i)).all(), lambda i: direct.rows(conn, _CARD, card(i))),
            "event record": (
                lambda i: conn.execute(record, event(i, "sa")).all(),
                lambda i: direct.rows(conn, record, event(i, "direct")),
            ),
        }
        for name, (through_sqlalchemy, straight) in cases.items():
            timed(through_sqlalchemy, 200), timed(straight, 200)  # warm: statement caches, prepared statements
            base = timed(through_sqlalchemy, runs)
            fast = timed(straight, runs)
            p50b, p50f = statistics.median(base), statistics.median(fast)
            print(
                f"{label:11s} {name:13s} SQLAlchemy p50 {p50b:6.3f} ms   direct p50 {p50f:6.3f} ms   "
                f"ratio {p50f / p50b:4.2f}x   (p90 {base[int(0.9 * runs)]:.3f} / {fast[int(0.9 * runs)]:.3f} ms)"
            )
    db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", help="also on this PostgreSQL URL (its public schema is dropped)")
    parser.add_argument("--runs", type=int, default=3000)
    args = parser.parse_args()
    measure("SQLite", f"sqlite:///{tempfile.mkdtemp()}/bench.db", args.runs)
    if args.pg:
        measure("PostgreSQL", args.pg, args.runs)


if __name__ == "__main__":
    main()
