"""Mentions in channels (answered in the thread) and direct messages."""

from __future__ import annotations

import time

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.slack.service import SlackService


def register(app: App) -> None:
    app.event("app_mention")(ack=take, lazy=[follow_up])
    app.event("message")(ack=take, lazy=[follow_up])


def take(ack: Ack, body: dict, event: dict, client: WebClient, context: BoltContext, slack: SlackService) -> None:
    """A mention or a DM: act on it once and keep its reply, post the reply if it is a quick one, then
    acknowledge."""
    if _answered(event):
        started = time.monotonic()
        reply = slack.take_message(client, body, event)
        context["reply"] = reply
        context["answered"] = reply is not None and slack.answer_now(body, event, reply, started)
    ack()


def follow_up(body: dict, event: dict, context: BoltContext, slack: SlackService) -> None:
    """After the acknowledgement: post a reply that takes time (the Word report), or, on a redelivery,
    whatever is still owed for the event."""
    if _answered(event) and not context.get("answered"):
        slack.send_reply(body, event, context.get("reply"))


def _answered(event: dict) -> bool:
    """Mentions, and direct messages as typed (with files shared, too); other message events (edits, channels,
    the bot's own) need nothing."""
    if event.get("type") == "app_mention":
        return True
    return event.get("channel_type") == "im" and event.get("subtype") in (None, "file_share")
