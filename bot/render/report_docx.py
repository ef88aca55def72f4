"""The follow-up report as a Word document, in the columns of the secretariat's own reports."""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt
from docx.table import Table, _Cell

from bot.i18n import status_label, t
from bot.render.chart import open_by_age_png
from bot.render.report_md import action_lines, meeting_heading
from bot.render.text import date_text, when_text
from bot.report import Report, ReportGroup, ReportLine


def report_docx(report: Report, tz: ZoneInfo, lang: str) -> bytes:
    """Title and date, a summary by area with a chart, then a table per origin, in date order."""
    doc = Document()
    _landscape(doc)
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = t("report.title", lang, commission=report.commission)
    doc.add_heading(t("report.title", lang, commission=report.commission), level=0)
    doc.add_paragraph(t("report.generated", lang, when=when_text(report.generated_at, tz, lang)))
    if report.since:
        doc.add_paragraph(t("report.since", lang, date=date_text(report.since.astimezone(tz).date(), lang)))
    if not report.groups:
        doc.add_paragraph(t("report.empty", lang))
        return _bytes(doc)
    _summary(doc, report, lang)
    for group in report.groups:
        _group(doc, group, tz, lang)
    return _bytes(doc)


def _landscape(doc: DocumentObject) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))


def _summary(doc: DocumentObject, report: Report, lang: str) -> None:
    doc.add_heading(t("report.summary", lang), level=1)
    headers = [t(f"report.col_{k}", lang) for k in ("area", "open", "done", "oldest")]
    table = _table(doc, headers, (3.5, 3.0, 3.0, 5.5))
    for s in report.summary:
        cells = table.add_row().cells
        for cell, value in zip(cells, (s.acronym, s.open, s.done, s.oldest_open_days), strict=True):
            cell.text = "" if value is None else str(value)
    _fix_widths(table)
    chart = open_by_age_png(report.ages, lang)
    if chart:
        doc.add_picture(io.BytesIO(chart), width=Cm(16))


def _group(doc: DocumentObject, group: ReportGroup, tz: ZoneInfo, lang: str) -> None:
    doc.add_heading(meeting_heading(group, tz, lang), level=2)
    headers = [t(f"report.col_{k}", lang) for k in ("date", "attendees", "commitment", "status")]
    table = _table(doc, headers, (3.2, 4.3, 9.0, 9.5))
    when = _when_cell(group, tz, lang)
    attendees = group.meeting.attendees if group.meeting else ""
    first = None
    for line in group.lines:
        cells = table.add_row().cells
        if first is None:
            first = cells
            cells[0].text, cells[1].text = when, attendees
        else:
            first[0].merge(cells[0])
            first[1].merge(cells[1])
        _commitment_cell(cells[2], line, lang)
        _status_cell(cells[3], line, tz, lang)
    _fix_widths(table)


def _when_cell(group: ReportGroup, tz: ZoneInfo, lang: str) -> str:
    if group.meeting is None:
        return ""
    m = group.meeting
    return "\n".join(x for x in (date_text(m.at.astimezone(tz).date(), lang), m.modality) if x)


def _commitment_cell(cell: _Cell, line: ReportLine, lang: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.add_run(f"{line.item.code}. ").bold = True
    paragraph.add_run(line.item.text)
    if line.item.areas:
        cell.add_paragraph(f"{t('report.col_areas', lang)}: {', '.join(line.item.areas)}").runs[0].italic = True
    if line.previous_status:
        previous = t("report.previous", lang, status=status_label(line.previous_status, lang).lower())
        cell.add_paragraph().add_run(f"({previous})").bold = True


def _status_cell(cell: _Cell, line: ReportLine, tz: ZoneInfo, lang: str) -> None:
    cell.paragraphs[0].add_run(status_label(line.item.status, lang)).bold = True
    for action in action_lines(line, tz, lang):
        cell.add_paragraph(action)


def _table(doc: DocumentObject, headers: list[str], widths: tuple[float, ...] | None = None) -> Table:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(header).bold = True
    table.widths = widths  # applied to every row by _fix_widths once the table is filled
    return table


def _fix_widths(table: Table) -> None:
    widths = getattr(table, "widths", None)
    if not widths:
        return
    for column, width in zip(table.columns, widths, strict=False):
        column.width = Cm(width)  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)  # the cells, which Word follows


def _bytes(doc: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
