"""The grammar: text → the rules' reading (intent, commitment, status, area, date, note).

:func:`bot.nlu.understand.parse` weighs this reading with the classifier's; the helpers it reuses to fill in a
reading the rules did not choose are public here (``note_of``, ``create``, ``listing``, ``deadline``…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from bot.nlu import lexicon as lx
from bot.nlu.areas import AreaCatalog
from bot.nlu.dates import DateHit, fallback
from bot.nlu.notes import trim_note
from bot.nlu.request import Request
from bot.nlu.text import MAX_CHARS, Text, fold_aligned

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
        if note and (not t.question or _requested(t)) or _is_statement(t):  # "can you log on 10/2022 that …?"
            return replace(base, intent="log_update", text=note)
        if not note and not t.question and _asks_to_log(t):  # answered with how to write it
            return replace(base, intent="log_update", text="")
    status = _status_change(t)
    if status and not (t.question and not lx.CLOSE_IMPERATIVE.search(t.masked) and not _requested(t)):
        return replace(base, intent="set_status", status=status)
    due = deadline(t)
    if due is not None and _reported(t):  # someone's deadline told as news: a note (the bot may offer the date)
        return replace(base, intent="log_update", text=note_of(t))
    if due is not None and not _asks_when(t) and not ("?" in t.raw and not (_imperative_due(t) or _requested(t))):
        return with_date(replace(base, intent="set_due"), due, t)
    if _bad_date(t):
        return replace(base, intent="set_due", date_phrase=_bad_date(t))
    late = _fallback_deadline(t)
    if late is not None:
        return replace(base, intent="set_due", date=late[0], date_precision="day", date_phrase=late[1])
    if _is_statement(t) or _TAGGED.search(t.masked) and not t.question:  # "… (comp. 06/2023)": said of it
        return replace(base, intent="log_update", text=note_of(t))
    if (lx.THANKS.search(t.masked) or lx.LAUGH.search(t.masked)) and not t.raw.rstrip().endswith("?"):
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
)


def _status_change(t: Text) -> str | None:
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


def _reported(t: Text) -> bool:
    """A deadline cue that follows a reporting verb ("el IME dijo que el plazo de la Cancillería vence el 10")."""
    cue = lx.DUE_CUE.search(t.masked)
    return cue is not None and any(
        said.start() < cue.start() or "context" in said[0] for said in _REPORTING.finditer(t.masked)
    )


def _imperative_due(t: Text) -> bool:
    verbs = (
        r"recorre|recorrer|mueve|mover|move|push|extend\w*|extiende|cambia|cambiar|change|pasa|pasar|set|pon|postpone"
    )
    return bool(re.search(rf"\b(?:{verbs})\b", t.masked))


def _requested(t: Text) -> bool:
    """A change asked for as a question ("Can you set 11/2022 to pending?") or ordered after one ("¿Le damos
    hasta el 31 al 01/2023? …, cámbialo porfa")."""
    return bool(lx.REQUEST.search(t.masked) or lx.CLITIC_ORDER.search(t.masked))


def _asks_when(t: Text) -> bool:
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


def _fallback_deadline(t: Text) -> tuple[date, str] | None:
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


def _bad_date(t: Text) -> str | None:
    """A deadline written as a date that does not exist ("vence el 31/02/2023")."""
    from bot.nlu.dates import BAD_NUMERIC, impossible

    if t.dates or t.question or not lx.DUE_CUE.search(t.masked):
        return None
    m = BAD_NUMERIC.search(t.masked)
    return t.raw[m.start() : m.end()] if m else impossible(t.masked, t.now.date())


def _code_then_date(t: Text) -> bool:
    return bool(t.code_span and re.search(r"#\s+(?:is\s+)?(?:due|para|for)\b", t.masked))


def _is_statement(t: Text) -> bool:
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


def note_of(t: Text) -> str:
    """The note a message logs: what follows the code, or else what precedes it ("Se envió la nota al IME,
    01/2023") — unless that is only the command ("Registra avance en 01/2023:"), which is no note."""
    folded = t.folded[t.code_span[1] :] if t.code_span else ""
    after = t.after_code()
    line_end = after.find("\n")
    subject_line, body = after[: max(line_end, 0)], after[line_end:] if line_end >= 0 else ""
    if _MAIL_SUBJECT.match(t.masked) and len(subject_line.split()) <= 8 and len(body.split()) >= 5:
        # a forwarded mail whose subject line names the code ("RE: Compromiso 11/2022 - nota verbal\n\nBuen día, …"):
        # the note is in the body
        after, folded = after[line_end:], folded[line_end:]
    note = trim_note(after, folded)  # "15/2022 avance: la DEA…", "… 5/2023 que ya…": the command's words
    # "…, agrégalo al 04/2023 xfa", "…, apúntalo": the note came first
    if not re.search(r"\w", note) or _POLITE.fullmatch(fold_aligned(note)) or _LOG_IT.fullmatch(fold_aligned(note)):
        head = t.before_code()
        if not re.search(r"\w", _COMMAND_WORDS.sub(" ", lx.LOG_PREFIX.sub(" ", head))):
            return ""
        end = t.code_span[0] if t.code_span else len(t.raw)
        command = re.search(r"[,;:.]([^,;:.]*)$", head)  # a last clause that only says where to log it
        if command and not re.search(
            r"\w", _COMMAND_WORDS.sub(" ", _LOG_VERB.sub(" ", lx.LOG_PREFIX.sub(" ", command[1])))
        ):
            end = command.start()
        note = trim_note(_TRAILING_PREPOSITION.sub("", t.raw[:end]).strip())  # "Just logging that …", "Update: …"
    return note


_MAIL_SUBJECT = re.compile(r"^\s*(?:(?:re|fw|fwd|rv|tr|asunto|subject)\s*:\s*)+[^\n]*#")
_POLITE = re.compile(r"\W*(?:(?:xfa|porfa|plis|pls|please|por\s+favor|gracias|thanks|thx|ty|saludos)\W*)+")
# "…, apúntalo", "…, log it please": only the command to log what came before.
_LOG_IT = re.compile(
    r"\W*(?:apunta|anota|registra|agrega|anade|guarda|sube|pon)(?:lo|la)\b(?:\s+(?:ahi|alli|aqui|ahi\s+mismo))?"
    r"(?:\W+(?:xfa|porfa|plis|por\s+favor|gracias))*\W*"
    r"|\W*(?:como|as)\s+(?:un\s+|una\s+|an?\s+)?(?:avance|nota|accion|update|progress|note)\b(?:\W+(?:xfa|porfa|pls|please))*\W*"
    r"|\W*(?:log|note|add|record)\s+(?:it|that)\b(?:\W+(?:please|pls|thanks))*\W*"
)
# "…los consulados para el 16/2022": the words that lead to the code are not the note's.
_TRAILING_PREPOSITION = re.compile(
    r"(?:\s+(?:para|en|sobre|a|de|for|on|to|in)(?:\s+(?:el|la|the))?|\s+al|\s+del)?"
    r"(?:\s*\(\s*(?:re|ref|comp|compromiso|commitment|code|codigo|código|item)?\.?)?[\s:,;.\-]*$",  # "… (re 11/2022)"
    re.I,
)
_COMMAND_WORDS = re.compile(
    r"\b(?:en|el|la|los|las|del|de|al|a|para|sobre|un|una|nuevo|nueva|me|porfa|por\s+favor|compromiso|"
    r"agrega\w*|anade\w*|pon|ponle|muestra\w*|ver|dame|show|see|give|add|of|"
    r"on|to|for|in|the|an|new|please|pls|commitment|item|hola|hey|oye|favor|va|van|goes|belongs|corresponde|"
    r"pertenece|code|codigo|ref|re|es|is|its|comp|put|that|this)\b|#+"
)
_LOG_VERB = re.compile(
    r"\b(?:registra\w*|anota\w*|agrega\w*|anade\w*|logea\w*|reporta\w*|apunta\w*|sube(?:lo|la)|guarda(?:lo|la)|add)\b"
)


def _asks_to_log(t: Text) -> bool:
    """A command to log with nothing to log: a log verb before the code, or a colon and nothing after it."""
    return bool(_LOG_VERB.search(t.before_code()) or re.fullmatch(r"\s*[:\-–—]\s*", t.after_code()))


# --- messages without a code ---------------------------------------------------------------------


def _without_code(t: Text, catalog: AreaCatalog) -> Request:
    if lx.CREATE.search(t.masked) and not (t.question and lx.HELP.search(t.masked)):  # "¿cómo doy de alta…?" asks how
        return create(t, catalog)
    if _asks_report(t) and not lx.HELP.search(t.masked) and len(re.findall(r"\w+", t.masked)) <= 12:
        return Request(report=True)
    if lx.HELP.search(t.masked):
        return Request(intent="help")
    if lx.NEXT_SESSION.search(t.masked):
        return Request(intent="next_session")
    subject = _subject(t, catalog) or _bare_subject(t, catalog)
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


def create(t: Text, catalog: AreaCatalog) -> Request:
    m = lx.CREATE.search(t.masked)
    rest = t.raw[m.end() :] if m else t.raw.split(":", 1)[-1]
    start = m.end() if m else len(t.raw) - len(rest)
    description = re.sub(r"^\s*[:,;.\-–—]+\s*", "", rest).strip()
    if t.code and t.code_span and t.code_span[0] >= start:
        description = re.sub(r"^[\s:,;.\-–—]+", "", t.raw[t.code_span[1] :]).strip()
    elif t.meeting_span and t.meeting_span[0] >= start and _BEFORE_MEETING.fullmatch(t.raw[start : t.meeting_span[0]]):
        # "Nuevo compromiso de la reunión del 8 de febrero para el IME: …": the meeting is where it came from
        description = re.sub(r"^[\s:,;.\-–—]+", "", t.raw[t.meeting_span[1] :]).strip()
    lead = _field_lead(t, m.end() if m else 0, catalog)
    if lead is not None:  # "new commitment for CNCS, due March 1: …", "Create (INM, due 2023-04-15): …"
        description, start = t.raw[lead.end :].strip(" :"), lead.end
    description, responsible = _unlabelled(description)
    folded = fold_aligned(description)
    addressee = _ADDRESSEE.match(folded) or _OWES.match(folded) or _OWNER_TO.match(folded)
    owner = _owner(addressee["area"], catalog) if addressee else None
    owner = owner or (catalog.exact(responsible) if responsible else None) or (lead.owner if lead else None)
    if addressee and owner:  # "Nuevo compromiso para el IME: confirmar…": the IME owes it; the text is what
        description = description[addressee.end() :].strip()
    names = _areas_in(description, catalog)
    names = [owner, *(n for n in names if n != owner)] if owner else names
    due = lead.due if lead and lead.due else next((d for d in t.dates if d.start >= start and not _as_of(t, d)), None)
    if due is None and m:  # "Para el 10 de marzo, crea un compromiso …": the deadline said first
        due = next((d for d in t.dates if d.end <= m.start() and _DUE_LEAD.search(t.masked[: d.start])), None)
    field = _DEADLINE_FIELD.search(fold_aligned(description)) if due else None
    if due and field and fold_aligned(t.raw[due.start : due.end]) in field[0]:
        description = description[: field.start()].rstrip()  # "… — fecha límite 24 de febrero": a field, not the text
    request = Request(
        intent="create", code=t.code, text=description or None, area=names[0] if names else None, areas=tuple(names)
    )
    return with_date(request, due, t) if due else request


@dataclass(frozen=True)
class _Lead:
    end: int  # where the description begins (after the colon)
    owner: str | None
    due: DateHit | None


def _field_lead(t: Text, start: int, catalog: AreaCatalog) -> _Lead | None:
    """The owner and the deadline given as fields before a colon, and where the description begins after it
    ("… for CNCS, due March 1: …", "… — responsable UTSI, vence 15/03/2023: …", "… 02/2023 (DJ), plazo …: …"):
    the lead holds nothing but areas, a date, a code and field words."""
    colon = t.raw.find(":", start)
    if colon < 0 or colon - start > LEAD_CHARS:
        return None
    lead = list(t.masked[start:colon])
    dates = [d for d in t.dates if start <= d.start and d.end <= colon]
    for d in dates:
        lead[d.start - start : d.end - start] = " " * (d.end - d.start)
    words = re.findall(r"[a-z0-9]+", "".join(lead))
    owner = None
    while (hit := catalog.find(" ".join(words))) is not None:
        owner = owner or hit[0]
        words = words[: hit[1][0]] + words[hit[1][1] :]
    if not all(_LEAD_WORD.fullmatch(w) for w in words) or not dates and (owner is None or start > 0):
        return None  # an owner alone after the command is the addressee's to read ("… for CAI: …")
    return _Lead(colon + 1, owner, dates[0] if dates else None)


LEAD_CHARS = 90
_LEAD_WORD = re.compile(
    r"compromisos?|commitments?|nuev[oa]|new|para|pa|p|for|al?|a|cargo|del?|la|el|los|las|the|of|responsables?|resp|"
    r"owner|owned|by|areas?|due|deadline|vencen?|vencimiento|plazo|fecha|limite|entrega|y|and|e|con|with|"
    r"create|crear|crea|registrar|registra|alta|agrega|add|please|pls|porfa|un|una|an?|one|action|item|task|tarea"
)
_DUE_LEAD = re.compile(r"(?:^|\W)(?:para\s+el|antes\s+del|a\s+mas\s+tardar\s+el|by|before|due)\s*$")
# A date that says as of when figures are counted ("el corte … con cifras al 15 de marzo") is no deadline.
_AS_OF_BEFORE = re.compile(r"\b(?:cifras|corte|datos|figures|data|numbers)\s+(?:al|a|as\s+of|del|hasta\s+el)\s*$")


def _as_of(t: Text, hit: DateHit) -> bool:
    return _AS_OF_BEFORE.search(t.masked[max(0, hit.start - 30) : hit.start]) is not None


def _owner(named: str, catalog: AreaCatalog) -> str | None:
    """The area an addressee names: "la DEOE", or "el OPL de Coahuila" (an area of a place)."""
    return catalog.exact(named) or catalog.exact(re.sub(r"\s+(?:de|del|of)\s+.*$", "", named))


# The deadline given as a field of its own after the description: set off by a dash, a parenthesis or a full
# stop and labelled ("— fecha límite 24 de febrero", "(deadline: March 10)", ". Plazo: el viernes"). Said in the
# sentence ("…, due March 15", "… a más tardar el 31/03"), it is the description's own words.
_DEADLINE_FIELD = re.compile(
    r"(?:\s*[—–]\s*|\s+-\s+|\s*\(\s*|[.;]\s+)(?:plazo|fecha\s+(?:limite|compromiso|de\s+entrega)|vence|vencimiento|"
    r"deadline|due(?:\s+date)?|limite|fecha(?=\s*:))\b\s*:?[^—–()]*\)?\W*$"
)
_BEFORE_MEETING = re.compile(r"[\s:,;.\-–—]*(?:(?:de|en|desde|from|of|at|in)\s+(?:la|el|the|a)?\s*)?", re.I)
_ADDRESSEE = re.compile(
    r"(?:(?:(?:al|a)\s+cargo\s+(?:del|de)|(?:por|de)\s+parte\s+(?:del|de)|para|pa|al|a|del|de|for|to|"
    r"assigned\s+to|owner|owned\s+by|responsable|resp\.?)\s+|p/\s*)?(?:(?:el|la|los|las|the)\s+)?(?P<area>[^:,;\-–—/]{2,60}?)\s*(?:,\s*(?:que\s+)?(?:salio|surgio|sale|surge|"
    r"derivad[oa]|acordad[oa]|came\s+(?:out\s+of|from)|from)\b[^:;]{0,80})?[:;\-–—]\s*",
    re.I,
)


# "a cargo de la DECEYEC para elaborar …", "for CNCS to launch …": who owes it, then what it is to do.
_OWNER_TO = re.compile(
    r"^(?:(?:al|a)\s+cargo\s+(?:del|de)|para|for|al|a)\s+(?:(?:el|la|los|las|the)\s+)?(?P<area>[^:,;]{2,40}?)\s+(?:para|to)\s+(?=\w)"
)
# "la DEA tiene que …": who owes it, said as an obligation; the text is what it has to do.
_OWES = re.compile(r"^(?:(?:el|la|los|las)\s+)?(?P<area>[^:,;]{2,60}?)\s+(?:tiene|tienen)\s+que\s+")
# A field of a structured entry ("— descripción: …", "| texto: …"): its label is structure, not text.
_FIELD = re.compile(r"(?:^[\s—–|;-]*|\s[—–|;]\s*|\n\s*|\s-\s+)(?P<label>[a-z ]{2,20}?)\s*:\s*")
_RESPONSIBLE = re.compile(r"(?:responsables?|area|areas|owner|responsible|a\s+cargo\s+de)")
_DESCRIPTION = re.compile(r"(?:descripcion|description|texto|text|asunto|subject|compromiso|commitment)")


def _unlabelled(description: str) -> tuple[str, str | None]:
    """The description without the command or the field labels around it ("anótalo, porfa: …", "responsable:
    DEA — descripción: … — vence: …" are how it is entered, not what is owed), and the responsible field's value."""
    fields = list(_FIELD.finditer(fold_aligned(description)))
    values = {
        m["label"].strip(): description[m.end() : fields[i + 1].start() if i + 1 < len(fields) else None].strip()
        for i, m in enumerate(fields)
    }
    responsible = next((v for k, v in values.items() if _RESPONSIBLE.fullmatch(k)), None)
    text = next((v for k, v in values.items() if _DESCRIPTION.fullmatch(k)), None)
    if text:
        return text, responsible
    head, colon, tail = description.partition(":")
    if colon and not re.search(r"\w", _COMMAND_WORDS.sub(" ", _LOG_VERB.sub(" ", fold_aligned(head)))):
        return tail.strip(), responsible
    return description, responsible


def _areas_in(text: str, catalog: AreaCatalog) -> list[str]:
    found: list[str] = []
    rest = text
    for _ in range(6):
        hit = catalog.find(rest)
        if hit is None:
            break
        acronym, (_, end) = hit
        if acronym not in found:
            found.append(acronym)
        words = re.findall(r"\S+", rest)
        rest = " ".join(words[end:]) if end < len(words) else ""
    return found


def with_date(request: Request, hit: DateHit, t: Text) -> Request:
    return replace(
        request,
        date=hit.date,
        date_precision=hit.precision,
        alternatives=hit.alternatives,
        date_phrase=t.raw[hit.start : hit.end].strip(),
    )


def listing(t: Text, catalog: AreaCatalog, cued: bool = True) -> Request | None:
    """A list request, with its area, status, deadline and overdue filters; None when nothing says it is one
    (``cued=False``: another reading already did, e.g. the classifier, and only the filters are wanted)."""
    area_hit = catalog.find(t.raw)
    if area_hit is None:
        token = next((w for w in re.findall(r"[A-Za-z]{4,}", t.raw) if w.isupper()), None)
        fuzzy = catalog.fuzzy_token(token) if token else None
        area_hit = (fuzzy, (0, 0)) if fuzzy else None
    cue = lx.LIST_CUE.search(t.masked) or _fuzzy_pending(t.masked)
    cue = cue or area_hit is not None and lx.LIST_DONE.search(t.masked) is not None  # "lo que ya se atendió del X"
    if area_hit is None and cue:
        area_hit = _unknown_area(t)
    mine = bool(lx.MINE.search(t.masked)) and bool(cue)
    if cued and not cue and not (area_hit and (lx.LIST_WEAK.search(t.masked) or _short(t))):
        return None
    overdue = bool(lx.OVERDUE.search(t.masked))
    due = _upper_bound(t)
    status = _list_status(t, overdue)  # a deadline alone filters no status (the registry lists open ones)
    request = Request(
        intent="list",
        status=status,
        area=area_hit[0] if area_hit else None,
        overdue=overdue,
        mine=mine and area_hit is None,
    )
    return with_date(request, due, t) if due else request


def _upper_bound(t: Text) -> DateHit | None:
    """The deadline a list is filtered by: a date in a clause that asks for a list by deadline ("…que vencen antes
    del viernes"), not one in a clause about something else ("…, I need to nudge people before Thursday")."""
    for hit in t.dates:
        start = max(t.masked.rfind(c, 0, hit.start) for c in ",;.!?") + 1
        clause = t.masked[start : hit.end]
        listed = lx.LIST_CUE.search(clause) or lx.LIST_WEAK.search(clause) or lx.DEADLINE_NAMED.search(clause)
        listed = listed or lx.LIST_OPEN.search(clause)  # "qué falta por atender antes del 28"
        if lx.DUE_BEFORE.search(clause) and listed:
            return hit
    return None


_AREA_OF = re.compile(r"\b(?:[aá]rea|unidad|area)\s+(?:de\s+(?:la\s+)?|del\s+)?([A-ZÑ]{2,10})\b", re.I)


def _unknown_area(t: Text) -> tuple[str, tuple[int, int]] | None:
    """An acronym the catalog does not know, named as an area ("Pendientes del área XYZQ"): kept, so that the
    answer says it is unknown instead of listing everything. Only with the word "área": after a bare "de"
    a capitalised word is as often a month, a day or the institute itself ("Pendientes del INE")."""
    m = _AREA_OF.search(t.raw)
    if m is None or not m.group(1).isupper():
        return None
    return m.group(1), (0, 0)


def _short(t: Text) -> bool:
    return len(re.findall(r"\w+", t.masked)) <= 4


def _fuzzy_pending(masked: str) -> bool:
    from rapidfuzz import fuzz

    return any(fuzz.ratio(word, "pendientes") >= 80 for word in re.findall(r"[a-z]{8,}", masked))


def _list_status(t: Text, implied_open: bool) -> str | None:
    masked = lx.LIST_EXCLUDED.sub(" ", t.masked)
    if lx.LIST_BOTH_OPEN.search(masked):
        return "open"
    if lx.LIST_IN_PROGRESS.search(masked):
        return "in_progress"
    if lx.LIST_PENDING.search(masked):
        return "pending"
    if lx.LIST_DONE.search(masked) and not lx.LIST_OPEN.search(masked):
        return "done"
    if lx.LIST_OPEN.search(masked) or implied_open or _fuzzy_pending(masked):
        return "open"
    return None


def _subject(t: Text, catalog: AreaCatalog) -> Request | None:
    """A commitment named by its subject: "¿qué pasó con lo de la visita a Montreal?"."""
    m = lx.SUBJECT_MARKER.search(t.masked) or lx.SUBJECT_QUESTION.search(t.masked)
    m = m or lx.SUBJECT_COMMAND.search(t.masked)
    if m is None:
        return None
    while chained := lx.SUBJECT_MARKER.match(t.masked, m.end()):  # "any news on the one about the …"
        m = chained
    start = m.end()
    if not re.search(r"[a-z]{3,}", t.masked[start:]) or "    " in t.masked[m.start() : start]:
        return None  # what followed was a masked reference (INE/CG…), not a subject
    area = catalog.find(t.raw[start:])
    rest_words = re.findall(r"[a-z0-9]+", fold_aligned(t.raw[start:]))
    if area is not None:
        (a, b), bare = area[1], {"el", "la", "los", "las", "the", "de", "del", "of"}
        if all(w in bare for w in rest_words[:a] + rest_words[b:]):
            return None  # "lo de la DEA": the subject is an area, so this is a list ("lo del convenio INE-SRE" is not)
    end = len(t.masked)
    status = _status_change(t) if (lx.STATUS_VERB.search(t.masked) or lx.STATUS_WORD.search(t.masked)) else None
    named = deadline(t)  # a deadline cue cuts the subject, even when the message asks ("que la fecha de X sea…")
    due = named if not t.question else None
    cut = [h.start for h in t.dates if named and h.start <= named.start]
    verbs = [*lx.STATUS_WORD.finditer(t.masked), *lx.STATUS_IMPERATIVE.finditer(t.masked)] if status else []
    cut += [w.start() for w in verbs if w.start() > start]  # "lo del plan de riesgos ponlo en proceso"
    cut += [m.start() for m in re.finditer(r"\s(?:ya|already)\s", t.masked) if m.start() > start]  # "lo de X ya se…"
    if cut:
        end = min(c for c in cut if c > start) if any(c > start for c in cut) else end
    clause = re.search(r"[,;?!]|\.(?:\s|$)|\s[-–—]\s", t.raw[start:end])  # "¿qué pasó con el convenio, ya se firmó?"
    subject = trim_subject(t.raw[start : start + clause.start()] if clause else t.raw[start:end])
    if not subject:
        return None
    if due is not None:
        return with_date(Request(intent="set_due", text=subject), due, t)
    if status and not (t.question and not lx.REQUEST.search(t.masked)):  # "¿puedes marcar lo de X como…?" asks it
        return Request(intent="set_status", status=status, text=subject)
    return Request(intent="status", text=subject)


_PLURAL_LIST = re.compile(
    r"\b(?:vencen|venzan|pendientes|compromisos|commitments|items|todos|todo\s+lo|all|que|q|what|which)\b"
)


def _bare_subject(t: Text, catalog: AreaCatalog) -> Request | None:
    """A subject named without any marker: "el plan de riesgos ponlo en proceso", "la nota … vence el jueves"."""
    if (t.question or "?" in t.raw) and not _requested(t) or _PLURAL_LIST.search(t.masked):
        return None
    verb, word = lx.STATUS_IMPERATIVE.search(t.masked), lx.STATUS_WORD.search(t.masked)
    stated = _STATED.search(t.masked[: word.start()]) if word and not verb else None
    if stated and word and word.lastgroup in _STATUS_OF:  # "the LNERE projection one is done": said, not asked
        subject = trim_subject(t.raw[: stated.start()])
        return Request(intent="set_status", status=_STATUS_OF[word.lastgroup], text=subject) if subject else None
    if verb and word:
        before, after = t.raw[: min(verb.start(), word.start())], t.raw[max(verb.end(), word.end()) :]
        between = t.raw[verb.end() : word.start()]  # "Put the A2 visa commitment back to pending"
        subject = trim_subject(max(before, between, after, key=len))
        status = _status_change(t) or _STATUS_OF.get(word.lastgroup or "")
        return Request(intent="set_status", status=status, text=subject) if subject and status else None
    due = t.dates[0] if t.dates else None
    named = _DEADLINE_OF.match(t.masked)
    pushed = _PUSHED.match(t.masked[: due.start]) if due else None  # "push the Montreal visit to March 17"
    if due and pushed:
        subject = trim_subject(t.raw[pushed.start("subject") : pushed.end("subject")])
        if subject and catalog.exact(subject) is None:
            return with_date(Request(intent="set_due", text=subject), due, t)
    before_deadline = _SUBJECT_DEADLINE.search(t.masked)  # "can we move the Montreal nota verbal deadline to …"
    if due and before_deadline and before_deadline.end() <= due.start:
        subject = trim_subject(t.raw[before_deadline.start("subject") : before_deadline.end("subject")])
        if subject and catalog.exact(subject) is None:
            return with_date(Request(intent="set_due", text=subject), due, t)
    if due and named and named.end() < due.start:  # "deadline for the risk plan is now …", "el plazo de X es …"
        subject = trim_subject(t.raw[named.end() : due.start])
        if subject and catalog.exact(subject) is None:
            return with_date(Request(intent="set_due", text=subject), due, t)
    if due is None:
        return None
    cues = [c for c in lx.DUE_CUE.finditer(t.masked) if c.start() < due.start]
    one = _THE_ONE.search(t.masked)  # "the visado one is now due …": one word names it
    for cue in reversed(cues):  # the last cue before the date ("para el traspaso … la fecha queda al 3 de marzo")
        subject = trim_subject(t.raw[: cue.start()])
        if subject and catalog.exact(subject) is None and (len(subject.split()) >= 2 or one):
            return with_date(Request(intent="set_due", text=subject), due, t)
    return None


_THE_ONE = re.compile(r"^\W*(?:the|el|la|lo)\s+(?:de\s+)?\w+\s+(?:one|item|thing)\b")
_PUSHED = re.compile(
    r"^\W*(?:please\s+|pls\s+|porfa\s+)?(?:push|move|postpone|extend|reschedule|mueve|recorre|aplaza|pospon\w*|corre|"
    r"reprograma|reagenda)\s+"
    r"(?:the\s+|el\s+|la\s+|lo\s+del?\s+)?(?P<subject>[^,;:?!#]+?)\s+(?:to|until|till|al|a|para\s+el|hasta\s+el)\s*$"
)
_SUBJECT_DEADLINE = re.compile(
    r"\b(?:move|push|extend|change|set|update|cambia|mueve|recorre|pasa|actualiza)\s+(?:the\s+|el\s+|la\s+)?"
    r"(?P<subject>[^,;:?!]+?)(?:'s)?\s+(?:deadline|due\s+date)\b"
)
_DEADLINE_OF = re.compile(
    r"^[^\w#]*(?:(?:se\s+)?(?:extiende|amplia|mueve|cambia|recorre|pasa|actualiza|modifica|ajusta|muevele|cambiale|"
    r"recorrele|ajustale|ampliale|push|move|extend|change|"
    r"update)\s+)?(?:the\s+|el\s+|la\s+|new\s+|nuevo\s+|nueva\s+)?(?:deadline|due\s+date|plazo|fecha\s+limite|fecha)\s+"
    r"(?:(?:compromiso|comprometida|de\s+entrega|de\s+vencimiento|de\s+cumplimiento)\s+)?"
    r"(?:for|of|de\s+la|de\s+los|de\s+las|del|de|para|al|a\s+la)\s+(?:the\s+|la\s+|el\s+|lo\s+de\s+|lo\s+del\s+)?"
)
# The status a subject is said to have now, right before the status word ("… ya está", "… one is", "… quedó").
_STATED = re.compile(
    r"\s(?:(?:one\s+)?(?:is|was|has\s+been)(?:\s+(?:now|already|finally))?|(?:ya\s+)?(?:esta|quedo|queda)(?:\s+ya)?)\s+"
    r"(?:(?:como|as)\s+)?$"
)
_STATUS_OF = {"done": "done", "in_progress": "in_progress", "pending": "pending", "reopen": "in_progress"}

_TAIL = re.compile(
    r"(?:\s+(?:sigue|queda|quedo|esta|is|as|como|to|a|al|para|es|vence|pasa|el|la|en|now|ya|ahora|de|going|va|anda|"
    r"status|estatus|en\s+(?:q|que)\s+va|ponlo|ponla|debe|entregarse|a\s+mas\s+tardar|is\s+due|is\s+now|"
    r"ahora\s+es|ahora|now|coming\s+along|doing|one|commitment|item|new|nuevo|nueva|que|venza|"
    r"se\s+(?:mueve|recorre|cambia|pasa|reprograma|corre|aplaza|pospone)|moves|is\s+moved|shifts|"
    r"sea|quede|se|tiene|has|back|again|sorted|ready|finished|resolved|resuelt[oa]|arreglad[oa]|should\s+be|should|"
    r"must\s+be|deberia|de\s+nuevo|otra\s+vez|thing|stuff|still|todavia|aun|no|slipped|slid|moved|changed|se\s+(?:retraso|atraso|movio|recorrio)))+\s*$",
    re.IGNORECASE,
)
_SAID_OF_IT = re.compile(
    r"\s(?:ya|already)\s|\s(?:o|or)\s+(?:todavia|aun|not|no)\b|\s(?:and|y)\s+(?:when|what|who|how|cuando|que|quien|como)\b"
)
# "el compromiso de la proyección…", "the commitment on…": the word names what follows.
_NAMED = re.compile(
    r"^(?:(?:el|la|the)\s+)?(?:compromiso|commitment|estado|estatus|status|situacion|avance|progress|state)\s+"
    r"(?:de\s+la|de\s+los|de\s+las|del|de|sobre|on|about|of)\s+(?:the\s+)?"
)
# "… de votantes que íbamos a mandar al IME", "… que pidió la SRE", "… que vence el 3": a relative clause that tells
# what someone did with it, or its deadline or status, is not its name; one that describes it ("los visados … que van
# a los consulados") is.
_RELATIVE = re.compile(
    r"^(\S+\s+\S+.*?)\s+(?:que|which|that)\s+(?:\w+(?:amos|imos|emos|[oó]|aron|ieron)\b|(?:nos|me|te)\s|(?:we|i|you)\b|"
    r"ven[cz]\w*|due\b|is\s+due|deb\w+|sea\b|est[aá]\b|sigue\b|queda\b|quedo\b|qued[oó]\b).*$",
    re.IGNORECASE,
)


def trim_subject(text: str) -> str:
    folded = fold_aligned(text)
    order = lx.CLITIC_ORDER.search(folded)  # "… del convenio cámbiala al 10": the order ends it
    said = _SAID_OF_IT.search(folded)  # "… ya se firmó", "… o todavía no": what is said of it ends it too
    ends = [m.start() for m in (order, said) if m]
    text = re.sub(r"[?¿!¡.,;:]+", " ", text[: min(ends)] if ends else text)
    text = " ".join(text.split())
    text = _RELATIVE.sub(r"\1", _NAMED.sub("", text, count=1))
    previous = None
    while previous != text:
        previous = text
        tail = _TAIL.search(fold_aligned(text))  # on the folded text: "ya no está" ends like "ya no esta"
        text = text[: tail.start()].strip() if tail else text.strip()
        text = re.sub(r"^(?:el|la|los|las|lo|del|de|al|para|the|a|an)\s+", "", text, flags=re.IGNORECASE)
        text = re.sub(r"^(?:oye|oigan|hola|hey|mira|buenas|porfa|please|pls|ok|okay)\s+", "", text, flags=re.IGNORECASE)
    return text
