"""What every chat surface (console, Slack, Discord) offers the rest of the bot, and what it is given.

A surface translates its platform's events into `CommandLayer.handle(text, caller)` calls and
renders the `Reply` it gets back; the runner starts and stops it; the scheduler publishes briefings
through it. The composition root (`bot.app`) gives each platform surface a `SurfaceContext`: the
command layer, the event ledger, the metrics, the settings, the shutdown deadline and a way to ask
for shutdown. Nothing more: a surface never sees the runner, the store or the services.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from bot.metrics import Metrics
from briefings.deliveries import Posted
from briefings.digest import Edition
from briefings.events import EventLedger
from config.settings import Settings

if TYPE_CHECKING:
    from aiohttp import web

    from bot.commands import CommandLayer

__all__ = ["ClaimLost", "PublishError", "Record", "Shutdown", "Surface", "SurfaceContext", "surface_lookup"]

Record = Callable[[Posted], Awaitable[None]]
"""Told what the platform has accepted after each message of a delivery (raises ClaimLost)."""


class PublishError(Exception):
    """A briefing could not be delivered; `retryable` says whether trying again may help."""

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


class ClaimLost(Exception):
    """Another replica took the delivery over while this one was sending it: stop sending."""


class Surface(Protocol):
    platform: str
    """"console", "slack" or "discord": the first half of every identity it reports."""
    routes: Sequence[web.RouteDef]
    """What it serves on the bot's HTTP server (Slack's POST /slack/events in HTTP mode); the
    runner adds them before the server starts."""

    async def start(self) -> None:
        """Connect and begin handling events; returns once the surface is up."""

    async def stop(self) -> None:
        """Stop taking events, finish what is in flight, disconnect."""

    async def publish(self, channel: str, edition: Edition, *, key: str, posted: Posted, record: Record) -> Posted:
        """Post `edition` to `channel`: its digest as one channel post, the full briefing as replies
        in that post's thread (where the platform has no threads, as it can). Returns what was posted.

        `posted` is what earlier attempts got accepted: only the rest is sent. After each message
        the platform accepts, `record` is awaited with the progress, so a retry (or another replica
        taking the delivery over) duplicates neither the post nor a reply. `key` identifies the
        delivery: surfaces that can make a repeated post idempotent with it (Discord's nonce) do.
        Raises PublishError; lets ClaimLost through."""

    async def notify(self, channel: str, text: str, *, thread: str | None, key: str) -> str:
        """Post one plain-text message in `channel`, in `thread` when given (Slack's thread ts, the
        Discord message to reply to); the platform's message id. Raises PublishError (not
        retryable when the platform refuses for good: the bot left the channel)."""


class Shutdown:
    """When the bot stops, and how long the stopping may still take: one deadline
    (BRIEFBOT_SHUTDOWN_TIMEOUT from `begin`) for every step of it (the drain, the deliveries, each
    surface), so the whole of it fits the setting."""

    def __init__(self, timeout: timedelta) -> None:
        self.timeout = timeout
        self.stopping = asyncio.Event()
        """Set once stopping is asked for (a signal, the console's end of input, a lost gateway)."""
        self._deadline: float | None = None

    def request_stop(self) -> None:
        self.stopping.set()

    def begin(self) -> None:
        """Stopping begins now: the deadline starts."""
        self.stopping.set()
        self._deadline = asyncio.get_running_loop().time() + self.timeout.total_seconds()

    def time_left(self) -> float:
        """Seconds left of the timeout once stopping began; the whole timeout before."""
        if self._deadline is None:
            return self.timeout.total_seconds()
        return max(0.0, self._deadline - asyncio.get_running_loop().time())


@dataclass(frozen=True, slots=True)
class SurfaceContext:
    """All a platform surface is given (by the composition root): nothing of the runner."""

    settings: Settings
    commands: CommandLayer
    """Every message, command, form and button goes here; the surface renders the `Reply`."""
    events: EventLedger
    """Claims each platform event id once, so an event delivered twice (a retry, several
    replicas on one gateway) is answered once."""
    metrics: Metrics
    time_left: Callable[[], float]
    """Seconds left of the shutdown deadline: how long `stop` may wait for replies in flight."""
    request_stop: Callable[[], None]
    """Ask the bot to stop (the platform's connection is lost for good)."""


def surface_lookup(surfaces: Sequence[Surface]) -> Callable[[str], Surface | None]:
    """`lookup(platform)`: the surface of `surfaces` for that platform, or None; it sees the
    surfaces added to the sequence after it was made (the scheduler and the follow-ups are built
    before the surfaces they publish through)."""

    def lookup(platform: str) -> Surface | None:
        return next((s for s in surfaces if s.platform == platform), None)

    return lookup
