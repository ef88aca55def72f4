"""The command line's grammar, described in the user's language: every option has a one-line help."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from bot.i18n import t


class ArgumentError(ValueError):
    """A usage mistake, already worded as one line in the user's language."""


# argparse's own (English) messages, and the key that says each in the user's language.
_ARGPARSE = (
    (
        re.compile(r"argument (?P<option>\S+): invalid choice: '(?P<value>[^']*)' \(choose from (?P<choices>.*)\)"),
        "choice",
    ),
    (re.compile(r"the following arguments are required: (?P<option>.*)"), "required"),
    (re.compile(r"unrecognized arguments: (?P<option>.*)"), "unknown"),
    (re.compile(r"argument (?P<option>\S+): expected (?:one|at least one) argument"), "needs_value"),
    (re.compile(r"argument (?P<option>\S+): ignored explicit argument '(?P<value>.*)'"), "no_value"),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<choices>.*)"), "ambiguous"),
)


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that says a mistake in one line of the user's language instead of exiting."""

    lang = "es"  # set on each parser by build()

    def error(self, message: str) -> NoReturn:
        raise ArgumentError(usage_line(message, self.prog, self.lang))


def usage_line(message: str, prog: str, lang: str) -> str:
    """One line: what is wrong, and which ``--help`` explains it."""
    for pattern, key in _ARGPARSE:
        if m := pattern.fullmatch(message.strip()):
            found = m.groupdict()
            if found.get("option") in ("COMMAND", "ACTION"):
                key = found["option"].lower()
            what = t(f"usage.{key}", lang, **{k: v.replace("'", "") for k, v in found.items()})
            break
    else:
        what = message.strip().splitlines()[0]
    return t("usage.line", lang, what=what, help=f"{prog} --help")


def wanted_language(argv: Sequence[str], default: str) -> str:
    """``--lang`` as typed anywhere on the line, before the line is understood; else ``default``."""
    for index, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in ("es", "en"):
            return value
    return default if default in ("es", "en") else "es"


def build(lang: str) -> Parser:
    """The whole grammar, with help in ``lang``."""

    def h(key: str) -> str:
        return t(f"help.{key}", lang)

    p = _new(Parser(prog="commission-bot", description=h("bot"), add_help=False), lang)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", title=h("commands"))
    sub.required = True

    def cmd(parent: Any, name: str, target: str, key: str, options: Sequence[tuple] = ()) -> Parser:
        sp = _new(parent.add_parser(name, help=h(key), description=h(key), add_help=False), lang)
        sp.set_defaults(target=target)
        for flags, kwargs, help_key in options:
            sp.add_argument(*flags, help=h(help_key), **kwargs)
        sp.add_argument("--lang", choices=("es", "en"), default=argparse.SUPPRESS, help=h("lang"))
        return sp

    def group(name: str, key: str) -> Any:
        parent = cmd(sub, name, "", key)
        actions = parent.add_subparsers(dest=f"{name}_command", metavar="ACTION", title=h("actions"))
        actions.required = True
        return actions

    now = (("--now",), {"metavar": "T"}, "now")
    commission = (("--commission",), {"metavar": "C"}, "commission")
    dry = (("--dry-run",), {"action": "store_true"}, "dry_run")
    cmd(sub, "run", "bot.commands.run:run", "run")
    cmd(sub, "shell", "bot.commands.talk:shell", "shell", [now, (("--user",), {"metavar": "UID"}, "user")])
    cmd(sub, "parse", "bot.commands.talk:parse", "parse", [(("text",), {"nargs": "?", "metavar": "TEXT"}, "text"), now])
    cmd(
        sub,
        "import",
        "bot.commands.data:import_",
        "import",
        [(("file",), {"metavar": "FILE"}, "file"), commission, dry, now],
    )
    cmd(
        sub,
        "export",
        "bot.commands.data:export",
        "export",
        [
            (("--format",), {"choices": ("csv", "xlsx", "docx", "md"), "default": "csv"}, "format"),
            (("-o", "--output"), {"metavar": "FILE"}, "output"),
            (("--since",), {"metavar": "DATE"}, "since"),
            (("--until",), {"metavar": "DATE"}, "until"),
            (("--summary",), {"action": "store_true"}, "summary"),
            commission,
            now,
        ],
    )
    cmd(
        sub,
        "edit",
        "bot.commands.change:edit",
        "edit",
        [
            (("code",), {"metavar": "CODE"}, "code"),
            (("--text",), {"metavar": "TEXT"}, "edit_text"),
            (("--area",), {"action": "append", "metavar": "ACRONYM"}, "edit_area"),
            (("--due",), {"metavar": "DATE"}, "edit_due"),
            (("--origin",), {"metavar": "MEETING"}, "edit_origin"),
            commission,
            now,
        ],
    )
    cmd(
        sub,
        "withdraw",
        "bot.commands.change:withdraw",
        "withdraw",
        [(("code",), {"metavar": "CODE"}, "code"), (("--reason",), {"metavar": "TEXT"}, "reason"), commission, now],
    )
    sessions = group("session", "session")
    kinds = ("ordinary", "extraordinary", "working")
    cmd(
        sessions,
        "add",
        "bot.commands.catalog:session_add",
        "session_add",
        [
            (("--name",), {"required": True, "metavar": "TEXT"}, "session_name"),
            (("--at",), {"required": True, "metavar": "T"}, "at"),
            commission,
            (("--kind",), {"choices": kinds, "default": "ordinary"}, "kind"),
            (("--modality",), {"default": "", "metavar": "TEXT"}, "modality"),
            (("--attendees",), {"default": "", "metavar": "TEXT"}, "attendees"),
            (("--objectives",), {"default": "", "metavar": "TEXT"}, "objectives"),
            (("--topic",), {"action": "append", "default": [], "metavar": "TEXT"}, "topic"),
            now,
        ],
    )
    cmd(sessions, "list", "bot.commands.catalog:session_list", "session_list", [commission, now])
    areas = group("area", "area")
    cmd(
        areas,
        "add",
        "bot.commands.catalog:area_add",
        "area_add",
        [
            (("acronym",), {"metavar": "ACRONYM"}, "acronym"),
            (("--name",), {"required": True, "metavar": "TEXT"}, "area_name"),
            (("--alias",), {"action": "append", "default": [], "metavar": "TEXT"}, "alias"),
            (("--channel",), {"metavar": "CHANNEL_ID"}, "channel"),
            (("--part-of",), {"metavar": "ACRONYM"}, "part_of"),
        ],
    )
    cmd(areas, "list", "bot.commands.catalog:area_list", "area_list")
    members = group("member", "member")
    cmd(
        members,
        "add",
        "bot.commands.catalog:member_add",
        "member_add",
        [
            (("user_id",), {"metavar": "USER_ID"}, "user_id"),
            (("--area",), {"action": "append", "required": True, "metavar": "ACRONYM"}, "member_area"),
            (("--name",), {"default": "", "metavar": "TEXT"}, "member_name"),
            (("--writer",), {"action": "store_true"}, "writer"),
        ],
    )
    cmd(members, "list", "bot.commands.catalog:member_list", "member_list")
    cmd(
        sub,
        "digest",
        "bot.commands.schedule:digest",
        "digest",
        [now, (("--dry-run",), {"action": "store_true"}, "digest_dry")],
    )
    cmd(
        sub, "tick", "bot.commands.schedule:tick", "tick", [now, (("--dry-run",), {"action": "store_true"}, "tick_dry")]
    )
    db = group("db", "db")
    cmd(db, "upgrade", "bot.commands.data:db_upgrade", "db_upgrade")
    return p


def _new(parser: Any, lang: str) -> Parser:
    """Help and section titles in ``lang`` (argparse's own are English)."""
    parser.lang = lang
    parser.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=t("help.help", lang))
    parser._positionals.title = t("help.positionals", lang)
    parser._optionals.title = t("help.options", lang)
    parser.formatter_class = _formatter(t("help.usage", lang))
    if parser.prog == "commission-bot":
        parser.add_argument("--lang", choices=("es", "en"), help=t("help.lang", lang))
    return parser


def _formatter(prefix: str) -> Callable[..., argparse.HelpFormatter]:
    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage: Any, actions: Any, groups: Any, prefix_: str | None = None) -> None:
            super().add_usage(usage, actions, groups, prefix if prefix_ is None else prefix_)

    return Formatter
