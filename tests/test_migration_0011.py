"""Migration 0011 adds the store's revision to a database with data in it: what was there is at
revision 0, the first change after it takes 1, and a delivery from before it has no revision, on
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from briefings.deliveries import DeliveryLedger
from briefings.digest import changes_for_channel
from briefings.store import ChangeInfo
from briefings.subscriptions import SubscriptionStore

from tests.conftest import Database
from tests.test_migration_0005 import AT, FACT, _upgrade


async def database_at_0010(database: Database) -> None:
    """The schema as of migration 0010, holding a fact with its version, a subscription and a
    delivery sent before the fact's version was stamped."""
    if database.url.startswith("sqlite"):
        Path(database.url.removeprefix("sqlite+aiosqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    when = sa.DateTime(timezone=True)
    facts = sa.table("facts", sa.column("id"), sa.column("version"), sa.column("retired"),
                     sa.column("data", sa.JSON()), sa.column("updated_at", when))
    versions = sa.table("fact_versions", *(sa.column(c) for c in (
        "fact_id", "version", "action", "retired", "actor", "platform")), sa.column("data", sa.JSON()),
        sa.column("at", when))
    subscriptions = sa.table("subscriptions", *(sa.column(c) for c in (
        "id", "platform", "channel", "at_time", "timezone", "days", "created_by")),
        sa.column("created_at", when), sa.column("updated_at", when))
    deliveries = sa.table("deliveries", *(sa.column(c) for c in (
        "subscription_id", "local_date", "status", "claimed_by")), sa.column("due_at", when),
        sa.column("claimed_at", when))
    engine = create_async_engine(database.url, **database.engine_kwargs)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_upgrade, "0010")
            await conn.execute(sa.insert(facts).values(id="met", version=1, retired=False, data=FACT, updated_at=AT))
            await conn.execute(sa.insert(versions).values(fact_id="met", version=1, action="add", retired=False,
                                                          actor="ana", platform="slack", data=FACT, at=AT))
            await conn.execute(sa.insert(subscriptions).values(
                id=1, platform="slack", channel="C1", at_time="08:00", timezone="UTC", days="daily",
                created_by="slack:U1", created_at=AT, updated_at=AT))
            await conn.execute(sa.insert(deliveries).values(
                subscription_id=1, local_date=date(2026, 11, 30), status="sent", claimed_by="old",
                due_at=AT, claimed_at=AT))
    finally:
        await engine.dispose()


async def test_0011_puts_what_was_there_at_revision_0_and_counts_from_there(database: Database) -> None:
    await database_at_0010(database)
    store = await database.open()  # migrates to head
    try:
        assert await store.revision() == 0
        [before] = await store.history("met")
        assert before.revision == 0
        [delivery] = await DeliveryLedger(store.engine).list_deliveries()
        assert delivery.revision is None
        assert (await SubscriptionStore(store.engine).get(1)).revision == 0

        current = await store.get("met")
        edited = current.fact.model_copy(update={"statement": "Officials met again."})
        await store.update(edited, expected_version=1, change=ChangeInfo(actor="ana", platform="slack", action="edit"))
        assert await store.revision() == 1
        assert [(v.version, v.revision) for v in await store.changes_after(0)] == [(2, 1)]
        # the delivery from before revisions: "what changed" since it falls back to when it was claimed
        window = await changes_for_channel(store, DeliveryLedger(store.engine), platform="slack", channel="C1")
        assert window.since == AT and window.revision == 1
        assert [c.fact.id for c in window.changes] == ["met"]
    finally:
        await store.close()
