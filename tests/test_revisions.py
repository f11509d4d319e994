"""The store's revision orders changes by commit, not by clock, on SQLite and PostgreSQL: every
change takes the next number in the transaction that makes it; a replica that misses refreshes, or
whose clock is off, still indexes every version; and a scheduled briefing's "what changed" starts
after the revision the previous one was composed at, so a change committed while a briefing is
composed is in the next one."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from bot.app import Core
from briefings.files import load_catalogue
from briefings.models import Catalogue
from briefings.store import ChangeInfo, FactStore, VersionConflict
from briefings.subscriptions import SubscriptionStore
from config.settings import Settings

from tests.conftest import Database
from tests.replica_harness import replica, run
from tests.scheduler_harness import harness, schedule, utc

UTC = timezone.utc
EDIT = ChangeInfo(actor="console:ana", platform="console", action="edit")


def _fixed(at: datetime) -> Callable[[], datetime]:
    return lambda: at


def indexed(core: Core) -> tuple[dict[str, object], dict[str, object]]:
    shown = core.index.catalogue()
    return dict(shown.facts), dict(shown.entities)


def stored(catalogue: Catalogue) -> tuple[dict[str, object], dict[str, object]]:
    return dict(catalogue.facts), dict(catalogue.entities)


# --- the counter --------------------------------------------------------------------------------


async def test_every_change_takes_the_next_revision_and_its_versions_keep_it(store: FactStore) -> None:
    start = await store.revision()
    assert await store.seed(load_catalogue(Settings().facts_dir))
    seeded = await store.revision()
    assert seeded == start + 1  # the seed is one transaction: one revision for all its versions
    assert {v.revision for v in await store.changes_after(start)} == {seeded}

    current = await store.get("summit-place")
    assert current is not None
    edited = await store.update(current.fact.model_copy(update={"keywords": ["venue"]}),
                                expected_version=current.version, change=EDIT)
    assert await store.revision() == seeded + 1
    [version] = await store.changes_after(seeded)
    assert (version.fact_id, version.version, version.revision) == ("summit-place", edited.version, seeded + 1)
    assert (await store.history("summit-place"))[-1].revision == seeded + 1

    entity = (await store.entities())["donald-trump"]
    await store.put_record(entity.model_copy(update={"aliases": [*entity.aliases, "the Donald"]}), change=EDIT)
    assert await store.revision() == seeded + 2
    assert [r.record.id for r in await store.records_changed_after(seeded + 1)] == ["donald-trump"]
    assert await store.changes_after(seeded + 1) == []  # a record's change is no fact version

    subscriptions = SubscriptionStore(store.engine)
    sub, _ = await subscriptions.subscribe("slack", "C1", schedule("08:00", "UTC"), by="slack:U1")
    assert sub.revision == seeded + 3 == await store.revision()
    gone = await subscriptions.unsubscribe("slack", "C1")
    assert gone is not None and gone.revision == seeded + 4 == await store.revision()
    assert await subscriptions.unsubscribe("slack", "C1") is None
    assert await store.revision() == seeded + 4  # nothing changed, nothing counted


async def test_concurrent_writers_take_distinct_revisions_in_commit_order(database: Database) -> None:
    stores = [await database.open() for _ in range(4)]
    try:
        await stores[0].seed(load_catalogue(Settings().facts_dir))
        before = await stores[0].revision()
        ids = sorted((await stores[0].catalogue()).facts)[:12]

        async def edit(store: FactStore, fact_id: str) -> None:
            current = await store.get(fact_id)
            assert current is not None
            await store.update(current.fact.model_copy(update={"keywords": [*current.fact.keywords, "rev"]}),
                               expected_version=current.version, change=EDIT)

        await asyncio.gather(*(edit(stores[n % 4], fact_id) for n, fact_id in enumerate(ids)))
        versions = await stores[0].changes_after(before)
        assert sorted(v.revision for v in versions) == list(range(before + 1, before + 13))
        assert await stores[0].revision() == before + 12
    finally:
        for store in stores:
            await store.close()


# --- replicas -----------------------------------------------------------------------------------


async def test_a_replica_that_misses_refreshes_catches_up_with_every_version(database: Database) -> None:
    async with replica(database) as one, replica(database) as two:
        await run(one, 'fact add test-heron statement="The summit mascot is a blue heron." '
                       'subject="Singapore summit" topic=summit')
        await run(one, 'fact edit test-heron statement="The summit mascot is a grey heron."')
        await run(one, 'fact add test-tea statement="The summit serves barley tea." '
                       'subject="Singapore summit" topic=summit')
        await run(one, "fact retire summit-place")
        await run(one, 'entity edit donald-trump aliases="Trump; the Donald"')
        await run(one, "fact retire test-tea")
        # `two` refreshed at none of these: one refresh now applies every fact version since start-up
        assert await two.facts.refresh() == 5
        assert indexed(two) == stored(await two.store.catalogue())
        assert "grey heron" in two.index.catalogue().facts["test-heron"].statement
        assert "summit-place" not in two.index and "test-tea" not in two.index
        assert "the Donald" in two.index.catalogue().entities["donald-trump"].aliases
        assert await two.facts.refresh() == 0


async def test_two_replicas_with_clocks_ten_minutes_apart_both_index_every_version(database: Database) -> None:
    now = datetime.now(UTC)
    async with replica(database, clock=_fixed(now)) as ahead, \
            replica(database, clock=_fixed(now - timedelta(minutes=10))) as behind:
        for n in range(3):  # turn about: each writes, each refreshes
            await run(ahead, f'fact add test-ahead-{n} statement="The summit mascot number {n} is a heron." '
                             'subject="Singapore summit" topic=summit')
            await run(behind, f'fact add test-behind-{n} statement="The summit drink number {n} is tea." '
                              'subject="Singapore summit" topic=summit')
            await run(behind, f'fact edit test-ahead-{n} keywords="bird {n}"')
            assert await ahead.facts.refresh() == 2  # the other's addition and its edit of this one's
            await behind.facts.refresh()  # the other's addition: its own edit of it is newer, and kept
            catalogue = stored(await ahead.store.catalogue())
            assert indexed(ahead) == catalogue == indexed(behind)
            assert {f"test-ahead-{n}", f"test-behind-{n}"} <= set(catalogue[0])
        await run(behind, 'entity edit donald-trump aliases="Trump; the Donald"')
        await ahead.facts.refresh()
        assert indexed(ahead) == stored(await ahead.store.catalogue()) == indexed(behind)
        # the stamps disagree with the order of commits; the revisions do not
        history = await ahead.store.changes_after(0)
        assert [v.revision for v in history] == sorted(v.revision for v in history)
        assert any(later.at < earlier.at for earlier, later in zip(history, history[1:]))


# --- what changed since the previous briefing ---------------------------------------------------


async def test_a_change_committed_while_a_briefing_is_composed_is_in_the_next_one(database: Database) -> None:
    store = await database.open()
    due = utc("2026-03-10T08:00")
    # Another replica, whose clock is a minute behind: its change is stamped before the claim.
    writer = await FactStore.open(database.url, clock=lambda: due - timedelta(minutes=1), **database.engine_kwargs)
    try:
        async with harness(store, due - timedelta(hours=1)) as h:
            sub = await h.subscribe("C1", "08:00", "UTC")
            catalogue = h.scheduler._facts.catalogue  # what composing reads
            changed: list[int] = []

            async def read_while_someone_writes(*, include_retired: bool = False) -> Catalogue:
                if not changed:
                    current = await writer.get("summit-place")
                    assert current is not None
                    done = await writer.update(
                        current.fact.model_copy(update={"statement": "The summit will be held on Sentosa island."}),
                        expected_version=current.version, change=EDIT)
                    changed.append(done.version)
                return await catalogue(include_retired=include_retired)

            h.scheduler._facts.catalogue = read_while_someone_writes  # type: ignore[method-assign]
            h.clock.set(due)
            first = await h.scheduler.deliver(sub.id)
            assert first is not None and first.status == "sent" and changed
            assert first.revision is not None and first.revision < await store.revision()
            assert h.surface.published[0].edition.digest.since is None  # the channel's first

            h.clock.set(due + timedelta(days=1))
            second = await h.scheduler.deliver(sub.id)
            assert second is not None and second.status == "sent" and second.revision == await store.revision()
            digest = h.surface.published[1].edition.digest
            assert digest.since == first.claimed_at
            assert [(c.kind, c.entry.fact_ids) for c in digest.changes] == [("corrected", ["summit-place"])]

            h.clock.set(due + timedelta(days=2))  # and only there: nothing changed since
            await h.scheduler.deliver(sub.id)
            assert h.surface.published[2].edition.digest.changes == []
    finally:
        await writer.close()
        await store.close()


async def test_a_briefing_delivered_before_revisions_were_counted_falls_back_to_its_claim_time(
    store: FactStore,
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    async with harness(store, now - timedelta(hours=2), admins="console:ana") as h:
        sub = await h.subscribe("C1", f"{now - timedelta(hours=1):%H:%M}", "UTC")
        old = await h.core.deliveries.claim(sub.id, (now - timedelta(hours=1)).date(), due_at=now - timedelta(hours=1),
                                            by="old-version", now=now - timedelta(minutes=50))
        assert old is not None and await h.core.deliveries.finish(old, status="sent", attempts=1) is not None
        await run(h.core, 'fact add test-heron statement="The summit mascot is a blue heron." '
                          'subject="Singapore summit" topic=summit')
        h.clock.set(now + timedelta(days=1))
        sent = await h.scheduler.deliver(sub.id)
        assert sent is not None and sent.status == "sent"
        digest = h.surface.published[0].edition.digest
        assert digest.since == old.claimed_at and [c.entry.fact_ids for c in digest.changes] == [["test-heron"]]


async def test_an_import_racing_plain_edits_of_the_same_facts_never_deadlocks(database: Database) -> None:
    """Every writer takes the revision before any row it changes, so an import that updates many
    facts and edits of those facts in the opposite order wait for one another in turn: the edits
    all apply, and the import applies or (overtaken) is refused whole."""
    async with replica(database) as one, replica(database) as two:
        ids = sorted((await one.store.catalogue()).facts)[:8]
        for _ in range(3):
            current = {i: await one.store.get(i) for i in ids}
            update = [(s.fact.model_copy(update={"keywords": [*s.fact.keywords, "imported"]}), s.version)
                      for s in current.values()]
            importing = one.store.import_facts(add=[], update=update,
                                               change=ChangeInfo(actor="ana", platform="console", action="import"))
            edits = [two.facts.edit(i, lambda s: s.fact.model_copy(update={"statement": s.fact.statement + " "}),
                                    expected_version=None, change=EDIT) for i in reversed(ids)]
            results = await asyncio.gather(importing, *edits, return_exceptions=True)
            assert all(not isinstance(r, BaseException) for r in results[1:]), results
            assert not isinstance(results[0], BaseException) or isinstance(results[0], VersionConflict), results
