"""Settings: one frozen object built from a mapping, failing fast on every bad key."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.i18n import t

DEFAULT_DATABASE_URL = "sqlite:///./commission-bot.db"
_DURATION = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$", re.IGNORECASE)
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SCHEDULE = re.compile(r"^\s*(mon|tue|wed|thu|fri|sat|sun)\s+(\d{1,2}):(\d{2})\s*$", re.IGNORECASE)
_WRITER = re.compile(r"^[UWS][A-Z0-9]{2,}$")
_CHANNEL = re.compile(r"^[CGD][A-Z0-9]{2,}$")


class Invalid(ValueError):
    """One malformed value, said through the strings table (``settings.*``)."""

    def __init__(self, key: str, **params: str):
        super().__init__(t(key, "en", **params))
        self.key, self.params = key, params


class SettingsError(ValueError):
    """Raised with one line per bad setting (``problems``, in English; ``text(lang)`` in the user's language)."""

    def __init__(self, problems: list[tuple[str, Invalid]]):
        self.problems = [f"{name}: {exc}" for name, exc in problems]
        self._invalid = problems
        super().__init__("; ".join(self.problems))

    def text(self, lang: str) -> str:
        return "; ".join(f"{name}: {t(exc.key, lang, **exc.params)}" for name, exc in self._invalid)


@dataclass(frozen=True)
class WeeklySchedule:
    weekday: int  # Monday is 0
    hour: int
    minute: int


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str | None = None
    port: int = 3000
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("America/Mexico_City"))
    language: str = "es"
    default_commission: str = "COVE"
    writers: frozenset[str] | None = None
    digest_channels: tuple[str, ...] = ()
    digest_schedule: WeeklySchedule = WeeklySchedule(0, 9, 0)
    reminder_channels: tuple[str, ...] = ()
    reminder_lead: timedelta = timedelta(hours=24)
    catchup_window: timedelta = timedelta(hours=12)

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        """Build settings from an environment mapping.

        Args:
            environ: variable names to values, as ``os.environ`` or a test dict.

        Returns:
            The frozen settings.

        Raises:
            SettingsError: naming every missing or malformed key.
        """
        problems: list[tuple[str, Invalid]] = []
        env = {k: v.strip() for k, v in environ.items() if isinstance(v, str) and v.strip()}

        def take(key: str, parse: Callable[[str], Any], default: Any) -> Any:
            if key not in env:
                return default
            try:
                return parse(env[key])
            except Invalid as exc:
                problems.append((key, exc))
                return default

        values = dict(
            database_url=take("DATABASE_URL", _database_url, DEFAULT_DATABASE_URL),
            slack_bot_token=env.get("SLACK_BOT_TOKEN"),
            slack_signing_secret=env.get("SLACK_SIGNING_SECRET"),
            slack_app_token=env.get("SLACK_APP_TOKEN"),
            slack_api_url=take("SLACK_API_URL", _url, None),
            port=take("PORT", _port, 3000),
            timezone=take("BOT_TIMEZONE", _zone, ZoneInfo("America/Mexico_City")),
            language=take("BOT_LANGUAGE", _language, "es"),
            default_commission=take("DEFAULT_COMMISSION", _commission, "COVE"),
            writers=take("BOT_WRITERS", _writers, None),
            digest_channels=take("DIGEST_CHANNELS", _channels, ()),
            digest_schedule=take("DIGEST_SCHEDULE", parse_schedule, WeeklySchedule(0, 9, 0)),
            reminder_channels=take("REMINDER_CHANNELS", _channels, ()),
            reminder_lead=take("REMINDER_LEAD", parse_duration, timedelta(hours=24)),
            catchup_window=take("CATCHUP_WINDOW", parse_duration, timedelta(hours=12)),
        )
        if problems:
            raise SettingsError(problems)
        return cls(**values)


_DATABASES = {"sqlite": ("", "pysqlite"), "postgresql": ("", "psycopg"), "postgres": ("", "psycopg")}


def _database_url(value: str) -> str:
    """A URL of a database the registry runs on: PostgreSQL (psycopg 3) or SQLite; others fail here, not later."""
    scheme = value.split("://", 1)[0].lower() if "://" in value else ""
    dialect, _, driver = scheme.partition("+")
    if driver not in _DATABASES.get(dialect, ()):
        raise Invalid("settings.database_url", value=scheme or value)
    return value


def _url(value: str) -> str:
    if not re.match(r"^https?://", value):
        raise Invalid("settings.url", value=value)
    return value if value.endswith("/") else value + "/"


def _port(value: str) -> int:
    port = int(value) if value.isdigit() else -1
    if not 0 < port < 65536:
        raise Invalid("settings.port", value=value)
    return port


def _zone(value: str) -> ZoneInfo:
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid("settings.zone", value=value) from None


def _language(value: str) -> str:
    if value.lower() not in ("es", "en"):
        raise Invalid("settings.language", value=value)
    return value.lower()


def _commission(value: str) -> str:
    if not re.match(r"^[A-Za-z][A-Za-z0-9_-]{0,31}$", value):
        raise Invalid("settings.commission", value=value)
    return value.upper()


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _writers(value: str) -> frozenset[str]:
    items = _split(value)
    bad = [item for item in items if not _WRITER.match(item)]
    if bad:
        raise Invalid("settings.writers", value=", ".join(bad))
    return frozenset(items)


def _channels(value: str) -> tuple[str, ...]:
    items = _split(value)
    bad = [item for item in items if not _CHANNEL.match(item)]
    if bad:
        raise Invalid("settings.channels", value=", ".join(bad))
    return tuple(items)


def parse_duration(value: str) -> timedelta:
    """Read a duration such as ``24h``, ``90m``, ``2d`` or ``1w``."""
    match = _DURATION.match(value)
    if not match:
        raise Invalid("settings.duration", value=value)
    return timedelta(**{_UNITS[match.group(2).lower()]: int(match.group(1))})


def parse_schedule(value: str) -> WeeklySchedule:
    """Read a weekly time such as ``mon 09:00``."""
    match = _SCHEDULE.match(value)
    if not match or int(match.group(2)) > 23 or int(match.group(3)) > 59:
        raise Invalid("settings.schedule", value=value)
    return WeeklySchedule(_DAYS.index(match.group(1).lower()), int(match.group(2)), int(match.group(3)))
