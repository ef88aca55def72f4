"""A commitment named by its subject instead of its code: where the subject begins and ends, and what is asked or
changed of it ("¿qué pasó con lo de la visita a Montreal?", "the visado one is now due April 28")."""

from __future__ import annotations

import re

from bot.nlu import lexicon as lx
from bot.nlu.areas import AreaCatalog
from bot.nlu.request import Request, with_date
from bot.nlu.text import Text, fold_aligned
from bot.nlu.writes import deadline, requested, status_change


def subject_of(t: Text, catalog: AreaCatalog) -> Request | None:
    """A commitment named by its subject: "¿qué pasó con lo de la visita a Montreal?"."""
    m = lx.SUBJECT_MARKER.search(t.masked) or lx.SUBJECT_QUESTION.search(t.masked)
    m = m or lx.SUBJECT_COMMAND.search(t.masked)
    if m is None:
        return None
    while chained := lx.SUBJECT_MARKER.match(t.masked, m.end()):  # "any news on the one about the …"
        m = chained
    start = m.end()
    said = _STATUS_FIRST.match(t.masked, start)  # "Ponle en proceso al plan de riesgos"
    start = said.end() if said else start
    if not re.search(r"[a-z]{3,}", t.masked[start:]) or "    " in t.masked[m.start() : start]:
        return None  # what followed was a masked reference (INE/CG…), not a subject
    area = catalog.find(t.raw[start:])
    rest_words = re.findall(r"[a-z0-9]+", fold_aligned(t.raw[start:]))
    if area is not None:
        (a, b), bare = area[1], {"el", "la", "los", "las", "the", "de", "del", "of"}
        if all(w in bare for w in rest_words[:a] + rest_words[b:]):
            return None  # "lo de la DEA": the subject is an area, so this is a list ("lo del convenio INE-SRE" is not)
    end = len(t.masked)
    status = status_change(t) if (lx.STATUS_VERB.search(t.masked) or lx.STATUS_WORD.search(t.masked)) else None
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


_STATUS_FIRST = re.compile(
    r"\s*(?:(?:como|as|en|a|to)\s+)?(?:en\s+proceso|pendiente|atendido|in\s+progress|pending|done)\s+(?:al?|del?|a\s+la|the|for|on)\s+"
)
_PLURAL_LIST = re.compile(
    r"\b(?:vencen|venzan|pendientes|compromisos|commitments|items|todos|todo\s+lo|all|que|q|what|which)\b"
)


def bare_subject(t: Text, catalog: AreaCatalog) -> Request | None:
    """A subject named without any marker: "el plan de riesgos ponlo en proceso", "la nota … vence el jueves"."""
    if (t.question or "?" in t.raw) and not requested(t) or _PLURAL_LIST.search(t.masked):
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
        status = status_change(t) or _STATUS_OF.get(word.lastgroup or "")
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
    r"sea|quede|se|tiene|has|back|again|deadline|due\s+date|plazo|fecha\s+limite|presentarse|enviarse|atenderse|cumplirse|sorted|ready|finished|resolved|resuelt[oa]|arreglad[oa]|should\s+be|should|"
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
