"""Score a labelled phrase set: accuracy key by key, writes asked first, and writes made unasked and wrongly.

Run: .venv/bin/python bench/nlu_blind.py tests/bot/nlu/blind4.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests" / "support"), str(ROOT)]

from corpus import CATALOG, NOW, compare, load  # noqa: E402

from bot.nlu import parse  # noqa: E402

WRITES = ("log_update", "set_status", "set_due", "create")
cases = load(Path(sys.argv[1]))
wrong, unasked_wrong, asked = [], [], 0
for c in cases:
    diffs = compare(c)
    got = parse(c["text"], NOW, CATALOG).contract()
    exp = c["expect"]
    if diffs:
        wrong.append((c["text"], diffs))
    if got["intent"] in WRITES:
        if got["options"] or got["alternatives"]:
            asked += 1
        else:
            bad = got["intent"] != exp["intent"] or got["code"] != exp["code"]
            bad |= got["intent"] == "set_status" and got["status"] != exp["status"]
            bad |= got["intent"] == "set_due" and got["date"] != exp["date"]
            if bad:
                unasked_wrong.append((c["text"], {k: (got[k], exp[k]) for k in ("intent", "code", "status", "date")}))
n = len(cases)
print(f"accuracy {n - len(wrong)}/{n} = {(n - len(wrong)) / n:.1%}")
print(f"writes asked first {asked}; wrong writes unasked {len(unasked_wrong)}")
intent_ok = sum(1 for c in cases if parse(c["text"], NOW, CATALOG).intent == c["expect"]["intent"])
print(f"intent alone {intent_ok}/{n} = {intent_ok / n:.1%}")
for text, d in unasked_wrong:
    print("UNASKED WRONG:", text, d)
for text, d in wrong:
    print("MISS:", text, d)
