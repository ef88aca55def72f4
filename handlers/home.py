"""The App Home tab."""

from __future__ import annotations

from slack_bolt import App


def register(app: App) -> None:
    app.event("app_home_opened")(on_home_opened)


def on_home_opened(event, client, slack) -> None:
    """Publishes the user's App Home when they open it."""
    if event.get("tab", "home") == "home":
        slack.later(lambda: slack.refresh_home(client, event["user"]))
