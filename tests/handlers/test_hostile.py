"""Hostile or broken input over the wire: refused with a 4xx or answered, never a 500, never stored raw."""

from __future__ import annotations

import json

import pytest
from slacksim import button, submission

from bot import registry
from bot.render import ids


def event_body(event: object) -> str:
    return json.dumps({"type": "event_callback", "team_id": "T1", "event_id": "EvBad", "event": event})


@pytest.mark.parametrize(
    "body",
    [
        "[]",
        "null",
        '"text"',
        "42",
        event_body("a string"),
        event_body(["a", "list"]),
        event_body({"type": "app_mention", "user": "U1", "channel": "C1", "ts": "1.1", "text": 42}),
        event_body({"type": "app_mention", "user": {"id": "U1"}, "channel": "C1", "ts": "1.1", "text": "hola"}),
        json.dumps({"type": "block_actions", "user": {"id": "U1"}, "actions": "mark_done"}),
        json.dumps({"type": "view_submission", "user": {"id": "U1"}, "view": {"id": "V1", "state": []}}),
    ],
    ids=lambda b: b[:40],
)
def test_signed_json_of_the_wrong_shape_is_a_4xx_and_changes_nothing(slack, standin, body):
    response = slack.send(body, "application/json")
    assert 400 <= response.status < 500
    forged = slack.send(body, "application/json", headers={"X-Slack-Signature": "v0=00"}, signed=False)
    assert forged.status == 401
    assert slack.mention("¿Cómo va el 08/2023?").status == 200 and standin.wait_for("chat.postMessage")


def test_control_characters_and_nul_are_cleaned_before_they_are_stored(slack, standin, seeded, now):
    slack.mention("Avance en 01/2023: se envió\x00 la nota\x1b[31m al IME\x07\x0b hoy\ttarde")
    with seeded.read() as s:
        item = registry.get_item(session=s, sc=registry.scope(session=s, commission="COVE", now=now), code="01/2023")
    assert item.entries[0].text == "se envió la nota[31m al IME hoy\ttarde"
    assert "\\u0000" not in json.dumps(standin.wait_for("chat.postMessage")[0])


def test_a_garbage_date_in_the_deadline_form_keeps_it_open_with_an_error(slack):
    values = {ids.DATE_BLOCK: {ids.DATE_INPUT: {"type": "datepicker", "selected_date": "2023-02-31"}}}
    response = slack.interact(submission(ids.DUE_VIEW, values, {"code": "08/2023"}))
    assert response.status == 200 and ids.DATE_BLOCK in response.json()["errors"]


def test_a_form_delivered_three_times_is_saved_once(slack, standin, seeded, now):
    values = {ids.NOTE_BLOCK: {ids.NOTE_INPUT: {"type": "plain_text_input", "value": "Se firmó el convenio"}}}
    for _ in range(3):
        assert slack.interact(submission(ids.LOG_VIEW, values, {"code": "01/2023", "channel": "C1"})).status == 200
    with seeded.read() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        item = registry.get_item(session=s, sc=sc, code="01/2023", history=None)
    assert [e.text for e in item.entries].count("Se firmó el convenio") == 1
    assert len(standin.called("chat.postEphemeral")) == 1  # one confirmation


def test_a_click_delivered_twice_changes_once(slack, standin, seeded, now):
    click = button(ids.MARK_DONE, "08/2023", response_url=standin.url + "response/5")
    slack.interact(click)
    slack.interact(click)
    with seeded.read() as s:
        sc = registry.scope(session=s, commission="COVE", now=now)
        item = registry.get_item(session=s, sc=sc, code="08/2023", history=None)
    assert [e.kind for e in item.entries].count("status") == 1
    assert len(standin.called("response/5")) == 1
