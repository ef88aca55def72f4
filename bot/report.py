"""The follow-up report's view model: per origin, each commitment with status, previous status and actions."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot import meetings, registry
from bot.model import Entry, Item, MeetingView
from bot.period import Period
from storage import commitments as commitments_db
from storage import log as log_db
from storage import meetings as meetings_db

ACTIONS = ("note", "import")  # the log entries a report shows as actions


@dataclass(frozen=True)
class ReportLine:
    item: Item
    previous_status: str | None  # when the status changed since the report's start
    actions: tuple[Entry, ...]


@dataclass(frozen=True)
class ReportGroup:
    meeting: MeetingView | None
    lines: tuple[ReportLine, ...]


@dataclass(frozen=True)
class AreaSummary:
    acronym: str
    open: int
    done: int
    oldest_open_days: int | None = None


@dataclass(frozen=True)
class Report:
    commission: str
    generated_at: datetime
    since: datetime | None
    groups: tuple[ReportGroup, ...]
    summary: tuple[AreaSummary, ...]
    ages: dict[str, list[int]] = field(default_factory=dict)  # area → days open of each open item

    @property
    def lines(self) -> list[ReportLine]:
        return [line for group in self.groups for line in group.lines]


def default_since(*, session: Session, sc: registry.Scope) -> datetime | None:
    """The last session before now (the report tells what changed since then)."""
    past = [
        m
        for m in meetings_db.list_meetings(session=session, commission_id=sc.commission_id)
        if m.at < sc.now and m.kind != "working"
    ]
    return past[-1].at if past else None


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
    log: dict[int, list] = defaultdict(list)
    for u in period.entries(log_db.all_updates(session=session, commission_id=sc.commission_id)):
        log[u.commitment_id].append(u)
    commitments = [
        c
        for c in commitments_db.find_commitments(session=session, commission_id=sc.commission_id)
        if period.keeps(created_at=c.created_at, status=c.status, log=log[c.id or 0])
    ]
    items = registry.build_items(
        session=session, sc=sc, commitments=commitments, entries={cid: list(entries) for cid, entries in log.items()}
    )
    by_origin: dict[int | None, list[ReportLine]] = defaultdict(list)
    for c, item in zip(commitments, items, strict=True):
        by_origin[c.origin_id].append(_line(item, since))
    origins = meetings_db.meetings_by_ids(session=session, ids=[k for k in by_origin if k])
    order = sorted(by_origin, key=lambda k: (k is None, origins[k].at if k else datetime.min.replace(tzinfo=tz)))
    groups = tuple(
        ReportGroup(
            meeting=meetings.view(origins[k]) if k else None,
            lines=tuple(sorted(by_origin[k], key=lambda line: _code_key(line.item.code))),
        )
        for k in order
    )
    created = {c.code: c.created_at for c in commitments}
    ages = _ages(items, created, sc.today, tz)
    return Report(
        commission=commission,
        generated_at=sc.now,
        since=since,
        groups=groups,
        summary=_summary(items, ages),
        ages=ages,
    )


def _code_key(code: str) -> tuple[int, int]:
    number, year = code.split("/")
    return int(year), int(number)


def _line(item: Item, since: datetime | None) -> ReportLine:
    changes = [e for e in item.entries if e.kind == "status" and (since is None or e.at >= since)]
    previous = sorted(changes, key=lambda e: e.at)[0].status_before if changes else None
    actions = tuple(sorted((e for e in item.entries if e.kind in ACTIONS and not e.undone), key=lambda e: e.at))
    return ReportLine(item=item, previous_status=previous if previous != item.status else None, actions=actions)


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


def _summary(items: list[Item], ages: dict[str, list[int]]) -> tuple[AreaSummary, ...]:
    open_count: Counter[str] = Counter()
    done_count: Counter[str] = Counter()
    for item in items:
        for area in item.areas or ("—",):
            (done_count if item.status == "done" else open_count)[area] += 1
    areas = sorted(set(open_count) | set(done_count))
    return tuple(AreaSummary(a, open_count[a], done_count[a], max(ages[a]) if ages.get(a) else None) for a in areas)
