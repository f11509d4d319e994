"""Changing facts below the chat surface, on SQLite and PostgreSQL: the admins table, reverts and
whole-file imports in the store, undo and field diffs over a history, and the service that keeps
the answering index in step with every write."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from briefings.admins import AlreadyAdmin, AdminStore, NotAdmin
from briefings.answer import FactIndex
from briefings.changes import FieldChange, diff_facts, undo_target, version_changes
from briefings.models import Catalogue
from briefings.service import (
    FactService,
    InvalidFact,
    NothingToUndo,
    UnknownEntity,
    personal_source,
    resolve_entity,
)
from briefings.store import MIGRATIONS, ChangeInfo, FactExists, FactStore, StoredFact, VersionConflict
from tests.test_store import ADD, EDIT, MANILA, RETIRE, catalogue, make_fact  # noqa: F401 - a fixture

UNDO = ChangeInfo(actor="ben", platform="discord", channel="42", action="undo")
IMPORT = ChangeInfo(actor="cli:ana", platform="cli", action="import")


@pytest.fixture
async def service(store: FactStore, catalogue: Catalogue) -> FactService:
    await store.seed(catalogue)
    return FactService(store, FactIndex.from_catalogue(await store.catalogue()))


def ask(service: FactService, question: str):
    return service._index.answer(question)  # the index the service keeps in step


# --- the admins table ---------------------------------------------------------------------------


async def test_migration_0002_adds_the_admins_table(store: FactStore) -> None:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    async with store.engine.connect() as conn:
        names = await conn.run_sync(lambda sync: set(sa.inspect(sync).get_table_names()))
        columns = await conn.run_sync(lambda sync: [c["name"] for c in sa.inspect(sync).get_columns("admins")])
    assert "admins" in names
    from briefings.store import _head_revision

    assert _head_revision() == head  # the start-up fast path reads the same head as Alembic
    assert columns == ["identity", "added_by", "added_at"]


async def test_admins_add_list_remove(store: FactStore) -> None:
    admins = AdminStore(store.engine)
    assert await admins.list_admins() == []
    added = await admins.add("slack:U0123ABC", added_by="console:ana")
    await admins.add("discord:123456789012345678", added_by="slack:U0123ABC")
    assert added.added_at.tzinfo is not None
    assert await admins.contains("slack:U0123ABC") and not await admins.contains("slack:U999")
    listed = await admins.list_admins()
    assert [(a.identity, a.added_by) for a in listed] == [
        ("discord:123456789012345678", "slack:U0123ABC"),
        ("slack:U0123ABC", "console:ana"),
    ]
    with pytest.raises(AlreadyAdmin, match="already an admin"):
        await admins.add("slack:U0123ABC", added_by="console:ben")
    await admins.remove("slack:U0123ABC")
    with pytest.raises(NotAdmin):
        await admins.remove("slack:U0123ABC")
    assert [a.identity for a in await admins.list_admins()] == ["discord:123456789012345678"]


# --- store: add with a source, revert, import ---------------------------------------------------


async def test_add_creates_the_given_source_once_in_the_same_transaction(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    own = personal_source("console:ana", published=date(2026, 6, 1))
    assert (own.id, own.outlet, own.file) == ("admin-console-ana", "briefbot admin console:ana", None)
    fact = make_fact("sung-kim-visit", quote=None)
    fact = fact.model_copy(update={"provenance": fact.provenance.model_copy(update={"source": own.id})})
    await store.add(fact, change=ADD, source=own)
    later = own.model_copy(update={"published": date(2026, 7, 1)})
    with pytest.raises(FactExists):
        await store.add(fact, change=ADD, source=later)
    assert (await store.sources())[own.id].published == date(2026, 6, 1)


async def test_a_failed_add_leaves_no_source_behind(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    with pytest.raises(FactExists):
        await store.add(make_fact("sung-kim-post"), change=ADD, source=personal_source("slack:U1", published=date.today()))
    assert set(await store.sources()) == {"talks-2018"}


async def test_revert_writes_an_earlier_state_as_a_new_version(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    old = catalogue.facts["sung-kim-post"]
    await store.retire("sung-kim-post", expected_version=1, reason="moved", change=RETIRE)
    back = await store.revert("sung-kim-post", fact=old, retired=False, retired_reason=None, expected_version=2,
                              change=UNDO)
    assert (back.version, back.retired, back.fact) == (3, False, old)
    last = (await store.history("sung-kim-post"))[-1]
    assert (last.action, last.actor, last.platform, last.channel) == ("undo", "ben", "discord", "42")
    with pytest.raises(VersionConflict):
        await store.revert("sung-kim-post", fact=old, retired=True, retired_reason="x", expected_version=2,
                           change=UNDO)
    with pytest.raises(ValueError, match="not 'edit'"):
        await store.revert("sung-kim-post", fact=old, retired=False, retired_reason=None, expected_version=3,
                           change=EDIT)


async def test_import_is_all_or_nothing(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    new = make_fact("sung-kim-visit")
    edited = make_fact("sung-kim-post", statement=MANILA)
    with pytest.raises(VersionConflict):
        await store.import_facts(add=[new], update=[(edited, 7)], change=IMPORT)
    assert await store.get("sung-kim-visit") is None
    assert (await store.get("sung-kim-post")).version == 1

    written = await store.import_facts(add=[new], update=[(edited, 1)], change=IMPORT)
    assert [(s.fact.id, s.version) for s in written] == [("sung-kim-visit", 1), ("sung-kim-post", 2)]
    assert [v.action for v in await store.history("sung-kim-post")] == ["seed", "import"]


# --- history: diffs and undo targets ------------------------------------------------------------


async def test_version_changes_name_each_changed_field(store: FactStore, catalogue: Catalogue) -> None:
    await store.seed(catalogue)
    await store.update(make_fact("sung-kim-post", statement=MANILA, value="Manila"), expected_version=1, change=EDIT)
    await store.retire("sung-kim-post", expected_version=2, reason="moved", change=RETIRE)
    seeded, edit, retire = version_changes(await store.history("sung-kim-post"))
    assert [c.field for c in seeded[1]] == ["id", "subject", "relation", "value", "statement", "topic", "quote", "source"]
    assert edit[1] == [
        FieldChange("value", "the Philippines", "Manila"),
        FieldChange("statement", catalogue.facts["sung-kim-post"].statement, MANILA),
    ]
    assert retire[1] == [FieldChange("retired", False, True)]
    assert diff_facts(catalogue.facts["sung-kim-post"], catalogue.facts["sung-kim-post"]) == []


async def test_undo_walks_back_one_change_at_a_time(service: FactService, catalogue: Catalogue) -> None:
    store = service.store
    v1 = catalogue.facts["sung-kim-post"]
    v2 = make_fact("sung-kim-post", statement=MANILA)
    await store.update(v2, expected_version=1, change=EDIT)
    await store.retire("sung-kim-post", expected_version=2, reason="moved", change=RETIRE)
    assert undo_target(await store.history("sung-kim-post")).fact == v2

    first = await service.undo("sung-kim-post", expected_version=None, change=UNDO)
    assert (first.version, first.retired, first.fact) == (4, False, v2)
    second = await service.undo("sung-kim-post", expected_version=4, change=UNDO)
    assert (second.version, second.retired, second.fact) == (5, False, v1)
    with pytest.raises(NothingToUndo, match="no change left to undo"):
        await service.undo("sung-kim-post", expected_version=None, change=UNDO)
    assert [v.action for v in await store.history("sung-kim-post")] == ["seed", "edit", "retire", "undo", "undo"]


async def test_undoing_a_restore_retires_again_with_the_old_reason(service: FactService) -> None:
    store = service.store
    await store.retire("sung-kim-post", expected_version=1, reason="moved", change=RETIRE)
    await store.restore("sung-kim-post", expected_version=2,
                        change=ChangeInfo(actor="ana", platform="slack", action="restore"))
    again = await service.undo("sung-kim-post", expected_version=None, change=UNDO)
    assert (again.retired, again.retired_reason) == (True, "moved")


# --- the service keeps the index in step --------------------------------------------------------


async def test_each_write_is_seen_by_the_next_answer(service: FactService, catalogue: Catalogue) -> None:
    assert "Philippines" in ask(service, "Sung Kim ambassador to the Philippines").answer
    await service.update(make_fact("sung-kim-post", statement=MANILA), expected_version=1, change=EDIT)
    assert ask(service, "Sung Kim ambassador to the Philippines").answer.startswith(MANILA)
    await service.retire("sung-kim-post", expected_version=2, reason=None, change=RETIRE)
    assert "sung-kim-post" not in ask(service, "Sung Kim ambassador to the Philippines").facts
    await service.undo("sung-kim-post", expected_version=None, change=UNDO)
    assert ask(service, "Sung Kim ambassador to the Philippines").answer.startswith(MANILA)


async def test_an_older_version_never_overwrites_a_newer_one_in_the_index(service: FactService) -> None:
    newer = StoredFact(fact=make_fact("sung-kim-post", statement=MANILA), version=3, retired=False,
                       retired_reason=None, updated_at=(await service.get("sung-kim-post")).updated_at)
    older = newer.model_copy(update={"version": 2, "retired": True})
    service._reindex(newer)
    service._reindex(older)  # finished later, but it is the older write
    assert "sung-kim-post" in service._index


async def test_check_and_plan_import(service: FactService, catalogue: Catalogue) -> None:
    bad = make_fact("sung-kim-visit", subject="nobody", quote="words the source never said")
    with pytest.raises(InvalidFact) as info:
        await service.add(bad, change=ADD)
    assert len(info.value.problems) == 2 and "'nobody' is not a known entity" in str(info.value)

    same = catalogue.facts["us-delegation-leader"]
    plan = await service.plan_import([make_fact("sung-kim-visit"), make_fact("sung-kim-post", statement=MANILA), same])
    assert ([f.id for f in plan.add], [(f.id, v) for f, v in plan.update], plan.unchanged) == (
        ["sung-kim-visit"], [("sung-kim-post", 1)], ["us-delegation-leader"]
    )
    with pytest.raises(InvalidFact, match="used twice"):
        await service.plan_import([same, same])
    await service.apply_import(plan, change=IMPORT)
    assert ask(service, "Sung Kim ambassador to the Philippines").answer.startswith(MANILA)


def test_resolve_entity_by_id_name_or_alias(catalogue: Catalogue) -> None:
    entities = catalogue.entities
    assert resolve_entity("sung-kim", entities) == "sung-kim"
    assert resolve_entity("SUNG KIM", entities) == "sung-kim"
    assert resolve_entity("the americans", entities) == "us-delegation"
    with pytest.raises(UnknownEntity, match="did you mean"):
        resolve_entity("Sung Kimm", entities, role="subject")
    with pytest.raises(UnknownEntity, match="^subject 'Zeus' is not a known entity: give"):
        resolve_entity("Zeus", entities, role="subject")
