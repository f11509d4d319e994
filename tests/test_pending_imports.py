"""A dry-run `fact import` waits in the database, so it is confirmed from whichever replica the
confirmation reaches, once; an expired or unreadable one is refused and changes nothing. On SQLite
and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from datetime import date, datetime, timedelta, timezone

from bot.commands import CommandLayer
from bot.commands.facts import IMPORT_TTL
from briefings.models import Entity, EntityKind, Source, TopicInfo
from briefings.pending import PendingImports
from briefings.service import ImportPlan

from tests.conftest import Database
from tests.replica_harness import ANA, replica, run

START = datetime(2026, 6, 1, 9, 0, tzinfo=timezone.utc)

IMPORT = """fact import
entities:
  - {id: mike-pompeo, name: Mike Pompeo, kind: person, aliases: [Pompeo], description: The U.S. secretary of state.}
topics:
  - {id: sanctions, name: Sanctions, order: 45}
sources:
  - id: nyt-2018-05-30
    title: Pompeo and Kim Yong Chol meet in New York
    outlet: The New York Times
    published: 2018-05-30
    text: |
      Secretary of State Mike Pompeo had dinner with Kim Yong Chol in New York.
facts:
  - id: pompeo-dinner
    subject: mike-pompeo
    relation: met_with
    statement: Mike Pompeo had dinner with Kim Yong Chol in New York.
    topic: sanctions
    source: nyt-2018-05-30
    quote: had dinner with Kim Yong Chol
"""


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def test_a_plan_of_every_kind_survives_the_database_as_it_was(database: Database) -> None:
    async with replica(database) as core:
        catalogue = await core.store.catalogue()
        place = catalogue.facts["summit-place"]
        trump = catalogue.entities["donald-trump"]
        new_fact = place.model_copy(update={"id": "test-venue", "statement": "The venue is on Sentosa."})
        records = [
            TopicInfo(id="sanctions", name="Sanctions", order=45),
            Source(id="test-source", title="A title", outlet="An outlet", published=date(2018, 5, 30),
                   text="The whole text of the source, which the plan must keep."),
            Entity(id="test-person", name="A Person", kind=EntityKind.person, aliases=["Someone"]),
            trump.model_copy(update={"description": "Changed by the import."}),
        ]
        changed_place = place.model_copy(update={"statement": "The summit is to be held in Singapore, still."})
        same = next(f for i, f in sorted(catalogue.facts.items()) if i != "summit-place")
        records.append(catalogue.topics["summit"])  # unchanged
        plan = await core.facts.plan_import([new_fact, changed_place, same], records=records,
                                            retired={"test-venue": "a test"})
        assert plan.add and plan.update and plan.unchanged and plan.add_records and plan.update_records
        assert plan.unchanged_records and plan.previous and plan.retire
        assert {type(r) for r in plan.add_records} == {TopicInfo, Source, Entity}

        data = json.loads(json.dumps(plan.to_data()))  # as the database keeps it
        assert ImportPlan.from_data(data) == plan
        assert next(r for r in ImportPlan.from_data(data).add_records if isinstance(r, Source)).text.startswith(
            "The whole text")


async def test_an_import_started_on_one_replica_is_confirmed_on_another_once(database: Database) -> None:
    async with replica(database) as one, replica(database) as two:
        dry = await run(CommandLayer(one, clock=Clock(START)), IMPORT)
        assert dry.text.startswith("Dry run, nothing changed yet"), dry.text
        assert await one.store.get("pompeo-dinner") is None

        done = await run(CommandLayer(two, clock=Clock(START + timedelta(minutes=1))), "fact import confirm")
        assert done.text.startswith("Imported: 1 topic, 1 source, 1 entity and 1 fact added"), done.text
        assert (await one.store.get("pompeo-dinner")) is not None
        assert (await one.store.get_record("source", "nyt-2018-05-30")).record.text.startswith("Secretary of State")
        [version] = await one.store.history("pompeo-dinner")
        assert (version.action, version.actor) == ("import", "console:ana")
        assert "pompeo-dinner" in two.index  # the confirming replica answers from it at once
        await one.facts.refresh()
        assert "pompeo-dinner" in one.index and "mike-pompeo" in one.index.catalogue().entities

        again = await CommandLayer(one, clock=Clock(START + timedelta(minutes=2))).handle("fact import confirm", ANA)
        assert again.error and "no import waiting" in again.text


async def test_two_replicas_confirming_at_once_apply_it_once(database: Database) -> None:
    async with replica(database) as one, replica(database) as two:
        await run(CommandLayer(one, clock=Clock(START)), IMPORT)
        before = await one.store.revision()
        replies = await asyncio.gather(*(CommandLayer(core, clock=Clock(START)).handle("fact import confirm", ANA)
                                         for core in (one, two)))
        assert sorted(r.error for r in replies) == [False, True]
        assert "no import waiting" in next(r for r in replies if r.error).text
        assert await one.store.revision() == before + 1  # one transaction wrote it all
        assert len(await one.store.history("pompeo-dinner")) == 1


async def test_an_expired_import_is_refused_on_any_replica_and_changes_nothing(database: Database) -> None:
    async with replica(database) as one, replica(database) as two:
        await run(CommandLayer(one, clock=Clock(START)), IMPORT)
        before = (await one.store.revision(), await one.store.catalogue(include_retired=True))
        late = CommandLayer(two, clock=Clock(START + IMPORT_TTL + timedelta(seconds=1)))
        reply = await late.handle("fact import confirm", ANA)
        assert reply.error and reply.text == (
            "Your import waited too long and expired; nothing was changed: send it again.")
        assert (await one.store.revision(), await one.store.catalogue(include_retired=True)) == before
        assert "no import waiting" in (await late.handle("fact import confirm", ANA)).text


async def test_an_import_a_replica_cannot_read_is_refused_and_changes_nothing(database: Database) -> None:
    async with replica(database) as one:
        pending = PendingImports(one.store.engine)
        await pending.put(ANA.identity, {"add": [{"id": "no such shape"}]}, expires_at=START + IMPORT_TTL, now=START)
        before = await one.store.revision()
        reply = await CommandLayer(one, clock=Clock(START)).handle("fact import confirm", ANA)
        assert reply.error and "cannot be read here; nothing was changed" in reply.text
        assert await one.store.revision() == before


async def test_cancel_forgets_the_import_on_every_replica(database: Database) -> None:
    async with replica(database) as one, replica(database) as two:
        await run(CommandLayer(one, clock=Clock(START)), IMPORT)
        cancelled = await run(CommandLayer(two, clock=Clock(START)), "fact import cancel")
        assert cancelled.text == "Import cancelled; nothing was changed."
        reply = await CommandLayer(one, clock=Clock(START)).handle("fact import confirm", ANA)
        assert reply.error and "no import waiting" in reply.text
        assert await one.store.get("pompeo-dinner") is None


def _chat(url: str, lines: str) -> str:
    """One `briefbot chat` process as the admin `ana`, fed `lines`; what it printed."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "BRIEFBOT_DATABASE_URL": url, "BRIEFBOT_ADMINS": "console:ana"}
    exe = Path(sys.executable).with_name("briefbot")
    out = subprocess.run([str(exe), "chat", "--user", "ana"], input=lines, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def test_an_import_started_in_one_process_is_confirmed_from_another(tmp_path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'briefbot.db'}"
    started = _chat(url, "fact import ```\nentities: [{id: mike-pompeo, name: Mike Pompeo, kind: person}]\n```\n")
    assert started.startswith("Dry run, nothing changed yet: 1 entity to add")
    confirmed = _chat(url, "fact import confirm\nentity show mike-pompeo\n")
    assert confirmed.startswith("Imported: 1 entity added") and "Mike Pompeo · person" in confirmed
    again = _chat(url, "fact import confirm\n")  # a third process: it was applied once, and is gone
    assert again.startswith("You have no import waiting to be confirmed")
