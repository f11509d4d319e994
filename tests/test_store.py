"""The fact store on real SQLite and PostgreSQL: migrations, seeding, versioned changes."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from briefings.models import Catalogue, CatalogueError, Entity, EntityKind, Fact, Provenance, Source, Topic
from briefings.store import (
    MIGRATIONS,
    ChangeInfo,
    FactExists,
    FactStore,
    StoreError,
    UnknownFact,
    VersionConflict,
)

if TYPE_CHECKING:
    from tests.conftest import Database

SOURCE_TEXT = (
    "A U.S. delegation led by Sung Kim, the ambassador to the Philippines, crossed into North Korea "
    "on Sunday to prepare for a summit.\nThe talks took place in Panmunjom."
)
RECORDED = datetime(2018, 5, 28, 9, 0, tzinfo=timezone.utc)
EDIT = ChangeInfo(actor="ana", platform="slack", channel="C123", action="edit", reason="sharper wording")
ADD = ChangeInfo(actor="ana", platform="slack", channel="C123", action="add")
RETIRE = ChangeInfo(actor="ana", platform="slack", channel="C123", action="retire")
MANILA = "Sung Kim is America's ambassador in Manila."


FACTS: dict[str, dict[str, object]] = {
    "us-delegation-leader": {
        "subject": "us-delegation",
        "relation": "led_by",
        "object": "sung-kim",
        "statement": "The U.S. delegation to the talks was led by Sung Kim.",
        "topic": Topic.delegations,
        "quote": "A U.S. delegation led by Sung Kim",
    },
    "sung-kim-post": {
        "subject": "sung-kim",
        "relation": "ambassador_to",
        "value": "the Philippines",
        "statement": "Sung Kim is the U.S. ambassador to the Philippines.",
        "topic": Topic.people,
        "quote": "the ambassador to the Philippines",
    },
    "sung-kim-visit": {
        "subject": "sung-kim",
        "relation": "visited",
        "object": "us-delegation",
        "statement": "Sung Kim crossed into North Korea on Sunday.",
        "topic": Topic.timeline,
        "quote": "crossed into North Korea on Sunday",
    },
}
"""The two catalogue facts and one that tests add."""


def make_fact(fact_id: str, **changes: object) -> Fact:
    """One of FACTS, with `changes` applied (`quote` included)."""
    fields = {**FACTS[fact_id], **changes}
    quote = fields.pop("quote")
    provenance = Provenance(source="talks-2018", quote=quote, recorded_at=RECORDED, recorded_by="curator")
    return Fact(id=fact_id, **fields, provenance=provenance)


@pytest.fixture
def catalogue() -> Catalogue:
    source = Source(
        id="talks-2018",
        title="U.S. team crosses into North Korea",
        outlet="Example Wire",
        authors=["A. Writer"],
        published=date(2018, 5, 28),
        file="sources/talks-2018.txt",
        text=SOURCE_TEXT,
    )
    entities = [
        Entity(id="us-delegation", name="U.S. delegation", kind=EntityKind.group, aliases=["the Americans"]),
        Entity(id="sung-kim", name="Sung Kim", kind=EntityKind.person, description="U.S. ambassador"),
    ]
    facts = [make_fact("us-delegation-leader"), make_fact("sung-kim-post")]
    cat = Catalogue(sources={source.id: source}, entities={e.id: e for e in entities}, facts={f.id: f for f in facts})
    cat.check()
    return cat


async def tables_and_revision(store: FactStore) -> tuple[set[str], list[str]]:
    async with store.engine.connect() as conn:
        names = await conn.run_sync(lambda sync: set(sa.inspect(sync).get_table_names()))
        revisions = list((await conn.execute(sa.text("SELECT version_num FROM alembic_version"))).scalars())
    return names, revisions


# --- migrations ---------------------------------------------------------------------------------


async def test_migrations_create_the_schema_and_reopening_is_a_no_op(database: Database) -> None:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    store = await database.open()
    try:
        names, revisions = await tables_and_revision(store)
    finally:
        await store.close()
    assert {"meta", "sources", "entities", "facts", "fact_versions", "alembic_version"} <= names
    assert revisions == [head]

    again = await database.open()
    try:
        assert await tables_and_revision(again) == (names, revisions)
    finally:
        await again.close()


async def test_sqlite_creates_the_directory_and_uses_wal_and_foreign_keys(tmp_path) -> None:
    path = tmp_path / "deep" / "er" / "briefbot.db"
    store = await FactStore.open(f"sqlite+aiosqlite:///{path}")
    try:
        async with store.engine.connect() as conn:
            assert (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar() == "wal"
            assert (await conn.exec_driver_sql("PRAGMA foreign_keys")).scalar() == 1
    finally:
        await store.close()
    assert path.exists()


@pytest.mark.parametrize("url", ["sqlite:///x.db", "mysql+aiomysql://u@h/db", "not a url"])
async def test_unsupported_urls_are_refused_with_a_sentence(url: str) -> None:
    with pytest.raises(StoreError, match="sqlite\\+aiosqlite:///path.db"):
        await FactStore.open(url)


# --- seeding ------------------------------------------------------------------------------------


async def test_seed_writes_the_catalogue_once(store: FactStore, catalogue: Catalogue) -> None:
    assert await store.seed(catalogue) is True
    assert await store.seed(catalogue) is False

    assert await store.catalogue() == catalogue
    stored = await store.list_facts()
    assert [s.fact.id for s in stored] == ["sung-kim-post", "us-delegation-leader"]
    assert all(s.version == 1 and not s.retired for s in stored)
    [seeded] = await store.history("us-delegation-leader")
    assert (seeded.version, seeded.action, seeded.actor, seeded.previous) == (1, "seed", "curator", None)
    assert seeded.fact == catalogue.facts["us-delegation-leader"]


async def test_concurrent_seeds_seed_once(database: Database, catalogue: Catalogue) -> None:
    replicas = [await database.open() for _ in range(3)]
    try:
        results = await asyncio.gather(*(r.seed(catalogue) for r in replicas))
        assert sorted(results) == [False, False, True]
        assert len(await replicas[0].list_facts()) == 2
        for fact_id in catalogue.facts:
            assert [v.version for v in await replicas[1].history(fact_id)] == [1]
    finally:
        for r in replicas:
            await r.close()


async def test_seed_leaves_a_store_that_already_has_facts(store: FactStore, catalogue: Catalogue) -> None:
    await store.add(make_fact("sung-kim-post"), change=ADD)
    assert await store.seed(catalogue) is False
    assert [s.fact.id for s in await store.list_facts()] == ["sung-kim-post"]


# --- adding and reading -------------------------------------------------------------------------


async def test_add_get_and_list(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    fact = make_fact("sung-kim-visit")
    added = await store.add(fact, change=ADD)
    assert (added.fact, added.version, added.retired) == (fact, 1, False)
    assert added.updated_at.tzinfo is not None and added.updated_at.utcoffset().total_seconds() == 0

    got = await store.get("sung-kim-visit")
    assert got == added
    assert await store.get("no-such-fact") is None
    assert [s.fact.id for s in await store.list_facts()] == ["sung-kim-post", "sung-kim-visit", "us-delegation-leader"]
    [version] = await store.history("sung-kim-visit")
    assert (version.action, version.actor, version.platform, version.channel) == ("add", "ana", "slack", "C123")


async def test_adding_an_existing_id_raises_fact_exists(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    with pytest.raises(FactExists, match="^fact us-delegation-leader already exists$"):
        await store.add(make_fact("us-delegation-leader"), change=ADD)

    current = await store.get("us-delegation-leader")
    await store.retire("us-delegation-leader", expected_version=current.version, reason="wrong", change=RETIRE)
    with pytest.raises(FactExists, match="retired"):
        await store.add(make_fact("us-delegation-leader"), change=ADD)


async def test_a_change_must_carry_an_action_that_fits(store: FactStore) -> None:
    with pytest.raises(ValueError, match="not 'edit'"):
        await store.add(make_fact("sung-kim-visit"), change=EDIT)


# --- versioned changes --------------------------------------------------------------------------


async def test_update_bumps_the_version_and_history_keeps_both(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    old = catalogue.facts["us-delegation-leader"]
    new = make_fact("us-delegation-leader", statement="Sung Kim led the U.S. delegation to the talks.")

    updated = await store.update(new, expected_version=1, change=EDIT)

    assert (updated.fact, updated.version) == (new, 2)
    assert await store.get(new.id) == updated
    first, second = await store.history(new.id)
    assert (first.version, first.fact, first.previous) == (1, old, None)
    assert (second.version, second.action, second.fact, second.previous) == (2, "edit", new, old)
    assert (second.actor, second.reason) == ("ana", "sharper wording")
    assert second.at >= first.at


async def test_unknown_facts_are_named(store: FactStore) -> None:
    with pytest.raises(UnknownFact, match="^there is no fact sung-kim-visit$"):
        await store.update(make_fact("sung-kim-visit"), expected_version=1, change=EDIT)
    with pytest.raises(UnknownFact):
        await store.retire("sung-kim-visit", expected_version=1, reason=None, change=RETIRE)
    assert await store.history("sung-kim-visit") == []


async def test_the_later_of_two_writers_gets_a_version_conflict(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    read_by_both = await store.get("sung-kim-post")
    first = make_fact("sung-kim-post", statement="Sung Kim is America's ambassador in Manila.")
    second = make_fact("sung-kim-post", statement="Sung Kim serves as ambassador to the Philippines.")

    won = await store.update(first, expected_version=read_by_both.version, change=EDIT)
    with pytest.raises(VersionConflict) as conflict:
        await store.update(second, expected_version=read_by_both.version, change=EDIT)

    assert conflict.value.current == won
    assert conflict.value.current.fact == first
    assert "changed by someone else" in str(conflict.value) and "version 2" in str(conflict.value)
    assert [v.version for v in await store.history("sung-kim-post")] == [1, 2]


async def test_concurrent_writers_on_one_version_only_one_wins(database: Database, catalogue: Catalogue) -> None:
    writers = [await database.open() for _ in range(3)]
    try:
        await writers[0].seed(catalogue)
        edits = [make_fact("sung-kim-post", statement=f"Sung Kim is ambassador, take {i}.") for i in range(3)]
        results = await asyncio.gather(
            *(w.update(e, expected_version=1, change=EDIT) for w, e in zip(writers, edits)), return_exceptions=True
        )
        won = [r for r in results if not isinstance(r, BaseException)]
        lost = [r for r in results if isinstance(r, BaseException)]
        assert len(won) == 1 and won[0].version == 2
        assert len(lost) == 2 and all(isinstance(e, VersionConflict) and e.current == won[0] for e in lost)
        assert [v.version for v in await writers[0].history("sung-kim-post")] == [1, 2]
    finally:
        for w in writers:
            await w.close()


async def test_retire_hides_a_fact_and_restore_brings_it_back(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    retire = ChangeInfo(actor="ben", platform="discord", channel="42", action="retire")
    retired = await store.retire("sung-kim-post", expected_version=1, reason="he moved on", change=retire)

    assert (retired.version, retired.retired, retired.retired_reason) == (2, True, "he moved on")
    assert "sung-kim-post" not in (await store.catalogue()).facts
    assert "sung-kim-post" in (await store.catalogue(include_retired=True)).facts
    assert [s.fact.id for s in await store.list_facts()] == ["us-delegation-leader"]
    assert len(await store.list_facts(include_retired=True)) == 2
    assert await store.get("sung-kim-post") == retired
    last = (await store.history("sung-kim-post"))[-1]
    assert (last.action, last.retired, last.reason, last.fact) == ("retire", True, "he moved on", retired.fact)

    with pytest.raises(VersionConflict):
        await store.retire("sung-kim-post", expected_version=1, reason=None, change=retire)
    with pytest.raises(StoreError, match="already retired"):
        await store.retire("sung-kim-post", expected_version=2, reason=None, change=retire)

    restore = ChangeInfo(actor="ben", platform="discord", action="restore", reason="still true")
    restored = await store.restore("sung-kim-post", expected_version=2, change=restore)
    assert (restored.version, restored.retired, restored.retired_reason) == (3, False, None)
    assert "sung-kim-post" in (await store.catalogue()).facts
    assert [(v.action, v.retired) for v in await store.history("sung-kim-post")] == [
        ("seed", False),
        ("retire", True),
        ("restore", False),
    ]
    with pytest.raises(StoreError, match="is not retired"):
        await store.restore("sung-kim-post", expected_version=3, change=restore)


async def test_fact_batches_read_the_current_facts_a_batch_at_a_time(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    await store.retire("sung-kim-post", expected_version=1, reason=None, change=RETIRE)

    batches = [batch async for batch in store.fact_batches(size=1)]
    assert [[s.fact.id for s in batch] for batch in batches] == [["us-delegation-leader"]]
    everything = [s async for batch in store.fact_batches(include_retired=True, size=1) for s in batch]
    assert everything == await store.list_facts(include_retired=True)
    assert [len(batch) async for batch in store.fact_batches(include_retired=True, size=5)] == [2]


async def test_changes_since(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    seeded_at = (await store.history("sung-kim-post"))[0].at
    assert seeded_at.tzinfo is not None and seeded_at.utcoffset().total_seconds() == 0
    assert await store.changes_since(seeded_at) == []
    assert len(await store.changes_since(datetime(2000, 1, 1, tzinfo=timezone.utc))) == 2

    await store.update(make_fact("sung-kim-post", statement=MANILA), expected_version=1, change=EDIT)
    await store.retire("us-delegation-leader", expected_version=1, reason="dup", change=RETIRE)

    changes = await store.changes_since(seeded_at)
    assert [(c.fact_id, c.version, c.action) for c in changes] == [
        ("sung-kim-post", 2, "edit"),
        ("us-delegation-leader", 2, "retire"),
    ]
    assert await store.changes_since(changes[-1].at) == []


# --- sources, entities, round trips -------------------------------------------------------------


async def test_the_catalogue_round_trips_with_source_text(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    loaded = await store.catalogue()

    assert loaded.sources["talks-2018"].text == SOURCE_TEXT
    loaded.check()  # quotes still check against the stored text
    bad = make_fact("sung-kim-visit", quote="words the source never said")
    with pytest.raises(CatalogueError, match="quote does not occur"):
        loaded.model_copy(update={"facts": {**loaded.facts, bad.id: bad}}).check()


async def test_upsert_source_and_entity(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    source = catalogue.sources["talks-2018"].model_copy(update={"title": "A new title", "text": "New text."})
    await store.upsert_source(source)
    await store.upsert_source(Source(id="admin-note", title="Note", outlet="Admins", published=date(2018, 6, 1)))
    kim = catalogue.entities["sung-kim"].model_copy(update={"aliases": ["Ambassador Kim"]})
    await store.upsert_entity(kim)

    sources = await store.sources()
    assert set(sources) == {"admin-note", "talks-2018"}
    assert (sources["talks-2018"].title, sources["talks-2018"].text) == ("A new title", "New text.")
    assert sources["admin-note"].text == ""
    entities = await store.entities()
    assert entities["sung-kim"].aliases == ["Ambassador Kim"]
    assert entities["us-delegation"] == catalogue.entities["us-delegation"]


async def snapshot(store: FactStore) -> tuple[object, ...]:
    return (await store.catalogue(include_retired=True), await store.list_facts(), await store.history("sung-kim-post"))


async def test_data_survives_close_and_reopen(database: Database, catalogue: Catalogue) -> None:
    store = await database.open()
    try:
        await store.seed(catalogue)
        await store.update(make_fact("sung-kim-post", statement=MANILA), expected_version=1, change=EDIT)
        before = await snapshot(store)
    finally:
        await store.close()

    reopened = await database.open()
    try:
        after = await snapshot(reopened)
        assert after == before
        assert after[0].sources["talks-2018"].text == SOURCE_TEXT
        assert await reopened.seed(catalogue) is False
    finally:
        await reopened.close()
