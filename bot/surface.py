"""What every chat surface (console, Slack, Discord) offers the rest of the bot.

A surface translates its platform's events into `CommandLayer.handle(text, caller)` calls and the
replies back; the runner starts and stops it; the scheduler publishes briefings through it.
"""

from __future__ import annotations

from typing import Protocol

from briefings.briefing import Briefing

__all__ = ["PublishError", "Surface"]


class PublishError(Exception):
    """A briefing could not be delivered; `retryable` says whether trying again may help."""

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


class Surface(Protocol):
    platform: str
    """"console", "slack" or "discord": the first half of every identity it reports."""

    async def start(self) -> None:
        """Connect and begin handling events; returns once the surface is up."""

    async def stop(self) -> None:
        """Stop taking events, finish what is in flight, disconnect."""

    async def publish(self, channel: str, briefing: Briefing, *, key: str) -> str:
        """Post `briefing` to `channel`; return the platform's message id.

        `key` identifies the delivery (subscription and local date): surfaces that can make a
        repeated post idempotent with it (Discord's nonce) do. Raises PublishError."""
