"""The Bolt app factory: one WebClient (honouring SLACK_API_URL, with retries), the service in context."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from datetime import datetime

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler
from slack_sdk.http_retry.builtin_handlers import ServerErrorRetryHandler

from bot.clock import now as wall_clock
from bot.conversation import Conversation
from bot.settings import Settings
from bot.slack.forms import Forms
from bot.slack.outbox import Outbox
from bot.slack.people import People
from bot.slack.poster import ReplyPoster
from bot.slack.service import SlackService
from storage.db import Database

logger = logging.getLogger(__name__)


def make_client(settings: Settings, token: str | None = None) -> WebClient:
    """A WebClient for ``SLACK_API_URL`` that waits out 429s and retries 5xx and dropped connections."""
    client = WebClient(token=token or settings.slack_bot_token)
    if settings.slack_api_url:
        client.base_url = settings.slack_api_url
    client.retry_handlers.extend(
        [
            RateLimitErrorRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2),
            ConnectionErrorRetryHandler(max_retry_count=2),
        ]
    )
    return client


def make_poster(settings: Settings, client: WebClient) -> ReplyPoster:
    """For the first, immediate try at a reply: a kept-alive connection, a short timeout, no retries
    (through the proxy the WebClient uses, if any: slack_sdk reads it from ``HTTPS_PROXY``)."""
    return ReplyPoster(settings.slack_bot_token or "", settings.slack_api_url, proxy=client.proxy)


def build_app(
    settings: Settings,
    db: Database,
    *,
    client: WebClient | None = None,
    clock: Callable[[], datetime] | None = None,
) -> tuple[App, SlackService]:
    """The Slack app with every surface registered, and the service its listeners use."""
    import handlers

    client = client or make_client(settings)
    conversation = Conversation(db, settings)
    service = SlackService(
        conversation=conversation,
        settings=settings,
        people=People(settings),
        outbox=Outbox(client, conversation, quick=make_poster(settings, client)),
        clock=clock or (lambda: wall_clock(settings.timezone)),
    )
    forms = Forms(service)
    app = App(
        client=client,
        signing_secret=settings.slack_signing_secret or "unused-in-socket-mode",
        token_verification_enabled=False,
        process_before_response=True,  # the write happens before Slack gets its acknowledgement
    )

    def inject(context, next) -> None:
        context["slack"] = service
        context["forms"] = forms
        next()

    app.use(inject)
    handlers.register_all(app)

    @app.error
    def on_error(error, body) -> None:
        logger.exception("listener failed for %s", (body or {}).get("type"), exc_info=error)

    return app, service


def ready_to_serve(service: SlackService, db: Database) -> None:
    """What ``run`` does between building the app and taking the first event.

    The hot path is rehearsed (statement compilation and driver preparation are paid now), SQLite's WAL
    checkpoints move to a background thread, and what start-up built is frozen out of the garbage
    collector's full passes, which otherwise pause every thread for tens of milliseconds now and then.
    """
    db.checkpoint_in_background()  # first: it reopens SQLite's connections, which the rehearsal then warms
    service.warm_up()
    gc.collect()
    gc.freeze()
