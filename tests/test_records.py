"""Entities, sources and topics by chat command: added, edited, retired, undone and imported by
admins, each change versioned, the next question answered from them. Through the one command layer
over a real store (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
import yaml

from bot.app import Core
from bot.commands import Caller, CommandLayer
from briefings.files import dump_catalogue
from tests.conftest import Database
from tests.test_commands import (  # noqa: F401 - fixtures
    ANA,
    BEN,
    Clock,
    EVE,
    ROOT,
    SQLITE_ONLY,
    clock,
    core,
    layer,
    open_test_core,
    say,
    seeded_sqlite,
)

POMPEO = ('entity add mike-pompeo name="Mike Pompeo" kind=person aliases="Pompeo; Secretary Pompeo" '
          'description="Mike Pompeo is the U.S. secretary of state."')
KIM = ('entity add kim-yong-chol name="Kim Yong Chol" kind=person aliases="Kim Yong-chol" '
       'description="Kim Yong Chol is a senior North Korean official and Kim Jong Un\'s envoy."')
ARTICLE = ("Secretary of State Mike Pompeo had dinner with Kim Yong Chol, a senior North Korean official,\n"
           "in New York on Wednesday night, as the two sides prepared for a summit.")
SOURCE = ('source add nyt-2018-05-30 title="Pompeo and Kim Yong Chol meet in New York" '
          'publisher="The New York Times" date=2018-05-30 url=https://www.nytimes.com/pompeo authors="Jane Doe"\n'
          + ARTICLE)
DINNER = ('fact add pompeo-dinner statement="Mike Pompeo had dinner with Kim Yong Chol in New York on May 30, 2018." '
          'subject=Pompeo relation=met_with object="Kim Yong Chol" topic=summit source=nyt-2018-05-30 '
          'quote="had dinner with Kim Yong Chol, a senior North Korean official, in New York" keywords="dinner"')


async def export(core: Core) -> str:
    """Everything a command could change, as one text: the export of the whole store (retired records
    and every version count included)."""
    catalogue = await core.store.catalogue(include_retired=True)
    counts = [(k, r.record.id, r.version, r.retired) for k in ("entity", "source", "topic")
              for r in await core.store.list_records(k, include_retired=True)]
    facts = [(s.fact.id, s.version, s.retired) for s in await core.store.list_facts(include_retired=True)]
    return dump_catalogue(catalogue) + yaml.safe_dump({"versions": counts, "facts": facts})


async def scenario(layer: CommandLayer) -> None:
    for text in (POMPEO, KIM, SOURCE, DINNER):
        reply = await say(layer, ANA, text)
        assert not reply.error, reply.text


# --- the admin's story, in chat only ---------------------------------------------------------------


async def test_an_admin_adds_people_a_source_and_a_fact_quoting_it(layer: CommandLayer, core: Core) -> None:
    await scenario(layer)
    for question in ("Who is Mike Pompeo?", "who is kim yong chol",
                     "Who did Pompeo have dinner with in New York?"):
        reply = await say(layer, EVE, question)
        assert reply.answer is not None and reply.answer.found, (question, reply.text)
        assert "Kim Yong Chol" in reply.text and "Pompeo" in reply.text
    fact = (await core.store.get("pompeo-dinner")).fact
    assert (fact.subject, fact.object, fact.provenance.source) == ("mike-pompeo", "kim-yong-chol", "nyt-2018-05-30")
    source = (await core.store.sources())["nyt-2018-05-30"]
    assert source.text == ARTICLE and source.outlet == "The New York Times" and source.authors == ["Jane Doe"]


async def test_another_replica_answers_from_them_after_its_refresh(layer: CommandLayer, core: Core,
                                                                   database: Database) -> None:
    other = await open_test_core(database)  # a second replica on the same database
    try:
        await scenario(layer)
        assert await other.facts.refresh() >= 1  # the same refresh that brings fact versions
        reply = await CommandLayer(other).handle("Who did Pompeo have dinner with in New York?", EVE)
        assert reply.answer is not None and reply.answer.found and "Kim Yong Chol" in reply.text
        assert "nyt-2018-05-30" in (await other.store.sources())
        who = await CommandLayer(other).handle("who is kim yong chol", EVE)
        assert who.answer.found and "envoy" in who.text, who.text  # the description, on the other replica
        before = await CommandLayer(other).handle("who did the spy chief have dinner with?", EVE)
        assert before.answer is not None and not before.answer.found, before.text
        await say(layer, ANA, 'entity edit kim-yong-chol aliases="Kim Yong-chol; the spy chief"')
        assert await other.facts.refresh() == 0  # no fact changed, and still the entity was re-read:
        again = await CommandLayer(other).handle("who did the spy chief have dinner with?", EVE)
        assert again.answer is not None and again.answer.found and "Pompeo" in again.text
    finally:
        await other.close()


async def test_who_is_answers_from_the_description_until_the_entity_is_retired(layer: CommandLayer,
                                                                               core: Core) -> None:
    await say(layer, ANA, POMPEO)  # no fact about him yet
    for question in ("Who is Mike Pompeo?", "who is pompeo"):
        reply = await say(layer, EVE, question)
        assert reply.answer.found and "Mike Pompeo is the U.S. secretary of state." in reply.text, reply.text
    await say(layer, ANA, 'entity edit mike-pompeo description="Mike Pompeo is the 70th U.S. secretary of state."')
    assert "70th" in (await say(layer, EVE, "Who is Mike Pompeo?")).text
    await say(layer, ANA, "entity retire mike-pompeo")
    gone = await say(layer, EVE, "Who is Mike Pompeo?")
    assert not gone.answer.found and "secretary of state" not in gone.text
    await say(layer, ANA, "entity undo mike-pompeo")
    assert "70th" in (await say(layer, EVE, "Who is Mike Pompeo?")).text


async def test_a_quote_not_in_its_source_is_refused_with_the_reason(layer: CommandLayer, core: Core) -> None:
    await scenario(layer)
    before = await export(core)
    reply = await say(layer, ANA, 'fact add pompeo-lunch statement="Pompeo had lunch with Kim." subject=Pompeo '
                                  'topic=summit source=nyt-2018-05-30 quote="had lunch with Kim Yong Chol"')
    assert reply.error and "Fact pompeo-lunch: its quote does not occur in source 'nyt-2018-05-30'" in reply.text
    assert await export(core) == before
    # the quote is compared as the curated loader compares it: runs of whitespace are one space
    ok = await say(layer, ANA, 'fact add pompeo-official statement="Kim Yong Chol is a senior North Korean '
                               'official." subject=kim-yong-chol topic=people source=nyt-2018-05-30 '
                               'quote="a senior   North Korean official, in New York"')
    assert not ok.error, ok.text


async def test_entity_history_shows_each_version(layer: CommandLayer, core: Core) -> None:
    await say(layer, ANA, POMPEO)
    await say(layer, BEN, 'entity edit mike-pompeo description="The 70th U.S. secretary of state." reason="precise"')
    await say(layer, ANA, "entity retire mike-pompeo")
    await say(layer, ANA, "entity undo mike-pompeo")
    text = (await say(layer, EVE, "entity history mike-pompeo")).text
    lines = text.splitlines()
    assert lines[0] == "History of entity mike-pompeo (4 versions):"
    assert [line.split(" \u00b7 ")[0] for line in lines if line.startswith("v")] == ["v1", "v2", "v3", "v4"]
    assert "add by console:ana via console" in lines[1]
    assert "edit by slack:U0BEN via slack #C0NEWS \u2014 reason: precise" in text
    assert ('description: \u201cMike Pompeo is the U.S. secretary of state.\u201d \u2192 '
            '\u201cThe 70th U.S. secretary of state.\u201d') in text
    assert "retire by console:ana" in text and "    retired" in text
    assert "undo by console:ana" in text and "back in use" in text
    history = await core.store.record_history("entity", "mike-pompeo")
    assert [(v.version, v.action, v.retired) for v in history] == [
        (1, "add", False), (2, "edit", False), (3, "retire", True), (4, "undo", False)]


async def test_a_non_admin_changes_nothing(layer: CommandLayer, core: Core) -> None:
    before = await export(core)
    for text in (POMPEO, SOURCE, 'topic add sanctions name="Sanctions"', "entity retire north-korea",
                 'entity edit north-korea name="DPRK"', "entity undo north-korea"):
        reply = await say(layer, EVE, text)
        assert reply.error and reply.text.startswith("Only admins can change"), reply.text
    assert await export(core) == before
    assert (await say(layer, EVE, "who is Mike Pompeo?")).answer.found is False


# --- every command's success path ------------------------------------------------------------------


async def test_entity_commands(layer: CommandLayer, core: Core) -> None:
    added = await say(layer, ANA, POMPEO)
    assert added.text.startswith("Added entity mike-pompeo (version 1): mike-pompeo: Mike Pompeo, person")
    shown = (await say(layer, EVE, "entity show mike-pompeo")).text
    assert shown.startswith("entity mike-pompeo (version 1)\nMike Pompeo \u00b7 person\naliases: Pompeo, Secretary Pompeo")
    assert "used by 0 current facts" in shown
    assert "mike-pompeo: Mike Pompeo, person" in (await say(layer, EVE, "entity list person")).text
    assert "mike-pompeo" not in (await say(layer, EVE, "entity list country")).text
    assert "north-korea" in (await say(layer, EVE, "entity list")).text
    assert "1 entity matching \u201csecretary state\u201d:" in (await say(layer, EVE, "entity search secretary state")).text
    edited = await say(layer, ANA, "entity edit mike-pompeo aliases= version=1")
    assert edited.text.startswith("Entity mike-pompeo is now at version 2") and "(also" not in edited.text
    undone = await say(layer, ANA, "entity undo mike-pompeo")
    assert undone.text.startswith("Undone: entity mike-pompeo is back to its earlier state as version 3 (in use)")
    assert (await core.store.entities())["mike-pompeo"].aliases == ["Pompeo", "Secretary Pompeo"]
    retired = await say(layer, ANA, 'entity retire mike-pompeo reason="a test"')
    assert retired.text.startswith("Retired entity mike-pompeo (version 4)")
    assert "mike-pompeo" not in await core.store.entities()
    assert "[retired]" in (await say(layer, EVE, "entity search pompeo")).text
    refused = await say(layer, ANA, 'fact add p statement="Pompeo spoke." subject=mike-pompeo topic=summit')
    assert refused.error and "not a known entity" in refused.text  # a retired entity takes no new fact


async def test_a_fact_undo_cannot_bring_back_a_retired_entity(layer: CommandLayer, core: Core) -> None:
    await say(layer, ANA, POMPEO)
    await say(layer, ANA, 'fact add pompeo-spoke statement="Pompeo spoke." subject=mike-pompeo topic=summit')
    await say(layer, ANA, "fact retire pompeo-spoke")
    await say(layer, ANA, "entity retire mike-pompeo")
    reply = await say(layer, ANA, "fact undo pompeo-spoke")
    assert reply.error and "subject 'mike-pompeo' is not a known entity" in reply.text
    assert (await core.store.get("pompeo-spoke")).retired


async def test_source_commands(layer: CommandLayer, core: Core) -> None:
    added = await say(layer, ANA, SOURCE)
    assert added.text.startswith("Added source nyt-2018-05-30 (version 1)")
    shown = (await say(layer, EVE, "source show nyt-2018-05-30")).text
    assert "https://www.nytimes.com/pompeo" in shown and "text (165 characters): Secretary of State" in shown
    assert "nyt-2018-05-30" in (await say(layer, EVE, "source list")).text
    edited = await say(layer, ANA, 'source edit nyt-2018-05-30 title="Pompeo meets Kim Yong Chol"')
    assert edited.text.startswith("Source nyt-2018-05-30 is now at version 2")
    history = (await say(layer, EVE, "source history nyt-2018-05-30")).text
    assert "title: \u201cPompeo and Kim Yong Chol meet in New York\u201d \u2192 \u201cPompeo meets Kim Yong Chol\u201d" in history
    assert (await say(layer, ANA, "source retire nyt-2018-05-30")).text.startswith("Retired source nyt-2018-05-30")
    assert "nyt-2018-05-30" not in await core.store.sources()
    one_line = await say(layer, ANA, 'source add ap-2018-05-30 title="T" publisher="AP" date=2018-05-30 text="Some words."')
    assert not one_line.error and (await core.store.sources())["ap-2018-05-30"].text == "Some words."
    fenced = await say(layer, ANA, 'source add ap-2018-05-31 title="T" publisher="AP" date=2018-05-31\n```\nLine one.\nLine two.\n```')
    assert not fenced.error and (await core.store.sources())["ap-2018-05-31"].text == "Line one.\nLine two."


async def test_a_source_text_edit_that_drops_a_quote_is_refused(layer: CommandLayer, core: Core) -> None:
    await scenario(layer)
    before = await export(core)
    reply = await say(layer, ANA, 'source edit nyt-2018-05-30 text="Nothing about dinner."')
    assert reply.error and "no longer holds the quotes of pompeo-dinner" in reply.text
    assert await export(core) == before


async def test_topic_commands_and_the_briefing_order(layer: CommandLayer, core: Core) -> None:
    added = await say(layer, ANA, 'topic add sanctions name="Sanctions" order=15')
    assert added.text.startswith("Added topic sanctions (version 1): sanctions: Sanctions (order 15)")
    listing = (await say(layer, EVE, "topic list")).text.splitlines()
    assert [line.split(":")[0].strip() for line in listing[1:3]] == ["summit", "sanctions"]
    fact = await say(layer, ANA, 'fact add sanctions-relief statement="The U.S. said sanctions stay until '
                                 'North Korea denuclearizes." subject=united-states topic=Sanctions')
    assert not fact.error, fact.text
    assert (await core.store.get("sanctions-relief")).fact.topic == "sanctions"
    assert (await say(layer, ANA, 'topic edit sanctions name="Sanctions and relief"')).text.startswith(
        "Topic sanctions is now at version 2")
    briefing = (await say(layer, EVE, "brief full")).briefing  # the new topic in its place: after the summit (10)
    titles = [s.title for s in briefing.sections]
    assert titles[titles.index("Sanctions and relief") - 1] == "Key developments"
    [section] = [s for s in briefing.sections if s.topic == "sanctions"]
    assert [e.fact_ids for e in section.entries] == [["sanctions-relief"]]
    refused = await say(layer, ANA, "topic retire sanctions")
    assert refused.error and "1 current fact still uses it (sanctions-relief)" in refused.text


async def test_entity_retire_is_refused_while_a_fact_uses_it_naming_them(layer: CommandLayer, core: Core) -> None:
    before = await export(core)
    reply = await say(layer, ANA, "entity retire singapore-summit")
    assert reply.error and "Entity singapore-summit cannot be retired:" in reply.text
    assert "summit-original-date" in reply.text
    assert await export(core) == before


async def test_an_edit_at_an_old_version_is_refused_showing_the_current(layer: CommandLayer, core: Core) -> None:
    await say(layer, ANA, POMPEO)
    await say(layer, ANA, 'entity edit mike-pompeo description="First."')
    before = await export(core)
    reply = await say(layer, BEN, 'entity edit mike-pompeo description="Second." version=1')
    assert reply.error and reply.text.startswith(
        "Entity mike-pompeo changed while you were working on it: it is now at version 2 (you had version 1)")
    assert "description: First." in reply.text
    assert await export(core) == before


# --- import and export -----------------------------------------------------------------------------


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
  - id: pompeo-own-word
    subject: mike-pompeo
    statement: Mike Pompeo flew back to Washington.
    topic: summit
    relation: states
"""


async def test_import_takes_all_four_and_fills_in_what_fact_add_does(layer: CommandLayer, core: Core,
                                                                      clock: Clock) -> None:
    dry = await say(layer, BEN, IMPORT)
    assert not dry.error, dry.text
    assert dry.text.splitlines()[:7] == [
        "Dry run, nothing changed yet: 1 topic, 2 sources, 1 entity and 2 facts to add, nothing to update, 0 unchanged.",
        "+ topic sanctions",
        "+ source nyt-2018-05-30",
        "+ entity mike-pompeo",
        "+ source admin-slack-u0ben",
        "+ fact pompeo-dinner: Mike Pompeo had dinner with Kim Yong Chol in New York.",
        "+ fact pompeo-own-word: Mike Pompeo flew back to Washington.",
    ] or dry.text  # the admin's own source is added beside the file's
    done = await say(layer, BEN, "fact import confirm")
    assert done.text == "Imported: 1 topic, 2 sources, 1 entity and 2 facts added, nothing updated, 0 unchanged."
    own = (await core.store.get("pompeo-own-word")).fact.provenance
    assert (own.source, own.recorded_by, own.recorded_at.isoformat()) == (
        "admin-slack-u0ben", "slack:U0BEN", "2026-06-01T09:00:00+00:00")
    [v] = await core.store.record_history("entity", "mike-pompeo")
    assert (v.action, v.actor, v.platform, v.channel) == ("import", "slack:U0BEN", "slack", "C0NEWS")
    assert (await say(layer, EVE, "who did Pompeo have dinner with?")).answer.found
    # the same file again, later: what it left out of each fact is kept as it was, so nothing changes
    clock.now += timedelta(hours=1)
    again = await say(layer, BEN, IMPORT)
    assert again.text.startswith("Nothing to import: nothing to add, nothing to update, 5 unchanged"), again.text


async def test_export_then_import_of_a_store_is_a_no_op(layer: CommandLayer, core: Core) -> None:
    await scenario(layer)
    await say(layer, ANA, 'topic add sanctions name="Sanctions" order=45')
    exported = (await say(layer, EVE, "fact export")).text
    before = await export(core)
    reply = await say(layer, ANA, "fact import\n" + exported)
    assert reply.text.startswith("Nothing to import: nothing to add, nothing to update,"), reply.text[:300]
    assert await export(core) == before


async def test_an_import_with_a_bad_quote_or_unknown_topic_changes_nothing(layer: CommandLayer, core: Core) -> None:
    before = await export(core)
    bad = IMPORT.replace("quote: had dinner with Kim Yong Chol", "quote: had lunch").replace(
        "topic: summit", "topic: gossip")
    reply = await say(layer, ANA, bad)
    assert reply.error
    assert "Fact pompeo-dinner: its quote does not occur in source 'nyt-2018-05-30'" in reply.text
    assert "fact pompeo-own-word: topic 'gossip' is not a known topic" in reply.text
    assert await export(core) == before


# --- bad input: one sentence, nothing changed ------------------------------------------------------


BAD = [
    ("entity add", "`entity add` needs ID"),
    ("entity add x", "`entity add` needs name=, kind="),
    ('entity add x name="X"', "`entity add` needs kind="),
    ('entity add Mike name="X" kind=person', "'Mike' is not a valid id"),
    ('entity add x name="X" kind=wizard', "kind 'wizard' is not one of person"),
    ('entity add x name="" kind=person', "`name=` needs a value"),
    ('entity add x name="X" kind=person colour=red', "`entity add` has no key colour="),
    ('entity add north-korea name="North Korea" kind=country', "entity north-korea already exists"),
    ('entity add x name="X" kind=person description="ping @everyone"', "is a mention"),
    ('entity add x name="X" kind=person description="' + "a" * 2100 + '"', "at most 2000 characters"),
    ('entity add x name="X kind=person', "a quote is never closed"),
    ('entity edit nobody name="X"', "There is no entity nobody"),
    ("entity edit north-korea", "say what to change"),
    ('entity edit north-korea name="North Korea"', "nothing to change"),
    ('entity edit north-korea name="N" version=0', "version must be a whole number"),
    ("entity edit north-korea name=", "`name=` needs a value"),
    ("entity edit north-korea kind=", "`kind=` needs a value"),
    ("entity retire north-korea", "cannot be retired"),
    ("entity retire nobody", "There is no entity nobody"),
    ("entity undo north-korea", "has no change left to undo"),
    ("entity undo nobody", "There is no entity nobody"),
    ("entity show nobody", "There is no entity nobody"),
    ("entity history nobody", "There is no entity nobody"),
    ("entity list wizard", "kind 'wizard' is not one of"),
    ("entity search", "say what to search for"),
    ("entity fly", "there is no `entity fly` command"),
    ('source add s title="T" publisher="P" date=2018-05-30', "`source add` needs text="),
    ('source add s title="T" publisher="P" date=2018-02-30 text="x"', "date 2018-02-30 is not a real day"),
    ('source add s title="T" publisher="P" date=May text="x"', "date 'May' is not written YYYY-MM-DD"),
    ('source add s title="T" publisher="P" date=2018-05-30 url=ftp://x text="x"', "is not a web address"),
    ('source add s title="T" publisher="P" date=2018-05-30 text="x"\nmore text', "not both"),
    ('source add wsj-2018-05-28 title="T" publisher="P" date=2018-05-30 text="x"', "source wsj-2018-05-28 already exists"),
    ('source add s title="T" publisher="P" date=2018-05-30 text="<!channel> now"', "is a mention"),
    ("source retire wsj-2018-05-28", "cannot be retired"),
    ('source edit wsj-2018-05-28 text="Nothing left."', "no longer holds the quotes of"),
    ('topic add t name="T" order=-1', "order must be a whole number"),
    ('topic add t name="T" order=99999', "order must be a whole number"),
    ('topic add summit name="Summit"', "topic summit already exists"),
    ("topic add t", "`topic add` needs name="),
    ("topic retire summit", "cannot be retired"),
    ('fact add x statement="A thing." subject=north-korea topic=gossip', "topic 'gossip' is not one of"),
    ("fact import entities: [{id: x, name: X}]", "entities.0.kind: Field required"),
    ("fact import entities: [{id: x, name: X, kind: person}, {id: x, name: Y, kind: person}]", "entity x: the id is used twice"),
    ("fact import topics: [{id: t}]", "topics.0.name: Field required"),
    ("fact import sources: [{id: s, title: T, outlet: O, published: 2018-13-01}]", "sources.0.published"),
    ("fact import entities: [{id: x, name: '@everyone', kind: person}]", "contains the mention"),
    ("fact import facts: [{id: x, subject: nobody, statement: S., topic: summit}]", "subject 'nobody' is not a known entity"),
    ("fact import foo: 1", "foo: Extra inputs are not permitted"),
    ("fact import topics: []", "it has nothing to import"),
]


@SQLITE_ONLY
@pytest.mark.parametrize(("text", "expected"), BAD, ids=[f"{i:02d}" for i in range(len(BAD))])
async def test_bad_input_is_one_sentence_and_the_export_is_unchanged(
    layer: CommandLayer, core: Core, text: str, expected: str
) -> None:
    before = await export(core)
    reply = await say(layer, ROOT, text)
    assert reply.error and reply.ephemeral, reply.text
    assert expected.lower() in reply.text.lower(), reply.text
    assert "\n" not in reply.text.split("\nUsage:")[0].strip() or "changed while" in reply.text
    assert await export(core) == before


# --- concurrency -----------------------------------------------------------------------------------


async def test_twenty_concurrent_edits_of_one_entity_lose_nothing(layer: CommandLayer, core: Core) -> None:
    await say(layer, ANA, POMPEO)
    admins = [Caller("slack", f"U{i:02d}", channel="C0", admin=True) for i in range(20)]
    replies = await asyncio.gather(*(
        layer.handle(f'entity edit mike-pompeo description="Edit number {i}." reason="edit {i}"', caller)
        for i, caller in enumerate(admins)
    ))
    assert all(not r.error for r in replies), [r.text for r in replies if r.error]
    history = await core.store.record_history("entity", "mike-pompeo")
    assert [v.version for v in history] == list(range(1, 22))
    for before, after in zip(history, history[1:]):
        assert after.previous == before.record  # each edit was made on the version before it: none lost
    assert sorted(v.reason for v in history[1:]) == sorted(f"edit {i}" for i in range(20))
    assert sorted(v.record.description for v in history[1:]) == sorted(f"Edit number {i}." for i in range(20))
    assert (await core.store.entities())["mike-pompeo"] == history[-1].record
