"""The commission's sessions and working meetings: recording and editing them, naming their commitments, and the
sessions that bound a period ("desde la última sesión", "antes de la próxima sesión").

The command line and the conversation read and change meetings through these functions; the other services
(the registry's lists, changes, the report, the schedule, import and export) read ``storage.meetings`` directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time

from sqlmodel import Session

from bot.codes import item_handle
from bot.model import MeetingView
from bot.registry import RegistryError, Scope
from storage import commitments as commitments_db
from storage import meetings as meetings_db
from storage.meetings import KINDS
from storage.models import Meeting

SESSION_KINDS = ("ordinary", "extraordinary")
MODALITIES = {
    "virtual": "Virtual",
    "presencial": "Presencial",
    "hibrida": "Híbrida",
    "in person": "Presencial",
    "in-person": "Presencial",
    "hybrid": "Híbrida",
    "remote": "Virtual",
    "online": "Virtual",
}


def list_meetings(*, session: Session, sc: Scope) -> list[Meeting]:
    """The commission's sessions and meetings, by date."""
    return meetings_db.list_meetings(session=session, commission_id=sc.commission_id)


def view(m: Meeting) -> MeetingView:
    return MeetingView(
        name=m.name,
        at=m.at,
        kind=m.kind,
        modality=m.modality,
        attendees=m.attendees,
        objectives=m.objectives,
        topics=tuple(line for line in m.topics.splitlines() if line.strip()),
    )


def next_meeting(*, session: Session, sc: Scope) -> MeetingView | None:
    """The next session of the commission (ordinary or extraordinary), else the next working meeting."""
    found = next_session(session=session, sc=sc)
    found = found or meetings_db.next_meeting(session=session, commission_id=sc.commission_id, now=sc.now)
    return view(found) if found else None


def next_session(*, session: Session, sc: Scope) -> Meeting | None:
    return meetings_db.next_meeting(session=session, commission_id=sc.commission_id, now=sc.now, kinds=SESSION_KINDS)


def last_session(*, session: Session, sc: Scope, before: datetime | None = None) -> Meeting | None:
    """The commission's last session before ``before`` (default: now): where a report's period starts."""
    before = before or sc.now
    past = [m for m in list_meetings(session=session, sc=sc) if m.at < before and m.kind in SESSION_KINDS]
    return past[-1] if past else None


def held_on(*, session: Session, sc: Scope, day: date, kinds: Sequence[str] = KINDS) -> list[Meeting]:
    """The meetings held on ``day`` (in the commission's zone), by time then id."""
    return meetings_db.held_on(session=session, commission_id=sc.commission_id, day=day, tz=sc.tz, kinds=kinds)


def modality_of(text: str) -> str:
    """ "virtual" → "Virtual", "in person" → "Presencial"; other words are kept as written."""
    from bot.textnorm import fold

    cleaned = " ".join(text.split())
    return MODALITIES.get(fold(cleaned), cleaned)


def add_meeting(
    *,
    session: Session,
    sc: Scope,
    name: str,
    at: datetime,
    kind: str = "ordinary",
    modality: str = "",
    attendees: str = "",
    objectives: str = "",
    topics: Sequence[str] = (),
) -> Meeting:
    """Record a session or working meeting; recording it again (same name and time) updates it with what is
    given (its kind, modality, attendees, objectives and topics): what is not given stays."""
    if kind not in KINDS:
        raise RegistryError("bad_kind", kind=kind)
    if not name.strip():
        raise RegistryError("empty_name")
    given = {
        "kind": kind,
        "modality": modality_of(modality),
        "attendees": " ".join(attendees.split()),
        "objectives": objectives.strip(),
        "topics": "\n".join(t.strip() for t in topics if t.strip()),
    }
    at_utc = at.astimezone(UTC)
    found = meetings_db.find_meeting(session=session, commission_id=sc.commission_id, name=name.strip(), at=at_utc)
    if found is None:
        found = Meeting(commission_id=sc.commission_id, name=name.strip(), at=at_utc)
    for field, value in given.items():
        if value:
            setattr(found, field, value)
    session.add(found)
    session.flush()
    return found


def next_item_code(*, session: Session, sc: Scope, meeting: Meeting) -> tuple[str, int]:
    """The handle and number a new commitment of a working meeting takes: the meeting's next number."""
    assert meeting.id is not None
    taken = commitments_db.find_commitments(
        session=session, commission_id=sc.commission_id, origin_id=meeting.id, withdrawn=True
    )
    number = max((c.number for c in taken), default=0) + 1
    return handle_of(session=session, sc=sc, meeting=meeting, number=number), number


def handle_of(*, session: Session, sc: Scope, meeting: Meeting, number: int) -> str:
    """``R221123-2``; a second working meeting on the same day takes a letter (``R221123b-1``)."""
    day = meeting.at.astimezone(sc.tz).date()
    same_day = [m.id for m in held_on(session=session, sc=sc, day=day, kinds=("working",))]
    position = same_day.index(meeting.id) if meeting.id in same_day else 0
    return item_handle(day, number, "" if position == 0 else "abcdefghijklmnopqrstuvwxyz"[position])


def item_by_day(*, session: Session, sc: Scope, day: date, number: int) -> str | None:
    """The code of commitment ``number`` of the working meeting held on ``day`` (the first, when several were)."""
    for m in held_on(session=session, sc=sc, day=day, kinds=("working",)):
        for c in commitments_db.find_commitments(session=session, commission_id=sc.commission_id, origin_id=m.id):
            if c.number == number:
                return c.code
    return None


def period_start(*, session: Session, sc: Scope, since: str) -> tuple[datetime | None, Meeting | None]:
    """Where a period named in a message starts: "last_session" → the last session (None when none is recorded);
    an ISO day → its first instant."""
    if since == "last_session":
        found = last_session(session=session, sc=sc)
        return (found.at, found) if found else (None, None)
    return datetime.combine(date.fromisoformat(since), time(), sc.tz), None
