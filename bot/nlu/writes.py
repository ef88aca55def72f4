"""What a message asks to change when it names a code: a status (said as a command, or as news right after the code),
a deadline (a date with a cue, a phrase left to dateparser, a date that does not exist), or progress stated."""

from __future__ import annotations

import re
from datetime import date

from bot.nlu import lexicon as lx
from bot.nlu.dates import DateHit, fallback
from bot.nlu.text import Text


def status_command(t: Text) -> bool:
    """A status verb right before the code ("Cierra el 4/2023, …", "reabrir 12/2022, …"), or the code's new status
    stated right after it, as news ("El 04/2023 ya se atendió: …")."""
    head = t.before_code()
    before = re.search(
        rf"\b(?:{lx.REOPEN}|cierra\w*|cerrar|close|tacha\w*|palomea\w*|da\s+por\s+\w+|marca\w*)\s+(?:el\s+)?"
        rf"(?:compromiso\s+)?$",
        head,
    )
    return bool(before or not t.question and t.code_span and _STATED_AFTER.match(t.masked, t.code_span[1]))


_STATED_AFTER = re.compile(
    r"\s*(?:ya\s+)?(?:se\s+)?(?:atendio|cumplio|concluyo|cerro|quedo\s+(?:atendido|cumplido|cerrado)|"
    r"esta\s+(?:atendido|cumplido|cerrado)|is\s+(?:done|closed|completed|finished))\b\s*[:,.;-]"
    r"|\s*(?:pendiente|en\s+proceso|atendido|pending|in\s+progress|done)\s+(?:de\s+nuevo|otra\s+vez|again|ya)\b"
)


def status_change(t: Text) -> str | None:
    """The status the message sets, when it reads as a change of status."""
    words = [m for m in lx.STATUS_WORD.finditer(t.masked) if not _inside_note(t, m.start()) and not _negated(t, m)]
    close = lx.CLOSE_VERB.search(t.masked)
    if close and not words and not _inside_note(t, close.start()):
        return "done"
    if not words or _alternatives(t, words):
        return None
    if not (lx.STATUS_VERB.search(t.masked) or _bare_code_status(t)):
        return None
    # "de pendiente a en proceso", "ya no está en proceso, pásalo a atendido": the status the message moves to
    targets = [w for w in words if re.search(r"\b(?:a|al|to|as|como|into)\s+$", t.masked[: w.start()])]
    m = targets[-1] if targets else words[0]
    kind = m.lastgroup or ""
    return {"done": "done", "in_progress": "in_progress", "pending": "pending", "reopen": "in_progress"}[kind]


def _negated(t: Text, word: re.Match[str]) -> bool:
    """A status said to be the wrong one ("debe estar en pendiente, no en proceso"): not the one it sets."""
    return bool(re.search(r"\b(?:no|not|ni)\s+$", t.masked[: word.start()]))


def _alternatives(t: Text, words: list[re.Match[str]]) -> bool:
    """Two statuses offered as a choice ("¿está en proceso o pendiente?") ask which one it is."""
    return any(
        a.lastgroup != b.lastgroup and re.fullmatch(r"\s+(?:o|or|u)\s+", t.masked[a.end() : b.start()])
        for a, b in zip(words, words[1:], strict=False)
    )


def _bare_code_status(t: Text) -> bool:
    """``11/2022 done``, ``close 06/2023``: a code and a status word and little else."""
    words = re.findall(r"[a-z#]+", t.masked)
    return len(words) <= 5


def _inside_note(t: Text, position: int) -> bool:
    """Whether a position lies in the free text after ``CODE:`` or ``CODE,`` (a note, not a command)."""
    if not t.code_span:
        return False
    after = t.masked[t.code_span[1] :]
    if re.match(r"\s*(?:->|=>|→)", after):
        return False  # "02/2023 -> concluido": an arrow to the new status, not a note
    m = re.match(r"\s*[:,;.-]\s*", after)
    if m is None:
        return False
    return position >= t.code_span[1] + m.end() and not status_command(t)


_REPORTING = re.compile(
    r"\b(?:dijo|dice|dicen|informo|informa|comento|comenta|aviso|avisa|menciono|senalo|confirmo|respondio|"
    r"said|says|told|reported|mentioned|confirmed|replied|fyi|como\s+contexto|for\s+context)\b"
)


def reported(t: Text) -> bool:
    """A deadline cue that follows a reporting verb ("el IME dijo que el plazo de la Cancillería vence el 10")."""
    cue = lx.DUE_CUE.search(t.masked)
    return cue is not None and any(
        said.start() < cue.start() or "context" in said[0] for said in _REPORTING.finditer(t.masked)
    )


def imperative_due(t: Text) -> bool:
    verbs = (
        r"recorre|recorrer|mueve|mover|move|push|extend\w*|extiende|cambia|cambiar|change|pasa|pasar|set|pon|postpone"
    )
    return bool(re.search(rf"\b(?:{verbs})\b", t.masked))


def requested(t: Text) -> bool:
    """A change asked for as a question ("Can you set 11/2022 to pending?") or ordered after one ("¿Le damos
    hasta el 31 al 01/2023? …, cámbialo porfa")."""
    return bool(lx.REQUEST.search(t.masked) or lx.CLITIC_ORDER.search(t.masked))


def asks_when(t: Text) -> bool:
    return t.question and bool(re.search(r"\b(?:cuando|when|que\s+fecha|what\s+date)\b", t.masked))


def deadline(t: Text) -> DateHit | None:
    if not t.dates or not lx.DUE_CUE.search(t.masked) and not _code_then_date(t):
        return None
    reason = _JUSTIFIED.search(t.masked)  # "…al 31 de mayo, toda vez que … en mayo de 2023": a date of the reason
    dates = [h for h in t.dates if reason is None or h.start < reason.start()] or list(t.dates)
    if len(dates) > 1 and (_MOVED.search(t.masked) or _CORRECTED.search(t.masked)):
        return dates[-1]  # "del 15 al 30", "ya no vence el viernes sino el 3 de marzo": the date it becomes
    return dates[0]


_JUSTIFIED = re.compile(r"\b(?:toda\s+vez\s+que|porque|ya\s+que|debido\s+a|dado\s+que|because|since)\b")


_MOVED = re.compile(r"\b(?:de|del|from)\b.*\b(?:a|al|to)\b")
_CORRECTED = re.compile(r"\b(?:sino|ahora|instead|but\s+(?:now|on|by)|rather|ya\s+no|no\s+longer|not)\b")


def fallback_deadline(t: Text) -> tuple[date, str] | None:
    """A deadline phrase the grammar does not know, handed to dateparser ("vence el 3-abr-2023")."""
    if t.dates or t.question:
        return None
    cues = list(lx.DUE_CUE.finditer(t.masked))
    if not cues:
        return None
    tail = t.masked[cues[-1].end() :]
    tail = re.sub(r"^[\s#:,]*(?:(?:es|a|al|el|la|para|to|is|on|en|hasta|del|de)\s+)*", "", tail).strip(" ?.!")
    if not tail or len(tail) > 40 or not re.search(r"\d|[a-z]{3,}", tail):
        return None
    found = fallback(tail, t.now)
    return (found, tail) if found and found >= t.now.date() else None


def bad_date(t: Text) -> str | None:
    """A deadline written as a date that does not exist ("vence el 31/02/2023")."""
    from bot.nlu.dates import BAD_NUMERIC, impossible

    if t.dates or t.question or not lx.DUE_CUE.search(t.masked):
        return None
    m = BAD_NUMERIC.search(t.masked)
    return t.raw[m.start() : m.end()] if m else impossible(t.masked, t.now.date())


def _code_then_date(t: Text) -> bool:
    return bool(t.code_span and re.search(r"#\s+(?:is\s+)?(?:due|para|for)\b", t.masked))


def is_statement(t: Text) -> bool:
    """Progress stated rather than asked ("Sobre el 11/2022: ya se mandó…", "En el 14/2022 ya se tuvo…")."""
    if t.raw.rstrip().endswith("?") or lx.LAUGH.search(t.masked):
        return False
    after = t.masked[t.code_span[1] :] if t.code_span else ""
    if t.question and (not re.match(r"\s*[:,]", after) or _APPOSITION.match(after)):
        return False
    words = re.findall(r"[a-z]+", after)
    if re.match(r"\s*[:,;.-]\s*\S", after) and len(words) >= 3:
        return True
    if re.match(r"\s+ya\s+\w+", after) and len(words) >= 4:
        return True
    # "En el 13/2019 el OPL ya mandó…", "On 12/2019 we already got…": a preposition names the code.
    head = t.before_code()
    if re.search(r"\b(?:estatus|status|info|necesito|need|pasas|dime|tell)\b", head):
        return False
    named = re.search(
        r"(?:^|\W)(?:en|sobre|del|de|on|for|re|about|regarding)\s+(?:el\s+|la\s+)?(?:compromiso\s+|commitment\s+)?$",
        head,
    )
    return bool(named) and len(words) >= 4


# What a question says of the code it asks about, to name it ("…el 1/2023, el de la nota…", "…, relativo a…").
_APPOSITION = re.compile(
    r"\s*,\s*(?:(?:el|la)\s+(?:de|del|que|sobre)\b|relativ[oa]|referente|respecto|concerniente|acerca|sobre|"
    r"derivad[oa]|emanad[oa]|surgid[oa]|aprobad[oa]|"
    r"about|regarding|concerning|the\s+one)\b"
)
