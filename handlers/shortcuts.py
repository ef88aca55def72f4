"""The message shortcut "Registrar como avance"."""

from __future__ import annotations

from slack_bolt import App

from bot.render import ids


def register(app: App) -> None:
    app.shortcut(ids.LOG_MESSAGE_SHORTCUT)(on_log_message)


def on_log_message(ack, body, client, slack) -> None:
    """Opens the modal that turns the message into an update."""
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=slack.shortcut_modal(client, body))
