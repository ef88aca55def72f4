"""The questions staff ask when preparing a session, on the registry of seed 004 imported from its Word file:
in the shell and over Slack's wire protocol."""

from __future__ import annotations

import json

import pytest
from cli_runner import cli
from seed004_docx import build_seed004_docx

NOW = "2023-02-13T10:00:00-06:00"


@pytest.fixture
def prepared(env, tmp_path):
    assert cli(env, "import", str(build_seed004_docx(tmp_path / "informe.docx")), "--now", NOW).code == 0
    assert (
        cli(env, "session", "add", "--name", "Primera Sesión Ordinaria", "--at", "2023-03-01T10:00:00-06:00").code == 0
    )
    return env


def ask(env, *lines):
    result = cli(env, "shell", "--now", NOW, stdin="\n".join(lines) + "\n")
    assert result.code == 0 and "Traceback" not in result.stderr
    return [block for block in result.stdout.split("\n\n") if block.strip()]


def test_an_institution_covers_its_areas(prepared):
    (reply,) = ask(prepared, "¿Qué compromisos con la SRE siguen pendientes?")
    assert "R221123-2" in reply  # the IME's: "Por parte del IME proponer fecha…"
    assert "R230118-7" in reply and "R230118-3" in reply
    assert "R230118-4" not in reply  # the INE's protocol


def test_what_was_attended_since_the_last_session(prepared):
    (reply,) = ask(prepared, "¿Qué se atendió desde la última sesión?")
    assert "Primera Sesión Extraordinaria" in reply
    assert "R221123-1" in reply and "R220519-1" in reply
    assert "R221123-2" not in reply  # still in progress


def test_what_changed_status_this_quarter(prepared):
    (reply,) = ask(prepared, "¿qué cambió de estatus este trimestre?")
    assert "R220809-4" in reply  # pendiente → en proceso
    assert "R220908-4" not in reply  # en proceso then, en proceso now
    assert "R230118-1" not in reply  # recorded with no earlier status


def test_what_came_out_of_a_meeting(prepared):
    (reply,) = ask(prepared, "¿Qué compromisos salieron de la reunión del 18 de enero?")
    assert all(f"R230118-{n}" in reply for n in range(1, 8)) and "R221123" not in reply
    (none,) = ask(prepared, "¿Qué compromisos salieron de la reunión del 3 de enero?")
    assert "No encontré" in none


def test_what_is_due_before_the_next_session(prepared):
    ask(prepared, "El 2 del 23 de noviembre vence el 20 de febrero")
    (reply,) = ask(prepared, "¿Qué vence antes de la próxima sesión?")
    assert "Primera Sesión Ordinaria" in reply and "1 de marzo de 2023" in reply
    assert "R221123-2" in reply and "R230118-7" not in reply


def test_a_commitment_named_by_its_meeting_and_number_and_its_previous_status(prepared):
    (card,) = ask(prepared, "¿Cómo va el 2 del 23 de noviembre?")
    assert card.startswith("R221123-2") and "compromiso 2 de" in card and "En proceso" in card
    (previous,) = ask(prepared, "¿cuál era el estatus previo del compromiso 4 de la reunión del 9 de agosto?")
    assert "Estatus previo (Primera Sesión Extraordinaria, 30 de enero de 2023): Pendiente" in previous
    assert "Estatus: En proceso" in previous


def test_a_note_on_a_meeting_item_keeps_its_day_and_evidence(prepared):
    ask(
        prepared,
        "Registra avance en el 7 de la reunión del 18 de enero: "
        "el 10 de febrero el IME envió el oficio SRE/IME/0457/2023",
    )
    (card,) = ask(prepared, "¿cómo va el R230118-7?")
    assert "10 de febrero de 2023 — el 10 de febrero el IME envió el oficio SRE/IME/0457/2023" in card


def test_english_questions(prepared):
    (reply,) = ask(prepared, "what came out of the Jan 18 meeting?")
    assert "from the meeting of 18 January 2023" in reply or "January 18" in reply or "18 January" in reply
    assert "R230118-1" in reply


# --- over Slack -----------------------------------------------------------------------------------------


@pytest.fixture
def slack_prepared(slack_env, start_app, seeded, now, tmp_path):
    from paths import TZ

    from bot import meetings, registry
    from bot.settings import Settings
    from bot.transfer.importer import import_file

    db = seeded
    report = import_file(db=db, path=build_seed004_docx(tmp_path / "i.docx"), commission="COVE", now=now, tz=TZ)
    assert not report.errors
    with db.write() as session:
        sc = registry.scope(session=session, commission="COVE", now=now)
        meetings.add_meeting(session=session, sc=sc, name="Primera Sesión Ordinaria", at=now.replace(month=3, day=1))
    return start_app(Settings.from_env(slack_env), db=db)


def test_session_questions_over_slack(slack_prepared, standin):
    slack_prepared.mention("¿Qué compromisos salieron de la reunión del 18 de enero?", ts="1700000000.000201")
    slack_prepared.dm("¿cuál era el estatus previo del 2 del 23 de noviembre?")
    slack_prepared.mention("¿Qué compromisos con la SRE siguen pendientes?", ts="1700000000.000203")
    posts = standin.wait_for("chat.postMessage", count=3)
    by_thread = {p.get("thread_ts") or "dm": json.dumps(p, ensure_ascii=False) for p in posts}
    # The Slack fixture's registry also holds the synthetic test registry, whose meetings of 23 November and
    # 18 January were recorded first: the Word report's meetings of those days take the letter b.
    assert all(f"R230118b-{n}" in by_thread["1700000000.000201"] for n in range(1, 8))
    assert "R221123b-2" in by_thread["dm"]
    assert "Estatus previo (Primera Sesión Extraordinaria, 30 de enero de 2023): Pendiente" in by_thread["dm"]
    assert "R221123b-2" in by_thread["1700000000.000203"]


def test_a_new_commitment_of_a_meeting_takes_its_next_number_and_leaves_the_meeting_out_of_its_text(prepared):
    cli(prepared, "session", "add", "--name", "Reunión INE-SRE", "--at", "2023-02-08T11:00-06:00", "--kind", "working")
    (first,) = ask(prepared, "Nuevo compromiso de la reunión del 8 de febrero para el IME: enviar la versión final")
    (second,) = ask(prepared, "new commitment from the Feb 8 meeting for UTSI: test the connectivity in Dallas")
    assert "R230208-1" in first and "R230208-2" in second
    (card,) = ask(prepared, "¿cómo va el 2 de la reunión del 8 de febrero?")
    assert card.startswith("R230208-2 — test the connectivity in Dallas") and "UTSI" in card
    (none,) = ask(prepared, "Nuevo compromiso de la reunión del 9 de febrero para el IME: algo")
    assert "ninguna reunión el 9 de febrero de 2023" in none
