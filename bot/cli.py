"""The ``commission-bot`` command line. Heavy modules are imported only by the command that needs them."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence


def _load(target: str) -> Callable:
    import importlib

    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> int:
    """Entry point: load ``.env``, understand the command line, read settings, run one command."""
    from bot.commands.parser import ArgumentError, build, wanted_language

    argv = list(sys.argv[1:] if argv is None else argv)
    if environ is None:
        from dotenv import load_dotenv

        load_dotenv(os.path.join(os.getcwd(), ".env"))
        environ = dict(os.environ)
    lang = wanted_language(argv, environ.get("BOT_LANGUAGE", "es").strip().lower())
    try:
        args = build(lang).parse_args(argv)
    except ArgumentError as exc:
        print(exc, file=sys.stderr)
        return 2
    logging.basicConfig(
        level=environ.get("LOG_LEVEL", "WARNING").upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    from bot.commands import Context, fail_message

    ctx = None
    try:
        ctx = Context.build(args, environ, lang)
        return int(_load(args.target)(ctx, args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one clear line instead of a traceback
        message = fail_message(exc, ctx, lang)
        if message is None:
            logging.getLogger(__name__).debug("unexpected failure", exc_info=True)
            print(f"{type(exc).__name__}: {exc}".splitlines()[0][:300], file=sys.stderr)
            return 1
        print(message, file=sys.stderr)
        return 2
    finally:
        if ctx is not None:
            ctx.close()
