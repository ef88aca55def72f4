"""Reading a follow-up report in Word: the meetings tables (date, attendees, commitments, status) of seed 004."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.table import CT_Tc
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from bot.codes import normalize_code, parse_status_word
from bot.textnorm import fold


@dataclass(frozen=True)
class WordAction:
    text: str  # one action paragraph, as written


@dataclass(frozen=True)
class WordItem:
    number: int  # within its meeting: 1, 2, 3…
    text: str  # without the leading "n." and without "(Estatus previo: …)"
    status: str  # pending | in_progress | done
    previous: str | None  # from "(Estatus previo: …)"; None when absent
    actions: tuple[WordAction, ...]
    institutions: tuple[str, ...]  # named as the doer ("Por parte del IME", "El INE enviará"): ("IME",), ("INE",)


@dataclass(frozen=True)
class WordMeeting:
    on: date
    modality: str  # what follows the date ("Virtual"), "" when nothing does
    attendees: str  # the cell as one line: "INE (Presidencia de la COVE, DERFE, UTSI) SRE (IME y DGSC)"
    objectives: str  # "" unless the commitments cell carries "Objetivos"
    topics: tuple[str, ...]  # the "Temas", without their roman numerals
    items: tuple[WordItem, ...]
    reported: bool  # in a table whose third column is "Objetivo…": the meeting the report presents first


@dataclass(frozen=True)
class WordReport:
    request_code: str | None  # the session commitment that asks for the report ("01/2023")
    request_text: str  # what it asks: the bold clause after "relativo a"
    request_session: str  # "Primera Sesión Extraordinaria"
    request_session_on: date | None
    subject_code: str | None  # "… de acuerdo con el compromiso 14/2022"
    meetings: tuple[WordMeeting, ...]  # in document order
    warnings: tuple[str, ...]  # what was not understood, with its table and row (1-based)


class WordError(ValueError):
    """The file is not a Word document, or holds no table in the meetings layout."""


MAX_UNPACKED = 64 * 1024 * 1024  # as for workbooks: a small file can unpack to gigabytes
_MONTH = {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8}
_MONTH |= {"septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12}
_DATE = re.compile(r"(\d{1,2})\s*[º°o]?\s+de\s+([a-z]+)\s+del?\s+(\d{4})|(\d{1,2})/(\d{1,2})/(\d{4})", re.I)
_NUMBERED = re.compile(r"(\d{1,3})\s*[.)]\s*(?!\d)(\S.*)", re.S)
_ROMAN = re.compile(r"^[IVXLC]+\s*[.)-]\s+")
_PREVIOUS = re.compile(r"\(\s*estatus\s+previo\s*:\s*([^)]*)\)", re.I)
_SESSION = re.compile(r"(?:[A-ZÁÉÍÓÚ][a-záéíóúñ]+\s+){1,2}Sesi[oó]n\s+(?:Ordinaria|Extraordinaria)")
_REQUEST = re.compile(r"compromiso\s+(?:numero\s+|no\.\s*)?(\d{1,4}\s*/\s*\d{4})")
_SUBJECT = re.compile(r"de acuerdo con el compromiso\s+(?:numero\s+)?(\d{1,4}\s*/\s*\d{4})")
# Who is named as the doer: "Por parte del IME", "Conjuntamente INE y SRE", "El INE enviará".
_DOER = re.compile(
    r"por parte de(?:l|\s+las?|\s+los)?\s|conjuntamente\s|de manera conjunta\W|en conjunto\s|^(?:el|la)\s", re.I
)
_ACRONYM = re.compile(r"[A-Z][A-Za-z]*[A-Z]")
_ENDS = (".", ":", ";", "!", "?", ")", '"', "”", "»")


@dataclass
class _Item:
    number: int
    text: str
    previous: str | None
    status: str = "pending"
    actions: list[str] = field(default_factory=list)


@dataclass
class _Meeting:
    on: date
    modality: str
    attendees: str
    reported: bool
    date_tc: CT_Tc
    attendees_tc: CT_Tc
    mode: str = "items"  # what unheaded paragraphs of the commitments cell are: objectives, topics or items
    objectives: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)


def read_report(source: Path | bytes) -> WordReport:
    """Read the meetings, their commitments and statuses from a report in the layout of seed 004.

    Args:
        source: the .docx file, or its bytes.

    Returns:
        The report, with what could not be understood in ``warnings`` (table and row, 1-based).
    """
    data = source.read_bytes() if isinstance(source, Path) else source
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:  # sizes from the directory, before inflating anything
            unpacked = sum(part.file_size for part in archive.infolist())
        doc = Document(io.BytesIO(data)) if unpacked <= MAX_UNPACKED else None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, XMLSyntaxError) as exc:
        raise WordError(f"not a Word (.docx) document: {exc}") from None
    if doc is None:
        raise WordError(f"the document unpacks to more than {MAX_UNPACKED // 2**20} MiB")
    reader = _Reader()
    read = [reader.table(n, table) for n, table in enumerate(doc.tables, 1)]
    if not any(read):
        columns = "Fecha y modalidad, Asistentes, Relación de compromisos (or Objetivo…) and Estatus…"
        raise WordError(f"none of the document's {len(read)} tables has the columns {columns}")
    texts = [(p, fold(_text(p))) for p in doc.paragraphs]
    request = next((p for p, t in texts if _REQUEST.search(t) and "sesion" in t), None)
    subject = next((m for p, t in texts if p is not request and (m := _SUBJECT.search(t))), None)
    said = _text(request) if request else ""
    code, session, on = _REQUEST.search(fold(said)), _SESSION.search(said), _date(said)
    return WordReport(
        request_code=normalize_code(code[1]) if code else None,
        request_text=_clause(request) if request else "",
        request_session=session[0] if session else "",
        request_session_on=on[0] if on else None,
        subject_code=normalize_code(subject[1]) if subject else None,
        meetings=tuple(_freeze(m) for m in reader.meetings),
        warnings=tuple(reader.warnings),
    )


class _Reader:
    def __init__(self) -> None:
        self.meetings: list[_Meeting] = []
        self.warnings: list[str] = []
        self.meeting: _Meeting | None = None
        self.last: _Item | None = None  # the commitment a page-break continuation belongs to
        self.item_tc: CT_Tc | None = None
        self.status_tc: CT_Tc | None = None
        self.skipping = False  # after a date not understood: its meeting's rows are left out

    def table(self, number: int, table: Table) -> bool:
        if not table.rows or (reported := _header(table.rows[0].cells)) is None:
            return False
        if self.meeting is not None and self.meeting.reported != reported:
            self.meeting, self.last, self.skipping = None, None, False
        for r, row in enumerate(table.rows[1:], 2):
            if _header(cells := row.cells) is None:  # a header repeated after a page break is skipped
                self.row(f"table {number}, row {r}", cells, reported)
        return True

    def row(self, where: str, cells: tuple[_Cell, ...], reported: bool) -> None:
        texts = [t for c in _distinct(cells) if (t := _cell_text(c))]
        if len(texts) == 1 and fold(texts[0]).startswith("relacion de compromisos"):
            return  # the label row before the reported meeting's commitments
        if len(cells) < 4:
            if texts:
                self.warnings.append(f"{where}: not in four columns, left out: {texts[0][:60]!r}")
            return
        when, attendees, commitments, status = cells[:4]
        if (meeting := self.start(where, when, attendees, reported)) is not None:
            self.items(where, meeting, commitments, status)
        elif texts and not self.skipping:
            self.warnings.append(f"{where}: a row before any meeting date, left out: {texts[0][:60]!r}")

    def start(self, where: str, when: _Cell, attendees: _Cell, reported: bool) -> _Meeting | None:
        """The meeting a row belongs to: a new one on a new date cell, else the current one (None: leave it out)."""
        m, text = self.meeting, _cell_text(when)
        if m is not None and (not text or when._tc is m.date_tc):
            if attendees._tc is not m.attendees_tc and (more := _cell_text(attendees)):  # cut by a page break
                m.attendees, m.attendees_tc = f"{m.attendees} {more}", attendees._tc
            return m
        if not text:
            return None
        if (found := _date(text)) is None:
            self.warnings.append(f"{where}: date not understood, the meeting is left out: {text!r}")
            self.meeting, self.last, self.skipping = None, None, True
            return None
        self.meeting, self.skipping = _Meeting(*found, _cell_text(attendees), reported, when._tc, attendees._tc), False
        self.meetings.append(self.meeting)
        return self.meeting

    def items(self, where: str, m: _Meeting, commitments: _Cell, status: _Cell) -> None:
        new: list[_Item] = []
        if commitments._tc is not self.item_tc:
            self.item_tc = commitments._tc
            new = self.commitments(where, m, commitments)
        if status._tc is self.status_tc:  # one status cell merged down over several commitments
            for item in new:
                self.status(where, item, self.last.status if self.last else "")
        else:
            self.status_tc = status._tc
            lead, segments = _statuses(status)
            if lead and self.last is None:
                self.warnings.append(f"{where}: status text without a commitment, left out: {lead[0][:60]!r}")
            elif lead and self.last is not None:
                _continue(self.last.actions, lead)
            for item, (word, actions) in zip(new, segments, strict=False):
                self.status(where, item, word)
                item.actions = actions
            for item in new[len(segments) :]:
                self.status(where, item, "")
            if len(segments) > len(new):
                self.warnings.append(f"{where}: {len(segments) - len(new)} status(es) without a commitment, left out")
        m.items.extend(new)
        self.last = new[-1] if new else self.last

    def status(self, where: str, item: _Item, word: str) -> None:
        found = parse_status_word(word) if word else None
        item.status = found or item.previous or "pending"
        if found is None:
            said = f"status not understood ({word!r})" if word else "no status"
            self.warnings.append(f"{where}: commitment {item.number}: {said}; read as {item.status}")

    def commitments(self, where: str, m: _Meeting, cell: _Cell) -> list[_Item]:
        items: list[_Item] = []
        paragraphs = [t for p in cell.paragraphs if (t := _text(p))]
        if m.mode != "items" and paragraphs and _NUMBERED.fullmatch(paragraphs[0]):
            m.mode = "items"
        for text in paragraphs:
            key = fold(text).strip(" .:")
            if key in ("objetivo", "objetivos", "objetivo de la reunion"):
                m.mode = "objectives"
            elif key in ("tema", "temas"):
                m.mode = "topics"
            elif key.startswith("relacion de compromisos"):
                m.mode = "items"
            elif m.mode == "objectives":
                m.objectives.append(text)
            elif m.mode == "topics":
                m.topics.append(_ROMAN.sub("", text))
            elif number := _NUMBERED.fullmatch(text):
                items.append(_Item(int(number[1]), number[2], None))
            elif items:
                items[-1].text += f" {text}"
            else:
                self.warnings.append(f"{where}: commitment without a number, left out: {text[:60]!r}")
        for item in items:
            if previous := _PREVIOUS.search(item.text):
                item.previous = parse_status_word(previous[1].strip(" ."))
                if item.previous is None:
                    self.warnings.append(f"{where}: commitment {item.number}: previous status {previous[1]!r}?")
                item.text = " ".join(_PREVIOUS.sub(" ", item.text).split())
        return items


def _header(cells: tuple[_Cell, ...]) -> bool | None:
    """For a header row: whether it is the reported meeting's table (third column "Objetivo…"); else None."""
    heads = [fold(_cell_text(c)) for c in _distinct(cells)] + ["", "", "", ""]
    if not (heads[0].startswith("fecha") and heads[1].startswith("asistentes") and heads[3].startswith("estatus")):
        return None
    if heads[2].startswith(("objetivo", "relacion de compromisos")):
        return heads[2].startswith("objetivo")
    return None


def _statuses(cell: _Cell) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Split a status cell by its status words: the text before the first, then (word, actions) for each."""
    lead: list[str] = []
    segments: list[tuple[str, list[str]]] = []
    for p in cell.paragraphs:
        if not (text := _text(p)):
            continue
        head = _head(p, text)
        if head is not None and (parse_status_word(head[0]) or not (lead or segments)):
            segments.append((head[0], [head[1]] if head[1] else []))
        elif segments:
            segments[-1][1].append(text)
        else:
            lead.append(text)
    return lead, segments


def _head(p: Paragraph, text: str) -> tuple[str, str] | None:
    """A status word opening a paragraph (the whole paragraph, or its leading bold words) and the rest."""
    if parse_status_word(text.strip(" .:")):
        return text.strip(" .:"), ""
    bold = ""
    for run in p.runs:
        if not (run.bold or not run.text.strip()):
            break
        bold += run.text
    word = " ".join(bold.split()).strip(" .:")
    if not word or len(word.split()) > 3 or not p.text.startswith(bold):
        return None
    return word, " ".join(p.text[len(bold) :].split()).lstrip(".:- ")


def _continue(actions: list[str], lead: list[str]) -> None:
    """Text a page break carried to the next row: a cut sentence goes on, a whole paragraph is a new action."""
    for text in lead:
        if actions and not actions[-1].endswith(_ENDS):
            actions[-1] += f" {text}"
        else:
            actions.append(text)


def _date(text: str) -> tuple[date, str] | None:
    """The first date in ``text`` ("19 de mayo de 2022", "19/05/2022") and what follows it (the modality)."""
    match = _DATE.search(text)
    if match is None:
        return None
    day, month, year = (match[1], fold(match[2]), match[3]) if match[1] else (match[4], match[5], match[6])
    if not month.isdigit():
        month = str(_MONTH.get(month, 0))
    try:
        on = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return on, " ".join(text[match.end() :].split()).strip(" ,.;:-–()")


def _institutions(text: str) -> tuple[str, ...]:
    """The institutions (or areas) the commitment names as the doer, by their acronyms."""
    found: list[str] = []
    for lead in _DOER.finditer(text):
        for word in re.findall(r"\w+|[^\w\s]", text[lead.end() : lead.end() + 80]):
            if _ACRONYM.fullmatch(word):
                found.append(word)
            elif fold(word) == "cancilleria":
                found.append("SRE")
            elif fold(word) not in ("y", "e", "el", "la", "los", "las"):
                break
    return tuple(dict.fromkeys(found))


def _clause(p: Paragraph) -> str:
    """What the request commitment asks: the bold words after "relativo a", else the rest of the paragraph."""
    seen, parts = "", list[str]()
    for run in p.runs:
        if parts and not run.bold:
            break
        if run.bold and "relativo a" in fold(seen):
            parts.append(run.text)
        seen += run.text
    rest = re.search(r"relativo a\s+(.*)", _text(p), re.I | re.S)
    return " ".join("".join(parts).split()) or (rest[1] if rest else "")


def _freeze(m: _Meeting) -> WordMeeting:
    items = tuple(
        WordItem(i.number, i.text, i.status, i.previous, tuple(WordAction(a) for a in i.actions), _institutions(i.text))
        for i in m.items
    )
    return WordMeeting(m.on, m.modality, m.attendees, " ".join(m.objectives), tuple(m.topics), items, m.reported)


def _distinct(cells: tuple[_Cell, ...]) -> list[_Cell]:
    """The row's cells, a cell merged across several columns once."""
    return [c for i, c in enumerate(cells) if i == 0 or c._tc is not cells[i - 1]._tc]


def _cell_text(cell: _Cell) -> str:
    return " ".join(t for p in cell.paragraphs if (t := _text(p)))


def _text(p: Paragraph) -> str:
    return " ".join(p.text.split())
