"""Export the registry in the import columns (CSV), so that a file round-trips unchanged."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot import registry
from bot.codes import code_order, is_handle
from bot.i18n import status_label
from bot.period import Period
from bot.report import default_since, previous_status
from bot.transfer.tables import COLUMNS
from storage import areas as areas_db
from storage import commitments as commitments_db
from storage import log as log_db
from storage import meetings as meetings_db
from storage.models import UpdateRow


@dataclass(frozen=True)
class RegistryRow:
    code: str  # the official code; a working meeting's item number (with its origin) for its commitments
    description: str
    status: str
    areas: tuple[str, ...]
    due: date | None
    due_kind: str | None
    origin: str
    origin_date: date | None
    notes: str  # the actions, a paragraph each (separated by a blank line)
    previous_status: str | None = None
    modality: str = ""
    attendees: str = ""
    action_dates: tuple[date | None, ...] = ()  # each action's own day, when known, in the order of ``notes``
    key: str = ""  # the registry's own code (a working meeting's item: its handle), as the workbook's log names it

    def cells(self, lang: str) -> list[str]:
        return [
            self.code,
            self.description,
            status_label(self.status, lang),
            ";".join(self.areas),
            registry.due_text(self.due, self.due_kind),
            self.origin,
            self.origin_date.isoformat() if self.origin_date else "",
            self.notes,
            status_label(self.previous_status, lang) if self.previous_status else "",
            self.modality,
            self.attendees,
            self.dates_text(),
        ]

    def dates_text(self) -> str:
        return ";".join(d.isoformat() if d else "" for d in self.action_dates) if any(self.action_dates) else ""


ACTIONS = ("note", "import")


def registry_rows(
    *, session: Session, sc: registry.Scope, tz: ZoneInfo, period: Period | None = None, since: datetime | None = None
) -> list[RegistryRow]:
    """Every commitment of the commission (of ``period`` when given) with its actions, in code order, in a fixed
    number of statements. ``since`` is the baseline of the previous status (default: the last session)."""
    period = period or Period()
    since = since or period.since or default_since(session=session, sc=sc)
    entries = log_db.all_updates(session=session, commission_id=sc.commission_id)
    log: dict[int, list[UpdateRow]] = defaultdict(list)
    for u in entries:
        log[u.commitment_id].append(u)
    commitments = [
        c
        for c in commitments_db.find_commitments(session=session, commission_id=sc.commission_id)
        if period.keeps(created_at=c.created_at, status=c.status, log=log[c.id or 0])
    ]
    commitments.sort(key=lambda c: code_order(c.code))
    areas = areas_db.areas_of(session=session, commitment_ids=None, commission_id=sc.commission_id)
    meetings = meetings_db.meetings_by_ids(session=session, ids=[c.origin_id for c in commitments if c.origin_id])
    rows = []
    for c in commitments:
        origin = meetings.get(c.origin_id) if c.origin_id else None
        actions = [u for u in log[c.id or 0] if u.kind in ACTIONS and u.text and u.undone_at is None]
        rows.append(
            RegistryRow(
                code=str(c.number) if is_handle(c.code) else c.code,
                description=c.text,
                status=c.status,
                areas=tuple(areas.get(c.id or 0, [])),
                due=c.due_date,
                due_kind=c.due_kind,
                origin=origin.name if origin else "",
                origin_date=origin.at.astimezone(tz).date() if origin else None,
                notes="\n\n".join(u.text for u in actions),
                previous_status=previous_status(c, [u for u in log[c.id or 0] if u.undone_at is None], since),
                modality=origin.modality if origin else "",
                attendees=origin.attendees if origin else "",
                action_dates=tuple(u.happened_on for u in actions),
                key=c.code,
            )
        )
    return rows


def to_csv(rows: list[RegistryRow], lang: str = "es") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(row.cells(lang))
    return out.getvalue()
