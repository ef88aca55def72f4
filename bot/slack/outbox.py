"""Replies leave through here: stored with the event first, then posted, then marked sent."""

from __future__ import annotations

import json
import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor, wait
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.clock import now as wall_clock
from bot.conversation import Conversation
from bot.i18n import t
from bot.slack.poster import ReplyPoster

logger = logging.getLogger(__name__)


def upload_report(
    client: WebClient, conversation: Conversation, channel: str, lang: str, now: datetime, thread_ts: str | None = None
) -> dict:
    """The Word report, uploaded with ``files.getUploadURLExternal`` then ``files.completeUploadExternal``."""
    from bot.render.text import date_text
    from bot.transfer.formats import render_export

    settings = conversation.settings
    data = render_export(
        db=conversation.db, fmt="docx", commission=settings.default_commission, now=now, tz=settings.timezone, lang=lang
    )
    day = now.astimezone(settings.timezone).date()
    response = client.files_upload_v2(
        channel=channel,
        content=data,
        filename=t("report.filename", lang, commission=settings.default_commission, date=day.isoformat()),
        title=t("report.upload_title", lang),
        initial_comment=t("report.upload_comment", lang, date=date_text(day, lang)),
        thread_ts=thread_ts,
    )
    return response.data  # type: ignore[return-value]


REPLY_EVENT = "commission_bot_reply"


def post(client: WebClient, message: dict, conversation: Conversation | None = None, key: str | None = None) -> dict:
    """Send one stored message: ``{"method": "chat.postMessage" | "chat.postEphemeral" | "report.upload", ...}``.

    A posted reply carries its event key in Slack message metadata, so that a retry can ask Slack first.
    """
    if message.get("method") == "report.upload" and conversation is not None:
        args = message["args"]
        now = wall_clock(conversation.settings.timezone)
        return upload_report(
            client, conversation, args["channel"], message.get("lang", "es"), now, args.get("thread_ts")
        )
    if message.get("method") == "chat.postEphemeral":
        return client.chat_postEphemeral(**message["args"]).data  # type: ignore[return-value]
    metadata = reply_metadata(key) if key else None
    return client.chat_postMessage(**message["args"], metadata=metadata).data  # type: ignore[return-value]


def reply_metadata(key: str) -> dict:
    return {"event_type": REPLY_EVENT, "event_payload": {"key": key}}


def already_posted(client: WebClient, message: dict, key: str) -> bool:
    """Whether Slack already has this reply (a try timed out after Slack accepted it)."""
    if message.get("method") != "chat.postMessage":
        return False
    args = message["args"]
    if args.get("thread_ts"):
        page = client.conversations_replies(channel=args["channel"], ts=args["thread_ts"], include_all_metadata=True)
    else:
        page = client.conversations_history(channel=args["channel"], limit=50, include_all_metadata=True)
    messages: list[dict] = page.get("messages") or []
    return any(((m.get("metadata") or {}).get("event_payload") or {}).get("key") == key for m in messages)


class Outbox:
    """Sends replies once they are committed: one quick try at once, then retries off the request thread."""

    def __init__(
        self, client: WebClient, conversation: Conversation, workers: int = 4, quick: ReplyPoster | None = None
    ):
        self.client = client
        self.quick = quick
        self.conversation = conversation
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="outbox")
        self._lock = threading.Lock()
        self._futures: list[Future] = []

    def send(self, key: str, payload: str, lang: str) -> None:
        """Post a committed reply now (one short try on a kept-alive connection); on any failure, hand it to
        the pool, whose client retries. A 429 waits its ``Retry-After`` there; a try that got no answer is
        checked against Slack before it is repeated."""
        message = json.loads(payload)
        method = message.get("method")
        if self.quick is None or method not in ("chat.postMessage", "chat.postEphemeral"):
            self.submit(key, payload, lang)
            return
        args = message["args"]
        if method == "chat.postMessage":
            args = {**args, "metadata": reply_metadata(key)}
        attempt = self.quick.post(method, args)
        if attempt.outcome == "sent":
            tz = self.conversation.settings.timezone
            self.track(self.pool.submit(self.conversation.sent, key, wall_clock(tz)))
        elif attempt.outcome == "refused":
            logger.warning("reply %s refused at first try (%s); retrying", key, attempt.detail)
            self.submit(key, payload, lang, delay=attempt.retry_after)
        else:
            logger.warning("reply %s got no answer at first try (%s); checking, then retrying", key, attempt.detail)
            self.submit(key, payload, lang, delay=2.0, check_first=True)

    def submit(self, key: str, payload: str, lang: str, delay: float = 0.0, check_first: bool = False) -> None:
        self.track(self.pool.submit(self._deliver_after, delay, key, payload, lang, check_first))

    def _deliver_after(self, delay: float, key: str, payload: str, lang: str, check_first: bool) -> bool:
        if delay:
            time.sleep(delay)
        return self.deliver(key, payload, lang, check_first)

    def track(self, future: Future) -> None:
        with self._lock:
            self._futures = [f for f in self._futures if not f.done()] + [future]

    def drain(self, timeout: float = 30.0) -> None:
        """Wait for every queued post (tests and shutdown)."""
        with self._lock:
            pending = list(self._futures)
        wait(pending, timeout=timeout)

    def deliver(self, key: str, payload: str, lang: str, check_first: bool = False) -> bool:
        """Post a stored reply (unless Slack already has it) and mark it done.

        A reply that still fails after the client's own retries is logged, the user gets a short
        apology, and it is marked done too: it is not retried forever, nor apologised for again.
        """
        message = json.loads(payload)
        tz = self.conversation.settings.timezone
        try:
            if not (check_first and already_posted(self.client, message, key)):
                post(self.client, message, self.conversation, key=key)
        except (SlackApiError, OSError) as exc:
            logger.error("reply %s to %s failed: %s", key, message.get("args", {}).get("channel"), exc)
            self._apologise(message, lang)
            self.conversation.sent(key, wall_clock(tz))
            return False
        self.conversation.sent(key, wall_clock(tz))
        return True

    def _apologise(self, message: dict, lang: str) -> None:
        args = message.get("args", {})
        user, channel = message.get("user"), args.get("channel")
        if not user or not channel:
            return
        try:
            self.client.chat_postEphemeral(channel=channel, user=user, text=t("slack.apology", lang))
        except (SlackApiError, OSError) as exc:
            logger.error("apology to %s in %s failed too: %s", user, channel, exc)

    def close(self) -> None:
        self.pool.shutdown(wait=True)
        if self.quick is not None:
            self.quick.close()


def resend_unsent(outbox: Outbox, now: datetime) -> int:
    """Replies stored but never marked sent (a crash between storing and posting), sent now."""
    sent = 0
    for key, payload in outbox.conversation.unsent(now):
        if outbox.conversation.retake(key, now):  # one replica, once
            message = json.loads(payload)
            sent += outbox.deliver(key, payload, message.get("lang", "es"), check_first=True)
    return sent
