"""Words that frame a request rather than say it: mail headers, greetings, lead-ins, closings, field labels, a
dictated slash; and the list filters said in longer ways (now = Monday 13 Feb 2023, 10:00, Mexico City)."""

from __future__ import annotations

import pytest
from corpus import CATALOG, NOW

from bot.nlu import parse

CASES = [
    (
        "RV: Compromiso 03/2023 -- Buenos días a todos, me permito informarles que la DEA liberó los viáticos. Saludos",
        dict(intent="log_update", code="03/2023", text="la DEA liberó los viáticos."),
    ),
    (
        "Re: 11/2022 >> hola, les comparto que el IME ya firmó el oficio.\nAtentamente",
        dict(intent="log_update", code="11/2022", text="el IME ya firmó el oficio."),
    ),
    ("On 04/2023 please note that the DJ sent its opinion", dict(code="04/2023", text="the DJ sent its opinion")),
    ("apunta en el 02/2023 q la UTSI ya instaló el equipo", dict(code="02/2023", text="la UTSI ya instaló el equipo")),
    ("anota en el 7 barra 2022 que se reprogramó la visita", dict(code="07/2022", text="se reprogramó la visita")),
    ("¿cómo va el 3 slash 2023?", dict(intent="status", code="03/2023")),
    ("¿cuáles de la DEA ya se han cumplido?", dict(intent="list", area="DEA", status="done")),
    ("compromisos del IME que siguen sin atender", dict(intent="list", area="IME", status="open")),
    ("dame los que están en estatus pendiente, excluding in-progress", dict(intent="list", status="pending")),
    ("lista de abiertos de la UTSI, fecha límite antes del 10 de marzo", dict(intent="list", date="2023-03-10")),
    (
        "nuevo compromiso, regístralo por favor: la DEOE tiene que enviar el plan logístico",
        dict(intent="create", area="DEOE", text="enviar el plan logístico"),
    ),
    (
        "Alta de compromiso | área: IME | texto: confirmar las sedes consulares | fecha: 20/03/2023",
        dict(intent="create", area="IME", text="confirmar las sedes consulares", date="2023-03-20"),
    ),
    (
        "Buenas tardes, quisiera saber si ya se cumplió el 04/2023, el del informe de la DEOE, porque no lo veo",
        dict(intent="status", code="04/2023", text=None),
    ),
    (
        "Me piden conocer el avance del compromiso 02/2023, relativo a los viáticos de la DEA",
        dict(intent="status", code="02/2023", text=None),
    ),
    ("¿para cuándo queda la guía de capacitación?", dict(intent="status", text="guía de capacitación")),
    ("el compromiso del padrón de Montreal, ese en qué va?", dict(intent="status", text="padrón de Montreal")),
    ("could you set the voter card campaign one to done?", dict(intent="set_status", status="done")),
    ("el plazo de entrega de la guía de capacitación se recorre al 3 de abril", dict(text="guía de capacitación")),
    (
        "¿me podrías decir en qué estatus está la guía de capacitación? la piden en la reunión del jueves",
        dict(intent="status", text="guía de capacitación"),
    ),
    (
        "sobre lo de la guía de capacitación ya se entregó el borrador a la DECEYEC",
        dict(intent="log_update", text="ya se entregó el borrador a la DECEYEC"),
    ),
    (
        "Pasa el 05/2023 a pendiente, lo cerré por error",
        dict(intent="set_status", code="05/2023", status="pending", text="lo cerré por error"),
    ),
    (
        "recorre lo del padrón de Montreal al 20 de marzo",
        dict(intent="set_due", text="padrón de Montreal", date="2023-03-20"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_frame(text: str, expected: dict) -> None:
    got = parse(text, NOW, CATALOG).contract()
    assert {key: got[key] for key in expected} == expected
