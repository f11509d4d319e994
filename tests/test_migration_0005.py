"""Migration 0005 moves today's entities and sources into versioned tables without loss: a database
at the migration before it (main's head when it was rebased) with data in it, opened by today's
store, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import create_async_engine

from briefings.models import Entity, Source
from briefings.store import MIGRATIONS, ChangeInfo

if TYPE_CHECKING:
    from tests.conftest import Database

AT = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
SOURCE = {"id": "wsj-2018-05-28", "title": "Officials meet", "outlet": "WSJ", "authors": ["A. Jeong"],
          "published": "2018-05-28", "file": "sources/wsj.txt", "url": None}
TEXT = "U.S. and North Korean officials met.\nThe talks went on."
ENTITIES = [
    {"id": "north-korea", "name": "North Korea", "kind": "country", "aliases": ["DPRK", "the North"],
     "description": "The country."},
    {"id": "sung-kim", "name": "Sung Kim", "kind": "person", "aliases": [], "description": None},
]
FACT = {"id": "met", "subject": "north-korea", "relation": "states", "object": None, "value": None,
        "statement": "Officials met.", "topic": "summit", "dates": [], "keywords": [],
        "provenance": {"source": "wsj-2018-05-28", "quote": "officials met", "recorded_at": "2026-11-30T12:00:00Z",
                       "recorded_by": "curator"}}


def _upgrade(connection: sa.Connection, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


PREVIOUS = "0007"
"""The migration 0005 follows."""


async def database_before_0005(database: Database) -> None:
    """The schema as of the migration before 0005, holding a source, two entities and a fact, as
    main wrote them."""
    if database.url.startswith("sqlite"):
        Path(database.url.removeprefix("sqlite+aiosqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(database.url, **database.engine_kwargs)
    sources = sa.table("sources", sa.column("id"), sa.column("data", sa.JSON()), sa.column("text"),
                       sa.column("updated_at", sa.DateTime(timezone=True)))
    entities = sa.table("entities", sa.column("id"), sa.column("data", sa.JSON()),
                        sa.column("updated_at", sa.DateTime(timezone=True)))
    facts = sa.table("facts", sa.column("id"), sa.column("version"), sa.column("retired"),
                     sa.column("data", sa.JSON()), sa.column("updated_at", sa.DateTime(timezone=True)))
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_upgrade, PREVIOUS)
            await conn.execute(sa.insert(sources).values(id=SOURCE["id"], data=SOURCE, text=TEXT, updated_at=AT))
            await conn.execute(sa.insert(entities), [{"id": e["id"], "data": e, "updated_at": AT} for e in ENTITIES])
            await conn.execute(sa.insert(facts).values(id="met", version=1, retired=False, data=FACT, updated_at=AT))
    finally:
        await engine.dispose()


async def test_0005_keeps_entities_and_sources_as_their_version_1(database: Database) -> None:
    await database_before_0005(database)
    store = await database.open()  # migrates to head
    try:
        catalogue = await store.catalogue()
        assert catalogue.entities == {e["id"]: Entity.model_validate(e) for e in ENTITIES}
        assert catalogue.sources == {SOURCE["id"]: Source.model_validate({**SOURCE, "text": TEXT})}
        assert catalogue.sources[SOURCE["id"]].text == TEXT
        assert list(catalogue.facts) == ["met"]
        for kind, record_id in (("entity", "north-korea"), ("entity", "sung-kim"), ("source", "wsj-2018-05-28")):
            [v] = await store.record_history(kind, record_id)
            assert (v.version, v.action, v.actor, v.retired, v.at) == (1, "seed", "migration", False, AT)
            assert v.record == (catalogue.entities | catalogue.sources)[record_id]
            stored = await store.get_record(kind, record_id)
            assert (stored.version, stored.retired) == (1, False)
        # the migrated rows take versioned changes like new ones
        change = ChangeInfo(actor="ana", platform="slack", action="edit")
        renamed = catalogue.entities["north-korea"].model_copy(update={"name": "DPRK"})
        assert (await store.update_record(renamed, expected_version=1, change=change)).version == 2
        assert [v.version for v in await store.record_history("entity", "north-korea")] == [1, 2]
    finally:
        await store.close()
