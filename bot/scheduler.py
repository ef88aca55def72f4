"""APScheduler is only the clock: one job that runs a scheduler pass every 30 s; the registry holds the truth."""

from __future__ import annotations

import logging
from datetime import timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from slack_sdk import WebClient

from bot.clock import now as wall_clock
from bot.schedule.occurrences import check_zone_data
from bot.settings import Settings
from storage.db import Database

logger = logging.getLogger(__name__)
TICK_SECONDS = 30
JOB_ID = "commission-bot-tick"


def clock_trigger(settings: Settings) -> IntervalTrigger:
    return IntervalTrigger(seconds=TICK_SECONDS, timezone=settings.timezone)


def run_pass(db: Database, settings: Settings, client: WebClient, service=None) -> None:
    """One pass at the wall clock: scheduled deliveries, then replies stored but never sent."""
    from bot.schedule.tick import tick

    now = wall_clock(settings.timezone)
    report = tick(db=db, settings=settings, client=client, now=now, lang=settings.language)
    if report.sent or report.retry or report.failed:
        logger.info("tick: %s sent, %s retry, %s failed", len(report.sent), len(report.retry), len(report.failed))
    if service is not None:
        from bot.slack.outbox import resend_unsent

        resend_unsent(service.outbox, now)


PRUNE_JOB_ID = "commission-bot-prune"
KEEP_EVENTS = timedelta(days=30)


def prune(db: Database, settings: Settings) -> int:
    """Forget inbound events older than a month (Slack retries within minutes)."""
    from storage.events import forget_events_before

    with db.write() as session:
        return forget_events_before(session=session, cutoff=wall_clock(settings.timezone) - KEEP_EVENTS)


def start_scheduler(db: Database, settings: Settings, client: WebClient, service=None) -> BackgroundScheduler:
    """Start the clock job: explicit id, coalesced, one instance at a time, generous misfire grace."""
    check_zone_data(settings.timezone)
    scheduler = BackgroundScheduler(timezone=settings.timezone)
    scheduler.add_job(
        run_pass,
        clock_trigger(settings),
        args=(db, settings, client, service),
        id=JOB_ID,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=300,
    )
    scheduler.add_job(
        prune,
        IntervalTrigger(hours=1, timezone=settings.timezone),
        args=(db, settings),
        id=PRUNE_JOB_ID,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=3600,
    )
    scheduler.start()
    return scheduler
