"""Reading spreadsheets (CSV and XLSX) into header-keyed rows, as staff keep them."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot.textnorm import clean, fold

COLUMNS = (
    "code",
    "description",
    "status",
    "areas",
    "due",
    "origin",
    "origin_date",
    "notes",
    "previous_status",
    "modality",
    "attendees",
    "action_dates",
)
REQUIRED = ("code", "description")
# Header names staff use, folded (lower case, no accents, no punctuation). "Compromiso" names the code in some
# registries and the text in others ("No.;Compromiso;…"): it takes whichever of the two the other headers leave.
_ALIASES = {
    "code": ("code", "codigo", "clave", "no", "numero", "num", "folio compromiso"),
    "description": (
        "description",
        "descripcion",
        "descripcion del compromiso",
        "texto",
        "text",
        "relacion de compromisos",
        "commitment",
    ),
    "status": ("status", "estatus", "estado", "estatus actual", "situacion"),
    "areas": (
        "areas",
        "area",
        "responsables",
        "responsable",
        "areas responsables",
        "area responsable",
        "responsible areas",
        "unidad responsable",
    ),
    "due": (
        "due",
        "plazo",
        "fecha limite",
        "vencimiento",
        "fecha compromiso",
        "fecha de cumplimiento",
        "fecha de entrega",
        "deadline",
    ),
    "origin": ("origin", "origen", "sesion", "reunion", "fecha y modalidad origen"),
    "origin_date": ("origin date", "origin_date", "fecha origen", "fecha de origen", "fecha sesion", "fecha reunion"),
    "notes": ("notes", "notas", "acciones", "acciones desarrolladas", "observaciones", "seguimiento", "comentarios"),
    "previous_status": ("previous status", "estatus previo", "estatus anterior", "status previo", "estado anterior"),
    "modality": ("modality", "modalidad"),
    "attendees": ("attendees", "asistentes", "participantes"),
    "action_dates": ("action dates", "fechas de las acciones", "fechas acciones", "fecha de las acciones"),
}
_EITHER = {"compromiso": ("code", "description")}
# What a missing column's error offers, as staff would type it.
ACCEPTED = {
    "code": ("Código", "Clave", "No.", "Número", "Compromiso", "code"),
    "description": ("Compromiso", "Descripción", "Relación de compromisos", "Texto", "description"),
}
Cell = str | date | datetime | int | float | None


class TableError(ValueError):
    """A file that cannot be read as a registry table; ``key`` and ``params`` say why through the strings table."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key, self.params = key, params


@dataclass(frozen=True)
class Table:
    columns: dict[str, int]  # our column → index in the file
    ignored: tuple[str, ...]
    rows: list[tuple[int, list[Cell]]]  # (spreadsheet row number, cells)
    headers: tuple[str, ...] = ()

    def value(self, cells: list[Cell], column: str) -> Cell:
        index = self.columns.get(column)
        if index is None or index >= len(cells):
            return None
        value = cells[index]
        return value.strip() if isinstance(value, str) else value


def _key(header: str) -> str:
    return " ".join(fold(header).replace("_", " ").replace(".", " ").split())


def match_headers(headers: list[Cell]) -> tuple[dict[str, int], tuple[str, ...]]:
    """Map file headers to our columns without regard to case, accents or ``_``; list the rest."""
    lookup = {_key(alias): column for column, aliases in _ALIASES.items() for alias in aliases}
    columns: dict[str, int] = {}
    either = []
    for index, header in enumerate(headers):
        key = _key(str(header or "").strip())
        column = lookup.get(key)
        if column and column not in columns:
            columns[column] = index
        elif key in _EITHER:
            either.append((index, key))
    for index, key in either:
        free = next((c for c in _EITHER[key] if c not in columns), None)
        if free:
            columns[free] = index
    taken = set(columns.values())
    ignored = tuple(str(h).strip() for i, h in enumerate(headers) if i not in taken and str(h or "").strip())
    return columns, ignored


def read_table(path: Path) -> Table:
    """Read a CSV (UTF-8, BOM or not, ``,`` or ``;``) or an XLSX (first sheet)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = list(_xlsx_rows(path))
    elif suffix in (".csv", ".txt"):
        rows = list(_csv_rows(path.read_bytes()))
    else:
        raise TableError("cli.bad_format", value=suffix or path.name)
    if not rows:
        raise TableError("import.empty_file", path=path.name)
    columns, ignored = match_headers(rows[0][1])
    data = [(n, cells) for n, cells in rows[1:] if any(c not in (None, "") for c in cells)]
    return Table(columns=columns, ignored=ignored, rows=data, headers=tuple(str(h or "").strip() for h in rows[0][1]))


LOG_SHEETS = ("bitacora", "log")


def read_log(path: Path) -> list[dict[str, Cell]]:
    """The log sheet of a workbook this bot exported ("Bitácora" / "Log"), as header-keyed rows; else []."""
    if path.suffix.lower() != ".xlsx":
        return []
    workbook = _open_workbook(path)
    try:
        sheet = next((ws for ws in workbook.worksheets[1:] if fold(ws.title) in LOG_SHEETS), None)
        if sheet is None:
            return []
        rows = [[_cell(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not rows:
        return []
    headers = [log_column(str(h or "")) for h in rows[0]]
    return [dict(zip(headers, row, strict=False)) for row in rows[1:] if any(c not in (None, "") for c in row)]


LOG_COLUMNS = (
    "code",
    "at",
    "author",
    "kind",
    "text",
    "status_before",
    "status_after",
    "source",
    "happened_on",
    "evidence",
)
LOG_HEADERS = {
    "code": "report.col_code",
    "at": "report.col_when",
    "author": "report.col_author",
    "kind": "report.col_kind",
    "text": "report.col_text",
    "status_before": "report.col_before",
    "status_after": "report.col_after",
    "source": "report.col_source",
    "happened_on": "report.col_happened",
    "evidence": "report.col_evidence",
}


def log_column(header: str) -> str:
    """The log sheet's column for a header in either language (or its own name, as older exports wrote)."""
    from bot.i18n import LANGUAGES, t

    for column, key in LOG_HEADERS.items():
        if _key(header) in {_key(column), *(_key(t(key, lang)) for lang in LANGUAGES)}:
            return column
    return header.strip()


def column_header(column: str, lang: str) -> str:
    """A registry column's header in the user's language; import reads either language back."""
    from bot.i18n import t

    return t(f"column.{column}", lang)


_BINARY = (b"PK\x03\x04", b"%PDF", b"\x89PNG", b"\xd0\xcf\x11\xe0", b"\xff\xd8\xff", b"GIF8")


def _csv_rows(raw: bytes) -> Iterator[tuple[int, list[Cell]]]:
    if raw.startswith(_BINARY) or b"\x00" in raw[:4096]:  # a workbook, PDF or picture saved as .csv
        raise TableError("import.not_text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # spreadsheets saved by Excel on Windows
    if not text.strip():
        return
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    csv.field_size_limit(16 * 1024 * 1024)  # a long note is data, not an error
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for number, cells in enumerate(reader, start=1):  # a spreadsheet numbers records, not lines
        yield number, [clean(c) for c in cells]


MAX_UNPACKED = 64 * 1024 * 1024  # what a workbook's parts may expand to: far more than any registry needs


def _open_workbook(path: Path) -> Any:
    """openpyxl's read-only workbook, once its parts are known to expand within ``MAX_UNPACKED`` (a small file
    can unpack to gigabytes: the sizes are read from the archive's directory before anything is inflated)."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(part.file_size for part in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise TableError("import.not_xlsx", path=path.name) from None
    if unpacked > MAX_UNPACKED:
        raise TableError("import.too_big", path=path.name, size=unpacked // (1024 * 1024))
    return load_workbook(path, read_only=True, data_only=True)


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Cell]]]:
    workbook = _open_workbook(path)
    try:
        sheet = workbook.worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell(c) for c in cells]
    finally:
        workbook.close()


def _cell(value: Any) -> Cell:
    """A cell as the registry may hold it: text cleaned (``clean``), a boolean as its word."""
    if isinstance(value, bool):
        return str(value)
    return clean(value) if isinstance(value, str) else value
