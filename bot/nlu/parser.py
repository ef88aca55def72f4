"""The grammar: text → the rules' reading (intent, commitment, status, area, date, note).

:func:`bot.nlu.understand.parse` weighs this reading with the classifier's. The readings live by subject:
``writes`` (a status or deadline change said of a code), ``notes`` (where a note begins and ends), ``subjects``
(a commitment named by its words), ``creating`` (a new commitment) and ``listing`` (a list and its filters).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.nlu import lexicon as lx
from bot.nlu.areas import AreaCatalog
from bot.nlu.creating import create
from bot.nlu.listing import listing
from bot.nlu.notes import asks_to_log, note_of
from bot.nlu.request import Request, with_date
from bot.nlu.subjects import bare_subject, subject_of
from bot.nlu.text import MAX_CHARS, Text, fold_aligned
from bot.nlu.writes import (
    asks_when,
    bad_date,
    deadline,
    fallback_deadline,
    imperative_due,
    is_statement,
    reported,
    requested,
    status_change,
    status_command,
)

__all__ = ["MAX_CHARS", "fold_aligned", "rules"]


def rules(t: Text, catalog: AreaCatalog) -> Request:
    """What the rules read in a message."""
    return _with_code(t, catalog) if t.code else _without_code(t, catalog)


# --- messages that name a code -------------------------------------------------------------------


def _with_code(t: Text, catalog: AreaCatalog) -> Request:
    before = t.before_code()
    base = Request(code=t.code)
    if lx.CREATE.search(before):
        return create(t, catalog)
    if lx.LOG_PREFIX.search(before) and not status_command(t):
        note = note_of(t)
        if note and (not t.question or requested(t)) or is_statement(t):  # "can you log on 10/2022 that …?"
            return replace(base, intent="log_update", text=note)
        if not note and not t.question and asks_to_log(t):  # answered with how to write it
            return replace(base, intent="log_update", text="")
    status = status_change(t)
    if status and not (t.question and not lx.CLOSE_IMPERATIVE.search(t.masked) and not requested(t)):
        return replace(base, intent="set_status", status=status)
    due = deadline(t)
    if due is not None and reported(t):  # someone's deadline told as news: a note (the bot may offer the date)
        return replace(base, intent="log_update", text=note_of(t))
    if due is not None and not asks_when(t) and not ("?" in t.raw and not (imperative_due(t) or requested(t))):
        return with_date(replace(base, intent="set_due"), due, t)
    if bad_date(t):
        return replace(base, intent="set_due", date_phrase=bad_date(t))
    late = fallback_deadline(t)
    if late is not None:
        return replace(base, intent="set_due", date=late[0], date_precision="day", date_phrase=late[1])
    if is_statement(t) or _TAGGED.search(t.masked) and not t.question:  # "… (comp. 06/2023)": said of it
        return replace(base, intent="log_update", text=note_of(t))
    if (lx.THANKS.search(t.masked) or lx.LAUGH.search(t.masked)) and "?" not in t.raw:  # "¿…del 3/23? Gracias" asks
        return replace(base, intent="unknown")
    if _chatter(t):
        return replace(base, intent="unknown")
    return replace(base, intent="status")


# The code put after what is said, as a tag: "La CAI invitó a los observadores. (comp. 06/2023)".
_TAGGED = re.compile(r"\(\s*(?:re|ref|comp|compromiso|commitment|code|codigo|item)?\.?:?\s*#+\s*\)\W*$")


def _chatter(t: Text) -> bool:
    """A code mentioned in passing ("the 02/2023 meeting had the best coffee"): many words, no ask, no cue."""
    words = re.findall(r"[a-z]+", t.masked)
    asks = re.search(
        r"\b(?:estatus|status|info|informacion|como|avance|detalle|details?|necesito|need|pull|show|muestra\w*|"
        r"where|how|what|que|q|cual|donde|cuando|when|"
        r"ensena\w*|dame|give|can\s+(?:you|u)|puedes|pasas|busca|find|look|check|revisa|see|ver)\b",
        t.masked,
    )
    return len(words) >= 6 and not t.question and not asks and not lx.STATUS_WORD.search(t.masked)


def _without_code(t: Text, catalog: AreaCatalog) -> Request:
    if lx.CREATE.search(t.masked) and not (t.question and lx.HELP.search(t.masked)):  # "¿cómo doy de alta…?" asks how
        return create(t, catalog)
    if _asks_report(t) and not lx.HELP.search(t.masked) and len(re.findall(r"\w+", t.masked)) <= 12:
        return Request(report=True)
    if lx.HELP.search(t.masked):
        return Request(intent="help")
    if lx.NEXT_SESSION.search(t.masked):
        return Request(intent="next_session")
    subject = subject_of(t, catalog) or bare_subject(t, catalog)
    if subject is not None:
        return subject
    listed = listing(t, catalog)
    if listed is not None:
        return listed
    return Request()


def _asks_report(t: Text) -> bool:
    """The report asked for, not a commitment named after one ("move the deadline for the LNERE report…", "an
    update on the observers report")."""
    m = lx.REPORT.search(t.masked)
    before = t.masked[: m.start()] if m else ""
    named = lx.SUBJECT_MARKER.search(before) or lx.SUBJECT_QUESTION.search(before)  # "how is the observers report"
    named = named or lx.STATUS_IMPERATIVE.search(before) or _CHANGE_VERB.search(before)  # "mark the … report as …"
    return m is not None and not _DEADLINE_NAMED_BEFORE.search(before) and not named


_CHANGE_VERB = re.compile(
    r"\b(?:move|push|extend|postpone|reschedule|recorre|mueve|pasa|cambia|extiende|aplaza|reprograma)\b"
)
_DEADLINE_NAMED_BEFORE = re.compile(r"\b(?:deadline|due\s+date|plazo|fecha(?:\s+limite)?)\s+(?:for|on|of|de|del)\b")
