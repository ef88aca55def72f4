"""Writes: a note that names a date stays a note, a status change keeps its note, a doubtful write is reported
with the changes it could mean (now = Monday 13 Feb 2023, 10:00, Mexico City)."""

from __future__ import annotations

import pytest
from corpus import CATALOG, NOW, norm_text

from bot.nlu import parse
from bot.nlu.decide import choose, options

NOTES_WITH_DATES = [
    # text, note, the date offered as a new deadline (None: no deadline offered)
    (
        "Para el 21/2022: la DEA confirmó la visita a Montreal para el 6 de marzo",
        "la DEA confirmó la visita a Montreal para el 6 de marzo",
        "2023-03-06",
    ),
    ("14/2022: la SRE confirmó que enviará el listado el 20 de febrero", None, "2023-02-20"),
    (
        "Avance en 02/2023: el IME respondió el oficio el 6 de febrero",
        "el IME respondió el oficio el 6 de febrero",
        None,
    ),
    ("En el 14/2022 ya se tuvo la reunión con la Dirección Jurídica el 10 de febrero", None, None),
    ("11/2022: second technical meeting with DEOE and DERFE took place Jan 27", None, None),
]


@pytest.mark.parametrize(("text", "note", "offered"), NOTES_WITH_DATES, ids=[c[0][:40] for c in NOTES_WITH_DATES])
def test_a_note_that_names_a_date_is_a_note(text, note, offered):
    r = parse(text, NOW, CATALOG)
    assert (r.intent, r.date) == ("log_update", None)
    if note:
        assert norm_text(r.text) == norm_text(note)
    if offered:  # the day could be a new deadline: the bot asks which change is meant
        assert r.options == ("log_update", "set_due") and r.option_date.isoformat() == offered
    else:  # a day past (or read as next year's) is no deadline to offer
        assert "set_due" not in r.options and r.option_date is None


CLOSINGS = [
    (
        "Cierra el 24/2022: el IME mandó la nota verbal el 7 de febrero",
        "done",
        "el IME mandó la nota verbal el 7 de febrero",
    ),
    ("Tacha el 25/2022, ya lo cumplimos", "done", None),
    ("el 28/2022: ya comenzamos, déjalo como en proceso", "in_progress", "ya comenzamos"),
    ("07/2023: please set it to in progress, work began", "in_progress", "work began"),
    ("reabre el 08/2022, la SRE regresó observaciones", "in_progress", "la SRE regresó observaciones"),
    ("Da por atendido el 02/2023", "done", None),
    ("el 10/2022 ya está atendido, actualízalo porfa", "done", None),  # the command's own words are no note
]


@pytest.mark.parametrize(("text", "status", "note"), CLOSINGS, ids=[c[0][:40] for c in CLOSINGS])
def test_a_status_change_keeps_the_rest_as_its_note(text, status, note):
    r = parse(text, NOW, CATALOG)
    assert (r.intent, r.status, norm_text(r.text)) == ("set_status", status, norm_text(note))


CREATES = [
    (
        "Nuevo compromiso para el IME: confirmar sedes de votación antes del 3 de marzo",
        "IME",
        "confirmar sedes de votación antes del 3 de marzo",
        "2023-03-03",
    ),
    (
        "new commitment for UTSI: test the voting app by March 10",
        "UTSI",
        "test the voting app by March 10",
        "2023-03-10",
    ),
    # the area is the sentence's subject here, not an addressee: the text keeps it
    (
        "Agrega compromiso: el IME enviará la lista de consulados antes del 10 de marzo",
        "IME",
        "el IME enviará la lista de consulados antes del 10 de marzo",
        "2023-03-10",
    ),
]


@pytest.mark.parametrize(("text", "area", "description", "date"), CREATES, ids=[c[0][:40] for c in CREATES])
def test_a_new_commitment_names_its_area_apart_from_its_text(text, area, description, date):
    got = parse(text, NOW, CATALOG).contract()
    assert (got["intent"], got["area"], norm_text(got["text"]), got["date"]) == (
        "create",
        area,
        norm_text(description),
        date,
    )


P = {"status": 0.0, "log_update": 0.0, "set_due": 0.0, "set_status:done": 0.0, "list": 0.0, "create": 0.0}


def probs(**given: float) -> dict[str, float]:
    return P | {k.replace("__", ":"): v for k, v in given.items()}


DECISIONS = [
    # rule, classifier, certain, question, dated note → chosen, options
    ("set_due", probs(set_due=0.9), False, False, False, "set_due", ()),  # both agree, sure: no question
    ("set_due", probs(set_due=0.5, log_update=0.3), False, False, False, "set_due", ("set_due", "log_update")),
    (
        "log_update",
        probs(set_status__done=0.9),
        False,
        False,
        False,
        "set_status:done",
        ("set_status:done", "log_update"),
    ),
    ("status", probs(log_update=0.7, status=0.2), False, False, False, "log_update", ("log_update",)),
    ("status", probs(set_due=0.7, status=0.1), False, True, False, "status", ()),  # a question needs a surer write
    ("status", probs(status=0.5, set_due=0.4), False, False, False, "status", ()),  # no write chosen, nothing asked
    ("create", probs(log_update=0.9), True, False, False, "create", ("create", "log_update")),  # the rules were sure
    ("log_update", probs(log_update=0.95), False, False, True, "log_update", ("log_update", "set_due")),
    ("list", probs(list=0.9), False, False, True, "list", ()),
]


@pytest.mark.parametrize(("rule", "p", "certain", "question", "dated", "chosen", "offered"), DECISIONS)
def test_doubtful_writes_are_reported(rule, p, certain, question, dated, chosen, offered):
    got = choose(rule, p, certain=certain, question=question)
    assert got == chosen
    assert options(got, rule, p, dated_note=dated) == offered


def test_a_write_the_classifier_doubts_is_reported_from_parse():
    r = parse("Para el 21/2022: la DEA confirmó la visita a Montreal para el 6 de marzo", NOW, CATALOG)
    assert r.options and r.options[0] == r.intent and 0 < r.confidence <= 1


def test_the_contract_keys_come_first_and_the_extras_after():
    got = list(parse("Cierra el 24/2022: el IME mandó la nota", NOW, CATALOG).contract())
    assert got[:7] == ["intent", "code", "status", "area", "date", "text", "overdue"]
    assert {"options", "confidence", "lang"} <= set(got[7:])


LANGS = [
    ("07/2023: please set it to in progress, work began", "en"),
    ("what's pending for DERFE?", "en"),
    ("when is the next session?", "en"),
    ("yes", "en"),
    ("thanks!", "en"),
    ("¿Cómo va el 14/2022?", "es"),
    ("q onda con lo del IME", "es"),
    ("sí", "es"),
    ("pendientes de jurídico", "es"),
    ("14/2022", None),  # no words to tell
]


@pytest.mark.parametrize(("text", "lang"), LANGS)
def test_the_language_of_the_message(text, lang):
    assert parse(text, NOW, CATALOG).lang == lang
