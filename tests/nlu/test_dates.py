"""A weekday and a day number must agree: the date is the next day where they do (now = Monday 13 Feb 2023)."""

from __future__ import annotations

import pytest
from corpus import CATALOG, NOW

from bot.nlu import parse


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("El plazo del 23/2022 pasa al martes 28", "2023-02-28"),  # 28 Feb 2023 is a Tuesday
        ("move 02/2023 to Friday the 17th", "2023-02-17"),
        ("el 05/2023 vence el viernes 30", "2023-06-30"),  # the next Friday the 30th
        ("el 05/2023 vence el martes 14 de marzo", "2023-03-14"),  # a full date wins; the weekday names it
        ("el 05/2023 vence el jueves", "2023-02-16"),
    ],
)
def test_weekday_and_day_number_agree(text, date):
    got = parse(text, NOW, CATALOG).contract()
    assert (got["intent"], got["date"]) == ("set_due", date)
