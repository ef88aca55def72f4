"""``edit`` and ``withdraw``: change a commitment from the command line, audited like any change."""

from __future__ import annotations

import argparse

from bot.commands import Context, UsageError, parse_day
from bot.i18n import t
from bot.textnorm import clean

AUTHOR = "cli"


def edit(ctx: Context, args: argparse.Namespace) -> int:
    from bot import changes, registry
    from bot.codes import normalize_code
    from bot.model import Due

    code = normalize_code(args.code)
    if code is None:
        raise UsageError(t("cli.bad_code", ctx.lang, value=args.code))
    due = None
    if args.due:
        day = parse_day(args.due)
        if day is None:
            raise UsageError(t("cli.bad_day", ctx.lang, option="--due", value=args.due))
        due = Due(date=day)
    with ctx.db.write() as session:
        sc = registry.scope(session=session, commission=ctx.commission, now=ctx.now)
        _, changed = changes.edit(
            session=session,
            sc=sc,
            code=code,
            author=AUTHOR,
            source="cli",
            text=clean(args.text) if args.text is not None else None,
            areas=[a.upper() for a in args.area] if args.area else None,
            due=due,
            origin=clean(args.origin) if args.origin else None,
        )
    if not changed:
        print(t("changed.edit_same", ctx.lang, code=code))
    for field_name, (before, after) in changed.items():
        field = t(f"field.{field_name}", ctx.lang)
        print(t("cli.edited", ctx.lang, code=code, field=field, before=before or "—", after=after))
    return 0


def withdraw(ctx: Context, args: argparse.Namespace) -> int:
    from bot import changes, registry
    from bot.codes import normalize_code

    code = normalize_code(args.code)
    if code is None:
        raise UsageError(t("cli.bad_code", ctx.lang, value=args.code))
    with ctx.db.write() as session:
        sc = registry.scope(session=session, commission=ctx.commission, now=ctx.now)
        changes.withdraw(
            session=session, sc=sc, code=code, author=AUTHOR, reason=clean(args.reason or ""), source="cli"
        )
    print(t("changed.withdraw", ctx.lang, code=code))
    return 0
