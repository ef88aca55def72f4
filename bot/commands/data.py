"""``import``, ``export`` and ``db upgrade``."""

from __future__ import annotations

import argparse
import csv
import io
import sys
import zipfile
from datetime import datetime, time, timedelta
from pathlib import Path

from bot.commands import Context, UsageError, os_reason, parse_day
from bot.i18n import t, tn


def import_(ctx: Context, args: argparse.Namespace) -> int:
    from bot.transfer.importer import import_file
    from bot.transfer.tables import TableError

    path = Path(args.file)
    if not path.is_file():
        raise UsageError(t("cli.file_missing", ctx.lang, path=path))
    try:
        report = import_file(
            db=ctx.db,
            path=path,
            commission=ctx.commission,
            now=ctx.now,
            tz=ctx.settings.timezone,
            lang=ctx.lang,
            dry_run=args.dry_run,
        )
    except TableError as exc:
        raise UsageError(t(exc.key, ctx.lang, **exc.params)) from None
    except (UnicodeDecodeError, ValueError, KeyError, OSError, csv.Error, zipfile.BadZipFile) as exc:
        if isinstance(exc, UsageError):
            raise
        raise UsageError(t("import.unreadable", ctx.lang, message=str(exc).splitlines()[0][:200])) from None
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    for line in report.understood:
        print(line)
    if report.errors:
        for error in report.errors:
            print(error, file=sys.stderr)
        print(tn("import.failed", ctx.lang, len(report.errors)), file=sys.stderr)
        return 2
    dry = t("import.dry", ctx.lang) if args.dry_run else ""
    created, updated = tn("import.created", ctx.lang, report.created), tn("import.updated", ctx.lang, report.updated)
    unchanged = tn("import.unchanged", ctx.lang, report.unchanged) if report.unchanged else ""
    print(t("import.done", ctx.lang, created=created, updated=updated, unchanged=unchanged, dry=dry))
    return 0


def export(ctx: Context, args: argparse.Namespace) -> int:
    from bot.transfer.formats import render_export

    binary = args.format in ("docx", "xlsx")
    if args.output:
        target = Path(args.output)
        if not target.parent.is_dir():
            raise UsageError(t("cli.no_dir", ctx.lang, path=target.parent))
    elif binary and sys.stdout.isatty():
        raise UsageError(t("cli.binary_terminal", ctx.lang, format=args.format))
    since, until = _day(ctx, args.since), _day(ctx, args.until, after=True)
    if since and until and until <= since:
        raise UsageError(t("cli.bad_period", ctx.lang, since=args.since, until=args.until))
    data = render_export(
        db=ctx.db,
        fmt=args.format,
        commission=ctx.commission,
        now=ctx.now,
        tz=ctx.settings.timezone,
        lang=ctx.lang,
        since=since,
        until=until,
        summary=args.summary,
    )
    if args.format == "csv" and (args.output or _stdout_is_a_file()):
        data = "\ufeff" + str(data)  # Excel on Windows reads a CSV as UTF-8 only after this mark
    if args.output:
        try:
            target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        except OSError as exc:
            raise UsageError(t("cli.cannot_write", ctx.lang, path=target, reason=os_reason(exc, ctx.lang))) from None
        return 0
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(data)
    return 0


def _stdout_is_a_file() -> bool:
    """``export > registro.csv`` (a file someone will open), not a terminal or a pipe into a script."""
    import os
    import stat

    try:
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        return False


def _day(ctx: Context, value: str | None, after: bool = False) -> datetime | None:
    """The start of a day given as ``--since`` (or of the day after an ``--until``), in the commission's zone."""
    if not value:
        return None
    day = parse_day(value)
    if day is None:
        raise UsageError(t("cli.bad_day", ctx.lang, option="--until" if after else "--since", value=value))
    return datetime.combine(day + timedelta(days=1) if after else day, time(0, 0), ctx.settings.timezone)


def db_upgrade(ctx: Context, args: argparse.Namespace) -> int:
    from storage.db import current_revision, make_engine, upgrade

    engine = make_engine(ctx.settings.database_url)
    try:
        upgrade(engine)
        print(t("cli.upgraded", ctx.lang, revision=current_revision(engine)))
    finally:
        engine.dispose()
    return 0
