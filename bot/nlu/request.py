"""What the language layer understood: data, never a reply."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date as Date

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

    def contract(self) -> dict:
        """The keys of ``commission-bot parse``, always present, then the extra ones."""
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["alternatives"] = [d.isoformat() for d in self.alternatives]
        data["areas"] = list(self.areas)
        return data
