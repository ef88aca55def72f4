"""Helpers shared by tests (kept out of conftest so they can be imported)."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass

from bot.cli import main


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def cli(env: dict[str, str], *argv: str, stdin: str | None = None) -> Result:
    """Run ``commission-bot`` in-process with its own environment; capture what it prints."""
    out, err = io.StringIO(), io.StringIO()
    import sys

    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(argv), environ=dict(env))
            except SystemExit as exc:  # argparse
                code = int(exc.code or 0)
    finally:
        sys.stdin = old_stdin
    return Result(code, out.getvalue(), err.getvalue())
