"""Language understanding: accuracy, per-message cost, start-up, against bare dateparser in the same run.

Run: .venv/bin/python bench/nlu.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))

from corpus import CATALOG, CORPUS, HELDOUT, NOW, compare, load  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def accuracy(path: Path) -> tuple[int, int]:
    cases = load(path)
    return sum(1 for c in cases if not compare(c)), len(cases)


def per_message(fn, texts: list[str], rounds: int = 3) -> list[float]:
    costs = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            fn(text)
            costs.append((time.perf_counter() - start) * 1000)
    return costs


def first_message_ms() -> tuple[float, float, float]:
    """In a fresh interpreter: import + start-up warm-up (the classifier and dateparser), then the first message,
    then one that needs dateparser."""
    code = (
        "import time;t0=time.perf_counter();"
        "from datetime import datetime;from zoneinfo import ZoneInfo;"
        "from bot.nlu import parse, AreaCatalog, AreaInfo;from storage.catalog import DEFAULT_AREAS;"
        "cat=AreaCatalog(AreaInfo(a,n,al) for a,n,al in DEFAULT_AREAS);"
        "now=datetime(2023,2,13,10,tzinfo=ZoneInfo('America/Mexico_City'));"
        "from bot.nlu import warm_up;warm_up(now);"
        "t1=time.perf_counter();parse('¿Cómo va el 14/2022?',now,cat);t2=time.perf_counter();"
        "parse('el 05/2023 vence el 3-abr-2023',now,cat);t3=time.perf_counter();"
        "print((t1-t0)*1000,(t2-t1)*1000,(t3-t2)*1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    startup, first, fallback = (float(x) for x in out.stdout.split())
    return startup, first, fallback


def help_ms(runs: int = 5) -> float:
    exe = Path(sys.executable).with_name("commission-bot")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(exe), "--help"], capture_output=True, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    from bot.nlu import parse

    sets = (
        ("corpus", CORPUS),
        ("held-out", HELDOUT),
        ("blind2", CORPUS.with_name("blind2.jsonl")),
        ("blind3", CORPUS.with_name("blind3.jsonl")),
        ("blind4", CORPUS.with_name("blind4.jsonl")),
        ("blind5", CORPUS.with_name("blind5.jsonl")),
    )
    for label, path in sets:
        if path.exists():
            ok, total = accuracy(path)
            print(f"accuracy {label:9s} {ok}/{total} = {ok / total:.1%}")
    texts = [c["text"] for c in load(CORPUS)]
    import dateparser.search

    settings = {"RELATIVE_BASE": NOW.replace(tzinfo=None), "TIMEZONE": "America/Mexico_City", "DATE_ORDER": "DMY"}
    dateparser.search.search_dates("hoy", languages=["es", "en"], settings=settings)  # load its data first
    ours = per_message(lambda text: parse(text, NOW, CATALOG), texts)
    bare = per_message(
        lambda text: dateparser.search.search_dates(text, languages=["es", "en"], settings=settings), texts, rounds=1
    )
    print(f"messages {len(texts)} (x3 for parse, x1 for dateparser)")
    print(f"parse              median {statistics.median(ours):7.3f} ms   p99 {percentile(ours, 0.99):7.3f} ms")
    print(f"dateparser search  median {statistics.median(bare):7.3f} ms   p99 {percentile(bare, 0.99):7.3f} ms")
    ratio = statistics.median(ours) / statistics.median(bare)
    print(
        f"ratio parse/dateparser  median {ratio:.3f}x   mean {statistics.mean(ours) / statistics.mean(bare):.3f}x"
        f"   (target <= 0.2x: {verdict(ratio <= 0.2)})"
    )
    startup, first, fallback = first_message_ms()
    print(
        f"fresh process: import + warm-up {startup:.1f} ms, first message {first:.1f} ms "
        f"(target < 50 ms: {verdict(first < 50)}), first message that needs dateparser {fallback:.1f} ms"
    )
    shown = help_ms()
    print(f"commission-bot --help  median {shown:.1f} ms (target < 300 ms: {verdict(shown < 300)})")
    from bot.nlu.model import load as load_model

    meta = load_model().meta
    print(
        f"classifier: {meta['examples']} training phrases, 5-fold cross-validated intent accuracy "
        f"{meta.get('cv_accuracy', float('nan')):.1%} (measured when built), artifact "
        f"{(ROOT / 'bot' / 'nlu' / 'model.npz').stat().st_size // 1024} KiB"
    )


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


if __name__ == "__main__":
    main()
