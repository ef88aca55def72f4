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
    # someone else's deadline, told as news, is news
    ("14/22 - el IME dijo que el plazo de la Cancillería vence el 10 de marzo para contestar", None, "2023-03-10"),
    ("el plazo de la convocatoria vence el 20, lo comento para el 18/2022 como contexto", None, "2023-02-20"),
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
    ("Se entregó el oficio al IME; da por atendido el 02/2023", "done", "Se entregó el oficio al IME"),  # before
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


def case(rule, p, chosen, offered, *, certain=False, question=False, dated=False, coded=True):
    return pytest.param(rule, p, certain, question, dated, coded, chosen, offered, id=f"{rule}->{chosen}")


DECISIONS = [
    case("set_due", probs(set_due=0.9), "set_due", ()),  # both agree, and the classifier is sure: nothing asked
    case("set_due", probs(set_due=0.5, log_update=0.3), "set_due", ("set_due", "log_update")),  # unsure
    case("log_update", probs(set_status__done=0.9), "set_status:done", ("set_status:done", "log_update")),
    case("status", probs(log_update=0.7, status=0.2), "log_update", ("log_update",)),  # over a read, not very sure
    case("status", probs(log_update=0.95), "log_update", ()),  # the rules did not recognise the phrasing
    case("unknown", probs(log_update=0.95), "log_update", ("log_update",), coded=False),  # no code: confirm
    case("unknown", probs(create=0.95), "create", (), coded=False),  # a new commitment needs no code
    case("status", probs(set_due=0.7, status=0.1), "status", (), question=True),  # a question needs a surer write
    case("status", probs(status=0.5, set_due=0.4), "status", ()),  # no write chosen, nothing asked
    case("create", probs(log_update=0.9), "create", ("create", "log_update"), certain=True),  # the rules were sure
    case("log_update", probs(log_update=0.95), "log_update", ("log_update", "set_due"), dated=True),
    case("list", probs(list=0.9), "list", (), dated=True),
]


@pytest.mark.parametrize(("rule", "p", "certain", "question", "dated", "coded", "chosen", "offered"), DECISIONS)
def test_doubtful_writes_are_reported(rule, p, certain, question, dated, coded, chosen, offered):
    got = choose(rule, p, certain=certain, question=question)
    assert got == chosen
    assert options(got, rule, p, dated_note=dated, coded=coded) == offered


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


READINGS = [
    # the status a message moves to is the one after "a", "to", "como"…, not the first one named
    ("cambia el 4/2023 de pendiente a en proceso", dict(intent="set_status", status="in_progress")),
    ("el 13/2022 ya no esta en proceso, ya se entrego, pasalo a atendido", dict(intent="set_status", status="done")),
    # two statuses offered as a choice are a question; "palomear" (tick off) and "tachar" close
    ("oye el 28/2022 esta en proceso o pendiente", dict(intent="status", status=None)),
    ("listo el 6/2023, la dea ya libero el recurso, palomealo", dict(intent="set_status", status="done")),
    # a deadline moved by an amount: a change of deadline whose date the bot must ask (it knows no old date here)
    ("give 07/2023 one more week", dict(intent="set_due", code="07/2023", date=None)),
    ("amplia el 18/2022 dos semanas", dict(intent="set_due", code="18/2022", date=None)),
    # a list or a session asked "for the report" is not the report
    ("lista de en proceso pal informe", dict(intent="list", status="in_progress")),
    ("When do we report to the commission next?", dict(intent="next_session")),
    ("todo lo del ine q esta en proceso", dict(intent="list", status="in_progress")),
    # a request put as a question is a request
    ("¿Me pasas el 23/2022 a en proceso?", dict(intent="set_status", status="in_progress")),
    ("Can you set 07/2023 to pending? It got blocked waiting on SRE", dict(intent="set_status", status="pending")),
    # chit-chat stays chit-chat
    ("ando en el Metro, sin señal", dict(intent="unknown")),
    ("¿Qué ha pasado con la maqueta del módulo?", dict(intent="status", text="maqueta del módulo")),
]


@pytest.mark.parametrize(("text", "expected"), READINGS, ids=[c[0][:40] for c in READINGS])
def test_readings(text, expected):
    got = parse(text, NOW, CATALOG).contract()
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize("text", ["genera el informe", "dame el reporte de seguimiento"])
def test_the_report_itself_is_still_the_report(text):
    assert parse(text, NOW, CATALOG).report


@pytest.mark.parametrize(
    ("text", "intent", "status", "date", "note"),
    [
        # a corrected deadline takes the date it becomes, not the one it was
        ("El 26/2022 ya no vence el viernes sino hasta el 3 de marzo", "set_due", None, "2023-03-03", None),
        ("04/2023 is no longer due Friday but on March 10", "set_due", None, "2023-03-10", None),
        # infinitive status verbs are commands too; the rest of the message is the note
        ("cerrar 18/2022. Se celebró la reunión virtual el 18 de enero", "set_status", "done", None, "se celebro"),
        ("tachar 25/2022: el IME envió el informe", "set_status", "done", None, "el ime envio el informe"),
        # a dash parts the status command from its note
        (
            "set 02/2023 to in progress - DJ acknowledged the oficio",
            "set_status",
            "in_progress",
            None,
            "dj acknowledged",
        ),
        # a status said to be the wrong one is not the one set; a polite closing command is no note
        ("el 09/2021 va en proceso, no en atendido, corrígelo", "set_status", "in_progress", None, None),
        ("El 05/2022 ya quedó, ciérrenlo porfa", "set_status", "done", None, None),
        # a prórroga is a deadline change; its reason is not the date
        ("Se prorroga el 12/2021 al 24 de marzo, la DJ pidió revisar el anexo", "set_due", None, "2023-03-24", None),
        # a formal request to know the status of a code asks it; its closing formula is nothing
        (
            "Solicito de su apoyo para conocer el estado del compromiso 06/2022, derivado de la sesión de enero. "
            "Sin otro particular, le envío un saludo.",
            "status",
            None,
            None,
            None,
        ),
        # a label before a colon is the command's, not the note's
        ("15/2022 avance: la DEA confirmó los montos", "log_update", None, None, "la dea confirmo los montos"),
        ("03/2023 update: UTSI closed the tests", "log_update", None, None, "utsi closed the tests"),
    ],
)
def test_ways_of_saying_a_write(text, intent, status, date, note):
    from corpus import CATALOG, NOW

    from bot.nlu import parse
    from bot.textnorm import fold

    got = parse(text, NOW, CATALOG)
    assert (got.intent, got.status, got.date.isoformat() if got.date else None) == (intent, status, date)
    assert (note is None and got.text is None) or (note is not None and note in fold(got.text or ""))


@pytest.mark.parametrize(
    ("text", "area", "status"),
    [
        ("What does IME still owe us?", "IME", "open"),
        ("¿Qué le falta a Organización Electoral?", "DEOE", "open"),
        ("¿y qué debe la Cancillería?", "SRE", "open"),
        ("Muéstrame lo atendido de la DERFE", "DERFE", "done"),
        ("cuales estan en estatus Pendiente? no los que estan en proceso", None, "pending"),
        ("what's in progress for UTSI, not the done ones", "UTSI", "in_progress"),
    ],
)
def test_list_filters_are_read_whoever_decided_it_is_a_list(text, area, status):
    from corpus import CATALOG, NOW

    from bot.nlu import parse

    got = parse(text, NOW, CATALOG)
    assert (got.intent, got.area, got.status) == ("list", area, status)


@pytest.mark.parametrize(
    ("text", "area", "description"),
    [
        ("Alta de compromiso a cargo de la DJ: responder la consulta", "DJ", "responder la consulta"),
        ("nuevo compromiso p/ CNCS: difundir la liga de registro", "CNCS", "difundir la liga de registro"),
        ("Nuevo compromiso por parte del IME: enviar la lista de sedes", "IME", "enviar la lista de sedes"),
    ],
)
def test_a_new_commitments_owner_is_not_part_of_its_text(text, area, description):
    from corpus import CATALOG, NOW

    from bot.nlu import parse

    got = parse(text, NOW, CATALOG)
    assert (got.intent, got.area, got.text) == ("create", area, description)
