"""Which occurrences exist at ``now``: digests, session-eve reminders and overdue nudges."""

from __future__ import annotations

from datetime import time, timedelta

from sqlmodel import Session

from bot.registry import Scope
from bot.schedule.occurrences import Occurrence, digest_due, nudge_due, reminder_due
from bot.settings import Settings
from storage import areas as areas_db
from storage import commitments as commitments_db
from storage import meetings as meetings_db
from storage import members as members_db


def occurrences(*, session: Session, sc: Scope, settings: Settings) -> list[Occurrence]:
    """Every occurrence due at or before ``sc.now`` and recent enough to matter (sent, or expired)."""
    return [*_digests(session, sc, settings), *_reminders(session, sc, settings), *_nudges(session, sc, settings)]


def _digests(session: Session, sc: Scope, settings: Settings) -> list[Occurrence]:
    nominal, due = digest_due(sc.now, settings.digest_schedule, settings.timezone)
    found = [Occurrence("digest", channel, nominal.isoformat(), due) for channel in settings.digest_channels]
    for area in areas_db.list_areas(session=session):
        if area.channel_id:
            found.append(
                Occurrence(
                    "area_digest", area.channel_id, f"{nominal.isoformat()}/{area.acronym}", due, subject=area.acronym
                )
            )
    return found


def _reminders(session: Session, sc: Scope, settings: Settings) -> list[Occurrence]:
    lead, window = settings.reminder_lead, settings.catchup_window
    meetings = meetings_db.meetings_between(
        session=session, commission_id=sc.commission_id, start=sc.now - window, end=sc.now + lead
    )
    found: list[Occurrence] = []
    members = None
    for m in meetings:
        due = reminder_due(m.at, lead)
        if due > sc.now:
            continue
        stamp = f"{m.id}@{m.at.isoformat()}"
        found += [
            Occurrence("reminder", channel, stamp, due, subject=str(m.id)) for channel in settings.reminder_channels
        ]
        members = members if members is not None else _members_with_open_items(session, sc)
        found += [Occurrence("reminder_dm", user, stamp, due, subject=str(m.id)) for user in members]
    return found


def _members_with_open_items(session: Session, sc: Scope) -> list[str]:
    by_area = members_db.members_by_area(session=session)
    if not by_area:
        return []
    rows = commitments_db.find_commitments(
        session=session, commission_id=sc.commission_id, statuses=["pending", "in_progress"]
    )
    areas = areas_db.areas_of(
        session=session, commitment_ids=[c.id for c in rows if c.id], commission_id=sc.commission_id
    )
    owed = {a for acronyms in areas.values() for a in acronyms}
    return sorted({user for area, users in by_area.items() if area in owed for user in users})


def _nudges(session: Session, sc: Scope, settings: Settings) -> list[Occurrence]:
    """The morning after a deadline passes, each member of the owing areas gets one nudge."""
    window = settings.catchup_window
    clock = time(settings.digest_schedule.hour, settings.digest_schedule.minute)
    first = sc.today - timedelta(days=1 + max(window.days, 0) + 1)
    rows = commitments_db.find_commitments(
        session=session,
        commission_id=sc.commission_id,
        statuses=["pending", "in_progress"],
        due_from=first,
        overdue_on=sc.today,
    )
    if not rows:
        return []
    areas = areas_db.areas_of(
        session=session, commitment_ids=[c.id for c in rows if c.id], commission_id=sc.commission_id
    )
    by_area = members_db.members_by_area(session=session)
    found = []
    for c in rows:
        assert c.due_date is not None and c.id is not None
        due = nudge_due(c.due_date, clock, settings.timezone)
        if due > sc.now:
            continue
        users = sorted({u for a in areas.get(c.id, []) for u in by_area.get(a, [])})
        found += [
            Occurrence("nudge", user, f"{c.code}@{c.due_date.isoformat()}", due, subject=c.code) for user in users
        ]
    return found
