"""The follow-up report's view model, in the order of the report the secretariat files (seed 004).

- An opening that names the session commitment asking for the report (when the registry knows it).
- The follow-up: one group per meeting that had commitments still open at the period's start (pending or in
  progress), each of them with its "(Estatus previo: …)" (its status at the start), its status now and the
  actions taken. Meetings whose commitments were all attended before the period are left out.
- The meetings reported for the first time (none of their commitments had a status at the start): their
  objectives, topics and commitments, in a table of their own.
- An optional summary by institution, then area.

The period starts, by default, at the commission's last session: the status a commitment had then is what the
last report said.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot import meetings, registry
from bot.codes import code_order, is_handle, split_code
from bot.model import Entry, Item, MeetingView
from bot.period import Dated, Period
from storage import areas as areas_db
from storage import commissions as commissions_db
from storage import commitments as commitments_db
from storage import log as log_db
from storage import meetings as meetings_db
from storage.models import CommitmentRow

ACTIONS = ("note", "import", "status")  # the log entries a report shows as actions (a status change, by its note)
OPEN = ("pending", "in_progress")


@dataclass(frozen=True)
class ReportLine:
    item: Item
    number: str  # "1", "2"… within a working meeting; the official code for a session's commitment
    previous_status: str | None  # the status at the period's start; None for a commitment new in the period
    actions: tuple[Entry, ...]


@dataclass(frozen=True)
class ReportGroup:
    meeting: MeetingView | None
    lines: tuple[ReportLine, ...]


@dataclass(frozen=True)
class AreaSummary:
    institution: str
    acronym: str
    open: int
    done: int
    oldest_open_days: int | None = None


@dataclass(frozen=True)
class Request:
    """The session commitment that asks for the report, as the opening states it."""

    code: str
    text: str
    session: MeetingView | None


@dataclass(frozen=True)
class Report:
    commission: str
    commission_name: str
    generated_at: datetime
    since: datetime | None
    since_session: str | None
    groups: tuple[ReportGroup, ...]  # the follow-up of meetings with commitments open at the start
    new: tuple[ReportGroup, ...]  # meetings reported for the first time, with their objectives and topics
    summary: tuple[AreaSummary, ...]
    request: Request | None = None
    subject: str | None = None  # the commitment whose subject the second part reports on ("14/2022")
    ages: dict[str, list[int]] = field(default_factory=dict)  # area → days open of each open item

    @property
    def lines(self) -> list[ReportLine]:
        return [line for group in (*self.groups, *self.new) for line in group.lines]


def default_since(*, session: Session, sc: registry.Scope) -> datetime | None:
    """The last session before now (the report tells what changed since then)."""
    last = meetings.last_session(session=session, sc=sc)
    return last.at if last else None


def build_report(
    *,
    session: Session,
    sc: registry.Scope,
    commission: str,
    since: datetime | None,
    tz: ZoneInfo,
    period: Period | None = None,
) -> Report:
    """Gather the whole report in a fixed number of statements.

    ``since`` is the baseline of "previous status"; ``period``, when given, keeps the commitments it covers
    and the actions logged before it ends.
    """
    period = period or Period()
    found = commissions_db.get_commission(session=session, code=commission)
    log: dict[int, list] = defaultdict(list)
    for u in period.entries(log_db.all_updates(session=session, commission_id=sc.commission_id)):
        log[u.commitment_id].append(u)
    rows = [
        c
        for c in commitments_db.find_commitments(session=session, commission_id=sc.commission_id)
        if period.keeps(created_at=c.created_at, status=c.status, log=log[c.id or 0])
    ]
    items = registry.build_items(
        session=session, sc=sc, commitments=rows, entries={cid: list(entries) for cid, entries in log.items()}
    )
    origins = meetings_db.meetings_by_ids(session=session, ids=[c.origin_id for c in rows])
    lines: dict[int | None, list[ReportLine]] = defaultdict(list)
    for c, item in zip(rows, items, strict=True):
        if item.code not in (found.report_request, found.report_subject):
            lines[c.origin_id].append(_line(c, item, since))
    follow_up, new = [], []
    for key in sorted(lines, key=lambda k: (k is None, origins[k].at if k else datetime.min, k or 0)):
        group_lines = sorted(lines[key], key=lambda line: code_order(line.item.code))
        if since is not None and all(line.previous_status is None for line in group_lines):
            new.append(ReportGroup(meetings.view(origins[key]) if key else None, tuple(group_lines)))
            continue
        followed = [line for line in group_lines if since is None or line.previous_status in (*OPEN, None)]
        if followed and (since is None or any(line.previous_status in OPEN for line in followed)):
            follow_up.append(ReportGroup(meetings.view(origins[key]) if key else None, tuple(followed)))
    created = {c.code: c.created_at for c in rows}
    ages = _ages(items, created, sc.today, tz)
    last = meetings.last_session(session=session, sc=sc, before=since + timedelta(microseconds=1)) if since else None
    return Report(
        commission=commission,
        commission_name=found.name if found.name != commission else "",
        generated_at=sc.now,
        since=since,
        since_session=last.name if last and last.at == since else None,
        groups=tuple(follow_up),
        new=tuple(new),
        summary=_summary(session, items, ages),
        request=_request(session, sc, found.report_request),
        subject=found.report_subject or None,
        ages=ages,
    )


def previous_status(c: CommitmentRow, log: Sequence[Dated], since: datetime | None) -> str | None:
    """The status ``c`` had at ``since``: the status before its first change since then (a commitment recorded
    with the status an earlier report gave carries it as its creation's "before"); None when it is new."""
    if since is None:
        return None
    changes = sorted((e for e in log if e.kind in ("status", "create") and e.at >= since), key=lambda e: e.at)
    if changes:
        return changes[0].status_before
    return c.status if c.created_at < since else None


def _line(c: CommitmentRow, item: Item, since: datetime | None) -> ReportLine:
    previous = previous_status(c, [e for e in item.entries if not e.undone], since)
    # In the order they were told (an imported report's, in its own order): the log is read oldest first.
    told = [e for e in item.entries if e.kind in ACTIONS and e.text and not e.undone]
    actions = tuple(sorted(told, key=lambda e: e.at))
    number = str(split_code(item.code)[0]) if is_handle(item.code) else item.code
    return ReportLine(item=item, number=number, previous_status=previous, actions=actions)


def _request(session: Session, sc: registry.Scope, code: str) -> Request | None:
    if not code:
        return None
    c = commitments_db.get_commitment(session=session, commission_id=sc.commission_id, code=code)
    if c is None:
        return Request(code=code, text="", session=None)
    origin = meetings_db.meetings_by_ids(session=session, ids=[c.origin_id]).get(c.origin_id or 0)
    return Request(code=code, text=c.text, session=meetings.view(origin) if origin else None)


def _ages(items: list[Item], created: dict[str, datetime], today: date, tz: ZoneInfo) -> dict[str, list[int]]:
    """Days each open item has been open: since the meeting it came from, or since it was recorded."""
    ages: dict[str, list[int]] = defaultdict(list)
    for item in items:
        if item.status != "done":
            opened = min(created[item.code], item.origin_at) if item.origin_at else created[item.code]
            days = (today - opened.astimezone(tz).date()).days
            for area in item.areas or ("—",):
                ages[area].append(max(days, 0))
    return dict(ages)


def _summary(session: Session, items: list[Item], ages: dict[str, list[int]]) -> tuple[AreaSummary, ...]:
    """Open and attended commitments by institution, then area (an area that is part of none is its own)."""
    part_of = {a.acronym: a.part_of or a.acronym for a in areas_db.list_areas(session=session)}
    open_count: Counter[str] = Counter()
    done_count: Counter[str] = Counter()
    for item in items:
        for area in item.areas or ("—",):
            (done_count if item.status == "done" else open_count)[area] += 1
    areas = sorted(set(open_count) | set(done_count), key=lambda a: (part_of.get(a, a), a != part_of.get(a, a), a))
    return tuple(
        AreaSummary(part_of.get(a, a), a, open_count[a], done_count[a], max(ages[a]) if ages.get(a) else None)
        for a in areas
    )
