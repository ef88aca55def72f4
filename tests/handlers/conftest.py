"""The Slack app behind its real HTTP adapter, and a loopback stand-in Web API."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait

import pytest
from slacksim import SECRET, SlackClientSim


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
