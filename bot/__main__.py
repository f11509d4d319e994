"""The command line: briefbot ask | brief | chat | facts | run | discord sync.

Only this module decides to exit: every other layer raises a clear error, and here it becomes one
line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

from config.settings import SettingsError, load_settings

__all__ = ["main"]

_SECTIONS = "headline, developments, delegations, people, timeline, positions, inter-korean, topics, changes, sources"
"""The names `briefings.compose.Section` accepts (kept here so `--help` imports nothing heavy)."""


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2018-05-29") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefbot", description="Briefings and answers on the 2018 U.S.-North Korea summit talks.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = sub.add_parser("ask", help="answer one question, or one per line of stdin with --stdin")
    ask.add_argument("question", nargs="?", help="the question, in quotes")
    ask.add_argument("--stdin", action="store_true", help="read one question a line from stdin")
    ask.add_argument("--json", action="store_true", help="write one JSON object per answer")

    brief = sub.add_parser(
        "brief",
        help="print the day's digest (or the full briefing, or one section of it)",
        description="Print the digest as of a date, in one screen: the status, what changed (the facts added, "
        "corrected or retired in the 24 hours before now), what is coming up and the top developments. "
        "--full prints the whole briefing, --section one part of it.",
    )
    brief.add_argument("--date", type=_iso_date, help="the day to brief as of, YYYY-MM-DD (default: today in "
                       "BRIEFBOT_TIMEZONE)")
    brief.add_argument("--full", action="store_true", help="the whole briefing instead of the digest")
    brief.add_argument("--section", metavar="NAME", help=f"only this section of the briefing: {_SECTIONS}")
    brief.add_argument("--format", choices=("text", "markdown", "slack", "discord", "json"), default="text",
                       help="text (default), markdown, slack (Block Kit JSON: the channel post, then the replies in "
                       "its thread marked \"thread\": true), discord (message payloads, likewise), json (the "
                       "Digest or Briefing model)")

    chat = sub.add_parser("chat", help="a console chat (scriptable: reads stdin line by line)")
    chat.add_argument("--user", default="console", help="your console user name (acts as console:NAME)")
    chat.add_argument("--admin", action="store_true", help="act as an admin in this console session")

    deliveries = sub.add_parser("deliveries", help="list the delivery ledger of the daily briefings, newest first")
    deliveries.add_argument("--channel", metavar="CHANNEL", help="only this channel: an id (C0123) or "
                            "PLATFORM:ID (slack:C0123, discord:1234, console:console)")
    deliveries.add_argument("--limit", type=int, default=50, metavar="N", help="at most N rows (default 50; 0: all)")

    facts = sub.add_parser("facts", help="list, show, export or import facts (export and import carry topics, sources and entities too)")
    fsub = facts.add_subparsers(dest="facts_command", required=True, metavar="ACTION")
    fsub.add_parser("list", help="list the current facts")
    show = fsub.add_parser("show", help="show one fact")
    show.add_argument("id")
    export = fsub.add_parser("export", help="write the whole store as YAML: topics, sources with their text, entities, facts, retired facts marked so (to FILE or stdout)")
    export.add_argument("file", nargs="?")
    which = export.add_mutually_exclusive_group()
    which.add_argument("--all", dest="current", action="store_false",
                       help="every fact, retired ones with `status: retired` (the default)")
    which.add_argument("--current", action="store_true", help="only the facts answers and briefings use")
    export.set_defaults(current=False)
    imp = fsub.add_parser("import", help="validate a YAML import file (topics, sources, entities, facts) and add or update all it holds")
    imp.add_argument("file")
    imp.add_argument("--user", default="cli", help="recorded as the author of the change")

    sub.add_parser("run", help="run the bot: Slack and/or Discord when tokens are set, else the console")

    discord = sub.add_parser("discord", help="Discord tasks")
    dsub = discord.add_subparsers(dest="discord_command", required=True, metavar="ACTION")
    dsub.add_parser("sync", help="register the slash commands with Discord (to DISCORD_GUILD_ID when set, "
                    "else globally) and exit")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"briefbot: invalid setting: {exc}", file=sys.stderr)
        return 2
    from bot.logs import configure_logging

    configure_logging(settings.log_level)
    from bot import cli  # deferred: keeps `briefbot --help` and bad settings instant

    handlers: dict[str, Callable[..., Awaitable[int]]] = {
        "ask": cli.ask,
        "brief": cli.brief,
        "chat": cli.chat,
        "deliveries": cli.deliveries,
        "facts": cli.facts,
        "run": cli.run,
        "discord": cli.discord,
    }
    try:
        return asyncio.run(handlers[args.command](settings, args))
    except KeyboardInterrupt:
        print("briefbot: interrupted (Ctrl-C)", file=sys.stderr)
        return 130
    except cli.UserFacingError as exc:
        print(f"briefbot: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: still one line on the terminal, the traceback in the debug log
        logging.getLogger("briefbot").debug("unexpected error", exc_info=True)
        print(f"briefbot: unexpected error: {type(exc).__name__}: {exc} "
              "(BRIEFBOT_LOG_LEVEL=DEBUG shows where)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
