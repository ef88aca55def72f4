"""Members: who belongs to which areas, and who may write."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, col, select

from storage.models import Area, Member, MemberArea


def get_member(*, session: Session, user_id: str) -> Member | None:
    return session.exec(select(Member).where(Member.user_id == user_id)).first()


def list_members(*, session: Session) -> list[tuple[Member, list[str]]]:
    """Every member with the acronyms of their areas."""
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


def member_areas(*, session: Session, user_id: str) -> list[str]:
    stmt = (
        select(Area.acronym)
        .join(MemberArea, col(MemberArea.area_id) == Area.id)
        .join(Member, col(Member.id) == MemberArea.member_id)
        .where(Member.user_id == user_id)
        .order_by(col(Area.acronym))
    )
    return list(session.exec(stmt))


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
