"""The message shortcut "Registrar como avance"."""

from __future__ import annotations

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.slack.service import SlackService


def register(app: App) -> None:
    from bot.render import ids

    app.shortcut(ids.LOG_MESSAGE_SHORTCUT)(ack=_ack, lazy=[on_log_message])


def _ack(ack: Ack) -> None:
    ack()


def on_log_message(body: dict, client: WebClient, slack: SlackService) -> None:
    """Opens the modal that turns the message into an update."""
    client.views_open(trigger_id=body["trigger_id"], view=slack.shortcut_modal(client, body))
