"""Files as staff open them: Spanish spreadsheet headers, Excel-friendly CSV, their own header names, periods."""

from __future__ import annotations

import csv
import io

import pytest
from cli_runner import cli

NOW = "2023-02-13T10:00:00-06:00"


@pytest.fixture
def registry_env(env):
    from paths import SEED_CSV

    assert cli(env, "import", str(SEED_CSV), "--now", NOW).code == 0
    return env


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


def csv_rows(env, *args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(cli(env, "export", "--format", "csv", *args).stdout)))


def test_xlsx_headers_are_spanish_by_default_and_english_on_request(registry_env, tmp_path):
    from openpyxl import load_workbook

    cli(registry_env, "export", "--format", "xlsx", "-o", str(tmp_path / "es.xlsx"))
    cli(registry_env, "export", "--format", "xlsx", "-o", str(tmp_path / "en.xlsx"), "--lang", "en")
    registry, log = load_workbook(tmp_path / "es.xlsx").worksheets
    assert [c.value for c in registry[1]] == [
        "Código",
        "Compromiso",
        "Estatus",
        "Áreas responsables",
        "Plazo",
        "Origen",
        "Fecha de origen",
        "Notas",
        "Estatus previo",
        "Modalidad",
        "Asistentes",
        "Fechas de las acciones",
    ]
    assert [c.value for c in log[1]][:5] == ["Código", "Fecha", "Autor", "Tipo", "Texto"]
    english = load_workbook(tmp_path / "en.xlsx").worksheets[0]
    assert [c.value for c in english[1]][:3] == ["Code", "Commitment", "Status"]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_xlsx_in_either_language_imports_back_unchanged(registry_env, tmp_path, db_url, lang):
    path = tmp_path / "registro.xlsx"
    assert cli(registry_env, "export", "--format", "xlsx", "-o", str(path), "--lang", lang).code == 0
    before = cli(registry_env, "export", "--format", "csv").stdout
    fresh = {**registry_env, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}"}
    result = cli(fresh, "import", str(path), "--now", NOW)
    assert result.code == 0 and "Aviso" not in result.stderr, result.stderr
    assert cli(fresh, "export", "--format", "csv").stdout == before
    with_log = cli(fresh, "shell", "--now", NOW, stdin="¿cómo va el 23/2022?\n").stdout
    assert "INE/DERFE/0132/2023" in with_log  # the log sheet came back too


def test_a_workbook_backup_keeps_the_actions_of_working_meeting_commitments(env, tmp_path):
    from paths import ROOT

    assert cli(env, "import", str(ROOT / "examples" / "seed-004.csv"), "--now", NOW).code == 0
    path = tmp_path / "respaldo.xlsx"
    assert cli(env, "export", "--format", "xlsx", "-o", str(path)).code == 0
    fresh = {**env, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}"}
    assert cli(fresh, "import", str(path), "--now", NOW).code == 0
    restored = {(r["code"], r["origin_date"]): r["notes"] for r in csv_rows(fresh)}
    assert restored == {(r["code"], r["origin_date"]): r["notes"] for r in csv_rows(env)}
    assert "El pasado 18 de enero de 2023" in restored[("1", "2022-05-19")]
    report = ["export", "--format", "md", "--now", NOW]
    assert cli(fresh, *report).stdout == cli(env, *report).stdout


def test_csv_file_starts_with_a_bom_for_excel_and_imports_back(registry_env, tmp_path):
    path = tmp_path / "registro.csv"
    assert cli(registry_env, "export", "-o", str(path)).code == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "ó".encode() in raw
    fresh = {**registry_env, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}"}
    assert cli(fresh, "import", str(path), "--now", NOW).code == 0
    assert cli(fresh, "export").stdout == cli(registry_env, "export").stdout


def test_csv_redirected_to_a_file_gets_the_bom_too(registry_env, tmp_path):
    import subprocess
    import sys

    path = tmp_path / "redirected.csv"
    with path.open("wb") as out:
        subprocess.run([sys.executable, "-m", "bot", "export"], stdout=out, env=registry_env, check=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    piped = subprocess.run([sys.executable, "-m", "bot", "export"], capture_output=True, env=registry_env, check=True)
    assert piped.stdout.startswith(b"code,description")  # a pipe gets plain UTF-8 for scripts


def test_common_spanish_headers_are_understood(env, tmp_path):
    path = tmp_path / "registro.csv"
    path.write_text(
        "No.;Compromiso;Estatus;Área responsable;Plazo\n"
        "01/2023;Entregar una nota informativa;En proceso;DERFE;15/03/2023\n"
        "02/2023;Consultar a la Dirección Jurídica;Pendiente;DJ;\n",
        encoding="utf-8",
    )
    result = cli(env, "import", str(path), "--now", NOW)
    assert result.code == 0, result.stderr
    rows = {r["code"]: r for r in csv_rows(env)}
    assert rows["01/2023"]["description"] == "Entregar una nota informativa"
    assert rows["01/2023"]["status"] == "En proceso" and rows["01/2023"]["due"] == "2023-03-15"
    assert rows["02/2023"]["areas"] == "DJ"


def test_missing_columns_name_what_was_recognised_and_what_is_accepted(env, tmp_path):
    path = tmp_path / "registro.csv"
    path.write_text("Folio;Asunto;Estatus;Área responsable\n1;Algo;Pendiente;DERFE\n", encoding="utf-8")
    result = cli(env, "import", str(path), "--now", NOW)
    assert result.code == 2
    line = one_line(result.stderr)
    assert "Estatus" in line and "Área responsable" in line  # recognised
    assert "Folio" in line and "Asunto" in line  # not recognised
    assert "Código" in line and "Compromiso" in line and "Descripción" in line  # what would be accepted
    english = cli(env, "import", str(path), "--lang", "en")
    assert "recognised" in one_line(english.stderr)


@pytest.mark.parametrize(
    ("content", "spanish", "english"),
    [
        (b"", "está vacío", "is empty"),
        (b"   \n\n", "está vacío", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "no es un CSV de texto", "not a text CSV"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "no es un CSV de texto", "not a text CSV"),
        (b"code,description\n", "no tiene filas de datos", "has no data rows"),
    ],
)
def test_empty_or_binary_csv_gets_a_specific_line(env, tmp_path, content, spanish, english):
    path = tmp_path / "registro.csv"
    path.write_bytes(content)
    result = cli(env, "import", str(path))
    assert result.code == 2
    line = one_line(result.stderr)
    assert spanish in line and "fila(s)" not in line and "faltan columnas" not in line
    assert english in one_line(cli(env, "import", str(path), "--lang", "en").stderr)


def test_since_and_until_choose_the_period_of_an_export(env, tmp_path):
    early = tmp_path / "early.csv"
    early.write_text(
        "code,description,status\n01/2023,Antes,Atendido\n02/2023,Abierto,Pendiente\n03/2023,Cerrado antes,Pendiente\n",
        encoding="utf-8",
    )
    assert cli(env, "import", str(early), "--now", "2023-01-10T10:00:00-06:00").code == 0
    cli(env, "shell", "--now", "2023-01-20T10:00:00-06:00", stdin="Da por atendido el 03/2023\n")
    cli(env, "shell", "--now", "2023-02-10T10:00:00-06:00", stdin="Registra avance en 02/2023: se envió el oficio\n")
    later = tmp_path / "later.csv"
    later.write_text("code,description\n04/2023,Nuevo en marzo\n", encoding="utf-8")
    assert cli(env, "import", str(later), "--now", "2023-03-05T10:00:00-06:00").code == 0

    def codes(*args: str) -> list[str]:
        return [r["code"] for r in csv_rows(env, *args)]

    assert codes() == ["01/2023", "02/2023", "03/2023", "04/2023"]
    # What the period covers: open at its start or changed in it; nothing recorded after it ends.
    assert codes("--since", "2023-02-01") == ["02/2023", "04/2023"]
    assert codes("--until", "2023-02-28") == ["01/2023", "02/2023", "03/2023"]
    assert codes("--since", "2023-01-15", "--until", "31/01/2023") == ["02/2023", "03/2023"]
    md = cli(env, "export", "--format", "md", "--since", "2023-02-01", "--until", "2023-02-28").stdout
    assert "02/2023" in md and "01/2023" not in md and "03/2023" not in md and "04/2023" not in md


def test_until_before_since_is_refused(env):
    result = cli(env, "export", "--since", "2023-02-01", "--until", "2023-01-01")
    assert result.code == 2 and "--until" in one_line(result.stderr)


def test_an_xlsx_that_expands_past_the_limit_is_refused_before_it_is_read(env, tmp_path):
    """A real workbook whose shared strings inflate to 200 MB from 0.2 MB on disk."""
    import tracemalloc
    import zipfile

    from openpyxl import Workbook

    plain = tmp_path / "plain.xlsx"
    book = Workbook()
    book.active.append(["code", "description"])
    book.active.append(["01/2023", "x"])
    book.save(plain)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            if part.filename != "xl/sharedStrings.xml":
                target.writestr(part, source.read(part))
        with target.open("xl/sharedStrings.xml", "w") as strings:
            strings.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
            for _ in range(200):
                strings.write(b"A" * (1024 * 1024))
            strings.write(b"</t></si><si><t>x</t></si></sst>")
    assert bomb.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        result = cli(env, "import", str(bomb))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.code == 2 and "200 MB" in one_line(result.stderr)
    assert peak < 20 * 1024 * 1024  # nothing was inflated


def test_reimporting_the_bots_own_workbook_changes_nothing_and_says_so(registry_env, tmp_path):
    cli(registry_env, "export", "--format", "xlsx", "-o", str(tmp_path / "r.xlsx"))
    again = cli(registry_env, "import", str(tmp_path / "r.xlsx"), "--now", NOW)
    assert again.code == 0 and "0 actualizados" in again.stdout and "23 sin cambios" in again.stdout


def test_control_characters_from_every_entry_path_reach_word_and_excel_cleaned(registry_env, tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    dirty = tmp_path / "dirty.csv"
    dirty.write_text("code,description,notes\n30/2023,Compromiso\x1b[1m con\x0b control,nota\x07 sucia\n")
    assert cli(registry_env, "import", str(dirty), "--now", NOW).code == 0
    shell = cli(registry_env, "shell", "--now", NOW, stdin="Avance en 01/2023: campana\x07 y escape\x1b[0m\x00\n")
    assert shell.code == 0
    assert cli(registry_env, "edit", "30/2023", "--text", "Texto\x0c editado\x1b", "--now", NOW).code == 0
    for fmt in ("docx", "xlsx"):
        assert cli(registry_env, "export", "--format", fmt, "-o", str(tmp_path / f"r.{fmt}"), "--now", NOW).code == 0
    words = "\n".join(cell.text for t in Document(str(tmp_path / "r.docx")).tables for r in t.rows for cell in r.cells)
    assert "campana y escape[0m" in words and "Texto editado" in words
    sheets = load_workbook(tmp_path / "r.xlsx").worksheets
    cells = [str(c) for ws in sheets for row in ws.iter_rows(values_only=True) for c in row if c]
    assert any("nota sucia" in c for c in cells) and not any("\x07" in c or "\x1b" in c for c in cells)
