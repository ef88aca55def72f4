"""The Word follow-up report, uploaded to a conversation with Slack's external upload flow."""

from __future__ import annotations

from datetime import datetime

from slack_sdk import WebClient

from bot.conversation import Conversation
from bot.i18n import t


def upload_report(
    client: WebClient, conversation: Conversation, channel: str, lang: str, now: datetime, thread_ts: str | None = None
) -> None:
    """Build the report at ``now`` and upload it (``files.getUploadURLExternal``, ``files.completeUploadExternal``)."""
    from bot.render.text import date_text
    from bot.transfer.formats import render_export

    settings = conversation.settings
    data = render_export(
        db=conversation.db, fmt="docx", commission=settings.default_commission, now=now, tz=settings.timezone, lang=lang
    )
    day = now.astimezone(settings.timezone).date()
    client.files_upload_v2(
        channel=channel,
        content=data,
        filename=t("report.filename", lang, commission=settings.default_commission, date=day.isoformat()),
        title=t("report.upload_title", lang),
        initial_comment=t("report.upload_comment", lang, date=date_text(day, lang)),
        thread_ts=thread_ts,
    )
