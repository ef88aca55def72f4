"""A list request and its filters: area, status, the deadline it is bounded by, overdue."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from bot.nlu import lexicon as lx
from bot.nlu.areas import AreaCatalog
from bot.nlu.dates import DateHit
from bot.nlu.request import Request, with_date
from bot.nlu.text import Text


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


_NEXT_WEEK = re.compile(r"semana\s+que\s+(?:entra|viene)|(?:proxima|siguiente)\s+semana|next\s+week")
_BEFORE = re.compile(r"\b(?:antes|before)\b")


def _upper_bound(t: Text) -> DateHit | None:
    """The deadline a list is filtered by: a date in a clause that asks for a list by deadline ("…que vencen antes
    del viernes"), not one in a clause about something else ("…, I need to nudge people before Thursday")."""
    for hit in t.dates:
        start = max(t.masked.rfind(c, 0, hit.start) for c in ",;.!?") + 1
        clause = t.masked[start : hit.end]
        listed = lx.LIST_CUE.search(clause) or lx.LIST_WEAK.search(clause) or lx.DEADLINE_NAMED.search(clause)
        listed = listed or lx.LIST_OPEN.search(clause)  # "qué falta por atender antes del 28"
        if lx.DUE_BEFORE.search(clause) and listed:
            week = _NEXT_WEEK.search(t.masked, hit.start, hit.end) and not _BEFORE.search(clause)
            return replace(hit, date=hit.date + timedelta(days=4)) if week else hit
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
