"""Mentions in channels (answered in the thread) and direct messages."""

from __future__ import annotations

from slack_bolt import App


def register(app: App) -> None:
    app.event("app_mention")(on_mention)
    app.event("message")(on_message)


def on_mention(body, event, client, slack) -> None:
    """A mention: answer in its thread."""
    slack.on_message(client, body, event)


def on_message(body, event, client, slack) -> None:
    """A direct message: answer it; other message events (edits, channels) need nothing."""
    if event.get("channel_type") == "im" and not event.get("subtype"):
        slack.on_message(client, body, event)
