"""`brief [full|SECTION]`: the day's digest on demand, or the full briefing, or one part of it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core import Core
from bot.commands.base import Command, CommandError, Invocation, Reply
from bot.render.text import render_briefing_text, render_digest_text
from briefings.compose import ALL_SECTIONS, Section, compose_briefing, parse_section
from briefings.digest import compose_digest

__all__ = ["BriefCommands", "CHANGES_WINDOW", "DIGEST_WORDS", "FULL_WORDS"]

CHANGES_WINDOW = timedelta(hours=24)
"""On demand, "what changed" covers this long; scheduled briefings cover the time since the last one."""
DIGEST_WORDS = frozenset({"", "today", "digest"})
FULL_WORDS = frozenset({"full", "all"})


class BriefCommands:
    def __init__(self, core: Core, *, clock: Callable[[], datetime]) -> None:
        self._core = core
        self._clock = clock

    def commands(self) -> list[Command]:
        names = ", ".join(s.value for s in Section)
        return [
            Command("brief", "brief [full|SECTION] [date=YYYY-MM-DD]",
                    "the day's digest; the full briefing, or one section of it",
                    "brief full", self.brief, extra_words=True, optional=("date",),
                    details=["Without a word: the digest (the status, what changed in the last 24 hours, what is "
                             "coming up, the top developments), in one screen.",
                             f"`full` gives the whole briefing; SECTION only one part: {names}.",
                             "date= composes it as of that day (default: today in BRIEFBOT_TIMEZONE)."]),
        ]

    async def brief(self, call: Invocation) -> Reply:
        name = " ".join(call.words).strip()
        word = name.lower()
        try:
            sections = ALL_SECTIONS if word in FULL_WORDS | DIGEST_WORDS else (parse_section(name),)
        except ValueError as exc:
            raise CommandError(f"{exc} Or `full` for the whole briefing.") from None
        now = self._clock()
        as_of = now.astimezone(ZoneInfo(self._core.settings.timezone)).date()
        if "date" in call.options:
            try:
                as_of = date.fromisoformat(call.options["date"])
            except ValueError:
                raise CommandError(f"{call.options['date']!r} is not a date: write it as YYYY-MM-DD") from None
        since = now - CHANGES_WINDOW
        if word in DIGEST_WORDS:
            digest = await compose_digest(self._core.store, as_of=as_of, since=since)
            return Reply(text=render_digest_text(digest), digest=digest)
        briefing = await compose_briefing(self._core.store, as_of=as_of, since=since, sections=sections)
        return Reply(text=render_briefing_text(briefing), briefing=briefing)
