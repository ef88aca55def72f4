"""The units of work an inbound event runs in: answering a question, appending a note (``Database``)."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from bot import registry
from storage.events import record_event
from storage.queries import add_update, get_commitment, held_log


def _log_count(db, code: str) -> int:
    with db.read() as s:
        sql = "SELECT count(*) FROM commitment_update u JOIN commitment c ON c.id = u.commitment_id WHERE c.code = :c"
        return s.connection().execute(sa.text(sql), {"c": code}).scalar_one()


def _note(db, now, key: str, text: str, *, rollback: bool = False) -> bool:
    with db.appending() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        registry.log_update(session=s, sc=sc, code="01/2023", text=text, author="U1", source="slack:C1/1.1")
        if rollback:
            s.rollback()
        recorded = record_event(session=s, key=key, now=now, reply="{}")
        if not recorded:  # as ``Conversation.reply_once`` does: the first delivery's effects stand alone
            s.rollback()
        return recorded


def test_a_note_is_written_with_its_event_once_however_often_it_is_delivered(seeded, now):
    before = _log_count(seeded, "01/2023")
    assert _note(seeded, now, "event:Ev1", "se envió la nota al IME") is True
    assert _note(seeded, now, "event:Ev1", "se envió la nota al IME") is False
    assert _log_count(seeded, "01/2023") == before + 1
    with seeded.read() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        item = registry.get_item(session=s, sc=sc, code="01/2023")
    assert item is not None and item.entries[0].text == "se envió la nota al IME"


def test_a_note_rolled_back_leaves_the_log_alone_and_the_event_is_still_recorded(seeded, now):
    before = _log_count(seeded, "01/2023")
    assert _note(seeded, now, "event:Ev2", "no debe quedar", rollback=True) is True
    assert _log_count(seeded, "01/2023") == before


def test_the_card_read_in_the_same_unit_shows_the_note_before_it_is_written(seeded, now):
    with seeded.appending() as s:
        sc = registry.scope(session=s, commission="COVE", now=now + timedelta(seconds=5))
        registry.log_update(session=s, sc=sc, code="01/2023", text="nota nueva", author="U1")
        item = registry.get_item(session=s, sc=sc, code="01/2023")
        assert item is not None and item.entries[0].text == "nota nueva"
        assert record_event(session=s, key="event:Ev3", now=now, reply="{}")


def test_entries_held_for_an_event_never_recorded_are_an_error_not_a_silent_loss(seeded, now):
    if seeded.dialect != "postgresql":
        pytest.skip("SQLite writes each entry as it goes")
    with pytest.raises(RuntimeError, match="never recorded"), seeded.appending() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        registry.log_update(session=s, sc=sc, code="01/2023", text="huérfana", author="U1")
        assert len(held_log(s)) == 1


def test_several_held_entries_go_in_with_the_event(seeded, now):
    before = _log_count(seeded, "01/2023")
    with seeded.appending() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        found = get_commitment(session=s, commission_id=sc.commission_id, code="01/2023")
        for text in ("primera", "segunda"):
            add_update(session=s, commitment=found, text=text, author="U1", now=now)
        assert record_event(session=s, key="event:Ev4", now=now, reply="{}")
    assert _log_count(seeded, "01/2023") == before + 2


def test_answers_commit_without_waiting_for_the_flush_and_changes_wait_for_it(db):
    if db.dialect != "postgresql":
        pytest.skip("PostgreSQL setting")
    show = "SHOW synchronous_commit"
    with db.answering() as s:
        assert s.connection().exec_driver_sql(show).scalar() == "off"
    for unit in (db.write, db.appending, db.read):
        with unit() as s:
            assert s.connection().exec_driver_sql(show).scalar() == "on"


def test_the_answers_pool_is_closed_with_the_registry(db):
    if db.dialect != "postgresql":
        pytest.skip("PostgreSQL pool")
    with db.answering() as s:
        s.connection()
    answers = db._side_pool("answers")
    assert answers.pool.checkedin() == 1
    db.engine.dispose()
    assert answers.pool.checkedin() == 0


def test_a_unit_that_rolls_back_part_way_reads_afresh(seeded, now):
    with seeded.write() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        before = registry.get_item(session=s, sc=sc, code="01/2023")
        registry.set_status(session=s, sc=sc, code="01/2023", status="done", author="U1")
        assert registry.get_item(session=s, sc=sc, code="01/2023").status == "done"
        s.rollback()  # as a refused change does: what the session read and changed is forgotten
        assert registry.get_item(session=s, sc=sc, code="01/2023").status == before.status
