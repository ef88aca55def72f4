"""Commissions: the registry holds one or more, each with its own codes."""

from __future__ import annotations

from sqlmodel import Session, select

from storage.inserts import insert_ignore
from storage.models import Commission


def find_commission(*, session: Session, code: str) -> Commission | None:
    return session.exec(select(Commission).where(Commission.code == code)).first()


def get_commission(*, session: Session, code: str) -> Commission:
    """Return the commission with this code, creating it on first use (safely, if two replicas race)."""
    found = find_commission(session=session, code=code)
    if found is not None:
        return found
    insert_ignore(session=session, table=Commission, values={"code": code, "name": code}, keys=["code"])
    return session.exec(select(Commission).where(Commission.code == code)).one()
