"""References to meetings and periods: "el 2 del 23 de noviembre", "de la reunión del 18 de enero", "desde la
última sesión", "este trimestre", "antes de la próxima sesión", "¿cuál era el estatus previo del 14/2022?".

A meeting is named by a day in the past: without a year, the last such day on or before today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.codes import item_handle
from bot.nlu.dates import DateHit, year_before
from bot.nlu.lexicon import rx
from bot.nlu.request import Request

_MEETING = r"(?:reunion(?:\s+de\s+trabajo)?|junta|mesa(?:\s+de\s+trabajo)?|sesion(?:\s+de\s+trabajo)?|meeting)"
# "compromiso 4 de la reunión del", "el 2 del", "punto 3 de la junta del", "item 2 from the", "commitment 4 of the"
_NAMED_ITEM = (
    r"compromisos?|compromiso\s+(?:n(?:o|um(?:ero)?)\.?\s*)?|punto|acuerdo|item|numero|commitment|number|no\.?"
)
_ITEM_BEFORE = re.compile(
    r"(?:\b(?:" + _NAMED_ITEM + r")\s*|\b(?:el|la|del|al|#)\s*)(?P<n>\d{1,2})\s+"
    r"(?:de\s+la\s+" + _MEETING + r"\s+(?:del?\s+)?|del\s+|de\s+la\s+del\s+|"
    r"(?:from|of)\s+(?:the\s+)?(?:" + _MEETING + r"\s+(?:of|on)\s+)?)$"
)
_MEETING_BEFORE = re.compile(r"\b" + _MEETING + r"\s+(?:del?|on|of)\s+(?:the\s+)?(?:dia\s+)?$")
_MEETING_AFTER = re.compile(r"\s*(?:'s\s+)?" + _MEETING + r"\b")
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class MeetingRef:
    on: date
    item: int | None
    start: int
    end: int

    @property
    def handle(self) -> str | None:
        return item_handle(self.on, self.item) if self.item else None


def meeting_refs(masked: str, dates: tuple[DateHit, ...], today: date) -> list[MeetingRef]:
    """The meetings a message names by their day, with the commitment number when one is named."""
    found = []
    for hit in dates:
        if hit.precision != "day":
            continue
        offset = max(0, hit.start - 60)
        before = masked[offset : hit.start]
        item = _ITEM_BEFORE.search(before)
        named = _MEETING_BEFORE.search(before)
        after = _MEETING_AFTER.match(masked, hit.end)
        if item is None and named is None and after is None:
            continue
        on = hit.date
        if on > today and not _YEAR.search(masked[hit.start : hit.end]):
            on = year_before(on)
        start = offset + item.start() if item else offset + named.start() if named else hit.start
        found.append(MeetingRef(on, int(item["n"]) if item else None, start, after.end() if after else hit.end))
    return found


# Periods a list can cover, and what asks for the previous status.
_SINCE_SESSION = rx(
    r"\b(?:desde|a\s+partir\s+de|despues\s+de|since|after)\s+(?:la\s+|el\s+|the\s+)?(?:ultim[ao]|pasad[ao]|anterior|"
    r"last|previous)\s+(?:sesion|session|reunion\s+de\s+(?:la\s+)?comision|informe|report)\b"
)
_QUARTER = rx(r"\b(?:este|en\s+este|del|en\s+el|this|in\s+this)\s+(?:trimestre|quarter)\b")
_MONTH = rx(r"\b(?:este|en\s+este|this|in\s+this)\s+(?:mes|month)\b")
_WEEK = rx(r"\b(?:esta|en\s+esta|this|in\s+this)\s+(?:semana|week)\b")
_YEAR_NOW = rx(r"\b(?:este|en\s+este|en\s+lo\s+que\s+va\s+del|this|in\s+this)\s+(?:ano|year)\b")
_BEFORE_SESSION = rx(
    r"\b(?:antes\s+de|para|previo\s+a|before|by|ahead\s+of|prior\s+to)\s+(?:la\s+|the\s+)?(?:proxima|siguiente|"
    r"next|upcoming)\s+(?:sesion|session|reunion\s+de\s+(?:la\s+)?comision)\b"
)
_CHANGED = rx(
    r"\b(?:cambi\w+\s+(?:de\s+)?(?:estatus|status|estado)|changed\s+(?:its\s+|their\s+)?status|status\s+changes?|"
    r"cambios\s+de\s+(?:estatus|status|estado)|se\s+movi\w+|moved)\b"
)
_PREVIOUS = rx(
    r"\b(?:estatus|status|estado)\s+(?:previo|anterior)\b|\bprevious\s+status\b|\bcomo\s+(?:estaba|iba|venia)\b|"
    r"\bwhat\s+was\s+(?:the\s+)?status\b|\bstatus\s+(?:was|at)\s+(?:the\s+)?last\b"
)
_ITEMS = rx(
    r"\b(?:vence\w*|venz\w*|due|pendientes?|compromisos?|commitments?|items?|abiert\w+|open|falta\w*|owe\w*|"
    r"queda\w*|hay\s+que|tenemos\s+que|debe\w*|entregar|cerrar|close|attend|atender)\b"
)
_ITEM_NOUNS = rx(r"\b(?:compromisos?|commitments?|pendientes|items?|temas|asuntos|vence\w*|venz\w*|due)\b")
_DONE_WORDS = rx(r"\b(?:atend\w+|cumpl\w+|cerr\w+|conclu\w+|resuelt\w+|done|closed|completed|finished)\b")


def scoped(request: Request, masked: str, today: date) -> Request:
    """The request with the period and meeting it is limited to, when the message names one. A list by deadline
    that names this week or month ("¿qué vence esta semana?") asks what falls due by its end (the request's
    date), not what moved since it began."""
    since = _since(masked, today)
    if since and since != "last_session" and request.intent == "list" and request.date is not None:
        since = None
    before = "next_session" if _BEFORE_SESSION.search(masked) else None
    changed = bool(_CHANGED.search(masked))
    if request.code and _PREVIOUS.search(masked) and request.intent in ("status", "unknown", "list"):
        return replace(request, intent="status", previous=True, status=None, area=None, date=None)
    if before and not (since or changed or request.meeting) and request.intent != "list":
        # "¿ya hay fecha para la próxima sesión?", "¿cuánto falta para la siguiente sesión?" ask its date
        items = _ITEM_NOUNS if request.intent == "next_session" else _ITEMS
        before = before if items.search(masked) else None
    if not (since or before or changed or request.meeting):
        return request
    if request.intent == "status" and request.text and not (since or before or changed):
        return request  # a commitment named by its subject: the meeting it names says where it came from, or when
    if request.intent not in ("list", "next_session", "unknown", "status") or request.code:
        return replace(request, since=since, before=before) if request.intent == "list" else request
    asked_items = before or changed or request.meeting or _ITEMS.search(masked) or _DONE_WORDS.search(masked)
    if request.intent in ("unknown", "next_session") and not asked_items:
        return request  # "is there a session this month?", "what's the weather this week?": no list asked
    status = request.status
    if since and status is None and not changed and _DONE_WORDS.search(masked):
        status = "done"
    if before and status is None:
        status = "open"
    return replace(
        request,
        intent="list",
        since=since,
        before=before,
        changed=changed,
        status=status,
        text=None,
        date=request.date if request.intent == "list" else None,
    )


def _since(masked: str, today: date) -> str | None:
    if _SINCE_SESSION.search(masked):
        return "last_session"
    if _QUARTER.search(masked):
        return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1).isoformat()
    if _MONTH.search(masked):
        return today.replace(day=1).isoformat()
    if _WEEK.search(masked):
        return (today - timedelta(days=today.weekday())).isoformat()
    if _YEAR_NOW.search(masked):
        return date(today.year, 1, 1).isoformat()
    return None
