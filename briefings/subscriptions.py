"""Channel subscriptions to the daily briefing, and when each one is due.

A subscription is a channel's standing order: the briefing at a wall-clock time (HH:MM) in an IANA
timezone, every day or on weekdays. Times stay wall-clock across DST changes: 08:00 in
Europe/London is 08:00 UTC in winter and 07:00 UTC in summer. A local time that does not exist on
the day the clocks go forward (02:30 in New York on 2026-03-08) is taken with the offset from
before the change, and a time that happens twice (the day they go back) is due the first time:
both as APScheduler's CronTrigger computes them, so the alarm and the ledger agree.

The ``subscriptions`` table (migrations 0003 and 0004) holds one row a channel. Unsubscribing
keeps the row, inactive, so the channel's delivery ledger survives; subscribing again revives it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import cache
from typing import Literal, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, field_validator
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncEngine

from briefings.schema import subscriptions as _subscriptions
from briefings.store import _now, _transaction, advance_revision
from briefings.timezones import known_timezone

__all__ = ["DAYS", "Days", "Due", "Schedule", "Subscription", "SubscriptionStore", "known_timezone"]

Days = Literal["daily", "weekdays"]
DAYS: tuple[Days, ...] = ("daily", "weekdays")


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


class Due(NamedTuple):
    """One due briefing: the local date it is for and the instant it is due (UTC)."""

    local_date: date
    at: datetime


class Schedule(BaseModel):
    """When a channel gets its briefing: `at_time` wall-clock in `timezone`, daily or on weekdays,
    and, if `quiet`, not on quiet days (nothing changed since the last one, nothing coming up)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    at_time: time
    timezone: str
    days: Days = "daily"
    quiet: bool = False

    @field_validator("at_time")
    @classmethod
    def _minutes_only(cls, value: time) -> time:
        if value.second or value.microsecond or value.tzinfo is not None:
            raise ValueError("a briefing time is a wall-clock HH:MM, without seconds or a zone")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            _zone(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA timezone such as Asia/Seoul or Europe/London") from None
        return value

    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.timezone)

    @property
    def hhmm(self) -> str:
        return f"{self.at_time:%H:%M}"

    def describe(self) -> str:
        """``08:00 Asia/Seoul every day`` or ``07:30 Europe/London on weekdays, except quiet days``."""
        days = "every day" if self.days == "daily" else "on weekdays"
        return f"{self.hhmm} {self.timezone} {days}" + (", except quiet days" if self.quiet else "")

    def runs_on(self, local_date: date) -> bool:
        return self.days == "daily" or local_date.weekday() < 5

    def due_at(self, local_date: date) -> datetime:
        """The UTC instant of `at_time` on `local_date` in the zone (the first, when it happens twice)."""
        return datetime.combine(local_date, self.at_time, tzinfo=self.zone).astimezone(timezone.utc)

    def next_due(self, after: datetime) -> Due:
        """The first due instant strictly after `after`."""
        start = after.astimezone(self.zone).date()
        for ahead in range(9):
            local_date = start + timedelta(days=ahead)
            if self.runs_on(local_date) and (at := self.due_at(local_date)) > after:
                return Due(local_date, at)
        raise AssertionError("every schedule is due within a week")  # pragma: no cover

    def latest_due(self, now: datetime, *, since: datetime | None = None) -> Due | None:
        """The most recent due instant at or before `now`, if it is after `since` (None: any)."""
        today = now.astimezone(self.zone).date()
        for back in range(9):
            local_date = today - timedelta(days=back)
            if self.runs_on(local_date) and (at := self.due_at(local_date)) <= now:
                return Due(local_date, at) if since is None or at > since else None
        return None  # pragma: no cover - every schedule is due within a week


class Subscription(BaseModel):
    """A channel's subscription as stored; `updated_at` is when its schedule last changed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int
    platform: str
    channel: str
    schedule: Schedule
    active: bool
    created_by: str
    created_at: datetime
    updated_at: datetime
    revision: int = 0
    """The store's revision its last change was committed at."""

    @property
    def where(self) -> str:
        """``slack:C0123`` — the channel, qualified by its platform."""
        return f"{self.platform}:{self.channel}"

    def latest_due(self, now: datetime) -> Due | None:
        """The briefing this subscription owes at `now`: its most recent due instant, unless that came
        before the schedule was set (a channel subscribed at 09:00 for 08:00 starts tomorrow)."""
        return self.schedule.latest_due(now, since=self.updated_at)

    def next_due(self, after: datetime) -> Due:
        return self.schedule.next_due(after)


def _subscription(row: sa.Row) -> Subscription:  # type: ignore[type-arg]
    return Subscription(
        id=row.id,
        platform=row.platform,
        channel=row.channel,
        schedule=Schedule(at_time=time.fromisoformat(row.at_time), timezone=row.timezone, days=row.days,
                          quiet=row.quiet),
        active=row.active,
        created_by=row.created_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
        revision=row.revision,
    )


class SubscriptionStore:
    """The `subscriptions` table, on the fact store's engine (built in the composition root)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def subscribe(
        self, platform: str, channel: str, schedule: Schedule, *, by: str, now: datetime | None = None
    ) -> tuple[Subscription, Subscription | None]:
        """Set the channel's schedule, creating or reviving its subscription; returns it and the
        active subscription it replaced (None if the channel had none)."""
        now = now or _now()
        t = _subscriptions
        values = {"platform": platform, "channel": channel, "at_time": schedule.hhmm, "timezone": schedule.timezone,
                  "days": schedule.days, "quiet": schedule.quiet, "active": True, "created_by": by, "created_at": now, "updated_at": now}
        async with _transaction(self._engine, write=True) as conn:
            before = (await conn.execute(sa.select(t).where(t.c.platform == platform, t.c.channel == channel))).one_or_none()
            values["revision"] = await advance_revision(conn)
            insert = pg_insert(t) if conn.dialect.name == "postgresql" else sqlite_insert(t)
            revived = sa.not_(t.c.active)  # a revived subscription is a new one: its author and start are new
            stmt = insert.values(values).on_conflict_do_update(
                index_elements=[t.c.platform, t.c.channel],
                set_={
                    "at_time": insert.excluded.at_time,
                    "timezone": insert.excluded.timezone,
                    "days": insert.excluded.days,
                    "quiet": insert.excluded.quiet,
                    "active": True,
                    "created_by": sa.case((revived, insert.excluded.created_by), else_=t.c.created_by),
                    "created_at": sa.case((revived, insert.excluded.created_at), else_=t.c.created_at),
                    "updated_at": insert.excluded.updated_at,
                    "revision": insert.excluded.revision,
                },
            ).returning(*t.c)
            row = (await conn.execute(stmt)).one()
        previous = _subscription(before) if before is not None and before.active else None
        return _subscription(row), previous

    async def unsubscribe(self, platform: str, channel: str, *, now: datetime | None = None) -> Subscription | None:
        """Stop the channel's briefings; returns the subscription as it now is (None if there was none)."""
        t = _subscriptions
        active = sa.select(t.c.id).where(t.c.platform == platform, t.c.channel == channel, t.c.active)
        async with _transaction(self._engine, write=True) as conn:
            subscription_id = await conn.scalar(active)
            if subscription_id is None:
                return None
            stmt = (
                sa.update(t)
                .where(t.c.id == subscription_id, t.c.active)
                .values(active=False, updated_at=now or _now(), revision=await advance_revision(conn))
                .returning(*t.c)
            )
            row = (await conn.execute(stmt)).one_or_none()
        return None if row is None else _subscription(row)

    async def get(self, subscription_id: int) -> Subscription | None:
        async with _transaction(self._engine) as conn:
            row = (await conn.execute(sa.select(_subscriptions).where(_subscriptions.c.id == subscription_id))).one_or_none()
        return None if row is None else _subscription(row)

    async def for_channel(self, platform: str, channel: str) -> Subscription | None:
        """The channel's active subscription, if any."""
        t = _subscriptions
        query = sa.select(t).where(t.c.platform == platform, t.c.channel == channel, t.c.active)
        async with _transaction(self._engine) as conn:
            row = (await conn.execute(query)).one_or_none()
        return None if row is None else _subscription(row)

    async def list_subscriptions(self, *, platform: str | None = None, active: bool = True) -> list[Subscription]:
        """The active subscriptions (all of them with `active=False`), by platform and channel."""
        t = _subscriptions
        query = sa.select(t).order_by(t.c.platform, t.c.channel)
        if platform is not None:
            query = query.where(t.c.platform == platform)
        if active:
            query = query.where(t.c.active)
        async with _transaction(self._engine) as conn:
            return [_subscription(row) for row in await conn.execute(query)]
