"""What every chat surface (console, Slack, Discord) offers the rest of the bot.

A surface translates its platform's events into `CommandLayer.handle(text, caller)` calls and the
replies back; the runner starts and stops it; the scheduler publishes briefings through it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from briefings.deliveries import Posted
from briefings.digest import Edition

__all__ = ["ClaimLost", "PublishError", "Record", "Surface"]

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
