"""The follow-up report: Word, Excel and Markdown carry the same commitments; xlsx round-trips."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import datetime

import pytest
from cli_runner import cli
from paths import SEED_CSV

NOW = "2023-02-13T10:00:00-06:00"


@pytest.fixture
def registry_env(env):
    assert cli(env, "import", str(SEED_CSV), "--now", NOW).code == 0
    return env


def seed_rows() -> list[dict]:
    return list(csv.DictReader(SEED_CSV.open(encoding="utf-8")))


def docx_text(path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_word_report_follows_up_what_was_open_at_the_start_with_previous_status_actions_and_summary(
    registry_env, tmp_path
):
    cli(registry_env, "shell", "--now", "2023-02-14T09:00:00-06:00", stdin="Da por atendido el 08/2023\n")
    out = tmp_path / "informe.docx"
    result = cli(
        registry_env,
        *("export", "--format", "docx", "-o", str(out), "--since", "2023-02-14", "--summary"),
        *("--now", "2023-02-15T10:00:00-06:00"),
    )
    assert result.code == 0 and out.stat().st_size > 10_000
    text = docx_text(out)
    assert "Informe de seguimiento de compromisos — COVE" in text and "15 de febrero de 2023" in text
    rows = seed_rows()
    open_at_start = {r["code"] for r in rows if r["status"] != "Atendido"}
    meetings_with_open = {r["origin"] for r in rows if r["code"] in open_at_start}
    for row in rows:
        followed = row["code"] in open_at_start or row["origin"] in meetings_with_open and row["status"] != "Atendido"
        assert (f"{row['code']}. " in text) == followed, row["code"]  # attended before the period: left out
        if followed:
            for area in row["areas"].split(";"):
                assert area in text  # in the summary by institution and area
    assert "15/2022" not in text  # its meeting (19 May) had nothing open at the start
    assert "(Estatus previo: pendiente)" in text  # 08/2023 was closed within the period
    assert "(Estatus previo: en proceso)" in text
    assert "Se continúa en espera de la información." in text
    from docx import Document

    assert len(Document(str(out)).inline_shapes) == 1  # the summary's chart of open items by area and age


def test_word_report_in_english(registry_env, tmp_path):
    out = tmp_path / "report.docx"
    cli(registry_env, "export", "--format", "docx", "-o", str(out), "--lang", "en", "--now", NOW)
    text = docx_text(out)
    assert "Commitments follow-up report" in text and "In progress" in text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed here")
def test_libreoffice_converts_the_word_report_to_pdf_and_png_pages(env, tmp_path):
    """The report exported from seed 004's own Word file, through LibreOffice, as someone would open it."""
    from seed004_docx import build_seed004_docx

    assert cli(env, "import", str(build_seed004_docx(tmp_path / "seed.docx")), "--now", NOW).code == 0
    out = tmp_path / "informe.docx"
    cli(env, "export", "--format", "docx", "-o", str(out), "--now", NOW)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "informe.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm") is None:
        return
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 4 and all(p.read_bytes().startswith(b"\x89PNG") for p in pages)  # landscape, 8 pages here


def test_xlsx_has_date_cells_frozen_header_filters_and_the_log(registry_env, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "registro.xlsx"
    assert cli(registry_env, "export", "--format", "xlsx", "-o", str(out)).code == 0
    wb = load_workbook(out)
    registry, log = wb.worksheets
    assert registry.freeze_panes == "A2" and registry.auto_filter.ref
    header = [c.value for c in registry[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in registry.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {r["code"] for r in seed_rows()}
    due = rows["01/2023"]["Plazo"]  # Spanish headers by default
    assert isinstance(due, datetime) and due.date().isoformat() == "2023-03-15"
    assert isinstance(rows["01/2023"]["Fecha de origen"], datetime)
    assert rows["19/2022"]["Plazo"] == "2023-05"  # a month deadline stays a month
    assert log.max_row > len(rows)
    assert all(isinstance(r[1], datetime) for r in log.iter_rows(min_row=2, values_only=True))


def test_all_three_formats_carry_the_same_commitments(registry_env, tmp_path):
    from openpyxl import load_workbook

    codes = {r["code"] for r in seed_rows()}
    md = cli(registry_env, "export", "--format", "md", "--now", NOW).stdout
    cli(registry_env, "export", "--format", "docx", "-o", str(tmp_path / "r.docx"), "--now", NOW)
    cli(registry_env, "export", "--format", "xlsx", "-o", str(tmp_path / "r.xlsx"))
    in_md = {c for c in codes if f"{c}. " in md}
    in_docx = {c for c in codes if c in docx_text(tmp_path / "r.docx")}
    in_xlsx = {r[0] for r in load_workbook(tmp_path / "r.xlsx").worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert in_md == in_docx == in_xlsx == codes


def test_xlsx_round_trip_gives_the_same_registry(registry_env, env, tmp_path, db_url):
    cli(
        registry_env,
        "shell",
        "--now",
        "2023-02-14T09:00:00-06:00",
        stdin="Da por atendido el 08/2023\nAvance en 01/2023: se envió la nota\n",
    )
    first = tmp_path / "first.xlsx"
    cli(registry_env, "export", "--format", "xlsx", "-o", str(first))
    other = {**env, "DATABASE_URL": f"sqlite:///{tmp_path / 'other.db'}"}
    assert cli(other, "import", str(first)).code == 0
    again = tmp_path / "again.xlsx"
    cli(other, "export", "--format", "xlsx", "-o", str(again))
    from openpyxl import load_workbook

    def cells(path):
        return [list(r) for ws in load_workbook(path).worksheets for r in ws.iter_rows(values_only=True)]

    assert cells(first) == cells(again)
    assert cli(other, "export", "--format", "csv").stdout == cli(registry_env, "export", "--format", "csv").stdout


def test_markdown_report_is_pasteable(registry_env):
    md = cli(registry_env, "export", "--format", "md", "--now", NOW, "--summary").stdout
    assert md.startswith("# Informe de seguimiento") and "## Resumen por institución y área" in md
    assert "| 23/2022. " in md and "INE/DERFE/0132/2023" in md
    assert io.StringIO(md).read().count("\n|---|") >= 7


def test_formula_looking_text_stays_text_in_xlsx_and_round_trips(env, tmp_path):
    from openpyxl import load_workbook

    src = tmp_path / "f.csv"
    src.write_text('code,description,notes\n01/2023,"=HYPERLINK(""http://evil"",""clic"")",=1+2\n', encoding="utf-8")
    assert cli(env, "import", str(src), "--now", NOW).code == 0
    out = tmp_path / "f.xlsx"
    cli(env, "export", "--format", "xlsx", "-o", str(out))
    cell = load_workbook(out).worksheets[0]["B2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    other = {**env, "DATABASE_URL": f"sqlite:///{tmp_path / 'o.db'}"}
    assert cli(other, "import", str(out)).code == 0
    assert "=HYPERLINK" in cli(other, "export", "--format", "csv").stdout


def test_reimporting_the_own_xlsx_adds_no_log_entries(registry_env, tmp_path):
    from openpyxl import load_workbook

    cli(registry_env, "shell", "--now", "2023-02-14T09:00:00.123456-06:00", stdin="Avance en 01/2023: nota\n")
    out = tmp_path / "a.xlsx"
    cli(registry_env, "export", "--format", "xlsx", "-o", str(out))
    before = load_workbook(out).worksheets[1].max_row
    assert cli(registry_env, "import", str(out)).code == 0
    cli(registry_env, "export", "--format", "xlsx", "-o", str(out))
    assert load_workbook(out).worksheets[1].max_row == before


def test_imported_actions_are_not_dated_with_the_import_day_and_undone_notes_leave_the_report(env):
    from cli_runner import cli
    from paths import SEED_CSV

    now = "2023-02-13T10:00:00-06:00"
    assert cli(env, "import", str(SEED_CSV), "--now", now).code == 0
    shell = cli(
        env, "shell", "--now", now, stdin="Avance en 01/2023: nota por error\ndeshacer\nAvance en 01/2023: nota buena\n"
    )
    assert shell.code == 0 and "deshice" in shell.stdout
    report = cli(env, "export", "--format", "md", "--now", now).stdout
    assert "13 de febrero de 2023: Se informa" not in report and "Se informa sobre la reunión" in report
    assert "nota por error" not in report and "13 de febrero de 2023: nota buena" in report
