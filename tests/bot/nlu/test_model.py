"""The committed classifier: built from today's phrases, and computed at run time as scikit-learn computes it."""

from __future__ import annotations

import pytest

from bot.nlu import model, train
from bot.nlu.text import analyse, classifier_text


def test_the_committed_model_was_built_from_the_current_phrases():
    """Fails when a training phrase, a label, a parameter or the masking changed since the artifact was built."""
    built = model.load().meta["fingerprint"]
    assert built == train.fingerprint(train.examples()), "stale model: run `python -m bot.nlu.train`"


EVALUATION = ("heldout.jsonl", "blind2.jsonl", "blind3.jsonl")


def test_training_never_reads_the_evaluation_sets():
    assert not {p.name for p in train.sources()} & set(EVALUATION)


def test_no_writer_phrase_is_an_evaluation_phrase():
    """The writers never saw the evaluation sets, but short phrases ("gracias!!") coincide; those are left out."""
    import json

    from corpus import CORPUS, norm_text

    evaluation = {
        norm_text(json.loads(line)["text"])
        for name in EVALUATION
        for line in CORPUS.with_name(name).read_text(encoding="utf-8").splitlines()
    }
    writers = [json.loads(line)["text"] for path in train.sources()[:-1] for line in path.read_text().splitlines()]
    assert [text for text in writers if norm_text(text) in evaluation] == []


def test_the_classifier_reads_shapes_not_numbers():
    t = analyse("Cierra el 24/2022: el IME mandó la nota INE/DERFE/0132/2023 el 7 de febrero", train.NOW)
    assert classifier_text(t) == "cierra el zcode : el ime mando la nota zref el zdate"


@pytest.fixture(scope="module")
def small_fit():
    data = train.examples()[::5]
    return data, train.fit(data)


def test_the_same_phrases_give_the_same_bytes(small_fit):
    data, fitted = small_fit
    meta = {"fingerprint": train.fingerprint(data)}
    assert train.archive(train.export(*fitted, meta)) == train.archive(train.export(*train.fit(data), meta))


@pytest.mark.parametrize(
    "text",
    [
        "Cierra el 24/2022: el IME mandó la nota verbal el 7 de febrero",
        "07/2023: please set it to in progress, work began",
        "pendientes de jurídico",
        "¿cuándo nos volvemos a reunir?",
        "14/2022",
        "",
    ],
)
def test_run_time_features_match_scikit_learn(small_fit, text):
    import numpy as np

    _, (vec, intents, langs) = small_fit
    mine = model.Model(model.read_arrays(train.archive(train.export(vec, intents, langs, {}))))
    masked = classifier_text(analyse(text, train.NOW))
    got = mine.predict(masked)
    expected = intents.predict_proba(vec.transform([masked]))[0]
    assert np.allclose([got.probs[label] for label in intents.classes_], expected)
    if got.lang is not None:
        assert got.lang == langs.predict(vec.transform([masked]))[0]
