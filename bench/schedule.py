"""Scheduler cost: an idle tick, and the digest and eve reminders for 10,000 commitments in 50 areas.

Prints wall time and SQL statements, against reading the same rows bare in the same run.
Run: .venv/bin/python bench/schedule.py [--pg postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402
from seed import StatementCounter, fill, fresh  # noqa: E402

from bot.model import MeetingView  # noqa: E402
from bot.render.digest import reminder_messages  # noqa: E402
from bot.schedule.compose import Composer  # noqa: E402
from bot.schedule.tick import tick  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage import deliveries  # noqa: E402

TZ = ZoneInfo("America/Mexico_City")
NOW = datetime(2023, 2, 13, 9, 0, 30, tzinfo=TZ)


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def measure(url: str, commitments: int, areas: int) -> None:
    db = fresh(url)
    fill(db, commitments, areas, NOW.date())
    settings = Settings.from_env({"DIGEST_CHANNELS": "CBENCH", "REMINDER_CHANNELS": "CREM"})
    # The digest of this Monday is already delivered: every later tick has nothing to do.
    with db.write() as s:
        deliveries.record(
            session=s,
            key="digest:CBENCH:2023-02-13",
            kind="digest",
            target="CBENCH",
            occurrence="2023-02-13",
            due_at=NOW,
            state="sent",
        )
    idle_now = NOW.replace(hour=15)
    with StatementCounter(db.engine) as idle_sql:
        tick(db=db, settings=settings, client=None, now=idle_now, lang="es")
    idle_ms, _ = timed(lambda: tick(db=db, settings=settings, client=None, now=idle_now, lang="es"), 20)

    def digest():
        composer = Composer(db, settings, NOW, "es")
        return composer.messages("digest", "CBENCH", "2023-02-13")

    with StatementCounter(db.engine) as digest_sql:
        messages = digest()
    digest_ms, _ = timed(digest, 5)
    snap = Composer(db, settings, NOW, "es").snapshot
    meeting = MeetingView(name="Sesión de prueba", at=NOW, kind="ordinary")
    eve_ms, eve = timed(lambda: reminder_messages(meeting, snap.open_items, TZ, "es"), 3)
    floor_ms, _ = timed(lambda: _bare_read(db), 5)
    label = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"{label}: {commitments} commitments, {areas} areas, {len(snap.open_items)} open")
    print(f"  idle tick             {idle_ms:8.2f} ms   {idle_sql.count:3d} SQL statements")
    print(
        f"  digest (build)        {digest_ms:8.2f} ms   {digest_sql.count:3d} SQL statements   "
        f"{len(messages)} message(s), {sum(len(m['blocks']) for m in messages)} blocks"
    )
    print(f"  eve reminder (render) {eve_ms:8.2f} ms     0 SQL statements   {len(eve)} message(s)")
    print(f"  baseline: bare SELECT of the same rows {floor_ms:8.2f} ms  → digest/baseline {digest_ms / floor_ms:.2f}x")
    db.engine.dispose()


def _bare_read(db) -> int:
    with db.engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT c.*, ca.area_id FROM commitment c JOIN commitmentarea ca ON ca.commitment_id = c.id "
                "WHERE c.status != 'done'"
            )
        ).fetchall()
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", help="also measure on this PostgreSQL URL (its public schema is dropped)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1_000, 10_000):
            measure(f"sqlite:///{tmp}/bench-{n}.db", n, 50)
    if args.pg:
        for n in (1_000, 10_000):
            measure(args.pg, n, 50)


if __name__ == "__main__":
    main()
