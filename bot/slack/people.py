"""Who a Slack user is to us: their language (Slack locale) and user groups, cached."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.i18n import pick_language
from bot.settings import Settings

logger = logging.getLogger(__name__)


RETRY_FAILED = 30.0  # seconds before a failed lookup is tried again


class _Unknown(Exception):
    def __init__(self, fallback: Any):
        super().__init__("lookup failed")
        self.fallback = fallback


class People:
    """Caches ``users.info`` locales and ``usergroups.users.list`` memberships for a few minutes.

    They are asked for on the way to an acknowledgement, so through ``lookup``, a client with a short
    timeout: when Slack is slow the default language (or no group) is used, and asked again next time.
    """

    def __init__(self, settings: Settings, lookup: WebClient, ttl: float = 300.0):
        self.settings = settings
        self.lookup = lookup
        self.ttl = ttl
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, object]] = {}

    def _cached(self, key: str, load: Callable[[], Any], deadline: float | None = None, skipped: Any = None) -> Any:
        """A fresh cached value, else ``load()``; a failed load answers its fallback, remembered briefly. Past
        ``deadline`` (``time.monotonic()``) Slack is not asked: ``skipped``, not remembered."""
        with self._lock:
            hit = self._cache.get(key)
            if hit and time.monotonic() - hit[0] < self.ttl:
                return hit[1]
        if deadline is not None and time.monotonic() >= deadline:
            return skipped
        try:
            value = load()
        except _Unknown as unknown:  # remembered briefly: a slow Slack is not asked on every event
            with self._lock:
                self._cache[key] = (time.monotonic() - self.ttl + RETRY_FAILED, unknown.fallback)
            return unknown.fallback
        with self._lock:
            self._cache[key] = (time.monotonic(), value)
        return value

    def lang(self, user_id: str, hint: str | None = None) -> str:
        """The user's language: the locale Slack knows, else ``BOT_LANGUAGE``."""
        if hint:
            return pick_language(hint, default=self.settings.language)

        def load() -> str:
            try:
                user = self.lookup.users_info(user=user_id, include_locale=True).get("user") or {}
            except (SlackApiError, OSError) as exc:
                logger.warning("users.info failed for %s: %s", user_id, exc)
                raise _Unknown(self.settings.language) from exc
            return pick_language(user.get("locale"), default=self.settings.language)

        return str(self._cached(f"lang:{user_id}", load))

    def groups(self, user_id: str, deadline: float | None = None) -> tuple[str, ...]:
        """The user groups named in ``BOT_WRITERS`` that the user belongs to, as far as Slack could be asked
        before ``deadline`` (each lookup may take the lookup client's whole timeout, and an acknowledgement
        waits for them)."""
        wanted = sorted(w for w in (self.settings.writers or ()) if w.startswith("S"))
        return tuple(g for g in wanted if user_id in self._members(g, deadline))

    def _members(self, group: str, deadline: float | None) -> frozenset[str]:
        def load() -> frozenset[str]:
            try:
                return frozenset(self.lookup.usergroups_users_list(usergroup=group).get("users") or [])
            except (SlackApiError, OSError) as exc:
                logger.warning("usergroups.users.list failed for %s: %s", group, exc)
                raise _Unknown(frozenset()) from exc

        return self._cached(f"group:{group}", load, deadline, frozenset())
