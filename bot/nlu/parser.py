"""Text → Request: which intent, which commitment, status, area, date, note."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from bot.nlu import decide
from bot.nlu import lexicon as lx
from bot.nlu import model as classifier
from bot.nlu.areas import AreaCatalog
from bot.nlu.dates import DateHit, fallback
from bot.nlu.request import Request
from bot.nlu.text import MAX_CHARS, Text, analyse, classifier_text, fold_aligned

__all__ = ["MAX_CHARS", "fold_aligned", "parse"]

_YES = re.compile(r"^\W*(?:si|sí|yes|y|ok|okay|confirmo|confirmado|correcto|dale|va|claro|sure)\W*$", re.I)
_NO = re.compile(r"^\W*(?:no|nel|cancela|cancelar|cancel|mejor\s+no)\W*$", re.I)
_CONFIRM_LANG = {"yes": "en", "y": "en", "sure": "en", "okay": "en", "cancel": "en", "si": "es", "confirmo": "es"}
_CONFIRM_LANG |= dict.fromkeys(("confirmado", "correcto", "dale", "va", "claro", "nel", "cancela", "cancelar"), "es")
_CONFIRM_LANG["mejor no"] = "es"


def parse(text: str, now: datetime, catalog: AreaCatalog) -> Request:
    """Understand one message at ``now`` (aware, in the commission's zone)."""
    if not text or not text.strip():
        return Request()
    too_long = len(text) > MAX_CHARS
    t = analyse(text, now)
    prediction = classifier.load().predict(classifier_text(t))
    if _YES.match(text) or _NO.match(text):  # one word: its language is the word's, when it has only one
        word = " ".join(re.findall(r"\w+", fold_aligned(text)))
        lang = _CONFIRM_LANG.get(word, prediction.lang)
        return Request(confirm="yes" if _YES.match(text) else "no", lang=lang)
    rules = _with_code(t, catalog) if t.code else _without_code(t, catalog)
    if rules.intent == "set_status" and t.code:
        rules = replace(rules, text=_status_note(t))
    rule = decide.label_of(rules.intent, rules.status)
    certain = rules.intent in ("create", "help") or rules.intent == "set_status" and _status_command(t)
    keep = rules.date_phrase and rules.date is None or rules.report and not _other_read(prediction.probs)
    chosen = rule if keep else decide.choose(rule, prediction.probs, certain=certain, question="?" in t.raw)
    request = rules if chosen == rule else _realize(chosen, t, catalog, rules)
    if request is not rules and _hollow(request):  # the grammar finds nothing to write: the rules' reading stands
        request, chosen = rules, rule
    later = _later_date(t) if request.intent == "log_update" and t.code else None
    options = decide.options(chosen, rule, prediction.probs, dated_note=later is not None, coded=t.code is not None)
    return replace(
        request,
        options=options,
        option_date=later.date if later and "set_due" in options else None,
        confidence=round(prediction.probs.get(chosen, 0.0), 3),
        lang=prediction.lang,
        too_long=too_long,
    )


def _other_read(probs: dict[str, float]) -> bool:
    """The classifier is sure a message that names the report asks something else ("lista de en proceso pal
    informe", "¿cuándo se presenta el siguiente informe?"); it was never taught the report itself."""
    label = max(probs, key=probs.__getitem__)
    return label in ("list", "next_session", "status") and probs[label] >= REPORT_OVERRIDE


REPORT_OVERRIDE = 0.85


def _hollow(request: Request) -> bool:
    """A note without words ("Avance en 01/2023" asks to see it). A deadline without a date is no such case: the
    bot asks for the date ("give 07/2023 one more week", "ponle la fecha de la próxima sesión")."""
    return request.intent == "log_update" and not request.text


def _realize(label: str, t: Text, catalog: AreaCatalog, rules: Request) -> Request:
    """The request for a label the rules did not choose: the same grammar fills in its code, date, area and text."""
    intent, _, status = label.partition(":")
    subject = None
    if not t.code:
        subject = rules.text if rules.intent in ("status", "set_status", "set_due") else _loose_subject(t)
    if intent == "log_update":
        return Request(intent=intent, code=t.code, text=_note(t) if t.code else t.raw.strip())
    if intent == "set_status":
        return Request(intent=intent, code=t.code, status=status, text=_status_note(t) if t.code else subject)
    if intent == "set_due":
        hit = _deadline(t) or _later_date(t) or (t.dates[0] if t.dates else None)
        request = Request(intent=intent, code=t.code, text=subject)
        return _with_date(request, hit, t) if hit else request
    if intent == "create":
        return _create(t, catalog)
    if intent == "status":
        return Request(intent=intent, code=t.code, text=subject)
    if intent == "list":
        return _list(t, catalog) or Request(intent=intent)
    return Request(intent=intent, code=t.code if intent == "unknown" else None)


def _later_date(t: Text) -> DateHit | None:
    """A day named in the message that could be a new deadline: ahead, but not so far ahead that it is more likely
    a past day read in next year ("respondió el 6 de febrero", said on the 13th, reads as next February)."""
    today = t.now.date()
    ahead = [h for h in t.dates if h.precision == "day" and 0 < (h.date - today).days <= PLAUSIBLE_DAYS]
    return ahead[-1] if ahead else None


PLAUSIBLE_DAYS = 200
_ABOUT = re.compile(r"\b(?:con|sobre|acerca\s+de|respecto\s+(?:a|de)|about|with|regarding|on)\s+")


def _loose_subject(t: Text) -> str | None:
    """The words after "con", "sobre", "about"…: what a message without a code is about, when no rule said."""
    m = _ABOUT.search(t.masked)
    if m is None:
        return None
    clause = re.split(r"[,;?!]", t.raw[m.end() :], maxsplit=1)[0]
    return _trim_subject(clause) or None


# Clauses that are the command itself (a status, its verb, politeness) rather than a note.
_COMMAND_CLAUSE = re.compile(
    r"\b(?:cumpl\w*|atend\w*|conclu\w*|termin\w*|complet\w*|fulfill\w*|cerrad\w*|cierra\w*|cerrar|close\w*|"
    r"tacha\w*|actualiza\w*|update\w*|marca\w*|mark\w*|status|estatus|set|reabr\w*|reopen\w*|regresa\w*|"
    r"pendientes?|pending|progress|proceso|curso|done|list[oa]|porfa|pls|please|plis|xfa|gracias|thanks|"
    r"ponlo|ponla|pon|ponle|dejalo|dejala|pasalo|pasala|quedo)\b"
)


def _status_note(t: Text) -> str | None:
    """What a status change says besides the change: "Cierra el 24/2022: el IME mandó la nota…", "Con la entrega
    del informe, se tiene por cumplido el 03/2024" → the note."""
    if not t.code_span:
        return None
    kept = []  # the clauses around the code that are neither the code's nor the command's
    for m in re.finditer(r"[^:;,.!?]+", t.masked):
        clause = m[0]
        if len(re.findall(r"[a-z]+", clause)) >= 2 and not _COMMAND_CLAUSE.search(clause) and "#" not in clause:
            kept.append(t.raw[m.start() : m.end()].strip())
    return ", ".join(kept) or None


# --- messages that name a code -------------------------------------------------------------------


def _with_code(t: Text, catalog: AreaCatalog) -> Request:
    before = t.before_code()
    base = Request(code=t.code)
    if lx.CREATE.search(before):
        return _create(t, catalog)
    if lx.LOG_PREFIX.search(before) and not _status_command(t):
        note = _note(t)
        if note and not t.question or _is_statement(t):
            return replace(base, intent="log_update", text=note)
        if not note and not t.question and _asks_to_log(t):  # answered with how to write it
            return replace(base, intent="log_update", text="")
    status = _status_change(t)
    if status and not (t.question and not lx.CLOSE_IMPERATIVE.search(t.masked)):
        return replace(base, intent="set_status", status=status)
    due = _deadline(t)
    if due is not None and _reported(t):  # someone's deadline told as news: a note (the bot may offer the date)
        return replace(base, intent="log_update", text=_note(t))
    if due is not None and not _asks_when(t) and not ("?" in t.raw and not _imperative_due(t)):
        return _with_date(replace(base, intent="set_due"), due, t)
    if _bad_date(t):
        return replace(base, intent="set_due", date_phrase=_bad_date(t))
    late = _fallback_deadline(t)
    if late is not None:
        return replace(base, intent="set_due", date=late[0], date_precision="day", date_phrase=late[1])
    if _is_statement(t):
        return replace(base, intent="log_update", text=_note(t))
    if (lx.THANKS.search(t.masked) or lx.LAUGH.search(t.masked)) and not t.raw.rstrip().endswith("?"):
        return replace(base, intent="unknown")
    if _chatter(t):
        return replace(base, intent="unknown")
    return replace(base, intent="status")


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


def _status_command(t: Text) -> bool:
    """A status verb right before the code ("Cierra el 4/2023, …", "reabrir 12/2022, …")."""
    head = t.before_code()
    return bool(
        re.search(
            rf"\b(?:{lx.REOPEN}|cierra\w*|close|da\s+por\s+\w+|marca\w*)\s+(?:el\s+)?"
            rf"(?:compromiso\s+)?$",
            head,
        )
    )


def _status_change(t: Text) -> str | None:
    """The status the message sets, when it reads as a change of status."""
    words = [m for m in lx.STATUS_WORD.finditer(t.masked) if not _inside_note(t, m.start())]
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
    return position >= t.code_span[1] + m.end() and not _status_command(t)


_REPORTING = re.compile(
    r"\b(?:dijo|dice|dicen|informo|informa|comento|comenta|aviso|avisa|menciono|senalo|confirmo|respondio|"
    r"said|says|told|reported|mentioned|confirmed|replied|fyi|como\s+contexto|for\s+context)\b"
)


def _reported(t: Text) -> bool:
    """A deadline cue that follows a reporting verb ("el IME dijo que el plazo de la Cancillería vence el 10")."""
    said, cue = _REPORTING.search(t.masked), lx.DUE_CUE.search(t.masked)
    if said is None or cue is None:
        return False
    return said.start() < cue.start() or "context" in said[0]


def _imperative_due(t: Text) -> bool:
    verbs = (
        r"recorre|recorrer|mueve|mover|move|push|extend\w*|extiende|cambia|cambiar|change|pasa|pasar|set|pon|postpone"
    )
    return bool(re.search(rf"\b(?:{verbs})\b", t.masked))


def _asks_when(t: Text) -> bool:
    return t.question and bool(re.search(r"\b(?:cuando|when|que\s+fecha|what\s+date)\b", t.masked))


def _deadline(t: Text) -> DateHit | None:
    if not t.dates or not lx.DUE_CUE.search(t.masked) and not _code_then_date(t):
        return None
    return t.dates[-1] if len(t.dates) > 1 and re.search(r"\b(?:de|from)\b.*\b(?:a|al|to)\b", t.masked) else t.dates[0]


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
    if t.question and not re.match(r"\s*[:,]", after):
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


def _note(t: Text) -> str:
    """The note a message logs: what follows the code, or else what precedes it ("Se envió la nota al IME,
    01/2023") — unless that is only the command ("Registra avance en 01/2023:"), which is no note."""
    after = t.after_code()
    note = re.sub(r"^\s*[:,;.\-–—]+\s*", "", after).strip()
    if not note:
        head = t.before_code()
        if not re.search(r"\w", _COMMAND_WORDS.sub(" ", lx.LOG_PREFIX.sub(" ", head))):
            return ""
        note = re.sub(r"[\s:,;.\-]+$", "", t.raw[: t.code_span[0]] if t.code_span else t.raw).strip()
    return note


_COMMAND_WORDS = re.compile(
    r"\b(?:en|el|la|los|las|del|de|al|a|para|sobre|un|una|nuevo|nueva|me|porfa|por\s+favor|compromiso|"
    r"agrega\w*|anade\w*|pon|ponle|muestra\w*|ver|dame|show|see|give|add|of|"
    r"on|to|for|in|the|an|new|please|pls|commitment|item|hola|hey|oye)\b|#+"
)
_LOG_VERB = re.compile(r"\b(?:registra\w*|anota\w*|agrega\w*|anade\w*|logea\w*|reporta\w*|add)\b")


def _asks_to_log(t: Text) -> bool:
    """A command to log with nothing to log: a log verb before the code, or a colon and nothing after it."""
    return bool(_LOG_VERB.search(t.before_code()) or re.fullmatch(r"\s*[:\-–—]\s*", t.after_code()))


# --- messages without a code ---------------------------------------------------------------------


def _without_code(t: Text, catalog: AreaCatalog) -> Request:
    if lx.CREATE.search(t.masked):
        return _create(t, catalog)
    if lx.REPORT.search(t.masked) and not lx.HELP.search(t.masked) and len(re.findall(r"\w+", t.masked)) <= 12:
        return Request(report=True)
    if lx.HELP.search(t.masked):
        return Request(intent="help")
    if lx.NEXT_SESSION.search(t.masked):
        return Request(intent="next_session")
    subject = _subject(t, catalog) or _bare_subject(t, catalog)
    if subject is not None:
        return subject
    listed = _list(t, catalog)
    if listed is not None:
        return listed
    return Request()


def _create(t: Text, catalog: AreaCatalog) -> Request:
    m = lx.CREATE.search(t.masked)
    rest = t.raw[m.end() :] if m else t.raw.split(":", 1)[-1]
    start = m.end() if m else len(t.raw) - len(rest)
    description = re.sub(r"^\s*[:,;.\-–—]+\s*", "", rest).strip()
    if t.code and t.code_span and t.code_span[0] >= start:
        description = re.sub(r"^[\s:,;.\-–—]+", "", t.raw[t.code_span[1] :]).strip()
    addressee = _ADDRESSEE.match(description)
    owner = catalog.exact(addressee["area"]) if addressee else None
    if addressee and owner:  # "Nuevo compromiso para el IME: confirmar…": the IME owes it; the text is what
        description = description[addressee.end() :].strip()
    names = _areas_in(description, catalog)
    names = [owner, *(n for n in names if n != owner)] if owner else names
    due = next((d for d in t.dates if d.start >= start), None)
    request = Request(
        intent="create", code=t.code, text=description or None, area=names[0] if names else None, areas=tuple(names)
    )
    return _with_date(request, due, t) if due else request


_ADDRESSEE = re.compile(
    r"(?:para|a|al|del|de|for|to)\s+(?:(?:el|la|los|las|the)\s+)?(?P<area>[^:,;\-–—]{2,60}?)\s*[:;\-–—]\s*", re.I
)


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


def _with_date(request: Request, hit: DateHit, t: Text) -> Request:
    return replace(
        request,
        date=hit.date,
        date_precision=hit.precision,
        alternatives=hit.alternatives,
        date_phrase=t.raw[hit.start : hit.end].strip(),
    )


def _list(t: Text, catalog: AreaCatalog) -> Request | None:
    area_hit = catalog.find(t.raw)
    if area_hit is None:
        token = next((w for w in re.findall(r"[A-Za-z]{4,}", t.raw) if w.isupper()), None)
        fuzzy = catalog.fuzzy_token(token) if token else None
        area_hit = (fuzzy, (0, 0)) if fuzzy else None
    cue = lx.LIST_CUE.search(t.masked) or _fuzzy_pending(t.masked)
    if area_hit is None and cue:
        area_hit = _unknown_area(t)
    mine = bool(lx.MINE.search(t.masked)) and bool(cue)
    if not cue and not (area_hit and (lx.LIST_WEAK.search(t.masked) or _short(t))):
        return None
    overdue = bool(lx.OVERDUE.search(t.masked))
    due = t.dates[0] if t.dates and lx.DUE_BEFORE.search(t.masked) else None
    status = _list_status(t, overdue or due is not None)
    request = Request(
        intent="list",
        status=status,
        area=area_hit[0] if area_hit else None,
        overdue=overdue,
        mine=mine and area_hit is None,
    )
    return _with_date(request, due, t) if due else request


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
    if lx.LIST_IN_PROGRESS.search(t.masked):
        return "in_progress"
    if lx.LIST_DONE.search(t.masked) and not lx.LIST_OPEN.search(t.masked):
        return "done"
    if lx.LIST_OPEN.search(t.masked) or implied_open or _fuzzy_pending(t.masked):
        return "open"
    return None


def _subject(t: Text, catalog: AreaCatalog) -> Request | None:
    """A commitment named by its subject: "¿qué pasó con lo de la visita a Montreal?"."""
    m = lx.SUBJECT_MARKER.search(t.masked) or lx.SUBJECT_QUESTION.search(t.masked)
    m = m or lx.SUBJECT_COMMAND.search(t.masked)
    if m is None:
        return None
    start = m.end()
    if not re.search(r"[a-z]{3,}", t.masked[start:]) or "    " in t.masked[m.start() : start]:
        return None  # what followed was a masked reference (INE/CG…), not a subject
    area = catalog.find(t.raw[start:])
    rest_words = re.findall(r"[a-z0-9]+", fold_aligned(t.raw[start:]))
    if area is not None and area[1][0] <= 1 and len(rest_words) <= area[1][1] + 1:
        return None  # "lo de la DEA": the subject is an area, so this is a list
    end = len(t.masked)
    status = _status_change(t) if (lx.STATUS_VERB.search(t.masked) or lx.STATUS_WORD.search(t.masked)) else None
    due = _deadline(t) if not t.question else None
    cut = [h.start for h in ([due] if due else [])]
    cut += [w.start() for w in lx.STATUS_WORD.finditer(t.masked) if w.start() > start] if status else []
    if cut:
        end = min(c for c in cut if c > start) if any(c > start for c in cut) else end
    clause = re.search(r"[,;?!]", t.raw[start:end])  # "¿qué pasó con el convenio, ya se firmó?"
    subject = _trim_subject(t.raw[start : start + clause.start()] if clause else t.raw[start:end])
    if not subject:
        return None
    if due is not None:
        return _with_date(Request(intent="set_due", text=subject), due, t)
    if status and not t.question:
        return Request(intent="set_status", status=status, text=subject)
    return Request(intent="status", text=subject)


_PLURAL_LIST = re.compile(
    r"\b(?:vencen|venzan|pendientes|compromisos|commitments|items|todos|todo\s+lo|all|que|q|what|which)\b"
)


def _bare_subject(t: Text, catalog: AreaCatalog) -> Request | None:
    """A subject named without any marker: "el plan de riesgos ponlo en proceso", "la nota … vence el jueves"."""
    if t.question or "?" in t.raw or _PLURAL_LIST.search(t.masked):
        return None
    verb, word = lx.STATUS_IMPERATIVE.search(t.masked), lx.STATUS_WORD.search(t.masked)
    if verb and word:
        before, after = t.raw[: min(verb.start(), word.start())], t.raw[max(verb.end(), word.end()) :]
        subject = _trim_subject(max(before, after, key=len))
        status = _status_change(t) or _STATUS_OF.get(word.lastgroup or "")
        return Request(intent="set_status", status=status, text=subject) if subject and status else None
    due = t.dates[0] if t.dates else None
    named = _DEADLINE_OF.match(t.masked)
    if due and named and named.end() < due.start:  # "deadline for the risk plan is now …", "el plazo de X es …"
        subject = _trim_subject(t.raw[named.end() : due.start])
        if subject and catalog.exact(subject) is None:
            return _with_date(Request(intent="set_due", text=subject), due, t)
    cue = lx.DUE_CUE.search(t.masked)
    if due and cue and cue.start() < due.start:
        subject = _trim_subject(t.raw[: cue.start()])
        if subject and catalog.exact(subject) is None and len(subject.split()) >= 2:
            return _with_date(Request(intent="set_due", text=subject), due, t)
    return None


_DEADLINE_OF = re.compile(
    r"^[^\w#]*(?:the\s+|el\s+|la\s+|new\s+|nuevo\s+)?(?:deadline|due\s+date|plazo|fecha\s+limite|fecha)\s+"
    r"(?:for|of|de\s+la|de\s+los|de\s+las|del|de)\s+(?:the\s+|la\s+|el\s+|lo\s+de\s+|lo\s+del\s+)?"
)
_STATUS_OF = {"done": "done", "in_progress": "in_progress", "pending": "pending", "reopen": "in_progress"}

_TAIL = re.compile(
    r"(?:\s+(?:sigue|queda|quedo|esta|is|as|como|to|a|al|para|es|vence|pasa|el|la|en|now|ya|ahora|de|going|va|anda|"
    r"status|estatus|en\s+(?:q|que)\s+va|ponlo|ponla|debe|entregarse|a\s+mas\s+tardar|is\s+due|is\s+now|"
    r"ahora\s+es|ahora|now))+\s*$",
    re.IGNORECASE,
)


def _trim_subject(text: str) -> str:
    text = re.sub(r"[?¿!¡.,;:]+", " ", text)
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _TAIL.sub("", text).strip()
        text = re.sub(r"^(?:el|la|los|las|lo|del|de|the|a|an)\s+", "", text, flags=re.IGNORECASE)
    return text
