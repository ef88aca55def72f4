"""Leave one writer out: train the classifier on the other writers and the corpus, parse the writer's phrases.

The nearest thing to a fresh set at hand: each writer wrote without seeing the others. Scores the intent (and the
status a set_status sets), and counts the wrong writes the bot would make without asking (no options) and those
it would ask about. Takes a minute or two. Run: .venv/bin/python bench/nlu_writers.py [-v]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))

from corpus import CATALOG, NOW  # noqa: E402

from bot.nlu import model, parse, train  # noqa: E402
from bot.nlu.decide import WRITES, label_of  # noqa: E402


def fitted_without(held: Path) -> model.Model:
    data = [example for path in train.sources() if path != held for example in train.read(path)]
    return model.Model(model.read_arrays(train.archive(train.export(*train.fit(data), {}))))


def main(verbose: bool) -> None:
    total = right = unasked = asked = right_writes = right_asked = 0
    for held in sorted(train.TRAINING.glob("*.jsonl")):
        fitted = fitted_without(held)
        model.load = lambda fitted=fitted: fitted  # type: ignore[assignment]  # parse reads this writer-blind model
        rows = [json.loads(line) for line in held.read_text(encoding="utf-8").splitlines() if line.strip()]
        ok = wrong_unasked = wrong_asked = 0
        for row in rows:
            got = parse(row["text"], NOW, CATALOG)
            expected, label = label_of(row["intent"], row["status"]), label_of(got.intent, got.status)
            if label == expected:
                ok += 1
                right_writes += label in WRITES
                right_asked += bool(got.options)
            elif label in WRITES and got.options:
                wrong_asked += 1
            elif label in WRITES:
                wrong_unasked += 1
                if verbose:
                    print(f"  wrong write unasked: {row['text']!r} {expected} -> {label} ({got.confidence})")
        print(
            f"{held.stem}: {ok}/{len(rows)} = {ok / len(rows):.1%}, wrong writes unasked {wrong_unasked}, "
            f"asked {wrong_asked}"
        )
        total, right, unasked, asked = total + len(rows), right + ok, unasked + wrong_unasked, asked + wrong_asked
    print(f"all writers: {right}/{total} = {right / total:.1%}; wrong writes unasked {unasked}, asked {asked}")
    print(f"right writes that the bot confirms first: {right_asked}/{right_writes}")


if __name__ == "__main__":
    main("-v" in sys.argv)
