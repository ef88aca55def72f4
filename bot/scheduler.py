"""APScheduler is only the clock: its jobs run the scheduler pass, owed replies and clean-up."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from slack_sdk import WebClient

from bot.clock import now as wall_clock
from bot.schedule.occurrences import check_zone_data
from bot.settings import Settings
from bot.slack.outbox import Outbox
from storage.db import Database

logger = logging.getLogger(__name__)
TICK_SECONDS = 30
JOB_ID = "commission-bot-tick"


def clock_trigger(settings: Settings) -> IntervalTrigger:
    return IntervalTrigger(seconds=TICK_SECONDS, timezone=settings.timezone)


def run_pass(db: Database, settings: Settings, client: WebClient) -> None:
    """One pass at the wall clock: the scheduled deliveries due."""
    from bot.schedule.tick import tick

    now = wall_clock(settings.timezone)
    report = tick(db=db, settings=settings, client=client, now=now, lang=settings.language)
    if report.sent or report.retry or report.failed:
        logger.info("tick: %s sent, %s retry, %s failed", len(report.sent), len(report.retry), len(report.failed))


REPLIES_JOB_ID = "commission-bot-replies"
REPLY_SECONDS = 5  # how often owed replies are looked for (each has its own next attempt)


def deliver_replies(outbox: Outbox, settings: Settings) -> None:
    """Replies owed whose next attempt is due: after a failed post, a crash, or a restart."""
    outbox.deliver_owed(wall_clock(settings.timezone))


PRUNE_JOB_ID = "commission-bot-prune"
KEEP_EVENTS = timedelta(days=30)


def prune(db: Database, settings: Settings) -> int:
    """Forget inbound events older than a month (Slack retries within minutes)."""
    from storage.events import forget_events_before

    with db.write() as session:
        return forget_events_before(session=session, cutoff=wall_clock(settings.timezone) - KEEP_EVENTS)


def start_scheduler(
    db: Database, settings: Settings, client: WebClient, outbox: Outbox | None = None
) -> BackgroundScheduler:
    """Start the jobs: explicit ids, coalesced, one instance at a time, a misfire grace fit for each."""
    check_zone_data(settings.timezone)
    scheduler = BackgroundScheduler(timezone=settings.timezone)
    jobs: list[tuple[Callable[..., object], IntervalTrigger, tuple, str, int]] = [
        (run_pass, clock_trigger(settings), (db, settings, client), JOB_ID, 300),
        (prune, IntervalTrigger(hours=1, timezone=settings.timezone), (db, settings), PRUNE_JOB_ID, 3600),
    ]
    if outbox is not None:
        every = IntervalTrigger(seconds=REPLY_SECONDS, timezone=settings.timezone)
        jobs.append((deliver_replies, every, (outbox, settings), REPLIES_JOB_ID, 60))
    for job, trigger, args, job_id, grace in jobs:
        scheduler.add_job(
            job,
            trigger,
            args=args,
            id=job_id,
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=grace,
        )
    scheduler.start()
    return scheduler
