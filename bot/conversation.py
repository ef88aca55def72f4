"""The conversational service: a message and who sent it → an outcome. The shell and Slack share it."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session

from bot import directory, registry
from bot.model import (
    Changed,
    Due,
    Filters,
    Listed,
    NextMeeting,
    NotFound,
    Notice,
    Outcome,
    ReportRequested,
    Shown,
)
from bot.nlu import AreaCatalog, Request, parse
from bot.nlu.parser import MAX_CHARS
from bot.registry import RegistryError, Scope
from bot.resolve import resolve_code
from bot.settings import Settings
from storage.db import Database
from storage.events import claim_event, mark_replied, record_event, retake_event, unsent

logger = logging.getLogger(__name__)
WRITES = ("log_update", "set_status", "set_due", "create")


@dataclass(frozen=True)
class Actor:
    """Who is talking, and from where (for the audit log)."""

    user_id: str
    groups: tuple[str, ...] = ()
    source: str = ""
    lang: str = "es"
    trusted: bool = False  # the local terminal operator


class Conversation:
    """Understands messages and carries them out against the registry."""

    def __init__(self, db: Database, settings: Settings, catalog_ttl: float = 60.0):
        self.db = db
        self.settings = settings
        self._catalog: tuple[float, AreaCatalog] | None = None
        self._catalog_ttl = catalog_ttl
        self._pending: dict[str, Request] = {}  # ambiguous dates awaiting the user's choice
        self._commission_id: int | None = None

    def catalog(self, session: Session | None = None) -> AreaCatalog:
        if self._catalog is None or time.monotonic() - self._catalog[0] > self._catalog_ttl:
            if session is None:
                with self.db.read() as s:
                    catalog = directory.catalog(session=s)
            else:
                catalog = directory.catalog(session=session)
            self._catalog = (time.monotonic(), catalog)
        return self._catalog[1]

    def scope(self, session: Session, now: datetime) -> Scope:
        """The commission's scope at ``now``. Its id is remembered once the commission exists; one this
        session creates is not, since the session may yet roll back."""
        if self._commission_id is not None:
            return Scope(commission_id=self._commission_id, now=now)
        commission = self.settings.default_commission
        found = registry.existing_scope(session=session, commission=commission, now=now)
        if found is None:
            return registry.scope(session=session, commission=commission, now=now)
        self._commission_id = found.commission_id
        return found

    def understand(self, text: str, now: datetime) -> Request:
        return parse(text, now, self.catalog())

    def reply(self, text: str, actor: Actor, now: datetime) -> Outcome:
        """Understand ``text`` and act on it in one transaction."""
        heard, pending = self._hear(text, actor, now)
        with self.db.write() as session:
            return self._reply(session, text, heard, actor, now, pending)

    def reply_once(
        self, key: str, text: str, actor: Actor, now: datetime, render: Callable[[Outcome], str]
    ) -> str | None:
        """Like ``reply``, at most once per inbound event across retries and replicas.

        Returns:
            The rendered reply to send, or None when another delivery of the same event has it.
        """
        # The common case: act, then record the event with its reply — atomically with a change (a note
        # goes in the same statement as the record, see ``Database.appending``); a question needs no
        # transaction (``Database.answering``). If another delivery recorded the event first, roll back
        # and defer to it.
        heard, pending = self._hear(text, actor, now)
        with self._unit_of_work(heard, pending) as session:
            payload = render(self._reply(session, text, heard, actor, now, pending))
            if record_event(session=session, key=key, now=now, reply=payload):
                return payload
            session.rollback()
        with self.db.write() as session:
            owned, stored = claim_event(session=session, key=key, now=now)
            return stored if owned else None

    def _unit_of_work(self, heard: Request | Notice, pending: Request | None):
        """The session for one inbound event: a question, a note, or another change (see ``Database``)."""
        if isinstance(heard, Notice) or (heard.intent not in WRITES and pending is None):
            return self.db.answering()
        if heard.intent == "log_update" and pending is None:
            return self.db.appending()
        return self.db.write()

    def rehearse(self, now: datetime, render: Callable[[Outcome], str]) -> None:
        """Answer a question and log a note on one commitment, record the event, then roll it all back.

        A new process pays once for compiling statements and preparing the driver (tens of milliseconds);
        this makes start-up pay it instead of the first user. Nothing is recorded.
        """
        actor = Actor(user_id="warm-up", source="warm-up", trusted=True)
        self.understand("¿Cómo va el 01/2023? Registra avance en 01/2023: ensayo", now)  # and the area catalog
        with self.db.write() as session:
            code = registry.newest_code(session=session, sc=self.scope(session, now))
            if code is not None:
                for request in (Request(intent="status", code=code), Request("log_update", code=code, text="ensayo")):
                    payload = render(self.handle(session, request, actor, now))
                    record_event(session=session, key="warm-up", now=now, reply=payload)
            session.rollback()
        if code is not None:  # the pools questions and notes have of their own on PostgreSQL: reads only
            for unit in (self.db.answering, self.db.appending):
                with unit() as session:
                    self.handle(session, Request(intent="status", code=code), actor, now)

    def sent(self, key: str, now: datetime) -> None:
        with self.db.write() as session:
            mark_replied(session=session, key=key, now=now)

    def unsent(self, now: datetime) -> list[tuple[str, str]]:
        """Replies stored more than a minute ago (and less than a day) that were never marked sent."""
        with self.db.read() as session:
            return unsent(session=session, older_than=now - timedelta(minutes=1), newer_than=now - timedelta(days=1))

    def retake(self, key: str, now: datetime) -> bool:
        """Take over a stored, unsent reply for a re-send; only one caller wins."""
        with self.db.write() as session:
            return retake_event(session=session, key=key, now=now, older_than=now - timedelta(minutes=1))

    def act(self, request: Request, actor: Actor, now: datetime) -> Outcome:
        """Carry out a request built by a button or a form (no language understanding needed)."""
        with self.db.write() as session:
            return self.handle(session, request, actor, now)

    def read(self, fn: Callable[[Session, Scope], Any], now: datetime) -> Any:
        """Run a read-only query function with a session and the commission's scope."""
        with self.db.read() as session:
            return fn(session, self.scope(session, now))

    def _hear(self, text: str, actor: Actor, now: datetime) -> tuple[Request | Notice, Request | None]:
        """What a message asks for (or why it cannot be read), and the question the user was asked, if any:
        taken from memory here, once, for a message that could answer it."""
        if not text or not text.strip():
            return Notice("empty"), None
        if len(text) > MAX_CHARS:
            return Notice("too_long", {"length": len(text), "limit": MAX_CHARS}), None
        return parse(text, now, self.catalog()), self._pending.pop(actor.user_id, None)

    def _reply(
        self, session: Session, text: str, heard: Request | Notice, actor: Actor, now: datetime, pending: Request | None
    ) -> Outcome:
        """Carry out what was heard; ``pending`` is the question the user was asked (see ``_hear``)."""
        if isinstance(heard, Notice):
            return heard
        if pending is not None and heard.intent in ("unknown", "set_due") and not heard.code:
            return self._settle(session, pending, heard, text, actor, now)
        return self.handle(session, heard, actor, now)

    def handle(self, session: Session, request: Request, actor: Actor, now: datetime) -> Outcome:
        """Carry out an understood request."""
        sc = self.scope(session, now)
        try:
            if request.intent in WRITES:
                directory.require_writer(
                    session=session,
                    user_id=actor.user_id,
                    groups=actor.groups,
                    writers=None if actor.trusted else self.settings.writers,
                )
            return self._dispatch(session, sc, request, actor)
        except RegistryError as exc:
            session.rollback() if exc.key != "not_writer" else None
            return Notice(exc.key, exc.params)

    def _dispatch(self, session: Session, sc: Scope, request: Request, actor: Actor) -> Outcome:
        intent = request.intent
        if request.report:
            return ReportRequested()
        if request.confirm is not None:
            return Notice("nothing_to_confirm")
        if intent in ("help", "unknown"):
            return Notice(intent)
        if intent == "next_session":
            return NextMeeting(registry.next_meeting(session=session, sc=sc))
        if intent == "list":
            return self._list(session, sc, request, actor)
        if intent == "create":
            return self._create(session, sc, request, actor)
        lock = intent in ("set_status", "set_due")  # they change the row; a note only adds to the log
        found = resolve_code(session=session, sc=sc, code=request.code, subject=request.text, lock=lock)
        if not isinstance(found, str):
            return found
        return self._on_code(session, sc, replace(request, code=found), actor)

    def _on_code(self, session: Session, sc: Scope, request: Request, actor: Actor) -> Outcome:
        code = request.code or ""
        if request.intent == "log_update":
            note = request.text if request.text and request.text != code else ""
            if not note:
                return Notice("need_note", {"code": code})
            registry.log_update(session=session, sc=sc, code=code, text=note, author=actor.user_id, source=actor.source)
            return Changed("note", self._item(session, sc, code))
        if request.intent == "set_status":
            if request.status not in ("pending", "in_progress", "done"):
                return Notice("need_status", {"code": code})
            _, before = registry.set_status(
                session=session, sc=sc, code=code, status=request.status, author=actor.user_id, source=actor.source
            )
            return Changed("status", self._item(session, sc, code), before=before, after=request.status)
        if request.intent == "set_due":
            return self._set_due(session, sc, request, actor)
        return Shown(self._item(session, sc, code))

    def _item(self, session: Session, sc: Scope, code: str):
        item = registry.get_item(session=session, sc=sc, code=code, history=5)
        if item is None:
            raise RegistryError("not_found", code=code)
        return item

    def _set_due(self, session: Session, sc: Scope, request: Request, actor: Actor) -> Outcome:
        code = request.code or ""
        if request.date is None:
            return Notice("need_date", {"code": code})
        if request.date < sc.today:
            return Notice("past_date", {"date": request.date})
        if request.alternatives:
            self._pending[actor.user_id] = request
            return _ambiguous(request)
        due = Due(date=request.date, kind=request.date_precision or "day")
        _, before = registry.set_due(
            session=session, sc=sc, code=code, due=due, author=actor.user_id, source=actor.source
        )
        return Changed("due", self._item(session, sc, code), before=before or None)

    def _settle(
        self, session: Session, pending: Request, answer: Request, text: str, actor: Actor, now: datetime
    ) -> Outcome:
        """The user's answer to "which date did you mean?"."""
        if answer.confirm == "no":
            return Notice("cancelled")
        chosen = _chosen_date(pending, text, now)
        if chosen is None:
            self._pending[actor.user_id] = pending
            return _ambiguous(pending)
        return self.handle(session, replace(pending, date=chosen, alternatives=()), actor, now)

    def _list(self, session: Session, sc: Scope, request: Request, actor: Actor) -> Outcome:
        filters = Filters(
            status=request.status,
            area=request.area,
            due_before=request.date,
            overdue=request.overdue,
            mine=request.mine,
        )
        area_ids = None
        if request.mine:
            mine = directory.member_areas(session=session, user_id=actor.user_id)
            if not mine:
                return Notice("no_member")
            area_ids = registry.resolve_areas(session=session, acronyms=mine)
            filters = replace(filters, status=filters.status or "open")
        items = registry.list_items(session=session, sc=sc, filters=filters, area_ids=area_ids)
        return Listed(filters=filters, items=tuple(items), total=len(items))

    def _create(self, session: Session, sc: Scope, request: Request, actor: Actor) -> Outcome:
        if not request.text:
            return Notice("need_description")
        due = Due(date=request.date, kind=request.date_precision or "day") if request.date else None
        c = registry.create(
            session=session,
            sc=sc,
            text=request.text,
            author=actor.user_id,
            code=request.code,
            areas=request.areas,
            due=due,
            source=actor.source,
        )
        return Changed("create", self._item(session, sc, c.code))


def _ambiguous(request: Request) -> Notice:
    return Notice(
        "ambiguous_date",
        {
            "phrase": request.date_phrase or "",
            "first": request.date,
            "second": request.alternatives[0],
            "code": request.code or "",
        },
    )


def _chosen_date(pending: Request, text: str, now: datetime) -> date | None:
    from bot.nlu.dates import find_dates
    from bot.nlu.parser import fold_aligned

    options = (pending.date, *pending.alternatives)
    for hit in find_dates(fold_aligned(text), now.date()):
        if hit.date in options:
            return hit.date
    return None


__all__ = ["Actor", "Conversation", "NotFound", "Shown"]
