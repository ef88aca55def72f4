"""The terminal shell and ``parse``, through the real command line, on the synthetic test registry."""

from __future__ import annotations

import json

import pytest
from cli_runner import cli

NOW = "2023-02-13T10:00:00-06:00"


@pytest.fixture
def registry_env(env):
    from paths import SEED_CSV

    assert cli(env, "import", str(SEED_CSV), "--now", NOW).code == 0
    return env


def shell(env, *lines, lang=None, user=None):
    args = ["shell", "--now", NOW] + (["--lang", lang] if lang else []) + (["--user", user] if user else [])
    result = cli(env, *args, stdin="\n".join(lines) + "\n")
    assert result.code == 0 and "Traceback" not in result.stderr
    return [block for block in result.stdout.split("\n\n") if block.strip()]


def test_status_reply_names_code_text_status_areas_and_updates(registry_env):
    (reply,) = shell(registry_env, "¿Cómo va el 23/2022?")
    assert "23/2022" in reply and "proselitismo" in reply
    assert "En proceso" in reply and "DERFE, DECEYEC, DEOE, DJ" in reply
    assert "31 de marzo de 2023" in reply and "INE/DERFE/0132/2023" in reply


def test_log_update_persists_across_runs(registry_env):
    (done,) = shell(registry_env, "Registra avance en 01/2023: se envió la nota al IME")
    assert "01/2023" in done
    (status,) = shell(registry_env, "¿cómo va el 01/2023?")
    assert "se envió la nota al IME" in status


def test_status_change_says_before_and_after(registry_env):
    (reply,) = shell(registry_env, "Da por atendido el 08/2023")
    assert "Pendiente" in reply and "Atendido" in reply
    assert "Atendido" in cli(registry_env, "export", "--format", "csv").stdout.splitlines()[-1]


def test_deadline_change_and_ambiguous_day_is_confirmed_first(registry_env):
    first, second, third = shell(registry_env, "el 08/2023 vence el próximo martes", "el 21", "¿cómo va el 08/2023?")
    assert "14 de febrero" in first and "21 de febrero" in second
    assert "21 de febrero de 2023" in third


def test_unanswered_ambiguity_writes_nothing(registry_env):
    shell(registry_env, "el 08/2023 vence el próximo martes")
    (reply,) = shell(registry_env, "¿cómo va el 08/2023?")
    assert "28 de febrero de 2023" in reply


def test_lists_grouped_and_overdue(registry_env):
    reply = shell(registry_env, "Pendientes de la DERFE")[0]
    assert reply.startswith("5 compromisos abiertos de DERFE:") and "01/2023" in reply
    late = shell(registry_env, "¿Qué está atrasado?")[0]
    assert "No encontré" in late


def test_unknown_code_suggests_nearest(registry_env):
    (reply,) = shell(registry_env, "¿Cómo va el 09/2023?")
    assert "No encontré el 09/2023" in reply and "08/2023" in reply


def test_subject_with_candidates(registry_env):
    (reply,) = shell(registry_env, "¿cómo va lo del plan de riesgos?")
    assert "19/2022" in reply and "21/2022" in reply


def test_bad_input_gets_short_polite_answers(registry_env):
    replies = shell(registry_env, "x" * 20000, "hola'; DROP TABLE commitment; --", "buenos días")
    assert "muy largo" in replies[0] and len(replies[0]) < 300
    assert all("Traceback" not in r for r in replies)
    assert "08/2023" in shell(registry_env, "¿cómo va el 08/2023?")[0]  # nothing was lost


def test_a_log_command_without_a_note_asks_for_it_and_logs_nothing(registry_env):
    before = cli(registry_env, "export", "--format", "csv").stdout
    (reply,) = shell(registry_env, "Registra avance en 08/2023:")
    assert "¿Qué avance registro en el 08/2023?" in reply
    assert cli(registry_env, "export", "--format", "csv").stdout == before


def test_a_list_of_an_unknown_area_says_so_instead_of_listing_everything(registry_env):
    (reply,) = shell(registry_env, "Pendientes del área XYZQ")
    assert "No conozco el área «XYZQ»" in reply and "08/2023" not in reply


def test_an_interactive_shell_greets_and_leaves_on_salir_without_answering_it(registry_env, monkeypatch):
    import io

    from bot.cli import main

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("¿cómo va el 08/2023?\nsalir\n¿cómo va el 01/2023?\n"))
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    assert main(["shell", "--now", NOW], environ=dict(registry_env)) == 0
    printed = out.getvalue()
    assert "«salir» o Ctrl-D para terminar" in printed
    assert "08/2023" in printed and "01/2023" not in printed  # nothing after "salir" was read


def test_english_replies(registry_env):
    (reply,) = shell(registry_env, "what's the status of 08/2023?", lang="en")
    assert "Status: Pending" in reply


def test_writers_are_enforced(registry_env):
    env = dict(registry_env, BOT_WRITERS="UBOSS")
    (reply,) = shell(env, "Da por atendido el 08/2023", user="UINTRUSO")
    assert "permiso" in reply
    assert "Pendiente" in cli(env, "export", "--format", "csv").stdout.splitlines()[-1]


def test_create_takes_next_code(registry_env):
    (reply,) = shell(registry_env, "Agrega compromiso: la UTSI enviará el informe de pruebas antes del 10 de marzo")
    assert "09/2023" in reply
    (shown,) = shell(registry_env, "¿cómo va el 09/2023?")
    assert "UTSI" in shown and "10 de marzo de 2023" in shown


def test_parse_reads_stdin_one_object_per_line_blank_lines_included(env):
    result = cli(env, "parse", "--now", NOW, stdin="¿Cómo va el 1/2023?\n\nbuenos días\n")
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["intent"] for o in objects] == ["status", "unknown", "unknown"]
    assert objects[0]["code"] == "01/2023"
    assert all(set(o) >= {"intent", "code", "status", "area", "date", "text", "overdue"} for o in objects)


def test_parse_text_argument(env):
    result = cli(env, "parse", "El plazo del 02/2023 es el 20 de marzo", "--now", NOW)
    assert json.loads(result.stdout)["date"] == "2023-03-20"


def test_bad_now_is_one_line_exit_2(env):
    result = cli(env, "parse", "hola", "--now", "ayer")
    assert result.code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_a_note_that_names_a_date_asks_before_writing_and_stays_a_note_when_so_chosen(registry_env):
    asked, chosen, card = shell(
        registry_env,
        "Para el 21/2022: la DEA confirmó la visita a Montreal para el 6 de marzo",
        "1",
        "¿cómo va el 21/2022?",
    )
    assert "1. Registrar como avance" in asked and "2. Cambiar el plazo al 6 de marzo de 2023" in asked
    assert "registré el avance en el 21/2022" in chosen
    assert "la DEA confirmó la visita a Montreal para el 6 de marzo" in card and "6 de marzo de 2023 (" not in card


def test_the_other_choice_changes_the_deadline_and_no_cancels(registry_env):
    _, chosen = shell(registry_env, "Para el 21/2022: la DEA confirmó la visita a Montreal para el 6 de marzo", "2")
    assert "el plazo del 21/2022 ahora es 6 de marzo de 2023" in chosen
    _, cancelled = shell(registry_env, "Para el 22/2022: el IME avisó que el convenio se firma el 9 de marzo", "no")
    assert "no cambié nada" in cancelled


def test_a_closing_keeps_its_note(registry_env):
    closed, card = shell(
        registry_env, "Cierra el 26/2022: el IME mandó la nota verbal el 7 de febrero", "¿cómo va el 26/2022?"
    )
    assert "pasó de En proceso a Atendido" in closed
    assert "el IME mandó la nota verbal el 7 de febrero" in card
    (already,) = shell(registry_env, "Cierra el 24/2022: el IME confirmó la recepción")
    assert "ya estaba Atendido; registré lo que dijiste como avance" in already


def test_undo_restores_the_previous_status_and_says_so(registry_env):
    done, undone, card = shell(registry_env, "Da por atendido el 08/2023", "deshacer", "¿cómo va el 08/2023?")
    assert "Atendido" in done and "deshice el cambio de estatus en el 08/2023" in undone
    assert "Estatus: Pendiente" in card
    (nothing,) = shell(registry_env, "undo")
    assert "no change of yours" in nothing.lower()


def test_english_messages_get_english_replies_whatever_the_default(registry_env):
    english, spanish = shell(registry_env, "how is 08/2023 going?", "¿cómo va el 08/2023?")
    assert "Status: Pending" in english and "Estatus: Pendiente" in spanish


def test_a_code_that_does_not_exist_is_answered_as_such(registry_env):
    (answer,) = shell(registry_env, "Registra avance en 99/9999: se envió la nota")
    assert "No encontré el 99/9999" in answer


def test_asking_for_an_institution_covers_its_areas(registry_env):
    (sre,) = shell(registry_env, "Pendientes de la Cancillería")
    assert "08/2023" in sre  # the IME's, and the IME is the SRE's
    assert (
        cli(registry_env, "area", "add", "INM", "--name", "Instituto Nacional de Migración", "--part-of", "SRE").code
        == 0
    )
    assert (
        cli(
            registry_env, "area", "add", "DGSC", "--name", "Dirección General de Servicios Consulares", "--part-of", ""
        ).code
        == 0
    )
    bad = cli(registry_env, "area", "add", "DGSC", "--name", "Servicios Consulares", "--part-of", "XYZQ")
    assert bad.code == 2 and "XYZQ" in bad.stderr


def test_adding_a_recorded_meeting_again_completes_its_modality_and_attendees(registry_env):
    at = "2023-01-18T10:00-06:00"
    name = "Reunión de trabajo INE-SRE"
    assert cli(registry_env, "session", "add", "--name", name, "--at", at, "--kind", "working").code == 0
    again = ["--modality", "Virtual", "--attendees", "INE (DERFE, DJ) SRE (IME y DGSC)"]
    assert cli(registry_env, "session", "add", "--name", name, "--at", at, "--kind", "working", *again).code == 0
    from bot import meetings, registry
    from storage.db import Database, make_engine

    db = Database(make_engine(registry_env["DATABASE_URL"]))
    with db.read() as s:
        sc = registry.scope(session=s, commission="COVE", now=registry_now())
        (meeting,) = [m for m in meetings.list_meetings(session=s, sc=sc) if m.name == name]
    db.engine.dispose()
    assert (meeting.kind, meeting.modality, meeting.attendees) == (
        "working",
        "Virtual",
        "INE (DERFE, DJ) SRE (IME y DGSC)",
    )


def registry_now():
    from datetime import datetime

    return datetime.fromisoformat(NOW)
