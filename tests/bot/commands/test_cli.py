"""The command line as an operator meets it: one line per mistake, in their language, and --help that explains."""

from __future__ import annotations

import contextlib
import io

import pytest
from cli_runner import cli

from bot.cli import main

NOW = "2023-02-13T10:00:00-06:00"


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "spanish", "english"),
    [
        (
            ["export", "--format", "pdf"],
            "«pdf» no es una opción válida de --format",
            "'pdf' is not a valid choice for --format",
        ),
        (["session", "add", "--at", NOW], "falta --name", "--name is required"),
        (["area", "list", "--bogus"], "no conozco --bogus", "unknown argument --bogus"),
        (["export", "-o"], "-o/--output necesita un valor", "-o/--output needs a value"),
        ([], "falta el comando", "a command is required"),
    ],
)
def test_usage_errors_are_one_line_in_the_users_language(env, argv, spanish, english):
    result = cli(env, *argv)
    assert result.code == 2 and result.stdout == ""
    line = one_line(result.stderr)
    assert spanish in line and "usage" not in line and "--help" in line
    english_result = cli(env, *argv, "--lang", "en") if argv else cli(env, "--lang", "en")
    assert english_result.code == 2 and english in one_line(english_result.stderr)


def test_bot_language_setting_chooses_the_language_of_usage_errors(env):
    result = cli({**env, "BOT_LANGUAGE": "en"}, "export", "--format", "pdf")
    assert result.code == 2 and "is not a valid choice" in one_line(result.stderr)


def subcommands() -> list[list[str]]:
    return [
        ["run"],
        ["shell"],
        ["parse"],
        ["import"],
        ["export"],
        ["session", "add"],
        ["session", "list"],
        ["area", "add"],
        ["area", "list"],
        ["member", "add"],
        ["member", "list"],
        ["digest"],
        ["tick"],
        ["db", "upgrade"],
    ]


def help_text(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exited:
        main([*argv, "--help"], environ={})
    assert exited.value.code == 0
    return out.getvalue()


@pytest.mark.parametrize("argv", subcommands(), ids=" ".join)
def test_every_option_of_every_subcommand_has_a_description(argv):
    import re

    text = help_text(*argv)
    lines = text.splitlines()
    entries = [i for i, line in enumerate(lines) if re.match(r"^  \S", line)]
    assert entries
    for i in entries:
        # The description follows on the same line, or (after a long option) indented on the next one.
        same_line = re.search(r"\S\s{2,}\S", lines[i])
        next_line = i + 1 < len(lines) and re.match(r"^ {6,}\S", lines[i + 1])
        assert same_line or next_line, f"{argv}: no description for {lines[i]!r}"
    assert "--lang" in text


def test_help_speaks_english_on_request():
    assert "language of the replies" in help_text("export", "--lang", "en")
    assert "idioma de las respuestas" in help_text("export")


def test_a_bad_now_is_named_before_missing_slack_credentials(env):
    result = cli(env, "tick", "--now", "2023-13-01T00:00")
    assert result.code == 2 and "--now" in one_line(result.stderr) and "2023-13-01T00:00" in result.stderr
    assert "SLACK" not in result.stderr


def test_a_bad_now_is_named_before_a_bad_setting(env):
    result = cli({**env, "PORT": "x"}, "tick", "--now", "2023-13-01T00:00")
    assert result.code == 2 and "--now" in one_line(result.stderr)


@pytest.mark.parametrize("url", ["mysql://x", "mssql+pyodbc://u@h/db", "oracle://h/db", "bogus://x"])
def test_an_unsupported_database_is_one_line_naming_the_setting(env, url):
    result = cli({**env, "DATABASE_URL": url}, "session", "list")
    assert result.code == 2 and "Traceback" not in result.stderr
    line = one_line(result.stderr)
    assert "DATABASE_URL" in line and "postgresql://" in line and "sqlite:///" in line
    english = cli({**env, "DATABASE_URL": url}, "session", "list", "--lang", "en")
    assert "not supported" in one_line(english.stderr)


def test_export_to_a_missing_directory_is_one_clear_line(env):
    result = cli(env, "export", "--format", "docx", "-o", "/no/such/dir/x.docx")
    assert result.code == 2
    line = one_line(result.stderr)
    assert "/no/such/dir" in line and "Errno" not in line and "no existe" in line


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_a_binary_export_refuses_a_terminal(env, monkeypatch, fmt):
    import sys

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    result = main(["export", "--format", fmt], environ=dict(env))
    assert result == 2 and sys.stdout.getvalue() == ""


def test_a_binary_export_refusal_says_what_to_do(env, monkeypatch, capsys):
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["export", "--format", "docx"], environ=dict(env)) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "-o" in one_line(captured.err) and "docx" in captured.err


def test_writer_without_bot_writers_says_everyone_may_write_meanwhile(env):
    result = cli(env, "member", "add", "U0123ABCD", "--area", "DERFE", "--writer")
    assert result.code == 0 and "BOT_WRITERS" in result.stdout and "todos" in result.stdout
    english = cli(env, "member", "add", "U0123ABCD", "--area", "DERFE", "--writer", "--lang", "en")
    assert "BOT_WRITERS" in english.stdout and "everyone" in english.stdout
    restricted = cli({**env, "BOT_WRITERS": "U999"}, "member", "add", "U0123ABCD", "--area", "DERFE", "--writer")
    assert restricted.code == 0 and "BOT_WRITERS" not in restricted.stdout


def test_run_without_credentials_off_a_terminal_refuses_in_one_line(env):
    result = cli(env, "run", stdin="")
    assert result.code == 2 and result.stdout == ""
    line = one_line(result.stderr)
    assert "SLACK_BOT_TOKEN" in line and "SLACK_APP_TOKEN" in line and "SLACK_SIGNING_SECRET" in line


def test_run_with_a_bot_token_but_neither_secret_names_them(env):
    result = cli({**env, "SLACK_BOT_TOKEN": "xoxb-1"}, "run", stdin="")
    assert result.code == 2
    line = one_line(result.stderr)
    assert "SLACK_SIGNING_SECRET" in line and "SLACK_APP_TOKEN" in line and "SLACK_BOT_TOKEN" not in line


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "en", "session", "list"],
        ["session", "--lang", "en", "list"],
        ["session", "list", "--lang", "en"],
    ],
)
def test_lang_is_accepted_at_every_level(env, argv):
    result = cli(env, *argv)
    assert result.code == 0 and result.stdout == "No sessions recorded.\n"


def test_export_onto_a_folder_says_so_in_the_users_language(env, tmp_path):
    result = cli(env, "export", "-o", str(tmp_path))
    assert result.code == 2
    line = one_line(result.stderr)
    assert str(tmp_path) in line and "es una carpeta" in line and "Errno" not in line


def test_the_readme_commands_table_names_every_command_and_option():
    import argparse
    from pathlib import Path

    from bot.commands.parser import build

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
        found = []
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found += walk(sub, (*path, name))
            elif action.option_strings:
                found += [(path, max(action.option_strings, key=len))]
            else:
                found += [(path, action.metavar or action.dest)]
        return found

    for path, option in walk(build("es"), ()):
        if path:
            assert f"`{' '.join(path)}" in table, path
        assert option in table, (path, option)


def test_edit_and_withdraw_from_the_command_line_are_audited(env, seeded):
    edited = cli(env, "edit", "8/2023", "--area", "ime", "--area", "DGSC", "--due", "31/03/2023")
    assert edited.code == 0 and "08/2023: áreas" in edited.stdout and "2023-03-31" in edited.stdout
    again = cli(env, "edit", "08/2023", "--due", "2023-03-31")
    assert again.code == 0 and "no cambié nada" in again.stdout
    bad = cli(env, "edit", "08/2023", "--due", "31/02/2023")
    assert bad.code == 2 and "31/02/2023" in one_line(bad.stderr)
    unknown = cli(env, "edit", "08/2023", "--area", "XYZQ")
    assert unknown.code == 2 and "XYZQ" in one_line(unknown.stderr)
    gone = cli(env, "withdraw", "08/2023", "--reason", "duplicado del 07/2023")
    assert gone.code == 0 and "retiré el 08/2023" in gone.stdout
    assert "08/2023" not in cli(env, "export", "--format", "csv").stdout
    twice = cli(env, "withdraw", "08/2023")
    assert twice.code == 2 and "ya estaba retirado" in one_line(twice.stderr)


@pytest.mark.parametrize("when", ["9999-12-31T23:59", "0001-01-01T00:00", "2023-13-01T00:00"])
def test_an_instant_out_of_range_is_one_line_not_an_overflow(env, when):
    result = cli(env, "tick", "--now", when, "--dry-run")
    assert result.code == 2 and when in one_line(result.stderr)
