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


@pytest.mark.parametrize(
    ("text", "date", "others"),
    [
        ("el 05/2023 vence esta semana", "2023-02-17", []),  # the working week ends on Friday
        ("move 05/2023 to the end of the week", "2023-02-17", []),
        ("el 05/2023 vence el fin de semana", "2023-02-17", ["2023-02-19"]),  # or the Sunday: the bot asks
        ("el 05/2023 vence a mediados de marzo", "2023-03-15", []),
        ("el 05/2023 pasa a la primera quincena de marzo", "2023-03-15", []),
        ("el 05/2023 vence la segunda quincena de marzo", "2023-03-31", []),
        ("el 05/2023 vence la próxima quincena", "2023-02-28", []),  # said on the 13th: the one ending the 28th
        ("el 05/2023 vence esta quincena", "2023-02-15", []),
    ],
)
def test_weeks_fortnights_and_mid_months(text, date, others):
    got = parse(text, NOW, CATALOG).contract()
    assert (got["intent"], got["date"], got["alternatives"]) == ("set_due", date, others)


@pytest.mark.parametrize(
    ("text", "date"), [("¿qué vence esta semana?", "2023-02-17"), ("what's due this week?", "2023-02-17")]
)
def test_lists_up_to_the_end_of_the_week(text, date):
    got = parse(text, NOW, CATALOG).contract()
    assert (got["intent"], got["date"]) == ("list", date)


def test_next_month_is_a_month():
    r = parse("move 05/2023 to next month", NOW, CATALOG)
    assert (r.intent, r.date.isoformat(), r.date_precision) == ("set_due", "2023-03-31", "month")


def test_the_quick_guard_never_hides_a_date_a_rule_would_find():
    """``find_dates`` skips texts without a digit, a month, a weekday or a word of time; over every phrase we hold
    (codes and all), no rule finds anything in a text the guard skips."""
    import json
    from pathlib import Path

    from bot.nlu import dates
    from bot.nlu.text import fold_aligned

    root = Path(__file__).resolve().parents[3]
    files = [*root.glob("tests/bot/nlu/*.jsonl"), *root.glob("bot/nlu/training/*.jsonl")]
    texts = [fold_aligned(json.loads(line)["text"]) for f in files for line in f.read_text().splitlines() if line]
    skipped = [t for t in texts if not dates._ANY_DATE_WORD.search(t)]
    assert len(skipped) > 500
    assert [t for t in skipped if any(p.search(t) for p, _ in dates.RULES)] == []
