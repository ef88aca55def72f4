"""Where a note begins and ends: the words around it that frame it (a forwarded mail's header, a greeting, a formal
lead-in, "anota que…", a closing) are not what the writer wants logged."""

from __future__ import annotations

import re

from bot.nlu.text import fold_aligned

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
    r"|(?:(?:ya\s+)?(?:tuvo|tiene|hubo|hay|presenta|registra|lleva)\s+(?:un\s+|nuevo\s+|otro\s+)?)?"
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
    r"todos|all|everyone|dejar|registro|cordiales|quedo|quedamos|atent[oa]s?|(?:registren|anoten|apunten|agreguen|"
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
