"""``digest`` and ``tick``: scheduled messages, on demand."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bot.commands import Context, UsageError
from bot.i18n import t, tn

if TYPE_CHECKING:
    from slack_sdk import WebClient

    from bot.schedule.occurrences import Occurrence


def _client(ctx: Context, dry_run: bool) -> WebClient | None:
    from bot.schedule.occurrences import ZoneDataError, check_zone_data

    try:
        check_zone_data(ctx.settings.timezone)
    except ZoneDataError as exc:
        raise UsageError(t("cli.zone", ctx.lang, message=str(exc))) from None
    if dry_run:
        return None
    if not ctx.settings.slack_bot_token:
        raise UsageError(t("cli.no_slack", ctx.lang))
    from bot.app import make_client

    return make_client(ctx.settings)


def tick(ctx: Context, args: argparse.Namespace) -> int:
    from bot.schedule.tick import tick as run_tick

    client = _client(ctx, args.dry_run)
    report = run_tick(db=ctx.db, settings=ctx.settings, client=client, now=ctx.now, lang=ctx.lang, dry_run=args.dry_run)
    if args.dry_run:
        _print_previews(ctx, report.previews)
        return 0
    print(summary(ctx.lang, len(report.sent), len(report.expired), len(report.retry)))
    return 1 if report.failed else 0


def digest(ctx: Context, args: argparse.Namespace) -> int:
    """Build the weekly digest now: print it with --dry-run, else post it to the digest channels."""
    from bot.schedule.manual import post_digest_now

    client = _client(ctx, args.dry_run)
    try:
        previews, report = post_digest_now(
            db=ctx.db, settings=ctx.settings, client=client, now=ctx.now, lang=ctx.lang, dry_run=args.dry_run
        )
    except LookupError:
        raise UsageError(t("cli.no_digest_channels", ctx.lang)) from None
    if args.dry_run:
        _print_previews(ctx, previews)
        return 0
    print(summary(ctx.lang, len(report.sent), 0, len(report.retry)))
    return 1 if report.failed or report.retry else 0


def summary(lang: str, sent: int, expired: int, retry: int) -> str:
    return t(
        "tick.summary",
        lang,
        sent=tn("tick.sent", lang, sent),
        expired=tn("tick.expired", lang, expired),
        pending=tn("tick.retry", lang, retry),
    )


def _print_previews(ctx: Context, previews: list[tuple[Occurrence, str]]) -> None:
    if not previews:
        print(t("tick.nothing", ctx.lang))
    for occ, text in previews:
        print(t("tick.would_send", ctx.lang, kind=t(f"kind.{occ.kind}", ctx.lang), target=occ.target, key=occ.key))
        print(text)
        print()
