"""Real processes: four ticking at once, and one killed with SIGKILL mid-digest, then restarted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from paths import ROOT, SEED_CSV

from bot.transfer.importer import import_file
from storage import deliveries

CHANNELS = [f"CCH{n}" for n in range(1, 7)]


@pytest.fixture
def proc_env(env, standin, db, now):
    import_file(db=db, path=SEED_CSV, commission="COVE", now=now, tz=now.tzinfo)
    return {
        **os.environ,
        **env,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": standin.url,
        "DIGEST_CHANNELS": ",".join(CHANNELS),
        "PYTHONPATH": str(ROOT),
    }


def tick_process(env: dict, now: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "tick", "--now", now],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_four_processes_ticking_at_once_send_each_digest_once(proc_env, standin, db):
    standin.delay["chat.postMessage"] = 0.05
    procs = [tick_process(proc_env, "2023-02-13T09:00:30-06:00") for _ in range(4)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], outputs
    assert all("Traceback" not in err for _, err in outputs)
    assert standin.posts_by_key() == {f"digest:{c}:2023-02-13": [0] for c in CHANNELS}
    with db.read() as s:
        assert {d.state for d in deliveries.all_deliveries(session=s)} == {"sent"}


def test_kill_nine_mid_digest_then_restart_sends_each_once(proc_env, standin, db):
    standin.delay["chat.postMessage"] = 1.0
    first = tick_process(proc_env, "2023-02-13T09:00:30-06:00")
    deadline = time.monotonic() + 30
    while not standin.called("chat.postMessage") and time.monotonic() < deadline:
        time.sleep(0.01)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert len(standin.called("chat.postMessage")) == 1  # Slack got one post; the row was never marked
    standin.delay.clear()
    time.sleep(1.1)  # let the stand-in finish answering the dead process
    again = tick_process(proc_env, "2023-02-13T09:06:00-06:00")  # after the dead holder's lease ran out
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert standin.posts_by_key() == {f"digest:{c}:2023-02-13": [0] for c in CHANNELS}
    assert standin.called("conversations.history")  # it checked before re-sending
