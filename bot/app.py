"""The Bolt app factory: the service in every listener's context, and the WebClients it posts and looks up with
(each honouring SLACK_API_URL; see ``make_client``)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor
from datetime import datetime
from typing import Any

from slack_bolt import App, BoltContext
from slack_bolt.authorization import AuthorizeResult
from slack_sdk import WebClient
from slack_sdk.http_retry import ConnectionErrorRetryHandler, RetryIntervalCalculator
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator

from bot.clock import now as wall_clock
from bot.conversation import Conversation
from bot.settings import Settings
from bot.slack.forms import Forms
from bot.slack.identity import Identity
from bot.slack.outbox import Outbox, Patience
from bot.slack.people import People
from bot.slack.service import SlackService
from bot.slack.upload import upload_report
from storage.db import Database

logger = logging.getLogger(__name__)


def _not_about_the_unused_token(record: logging.LogRecord) -> bool:
    """Bolt reads ``SLACK_BOT_TOKEN`` from the environment by itself and, given our client as well, warns at every
    start that it will not use it. That is by design here (the client carries the token and ``SLACK_API_URL``)."""
    return "`token` will be unused" not in record.getMessage()


logging.getLogger("slack_bolt.App").addFilter(_not_about_the_unused_token)


def make_client(
    settings: Settings,
    *,
    timeout: int = 10,
    retries: int = 2,
    retry_interval: RetryIntervalCalculator | None = None,
    token: bool = True,
) -> WebClient:
    """A WebClient for ``SLACK_API_URL`` that retries a connection refused or reset (``retries`` times,
    ``retry_interval`` apart: exponential backoff with jitter by default). A 429, a 5xx or a timeout is
    not retried here: the caller keeps what it owes and tries again later (after asking Slack whether
    it has it), without holding a thread."""
    client = WebClient(token=settings.slack_bot_token if token else None, timeout=timeout)
    if settings.slack_api_url:
        client.base_url = settings.slack_api_url
    interval = retry_interval or BackoffRetryIntervalCalculator(backoff_factor=0.5)
    # In place of slack_sdk's default handler (one retry, its own backoff).
    client.retry_handlers = [ConnectionErrorRetryHandler(max_retry_count=retries, interval_calculator=interval)]
    return client


def build_app(
    settings: Settings,
    db: Database,
    *,
    client: WebClient | None = None,
    quick_client: WebClient | None = None,
    clock: Callable[[], datetime] | None = None,
    executor: Executor | None = None,
    patience: Patience | None = None,
) -> tuple[App, SlackService]:
    """The Slack app with every surface registered, and the service its listeners use.

    Args:
        settings: the bot's settings.
        db: the registry.
        client: the Web API client (default: ``make_client``).
        quick_client: the client for a reply posted before the acknowledgement (default: a 1 s timeout, no retries).
        clock: the wall clock (tests fix it).
        executor: where Bolt runs the work that follows an acknowledgement (default: Bolt's own pool).
        patience: how long and how often an undelivered reply is retried.

    Returns:
        The app and its service.
    """
    import handlers

    client = client or make_client(settings)
    clock = clock or (lambda: wall_clock(settings.timezone))
    conversation = Conversation(db, settings)

    def send_report(client: WebClient, key: str, arguments: dict[str, Any], lang: str) -> None:
        upload_report(client, conversation, arguments["channel"], lang, clock(), arguments.get("thread_ts"))

    service = SlackService(
        conversation=conversation,
        settings=settings,
        people=People(settings, make_client(settings, timeout=1, retries=0)),
        outbox=Outbox(
            db,
            client,
            {"report": send_report},
            patience,
            quick=quick_client or make_client(settings, timeout=1, retries=0),
        ),
        clock=clock,
    )
    forms = Forms(service)
    identity = Identity(make_client(settings, timeout=2, retries=0), settings.slack_bot_token or "")
    identity.learn_in_background()

    def authorize(enterprise_id: str | None, team_id: str | None) -> AuthorizeResult:
        return identity.result(enterprise_id, team_id)  # Bolt passes arguments by name: a plain function

    app = App(
        client=make_client(settings, retries=0, token=False),  # each request's client gets the token from ``authorize``
        signing_secret=settings.slack_signing_secret or "unused-in-socket-mode",
        authorize=authorize,
        process_before_response=True,  # the change is recorded before Slack gets its acknowledgement
        listener_executor=executor,
    )

    def inject(context: BoltContext, next: Callable[[], None]) -> None:
        context["slack"] = service
        context["forms"] = forms
        next()

    app.use(inject)
    handlers.register_all(app)

    @app.error
    def on_error(error: Exception, body: dict) -> None:
        logger.exception("listener failed for %s", (body or {}).get("type"), exc_info=error)

    return app, service
