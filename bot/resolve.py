"""Finding the commitment a user means: by code, or by the words of its subject."""

from __future__ import annotations

from sqlmodel import Session

from bot import meetings
from bot.codes import handle_day, is_handle, split_code
from bot.model import Candidates, NotFound
from bot.registry import Scope
from bot.textnorm import fold
from storage import commitments as commitments_db

CLEAR_WIN = 12  # points a subject match must lead the next one by
MIN_SCORE = 55


def resolve_code(
    *, session: Session, sc: Scope, code: str | None, subject: str | None, lock: bool = False
) -> str | NotFound | Candidates:
    """The code the user means, or what to answer instead.

    Args:
        session: any session.
        sc: scope.
        code: the code as written (already ``NN/YYYY``), if any.
        subject: the words that name the commitment, when there is no code.
        lock: the caller is about to change the commitment: lock its row now (one statement, not two).

    Returns:
        The code; ``NotFound`` with the nearest codes; or ``Candidates`` when several subjects are close.
    """
    if code:
        if (
            commitments_db.get_commitment(session=session, commission_id=sc.commission_id, code=code, for_update=lock)
            is not None
        ):
            return code
        if is_handle(code):  # "el 2 del 23 de noviembre" when that meeting's handles carry a letter
            found = meetings.item_by_day(session=session, sc=sc, day=handle_day(code), number=split_code(code)[0])
            if found:
                return found
        nearest = nearest_codes(code, commitments_db.commitment_codes(session=session, commission_id=sc.commission_id))
        texts = commitments_db.texts_of(session=session, commission_id=sc.commission_id, codes=nearest)
        return NotFound(code=code, suggestions=tuple((c, texts.get(c, "")) for c in nearest))
    if not subject:
        return NotFound(code=None, subject="")
    return by_subject(subject, commitments_db.commitment_texts(session=session, commission_id=sc.commission_id))


def nearest_codes(code: str, codes: list[str], limit: int = 3) -> list[str]:
    """The codes closest to a missing one: same year and nearby number first."""
    number, year = split_code(code)

    def distance(other: str) -> tuple[int, int]:
        n, y = split_code(other)
        return (abs(y - year) * 10 + abs(n - number), n)

    return sorted(codes, key=distance)[:limit]


def by_subject(subject: str, texts: list[tuple[str, str, str]]) -> str | NotFound | Candidates:
    from rapidfuzz import fuzz, process, utils

    if not texts:
        return NotFound(code=None, subject=subject)
    choices = {c: stems(t) for c, t, _ in texts}
    query = stems(subject)
    scored = process.extract(query, choices, scorer=fuzz.token_set_ratio, processor=utils.default_process, limit=5)
    partial = {key: fuzz.partial_ratio(query, choices[key], processor=utils.default_process) for _, _, key in scored}
    ranked = sorted(((0.5 * s + 0.5 * partial[k], k) for _, s, k in scored), reverse=True)
    best_score, best = ranked[0]
    if best_score < MIN_SCORE:
        return NotFound(code=None, subject=subject, suggestions=tuple((k, _text(texts, k)) for _, k in ranked[:3]))
    close = [k for s, k in ranked if best_score - s < CLEAR_WIN]
    if len(close) == 1:
        return best
    return Candidates(subject=subject, options=tuple((k, _text(texts, k)) for k in close[:5]))


_STOP = frozenset(
    [
        "de",
        "del",
        "la",
        "el",
        "los",
        "las",
        "lo",
        "y",
        "e",
        "o",
        "a",
        "al",
        "en",
        "con",
        "por",
        "para",
        "que",
        "se",
        "su",
        "sus",
        "un",
        "una",
        "the",
        "of",
        "to",
        "and",
        "for",
        "on",
        "with",
    ]
)


def stems(text: str) -> str:
    """Words cut to a five-letter stem, stop words dropped: "observadores electorales" ≈ "observador electoral"."""
    import re

    return " ".join(w[:5] for w in re.findall(r"[a-z0-9]+", fold(text)) if w not in _STOP)


def _text(texts: list[tuple[str, str, str]], code: str) -> str:
    return next(t for c, t, _ in texts if c == code)
