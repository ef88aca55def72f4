"""Slack surfaces: one module each, each with ``register(app)``."""

from slack_bolt import App

from handlers import actions, commands, home, messages, shortcuts, views

SURFACES = (messages, commands, actions, views, shortcuts, home)


def register_all(app: App) -> None:
    for surface in SURFACES:
        surface.register(app)
