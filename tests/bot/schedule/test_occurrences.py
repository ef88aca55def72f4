"""Trigger logic as pure functions on fixed dates (no database, no clock)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.schedule.occurrences import (
    ZoneDataError,
    check_zone_data,
    digest_due,
    expired,
    is_working_day,
    nudge_due,
    reminder_due,
)
from bot.settings import Settings, WeeklySchedule, parse_duration, parse_schedule

MX = ZoneInfo("America/Mexico_City")
NY = ZoneInfo("America/New_York")
MONDAY_9 = WeeklySchedule(0, 9, 0)


def at(text: str, tz: ZoneInfo = MX) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=tz)


@pytest.mark.parametrize(
    "now,nominal,due",
    [
        ("2023-02-13T08:59", "2023-02-06", "2023-02-07T09:00"),  # before this week's slot: last week's (moved)
        ("2023-02-13T09:00", "2023-02-13", "2023-02-13T09:00"),
        ("2023-02-13T14:00", "2023-02-13", "2023-02-13T09:00"),
        ("2023-02-06T10:00", "2023-01-30", "2023-01-30T09:00"),  # Constitution Day: not yet due on the 6th
        ("2023-02-07T09:30", "2023-02-06", "2023-02-07T09:00"),  # …it goes out the next working day
        ("2023-03-21T09:30", "2023-03-20", "2023-03-21T09:00"),  # Benito Juárez's birthday
    ],
)
def test_weekly_digest_slot(now, nominal, due):
    got_nominal, got_due = digest_due(at(now), MONDAY_9, MX)
    assert got_nominal.isoformat() == nominal.split("T")[0]
    assert got_due == at(due)


def test_holidays_and_weekends():
    assert not is_working_day(date(2023, 2, 6))
    assert not is_working_day(date(2023, 9, 16))
    assert not is_working_day(date(2023, 2, 11))
    assert is_working_day(date(2023, 2, 13))


def test_mexico_stopped_daylight_saving_in_october_2022():
    before = digest_due(at("2022-10-24T10:00"), MONDAY_9, MX)[1]
    after = digest_due(at("2022-10-31T10:00"), MONDAY_9, MX)[1]
    assert before.astimezone(UTC).hour == 14  # CDT, UTC-5
    assert after.astimezone(UTC).hour == 15  # CST, UTC-6, and it stays so
    summer = digest_due(at("2023-07-03T10:00"), MONDAY_9, MX)[1]
    assert summer.astimezone(UTC).hour == 15
    check_zone_data(MX)


def test_us_style_dst_zone_keeps_local_nine():
    before = digest_due(at("2023-03-06T10:00", NY), MONDAY_9, NY)[1]
    after = digest_due(at("2023-03-13T10:00", NY), MONDAY_9, NY)[1]
    assert (before.astimezone(UTC).hour, after.astimezone(UTC).hour) == (14, 13)
    assert after.astimezone(NY).hour == 9


def test_reminder_across_dst_change_is_lead_before_in_real_time():
    session = at("2023-03-12T10:00", NY)  # the clocks went forward at 02:00 that morning
    due = reminder_due(session, timedelta(hours=24))
    assert session.astimezone(UTC) - due.astimezone(UTC) == timedelta(hours=24)
    assert due.astimezone(NY).hour == 9


def test_nudge_is_the_morning_after():
    assert nudge_due(date(2023, 2, 28), datetime(2000, 1, 1, 9).time(), MX) == at("2023-03-01T09:00")


def test_catch_up_window():
    due = at("2023-02-13T09:00")
    assert not expired(due, at("2023-02-13T14:00"), timedelta(hours=12))
    assert expired(due, at("2023-02-13T21:01"), timedelta(hours=12))


def test_stale_zone_data_fails_loudly(monkeypatch):
    import bot.schedule.occurrences as occ

    monkeypatch.setitem(occ.KNOWN_OFFSETS, "America/Mexico_City", (datetime(2023, 7, 1, 12), timedelta(hours=-5)))
    with pytest.raises(ZoneDataError):
        check_zone_data(MX)


def test_settings_parse_schedule_and_lead():
    assert parse_schedule("fri 17:30") == WeeklySchedule(4, 17, 30)
    assert parse_duration("90m") == timedelta(minutes=90)
    settings = Settings.from_env({"DIGEST_SCHEDULE": "tue 08:15", "REMINDER_LEAD": "2d"})
    assert settings.digest_schedule == WeeklySchedule(1, 8, 15) and settings.reminder_lead == timedelta(days=2)


def test_settings_name_every_bad_key():
    from bot.settings import SettingsError

    with pytest.raises(SettingsError) as err:
        Settings.from_env(
            {
                "DIGEST_SCHEDULE": "someday",
                "REMINDER_LEAD": "soon",
                "PORT": "x",
                "BOT_LANGUAGE": "fr",
                "BOT_WRITERS": "bob",
                "BOT_TIMEZONE": "Mars/Base",
            }
        )
    keys = {p.split(":")[0] for p in err.value.problems}
    assert keys == {"DIGEST_SCHEDULE", "REMINDER_LEAD", "PORT", "BOT_LANGUAGE", "BOT_WRITERS", "BOT_TIMEZONE"}


def test_apscheduler_clock_job_fires_every_thirty_seconds():
    from bot.scheduler import clock_trigger

    trigger = clock_trigger(Settings.from_env({}))
    start = at("2023-02-13T09:00")
    first = trigger.get_next_fire_time(None, start)
    second = trigger.get_next_fire_time(first, first)
    assert second - first == timedelta(seconds=30)
