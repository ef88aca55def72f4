"""The follow-up report as Markdown, for a channel or a wiki."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.i18n import status_label, t
from bot.render.text import date_text, when_text
from bot.report import Report, ReportGroup, ReportLine


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def meeting_heading(group: ReportGroup, tz: ZoneInfo, lang: str) -> str:
    if group.meeting is None:
        return t("report.no_origin", lang)
    m = group.meeting
    details = [date_text(m.at.astimezone(tz).date(), lang), t(f"kind.{m.kind}", lang)]
    if m.modality:
        details.append(m.modality)
    return f"{m.name} — {', '.join(details)}"


def status_cell(line: ReportLine, lang: str) -> str:
    status = status_label(line.item.status, lang)
    if line.previous_status:
        status += f" ({t('report.previous', lang, status=status_label(line.previous_status, lang).lower())})"
    return status


def action_lines(line: ReportLine, tz: ZoneInfo, lang: str) -> list[str]:
    if not line.actions:
        return [t("report.no_actions", lang)]
    # An imported action is dated in its own words, if at all: the day of the import is not its date.
    return [
        a.text if a.kind == "import" else f"{date_text(a.at.astimezone(tz).date(), lang)}: {a.text}"
        for a in line.actions
    ]


def report_markdown(report: Report, tz: ZoneInfo, lang: str) -> str:
    out = [
        f"# {t('report.title', lang, commission=report.commission)}",
        "",
        t("report.generated", lang, when=when_text(report.generated_at, tz, lang)),
    ]
    if report.since:
        out.append(t("report.since", lang, date=date_text(report.since.astimezone(tz).date(), lang)))
    if not report.groups:
        return "\n".join([*out, "", t("report.empty", lang), ""])
    out += [
        "",
        f"## {t('report.summary', lang)}",
        "",
        f"| {t('report.col_area', lang)} | {t('report.col_open', lang)} | {t('report.col_done', lang)} "
        f"| {t('report.col_oldest', lang)} |",
        "|---|---:|---:|---:|",
    ]
    out += [
        f"| {s.acronym} | {s.open} | {s.done} | {'' if s.oldest_open_days is None else s.oldest_open_days} |"
        for s in report.summary
    ]
    for group in report.groups:
        out += ["", f"## {_cell(meeting_heading(group, tz, lang))}", ""]
        if group.meeting and group.meeting.attendees:
            out += [f"{t('report.col_attendees', lang)}: {_cell(group.meeting.attendees)}", ""]
        out += [
            f"| {t('report.col_code', lang)} | {t('report.col_commitment', lang)} | {t('report.col_areas', lang)} "
            f"| {t('report.col_status', lang)} |",
            "|---|---|---|---|",
        ]
        for line in group.lines:
            actions = "<br>".join(_cell(a) for a in action_lines(line, tz, lang))
            out.append(
                f"| {line.item.code} | {_cell(line.item.text)} | {', '.join(line.item.areas)} "
                f"| **{status_cell(line, lang)}**<br>{actions} |"
            )
    return "\n".join(out) + "\n"
