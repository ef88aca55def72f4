"""Seed 004 as a Word file: imported, then exported for the same period, gives back the same report."""

from __future__ import annotations

import csv
import io

import pytest
from cli_runner import cli
from seed004_docx import build_seed004_docx

from bot.transfer.word import read_report

NOW = "2023-02-13T10:00:00-06:00"


@pytest.fixture
def seed_docx(tmp_path):
    return build_seed004_docx(tmp_path / "informe.docx")


@pytest.fixture
def imported(env, seed_docx):
    result = cli(env, "import", str(seed_docx), "--now", NOW)
    assert result.code == 0, result.stderr
    return env


def shape(report):
    """What a report says, meeting by meeting: everything a reader of the filed document sees."""
    return [
        (
            m.on,
            m.modality,
            m.attendees,
            m.objectives,
            m.topics,
            m.reported,
            [(i.number, i.text, i.previous, i.status, [a.text for a in i.actions]) for i in m.items],
        )
        for m in report.meetings
    ]


def test_import_then_export_gives_back_the_same_report(imported, seed_docx, tmp_path):
    out = tmp_path / "again.docx"
    assert cli(imported, "export", "--format", "docx", "-o", str(out), "--now", NOW).code == 0
    original, again = read_report(seed_docx), read_report(out)
    assert shape(again) == shape(original)
    assert (again.request_code, again.request_session, again.request_session_on) == ("01/2023",) + (
        original.request_session,
        original.request_session_on,
    )
    assert again.subject_code == "14/2022" and again.request_text == original.request_text
    assert not again.warnings


def test_the_export_carries_dates_modalities_attendees_numbering_previous_statuses_and_evidence(imported, tmp_path):
    out = tmp_path / "again.docx"
    cli(imported, "export", "--format", "docx", "-o", str(out), "--now", NOW)
    report = read_report(out)
    assert [m.on.isoformat() for m in report.meetings] == [
        "2022-05-19",
        "2022-08-09",
        "2022-09-08",
        "2022-10-20",
        "2022-11-23",
        "2023-01-18",
    ]
    assert [m.modality for m in report.meetings] == ["Virtual"] * 4 + ["", "Virtual"]
    assert report.meetings[4].attendees == "INE (Presidencia de la COVE, DERFE, UTSI) SRE (IME y DGSC)"
    assert [[i.number for i in m.items] for m in report.meetings] == [
        [1],
        [1, 2, 3, 4],
        [1, 2, 3, 4],
        [1],
        [1, 2, 3, 4],
        list(range(1, 8)),
    ]
    assert [i.previous for i in report.meetings[1].items] == ["in_progress", "in_progress", "in_progress", "pending"]
    text = " ".join(a.text for m in report.meetings for i in m.items for a in i.actions)
    for substance in ("(eTA)", "nota verbal", "INE/DERFE/0132/2023", "https://votoextranjero.ine.mx"):
        assert substance in text
    assert "13 de febrero de 2023" not in text  # the import day dates nothing


def test_csv_export_carries_handles_previous_status_modality_attendees_and_action_dates(imported):
    rows = list(csv.DictReader(io.StringIO(cli(imported, "export", "--format", "csv", "--now", NOW).stdout)))
    nov = [r for r in rows if r["origin_date"] == "2022-11-23"]
    assert [r["code"] for r in nov] == ["1", "2", "3", "4"]  # numbered within their meeting
    assert [r["previous_status"] for r in nov] == ["En proceso", "Pendiente", "En proceso", "En proceso"]
    assert {r["attendees"] for r in nov} == {"INE (Presidencia de la COVE, DERFE, UTSI) SRE (IME y DGSC)"}
    jan = [r for r in rows if r["origin_date"] == "2023-01-18"]
    assert {r["modality"] for r in jan} == {"Virtual"} and all(r["previous_status"] == "" for r in jan)
    assert jan[0]["action_dates"] == "2023-02-08"  # "…enviada al IME en fecha 8 de febrero"


def test_the_csv_it_exports_imports_back_unchanged(imported, env, tmp_path):
    exported = cli(imported, "export", "--format", "csv", "--now", NOW).stdout
    path = tmp_path / "registro.csv"
    path.write_text(exported, encoding="utf-8")
    fresh = {**env, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}"}
    assert (
        cli(
            fresh,
            "session",
            "add",
            "--name",
            "Primera Sesión Extraordinaria",
            "--at",
            "2023-01-30T00:00:00-06:00",
            "--kind",
            "extraordinary",
        ).code
        == 0
    )
    assert cli(fresh, "import", str(path), "--now", NOW).code == 0
    assert cli(fresh, "export", "--format", "csv", "--now", NOW).stdout == exported


def test_dry_run_says_what_it_read_and_keeps_nothing(env, seed_docx):
    result = cli(env, "import", str(seed_docx), "--dry-run", "--now", NOW)
    assert result.code == 0 and "simulación" in result.stdout
    assert (
        "23 de noviembre de 2022" in result.stdout and "estatus previo: Pendiente; estatus: En proceso" in result.stdout
    )
    assert "01/2023" in result.stdout
    assert cli(env, "export", "--format", "csv").stdout.count("\n") == 1  # the header alone


def test_importing_the_same_report_twice_changes_nothing(imported, seed_docx):
    result = cli(imported, "import", str(seed_docx), "--now", NOW)
    assert result.code == 0 and "0 compromisos nuevos" in result.stdout and "21 sin cambios" in result.stdout


def test_a_file_that_is_not_such_a_report_is_refused_in_one_line(env, tmp_path):
    from docx import Document

    path = tmp_path / "otro.docx"
    doc = Document()
    doc.add_paragraph("Minuta sin tablas")
    doc.save(str(path))
    result = cli(env, "import", str(path))
    assert result.code == 2 and "Traceback" not in result.stderr and "Word" in result.stderr
    broken = tmp_path / "roto.docx"
    broken.write_bytes(b"no soy un docx")
    result = cli(env, "import", str(broken))
    assert result.code == 2 and "Traceback" not in result.stderr


def test_the_examples_are_the_seed_and_its_export(env, tmp_path):
    """examples/seed-004.docx is the fixture's seed; examples/seed-004.csv is what importing it exports, and
    imports back unchanged on its own."""
    from paths import ROOT

    example, csv_example = ROOT / "examples" / "seed-004.docx", ROOT / "examples" / "seed-004.csv"
    assert shape(read_report(example)) == shape(read_report(build_seed004_docx(tmp_path / "fixture.docx")))
    assert cli(env, "import", str(example), "--now", NOW).code == 0
    expected = csv_example.read_text(encoding="utf-8-sig")
    assert cli(env, "export", "--format", "csv", "--now", NOW).stdout == expected
    fresh = {**env, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}"}
    assert cli(fresh, "import", str(csv_example), "--now", NOW).code == 0
    assert cli(fresh, "export", "--format", "csv", "--now", NOW).stdout == expected
