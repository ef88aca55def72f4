"""Commitment codes as staff write them, and the dates that must not be read as codes."""

from __future__ import annotations

import pytest
from corpus import CATALOG, NOW

from bot.nlu import parse


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("¿Cómo va el 14-2022?", "14/2022"),
        ("como va el 14/22", "14/2022"),
        ("¿y el 3/2023?", "03/2023"),
        ("estatus del compromiso 3/23", "03/2023"),
        ("status of 07 / 2023", "07/2023"),
        ("el 3 del 2023 pasalo pal 22", "03/2023"),
        ("¿cómo va el 0/2023?", None),
    ],
)
def test_code_forms(text, code):
    assert parse(text, NOW, CATALOG).code == code


@pytest.mark.parametrize(
    ("text", "code", "date"),
    [
        ("El 03/2023 vence el 15/03", "03/2023", "2023-03-15"),  # a month cannot be 15 or more: 15/03 is a date
        ("El 14-2022 vence el 15-03-2023", "14/2022", "2023-03-15"),
        ("el 05/22 vence el 2023-03-20", "05/2022", "2023-03-20"),
        ("el 05/2023 vence el 10/12", "05/2023", "2023-12-10"),  # 12 is a month: a date, not the code 10/2012
        ("el 05/2023 vence el 15 de marzo del 2023", "05/2023", "2023-03-15"),
    ],
)
def test_dates_are_not_codes(text, code, date):
    got = parse(text, NOW, CATALOG).contract()
    assert (got["code"], got["date"]) == (code, date)
