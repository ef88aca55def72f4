"""The conversation service: what the bot asked waits in the registry, for any replica, for a while."""

from __future__ import annotations

from datetime import timedelta

from bot.conversation import QUESTION_TTL, Actor, Conversation
from bot.model import Changed, Listed, Notice
from bot.settings import Settings

ASK = "el 08/2023 vence el próximo martes"  # said on a Monday: tomorrow, or a week later?


def replicas(seeded) -> tuple[Conversation, Conversation]:
    settings = Settings.from_env({})
    return Conversation(seeded, settings), Conversation(seeded, settings)


def test_another_replica_takes_the_answer_to_the_question_one_asked(seeded, now):
    one, two = replicas(seeded)
    asked = one.reply(ASK, Actor("U1"), now).outcome
    assert isinstance(asked, Notice) and asked.key == "ambiguous_date"
    answered = two.reply("el 21", Actor("U1"), now + timedelta(minutes=2)).outcome
    assert isinstance(answered, Changed) and answered.item.due is not None
    assert answered.item.due.date.isoformat() == "2023-02-21"


def test_a_question_expires_and_is_asked_only_of_its_user(seeded, now):
    one, two = replicas(seeded)
    one.reply(ASK, Actor("U1"), now)
    other = two.reply("el 21", Actor("U2"), now).outcome
    assert not isinstance(other, Changed)
    late = two.reply("el 21", Actor("U1"), now + QUESTION_TTL + timedelta(minutes=1)).outcome
    assert not isinstance(late, Changed)


def test_another_message_drops_the_question(seeded, now):
    one, _ = replicas(seeded)
    one.reply(ASK, Actor("U1"), now)
    one.reply("¿Cómo va el 01/2023?", Actor("U1"), now)
    assert not isinstance(one.reply("el 21", Actor("U1"), now).outcome, Changed)


def test_what_falls_due_this_week_is_every_open_item_due_by_friday_touched_or_not(seeded, now):
    one, _ = replicas(seeded)
    monday = now + timedelta(days=7)  # the registry was last touched the Monday before
    this_week = one.reply("¿Qué vence esta semana?", Actor("U1"), monday).outcome
    by_friday = one.reply("¿Qué vence antes del viernes?", Actor("U1"), monday).outcome
    assert isinstance(this_week, Listed) and isinstance(by_friday, Listed)
    assert this_week.items and [i.code for i in this_week.items] == [i.code for i in by_friday.items]


def test_slack_mentions_alone_are_no_english_and_get_the_users_language(seeded, now):
    one, _ = replicas(seeded)
    for said in ("<!channel>", "<!here> <#C0123|general>", "<@U0123> <!everyone>"):
        answer = one.reply(said, Actor("U1"), now)
        assert answer.lang == "es" and isinstance(answer.outcome, Notice), (said, answer)
    assert one.reply("<!channel> what's pending?", Actor("U1"), now).lang == "en"


def test_undo_while_a_question_waits_drops_it_and_undoes(seeded, now):
    one, _ = replicas(seeded)
    one.reply("el 01/2023 ya se atendió", Actor("U1"), now)
    one.reply(ASK, Actor("U1"), now)
    undone = one.reply("deshacer", Actor("U1"), now).outcome
    assert isinstance(undone, Changed) and undone.what == "undo" and undone.item.code == "01/2023"
    assert not isinstance(one.reply("el 21", Actor("U1"), now).outcome, Changed)  # the question went with it


def test_a_change_by_a_subject_several_match_asks_which_and_the_answer_makes_it(seeded, now):
    from bot.model import Candidates

    one, two = replicas(seeded)
    asked = one.reply("el plan de riesgos ya quedó atendido", Actor("U1"), now).outcome
    assert isinstance(asked, Candidates) and asked.question and "19/2022" in [c for c, _ in asked.options]
    number = [c for c, _ in asked.options].index("19/2022") + 1
    done = two.reply(str(number), Actor("U1"), now).outcome  # any replica takes the answer
    assert isinstance(done, Changed) and done.item.code == "19/2022" and done.item.status == "done"
    assert done.item.entries[0].text == ""  # the subject is not the change's reason
    one.reply("lo de las reuniones de seguimiento ya está en proceso", Actor("U1"), now)
    by_code = one.reply("el 16/2022", Actor("U1"), now).outcome
    assert isinstance(by_code, Changed) and by_code.item.code == "16/2022" and by_code.item.status == "in_progress"


def test_a_deadline_moved_keeps_why_and_a_note_chosen_as_a_deadline_stays_as_its_reason(seeded, now):
    one, _ = replicas(seeded)
    moved = one.reply("El 21/2022 se recorre al 15 de marzo a solicitud de la DJ.", Actor("U1"), now).outcome
    assert isinstance(moved, Changed) and moved.item.entries[0].text.endswith("(a solicitud de la DJ)")
    one.reply("Para el 22/2022: la DJ confirmó la firma del convenio para el 6 de marzo", Actor("U1"), now)
    chosen = one.reply("2", Actor("U1"), now).outcome
    assert isinstance(chosen, Changed) and chosen.item.due is not None
    assert chosen.item.due.date.isoformat() == "2023-03-06"
    assert "la DJ confirmó la firma del convenio" in chosen.item.entries[0].text
