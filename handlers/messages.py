"""Mentions in channels (answered in the thread) and direct messages."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.slack.service import SlackService


def register(app: App) -> None:
    app.event("app_mention")(ack=take, lazy=[reply])
    app.event("message")(ack=take, lazy=[reply])


def take(ack: Ack, body: dict, event: dict, client: WebClient, context: BoltContext, slack: SlackService) -> None:
    """A mention or a DM: act on it once and keep its reply, then acknowledge."""
    if _answered(event):
        context["reply"] = slack.take_message(client, body, event)
    ack()


def reply(body: dict, event: dict, context: BoltContext, slack: SlackService) -> None:
    """After the acknowledgement: post the reply (in the mention's thread, or the DM)."""
    if _answered(event):
        slack.send_reply(body, event, context.get("reply"))


def _answered(event: dict) -> bool:
    """Mentions, and direct messages as typed (with files shared, too); other message events (edits, channels,
    the bot's own) need nothing."""
    if event.get("type") == "app_mention":
        return True
    return event.get("channel_type") == "im" and event.get("subtype") in (None, "file_share")
