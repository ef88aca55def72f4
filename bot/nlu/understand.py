"""Text → Request: the rules' reading and the classifier's, weighed; a doubtful write is reported, not guessed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot.nlu import decide
from bot.nlu import lexicon as lx
from bot.nlu import model as classifier
from bot.nlu.areas import AreaCatalog
from bot.nlu.creating import create
from bot.nlu.dates import DateHit
from bot.nlu.listing import listing
from bot.nlu.notes import note_of, trim_note
from bot.nlu.parser import rules
from bot.nlu.periods import scoped
from bot.nlu.request import Request, with_date
from bot.nlu.subjects import trim_subject
from bot.nlu.text import MAX_CHARS, Text, analyse, classifier_text, fold_aligned
from bot.nlu.writes import deadline, status_command

_YES = re.compile(r"^\W*(?:si|sí|yes|y|ok|okay|confirmo|confirmado|correcto|dale|va|claro|sure)\W*$", re.I)
_NO = re.compile(r"^\W*(?:no|nel|cancela|cancelar|cancel|mejor\s+no)\W*$", re.I)
_CONFIRM_LANG = {"yes": "en", "y": "en", "sure": "en", "okay": "en", "cancel": "en", "si": "es", "confirmo": "es"}
_CONFIRM_LANG |= dict.fromkeys(("confirmado", "correcto", "dale", "va", "claro", "nel", "cancela", "cancelar"), "es")
_CONFIRM_LANG["mejor no"] = "es"
# Taking back one's last change, said on its own ("deshacer", "deshazlo", "undo that", "revierte el último cambio").
_UNDO_ES = re.compile(
    r"^\W*(?:deshacer|deshaz(?:lo)?|revierte|revertir)(?:\s+(?:eso|lo\s+ultimo|el\s+ultimo(?:\s+cambio)?))?\W*$"
)
_UNDO_EN = re.compile(r"^\W*(?:undo|revert)(?:\s+(?:that|it|this|the\s+last(?:\s+change)?))?\W*$")


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
    for pattern, lang in ((_UNDO_ES, "es"), (_UNDO_EN, "en")):
        if pattern.match(t.folded):
            return Request(undo=True, lang=lang)
    read = rules(t, catalog)
    if read.intent == "set_status" and t.code:
        read = replace(read, text=_status_note(t))
    rule = decide.label_of(read.intent, read.status)
    certain = read.intent in ("create", "help") or read.intent == "set_status" and status_command(t)
    certain = certain or read.intent == "list" and lx.LIST_OPENING.match(t.masked) is not None
    certain = certain or read.intent == "set_due" and read.date is not None and bool(lx.DUE_IMPERATIVE.search(t.masked))
    keep = read.date_phrase and read.date is None or read.report and not _other_read(prediction.probs)
    question = ("?" in t.raw or lx.INDIRECT_QUESTION.search(t.masked) is not None) and not lx.REQUEST.search(t.masked)
    one_status = rule.startswith("set_status:") and len(lx.STATUS_WORD.findall(t.masked)) == 1
    chosen = (
        rule
        if keep
        else decide.choose(rule, prediction.probs, certain=certain, question=question, one_status=one_status)
    )
    if chosen == "unknown" and read.intent in ("set_due", "set_status") and read.text and (read.date or read.status):
        chosen = rule  # the grammar read a whole change of a named commitment: it is asked, not dropped
    request = read if chosen == rule else _realize(chosen, t, catalog, read)
    if request is not read and _hollow(request, read, t):  # the grammar finds nothing to act on: the rules read it
        request, chosen = read, rule
    later = _later_date(t) if request.intent == "log_update" and t.code else None
    options = decide.options(chosen, rule, prediction.probs, dated_note=later is not None, coded=t.code is not None)
    request = replace(
        request,
        options=options,
        option_date=later.date if later and "set_due" in options else None,
        confidence=round(prediction.probs.get(chosen, 0.0), 3),
        lang=prediction.lang,
        too_long=too_long,
        meeting=t.meeting if t.meeting and not (t.code or "").startswith("R") else None,
    )
    if request.intent == "set_due" and request.code:
        request = replace(request, reason=_due_reason(t.raw))
    return scoped(request, t.masked, now.date())


# Why a deadline moves, said after it: "porque la SRE pidió prórroga", "a solicitud de la DJ", "due to the strike".
_DUE_REASON = re.compile(
    r"\b(?:(?:porque|porq|xq|ya\s+que|dado\s+que|debido\s+a\s+que|toda\s+vez\s+que|because)\s+(?P<why>[^.?!]{3,})"
    r"|(?P<said>(?:a\s+(?:petici[oó]n|solicitud)\s+de|at\s+the\s+request\s+of|debido\s+a|due\s+to)\s+[^.?!]{3,}))",
    re.IGNORECASE,
)


def _due_reason(raw: str) -> str | None:
    found = _DUE_REASON.search(raw)
    if found is None:
        return None
    return (found["why"] or found["said"]).strip(" ,;:") or None


def _other_read(probs: dict[str, float]) -> bool:
    """The classifier is sure a message that names the report asks something else ("lista de en proceso pal
    informe", "¿cuándo se presenta el siguiente informe?"); it was never taught the report itself."""
    label = max(probs, key=probs.__getitem__)
    return label in ("list", "next_session", "status") and probs[label] >= REPORT_OVERRIDE


REPORT_OVERRIDE = 0.85


_SESSION_WORD = re.compile(r"\b(?:sesion\w*|session\w*|reun\w*|meet\w*|junta|comision|commission|cove)\b")


def _hollow(request: Request, read: Request, t: Text) -> bool:
    """A note without words ("Avance en 01/2023" asks to see it), a change that names no commitment, neither by
    code nor by subject, where the rules read a list ("due before 15/03 pls"), a status question about no
    commitment at all where the rules read none ("¿me pasas la liga de la reunión de las 12?"), or the next
    session asked in words that name none, where the rules read something ("¿para cuándo queda la guía?"). A
    deadline without a date is no such case: the bot asks for the date ("give 07/2023 one more week", "ponle la
    fecha de la próxima sesión")."""
    if request.intent == "next_session" and not _SESSION_WORD.search(t.masked):  # "¿para cuándo queda la guía?"
        return read.intent != "unknown"
    nameless = not request.code and not request.text
    if request.intent == "status" and nameless and not t.meeting:
        return read.intent == "unknown"
    nameless = nameless and request.intent in ("set_due", "set_status")
    return request.intent == "log_update" and not request.text or nameless and read.intent == "list"


def _realize(label: str, t: Text, catalog: AreaCatalog, read: Request) -> Request:
    """The request for a label the rules did not choose: the same grammar fills in its code, date, area and text."""
    intent, _, status = label.partition(":")
    subject = None
    if not t.code:
        subject = read.text if read.intent in ("status", "set_status", "set_due") else _loose_subject(t)
    if intent == "log_update":
        return Request(intent=intent, code=t.code, text=note_of(t) if t.code else _uncoded_note(t, read))
    if intent == "set_status":
        return Request(intent=intent, code=t.code, status=status, text=_status_note(t) if t.code else subject)
    if intent == "set_due":
        hit = deadline(t) or _later_date(t) or (t.dates[0] if t.dates else None)
        request = Request(intent=intent, code=t.code, text=subject)
        return with_date(request, hit, t) if hit else request
    if intent == "create":
        return create(t, catalog)
    if intent == "status":
        return Request(intent=intent, code=t.code, text=subject)
    if intent == "list":
        return listing(t, catalog, cued=False) or Request(intent=intent)
    return Request(intent=intent, code=t.code if intent == "unknown" else None)


def _uncoded_note(t: Text, read: Request) -> str:
    """A note on a commitment named by its subject ("sobre lo de la guía, ya se …"): what follows the subject."""
    subject = read.text if read.intent == "status" and read.text else None
    at = t.folded.find(fold_aligned(subject)) if subject else -1
    note = trim_note(t.raw[at + len(subject) :]) if subject and at >= 0 else ""
    return note or t.raw.strip()


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
    return trim_subject(clause) or None


# Clauses that are the command itself (a status, its verb, politeness) rather than a note.
_COMMAND_CLAUSE = re.compile(
    r"\b(?:cumpl\w*|atend\w*|conclu\w*|termin\w*|complet\w*|fulfill\w*|cerrad\w*|cierra\w*|cerrar|close\w*|"
    r"tacha\w*|actualiza\w*|update\w*|marca\w*|mark\w*|status|estatus|set|reabr\w*|reopen\w*|regresa\w*|"
    r"pendientes?|pending|progress|proceso|curso|done|(?<!\bla\s)(?<!\buna\s)list[oa]|porfa|pls|please|plis|xfa|gracias|thanks|"
    r"ponlo|ponla|pon|ponle|dejalo|dejala|pasalo|pasala|quedo|cierr\w*)\b"
    # a greeting or a sign-off on its own, to whoever it names ("Hey bot", "Buenos días equipo", "saludos cordiales")
    r"|^\W*(?:hola|hey|oye|buen\w*\s+(?:dias?|tardes|noches)|buenas|saludos|hi|hello|good\s+(?:morning|afternoon))"
    r"(?:\s+[a-z]+){0,2}\W*$"
)


# A clause that gives the change's reason names a status without commanding one ("…, lo cerré por error").
_REASON = re.compile(
    r"\b(?:porque|ya\s+que|debido\s+a|por\s+error|equivo[cq]\w*|me\s+confundi|nos\s+confundimos|because|since|"
    r"by\s+mistake|mistaken\w*|wrongly|in\s+error)\b"
)


def _status_note(t: Text) -> str | None:
    """What a status change says besides the change: "Cierra el 24/2022: el IME mandó la nota…", "Con la entrega
    del informe, se tiene por cumplido el 03/2024" → the note."""
    if not t.code_span:
        return None
    kept = []  # the clauses around the code that are neither the code's nor the command's
    masked = re.sub(r"\s[-–—]\s", " ; ", t.masked)  # "… to in progress - DJ acknowledged…": a dash parts clauses
    masked = re.sub(r"[()]", ";", masked)  # "…: En proceso (se espera respuesta de la DJ)": so does a parenthesis
    # "… a en proceso porque ya arrancó …": the reason is a clause of its own (its connector left out)
    masked = _BECAUSE.sub(lambda m: ";" + " " * (len(m[0]) - 1), masked)
    commanded = False  # the clause before was the command ("…cambiarlo a Atendido: la DEA confirmó…")
    for m in re.finditer(r"[^:;,.!?]+", masked):
        clause, words = m[0], len(re.findall(r"[a-z]+", m[0]))
        command = bool(_COMMAND_CLAUSE.search(clause)) and not _REASON.search(clause) and not _TELLS.search(clause)
        told = commanded and words >= TOLD_WORDS and masked[: m.start()].rstrip().endswith(":")
        if words >= 2 and (told or not command) and "#" not in clause:
            blank = len(m[0]) - len(m[0].lstrip())  # where a connector was blanked ("porque")
            kept.append(t.raw[m.start() + blank : m.end()].strip())
        commanded = command
    return ", ".join(kept) or None


# A status verb said of something else, named after it ("ya concluyeron las pruebas de UTSI"): news, not the command.
_TELLS = re.compile(
    r"\b(?:conclu\w*|termin\w*|complet\w*|cumpl\w*|atend\w*|cerr\w*|finish\w*|close\w*)\s+"
    r"(?:las|los|la|el|the|its|their)\s+[a-z]{4,}"
)
_BECAUSE = re.compile(r"\s(?:porque|porq|xq|pues|ya\s+que|dado\s+que|debido\s+a\s+que|because)\s")
TOLD_WORDS = 6  # a clause this long after the command and a colon is what the writer tells, even if it says "quedó"
