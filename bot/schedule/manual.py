"""A digest on demand (``commission-bot digest``), delivered through the same exactly-once path."""

from __future__ import annotations

from datetime import datetime

from slack_sdk import WebClient

from bot.render.digest import as_text
from bot.schedule.compose import Composer
from bot.schedule.occurrences import Occurrence
from bot.schedule.tick import TickReport, deliver_now
from bot.settings import Settings
from storage import areas as areas_db
from storage.db import Database


def digest_occurrences(db: Database, settings: Settings, now: datetime) -> list[Occurrence]:
    stamp = f"manual-{now.isoformat()}"
    found = [Occurrence("digest", channel, stamp, now) for channel in settings.digest_channels]
    with db.read() as session:
        for area in areas_db.list_areas(session=session):
            if area.channel_id:
                found.append(Occurrence("area_digest", area.channel_id, f"{stamp}/{area.acronym}", now))
    return found


def post_digest_now(
    *, db: Database, settings: Settings, client: WebClient | None, now: datetime, lang: str, dry_run: bool
) -> tuple[list[tuple[Occurrence, str]], TickReport]:
    """The digest as of ``now``: previews (a dry run; with no channel, the commission-wide digest) or what was sent.

    Raises:
        LookupError: not a dry run, and no channel to send it to.
    """
    occurrences = digest_occurrences(db, settings, now)
    if not occurrences and not dry_run:
        raise LookupError("no digest channel")
    if dry_run:
        composer = Composer(db, settings, now, lang)
        if not occurrences:
            occurrences = [Occurrence("digest", "-", f"manual-{now.isoformat()}", now)]
        return [(o, as_text(composer.messages(o.kind, o.target, o.occurrence))) for o in occurrences], TickReport()
    return [], deliver_now(db=db, settings=settings, client=client, now=now, lang=lang, occurrences=occurrences)
