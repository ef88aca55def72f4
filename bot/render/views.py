"""Modals and the App Home, as Block Kit views (pure functions)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.i18n import t
from bot.model import Item, MeetingView
from bot.render import groups as grouping
from bot.render import ids
from bot.render import text as plain
from bot.render.blocks import actions, button, card, clip, context, escape, header, item_line, section

MAX_VIEW_BLOCKS = 100


def _modal(callback_id: str, title: str, blocks: list[dict], lang: str, metadata: dict) -> dict:
    return {
        "type": "modal",
        "callback_id": callback_id,
        "title": {"type": "plain_text", "text": clip(title, 24)},
        "submit": {"type": "plain_text", "text": t("modal.submit", lang)},
        "close": {"type": "plain_text", "text": t("modal.cancel", lang)},
        "private_metadata": json.dumps(metadata, separators=(",", ":"))[:3000],
        "blocks": blocks[:MAX_VIEW_BLOCKS],
    }


def _input(block_id: str, label: str, element: dict, optional: bool = False, hint: str | None = None) -> dict:
    block = {
        "type": "input",
        "block_id": block_id,
        "label": {"type": "plain_text", "text": clip(label, 2000)},
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = {"type": "plain_text", "text": clip(hint, 2000)}
    return block


def _text_input(action_id: str, *, multiline: bool = False, initial: str | None = None, limit: int = 3000) -> dict:
    element = {"type": "plain_text_input", "action_id": action_id, "multiline": multiline, "max_length": limit}
    if initial:
        element["initial_value"] = initial[:limit]
    return element


def _commitment_line(code: str, text: str, lang: str) -> dict:
    return section(t("modal.commitment", lang, code=code, text=escape(plain.short(text, 300))))


def log_modal(code: str, text: str, lang: str, metadata: dict) -> dict:
    blocks = [
        _commitment_line(code, text, lang),
        _input(
            ids.NOTE_BLOCK,
            t("modal.note_label", lang),
            _text_input(ids.NOTE_INPUT, multiline=True),
            hint=t("modal.note_hint", lang),
        ),
    ]
    return _modal(ids.LOG_VIEW, t("modal.log_title", lang), blocks, lang, {**metadata, "code": code})


def due_modal(code: str, text: str, current: date | None, today: date, lang: str, metadata: dict) -> dict:
    picker = {
        "type": "datepicker",
        "action_id": ids.DATE_INPUT,
        "initial_date": (current if current and current >= today else today).isoformat(),
    }
    blocks = [_commitment_line(code, text, lang), _input(ids.DATE_BLOCK, t("modal.date_label", lang), picker)]
    return _modal(ids.DUE_VIEW, t("modal.due_title", lang), blocks, lang, {**metadata, "code": code})


def _options(pairs: list[tuple[str, str]]) -> list[dict]:
    return [
        {"text": {"type": "plain_text", "text": clip(label, 75)}, "value": value[:150]} for value, label in pairs[:100]
    ]


def create_modal(areas: list[tuple[str, str]], lang: str, metadata: dict) -> dict:
    blocks = [
        _input(ids.TEXT_BLOCK, t("modal.text_label", lang), _text_input(ids.TEXT_INPUT, multiline=True)),
        _input(
            ids.AREAS_BLOCK,
            t("modal.areas_label", lang),
            {
                "type": "multi_static_select",
                "action_id": ids.AREAS_INPUT,
                "options": _options([(a, f"{a} — {n}") for a, n in areas]),
            },
            optional=True,
        ),
        _input(
            ids.DATE_BLOCK,
            t("modal.date_label", lang),
            {"type": "datepicker", "action_id": ids.DATE_INPUT},
            optional=True,
        ),
        _input(ids.CODE_BLOCK, t("modal.code_label", lang), _text_input(ids.CODE_INPUT, limit=10), optional=True),
    ]
    return _modal(ids.CREATE_VIEW, t("modal.create_title", lang), blocks, lang, metadata)


def edit_modal(item: Item, areas: list[tuple[str, str]], lang: str, metadata: dict) -> dict:
    """Text, areas and deadline as they are, to change; or withdraw the commitment, with a reason."""
    area_options = _options([(a, f"{a} — {n}") for a, n in areas])
    chosen = [o for o in area_options if o["value"] in item.areas]
    picker: dict = {"type": "multi_static_select", "action_id": ids.AREAS_INPUT, "options": area_options}
    if chosen:
        picker["initial_options"] = chosen
    deadline: dict = {"type": "datepicker", "action_id": ids.DATE_INPUT}
    if item.due is not None and item.due.date is not None:
        deadline["initial_date"] = item.due.date.isoformat()
    withdraw = {"text": {"type": "plain_text", "text": t("view.withdraw", lang)}, "value": "withdraw"}
    blocks = [
        _input(
            ids.TEXT_BLOCK, t("modal.text_label", lang), _text_input(ids.TEXT_INPUT, multiline=True, initial=item.text)
        ),
        _input(ids.AREAS_BLOCK, t("modal.areas_label", lang), picker),
        _input(ids.DATE_BLOCK, t("modal.date_label", lang), deadline, optional=True),
        _input(
            ids.WITHDRAW_BLOCK,
            t("view.withdraw_label", lang),
            {"type": "checkboxes", "action_id": ids.WITHDRAW_INPUT, "options": [withdraw]},
            optional=True,
        ),
        _input(ids.REASON_BLOCK, t("view.reason", lang), _text_input(ids.REASON_INPUT, limit=500), optional=True),
    ]
    return _modal(ids.EDIT_VIEW, t("view.edit_title", lang), blocks, lang, {**metadata, "code": item.code})


def shortcut_modal(open_items: list[Item], note: str, lang: str, metadata: dict) -> dict:
    blocks = []
    if open_items:
        select = {
            "type": "static_select",
            "action_id": ids.PICK_INPUT,
            "placeholder": {"type": "plain_text", "text": t("modal.pick_placeholder", lang)},
            "options": _options([(i.code, f"{i.code} {plain.short(i.text, 60)}") for i in open_items]),
        }
        blocks.append(_input(ids.PICK_BLOCK, t("modal.pick_label", lang), select, optional=True))
    blocks.append(
        _input(ids.CODE_BLOCK, t("modal.pick_code_label", lang), _text_input(ids.CODE_INPUT, limit=10), optional=True)
    )
    blocks.append(
        _input(ids.NOTE_BLOCK, t("modal.note_label", lang), _text_input(ids.NOTE_INPUT, multiline=True, initial=note))
    )
    return _modal(ids.SHORTCUT_VIEW, t("modal.shortcut_title", lang), blocks, lang, metadata)


@dataclass(frozen=True)
class Home:
    areas: tuple[str, ...]
    member: bool
    items: tuple[Item, ...]  # open items of the user's areas (or of the commission)
    meeting: MeetingView | None
    now: datetime


def home_view(home: Home, tz: ZoneInfo, lang: str, per_section: int = 8) -> dict:
    """App Home: the user's areas' open items, overdue first, due this week, the next session, quick actions."""
    blocks: list[dict] = [header(t("home.title", lang))]
    intro = t("home.areas", lang, areas=", ".join(home.areas)) if home.member else t("home.no_member", lang)
    blocks.append(context(escape(intro)))
    if home.meeting:
        when = plain.when_text(home.meeting.at, tz, lang)
        blocks.append(section(f"*{t('home.next', lang)}:* {escape(home.meeting.name)} — {when}"))
    parts = grouping.sections(home.items, home.now.date())
    for key, title in (("overdue", "home.overdue"), ("week", "home.week"), ("rest", "home.open")):
        chosen = parts[key]
        blocks.append(section(f"*{t(title, lang)}* ({len(chosen)})"))
        if not chosen:
            blocks.append(context(t("home.none", lang)))
            continue
        blocks.append(section("\n".join(item_line(i, lang) for i in chosen[:per_section])))
        if len(chosen) > per_section:
            blocks.append(
                context(
                    t("home.more", lang, count=len(chosen) - per_section, area=home.areas[0] if home.areas else "DERFE")
                )
            )
    blocks.append(section(f"*{t('home.actions', lang)}*"))
    blocks.append(
        actions(
            button(t("btn.create", lang), ids.OPEN_CREATE, "home", "primary"),
            button(t("btn.report", lang), ids.REPORT, "home"),
        )
    )
    blocks.append(context(t("home.updated", lang, when=plain.when_text(home.now, tz, lang))))
    return {"type": "home", "callback_id": ids.HOME_VIEW, "blocks": blocks[:MAX_VIEW_BLOCKS]}


__all__ = ["Home", "card", "create_modal", "due_modal", "home_view", "log_modal", "shortcut_modal"]
