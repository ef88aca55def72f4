"""Every query of the registry. Keyword-only functions that take the session."""

from __future__ import annotations

from collections import defaultdict, namedtuple
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, col, select

from storage import direct
from storage.catalog import DEFAULT_AREAS
from storage.models import (
    Area,
    Commission,
    Commitment,
    CommitmentArea,
    Meeting,
    Member,
    MemberArea,
    Update,
)


def find_commission(*, session: Session, code: str) -> Commission | None:
    return session.exec(select(Commission).where(Commission.code == code)).first()


def get_commission(*, session: Session, code: str) -> Commission:
    """Return the commission with this code, creating it on first use."""
    found = find_commission(session=session, code=code)
    if found is not None:
        return found
    insert_ignore(session=session, table=Commission, values={"code": code, "name": code}, keys=["code"])
    return session.exec(select(Commission).where(Commission.code == code)).one()


def core(session: Session) -> sa.Connection:
    """The session's connection, for Core statements: the same transaction without the ORM's per-statement
    work (about half the cost of a small query; ``Session.execute`` does not autoflush Core statements either)."""
    return session.connection()


def _columns(table: Any) -> list:
    return list(table.__table__.c)


@cache
def _row_type(table: Any) -> Any:
    return namedtuple(f"{table.__name__}Row", [c.name for c in _columns(table)])


def _light(session: Session, stmt: Any, table: type) -> list:
    """Plain read-only rows (named tuples with the table's column names): cheap by the thousand."""
    make = _row_type(table)._make
    return [make(row) for row in core(session).execute(stmt)]


def insert_ignore(*, session: Session, table: type, values: dict, keys: list[str]) -> bool:
    """INSERT … ON CONFLICT DO NOTHING on either backend; True when a row was inserted."""
    stmt = _insert_ignore_stmt(session.get_bind().dialect.name, table, tuple(sorted(values)), tuple(keys))
    return bool(direct.rows(core(session), stmt, values))


@cache
def _insert_ignore_stmt(dialect: str, table: Any, columns: tuple[str, ...], keys: tuple[str, ...]) -> Any:
    from sqlalchemy.dialects import postgresql, sqlite

    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    core = table.__table__  # the Core table: the ORM's bulk-insert path costs several times more
    stmt = insert(core).values({c: sa.bindparam(c) for c in columns}).on_conflict_do_nothing(index_elements=keys)
    # RETURNING tells reliably whether the row went in (rowcount is -1 on some drivers).
    return stmt.returning(core.c[keys[0]])


# --- areas -----------------------------------------------------------------------------------


def list_areas(*, session: Session) -> list[Area]:
    return list(session.exec(select(Area).order_by(col(Area.acronym))))


def get_area(*, session: Session, acronym: str) -> Area | None:
    return session.exec(select(Area).where(sa.func.upper(Area.acronym) == acronym.upper())).first()


def seed_default_areas(*, session: Session) -> None:
    for acronym, name, aliases in DEFAULT_AREAS:
        insert_ignore(
            session=session,
            table=Area,
            values={"acronym": acronym, "name": name, "aliases": "|".join(aliases)},
            keys=["acronym"],
        )


# --- commitments -----------------------------------------------------------------------------


# Built once: the hot path of every Slack turn runs these, and building a statement costs more than running it.
# A commitment comes with its areas in the same statement, as "position:acronym" pairs (SQLite before 3.44
# cannot order inside an aggregate, so the order travels in the text).
_C: Any = Commitment.__table__  # type: ignore[attr-defined]
_U: Any = Update.__table__  # type: ignore[attr-defined]


class _CommaJoined(FunctionElement):
    """``aggregate_strings(x, ",")`` with the comma written into the SQL (the built-in renders it per run)."""

    type = sa.String()
    inherit_cache = True
    name = "comma_joined"


@compiles(_CommaJoined)
def _group_concat(element: Any, compiler: Any, **kw: Any) -> str:
    return f"group_concat({compiler.process(element.clauses, **kw)}, ',')"


@compiles(_CommaJoined, "postgresql")
def _string_agg(element: Any, compiler: Any, **kw: Any) -> str:
    return f"string_agg({compiler.process(element.clauses, **kw)}, ',')"


_AREA_PAIRS = (
    sa.select(_CommaJoined(sa.cast(CommitmentArea.position, sa.String) + ":" + col(Area.acronym)))
    .select_from(CommitmentArea)
    .join(Area, col(Area.id) == CommitmentArea.area_id)
    .where(col(CommitmentArea.commitment_id) == _C.c.id)
    .correlate(_C)
    .scalar_subquery()
)
_WHERE_CODE = (_C.c.commission_id == sa.bindparam("cid"), _C.c.code == sa.bindparam("code"))
CARD_HISTORY = 5  # log entries that come with a read of a commitment (what a status card shows)
_NEWEST = _U.alias("newest")
_NEWEST_ENTRIES = sa.and_(
    _U.c.commitment_id == _C.c.id,
    _U.c.id.in_(
        sa.select(_NEWEST.c.id)
        .where(_NEWEST.c.commitment_id == _C.c.id)
        .order_by(_NEWEST.c.at.desc(), _NEWEST.c.id.desc())
        .limit(CARD_HISTORY)
    ),
)
# The commitment, its areas and its newest log entries, one row per entry (or one row with empty log
# columns): one round trip for everything a status card needs. Rows are plain and read-only; changes go
# through ``change_commitment``. A read for update also locks the commitment's row.
_CARD = (
    sa.select(*_C.c, _AREA_PAIRS, *_U.c)
    .select_from(_C)
    .outerjoin(_U, _NEWEST_ENTRIES)
    .where(*_WHERE_CODE)
    .order_by(_U.c.at.desc(), _U.c.id.desc())
)
# PostgreSQL locks first, then reads the card in a statement of its own: a statement that waited for the
# lock would otherwise show the log and areas as they were before the change it waited for.
_LOCK = sa.select(_C.c.id).where(*_WHERE_CODE).with_for_update()


def _area_list(pairs: str | None) -> list[str]:
    ranked = (pair.split(":", 1) for pair in pairs.split(",")) if pairs else ()
    return [acronym for _, acronym in sorted(ranked, key=lambda p: int(p[0]))]


def get_commitment(*, session: Session, commission_id: int, code: str, for_update: bool = False) -> Commitment | None:
    """One commitment by code (a read-only row), with its areas (``read_areas``) and newest log entries
    (``read_log``), all in one statement; ``for_update`` also locks it until the transaction ends.

    Within a session the database is asked once: a locked read also serves later plain reads, and a
    plain read is repeated only when the row must be locked.
    """
    seen: dict = session.info.setdefault("commitments", {})
    hit = seen.get((commission_id, code))
    if hit is not None and (hit[1] or not for_update):
        return hit[0]
    params = {"cid": commission_id, "code": code}
    conn = core(session)
    # SQLite's writers hold the database lock already; PostgreSQL locks the row, then reads afresh.
    if for_update and conn.dialect.name == "postgresql" and conn.execute(_LOCK, params).first() is None:
        return None
    rows = direct.rows(conn, _CARD, params)
    if not rows:
        return None
    width = len(_C.c)
    found = _row_type(Commitment)._make(rows[0][:width])
    make = _row_type(Update)._make
    seen[(commission_id, code)] = (found, for_update)
    session.info.setdefault("areas", {})[found.id] = _area_list(rows[0][width])
    session.info.setdefault("logs", {})[found.id] = [make(r[width + 1 :]) for r in rows if r[width + 1] is not None]
    return found


def change_commitment(*, session: Session, commitment: Any, now: datetime, **values: Any) -> Commitment:
    """Change columns of a commitment read for update: one statement that also bumps its version and
    ``updated_at``; returns the changed row, which later reads in the session see."""
    row = core(session).execute(_change_stmt(tuple(sorted(values))), {"cid": commitment.id, "now": now, **values}).one()
    changed = _row_type(Commitment)._make(row)
    session.info.setdefault("commitments", {})[(changed.commission_id, changed.code)] = (changed, True)
    return changed


@cache
def _change_stmt(columns: tuple[str, ...]) -> Any:
    changes: dict[str, Any] = {name: sa.bindparam(name) for name in columns}
    return (
        sa.update(_C)
        .where(_C.c.id == sa.bindparam("cid"))
        .values(**changes, updated_at=sa.bindparam("now"), version=_C.c.version + 1)
        .returning(*_C.c)
    )


def read_areas(*, session: Session, commitment_id: int) -> list[str] | None:
    """The areas read with the commitment in this session, unless the session changed them since."""
    if commitment_id in session.info.get("changed_areas", ()):
        return None
    return session.info.get("areas", {}).get(commitment_id)


def read_log(*, session: Session, commitment_id: int, limit: int | None) -> list[Update] | None:
    """The newest log entries as this session knows them: read with the commitment, plus what it added."""
    if limit is None or limit > CARD_HISTORY:
        return None
    log = session.info.get("logs", {}).get(commitment_id)
    return log[:limit] if log is not None else None


def _logged_here(session: Session, entry: Any) -> None:
    """Add an entry this session wrote to the newest entries it knows of that commitment (what its card
    shows next; an entry another transaction adds meanwhile appears from the next read on)."""
    logs: dict = session.info.get("logs", {})
    known = logs.get(entry.commitment_id)
    if known is not None:
        newest = sorted([entry, *known], key=lambda u: (u.at, u.id is None, u.id or 0), reverse=True)
        logs[entry.commitment_id] = newest[:CARD_HISTORY]


def next_number(*, session: Session, commission_id: int, year: int) -> int:
    stmt = select(sa.func.max(Commitment.number)).where(
        Commitment.commission_id == commission_id, Commitment.year == year
    )
    return int(session.exec(stmt).one() or 0) + 1


def newest_code(*, session: Session, commission_id: int) -> str | None:
    stmt = select(Commitment.code).where(Commitment.commission_id == commission_id)
    return session.exec(stmt.order_by(col(Commitment.id).desc()).limit(1)).first()


def commitment_codes(*, session: Session, commission_id: int) -> list[str]:
    return list(session.exec(select(Commitment.code).where(Commitment.commission_id == commission_id)))


def texts_of(*, session: Session, commission_id: int, codes: Sequence[str]) -> dict[str, str]:
    if not codes:
        return {}
    stmt = select(Commitment.code, Commitment.text).where(
        Commitment.commission_id == commission_id, col(Commitment.code).in_(list(codes))
    )
    return {c: t for c, t in session.exec(stmt)}


def commitment_texts(*, session: Session, commission_id: int) -> list[tuple[str, str, str]]:
    """(code, text, status) of every commitment, for matching by subject."""
    stmt = select(Commitment.code, Commitment.text, Commitment.status).where(Commitment.commission_id == commission_id)
    return [(c, t, s) for c, t, s in session.exec(stmt)]


def find_commitments(
    *,
    session: Session,
    commission_id: int,
    statuses: Iterable[str] | None = None,
    area_id: int | None = None,
    area_ids: Iterable[int] | None = None,
    due_before: date | None = None,
    overdue_on: date | None = None,
    origin_id: int | None = None,
    closed_since: datetime | None = None,
    due_from: date | None = None,
    light: bool = False,
) -> list[Commitment]:
    """Commitments matching every given filter, ordered by deadline then code.

    With ``light``, plain rows with the same attributes come back instead of ORM objects: read-only,
    and many times cheaper when thousands are listed.
    """
    stmt = select(Commitment).where(Commitment.commission_id == commission_id)
    if statuses is not None:
        stmt = stmt.where(col(Commitment.status).in_(list(statuses)))
    wanted_areas = [area_id] if area_id is not None else list(area_ids or [])
    if wanted_areas:
        linked = select(CommitmentArea.commitment_id).where(col(CommitmentArea.area_id).in_(wanted_areas))
        stmt = stmt.where(col(Commitment.id).in_(linked))
    elif area_ids is not None:
        return []
    if due_before is not None:
        stmt = stmt.where(col(Commitment.due_date).is_not(None), col(Commitment.due_date) <= due_before)
    if overdue_on is not None:
        stmt = stmt.where(col(Commitment.due_date) < overdue_on, Commitment.status != "done")
    if origin_id is not None:
        stmt = stmt.where(Commitment.origin_id == origin_id)
    if due_from is not None:
        stmt = stmt.where(col(Commitment.due_date) >= due_from)
    if closed_since is not None:
        stmt = stmt.where(col(Commitment.closed_at) >= closed_since, Commitment.status == "done")
    order = (col(Commitment.due_date).is_(None), col(Commitment.due_date), col(Commitment.year), col(Commitment.number))
    stmt = stmt.order_by(*order)
    if light:
        return _light(session, stmt.with_only_columns(*_columns(Commitment)), Commitment)
    return list(session.exec(stmt))


_AREAS_BY_ID = (
    sa.select(CommitmentArea.commitment_id, Area.acronym)  # type: ignore[call-overload]
    .join(Area, col(Area.id) == CommitmentArea.area_id)
    .where(col(CommitmentArea.commitment_id).in_(sa.bindparam("ids", expanding=True)))
    .order_by(col(CommitmentArea.commitment_id), col(CommitmentArea.position))
)


def areas_of(*, session: Session, commitment_ids: Sequence[int] | None, commission_id: int) -> dict[int, list[str]]:
    """Acronyms of each commitment's areas in one statement (all of the commission when ids is None)."""
    if commitment_ids is not None:
        if not commitment_ids:
            return {}
        found: dict[int, list[str]] = defaultdict(list)
        for cid, acronym in core(session).execute(_AREAS_BY_ID, {"ids": list(commitment_ids)}):
            found[cid].append(acronym)
        return found
    stmt = (
        select(CommitmentArea.commitment_id, Area.acronym)
        .join(Area, col(Area.id) == CommitmentArea.area_id)
        .join(Commitment, col(Commitment.id) == CommitmentArea.commitment_id)
        .where(Commitment.commission_id == commission_id)
        .order_by(col(CommitmentArea.commitment_id), col(CommitmentArea.position))
    )
    if commitment_ids is not None:
        if not commitment_ids:
            return {}
        stmt = stmt.where(col(CommitmentArea.commitment_id).in_(commitment_ids))
    result: dict[int, list[str]] = defaultdict(list)
    for cid, acronym in session.exec(stmt):
        result[cid].append(acronym)
    return result


def area_ids_of(*, session: Session, commitment_id: int) -> list[int]:
    stmt = select(CommitmentArea.area_id).where(CommitmentArea.commitment_id == commitment_id)
    return list(session.exec(stmt.order_by(col(CommitmentArea.position))))


def set_areas(*, session: Session, commitment_id: int, area_ids: Sequence[int]) -> None:
    touch(session=session, commitment_id=commitment_id, areas=True)
    session.execute(sa.delete(CommitmentArea).where(col(CommitmentArea.commitment_id) == commitment_id))
    for position, area_id in enumerate(dict.fromkeys(area_ids)):
        session.add(CommitmentArea(commitment_id=commitment_id, area_id=area_id, position=position))
    session.flush()  # reads through the connection (``core``) do not flush pending objects first


# --- the log ---------------------------------------------------------------------------------


def add_update(
    *,
    session: Session,
    commitment: Commitment,
    text: str,
    author: str,
    now: datetime,
    source: str = "",
    kind: str = "note",
    status_before: str | None = None,
    status_after: str | None = None,
    at: datetime | None = None,
) -> None:
    """Append one entry to a commitment's log (``at`` is when it happened, default ``now``).

    The log is the record of what happened and when; the commitment's own row is left alone (its
    ``updated_at`` and ``version`` follow changes to its columns and areas).
    """
    assert commitment.id is not None
    session.flush()  # the commitment's own pending changes go first
    values = dict(
        commitment_id=commitment.id,
        at=at or now,
        recorded_at=now,
        author=author,
        text=text,
        source=source,
        kind=kind,
        status_before=status_before,
        status_after=status_after,
    )
    held: list | None = session.info.get(_HELD)
    if held is not None:  # written with the event record (see ``hold_log``)
        held.append(values)
        _logged_here(session, _row_type(Update)(id=None, **values))
        return
    ((new_id,),) = direct.rows(core(session), _ADD_UPDATE, values)
    _logged_here(session, _row_type(Update)(id=new_id, **values))


_HELD = "held log entries"


def hold_log(session: Session) -> None:
    """From now on the session holds the log entries it adds, for ``write_held_log`` to write with the
    record of the event that asked for them, in one statement (PostgreSQL; see ``Database.appending``).
    A rollback drops what is held."""
    session.info[_HELD] = []


def held_log(session: Session) -> list[dict]:
    return session.info.get(_HELD) or []


_READ_HERE = ("commitments", "areas", "logs", "changed_areas")  # what a session remembers of its reads


@event.listens_for(Session, "after_soft_rollback")
def _forget_on_rollback(session: Session, _previous: Any) -> None:
    """A session that rolls back and goes on reads afresh, and holds nothing of what it undid."""
    for name in _READ_HERE:
        session.info.pop(name, None)
    if session.info.get(_HELD):
        session.info[_HELD] = []


def write_held_log(*, session: Session, table: type, values: dict, keys: list[str]) -> bool:
    """``insert_ignore`` of ``values``, with the held log entries written only if the row went in: one
    atomic statement (PostgreSQL), so a duplicate delivery adds nothing.

    Returns:
        Whether the row was new (and the entries written).
    """
    held = held_log(session)
    session.info[_HELD] = []
    rows = {f"{name}_{i}": entry[name] for i, entry in enumerate(held) for name in _LOG_COLUMNS}
    stmt = _claim_with_log(table, tuple(sorted(values)), tuple(keys), len(held))
    return bool(direct.rows(core(session), stmt, {**values, **rows}))


@cache
def _claim_with_log(table: Any, columns: tuple[str, ...], keys: tuple[str, ...], entries: int) -> Any:
    claim = _insert_ignore_stmt("postgresql", table, columns, keys).cte("claim")
    claimed = sa.exists(sa.select(claim.c[0]))
    # One SELECT of parameters per entry (a VALUES list would be compiled afresh for every call).
    rows = [
        sa.select(*(sa.bindparam(f"{name}_{i}", type_=_U.c[name].type) for name in _LOG_COLUMNS)).where(claimed)
        for i in range(entries)
    ]
    chosen = rows[0] if entries == 1 else sa.union_all(*rows)
    return sa.insert(_U).from_select(list(_LOG_COLUMNS), chosen).returning(_U.c.id).add_cte(claim)


_LOG_COLUMNS = (
    "commitment_id",
    "at",
    "recorded_at",
    "author",
    "text",
    "source",
    "kind",
    "status_before",
    "status_after",
)


_ADD_UPDATE = sa.insert(_U).values({name: sa.bindparam(name) for name in _LOG_COLUMNS}).returning(_U.c.id)


def touch(*, session: Session, commitment_id: int, areas: bool = False) -> None:
    """Record that a commitment's areas (``areas``) or whole log changed: bump its version."""
    core(session).execute(_BUMP, {"cid": commitment_id})
    if areas:
        session.info.setdefault("changed_areas", set()).add(commitment_id)


_BUMP = sa.update(_C).where(_C.c.id == sa.bindparam("cid")).values(version=_C.c.version + 1)


def delete_updates(*, session: Session, commitment_id: int) -> None:
    touch(session=session, commitment_id=commitment_id)
    session.info.get("logs", {}).pop(commitment_id, None)
    session.execute(sa.delete(Update).where(col(Update.commitment_id) == commitment_id))
    session.flush()


_LOG = (
    sa.select(*_columns(Update))
    .where(col(Update.commitment_id) == sa.bindparam("cid"))
    .order_by(col(Update.at).desc(), col(Update.id).desc())
)
_LOG_LIMITED = _LOG.limit(sa.bindparam("limit"))


def updates_for(*, session: Session, commitment_id: int, limit: int | None = None) -> list[Update]:
    """A commitment's log, newest first (at most ``limit`` entries)."""
    params = {"cid": commitment_id, **({"limit": limit} if limit else {})}
    make = _row_type(Update)._make
    return [make(row) for row in core(session).execute(_LOG_LIMITED if limit else _LOG, params)]


def latest_updates(
    *, session: Session, commission_id: int, kinds: Sequence[str] = ("note", "import")
) -> dict[int, Update]:
    """The newest log entry of the given kinds for every commitment, in one statement."""
    newest = (
        select(Update.commitment_id, sa.func.max(Update.id).label("mid"))
        .join(Commitment, col(Commitment.id) == Update.commitment_id)
        .where(Commitment.commission_id == commission_id, col(Update.kind).in_(kinds))
        .group_by(col(Update.commitment_id))
        .subquery()
    )
    stmt = sa.select(*_columns(Update)).join(newest, col(Update.id) == newest.c.mid)
    return {u.commitment_id: u for u in _light(session, stmt, Update)}


def all_updates(*, session: Session, commission_id: int) -> list[Update]:
    stmt = (
        select(Update)
        .join(Commitment, col(Commitment.id) == Update.commitment_id)
        .where(Commitment.commission_id == commission_id)
        .order_by(col(Update.commitment_id), col(Update.at), col(Update.id))
    )
    return list(session.exec(stmt))


# --- meetings --------------------------------------------------------------------------------


def list_meetings(*, session: Session, commission_id: int) -> list[Meeting]:
    return list(session.exec(select(Meeting).where(Meeting.commission_id == commission_id).order_by(col(Meeting.at))))


def next_meeting(
    *, session: Session, commission_id: int, now: datetime, kinds: Sequence[str] | None = None
) -> Meeting | None:
    stmt = select(Meeting).where(Meeting.commission_id == commission_id, col(Meeting.at) >= now)
    if kinds:
        stmt = stmt.where(col(Meeting.kind).in_(kinds))
    return session.exec(stmt.order_by(col(Meeting.at))).first()


def meetings_between(*, session: Session, commission_id: int, start: datetime, end: datetime) -> list[Meeting]:
    stmt = select(Meeting).where(
        Meeting.commission_id == commission_id,
        col(Meeting.at) >= start,
        col(Meeting.at) <= end,
        Meeting.kind != "working",
    )
    return list(session.exec(stmt.order_by(col(Meeting.at))))


def find_meeting(*, session: Session, commission_id: int, name: str, at: datetime | None = None) -> Meeting | None:
    stmt = select(Meeting).where(Meeting.commission_id == commission_id, sa.func.lower(Meeting.name) == name.lower())
    if at is not None:
        stmt = stmt.where(Meeting.at == at)
    return session.exec(stmt.order_by(col(Meeting.at))).first()


def meetings_by_ids(*, session: Session, ids: Iterable[int]) -> dict[int, Meeting]:
    wanted = [i for i in set(ids) if i is not None]
    if not wanted:
        return {}
    stmt = sa.select(*_columns(Meeting)).where(col(Meeting.id).in_(wanted))
    return {m.id: m for m in _light(session, stmt, Meeting)}


# --- members ---------------------------------------------------------------------------------


def get_member(*, session: Session, user_id: str) -> Member | None:
    return session.exec(select(Member).where(Member.user_id == user_id)).first()


def list_members(*, session: Session) -> list[tuple[Member, list[str]]]:
    members = list(session.exec(select(Member).order_by(col(Member.user_id))))
    links = session.exec(
        select(MemberArea.member_id, Area.acronym)
        .join(Area, col(Area.id) == MemberArea.area_id)
        .order_by(col(Area.acronym))
    )
    by_member: dict[int, list[str]] = defaultdict(list)
    for member_id, acronym in links:
        by_member[member_id].append(acronym)
    return [(m, by_member.get(m.id or 0, [])) for m in members]


def set_member_areas(*, session: Session, member_id: int, area_ids: Sequence[int]) -> None:
    session.execute(sa.delete(MemberArea).where(col(MemberArea.member_id) == member_id))
    for area_id in dict.fromkeys(area_ids):
        session.add(MemberArea(member_id=member_id, area_id=area_id))


def members_by_area(*, session: Session) -> dict[str, list[str]]:
    """Area acronym → Slack user IDs of its members, in one statement."""
    stmt = (
        select(Area.acronym, Member.user_id)
        .join(MemberArea, col(MemberArea.area_id) == Area.id)
        .join(Member, col(Member.id) == MemberArea.member_id)
        .order_by(col(Member.user_id))
    )
    result: dict[str, list[str]] = defaultdict(list)
    for acronym, user_id in session.exec(stmt):
        result[acronym].append(user_id)
    return result


def writer_ids(*, session: Session) -> set[str]:
    return set(session.exec(select(Member.user_id).where(col(Member.may_write).is_(True))))
