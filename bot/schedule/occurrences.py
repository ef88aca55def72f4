"""When things are due: pure functions of ``now`` (aware) and the settings. No database, no Slack."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.settings import WeeklySchedule

KNOWN_OFFSETS = {  # zones whose rules changed recently, with an offset the zone data must know
    "America/Mexico_City": (datetime(2023, 7, 1, 12), timedelta(hours=-6)),  # no DST since Oct 2022
    "America/Monterrey": (datetime(2023, 7, 1, 12), timedelta(hours=-6)),
}


class ZoneDataError(RuntimeError):
    pass


def check_zone_data(tz: ZoneInfo) -> None:
    """Fail loudly when the installed zone data predates Mexico's 2022 end of daylight saving time."""
    known = KNOWN_OFFSETS.get(tz.key)
    if known is None:
        return
    moment, offset = known
    if moment.replace(tzinfo=tz).utcoffset() != offset:
        raise ZoneDataError(
            f"the zone data for {tz.key} is out of date (expected UTC{offset} in July 2023); "
            "install a current 'tzdata' package"
        )


@dataclass(frozen=True)
class Occurrence:
    kind: str  # digest | area_digest | reminder | reminder_dm | nudge
    target: str  # channel or user ID
    occurrence: str  # what makes it unique in time (a date, a meeting, a deadline)
    due_at: datetime
    subject: str = ""  # area acronym, meeting id, commitment code…

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.target}:{self.occurrence}"


@lru_cache(maxsize=16)
def _mexican_holidays(year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.country_holidays("MX", years=year))


def is_holiday(day: date) -> bool:
    return day in _mexican_holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_holiday(day)


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def _at(day: date, clock: time, tz: tzinfo) -> datetime:
    return datetime.combine(day, clock).replace(tzinfo=tz)


def digest_due(now: datetime, schedule: WeeklySchedule, tz: ZoneInfo) -> tuple[date, datetime]:
    """The latest weekly digest slot at or before ``now``: (its nominal date, when it is due).

    A slot on a public holiday (or weekend) moves to the next working day at the same time.
    """
    local = now.astimezone(tz)
    clock = time(schedule.hour, schedule.minute)
    for weeks_back in range(0, 3):
        nominal = local.date() - timedelta(days=(local.weekday() - schedule.weekday) % 7 + 7 * weeks_back)
        due = _at(next_working_day(nominal) if is_holiday(nominal) else nominal, clock, tz)
        if due <= local:
            return nominal, due
    raise AssertionError("unreachable: a slot three weeks back is always in the past")


def previous_digest(nominal: date, schedule: WeeklySchedule, tz: ZoneInfo) -> datetime:
    """When the digest before the one of ``nominal`` went out (for "closed since the last digest")."""
    before = nominal - timedelta(days=7)
    day = next_working_day(before) if is_holiday(before) else before
    return _at(day, time(schedule.hour, schedule.minute), tz)


def reminder_due(meeting_at: datetime, lead: timedelta) -> datetime:
    """``lead`` before the session in real time (aware arithmetic in one zone would be wall-clock time)."""
    return (meeting_at.astimezone(UTC) - lead).astimezone(meeting_at.tzinfo)


def nudge_due(deadline: date, clock: time, tz: ZoneInfo) -> datetime:
    """The morning after a deadline passes."""
    return _at(deadline + timedelta(days=1), clock, tz)


def expired(due_at: datetime, now: datetime, window: timedelta) -> bool:
    """Too late to send: more than the catch-up window has passed since it was due."""
    return now.astimezone(UTC) - due_at.astimezone(UTC) > window
