"""Platform events already handled, so that an event delivered twice is acted on once.

Slack re-sends an event it thinks was not acknowledged (up to three times, with the same
`event_id`), and a restart must not forget what was answered: the ids are kept in the
``processed_events`` table (migration 0003) on the fact store's engine. Claiming an id is one
INSERT; the primary key (platform, event_id) makes a second claim fail atomically, on SQLite and
PostgreSQL alike, however many processes race for it.

The ledger is at-most-once: an event whose handler crashes after the claim is not retried.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from briefings.schema import processed_events as _events
from briefings.store import _now, _transaction

log = logging.getLogger("briefings.events")

__all__ = ["EventLedger", "KEEP_EVENTS"]

KEEP_EVENTS = timedelta(days=1)
"""How long a handled event id is remembered; Slack's last retry comes within about an hour."""



class EventLedger:
    """The `processed_events` table, on the fact store's engine (built in the composition root)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def first_time(self, platform: str, event_id: str, *, at: datetime | None = None) -> bool:
        """Claim `event_id`: True the first time it is seen, False for every later delivery."""
        row = {"platform": platform, "event_id": event_id, "received_at": at or _now()}
        try:
            async with _transaction(self._engine, write=True) as conn:
                await conn.execute(sa.insert(_events).values(row))
        except IntegrityError:
            return False
        return True

    async def prune(self, *, older_than: timedelta = KEEP_EVENTS, now: datetime | None = None) -> int:
        """Forget events received more than `older_than` ago; returns how many were forgotten."""
        cutoff = (now or _now()) - older_than
        async with _transaction(self._engine, write=True) as conn:
            result = await conn.execute(sa.delete(_events).where(_events.c.received_at < cutoff))
        return result.rowcount

    async def prune_regularly(self, *, every: float) -> None:
        """Prune every `every` seconds until cancelled; a failed prune is logged and tried next time."""
        while True:
            await asyncio.sleep(every)
            try:
                await self.prune()
            except Exception:  # keep pruning later; the ledger works regardless
                log.exception("pruning old event ids failed")
