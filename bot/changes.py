"""Changing the registry: notes, statuses, deadlines, edits, withdrawals, new commitments, and undoing the last
change. Every change is written to the commitment's log with who made it, when, from where, and the values it
replaced."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from bot import meetings
from bot.codes import split_code
from bot.evidence import action_day, evidence_in
from bot.model import Due
from bot.registry import RegistryError, Scope, due_text, resolve_areas
from storage import areas as areas_db
from storage import commitments as commitments_db
from storage import log as log_db
from storage import meetings as meetings_db
from storage.models import Commitment


def _locked(session: Session, sc: Scope, code: str) -> Commitment:
    c = commitments_db.get_commitment(session=session, commission_id=sc.commission_id, code=code, for_update=True)
    if c is None:
        raise RegistryError("not_found", code=code)
    return c


def _in_force(c: Commitment) -> Commitment:
    """A withdrawn commitment takes no more notes, statuses or deadlines (its withdrawal is undone first)."""
    if c.withdrawn_at is not None:
        raise RegistryError("withdrawn", code=c.code)
    return c


def log_update(
    *,
    session: Session,
    sc: Scope,
    code: str,
    text: str,
    author: str,
    source: str = "",
    at: datetime | None = None,
    evidence: Sequence[str] = (),
) -> Commitment:
    """Append a note to a commitment's log.

    Args:
        session: write session.
        sc: the unit of work's scope.
        code: ``NN/YYYY``.
        text: the note, as written.
        author: who wrote it (Slack user ID or ``cli``).
        source: where it came from (a message permalink, ``shell``, ``import``).
        at: when the action happened, when known; default now.
        evidence: files shared with the note (their links), kept with the oficio numbers and links it names.

    Returns:
        The commitment.
    """
    text = text.strip()
    if not text:
        raise RegistryError("empty_note")
    # The log only grows and the commitment's row is not changed, so nothing needs locking.
    c = commitments_db.get_commitment(session=session, commission_id=sc.commission_id, code=code)
    if c is None:
        raise RegistryError("not_found", code=code)
    _in_force(c)
    log_db.add_update(
        session=session,
        commitment=c,
        text=text,
        author=author,
        now=sc.now,
        source=source,
        at=at,
        **told(text, sc, evidence),
    )
    return c


def told(text: str, sc: Scope, evidence: Sequence[str] = ()) -> dict[str, Any]:
    """What an action's words tell besides themselves: the day it took place and its evidence."""
    return {
        "happened_on": action_day(text, sc.today),
        "evidence": tuple(dict.fromkeys([*evidence_in(text), *evidence])),
    }


def log_imported(
    *,
    session: Session,
    sc: Scope,
    commitment: Commitment,
    actions: Sequence[tuple[str, date | None]],
    author: str,
    source: str,
) -> None:
    """The imported actions (each with the day it took place, when the file gives it) that the commitment's log
    does not hold yet, in order: importing the same file again adds nothing."""
    assert commitment.id is not None
    known = {u.text for u in log_db.updates_for(session=session, commitment_id=commitment.id)}
    for text, day in actions:
        if text in known:
            continue
        read = told(text, sc)
        log_db.add_update(
            session=session,
            commitment=commitment,
            text=text,
            author=author,
            now=sc.now,
            source=source,
            kind="import",
            happened_on=day or read["happened_on"],
            evidence=read["evidence"],
        )


def set_status(
    *,
    session: Session,
    sc: Scope,
    code: str,
    status: str,
    author: str,
    source: str = "",
    note: str = "",
) -> tuple[Commitment, str]:
    """Change a commitment's status, keeping the previous one in the log; returns it and the old status."""
    if status not in ("pending", "in_progress", "done"):
        raise RegistryError("bad_status", status=status)
    c = _in_force(_locked(session, sc, code))
    before = c.status
    if before == status:  # nothing to change; what was said with it is still news
        if note.strip():
            log_db.add_update(
                session=session,
                commitment=c,
                text=note.strip(),
                author=author,
                now=sc.now,
                source=source,
                **told(note, sc),
            )
        return c, before
    previous = _snapshot(c, "status", "closed_at")
    c = commitments_db.change_commitment(
        session=session, commitment=c, now=sc.now, status=status, closed_at=sc.now if status == "done" else None
    )
    log_db.add_update(
        session=session,
        commitment=c,
        text=note,
        author=author,
        now=sc.now,
        source=source,
        kind="status",
        status_before=before,
        status_after=status,
        previous=previous,
        **told(note, sc),
    )
    return c, before


def set_due(
    *,
    session: Session,
    sc: Scope,
    code: str,
    due: Due,
    author: str,
    source: str = "",
    meeting_id: int | None = None,
    reason: str | None = None,
) -> tuple[Commitment, str]:
    """Change a commitment's deadline (a day, a month, or a session), with why when said; returns it and the old
    one, as text."""
    c = _in_force(_locked(session, sc, code))
    before = due_text(c.due_date, c.due_kind)
    if (c.due_date, c.due_kind, c.due_meeting_id) == (due.date, due.kind, meeting_id):
        return c, before
    previous = _snapshot(c, "due_date", "due_kind", "due_meeting_id")
    c = commitments_db.change_commitment(
        session=session, commitment=c, now=sc.now, due_date=due.date, due_kind=due.kind, due_meeting_id=meeting_id
    )
    log_db.add_update(
        session=session,
        commitment=c,
        text=f"{before or '—'} → {due_text(due.date, due.kind)}" + (f" ({reason.strip()})" if reason else ""),
        author=author,
        now=sc.now,
        source=source,
        kind="due",
        previous=previous,
    )
    return c, before


def edit(
    *,
    session: Session,
    sc: Scope,
    code: str,
    author: str,
    source: str = "",
    text: str | None = None,
    areas: Sequence[str] | None = None,
    due: Due | None = None,
    origin: str | None = None,
    origin_id: int | None = None,
    no_due: bool = False,
) -> tuple[Commitment, dict[str, tuple[str, str]]]:
    """Change a commitment's text, areas, deadline or origin meeting; what is given as it already is stays.

    Args:
        session: write session.
        sc: the unit of work's scope.
        code: ``NN/YYYY``.
        author: who changes it.
        source: where the change came from.
        text: the new text.
        areas: the new responsible areas (acronyms), in order.
        due: the new deadline.
        origin: the name of the meeting it came from (a recorded one).
        origin_id: the same, by the meeting's id (an import, which has found or recorded it).
        no_due: take the deadline away.

    Returns:
        The commitment, and each changed field with its old and new value as text (empty: nothing changed,
        nothing written).
    """
    c = _locked(session, sc, code)
    assert c.id is not None
    changes: dict[str, tuple[str, str]] = {}
    values: dict[str, object] = {}
    previous = _snapshot(c, "text", "due_date", "due_kind", "due_meeting_id", "origin_id")
    if text is not None and text.strip() and text.strip() != c.text:
        changes["text"], values["text"] = (c.text, text.strip()), text.strip()
    if areas is not None:
        ids = resolve_areas(session=session, acronyms=areas)
        old = areas_db.areas_of(session=session, commitment_ids=[c.id], commission_id=sc.commission_id).get(c.id, [])
        new = [a.upper() for a in dict.fromkeys(areas)]
        if not new:
            raise RegistryError("need_area")
        if new != old:
            areas_db.set_areas(session=session, commitment_id=c.id, area_ids=ids)
            changes["areas"] = (", ".join(old), ", ".join(new))
            previous["areas"] = old
    if due is not None and (due.date, due.kind) != (c.due_date, c.due_kind):
        changes["due"] = (due_text(c.due_date, c.due_kind), due_text(due.date, due.kind))
        values.update(due_date=due.date, due_kind=due.kind, due_meeting_id=None)
    elif no_due and c.due_date is not None:
        changes["due"] = (due_text(c.due_date, c.due_kind), "")
        values.update(due_date=None, due_kind=None, due_meeting_id=None)
    if origin is not None:
        meeting = meetings_db.find_meeting(session=session, commission_id=sc.commission_id, name=origin)
        if meeting is None:
            raise RegistryError("unknown_meeting", name=origin)
        origin_id = meeting.id
    if origin_id is not None and origin_id != c.origin_id:
        found = meetings_db.meetings_by_ids(session=session, ids=[c.origin_id, origin_id])
        changes["origin"] = (found[c.origin_id].name if c.origin_id in found else "", found[origin_id].name)
        values["origin_id"] = origin_id
    if not changes:
        return c, {}
    c = commitments_db.change_commitment(session=session, commitment=c, now=sc.now, **values)
    summary = "; ".join(f"{field}: {old or '—'} → {new or '—'}" for field, (old, new) in changes.items())
    log_db.add_update(
        session=session,
        commitment=c,
        text=summary,
        author=author,
        now=sc.now,
        source=source,
        kind="edit",
        previous=previous,
    )
    return c, changes


def withdraw(*, session: Session, sc: Scope, code: str, author: str, reason: str = "", source: str = "") -> Commitment:
    """Withdraw a commitment (a duplicate, one agreed by mistake): it keeps its history and leaves lists,
    digests, and the default export and report."""
    c = _locked(session, sc, code)
    if c.withdrawn_at is not None:
        raise RegistryError("already_withdrawn", code=code)
    previous = _snapshot(c, "withdrawn_at", "withdrawn_reason")
    c = commitments_db.change_commitment(
        session=session, commitment=c, now=sc.now, withdrawn_at=sc.now, withdrawn_reason=reason.strip()
    )
    log_db.add_update(
        session=session,
        commitment=c,
        text=reason.strip(),
        author=author,
        now=sc.now,
        source=source,
        kind="withdraw",
        previous=previous,
    )
    return c


UNDO_WINDOW = timedelta(minutes=15)
UNDOABLE = ("note", "status", "due", "edit", "withdraw", "create")


def undo(*, session: Session, sc: Scope, author: str, source: str = "") -> tuple[Commitment, str]:
    """Undo the last change ``author`` made in the last 15 minutes: the previous values come back (a note is
    taken out of the cards and the report, a new commitment is withdrawn), and the undo is itself logged.

    Returns:
        The commitment, and the kind of change undone.

    Raises:
        RegistryError: ``nothing_to_undo``.
    """
    entry = log_db.last_undoable(session=session, author=author, since=sc.now - UNDO_WINDOW, kinds=UNDOABLE)
    c = commitments_db.get_by_id(session=session, commitment_id=entry.commitment_id) if entry else None
    if entry is None or c is None or c.commission_id != sc.commission_id:
        raise RegistryError("nothing_to_undo")
    assert c.id is not None
    restored = json.loads(entry.previous) if entry.previous else {}
    if entry.kind == "create":
        restored = {"withdrawn_at": sc.now.isoformat(), "withdrawn_reason": ""}
    areas = restored.pop("areas", None)
    if areas is not None:
        areas_db.set_areas(session=session, commitment_id=c.id, area_ids=resolve_areas(session=session, acronyms=areas))
    if restored:
        c = commitments_db.change_commitment(session=session, commitment=c, now=sc.now, **_restore(restored))
    log_db.mark_undone(session=session, entry=entry, now=sc.now)
    log_db.add_update(
        session=session, commitment=c, text=entry.kind, author=author, now=sc.now, source=source, kind="undo"
    )
    return c, entry.kind


def _snapshot(c: Commitment, *names: str) -> dict[str, Any]:
    """Column values as JSON-ready data, to put back on an undo (see ``_restore``)."""
    values = {name: getattr(c, name) for name in names}
    return {name: v.isoformat() if isinstance(v, date | datetime) else v for name, v in values.items()}


def _restore(values: dict[str, Any]) -> dict[str, Any]:
    parse = {
        "due_date": date.fromisoformat,
        "closed_at": datetime.fromisoformat,
        "withdrawn_at": datetime.fromisoformat,
    }
    return {name: parse[name](v) if name in parse and v is not None else v for name, v in values.items()}


def create(
    *,
    session: Session,
    sc: Scope,
    text: str,
    author: str,
    code: str | None = None,
    areas: Sequence[str] = (),
    due: Due | None = None,
    status: str = "pending",
    origin_id: int | None = None,
    source: str = "",
    previous: str | None = None,
) -> Commitment:
    """Create a commitment; without a code it takes the next free number of the current year (or, from a working
    meeting, that meeting's next number). ``previous`` is the status an earlier report gave it, when it is
    recorded from one."""
    text = text.strip()
    if not text:
        raise RegistryError("empty_description")
    area_ids = resolve_areas(session=session, acronyms=areas)
    if (
        code is not None
        and commitments_db.get_commitment(session=session, commission_id=sc.commission_id, code=code) is not None
    ):
        raise RegistryError("code_taken", code=code)
    for attempt in range(10):  # two writers may take the same next number at once (PostgreSQL): take the next
        chosen = code or _next_code(session, sc, origin_id)
        try:
            with session.begin_nested():
                c = _insert(session, sc, chosen, text, status, due, origin_id)
            break
        except IntegrityError:
            if code is not None or attempt == 9:
                raise RegistryError("code_taken", code=chosen) from None
    assert c.id is not None
    areas_db.set_areas(session=session, commitment_id=c.id, area_ids=area_ids)
    log_db.add_update(
        session=session,
        commitment=c,
        text=text,
        author=author,
        now=sc.now,
        source=source,
        kind="create",
        status_before=previous,
        status_after=status,
    )
    return c


def _next_code(session: Session, sc: Scope, origin_id: int | None) -> str:
    """A working meeting's next item (its handle); else the commission's next number of the year."""
    origin = meetings_db.meetings_by_ids(session=session, ids=[origin_id]).get(origin_id or 0)
    if origin is not None and origin.kind == "working":
        return meetings.next_item_code(session=session, sc=sc, meeting=origin)[0]
    year = sc.today.year
    return f"{commitments_db.next_number(session=session, commission_id=sc.commission_id, year=year):02d}/{year}"


def _insert(
    session: Session, sc: Scope, code: str, text: str, status: str, due: Due | None, origin_id: int | None
) -> Commitment:
    number, year = split_code(code)
    c = Commitment(
        commission_id=sc.commission_id,
        code=code,
        year=year,
        number=number,
        text=text,
        status=status,
        due_date=due.date if due else None,
        due_kind=due.kind if due else None,
        origin_id=origin_id,
        created_at=sc.now,
        updated_at=sc.now,
        closed_at=sc.now if status == "done" else None,
    )
    session.add(c)
    session.flush()
    return c
