"""Who a Slack user is to us: their language (Slack locale) and user groups, cached."""

from __future__ import annotations

import logging
import threading
import time

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.i18n import pick_language
from bot.settings import Settings

logger = logging.getLogger(__name__)


class People:
    """Caches ``users.info`` locales and ``usergroups.users.list`` memberships for a few minutes."""

    def __init__(self, settings: Settings, ttl: float = 300.0):
        self.settings = settings
        self.ttl = ttl
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, object]] = {}

    def _cached(self, key: str, load):
        with self._lock:
            hit = self._cache.get(key)
            if hit and time.monotonic() - hit[0] < self.ttl:
                return hit[1]
        value = load()
        with self._lock:
            self._cache[key] = (time.monotonic(), value)
        return value

    def lang(self, client: WebClient, user_id: str, hint: str | None = None) -> str:
        """The user's language: the locale Slack knows, else ``BOT_LANGUAGE``."""
        if hint:
            return pick_language(hint, default=self.settings.language)

        def load() -> str:
            try:
                user = client.users_info(user=user_id, include_locale=True).get("user") or {}
            except (SlackApiError, OSError) as exc:
                logger.warning("users.info failed for %s: %s", user_id, exc)
                return self.settings.language
            return pick_language(user.get("locale"), default=self.settings.language)

        return str(self._cached(f"lang:{user_id}", load))

    def groups(self, client: WebClient, user_id: str) -> tuple[str, ...]:
        """The user groups named in ``BOT_WRITERS`` that the user belongs to."""
        wanted = sorted(w for w in (self.settings.writers or ()) if w.startswith("S"))
        return tuple(g for g in wanted if user_id in self._members(client, g))

    def _members(self, client: WebClient, group: str) -> frozenset[str]:
        def load() -> frozenset[str]:
            try:
                return frozenset(client.usergroups_users_list(usergroup=group).get("users") or [])
            except (SlackApiError, OSError) as exc:
                logger.warning("usergroups.users.list failed for %s: %s", group, exc)
                return frozenset()

        return self._cached(f"group:{group}", load)
