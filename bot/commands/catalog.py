"""``session``, ``area`` and ``member`` commands."""

from __future__ import annotations

import argparse
import re

from bot.commands import Context, UsageError
from bot.i18n import t
from bot.textnorm import clean

_USER = re.compile(r"^[UW][A-Z0-9]{2,}$")
_CHANNEL = re.compile(r"^[CG][A-Z0-9]{2,}$")
_ACRONYM = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,15}$")


def session_add(ctx: Context, args: argparse.Namespace) -> int:
    from bot import meetings, registry
    from bot.clock import parse_instant
    from bot.render.text import meeting_when

    try:
        at = parse_instant(args.at, ctx.settings.timezone)
    except ValueError:
        raise UsageError(t("cli.bad_at", ctx.lang, value=args.at)) from None
    with ctx.db.write() as session:
        sc = registry.scope(session=session, commission=ctx.commission, now=ctx.now)
        meeting = meetings.add_meeting(
            session=session,
            sc=sc,
            name=clean(args.name),
            at=at,
            kind=args.kind,
            modality=clean(args.modality),
            attendees=clean(args.attendees),
            objectives=clean(args.objectives),
            topics=[clean(topic) for topic in args.topic],
        )
        name, kind, when = meeting.name, meeting.kind, meeting_when(meeting.at, ctx.settings.timezone, ctx.lang)
    print(t("cli.session_added", ctx.lang, name=name, when=when, kind=t(f"kind.{kind}", ctx.lang)))
    return 0


def session_list(ctx: Context, args: argparse.Namespace) -> int:
    from bot import meetings, registry
    from bot.render.text import meeting_when

    with ctx.db.read() as session:
        sc = registry.scope(session=session, commission=ctx.commission, now=ctx.now)
        found = meetings.list_meetings(session=session, sc=sc)
    if not found:
        print(t("cli.no_sessions", ctx.lang))
    for m in found:
        print(f"{meeting_when(m.at, ctx.settings.timezone, ctx.lang)}\t{t(f'kind.{m.kind}', ctx.lang)}\t{m.name}")
    return 0


def area_add(ctx: Context, args: argparse.Namespace) -> int:
    from bot import directory

    if not _ACRONYM.match(args.acronym):
        raise UsageError(t("cli.bad_acronym", ctx.lang, value=args.acronym))
    if not args.name.strip():
        raise UsageError(t("cli.empty_name", ctx.lang))
    if args.channel and not _CHANNEL.match(args.channel):
        raise UsageError(t("cli.bad_channel", ctx.lang, value=args.channel))
    with ctx.db.write() as session:
        area = directory.save_area(
            session=session,
            acronym=args.acronym,
            name=clean(args.name),
            aliases=[clean(a) for a in args.alias],
            channel=args.channel,
            part_of=args.part_of.upper() if args.part_of is not None else None,
        )
        acronym, name = area.acronym, area.name
    print(t("cli.area_saved", ctx.lang, acronym=acronym, name=name))
    return 0


def area_list(ctx: Context, args: argparse.Namespace) -> int:
    from bot import directory

    with ctx.db.read() as session:
        for a in directory.list_areas(session=session):
            print("\t".join([a.acronym, a.name, ", ".join(a.alias_list), a.channel_id or "", a.part_of or ""]).rstrip())
    return 0


def member_add(ctx: Context, args: argparse.Namespace) -> int:
    from bot import directory

    if not _USER.match(args.user_id):
        raise UsageError(t("cli.bad_user", ctx.lang, value=args.user_id))
    with ctx.db.write() as session:
        member = directory.save_member(
            session=session,
            user_id=args.user_id,
            areas=[a.upper() for a in args.area],
            name=clean(args.name),
            writer=args.writer,
        )
        writer = t("cli.writer_suffix", ctx.lang) if member.may_write else ""
    print(
        t("cli.member_saved", ctx.lang, user=args.user_id, areas=", ".join(a.upper() for a in args.area), writer=writer)
    )
    if args.writer and ctx.settings.writers is None:
        print(t("cli.writers_unset", ctx.lang))
    return 0


def member_list(ctx: Context, args: argparse.Namespace) -> int:
    from bot import directory

    with ctx.db.read() as session:
        members = directory.list_members(session=session)
    if not members:
        print(t("cli.no_members", ctx.lang))
    for m, areas in members:
        print("\t".join([m.user_id, m.name, ",".join(areas), "writer" if m.may_write else ""]).rstrip())
    return 0
