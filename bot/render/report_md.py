"""The follow-up report as Markdown (for a channel or a wiki), and the pieces of text the Word report shares:
the opening, a commitment with its previous status, its status, its actions, a meeting's date and modality."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.i18n import status_label, t
from bot.render.text import date_text, when_text
from bot.report import Report, ReportGroup, ReportLine

Run = tuple[str, bool]  # a piece of text and whether it is bold
_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def runs_of(template: str) -> list[Run]:
    """A strings-table text whose ``**…**`` parts are bold, as runs."""
    return [(part, n % 2 == 1) for n, part in enumerate(template.split("**")) if part]


def opening(report: Report, tz: ZoneInfo, lang: str, *, second: bool = False) -> list[list[Run]]:
    """The paragraphs before the follow-up table (or, ``second``, before the meetings reported for the first
    time), in the secretariat's words."""
    if second:
        key = "report.new_subject" if report.subject else "report.new_plain"
        return [runs_of(t(key, lang, code=report.subject or ""))]
    paragraphs = []
    request = report.request
    if request is not None:
        text = _clause(request.text)
        if request.session is not None:
            day = date_text(request.session.at.astimezone(tz).date(), lang)
            commission = report.commission_name or report.commission
            paragraphs.append(
                runs_of(
                    t(
                        "report.opening_session",
                        lang,
                        date=day,
                        session=request.session.name,
                        commission=commission,
                        code=request.code,
                        text=text,
                    )
                )
            )
        else:
            paragraphs.append(runs_of(t("report.opening_code", lang, code=request.code, text=text)))
    if report.groups:
        key = "report.follow_up_then" if request is not None else "report.follow_up"
        since = date_text(report.since.astimezone(tz).date(), lang) if report.since else ""
        paragraphs.append(runs_of(t(key, lang, date=since)))
    return paragraphs


def _clause(text: str) -> str:
    """A commitment's text as a clause inside a sentence: "Entregar una nota…" → "entregar una nota…"."""
    text = text.strip()
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def footer(report: Report, tz: ZoneInfo, lang: str) -> str:
    """When the report was made, and the day its previous statuses refer to."""
    when = when_text(report.generated_at, tz, lang)
    if report.since is None:
        return t("report.generated", lang, when=when)
    since = date_text(report.since.astimezone(tz).date(), lang)
    if report.since_session:
        return t("report.footer_session", lang, when=when, since=since, session=report.since_session)
    return t("report.footer", lang, when=when, since=since)


def when_lines(group: ReportGroup, tz: ZoneInfo, lang: str) -> list[str]:
    """A meeting's date and modality, one a line, as the first column shows them."""
    if group.meeting is None:
        return [t("report.no_origin", lang)]
    m = group.meeting
    return [x for x in (date_text(m.at.astimezone(tz).date(), lang), m.modality) if x]


def commitment_runs(line: ReportLine, lang: str) -> list[Run]:
    """ "4. Diseñar de manera conjunta… **(Estatus previo: pendiente)**"."""
    runs: list[Run] = [(f"{line.number}. {line.item.text}", False)]
    if line.previous_status:
        previous = t("report.previous", lang, status=status_label(line.previous_status, lang).lower())
        runs.append((f" ({previous})", True))
    return runs


def status_word(line: ReportLine, lang: str) -> str:
    return status_label(line.item.status, lang)


def action_lines(line: ReportLine, tz: ZoneInfo, lang: str) -> list[str]:
    """The actions, each as told. One recorded in chat without a day of its own is dated by when it was told;
    an imported one is dated in its own words, if at all (the day of the import is not its date). Evidence
    kept with an action but not in its words (a file) follows it."""
    if not line.actions:
        return [t("report.no_actions", lang)]
    out = []
    for a in line.actions:
        text = a.text
        extra = [e for e in a.evidence if e not in text]
        if extra:
            text = f"{text} ({t('entry.evidence', lang, items=' · '.join(extra))})"
        if a.kind != "import" and a.happened_on is None:
            text = f"{date_text(a.at.astimezone(tz).date(), lang)}: {text}"
        out.append(text)
    return out


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _md(runs: list[Run]) -> str:
    out = []
    for text, bold in runs:
        if bold and text.strip():
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            out.append(f"{lead}**{text.strip()}**{trail}")
        else:
            out.append(text)
    return "".join(out)


def report_markdown(report: Report, tz: ZoneInfo, lang: str, *, summary: bool = False) -> str:
    out = [f"# {t('report.title', lang, commission=report.commission_name or report.commission)}", ""]
    if not report.groups and not report.new:
        return "\n".join([*out, t("report.empty", lang), "", f"_{footer(report, tz, lang)}_", ""])
    out += [f"{_md(runs)}\n" for runs in opening(report, tz, lang)]
    if report.groups:
        headers = [t(f"report.col_{k}", lang) for k in ("date", "attendees", "commitments", "status_actions")]
        out += [f"| {' | '.join(headers)} |", "|---|---|---|---|"]
        for group in report.groups:
            for n, line in enumerate(group.lines):
                when = " ".join(when_lines(group, tz, lang)) if n == 0 else ""
                who = group.meeting.attendees if n == 0 and group.meeting else ""
                said = _cell(_md(commitment_runs(line, lang)))
                out.append(f"| {_cell(when)} | {_cell(who)} | {said} | {_status(line, tz, lang)} |")
        out.append("")
    if report.new:
        out += [f"{_md(runs)}\n" for runs in opening(report, tz, lang, second=True)]
        for group in report.new:
            out += _new_meeting(group, tz, lang)
    if summary:
        out += _summary(report, lang)
    out += ["", f"_{footer(report, tz, lang)}_"]
    return "\n".join(out).rstrip() + "\n"


def _status(line: ReportLine, tz: ZoneInfo, lang: str) -> str:
    return "<br>".join([f"**{status_word(line, lang)}**", *(_cell(a) for a in action_lines(line, tz, lang))])


def _new_meeting(group: ReportGroup, tz: ZoneInfo, lang: str) -> list[str]:
    m = group.meeting
    out = [f"## {' — '.join(when_lines(group, tz, lang))}", ""]
    if m and m.attendees:
        out += [f"{t('report.col_attendees', lang)}: {_cell(m.attendees)}", ""]
    if m and m.objectives:
        out += [f"**{t('report.objectives', lang)}**", "", m.objectives, ""]
    if m and m.topics:
        out += [f"**{t('report.topics', lang)}**", ""]
        out += [f"{roman(n)}. {topic}  " for n, topic in enumerate(m.topics, start=1)] + [""]
    headers = [t(f"report.col_{k}", lang) for k in ("commitments", "status_short")]
    out += [f"| {' | '.join(headers)} |", "|---|---|"]
    out += [f"| {_cell(_md(commitment_runs(line, lang)))} | {_status(line, tz, lang)} |" for line in group.lines]
    return [*out, ""]


def _summary(report: Report, lang: str) -> list[str]:
    headers = [t(f"report.col_{k}", lang) for k in ("institution", "area", "open", "done", "oldest")]
    out = [f"## {t('report.summary', lang)}", "", f"| {' | '.join(headers)} |", "|---|---|---:|---:|---:|"]
    for s in report.summary:
        oldest = "" if s.oldest_open_days is None else s.oldest_open_days
        out.append(f"| {s.institution} | {s.acronym} | {s.open} | {s.done} | {oldest} |")
    return [*out, ""]
