"""Plain-text rendering of outcomes (the shell, Slack fallback text, the CLI)."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.codes import is_handle, split_code
from bot.i18n import status_label, t, tn
from bot.model import (
    Baseline,
    Candidates,
    Changed,
    Choices,
    Due,
    Entry,
    Item,
    Listed,
    NextMeeting,
    NotFound,
    Notice,
    Outcome,
    ReportRequested,
    Shown,
)
from bot.render import groups as grouping

LIST_LIMIT = 15


def date_text(day: date, lang: str) -> str:
    return t("date.day", lang, day=day.day, month=t(f"month.{day.month}", lang), year=day.year)


def when_text(at: datetime, tz: ZoneInfo, lang: str) -> str:
    local = at.astimezone(tz)
    return t("date.time", lang, date=date_text(local.date(), lang), time=local.strftime("%H:%M"))


def meeting_when(at: datetime, tz: ZoneInfo, lang: str) -> str:
    """A meeting's day and time; its day alone when no time was recorded (a meeting read from a report)."""
    local = at.astimezone(tz)
    return date_text(local.date(), lang) if (local.hour, local.minute) == (0, 0) else when_text(at, tz, lang)


def due_text(due: Due, lang: str) -> str:
    if due.date is None:
        return due.meeting or ""
    if due.kind == "month":
        return t("date.month", lang, month=t(f"month.{due.date.month}", lang), year=due.date.year)
    return date_text(due.date, lang)


def notice_text(key: str, params: dict, lang: str) -> str:
    shown = {k: date_text(v, lang) if isinstance(v, date) else v for k, v in params.items()}
    return t(f"notice.{key}", lang, **shown)


def stored_due_text(value: str | None, lang: str) -> str:
    """A deadline as the log keeps it (``2023-03-15`` or ``2023-05``), in words."""
    if not value:
        return t("none", lang)
    if len(value) == 7:
        year, month = value.split("-")
        return t("date.month", lang, month=t(f"month.{int(month)}", lang), year=year)
    try:
        return date_text(date.fromisoformat(value), lang)
    except ValueError:
        return value


_EDITED = re.compile(r"(^|; )(text|areas|due|origin): ")
_STORED_DUE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")  # how the log keeps a deadline that changed


def _due_words(text: str, lang: str) -> str:
    """ "2023-05-31 → 2023-06" as the reader says it: "31 de mayo de 2023 → junio de 2023"."""
    return _STORED_DUE.sub(lambda m: stored_due_text(m[0], lang), text)


def entry_text(entry: Entry, tz: ZoneInfo, lang: str) -> str:
    if entry.kind == "status":
        what = t(
            "entry.status",
            lang,
            before=status_label(entry.status_before or "pending", lang),
            after=status_label(entry.status_after or "pending", lang),
        )
        what = f"{what}. {entry.text}" if entry.text else what
    elif entry.kind == "due":
        what = t("entry.due", lang, text=_due_words(entry.text, lang))
    elif entry.kind == "create":
        what = t("entry.create", lang)
    elif entry.kind == "undo":
        what = t("entry.undo", lang, what=t(f"undone.{entry.text}", lang))
    elif entry.kind == "edit":  # the log keeps "due: a → b; areas: …"; the fields are named in the reader's words
        fields = _EDITED.sub(lambda m: f"{m[1]}{t('field.' + m[2], lang)}: ", _due_words(entry.text or "—", lang))
        what = t("entry.edit", lang, text=fields)
    elif entry.kind == "withdraw":
        what = t("entry.withdraw", lang, text=entry.text or "—")
    else:
        what = entry.text
    extra = [e for e in entry.evidence if e not in entry.text]  # files and links not already in the words
    if extra:
        what = f"{what} ({t('entry.evidence', lang, items=' · '.join(extra))})"
    author = f" ({entry.author})" if entry.author else ""
    if entry.happened_on is None and entry.kind == "import":  # dated in its own words, if at all
        return f"{what}{author}"
    return f"{date_text(entry.happened_on or entry.at.astimezone(tz).date(), lang)} — {what}{author}"


def item_facts(item: Item, tz: ZoneInfo, lang: str) -> list[str]:
    """Status, areas, deadline, origin: one short line each."""
    facts = [
        *([t("item.withdrawn", lang)] if item.withdrawn else []),
        t("item.status", lang, status=status_label(item.status, lang)),
        t("item.areas", lang, areas=", ".join(item.areas) or t("item.no_areas", lang)),
    ]
    if item.due is not None:
        key = "item.due_session" if item.due.kind == "session" else "item.due"
        line = t(key, lang, due=due_text(item.due, lang), meeting=item.due.meeting or "")
        facts.append(f"{line} ({t('item.overdue', lang)})" if item.overdue else line)
    if item.origin and item.origin_at and is_handle(item.code):
        day = date_text(item.origin_at.astimezone(tz).date(), lang)
        facts.append(t("item.origin_item", lang, origin=item.origin, number=split_code(item.code)[0], date=day))
    elif item.origin:
        facts.append(t("item.origin", lang, origin=item.origin))
    return facts


def baseline_text(baseline: Baseline, tz: ZoneInfo, lang: str) -> str:
    """ "Estatus previo (Primera Sesión Extraordinaria, 30 de enero de 2023): En proceso"."""
    day = date_text(baseline.at.astimezone(tz).date(), lang)
    status = status_label(baseline.status, lang)
    if baseline.session:
        return t("item.previous", lang, session=baseline.session, date=day, status=status)
    return t("item.previous_at", lang, date=day, status=status)


def item_text(item: Item, tz: ZoneInfo, lang: str) -> str:
    lines = [f"{item.code} — {item.text}", " · ".join(item_facts(item, tz, lang))]
    if item.entries:
        lines.append(t("item.updates", lang))
        lines.extend(f"• {entry_text(e, tz, lang)}" for e in item.entries)
    else:
        lines.append(t("item.no_updates", lang))
    return "\n".join(lines)


def item_line(item: Item, lang: str, shared: tuple[str, ...] = ()) -> str:
    due = f" · {due_text(item.due, lang)}" if item.due else ""
    late = f" ({t('item.overdue', lang)})" if item.overdue else ""
    also = f" · {t('list.shared', lang, areas=', '.join(shared))}" if shared else ""
    return f"{item.code} [{status_label(item.status, lang)}] {short(item.text)}{due}{late}{also}"


def short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def filters_text(listed: Listed, lang: str) -> str:
    """What narrows the list after the noun: " de DERFE", " de tus áreas", " que vencen a más tardar…"."""
    f = listed.filters
    parts = []
    if f.mine:
        parts.append(t("list.filter_mine", lang))
    if f.area:
        parts.append(t("list.filter_area", lang, area=f.area))
    if f.meeting:
        parts.append(t("list.filter_meeting", lang, date=date_text(f.meeting, lang)))
    if f.due_before and f.before_session:
        day = date_text(f.due_before, lang)
        parts.append(t("list.filter_before_session", lang, session=f.before_session, date=day))
    elif f.due_before:
        parts.append(t("list.filter_due", lang, date=date_text(f.due_before, lang)))
    if f.since:
        which = "changed" if f.changed else "closed_since" if f.status == "done" else "since"
        day = date_text(f.since.date(), lang)
        if f.since_session:
            parts.append(t(f"list.filter_{which}_session", lang, session=f.since_session, date=day))
        else:
            parts.append(t(f"list.filter_{which}", lang, date=day))
    return "".join(parts)


def noun_text(listed: Listed, count: int, lang: str) -> str:
    """ "1 compromiso abierto", "3 compromisos vencidos": the noun agrees with the count."""
    f = listed.filters
    which = "overdue" if f.overdue else f.status if f.status in ("open", "pending", "in_progress", "done") else "any"
    return tn(f"list.noun.{which}", lang, count)


def title_text(listed: Listed, lang: str) -> str:
    """The line above a list; an empty list says so in one sentence."""
    count = len(listed.items)
    filters = filters_text(listed, lang)
    if not count:
        return t("list.empty", lang, noun=noun_text(listed, 2, lang), filters=filters)
    return t("list.title", lang, count=count, noun=noun_text(listed, count, lang), filters=filters)


def listed_text(listed: Listed, lang: str, limit: int = LIST_LIMIT) -> str:
    if not listed.items:
        return title_text(listed, lang)
    lines = [title_text(listed, lang)]
    shown = 0
    only = listed.filters.area
    for area, items in grouping.by_area(listed.items, only):
        if shown >= limit:
            break
        if not only:  # a list of one area names it in the title already
            lines.append(f"{area or t('list.group_none', lang)}:")
        for item in items[: limit - shown]:
            lines.append(f"• {item_line(item, lang, grouping.others(item, area))}")
            shown += 1
    rest = len(listed.items) - shown
    if rest > 0:
        lines.append(t("list.more", lang, count=rest))
    return "\n".join(lines)


def outcome_text(outcome: Outcome, tz: ZoneInfo, lang: str) -> str:
    """Any outcome as plain text."""
    match outcome:
        case Shown(item=item, baseline=None):
            return item_text(item, tz, lang)
        case Shown(item=item, baseline=Baseline() as baseline):
            head, rest = item_text(item, tz, lang).split("\n", 1)
            return "\n".join([head, baseline_text(baseline, tz, lang), rest])
        case Listed():
            return listed_text(outcome, lang)
        case Changed():
            return changed_text(outcome, lang)
        case NotFound():
            return not_found_text(outcome, lang)
        case Choices():
            return choices_text(outcome, lang)
        case Candidates(subject=subject, options=options, question=question):
            mark = (lambda n: f"{n}.") if question else (lambda n: "•")  # a change waits: answered by number or code
            lines = (f"{mark(n)} {c} — {short(x)}" for n, (c, x) in enumerate(options, 1))
            return "\n".join([t("candidates", lang, subject=subject), *lines])
        case NextMeeting(meeting=meeting):
            if meeting is None:
                return t("meeting.none", lang)
            return t(
                "meeting.next",
                lang,
                name=meeting.name,
                when=meeting_when(meeting.at, tz, lang),
                kind=t(f"kind.{meeting.kind}", lang),
            )
        case Notice(key=key, params=params):
            return notice_text(key, params, lang)
        case ReportRequested():
            return t("report.cli", lang)
    raise TypeError(outcome)


def changed_text(c: Changed, lang: str) -> str:
    code = c.item.code
    if c.what == "status":
        after = status_label(c.after or "", lang)
        if c.before == c.after:
            return t("changed.status_same_noted" if c.noted else "changed.status_same", lang, code=code, after=after)
        return t("changed.status", lang, code=code, before=status_label(c.before or "", lang), after=after)
    if c.what == "due":
        return t(
            "changed.due",
            lang,
            code=code,
            after=due_text(c.item.due, lang) if c.item.due else "—",
            before=stored_due_text(c.before, lang),
        )
    if c.what == "edit" and not c.before:
        return t("changed.edit_same", lang, code=code)
    if c.what == "undo":
        return t("changed.undo", lang, code=code, what=t(f"undone.{c.before}", lang))
    return t(f"changed.{c.what}", lang, code=code)


def choice_label(key: str, params: dict, lang: str) -> str:
    shown = {k: date_text(v, lang) if isinstance(v, date) else v for k, v in params.items()}
    return t(key, lang, **shown)


def choices_text(c: Choices, lang: str) -> str:
    """The question and its numbered options (the shell answers with the number)."""
    lines = [t("choice.question", lang, code=c.code or "")]
    lines += [f"{n}. {choice_label(key, params, lang)}" for n, (key, params) in enumerate(c.options, start=1)]
    return "\n".join([*lines, t("choice.answer", lang)])


def not_found_text(nf: NotFound, lang: str) -> str:
    head = t("notfound.code", lang, code=nf.code) if nf.code else t("notfound.subject", lang, subject=nf.subject)
    if not nf.suggestions:
        return head
    options = "; ".join(f"{c} ({short(x, 60)})" for c, x in nf.suggestions)
    return f"{head} {t('notfound.suggest', lang, options=options)}"
