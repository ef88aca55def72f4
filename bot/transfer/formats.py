"""Export dispatch: one registry read, rendered as CSV, Markdown, XLSX or DOCX."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot import registry
from bot.report import build_report, default_since
from storage.db import Database


def render_export(
    *, db: Database, fmt: str, commission: str, now: datetime, tz: ZoneInfo, lang: str, since: datetime | None = None
) -> str | bytes:
    """The registry in ``fmt``: text for csv and md, bytes for xlsx and docx."""
    with db.read() as session:
        sc = registry.scope(session=session, commission=commission, now=now)
        if fmt == "csv":
            from bot.transfer.exporter import registry_rows, to_csv

            return to_csv(registry_rows(session=session, sc=sc, tz=tz), lang)
        if fmt == "xlsx":
            from bot.transfer.exporter import registry_rows
            from bot.transfer.xlsx import to_xlsx
            from storage import commitments as commitments_db
            from storage import log as log_db

            rows = registry_rows(session=session, sc=sc, tz=tz)
            log = log_db.all_updates(session=session, commission_id=sc.commission_id)
            codes = {
                c.id: c.code for c in commitments_db.find_commitments(session=session, commission_id=sc.commission_id)
            }
            return to_xlsx(rows, [(codes.get(u.commitment_id, ""), u) for u in log], tz, lang)
        report = build_report(
            session=session, sc=sc, commission=commission, tz=tz, since=since or default_since(session=session, sc=sc)
        )
    if fmt == "md":
        from bot.render.report_md import report_markdown

        return report_markdown(report, tz, lang)
    from bot.render.report_docx import report_docx

    return report_docx(report, tz, lang)
