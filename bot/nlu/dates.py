"""Dates in Spanish and English: a small grammar for what staff write, dateparser for the rest.

Works on folded text (lower case, no accents, same length as the original) in which commitment
codes and official references have already been blanked out. Every date is resolved against an
explicit ``now``: deadlines lie ahead, and day/month order is the rule.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import date as Date

MONTHS = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "ene": 1,
    "feb": 2,
    "mar": 3,
    "abr": 4,
    "jun": 6,
    "jul": 7,
    "ago": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dic": 12,
    "jan": 1,
    "apr": 4,
    "aug": 8,
    "dec": 12,
}
WEEKDAYS = {
    "lunes": 0,
    "martes": 1,
    "miercoles": 2,
    "jueves": 3,
    "viernes": 4,
    "sabado": 5,
    "domingo": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "wed": 2,
    "thu": 3,
    "fri": 4,
}
NUMBERS = {
    "un": 1,
    "una": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "quince": 15,
    "veinte": 20,
    "treinta": 30,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "primero": 1,
    "first": 1,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_NUM = r"\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True))
_UNIT = r"dias?|semanas?|mes(?:es)?|days?|weeks?|months?"


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    date: Date
    precision: str = "day"  # day | month
    alternatives: tuple[Date, ...] = ()


def year_before(day: date) -> date:
    """The same day a year earlier (28 February for a 29th): a past day that was read ahead."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day - timedelta(days=365)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _ahead(today: date, month: int, day: int | None, year: int | None) -> date | None:
    """A day/month without a year is the next one on or after today."""
    try:
        if year is not None:
            return date(year, month, day) if day else _last_day(year, month)
        candidate = date(today.year, month, day) if day else _last_day(today.year, month)
        if candidate < today:
            candidate = date(today.year + 1, month, day) if day else _last_day(today.year + 1, month)
        return candidate
    except ValueError:
        return None


def _num(token: str) -> int:
    return int(token) if token.isdigit() else NUMBERS[token]


def _year(token: str | None) -> int | None:
    if not token:
        return None
    value = int(token)
    return value + 2000 if value < 100 else value


Rule = tuple[re.Pattern[str], Callable[[re.Match[str], date], "DateHit | tuple[date, str] | None"]]


def _numeric(m: re.Match[str], today: date) -> tuple[date, str] | None:
    if m["iy"]:
        try:
            return date(int(m["iy"]), int(m["im"]), int(m["id"])), "day"
        except ValueError:
            return None
    day, month = int(m["d"]), int(m["m"])
    if month > 12 >= day:  # "2/24": only the month-first reading is a date
        day, month = month, day
    found = _ahead(today, month, day, _year(m["y"]))
    return (found, "day") if found else None


def _day_month(m: re.Match[str], today: date) -> tuple[date, str] | None:
    found = _ahead(today, MONTHS[m["month"]], _num(m["day"]), _year(m["year"]))
    return (found, "day") if found else None


def _month_day(m: re.Match[str], today: date) -> tuple[date, str] | None:
    found = _ahead(today, MONTHS[m["month"]], int(m["day"]), _year(m["year"]))
    return (found, "day") if found else None


def _month_end(m: re.Match[str], today: date) -> tuple[date, str] | None:
    month = m["month"]
    if month is None:
        return _last_day(today.year, today.month), "day"
    found = _ahead(today, MONTHS[month], None, _year(m["year"]))
    return (found, "day") if found else None


def _month_only(m: re.Match[str], today: date) -> tuple[date, str] | None:
    found = _ahead(today, MONTHS[m["month"]], None, _year(m["year"]))
    if found and found.month == today.month and found.year == today.year:
        return found, "month"
    return (found, "month") if found else None


def _relative_day(m: re.Match[str], today: date) -> tuple[date, str]:
    word = m[0].strip()
    offset = 2 if ("pasado" in word or "after" in word) else 0 if word in ("hoy", "today") else 1
    return today + timedelta(days=offset), "day"


def _weekday(m: re.Match[str], today: date) -> DateHit | tuple[date, str]:
    target = WEEKDAYS[m["wd"]]
    delta = (target - today.weekday()) % 7 or 7
    found = today + timedelta(days=delta)
    marker = (m["next"] or "") + (m["after"] or "")
    if marker.strip() and delta == 1:  # "el próximo martes" said on a Monday: tomorrow, or in eight days?
        later = found + timedelta(days=7)
        if "next" in marker:  # English "next Tuesday" on a Monday: tomorrow would be "tomorrow", so next week's
            return DateHit(m.start(), m.end(), later, "day", (found,))
        return DateHit(m.start(), m.end(), found, "day", (later,))
    return found, "day"


def _next_week(m: re.Match[str], today: date) -> tuple[date, str]:
    return today + timedelta(days=7 - today.weekday()), "day"


def _week_end(m: re.Match[str], today: date) -> DateHit | tuple[date, str]:
    """ "esta semana", "end of the week": this week's Friday (next week's once it has passed); "el fin de
    semana" may also mean the Sunday, offered as the other reading."""
    friday = today + timedelta(days=(4 - today.weekday()) % 7)
    if m["weekend"]:
        return DateHit(m.start(), m.end(), friday, "day", (friday + timedelta(days=2),))
    return friday, "day"


def _next_month(m: re.Match[str], today: date) -> tuple[date, str]:
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return _last_day(year, month), "month"


def _mid_month(m: re.Match[str], today: date) -> tuple[date, str] | None:
    found = _ahead(today, MONTHS[m["month"]], 15, _year(m["year"]))
    return (found, "day") if found else None


def _fortnight(m: re.Match[str], today: date) -> tuple[date, str] | None:
    """Quincenas: the first ends on the 15th, the second on the month's last day."""
    if m["month"]:
        month_end = _ahead(today, MONTHS[m["month"]], None, _year(m["year"]))
        if month_end is None:
            return None
        return (month_end.replace(day=15) if m["which"] in ("primera", "1a", "1ra") else month_end), "day"
    this_end = today.replace(day=15) if today.day <= 15 else _last_day(today.year, today.month)
    if m["which"] in ("esta", "this"):
        return this_end, "day"
    after = this_end + timedelta(days=1)
    return (after.replace(day=15) if after.day == 1 else _last_day(after.year, after.month)), "day"


def _in_span(m: re.Match[str], today: date) -> tuple[date, str] | None:
    count = _num(m["n"])
    unit = m["unit"]
    if unit.startswith(("mes", "month")):
        month = today.month - 1 + count
        year, month = today.year + month // 12, month % 12 + 1
        return date(year, month, min(today.day, calendar.monthrange(year, month)[1])), "day"
    days = count * 7 if unit.startswith(("semana", "week")) else count
    return today + timedelta(days=days), "day"


def _week_of(m: re.Match[str], today: date) -> tuple[date, str] | None:
    ordinal = {"primera": 7, "first": 7, "segunda": 14, "second": 14, "tercera": 21, "third": 21}.get(m["which"])
    month = MONTHS[m["month"]]
    end = _ahead(today, month, None, _year(m["year"]))
    if end is None:
        return None
    return (end.replace(day=ordinal) if ordinal else end), "day"


def _weekday_day(m: re.Match[str], today: date) -> tuple[date, str] | None:
    """ "el martes 28": the next day numbered 28 that is a Tuesday (within a year), else the next 28th."""
    day, weekday = int(m["day"]), WEEKDAYS[m["wd"]]
    for month_offset in range(13):
        month = today.month + month_offset
        year, month = today.year + (month - 1) // 12, (month - 1) % 12 + 1
        if day <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if candidate >= today and candidate.weekday() == weekday:
                return candidate, "day"
    return _day_only(m, today)


def _day_only(m: re.Match[str], today: date) -> tuple[date, str] | None:
    day = int(m["day"])
    for month_offset in (0, 1):
        month = today.month + month_offset
        year, month = today.year + (month - 1) // 12, (month - 1) % 12 + 1
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= today:
            return date(year, month, day), "day"
    return None


RULES: list[Rule] = [
    (
        re.compile(
            r"\b(?:(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})|(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})"
            r"(?:[/.-](?P<y>\d{4}|\d{2}))?)\b(?![/.-]\d)"
        ),
        _numeric,
    ),
    (
        re.compile(
            rf"\b(?:fin(?:es|ales)?|end|the end)\s+(?:de|del|of)\s+(?:(?:el|este|the|this)\s+)?"
            rf"(?:mes|month|(?P<month>{_MONTH}))(?:\s+(?:de|del)?\s*(?P<year>\d{{4}}))?\b"
        ),
        _month_end,
    ),
    (  # "que vencen este mes", "due this month": this month's last day (said of anything else, a period); only
        # the month is the date, the verb stays the list's
        re.compile(r"\b(?:vencen?|venzan?|due|vencimiento)\s+(?:en\s+)?(?P<this>(?:este|this)\s+(?:mes|month))\b"),
        lambda m, today: DateHit(m.start("this"), m.end("this"), _last_day(today.year, today.month)),
    ),
    (
        re.compile(
            rf"\b(?:la\s+|the\s+)?(?P<which>primera|segunda|tercera|ultima|first|second|third|last)\s+"
            rf"(?:semana|week)\s+(?:de|del|of)\s+(?P<month>{_MONTH})(?:\s+(?:de\s+)?(?P<year>\d{{4}}))?\b"
        ),
        _week_of,
    ),
    (
        re.compile(
            rf"\b(?P<day>\d{{1,2}}|primero)(?:o|ro|st|nd|rd|th)?\s+(?:de\s+|of\s+)?(?P<month>{_MONTH})\b"
            rf"(?:\s*(?:de|del|,)?\s*(?P<year>\d{{4}}))?"
        ),
        _day_month,
    ),
    (
        re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(?P<year>\d{{4}}))?"),
        _month_day,
    ),
    (
        re.compile(
            rf"\b(?P<wd>{_WEEKDAY})\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[/.:,-]?\d)"
            r"(?!\s+(?:de|del|of|dias?|semanas?|days?|weeks?|hrs?|horas?|am|pm)\b)"
        ),
        _weekday_day,
    ),
    (
        re.compile(
            r"\b(?:pasado\s+manana|the\s+day\s+after\s+tomorrow|day\s+after\s+tomorrow|manana|tomorrow|hoy|"
            r"today)\b"
        ),
        _relative_day,
    ),
    (
        re.compile(
            rf"\b(?P<next>(?:el\s+)?(?:proximo|siguiente|next|this|este|on|el|al|para\s+el|by)\s+)?"
            rf"(?P<wd>{_WEEKDAY})\b(?P<after>\s+(?:que\s+viene|proximo|de\s+la\s+(?:proxima|otra)\s+semana))?"
        ),
        _weekday,
    ),
    (
        re.compile(r"\b(?:la\s+)?(?:semana\s+que\s+(?:entra|viene)|(?:proxima|siguiente)\s+semana|next\s+week)\b"),
        _next_week,
    ),
    (
        re.compile(
            r"\b(?:(?:a\s+|al\s+|para\s+el\s+)?(?:fin(?:al)?(?:es)?\s+de\s+(?:la\s+|esta\s+)?semana|"
            r"(?:the\s+)?end\s+of\s+(?:the|this)\s+week|esta\s+semana|this\s+week)"
            r"|(?P<weekend>(?:el|este)\s+fin\s+de\s+semana|(?:the|this)\s+weekend))\b"
        ),
        _week_end,
    ),
    (
        re.compile(r"\b(?:(?:el\s+)?(?:proximo|siguiente)\s+mes|el\s+mes\s+que\s+(?:viene|entra)|next\s+month)\b"),
        _next_month,
    ),
    (
        re.compile(
            rf"\b(?:a\s+)?(?:mediados\s+de|mid-?|middle\s+of)\s*(?P<month>{_MONTH})\b(?:\s+(?:de\s+)?(?P<year>\d{{4}}))?"
        ),
        _mid_month,
    ),
    (
        re.compile(
            rf"\b(?:la\s+)?(?P<which>primera|segunda|1a|1ra|2a|2da|proxima|siguiente|otra|esta|next|this)\s+"
            rf"quincena(?:\s+de\s+(?P<month>{_MONTH})(?:\s+(?:de\s+)?(?P<year>\d{{4}}))?)?\b"
        ),
        _fortnight,
    ),
    (re.compile(rf"\b(?:en|dentro\s+de|in|within)\s+(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\b"), _in_span),
    (
        re.compile(rf"\b(?:en|para|in|by|de|del)\s+(?P<month>{_MONTH})\b(?:\s+(?:de\s+)?(?P<year>\d{{4}}))?"),
        _month_only,
    ),
    (
        re.compile(
            r"\b(?:el|al|del|antes\s+del|para\s+el|pal|the)\s+(?P<day>\d{1,2})\b(?!\s*[/:%$.]?\d)(?![-/.]\w)"
            r"(?!\s+(?:de|del|of|dias?|semanas?|days?|weeks?|personas|people|%))"
            r"(?!\s+[a-z]{3,}s\b)"  # a count of things ("the 4 consulates", "los 3 consulados"), not a day
        ),
        _day_only,
    ),
]


_EXPLICIT = (_numeric, _day_month, _month_day)
# What every rule above needs somewhere in the text, as a plain substring: a digit, a month, a weekday or a word of
# time. It can only say "maybe" too often, never "no" wrongly; a rule added above adds its words here.
_ANY_DATE_WORD = re.compile(
    rf"\d|{_MONTH}|{_WEEKDAY}|dia|day|semana|week|mes|month|manana|tomorrow|hoy|today|quincena|mid"
)
BAD_NUMERIC = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{1,2}-\d{1,2}\b")


def impossible(folded: str, today: date) -> str | None:
    """A day written out in full that does not exist ("31 de febrero", "30/02/2023"), if any."""
    for pattern, resolve in RULES:
        if resolve in _EXPLICIT:
            for m in pattern.finditer(folded):
                if resolve(m, today) is None:
                    return m.group(0)
    return None


def find_dates(folded: str, today: date) -> list[DateHit]:
    """Every date phrase in folded text, left to right, without overlaps."""
    if not _ANY_DATE_WORD.search(folded):  # most messages name no day: their text is not read rule by rule
        return []
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for pattern, resolve in RULES:
        for m in pattern.finditer(folded):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            found = resolve(m, today)
            if found is None:
                if resolve in _EXPLICIT:  # "31 de febrero": no date, and no month either
                    taken.append((m.start(), m.end()))
                continue
            hit = found if isinstance(found, DateHit) else DateHit(m.start(), m.end(), found[0], found[1])
            hits.append(hit)
            taken.append((m.start(), m.end()))
    return _merge_adjacent(sorted(hits, key=lambda h: h.start), folded)


def _merge_adjacent(hits: list[DateHit], folded: str) -> list[DateHit]:
    """ "el martes 14 de marzo": a weekday right before a full date names the same day; keep the date."""
    merged: list[DateHit] = []
    for hit in hits:
        if merged and re.fullmatch(r"[\s,]{0,3}", folded[merged[-1].end : hit.start]):
            previous = merged.pop()
            hit = DateHit(previous.start, hit.end, hit.date, hit.precision, hit.alternatives)
        merged.append(hit)
    return merged


_dateparser_ready = False


def fallback(phrase: str, now: datetime) -> date | None:
    """dateparser, for phrases the grammar does not know; always with RELATIVE_BASE, zone and languages."""
    import dateparser

    settings = {
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "TIMEZONE": str(now.tzinfo),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["relative-time", "absolute-time", "custom-formats"],
    }
    parsed = dateparser.parse(phrase, languages=["es", "en"], settings=settings)
    return parsed.date() if parsed else None


def warm_up(now: datetime) -> None:
    """Load dateparser's language data before the first message needs it."""
    global _dateparser_ready
    if not _dateparser_ready:
        fallback("15 de marzo", now)
        fallback("next friday", now)
        _dateparser_ready = True
