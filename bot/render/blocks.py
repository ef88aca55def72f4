"""Block Kit messages from view models: pure functions returning dicts, within Slack's limits."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

from bot.i18n import status_label, t
from bot.model import Candidates, Changed, Choices, Filters, Item, Listed, NotFound, Notice, Outcome, Shown
from bot.render import groups as grouping
from bot.render import ids
from bot.render import text as plain

MAX_SECTION = 3000
MAX_HEADER = 150
MAX_BLOCKS = 50
MAX_TEXT = 3900  # fallback text: Slack truncates around 4,000 characters
PAGE = 20
_STATUS_ICON = {"pending": ":white_circle:", "in_progress": ":large_blue_circle:", "done": ":white_check_mark:"}


def escape(text: str) -> str:
    """Slack's three control characters: what a user typed can never ping, link or format as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def section(markdown: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(markdown, MAX_SECTION)}}


def pack(lines: list[str], limit: int = MAX_SECTION) -> list[str]:
    """Lines joined into as few texts as fit a section each: nothing is cut off, nothing dropped."""
    texts: list[str] = []
    current = ""
    for line in lines:
        line = clip(line, limit)
        if current and len(current) + 1 + len(line) > limit:
            texts.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        texts.append(current)
    return texts


def sections(lines: list[str]) -> list[dict]:
    return [section(text) for text in pack(lines)]


def context(markdown: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(markdown, MAX_SECTION)}]}


def header(label: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": clip(label, MAX_HEADER), "emoji": True}}


def button(label: str, action_id: str, value: str, style: str | None = None) -> dict:
    element = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(label, 75), "emoji": True},
        "action_id": action_id,
        "value": value[:2000],
    }
    if style:
        element["style"] = style
    return element


def actions(*elements: dict, block_id: str | None = None) -> dict:
    block: dict = {"type": "actions", "elements": list(elements)[:25]}
    if block_id:
        block["block_id"] = block_id
    return block


def message(outcome: Outcome, tz: ZoneInfo, lang: str, *, buttons: bool = True) -> dict:
    """A Slack message (``text`` fallback and ``blocks``) for any outcome."""
    fallback = clip(escape(plain.outcome_text(outcome, tz, lang)), MAX_TEXT)
    match outcome:
        case Shown(item=item, baseline=baseline):
            blocks = card(item, tz, lang, buttons=buttons)
            if baseline is not None:
                blocks.insert(1, context(escape(plain.baseline_text(baseline, tz, lang))))
        case Changed(item=item):
            said = section(escape(plain.changed_text(outcome, lang)))
            if buttons and outcome.what != "undo" and (outcome.what != "edit" or outcome.before):
                said["accessory"] = button(t("btn.undo", lang), ids.UNDO, item.code)
            blocks = [said, *card(item, tz, lang, buttons=buttons)]
        case Listed():
            blocks = list_blocks(outcome, lang)
        case NotFound() | Candidates():
            blocks = choice_blocks(outcome, lang)
        case Notice(key="ambiguous_date", params=params):
            blocks = [section(fallback), date_choice(params, lang)]
        case Choices(options=options):
            labels = [plain.choice_label(key, params, lang) for key, params in options]
            question = section(escape(t("choice.question", lang, code=outcome.code or "")))
            blocks = [question, picks([clip(label, 75) for label in labels], outcome.question, lang)]
        case _:
            blocks = [section(fallback)]
    return {"text": fallback, "blocks": blocks[:MAX_BLOCKS]}


def card(item: Item, tz: ZoneInfo, lang: str, *, buttons: bool = True) -> list[dict]:
    """A commitment: code, text, areas, status, deadline, latest updates, and what can be done with it."""
    blocks = [
        header(f"{item.code} · {status_label(item.status, lang)}"),
        section(escape(item.text)),
        context(" · ".join(escape(fact) for fact in plain.item_facts(item, tz, lang))),
    ]
    if item.entries:
        lines = [f"• {escape(plain.entry_text(e, tz, lang))}{_link(e.source)}" for e in item.entries[:5]]
        blocks.append(section(f"*{t('item.updates', lang)}*\n" + "\n".join(lines)))
    if buttons:
        blocks.append(card_actions(item, lang))
    return blocks


def _link(source: str) -> str:
    """Updates logged from a Slack message link back to it (the permalink comes from Slack, not from a user)."""
    if source.startswith("https://") and "|" not in source and ">" not in source and " " not in source:
        return f" <{source}|↗>"
    return ""


def card_actions(item: Item, lang: str) -> dict:
    if item.withdrawn:
        return context(t("item.withdrawn", lang))
    elements = []
    if item.status != "done":
        elements.append(button(t("btn.done", lang), ids.MARK_DONE, item.code, "primary"))
    if item.status != "in_progress":
        elements.append(button(t("btn.in_progress", lang), ids.MARK_IN_PROGRESS, item.code))
    elements += [
        button(t("btn.log", lang), ids.OPEN_LOG, item.code),
        button(t("btn.due", lang), ids.OPEN_DUE, item.code),
        button(t("btn.edit", lang), ids.OPEN_EDIT, item.code),
    ]
    return actions(*elements, block_id=f"card:{item.code}")


def item_line(item: Item, lang: str, shared: tuple[str, ...] = ()) -> str:
    icon = _STATUS_ICON.get(item.status, "")
    return (
        f"{icon} *{item.code}* {escape(plain.short(item.text, 140))}"
        + (f" · _{escape(plain.due_text(item.due, lang))}_" if item.due else "")
        + (f" :warning: {t('item.overdue', lang)}" if item.overdue else "")
        + (f" · {escape(t('list.shared', lang, areas=', '.join(shared)))}" if shared else "")
    )


def list_blocks(listed: Listed, lang: str, page: int = PAGE) -> list[dict]:
    """A page of a list, each item once, grouped by area (overdue first), with "ver más" for the rest."""
    if not listed.items:
        return [section(escape(plain.title_text(listed, lang)))]
    only = listed.filters.area
    rows = [(area, item) for area, group in grouping.by_area(listed.items, only) for item in group]
    shown = rows[listed.offset : listed.offset + page]
    blocks = [section(f"*{escape(plain.title_text(listed, lang))}*")]
    current: str | None = None
    lines: list[str] = []
    for area, item in shown:
        if area != current:
            if lines:
                blocks += sections(lines)
            current = area
            lines = [] if only else [f"*{escape(area or t('list.group_none', lang))}*"]
        lines.append(item_line(item, lang, grouping.others(item, area)))
    blocks += sections(lines)
    last = listed.offset + len(shown)
    if len(rows) > last or listed.offset:  # a later page says where it is, the last one too
        blocks.append(context(t("slack.list_page", lang, first=listed.offset + 1, last=last, total=len(rows))))
    if len(rows) > last:
        blocks.append(actions(button(t("btn.more", lang), ids.MORE, more_value(listed.filters, last))))
    return blocks


def more_value(filters: Filters, offset: int) -> str:
    data = {
        "s": filters.status,
        "a": filters.area,
        "d": filters.due_before.isoformat() if filters.due_before else None,
        "o": filters.overdue,
        "m": filters.mine,
        "off": offset,
    }
    return json.dumps(data, separators=(",", ":"))


def date_choice(params: dict, lang: str) -> dict:
    """Both readings of an ambiguous day as buttons: the choice travels in the button, not in memory."""
    return actions(
        *(
            button(
                plain.date_text(day, lang),
                ids.CHOOSE_DATE,
                json.dumps({"code": params["code"], "date": day.isoformat()}),
            )
            for day in (params["first"], params["second"])
        )
    )


def choice_blocks(outcome: NotFound | Candidates, lang: str) -> list[dict]:
    if isinstance(outcome, NotFound):
        head, options = plain.not_found_text(outcome, lang), outcome.suggestions
    else:
        head, options = t("candidates", lang, subject=outcome.subject), outcome.options
    blocks = [section(escape(head))]
    if options:
        lines = [f"• *{code}* {escape(plain.short(text, 150))}" for code, text in options]
        blocks.append(section("\n".join(lines)))
        if isinstance(outcome, Candidates) and outcome.question:  # a change waits for the choice
            blocks.append(picks([code for code, _ in options[:5]], outcome.question, lang))
        else:
            blocks.append(actions(*(button(t("btn.show", lang, code=code), ids.SHOW, code) for code, _ in options[:5])))
    return blocks


def picks(labels: list[str], question: str, lang: str) -> dict:
    """A button per option of the question the bot asked (``question``: its fingerprint), then Cancel; each carries
    "number:fingerprint", so that it answers only that question."""
    options = [button(label, ids.CHOOSE_WRITE, f"{n}:{question}") for n, label in enumerate(labels, 1)]
    return actions(*options, button(t("btn.cancel", lang), ids.CHOOSE_WRITE, f"0:{question}"))
