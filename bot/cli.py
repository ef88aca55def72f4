"""The ``commission-bot`` command line. Heavy modules are imported only by the command that needs them."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="commission-bot", description="Registro de compromisos de la comisión, en Slack.")
    p.add_argument("--lang", choices=("es", "en"), help="idioma de las respuestas (default: BOT_LANGUAGE)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def cmd(name: str, target: str, help_: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_)
        sp.add_argument("--lang", choices=("es", "en"), default=argparse.SUPPRESS)
        sp.set_defaults(target=target)
        return sp

    cmd("run", "bot.commands.run:run", "el bot de Slack (Socket Mode o HTTP) con el programador de avisos")
    sp = cmd("shell", "bot.commands.talk:shell", "el mismo bot en la terminal")
    sp.add_argument("--now")
    sp.add_argument("--user", default=None)
    sp = cmd("parse", "bot.commands.talk:parse", "muestra en JSON lo que el bot entendió")
    sp.add_argument("text", nargs="?")
    sp.add_argument("--now")
    sp = cmd("import", "bot.commands.data:import_", "importa compromisos de un CSV o XLSX")
    sp.add_argument("file")
    sp.add_argument("--commission")
    sp.add_argument("--dry-run", action="store_true")
    sp.add_argument("--now")
    sp = cmd("export", "bot.commands.data:export", "exporta el registro (csv, xlsx, docx, md)")
    sp.add_argument("--format", choices=("csv", "xlsx", "docx", "md"), default="csv")
    sp.add_argument("-o", "--output")
    sp.add_argument("--since")
    sp.add_argument("--commission")
    sp.add_argument("--now")
    _meetings(sub, cmd)
    _catalog(sub, cmd)
    for name, target, help_ in (
        ("digest", "bot.commands.schedule:digest", "arma el resumen semanal ahora"),
        ("tick", "bot.commands.schedule:tick", "una pasada del programador de avisos"),
    ):
        sp = cmd(name, target, help_)
        sp.add_argument("--now")
        sp.add_argument("--dry-run", action="store_true")
    db = cmd("db", "", "base de datos")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    up = db_sub.add_parser("upgrade", help="aplica las migraciones del esquema")
    up.set_defaults(target="bot.commands.data:db_upgrade")
    return p


def _meetings(sub, cmd: Callable) -> None:
    session = cmd("session", "", "sesiones de la comisión")
    ss = session.add_subparsers(dest="session_command", required=True, metavar="ACTION")
    add = ss.add_parser("add", help="registra una sesión")
    add.add_argument("--name", required=True)
    add.add_argument("--at", required=True)
    add.add_argument("--commission")
    add.add_argument("--kind", choices=("ordinary", "extraordinary", "working"), default="ordinary")
    add.add_argument("--modality", default="")
    add.add_argument("--attendees", default="")
    add.add_argument("--now")
    add.set_defaults(target="bot.commands.catalog:session_add")
    ls = ss.add_parser("list", help="lista las sesiones")
    ls.add_argument("--commission")
    ls.add_argument("--now")
    ls.set_defaults(target="bot.commands.catalog:session_list")


def _catalog(sub, cmd: Callable) -> None:
    area = cmd("area", "", "catálogo de áreas")
    asub = area.add_subparsers(dest="area_command", required=True, metavar="ACTION")
    add = asub.add_parser("add", help="agrega o actualiza un área")
    add.add_argument("acronym")
    add.add_argument("--name", required=True)
    add.add_argument("--alias", action="append", default=[])
    add.add_argument("--channel")
    add.set_defaults(target="bot.commands.catalog:area_add")
    asub.add_parser("list", help="lista las áreas").set_defaults(target="bot.commands.catalog:area_list")
    member = cmd("member", "", "integrantes y sus áreas")
    msub = member.add_subparsers(dest="member_command", required=True, metavar="ACTION")
    add = msub.add_parser("add", help="agrega o actualiza un integrante")
    add.add_argument("user_id")
    add.add_argument("--area", action="append", required=True)
    add.add_argument("--name", default="")
    add.add_argument("--writer", action="store_true")
    add.set_defaults(target="bot.commands.catalog:member_add")
    msub.add_parser("list", help="lista los integrantes").set_defaults(target="bot.commands.catalog:member_list")


def _load(target: str) -> Callable:
    import importlib

    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> int:
    """Entry point: load ``.env``, read settings, run one command."""
    args = _parser().parse_args(argv)
    if environ is None:
        from dotenv import load_dotenv

        load_dotenv(os.path.join(os.getcwd(), ".env"))
        environ = dict(os.environ)
    logging.basicConfig(
        level=environ.get("LOG_LEVEL", "WARNING").upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    from bot.commands import Context, fail_message

    ctx = None
    try:
        ctx = Context.build(args, environ)
        return int(_load(args.target)(ctx, args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one clear line instead of a traceback
        message = fail_message(exc, ctx, environ)
        if message is None:
            logging.getLogger(__name__).debug("unexpected failure", exc_info=True)
            print(f"{type(exc).__name__}: {exc}".splitlines()[0][:300], file=sys.stderr)
            return 1
        print(message, file=sys.stderr)
        return 2
    finally:
        if ctx is not None:
            ctx.close()
