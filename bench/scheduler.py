"""The scheduler's part of `make bench`: 1,000 briefings due at the same instant.

Two runs on a fresh SQLite file with the curated facts, each with 1,000 subscriptions due at once
(the scheduler's clock set to their time, every briefing claimed, composed, published, recorded):

- against a publisher that costs nothing, which leaves the scheduler's own work per delivery
  (the claim, composing the briefing with what changed, recording the outcome);
- against the fake Slack of the tests in its rate-limit mode (about one message a second per
  channel, 429 with Retry-After over it) through the real Slack surface, whose client waits out
  each 429: the time until every channel has its briefing. Without the fake (an installed package
  has no tests/), an in-process publisher keeps the same rule.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, time as time_of_day, timedelta, timezone
from pathlib import Path
from typing import Any

from bot.app import Core, open_core, wire
from bot.render.slack import render_briefing_blocks
from bot.runner import Runner
from bot.surface import Record, Surface, SurfaceContext
from briefings.deliveries import Posted
from briefings.digest import Edition
from briefings.subscriptions import Schedule
from config.settings import load_settings

__all__ = ["bench_scheduler"]

CHANNELS = 1_000
_DUE = datetime(2026, 3, 10, 23, 0, tzinfo=timezone.utc)  # 08:00 in Seoul
_LABEL = f"scheduler, {CHANNELS:,} due at once"


class _FreePublisher:
    """Publishes instantly: what is left is the scheduler's own work."""

    platform = "slack"

    def __init__(self) -> None:
        self.published = 0

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def publish(self, channel: str, edition: Edition, *, key: str, posted: Posted, record: Record) -> Posted:
        self.published += 1
        return Posted(post=key)


class _PacedPublisher(_FreePublisher):
    """Slack's rule without Slack: each message of a briefing (the digest post, then each reply in
    its thread) at least 1 s after the previous one in the same channel (the wait a client makes
    after a 429 with Retry-After: 1)."""

    def __init__(self) -> None:
        super().__init__()
        self.messages = 0
        self.waits = 0

    async def publish(self, channel: str, edition: Edition, *, key: str, posted: Posted, record: Record) -> Posted:
        for i in range(1 + len(render_briefing_blocks(edition.briefing))):
            if i:
                self.waits += 1
                await asyncio.sleep(1.0)
            self.messages += 1
        return await super().publish(channel, edition, key=key, posted=posted, record=record)


@asynccontextmanager
async def _core(directory: Path, name: str, **settings: Any) -> AsyncIterator[Core]:
    core = await open_core(load_settings(database_url=f"sqlite+aiosqlite:///{directory}/{name}.db",
                                         replica=f"bench-{name}", **settings))
    try:
        schedule = Schedule(at_time=time_of_day(8), timezone="Asia/Seoul")
        for n in range(CHANNELS):
            await core.subscriptions.subscribe("slack", f"C{n:05d}", schedule, by="slack:UBENCH",
                                               now=_DUE - timedelta(hours=1))
        yield core
    finally:
        await core.close()


async def _deliver_all(runner: Runner) -> float:
    """Seconds until every due briefing is delivered, and checks that each was, once."""
    started = time.perf_counter()
    delivered = await runner.scheduler.catch_up()
    elapsed = time.perf_counter() - started
    sent = [d for d in delivered if d.status == "sent"]
    if len(sent) != CHANNELS or len({d.channel for d in sent}) != CHANNELS:
        raise RuntimeError(f"{len(sent)} of {CHANNELS} briefings were sent")
    return elapsed


def _runner(core: Core, surface: Callable[[SurfaceContext], Surface]) -> Runner:
    return wire(core, clock=lambda: _DUE, surfaces=lambda context: [surface(context)])


async def _free(directory: Path) -> float:
    async with _core(directory, "free") as core:
        return await _deliver_all(_runner(core, lambda _: _FreePublisher()))


async def _fake_slack(directory: Path) -> tuple[float, str]:
    try:
        from tests.fakes.slack import SIGNING_SECRET, FakeSlack
    except ImportError:
        return await _paced(directory)
    from bot.adapters.slack import SlackSurface

    async with FakeSlack() as slack:
        slack.limit_per_channel(1.0, retry_after=1)
        async with _core(directory, "slack", slack_bot_token=slack.bot_token, slack_signing_secret=SIGNING_SECRET,
                         slack_api_url=slack.api_url) as core:
            runner = _runner(core, SlackSurface)
            surface = runner.surfaces[0]
            await surface.start()
            try:
                elapsed = await _deliver_all(runner)
            finally:
                await surface.stop()
        posted, limited = len(slack.calls("chat.postMessage")), len(slack.rejected("chat.postMessage"))
        return elapsed, f"fake Slack: {posted:,} messages, {limited:,} answered 429 and retried"


async def _paced(directory: Path) -> tuple[float, str]:
    async with _core(directory, "paced") as core:
        publisher = _PacedPublisher()
        elapsed = await _deliver_all(_runner(core, lambda _: publisher))
        return elapsed, f"in-process pacing: {publisher.messages:,} messages, {publisher.waits:,} waited 1 s"


async def bench_scheduler() -> list[tuple[str, str, str]]:
    logging.getLogger("briefbot.scheduler").setLevel(logging.WARNING)  # a line per delivery otherwise
    logging.getLogger("briefbot.slack").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        free = await _free(directory)
        limited, how = await _fake_slack(directory)
    return [
        (_LABEL, "time to deliver all, 1 msg/s/channel", f"{limited:.1f} s  ({how})"),
        (_LABEL, "scheduler overhead per delivery", f"{free / CHANNELS * 1000:.1f} ms  (claim, compose, record; "
                                                    f"{CHANNELS / free:,.0f} deliveries/s)"),
    ]


if __name__ == "__main__":
    for row in asyncio.run(bench_scheduler()):
        print(" | ".join(row))
