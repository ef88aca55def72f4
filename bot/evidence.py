"""What an action's words tell besides themselves: the day it took place and the evidence that backs it (oficio
numbers such as ``INE/DERFE/0132/2023``, links, files)."""

from __future__ import annotations

import re
from datetime import date

from bot.nlu.dates import find_dates, year_before
from bot.nlu.text import fold_aligned

# An official letter or resolution: INSTITUTION/AREA/NUMBER/YEAR (INE/DERFE/0132/2023, INE/CG241/2022, SRE/IME/…).
OFICIO = re.compile(r"\b[A-Z]{2,}(?:/[A-Za-z0-9.-]+)+/(?:19|20)\d{2}\b")
# A link as typed, or as Slack sends it (<https://…|label>).
LINK = re.compile(r"<(https?://[^|>\s]+)(?:\|[^>]*)?>|\bhttps?://[^\s<>()\"']+[^\s<>()\"'.,;:!?]")


def evidence_in(text: str) -> tuple[str, ...]:
    """The oficio numbers and links in ``text``, in order, each once."""
    spans = sorted(
        [(m.start(), m[0]) for m in OFICIO.finditer(text)] + [(m.start(), m[1] or m[0]) for m in LINK.finditer(text)]
    )
    found = [value for _, value in spans]
    return tuple(dict.fromkeys(found))


def action_day(text: str, today: date) -> date | None:
    """The day an action took place, when its words name one that is past: "el pasado 8 de febrero se envió…"
    (said on the 13th). A day ahead without a year ("el 18 de enero", said in February) is last year's; a day
    named ahead with its year, or in the coming months, is a plan, not an action."""
    folded = fold_aligned(text)
    for hit in find_dates(folded, today):
        if hit.precision != "day" or _BARE.fullmatch(folded[hit.start : hit.end].strip()):
            continue  # "2.2" is as often a paragraph's number as a day
        day = hit.date
        if (day - today).days > PLAN_DAYS and not re.search(r"\d{4}", folded[hit.start : hit.end]):
            day = year_before(day)
        if day <= today:
            return day
    return None


PLAN_DAYS = 200  # farther ahead than this, a day without a year was last year's
_BARE = re.compile(r"\d{1,2}[./-]\d{1,2}")
