"""The delivery ledger: one row per subscription and local date, claimed before the briefing is sent.

The row's key is ``UNIQUE(subscription_id, local_date)`` (migration 0003). A replica claims it with
one ``INSERT ... ON CONFLICT DO NOTHING``: of any number of replicas racing for the same briefing,
on SQLite or PostgreSQL, exactly one gets the row and only that one sends. The row then records
what happened: ``claimed`` (being sent), ``sent`` (with the platform's message id), ``failed``
(every attempt failed, or the surface refused it) or ``skipped`` (missed by more than the catch-up
grace while the bot was down). `attempts` counts sends tried.

A claim whose replica died before recording the result (``claimed`` for longer than the claim
timeout) may be taken over once (`claims` goes from 1 to 2, migration 0004) and sent again; a
second abandonment is left as it is. Which of those the scheduler does is its decision; the ledger
only makes each step atomic.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from briefings.schema import deliveries as _deliveries
from briefings.schema import subscriptions as _subscriptions
from briefings.store import _now, _transaction

__all__ = ["MAX_CLAIMS", "Delivery", "DeliveryLedger", "Posted", "Status"]

Status = Literal["claimed", "sent", "failed", "skipped"]

MAX_CLAIMS = 2
"""A delivery is claimed once, and taken over at most once after its claimant died."""


class Posted(BaseModel):
    """What of one delivery the platform has accepted so far: the channel post, then the replies
    in its thread, in order. A retry sends only what is not here."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    post: str | None = None
    replies: list[str] = Field(default_factory=list)

    def with_reply(self, reply_id: str) -> Posted:
        return self.model_copy(update={"replies": [*self.replies, reply_id]})


class Delivery(BaseModel):
    """One ledger row, with the channel it is for."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int
    subscription_id: int
    platform: str
    channel: str
    local_date: date
    due_at: datetime
    status: Status
    attempts: int
    claims: int
    claimed_by: str
    claimed_at: datetime
    sent_at: datetime | None = None
    message_id: str | None = None
    """The channel post's id (Slack's ts, Discord's message id)."""
    error: str | None = None
    thread_replies: list[str] | None = None
    """The ids of the replies posted in the channel post's thread, in order."""
    revision: int | None = None
    """The store's revision the briefing was composed at: the next briefing's "what changed" is
    every version committed after it (None: not composed yet, or before revisions were counted)."""

    @property
    def posted(self) -> Posted:
        return Posted(post=self.message_id, replies=self.thread_replies or [])

    @property
    def where(self) -> str:
        """``slack:C0123`` — the channel, qualified by its platform."""
        return f"{self.platform}:{self.channel}"

    @property
    def key(self) -> str:
        """What identifies this delivery to a platform (Discord's nonce: at most 25 characters)."""
        return f"brief-{self.subscription_id}-{self.local_date:%Y%m%d}"


_COLUMNS = (*_deliveries.c, _subscriptions.c.platform, _subscriptions.c.channel)
_JOINED = _deliveries.join(_subscriptions, _deliveries.c.subscription_id == _subscriptions.c.id)


def _delivery(row: sa.Row[Any]) -> Delivery:
    return Delivery.model_validate(dict(row._mapping))


class DeliveryLedger:
    """The `deliveries` table, on the fact store's engine (built in the composition root)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    # claiming

    async def claim(
        self, subscription_id: int, local_date: date, *, due_at: datetime, by: str, now: datetime | None = None
    ) -> Delivery | None:
        """Claim the briefing of `local_date` for sending: the new row, or None if it has a row already
        (claimed, sent, failed or skipped by anyone, this replica included)."""
        return await self._insert(subscription_id, local_date, due_at=due_at, by=by, now=now, status="claimed")

    async def skip(
        self, subscription_id: int, local_date: date, *, due_at: datetime, by: str, reason: str,
        now: datetime | None = None,
    ) -> Delivery | None:
        """Record the briefing of `local_date` as skipped (None if it has a row already)."""
        return await self._insert(subscription_id, local_date, due_at=due_at, by=by, now=now, status="skipped",
                                  error=reason)

    async def take_over(self, delivery: Delivery, *, by: str, now: datetime | None = None) -> Delivery | None:
        """Claim a delivery another replica claimed and never finished; None if someone else took it
        over first, it was finished meanwhile, or it was taken over once already."""
        now = now or _now()
        d = _deliveries
        stmt = (
            sa.update(d)
            .where(d.c.id == delivery.id, d.c.status == "claimed", d.c.claimed_by == delivery.claimed_by,
                   d.c.claims == delivery.claims, d.c.claims < MAX_CLAIMS)
            .values(claimed_by=by, claimed_at=now, claims=d.c.claims + 1)
        )
        async with _transaction(self._engine, write=True) as conn:
            if (await conn.execute(stmt)).rowcount != 1:
                return None
        return delivery.model_copy(update={"claimed_by": by, "claimed_at": now, "claims": delivery.claims + 1})

    # recording what happened

    async def record_attempt(self, delivery: Delivery, *, attempts: int, error: str) -> None:
        """Note a failed attempt while the delivery is still being retried."""
        await self._update(delivery, attempts=attempts, error=error)

    async def record_posted(self, delivery: Delivery, posted: Posted) -> Delivery | None:
        """Record what the platform has accepted so far (the post, the thread replies), while the
        delivery is still being sent; None if the claim is no longer this claimant's."""
        return await self._update(delivery, message_id=posted.post, thread_replies=list(posted.replies))

    async def finish(
        self, delivery: Delivery, *, status: Literal["sent", "failed", "skipped"], attempts: int,
        sent_at: datetime | None = None, posted: Posted | None = None, error: str | None = None,
        revision: int | None = None,
    ) -> Delivery | None:
        """Record the outcome of a claim (with what was posted, if anything, and the store's
        revision its briefing was composed at); None if the claim is no longer this claimant's (it
        was taken over meanwhile, so the row tells the other claimant's story)."""
        posted = posted or delivery.posted
        return await self._update(delivery, status=status, attempts=attempts, sent_at=sent_at,
                                  message_id=posted.post, thread_replies=list(posted.replies) or None, error=error,
                                  revision=revision)

    # reading

    async def last_sent(self, platform: str, channel: str) -> Delivery | None:
        """The latest briefing delivered to the channel (by the day it was for), if any."""
        query = (
            sa.select(*_COLUMNS).select_from(_JOINED)
            .where(_subscriptions.c.platform == platform, _subscriptions.c.channel == channel,
                   _deliveries.c.status == "sent")
            .order_by(_deliveries.c.local_date.desc(), _deliveries.c.id.desc())
            .limit(1)
        )
        async with _transaction(self._engine) as conn:
            row = (await conn.execute(query)).one_or_none()
        return None if row is None else _delivery(row)

    async def recorded_since(self, local_date: date) -> set[tuple[int, date]]:
        """(subscription id, local date) of every row for `local_date` or later: what catch-up must not redo."""
        query = sa.select(_deliveries.c.subscription_id, _deliveries.c.local_date).where(
            _deliveries.c.local_date >= local_date
        )
        async with _transaction(self._engine) as conn:
            return {(row.subscription_id, row.local_date) for row in await conn.execute(query)}

    async def abandoned(self, *, claimed_before: datetime, due_after: datetime) -> list[Delivery]:
        """Claims still open since before `claimed_before`, due after `due_after`, not yet taken over."""
        d = _deliveries
        query = (
            sa.select(*_COLUMNS).select_from(_JOINED)
            .where(d.c.status == "claimed", d.c.claimed_at < claimed_before, d.c.due_at > due_after,
                   d.c.claims < MAX_CLAIMS)
            .order_by(d.c.due_at, d.c.id)
        )
        async with _transaction(self._engine) as conn:
            return [_delivery(row) for row in await conn.execute(query)]

    async def list_deliveries(
        self, *, platform: str | None = None, channel: str | None = None, limit: int | None = 50
    ) -> list[Delivery]:
        """The ledger, newest day first (optionally one platform's, or one channel's)."""
        query = sa.select(*_COLUMNS).select_from(_JOINED).order_by(
            _deliveries.c.local_date.desc(), _deliveries.c.due_at.desc(), _deliveries.c.id.desc()
        )
        if platform is not None:
            query = query.where(_subscriptions.c.platform == platform)
        if channel is not None:
            query = query.where(_subscriptions.c.channel == channel)
        if limit is not None:
            query = query.limit(limit)
        async with _transaction(self._engine) as conn:
            return [_delivery(row) for row in await conn.execute(query)]

    # within a transaction

    async def _insert(
        self, subscription_id: int, local_date: date, *, due_at: datetime, by: str, now: datetime | None,
        status: Status, error: str | None = None,
    ) -> Delivery | None:
        row = {"subscription_id": subscription_id, "local_date": local_date, "due_at": due_at, "status": status,
               "attempts": 0, "claims": 1, "claimed_by": by, "claimed_at": now or _now(), "error": error}
        async with _transaction(self._engine, write=True) as conn:
            insert = pg_insert(_deliveries) if conn.dialect.name == "postgresql" else sqlite_insert(_deliveries)
            stmt = insert.values(row).on_conflict_do_nothing(
                index_elements=[_deliveries.c.subscription_id, _deliveries.c.local_date]
            ).returning(_deliveries.c.id)
            new_id = (await conn.execute(stmt)).scalar_one_or_none()
            return None if new_id is None else await self._get(conn, new_id)

    async def _update(self, delivery: Delivery, **values: Any) -> Delivery | None:
        d = _deliveries
        stmt = sa.update(d).where(
            d.c.id == delivery.id, d.c.status == "claimed", d.c.claimed_by == delivery.claimed_by,
            d.c.claims == delivery.claims,
        ).values(**values)
        async with _transaction(self._engine, write=True) as conn:
            if (await conn.execute(stmt)).rowcount != 1:
                return None
        return delivery.model_copy(update=values)  # the guard above means nothing else changed

    @staticmethod
    async def _get(conn: AsyncConnection, delivery_id: int) -> Delivery:
        query = sa.select(*_COLUMNS).select_from(_JOINED).where(_deliveries.c.id == delivery_id)
        return _delivery((await conn.execute(query)).one())
