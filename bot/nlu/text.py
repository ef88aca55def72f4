"""One message in the forms the language layer needs: as written, folded, masked, and as the classifier reads it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property, lru_cache

from bot.codes import HANDLE_RE, normalize_handle
from bot.nlu import lexicon as lx
from bot.nlu.dates import DateHit, find_dates
from bot.nlu.periods import meeting_refs

MAX_CHARS = 4000
_REFERENCE = re.compile(r"\b[A-Za-z]{2,}(?:/[A-Za-z0-9-]+)+/\d{4}\b")  # INE/CG241/2022, INE/DERFE/0132/2023
_MENTION = re.compile(r"^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>\s*)+")
# A commitment code as staff write it: 14/2022, 14 / 2022, 14-2022, "el 3 del 2023", and 14/22 (a two-digit year
# above 12 cannot be a month, so "15/03" stays a date). With a slash, any four-digit year and number up to 9999 are
# read as a code, so that one that does not exist ("99/9999") is answered as such, not as a message not
# understood. Never part of a longer date ("15/03/2023", "2023-03-15"). Dictated, the slash is said: "12 diagonal
# 2022", "12 barra 2022", "12 slash 2022".
_MONTH_AFTER = r"(?!\s*(?:de\s+)?(?:ene|feb|mar|abr|may|jun|jul|ago|sep|set|oct|nov|dic|jan|apr|aug|dec))"
CODE = re.compile(
    r"(?<![\w/.-])(?P<n>\d{1,4})\s*(?:/\s*(?P<y>\d{4})|-(?P<yd>(?:19|20)\d{2})|/(?P<yy>1[5-9]|[23]\d)"
    rf"|-(?P<yyd>1[7-9]|2\d){_MONTH_AFTER}"  # "12-22"; not a range of days ("del 10-20 de marzo")
    r"|\s+(?:del?|diagonal|barra|slash)\s+(?P<yw>(?:19|20)\d{2}))(?![\w/-]|[.,]\d)"
)
_DATE_LEAD = re.compile(r"\b(?:to|al|by|until|till|hasta(?:\s+el)?|para\s+el|el\s+dia|on)\s*$")
# A code dictated after the word itself: "el compromiso 13 del 22", "commitment 4 of 23", "compromiso 14 2022".
CUED_CODE = re.compile(
    r"\b(?:compromiso|commitment|acuerdo|code|codigo)\s+(?:(?:n[uo]m(?:ero)?|no)\.?\s*)?"
    r"(?P<n>\d{1,3})\s+(?:(?:del?|of)\s+(?P<yyw>1[7-9]|2\d)|(?:(?:del?|of)\s+)?(?P<yw>20[12]\d))\b(?![/-]\d)"
)
_SPELLED_NUMBER = {
    w: n
    for n, words in enumerate(
        [
            (),
            ("uno", "one"),
            ("dos", "two"),
            ("tres", "three"),
            ("cuatro", "four"),
            ("cinco", "five"),
            ("seis", "six"),
            ("siete", "seven"),
            ("ocho", "eight"),
            ("nueve", "nine"),
            ("diez", "ten"),
            ("once", "eleven"),
            ("doce", "twelve"),
            ("trece", "thirteen"),
            ("catorce", "fourteen"),
            ("quince", "fifteen"),
            ("dieciseis", "sixteen"),
            ("diecisiete", "seventeen"),
            ("dieciocho", "eighteen"),
            ("diecinueve", "nineteen"),
            ("veinte", "twenty"),
        ]
    )
    for w in words
}
_SPELLED_YEAR = {
    "diecisiete": "2017",
    "dieciocho": "2018",
    "diecinueve": "2019",
    "veinte": "2020",
    "veintiuno": "2021",
    "veintidos": "2022",
    "veintitres": "2023",
    "veinticuatro": "2024",
}
_SPELLED = "|".join(sorted(_SPELLED_NUMBER, key=len, reverse=True))
SPELLED_CODE = re.compile(
    rf"\b(?:compromiso|commitment)\s+(?:numero\s+|number\s+)?(?P<n>{_SPELLED})"
    rf"\s+(?:del?\s+|of\s+)?(?P<year>20[12]\d|dos\s+mil\s+(?:{'|'.join(_SPELLED_YEAR)}))\b"
)
# … and after an article, with its full year only: "en el 14 2022" ("el 2 del 23 de noviembre" is a meeting's item).
SPOKEN_CODE = re.compile(r"\b(?:(?<=en\s)el|del|al)\s+(?P<n>\d{1,3})\s+(?P<yw>20[12]\d)\b(?![/-]\d)")


def fold_aligned(text: str) -> str:
    """Lower case without accents, one character for each character, so spans map back."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKD", ch.lower())
    base = folded[0] if folded else ch
    return base if not unicodedata.combining(base) else ch


def code_of(m: re.Match[str]) -> str | None:
    """``NN/YYYY`` for a match of :data:`CODE`, or None for a number 0."""
    number = int(m["n"])
    groups = m.groupdict()
    year = (
        groups.get("y")
        or groups.get("yd")
        or groups.get("yw")
        or f"20{groups.get('yy') or groups.get('yyd') or groups.get('yyw')}"
    )
    return f"{number:02d}/{year}" if number else None


@dataclass(frozen=True)
class Text:
    """One message in the forms the rules need."""

    raw: str  # as written (mention stripped)
    folded: str  # lower case, no accents, same length
    masked: str  # folded, codes as '#', references as spaces
    code: str | None
    code_span: tuple[int, int] | None
    dates: tuple[DateHit, ...]
    now: datetime
    refs: tuple[tuple[int, int], ...] = ()
    meeting: date | None = None  # a meeting named by its day (with ``code`` its commitment's handle, when numbered)
    meeting_span: tuple[int, int] | None = None  # where the message names it ("reunión del 18 de enero")

    @cached_property  # asked by many rules of one message
    def question(self) -> bool:
        asked = lx.QUESTION_START.search(self.masked) or lx.INDIRECT_QUESTION.search(self.masked)
        return "?" in self.raw or asked is not None

    def before_code(self) -> str:
        return self.masked[: self.code_span[0]] if self.code_span else self.masked

    def after_code(self) -> str:
        return self.raw[self.code_span[1] :] if self.code_span else ""


def analyse(text: str, now: datetime) -> Text:
    raw = _MENTION.sub("", text)[:MAX_CHARS]
    folded = fold_aligned(raw)
    refs = tuple((m.start(), m.end()) for m in _REFERENCE.finditer(folded))
    masked = _REFERENCE.sub(lambda m: " " * len(m[0]), folded)
    code = span = None
    for m in (*CODE.finditer(masked), *CUED_CODE.finditer(masked), *SPOKEN_CODE.finditer(masked)):
        found = code_of(m)
        if found is None or "#" in masked[m.start("n") : m.end()]:
            continue
        short_year = m.groupdict().get("yy")
        if short_year and (
            code is not None and _DATE_LEAD.search(masked, 0, m.start()) or 2000 + int(short_year) > now.year
        ):
            continue  # "push 11/2022 to 2/24", "due 2/28" (no commitment is agreed in 2028): a day, not a code
        if code is None or span is not None and m.start("n") < span[0]:
            code, span = found, (m.start("n"), m.end())
        masked = masked[: m.start("n")] + "#" * (m.end() - m.start("n")) + masked[m.end() :]
    for m in SPELLED_CODE.finditer(masked):  # dictated: "el compromiso siete de 2023", "… diez de dos mil veintidós"
        number = _SPELLED_NUMBER.get(m["n"])
        year = m["year"] if m["year"].isdigit() else _SPELLED_YEAR.get(" ".join(m["year"].split()[2:]))
        if number and year and (code is None or span is not None and m.start("n") < span[0]):
            code, span = f"{number:02d}/{year}", (m.start("n"), m.end())
        masked = masked[: m.start("n")] + "#" * (m.end() - m.start("n")) + masked[m.end() :]
    for m in HANDLE_RE.finditer(masked):  # a working meeting's commitment by its handle, "R221123-2"
        if code is None:
            code, span = normalize_handle(m[0]), (m.start(), m.end())
        masked = masked[: m.start()] + "#" * (m.end() - m.start()) + masked[m.end() :]
    dates = tuple(find_dates(masked, now.date()))
    meeting = meeting_span = None
    for ref in meeting_refs(masked, dates, now.date()):  # "el 2 del 23 de noviembre", "la reunión del 18 de enero"
        if meeting is None:
            meeting, meeting_span = ref.on, (ref.start, ref.end)
        if ref.item and code is None:
            code, span = ref.handle, (ref.start, ref.end)
        masked = masked[: ref.start] + ("#" if ref.item else " ") * (ref.end - ref.start) + masked[ref.end :]
        dates = tuple(h for h in dates if not ref.start <= h.start < ref.end)
    return Text(
        raw=raw,
        folded=folded,
        masked=masked,
        code=code,
        code_span=span,
        dates=dates,
        now=now,
        refs=refs,
        meeting=meeting,
        meeting_span=meeting_span,
    )


_PLACEHOLDER = re.compile(r"#+|<[@!#][^>]*>|https?://\S+|\d+")  # Slack's <@user>, <!channel>, <#channel> are "zuser"
_NAMES = {"#": " zcode ", "<": " zuser ", "h": " zurl "}


def classifier_text(t: Text) -> str:
    """What the intent classifier reads: the folded text with codes, dates, references, mentions and numbers as
    placeholder words, so that it learns the shapes of requests rather than particular numbers."""
    spans = sorted([(h.start, h.end, " zdate ") for h in t.dates] + [(a, b, " zref ") for a, b in t.refs])
    out, last = [], 0
    for start, end, word in spans:
        if start >= last:
            out += [t.masked[last:start], word]
            last = end
    out.append(t.masked[last:])
    text = _PLACEHOLDER.sub(lambda m: _NAMES.get(m[0][0], " 0 "), "".join(out))
    return " ".join(text.split())
