"""The conversational service: a message and who sent it → an outcome. The shell and Slack share it."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from bot import asking, changes, directory, meetings, registry
from bot.asking import Question
from bot.model import (
    Baseline,
    Candidates,
    Changed,
    Due,
    Filters,
    Item,
    Listed,
    NextMeeting,
    NotFound,
    Notice,
    Outcome,
    Reply,
    ReportRequested,
    Shown,
)
from bot.nlu import AreaCatalog, Request, parse
from bot.nlu.parser import MAX_CHARS
from bot.period import status_at
from bot.registry import RegistryError, Scope
from bot.resolve import resolve_code
from bot.settings import Settings
from bot.textnorm import clean
from storage import events, questions
from storage.db import Database

logger = logging.getLogger(__name__)
WRITES = ("log_update", "set_status", "set_due", "create")
QUESTION_TTL = timedelta(minutes=30)  # how long "which date did you mean?" waits for its answer


@dataclass(frozen=True)
class Edit:
    """What an edit form asks: new values (None: unchanged), or to withdraw the commitment."""

    text: str | None = None
    areas: tuple[str, ...] | None = None
    due: Due | None = None
    withdraw: bool = False
    reason: str = ""


@dataclass(frozen=True)
class Answer:
    """What a message led to, and the language to say it in."""

    outcome: Outcome
    lang: str


@dataclass(frozen=True)
class Actor:
    """Who is talking, and from where (for the audit log)."""

    user_id: str
    groups: tuple[str, ...] = ()
    source: str = ""
    lang: str = "es"
    trusted: bool = False  # the local terminal operator
    files: tuple[str, ...] = ()  # links to the files shared with the message: the evidence of a note


class Conversation:
    """Understands messages and carries them out against the registry."""

    def __init__(self, db: Database, settings: Settings, catalog_ttl: float = 60.0):
        self.db = db
        self.settings = settings
        self._catalog: tuple[float, AreaCatalog] | None = None
        self._catalog_ttl = catalog_ttl
        self._commission_id: int | None = None

    def catalog(self) -> AreaCatalog:
        """The area catalog for the language layer, read again after ``catalog_ttl`` seconds."""
        if self._catalog is None or time.monotonic() - self._catalog[0] > self._catalog_ttl:
            with self.db.read() as session:
                self._catalog = (time.monotonic(), directory.catalog(session=session))
        return self._catalog[1]

    def scope(self, session: Session, now: datetime) -> Scope:
        """The commission's scope at ``now`` (the commission is created on first use). Its id never changes,
        so it is remembered once the commission exists; one this session creates is not, since the session
        may yet roll back."""
        if self._commission_id is None:
            commission = self.settings.default_commission
            found = registry.existing_scope(session=session, commission=commission, now=now)
            if found is None:
                return registry.scope(session=session, commission=commission, now=now)
            self._commission_id = found.commission_id
        return Scope(commission_id=self._commission_id, now=now)

    def understand(self, text: str, now: datetime) -> Request:
        return parse(text, now, self.catalog())

    def reply(self, text: str, actor: Actor, now: datetime) -> Answer:
        """Understand ``text`` and act on it in one transaction; the answer says in which language to reply."""
        heard = self._hear(text, now)
        with self.db.write() as session:
            return Answer(self._reply(session, text, heard, actor, now), _language(heard, actor))

    def reply_once(
        self, key: str, text: str, actor: Actor, now: datetime, render: Callable[[Outcome, str], Reply]
    ) -> Reply | None:
        """Like ``reply``, at most once per inbound event across retries and replicas.

        The event's record, its effects and the reply it is owed (``render``) commit in one transaction;
        the caller holds the first attempt at delivering it (see ``storage.events.record_reply``). A redelivery
        acts again in a transaction that finds the event recorded and rolls back.

        Returns:
            The reply; None when another delivery of the same event was taken first.
        """
        heard = self._hear(text, now)
        with self.db.write() as session:
            reply = render(self._reply(session, text, heard, actor, now), _language(heard, actor))
            recorded = events.record_reply(
                session=session,
                key=key,
                method=reply.method,
                arguments=reply.arguments,
                user_id=reply.user_id,
                lang=reply.lang,
                now=now,
                owed=reply.owed,
            )
            if not recorded:  # another delivery of this event got there first (PostgreSQL): undo, defer to it
                session.rollback()
                return None
            return reply

    def stored_reply(self, key: str) -> Reply | None:
        """The reply kept with a recorded event (for a redelivery that must answer again)."""
        with self.db.read() as session:
            found = events.get_event(session=session, key=key)
        if found is None or found.reply is None or found.method is None:
            return None
        return Reply(found.method, json.loads(found.reply), found.user_id, found.lang, found.state in events.OWED)

    def act(self, request: Request, actor: Actor, now: datetime) -> Outcome:
        """Carry out a request built by a button or a form (no language understanding needed)."""
        with self.db.write() as session:
            return self.handle(session, _cleaned(request), actor, now)

    def act_once(self, key: str, request: Request, actor: Actor, now: datetime) -> Outcome | None:
        """Like ``act``, once per click or submission (``key``): None when it was already carried out."""
        return self._once(key, now, lambda session: self.handle(session, _cleaned(request), actor, now))

    def _once(self, key: str, now: datetime, work: Callable[[Session], Outcome]) -> Outcome | None:
        """``work`` in a write transaction, once per ``key`` (a click, a submission): None when it was done already.
        A refused request (a Notice) is not recorded, so the user can correct it and send it again."""
        with self.db.write() as session:
            if not events.take_event(session=session, key=key, now=now):
                return None
            outcome = work(session)
            if isinstance(outcome, Notice):
                session.rollback()
            return outcome

    def read(self, fn: Callable[[Session, Scope], Any], now: datetime) -> Any:
        """Run a read-only query function with a session and the commission's scope."""
        with self.db.read() as session:
            return fn(session, self.scope(session, now))

    def _hear(self, text: str, now: datetime) -> Request | Notice:
        """What a message asks for, or why it cannot be read (the message cleaned first, see ``clean``)."""
        text = clean(text)
        if not text or not text.strip():
            return Notice("empty")
        if len(text) > MAX_CHARS:
            return Notice("too_long", {"length": len(text), "limit": MAX_CHARS})
        return parse(text, now, self.catalog())

    def _reply(self, session: Session, text: str, heard: Request | Notice, actor: Actor, now: datetime) -> Outcome:
        """Carry out what was heard. A question the user was asked is answered by this message, asked again
        when the message says nothing else, or dropped."""
        if isinstance(heard, Notice):
            return heard
        pending = questions.take_question(session=session, user_id=actor.user_id, now=now)
        if pending is not None:
            question = Question.from_json(pending)
            chosen = asking.answer(question, text, heard, now.date())
            if chosen is not None:
                return chosen if isinstance(chosen, Notice) else self.handle(session, chosen, actor, now)
            if heard.intent in ("unknown", "set_due") and not heard.code and not heard.undo:
                return self._ask(session, question, actor, now)
        return self.handle(session, heard, actor, now)

    def handle(self, session: Session, request: Request, actor: Actor, now: datetime) -> Outcome:
        """Carry out an understood request."""
        write = request.intent in WRITES or request.undo
        return self._guarded(session, actor, now, write, lambda sc: self._dispatch(session, sc, request, actor))

    def choose_once(self, key: str, number: int, which: str, actor: Actor, now: datetime) -> Outcome | None:
        """The user picked option ``number`` of the question the bot asked (a button; 0 cancels), once. ``which``
        is the fingerprint of the question the button belongs to: a button of an older question has expired (the
        refusal leaves the question waiting now in place)."""

        def choose(session: Session) -> Outcome:
            pending = questions.take_question(session=session, user_id=actor.user_id, now=now)
            question = Question.from_json(pending) if pending else None
            if question is None or question.kind != "choice" or question.fingerprint != which:
                return Notice("choice_expired")
            if number > len(question.requests):
                return Notice("choice_expired")
            if number == 0:
                return Notice("cancelled")
            return self.handle(session, question.requests[number - 1], actor, now)

        return self._once(key, now, choose)

    def undo_once(self, key: str, actor: Actor, now: datetime) -> Outcome | None:
        """Undo the user's last change of the last 15 minutes (the Deshacer button), once per click."""
        return self._once(
            key,
            now,
            lambda session: self._guarded(session, actor, now, True, lambda sc: self._undo(session, sc, actor)),
        )

    def _undo(self, session: Session, sc: Scope, actor: Actor) -> Outcome:
        c, undone = changes.undo(session=session, sc=sc, author=actor.user_id, source=actor.source)
        return Changed("undo", self._item(session, sc, c.code), before=undone)

    def edit_once(self, key: str, code: str, actor: Actor, now: datetime, wanted: Edit) -> Outcome | None:
        """Edit or withdraw a commitment (a form), once per submission; None when it was already done."""
        return self._once(
            key,
            now,
            lambda session: self._guarded(
                session, actor, now, True, lambda sc: self._edit(session, sc, code, actor, wanted)
            ),
        )

    def _guarded(
        self, session: Session, actor: Actor, now: datetime, write: bool, action: Callable[[Scope], Outcome]
    ) -> Outcome:
        """Run ``action`` for ``actor``: a write only for writers; a broken rule undone and answered."""
        sc = self.scope(session, now)
        try:
            if write:
                directory.require_writer(
                    session=session,
                    user_id=actor.user_id,
                    groups=actor.groups,
                    writers=None if actor.trusted else self.settings.writers,
                )
            if not write:
                return action(sc)
            with session.begin_nested():  # a refused change is undone; the unit of work goes on
                return action(sc)
        except RegistryError as exc:
            return Notice(exc.key, exc.params)

    def _edit(self, session: Session, sc: Scope, code: str, actor: Actor, wanted: Edit) -> Outcome:
        if wanted.withdraw:
            changes.withdraw(
                session=session,
                sc=sc,
                code=code,
                author=actor.user_id,
                reason=clean(wanted.reason),
                source=actor.source,
            )
            return Changed("withdraw", self._item(session, sc, code))
        _, changed = changes.edit(
            session=session,
            sc=sc,
            code=code,
            author=actor.user_id,
            source=actor.source,
            text=clean(wanted.text) if wanted.text is not None else None,
            areas=wanted.areas,
            due=wanted.due,
        )
        return Changed("edit", self._item(session, sc, code), before=", ".join(changed) or None)

    def _dispatch(self, session: Session, sc: Scope, request: Request, actor: Actor) -> Outcome:
        intent = request.intent
        if intent in WRITES and request.options:  # unsure which change is meant: ask, never guess
            doubt = asking.choice_question(request)
            if doubt is not None:
                return self._ask(session, doubt[0], actor, sc.now)
        if request.report:
            return ReportRequested()
        if request.undo:
            return self._undo(session, sc, actor)
        if request.confirm is not None:
            return Notice("nothing_to_confirm")
        if intent in ("help", "unknown"):
            return Notice(intent)
        if intent == "next_session":
            return NextMeeting(meetings.next_meeting(session=session, sc=sc))
        if intent == "list":
            return self._list(session, sc, request, actor)
        if intent == "create":
            return self._create(session, sc, request, actor)
        lock = intent in ("set_status", "set_due")  # they change the row; a note only adds to the log
        if intent == "status" and request.code and not request.previous:  # the card, read once
            item = registry.get_item(session=session, sc=sc, code=request.code, history=5)
            if item is not None:
                return Shown(item)
        if intent in WRITES and request.code:  # the change reads the commitment itself: only a missing one needs more
            try:
                return self._on_code(session, sc, request, actor)
            except RegistryError as error:
                if error.key != "not_found":
                    raise
        found = resolve_code(session=session, sc=sc, code=request.code, subject=request.text, lock=lock)
        if isinstance(found, Candidates) and intent in WRITES:  # which one the change is for: asked, answered
            return self._which(session, found, request, actor, sc.now)
        if not isinstance(found, str):
            return found
        return self._on_code(session, sc, _named(request, found), actor)

    def _which(self, session: Session, found: Candidates, request: Request, actor: Actor, now: datetime) -> Outcome:
        """Several commitments match the subject a change names: ask which, keeping the change for each."""
        question = Question("choice", tuple(_named(request, code) for code, _ in found.options))
        self._ask(session, question, actor, now)
        return replace(found, question=question.fingerprint)

    def _on_code(self, session: Session, sc: Scope, request: Request, actor: Actor) -> Outcome:
        code = request.code or ""
        if request.intent == "log_update":
            note = request.text if request.text and request.text != code else ""
            if not note:
                return Notice("need_note", {"code": code})
            c = changes.log_update(
                session=session,
                sc=sc,
                code=code,
                text=note,
                author=actor.user_id,
                source=actor.source,
                evidence=actor.files,
            )
            return Changed("note", registry.item_of(session=session, sc=sc, commitment=c))
        if request.intent == "set_status":
            if request.status not in ("pending", "in_progress", "done"):
                return Notice("need_status", {"code": code})
            note = request.text if request.text and request.text != code else ""
            c, before = changes.set_status(
                session=session,
                sc=sc,
                code=code,
                status=request.status,
                author=actor.user_id,
                source=actor.source,
                note=note,
            )
            item = registry.item_of(session=session, sc=sc, commitment=c)
            return Changed("status", item, before=before, after=request.status, noted=bool(note))
        if request.intent == "set_due":
            return self._set_due(session, sc, request, actor)
        if request.previous:
            return self._previous(session, sc, code)
        return Shown(self._item(session, sc, code))

    def _previous(self, session: Session, sc: Scope, code: str) -> Outcome:
        """The card with the status the commitment had at the last session (the report's "Estatus previo")."""
        start, last = meetings.period_start(session=session, sc=sc, since="last_session")
        if start is None or last is None:
            return Notice("no_last_session")
        item = registry.get_item(session=session, sc=sc, code=code, history=None)
        if item is None:
            raise RegistryError("not_found", code=code)
        status = status_at(start, item.status, [e for e in item.entries if not e.undone])
        shown = replace(item, entries=item.entries[:5])
        return Shown(shown, Baseline(status=status, at=start, session=last.name))

    def _item(self, session: Session, sc: Scope, code: str) -> Item:
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
            return self._ask(session, asking.date_question(request)[0], actor, sc.now)
        due = Due(date=request.date, kind=request.date_precision or "day")
        c, before = changes.set_due(
            session=session, sc=sc, code=code, due=due, author=actor.user_id, source=actor.source, reason=request.reason
        )
        return Changed("due", registry.item_of(session=session, sc=sc, commitment=c), before=before or None)

    def _ask(self, session: Session, question: Question, actor: Actor, now: datetime) -> Outcome:
        """Ask ``question`` (again); the answer may come to any replica, within ``QUESTION_TTL``."""
        questions.ask(session=session, user_id=actor.user_id, request=question.to_json(), expires_at=now + QUESTION_TTL)
        if question.kind == "date":
            return asking.date_question(question.requests[0])[1]
        return asking.choices_of(question)

    def _list(self, session: Session, sc: Scope, request: Request, actor: Actor) -> Outcome:
        filters = Filters(
            status=request.status,
            area=request.area,
            due_before=request.date,
            overdue=request.overdue,
            mine=request.mine,
            changed=request.changed,
            meeting=request.meeting,
        )
        if request.before == "next_session":
            upcoming = meetings.next_session(session=session, sc=sc)
            if upcoming is None:
                return Notice("no_next_session")
            day = upcoming.at.astimezone(sc.now.tzinfo).date()
            filters = replace(filters, due_before=day, before_session=upcoming.name)
        if request.since:
            start, session_from = meetings.period_start(session=session, sc=sc, since=request.since)
            if start is None:
                return Notice("no_last_session")
            filters = replace(filters, since=start, since_session=session_from.name if session_from else None)
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
        origin = None
        if request.meeting:  # "nuevo compromiso de la reunión del 18 de enero: …"
            held = meetings.held_on(session=session, sc=sc, day=request.meeting)
            if not held:
                return Notice("no_meeting_on", {"date": request.meeting})
            origin = held[0].id
        c = changes.create(
            session=session,
            sc=sc,
            text=request.text,
            author=actor.user_id,
            code=request.code,
            areas=request.areas,
            due=due,
            source=actor.source,
            origin_id=origin,
        )
        return Changed("create", self._item(session, sc, c.code))


def _language(heard: Request | Notice, actor: Actor) -> str:
    """English for a message written in English, else the user's language (their setting or Slack locale)."""
    return "en" if isinstance(heard, Request) and heard.lang == "en" else actor.lang


def _named(request: Request, code: str) -> Request:
    """A request for the commitment its subject named: a status change's words were the subject, not a note."""
    return replace(request, code=code, text=None if request.intent == "set_status" else request.text)


def _cleaned(request: Request) -> Request:
    return replace(request, text=clean(request.text)) if request.text else request


__all__ = ["Actor", "Conversation", "NotFound", "Shown"]
