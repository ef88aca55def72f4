"""Build the intent classifier's artifact from the labelled phrases: ``python -m bot.nlu.train``.

Reads ``bot/nlu/training/*.jsonl`` (lines ``{"text", "lang", "intent", "status"}``) and the project's own
``tests/bot/nlu/corpus.jsonl``; never the evaluation sets (held-out, blind). Every text is masked first
(:func:`bot.nlu.text.classifier_text`), so the model sees ``zcode`` and ``zdate`` rather than numbers. Seeds are
fixed and the archive is written byte for byte the same from the same phrases; the artifact records a fingerprint
of what it was trained on, which a test compares with the phrases and the masking of today.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.nlu.decide import label_of
from bot.nlu.model import ARTIFACT, CHAR_RANGE, TOKEN_PATTERN, WORD_RANGE
from bot.nlu.text import analyse, classifier_text

TRAINING = Path(__file__).with_name("training")
SEED_CORPUS = Path(__file__).resolve().parents[2] / "tests" / "bot" / "nlu" / "corpus.jsonl"
NOW = datetime(2023, 2, 13, 10, 0, tzinfo=ZoneInfo("America/Mexico_City"))  # only dates' spans matter here
MIN_DF, C, LANG_C, SEED = 2, 10.0, 3.0, 0
PARAMS = {
    "char": list(CHAR_RANGE),
    "word": list(WORD_RANGE),
    "min_df": MIN_DF,
    "C": C,
    "lang_C": LANG_C,
    "lang_weights": "balanced",
    "seed": SEED,
}


@dataclass(frozen=True)
class Example:
    text: str  # as the classifier reads it
    label: str  # an intent, or "set_status:<status>"
    lang: str | None


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sources() -> list[Path]:
    """The files of labelled phrases, in a fixed order."""
    return [*sorted(TRAINING.glob("*.jsonl")), SEED_CORPUS]


def read(path: Path) -> list[Example]:
    """One file's phrases, masked."""
    found = []
    for row in _rows(path):
        label = row.get("expect", row)
        text = classifier_text(analyse(row["text"], NOW))
        found.append(Example(text, label_of(label["intent"], label.get("status")), row.get("lang")))
    return found


def examples() -> list[Example]:
    """Every labelled phrase, masked, in a fixed order."""
    return [example for path in sources() for example in read(path)]


def fingerprint(data: list[Example]) -> str:
    payload = json.dumps([PARAMS, [[e.text, e.label, e.lang] for e in data]], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def vectorizer() -> Any:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    common = {"lowercase": False, "sublinear_tf": True, "min_df": MIN_DF, "dtype": np.float64}
    return FeatureUnion(
        [
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_RANGE, **common)),
            ("word", TfidfVectorizer(analyzer="word", ngram_range=WORD_RANGE, token_pattern=TOKEN_PATTERN, **common)),
        ]
    )


def classifier(c: float, weights: str | None = None) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight=weights, max_iter=5000, random_state=SEED)


def fit(data: list[Example]) -> tuple[Any, Any, Any]:
    """The fitted vectorizer, intent classifier and language classifier."""
    vec = vectorizer()
    matrix = vec.fit_transform([e.text for e in data])
    intents = classifier(C).fit(matrix, [e.label for e in data])
    rows = [i for i, e in enumerate(data) if e.lang in ("es", "en")]
    langs = classifier(LANG_C, "balanced").fit(matrix[rows], [data[i].lang for i in rows])
    return vec, intents, langs


def export(vec: Any, intents: Any, langs: Any, meta: dict[str, Any]) -> dict[str, Any]:
    import numpy as np

    char, word = vec.transformer_list[0][1], vec.transformer_list[1][1]
    return {
        "char_vocab": np.array(char.get_feature_names_out().tolist()),
        "word_vocab": np.array(word.get_feature_names_out().tolist()),
        "idf": np.concatenate([char.idf_, word.idf_]).astype(np.float32),
        "coef": intents.coef_.T.astype(np.float32),
        "intercept": intents.intercept_.astype(np.float32),
        "labels": np.array(intents.classes_.tolist()),
        "lang_coef": langs.coef_[0].astype(np.float32),
        "lang_intercept": np.array(langs.intercept_[0], dtype=np.float32),
        "lang_labels": np.array(langs.classes_.tolist()),
        "meta": np.array(json.dumps(meta, sort_keys=True)),
    }


def archive(arrays: dict[str, Any]) -> bytes:
    """An ``.npz`` with fixed entry dates, so the same arrays give the same bytes."""
    import numpy as np

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(arrays[name]), allow_pickle=False)
            zf.writestr(
                zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)),
                buffer.getvalue(),
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()


def cross_validate(data: list[Example], folds: int = 5) -> float:
    """Accuracy of the intent label over stratified folds (seeded)."""
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline

    texts, labels = [e.text for e in data], [e.label for e in data]
    right = 0
    split = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for train, test in split.split(texts, labels):
        model = make_pipeline(vectorizer(), classifier(C))
        model.fit([texts[i] for i in train], [labels[i] for i in train])
        right += sum(p == labels[i] for p, i in zip(model.predict([texts[i] for i in test]), test, strict=True))
    return right / len(texts)


def build(path: Path = ARTIFACT) -> dict[str, Any]:
    import sklearn

    data = examples()
    meta = {"fingerprint": fingerprint(data), "examples": len(data), "params": PARAMS, "sklearn": sklearn.__version__}
    meta["cv_accuracy"] = round(cross_validate(data), 4)
    path.write_bytes(archive(export(*fit(data), meta)))
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.nlu.train", description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    meta = build()
    print(f"wrote {ARTIFACT} ({ARTIFACT.stat().st_size} bytes) from {meta['examples']} phrases")
    print(f"5-fold cross-validated intent accuracy: {meta['cv_accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
