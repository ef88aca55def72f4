"""The period an export or report covers, as far as the registry records time: creation and the dated log."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


class Dated(Protocol):
    """A log entry as the period needs it (an ``Update`` row or an ``Entry`` view)."""

    @property
    def at(self) -> datetime: ...

    @property
    def kind(self) -> str: ...

    @property
    def status_before(self) -> str | None: ...

    @property
    def status_after(self) -> str | None: ...


@dataclass(frozen=True)
class Period:
    """From ``since`` (inclusive) to ``until`` (exclusive); either end open when None.

    A commitment belongs to the period when it was recorded before the period ends and, with a start, it was
    still open at the start or something was logged about it within the period. Fields other than the status
    keep no history, so an export shows them as they are now.
    """

    since: datetime | None = None
    until: datetime | None = None

    def __bool__(self) -> bool:
        return self.since is not None or self.until is not None

    def within(self, at: datetime) -> bool:
        return (self.since is None or at >= self.since) and (self.until is None or at < self.until)

    def keeps(self, *, created_at: datetime, status: str, log: Sequence[Dated]) -> bool:
        if self.until is not None and created_at >= self.until:
            return False
        if self.since is None:
            return True
        if created_at >= self.since or any(self.within(e.at) for e in log):
            return True
        return status_at(self.since, status, log) != "done"

    def entries(self, log: Iterable[Dated]) -> list:
        """The log entries made before the period ends (those before its start are its history)."""
        return [e for e in log if self.until is None or e.at < self.until]


def status_at(moment: datetime, current: str, log: Sequence[Dated]) -> str:
    """A commitment's status at ``moment``, read back from its dated status changes (and its creation, which
    carries the status an earlier report gave it when it was recorded from one)."""
    changes = sorted(
        (e for e in log if e.kind == "status" or e.kind == "create" and e.status_before), key=lambda e: e.at
    )
    before = [e for e in changes if e.at < moment]
    if before:
        return before[-1].status_after or current
    later = [e for e in changes if e.at >= moment]
    return (later[0].status_before if later else None) or current
