"""Fixtures: a real registry per test (SQLite file, or PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from paths import NOW, SEED_CSV, TZ
from slacksim import SECRET, SlackClientSim
from standin import SlackStandIn

from storage.db import Database, make_engine, upgrade

PG_URL = os.environ.get("TEST_DATABASE_URL")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "registry.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def _pg_engine():
    if not PG_URL:
        yield None
        return
    engine = make_engine(PG_URL)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    upgrade(engine)
    yield engine
    engine.dispose()


def _reset_pg(engine) -> None:
    from sqlmodel import Session

    from storage.areas import seed_default_areas

    names = [t for t in sa.inspect(engine).get_table_names() if t != "alembic_version"]
    with engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {', '.join(chr(34) + n + chr(34) for n in names)} RESTART IDENTITY CASCADE")
    with Session(engine) as session, session.begin():
        seed_default_areas(session=session)


@pytest.fixture
def db_url(tmp_path, _sqlite_template, _pg_engine) -> str:
    """A migrated, empty registry (default areas only) for this test."""
    if _pg_engine is not None:
        _reset_pg(_pg_engine)
        return PG_URL  # type: ignore[return-value]
    path = tmp_path / "registry.db"
    shutil.copy(_sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def db(db_url) -> Database:
    engine = make_engine(db_url)
    yield Database(engine)
    engine.dispose()


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def env(db_url) -> dict[str, str]:
    """The environment a command sees: this test's registry, and nothing from the real one."""
    return {"DATABASE_URL": db_url, "BOT_TIMEZONE": "America/Mexico_City"}


@pytest.fixture
def seeded(db, now) -> Database:
    """The registry of seed report 004, imported from examples/seed-004.csv."""
    from bot.transfer.importer import import_file

    report = import_file(db=db, path=SEED_CSV, commission="COVE", now=now, tz=TZ)
    assert not report.errors, report.errors
    return db


@pytest.fixture
def standin():
    """A loopback stand-in for Slack's Web API that records every call."""
    server = SlackStandIn()
    yield server
    server.close()


@pytest.fixture
def slack_env_db(seeded, standin):
    """The seeded registry and Slack settings pointing at the stand-in."""
    from bot.settings import Settings

    return seeded, Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": standin.url})


# --- the Slack app behind its real HTTP adapter ---------------------------------------------------


class Drainable(ThreadPoolExecutor):
    """Bolt's listener pool for tests: ``drain()`` waits for all it was given (lazy listeners included)."""

    def __init__(self) -> None:
        super().__init__(max_workers=8, thread_name_prefix="bolt")
        self._futures: list[Future] = []
        self._lock = threading.Lock()

    def submit(self, fn, /, *args, **kwargs) -> Future:  # type: ignore[override]
        future = super().submit(fn, *args, **kwargs)
        with self._lock:
            self._futures.append(future)
        return future

    def drain(self, timeout: float = 10.0) -> None:
        while True:
            with self._lock:
                self._futures = [f for f in self._futures if not f.done()]
                pending = list(self._futures)
            if not pending:
                return
            wait(pending, timeout=timeout)


@pytest.fixture
def slack_env(env, standin):
    return {**env, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": standin.url}


@pytest.fixture
def start_app(seeded, now) -> Iterator[Callable[..., SlackClientSim]]:
    """Starts the app on a loopback port for some settings; every app started is stopped at the end."""
    from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator

    from bot.app import build_app, make_client
    from bot.slack.server import serve

    stops: list[Callable[[], None]] = []

    def start(settings, db=seeded, clock=lambda: now, **kw) -> SlackClientSim:
        executor = Drainable()
        client = kw.pop("client", None) or make_client(settings, retry_interval=FixedValueRetryIntervalCalculator(0))
        app, service = build_app(settings, db, clock=clock, client=client, executor=executor, **kw)
        ready = threading.Event()
        server = serve(app, "127.0.0.1", 0, ready, settings.slack_signing_secret)
        threading.Thread(target=server.run, daemon=True).start()
        ready.set()
        stops.append(lambda: (server.close(), executor.shutdown(wait=True)))
        return SlackClientSim(f"http://127.0.0.1:{server.effective_port}", service, executor.drain)

    yield start
    for stop in stops:
        stop()


@pytest.fixture
def slack(slack_env, start_app):
    """The app on a loopback port, the seed-004 registry, the clock fixed at Monday 13 Feb 2023 10:00."""
    from bot.settings import Settings

    return start_app(Settings.from_env(slack_env))
