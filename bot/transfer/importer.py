"""Import a registry from CSV or XLSX: all or nothing, every bad row named, upsert by code."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot import changes, meetings, registry
from bot.codes import normalize_code, parse_status_word
from bot.i18n import t
from bot.model import Due
from bot.nlu.areas import AreaCatalog
from bot.transfer.tables import ACCEPTED, REQUIRED, Cell, Table, TableError, column_header, read_log, read_table
from storage import commitments as commitments_db
from storage import log as log_db
from storage import meetings as meetings_db
from storage.db import Database
from storage.models import Commitment, Meeting

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True)
class Row:
    number: int
    code: str  # the official code; "" for a working meeting's item (``item``), whose handle its meeting gives
    description: str
    status: str
    areas: tuple[str, ...]
    due: Due | None
    origin: str
    origin_date: date | None
    notes: str
    given: frozenset[str] = frozenset()  # the columns the file has, and a status cell that was filled in
    item: int | None = None  # the commitment's number within its working meeting
    previous: str | None = None  # the status an earlier report gave it
    modality: str = ""
    attendees: str = ""
    action_dates: tuple[date | None, ...] = ()

    @property
    def key(self) -> str:
        """What identifies the row's commitment within the file."""
        return self.code or f"{self.origin}|{self.origin_date}|{self.item}"

    def actions(self) -> list[tuple[str, date | None]]:
        """The notes, a paragraph each, with the day each took place when the file gives it."""
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", self.notes) if p.strip()]
        dates = list(self.action_dates) + [None] * len(paragraphs)
        return list(zip(paragraphs, dates, strict=False))

    def says(self, column: str) -> bool:
        """Whether this row speaks about ``column``: updating, a column the file lacks changes nothing."""
        return column in self.given


@dataclass
class ImportReport:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    understood: list[str] = field(default_factory=list)  # what a dry run of a Word report read, a line each


def parse_cell_date(value: Cell) -> tuple[date, str] | None:
    """A date cell, ``YYYY-MM-DD``, ``DD/MM/YYYY`` or a month ``YYYY-MM`` → (date, kind); None when bad.

    A month is kept as its last day with kind ``month``.
    """
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    text = str(value).strip()
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3])), "day"
        if m := _DMY.match(text):
            return date(int(m[3]), int(m[2]), int(m[1])), "day"
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            return date(year, month, calendar.monthrange(year, month)[1]), "month"
    except (ValueError, calendar.IllegalMonthError):
        return None
    return None


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def validate(table: Table, catalog: AreaCatalog, lang: str) -> tuple[list[Row], list[str]]:
    """Check every row; return the good rows and one message per bad row."""
    rows: list[Row] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, cells in table.rows:
        problems: list[str] = []
        row = _row(number, cells, table, catalog, lang, problems)
        if row is not None and row.key in seen:
            problems.append(t("import.duplicate", lang, code=row.code or row.item, first=seen[row.key]))
        if problems:
            errors.append(t("import.row", lang, row=number, reason="; ".join(problems)))
        elif row is not None:
            seen[row.key] = number
            rows.append(row)
    return rows, errors


def _row(
    number: int, cells: list[Cell], table: Table, catalog: AreaCatalog, lang: str, problems: list[str]
) -> Row | None:
    raw_code = _text(table.value(cells, "code"))
    code = normalize_code(raw_code)
    item = int(raw_code) if raw_code.isdigit() and 0 < int(raw_code) < 1000 else None
    origin = _text(table.value(cells, "origin"))
    if not raw_code:
        problems.append(t("import.no_code", lang))
    elif item is not None and not origin:
        problems.append(t("import.item_origin", lang, value=raw_code))
    elif code is None and item is None:
        problems.append(t("import.bad_code", lang, value=raw_code))
    description = _text(table.value(cells, "description"))
    if not description:
        problems.append(t("import.no_description", lang))
    raw_status = _text(table.value(cells, "status"))
    status = parse_status_word(raw_status) if raw_status else "pending"
    if status is None:
        problems.append(t("import.bad_status", lang, value=raw_status))
    areas = []
    for name in re.split(r"[;,]", _text(table.value(cells, "areas"))):
        if name.strip():
            acronym = catalog.exact(name)
            if acronym is None:
                problems.append(t("import.bad_area", lang, value=name.strip()))
            areas.append(acronym or "")
    due = _date_column(table.value(cells, "due"), "due", lang, problems)
    origin_day = _date_column(table.value(cells, "origin_date"), "origin_date", lang, problems)
    raw_previous = _text(table.value(cells, "previous_status"))
    previous = parse_status_word(raw_previous) if raw_previous else None
    if raw_previous and previous is None:
        problems.append(t("import.bad_status", lang, value=raw_previous))
    action_dates = []
    for value in _text(table.value(cells, "action_dates")).split(";"):
        day = _date_column(value.strip(), "action_dates", lang, problems)
        action_dates.append(day[0] if day else None)
    if problems or (code is None and item is None) or status is None:
        return None
    return Row(
        number=number,
        code=code if item is None and code else "",
        description=description,
        status=status,
        areas=tuple(areas),
        due=Due(date=due[0], kind=due[1]) if due else None,
        origin=origin,
        origin_date=origin_day[0] if origin_day else None,
        notes=_text(table.value(cells, "notes")),
        given=frozenset(c for c in table.columns if c != "status" or raw_status),
        item=item,
        previous=previous,
        modality=_text(table.value(cells, "modality")),
        attendees=_text(table.value(cells, "attendees")),
        action_dates=tuple(action_dates),
    )


def _date_column(value: Cell, column: str, lang: str, problems: list[str]) -> tuple[date, str] | None:
    if value is None or _text(value) == "":
        return None
    parsed = parse_cell_date(value)
    if parsed is None:
        problems.append(t("import.bad_date", lang, value=_text(value), column=column))
    return parsed


def import_file(
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
    """Import a CSV, XLSX or Word file in one transaction; nothing is written when any row is bad."""
    if path.suffix.lower() == ".docx":
        from bot.transfer.word_import import import_word

        return import_word(
            db=db, path=path, commission=commission, now=now, tz=tz, lang=lang, dry_run=dry_run, author=author
        )
    report = ImportReport()
    table = read_table(path)
    check_columns(table, lang)
    if table.ignored:
        report.warnings.append(t("import.extra_columns", lang, columns=", ".join(table.ignored)))
    with db.write() as session:
        catalog = area_catalog(session)
        rows, report.errors = validate(table, catalog, lang)
        if not report.errors:
            sc = registry.scope(session=session, commission=commission, now=now)
            log = read_log(path)
            applied = [_apply(session, sc, row, tz, author, report, lang, bool(log)) for row in rows]
            created = {code for code, new in applied if new}
            if log:
                restore_log(session, sc, log, tz, created)
        if report.errors or dry_run:
            session.rollback()
    return report


def check_columns(table: Table, lang: str) -> None:
    """Refuse, in one line, a table without the required columns (naming what was and was not recognised)
    or without data rows."""
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        taken = {index: column for column, index in table.columns.items()}
        raise TableError(
            "import.columns",
            missing=", ".join(column_header(c, lang) for c in missing),
            recognised=", ".join(f"{table.headers[i]} ({column_header(c, lang)})" for i, c in sorted(taken.items()))
            or t("none", lang),
            ignored=", ".join(table.ignored) or t("none", lang),
            accepted="; ".join(
                t("import.accepted", lang, column=column_header(c, lang), names=", ".join(ACCEPTED[c]))
                for c in REQUIRED
            ),
        )
    if not table.rows:
        raise TableError("import.no_rows")


def area_catalog(session: Session) -> AreaCatalog:
    from bot.directory import catalog

    return catalog(session=session)


def _apply(
    session: Session,
    sc: registry.Scope,
    row: Row,
    tz: ZoneInfo,
    author: str,
    report: ImportReport,
    lang: str,
    with_log: bool = False,
) -> tuple[str, bool]:
    """Create or update one commitment; its code, and whether it was created."""
    origin = _origin(session, sc, row, tz, report, lang)
    origin_id = origin.id if origin else None
    code = row.code
    if row.item is not None:
        if origin is None:
            return "", False  # the origin's error is reported
        code = meetings.handle_of(session=session, sc=sc, meeting=origin, number=row.item)
    existing = commitments_db.get_commitment(
        session=session, commission_id=sc.commission_id, code=code, for_update=True
    )
    source = f"import:{row.number}"
    if existing is None:
        c = changes.create(
            session=session,
            sc=sc,
            text=row.description,
            author=author,
            code=code,
            areas=row.areas,
            due=row.due,
            status=row.status,
            origin_id=origin_id,
            source=source,
            previous=row.previous,
        )
        report.created += 1
    else:
        c = existing
        if _update_existing(session, sc, c, row, origin_id, author, source):
            report.updated += 1
        else:
            report.unchanged += 1
    if not with_log:
        changes.log_imported(session=session, sc=sc, commitment=c, actions=row.actions(), author=author, source=source)
    return code, existing is None


def restore_log(session: Session, sc: registry.Scope, log: list[dict], tz: ZoneInfo, created: set[str]) -> None:
    """Bring back the log sheet of an exported workbook: the entries of commitments this import created
    replace the ones it wrote for them; entries of known commitments are added when missing."""
    by_code: dict[str, list[dict]] = {}
    for entry in log:
        code = normalize_code(_text(entry.get("code")))
        if code:
            by_code.setdefault(code, []).append(entry)
    for code, entries in by_code.items():
        c = commitments_db.get_commitment(session=session, commission_id=sc.commission_id, code=code)
        if c is None or c.id is None:
            continue
        if code in created:
            log_db.delete_updates(session=session, commitment_id=c.id)
        # Excel keeps milliseconds, so entries are compared to the millisecond.
        known = {(_ms(u.at), u.kind, u.text) for u in log_db.updates_for(session=session, commitment_id=c.id)}
        for e in entries:
            at = e.get("at")
            when = at.replace(tzinfo=tz) if isinstance(at, datetime) else sc.now
            kind, text = _text(e.get("kind")) or "note", _text(e.get("text"))
            if (_ms(when), kind, text) in known:
                continue
            log_db.add_update(
                session=session,
                commitment=c,
                text=text,
                author=_text(e.get("author")),
                now=sc.now,
                source=_text(e.get("source")),
                kind=kind,
                at=when,
                status_before=_status_or_none(e.get("status_before")),
                status_after=_status_or_none(e.get("status_after")),
                happened_on=_day_or_none(e.get("happened_on")),
                evidence=[line for line in _text(e.get("evidence")).splitlines() if line],
            )


def _ms(moment: datetime) -> datetime:
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _day_or_none(value: Cell) -> date | None:
    parsed = parse_cell_date(value) if value not in (None, "") else None
    return parsed[0] if parsed else None


def _status_or_none(value: Cell) -> str | None:
    return parse_status_word(_text(value)) if value else None


def _update_existing(
    session: Session, sc: registry.Scope, c: Commitment, row: Row, origin_id: int | None, author: str, source: str
) -> bool:
    """Bring an existing commitment in line with its row, each change logged as any edit is; True when anything
    changed."""
    c, edited = changes.edit(
        session=session,
        sc=sc,
        code=c.code,
        author=author,
        source=source,
        text=row.description,
        areas=row.areas if row.says("areas") and row.areas else None,
        due=row.due if row.says("due") else None,
        no_due=row.says("due") and row.due is None,
        origin_id=origin_id if row.says("origin") else None,
    )
    changed = bool(edited)
    if row.says("status") and row.status != c.status and c.withdrawn_at is None:
        changes.set_status(session=session, sc=sc, code=c.code, status=row.status, author=author, source=source)
        changed = True
    return changed


def _origin(
    session: Session, sc: registry.Scope, row: Row, tz: ZoneInfo, report: ImportReport, lang: str
) -> Meeting | None:
    """The row's origin meeting, recorded when new; its modality and attendees completed from the row."""
    if not row.origin:
        return None
    at = datetime.combine(row.origin_date, time(0, 0), tz) if row.origin_date else None
    found = meetings_db.find_meeting(
        session=session,
        commission_id=sc.commission_id,
        name=row.origin,
        at=at.astimezone(sc.now.tzinfo) if at else None,
    )
    if found is None and at is None:
        found = meetings_db.find_meeting(session=session, commission_id=sc.commission_id, name=row.origin)
    if found is None and at is None:
        report.errors.append(
            t("import.row", lang, row=row.number, reason=t("import.origin_date", lang, value=row.origin))
        )
        return None
    return meetings.add_meeting(
        session=session,
        sc=sc,
        name=row.origin,
        at=found.at if found else at or sc.now,
        kind=found.kind if found else meeting_kind(row.origin),
        modality=row.modality,
        attendees=row.attendees,
    )


def meeting_kind(name: str) -> str:
    from bot.textnorm import fold

    folded = fold(name)
    if "extraordinaria" in folded or "extraordinary" in folded:
        return "extraordinary"
    if "sesion" in folded or "session" in folded:
        return "ordinary"
    return "working"
