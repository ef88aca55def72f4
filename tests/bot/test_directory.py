"""The catalog the language layer gets: a registry created before the everyday names still answers to them."""

from __future__ import annotations

from sqlmodel import select

from bot import directory
from storage.models import Area


def test_default_areas_answer_to_their_everyday_names_whatever_the_registry_stored(db):
    with db.write() as session:
        for area in session.exec(select(Area)):
            area.aliases = ""  # as an older registry stored them
            session.add(area)
    with db.read() as session:
        catalog = directory.catalog(session=session)
    assert catalog.find("pendientes de jurídico") == ("DJ", (2, 3))
    assert catalog.exact("Cancillería") == "SRE"
