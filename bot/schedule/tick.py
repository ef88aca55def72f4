"""One scheduler pass: record what is due, claim it, send each part once, mark it sent.

Safe in several processes at once: a delivery row is claimed with a lease (``SKIP LOCKED`` on
PostgreSQL), each message carries the delivery key in its metadata, and a delivery whose earlier
holder may have died is reconciled against the channel's history before anything is re-sent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import registry
from bot.render.digest import as_text
from bot.schedule import plan
from bot.schedule.compose import Composer
from bot.schedule.occurrences import Occurrence, expired, previous_digest
from bot.settings import Settings
from storage import deliveries
from storage.db import Database
from storage.models import Delivery

logger = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 12
METADATA_EVENT = "commission_bot_delivery"


@dataclass
class TickReport:
    sent: list[str] = field(default_factory=list)
    expired: list[str] = field(default_factory=list)
    retry: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    previews: list[tuple[Occurrence, str]] = field(default_factory=list)


def tick(
    *, db: Database, settings: Settings, client: WebClient | None, now: datetime, lang: str, dry_run: bool = False
) -> TickReport:
    """Deliver every digest, reminder and nudge due at ``now`` and not yet delivered.

    Args:
        db: the registry.
        settings: schedules, channels, zone, catch-up window.
        client: the Slack Web API client (None only with ``dry_run``).
        now: the instant of this pass (aware).
        lang: the language of the messages.
        dry_run: print what would go out; write and send nothing.

    Returns:
        What was sent, expired, left for a retry, or failed.
    """
    report = TickReport()
    with db.read() as session:
        sc = registry.scope(session=session, commission=settings.default_commission, now=now)
        due = plan.occurrences(session=session, sc=sc, settings=settings)
        known = deliveries.known_keys(session=session, keys=[o.key for o in due])
    if dry_run:
        return _preview(db, settings, due, known, now, lang, report)
    _record(db, settings, due, known, now, report)
    return _drain(db, client, Composer(db, settings, now, lang), now, report)


def deliver_now(
    *,
    db: Database,
    settings: Settings,
    client: WebClient | None,
    now: datetime,
    lang: str,
    occurrences: list[Occurrence],
) -> TickReport:
    """Record the given occurrences (once) and deliver whatever is due now."""
    report = TickReport()
    with db.read() as session:
        known = deliveries.known_keys(session=session, keys=[o.key for o in occurrences])
    _record(db, settings, occurrences, known, now, report)
    return _drain(db, client, Composer(db, settings, now, lang), now, report, keys=[o.key for o in occurrences])


def _drain(
    db: Database,
    client: WebClient | None,
    composer: Composer,
    now: datetime,
    report: TickReport,
    keys: list[str] | None = None,
) -> TickReport:
    while True:
        with db.write() as session:
            batch = deliveries.claim(session=session, now=now, lease=LEASE, keys=keys)
        if not batch:
            return report
        for row, suspect in batch:
            _deliver(db, client, composer, row, suspect, now, report)
        if all(key in report.retry or key in report.failed for key in (row.key for row, _ in batch)):
            return report


def _record(
    db: Database, settings: Settings, due: list[Occurrence], known: set[str], now: datetime, report: TickReport
) -> None:
    with db.write() as session:
        for occ in due:
            if occ.key in known:
                continue
            state = "expired" if too_late(occ.kind, occ.due_at, now, settings) else "pending"
            if (
                deliveries.record(
                    session=session,
                    key=occ.key,
                    kind=occ.kind,
                    target=occ.target,
                    occurrence=occ.occurrence,
                    due_at=occ.due_at,
                    state=state,
                )
                and state == "expired"
            ):
                report.expired.append(occ.key)


def _preview(
    db: Database,
    settings: Settings,
    due: list[Occurrence],
    known: set[str],
    now: datetime,
    lang: str,
    report: TickReport,
) -> TickReport:
    composer = Composer(db, settings, now, lang)
    with db.read() as session:
        pending = {d.key for d in deliveries.all_deliveries(session=session) if d.state == "pending"}
    for occ in due:
        if (occ.key in known and occ.key not in pending) or too_late(occ.kind, occ.due_at, now, settings):
            continue
        report.previews.append((occ, as_text(composer.messages(occ.kind, occ.target, occ.occurrence))))
    return report


def too_late(kind: str, due_at: datetime, now: datetime, settings: Settings) -> bool:
    """Past the catch-up window, or a session-eve reminder whose session has begun: not to be sent."""
    started = kind.startswith("reminder") and now.astimezone(UTC) >= due_at.astimezone(UTC) + settings.reminder_lead
    return started or expired(due_at, now, settings.catchup_window)


def _deliver(
    db: Database,
    client: WebClient | None,
    composer: Composer,
    row: Delivery,
    suspect: bool,
    now: datetime,
    report: TickReport,
) -> None:
    assert row.id is not None and client is not None
    if too_late(row.kind, row.due_at, now, composer.settings) and not row.parts_sent:
        with db.write() as session:  # Slack was down past the window: do not send it late
            deliveries.finish(session=session, delivery_id=row.id, now=now, state="expired")
        report.expired.append(row.key)
        return
    messages = composer.messages(row.kind, row.target, row.occurrence)
    if not messages:
        with db.write() as session:
            deliveries.finish(session=session, delivery_id=row.id, now=now, state="expired")
        report.expired.append(row.key)
        return
    try:
        already = _already_posted(client, row) if suspect else {}
        first_ts = row.ts or already.get(0)
        for part, message in enumerate(messages):
            if part < row.parts_sent or part in already:
                continue
            response = client.chat_postMessage(
                channel=row.target,
                text=message["text"],
                blocks=message["blocks"],
                unfurl_links=False,
                metadata={"event_type": METADATA_EVENT, "event_payload": {"key": row.key, "part": part}},
            )
            ts = str(response.get("ts", ""))
            first_ts = first_ts or ts
            with db.write() as session:
                deliveries.part_sent(session=session, delivery_id=row.id, part=part, ts=ts)
        with db.write() as session:
            deliveries.finish(session=session, delivery_id=row.id, now=now, ts=first_ts)
        report.sent.append(row.key)
    except SlackApiError as exc:
        _failed(db, row, now, report, exc.response.status_code, exc.response.headers.get("Retry-After"), str(exc))
    except OSError as exc:  # connection refused, reset, timed out
        _failed(db, row, now, report, None, None, repr(exc))


def _failed(
    db: Database,
    row: Delivery,
    now: datetime,
    report: TickReport,
    status: int | None,
    retry_after: str | None,
    error: str,
) -> None:
    assert row.id is not None
    permanent = status is not None and 400 <= status < 500 and status != 429
    with db.write() as session:
        if permanent or row.attempts + 1 >= MAX_ATTEMPTS:
            deliveries.finish(session=session, delivery_id=row.id, now=now, state="failed")
            report.failed.append(row.key)
            logger.error("delivery %s failed for good: %s", row.key, error)
            return
        wait = int(retry_after) if retry_after and retry_after.isdigit() else min(60 * 2**row.attempts, 3600)
        deliveries.retry_later(session=session, delivery_id=row.id, at=now + timedelta(seconds=wait), error=error)
    report.retry.append(row.key)
    logger.warning("delivery %s will be retried in %ss: %s", row.key, wait, error)


def _already_posted(client: WebClient, row: Delivery) -> dict[int, str]:
    """Parts of this delivery that Slack already has (a holder died after posting, before marking)."""
    channel = row.target
    if channel.startswith(("U", "W")):
        opened: dict = client.conversations_open(users=channel).get("channel") or {}
        channel = str(opened.get("id", channel))
    oldest = str((row.due_at - timedelta(days=1)).timestamp())
    found: dict[int, str] = {}
    cursor = None
    for _ in range(10):
        page = client.conversations_history(
            channel=channel, oldest=oldest, include_all_metadata=True, limit=200, cursor=cursor
        )
        messages: list[dict] = page.get("messages") or []
        for message in messages:
            meta = message.get("metadata") or {}
            payload = meta.get("event_payload") or {}
            if meta.get("event_type") == METADATA_EVENT and payload.get("key") == row.key:
                found[int(payload.get("part", 0))] = message.get("ts", "")
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            break
    return found


__all__ = ["TickReport", "previous_digest", "tick"]
