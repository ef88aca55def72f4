"""``run``: the Slack bot (Socket Mode or HTTP) with the scheduler; the terminal shell without credentials."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from typing import TYPE_CHECKING

from bot.commands import Context, UsageError
from bot.i18n import t
from bot.settings import Settings

if TYPE_CHECKING:
    from slack_bolt import App

logger = logging.getLogger(__name__)


def run(ctx: Context, args: argparse.Namespace) -> int:
    settings = ctx.settings
    missing = missing_credentials(settings)
    if missing and (settings.slack_bot_token or settings.slack_app_token or settings.slack_signing_secret):
        raise UsageError(t("run.missing", ctx.lang, names=missing))
    if missing and not sys.stdin.isatty():  # a deploy (Procfile) without credentials must not "succeed"
        raise UsageError(t("run.no_credentials", ctx.lang))
    if missing:
        logger.warning("no Slack credentials: starting the terminal shell instead of the Slack app")
        from bot.commands.talk import shell

        args.now, args.user = None, None
        return shell(ctx, args)
    if settings.writers is None:
        logger.warning("BOT_WRITERS is unset: every member of the workspace may change the registry")
    from bot.app import build_app
    from bot.nlu import warm_up
    from bot.scheduler import start_scheduler

    warm_up(ctx.now)
    app, service = build_app(settings, ctx.db)
    scheduler = start_scheduler(ctx.db, settings, service.outbox.client, service.outbox)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        if settings.slack_app_token:
            _socket_mode(app, settings.slack_app_token, stop)
        else:
            _http(app, settings.port, settings.slack_signing_secret or "", stop)
    finally:
        scheduler.shutdown(wait=False)
    return 0


def missing_credentials(settings: Settings) -> str:
    """What Slack credentials the chosen mode still lacks, as the setting names ("" when none)."""
    if not settings.slack_bot_token:
        return "SLACK_BOT_TOKEN"
    if not settings.slack_app_token and not settings.slack_signing_secret:
        return "SLACK_APP_TOKEN / SLACK_SIGNING_SECRET"
    return ""


def _socket_mode(app: App, app_token: str, stop: threading.Event) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(app, app_token=app_token)
    handler.connect()
    logger.info("connected in Socket Mode")
    stop.wait()
    handler.close()


def _http(app: App, port: int, signing_secret: str, stop: threading.Event) -> None:
    from bot.slack.server import serve

    ready = threading.Event()
    server = serve(app, "0.0.0.0", port, ready, signing_secret)
    thread = threading.Thread(target=server.run, name="http", daemon=True)
    thread.start()
    ready.set()
    stop.wait()
    server.close()
