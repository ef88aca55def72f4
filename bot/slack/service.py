"""What the Slack handlers call: messages, commands, buttons and forms → conversation → rendered replies."""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlmodel import Session

from bot import directory, meetings, registry
from bot.conversation import Actor, Conversation
from bot.model import Filters, Item, Listed, Notice, Outcome, Reply, ReportRequested
from bot.nlu import Request
from bot.registry import Scope
from bot.render import blocks
from bot.render import views as view_render
from bot.settings import Settings
from bot.slack.outbox import CHAT, Outbox
from bot.slack.people import People
from bot.slack.upload import upload_report

logger = logging.getLogger(__name__)
ANSWER_BUDGET = 1.0  # seconds a turn may have taken and still post its reply before the acknowledgement
LOOKUPS = 1.0  # seconds into a turn after which no more of a user's groups are asked of Slack
_LEADING_MENTION = re.compile(r"^\s*<@[A-Z0-9]+(?:\|[^>]*)?>")


def from_slack(text: str, bot_user: str | None = None) -> str:
    """Slack's text as the user typed it: the bot's own mention removed, ``&amp; &lt; &gt;`` decoded.

    Other people's mentions stay (they say who was involved); whatever is shown again is escaped.
    """
    own = re.compile(rf"<@{re.escape(bot_user)}(?:\|[^>]*)?>") if bot_user else _LEADING_MENTION
    text = own.sub(" ", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


@dataclass
class SlackService:
    """The Slack side of the bot, injected into every listener's context as ``slack``."""

    conversation: Conversation
    settings: Settings
    people: People
    outbox: Outbox
    clock: Callable[[], datetime]

    def __deepcopy__(self, memo: dict) -> SlackService:
        return self  # one service for the process: Bolt's lazy listeners get it as it is, not a copy

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.timezone

    def actor(self, client: WebClient, user_id: str, source: str = "", locale: str | None = None) -> Actor:
        """Who is asking: their language, then the ``BOT_WRITERS`` groups they are in. Each lookup Slack is asked
        for waits up to the lookup client's 1 s, and none starts after ``LOOKUPS``, so a slow Slack keeps the
        acknowledgement within its 3 s (a group not asked counts as not the user's, and is asked next time)."""
        deadline = time.monotonic() + LOOKUPS
        lang = self.people.lang(user_id, locale)
        groups = self.people.groups(user_id, deadline) if self.settings.writers else ()
        return Actor(user_id=user_id, groups=groups, source=source, lang=lang)

    def render(self, outcome: Outcome, lang: str, *, buttons: bool = True) -> dict:
        return blocks.message(outcome, self.tz, lang, buttons=buttons)

    # --- mentions and direct messages ------------------------------------------------------------

    def take_message(self, client: WebClient, body: dict, event: dict) -> Reply | None:
        """Act on a mention or DM once per Slack event, keeping the reply it is owed (before the ack).

        Returns:
            The reply, its first attempt held by this process; None for a redelivery or a message to ignore.
        """
        user, channel = event.get("user"), event.get("channel")
        if not user or not channel or event.get("bot_id"):
            return None
        thread = event.get("thread_ts") or (event.get("ts") if event.get("type") == "app_mention" else None)
        actor = self.actor(client, user, source=f"slack:{channel}/{event.get('ts', '')}")
        files = tuple(f.get("permalink") or f.get("url_private") or "" for f in event.get("files") or ())
        actor = replace(actor, files=tuple(f for f in files if isinstance(f, str) and f.startswith("http")))
        bot_user = ((body.get("authorizations") or [{}])[0] or {}).get("user_id")
        in_thread = {"thread_ts": thread} if thread else {}

        def render(outcome: Outcome, lang: str) -> Reply:
            if isinstance(outcome, ReportRequested):
                return Reply("report", {"channel": channel, **in_thread}, user, lang)
            message = self.render(outcome, lang)
            if isinstance(outcome, Notice) and outcome.key == "not_writer":
                return Reply("chat.postEphemeral", {"channel": channel, "user": user, **message}, user, lang)
            return Reply("chat.postMessage", {"channel": channel, **in_thread, **message}, user, lang)

        text = from_slack(event.get("text") or "", bot_user)
        return self.conversation.reply_once(message_key(body, event), text, actor, self.clock(), render)

    def answer_now(self, body: dict, event: dict, taken: Reply, started: float) -> bool:
        """Post a chat reply before the acknowledgement, so the user sees it without waiting for a hand-off.

        Only while the acknowledgement has time for it: the turn so far (``started``, ``time.monotonic()``)
        under ``ANSWER_BUDGET``, and the quick client's 1 s timeout (a failed post stays owed), keep it
        within Slack's 3 s. False, and the reply follows the acknowledgement, for a reply that takes time to
        build (the Word report) or a turn already slow (Slack slow to tell a user's language)."""
        if taken.method not in CHAT or time.monotonic() - started > ANSWER_BUDGET:
            return False
        self.outbox.first_attempt(message_key(body, event), taken, self.clock(), before_ack=True)
        return True

    def send_reply(self, body: dict, event: dict, taken: Reply | None) -> None:
        """Post the reply owed for a mention or DM (after the ack): the one this process just took, or, on a
        redelivery, whatever is still owed for the event."""
        key = message_key(body, event)
        if taken is not None:
            self.outbox.first_attempt(key, taken, self.clock())
        else:
            self.outbox.deliver(key, self.clock())

    # --- the slash command ----------------------------------------------------------------------

    def on_command(self, client: WebClient, body: dict) -> dict:
        """The ephemeral answer to ``/compromisos …`` (returned with the acknowledgement)."""
        user, text = body.get("user_id", ""), body.get("text") or ""
        actor = self.actor(client, user, source=f"slack:{body.get('channel_id', '')}/command")
        key = f"command:{body.get('trigger_id') or user + text}"

        def render(outcome: Outcome, lang: str) -> Reply:
            return Reply("command", self.render(outcome, lang), user, lang, owed=False)

        reply = self.conversation.reply_once(key, text or "ayuda", actor, self.clock(), render)
        stored = reply or self.conversation.stored_reply(key)
        message = stored.arguments if stored else self.render(Notice("busy"), actor.lang)
        return {"response_type": "ephemeral", **message}

    # --- buttons ---------------------------------------------------------------------------------

    def set_status(self, client: WebClient, body: dict, code: str, status: str) -> tuple[dict, bool] | None:
        """A status button: the refreshed card, and whether it changed anything (None: a repeated click)."""
        actor = self.actor(client, body["user"]["id"], source=_source(body))
        request = Request(intent="set_status", code=code, status=status)
        outcome = self.conversation.act_once(click_key(body), request, actor, self.clock())
        return None if outcome is None else (self.render(outcome, actor.lang), not isinstance(outcome, Notice))

    def undo(self, client: WebClient, body: dict) -> tuple[dict, bool] | None:
        """The Deshacer button: the user's last change undone (None: a repeated click)."""
        actor = self.actor(client, body["user"]["id"], source=_source(body))
        outcome = self.conversation.undo_once(click_key(body), actor, self.clock())
        return None if outcome is None else (self.render(outcome, actor.lang), not isinstance(outcome, Notice))

    def choose_write(self, client: WebClient, body: dict, value: str) -> tuple[dict, bool] | None:
        """The user picked which change a doubtful message meant (None: a repeated click)."""
        actor = self.actor(client, body["user"]["id"], source=_source(body))
        number, _, which = value.partition(":")
        outcome = self.conversation.choose_once(
            click_key(body), int(number) if number.isdigit() else 0, which, actor, self.clock()
        )
        return None if outcome is None else (self.render(outcome, actor.lang), not isinstance(outcome, Notice))

    def choose_date(self, client: WebClient, body: dict, value: str) -> tuple[dict, bool] | None:
        """The user picked one reading of an ambiguous deadline (None: a repeated click)."""
        data = json.loads(value)
        actor = self.actor(client, body["user"]["id"], source=_source(body))
        request = Request(
            intent="set_due", code=data["code"], date=date.fromisoformat(data["date"]), date_precision="day"
        )
        outcome = self.conversation.act_once(click_key(body), request, actor, self.clock())
        return None if outcome is None else (self.render(outcome, actor.lang), not isinstance(outcome, Notice))

    def show(self, client: WebClient, body: dict, code: str) -> dict:
        actor = self.actor(client, body["user"]["id"])
        outcome = self.conversation.act(Request(intent="status", code=code), actor, self.clock())
        return self.render(outcome, actor.lang)

    def more(self, client: WebClient, body: dict, value: str) -> dict:
        """The next page of a list ("ver más")."""
        actor = self.actor(client, body["user"]["id"])
        data = json.loads(value)
        due = date.fromisoformat(data["d"]) if data.get("d") else None
        request = Request(
            intent="list",
            status=data.get("s"),
            area=data.get("a"),
            date=due,
            overdue=bool(data.get("o")),
            mine=bool(data.get("m")),
        )
        outcome = self.conversation.act(request, actor, self.clock())
        if isinstance(outcome, Listed):
            outcome = Listed(
                filters=outcome.filters, items=outcome.items, offset=int(data.get("off", 0)), total=outcome.total
            )
        return self.render(outcome, actor.lang)

    # --- modals ----------------------------------------------------------------------------------

    def log_modal(self, client: WebClient, body: dict, code: str) -> dict:
        lang = self.people.lang(body["user"]["id"])
        item = self._item(code)
        return view_render.log_modal(code, item.text if item else "", lang, _where(body))

    def due_modal(self, client: WebClient, body: dict, code: str) -> dict:
        lang = self.people.lang(body["user"]["id"])
        item = self._item(code)
        current = item.due.date if item and item.due else None
        return view_render.due_modal(code, item.text if item else "", current, self.clock().date(), lang, _where(body))

    def edit_modal(self, client: WebClient, body: dict, code: str) -> dict:
        lang = self.people.lang(body["user"]["id"])
        item = self._item(code)
        if item is None:
            return view_render.log_modal(code, "", lang, _where(body))  # it no longer exists: nothing to edit
        areas = self.conversation.read(
            lambda s, sc: [(a.acronym, a.name) for a in directory.catalog(session=s).areas], self.clock()
        )
        return view_render.edit_modal(item, areas, lang, _where(body))

    def create_modal(self, client: WebClient, body: dict) -> dict:
        lang = self.people.lang(body["user"]["id"])
        areas = self.conversation.read(
            lambda s, sc: [(a.acronym, a.name) for a in directory.catalog(session=s).areas], self.clock()
        )
        return view_render.create_modal(areas, lang, _where(body))

    def shortcut_modal(self, client: WebClient, body: dict) -> dict:
        """ "Registrar como avance": pick the commitment; the message's text and permalink become the update."""
        lang = self.people.lang(body["user"]["id"])
        channel, ts = body.get("channel", {}).get("id", ""), body.get("message_ts") or body.get("message", {}).get("ts")
        link = client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink", "")
        items = self.conversation.read(
            lambda s, sc: registry.list_items(session=s, sc=sc, filters=Filters(status="open")), self.clock()
        )
        note = from_slack(body.get("message", {}).get("text", ""))
        return view_render.shortcut_modal(items[:100], note, lang, {**_where(body), "permalink": link})

    def _item(self, code: str) -> Item | None:
        return self.conversation.read(lambda s, sc: registry.get_item(session=s, sc=sc, code=code), self.clock())

    # --- App Home --------------------------------------------------------------------------------

    def home(self, client: WebClient, user_id: str) -> dict:
        """The App Home view for a user: their areas' open items, overdue first, and the next session."""
        lang, now = self.people.lang(user_id), self.clock()

        def gather(session: Session, sc: Scope) -> view_render.Home:
            areas = directory.member_areas(session=session, user_id=user_id)
            area_ids = registry.resolve_areas(session=session, acronyms=areas) if areas else None
            items = registry.list_items(session=session, sc=sc, filters=Filters(status="open"), area_ids=area_ids)
            return view_render.Home(
                areas=tuple(areas),
                member=bool(areas),
                items=tuple(items),
                meeting=meetings.next_meeting(session=session, sc=sc),
                now=now,
            )

        return view_render.home_view(self.conversation.read(gather, now), self.tz, lang)

    def upload_report(self, client: WebClient, channel: str, lang: str, thread_ts: str | None = None) -> None:
        """Build the Word follow-up report and upload it to a conversation (Slack's external upload)."""
        upload_report(client, self.conversation, channel, lang, self.clock(), thread_ts)

    def report_to_user(self, client: WebClient, user_id: str) -> None:
        """The App Home button: the report goes to the user's direct messages with the bot."""
        opened: dict = client.conversations_open(users=user_id).get("channel") or {}
        self.upload_report(client, str(opened.get("id", user_id)), self.people.lang(user_id))

    def publish_home(self, client: WebClient, user_id: str) -> None:
        client.views_publish(user_id=user_id, view=self.home(client, user_id))

    def refresh_home(self, client: WebClient, user_id: str) -> None:
        """Republish a user's App Home after their change; a failure only costs freshness."""
        try:
            self.publish_home(client, user_id)
        except (SlackApiError, OSError) as exc:
            logger.warning("App Home refresh for %s failed: %s", user_id, exc)


def message_key(body: dict, event: dict) -> str:
    """A mention's or DM's identity across Slack's retries (the same for every delivery)."""
    return (
        f"event:{body.get('event_id') or event.get('client_msg_id') or event.get('channel', '') + event.get('ts', '')}"
    )


def click_key(body: dict) -> str:
    """A button click's identity: the same payload delivered twice is one click."""
    action = (body.get("actions") or [{}])[0]
    return f"click:{body.get('user', {}).get('id', '')}:{action.get('action_id', '')}:{action.get('action_ts', '')}"


def _where(body: dict) -> dict:
    """Where a button or shortcut was used, to answer there after a form is saved."""
    container = body.get("container") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
    return {k: v for k, v in {"channel": channel, "ts": container.get("message_ts")}.items() if v}


def _source(body: dict) -> str:
    where = _where(body)
    return f"slack:{where.get('channel', 'home')}/{where.get('ts', body.get('trigger_id', ''))}"
