"""Modal submissions: log an update, change a deadline, create a commitment, log a message."""

from __future__ import annotations

from slack_bolt import App

from bot.render import ids


def register(app: App) -> None:
    app.view(ids.LOG_VIEW)(
        lambda ack, body, view, client, forms, slack: _finish(ack, slack, *forms.log(client, body, view))
    )
    app.view(ids.DUE_VIEW)(
        lambda ack, body, view, client, forms, slack: _finish(ack, slack, *forms.due(client, body, view))
    )
    app.view(ids.CREATE_VIEW)(
        lambda ack, body, view, client, forms, slack: _finish(ack, slack, *forms.create(client, body, view))
    )
    app.view(ids.SHORTCUT_VIEW)(
        lambda ack, body, view, client, forms, slack: _finish(ack, slack, *forms.shortcut(client, body, view))
    )


def _finish(ack, slack, errors, follow_up) -> None:
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    if follow_up:
        slack.later(follow_up)
