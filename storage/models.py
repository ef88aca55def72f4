"""The registry's tables. Alembic owns the schema; these classes describe it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware timestamps stored as UTC on every backend (SQLite has no zones)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _ts(**kwargs: Any) -> sa.Column:
    return sa.Column(UTCDateTime(), **kwargs)


class Commission(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, sa_column_kwargs={"unique": True})
    name: str = Field(default="", max_length=300)
    # The follow-up report's opening: the session commitment that asks for it, and the one whose subject its
    # second part reports on (seed 004: 01/2023 and 14/2022); "" when none is known.
    report_request: str = Field(default="", max_length=16)
    report_subject: str = Field(default="", max_length=16)


class Area(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    acronym: str = Field(max_length=32, sa_column_kwargs={"unique": True})
    name: str = Field(max_length=300)
    aliases: str = Field(default="", max_length=2000)  # "|"-separated
    channel_id: str | None = Field(default=None, max_length=32)
    part_of: str | None = Field(default=None, max_length=32)  # the institution's acronym (IME → SRE)

    @property
    def alias_list(self) -> list[str]:
        return [a for a in self.aliases.split("|") if a]


class Meeting(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("commission_id", "name", "at", name="uq_meeting_name_at"),)

    id: int | None = Field(default=None, primary_key=True)
    commission_id: int = Field(foreign_key="commission.id", index=True)
    name: str = Field(max_length=300)
    kind: str = Field(default="ordinary", max_length=16)
    at: datetime = Field(sa_column=_ts(nullable=False, index=True))
    modality: str = Field(default="", max_length=100)
    attendees: str = Field(default="", max_length=4000)
    objectives: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    topics: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))  # one a line


class Commitment(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("commission_id", "code", name="uq_commitment_code"),)

    id: int | None = Field(default=None, primary_key=True)
    commission_id: int = Field(foreign_key="commission.id", index=True)
    code: str = Field(max_length=16)
    year: int = Field(index=True)
    number: int
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    status: str = Field(default="pending", max_length=16, index=True)
    due_date: date | None = Field(default=None, index=True)
    due_kind: str | None = Field(default=None, max_length=16)
    due_meeting_id: int | None = Field(default=None, foreign_key="meeting.id")
    origin_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)
    created_at: datetime = Field(sa_column=_ts(nullable=False))
    updated_at: datetime = Field(sa_column=_ts(nullable=False))
    closed_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    withdrawn_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))  # kept, out of lists
    withdrawn_reason: str = Field(default="", max_length=500)


class CommitmentArea(SQLModel, table=True):
    commitment_id: int = Field(foreign_key="commitment.id", primary_key=True, ondelete="CASCADE")
    area_id: int = Field(foreign_key="area.id", primary_key=True, index=True)
    position: int = 0


class Update(SQLModel, table=True):
    """One entry of a commitment's append-only log."""

    __tablename__ = "commitment_update"

    id: int | None = Field(default=None, primary_key=True)
    commitment_id: int = Field(foreign_key="commitment.id", index=True)
    at: datetime = Field(sa_column=_ts(nullable=False, index=True))
    recorded_at: datetime = Field(sa_column=_ts(nullable=False))
    author: str = Field(default="", max_length=100)
    text: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    source: str = Field(default="", max_length=500)
    kind: str = Field(default="note", max_length=16)  # note|status|due|create|import|edit|withdraw|undo
    status_before: str | None = Field(default=None, max_length=16)
    status_after: str | None = Field(default=None, max_length=16)
    previous: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))  # JSON, for an undo
    undone_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    happened_on: date | None = Field(default=None)  # the day the action took place, when known (``at`` is when told)
    evidence: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))  # one a line


class Member(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    user_id: str = Field(max_length=32, sa_column_kwargs={"unique": True})
    name: str = Field(default="", max_length=200)
    may_write: bool = False


class MemberArea(SQLModel, table=True):
    member_id: int = Field(foreign_key="member.id", primary_key=True, ondelete="CASCADE")
    area_id: int = Field(foreign_key="area.id", primary_key=True, index=True)


class ProcessedEvent(SQLModel, table=True):
    """A Slack event (or other inbound request) taken once across retries and replicas, with the reply owed
    for it: what Slack needs to post it (``method`` and its arguments in ``reply``), until Slack has it."""

    key: str = Field(primary_key=True, max_length=200)
    claimed_at: datetime = Field(sa_column=_ts(nullable=False))
    method: str | None = Field(default=None, max_length=40)  # chat.postMessage | chat.postEphemeral | report
    reply: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))  # JSON arguments
    user_id: str | None = Field(default=None, max_length=32)
    lang: str = Field(default="es", max_length=8)
    state: str = Field(default="done", max_length=16, index=True)  # owed | apology | done | lost
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    lease_until: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    replied_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    last_error: str | None = Field(default=None, max_length=500)


class Question(SQLModel, table=True):
    """What the bot asked a user and waits for (which date did you mean?): any replica may take the answer."""

    user_id: str = Field(primary_key=True, max_length=32)
    request: str = Field(sa_column=sa.Column(sa.Text, nullable=False))  # JSON of the request asked about
    expires_at: datetime = Field(sa_column=_ts(nullable=False))


class Delivery(SQLModel, table=True):
    """A scheduled message occurrence: claimed, sent and marked once."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=300, sa_column_kwargs={"unique": True})
    kind: str = Field(max_length=32)
    target: str = Field(max_length=64)
    occurrence: str = Field(max_length=64)
    due_at: datetime = Field(sa_column=_ts(nullable=False))
    state: str = Field(default="pending", max_length=16, index=True)  # pending|sent|expired|failed
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    lease_until: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    parts_sent: int = 0
    ts: str | None = Field(default=None, max_length=64)
    sent_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    last_error: str | None = Field(default=None, max_length=500)


@dataclass(frozen=True, slots=True)
class CommitmentRow:
    """A commitment's columns, read-only: what lists of thousands are built from (a digest, a report), where
    building an ORM object per row costs several times the query."""

    id: int
    commission_id: int
    code: str
    year: int
    number: int
    text: str
    status: str
    due_date: date | None
    due_kind: str | None
    due_meeting_id: int | None
    origin_id: int | None
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    withdrawn_at: datetime | None
    withdrawn_reason: str


@dataclass(frozen=True, slots=True)
class UpdateRow:
    """A log entry's columns, read-only (see ``CommitmentRow``)."""

    id: int
    commitment_id: int
    at: datetime
    recorded_at: datetime
    author: str
    text: str
    source: str
    kind: str
    status_before: str | None
    status_after: str | None
    previous: str | None
    undone_at: datetime | None
    happened_on: date | None
    evidence: str


def row_columns(row_class: type) -> list[sa.Column]:
    """The table's columns in the row class's field order, to select rows that build it positionally."""
    table = {CommitmentRow: Commitment, UpdateRow: Update}[row_class].__table__  # type: ignore[attr-defined]
    return [table.c[field.name] for field in fields(row_class)]
