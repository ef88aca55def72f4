"""View models: what services return and renderers turn into Slack blocks or plain text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(slots=True)
class Due:
    date: date | None
    kind: str = "day"  # day | month | session
    meeting: str | None = None


@dataclass(slots=True)
class Entry:
    at: datetime
    author: str
    text: str
    kind: str = "note"
    status_before: str | None = None
    status_after: str | None = None
    source: str = ""
    undone: bool = False  # taken back by its author (a note undone leaves cards and the report)
    happened_on: date | None = None  # the day the action took place, when known
    evidence: tuple[str, ...] = ()  # oficio numbers, links, files kept with the action


@dataclass(slots=True)
class Item:
    code: str
    text: str
    status: str
    areas: tuple[str, ...] = ()
    due: Due | None = None
    overdue: bool = False
    origin: str | None = None
    origin_at: datetime | None = None
    entries: tuple[Entry, ...] = ()
    withdrawn: bool = False


@dataclass(frozen=True)
class MeetingView:
    name: str
    at: datetime
    kind: str
    modality: str = ""
    attendees: str = ""
    objectives: str = ""
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Filters:
    status: str | None = None
    area: str | None = None
    due_before: date | None = None
    overdue: bool = False
    mine: bool = False
    before_session: str | None = None  # the session whose date is ``due_before`` ("antes de la próxima sesión")
    since: datetime | None = None  # with activity (a status change with ``changed``; closed, with "done") since
    since_session: str | None = None  # the session that ``since`` is the date of ("desde la última sesión")
    changed: bool = False
    meeting: date | None = None  # from the meeting held that day


@dataclass(frozen=True)
class Baseline:
    """A commitment's status at a period's start (the last session, by default)."""

    status: str
    at: datetime
    session: str | None = None


@dataclass(frozen=True)
class Shown:
    """One commitment's card; with ``baseline``, the status it had at the period's start too."""

    item: Item
    baseline: Baseline | None = None


@dataclass(frozen=True)
class Listed:
    filters: Filters
    items: tuple[Item, ...]
    offset: int = 0
    total: int = 0


@dataclass(frozen=True)
class Changed:
    what: str  # note | status | due | create | edit | withdraw | undo
    item: Item
    before: str | None = None
    after: str | None = None
    noted: bool = False  # a note said with the change was logged


@dataclass(frozen=True)
class NotFound:
    code: str | None
    subject: str | None = None
    suggestions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Candidates:
    subject: str
    options: tuple[tuple[str, str], ...]
    question: str = ""  # for a change asked by subject: the fingerprint of the question "which one?" (see asking)


@dataclass(frozen=True)
class NextMeeting:
    meeting: MeetingView | None


@dataclass(frozen=True)
class Notice:
    """A one-line answer: help, refusals, bad input, confirmations."""

    key: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ReportRequested:
    """The follow-up report was asked for; whoever renders decides how it is delivered."""


@dataclass(frozen=True)
class Choices:
    """The bot is unsure which change a message asks for: the changes it could mean, to choose from."""

    code: str | None
    options: tuple[tuple[str, dict], ...]  # (strings key, its parameters), in order
    question: str = ""  # the question's fingerprint, carried by its buttons


Outcome = ReportRequested | Shown | Listed | Changed | NotFound | Candidates | NextMeeting | Notice | Choices


@dataclass(frozen=True)
class Reply:
    """What an inbound event is owed, as the transport needs it (for Slack: a Web API method and its
    arguments), kept with the event's record until it is delivered."""

    method: str
    arguments: dict
    user_id: str | None = None
    lang: str = "es"
    owed: bool = True  # False: it travels with the acknowledgement and is only kept for a redelivery

    def __deepcopy__(self, memo: dict) -> Reply:
        return self  # never changed once made: Bolt's lazy listeners may share it (their context is deep-copied)
