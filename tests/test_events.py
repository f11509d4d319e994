"""The event ledger on SQLite and PostgreSQL: an event id is claimed once, across racing claimants
and reopened stores, and old ids are pruned."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

from briefings.events import KEEP_EVENTS, EventLedger
from briefings.store import FactStore
from tests.conftest import Database


async def test_an_event_is_first_once_per_platform(store: FactStore) -> None:
    ledger = EventLedger(store.engine)
    assert await ledger.first_time("slack", "Ev1")
    assert not await ledger.first_time("slack", "Ev1")
    assert await ledger.first_time("discord", "Ev1")
    assert await ledger.first_time("slack", "Ev2")


async def test_concurrent_claims_have_one_winner(database: Database) -> None:
    stores = [await database.open() for _ in range(2)]
    try:
        ledgers = [EventLedger(s.engine) for s in stores]
        results = await asyncio.gather(*(ledgers[i % 2].first_time("slack", "EvRace") for i in range(20)))
        assert results.count(True) == 1
    finally:
        for s in stores:
            await s.close()


async def test_a_reopened_store_remembers(database: Database) -> None:
    first = await database.open()
    assert await EventLedger(first.engine).first_time("slack", "EvKept")
    await first.close()
    again = await database.open()
    try:
        assert not await EventLedger(again.engine).first_time("slack", "EvKept")
    finally:
        await again.close()


async def test_prune_forgets_only_old_events(store: FactStore) -> None:
    ledger = EventLedger(store.engine)
    now = datetime(2026, 6, 1, 12, tzinfo=timezone.utc)
    await ledger.first_time("slack", "EvOld", at=now - KEEP_EVENTS - timedelta(minutes=1))
    await ledger.first_time("slack", "EvNew", at=now - timedelta(minutes=5))
    assert await ledger.prune(now=now) == 1
    assert await ledger.first_time("slack", "EvOld")
    assert not await ledger.first_time("slack", "EvNew")
