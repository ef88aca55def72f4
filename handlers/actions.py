"""Buttons: status changes, modals, candidates, pages, report."""

from __future__ import annotations

from slack_bolt import App

from bot.render import ids


def register(app: App) -> None:
    app.action(ids.MARK_DONE)(
        lambda ack, body, action, client, respond, slack: _status(ack, body, action, client, respond, slack, "done")
    )
    app.action(ids.MARK_IN_PROGRESS)(
        lambda ack, body, action, client, respond, slack: _status(
            ack, body, action, client, respond, slack, "in_progress"
        )
    )
    app.action(ids.OPEN_LOG)(open_log)
    app.action(ids.OPEN_DUE)(open_due)
    app.action(ids.OPEN_CREATE)(open_create)
    app.action(ids.SHOW)(show)
    app.action(ids.MORE)(more)
    app.action(ids.REPORT)(report)
    app.action(ids.CHOOSE_DATE)(choose_date)


def _status(ack, body, action, client, respond, slack, status: str) -> None:
    ack()
    message, changed = slack.set_status(client, body, action["value"], status)
    user = body["user"]["id"]
    if body.get("container", {}).get("type") == "view":  # the App Home
        slack.later(lambda: changed or client.chat_postMessage(channel=user, **message))
    else:
        slack.later(lambda: respond(replace_original=changed, response_type="ephemeral", **message))
    slack.later(lambda: slack.refresh_home(client, user))


def open_log(ack, body, action, client, slack) -> None:
    """Opens the "log an update" modal."""
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=slack.log_modal(client, body, action["value"]))


def open_due(ack, body, action, client, slack) -> None:
    """Opens the deadline modal with a date picker."""
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=slack.due_modal(client, body, action["value"]))


def open_create(ack, body, client, slack) -> None:
    """Opens the create-commitment modal."""
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=slack.create_modal(client, body))


def show(ack, body, action, respond, client, slack) -> None:
    """A candidate's card."""
    ack()
    message = slack.show(client, body, action["value"])
    slack.later(lambda: respond(replace_original=False, response_type="ephemeral", **message))


def choose_date(ack, body, action, respond, client, slack) -> None:
    """One reading of an ambiguous deadline, chosen."""
    ack()
    message, changed = slack.choose_date(client, body, action["value"])
    slack.later(lambda: respond(replace_original=changed, response_type="ephemeral", **message))


def report(ack, body, client, slack) -> None:
    """The App Home's report button: the Word report arrives in the user's DM."""
    ack()
    slack.later(lambda: slack.report_to_user(client, body["user"]["id"]))


def more(ack, body, action, respond, client, slack) -> None:
    """The next page of a list."""
    ack()
    message = slack.more(client, body, action["value"])
    slack.later(lambda: respond(replace_original=True, **message))
