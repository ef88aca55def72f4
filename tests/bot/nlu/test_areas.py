"""Areas found in free text by name: the longest name that fits wins, small typos are forgiven."""

import pytest

from bot.nlu.areas import AreaCatalog, AreaInfo

CATALOG = AreaCatalog(
    [
        AreaInfo("DERFE", "Dirección Ejecutiva del Registro Federal de Electores"),
        AreaInfo("DEX", "Dirección Ejecutiva"),
        AreaInfo("UTSI", "Unidad Técnica de Servicios de Informática", ("servicios informáticos",)),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pendientes de la Dirección Ejecutiva del Registro Federal de Electores", "DERFE"),
        ("pendientes de la direccion ejecutiva del registro federal de electore", "DERFE"),  # typo, no accents
        ("lo de la Dirección Ejecutiva, por favor", "DEX"),
        ("lo de servicios informaticos", "UTSI"),
        ("lo de la Unidad Tecnica de Servicios de Informatica", "UTSI"),
        ("lo de la dirección general", None),
    ],
)
def test_names_in_free_text(text, expected):
    found = CATALOG.find(text)
    assert (found[0] if found else None) == expected


def test_the_span_covers_the_whole_name():
    found = CATALOG.find("avance de la Dirección Ejecutiva del Registro Federal de Electores hoy")
    assert found == ("DERFE", (3, 10))  # words 3-9 of the folded text


EVERYDAY = [
    ("pendientes de jurídico", "DJ"),
    ("pendientes de juridco", "DJ"),  # a typo
    ("¿qué le queda a Organización Electoral?", "DEOE"),
    ("pendientes de Servicios Consulares", "DGSC"),
    ("qué debe la Fiscalía", "FISEL"),
    ("pendientes de Prerrogativas", "DEPPP"),
    ("lo pendiente de la cancilleria", "SRE"),
    ("pendientes de Comunicación Social", "CNCS"),
    ("qué tiene informática", "UTSI"),
    ("pendientes de Capacitación", "DECEYEC"),
    ("qué debe Administración", "DEA"),
    ("what's pending for DERFE?", "DERFE"),
    ("¿qué le falta entregar al Registro?", "DERFE"),
]


@pytest.mark.parametrize(("text", "area"), EVERYDAY)
def test_everyday_names_of_the_default_areas(text, area):
    from corpus import CATALOG, NOW

    from bot.nlu import parse

    r = parse(text, NOW, CATALOG)
    assert (r.intent, r.area) == ("list", area)


def test_a_word_near_an_alias_is_not_the_area():
    from corpus import CATALOG

    assert CATALOG.find("review the risk plan with the consulates") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lo que debe el Registro", "DERFE"),  # a proper name, capitalised after its article
        ("la campaña sobre el registro a la lista nominal", None),  # the common noun
        ("Registro de avance de la campaña", None),  # a capital only because it opens the sentence
    ],
)
def test_an_alias_written_with_its_article_counts_only_as_a_proper_name(text, expected):
    from corpus import CATALOG

    found = CATALOG.find(text)
    assert (found[0] if found else None) == expected
    assert CATALOG.exact("Registro") == "DERFE"
