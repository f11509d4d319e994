"""The command line's subcommands, each an async function of (settings, args) -> exit status."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.app import Core, open_core
from bot.errors import UserFacingError
from bot.render.text import (
    render_answer,
    render_briefing_markdown,
    render_briefing_text,
    render_digest_markdown,
    render_digest_text,
)
from bot.commands.facts import plan_file_import, summarise_plan
from bot.commands.layer import CommandLayer
from bot.render.facts import render_plan
from briefings.files import dump_catalogue, dump_facts
from briefings.compose import ALL_SECTIONS, Briefing, build_briefing, parse_section
from briefings.digest import Edition, compose_edition, what_changed
from briefings.models import CatalogueError
from briefings.store import ChangeInfo, StoreError, StoredFact
from config.settings import IDENTITY, Settings

__all__ = ["UserFacingError", "ask", "brief", "chat", "deliveries", "discord", "facts", "run"]




async def ask(settings: Settings, args: argparse.Namespace) -> int:
    if args.stdin == (args.question is not None):
        raise UserFacingError("give either a question or --stdin")
    core = await open_core(settings)
    try:
        layer = CommandLayer(core)
        questions = (line.rstrip("\n") for line in sys.stdin) if args.stdin else iter([args.question])
        for question in questions:
            answer = layer.answer(question)
            if args.json:
                print(answer.model_dump_json(), flush=args.stdin)
            else:
                print(render_answer(answer), flush=args.stdin)
    finally:
        await core.close()
    return 0


async def brief(settings: Settings, args: argparse.Namespace) -> int:
    """Print the digest for `args.date` (default: today in settings.timezone); with --full the whole
    briefing, with --section one part of it.

    "What changed" covers the 24 hours before now: the window a daily briefing would report.
    """
    try:
        sections = [parse_section(args.section)] if args.section else list(ALL_SECTIONS)
    except ValueError as exc:
        raise UserFacingError(str(exc)) from None
    now = datetime.now(ZoneInfo(settings.timezone))
    as_of = args.date or now.date()
    core = await open_core(settings)
    try:
        window = await what_changed(core.store, since=now - timedelta(days=1))
        if args.full or args.section:
            catalogue = await core.store.catalogue()
            briefing = build_briefing(catalogue, window.changes, as_of=as_of, since=window.since, sections=sections)
            text = _render_briefing(briefing, args.format)
        else:
            text = _render_edition(await compose_edition(core.store, as_of=as_of, window=window), args.format)
    finally:
        await core.close()
    print(text, end="")
    return 0


def _render_edition(edition: Edition, fmt: str) -> str:
    """The day's digest in one of the `brief --format` formats; for slack and discord, the channel
    post and then the replies in its thread, each marked `"thread": true`."""
    if fmt == "text":
        return render_digest_text(edition.digest)
    if fmt == "markdown":
        return render_digest_markdown(edition.digest)
    if fmt == "slack":
        from bot.adapters.slack_messages import edition_messages

        post, replies = edition_messages(edition)
        return _json_messages([post, *({**reply, "thread": True} for reply in replies)])
    if fmt == "discord":
        from bot.render.discord import message_payload, render_briefing_embeds, render_digest_embed

        replies = [{**message_payload(embeds), "thread": True} for embeds in render_briefing_embeds(edition.briefing)]
        return _json_messages([message_payload([render_digest_embed(edition.digest)]), *replies])
    return edition.digest.model_dump_json(indent=2) + "\n"


def _json_messages(payloads: list[dict[str, Any]]) -> str:
    return json.dumps(payloads, indent=2, ensure_ascii=False) + "\n"


def _render_briefing(briefing: Briefing, fmt: str) -> str:
    """The briefing in one of the `brief --format` formats (the platform libraries load on demand)."""
    if fmt == "text":
        return render_briefing_text(briefing)
    if fmt == "markdown":
        return render_briefing_markdown(briefing)
    if fmt == "slack":
        from bot.render.slack import render_briefing_blocks

        return _json_messages([{"blocks": blocks} for blocks in render_briefing_blocks(briefing)])
    if fmt == "discord":
        from bot.render.discord import message_payload, render_briefing_embeds

        return _json_messages([message_payload(embeds) for embeds in render_briefing_embeds(briefing)])
    return briefing.model_dump_json(indent=2) + "\n"


async def chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import run_chat
    from bot.runner import quiet_console_logs

    if not IDENTITY.match(f"console:{args.user}"):
        raise UserFacingError(f"--user {args.user!r}: use 1 to 64 letters, digits or . _ @ -")
    quiet_console_logs(settings)
    core = await open_core(settings)
    try:
        await run_chat(core, user=args.user, admin=args.admin)
    finally:
        await core.close()
    return 0


async def deliveries(settings: Settings, args: argparse.Namespace) -> int:
    """`briefbot deliveries [--channel ...]`: the ledger as a table, newest day first."""
    platform, _, channel = (args.channel or "").rpartition(":") if args.channel else (None, "", None)
    if args.limit < 0:
        raise UserFacingError("--limit: give a number of rows, or 0 for all")
    core = await open_core(settings)
    try:
        rows = await core.deliveries.list_deliveries(platform=platform or None, channel=channel,
                                                     limit=args.limit or None)
    finally:
        await core.close()
    if not rows:
        print("no deliveries yet" + (f" to {args.channel}" if args.channel else ""))
        return 0
    table = [("date", "channel", "status", "tries", "due (UTC)", "sent (UTC)", "message", "thread", "by", "note")]
    for d in rows:
        table.append((d.local_date.isoformat(), d.where, d.status, str(d.attempts),
                      f"{d.due_at:%Y-%m-%d %H:%M}", f"{d.sent_at:%H:%M:%S}" if d.sent_at else "-",
                      d.message_id or "-", str(len(d.thread_replies or [])),
                      d.claimed_by + (" (took over)" if d.claims > 1 else ""), d.error or ""))
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]) - 1)]
    for row in table:
        print(("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1]).rstrip())
    return 0


async def facts(settings: Settings, args: argparse.Namespace) -> int:
    core = await open_core(settings)
    try:
        return await _facts(core, args)
    finally:
        await core.close()


async def _facts(core: Core, args: argparse.Namespace) -> int:
    action = args.facts_command
    if action == "list":
        for stored in await core.store.list_facts():
            print(f"{stored.fact.id}\t{stored.fact.topic}\t{stored.fact.statement}")
    elif action == "show":
        stored = await core.store.get(args.id)
        if stored is None:
            raise UserFacingError(f"no fact with id {args.id!r}")
        print(dump_facts([stored.fact], retired=_retired([stored])), end="")
    elif action == "export":
        catalogue = await core.store.catalogue()
        stored_facts = await core.store.list_facts(include_retired=not args.current)
        catalogue = catalogue.model_copy(update={"facts": {s.fact.id: s.fact for s in stored_facts}})
        text = dump_catalogue(catalogue, retired=_retired(stored_facts))
        if args.file:
            try:
                Path(args.file).write_text(text, encoding="utf-8")
            except OSError as exc:
                raise UserFacingError(f"{args.file} cannot be written ({exc.strerror})") from None
        else:
            print(text, end="")
    elif action == "import":
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except OSError as exc:
            raise UserFacingError(f"{args.file} cannot be read ({exc.strerror})") from None
        identity = f"cli:{args.user}"
        try:
            plan = await plan_file_import(core, text, where=Path(args.file).name, identity=identity,
                                          now=datetime.now(timezone.utc))
            if not plan.empty:
                print(render_plan(plan))
                change = ChangeInfo(actor=identity, platform="cli", action="import")
                await core.facts.apply_import(plan, change=change)
        except (CatalogueError, StoreError) as exc:
            raise UserFacingError(str(exc)) from None
        print(f"imported {Path(args.file).name}: {summarise_plan(plan, done=True)}")
    return 0


def _retired(stored: list[StoredFact]) -> dict[str, str | None]:
    return {s.fact.id: s.retired_reason for s in stored if s.retired}


async def run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import run_bot

    await run_bot(settings)
    return 0


async def discord(settings: Settings, args: argparse.Namespace) -> int:
    """`briefbot discord sync`: log in, register the slash commands, print them, exit."""
    from bot.adapters.discord import sync_commands

    if not settings.discord_enabled:
        raise UserFacingError("DISCORD_TOKEN is not set: give the bot token of your Discord application")
    result = await sync_commands(settings)
    if result.guild_id is not None:
        where = f"to guild {result.guild_id} (they can be used there now)"
    else:
        where = "globally (Discord can take up to an hour to show them everywhere)"
    print(f"Synced {len(result.commands)} slash commands {where}:")
    for name in result.commands:
        print(f"  {name}")
    return 0
