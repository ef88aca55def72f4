"""Where a note begins and ends: the words around it that frame it (a forwarded mail's header, a greeting, a formal
lead-in, "anota que…", a closing) are not what the writer wants logged."""

from __future__ import annotations

import re

from bot.nlu import lexicon as lx
from bot.nlu.text import Text, fold_aligned

# What opens the words after the code without being the note, over folded text: separators and a mail thread's
# marks ("--- ", ">> "), a greeting, a label ("avance:", "tuvo avance:"), a lead-in ("les informo lo siguiente:",
# "por este medio hago de su conocimiento que", "please record that") or the "que"/"q"/"that" of "anota en el 5/2023
# que…". They can follow one another, so they are taken off until none is left.
_LEAD_IN = re.compile(
    r"[\s:,;.\-–—>]*(?:"
    r"(?:hola|buen(?:os|as)?\s+(?:dias|tardes|noches)|buen\s+dia|buenas|saludos|hi|hello|good\s+(?:morning|afternoon)|"
    r"estimad[oa]s?|apreciables|queridos?|colegas|compas|dear\s+(?:all|team|colleagues))"
    r"(?:\s+(?:equipo|a\s+todos|todos|colegas|companer[oa]s|team|all|everyone))?\s*[,.!:;]"
    r"|(?:avanzo|avanza|progressed)\s*[:\-–—]"
    r"|(?:(?:ya\s+)?(?:tuvo|tiene|hubo|hay|presenta|registra|lleva)\s+(?:un\s+|nuevo\s+|otro\s+)?)?(?:quick\s+|short\s+|breve\s+)?"
    r"(?:avance|avances|nota|novedad|novedades|seguimiento|actualizacion|update|progress|note|log|"
    r"accion|acciones|action|actividad|comentario|detalle|fyi|agregar|anotar|registrar|add|log|anota|apunta|registra|"
    r"agrega)\s*[:\-–—]|(?:porfa|por\s+favor|pls|please)\s+(?:anota|apunta|registra|agrega|log|note|add)\s*[:\-–—]"
    r"|para\s+(?:su|tu)\s+(?:registro|conocimiento|seguimiento)\s*[:,\-–—]"
    r"|(?:lleva|tiene|va|queda)\s+(?:esto|lo\s+siguiente)\s*:|(?:esto|lo\s+siguiente|the\s+following)\s*:"
    r"|(?:por\s+este\s+medio\s+)?(?:(?:les|le|te|nos)\s+)?(?:hago|hacemos)\s+de\s+su\s+conocimiento\s+(?:que\b)?"
    r"|(?:me\s+permito|nos\s+permitimos)\s+(?:informar|comentar|hacer\s+de\s+su\s+conocimiento)\w*\s+(?:que\b)?"
    r"|se\s+(?:les|le)\s+informa\s+que\b|(?:anota|registra|apunta|agrega)\s+(?:por\s+favor|porfa|pls)\s*:"
    r"|(?:(?:les|le|te|nos)\s+)?(?:inform[oa]|informamos|comento|comentamos|comparto|compartimos|reporto|platico|"
    r"platicamos|reportamos|aviso|avisamos|cuento|notifico)\s+(?:lo\s+siguiente\s*[:,.\-–—]?|que\b)"
    r"|(?:please\s+)?(?:record|note|log|add)\s+that\b|(?:anota|registra|agrega|apunta|pon)\w*\s+que\b"
    r"|(?:just\s+)?(?:logging|noting|recording|adding|flagging)\s+(?:here\s+)?that\b"
    r"|(?:dejo|dejamos|para\s+dejar)\s+(?:constancia|registro)\s+de\s+que\b"
    r"|(?:solo\s+)?para\s+que\s+quede\s+(?:registrado|constancia|asentado)\s*[:,.\-–—]"
    r"|(?:por\s+este\s+medio\s+)?(?:les\s+|le\s+)?inform[oa]\s+que,?\s+(?:respecto|en\s+relacion|con\s+relacion)\s+al?\s+"
    r"(?:compromiso\s+)?#+\s*,?"
    r"|(?:que|q|that)\b)\s*"
)
_SEPARATORS = re.compile(r"^[\s:,;.\-–—>]+")
# A mail's or a chat's sign-off at the end ("…el 20 de febrero. Saludos", "Saludos cordiales, Lic. Ana Ruiz").
_CLOSING = re.compile(
    r"(?:^|(?<=[.!;\n]))\s*(?:saludos(?:\s+cordiales)?|un\s+saludo|atentamente|cordialmente|quedo\s+atent[oa]|"
    r"sin\s+otro\s+particular\W+(?:(?:reciba|reciban|le\s+envio|les\s+envio|me\s+despido)\s+)?[\w\s]{0,30}|"
    r"(?:best\s+|kind\s+)?regards|cheers|atte|sin\s+mas\s+por\s+el\s+momento(?:\W+quedo\s+a\s+sus\s+ordenes)?|"
    r"quedo\s+a\s+sus\s+ordenes)(?:\W+[\w.]+(?:\s+[\w.]+){0,4})?\W*$"  # and a name that signs it
)
# A last clause that only asks to log what came before, or thanks ("…a la DJ. Apúntalo porfa", "…, regístralo
# por favor", "Favor de registrarlo en el seguimiento.", "Thanks!"): every word of it is one of these.
_ASIDE_WORD = re.compile(
    r"(?:(?:apunta|anota|registra|agrega|anade|guarda|sube|captura|incluye|pon|mete)(?:r|rlo|rla)?(?:lo|la|le)?|"
    r"favor|por|porfa|xfa|plis|pls|please|gracias|mil|muchas|thanks|thank|you|thx|ty|de|en|el|la|al|a|lo|"
    r"seguimiento|bitacora|log|it|that|this|in|the|to|add|note|record|save|ok|va|sale|saludos|antemano|se|como|as|an|"
    r"accion|avance|nota|action|update|progress|pa|para|que|apuntes|anotes|registres|agregues|subas|tengas|sepas|"
    r"todos|all|everyone|dejar|registro|cordiales|quedo|quedamos|atent[oa]s?|das|dar|dalo|alta|crealo|create|add|"
    r"yet|deadline|no|sin|aun|todavia|(?:registren|anoten|apunten|agreguen|"
    r"suban)(?:lo|la)?)"
)
_CLAUSE_END = re.compile(r"[.!?;,]+\s*|\s+[-–—]\s+")

CLOSING_CHARS = 70


def trim_note(text: str, folded: str | None = None) -> str:
    """The note in ``text`` (the words after the code, as written; ``folded``: the same folded, when at hand):
    without what frames it."""
    folded, start = folded if folded is not None else fold_aligned(text), 0
    while m := _LEAD_IN.match(folded, start):
        if m.end() == start:
            break
        start = m.end()
    tail = folded[start:]
    closing = _CLOSING.search(tail, max(0, len(tail) - CLOSING_CHARS))  # a sign-off is short: only the end is read
    end = _without_asides(folded, start, start + closing.start() if closing else len(text))
    return _SEPARATORS.sub("", text[start:end]).strip()


def without_asides(text: str) -> str:
    """``text`` without its last clauses that only thank or ask for something ("… ¿Lo das de alta?")."""
    return text[: _without_asides(fold_aligned(text), 0, len(text))].rstrip(" ,;.")


def _without_asides(folded: str, start: int, end: int) -> int:
    """Where the note ends once its last clauses that only thank or ask to log it are left out (one clause, at
    least, is kept)."""
    while True:
        bounds = [m for m in _CLAUSE_END.finditer(folded, start, end) if m.start() > start and m.end() < end]
        if not bounds:
            return end
        last = bounds[-1]
        words = re.findall(r"\w+", folded[last.end() : end])
        if not words or not all(_ASIDE_WORD.fullmatch(w) for w in words):
            return end
        end = last.start()


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
        if not re.search(r"\w", COMMAND_WORDS.sub(" ", lx.LOG_PREFIX.sub(" ", head))):
            return ""
        end = t.code_span[0] if t.code_span else len(t.raw)
        command = re.search(r"[,;:.]([^,;:.]*)$", head)  # a last clause that only says where to log it
        if command and not re.search(
            r"\w", COMMAND_WORDS.sub(" ", LOG_VERB.sub(" ", lx.LOG_PREFIX.sub(" ", command[1])))
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
COMMAND_WORDS = re.compile(
    r"\b(?:en|el|la|los|las|del|de|al|a|para|sobre|un|una|nuevo|nueva|me|porfa|por\s+favor|compromiso|"
    r"agrega\w*|anade\w*|pon|ponle|muestra\w*|ver|dame|show|see|give|add|of|"
    r"on|to|for|in|the|an|new|please|pls|commitment|item|hola|hey|oye|favor|va|van|goes|belongs|corresponde|"
    r"pertenece|code|codigo|ref|re|es|is|its|comp|put|that|this)\b|#+"
)
LOG_VERB = re.compile(
    r"\b(?:registra\w*|anota\w*|agrega\w*|anade\w*|logea\w*|reporta\w*|apunta\w*|sube(?:lo|la)|guarda(?:lo|la)|add)\b"
)


def asks_to_log(t: Text) -> bool:
    """A command to log with nothing to log: a log verb before the code, or a colon and nothing after it."""
    return bool(LOG_VERB.search(t.before_code()) or re.fullmatch(r"\s*[:\-–—]\s*", t.after_code()))


# --- messages without a code ---------------------------------------------------------------------
