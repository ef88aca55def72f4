"""The Slack app behind its real HTTP adapter, and a loopback stand-in Web API."""

from __future__ import annotations

import threading

import pytest
from slacksim import SECRET, SlackClientSim


@pytest.fixture
def slack_env(env, standin):
    return {**env, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": standin.url}


@pytest.fixture
def slack(slack_env, seeded, now):
    """The app on a loopback port, the seed-004 registry, the clock fixed at Monday 13 Feb 2023 10:00."""
    from bot.app import build_app
    from bot.settings import Settings
    from bot.slack.server import serve

    settings = Settings.from_env(slack_env)
    app, service = build_app(settings, seeded, clock=lambda: now)
    ready = threading.Event()
    server = serve(app, "127.0.0.1", 0, ready)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    ready.set()
    sim = SlackClientSim(f"http://127.0.0.1:{server.effective_port}", service)
    yield sim
    server.close()
    service.outbox.close()
