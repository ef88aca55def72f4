"""Buttons: status changes, modals, candidates, pages, report."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.render import ids
from bot.slack.service import SlackService


def register(app: App) -> None:
    app.action(ids.MARK_DONE)(ack=mark_done, lazy=[show_change])
    app.action(ids.MARK_IN_PROGRESS)(ack=mark_in_progress, lazy=[show_change])
    app.action(ids.CHOOSE_DATE)(ack=choose_date, lazy=[show_change])
    app.action(ids.UNDO)(ack=undo, lazy=[show_change])
    app.action(ids.CHOOSE_WRITE)(ack=choose_write, lazy=[show_change])
    app.action(ids.OPEN_LOG)(ack=_ack, lazy=[open_log])
    app.action(ids.OPEN_DUE)(ack=_ack, lazy=[open_due])
    app.action(ids.OPEN_CREATE)(ack=_ack, lazy=[open_create])
    app.action(ids.OPEN_EDIT)(ack=_ack, lazy=[open_edit])
    app.action(ids.SHOW)(ack=_ack, lazy=[show])
    app.action(ids.MORE)(ack=_ack, lazy=[more])
    app.action(ids.REPORT)(ack=_ack, lazy=[report])


def _ack(ack: Ack) -> None:
    ack()


def mark_done(ack: Ack, body: dict, action: dict, client: WebClient, context: BoltContext, slack: SlackService) -> None:
    """Marks the card's commitment done (once per click), then acknowledges."""
    context["change"] = slack.set_status(client, body, action["value"], "done")
    ack()


def mark_in_progress(
    ack: Ack, body: dict, action: dict, client: WebClient, context: BoltContext, slack: SlackService
) -> None:
    context["change"] = slack.set_status(client, body, action["value"], "in_progress")
    ack()


def choose_date(
    ack: Ack, body: dict, action: dict, client: WebClient, context: BoltContext, slack: SlackService
) -> None:
    """One reading of an ambiguous deadline, chosen."""
    context["change"] = slack.choose_date(client, body, action["value"])
    ack()


def choose_write(
    ack: Ack, body: dict, action: dict, client: WebClient, context: BoltContext, slack: SlackService
) -> None:
    """Which change a doubtful message meant, chosen (or cancelled)."""
    context["change"] = slack.choose_write(client, body, action["value"])
    ack()


def undo(ack: Ack, body: dict, client: WebClient, context: BoltContext, slack: SlackService) -> None:
    """Undoes the user's last change (of the last 15 minutes)."""
    context["change"] = slack.undo(client, body)
    ack()


def show_change(body: dict, client: WebClient, context: BoltContext, respond: Respond, slack: SlackService) -> None:
    """After the acknowledgement: the refreshed card where the button was, and the App Home."""
    change = context.get("change")
    if change is None:  # a repeated delivery of a click already answered
        return
    message, changed = change
    user = body["user"]["id"]
    if body.get("container", {}).get("type") == "view":  # the App Home
        if not changed:
            client.chat_postMessage(channel=user, **message)
    else:
        respond(replace_original=changed, response_type="ephemeral", **message)
    slack.refresh_home(client, user)


def open_log(body: dict, action: dict, client: WebClient, slack: SlackService) -> None:
    """Opens the "log an update" modal."""
    client.views_open(trigger_id=body["trigger_id"], view=slack.log_modal(client, body, action["value"]))


def open_due(body: dict, action: dict, client: WebClient, slack: SlackService) -> None:
    """Opens the deadline modal with a date picker."""
    client.views_open(trigger_id=body["trigger_id"], view=slack.due_modal(client, body, action["value"]))


def open_edit(body: dict, action: dict, client: WebClient, slack: SlackService) -> None:
    """Opens the form to edit (or withdraw) the card's commitment."""
    client.views_open(trigger_id=body["trigger_id"], view=slack.edit_modal(client, body, action["value"]))


def open_create(body: dict, client: WebClient, slack: SlackService) -> None:
    """Opens the create-commitment modal."""
    client.views_open(trigger_id=body["trigger_id"], view=slack.create_modal(client, body))


def show(body: dict, action: dict, respond: Respond, client: WebClient, slack: SlackService) -> None:
    """A candidate's card."""
    respond(replace_original=False, response_type="ephemeral", **slack.show(client, body, action["value"]))


def report(body: dict, client: WebClient, slack: SlackService) -> None:
    """The App Home's report button: the Word report arrives in the user's DM."""
    slack.report_to_user(client, body["user"]["id"])


def more(body: dict, action: dict, respond: Respond, client: WebClient, slack: SlackService) -> None:
    """The next page of a list."""
    respond(replace_original=True, **slack.more(client, body, action["value"]))
