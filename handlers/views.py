"""Modal submissions: log an update, change a deadline, create a commitment, log a message."""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.render import ids
from bot.slack.forms import Forms, Result


def register(app: App) -> None:
    for callback_id, save in (
        (ids.LOG_VIEW, Forms.log),
        (ids.DUE_VIEW, Forms.due),
        (ids.CREATE_VIEW, Forms.create),
        (ids.SHORTCUT_VIEW, Forms.shortcut),
        (ids.EDIT_VIEW, Forms.edit),
    ):
        app.view(callback_id)(ack=_saver(save), lazy=[confirm])


def _saver(save: Callable[[Forms, WebClient, dict, dict], Result]) -> Callable[..., None]:
    def submit(ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext, forms: Forms) -> None:
        """Save the form once (a repeated delivery saves nothing), or keep it open with the errors."""
        errors, follow_up = save(forms, client, body, view)
        if errors:
            ack(response_action="errors", errors=errors)
            return
        context["follow_up"] = follow_up
        ack()

    return submit


def confirm(context: BoltContext) -> None:
    """After the acknowledgement: confirm the change to the user and refresh their App Home."""
    follow_up = context.get("follow_up")
    if follow_up is not None:
        follow_up()
