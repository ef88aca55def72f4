"""The slash command: free text through the language layer, answered ephemerally within Slack's 3 s."""

from __future__ import annotations

from slack_bolt import App

from bot.render import ids


def register(app: App) -> None:
    app.command(ids.SLASH_COMMAND)(on_command)


def on_command(ack, body, client, slack) -> None:
    """``/compromisos <texto>``."""
    ack(**slack.on_command(client, body))
