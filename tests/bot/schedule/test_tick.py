"""Scheduled deliveries end to end: a real WebClient against the loopback stand-in, fixed ``now``."""

from __future__ import annotations

from datetime import datetime

import pytest
from paths import TZ
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator

from bot import changes, directory, meetings, registry
from bot.app import make_client
from bot.schedule.tick import tick
from bot.settings import Settings
from storage import deliveries


@pytest.fixture
def settings(standin):
    return Settings.from_env(
        {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_API_URL": standin.url,
            "DIGEST_CHANNELS": "CDIG1,CDIG2",
            "REMINDER_CHANNELS": "CREM",
        }
    )


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def run(db, settings, now, **kw):
    client = make_client(settings, retry_interval=FixedValueRetryIntervalCalculator(0))
    return tick(db=db, settings=settings, client=client, now=now, lang="es", **kw)


def members(db):
    with db.write() as s:
        directory.save_member(session=s, user_id="UIME", areas=["IME"])
        directory.save_member(session=s, user_id="UDERFE", areas=["DERFE"])


def test_digest_goes_to_each_channel_once(seeded, settings, standin):
    report = run(seeded, settings, at("2023-02-13T09:00:30"))
    assert sorted(report.sent) == ["digest:CDIG1:2023-02-13", "digest:CDIG2:2023-02-13"]
    run(seeded, settings, at("2023-02-13T09:01:00"))
    assert standin.posts_by_key() == {"digest:CDIG1:2023-02-13": [0], "digest:CDIG2:2023-02-13": [0]}
    text = standin.called("chat.postMessage")[0]["text"]
    assert "Resumen semanal" in text and "13 de febrero de 2023" in text


def test_digest_content_groups_by_area_with_next_session(seeded, settings, standin):
    with seeded.write() as s:
        sc = registry.scope(session=s, commission="COVE", now=at("2023-02-13T08:00"))
        meetings.add_meeting(session=s, sc=sc, name="Segunda Sesión Ordinaria", at=at("2023-03-01T10:00"))
        later = registry.scope(session=s, commission="COVE", now=at("2023-02-21T12:00"))
        changes.set_status(session=s, sc=later, code="05/2023", status="done", author="t")
    run(seeded, settings, at("2023-02-27T09:00:30"))
    blocks = str(standin.called("chat.postMessage")[0]["blocks"])
    overdue = blocks.index("Vencidos")
    assert overdue < blocks.index("26/2022") < blocks.index("Vencen esta semana") < blocks.index("08/2023")
    assert "Atendidos desde el último resumen (1)" in blocks and "05/2023" in blocks
    assert "Segunda Sesión Ordinaria" in blocks and "*IME*" in blocks


def test_catch_up_sends_the_morning_digest_at_two_pm(seeded, settings, standin):
    report = run(seeded, settings, at("2023-02-13T14:00"))
    assert len(report.sent) == 2


def test_older_digest_is_expired_not_sent(seeded, settings, standin):
    report = run(seeded, settings, at("2023-02-14T10:00"))  # 25 h after Monday 09:00
    assert report.sent == [] and len(report.expired) == 2
    assert standin.called("chat.postMessage") == []
    with seeded.read() as s:
        assert {d.state for d in deliveries.all_deliveries(session=s)} == {"expired"}


def test_holiday_digest_goes_out_next_working_day(seeded, settings, standin):
    assert run(seeded, settings, at("2023-02-06T09:30")).sent == []
    report = run(seeded, settings, at("2023-02-07T09:00:10"))
    assert sorted(report.sent) == ["digest:CDIG1:2023-02-06", "digest:CDIG2:2023-02-06"]


def test_dry_run_sends_and_records_nothing(seeded, settings, standin):
    report = run(seeded, settings, at("2023-02-13T09:00:30"), dry_run=True)
    assert len(report.previews) == 2 and "Resumen semanal" in report.previews[0][1]
    assert standin.calls == []
    with seeded.read() as s:
        assert deliveries.all_deliveries(session=s) == []


def test_session_eve_reminder_to_channel_and_member_dms(seeded, settings, standin):
    members(seeded)
    with seeded.write() as s:
        sc = registry.scope(session=s, commission="COVE", now=at("2023-02-13T08:00"))
        meetings.add_meeting(session=s, sc=sc, name="Segunda Sesión Ordinaria", at=at("2023-02-14T10:00"))
    assert not [k for k in run(seeded, settings, at("2023-02-13T09:59")).sent if k.startswith("reminder")]
    report = run(seeded, settings, at("2023-02-13T10:00:20"))
    reminders = sorted(k.split(":")[0] + ":" + k.split(":")[1] for k in report.sent if k.startswith("reminder"))
    assert reminders == ["reminder:CREM", "reminder_dm:UDERFE", "reminder_dm:UIME"]
    by_channel = {c["channel"]: c for c in standin.called("chat.postMessage")}
    assert "Segunda Sesión Ordinaria" in by_channel["CREM"]["text"]
    assert "08/2023" in str(by_channel["UIME"]["blocks"]) and "01/2023" not in str(by_channel["UIME"]["blocks"])
    run(seeded, settings, at("2023-02-13T10:01"))
    assert len([k for k in standin.posts_by_key() if k.startswith("reminder")]) == 3


def test_reminder_whose_session_started_is_expired(seeded, settings, standin):
    with seeded.write() as s:
        sc = registry.scope(session=s, commission="COVE", now=at("2023-02-13T08:00"))
        meetings.add_meeting(session=s, sc=sc, name="Sesión", at=at("2023-02-13T12:00"))
    report = run(seeded, settings, at("2023-02-13T12:30"))
    assert "reminder:CREM:" in " ".join(report.expired)
    assert not [c for c in standin.called("chat.postMessage") if c["channel"] == "CREM"]


def test_overdue_nudge_the_morning_after_once(seeded, settings, standin):
    members(seeded)
    assert not [k for k in run(seeded, settings, at("2023-03-01T08:59")).sent if k.startswith("nudge")]
    report = run(seeded, settings, at("2023-03-01T09:05"))
    nudges = [k for k in report.sent if k.startswith("nudge")]
    assert nudges == ["nudge:UIME:08/2023@2023-02-28"]
    run(seeded, settings, at("2023-03-01T11:00"))
    assert [k for k in standin.posts_by_key() if k.startswith("nudge")] == nudges


def test_rate_limit_then_server_error_then_down(seeded, settings, standin):
    standin.fail("chat.postMessage", 429, headers={"Retry-After": "90"})
    report = run(seeded, settings, at("2023-02-13T09:00:30"))
    assert report.sent == ["digest:CDIG2:2023-02-13"] and report.retry == ["digest:CDIG1:2023-02-13"]
    assert run(seeded, settings, at("2023-02-13T09:01:30")).sent == []  # Retry-After is honoured
    assert run(seeded, settings, at("2023-02-13T09:02:00")).sent == ["digest:CDIG1:2023-02-13"]
    settings3 = Settings.from_env(
        {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": standin.url, "DIGEST_CHANNELS": "CDIG3"}
    )
    standin.fail("chat.postMessage", 500)
    report = run(seeded, settings3, at("2023-02-13T09:00:40"))
    assert report.retry == ["digest:CDIG3:2023-02-13"] and report.sent == []
    standin.down = True
    assert run(seeded, settings3, at("2023-02-13T09:02:00")).sent == []  # backoff: not yet retried
    report = run(seeded, settings3, at("2023-02-13T09:05:00"))
    assert report.retry == ["digest:CDIG3:2023-02-13"]
    standin.down = False
    report = run(seeded, settings3, at("2023-02-13T09:30:00"))
    assert report.sent == ["digest:CDIG3:2023-02-13"]
    assert standin.posts_by_key()["digest:CDIG3:2023-02-13"] == [0]


def test_long_digest_is_split_within_block_kit_limits(db, settings, standin, now):
    with db.write() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        for n in range(1, 61):
            directory.save_area(session=s, acronym=f"A{n:02d}", name=f"Área {n}")
        for n in range(1, 600):
            changes.create(
                session=s, sc=sc, text=f"Compromiso de prueba {n} " + "x" * 80, author="t", areas=[f"A{n % 60 + 1:02d}"]
            )
    report = run(db, settings, at("2023-02-13T09:00:30"))
    assert len(report.sent) == 2
    parts = standin.posts_by_key()["digest:CDIG1:2023-02-13"]
    assert parts == list(range(len(parts))) and len(parts) > 1
    for body in standin.called("chat.postMessage"):
        assert len(body["blocks"]) <= 50
        assert all(len((b.get("text") or {}).get("text", "")) <= 3000 for b in body["blocks"])


def test_tick_and_digest_commands(env, standin, seeded):
    from cli_runner import cli

    full = {**env, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": standin.url, "DIGEST_CHANNELS": "CDIG1"}
    dry = cli(full, "tick", "--now", "2023-02-13T09:00:30-06:00", "--dry-run")
    assert dry.code == 0 and "CDIG1" in dry.stdout and "Resumen semanal" in dry.stdout
    assert standin.calls == []
    done = cli(full, "tick", "--now", "2023-02-13T09:00:30-06:00")
    assert done.code == 0 and "1 enviado" in done.stdout
    assert "Nada que enviar" in cli(full, "tick", "--now", "2023-02-13T09:01:00-06:00", "--dry-run").stdout
    preview = cli(env, "digest", "--now", "2023-02-13T12:00:00-06:00", "--dry-run")
    assert preview.code == 0 and "Resumen semanal" in preview.stdout
    posted = cli(full, "digest", "--now", "2023-02-13T12:00:00-06:00")
    assert posted.code == 0 and len(standin.posts_by_key()) == 2
    no_token = cli(env, "tick", "--now", "2023-02-13T09:00:30-06:00")
    assert no_token.code == 2 and "SLACK_BOT_TOKEN" in no_token.stderr


def test_a_digest_retried_past_the_window_is_expired_not_sent_late(seeded, standin):
    settings1 = Settings.from_env(
        {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": standin.url, "DIGEST_CHANNELS": "CDIG9"}
    )
    standin.down = True
    assert run(seeded, settings1, at("2023-02-13T09:00:30")).retry == ["digest:CDIG9:2023-02-13"]
    standin.down = False
    report = run(seeded, settings1, at("2023-02-14T10:30"))
    assert "digest:CDIG9:2023-02-13" in report.expired and standin.posts_by_key() == {}


def test_weekend_schedule_is_kept_and_other_commissions_sessions_ignored(seeded, standin):
    settings_sat = Settings.from_env(
        {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_API_URL": standin.url,
            "DIGEST_CHANNELS": "CSAT",
            "DIGEST_SCHEDULE": "sat 09:00",
            "REMINDER_CHANNELS": "CREM",
        }
    )
    with seeded.write() as s:
        other = registry.scope(session=s, commission="CVME", now=at("2023-02-13T08:00"))
        meetings.add_meeting(session=s, sc=other, name="Sesión de otra comisión", at=at("2023-02-19T10:00"))
    report = run(seeded, settings_sat, at("2023-02-18T09:00:30"))
    assert report.sent == ["digest:CSAT:2023-02-18"]


def test_no_nudge_once_the_commitment_is_closed(seeded, settings, standin):
    members(seeded)
    standin.down = True  # the nudge is recorded, but cannot go out yet
    assert "nudge:UIME:08/2023@2023-02-28" in run(seeded, settings, at("2023-03-01T09:05")).retry
    standin.down = False
    with seeded.write() as s:
        sc = registry.scope(session=s, commission="COVE", now=at("2023-03-01T09:10"))
        changes.set_status(session=s, sc=sc, code="08/2023", status="done", author="t")
    report = run(seeded, settings, at("2023-03-01T10:30"))
    assert "nudge:UIME:08/2023@2023-02-28" in report.expired
    assert not [k for k in standin.posts_by_key() if k.startswith("nudge")]
