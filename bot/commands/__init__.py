"""What every command shares: settings, language, clock and the registry, built on first use."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from bot.i18n import t
from bot.settings import Settings, SettingsError

if TYPE_CHECKING:
    from storage.db import Database


class UsageError(ValueError):
    """Bad input to a command, already worded for the user."""


@dataclass
class Context:
    settings: Settings
    lang: str
    args: argparse.Namespace
    _closers: list = field(default_factory=list)

    @classmethod
    def build(cls, args: argparse.Namespace, environ: dict[str, str], lang: str = "es") -> Context:
        """Check the arguments first (a bad date is named before any setting or token), then the settings."""
        check_arguments(args, lang)
        try:
            settings = Settings.from_env(environ)
        except SettingsError as exc:
            raise UsageError(t("cli.settings", lang, problems=exc.text(lang))) from None
        return cls(settings=settings, lang=getattr(args, "lang", None) or settings.language, args=args)

    @cached_property
    def db(self) -> Database:
        from storage.db import Database, ensure_schema, make_engine

        engine = make_engine(self.settings.database_url)
        self._closers.append(engine.dispose)
        ensure_schema(engine)
        return Database(engine)

    @property
    def commission(self) -> str:
        value = getattr(self.args, "commission", None)
        if value and not re.match(r"^[A-Za-z][A-Za-z0-9_-]{0,31}$", value):
            raise UsageError(t("cli.bad_commission", self.lang, value=value))
        return (value or self.settings.default_commission).upper()

    @cached_property
    def now(self) -> datetime:
        from bot.clock import now, parse_instant

        value = getattr(self.args, "now", None)
        if not value:
            return now(self.settings.timezone)
        try:
            return parse_instant(value, self.settings.timezone)
        except ValueError:
            raise UsageError(t("cli.bad_now", self.lang, value=value)) from None

    def close(self) -> None:
        for closer in reversed(self._closers):
            closer()


def check_arguments(args: argparse.Namespace, lang: str) -> None:
    """The dates a command was given, checked for their form before anything else is read."""
    from zoneinfo import ZoneInfo

    from bot.clock import parse_instant

    for name, key in (("now", "cli.bad_now"), ("at", "cli.bad_at")):
        value = getattr(args, name, None)
        if value:
            try:
                parse_instant(value, ZoneInfo("UTC"))
            except ValueError:
                raise UsageError(t(key, lang, value=value)) from None
    for name in ("since", "until"):
        value = getattr(args, name, None)
        if value and parse_day(value) is None:
            raise UsageError(t("cli.bad_day", lang, option=f"--{name}", value=value))


def parse_day(value: str) -> date | None:
    """``YYYY-MM-DD`` or ``DD/MM/YYYY``; None when it is neither."""
    from bot.transfer.importer import parse_cell_date

    parsed = parse_cell_date(value)
    return parsed[0] if parsed and parsed[1] == "day" else None


def fail_message(exc: Exception, ctx: Context | None, default_lang: str = "es") -> str | None:
    """The one line to print for an expected failure, in the user's language; None for a bug."""
    from bot.registry import RegistryError

    lang = ctx.lang if ctx else default_lang
    if isinstance(exc, UsageError):
        return str(exc)
    if isinstance(exc, RegistryError):
        from bot.render.text import notice_text

        return t("cli.error", lang, message=notice_text(exc.key, exc.params, lang))
    import sqlalchemy.exc

    if isinstance(
        exc,
        sqlalchemy.exc.OperationalError
        | sqlalchemy.exc.ArgumentError
        | sqlalchemy.exc.NoSuchModuleError
        | sqlalchemy.exc.DataError  # e.g. a name longer than its column on PostgreSQL
        | sqlalchemy.exc.IntegrityError,
    ):
        return t("cli.error", lang, message=t("cli.db", lang, message=str(getattr(exc, "orig", exc)).splitlines()[0]))
    if isinstance(exc, OSError):
        where = exc.filename or ""
        return t("cli.error", lang, message=f"{where}: {os_reason(exc, lang)}" if where else os_reason(exc, lang))
    return None


_ERRNO = {
    "EACCES": "os.denied",
    "EPERM": "os.denied",
    "EISDIR": "os.is_dir",
    "ENOSPC": "os.full",
    "EROFS": "os.read_only",
}


def os_reason(exc: OSError, lang: str) -> str:
    """Why a file operation failed, in the user's language for the usual reasons (else the system's words)."""
    import errno

    key = _ERRNO.get(errno.errorcode.get(exc.errno or 0, ""))
    return t(key, lang) if key else (exc.strerror or str(exc)).splitlines()[0]
