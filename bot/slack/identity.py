"""Who the bot is in the workspace (``auth.test``): learnt in the background, never on an acknowledgement's clock."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from slack_bolt.authorization import AuthorizeResult
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

logger = logging.getLogger(__name__)


class Identity:
    """Bolt's ``authorize`` for a single workspace: the bot token, with the bot's user and bot IDs once known.

    Bolt's own single-workspace authorization calls ``auth.test`` on the first request and again after
    every failure, so a slow or unreachable Web API would hold every acknowledgement. Here the IDs are
    asked for by a background thread until Slack answers; requests meanwhile go on without them (the
    bot's own messages are recognised by their ``bot_id`` anyway).
    """

    def __init__(self, client: WebClient, token: str, retry_every: float = 60.0):
        self.client = client
        self.token = token
        self.retry_every = retry_every
        self.known: dict[str, Any] = {}

    def result(self, enterprise_id: str | None, team_id: str | None) -> AuthorizeResult:
        return AuthorizeResult(
            enterprise_id=enterprise_id,
            team_id=team_id,
            bot_token=self.token,
            bot_user_id=self.known.get("user_id"),
            bot_id=self.known.get("bot_id"),
        )

    def learn(self) -> bool:
        """Ask Slack once; True when the IDs are known."""
        try:
            self.known = dict(self.client.auth_test(token=self.token).data)  # type: ignore[arg-type]
        except (SlackApiError, OSError) as exc:
            logger.warning("auth.test failed (retrying in %ss): %s", self.retry_every, exc)
            return False
        return True

    def learn_in_background(self) -> None:
        def loop() -> None:
            while not self.learn():
                time.sleep(self.retry_every)

        threading.Thread(target=loop, name="slack-identity", daemon=True).start()
