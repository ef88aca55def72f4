"""Areas, members and who may write: the registry's directory services."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from bot.nlu.areas import AreaCatalog, AreaInfo
from bot.registry import RegistryError, resolve_areas
from storage import areas as areas_db
from storage import members as members_db
from storage.catalog import DEFAULT_AREAS
from storage.models import Area, Member


def catalog(*, session: Session) -> AreaCatalog:
    """The area catalog as plain data for the language layer; a default area also answers to the everyday names
    the defaults give it (a registry created before they were added stored fewer aliases)."""
    defaults = {acronym: aliases for acronym, _, aliases in DEFAULT_AREAS}
    return AreaCatalog(
        AreaInfo(a.acronym, a.name, tuple(dict.fromkeys([*a.alias_list, *defaults.get(a.acronym, ())])))
        for a in areas_db.list_areas(session=session)
    )


def list_areas(*, session: Session) -> list[Area]:
    return areas_db.list_areas(session=session)


def list_members(*, session: Session) -> list[tuple[Member, list[str]]]:
    """Every member with the acronyms of their areas."""
    return members_db.list_members(session=session)


def save_area(
    *,
    session: Session,
    acronym: str,
    name: str,
    aliases: Sequence[str] = (),
    channel: str | None = None,
    part_of: str | None = None,
) -> Area:
    """Add an area or update its name, aliases, digest channel and the institution it is part of."""
    area = areas_db.get_area(session=session, acronym=acronym) or Area(acronym=acronym.upper(), name=name)
    area.name = name.strip() or area.name
    merged = list(dict.fromkeys([*area.alias_list, *(a.strip() for a in aliases if a.strip())]))
    area.aliases = "|".join(merged)
    if channel is not None:
        area.channel_id = channel or None
    if part_of is not None:
        institution = areas_db.get_area(session=session, acronym=part_of) if part_of else None
        if part_of and institution is None:
            raise RegistryError("unknown_area", area=part_of)
        area.part_of = institution.acronym if institution else None
    session.add(area)
    session.flush()
    return area


def save_member(
    *, session: Session, user_id: str, areas: Sequence[str], name: str = "", writer: bool = False
) -> Member:
    """Add a member or update their areas, name and write permission."""
    area_ids = resolve_areas(session=session, acronyms=areas)
    member = members_db.get_member(session=session, user_id=user_id) or Member(user_id=user_id)
    member.name = name or member.name
    member.may_write = writer  # adding again without --writer takes the right away
    session.add(member)
    session.flush()
    assert member.id is not None
    members_db.set_member_areas(session=session, member_id=member.id, area_ids=area_ids)
    return member


def member_areas(*, session: Session, user_id: str) -> list[str]:
    """The areas of a member (``mis pendientes``)."""
    return members_db.member_areas(session=session, user_id=user_id)


def may_write(*, session: Session, user_id: str, groups: Sequence[str], writers: frozenset[str] | None) -> bool:
    """Whether a user may change the registry.

    Args:
        session: any session.
        user_id: the Slack user.
        groups: the user-group IDs the user belongs to.
        writers: ``BOT_WRITERS`` (None when unset: everyone may write).

    Returns:
        True when allowed.
    """
    if writers is None:
        return True
    if user_id in writers or any(g in writers for g in groups):
        return True
    return user_id in members_db.writer_ids(session=session)


def require_writer(*, session: Session, user_id: str, groups: Sequence[str], writers: frozenset[str] | None) -> None:
    if not may_write(session=session, user_id=user_id, groups=groups, writers=writers):
        raise RegistryError("not_writer")
