"""The real bot (`briefbot run`'s Runner with its Discord surface, over a real SQLite store) talking to
the fake Discord, and what the tests read back: message payloads, embeds and their sizes."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from bot.adapters.discord import DiscordSurface
from bot.app import open_core, wire
from bot.runner import Runner
from config.settings import Settings, load_settings
from tests.fakes.discord import Call, FakeDiscord

ADMIN_ID = 1_100_000_000_000_000_050
"""Named in BRIEFBOT_ADMINS as discord:ADMIN_ID."""
USER_ID = 1_100_000_000_000_000_010
"""Nobody's admin."""

# Discord's limits, checked on what the bot actually sent
MAX_TITLE = 256
MAX_DESCRIPTION = 4096
MAX_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FOOTER = 2048
MAX_AUTHOR = 256
MAX_EMBED_TOTAL = 6000
"""Across all the embeds of one message, counted as discord.py's len(embed) counts."""
MAX_EMBEDS = 10
MAX_CONTENT = 2000
EPHEMERAL = 1 << 6


def discord_settings(fake: FakeDiscord, database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "admins": f"discord:{ADMIN_ID}",
        "discord_token": fake.token,
        "discord_api_url": fake.api_url,
        "discord_gateway_url": fake.gateway_url,
        "discord_guild_id": None,
        "slack_bot_token": None,
        "http_host": "127.0.0.1",
        "http_port": 0,
        "timezone": "UTC",
    }
    return load_settings(**{**values, **overrides})


@dataclass
class DiscordBot:
    runner: Runner
    surface: DiscordSurface
    fake: FakeDiscord


@asynccontextmanager
async def running_bot(fake: FakeDiscord, database_url: str, *, defer_after: float = 1.5,
                      **overrides: Any) -> AsyncIterator[DiscordBot]:
    """`briefbot run` in-process with only the Discord surface, connected to `fake`.

    discord.py waits `guild_ready_timeout` after the last GUILD_CREATE before READY; the surface is
    built with a short one here, the rest as `platform_surfaces` builds it."""
    core = await open_core(discord_settings(fake, database_url, **overrides))
    runner = wire(core, surfaces=lambda context: [
        DiscordSurface(context, defer_after=defer_after, guild_ready_timeout=0.01, ready_timeout=10)])
    surface = runner.surfaces[0]
    assert isinstance(surface, DiscordSurface)
    try:
        await runner.start()
        yield DiscordBot(runner=runner, surface=surface, fake=fake)
    finally:
        await runner.stop()


def embed_length(embed: dict[str, Any]) -> int:
    """An embed's size as Discord counts it for the 6,000 limit (discord.py's len(embed))."""
    total = len(embed.get("title", "")) + len(embed.get("description", ""))
    total += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    total += len((embed.get("footer") or {}).get("text", "")) + len((embed.get("author") or {}).get("name", ""))
    return total


def check_message_limits(payload: dict[str, Any]) -> None:
    """Every limit Discord puts on one message, on a message payload the bot sent."""
    assert len(payload.get("content") or "") <= MAX_CONTENT
    embeds = payload.get("embeds") or []
    assert len(embeds) <= MAX_EMBEDS
    assert sum(embed_length(e) for e in embeds) <= MAX_EMBED_TOTAL
    for embed in embeds:
        assert len(embed.get("title", "")) <= MAX_TITLE
        assert len(embed.get("description", "")) <= MAX_DESCRIPTION
        assert len(embed.get("fields", [])) <= MAX_FIELDS
        for f in embed.get("fields", []):
            assert 0 < len(f["name"]) <= MAX_FIELD_NAME and 0 < len(f["value"]) <= MAX_FIELD_VALUE
        assert len((embed.get("footer") or {}).get("text", "")) <= MAX_FOOTER
        assert len((embed.get("author") or {}).get("name", "")) <= MAX_AUTHOR


def message_data(call: Call) -> dict[str, Any]:
    """The message a call carries: a callback's `data`; a follow-up, edit or channel message itself."""
    return (call.payload.get("data") or {}) if call.kind == "callback" else call.payload


def assert_no_mentions_allowed(call: Call) -> None:
    assert message_data(call)["allowed_mentions"]["parse"] == [], call.payload


class LogWaiter(logging.Handler):
    """Waits, without polling, for a log record whose message matches a pattern."""

    def __init__(self, pattern: str) -> None:
        super().__init__(level=logging.DEBUG)
        self._pattern = re.compile(pattern)
        self._seen = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self._pattern.search(record.getMessage()):
            self._seen.set()

    async def wait(self, timeout: float = 5.0) -> None:
        await asyncio.wait_for(self._seen.wait(), timeout)
