"""A new commitment: its description, the area that owes it and its deadline, whatever frames them ("Nuevo compromiso
para el IME: …", "new commitment for CNCS, due March 1: …", "— fecha límite …")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.nlu import lexicon as lx
from bot.nlu.areas import AreaCatalog
from bot.nlu.dates import DateHit
from bot.nlu.notes import COMMAND_WORDS, LOG_VERB, without_asides
from bot.nlu.request import Request, with_date
from bot.nlu.text import Text, fold_aligned


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
    description = without_asides(description) if description else description  # "… ¿Lo das de alta?"
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
    r"(?:\s*[—–]\s*|\s+-\s+|\s*\(\s*|[.;]\s+|,\s*(?=\w+(?:\s+\w+)?\s*:))"
    r"(?:plazo|fecha\s+(?:limite|compromiso|de\s+entrega)|vence|vencimiento|"
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
    if colon and not re.search(r"\w", COMMAND_WORDS.sub(" ", LOG_VERB.sub(" ", fold_aligned(head)))):
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
