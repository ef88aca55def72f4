"""Registry services: the commission's scope and the commitments as cards and lists (changing them is
``bot.changes``).

The services (this module, ``changes``, ``meetings``, ``directory``, ``resolve``, ``report``, ``conversation``,
and the import/export in ``transfer`` and the scheduled messages in ``schedule``) are the only code that queries
the registry in ``storage``: the command line, the Slack handlers and the renderers go through them. Besides them,
``bot.slack.outbox`` and the scheduler's clean-up keep the record of Slack events (``storage.events``), and the
command line and the app open the database (``storage.db``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlmodel import Session

from bot.model import Due, Entry, Filters, Item
from storage import areas as areas_db
from storage import commissions as commissions_db
from storage import commitments as commitments_db
from storage import log as log_db
from storage import meetings as meetings_db
from storage.models import Commitment, CommitmentRow, Meeting, Update, UpdateRow


class RegistryError(ValueError):
    """A rule was broken; ``key`` names the message in the strings table."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Scope:
    """Who the registry is working for: commission, zone, now."""

    commission_id: int
    now: datetime

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def tz(self) -> tzinfo:
        assert self.now.tzinfo is not None
        return self.now.tzinfo


def scope(*, session: Session, commission: str, now: datetime) -> Scope:
    """Resolve the commission (created on first use) for a unit of work at ``now`` (aware, local)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    found = commissions_db.get_commission(session=session, code=commission)
    assert found.id is not None
    return Scope(commission_id=found.id, now=now)


def existing_scope(*, session: Session, commission: str, now: datetime) -> Scope | None:
    """Like ``scope``, but None instead of creating the commission."""
    found = commissions_db.find_commission(session=session, code=commission)
    return Scope(commission_id=found.id, now=now) if found is not None and found.id is not None else None


def _due(c: Commitment | CommitmentRow, meetings: dict[int, Meeting]) -> Due | None:
    if c.due_kind == "session" and c.due_meeting_id in meetings:
        meeting = meetings[c.due_meeting_id]
        return Due(date=c.due_date, kind="session", meeting=meeting.name)
    if c.due_date is None:
        return None
    return Due(date=c.due_date, kind=c.due_kind or "day")


def _entry(u: Update | UpdateRow) -> Entry:
    return Entry(
        at=u.at,
        author=u.author,
        text=u.text,
        kind=u.kind,
        status_before=u.status_before,
        status_after=u.status_after,
        source=u.source,
        undone=u.undone_at is not None,
        happened_on=u.happened_on,
        evidence=tuple(line for line in u.evidence.splitlines() if line),
    )


def build_items(
    *,
    session: Session,
    sc: Scope,
    commitments: Sequence[Commitment | CommitmentRow],
    entries: Mapping[int, Sequence[Update | UpdateRow]] | None = None,
    areas: dict[int, list[str]] | None = None,
) -> list[Item]:
    """Turn rows into view items with a constant number of statements."""
    if areas is None:
        ids = [c.id for c in commitments if c.id is not None]
        areas = areas_db.areas_of(session=session, commitment_ids=ids, commission_id=sc.commission_id)
    meetings = meetings_db.meetings_by_ids(
        session=session, ids=[m for c in commitments for m in (c.origin_id, c.due_meeting_id) if m]
    )
    items = []
    for c in commitments:
        assert c.id is not None
        origin = meetings.get(c.origin_id) if c.origin_id else None
        items.append(
            Item(
                code=c.code,
                text=c.text,
                status=c.status,
                areas=tuple(areas.get(c.id, [])),
                due=_due(c, meetings),
                overdue=c.status != "done" and c.due_date is not None and c.due_date < sc.today,
                origin=origin.name if origin else None,
                origin_at=origin.at if origin else None,
                entries=tuple(_entry(u) for u in (entries or {}).get(c.id, [])),
                withdrawn=c.withdrawn_at is not None,
            )
        )
    return items


def get_item(*, session: Session, sc: Scope, code: str, history: int | None = 5) -> Item | None:
    """A commitment with its areas and newest log entries (at most ``history``), or None."""
    c, areas = commitments_db.get_with_areas(session=session, commission_id=sc.commission_id, code=code)
    if c is None or c.id is None:
        return None
    return item_of(session=session, sc=sc, commitment=c, history=history, areas=areas)


def item_of(
    *, session: Session, sc: Scope, commitment: Commitment, history: int | None = 5, areas: list[str] | None = None
) -> Item:
    """The card of a commitment already read (after changing it): its areas (read here unless given) and newest
    log entries."""
    assert commitment.id is not None
    log = log_db.updates_for(session=session, commitment_id=commitment.id, limit=history)
    known = {commitment.id: areas} if areas is not None else None
    return build_items(session=session, sc=sc, commitments=[commitment], entries={commitment.id: log}, areas=known)[0]


def newest_code(*, session: Session, sc: Scope) -> str | None:
    """The code of the most recently created commitment, if any."""
    return commitments_db.newest_code(session=session, commission_id=sc.commission_id)


def list_items(*, session: Session, sc: Scope, filters: Filters, area_ids: Sequence[int] | None = None) -> list[Item]:
    """Commitments by status (pending / in_progress / done / open), area, overdue and deadline."""
    statuses = _statuses(filters.status, filters.overdue or filters.due_before is not None)
    area = areas_db.get_area(session=session, acronym=filters.area) if filters.area else None
    if filters.area and area is None:
        raise RegistryError("unknown_area", area=filters.area)
    since = filters.since
    rows = commitments_db.find_commitments(
        session=session,
        commission_id=sc.commission_id,
        statuses=statuses,
        area_ids=areas_db.with_parts(session=session, area=area) if area else area_ids,
        due_before=filters.due_before,
        overdue_on=sc.today if filters.overdue else None,
        origin_ids=_held_on(session, sc, filters.meeting) if filters.meeting else None,
        closed_since=since if since and filters.status == "done" and not filters.changed else None,
        changed_since=since if since and filters.changed else None,
        active_since=since if since and filters.status != "done" and not filters.changed else None,
    )
    latest = log_db.latest_updates(session=session, commission_id=sc.commission_id)
    return build_items(session=session, sc=sc, commitments=rows, entries={cid: [u] for cid, u in latest.items()})


def _held_on(session: Session, sc: Scope, day: date) -> list[int]:
    held = meetings_db.held_on(session=session, commission_id=sc.commission_id, day=day, tz=sc.tz)
    return [m.id for m in held if m.id is not None]


def _statuses(status: str | None, open_by_default: bool) -> list[str] | None:
    if status == "open" or (status is None and open_by_default):
        return ["pending", "in_progress"]
    return [status] if status else None


def due_text(day: date | None, kind: str | None) -> str:
    if day is None:
        return ""
    return day.strftime("%Y-%m") if kind == "month" else day.isoformat()


def resolve_areas(*, session: Session, acronyms: Sequence[str]) -> list[int]:
    ids = []
    for acronym in acronyms:
        area = areas_db.get_area(session=session, acronym=acronym)
        if area is None or area.id is None:
            raise RegistryError("unknown_area", area=acronym)
        ids.append(area.id)
    return ids
