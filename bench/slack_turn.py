"""Event-to-reply latency over Slack's wire protocol, next to a bare Bolt app that only echoes.

Signed ``app_mention`` events go to each app's real HTTP adapter at a fixed rate (open loop); the reply
is timed when the loopback stand-in Web API receives its ``chat.postMessage``. Each app runs in a process
of its own, as it would in production (in one process the apps would queue for one interpreter lock, and
the heavier one would be measured waiting for the lighter); the driver and the stand-ins run in this one.
The registry holds 10,000 commitments.
Run: .venv/bin/python bench/slack_turn.py [--pg URL] [--rate 20] [--seconds 60]
"""

from __future__ import annotations

import argparse
import multiprocessing
import queue
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / "tests" / "support")]

from seed import fill, fresh  # noqa: E402
from slacksim import SECRET, SlackClientSim  # noqa: E402
from standin import SlackStandIn  # noqa: E402

from bot.slack.server import serve  # noqa: E402


def echo_app(api_url: str):
    from slack_bolt import App
    from slack_sdk import WebClient

    app = App(
        client=WebClient(token="xoxb-test", base_url=api_url),
        signing_secret=SECRET,
        token_verification_enabled=False,
    )

    @app.event("app_mention")
    def echo(event, say):
        say(text=event["text"], thread_ts=event["ts"])

    return app


def our_app(api_url: str, url: str):
    """commission-bot on a registry of 10,000 commitments at ``url``: its app and its service."""
    from bot.app import build_app
    from bot.clock import now
    from bot.nlu import warm_up
    from bot.settings import Settings

    db = fresh(url)
    fill(db, 10_000, 50, date(2023, 2, 13))
    settings = Settings.from_env(
        {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": api_url,
            "DATABASE_URL": url,
        }
    )
    warm_up(now(settings.timezone))
    return build_app(settings, db)  # as ``commission-bot run`` does (after the language warm-up)


def message(i: int) -> str:
    code = f"{i % 600 + 1:02d}/{2020 + i % 5}"
    if i % 5 == 0:
        return f"Avance en {code}: se envió el oficio número {i} al área responsable"
    return f"¿Cómo va el {code}?"


def serve_app(kind: str, api_url: str, db_url: str, ports: multiprocessing.Queue) -> None:
    """In a child process: build one app, serve it on a free loopback port, say which, serve until killed."""
    app = echo_app(api_url) if kind == "echo" else our_app(api_url, db_url)[0]
    ready = threading.Event()
    server = serve(app, "127.0.0.1", 0, ready, SECRET)
    ready.set()
    ports.put(server.effective_port)
    server.run()


class Target:
    """One app in its own process, behind its own HTTP server, replying to its own stand-in (in this process)."""

    def __init__(self, label: str, kind: str, db_url: str = ""):
        self.label, self.standin = label, SlackStandIn(lean=True)
        spawn = multiprocessing.get_context("spawn")
        ports = spawn.Queue()
        self.process = spawn.Process(target=serve_app, args=(kind, self.standin.url, db_url, ports), daemon=True)
        self.process.start()
        self.sim = SlackClientSim(f"http://127.0.0.1:{self._port(ports)}", None, lambda: None)
        urllib.request.urlopen(self.sim.url + "/healthz").read()
        self.sent: dict[str, float] = {}

    def _port(self, ports: multiprocessing.Queue) -> int:
        while True:
            try:
                return ports.get(timeout=1)
            except queue.Empty:
                if not self.process.is_alive():
                    raise SystemExit(f"{self.label}: the app's process died (see above)") from None

    def close(self) -> None:
        self.process.terminate()
        self.process.join(10)
        self.standin.close()

    def replies(self) -> dict[str, float]:
        calls = list(self.standin.calls)
        return {c["body"].get("thread_ts"): c["at"] for c in calls if c["method"] == "chat.postMessage"}

    def result(self, start: float) -> dict:
        replies = self.replies()
        latencies = sorted((replies[ts] - t0) * 1000 for ts, t0 in self.sent.items() if ts in replies)
        elapsed = max(replies.values()) - start if replies else float("nan")
        return {
            "events": len(self.sent),
            "replied": len(latencies),
            "p50": statistics.median(latencies),
            "p99": latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
            "rate": len(latencies) / elapsed,
        }


def drive(targets: list[Target], rate: float, seconds: float) -> list[dict]:
    """Each target gets ``rate`` events a second; within each period the targets take turns, evenly spaced,
    so that every app lives through the same stretch of machine noise."""
    total = int(rate * seconds)
    step = 1 / rate / len(targets)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=32) as pool:
        for i in range(total):
            for k, target in enumerate(targets):
                time.sleep(max(0.0, start + i / rate + k * step - time.perf_counter()))
                ts = f"{1800000000 + i}.000100"
                target.sent[ts] = time.perf_counter()
                pool.submit(target.sim.mention, message(i), ts=ts, event_id=f"EvBench{i}-{k}")
        deadline = time.perf_counter() + 30
        while time.perf_counter() < deadline and any(len(t.replies()) < total for t in targets):
            time.sleep(0.05)
    return [t.result(start) for t in targets]


def report(label: str, r: dict, base: dict | None = None) -> None:
    ratio = f"   p99 ratio {r['p99'] / base['p99']:.2f}x   p50 ratio {r['p50'] / base['p50']:.2f}x" if base else ""
    print(
        f"{label:32s} {r['replied']}/{r['events']} replied   p50 {r['p50']:7.1f} ms   p99 {r['p99']:7.1f} ms   "
        f"{r['rate']:5.1f} replies/s{ratio}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", help="also run on this PostgreSQL URL (its public schema is dropped)")
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    print(f"{args.rate:.0f} events/s to each app for {args.seconds:.0f} s, the apps (a process each) taking turns;")
    print("registry of 10,000 commitments in 50 areas; one message in five logs an update")
    targets = [Target("bare Bolt echo app", "echo")]
    targets.append(Target("commission-bot, SQLite", "ours", f"sqlite:///{tempfile.mkdtemp()}/bench.db"))
    if args.pg:
        targets.append(Target("commission-bot, PostgreSQL", "ours", args.pg))
    try:
        results = drive(targets, args.rate, args.seconds)
    finally:
        for target in targets:
            target.close()
    base = results[0]
    for target, result in zip(targets, results, strict=True):
        report(target.label, result, base if result is not base else None)


if __name__ == "__main__":
    main()
