"""The app factory: what a start logs."""

from __future__ import annotations

import logging


def test_a_start_with_the_token_in_the_environment_does_not_warn_that_it_is_unused(
    seeded, standin, monkeypatch, caplog
):
    from bot.app import build_app
    from bot.settings import Settings

    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")  # as a deployment has it; Bolt reads it by itself
    settings = Settings.from_env(
        {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": standin.url}
    )
    with caplog.at_level(logging.WARNING):
        build_app(settings, seeded)
    assert not [r for r in caplog.records if "unused" in r.getMessage()]
