"""The labelled corpus, as a table: every phrase is parsed at a fixed now and compared key by key."""

from __future__ import annotations

import pytest
from corpus import CORPUS, compare, load

CASES = [case for path in sorted(CORPUS.parent.glob("*.jsonl")) for case in load(path)]
REQUIRED_ACCURACY = 0.97


def test_corpus_is_large_and_covers_every_intent():
    from bot.nlu import INTENTS

    assert len(CASES) >= 200
    assert {c["expect"]["intent"] for c in CASES} == set(INTENTS)


def test_corpus_accuracy():
    wrong = {c["text"]: compare(c) for c in CASES if compare(c)}
    accuracy = 1 - len(wrong) / len(CASES)
    assert accuracy >= REQUIRED_ACCURACY, f"{accuracy:.3f}: {wrong}"


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_phrase(case):
    assert compare(case) == {}
