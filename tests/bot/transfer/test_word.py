"""Reading the secretariat's follow-up report in Word (seed 004, and the layouts it stands for)."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from seed004_docx import (
    HEADERS_1,
    HEADERS_2,
    JANUARY,
    MEETINGS,
    Item,
    add_table,
    build_seed004_docx,
    fill,
    item_text,
    plain,
)

from bot.transfer.word import MAX_UNPACKED, WordError, WordMeeting, WordReport, read_report

Row = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
HEADER_ROW: Row = (("**Fecha y modalidad**",), ("Asistentes",), ("Relación de compromisos",), ("Estatus",))
DATES = [
    date(2022, 5, 19),
    date(2022, 8, 9),
    date(2022, 9, 8),
    date(2022, 10, 20),
    date(2022, 11, 23),
    date(2023, 1, 18),
]
AUG, SEP = MEETINGS[1], MEETINGS[2]
AUG_1, AUG_4, SEP_1 = AUG.items[0], AUG.items[3], SEP.items[0]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> WordReport:
    return read_report(build_seed004_docx(tmp_path_factory.mktemp("seed") / "seed004.docx"))


def meeting(report: WordReport, on: date) -> WordMeeting:
    (found,) = [m for m in report.meetings if m.on == on]
    return found


def item(commitment: Item) -> tuple[str]:
    return (item_text(commitment),)


def small_docx(
    path: Path,
    rows: list[Row],
    headers: tuple[str, ...] = HEADERS_1,
    more: tuple[tuple[str, ...], list[Row]] | None = None,
) -> Path:
    """A table in the report's layout (and ``more``, a second), one row per entry, each cell given as its paragraphs."""
    doc = Document()
    for head, body in ((headers, rows), *([more] if more else [])):
        table = add_table(doc, head)
        for row in body:
            for cell, paragraphs in zip(table.add_row().cells, row, strict=True):
                fill(cell, paragraphs)
    doc.save(str(path))
    return path


# --- seed 004 read back ---------------------------------------------------------------------------------------------


def test_the_seed_gives_its_six_meetings_in_document_order_with_modality_and_attendees(report: WordReport) -> None:
    assert [m.on for m in report.meetings] == DATES
    assert [m.modality for m in report.meetings] == ["Virtual", "Virtual", "Virtual", "Virtual", "", "Virtual"]
    assert [m.attendees for m in report.meetings] == [
        "INE SRE (IME y DGSC)",
        "INE SRE (IME DGSC Representantes de los consulados de México en Los Angeles, Dallas, Chicago y Montreal)",
        "INE SRE (IME)",
        "INE SRE (IME)",
        "INE (Presidencia de la COVE, DERFE, UTSI) SRE (IME y DGSC)",
        "INE (Presidencia de la COVE, DERFE, DJ, DECEYEC, DEA) SRE (IME y DGSC, Dirección General de Asuntos "
        "Jurídicos, Consultoría Jurídica, las sedes consulares de Dallas, Chicago, Los Angeles y Montreal)",
    ]
    assert [m.reported for m in report.meetings] == [False] * 5 + [True]
    assert report.warnings == ()


def test_commitments_are_numbered_within_their_meeting(report: WordReport) -> None:
    numbers = [[i.number for i in m.items] for m in report.meetings]
    assert numbers == [[1], [1, 2, 3, 4], [1, 2, 3, 4], [1], [1, 2, 3, 4], [1, 2, 3, 4, 5, 6, 7]]


def test_previous_and_current_statuses_are_the_seeds(report: WordReport) -> None:
    P, I, D = "pending", "in_progress", "done"  # noqa: E741
    previous = [[I], [I, I, I, P], [I, P, P, I], [I], [I, P, I, I], [None] * 7]
    current = [[D], [D, D, D, I], [D, I, I, I], [D], [D, I, D, D], [D, D, I, I, D, D, P]]
    assert [[i.previous for i in m.items] for m in report.meetings] == previous
    assert [[i.status for i in m.items] for m in report.meetings] == current


def test_every_commitment_round_trips_with_its_text_and_actions_exactly_once(report: WordReport) -> None:
    expected = [
        [(i.number, plain(i.text), tuple(plain(a) for a in i.actions)) for i in m.items] for m in (*MEETINGS, JANUARY)
    ]
    got = [[(i.number, i.text, tuple(a.text for a in i.actions)) for i in m.items] for m in report.meetings]
    assert got == expected


def test_merged_date_and_attendee_cells_neither_split_nor_repeat_a_meeting(report: WordReport) -> None:
    aug = meeting(report, date(2022, 8, 9))
    actions = [a.text for i in aug.items for a in i.actions]
    assert len(actions) == len(set(actions)) == 7
    assert len(report.meetings) == len({m.on for m in report.meetings})


def test_action_substance(report: WordReport) -> None:
    october = meeting(report, date(2022, 10, 20)).items[0].actions
    assert any("autorización electrónica de viaje (eTA)" in a.text for a in october)
    assert any("a través del envío de una nota verbal en la que" in a.text for a in october)
    september = meeting(report, date(2022, 9, 8)).items[3].actions
    assert september[1].text.startswith("Adicionalmente, se realizó una consulta a la Dirección Jurídica del INE")
    assert "mediante oficio INE/DERFE/0132/2023, a fin de informar" in september[1].text
    january = meeting(report, date(2023, 1, 18)).items[1].actions
    assert "(https://votoextranjero.ine.mx)" in january[0].text


def test_text_the_pdf_split_at_a_page_break_stays_with_its_commitment(report: WordReport) -> None:
    aug, sep = meeting(report, date(2022, 8, 9)), meeting(report, date(2022, 9, 8))
    assert aug.items[3].actions[-1].text.endswith("este plan debe ser presentado ante la COVE en mayo de 2023.")
    assert sep.items[0].actions[0].text.startswith("Se informa que, de manera conjunta")
    assert "los instrumentos de colaboración a celebrar" in aug.items[0].actions[0].text
    tail = 'en Módulos Receptores de Votación en el extranjero, para los Procesos Electorales Locales 2022-2023"'
    assert tail in sep.items[2].actions[-1].text
    assert sep.items[2].actions[-1].text.endswith("este plan debe ser presentado ante la COVE en mayo de 2023.")
    assert sep.items[3].actions[0].text.startswith("A fin de atender este compromiso")


def test_the_opening_text_names_the_request_and_the_subject(report: WordReport) -> None:
    assert report.request_code == "01/2023"
    assert report.request_session == "Primera Sesión Extraordinaria"
    assert report.request_session_on == date(2023, 1, 30)
    assert report.request_text.startswith("entregar una nota informativa del avance puntual sobre el estatus")
    assert report.request_text.endswith("identificar las razones por las que se encuentran en proceso de atención.")
    assert report.subject_code == "14/2022"


def test_the_reported_meeting_has_its_objectives_and_six_topics(report: WordReport) -> None:
    january = meeting(report, date(2023, 1, 18))
    assert january.objectives.startswith("Seguimiento a los trabajos de implementación del Modelo de operación")
    assert january.objectives.endswith("Residentes en el Extranjero bajo la modalidad presencial.")
    assert len(january.topics) == 6
    assert january.topics[0] == "Avance en las solicitudes de registro para votar desde el extranjero."
    assert january.topics[5] == "Tipo de visado para funcionarios y representantes de partidos políticos."
    assert all(m.objectives == "" and m.topics == () for m in report.meetings[:5])


@pytest.mark.parametrize(
    ("on", "number", "institutions"),
    [
        (date(2022, 5, 19), 1, ()),
        (date(2022, 8, 9), 2, ("INE", "SRE")),  # "Conjuntamente INE y SRE"
        (date(2022, 8, 9), 4, ("INE", "SRE")),  # "de manera conjunta, INE y SRE"
        (date(2022, 9, 8), 2, ()),  # "Involucrar a las áreas jurídicas del INE y la SRE": no doer named
        (date(2022, 9, 8), 3, ("IME",)),
        (date(2022, 10, 20), 1, ("IME",)),  # "Por parte del IME"
        (date(2022, 11, 23), 3, ("IME", "INE")),  # "Por parte del IME, …; y por parte del INE …"
        (date(2022, 11, 23), 4, ("INE",)),  # "Por parte del INE, y en atención a la sugerencia de la SRE"
        (date(2023, 1, 18), 1, ("INE",)),  # "El INE enviará"
        (date(2023, 1, 18), 7, ("IME",)),  # "El IME compartirá con el INE"
    ],
)
def test_institutions_are_the_doers_the_text_names(
    report: WordReport, on: date, number: int, institutions: tuple[str, ...]
) -> None:
    assert meeting(report, on).items[number - 1].institutions == institutions


def test_bytes_read_like_the_file(tmp_path: Path, report: WordReport) -> None:
    assert read_report(build_seed004_docx(tmp_path / "again.docx").read_bytes()) == report


# --- other reports in the same layout -------------------------------------------------------------------------------


def test_several_numbered_commitments_in_one_cell_pair_with_the_statuses_in_order(tmp_path: Path) -> None:
    nov = MEETINGS[4]
    row: Row = (
        nov.when,
        nov.attendees,
        (item_text(nov.items[0]), "", item_text(nov.items[1]), "", item_text(nov.items[2])),
        ("**Atendido**", "Primera acción.", "", "**En proceso**", "Segunda acción.", "Otra más.", "", "**Atendido**")
        + ("Tercera acción.",),
    )
    (got,) = read_report(small_docx(tmp_path / "cell.docx", [row])).meetings
    assert [(i.number, i.previous, i.status) for i in got.items] == [
        (1, "in_progress", "done"),
        (2, "pending", "in_progress"),
        (3, "in_progress", "done"),
    ]
    assert [[a.text for a in i.actions] for i in got.items] == [
        ["Primera acción."],
        ["Segunda acción.", "Otra más."],
        ["Tercera acción."],
    ]
    assert got.items[1].text == plain(nov.items[1].text)


def test_a_status_missing_from_a_shared_cell_is_a_warning(tmp_path: Path) -> None:
    row: Row = (
        ("23 de noviembre de 2022",),
        ("INE",),
        ("1. Uno.", "2. Dos. (Estatus previo: en proceso)"),
        ("Atendido",),
    )
    got = read_report(small_docx(tmp_path / "short.docx", [row]))
    assert [i.status for i in got.meetings[0].items] == ["done", "in_progress"]
    assert got.warnings == ("table 1, row 2: commitment 2: no status; read as in_progress",)


def test_rows_split_at_page_breaks_are_put_back_together(tmp_path: Path) -> None:
    """The seed's pages as rows: repeated headers, emptied date cells, a cell's text going on in the next row."""
    cut_1 = AUG_1.actions[0].index("colaboración a celebrar")
    cut_4 = AUG_4.actions[1].index("presentado ante la COVE")
    attendees = (
        "INE SRE (IME DGSC Representantes de los consulados de México en Los Angeles, Dallas, Chicago y Montreal)"
    )
    cut_attendees = attendees.index("Chicago")
    rows: list[Row] = [
        (AUG.when, (attendees[:cut_attendees],), item(AUG_1), ("**Atendido**", AUG_1.actions[0][:cut_1])),
        HEADER_ROW,
        ((), (attendees[cut_attendees:],), (), (AUG_1.actions[0][cut_1:], AUG_1.actions[1])),
        ((), (), item(AUG_4), ("**En proceso**", AUG_4.actions[0], AUG_4.actions[1][:cut_4])),
        HEADER_ROW,
        (SEP.when, ("INE SRE (IME)",), item(SEP_1), (AUG_4.actions[1][cut_4:], "**Atendido**", *SEP_1.actions)),
    ]
    got = read_report(small_docx(tmp_path / "pages.docx", rows))
    assert got.warnings == ()
    aug, sep = got.meetings
    assert aug.attendees == attendees
    assert [a.text for a in aug.items[0].actions] == list(AUG_1.actions)
    assert [a.text for a in aug.items[1].actions] == list(AUG_4.actions)
    assert [(i.number, i.status) for i in aug.items] == [(1, "done"), (4, "in_progress")]
    assert [a.text for a in sep.items[0].actions] == list(SEP_1.actions)


def test_a_status_cell_merged_over_two_commitments_gives_both_the_status_and_its_actions_once(tmp_path: Path) -> None:
    path = small_docx(
        tmp_path / "merged.docx",
        [(("8 de septiembre de 2022",), ("INE",), ("1. Uno.",), ()), ((), (), ("2. Dos.",), ())],
    )
    doc = Document(str(path))
    status = doc.tables[0].cell(1, 3).merge(doc.tables[0].cell(2, 3))
    fill(status, ("**En proceso**", "Una acción para ambos."))
    doc.save(str(path))
    (got,) = read_report(path).meetings
    assert [i.status for i in got.items] == ["in_progress", "in_progress"]
    assert [len(i.actions) for i in got.items] == [1, 0]


def test_numeric_dates_and_a_modality_in_the_same_paragraph(tmp_path: Path) -> None:
    row: Row = (("19/05/2022 Presencial",), ("INE",), ("1. Uno.",), ("**Pendiente**",))
    (got,) = read_report(small_docx(tmp_path / "numeric.docx", [row])).meetings
    assert (got.on, got.modality, got.items[0].status) == (date(2022, 5, 19), "Presencial", "pending")


@pytest.mark.parametrize("when", ["32 de mayo de 2022", "el mes de mayo", "19/13/2022"])
def test_a_date_not_understood_is_a_warning_and_the_other_meetings_are_read(tmp_path: Path, when: str) -> None:
    rows: list[Row] = [
        (("19 de mayo de 2022", "Virtual"), ("INE",), ("1. Uno.",), ("**Atendido**", "Hecho.")),
        ((when, "Virtual"), ("INE",), ("1. Dos.",), ("**Atendido**",)),
        ((), (), ("2. Tres.",), ("**Pendiente**",)),
        (("8 de septiembre de 2022",), ("SRE",), ("1. Cuatro.",), ("**En proceso**",)),
    ]
    got = read_report(small_docx(tmp_path / "bad-date.docx", rows))
    assert [m.on for m in got.meetings] == [date(2022, 5, 19), date(2022, 9, 8)]
    assert [i.text for m in got.meetings for i in m.items] == ["Uno.", "Cuatro."]
    assert got.warnings == (f"table 1, row 3: date not understood, the meeting is left out: '{when} Virtual'",)


def test_a_status_word_not_recognised_and_a_row_without_number_are_warnings(tmp_path: Path) -> None:
    rows: list[Row] = [
        (("20 de octubre de 2022",), ("INE",), ("1. Uno. **(Estatus previo: en proceso)**",), ("**Cancelado**", "No.")),
        ((), (), ("Sin número.",), ()),
        ((), (), ("2. Dos. (Estatus previo: EN PROCESO)",), ("ATENDIDO",)),
    ]
    got = read_report(small_docx(tmp_path / "odd.docx", rows))
    assert [(i.number, i.status, i.previous) for i in got.meetings[0].items] == [
        (1, "in_progress", "in_progress"),
        (2, "done", "in_progress"),
    ]
    assert got.warnings == (
        "table 1, row 2: commitment 1: status not understood ('Cancelado'); read as in_progress",
        "table 1, row 3: commitment without a number, left out: 'Sin número.'",
    )


def test_the_reported_meetings_table_is_told_by_its_third_header(tmp_path: Path) -> None:
    row: Row = (("18 de enero de 2023 Virtual",), ("INE",), ("1. Uno.",), ("**Atendido**",))
    (got,) = read_report(small_docx(tmp_path / "second.docx", [row], HEADERS_2)).meetings
    assert got.reported
    headers = ("FECHA", "asistentes", "relacion de compromisos", "ESTATUS")  # case and accents do not matter
    (got,) = read_report(small_docx(tmp_path / "plain.docx", [row], headers)).meetings
    assert not got.reported


def test_topics_go_on_in_the_next_row_until_a_numbered_commitment(tmp_path: Path) -> None:
    rows: list[Row] = [
        (
            ("18 de enero de 2023 Virtual",),
            ("INE",),
            ("**Objetivos**", "Seguimiento.", "**Temas**", "I. Uno.", "II. Dos."),
            (),
        ),
        ((), (), ("III. Tres.",), ()),
        ((), (), ("1. Primero.",), ("**Atendido**",)),
    ]
    (got,) = read_report(small_docx(tmp_path / "topics.docx", rows, HEADERS_2)).meetings
    assert (got.objectives, got.topics) == ("Seguimiento.", ("Uno.", "Dos.", "Tres."))
    assert [(i.number, i.text, i.status) for i in got.items] == [(1, "Primero.", "done")]


def test_commitments_may_follow_the_objectives_in_the_same_cell(tmp_path: Path) -> None:
    commitments = ("**Objetivo**", "Seguimiento.", "**Relación de compromisos**", "1. Primero.", "2. Segundo.")
    row: Row = (("18 de enero de 2023",), ("INE",), commitments, ("**Atendido**", "**Pendiente**"))
    (got,) = read_report(small_docx(tmp_path / "one-cell.docx", [row], HEADERS_2)).meetings
    assert got.objectives == "Seguimiento."
    assert [(i.number, i.status) for i in got.items] == [(1, "done"), (2, "pending")]


def test_a_table_of_the_other_kind_does_not_continue_the_last_meeting(tmp_path: Path) -> None:
    first: Row = (("19 de mayo de 2022",), ("INE",), ("1. Uno.",), ("**Atendido**",))
    orphan: Row = ((), (), ("1. Huérfano.",), ("**Pendiente**",))
    got = read_report(small_docx(tmp_path / "two.docx", [first], HEADERS_1, (HEADERS_2, [orphan])))
    assert [[i.text for i in m.items] for m in got.meetings] == [["Uno."]]
    assert got.warnings == ("table 2, row 2: a row before any meeting date, left out: '1. Huérfano.'",)
    got = read_report(small_docx(tmp_path / "split.docx", [first], HEADERS_1, (HEADERS_1, [orphan])))
    assert [[i.text for i in m.items] for m in got.meetings] == [["Uno.", "Huérfano."]]


def test_a_file_that_is_not_word_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WordError, match=r"not a Word \(\.docx\) document"):
        read_report(b"Fecha y modalidad\tAsistentes\n")
    book = tmp_path / "registry.xlsx"
    openpyxl.Workbook().save(book)
    with pytest.raises(WordError, match=r"not a Word \(\.docx\) document"):
        read_report(book)


def test_a_damaged_or_oversized_document_is_refused(tmp_path: Path) -> None:
    seed = zipfile.ZipFile(build_seed004_docx(tmp_path / "seed.docx"))
    damaged, huge = io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as out:
        for part in seed.infolist():
            out.writestr(part.filename, b"<w:document" if part.filename == "word/document.xml" else seed.read(part))
    with pytest.raises(WordError, match=r"not a Word \(\.docx\) document"):
        read_report(damaged.getvalue())
    with zipfile.ZipFile(huge, "w", zipfile.ZIP_DEFLATED) as out:
        for part in seed.infolist():
            out.writestr(part.filename, seed.read(part))
        out.writestr("word/media/zeros.bin", bytes(MAX_UNPACKED))
    with pytest.raises(WordError, match="the document unpacks to more than 64 MiB"):
        read_report(huge.getvalue())


def test_a_word_file_without_the_meetings_table_is_refused(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Informe sin tabla.")
    doc.save(str(tmp_path / "none.docx"))
    with pytest.raises(WordError, match="none of the document's 0 tables has the columns Fecha y modalidad"):
        read_report(tmp_path / "none.docx")
    doc.add_table(rows=2, cols=3).cell(0, 0).text = "Compromiso"
    doc.save(str(tmp_path / "other.docx"))
    with pytest.raises(WordError, match="none of the document's 1 tables"):
        read_report(tmp_path / "other.docx")
