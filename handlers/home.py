"""The App Home tab."""

from __future__ import annotations

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.slack.service import SlackService


def register(app: App) -> None:
    app.event("app_home_opened")(ack=_ack, lazy=[on_home_opened])


def _ack(ack: Ack) -> None:
    ack()


def on_home_opened(event: dict, client: WebClient, slack: SlackService) -> None:
    """Publishes the user's App Home when they open it."""
    if event.get("tab", "home") == "home":
        slack.refresh_home(client, event["user"])
