"""The registry as an Excel workbook: a registry sheet that imports back, and the full log."""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bot.i18n import status_label, t
from bot.transfer.exporter import RegistryRow
from bot.transfer.tables import COLUMNS, LOG_COLUMNS, LOG_HEADERS, column_header
from storage.models import UpdateRow

WIDTHS = {
    "code": 10,
    "description": 70,
    "status": 13,
    "areas": 18,
    "due": 12,
    "origin": 40,
    "origin_date": 12,
    "notes": 70,
    "at": 18,
    "author": 14,
    "kind": 9,
    "text": 80,
    "status_before": 13,
    "status_after": 13,
    "source": 30,
    "previous_status": 13,
    "modality": 12,
    "attendees": 40,
    "action_dates": 14,
    "happened_on": 12,
    "evidence": 40,
}


def _sheet(ws: Worksheet, columns: tuple[str, ...], headers: list[str], rows: list[list]) -> None:
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@"):
                cell.data_type = "s"  # text that looks like a formula stays text: no injection, and it reads back
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for index, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = WIDTHS.get(column, 14)


def to_xlsx(rows: list[RegistryRow], log: list[tuple[str, UpdateRow]], tz: ZoneInfo, lang: str) -> bytes:
    """Registry rows (real date cells; a month deadline stays ``YYYY-MM`` text) and every log entry.

    Headers are in ``lang`` for the people who open the workbook; import reads either language back.
    """
    wb = Workbook()
    registry = wb.active
    registry.title = t("report.sheet", lang)
    data = []
    for r in rows:
        due = r.due if r.due and r.due_kind != "month" else (r.due.strftime("%Y-%m") if r.due else None)
        data.append(
            [
                r.code,
                r.description,
                status_label(r.status, lang),
                ";".join(r.areas),
                due,
                r.origin or None,
                r.origin_date,
                r.notes or None,
                status_label(r.previous_status, lang) if r.previous_status else None,
                r.modality or None,
                r.attendees or None,
                r.dates_text() or None,
            ]
        )
    _sheet(registry, COLUMNS, [column_header(c, lang) for c in COLUMNS], data)
    for row in registry.iter_rows(min_row=2):
        for cell in (row[4], row[6]):
            if cell.value is not None and not isinstance(cell.value, str):
                cell.number_format = "yyyy-mm-dd"
    entries = wb.create_sheet(t("report.log", lang))
    _sheet(
        entries,
        LOG_COLUMNS,
        [t(LOG_HEADERS[c], lang) for c in LOG_COLUMNS],
        [
            [
                code,
                u.at.astimezone(tz).replace(tzinfo=None),
                u.author,
                u.kind,
                u.text,
                status_label(u.status_before, lang) if u.status_before else None,
                status_label(u.status_after, lang) if u.status_after else None,
                u.source,
                u.happened_on,
                u.evidence or None,
            ]
            for code, u in log
        ],
    )
    for row in entries.iter_rows(min_row=2):
        row[1].number_format = "yyyy-mm-dd hh:mm"
        row[8].number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
