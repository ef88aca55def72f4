"""``shell`` and ``parse``: the bot in a terminal, and what it understood as JSON."""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys

from bot.commands import Context

logger = logging.getLogger(__name__)


def parse(ctx: Context, args: argparse.Namespace) -> int:
    from bot.nlu import parse as understand

    with ctx.db.read() as session:
        from bot.directory import catalog as load_catalog

        catalog = load_catalog(session=session)
    lines = [args.text] if args.text is not None else (line.rstrip("\r\n") for line in sys.stdin)
    for line in lines:
        request = understand(line, ctx.now, catalog)
        print(json.dumps(request.contract(), ensure_ascii=False), flush=True)
    return 0


_LEAVE = re.compile(r"(?:salir|sal|exit|quit|adi[oó]s|bye)[.!]*", re.I)  # typed at an interactive prompt


def shell(ctx: Context, args: argparse.Namespace) -> int:
    import threading

    from bot.clock import now as wall_clock
    from bot.conversation import Actor, Conversation
    from bot.i18n import t
    from bot.nlu import warm_up
    from bot.render.text import outcome_text

    threading.Thread(target=warm_up, args=(ctx.now,), daemon=True, name="nlu-warm-up").start()
    conversation = Conversation(ctx.db, ctx.settings)
    actor = Actor(user_id=args.user or "shell", source="shell", lang=ctx.lang, trusted=args.user is None)
    interactive = sys.stdin.isatty()
    tz = ctx.settings.timezone
    if interactive:
        print(t("shell.welcome", ctx.lang), flush=True)
    while True:
        if interactive:
            print("> ", end="", flush=True)
        try:
            line = sys.stdin.readline()
        except KeyboardInterrupt:  # Ctrl-C at the prompt: leave quietly
            print(flush=True)
            break
        if not line or (interactive and _LEAVE.fullmatch(line.strip())):
            break
        now = ctx.now if getattr(args, "now", None) else wall_clock(tz)
        try:
            answer = conversation.reply(line.rstrip("\r\n"), actor, now)
            reply = outcome_text(answer.outcome, tz, answer.lang)
        except Exception:
            logger.exception("shell request failed")
            reply = t("notice.error", ctx.lang)
        print(reply, flush=True)
        if not interactive:
            print(flush=True)
    return 0
