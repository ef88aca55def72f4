"""Replies leave through here: kept with their event, posted, and settled once Slack has them.

A reply that could not be posted stays owed and is tried again with growing delays (a 429's
``Retry-After`` honoured) for as long as it still makes sense; then it is given up and the user gets
an apology, itself owed and retried. Any attempt after the first at a chat message asks Slack first whether
it already has it (the reply carries its event key in message metadata), so it is never posted twice. Slack
cannot be asked about an ephemeral message or an uploaded report: after an attempt whose answer was lost,
those are sent again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.i18n import t
from bot.model import Reply
from storage import events
from storage.db import Database
from storage.models import ProcessedEvent

logger = logging.getLogger(__name__)
REPLY_EVENT = "commission_bot_reply"
CHAT = ("chat.postMessage", "chat.postEphemeral")  # replies quick to send; the Word report is not
LEASE = events.LEASE


@dataclass(frozen=True)
class Patience:
    """How a reply is retried: delays that double from ``first`` up to ``longest``, for ``reply`` in all
    (then it is given up and apologised for), and ``apology`` for the apology."""

    first: timedelta = timedelta(seconds=2)
    longest: timedelta = timedelta(minutes=1)
    reply: timedelta = timedelta(minutes=15)
    apology: timedelta = timedelta(hours=1)

    def delay(self, attempts: int, retry_after: float | None) -> timedelta:
        grown = min(self.first * 2**attempts, self.longest)
        return max(grown, timedelta(seconds=retry_after or 0))


Sender = Callable[[WebClient, str, dict[str, Any], str], None]


class Outbox:
    """Posts owed replies once each, across retries, replicas and restarts."""

    def __init__(
        self,
        db: Database,
        client: WebClient,
        senders: dict[str, Sender],
        patience: Patience | None = None,
        quick: WebClient | None = None,
    ):
        self.db = db
        self.client = client
        # For the attempt made before Slack gets its acknowledgement: a short timeout and no retries, so the
        # acknowledgement stays within Slack's 3 s; a failed attempt is owed and retried like any other.
        self.quick = quick or client
        self.senders = senders  # methods of our own (the Word report), besides Slack's chat methods
        self.patience = patience or Patience()

    def deliver(self, key: str, now: datetime) -> bool:
        """One attempt at the reply owed for ``key``; True when Slack has it now (or had it already)."""
        with self.db.write() as session:
            taken = events.take_owed(session=session, key=key, now=now, lease=LEASE)
        if taken is None:
            return False
        return self._attempt(*taken, now, self.client)

    def first_attempt(self, key: str, reply: Reply, now: datetime, *, before_ack: bool = False) -> bool:
        """The attempt that follows the event's own transaction, which took this attempt's lease with it
        (``before_ack``: made while Slack waits for the acknowledgement, through the quick client)."""
        row = ProcessedEvent(
            key=key,
            claimed_at=now,
            method=reply.method,
            reply=json.dumps(reply.arguments),
            user_id=reply.user_id,
            lang=reply.lang,
            state="owed",
        )
        return self._attempt(row, False, now, self.quick if before_ack else self.client)

    def _attempt(self, row: ProcessedEvent, suspect: bool, now: datetime, client: WebClient) -> bool:
        try:
            if row.state == "apology":
                self._apologise(row)
            elif not (suspect and self._already_posted(row)):
                self._post(row, client)
        except SlackApiError as exc:
            headers = exc.response.headers or {}
            retry_after = headers.get("Retry-After") or headers.get("retry-after")
            status = exc.response.status_code
            permanent = status != 429 and (status < 500 or status >= 600)
            return self._failed(row, now, str(exc.response.get("error") or status), permanent, retry_after)
        except OSError as exc:  # refused, reset, timed out: Slack may or may not have it
            return self._failed(row, now, repr(exc), False, None)
        except Exception as exc:  # building what to send failed (the report): trying again will not help
            logger.exception("reply %s could not be built", row.key)
            return self._failed(row, now, repr(exc), True, None)
        with self.db.write() as session:
            events.settle(session=session, key=row.key, now=now, state="done" if row.state == "owed" else "lost")
        return row.state == "owed"

    def deliver_owed(self, now: datetime) -> int:
        """Every owed reply whose next attempt is due (the scheduler's pass); how many reached Slack."""
        with self.db.read() as session:
            keys = events.owed_keys(session=session, now=now)
        return sum(self.deliver(key, now) for key in keys)

    def _post(self, row: ProcessedEvent, client: WebClient) -> None:
        arguments = _arguments(row)
        if row.method == "chat.postMessage":
            client.chat_postMessage(
                **arguments, metadata={"event_type": REPLY_EVENT, "event_payload": {"key": row.key}}
            )
        elif row.method == "chat.postEphemeral":
            client.chat_postEphemeral(**arguments)
        else:
            self.senders[str(row.method)](client, row.key, arguments, row.lang)

    def _already_posted(self, row: ProcessedEvent) -> bool:
        """Whether Slack already has this reply (an earlier attempt got no answer, or its holder died)."""
        if row.method != "chat.postMessage":
            return False
        arguments = _arguments(row)
        if arguments.get("thread_ts"):
            page = self.client.conversations_replies(
                channel=arguments["channel"], ts=arguments["thread_ts"], include_all_metadata=True
            )
        else:
            page = self.client.conversations_history(channel=arguments["channel"], limit=50, include_all_metadata=True)
        messages: list[dict] = page.get("messages") or []
        return any(((m.get("metadata") or {}).get("event_payload") or {}).get("key") == row.key for m in messages)

    def _apologise(self, row: ProcessedEvent) -> None:
        channel = _arguments(row).get("channel")
        if row.user_id and channel:
            self.client.chat_postEphemeral(channel=channel, user=row.user_id, text=t("slack.apology", row.lang))

    def _failed(self, row: ProcessedEvent, now: datetime, error: str, permanent: bool, retry_after: str | None) -> bool:
        """Owe it again later, or give it up: a reply for an apology, an apology for good."""
        waited = now - row.claimed_at
        over = waited > (self.patience.reply if row.state == "owed" else self.patience.apology)
        with self.db.write() as session:
            if permanent or over:
                given_up = "apology" if row.state == "owed" and row.user_id else "lost"
                events.settle(session=session, key=row.key, now=now, state=given_up, error=error)
                logger.error("reply %s given up (%s): %s", row.key, row.state, error)
                return False
            seconds = float(retry_after) if retry_after and retry_after.isdigit() else None
            wait = self.patience.delay(row.attempts, seconds)
            events.retry_at(session=session, key=row.key, at=now + wait, error=error)
        logger.warning("reply %s failed (%s); next try in %ss", row.key, error, wait.total_seconds())
        return False


def _arguments(row: ProcessedEvent) -> dict[str, Any]:
    return json.loads(row.reply or "{}")
