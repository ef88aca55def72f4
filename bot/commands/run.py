"""``run``: the Slack bot (Socket Mode or HTTP) with the scheduler; the terminal shell without credentials."""

from __future__ import annotations

import logging
import signal
import threading

from bot.commands import Context, UsageError

logger = logging.getLogger(__name__)


def run(ctx: Context, args) -> int:
    settings = ctx.settings
    if not settings.slack_bot_token and (settings.slack_app_token or settings.slack_signing_secret):
        raise UsageError("SLACK_BOT_TOKEN is missing while other Slack credentials are set")
    if not settings.slack_bot_token:
        logger.warning("no SLACK_BOT_TOKEN: starting the terminal shell instead of the Slack app")
        from bot.commands.talk import shell

        args.now, args.user = None, None
        return shell(ctx, args)
    if not settings.slack_app_token and not settings.slack_signing_secret:
        raise UsageError("SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)")
    if settings.writers is None:
        logger.warning("BOT_WRITERS is unset: every member of the workspace may change the registry")
    from bot.app import build_app, ready_to_serve
    from bot.nlu import warm_up
    from bot.scheduler import start_scheduler

    warm_up(ctx.now)
    app, service = build_app(settings, ctx.db)
    ready_to_serve(service, ctx.db)
    scheduler = start_scheduler(ctx.db, settings, app.client, service)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        if settings.slack_app_token:
            _socket_mode(app, settings.slack_app_token, stop)
        else:
            _http(app, settings.port, stop)
    finally:
        scheduler.shutdown(wait=False)
        service.outbox.close()
    return 0


def _socket_mode(app, app_token: str, stop: threading.Event) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(app, app_token=app_token)
    handler.connect()
    logger.info("connected in Socket Mode")
    stop.wait()
    handler.close()


def _http(app, port: int, stop: threading.Event) -> None:
    from bot.slack.server import serve

    ready = threading.Event()
    server = serve(app, "0.0.0.0", port, ready)
    thread = threading.Thread(target=server.run, name="http", daemon=True)
    thread.start()
    ready.set()
    stop.wait()
    server.close()
