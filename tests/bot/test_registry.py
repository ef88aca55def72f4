import threading
from datetime import date, timedelta

import pytest

from bot import changes, meetings, registry
from bot.model import Due, Filters
from bot.registry import RegistryError


def run(db, now, fn, **kwargs):
    with db.write() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        return fn(session=s, sc=sc, **kwargs)


def item(db, now, code, history=50):
    with db.read() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        return registry.get_item(session=s, sc=sc, code=code, history=history)


def listed(db, now, **filters):
    with db.read() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        return registry.list_items(session=s, sc=sc, filters=Filters(**filters))


def test_seed_item_has_areas_origin_and_log(seeded, now):
    it = item(seeded, now, "23/2022")
    assert it.status == "in_progress"
    assert it.areas == ("DERFE", "DECEYEC", "DEOE", "DJ")
    assert it.origin == "Reunión de trabajo INE-SRE del 8 de septiembre de 2022"
    assert it.due == Due(date=date(2023, 3, 31), kind="day")
    assert any("INE/DERFE/0132/2023" in e.text for e in it.entries)


def test_unknown_code_is_none(seeded, now):
    assert item(seeded, now, "99/2023") is None


def test_log_update_appends_with_author_and_source(seeded, now):
    run(
        seeded,
        now,
        changes.log_update,
        code="01/2023",
        text="se envió la nota al IME",
        author="U1",
        source="slack:C1/1.2",
    )
    it = item(seeded, now + timedelta(seconds=1), "01/2023")
    assert (it.entries[0].text, it.entries[0].author, it.entries[0].source) == (
        "se envió la nota al IME",
        "U1",
        "slack:C1/1.2",
    )


def test_empty_note_is_refused(seeded, now):
    with pytest.raises(RegistryError) as err:
        run(seeded, now, changes.log_update, code="01/2023", text="   ", author="U1")
    assert err.value.key == "empty_note"


def test_set_status_keeps_previous(seeded, now):
    c, before = run(seeded, now, changes.set_status, code="08/2023", status="done", author="U1")
    assert (before, c.status) == ("pending", "done")
    it = item(seeded, now, "08/2023")
    change = [e for e in it.entries if e.kind == "status"][0]
    assert (change.status_before, change.status_after) == ("pending", "done")
    assert c.closed_at == now


def test_same_status_records_nothing(seeded, now):
    before_count = len(item(seeded, now, "08/2023").entries)
    run(seeded, now, changes.set_status, code="08/2023", status="pending", author="U1")
    assert len(item(seeded, now, "08/2023").entries) == before_count


def test_set_due_month_and_log(seeded, now):
    run(seeded, now, changes.set_due, code="08/2023", due=Due(date=date(2023, 5, 31), kind="month"), author="U1")
    it = item(seeded, now, "08/2023")
    assert it.due == Due(date=date(2023, 5, 31), kind="month")
    assert it.entries[0].kind == "due" and "2023-05" in it.entries[0].text


def test_create_takes_next_free_code_of_the_year(seeded, now):
    c = run(seeded, now, changes.create, text="El IME enviará la lista de consulados", author="U1", areas=["IME"])
    assert c.code == "09/2023"
    assert item(seeded, now, "09/2023").areas == ("IME",)


def test_a_working_meetings_item_number_does_not_move_the_next_session_code(seeded, now):
    run(seeded, now, changes.create, text="La SRE enviará el padrón consular", author="U1", code="R230118-12")
    c = run(seeded, now, changes.create, text="El IME enviará la lista de consulados", author="U1", areas=["IME"])
    assert c.code == "09/2023"  # not 13/2023: the meeting numbers its own items


def test_create_with_taken_code_is_refused(seeded, now):
    with pytest.raises(RegistryError) as err:
        run(seeded, now, changes.create, text="x", author="U1", code="01/2023")
    assert err.value.key == "code_taken"


def test_create_with_unknown_area_writes_nothing(seeded, now):
    with pytest.raises(RegistryError):
        run(seeded, now, changes.create, text="x", author="U1", areas=["NOPE"])
    assert item(seeded, now, "09/2023") is None


def test_lists_by_status_area_overdue_and_due(seeded, now):
    open_derfe = {i.code for i in listed(seeded, now, status="open", area="DERFE")}
    assert open_derfe == {"14/2022", "19/2022", "23/2022", "01/2023", "05/2023"}
    assert {i.code for i in listed(seeded, now, status="pending")} == {"08/2023"}
    assert all(i.status == "done" for i in listed(seeded, now, status="done"))
    later = now + timedelta(days=10)  # 2023-02-23: 26/2022 (due 02-20) is overdue
    assert {i.code for i in listed(seeded, later, overdue=True)} == {"26/2022"}
    due = {i.code for i in listed(seeded, now, due_before=date(2023, 2, 28))}
    assert due == {"26/2022", "04/2023", "08/2023"}


def test_list_with_unknown_area_is_an_error(seeded, now):
    with pytest.raises(RegistryError):
        listed(seeded, now, area="XYZ")


def test_next_meeting(seeded, now):
    from datetime import datetime

    with seeded.read() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        assert meetings.next_meeting(session=s, sc=sc) is None
    run(
        seeded,
        now,
        meetings.add_meeting,
        name="Segunda Sesión Ordinaria",
        at=datetime(2023, 3, 1, 10, tzinfo=now.tzinfo),
    )
    with seeded.read() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        assert meetings.next_meeting(session=s, sc=sc).name == "Segunda Sesión Ordinaria"


def test_two_writers_on_the_same_commitment_keep_both(seeded, now):
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def writer(name: str) -> None:
        try:
            barrier.wait()
            for i in range(10):
                run(seeded, now, changes.log_update, code="01/2023", text=f"{name} {i}", author=name)
                run(
                    seeded,
                    now,
                    changes.set_status,
                    code="01/2023",
                    status="done" if i % 2 else "in_progress",
                    author=name,
                )
        except BaseException as exc:  # any failure, including "database is locked"
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("UA", "UB")]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    notes = [e.text for e in item(seeded, now, "01/2023", history=None).entries if e.kind == "note"]
    assert sorted(notes) == sorted([f"UA {i}" for i in range(10)] + [f"UB {i}" for i in range(10)])


def test_a_card_remembered_by_one_replica_shows_another_replicas_update(seeded, db_url, now):
    from storage.db import Database, make_engine

    other = Database(make_engine(db_url))  # a second process on the same registry
    try:
        assert item(seeded, now, "01/2023", history=5).entries  # remembered by this replica
        run(other, now, changes.log_update, code="01/2023", text="desde otra réplica", author="U2")
        assert item(seeded, now, "01/2023", history=5).entries[0].text == "desde otra réplica"
        run(other, now, changes.set_status, code="01/2023", status="done", author="U2")
        fresh = item(seeded, now, "01/2023", history=5)
        assert fresh.status == "done" and fresh.entries[0].kind == "status"
    finally:
        other.engine.dispose()


def test_concurrent_creates_take_distinct_codes(seeded, now):
    errors: list[BaseException] = []
    codes: list[str] = []
    barrier = threading.Barrier(4)

    def creator(n: int) -> None:
        try:
            barrier.wait()
            codes.append(run(seeded, now, changes.create, text=f"Nuevo {n}", author="U1").code)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=creator, args=(n,)) for n in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == [] and sorted(codes) == ["09/2023", "10/2023", "11/2023", "12/2023"]


def test_areas_set_in_a_session_are_read_back_in_it(db, now):
    from storage import areas as areas_db

    with db.write() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        c = changes.create(session=s, sc=sc, text="Compromiso", author="t")
        areas_db.set_areas(
            session=s, commitment_id=c.id, area_ids=registry.resolve_areas(session=s, acronyms=["CAI", "DJ"])
        )
        assert areas_db.areas_of(session=s, commitment_ids=[c.id], commission_id=sc.commission_id)[c.id] == [
            "CAI",
            "DJ",
        ]
        assert registry.get_item(session=s, sc=sc, code=c.code).areas == ("CAI", "DJ")


def test_a_change_that_waited_for_the_lock_shows_the_change_it_waited_for(seeded, now):
    """Two changes to one commitment at once: the second card includes the first change's entry."""
    first_holds_lock, first_may_commit = threading.Event(), threading.Event()
    results = {}

    def first():
        with seeded.write() as s:
            sc = registry.scope(session=s, commission="COVE", now=now)
            changes.set_status(session=s, sc=sc, code="08/2023", status="in_progress", author="U1")
            first_holds_lock.set()
            first_may_commit.wait(5)

    def second():
        first_holds_lock.wait(5)
        with seeded.write() as s:
            sc = registry.scope(session=s, commission="COVE", now=now)
            changes.set_due(session=s, sc=sc, code="08/2023", due=Due(date=date(2023, 6, 30)), author="U2")
            results["card"] = registry.get_item(session=s, sc=sc, code="08/2023")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    first_holds_lock.wait(5)
    threading.Timer(0.3, first_may_commit.set).start()  # the second is waiting for the lock by then
    for t in threads:
        t.join(10)
    card = results["card"]
    assert card.status == "in_progress"
    assert [e.kind for e in card.entries[:2]] == ["due", "status"]


def test_edit_writes_only_what_changes_and_logs_it(seeded, now):
    from bot.model import Due

    with seeded.write() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        current = registry.get_item(session=s, sc=sc, code="08/2023")
        _, same = changes.edit(
            session=s, sc=sc, code="08/2023", author="U1", text=current.text, areas=list(current.areas)
        )
        assert same == {}
        _, changed = changes.edit(
            session=s, sc=sc, code="08/2023", author="U1", areas=["DERFE"], due=Due(date=now.date().replace(day=27))
        )
        assert set(changed) == {"areas", "due"}
        item = registry.get_item(session=s, sc=sc, code="08/2023", history=None)
    assert item.areas == ("DERFE",) and [e.kind for e in item.entries].count("edit") == 1


def test_a_withdrawn_commitment_keeps_its_history_and_leaves_the_lists(seeded, now):
    from bot.model import Filters

    with seeded.write() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        changes.withdraw(session=s, sc=sc, code="08/2023", author="U1", reason="duplicado")
        with pytest.raises(registry.RegistryError):
            changes.withdraw(session=s, sc=sc, code="08/2023", author="U1")
    with seeded.read() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        listed = [i.code for i in registry.list_items(session=s, sc=sc, filters=Filters())]
        item = registry.get_item(session=s, sc=sc, code="08/2023", history=None)
    assert "08/2023" not in listed and item.withdrawn and item.entries[0].text == "duplicado"
    assert len(item.entries) > 1


def test_a_withdrawn_commitment_takes_no_more_notes_statuses_or_deadlines(seeded, now):
    from bot.conversation import Actor, Conversation
    from bot.model import Notice
    from bot.settings import Settings

    run(seeded, now, changes.withdraw, code="08/2023", author="U1", reason="duplicado del 07/2023")
    before = item(seeded, now, "08/2023")
    talk = Conversation(seeded, Settings.from_env({}))
    for said in ("El 08/2023 vence el 15 de marzo", "el 08/2023 ya se atendió", "Avance en 08/2023: se envió la nota"):
        answer = talk.reply(said, Actor("U1"), now).outcome
        assert isinstance(answer, Notice) and answer.key == "withdrawn", (said, answer)
    assert item(seeded, now, "08/2023") == before
