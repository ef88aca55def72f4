"""The intent classifier at run time: a linear model over character and word n-grams, read from a small artifact.

Built by ``python -m bot.nlu.train`` with scikit-learn (TF-IDF + logistic regression); here only the arrays are
read, and the same features are computed in plain Python and NumPy, so neither scikit-learn's import nor its
per-call overhead lands on a message. ``tests/bot/nlu/test_model.py`` checks both give the same probabilities.
"""

from __future__ import annotations

import io
import json
import math
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

ARTIFACT = Path(__file__).with_name("model.npz")
CHAR_RANGE = (2, 4)
WORD_RANGE = (1, 2)
TOKEN_PATTERN = r"(?u)\b\w+\b"
_TOKEN = re.compile(TOKEN_PATTERN)
_SPACES = re.compile(r"\s\s+")
_WORDY = re.compile(r"\b(?!z(?:code|date|ref|user|url)\b)[a-zñ]{2,}")


def char_ngrams(text: str) -> list[str]:
    """Character n-grams inside word boundaries, padded with a space, as scikit-learn's ``char_wb``."""
    grams: list[str] = []
    low, high = CHAR_RANGE
    for word in _SPACES.sub(" ", text).split():
        padded = f" {word} "
        size = len(padded)
        for n in range(low, high + 1):
            if size <= n:  # a word shorter than n counts once, whole
                grams.append(padded)
                break
            grams += [padded[i : i + n] for i in range(size - n + 1)]
    return grams


def word_ngrams(text: str) -> list[str]:
    """Word unigrams and bigrams, as scikit-learn's ``word`` analyzer with :data:`TOKEN_PATTERN`."""
    tokens = _TOKEN.findall(text)
    grams = list(tokens)
    for n in range(max(2, WORD_RANGE[0]), WORD_RANGE[1] + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


@dataclass(frozen=True)
class Prediction:
    probs: dict[str, float]  # label → probability; labels are intents, and "set_status:<status>"
    lang: str | None  # es | en, None when the text has no words to tell

    @property
    def label(self) -> str:
        return max(self.probs, key=self.probs.__getitem__)

    @property
    def confidence(self) -> float:
        return self.probs[self.label]


class Model:
    """The arrays of the artifact, and the arithmetic of a prediction."""

    def __init__(self, arrays: dict[str, Any]):
        import numpy as np

        self._np = np
        self.char_index = {g: i for i, g in enumerate(arrays["char_vocab"].tolist())}
        offset = len(self.char_index)
        self.word_index = {g: offset + i for i, g in enumerate(arrays["word_vocab"].tolist())}
        self.idf = arrays["idf"].astype(np.float64)
        self.coef = arrays["coef"].astype(np.float64)  # features × labels
        self.intercept = arrays["intercept"].astype(np.float64)
        self.labels: list[str] = arrays["labels"].tolist()
        self.lang_coef = arrays["lang_coef"].astype(np.float64)
        self.lang_intercept = float(arrays["lang_intercept"])
        self.lang_labels: list[str] = arrays["lang_labels"].tolist()
        self.meta: dict[str, Any] = json.loads(str(arrays["meta"]))
        self.n_char = offset
        # One product gives the intents' scores and the language's margin (last column).
        self.weights = np.ascontiguousarray(np.column_stack([self.coef, self.lang_coef]))
        self.bias = np.append(self.intercept, self.lang_intercept)

    def features(self, text: str) -> tuple[Any, Any]:
        """The message's TF-IDF vector (sublinear tf, each vectorizer's part l2-normalised): columns, values."""
        np = self._np
        grams = [i for i in map(self.char_index.get, char_ngrams(text)) if i is not None]
        grams += [i for i in map(self.word_index.get, word_ngrams(text)) if i is not None]
        cols, counts = np.unique(np.array(grams, dtype=np.intp), return_counts=True)
        values = (1.0 + np.log(counts)) * self.idf[cols]
        split = int(np.searchsorted(cols, self.n_char))
        squares = values * values
        char_norm = math.sqrt(squares[:split].sum()) or 1.0
        word_norm = math.sqrt(squares[split:].sum()) or 1.0
        values[:split] /= char_norm
        values[split:] /= word_norm
        return cols, values

    def predict(self, text: str) -> Prediction:
        np = self._np
        cols, values = self.features(text)
        scores = values @ self.weights[cols] + self.bias
        top = scores[:-1]
        exp = np.exp(top - top.max())
        probs = (exp / exp.sum()).tolist()
        lang = None
        if _WORDY.search(text):
            lang = self.lang_labels[1] if scores[-1] > 0 else self.lang_labels[0]
        return Prediction(dict(zip(self.labels, probs, strict=True)), lang)


def read_arrays(data: bytes) -> dict[str, Any]:
    import numpy as np

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name.removesuffix(".npy"): np.lib.format.read_array(archive.open(name), allow_pickle=False)
            for name in archive.namelist()
        }


@lru_cache(maxsize=1)
def load() -> Model:
    """The committed model (read once per process)."""
    return Model(read_arrays(ARTIFACT.read_bytes()))


def warm_up() -> None:
    """Read the model before the first message needs it."""
    load()
