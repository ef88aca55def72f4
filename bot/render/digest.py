"""Digests, session-eve reminders and nudges as Slack messages, split within Block Kit's limits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from bot.i18n import status_label, t, tn
from bot.model import Item, MeetingView
from bot.render import groups as grouping
from bot.render import text as plain
from bot.render.blocks import MAX_BLOCKS, card, context, escape, header, item_line, pack, section, sections

PER_AREA = 10  # lines per area and section in a digest; the rest is counted


@dataclass(frozen=True)
class DigestView:
    today: date
    items: tuple[Item, ...]  # open
    closed: tuple[Item, ...]
    meeting: MeetingView | None
    area: str | None = None


def _lines_by_area(items: Sequence[Item], lang: str, only: str | None) -> list[str]:
    """One mrkdwn chunk per area: its items, overdue first, capped with a count of the rest."""
    chunks = []
    for area, group in grouping.by_area(items, only):
        lines = [] if only else [f"*{escape(area or t('list.group_none', lang))}*"]
        lines += [item_line(i, lang, grouping.others(i, area)) for i in group[:PER_AREA]]
        if len(group) > PER_AREA:
            lines.append(t("digest.more", lang, count=len(group) - PER_AREA, area=area or "—"))
        chunks += pack(lines)
    return chunks


def split(blocks: list[dict], fallback: str, lang: str, limit: int = MAX_BLOCKS - 1) -> list[dict]:
    """Cut a long run of blocks into messages of at most ``limit`` blocks, each with fallback text."""
    parts = [blocks[i : i + limit] for i in range(0, len(blocks), limit)] or [[]]
    messages = []
    for number, part in enumerate(parts, start=1):
        if len(parts) > 1 and number > 1:
            part = [context(t("digest.part", lang, part=number, parts=len(parts))), *part]
        messages.append(
            {
                "text": fallback
                if number == 1
                else f"{fallback} {t('digest.part', lang, part=number, parts=len(parts))}",
                "blocks": part,
            }
        )
    return messages


def digest_messages(view: DigestView, tz: ZoneInfo, lang: str) -> list[dict]:
    """The weekly digest: overdue, due this week, the rest (by area), what closed, the next session."""
    when = plain.date_text(view.today, lang)
    title = t("digest.area_title", lang, area=view.area, date=when) if view.area else t("digest.title", lang, date=when)
    parts = grouping.sections(view.items, view.today)
    counts = t(
        "digest.counts",
        lang,
        open=tn("digest.open", lang, len(view.items)),
        overdue=tn("digest.overdue", lang, len(parts["overdue"])),
        week=tn("digest.week", lang, len(parts["week"])),
    )
    blocks: list[dict] = [header(title), context(counts)]
    for key, label in (
        ("overdue", "list.section_overdue"),
        ("week", "list.section_week"),
        ("rest", "list.section_rest"),
    ):
        if parts[key]:
            blocks.append(section(f"*{t(label, lang)}* ({len(parts[key])})"))
            blocks += [section(chunk) for chunk in _lines_by_area(parts[key], lang, view.area)]
    if view.closed:
        blocks.append(section(f"*{t('digest.closed', lang, count=len(view.closed))}*"))
        blocks += [section(chunk) for chunk in _lines_by_area(view.closed, lang, view.area)]
    else:
        blocks.append(context(t("digest.no_closed", lang)))
    blocks.append(section(_meeting_line(view.meeting, tz, lang)))
    return split(blocks, f"{title}. {counts}.", lang)


def _meeting_line(meeting: MeetingView | None, tz: ZoneInfo, lang: str) -> str:
    if meeting is None:
        return t("digest.no_next", lang)
    return t("digest.next", lang, name=escape(meeting.name), when=plain.meeting_when(meeting.at, tz, lang))


def reminder_messages(meeting: MeetingView, items: Sequence[Item], tz: ZoneInfo, lang: str) -> list[dict]:
    """The session-eve reminder for a channel: every open item by area, with deadline and latest update."""
    when = t(
        "reminder.when",
        lang,
        when=plain.meeting_when(meeting.at, tz, lang),
        kind=t(f"kind.{meeting.kind}", lang),
        count=len(items),
    )
    blocks: list[dict] = [header(t("reminder.title", lang, name=meeting.name)), section(when)]
    if not items:
        blocks.append(section(t("reminder.none", lang)))
    for area, group in grouping.by_area(items):
        lines = [f"*{escape(area or t('list.group_none', lang))}*"]
        for item in group:
            latest = item.entries[0] if item.entries else None
            update = f"\n      _{escape(plain.short(latest.text, 160))}_" if latest and latest.text else ""
            lines.append(item_line(item, lang, grouping.others(item, area)) + update)
        blocks += sections(lines)
    return split(blocks, f"{t('reminder.title', lang, name=escape(meeting.name))}. {when}", lang)


def reminder_dm(meeting: MeetingView, items: Sequence[Item], tz: ZoneInfo, lang: str) -> list[dict]:
    when = plain.meeting_when(meeting.at, tz, lang)
    intro = tn("reminder.dm", lang, len(items), name=escape(meeting.name), when=when)
    blocks = [section(intro), *sections([item_line(i, lang) for i in items])]
    return split(blocks, intro, lang)


def nudge_message(item: Item, deadline: date, tz: ZoneInfo, lang: str) -> list[dict]:
    text = t(
        "nudge.text",
        lang,
        code=item.code,
        date=plain.date_text(deadline, lang),
        status=status_label(item.status, lang).lower(),
    )
    return [{"text": text, "blocks": [section(text), *card(item, tz, lang)]}]


def as_text(messages: list[dict]) -> str:
    """What a dry run prints: each message's blocks as plain lines."""
    out = []
    for message in messages:
        for block in message["blocks"]:
            body = block.get("text") or (block.get("elements") or [{}])[0]
            if isinstance(body, dict) and body.get("text"):
                out.append(body["text"])
    return "\n".join(out)
