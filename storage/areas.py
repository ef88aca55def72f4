"""Areas: the catalog, and which areas each commitment belongs to."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, col, select

from storage.catalog import DEFAULT_AREAS, PART_OF
from storage.inserts import insert_ignore
from storage.models import Area, Commitment, CommitmentArea

# Past this many ids, one pass over the commission's links beats thousands of bound IN parameters.
_MANY_IDS = 200


def list_areas(*, session: Session) -> list[Area]:
    return list(session.exec(select(Area).order_by(col(Area.acronym))))


def get_area(*, session: Session, acronym: str) -> Area | None:
    return session.exec(select(Area).where(sa.func.upper(Area.acronym) == acronym.upper())).first()


def seed_default_areas(*, session: Session) -> None:
    for acronym, name, aliases in DEFAULT_AREAS:
        insert_ignore(
            session=session,
            table=Area,
            values={"acronym": acronym, "name": name, "aliases": "|".join(aliases), "part_of": PART_OF.get(acronym)},
            keys=["acronym"],
        )


def with_parts(*, session: Session, area: Area) -> list[int]:
    """The area's id and those of the areas that are part of it (the SRE's IME and DGSC)."""
    parts = select(Area.id).where(sa.func.upper(Area.part_of) == area.acronym.upper())
    return [i for i in [area.id, *session.exec(parts)] if i is not None]


def areas_of(*, session: Session, commitment_ids: Sequence[int] | None, commission_id: int) -> dict[int, list[str]]:
    """Acronyms of each commitment's areas, in their order, in one statement.

    Args:
        session: any session.
        commitment_ids: the commitments; None for every commitment of the commission.
        commission_id: the commission.

    Returns:
        Commitment id → acronyms.
    """
    if commitment_ids is not None and len(commitment_ids) == 1:  # a card: the statement built once
        return {commitment_ids[0]: list(session.execute(_AREAS_OF_ONE, {"cid": commitment_ids[0]}).scalars())}
    stmt = (
        select(CommitmentArea.commitment_id, Area.acronym)
        .join(Area, col(Area.id) == CommitmentArea.area_id)
        .order_by(col(CommitmentArea.commitment_id), col(CommitmentArea.position))
    )
    if commitment_ids is not None and len(commitment_ids) <= _MANY_IDS:
        if not commitment_ids:
            return {}
        stmt = stmt.where(col(CommitmentArea.commitment_id).in_(list(commitment_ids)))
    else:
        stmt = stmt.join(Commitment, col(Commitment.id) == CommitmentArea.commitment_id).where(
            Commitment.commission_id == commission_id
        )
    result: dict[int, list[str]] = defaultdict(list)
    for cid, acronym in session.exec(stmt):
        result[cid].append(acronym)
    return result


_AREAS_OF_ONE = (
    select(Area.acronym)
    .join(CommitmentArea, col(Area.id) == CommitmentArea.area_id)
    .where(col(CommitmentArea.commitment_id) == sa.bindparam("cid"))
    .order_by(col(CommitmentArea.position))
)


def area_ids_of(*, session: Session, commitment_id: int) -> list[int]:
    stmt = select(CommitmentArea.area_id).where(CommitmentArea.commitment_id == commitment_id)
    return list(session.exec(stmt.order_by(col(CommitmentArea.position))))


def set_areas(*, session: Session, commitment_id: int, area_ids: Sequence[int]) -> None:
    """Replace a commitment's areas (their order is kept)."""
    session.execute(sa.delete(CommitmentArea).where(col(CommitmentArea.commitment_id) == commitment_id))
    for position, area_id in enumerate(dict.fromkeys(area_ids)):
        session.add(CommitmentArea(commitment_id=commitment_id, area_id=area_id, position=position))
    session.flush()
