"""Import and export through the real command line, on the registry of seed report 004."""

from __future__ import annotations

import csv
import io

import pytest
from cli_runner import cli

from bot.cli import main

NOW = "2023-02-13T10:00:00-06:00"
HEADER = "code,description,status,areas,due,origin,origin_date,notes\n"  # what staff's files may have
EMPTY_EXPORT = HEADER.rstrip("\n") + ",previous_status,modality,attendees,action_dates\n"


def test_seed_csv_round_trips_unchanged(env, tmp_path, capsys):
    from paths import SEED_CSV

    assert cli(env, "import", str(SEED_CSV), "--now", NOW).code == 0
    out = cli(env, "export", "--format", "csv")
    assert out.code == 0
    assert out.stdout == SEED_CSV.read_text(encoding="utf-8")


def test_importing_twice_does_not_duplicate(env):
    from paths import SEED_CSV

    first = cli(env, "import", str(SEED_CSV), "--now", NOW)
    second = cli(env, "import", str(SEED_CSV), "--now", NOW)
    assert "23" in first.stdout and second.code == 0
    rows = list(csv.DictReader(io.StringIO(cli(env, "export", "--format", "csv").stdout)))
    assert len(rows) == 23 and len({r["code"] for r in rows}) == 23


def test_bad_rows_import_nothing_and_are_named(env, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER
        + "01/2023,Entregar nota,Pendiente,DERFE,,,,\n"
        + "02/2023,Otra,Terminado,DERFE,,,,\n"
        + ",Sin código,Pendiente,UTSI,,,,\n"
        + "04/2023,Fecha mala,Pendiente,UTSI,31/02/2023,,,\n"
        + "05/2023,Área mala,Pendiente,XYZ,,,,\n",
        encoding="utf-8",
    )
    result = cli(env, "import", str(bad), "--now", NOW)
    assert result.code == 2
    assert "Traceback" not in result.stderr
    assert "fila 3" in result.stderr and "Terminado" in result.stderr
    assert "fila 4" in result.stderr and "código" in result.stderr
    assert "fila 5" in result.stderr and "31/02/2023" in result.stderr
    assert "fila 6" in result.stderr and "XYZ" in result.stderr
    assert "fila 2" not in result.stderr
    assert cli(env, "export", "--format", "csv").stdout == EMPTY_EXPORT  # nothing was written


def test_errors_in_english_on_request(env, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "1/2023,x,Finished,,,,,\n", encoding="utf-8")
    result = cli(env, "--lang", "en", "import", str(bad))
    assert result.code == 2 and "row 2" in result.stderr and "unknown status" in result.stderr


def test_bom_semicolons_accents_and_english_status(env, tmp_path):
    path = tmp_path / "staff.csv"
    text = (
        "Código;Descripción;Estatus;Áreas;Plazo;Notas;Comentarios internos\n"
        "1/2023;Entregar nota;done;derfe, UTSI;15/03/2023;Enviada;x\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = cli(env, "import", str(path), "--now", NOW)
    assert result.code == 0, result.stderr
    assert "Comentarios internos" in result.stderr  # the extra column is named in a warning
    row = next(csv.DictReader(io.StringIO(cli(env, "export", "--format", "csv").stdout)))
    assert row == {
        "code": "01/2023",
        "description": "Entregar nota",
        "status": "Atendido",
        "areas": "DERFE;UTSI",
        "due": "2023-03-15",
        "origin": "",
        "origin_date": "",
        "notes": "Enviada",
        "previous_status": "",
        "modality": "",
        "attendees": "",
        "action_dates": "",
    }


def test_xlsx_with_date_cells(env, tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["code", "description", "status", "areas", "due"])
    ws.append(["7/2022", "Visita a Montreal", "En proceso", "DERFE;UTSI", datetime(2023, 3, 20)])
    path = tmp_path / "reg.xlsx"
    wb.save(path)
    assert cli(env, "import", str(path), "--now", NOW).code == 0
    row = next(csv.DictReader(io.StringIO(cli(env, "export", "--format", "csv").stdout)))
    assert (row["code"], row["due"], row["status"]) == ("07/2022", "2023-03-20", "En proceso")


def test_dry_run_writes_nothing(env):
    from paths import SEED_CSV

    result = cli(env, "import", str(SEED_CSV), "--dry-run")
    assert result.code == 0 and "23" in result.stdout
    assert cli(env, "export", "--format", "csv").stdout == EMPTY_EXPORT


def test_missing_file_and_missing_columns(env, tmp_path):
    assert cli(env, "import", str(tmp_path / "nope.csv")).code == 2
    path = tmp_path / "cols.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    result = cli(env, "import", str(path))
    assert result.code == 2 and "code" in result.stderr and "Traceback" not in result.stderr


def test_update_by_code_changes_status_with_history(env, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(HEADER + "01/2023,Nota,Pendiente,DERFE,,,,\n", encoding="utf-8")
    cli(env, "import", str(path), "--now", NOW)
    path.write_text(HEADER + "01/2023,Nota,Atendido,DERFE,,,,\n", encoding="utf-8")
    assert "1 actualizado." in cli(env, "import", str(path), "--now", NOW).stdout
    assert "Atendido" in cli(env, "export", "--format", "csv").stdout


def test_a_reimport_that_changes_a_commitment_logs_what_it_replaced(env, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(HEADER + "01/2023,Nota,Pendiente,DERFE,2023-03-01,,,\n", encoding="utf-8")
    cli(env, "import", str(path), "--now", NOW)
    path.write_text(HEADER + "01/2023,Nota corregida,Pendiente,UTSI,,,,\n", encoding="utf-8")
    assert "1 actualizado." in cli(env, "import", str(path), "--now", NOW).stdout
    card = cli(env, "shell", "--now", NOW, stdin="¿cómo va el 01/2023?\n").stdout
    for change in ("texto: Nota → Nota corregida", "plazo: 1 de marzo de 2023 → —", "áreas: DERFE → UTSI"):
        assert change in card, card
    path.write_text(HEADER + "01/2023,Nota corregida,Pendiente,UTSI,,,,\n", encoding="utf-8")
    assert "sin cambios" in cli(env, "import", str(path), "--now", NOW).stdout.lower()


def test_markdown_report_names_every_commitment(env):
    from paths import SEED_CSV

    cli(env, "import", str(SEED_CSV), "--now", NOW)
    md = cli(env, "export", "--format", "md", "--now", NOW).stdout
    for row in csv.DictReader(SEED_CSV.open(encoding="utf-8")):
        assert f"| {row['code']}. " in md  # each commitment opens its cell with its code


@pytest.mark.parametrize(
    "args",
    [
        ["session", "add", "--name", "Segunda", "--at", "mañana"],
        ["--lang", "en", "session", "add", "--name", "x", "--at", "bad"],
    ],
)
def test_bad_dates_on_the_command_line(env, args):
    result = cli(env, *args)
    assert result.code == 2 and "Traceback" not in result.stderr and "--at" in result.stderr


def test_main_is_importable():
    assert callable(main)


def test_reimport_without_columns_leaves_them_as_they_are(env, tmp_path):
    from paths import SEED_CSV

    cli(env, "import", str(SEED_CSV), "--now", NOW)
    before = {r["code"]: r for r in csv.DictReader(io.StringIO(cli(env, "export", "--format", "csv").stdout))}
    slim = tmp_path / "slim.csv"
    slim.write_text("code,description,status\n15/2022,Texto corregido,\n", encoding="utf-8")
    assert cli(env, "import", str(slim), "--now", NOW).code == 0
    after = {r["code"]: r for r in csv.DictReader(io.StringIO(cli(env, "export", "--format", "csv").stdout))}
    assert after["15/2022"] == {**before["15/2022"], "description": "Texto corregido"}


@pytest.mark.parametrize(
    "name,content",
    [("huge.csv", "code,description\n01/2023," + "x" * 200_000 + "\n"), ("fake.xlsx", "not a zip file")],
)
def test_odd_files_get_one_line_and_exit_2_or_import(env, tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = cli(env, "import", str(path))
    assert result.code in (0, 2) and "Traceback" not in result.stderr
    if name == "fake.xlsx":
        assert result.code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_too_long_session_name_is_a_clean_error(env):
    result = cli(env, "session", "add", "--name", "S" * 400, "--at", "2023-03-01T10:00-06:00")
    assert result.code in (0, 2) and "Traceback" not in result.stderr


def test_digest_without_channels_is_an_error(env):
    result = cli({**env, "SLACK_BOT_TOKEN": "xoxb-x"}, "digest", "--now", NOW)
    assert result.code == 2 and "DIGEST_CHANNELS" in result.stderr


def test_areas_and_members_from_the_command_line(env):
    assert (
        cli(
            env, "area", "add", "CVE", "--name", "Coordinación del Voto", "--alias", "Voto", "--channel", "C0AREA1"
        ).code
        == 0
    )
    assert "CVE\tCoordinación del Voto\tVoto\tC0AREA1" in cli(env, "area", "list").stdout
    assert cli(env, "area", "add", "X", "--name", " ").code == 2
    assert cli(env, "member", "add", "U0AAA", "--area", "cve", "--area", "IME", "--writer").code == 0
    assert "U0AAA\t\tCVE,IME\twriter" in cli(env, "member", "list").stdout
    cli(env, "member", "add", "U0AAA", "--area", "IME")
    assert cli(env, "member", "list").stdout.strip().endswith("U0AAA\t\tIME")
    bad = cli(env, "member", "add", "bob", "--area", "IME")
    assert bad.code == 2 and "bob" in bad.stderr
    assert cli(env, "member", "add", "U0BBB", "--area", "NOPE").code == 2
    assert cli(env, "session", "list", "--commission", "bad code!").code == 2
