"""Export dispatch: one registry read, rendered as CSV, Markdown, XLSX or DOCX."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot import registry
from bot.period import Period
from bot.report import build_report, default_since
from storage.db import Database


def render_export(
    *,
    db: Database,
    fmt: str,
    commission: str,
    now: datetime,
    tz: ZoneInfo,
    lang: str,
    since: datetime | None = None,
    until: datetime | None = None,
    summary: bool = False,
) -> str | bytes:
    """The registry in ``fmt``: text for csv and md, bytes for xlsx and docx.

    ``since`` and ``until`` (exclusive) choose the period (see ``Period``); without ``since`` the report's
    "previous status" starts at the last commission session and every commitment is included.
    """
    period = Period(since=since, until=until)
    with db.read() as session:
        sc = registry.scope(session=session, commission=commission, now=now)
        if fmt == "csv":
            from bot.transfer.exporter import registry_rows, to_csv

            return to_csv(registry_rows(session=session, sc=sc, tz=tz, period=period), lang)
        if fmt == "xlsx":
            from bot.transfer.exporter import registry_rows
            from bot.transfer.xlsx import to_xlsx
            from storage import commitments as commitments_db
            from storage import log as log_db

            rows = registry_rows(session=session, sc=sc, tz=tz, period=period)
            kept = {r.key for r in rows}
            codes = {
                c.id: c.code for c in commitments_db.find_commitments(session=session, commission_id=sc.commission_id)
            }
            log = period.entries(log_db.all_updates(session=session, commission_id=sc.commission_id))
            entries = [(codes.get(u.commitment_id, ""), u) for u in log if codes.get(u.commitment_id) in kept]
            return to_xlsx(rows, entries, tz, lang)
        report = build_report(
            session=session,
            sc=sc,
            commission=commission,
            tz=tz,
            since=since or default_since(session=session, sc=sc),
            period=period,
        )
    if fmt == "md":
        from bot.render.report_md import report_markdown

        return report_markdown(report, tz, lang, summary=summary)
    from bot.render.report_docx import report_docx

    return report_docx(report, tz, lang, summary=summary)
