"""`brief [SECTION]`: the structured briefing on demand, in the channel that asks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.app import Core
from bot.commands.base import Command, CommandError, Invocation, Reply
from bot.render.text import render_briefing_text
from briefings.compose import ALL_SECTIONS, Section, compose_briefing, parse_section

__all__ = ["BriefCommands", "CHANGES_WINDOW"]

CHANGES_WINDOW = timedelta(hours=24)
"""On demand, "what changed" covers this long; scheduled briefings cover the time since the last one."""


class BriefCommands:
    def __init__(self, core: Core, *, clock: Callable[[], datetime]) -> None:
        self._core = core
        self._clock = clock

    def commands(self) -> list[Command]:
        names = ", ".join(s.value for s in Section)
        return [
            Command("brief", "brief [SECTION] [date=YYYY-MM-DD]", "the briefing, or one section of it",
                    "brief delegations", self.brief, extra_words=True, optional=("date",),
                    details=[f"SECTION is one of: {names} (or `today` for the whole briefing).",
                             "date= composes it as of that day (default: today in BRIEFBOT_TIMEZONE)."]),
        ]

    async def brief(self, call: Invocation) -> Reply:
        name = " ".join(call.words).strip()
        try:
            sections = ALL_SECTIONS if name.lower() in {"", "today", "all"} else (parse_section(name),)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        now = self._clock()
        as_of = now.astimezone(ZoneInfo(self._core.settings.timezone)).date()
        if "date" in call.options:
            try:
                as_of = date.fromisoformat(call.options["date"])
            except ValueError:
                raise CommandError(f"{call.options['date']!r} is not a date: write it as YYYY-MM-DD") from None
        briefing = await compose_briefing(self._core.store, as_of=as_of, since=now - CHANGES_WINDOW, sections=sections)
        return Reply(text=render_briefing_text(briefing), briefing=briefing)
