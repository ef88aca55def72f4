"""Replies on Slack's bad days: every reply reaches Slack exactly once, late rather than never or twice.

Time is a parameter here: instead of waiting out a back-off, each test calls the outbox's pass with a
later ``now``, as the scheduler's job would.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from storage.models import ProcessedEvent


def owed(seeded) -> dict[str, str]:
    with seeded.read() as s:
        return dict(s.execute(sa.select(ProcessedEvent.key, ProcessedEvent.state)).all())


def test_a_rate_limited_reply_waits_for_retry_after_then_goes_once(slack, standin, seeded, now):
    standin.fail("chat.postMessage", 429, headers={"Retry-After": "30"})
    slack.mention("¿Cómo va el 08/2023?", event_id="EvRATE")
    assert standin.posts_by_key() == {} and owed(seeded) == {"event:EvRATE": "owed"}
    outbox = slack.service.outbox
    assert outbox.deliver_owed(now + timedelta(seconds=10)) == 0  # Retry-After is honoured
    assert outbox.deliver_owed(now + timedelta(seconds=31)) == 1
    assert outbox.deliver_owed(now + timedelta(minutes=5)) == 0
    assert standin.posts_by_key() == {"event:EvRATE": [0]} and owed(seeded) == {"event:EvRATE": "done"}
    assert standin.called("chat.postEphemeral") == []


def test_a_429_storm_delivers_every_reply_exactly_once_within_minutes(slack, standin, seeded, now):
    standin.fail("chat.postMessage", 429, headers={"Retry-After": "5"}, times=100)
    for n in range(40):
        slack.mention(f"¿Cómo va el {n % 9 + 1:02d}/2023?", event_id=f"EvS{n:02d}", ts=f"1700000100.{n:06d}")
    outbox = slack.service.outbox
    for second in range(0, 600, 5):  # the scheduler's pass every 5 s, for ten minutes
        outbox.deliver_owed(now + timedelta(seconds=second))
    posts = standin.posts_by_key()
    assert sorted(posts) == [f"event:EvS{n:02d}" for n in range(40)]
    assert all(parts == [0] for parts in posts.values())
    assert set(owed(seeded).values()) == {"done"} and standin.called("chat.postEphemeral") == []


def test_an_outage_loses_no_reply_and_owes_no_apology(slack, standin, seeded, now):
    standin.down = True
    for n in range(12):
        slack.mention("¿Cómo va el 08/2023?", event_id=f"EvDOWN{n}", ts=f"1700000200.{n:06d}")
    outbox = slack.service.outbox
    assert outbox.deliver_owed(now + timedelta(seconds=15)) == 0
    standin.down = False
    delivered = sum(outbox.deliver_owed(now + timedelta(seconds=s)) for s in range(20, 200, 5))
    assert delivered == 12 and all(parts == [0] for parts in standin.posts_by_key().values())
    assert standin.called("chat.postEphemeral") == []


def test_a_reply_slack_had_before_the_holder_died_is_not_posted_again(slack, standin, seeded, now):
    """kill -9 between Slack accepting the reply and the bot marking it: Slack's late retry finds it there."""
    slack.mention("¿Cómo va el 08/2023?", event_id="EvCRASH", ts="1700000000.000300")
    with seeded.write() as s:  # the database as the dead holder left it: leased, posted, never settled
        s.execute(
            sa.update(ProcessedEvent)
            .where(ProcessedEvent.key == "event:EvCRASH")
            .values(state="owed", lease_until=now - timedelta(minutes=1), replied_at=None)
        )
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert (
        slack.mention("¿Cómo va el 08/2023?", event_id="EvCRASH", ts="1700000000.000300", headers=retry).status == 200
    )
    assert standin.posts_by_key() == {"event:EvCRASH": [0]}
    assert standin.called("conversations.replies") and owed(seeded) == {"event:EvCRASH": "done"}


def test_a_post_that_timed_out_but_arrived_is_checked_not_repeated(slack_env, start_app, standin, seeded, now):
    from bot.app import make_client
    from bot.settings import Settings

    settings = Settings.from_env(slack_env)
    sim = start_app(settings, quick_client=make_client(settings, timeout=1, retries=0))
    standin.delay["chat.postMessage"] = 1.3  # Slack takes it, but answers after the client gave up
    sim.mention("¿Cómo va el 08/2023?", event_id="EvSLOW", ts="1700000000.000310")
    standin.delay.clear()
    assert sim.service.outbox.deliver_owed(now + timedelta(seconds=5)) == 1
    assert standin.posts_by_key() == {"event:EvSLOW": [0]} and standin.called("conversations.replies")


def test_a_reply_slack_refuses_is_given_up_and_apologised_for_once(slack, standin, seeded, now):
    standin.fail("chat.postMessage", 200, body={"ok": False, "error": "not_in_channel"}, times=10)
    slack.mention("¿Cómo va el 08/2023?", event_id="EvREFUSED")
    outbox = slack.service.outbox
    for minutes in (1, 5, 30, 120):
        outbox.deliver_owed(now + timedelta(minutes=minutes))
    (apology,) = standin.called("chat.postEphemeral")
    assert apology["user"] == "U1" and "Perdón" in apology["text"]
    assert len(standin.called("chat.postMessage")) == 1 and owed(seeded) == {"event:EvREFUSED": "lost"}


def test_after_minutes_of_outage_the_reply_is_given_up_and_the_apology_retried(slack, standin, seeded, now):
    standin.down = True
    slack.mention("¿Cómo va el 08/2023?", event_id="EvLONG")
    outbox = slack.service.outbox
    for minute in range(0, 20):
        outbox.deliver_owed(now + timedelta(minutes=minute))
    assert owed(seeded) == {"event:EvLONG": "apology"}  # the reply was given up; the apology is owed
    standin.down = False
    outbox.deliver_owed(now + timedelta(minutes=25))
    outbox.deliver_owed(now + timedelta(minutes=30))
    assert len(standin.called("chat.postEphemeral")) == 1 and standin.posts_by_key() == {}
    assert owed(seeded) == {"event:EvLONG": "lost"}


def test_a_slow_chat_post_does_not_hold_the_acknowledgement_and_goes_once(slack, standin, seeded, now):
    """Slack takes the reply but answers after the quick client gave up (1 s): the acknowledgement still
    leaves within 3 s, and the next pass finds the reply in the thread instead of posting it again."""
    standin.delay["chat.postMessage"] = 1.4
    response = slack.mention("¿Cómo va el 08/2023?", event_id="EvLATE", ts="1700000000.000320", drain=False)
    assert response.status == 200 and response.seconds < 3.0
    standin.delay.clear()
    assert owed(seeded) == {"event:EvLATE": "owed"}
    standin.wait_for("chat.postMessage")
    slack.service.outbox.deliver_owed(now + timedelta(seconds=5))
    assert standin.posts_by_key() == {"event:EvLATE": [0]} and owed(seeded) == {"event:EvLATE": "done"}


@pytest.mark.parametrize("writers", ["SGROUP", "SONE,STWO,STHREE,UCHIEF"])
def test_a_hung_web_api_does_not_hold_the_acknowledgement(slack_env, start_app, standin, seeded, writers):
    from bot.settings import Settings

    for method in ("auth.test", "users.info", "usergroups.users.list"):
        standin.delay[method] = 5.0
    sim = start_app(Settings.from_env({**slack_env, "BOT_WRITERS": writers}))
    for n in range(2):  # each a new user, whose language Slack is asked for
        response = sim.mention("¿Cómo va el 08/2023?", event_id=f"EvHUNG{n}", user=f"UNEW{n}", drain=False)
        assert response.status == 200 and response.seconds < 3.0
    assert set(owed(seeded).values()) <= {"owed", "done"} and len(owed(seeded)) == 2
