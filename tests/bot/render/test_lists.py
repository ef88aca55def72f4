"""Lists as people read them: each item once, the count of what is shown, plurals written out."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from cli_runner import cli
from paths import TZ

from bot.model import Due, Filters, Item, Listed, MeetingView
from bot.render import blocks, digest
from bot.render import text as plain

NOW = "2023-02-13T10:00:00-06:00"

SHARED = Item(
    "23/2022", "Consultar los mecanismos", "in_progress", ("DERFE", "DECEYEC", "DEOE", "DJ"), Due(date(2023, 3, 31))
)
ALONE = Item("01/2023", "Entregar una nota informativa", "in_progress", ("DERFE",), Due(date(2023, 3, 15)))
OTHER = Item("08/2023", "Compartir el procedimiento de la visa", "pending", ("IME",))


def listed(*items: Item, **filters: object) -> Listed:
    return Listed(filters=Filters(**filters), items=items, total=len(items))  # type: ignore[arg-type]


def bullets(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("• ")]


def block_text(rendered: list[dict]) -> str:
    return digest.as_text([{"blocks": rendered}])


def test_an_item_of_several_areas_is_listed_once_and_the_count_matches():
    text = plain.listed_text(listed(SHARED, ALONE, OTHER, status="open"), "es")
    assert text.splitlines()[0] == "3 compromisos abiertos:"
    assert len(bullets(text)) == 3 and text.count("23/2022") == 1
    assert "DECEYEC, DEOE, DJ" in text  # the other areas are named on the item's line
    page = block_text(blocks.list_blocks(listed(SHARED, ALONE, OTHER, status="open"), "es"))
    assert page.count("23/2022") == 1 and "3 compromisos abiertos" in page


def test_a_list_of_one_area_does_not_repeat_the_area():
    text = plain.listed_text(listed(SHARED, ALONE, status="open", area="DERFE"), "es")
    lines = text.splitlines()
    assert lines[0] == "2 compromisos abiertos de DERFE:"
    assert "DERFE:" not in lines[1:] and len(bullets(text)) == 2
    page = block_text(blocks.list_blocks(listed(SHARED, ALONE, status="open", area="DERFE"), "es"))
    assert "*DERFE*" not in page


@pytest.mark.parametrize(
    ("items", "filters", "lang", "title"),
    [
        ((ALONE,), {"status": "open"}, "es", "1 compromiso abierto:"),
        ((ALONE, SHARED, OTHER), {"status": "open"}, "es", "3 compromisos abiertos:"),
        ((OTHER,), {"status": "pending"}, "es", "1 compromiso pendiente:"),
        ((ALONE, SHARED), {"status": "in_progress", "mine": True}, "es", "2 compromisos en proceso de tus áreas:"),
        ((ALONE,), {"overdue": True}, "es", "1 compromiso vencido:"),
        ((ALONE,), {}, "es", "1 compromiso:"),
        ((ALONE,), {"status": "open"}, "en", "1 open commitment:"),
        ((ALONE, SHARED, OTHER), {"status": "open"}, "en", "3 open commitments:"),
        ((ALONE, SHARED), {"status": "in_progress"}, "en", "2 commitments in progress:"),
        ((ALONE, SHARED), {"overdue": True, "area": "DERFE"}, "en", "2 overdue commitments of DERFE:"),
    ],
)
def test_titles_write_plurals_as_people_do(items, filters, lang, title):
    assert plain.listed_text(listed(*items, **filters), lang).splitlines()[0] == title
    assert title.rstrip(":") in block_text(blocks.list_blocks(listed(*items, **filters), lang))


def test_empty_list_reads_naturally():
    assert plain.listed_text(listed(status="open", area="UTSI"), "es") == "No encontré compromisos abiertos de UTSI."
    assert plain.listed_text(listed(status="open", area="UTSI"), "en") == "I found no open commitments of UTSI."


def test_digest_lists_each_item_once_and_counts_in_words():
    view = digest.DigestView(today=date(2023, 2, 13), items=(SHARED, ALONE, OTHER), closed=(), meeting=None)
    text = digest.as_text(digest.digest_messages(view, TZ, "es"))
    assert text.count("23/2022") == 1 and "3 abiertos · 0 vencidos" in text
    one = digest.DigestView(today=date(2023, 2, 13), items=(ALONE,), closed=(), meeting=None)
    assert "1 abierto · 0 vencidos · 0 vencen esta semana" in digest.as_text(digest.digest_messages(one, TZ, "es"))
    assert "1 open · 0 overdue" in digest.as_text(digest.digest_messages(one, TZ, "en"))


def test_reminder_dm_counts_in_words():
    meeting = MeetingView("Segunda Sesión Ordinaria", datetime(2023, 3, 1, 10, tzinfo=TZ), "ordinary")
    (one,) = digest.reminder_dm(meeting, [ALONE], TZ, "es")
    assert "tienen 1 compromiso abierto:" in one["text"]
    (two,) = digest.reminder_dm(meeting, [ALONE, SHARED], TZ, "en")
    assert "have 2 open commitments:" in two["text"]


def test_shell_list_of_the_seed_registry(env):
    from paths import SEED_CSV

    assert cli(env, "import", str(SEED_CSV), "--now", NOW).code == 0
    result = cli(env, "shell", "--now", NOW, stdin="pendientes de DERFE\n¿qué compromisos están abiertos?\n")
    by_area, everything = [b for b in result.stdout.split("\n\n") if b.strip()]
    assert by_area.splitlines()[0] == "5 compromisos abiertos de DERFE:" and len(bullets(by_area)) == 5
    head = everything.splitlines()[0]
    count = int(head.split()[0])
    assert head == f"{count} compromisos abiertos:" and everything.count("23/2022") == 1
    more = [line for line in everything.splitlines() if line.startswith("…")]
    assert len(bullets(everything)) + (int(more[0].split()[2]) if more else 0) == count


def test_command_summaries_write_plurals_out(env, tmp_path):
    from paths import SEED_CSV

    assert (
        cli(env, "import", str(SEED_CSV), "--now", NOW).stdout
        == "Importados: 23 compromisos nuevos y 0 actualizados.\n"
    )
    one = tmp_path / "one.csv"
    one.write_text("code,description\n01/2023,Nota\n99/2023,Nuevo\n", encoding="utf-8")
    assert cli(env, "import", str(one), "--now", NOW).stdout == "Importados: 1 compromiso nuevo y 1 actualizado.\n"
    bad = tmp_path / "bad.csv"
    bad.write_text("code,description\nxx,Nota\n", encoding="utf-8")
    assert "1 fila con errores." in cli(env, "import", str(bad), "--now", NOW).stderr


def test_an_edit_in_the_log_names_its_fields_in_the_readers_language():
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from bot.model import Entry
    from bot.render.text import entry_text

    entry = Entry(
        at=datetime(2023, 2, 13, 16, tzinfo=UTC),
        author="cli",
        text="due: — → 2023-02-24; areas: IME → IME, DGSC",
        kind="edit",
    )
    tz = ZoneInfo("America/Mexico_City")
    assert (
        entry_text(entry, tz, "es")
        == "13 de febrero de 2023 — Editado: plazo: — → 24 de febrero de 2023; áreas: IME → IME, DGSC (cli)"
    )
    assert "Edited: due: — → February 24, 2023; areas: IME → IME, DGSC" in entry_text(entry, tz, "en")
    moved = Entry(at=datetime(2023, 2, 13, 16, tzinfo=UTC), author="U1", text="2023-05 → 2023-03-15", kind="due")
    assert "plazo mayo de 2023 → 15 de marzo de 2023" in entry_text(moved, tz, "es")
