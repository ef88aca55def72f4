"""Import a follow-up report in the secretariat's own Word layout (seed 004) into the registry, all or nothing:
its meetings (date, modality, attendees, objectives, topics), their numbered commitments with their previous and
current status and the actions taken, and the session commitment that asks for the report."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot import changes, meetings, registry
from bot.i18n import status_label, t
from bot.render.text import date_text
from bot.transfer.importer import ImportReport, meeting_kind
from bot.transfer.tables import TableError
from bot.transfer.word import WordError, WordItem, WordMeeting, WordReport, read_report
from storage import areas as areas_db
from storage import commitments as commitments_db
from storage.db import Database
from storage.models import Commission, Commitment, Meeting


def import_word(
    *,
    db: Database,
    path: Path,
    commission: str,
    now: datetime,
    tz: ZoneInfo,
    lang: str = "es",
    dry_run: bool = False,
    author: str = "import",
) -> ImportReport:
    """Read ``path`` and record what it says in one transaction; ``dry_run`` says what it understood and keeps
    nothing."""
    try:
        parsed = read_report(path)
    except WordError as exc:
        raise TableError("import.word", reason=str(exc)) from None
    report = ImportReport(warnings=[t("import.word_warning", lang, text=w) for w in parsed.warnings])
    with db.write() as session:
        sc = registry.scope(session=session, commission=commission, now=now)
        _opening(session, sc, parsed, tz, author)
        for meeting in parsed.meetings:
            _meeting(session, sc, meeting, tz, author, report)
        if dry_run:
            report.understood = understood(parsed, lang)
            session.rollback()
    return report


def _at(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0, 0), tz)


def _opening(session: Session, sc: registry.Scope, parsed: WordReport, tz: ZoneInfo, author: str) -> None:
    """The session commitment that asks for the report (and the session it came from), and the commitment whose
    subject the second part reports on: the report names them in its opening."""
    found = session.get(Commission, sc.commission_id)
    assert found is not None
    if parsed.subject_code:
        found.report_subject = parsed.subject_code
    if not parsed.request_code:
        session.add(found)
        return
    found.report_request = parsed.request_code
    session.add(found)
    origin = None
    if parsed.request_session and parsed.request_session_on:
        name = parsed.request_session
        kind = meeting_kind(name)
        origin = meetings.add_meeting(
            session=session, sc=sc, name=name, at=_at(parsed.request_session_on, tz), kind=kind
        ).id
    known = commitments_db.get_commitment(session=session, commission_id=sc.commission_id, code=parsed.request_code)
    if known is None and parsed.request_text:
        changes.create(
            session=session,
            sc=sc,
            text=_sentence(parsed.request_text),
            author=author,
            code=parsed.request_code,
            origin_id=origin,
            source="import:word",
        )


def _sentence(text: str) -> str:
    """A clause quoted in the opening ("entregar una nota…") as a commitment's text ("Entregar una nota…")."""
    text = text.strip()
    return text[:1].upper() + text[1:]


def meeting_name(meeting: WordMeeting) -> str:
    """ "Reunión de trabajo INE–SRE": the institutions its attendees belong to, in order."""
    named = list(dict.fromkeys(re.findall(r"\b(INE|SRE|FISEL|INM|OPLE?S?)\b", meeting.attendees)))
    return "Reunión de trabajo " + "–".join(named) if named else "Reunión de trabajo"


def _meeting(
    session: Session, sc: registry.Scope, meeting: WordMeeting, tz: ZoneInfo, author: str, report: ImportReport
) -> None:
    m = meetings.add_meeting(
        session=session,
        sc=sc,
        name=meeting_name(meeting),
        at=_at(meeting.on, tz),
        kind="working",
        modality=meeting.modality,
        attendees=meeting.attendees,
        objectives=meeting.objectives,
        topics=meeting.topics,
    )
    known_areas = {a.acronym for a in areas_db.list_areas(session=session)}
    for item in meeting.items:
        _item(session, sc, m, item, known_areas, author, report)


def _item(
    session: Session,
    sc: registry.Scope,
    m: Meeting,
    item: WordItem,
    known_areas: set[str],
    author: str,
    report: ImportReport,
) -> None:
    code = meetings.handle_of(session=session, sc=sc, meeting=m, number=item.number)
    source = f"import:{code}"
    c = commitments_db.get_commitment(session=session, commission_id=sc.commission_id, code=code, for_update=True)
    if c is None:
        c = changes.create(
            session=session,
            sc=sc,
            text=item.text,
            author=author,
            code=code,
            areas=[a for a in item.institutions if a in known_areas],
            status=item.status,
            origin_id=m.id,
            source=source,
            previous=item.previous,
        )
        report.created += 1
    elif _update(session, sc, c, item, author, source):
        report.updated += 1
    else:
        report.unchanged += 1
    actions = [(a.text, None) for a in item.actions]  # dated in their own words, if at all
    changes.log_imported(session=session, sc=sc, commitment=c, actions=actions, author=author, source=source)


def _update(session: Session, sc: registry.Scope, c: Commitment, item: WordItem, author: str, source: str) -> bool:
    _, edited = changes.edit(session=session, sc=sc, code=c.code, author=author, source=source, text=item.text)
    changed = bool(edited)
    if c.status != item.status and c.withdrawn_at is None:
        changes.set_status(session=session, sc=sc, code=c.code, status=item.status, author=author, source=source)
        changed = True
    return changed


def understood(parsed: WordReport, lang: str) -> list[str]:
    """What ``--dry-run`` shows: each meeting with its commitments, their statuses and how many actions."""
    lines = []
    if parsed.request_code:
        lines.append(t("import.word_request", lang, code=parsed.request_code, session=parsed.request_session or "—"))
    for m in parsed.meetings:
        head = ", ".join(x for x in (date_text(m.on, lang), m.modality, m.attendees) if x)
        lines.append(head + (f" — {t('import.word_topics', lang, count=len(m.topics))}" if m.topics else ""))
        for item in m.items:
            previous = status_label(item.previous, lang) if item.previous else "—"
            lines.append(
                t(
                    "import.word_item",
                    lang,
                    number=item.number,
                    text=item.text[:70],
                    previous=previous,
                    status=status_label(item.status, lang),
                    actions=len(item.actions),
                    areas=", ".join(item.institutions) or "—",
                )
            )
    return lines
