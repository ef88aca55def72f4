"""The scheduler's jobs read the wall clock (the edge): freezegun fixes it; APScheduler's triggers are pure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from freezegun import freeze_time
from paths import TZ

from bot.scheduler import REPLIES_JOB_ID, clock_trigger, deliver_replies, prune, run_pass, start_scheduler
from bot.settings import Settings


def test_the_clock_job_fires_every_thirty_seconds_in_the_commission_zone():
    settings = Settings.from_env({})
    trigger = clock_trigger(settings)
    first = trigger.get_next_fire_time(None, datetime(2023, 2, 13, 9, 0, tzinfo=TZ))
    assert trigger.get_next_fire_time(first, first) - first == timedelta(seconds=30)


def test_the_scheduler_runs_digests_replies_and_clean_up(seeded, standin):
    from bot.app import build_app

    settings = Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": standin.url})
    _app, service = build_app(settings, seeded)
    scheduler = start_scheduler(seeded, settings, service.outbox.client, service.outbox)
    try:
        ids = {job.id for job in scheduler.get_jobs()}
        assert {"commission-bot-tick", "commission-bot-prune", REPLIES_JOB_ID} <= ids
        assert all(job.max_instances == 1 and job.coalesce for job in scheduler.get_jobs())
    finally:
        scheduler.shutdown(wait=False)


@freeze_time("2023-02-13 15:00:30")  # Monday 09:00:30 in Mexico City: the weekly digest is due
def test_a_pass_at_the_wall_clock_sends_the_digest_due(seeded, standin):
    from bot.app import make_client

    settings = Settings.from_env(
        {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": standin.url, "DIGEST_CHANNELS": "CDIG"}
    )
    run_pass(seeded, settings, make_client(settings))
    run_pass(seeded, settings, make_client(settings))
    assert standin.posts_by_key() == {"digest:CDIG:2023-02-13": [0]}


def test_the_replies_job_delivers_what_is_owed_at_the_wall_clock(slack_env_db, standin):
    """A reply left owed (Slack was down) goes out on the job's next pass once its retry is due."""
    from bot.app import build_app
    from bot.conversation import Actor
    from bot.model import Reply

    seeded, settings = slack_env_db
    _app, service = build_app(settings, seeded)
    with freeze_time("2023-02-13 16:00:00"):
        standin.down = True
        reply = service.conversation.reply_once(
            "event:EvJOB",
            "¿Cómo va el 08/2023?",
            Actor("U1"),
            datetime.now(UTC).astimezone(TZ),
            lambda outcome, lang: Reply("chat.postMessage", {"channel": "C1", "text": "ok"}, "U1", lang),
        )
        assert reply is not None
        service.outbox.first_attempt("event:EvJOB", reply, datetime.now(UTC))
        standin.down = False
    with freeze_time("2023-02-13 16:00:01"):
        deliver_replies(service.outbox, settings)
    assert standin.posts_by_key() == {}  # its retry is not due yet
    with freeze_time("2023-02-13 16:00:10"):
        deliver_replies(service.outbox, settings)
    assert standin.posts_by_key() == {"event:EvJOB": [0]}


def test_old_settled_events_are_pruned_and_owed_ones_kept(seeded):
    from storage.events import record_reply, take_event

    old = datetime(2023, 1, 1, tzinfo=UTC)
    with seeded.write() as s:
        for key in ("old", "new"):
            take_event(session=s, key=key, now=old if key == "old" else datetime(2023, 2, 13, tzinfo=UTC))
        record_reply(
            session=s, key="old-owed", method="chat.postMessage", arguments={}, user_id="U1", lang="es", now=old
        )
    with freeze_time("2023-02-13 16:00:00"):
        assert prune(seeded, Settings.from_env({})) == 1
