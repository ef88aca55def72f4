"""The issue's examples, one by one (now = Monday 13 Feb 2023, 10:00, Mexico City)."""

from __future__ import annotations

import pytest
from corpus import CATALOG, NOW

from bot.nlu import parse

EXAMPLES = [
    ("¿Cómo anda el 07/2022?", dict(intent="status", code="07/2022")),
    ("¿Ya quedó el 02/2023?", dict(intent="status", code="02/2023", status=None)),
    ("Status of commitment 3/2023?", dict(intent="status", code="03/2023")),
    ("¿qué pasó con lo de la visita a Montreal?", dict(intent="status", code=None, text="visita a Montreal")),
    (
        "Avance en 02/2023: el IME respondió el oficio el 6 de febrero",
        dict(intent="log_update", code="02/2023", date=None, text="el IME respondió el oficio el 6 de febrero"),
    ),
    (
        "Sobre el 11/2022: ya se mandó el borrador a la DEA",
        dict(intent="log_update", code="11/2022", text="ya se mandó el borrador a la DEA"),
    ),
    ("Da por atendido el 02/2023", dict(intent="set_status", code="02/2023", status="done")),
    ("el 11/2022 quedó listo", dict(intent="set_status", code="11/2022", status="done")),
    ("11/2022 done", dict(intent="set_status", code="11/2022", status="done")),
    ("el 07/2022 sigue pendiente", dict(intent="set_status", code="07/2022", status="pending")),
    ("El plazo del 02/2023 es el 20 de marzo", dict(intent="set_due", code="02/2023", date="2023-03-20")),
    ("Recorre la fecha del 05/2023 al jueves", dict(intent="set_due", code="05/2023", date="2023-02-16")),
    ("move 02/2023 to the end of the month", dict(intent="set_due", code="02/2023", date="2023-02-28")),
    ("el 07/2022 vence en tres semanas", dict(intent="set_due", code="07/2022", date="2023-03-06")),
    ("¿Qué le queda pendiente a la UTSI?", dict(intent="list", status="open", area="UTSI")),
    ("¿Qué está atrasado?", dict(intent="list", overdue=True)),
    ("¿Qué vence antes del viernes?", dict(intent="list", date="2023-02-17")),
    ("lo de la Dirección Ejecutiva de Administración", dict(intent="list", area="DEA")),
    ("¿Para cuándo es la siguiente sesión?", dict(intent="next_session")),
    (
        "Agrega compromiso: el IME enviará la lista de consulados antes del 10 de marzo",
        dict(intent="create", area="IME", date="2023-03-10"),
    ),
    ("¿qué sabes hacer?", dict(intent="help")),
    ("buenos días", dict(intent="unknown")),
    ("¿a qué hora es la comida?", dict(intent="unknown")),
    # Codes are not dates, and references are neither.
    ("El 03/2023 vence el 15/03/2023", dict(intent="set_due", code="03/2023", date="2023-03-15")),
    ("Avance en 01/2023: se aprobó el Acuerdo INE/CG120/2023", dict(intent="log_update", code="01/2023")),
    ("¿Cómo va el oficio INE/DERFE/0456/2023?", dict(code=None)),
    # Dateparser-hard phrases the grammar owns.
    ("el 05/2023 vence pasado mañana", dict(date="2023-02-15")),
    ("el 05/2023 vence a fin de mes", dict(date="2023-02-28")),
    ("el 05/2023 vence antes del 15", dict(date="2023-02-15")),
    ("el 05/2023 vence la semana que entra", dict(date="2023-02-20")),
    ("el 05/2023 vence en quince días", dict(date="2023-02-28")),
    ("el 05/2023 vence la primera semana de marzo", dict(date="2023-03-07")),
    ("El 03/2023 vence el 15 de marzo", dict(intent="set_due", code="03/2023", date="2023-03-15")),
    # A command to log with nothing to log is no note (the bot asks for it); the note may precede the code.
    ("Registra avance en 01/2023:", dict(intent="log_update", code="01/2023", text="")),
    ("Registra avance en 01/2023", dict(intent="log_update", code="01/2023", text="")),
    ("Log update on 01/2023:", dict(intent="log_update", code="01/2023", text="")),
    ("Avance en 01/2023", dict(intent="status", code="01/2023")),
    ("se envió la nota al IME, 01/2023", dict(intent="log_update", code="01/2023", text="se envió la nota al IME")),
    ("Agrega avance al 01/2023", dict(intent="log_update", code="01/2023", text="")),
    ("show the log of 01/2023", dict(intent="status", code="01/2023")),
    # An acronym named as an area is kept even when the catalog does not know it (the answer says so);
    # after a bare "de", a capitalised word is as often a month, a day or the institute.
    ("Pendientes del área XYZQ", dict(intent="list", area="XYZQ")),
    ("open items for area QQQ", dict(intent="list", area="QQQ")),
    ("pendientes de la DRFE", dict(intent="list", area="DERFE")),
    ("Pendientes que vencen antes de MARZO", dict(intent="list", area=None, date="2023-03-31")),
    ("Pendientes del INE", dict(intent="list", area="INE")),  # an institution: its areas too
    ("Pendientes de HOY", dict(intent="list", area=None)),
    ("PENDIENTES DE HOY", dict(intent="list", area=None)),
]


@pytest.mark.parametrize("text,expected", EXAMPLES, ids=[e[0][:50] for e in EXAMPLES])
def test_example(text, expected):
    got = parse(text, NOW, CATALOG).contract()
    assert {k: got[k] for k in expected} == expected


def test_month_only_deadline_is_kept_as_a_month():
    r = parse("el 05/2023 vence en mayo", NOW, CATALOG)
    assert (r.intent, r.date.isoformat(), r.date_precision) == ("set_due", "2023-05-31", "month")


def test_ambiguous_next_weekday_offers_both_readings():
    r = parse("el 05/2023 vence el próximo martes", NOW, CATALOG)
    assert r.intent == "set_due" and r.date.isoformat() == "2023-02-14"
    assert [d.isoformat() for d in r.alternatives] == ["2023-02-21"]


def test_impossible_date_is_no_date():
    r = parse("el 02/2023 vence el 31/02/2023", NOW, CATALOG)
    assert (r.intent, r.date) == ("set_due", None)


def test_twenty_thousand_characters_parse_quickly_and_are_flagged():
    import time

    text = "Avance en 01/2023: " + "bla " * 5000
    start = time.perf_counter()
    r = parse(text, NOW, CATALOG)
    assert time.perf_counter() - start < 1.0
    assert r.too_long and r.code == "01/2023"


def test_contract_keys_always_present():
    keys = {"intent", "code", "status", "area", "date", "text", "overdue"}
    assert keys <= set(parse("", NOW, CATALOG).contract())
    assert keys <= set(parse("¿cómo va el 14/2022?", NOW, CATALOG).contract())
