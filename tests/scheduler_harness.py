"""What the scheduler tests share: a clock the test moves, a surface that records what it publishes
(and fails on demand), and a core with a scheduler over the test's database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from typing import Any

from bot.app import Core, build_core
from bot.scheduler import BriefingScheduler
from bot.surface import PublishError, Record
from briefings.briefing import Briefing
from briefings.deliveries import Posted
from briefings.digest import Edition
from briefings.store import FactStore
from briefings.subscriptions import Days, Schedule, Subscription
from config.settings import load_settings

UTC = timezone.utc


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class FakeClock:
    """`now()` is whatever the test says; `sleep` advances it instead of waiting."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.slept: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def set(self, now: datetime | str) -> None:
        self.now = utc(now) if isinstance(now, str) else now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += timedelta(seconds=seconds)


@dataclass(frozen=True)
class Published:
    channel: str
    key: str
    edition: Edition
    at: datetime
    resumed_from: Posted = Posted()
    """What the scheduler said was already posted (an earlier attempt's, or a crashed claimant's)."""

    @property
    def briefing(self) -> Briefing:
        return self.edition.briefing


@dataclass
class RecordingSurface:
    """A surface that records each briefing it is given; `fail_next` makes the next publishes raise.
    Each briefing is a post and `replies` replies in its thread, each told to `record` as it goes."""

    clock: Any
    platform: str = "slack"
    published: list[Published] = field(default_factory=list)
    failures: list[PublishError] = field(default_factory=list)
    attempts: int = 0
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    replies: int = 2

    def fail_next(self, times: int, *, retryable: bool = True, message: str = "ratelimited") -> None:
        self.failures += [PublishError(message, retryable=retryable) for _ in range(times)]

    async def start(self) -> None:
        pass

    async def stop(self) -> None:
        pass

    async def publish(self, channel: str, edition: Edition, *, key: str, posted: Posted, record: Record) -> Posted:
        self.attempts += 1
        if self.failures:
            raise self.failures.pop(0)
        self.published.append(Published(channel, key, edition, self.clock(), posted))
        n = len(self.published)
        if posted.post is None:
            posted = Posted(post=f"msg-{n}")
            await record(posted)
        while len(posted.replies) < self.replies:
            posted = posted.with_reply(f"msg-{n}.{len(posted.replies) + 1}")
            await record(posted)
        self.arrived.set()
        return posted

    def to(self, channel: str) -> list[Published]:
        return [p for p in self.published if p.channel == channel]


def schedule(hhmm: str, zone: str, days: Days = "daily", *, quiet: bool = False) -> Schedule:
    return Schedule(at_time=time.fromisoformat(hhmm), timezone=zone, days=days, quiet=quiet)


@dataclass
class Harness:
    core: Core
    clock: FakeClock
    surface: RecordingSurface
    scheduler: BriefingScheduler

    async def subscribe(self, channel: str, hhmm: str, zone: str, days: Days = "daily") -> Subscription:
        sub, _ = await self.core.subscriptions.subscribe("slack", channel, schedule(hhmm, zone, days),
                                                         by="slack:UADMIN", now=self.clock())
        return sub

    def another_replica(self, name: str) -> BriefingScheduler:
        """A scheduler as a restarted (or second) process would build it, on the same database."""
        settings = self.core.settings.model_copy(update={"replica": name})
        core = Core(settings=settings, store=self.core.store, index=self.core.index, facts=self.core.facts,
                    records=self.core.records, admins=self.core.admins, subscriptions=self.core.subscriptions,
                    deliveries=self.core.deliveries, conversations=self.core.conversations,
                    unanswered=self.core.unanswered)
        return BriefingScheduler(core, surfaces={"slack": self.surface}.get, clock=self.clock, sleep=self.clock.sleep)


@asynccontextmanager
async def harness(store: FactStore, now: datetime, **settings: Any) -> AsyncIterator[Harness]:
    core = await build_core(load_settings(replica="replica-a", **settings), store)
    clock = FakeClock(now)
    surface = RecordingSurface(clock)
    scheduler = BriefingScheduler(core, surfaces={"slack": surface}.get, clock=clock, sleep=clock.sleep)
    try:
        yield Harness(core, clock, surface, scheduler)
    finally:
        await scheduler.stop()
