"""Reading spreadsheets (CSV and XLSX) into header-keyed rows, as staff keep them."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from bot.textnorm import fold

COLUMNS = ("code", "description", "status", "areas", "due", "origin", "origin_date", "notes")
REQUIRED = ("code", "description")
# Header names staff use, folded (lower case, no accents, no punctuation).
_ALIASES = {
    "code": ("code", "codigo", "clave", "compromiso", "no", "numero", "num"),
    "description": ("description", "descripcion", "texto", "text", "relacion de compromisos", "commitment"),
    "status": ("status", "estatus", "estado"),
    "areas": ("areas", "area", "responsables", "responsable", "areas responsables", "area responsable"),
    "due": ("due", "plazo", "fecha limite", "vencimiento", "fecha compromiso", "deadline"),
    "origin": ("origin", "origen", "sesion", "reunion", "fecha y modalidad origen"),
    "origin_date": ("origin date", "origin_date", "fecha origen", "fecha de origen", "fecha sesion", "fecha reunion"),
    "notes": ("notes", "notas", "acciones", "acciones desarrolladas", "observaciones", "seguimiento"),
}
Cell = str | date | datetime | int | float | None


class TableError(ValueError):
    pass


@dataclass(frozen=True)
class Table:
    columns: dict[str, int]  # our column → index in the file
    ignored: tuple[str, ...]
    rows: list[tuple[int, list[Cell]]]  # (spreadsheet row number, cells)

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
    ignored = []
    for index, header in enumerate(headers):
        name = str(header or "").strip()
        column = lookup.get(_key(name))
        if column and column not in columns:
            columns[column] = index
        elif name:
            ignored.append(name)
    return columns, tuple(ignored)


def read_table(path: Path) -> Table:
    """Read a CSV (UTF-8, BOM or not, ``,`` or ``;``) or an XLSX (first sheet)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = list(_xlsx_rows(path))
    elif suffix in (".csv", ".txt"):
        rows = list(_csv_rows(path.read_bytes()))
    else:
        raise TableError(suffix or path.name)
    if not rows:
        return Table(columns={}, ignored=(), rows=[])
    columns, ignored = match_headers(rows[0][1])
    data = [(n, cells) for n, cells in rows[1:] if any(c not in (None, "") for c in cells)]
    return Table(columns=columns, ignored=ignored, rows=data)


LOG_SHEETS = ("bitacora", "log")


def read_log(path: Path) -> list[dict[str, Cell]]:
    """The log sheet of a workbook this bot exported ("Bitácora" / "Log"), as header-keyed rows; else []."""
    if path.suffix.lower() != ".xlsx":
        return []
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = next((ws for ws in workbook.worksheets[1:] if fold(ws.title) in LOG_SHEETS), None)
        if sheet is None:
            return []
        rows = list(sheet.iter_rows(values_only=True))
    finally:
        workbook.close()
    if not rows:
        return []
    headers = [str(h or "").strip() for h in rows[0]]
    return [dict(zip(headers, row, strict=False)) for row in rows[1:] if any(c not in (None, "") for c in row)]


def _csv_rows(raw: bytes) -> Iterator[tuple[int, list[Cell]]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")  # spreadsheets saved by Excel on Windows
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    csv.field_size_limit(16 * 1024 * 1024)  # a long note is data, not an error
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for number, cells in enumerate(reader, start=1):  # a spreadsheet numbers records, not lines
        yield number, list(cells)


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Cell]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [c if not isinstance(c, bool) else str(c) for c in cells]
    finally:
        workbook.close()
