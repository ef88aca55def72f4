"""The slash command: free text through the language layer, answered ephemerally within Slack's 3 s."""

from __future__ import annotations

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.render import ids
from bot.slack.service import SlackService


def register(app: App) -> None:
    app.command(ids.SLASH_COMMAND)(on_command)


def on_command(ack: Ack, body: dict, client: WebClient, slack: SlackService) -> None:
    """``/compromisos <texto>``."""
    ack(**slack.on_command(client, body))
