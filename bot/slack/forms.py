"""Modal submissions: validate, write through the conversation service, confirm, refresh the App Home."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from datetime import date

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.codes import normalize_code
from bot.conversation import Edit
from bot.i18n import t
from bot.model import Due, Notice, Outcome
from bot.nlu import Request
from bot.render import ids
from bot.slack.service import SlackService

logger = logging.getLogger(__name__)
_FIELD_FOR_NOTICE = {
    "empty_note": "view.need_note",
    "empty_description": "view.need_text",
    "code_taken": "view.code_taken",
    "past_date": "view.past_date",
}


def _value(view: dict, block: str, action: str) -> dict:
    return (view.get("state", {}).get("values", {}).get(block) or {}).get(action) or {}


def _picked_date(view: dict) -> date | None:
    """The date picker's day, None when empty.

    Raises:
        ValueError: it is not a date (no date picker sends that).
    """
    picked = _value(view, ids.DATE_BLOCK, ids.DATE_INPUT).get("selected_date")
    return date.fromisoformat(str(picked)) if picked else None


def _text(view: dict, block: str, action: str) -> str:
    return (_value(view, block, action).get("value") or "").strip()


Result = tuple[dict | None, Callable[[], None] | None]


class Forms:
    """One method per modal; each returns ``({block_id: message}, None)`` when refused, or
    ``(None, follow_up)`` when saved, ``follow_up`` confirming to the user after the acknowledgement
    (``(None, None)`` for a submission already saved once)."""

    def __init__(self, slack: SlackService):
        self.slack = slack

    def __deepcopy__(self, memo: dict) -> Forms:
        return self  # shared, like the service it wraps (Bolt copies the context for lazy listeners)

    def log(self, client: WebClient, body: dict, view: dict) -> Result:
        meta = json.loads(view.get("private_metadata") or "{}")
        note = _text(view, ids.NOTE_BLOCK, ids.NOTE_INPUT)
        return self._write(
            client,
            body,
            meta,
            Request(intent="log_update", code=meta.get("code"), text=note),
            ids.NOTE_BLOCK,
            source=meta.get("permalink"),
        )

    def due(self, client: WebClient, body: dict, view: dict) -> Result:
        meta = json.loads(view.get("private_metadata") or "{}")
        try:
            picked = _picked_date(view)
        except ValueError:
            return {ids.DATE_BLOCK: t("view.bad_date", self.slack.people.lang(body["user"]["id"]))}, None
        request = Request(intent="set_due", code=meta.get("code"), date=picked, date_precision="day")
        return self._write(client, body, meta, request, ids.DATE_BLOCK)

    def create(self, client: WebClient, body: dict, view: dict) -> Result:
        meta = json.loads(view.get("private_metadata") or "{}")
        lang = self.slack.people.lang(body["user"]["id"])
        raw_code = _text(view, ids.CODE_BLOCK, ids.CODE_INPUT)
        code = normalize_code(raw_code) if raw_code else None
        if raw_code and code is None:
            return {ids.CODE_BLOCK: t("view.bad_code", lang)}, None
        try:
            picked = _picked_date(view)
        except ValueError:
            return {ids.DATE_BLOCK: t("view.bad_date", lang)}, None
        areas = tuple(o["value"] for o in _value(view, ids.AREAS_BLOCK, ids.AREAS_INPUT).get("selected_options") or [])
        request = Request(
            intent="create",
            code=code,
            text=_text(view, ids.TEXT_BLOCK, ids.TEXT_INPUT),
            areas=areas,
            area=areas[0] if areas else None,
            date=picked,
            date_precision="day",
        )
        return self._write(client, body, meta, request, ids.TEXT_BLOCK)

    def edit(self, client: WebClient, body: dict, view: dict) -> Result:
        meta = json.loads(view.get("private_metadata") or "{}")
        lang = self.slack.people.lang(body["user"]["id"])
        try:
            picked = _picked_date(view)
        except ValueError:
            return {ids.DATE_BLOCK: t("view.bad_date", lang)}, None
        areas = tuple(o["value"] for o in _value(view, ids.AREAS_BLOCK, ids.AREAS_INPUT).get("selected_options") or [])
        if not areas:
            return {ids.AREAS_BLOCK: t("view.need_area", lang)}, None
        withdraw = bool(_value(view, ids.WITHDRAW_BLOCK, ids.WITHDRAW_INPUT).get("selected_options"))
        changes = Edit(
            text=_text(view, ids.TEXT_BLOCK, ids.TEXT_INPUT) or None,
            areas=areas,
            due=Due(date=picked) if picked else None,
            withdraw=withdraw,
            reason=_text(view, ids.REASON_BLOCK, ids.REASON_INPUT),
        )
        user = body["user"]["id"]
        actor = self.slack.actor(client, user, source=f"slack:{meta.get('channel', 'home')}/modal")
        key = submission_key(body.get("view") or {})
        outcome = self.slack.conversation.edit_once(key, meta.get("code", ""), actor, self.slack.clock(), changes)
        return self._after(client, user, meta, outcome, actor.lang, ids.TEXT_BLOCK, None)

    def shortcut(self, client: WebClient, body: dict, view: dict) -> Result:
        meta = json.loads(view.get("private_metadata") or "{}")
        lang = self.slack.people.lang(body["user"]["id"])
        picked = (_value(view, ids.PICK_BLOCK, ids.PICK_INPUT).get("selected_option") or {}).get("value")
        typed = _text(view, ids.CODE_BLOCK, ids.CODE_INPUT)
        code = picked or (normalize_code(typed) if typed else None)
        if code is None:
            return {ids.CODE_BLOCK: t("view.bad_code" if typed else "view.need_code", lang)}, None
        note = _text(view, ids.NOTE_BLOCK, ids.NOTE_INPUT)
        return self._write(
            client,
            body,
            meta,
            Request(intent="log_update", code=code, text=note),
            ids.NOTE_BLOCK,
            source=meta.get("permalink"),
            code_block=ids.CODE_BLOCK,
        )

    def _write(
        self,
        client: WebClient,
        body: dict,
        meta: dict,
        request: Request,
        block: str,
        source: str | None = None,
        code_block: str | None = None,
    ) -> Result:
        user = body["user"]["id"]
        actor = self.slack.actor(client, user, source=source or f"slack:{meta.get('channel', 'home')}/modal")
        key = submission_key(body.get("view") or {})
        outcome = self.slack.conversation.act_once(key, request, actor, self.slack.clock())
        return self._after(client, user, meta, outcome, actor.lang, block, code_block)

    def _after(
        self,
        client: WebClient,
        user: str,
        meta: dict,
        outcome: Outcome | None,
        lang: str,
        block: str,
        code_block: str | None,
    ) -> Result:
        """The form's errors, or the confirmation to send after the acknowledgement (None: already saved)."""
        if outcome is None:
            return None, None
        if isinstance(outcome, Notice) or not hasattr(outcome, "item"):
            return self._errors(outcome, lang, block, code_block), None

        def follow_up() -> None:
            self._confirm(client, user, meta.get("channel"), outcome, lang)
            self.slack.refresh_home(client, user)

        return None, follow_up

    def _errors(self, outcome: Outcome, lang: str, block: str, code_block: str | None) -> dict:
        from bot.render.text import outcome_text

        if isinstance(outcome, Notice) and outcome.key in _FIELD_FOR_NOTICE:
            return {block: t(_FIELD_FOR_NOTICE[outcome.key], lang)}
        return {code_block or block: outcome_text(outcome, self.slack.tz, lang)[:150]}

    def _confirm(self, client: WebClient, user: str, channel: str | None, outcome: Outcome, lang: str) -> None:
        message = self.slack.render(outcome, lang, buttons=False)
        try:
            if channel:
                client.chat_postEphemeral(channel=channel, user=user, **message)
            else:
                client.chat_postMessage(channel=user, **message)
        except (SlackApiError, OSError) as exc:
            logger.warning("confirmation to %s failed: %s", user, exc)


def submission_key(view: dict) -> str:
    """A modal submission's identity: the same view with the same values delivered again is one submission."""
    values = json.dumps(view.get("state", {}).get("values", {}), sort_keys=True)
    return f"view:{view.get('id', '')}:{hashlib.sha256(values.encode()).hexdigest()[:32]}"
