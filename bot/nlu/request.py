"""What the language layer understood: data, never a reply."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date as Date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.nlu.dates import DateHit
    from bot.nlu.text import Text

INTENTS = ("status", "log_update", "set_status", "set_due", "list", "next_session", "create", "help", "unknown")


@dataclass(frozen=True)
class Request:
    intent: str = "unknown"
    code: str | None = None
    status: str | None = None  # pending | in_progress | done | open
    area: str | None = None
    date: Date | None = None
    text: str | None = None
    overdue: bool = False
    # Beyond the contract's keys:
    date_precision: str | None = None  # day | month
    date_phrase: str | None = None
    alternatives: tuple[Date, ...] = field(default_factory=tuple)  # other readings of an ambiguous date
    mine: bool = False
    areas: tuple[str, ...] = ()  # every area named (create)
    confirm: str | None = None  # yes | no (a reply to a question the bot asked)
    too_long: bool = False
    report: bool = False  # asks for the follow-up report (a Word file); the intent stays within the contract
    undo: bool = False  # "deshacer" / "undo": take back the user's last change; the intent stays "unknown"
    # Doubt, reported rather than guessed: when the message asks for a write the bot should confirm, the changes
    # it could mean ("log_update", "set_due", "set_status:done|in_progress|pending", "create"), the one in
    # ``intent`` first; empty when the write is clear or the message asks for none.
    options: tuple[str, ...] = ()
    confidence: float | None = None  # the classifier's probability for the intent (and status) chosen
    lang: str | None = None  # es | en: the language the message is written in; None when there are no words
    option_date: Date | None = None  # the date a "set_due" option would set (a note that names a future date)
    # Meetings and periods (see ``bot.nlu.periods``):
    meeting: Date | None = None  # the day of the meeting the commitments came from ("de la reunión del 18 de enero")
    since: str | None = None  # "last_session" or an ISO date: the period's start ("desde la última sesión")
    before: str | None = None  # "next_session": due before the next session
    changed: bool = False  # only those whose status changed in the period
    previous: bool = False  # asks the status a commitment had at the period's start
    reason: str | None = None  # why a deadline moves ("… porque la SRE pidió prórroga"), kept in its log entry

    def contract(self) -> dict[str, object]:
        """The keys of ``commission-bot parse``, always present, then the extra ones."""
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["alternatives"] = [d.isoformat() for d in self.alternatives]
        data["areas"] = list(self.areas)
        data["options"] = list(self.options)
        data["option_date"] = self.option_date.isoformat() if self.option_date else None
        data["meeting"] = self.meeting.isoformat() if self.meeting else None
        return data


def with_date(request: Request, hit: DateHit, t: Text) -> Request:
    """The request with the date a hit names, its precision, other readings and the words that said it."""
    return replace(
        request,
        date=hit.date,
        date_precision=hit.precision,
        alternatives=hit.alternatives,
        date_phrase=t.raw[hit.start : hit.end].strip(),
    )
