"""What the bot asks a user before it writes, and how the answer is read.

Two questions: which reading of an ambiguous day was meant ("el próximo martes" on a Monday), and which
change a doubtful message asks for (a note that names a date, a status change the language layer is unsure
of). The question is kept in the registry (``storage.questions``) so that any replica takes the answer.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import Any

from bot.model import Choices, Notice
from bot.nlu import Request

DATE_FIELDS = ("date", "option_date")
_NUMBER = re.compile(r"^\W*(?:(?:la|el|opci[oó]n|option|number|n[uú]mero)\s+)?([0-9])\W*$", re.I)


@dataclass(frozen=True)
class Question:
    """A question put to a user: ``date`` (one request, two readings) or ``choice`` (one request per option)."""

    kind: str
    requests: tuple[Request, ...]

    def to_json(self) -> str:
        return json.dumps({"kind": self.kind, "requests": [_request_data(r) for r in self.requests]})

    @property
    def fingerprint(self) -> str:
        """Which question this is, for a button that answers it: a click on an older question's button must not
        pick an option of the one asked since."""
        return hashlib.sha256(self.to_json().encode()).hexdigest()[:12]

    @classmethod
    def from_json(cls, data: str) -> Question:
        found = json.loads(data)
        return cls(found["kind"], tuple(_request_of(r) for r in found["requests"]))


def date_question(request: Request) -> tuple[Question, Notice]:
    notice = Notice(
        "ambiguous_date",
        {
            "phrase": request.date_phrase or "",
            "first": request.date,
            "second": request.alternatives[0],
            "code": request.code or "",
        },
    )
    return Question("date", (request,)), notice


def choice_question(request: Request) -> tuple[Question, Choices] | None:
    """The changes a doubtful message could mean (``Request.options``), each as the request that makes it;
    None when fewer than two can be made from what the message says."""
    made = [r for r in (_option_request(request, option) for option in request.options) if r is not None]
    if len(made) < 2:
        return None
    question = Question("choice", tuple(made))
    return question, choices_of(question)


def choices_of(question: Question) -> Choices:
    """The options of a choice question, as the user reads them."""
    options = tuple(_label(r) for r in question.requests)
    return Choices(code=question.requests[0].code, options=options, question=question.fingerprint)


def _label(request: Request) -> tuple[str, dict]:
    if request.intent == "set_status":
        return f"choice.set_status.{request.status}", {}
    if request.intent == "set_due":
        return "choice.set_due", {"date": request.date}
    return f"choice.{request.intent}", {}


def answer(question: Question, text: str, heard: Request, today: date) -> Request | Notice | None:
    """What the user's reply to ``question`` asks for: the chosen request; a Notice (cancelled); or None when
    the reply is not an answer (it is then read as a message of its own)."""
    if heard.confirm == "no":
        return Notice("cancelled")
    if question.kind == "choice":
        number = choice_number(text)
        codes = [r.code for r in question.requests]
        just_named = heard.intent in ("status", "unknown", question.requests[0].intent)
        if number is None and just_named and heard.code in codes and len(set(codes)) == len(codes):  # "which one?"
            number = codes.index(heard.code) + 1
        if number is None:
            return None
        if not 1 <= number <= len(question.requests):
            return Notice("cancelled") if number == 0 else None
        return question.requests[number - 1]
    pending = question.requests[0]
    chosen = _chosen_date(pending, text, today)
    if chosen is None:
        return None
    return replace(pending, date=chosen, alternatives=())


def choice_number(text: str) -> int | None:
    """ "2", "la 2", "opción 2": the number of the option chosen; None when the text is not just that."""
    match = _NUMBER.match(text)
    return int(match.group(1)) if match else None


def _option_request(request: Request, option: str) -> Request | None:
    """The request that makes one option's change, from what the message says; None when it says too little."""
    intent, _, status = option.partition(":")
    base = Request(intent=intent, code=request.code, lang=request.lang)
    note = request.text if request.intent in ("log_update", "set_status") else None
    if intent == "log_update" and note and request.code:
        return replace(base, text=note)
    if intent == "set_status" and status and request.code:
        return replace(base, status=status, text=note)
    if intent == "set_due":
        day = request.date if request.intent == "set_due" else request.option_date
        if day is not None and request.code:  # what the note said stays, as the deadline's reason
            return replace(base, date=day, date_precision="day", reason=note or request.reason)
    if intent == "create" and request.intent == "create" and request.text:
        return replace(request, options=())
    return None


def _request_data(request: Request) -> dict[str, Any]:
    data = asdict(request)
    for name in DATE_FIELDS:
        data[name] = data[name].isoformat() if data[name] else None
    data["alternatives"] = [d.isoformat() for d in request.alternatives]
    return data


def _request_of(data: dict[str, Any]) -> Request:
    known = {f.name for f in fields(Request)}
    values = {k: v for k, v in data.items() if k in known}
    for name in DATE_FIELDS:
        values[name] = date.fromisoformat(values[name]) if values.get(name) else None
    values["alternatives"] = tuple(date.fromisoformat(d) for d in values.get("alternatives", ()))
    for name in ("areas", "options"):
        values[name] = tuple(values.get(name, ()))
    return Request(**values)


def _chosen_date(pending: Request, text: str, today: date) -> date | None:
    from bot.nlu.dates import find_dates
    from bot.nlu.text import fold_aligned

    options = (pending.date, *pending.alternatives)
    for hit in find_dates(fold_aligned(text), today):
        if hit.date in options:
            return hit.date
    return None


__all__ = ["Question", "answer", "choice_number", "choice_question", "date_question"]
