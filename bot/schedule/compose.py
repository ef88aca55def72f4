"""What each scheduled message says, from one snapshot of the registry per pass."""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property

from bot import meetings, registry
from bot.model import MeetingView
from bot.render import digest as render
from bot.schedule.occurrences import previous_digest
from bot.schedule.snapshot import Snapshot, take
from bot.settings import Settings
from storage import meetings as meetings_db
from storage.db import Database


class Composer:
    """Builds the messages of an occurrence; reads the registry once, however many it composes."""

    def __init__(self, db: Database, settings: Settings, now: datetime, lang: str):
        self.db, self.settings, self.now, self.lang = db, settings, now, lang

    @cached_property
    def snapshot(self) -> Snapshot:
        from bot.schedule.occurrences import digest_due

        nominal, _ = digest_due(self.now, self.settings.digest_schedule, self.settings.timezone)
        since = previous_digest(nominal, self.settings.digest_schedule, self.settings.timezone)
        with self.db.read() as session:
            sc = registry.scope(session=session, commission=self.settings.default_commission, now=self.now)
            return take(session=session, sc=sc, closed_since=since)

    def messages(self, kind: str, target: str, occurrence: str) -> list[dict]:
        tz, lang, snap = self.settings.timezone, self.lang, self.snapshot
        if kind == "digest":
            view = render.DigestView(
                today=self.now.astimezone(tz).date(),
                items=snap.open_items,
                closed=snap.closed_since,
                meeting=snap.meeting,
            )
            return render.digest_messages(view, tz, lang)
        if kind == "area_digest":
            area = occurrence.split("/", 1)[1]
            view = render.DigestView(
                today=self.now.astimezone(tz).date(),
                items=snap.for_area(area),
                closed=snap.closed_for_area(area),
                meeting=snap.meeting,
                area=area,
            )
            return render.digest_messages(view, tz, lang)
        if kind in ("reminder", "reminder_dm"):
            meeting = self._meeting(int(occurrence.split("@", 1)[0]))
            if kind == "reminder":
                return render.reminder_messages(meeting, snap.open_items, tz, lang)
            return render.reminder_dm(meeting, snap.for_user(target), tz, lang)
        if kind == "nudge":
            code, deadline = occurrence.split("@", 1)
            item = next((i for i in snap.open_items if i.code == code), None)
            due = date.fromisoformat(deadline)
            if item is None or item.due is None or item.due.date != due:
                return []  # closed or given a new deadline since: nothing to nudge about
            return render.nudge_message(item, due, tz, lang)
        raise ValueError(f"unknown delivery kind {kind!r}")

    def _meeting(self, meeting_id: int) -> MeetingView:
        with self.db.read() as session:
            found = meetings_db.meetings_by_ids(session=session, ids=[meeting_id])
        return meetings.view(found[meeting_id])
