"""Mentions in channels (answered in the thread) and direct messages."""

from __future__ import annotations

from slack_bolt import Ack, App

from bot.slack.service import SlackService


def register(app: App) -> None:
    app.event("app_mention")(ack=take, lazy=[reply])
    app.event("message")(ack=take_direct, lazy=[reply_direct])


def take(ack: Ack, body: dict, event: dict, client, slack: SlackService) -> None:
    """A mention: act on it once and keep its reply, then acknowledge."""
    slack.take_message(client, body, event)
    ack()


def reply(body: dict, event: dict, slack: SlackService) -> None:
    """After the acknowledgement: post the reply owed (in the mention's thread)."""
    slack.send_reply(body, event)


def take_direct(ack: Ack, body: dict, event: dict, client, slack: SlackService) -> None:
    """A direct message, like a mention; other message events (edits, channels) need nothing."""
    if _direct(event):
        slack.take_message(client, body, event)
    ack()


def reply_direct(body: dict, event: dict, slack: SlackService) -> None:
    if _direct(event):
        slack.send_reply(body, event)


def _direct(event: dict) -> bool:
    return event.get("channel_type") == "im" and not event.get("subtype")
