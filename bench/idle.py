"""What an idle gap does to a turn's cost: the same work back to back, and each time after the process slept.

``bench/slack_turn.py`` sends each app an event every 50 ms, so every turn starts in a process that was idle.
This measures, in one process, the acknowledgement's unit of work of a mention (language understanding, the
transaction that holds the event's record, effects and reply, the reply rendered: ``Conversation.reply_once``)
next to the baseline, a bare Bolt app's dispatch of a signed ``app_mention`` to a listener that only
acknowledges; each back to back, then with ``--gap`` ms of sleep before each. No post is made.
Run: .venv/bin/python bench/idle.py [--pg URL] [--gap 20] [--turns 600]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / "tests" / "support")]

from slack_turn import message, our_app  # noqa: E402
from slacksim import SECRET, SlackClientSim  # noqa: E402
from standin import SlackStandIn  # noqa: E402

from bot.conversation import Actor  # noqa: E402
from bot.model import Outcome, Reply  # noqa: E402


def bare_app() -> Callable[[int], None]:
    """The baseline's turn: Bolt verifies, parses and routes a signed mention to a listener that acknowledges."""
    from slack_bolt import App
    from slack_bolt.request import BoltRequest
    from slack_sdk import WebClient

    client = WebClient(token="xoxb-test", base_url=SlackStandIn(lean=True).url)  # Bolt's auth.test, once
    app = App(client=client, signing_secret=SECRET, token_verification_enabled=False)
    app.event("app_mention")(lambda ack: ack())
    sim = SlackClientSim("", None, lambda: None)  # only to sign

    def turn(i: int) -> None:
        ts = f"{1800000000 + i}.000100"
        event = {"type": "app_mention", "user": "U1", "channel": "C1", "ts": ts, "text": "<@UBOT> " + message(i)}
        body = json.dumps({"type": "event_callback", "team_id": "T1", "event_id": f"EvIdle{i}", "event": event})
        headers = {"content-type": ["application/json"]} | {k.lower(): [v] for k, v in sim.sign(body).items()}
        app.dispatch(BoltRequest(body=body, headers=headers))

    return turn


def our_turn(url: str) -> Callable[[int], None]:
    """Ours: what a mention does before its reply is posted."""
    _app, service = our_app(SlackStandIn(lean=True).url, url)
    actor = Actor(user_id="U1", source="slack:C1/bench")

    def render(outcome: Outcome, lang: str) -> Reply:
        return Reply("chat.postMessage", {"channel": "C1", **service.render(outcome, lang)}, "U1", lang)

    def turn(i: int) -> None:
        service.conversation.reply_once(f"event:EvIdle{i}", message(i), actor, service.clock(), render)

    return turn


def timed(turn: Callable[[int], None], first: int, count: int, gap: float) -> list[float]:
    times = []
    for i in range(first, first + count):
        if gap:
            time.sleep(gap)
        started = time.perf_counter()
        turn(i)
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", help="also run on this PostgreSQL URL (its public schema is dropped)")
    parser.add_argument("--gap", type=float, default=20.0, help="ms of sleep before each turn, the second time")
    parser.add_argument("--turns", type=int, default=600)
    args = parser.parse_args()
    targets = [("bare Bolt app, ack only (baseline)", bare_app())]
    targets.append(("commission-bot, SQLite", our_turn(f"sqlite:///{tempfile.mkdtemp()}/idle.db")))
    if args.pg:
        targets.append(("commission-bot, PostgreSQL", our_turn(args.pg)))
    print(f"median (p99) per turn: {args.turns} back to back ('busy'), {args.turns} after {args.gap:.0f} ms idle each")
    base: tuple[float, float] | None = None
    for n, (label, turn) in enumerate(targets):
        timed(turn, n * 10**6, 100, 0)  # warm
        busy = timed(turn, n * 10**6 + 100, args.turns, 0)
        idle = timed(turn, n * 10**6 + 100 + args.turns, args.turns, args.gap / 1000)
        medians = statistics.median(busy), statistics.median(idle)
        base = base or medians
        line = f"{label:36s} busy {_figure(busy)}   idle {_figure(idle)}   idle/busy {medians[1] / medians[0]:.1f}x"
        if medians is not base:
            line += f"   ratio to baseline {medians[0] / base[0]:.1f}x busy, {medians[1] / base[1]:.1f}x idle"
        print(line)


def _figure(times: list[float]) -> str:
    return f"{statistics.median(times):6.2f} ms ({times[int(0.99 * len(times))]:5.2f})"


if __name__ == "__main__":
    main()
