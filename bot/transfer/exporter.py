"""Export the registry in the import columns (CSV), so that a file round-trips unchanged."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot import registry
from bot.i18n import status_label
from bot.period import Period
from bot.transfer.tables import COLUMNS
from storage import areas as areas_db
from storage import commitments as commitments_db
from storage import log as log_db
from storage import meetings as meetings_db
from storage.models import UpdateRow


@dataclass(frozen=True)
class RegistryRow:
    code: str
    description: str
    status: str
    areas: tuple[str, ...]
    due: date | None
    due_kind: str | None
    origin: str
    origin_date: date | None
    notes: str

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
        ]


def registry_rows(
    *, session: Session, sc: registry.Scope, tz: ZoneInfo, period: Period | None = None
) -> list[RegistryRow]:
    """Every commitment of the commission (of ``period`` when given) with its first note, in code order,
    in a fixed number of statements."""
    period = period or Period()
    entries = log_db.all_updates(session=session, commission_id=sc.commission_id)
    log: dict[int, list[UpdateRow]] = defaultdict(list)
    for u in entries:
        log[u.commitment_id].append(u)
    commitments = [
        c
        for c in commitments_db.find_commitments(session=session, commission_id=sc.commission_id)
        if period.keeps(created_at=c.created_at, status=c.status, log=log[c.id or 0])
    ]
    commitments.sort(key=lambda c: (c.year, c.number))
    areas = areas_db.areas_of(session=session, commitment_ids=None, commission_id=sc.commission_id)
    meetings = meetings_db.meetings_by_ids(session=session, ids=[c.origin_id for c in commitments if c.origin_id])
    first_note: dict[int, str] = {}
    for u in entries:
        if u.kind in ("note", "import") and u.commitment_id not in first_note:
            first_note[u.commitment_id] = u.text
    for cid, entries in log.items():
        notes = [u.text for u in entries if u.kind in ("note", "import")]
        if notes:
            first_note[cid] = notes[0]
    rows = []
    for c in commitments:
        origin = meetings.get(c.origin_id) if c.origin_id else None
        rows.append(
            RegistryRow(
                code=c.code,
                description=c.text,
                status=c.status,
                areas=tuple(areas.get(c.id or 0, [])),
                due=c.due_date,
                due_kind=c.due_kind,
                origin=origin.name if origin else "",
                origin_date=origin.at.astimezone(tz).date() if origin else None,
                notes=first_note.get(c.id or 0, ""),
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
