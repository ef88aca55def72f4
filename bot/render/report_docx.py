"""The follow-up report as a Word document, in the layout of the secretariat's own reports (seed 004): the
opening, one four-column table for the meetings followed up, then the meetings reported for the first time with
their objectives and topics; a summary by institution and area when asked for."""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from bot.i18n import t
from bot.render.chart import open_by_age_png
from bot.render.report_md import (
    Run,
    action_lines,
    commitment_runs,
    footer,
    opening,
    roman,
    status_word,
    when_lines,
)
from bot.report import Report, ReportGroup

WIDTHS = (3.4, 4.6, 8.6, 9.4)  # cm: date and modality, attendees, commitments, status and actions


def report_docx(report: Report, tz: ZoneInfo, lang: str, *, summary: bool = False) -> bytes:
    doc = Document()
    _page(doc)
    title = t("report.title", lang, commission=report.commission_name or report.commission)
    doc.core_properties.title = title
    _paragraph(doc, [(title, True)], center=True)
    if not report.groups and not report.new:
        doc.add_paragraph(t("report.empty", lang))
        doc.add_paragraph().add_run(footer(report, tz, lang)).italic = True
        return _bytes(doc)
    for runs in opening(report, tz, lang):
        _paragraph(doc, runs, justify=True)
    if report.groups:
        headers = [t(f"report.col_{k}", lang) for k in ("date", "attendees", "commitments", "status_actions")]
        table = _table(doc, headers)
        for group in report.groups:
            _follow_up(table, group, tz, lang)
        _widths(table)
    if report.new:
        if report.groups:
            _paragraph(doc, [])
        for runs in opening(report, tz, lang, second=True):
            _paragraph(doc, runs, justify=True)
        for group in report.new:
            _new_meeting(doc, group, tz, lang)
    _paragraph(doc, [])
    doc.add_paragraph().add_run(footer(report, tz, lang)).italic = True
    if summary:
        _summary(doc, report, lang)
    return _bytes(doc)


def _page(doc: DocumentObject) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    style.paragraph_format.space_after = Pt(4)


def _paragraph(
    target: DocumentObject | _Cell, runs: list[Run], *, center: bool = False, justify: bool = False
) -> Paragraph:
    paragraph = target.add_paragraph()
    for text, bold in runs:
        paragraph.add_run(text).bold = bold
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif justify:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return paragraph


def _fill(cell: _Cell, paragraphs: list[list[Run]]) -> None:
    """Write paragraphs into a cell, the first into the paragraph every cell starts with."""
    for n, runs in enumerate(paragraphs):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        for text, bold in runs:
            paragraph.add_run(text).bold = bold


def _follow_up(table: Table, group: ReportGroup, tz: ZoneInfo, lang: str) -> None:
    """A meeting's rows: its date, modality and attendees merged down beside its commitments."""
    first: list[_Cell] | None = None
    for line in group.lines:
        cells = table.add_row().cells
        if first is None:
            first = cells
            _fill(cells[0], [[(text, False)] for text in when_lines(group, tz, lang)])
            _fill(cells[1], [[(group.meeting.attendees if group.meeting else "", False)]])
        else:
            first[0].merge(cells[0])
            first[1].merge(cells[1])
        _fill(cells[2], [commitment_runs(line, lang)])
        _fill(cells[3], [[(status_word(line, lang), True)], *([(a, False)] for a in action_lines(line, tz, lang))])


def _new_meeting(doc: DocumentObject, group: ReportGroup, tz: ZoneInfo, lang: str) -> None:
    """A meeting reported for the first time: its objectives and topics, then its commitments."""
    headers = [t(f"report.col_{k}", lang) for k in ("date", "attendees", "objectives", "status_short")]
    table = _table(doc, headers)
    top = table.add_row().cells
    _fill(top[0], [[(text, False)] for text in when_lines(group, tz, lang)])
    _fill(top[1], [[(group.meeting.attendees if group.meeting else "", False)]])
    meeting = group.meeting
    about: list[list[Run]] = []
    if meeting and meeting.objectives:
        about += [[(t("report.objectives", lang), True)], [(meeting.objectives, False)]]
    if meeting and meeting.topics:
        about += [[(t("report.topics", lang), True)]]
        about += [[(f"{roman(n)}. {topic}", False)] for n, topic in enumerate(meeting.topics, start=1)]
    _fill(top[2], about or [[("", False)]])
    heading = table.add_row().cells
    merged = heading[0].merge(heading[3])
    _fill(merged, [[(t("report.col_commitments", lang), True)]])
    for line in group.lines:
        cells = table.add_row().cells
        _fill(cells[2], [commitment_runs(line, lang)])
        _fill(cells[3], [[(status_word(line, lang), True)], *([(a, False)] for a in action_lines(line, tz, lang))])
    _widths(table)


def _summary(doc: DocumentObject, report: Report, lang: str) -> None:
    doc.add_page_break()
    doc.add_heading(t("report.summary", lang), level=1)
    headers = [t(f"report.col_{k}", lang) for k in ("institution", "area", "open", "done", "oldest")]
    table = _table(doc, headers)
    for s in report.summary:
        cells = table.add_row().cells
        values = (s.institution, s.acronym, s.open, s.done, s.oldest_open_days)
        for cell, value in zip(cells, values, strict=True):
            cell.text = "" if value is None else str(value)
    _widths(table, (4.0, 4.0, 3.0, 3.0, 5.5))
    chart = open_by_age_png(report.ages, lang)
    if chart:
        doc.add_picture(io.BytesIO(chart), width=Cm(16))


def _table(doc: DocumentObject, headers: list[str]) -> Table:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    header = table.rows[0]
    for cell, text in zip(header.cells, headers, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page, as in the seed
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    return table


def _widths(table: Table, widths: tuple[float, ...] = WIDTHS) -> None:
    for column, width in zip(table.columns, widths, strict=False):
        column.width = Cm(width)  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)  # the cells, which Word follows


def _bytes(doc: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
