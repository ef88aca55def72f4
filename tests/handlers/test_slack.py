"""Every Slack surface over Slack's wire protocol: signed HTTP in, Web API calls recorded at the stand-in."""

from __future__ import annotations

import json
import time

from slacksim import button, submission

from bot.render import ids


def texts(calls: list[dict]) -> str:
    return "\n".join(json.dumps(c, ensure_ascii=False) for c in calls)


def test_healthz_and_unknown_paths(slack):
    import urllib.error
    import urllib.request

    with urllib.request.urlopen(slack.url + "/healthz") as r:
        assert r.status == 200
    try:
        urllib.request.urlopen(slack.url + "/nope")
    except urllib.error.HTTPError as err:
        assert err.code == 404


def test_mention_answers_in_thread_with_card(slack, standin):
    assert slack.mention("¿Cómo va el 23/2022?", ts="1700000000.000100").status == 200
    (post,) = standin.wait_for("chat.postMessage")
    assert post["channel"] == "C1" and post["thread_ts"] == "1700000000.000100"
    assert "23/2022" in post["text"] and "proselitismo" in post["text"]
    action_ids = [e["action_id"] for b in post["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert {ids.MARK_DONE, ids.OPEN_LOG, ids.OPEN_DUE} <= set(action_ids)


def test_a_chat_reply_is_posted_before_the_ack_and_the_report_after_it(slack, standin):
    """The card goes out in the request (the user sees it without a hand-off); building the Word report
    does not hold the acknowledgement."""
    standin.delay["chat.postMessage"] = 0.3
    answered = slack.mention("¿Cómo va el 23/2022?", ts="1700000000.000101", drain=False)
    assert answered.seconds >= 0.3 and len(standin.called("chat.postMessage")) == 1
    standin.delay = {"files.getUploadURLExternal": 0.5}
    asked = slack.mention("reporte", ts="1700000000.000102", drain=False)
    assert asked.seconds < 0.5 and standin.called("files.completeUploadExternal") == []
    slack.drain()
    assert len(standin.called("files.completeUploadExternal")) == 1


def test_direct_message_gets_answer_in_dm(slack, standin):
    slack.dm("Pendientes de la DERFE")
    (post,) = standin.wait_for("chat.postMessage")
    assert post["channel"] == "D1" and "thread_ts" not in post
    assert "01/2023" in json.dumps(post["blocks"])


def test_retried_event_records_one_update_and_replies_once(slack, standin, seeded, now):
    for retry in (None, "1", "2"):
        headers = {"X-Slack-Retry-Num": retry, "X-Slack-Retry-Reason": "http_timeout"} if retry else None
        assert (
            slack.mention("Avance en 01/2023: se envió la nota al IME", event_id="EvSAME", headers=headers).status
            == 200
        )
    assert len(standin.wait_for("chat.postMessage")) == 1
    from bot import registry

    with seeded.read() as s:
        item = registry.get_item(
            session=s, sc=registry.scope(session=s, commission="COVE", now=now), code="01/2023", history=None
        )
    notes = [e for e in item.entries if e.text == "se envió la nota al IME"]
    assert len(notes) == 1 and notes[0].author == "U1" and notes[0].source.startswith("slack:C1/")


def test_a_refused_change_is_answered_and_recorded_once(slack, standin, seeded, now):
    for retry in (None, "1"):
        headers = {"X-Slack-Retry-Num": retry, "X-Slack-Retry-Reason": "http_timeout"} if retry else None
        sent = slack.mention("crea el compromiso 01/2023: duplicado de código", event_id="EvTAKEN", headers=headers)
        assert sent.status == 200
    (post,) = standin.wait_for("chat.postMessage")
    assert "El código 01/2023 ya existe." in post["text"]
    with seeded.read() as s:
        texts = s.connection().exec_driver_sql("SELECT text FROM commitment WHERE code = '01/2023'").scalars().all()
        recorded = s.connection().exec_driver_sql("SELECT count(*) FROM processedevent").scalar_one()
    assert texts != ["duplicado de código"] and len(texts) == 1 and recorded == 1


def test_first_delivery_lost_retry_is_processed(slack, standin):
    response = slack.mention("¿Cómo va el 08/2023?", event_id="EvLOST", headers={"X-Slack-Retry-Num": "1"})
    assert response.status == 200
    assert len(standin.wait_for("chat.postMessage")) == 1


def test_forged_unsigned_and_stale_requests_change_nothing(slack, standin):
    body = json.dumps(
        {
            "type": "event_callback",
            "event_id": "EvF",
            "event": {
                "type": "app_mention",
                "user": "U1",
                "text": "Da por atendido el 08/2023",
                "channel": "C1",
                "ts": "1.1",
            },
        }
    )
    forged = {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=deadbeef"}
    assert slack.send(body, "application/json", headers=forged, signed=False).status == 401
    assert slack.send(body, "application/json", signed=False).status == 401
    stale = slack.sign(body, timestamp=int(time.time()) - 600)
    assert slack.send(body, "application/json", headers=stale, signed=False).status == 401
    assert (
        slack.send(
            body,
            "application/json",
            headers={"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=x"},
            signed=False,
        ).status
        == 401
    )
    assert standin.called("chat.postMessage") == []
    slack.mention("¿cómo va el 08/2023?")
    assert "Pendiente" in standin.wait_for("chat.postMessage")[0]["text"]


def test_garbage_bodies_get_4xx_and_the_app_lives_on(slack, standin):
    assert slack.send("{not json", "application/json").status == 400
    assert 400 <= slack.send("payload=%7Bbroken", "application/x-www-form-urlencoded").status < 500
    assert 400 <= slack.send("\x00\x01garbage", "application/octet-stream").status < 500
    assert slack.mention("¿Cómo va el 08/2023?").status == 200
    assert standin.wait_for("chat.postMessage")


def test_echoed_channel_ping_is_escaped(slack, standin):
    slack.mention("Avance en 01/2023: <!channel> ya se mandó la nota <@U999> & listo")
    slack.mention("¿Cómo va el 01/2023?")
    posts = standin.wait_for("chat.postMessage", 2)
    shown = texts(posts)
    assert "<!channel>" not in shown and "<@U999>" not in shown
    assert "&lt;!channel&gt;" in shown and "&amp; listo" in shown


def test_non_writer_is_refused_ephemerally_and_nothing_changes(slack_env, start_app, standin):
    from bot.settings import Settings

    standin.groups["SGROUP"] = ["UMEMBER"]
    sim = start_app(Settings.from_env({**slack_env, "BOT_WRITERS": "UBOSS,SGROUP"}))
    sim.mention("Da por atendido el 08/2023", user="UOTHER")
    (refusal,) = standin.wait_for("chat.postEphemeral")
    assert refusal["user"] == "UOTHER" and "permiso" in refusal["text"]
    assert standin.called("chat.postMessage") == []
    sim.mention("Da por atendido el 08/2023", user="UMEMBER")  # a member of a writer group
    assert "Atendido" in standin.wait_for("chat.postMessage")[0]["text"]


def test_slash_command_answers_ephemerally(slack):
    response = slack.command("pendientes de la UTSI")
    assert response.status == 200
    body = response.json()
    assert body["response_type"] == "ephemeral" and body["text"]
    help_body = slack.command("").json()
    assert "14/2022" in help_body["text"]


def test_slash_command_with_the_word_payload(slack):
    response = slack.command("Avance en 01/2023: revisar el payload del sistema")
    assert response.status == 200
    assert "01/2023" in response.json()["text"]


def test_mark_done_button_replaces_the_card(slack, standin):
    response_url = standin.url + "response/1"
    slack.interact(button(ids.MARK_DONE, "08/2023", response_url=response_url))
    (update,) = standin.wait_for("response/1")
    assert update["replace_original"] is True and "Atendido" in update["text"]
    assert standin.wait_for("views.publish")  # the user's App Home is refreshed


def test_log_button_opens_modal_and_submission_logs(slack, standin):
    slack.interact(button(ids.OPEN_LOG, "01/2023"))
    (opened,) = standin.wait_for("views.open")
    view = opened["view"]
    assert view["callback_id"] == ids.LOG_VIEW
    meta = json.loads(view["private_metadata"])
    values = {ids.NOTE_BLOCK: {ids.NOTE_INPUT: {"type": "plain_text_input", "value": "Se envió el oficio"}}}
    assert slack.interact(submission(ids.LOG_VIEW, values, meta)).status == 200
    confirmation = standin.wait_for("chat.postEphemeral")
    assert confirmation and "01/2023" in confirmation[0]["text"]
    slack.mention("¿cómo va el 01/2023?")
    assert "Se envió el oficio" in standin.wait_for("chat.postMessage")[0]["text"]


def test_empty_note_keeps_modal_open_with_error(slack):
    values = {ids.NOTE_BLOCK: {ids.NOTE_INPUT: {"type": "plain_text_input", "value": "  "}}}
    response = slack.interact(submission(ids.LOG_VIEW, values, {"code": "01/2023"}))
    assert response.json()["response_action"] == "errors" and ids.NOTE_BLOCK in response.json()["errors"]


def test_due_modal_has_date_picker_and_submission_changes_deadline(slack, standin):
    slack.interact(button(ids.OPEN_DUE, "08/2023"))
    view = standin.wait_for("views.open")[0]["view"]
    assert any(b.get("element", {}).get("type") == "datepicker" for b in view["blocks"])
    values = {ids.DATE_BLOCK: {ids.DATE_INPUT: {"type": "datepicker", "selected_date": "2023-03-20"}}}
    assert slack.interact(submission(ids.DUE_VIEW, values, json.loads(view["private_metadata"]))).status == 200
    past = {ids.DATE_BLOCK: {ids.DATE_INPUT: {"type": "datepicker", "selected_date": "2023-01-02"}}}
    assert slack.interact(submission(ids.DUE_VIEW, past, {"code": "08/2023"})).json()["response_action"] == "errors"
    slack.mention("¿cómo va el 08/2023?")
    assert "20 de marzo de 2023" in standin.wait_for("chat.postMessage")[0]["text"]


def test_create_modal(slack, standin):
    slack.interact(button(ids.OPEN_CREATE, "home", container={"type": "view", "view_id": "V1"}))
    view = standin.wait_for("views.open")[0]["view"]
    assert view["callback_id"] == ids.CREATE_VIEW
    values = {
        ids.TEXT_BLOCK: {ids.TEXT_INPUT: {"type": "plain_text_input", "value": "La UTSI enviará el informe"}},
        ids.AREAS_BLOCK: {ids.AREAS_INPUT: {"type": "multi_static_select", "selected_options": [{"value": "UTSI"}]}},
        ids.DATE_BLOCK: {ids.DATE_INPUT: {"type": "datepicker", "selected_date": "2023-03-10"}},
        ids.CODE_BLOCK: {ids.CODE_INPUT: {"type": "plain_text_input", "value": None}},
    }
    assert slack.interact(submission(ids.CREATE_VIEW, values, {})).status == 200
    dm = standin.wait_for("chat.postMessage")[0]
    assert dm["channel"] == "U1" and "09/2023" in dm["text"]
    bad = dict(values, **{ids.CODE_BLOCK: {ids.CODE_INPUT: {"type": "plain_text_input", "value": "abc"}}})
    assert slack.interact(submission(ids.CREATE_VIEW, bad, {})).json()["response_action"] == "errors"


def test_message_shortcut_logs_message_text_and_permalink(slack, standin):
    shortcut = {
        "type": "message_action",
        "callback_id": ids.LOG_MESSAGE_SHORTCUT,
        "trigger_id": "1.2.tr",
        "team": {"id": "T1"},
        "user": {"id": "U1"},
        "channel": {"id": "C7"},
        "message_ts": "1700000009.1",
        "message": {"type": "message", "user": "U3", "text": "Ya firmó la SRE el convenio", "ts": "1700000009.1"},
        "response_url": "",
    }
    slack.interact(shortcut)
    view = standin.wait_for("views.open")[0]["view"]
    assert view["callback_id"] == ids.SHORTCUT_VIEW
    meta = json.loads(view["private_metadata"])
    assert meta["permalink"].startswith("https://")
    values = {
        ids.PICK_BLOCK: {ids.PICK_INPUT: {"type": "static_select", "selected_option": {"value": "04/2023"}}},
        ids.CODE_BLOCK: {ids.CODE_INPUT: {"type": "plain_text_input", "value": None}},
        ids.NOTE_BLOCK: {ids.NOTE_INPUT: {"type": "plain_text_input", "value": "Ya firmó la SRE el convenio"}},
    }
    assert slack.interact(submission(ids.SHORTCUT_VIEW, values, meta)).status == 200
    slack.mention("¿cómo va el 04/2023?")
    post = standin.wait_for("chat.postMessage")[0]
    assert "Ya firmó la SRE el convenio" in post["text"] and meta["permalink"] in json.dumps(post["blocks"])


def test_app_home_lists_member_areas(slack, standin, seeded, now):
    from bot import directory

    with seeded.write() as s:
        directory.save_member(session=s, user_id="U1", areas=["IME"])
    slack.event({"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"})
    (published,) = standin.wait_for("views.publish")
    shown = json.dumps(published["view"], ensure_ascii=False)
    assert published["user_id"] == "U1" and "IME" in shown and "08/2023" in shown and "01/2023" not in shown


def test_list_paginates_within_slack_limits(slack, standin):
    response_url = standin.url + "response/2"
    slack.mention("todos los compromisos")
    post = standin.wait_for("chat.postMessage")[0]
    assert len(post["blocks"]) <= 50 and all(len(b.get("text", {}).get("text", "")) <= 3000 for b in post["blocks"])
    more = [e for b in post["blocks"] if b["type"] == "actions" for e in b["elements"] if e["action_id"] == ids.MORE]
    assert more
    slack.interact(button(ids.MORE, more[0]["value"], response_url=response_url))
    (page,) = standin.wait_for("response/2")
    assert page["replace_original"] is True and "Mostrando" in json.dumps(page["blocks"], ensure_ascii=False)


def test_english_locale_gets_english(slack, standin):
    standin.locales["UEN"] = "en-US"
    slack.mention("how is 08/2023 going?", user="UEN")
    assert "Status: Pending" in standin.wait_for("chat.postMessage")[0]["text"]


def test_report_is_uploaded_with_the_external_upload_flow(slack, standin):
    slack.mention("reporte", ts="1700000000.000900")
    (ask,) = standin.wait_for("files.getUploadURLExternal")
    assert ask["filename"].endswith(".docx") and int(ask["length"]) > 10_000
    (uploaded,) = standin.wait_for("upload/F1")
    assert uploaded["size"] == int(ask["length"])
    (done,) = standin.wait_for("files.completeUploadExternal")
    assert done["channel_id"] == "C1" and done["thread_ts"] == "1700000000.000900"
    assert done["files"][0]["id"] == "F1"


def test_app_home_report_button_sends_the_report_to_the_dm(slack, standin):
    slack.interact(button(ids.REPORT, "home", user="U7", container={"type": "view", "view_id": "V1"}))
    (done,) = standin.wait_for("files.completeUploadExternal")
    assert done["channel_id"] == "D7"


def test_long_texts_never_drop_items_from_a_page(slack, standin, seeded, now):
    from bot import changes
    from bot import registry as reg

    with seeded.write() as s:
        sc = reg.scope(session=s, commission="COVE", now=now)
        for n in range(30):
            text = f"Compromiso largo {n}: " + "palabra " * 40
            changes.create(session=s, sc=sc, text=text, author="t", areas=["DAC"])
    slack.mention("pendientes de la DAC")
    shown = json.dumps(standin.wait_for("chat.postMessage")[0]["blocks"], ensure_ascii=False)
    assert all(f"*{n + 9:02d}/2023*" in shown for n in range(20))  # the first page: 20 items, none cut off


def test_slack_entities_are_stored_as_typed_and_other_mentions_kept(slack, standin, seeded, now):
    from bot import registry as reg

    slack.mention("Avance en 01/2023: DEA &amp; DERFE revisaron con <@U777> el tema 1 &lt; 2")
    with seeded.read() as s:
        item = reg.get_item(session=s, sc=reg.scope(session=s, commission="COVE", now=now), code="01/2023")
    assert item.entries[0].text == "DEA & DERFE revisaron con <@U777> el tema 1 < 2"
    slack.mention("¿Cómo va el 01/2023?")
    shown = json.dumps(standin.wait_for("chat.postMessage", 2)[1], ensure_ascii=False)
    assert "DEA &amp; DERFE" in shown and "&amp;amp;" not in shown and "<@U777>" not in shown


def test_ambiguous_day_offers_both_dates_as_buttons(slack, standin):
    slack.mention("el 08/2023 vence el próximo martes", ts="1700000000.000500")
    post = standin.wait_for("chat.postMessage")[0]
    choices = [e for b in post["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [json.loads(e["value"])["date"] for e in choices] == ["2023-02-14", "2023-02-21"]
    slack.interact(button(ids.CHOOSE_DATE, choices[1]["value"], response_url=standin.url + "response/9"))
    (update,) = standin.wait_for("response/9")
    assert "21 de febrero de 2023" in update["text"]


def test_the_card_edit_form_changes_text_areas_and_deadline_and_can_withdraw(slack, standin, seeded, now):
    from bot import registry as reg

    slack.interact(button(ids.OPEN_EDIT, "08/2023"))
    view = standin.wait_for("views.open")[0]["view"]
    assert view["callback_id"] == ids.EDIT_VIEW
    meta = json.loads(view["private_metadata"])

    def values(text: str, areas: list[str], withdraw: bool = False, reason: str = "") -> dict:
        return {
            ids.TEXT_BLOCK: {ids.TEXT_INPUT: {"type": "plain_text_input", "value": text}},
            ids.AREAS_BLOCK: {
                ids.AREAS_INPUT: {"type": "multi_static_select", "selected_options": [{"value": a} for a in areas]}
            },
            ids.DATE_BLOCK: {ids.DATE_INPUT: {"type": "datepicker", "selected_date": "2023-03-31"}},
            ids.WITHDRAW_BLOCK: {
                ids.WITHDRAW_INPUT: {
                    "type": "checkboxes",
                    "selected_options": [{"value": "withdraw"}] if withdraw else [],
                }
            },
            ids.REASON_BLOCK: {ids.REASON_INPUT: {"type": "plain_text_input", "value": reason}},
        }

    none = slack.interact(submission(ids.EDIT_VIEW, values("Texto nuevo", []), meta))
    assert ids.AREAS_BLOCK in none.json()["errors"]
    assert slack.interact(submission(ids.EDIT_VIEW, values("Texto nuevo", ["IME", "DGSC"]), meta)).status == 200
    with seeded.read() as s:
        item = reg.get_item(session=s, sc=reg.scope(session=s, commission="COVE", now=now), code="08/2023")
    assert item.text == "Texto nuevo" and item.areas == ("IME", "DGSC") and item.due.date.isoformat() == "2023-03-31"
    assert item.entries[0].kind == "edit" and item.entries[0].author == "U1"
    gone = values("Texto nuevo", ["IME", "DGSC"], withdraw=True, reason="duplicado del 07/2023")
    assert slack.interact(submission(ids.EDIT_VIEW, gone, meta)).status == 200
    slack.mention("pendientes del IME")
    listed = json.dumps(standin.wait_for("chat.postMessage")[0], ensure_ascii=False)
    assert "08/2023" not in listed
    slack.mention("¿Cómo va el 08/2023?", ts="1700000000.000777")
    card = standin.wait_for("chat.postMessage", 2)[1]
    assert "Retirado" in card["text"] and "duplicado del 07/2023" in card["text"]


def test_every_change_offers_undo_and_undo_restores_the_previous_values(slack, standin, seeded, now):
    from bot import registry as reg

    slack.mention("Da por atendido el 08/2023", ts="1700000000.000800")
    post = standin.wait_for("chat.postMessage")[0]
    undo = post["blocks"][0]["accessory"]
    assert undo["action_id"] == ids.UNDO and undo["text"]["text"] == "Deshacer"
    slack.interact(button(ids.UNDO, undo["value"], response_url=standin.url + "response/8"))
    (answer,) = standin.wait_for("response/8")
    assert "deshice el cambio de estatus" in answer["text"]
    with seeded.read() as s:
        item = reg.get_item(session=s, sc=reg.scope(session=s, commission="COVE", now=now), code="08/2023")
    assert item.status == "pending" and [e.kind for e in item.entries[:2]] == ["undo", "status"]
    slack.interact(button(ids.UNDO, undo["value"], user="U2", response_url=standin.url + "response/9"))
    assert "No hay un cambio tuyo" in standin.wait_for("response/9")[0]["text"]


def test_a_doubtful_write_is_asked_with_buttons_and_the_chosen_change_is_made(slack, standin, seeded, now):
    from bot import registry as reg

    slack.mention("Para el 21/2022: la DEA confirmó la visita a Montreal para el 6 de marzo", ts="1700000000.000901")
    post = standin.wait_for("chat.postMessage")[0]
    choices = [e for b in post["blocks"] if b["type"] == "actions" for e in b["elements"]]
    labels = [e["text"]["text"] for e in choices]
    assert labels == ["Registrar como avance", "Cambiar el plazo al 6 de marzo de 2023", "Cancelar"]
    with seeded.read() as s:
        before = reg.get_item(session=s, sc=reg.scope(session=s, commission="COVE", now=now), code="21/2022")
    slack.interact(button(ids.CHOOSE_WRITE, choices[1]["value"], response_url=standin.url + "response/21"))
    (answer,) = standin.wait_for("response/21")
    assert "6 de marzo de 2023" in answer["text"]
    with seeded.read() as s:
        after = reg.get_item(session=s, sc=reg.scope(session=s, commission="COVE", now=now), code="21/2022")
    assert after.due.date.isoformat() == "2023-03-06" and before.entries == after.entries[1:]
    slack.interact(button(ids.CHOOSE_WRITE, choices[0]["value"], response_url=standin.url + "response/22"))
    assert "ya no está vigente" in standin.wait_for("response/22")[0]["text"]


def test_a_button_of_an_older_question_does_not_answer_the_one_asked_since(slack, standin, seeded, now):
    from bot import registry as reg

    def choices(text: str, ts: str) -> list[dict]:
        slack.mention(text, ts=ts)
        post = standin.wait_for("chat.postMessage", count=len(standin.called("chat.postMessage")) + 1)[-1]
        return [e for b in post["blocks"] if b["type"] == "actions" for e in b["elements"]]

    def due(code: str) -> str | None:
        with seeded.read() as s:
            item = reg.get_item(session=s, sc=reg.scope(session=s, commission="COVE", now=now), code=code)
        return item.due.date.isoformat() if item.due else None

    first = choices("Para el 21/2022: la DEA confirmó la visita a Montreal para el 6 de marzo", "1700000000.000903")
    second = choices("Para el 08/2023: la UTSI confirmó la prueba para el 9 de marzo", "1700000000.000904")
    before = due("21/2022"), due("08/2023")
    slack.interact(button(ids.CHOOSE_WRITE, first[1]["value"], response_url=standin.url + "response/31"))
    assert "ya no está vigente" in standin.wait_for("response/31")[0]["text"]
    assert (due("21/2022"), due("08/2023")) == before  # neither the old question's change nor the new one's
    slack.interact(button(ids.CHOOSE_WRITE, second[1]["value"], response_url=standin.url + "response/32"))
    assert "9 de marzo de 2023" in standin.wait_for("response/32")[0]["text"]
    assert due("08/2023") == "2023-03-09" and due("21/2022") == before[0]


def test_a_change_by_a_subject_several_match_is_made_on_the_one_clicked(slack, standin, seeded, now):
    from bot import registry as reg

    slack.mention("el plan de riesgos ya quedó atendido", ts="1700000000.000905")
    post = standin.wait_for("chat.postMessage")[0]
    picks = {e["text"]["text"]: e for b in post["blocks"] if b["type"] == "actions" for e in b["elements"]}
    assert {"19/2022", "21/2022", "Cancelar"} <= set(picks)
    slack.interact(button(ids.CHOOSE_WRITE, picks["19/2022"]["value"], response_url=standin.url + "response/41"))
    assert "19/2022" in standin.wait_for("response/41")[0]["text"]
    with seeded.read() as s:
        sc = reg.scope(session=s, commission="COVE", now=now)
        statuses = {c: reg.get_item(session=s, sc=sc, code=c).status for c in ("19/2022", "21/2022")}
    assert statuses == {"19/2022": "done", "21/2022": "in_progress"}


def test_an_english_message_gets_an_english_reply_whatever_the_default(slack, standin):
    slack.mention("close 26/2022, the IME sent the verbal note", ts="1700000000.000902")
    post = standin.wait_for("chat.postMessage")[0]
    assert "Done" in post["text"] and post["blocks"][0]["accessory"]["text"]["text"] == "Undo"


def test_a_file_shared_with_a_note_is_kept_as_its_evidence(slack, standin):
    files = [{"id": "F1", "name": "oficio.pdf", "permalink": "https://team.slack.com/files/U1/F1/oficio.pdf"}]
    event = {
        "type": "message",
        "subtype": "file_share",
        "channel_type": "im",
        "user": "U1",
        "text": "Avance en 23/2022: la DJ respondió la consulta",
        "files": files,
        "ts": "1700000002.000300",
        "channel": "D1",
        "event_ts": "1700000002.000300",
    }
    assert slack.event(event).status == 200
    standin.wait_for("chat.postMessage")
    slack.dm("¿Cómo va el 23/2022?")
    _, card = standin.wait_for("chat.postMessage", count=2)
    assert "la DJ respondió la consulta (evidencia: https://team.slack.com/files/U1/F1/oficio.pdf)" in card["text"]
