"""The command layer as every chat surface uses it: a Core over a real store (SQLite, and PostgreSQL
when configured), one `handle(text, caller)` per message, and assertions on the reply and the store."""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from bot.app import Core, build_core
from bot.commands import Caller, CommandLayer, Outcome, Reply, Visibility
from bot.commands.facts import IMPORT_TTL
from briefings.files import dump_facts, parse_catalogue_file
from config.settings import Settings

from tests.conftest import Database

ROOT = Caller("console", "root")  # named in BRIEFBOT_ADMINS
ANA = Caller("console", "ana", admin=True)  # vouched for by the platform (--admin)
BEN = Caller("slack", "U0BEN", channel="C0NEWS", admin=True)
EVE = Caller("slack", "U0EVE", channel="C0NEWS")  # nobody's admin

SQLITE_ONLY = pytest.mark.parametrize("database", ["sqlite"], indirect=True)
"""For tests of the layer alone (parsing, wording): the store under them is tested on every database."""

HERON = 'fact add test-heron statement="The summit mascot is a blue heron." subject="Singapore summit" topic=summit'
MASCOT = "what is the summit mascot?"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 6, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


async def open_test_core(database: Database, *, admins: tuple[str, ...] = ("console:root",)) -> Core:
    store = await database.open()
    return await build_core(Settings(database_url=database.url, admins=admins), store)


@pytest.fixture(scope="session")
def seeded_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the curated facts seeded once; each test starts from a copy."""
    path = tmp_path_factory.mktemp("seeded") / "briefbot.db"

    async def seed() -> None:
        core = await open_test_core(Database(f"sqlite+aiosqlite:///{path}"))
        await core.close()

    asyncio.run(seed())
    return path


@pytest.fixture
async def core(database: Database, seeded_sqlite: Path) -> AsyncIterator[Core]:
    """A seeded core on each database."""
    if database.url.startswith("sqlite"):
        target = Path(database.url.removeprefix("sqlite+aiosqlite:///"))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seeded_sqlite, target)
    opened = await open_test_core(database)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def layer(core: Core, clock: Clock) -> CommandLayer:
    return CommandLayer(core, clock=clock)


async def say(layer: CommandLayer, caller: Caller, text: str) -> Reply:
    reply = await layer.handle(text, caller)
    assert "Traceback" not in reply.text and "went wrong on my side" not in reply.text, reply.text
    return reply


async def snapshot(core: Core) -> tuple[object, ...]:
    """Everything a command could change: an export of every fact, versions, sources, admins."""
    stored = await core.store.list_facts(include_retired=True)
    return (
        dump_facts([s.fact for s in stored]),
        [(s.fact.id, s.version, s.retired) for s in stored],
        sorted(await core.store.sources()),
        await core.admins.list_admins(),
    )


# --- questions and help ---------------------------------------------------------------------------


async def test_a_plain_question_is_a_question(layer: CommandLayer) -> None:
    reply = await say(layer, EVE, "who led the U.S. delegation to Singapore?")
    assert reply.answer is not None and reply.answer.found and "Hagin" in reply.text
    assert (await say(layer, EVE, "ask who led the U.S. delegation to Singapore?")).text == reply.text
    assert not (await say(layer, EVE, "   ")).error


async def test_a_bare_word_typed_in_chat_gets_the_help_reply_not_a_fact(layer: CommandLayer) -> None:
    for text in ("stop", "test"):
        reply = await say(layer, EVE, text)
        assert reply.answer is not None and not reply.answer.facts and "`help`" in reply.text


@SQLITE_ONLY
async def test_help_lists_every_command_and_explains_each_with_an_example(layer: CommandLayer) -> None:
    overview = (await say(layer, EVE, "help")).text
    assert overview.startswith("Commands:") and "Admins only:" in overview
    for name, command in layer.commands.items():
        assert command.usage in overview
        detail = await say(layer, EVE, f"help {name}")
        assert not detail.error and command.usage in detail.text and f"Example: {command.example}" in detail.text
    assert "fact edit" in (await say(layer, EVE, "help fact")).text
    assert "fact retire" in (await say(layer, EVE, "fact")).text
    unknown = await say(layer, EVE, "help frobnicate")
    assert unknown.error and "no command `frobnicate`" in unknown.text


@SQLITE_ONLY
async def test_every_example_in_help_parses(layer: CommandLayer, core: Core) -> None:
    """Each example, run by an admin, is understood (it may still be refused by the store's state)."""
    for command in layer.commands.values():
        reply = await say(layer, ROOT, command.example)
        for complaint in ("has no key", "needs ", "Unexpected", "quote is never closed", "no `"):
            assert complaint not in reply.text, (command.example, reply.text)


# --- reading -----------------------------------------------------------------------------------------


async def test_fact_show(layer: CommandLayer) -> None:
    reply = await say(layer, EVE, "fact show us-delegation-leader")
    lines = reply.text.splitlines()
    assert lines[0] == "us-delegation-leader (version 1)" and "Joe Hagin" in lines[1]
    assert "subject: us-delegation" in reply.text and "source: The Wall Street Journal" in reply.text
    missing = await say(layer, EVE, "fact show no-such-fact")
    assert missing.error and missing.text.startswith("There is no fact no-such-fact.\nUsage: fact show ID")


async def test_fact_search(layer: CommandLayer) -> None:
    reply = await say(layer, EVE, 'fact search "Hagin"')
    assert "us-delegation-leader" in reply.text and reply.text.startswith(("1 fact", "2 facts", "3 facts", "4 facts"))
    assert (await say(layer, EVE, "fact search zebra crossing")).text == "No fact matches \u201czebra crossing\u201d."
    assert (await say(layer, EVE, "fact search")).error


async def test_fact_export_is_an_import_file_of_the_whole_store(layer: CommandLayer, core: Core) -> None:
    reply = await say(layer, EVE, "fact export")
    exported = parse_catalogue_file(reply.text)
    catalogue = await core.store.catalogue()
    assert exported.to_facts() == list(catalogue.facts.values())
    assert exported.entities == list(catalogue.entities.values())
    assert exported.sources == list(catalogue.sources.values())  # their text included
    assert exported.topics == list(catalogue.topics.values())


# --- adding ------------------------------------------------------------------------------------------


async def test_fact_add_is_in_the_very_next_answer_and_cites_the_admin(layer: CommandLayer, core: Core) -> None:
    added = await say(layer, ANA, HERON)
    assert not added.error and added.text.startswith("Added fact test-heron (version 1)")
    answer = await say(layer, EVE, MASCOT)
    assert answer.answer.found and "heron" in answer.text and "briefbot admin console:ana" in answer.text

    stored = await core.store.get("test-heron")
    f = stored.fact
    assert (f.subject, f.relation, f.topic, f.provenance.source) == (
        "singapore-summit", "states", "summit", "admin-console-ana")
    assert f.provenance.recorded_by == "console:ana"
    source = (await core.store.sources())["admin-console-ana"]
    assert (source.outlet, source.file, source.published) == ("briefbot admin console:ana", None, datetime(2026, 6, 1).date())
    [version] = await core.store.history("test-heron")
    assert (version.action, version.actor, version.platform) == ("add", "console:ana", "console")


async def test_fact_add_with_every_key(layer: CommandLayer, core: Core) -> None:
    text = (
        'fact add hagin-arrival statement="Joe Hagin\'s team arrived in Singapore on Monday, May 28, 2018." '
        'subject="Joe Hagin" relation=arrived_in object=singapore value="Monday evening" date=2018-05-28 '
        'keywords="landed, reached" topic=delegations source=wsj-2018-05-28 '
        'quote="were due to arrive in Singapore later Monday"'
    )
    reply = await say(layer, BEN, text)
    assert not reply.error, reply.text
    f = (await core.store.get("hagin-arrival")).fact
    assert (f.subject, f.relation, f.object, f.value) == ("joe-hagin", "arrived_in", "singapore", "Monday evening")
    assert [d.day.isoformat() for d in f.dates] == ["2018-05-28"] and f.keywords == ["landed", "reached"]
    assert f.provenance.source == "wsj-2018-05-28" and "admin-slack-u0ben" not in await core.store.sources()


@SQLITE_ONLY
async def test_fact_add_with_typographic_quotes(layer: CommandLayer, core: Core) -> None:
    reply = await say(layer, ANA, "fact add test-heron statement=\u201cThe summit mascot is a blue heron.\u201d "
                                  "subject=\u201cSingapore summit\u201d topic=summit")
    assert not reply.error, reply.text
    assert (await core.store.get("test-heron")).fact.statement == "The summit mascot is a blue heron."


# --- bad input: one clear sentence, the usage, and nothing changed -------------------------------------

BAD_INPUT = [
    pytest.param('fact add test-heron subject="Singapore summit" topic=summit', "`fact add` needs statement=", id="missing key"),
    pytest.param(HERON + " colour=blue", "`fact add` has no key colour=: it takes statement=", id="unknown key"),
    pytest.param('fact add test-heron statement=The summit mascot subject=singapore-summit topic=summit',
                 "Unexpected 'summit mascot'", id="unquoted value"),
    pytest.param('fact add test-heron statement="The mascot is a heron. subject=x topic=summit', "never closed", id="open quote"),
    pytest.param('fact add test-heron statement="x" statement="y" subject=summit topic=summit', "given twice", id="twice"),
    pytest.param("fact add", "`fact add` needs ID", id="no id"),
    pytest.param('fact add Test_Heron statement="A heron." subject=summit topic=summit', "is not a valid id", id="bad id"),
    pytest.param('fact add us-delegation-leader statement="A heron." subject=summit topic=summit',
                 "Fact us-delegation-leader already exists.", id="duplicate id"),
    pytest.param('fact edit no-such-fact statement="A heron."', "There is no fact no-such-fact.", id="unknown id"),
    pytest.param("fact retire no-such-fact", "There is no fact no-such-fact.", id="unknown id retire"),
    pytest.param("fact undo no-such-fact", "There is no fact no-such-fact.", id="unknown id undo"),
    pytest.param('fact add test-heron statement="' + "a" * 2001 + '" subject=summit topic=summit',
                 "at most 2000 characters (got 2001)", id="text over 2000"),
    pytest.param(HERON + " date=2018-02-30", "Date 2018-02-30 is not a real day", id="impossible date"),
    pytest.param(HERON + " date=30/02/2018", "is not written YYYY-MM-DD", id="date format"),
    pytest.param(HERON + " topic=weather", "given twice", id="topic twice"),
    pytest.param('fact add test-heron statement="A heron." subject=summit topic=weather',
                 "Topic 'weather' is not one of analysis, delegations", id="unknown topic"),
    pytest.param('fact add test-heron statement="A heron." subject=Zeus topic=summit',
                 "Subject 'Zeus' is not a known entity", id="unknown entity"),
    pytest.param('fact add test-heron statement="A heron." subject=Kim topic=summit',
                 "could be any of kim-chang-son, kim-jong-un, sung-kim", id="ambiguous entity"),
    pytest.param('fact add test-heron statement="A heron." subject=summit topic=summit source=nyt',
                 "source 'nyt' is not a known source", id="unknown source"),
    pytest.param('fact add test-heron statement="A heron." subject=summit topic=summit source=wsj-2018-05-28 '
                 'quote="the mascot is a heron"', "its quote does not occur in source 'wsj-2018-05-28'", id="fake quote"),
    pytest.param('fact add test-heron statement="A heron.\x07" subject=summit topic=summit',
                 "control character (U+0007)", id="control character"),
    pytest.param('fact add test-heron statement="Hello @everyone, a heron." subject=summit topic=summit',
                 "is a mention", id="@everyone"),
    pytest.param('fact add test-heron statement="Hello <!channel> a heron." subject=summit topic=summit',
                 "is a mention", id="<!channel>"),
    pytest.param('fact add test-heron statement="Ask <@U123> about the heron." subject=summit topic=summit',
                 "is a mention", id="<@U123>"),
    pytest.param('fact edit us-delegation-leader statement="Hi @here"', "is a mention", id="@here in edit"),
    pytest.param('fact retire us-delegation-leader reason="<!everyone>"', "is a mention", id="mention in reason"),
    pytest.param("fact edit us-delegation-leader", "Say what to change", id="edit nothing"),
    pytest.param("fact edit us-delegation-leader statement=", "`statement=` needs a value", id="empty required"),
    pytest.param("fact edit us-delegation-leader version=two statement=x", "Version must be a whole number", id="bad version"),
    pytest.param("fact show us-delegation-leader extra", "Unexpected 'extra'", id="extra word"),
    pytest.param("fact show us-delegation-leader verbose=yes", "`fact show` has no key verbose=: it takes no key=value", id="key on show"),
    pytest.param("fact frobnicate x", "There is no `fact frobnicate` command", id="unknown subcommand"),
    pytest.param("fact import", "Give the YAML import file", id="import nothing"),
    pytest.param("fact import facts: [unclosed", "import: not valid YAML", id="invalid YAML"),
    pytest.param("fact import - just a list", "expected a mapping with `topics:`, `sources:`, `entities:` or `facts:` lists", id="YAML not a mapping"),
    pytest.param("fact import facts: [{id: x}]", "Field required", id="YAML missing fields"),
    pytest.param("fact import confirm", "no import waiting", id="confirm without import"),
    pytest.param("admins add slack", "is not an identity of the form PLATFORM:USER_ID", id="bad identity"),
    pytest.param("admins add telegram:U1", "is not an identity", id="unknown platform"),
    pytest.param("admins remove slack:U0NOBODY", "slack:U0NOBODY is not an admin added by command", id="remove non-admin"),
    pytest.param("ask", "Ask what?", id="ask nothing"),
    pytest.param("what " * 500 + "is this?", "That question is too long", id="long question"),
]


@SQLITE_ONLY
@pytest.mark.parametrize(("text", "expected"), BAD_INPUT)
async def test_bad_input_is_one_clear_message_and_changes_nothing(
    layer: CommandLayer, core: Core, text: str, expected: str
) -> None:
    before = await snapshot(core)
    reply = await say(layer, ROOT, text)
    assert reply.error and reply.ephemeral
    assert expected in reply.text, reply.text
    assert await snapshot(core) == before


@SQLITE_ONLY
async def test_input_errors_show_the_usage(layer: CommandLayer) -> None:
    reply = await say(layer, ROOT, 'fact add test-heron subject="Singapore summit" topic=summit')
    usage = layer.commands["fact add"].usage
    assert reply.text.splitlines()[:2] == ["`fact add` needs statement=.", f"Usage: {usage}"]
    assert "Example: fact add" in reply.text


@SQLITE_ONLY
async def test_no_reply_echoes_a_live_mention(layer: CommandLayer) -> None:
    for text in ("fact show <@U123>", "fact search @everyone", "<!channel> who is Kim Jong Un?",
                 'fact add x statement="@everyone" subject=summit topic=summit'):
        for caller in (EVE, ROOT):
            reply = await say(layer, caller, text)
            assert "@everyone" not in reply.text and "<!channel>" not in reply.text and "<@U123>" not in reply.text


# --- editing, retiring, undoing: each is a version, each is in the next answer --------------------------


async def test_edit_then_undo_then_retire_then_undo_each_show_in_the_next_answer(layer: CommandLayer, core: Core) -> None:
    await say(layer, ANA, HERON)
    edited = await say(layer, BEN, 'fact edit test-heron statement="The summit mascot is a grey heron." reason="colour"')
    assert not edited.error and edited.text.startswith("Fact test-heron is now at version 2")
    assert "grey heron" in (await say(layer, EVE, MASCOT)).text

    undone = await say(layer, ANA, "fact undo test-heron")
    assert "version 3" in undone.text and "blue heron" in (await say(layer, EVE, MASCOT)).text

    retired = await say(layer, ANA, 'fact retire test-heron reason="a joke"')
    assert retired.text.startswith("Retired fact test-heron (version 4)")
    abstain = await say(layer, EVE, MASCOT)
    assert not abstain.answer.found and "heron" not in abstain.text
    stored = await core.store.get("test-heron")
    assert stored.retired and stored.retired_reason == "a joke"  # never deleted
    assert "retired: a joke" in (await say(layer, EVE, "fact show test-heron")).text
    assert "[retired]" in (await say(layer, EVE, "fact search heron")).text

    back = await say(layer, BEN, "fact undo test-heron")
    assert "version 5" in back.text and "(in use)" in back.text
    assert "blue heron" in (await say(layer, EVE, MASCOT)).text
    assert [v.action for v in await core.store.history("test-heron")] == ["add", "edit", "undo", "retire", "undo"]


async def test_history_shows_who_when_where_and_what(layer: CommandLayer, clock: Clock) -> None:
    await say(layer, ANA, HERON)
    await say(layer, BEN, 'fact edit test-heron statement="The summit mascot is a grey heron." keywords="bird" reason="colour"')
    await say(layer, ANA, "fact retire test-heron")
    await say(layer, ANA, "fact undo test-heron")
    history = (await say(layer, EVE, "fact history test-heron")).text
    lines = history.splitlines()
    assert lines[0] == "History of fact test-heron (4 versions):"
    assert lines[1].startswith("v1 \u00b7 20") and lines[1].endswith("UTC \u00b7 add by console:ana via console")
    assert lines[2] == "    created: \u201cThe summit mascot is a blue heron.\u201d"
    assert lines[3].endswith("edit by slack:U0BEN via slack #C0NEWS \u2014 reason: colour")
    assert lines[4] == "    statement: \u201cThe summit mascot is a blue heron.\u201d \u2192 \u201cThe summit mascot is a grey heron.\u201d"
    assert lines[5] == "    keywords: (none) \u2192 \u201cbird\u201d"
    assert lines[6].endswith("retire by console:ana via console") and lines[7] == "    retired"
    assert lines[8].endswith("undo by console:ana via console") and lines[9] == "    back in use (no longer retired)"
    assert (await say(layer, EVE, "fact history no-such-fact")).error


async def test_undo_of_a_fact_as_added_says_there_is_nothing_to_undo(layer: CommandLayer, core: Core) -> None:
    before = await snapshot(core)
    reply = await say(layer, ROOT, "fact undo us-delegation-leader")
    assert reply.error and "no change left to undo" in reply.text
    assert await snapshot(core) == before


async def test_edit_can_clear_an_optional_field_and_refuses_a_no_op(layer: CommandLayer, core: Core) -> None:
    await say(layer, ANA, HERON + ' keywords="bird, mascot" date=2018-06-12')
    assert not (await say(layer, ANA, "fact edit test-heron keywords= date=")).error
    f = (await core.store.get("test-heron")).fact
    assert f.keywords == [] and f.dates == []
    same = await say(layer, ANA, 'fact edit test-heron statement="The summit mascot is a blue heron."')
    assert same.error and "nothing to change" in same.text.lower()
    assert (await core.store.get("test-heron")).version == 2


async def test_edit_resolves_entities_and_rechecks_the_quote(layer: CommandLayer, core: Core) -> None:
    assert not (await say(layer, ROOT, 'fact edit us-delegation-leader subject="the summit"')).error
    assert (await core.store.get("us-delegation-leader")).fact.subject == "singapore-summit"
    bad = await say(layer, ROOT, 'fact edit us-delegation-leader quote="words nobody wrote"')
    assert bad.error and "quote does not occur" in bad.text


# --- concurrency -------------------------------------------------------------------------------------


async def test_the_later_of_two_admins_is_told_and_shown_the_current_value(layer: CommandLayer, core: Core) -> None:
    await say(layer, ANA, HERON)
    first = await say(layer, ANA, 'fact edit test-heron statement="The summit mascot is a grey heron." version=1')
    second = await say(layer, BEN, 'fact edit test-heron statement="The summit mascot is a white heron." version=1')
    assert not first.error
    assert second.error and second.text.startswith(
        "Fact test-heron changed while you were working on it: it is now at version 2 (you had version 1), "
        "last changed by console:ana. Nothing was changed."
    )
    assert "The summit mascot is a grey heron." in second.text
    assert (await core.store.get("test-heron")).fact.statement == "The summit mascot is a grey heron."
    stale_retire = await say(layer, BEN, "fact retire test-heron version=1")
    assert stale_retire.error and "changed while you were working on it" in stale_retire.text


async def test_fifty_concurrent_edits_by_five_admins_lose_nothing_and_plain_ones_all_apply(layer: CommandLayer, core: Core) -> None:
    await say(layer, ANA, HERON)
    admins = [Caller("slack", f"U0ADMIN{i}", channel="C0NEWS", admin=True) for i in range(5)]

    async def edits(i: int, caller: Caller) -> list[tuple[str, Reply]]:
        out = []
        for j in range(10):
            statement = f"The summit mascot is heron number {i}-{j}."
            if j % 2:  # half say which version they read, half let the layer read it
                read = await core.store.get("test-heron")
                text = f'fact edit test-heron statement="{statement}" version={read.version}'
            else:
                text = f'fact edit test-heron statement="{statement}"'
            out.append((statement, await layer.handle(text, caller)))
        return out

    results = [r for batch in await asyncio.gather(*(edits(i, c) for i, c in enumerate(admins))) for r in batch]
    assert len(results) == 50
    won = [s for s, reply in results if not reply.error]
    assert 25 <= len(won) <= 50
    plain = [reply for statement, reply in results if int(statement.rstrip(".").rsplit("-", 1)[1]) % 2 == 0]
    assert len(plain) == 25 and not any(r.error for r in plain)  # only version=N is refused on conflict
    for _, reply in results:
        assert reply.text.startswith("Fact test-heron is now at version") or (
            reply.error and "changed while you were working on it" in reply.text
        ), reply.text
    history = await core.store.history("test-heron")
    assert [v.version for v in history] == list(range(1, len(won) + 2))  # an unbroken chain
    assert all(v.previous == p.fact for p, v in zip(history, history[1:]))  # each built on the one before
    assert sorted(v.fact.statement for v in history[1:]) == sorted(won)  # no update lost, none doubled
    final = history[-1].fact.statement
    assert (await core.store.get("test-heron")).fact.statement == final
    assert (await say(layer, EVE, MASCOT)).answer.answer.startswith(final)  # the index kept the newest


# --- import ------------------------------------------------------------------------------------------


def import_text(core_facts: list, *, statement: str) -> str:
    records = yaml.safe_load(dump_facts(core_facts))
    records["facts"][0]["statement"] = statement
    records["facts"].append({
        "id": "test-heron", "subject": "singapore-summit", "relation": "states", "topic": "summit",
        "statement": "The summit mascot is a blue heron.", "source": "wsj-2018-05-28",
        "recorded_at": "2026-06-01T09:00:00Z", "recorded_by": "console:ana",
    })
    return yaml.safe_dump(records, sort_keys=False, allow_unicode=True)


async def test_import_dry_run_then_confirm(layer: CommandLayer, core: Core) -> None:
    facts = [s.fact for s in await core.store.list_facts()][:3]
    text = import_text(facts, statement="A corrected statement about the talks.")
    before = await snapshot(core)
    dry = await say(layer, BEN, "fact import\n" + text)
    assert not dry.error and dry.text.startswith(
        "Dry run, nothing changed yet: 1 fact to add, 1 fact to update, 2 unchanged.\n"
        "+ fact test-heron: The summit mascot is a blue heron.\n"
        f"~ fact {facts[0].id} (now version 1)\n"
        f"    statement: \u201c{facts[0].statement}\u201d \u2192 \u201cA corrected statement about the talks.\u201d\n"
    )
    assert await snapshot(core) == before
    assert (await say(layer, ANA, "fact import confirm")).error  # someone else's import is not yours to apply
    assert await snapshot(core) == before

    done = await say(layer, BEN, "fact import confirm")
    assert done.text == "Imported: 1 fact added, 1 fact updated, 2 unchanged."
    assert (await core.store.get(facts[0].id)).fact.statement == "A corrected statement about the talks."
    assert "heron" in (await say(layer, EVE, MASCOT)).text
    [version] = await core.store.history("test-heron")
    assert (version.action, version.actor, version.channel) == ("import", "slack:U0BEN", "C0NEWS")
    assert (await say(layer, BEN, "fact import confirm")).error  # applied once only


async def test_import_on_the_same_line_and_unchanged_and_cancel(layer: CommandLayer, core: Core) -> None:
    stored = await core.store.list_facts()
    same = dump_facts([stored[0].fact])
    flow = yaml.safe_dump(yaml.safe_load(same), default_flow_style=True, width=10_000).strip()
    assert "\n" not in flow
    assert (await say(layer, ROOT, f"fact import {flow}")).text == (
        "Nothing to import: nothing to add, nothing to update, 1 unchanged; all of it is already exactly so.")
    changed = flow.replace(stored[0].fact.statement, "A new statement.")
    assert "1 fact to update" in (await say(layer, ROOT, f"fact import {changed}")).text
    before = await snapshot(core)
    assert (await say(layer, ROOT, "fact import cancel")).text == "Import cancelled; nothing was changed."
    assert (await say(layer, ROOT, "fact import confirm")).error
    assert await snapshot(core) == before


@SQLITE_ONLY
async def test_an_import_expires(layer: CommandLayer, core: Core, clock: Clock) -> None:
    text = import_text([(await core.store.list_facts())[0].fact], statement="Changed.")
    await say(layer, ROOT, "fact import\n" + text)
    clock.now += IMPORT_TTL + timedelta(seconds=1)
    before = await snapshot(core)
    reply = await say(layer, ROOT, "fact import confirm")
    assert reply.error and "expired" in reply.text
    assert await snapshot(core) == before


async def test_an_import_overtaken_by_an_edit_applies_nothing(layer: CommandLayer, core: Core) -> None:
    first = (await core.store.list_facts())[0].fact
    await say(layer, ROOT, "fact import\n" + import_text([first], statement="From the import."))
    await say(layer, ANA, f'fact edit {first.id} statement="Edited meanwhile."')
    before = await snapshot(core)
    reply = await say(layer, ROOT, "fact import confirm")
    assert reply.error and f"nothing was imported: fact {first.id} changed since your dry run" in reply.text.lower()
    assert await snapshot(core) == before


@SQLITE_ONLY
@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"subject": "nobody"}, "subject 'nobody' is not a known entity"),
        ({"statement": "Call @everyone now."}, "contains the mention"),
        ({"statement": "x" * 2001}, "at most 2000 characters"),
        ({"dates": [{"day": "2018-02-30"}]}, "dates.0.day"),
        ({"colour": "blue"}, "Extra inputs are not permitted"),
    ],
)
async def test_an_import_is_validated_whole(layer: CommandLayer, core: Core, change: dict, expected: str) -> None:
    records = yaml.safe_load(import_text([(await core.store.list_facts())[0].fact], statement="Fine."))
    records["facts"][-1].update(change)
    before = await snapshot(core)
    reply = await say(layer, ROOT, "fact import\n" + yaml.safe_dump(records))
    assert reply.error and expected in reply.text, reply.text
    assert await snapshot(core) == before
    assert (await say(layer, ROOT, "fact import confirm")).error


# --- admins and access control -----------------------------------------------------------------------

CHANGES = [
    HERON,
    'fact edit us-delegation-leader statement="Someone else led it."',
    "fact retire us-delegation-leader",
    "fact undo us-delegation-leader",
    "fact import facts: []",
    "fact import confirm",
    "admins add slack:U0EVE",
    "admins remove console:root",
]


@pytest.mark.parametrize("text", CHANGES)
async def test_every_change_is_refused_for_a_non_admin(
    layer: CommandLayer, core: Core, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    before = await snapshot(core)
    with caplog.at_level(logging.INFO, logger="briefbot.audit"):
        reply = await say(layer, EVE, text)
    assert reply.error and reply.ephemeral
    what = "admins" if text.startswith("admins") else "facts"
    assert reply.text == f"Only admins can change {what}. Ask an admin: console:root."
    assert await snapshot(core) == before
    [record] = [r for r in caplog.records if r.name == "briefbot.audit"]
    assert record.levelno == logging.WARNING and "refused" in record.getMessage()
    assert "slack:U0EVE" in record.getMessage() and "statement" not in record.getMessage()


async def test_anyone_may_read(layer: CommandLayer) -> None:
    for text in ("fact show us-delegation-leader", "fact search Hagin", "fact history us-delegation-leader",
                 "fact export", "admins list", "help", "who is Choe Son Hui?"):
        assert not (await say(layer, EVE, text)).error, text


async def test_admins_add_list_remove(layer: CommandLayer, core: Core) -> None:
    assert (await say(layer, EVE, "admins list")).text == "Admins (1):\n  console:root (BRIEFBOT_ADMINS)"
    assert (await say(layer, ROOT, "admins add slack:U0EVE")).text == "slack:U0EVE is now an admin."
    listed = (await say(layer, EVE, "admins list")).text
    assert listed.splitlines()[2].startswith("  slack:U0EVE (added by console:root on 20")
    assert not (await say(layer, EVE, HERON)).error  # now she may
    assert (await say(layer, EVE, "admins add slack:U0EVE")).text.startswith("slack:U0EVE is already an admin.")
    assert "Ask an admin: console:root, slack:U0EVE." in (await say(layer, Caller("discord", "1"), HERON)).text

    assert (await say(layer, ROOT, "admins remove slack:U0EVE")).text == "slack:U0EVE is no longer an admin."
    assert (await say(layer, EVE, "fact retire test-heron")).text.startswith("Only admins can change facts.")
    assert await core.admins.list_admins() == []


async def test_env_admins_cannot_be_removed_or_added_by_command(layer: CommandLayer, core: Core) -> None:
    before = await snapshot(core)
    removed = await say(layer, ANA, "admins remove console:root")
    assert removed.error and removed.text == (
        "console:root is an admin through BRIEFBOT_ADMINS, which commands cannot change: "
        "remove it from that setting and restart briefbot."
    )
    assert (await say(layer, ANA, "admins add console:root")).error
    assert await snapshot(core) == before


async def test_no_admins_configured(database: Database) -> None:
    core = await open_test_core(database, admins=())
    try:
        layer = CommandLayer(core)
        reply = await say(layer, EVE, HERON)
        assert reply.text.startswith("Only admins can change facts, and none is configured yet")
        assert (await say(layer, EVE, "admins list")).text.startswith("There are no admins yet")
    finally:
        await core.close()


@SQLITE_ONLY
async def test_a_bug_in_a_command_is_a_polite_reply_and_logged(
    layer: CommandLayer, core: Core, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(fact_id: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(core.store, "history", broken)
    with caplog.at_level(logging.ERROR, logger="briefbot.commands"):
        reply = await layer.handle("fact history us-delegation-leader", EVE)
    assert reply.error and "Traceback" not in reply.text and "boom" not in reply.text
    assert any(r.exc_info for r in caplog.records)


@SQLITE_ONLY
def test_a_surface_command_can_be_registered(core: Core) -> None:
    from bot.commands import Command

    async def remind(call):  # pragma: no cover - only registered here
        return Reply(text="reminded")

    layer = CommandLayer(core, extra=[Command("remind", "remind", "a reminder", "remind", remind)])
    assert "remind" in layer.commands and "brief" in layer.commands and "subscribe" in layer.commands
    with pytest.raises(ValueError, match="two commands"):
        CommandLayer(core, extra=[Command("brief", "brief", "again", "brief", remind)])


# --- what a reply carries: outcome, visibility, field errors -------------------------------------


@SQLITE_ONLY
async def test_the_layer_decides_each_reply_s_outcome_and_visibility(layer: CommandLayer) -> None:
    def seen(reply: Reply) -> tuple[Outcome, Visibility]:
        return reply.outcome, reply.visibility

    assert seen(await say(layer, EVE, "who led the U.S. delegation to Singapore?")) == (Outcome.ANSWERED, Visibility.PUBLIC)
    assert seen(await say(layer, EVE, "who led the chinese delegation?")) == (Outcome.NO_FACT, Visibility.PUBLIC)
    assert seen(await say(layer, EVE, "fact show us-delegation-leader")) == (Outcome.SHOWN, Visibility.PUBLIC)
    assert seen(await say(layer, EVE, "fact show no-such-fact")) == (Outcome.INVALID, Visibility.EPHEMERAL)
    assert seen(await say(layer, EVE, HERON)) == (Outcome.REFUSED, Visibility.EPHEMERAL)
    assert seen(await say(layer, ROOT, HERON)) == (Outcome.CHANGED, Visibility.EPHEMERAL)  # an admin's change
    assert seen(await say(layer, ROOT, "unanswered")) == (Outcome.CHANGED, Visibility.EPHEMERAL)
    thanks = await layer.feedback("who is kim yong chol", helpful=True, caller=EVE)
    assert seen(thanks) == (Outcome.SHOWN, Visibility.EPHEMERAL)  # a thumbs up is thanked privately
    # known before the command runs (Discord's deferral), and the same as the reply's
    assert layer.visibility("FACT edit x statement=y") is Visibility.EPHEMERAL
    assert layer.visibility("unanswered 3") is Visibility.EPHEMERAL
    assert all(layer.visibility(t) is Visibility.PUBLIC for t in ("fact show x", "help", "who is kim", ""))
    assert await layer.may("fact add", ROOT) and await layer.may("fact show", EVE)
    assert not await layer.may("fact add", EVE) and not await layer.may("no such command", ROOT)


_ADD = 'fact add test-heron statement="The summit mascot is a blue heron." subject="Singapore summit" topic=summit'


@SQLITE_ONLY
@pytest.mark.parametrize(
    ("command", "field"),
    [
        (_ADD.replace("test-heron", "Bad_Id"), "id"),
        (_ADD.replace("us-", "").replace("test-heron", "us-delegation-leader"), "id"),
        (_ADD.replace('"Singapore summit"', "Atlantis"), "subject"),
        (_ADD + " object=Atlantis", "object"),
        (_ADD.replace("topic=summit", "topic=nowhere"), "topic"),
        (_ADD + " date=2018-13-01", "date"),
        (_ADD + " source=no-such-source", "source"),
        (_ADD + ' source=wsj-2018-05-28 quote="the mascot is a heron"', "quote"),
        (_ADD.replace("a blue heron", "a blue <!channel> heron"), "statement"),
        (_ADD.replace(' statement="The summit mascot is a blue heron."', ""), "statement"),
        ('entity add mike-pompeo name="Mike Pompeo" kind=wizard', "kind"),
        ('entity add north-korea name="North Korea" kind=country', "id"),
    ],
)
async def test_a_refused_change_says_which_field_it_is_about(layer: CommandLayer, command: str, field: str) -> None:
    reply = await say(layer, ROOT, command)
    assert (reply.outcome, reply.visibility) == (Outcome.INVALID, Visibility.EPHEMERAL), reply.text
    assert list(reply.field_errors) == [field], reply.text
    assert reply.field_errors[field] in reply.text and "Usage" not in reply.field_errors[field]


@SQLITE_ONLY
async def test_an_error_about_no_field_names_none(layer: CommandLayer) -> None:
    assert (await say(layer, ROOT, 'fact add test-heron color="blue"')).field_errors == {}
    assert (await say(layer, EVE, HERON)).field_errors == {}


@SQLITE_ONLY
async def test_a_typed_call_is_the_message_it_stands_for(layer: CommandLayer, core: Core) -> None:
    options = {"statement": 'The summit mascot is a "blue" heron \\ egret.', "subject": "Singapore summit",
               "topic": "summit", "date": None, "keywords": "mascot, bird"}
    refused = await layer.call("fact add", EVE, words=["test-heron"], options=options)
    assert refused.outcome is Outcome.REFUSED and refused.text == (await say(layer, EVE, HERON)).text
    added = await layer.call("fact add", ROOT, words=["test-heron"], options=options)
    assert added.outcome is Outcome.CHANGED and added.visibility is Visibility.EPHEMERAL, added.text
    stored = await core.store.get("test-heron")
    assert stored is not None and stored.fact.statement == options["statement"]  # no quoting to get wrong
    cleared = await layer.call("fact edit", ROOT, words=["test-heron"], options={"keywords": "", "version": 1})
    assert cleared.outcome is Outcome.CHANGED, cleared.text
    stored = await core.store.get("test-heron")
    assert stored is not None and stored.fact.keywords == [] and stored.version == 2
    asked = await layer.call("ask", EVE, text=MASCOT)
    assert asked.outcome is Outcome.ANSWERED and "heron" in asked.text
    assert (await layer.call("fact show", EVE)).text.startswith("`fact show` needs ID")
    bad = await layer.call("fact search", EVE, text="heron\x07")
    assert bad.outcome is Outcome.INVALID and "control character" in bad.text


@SQLITE_ONLY
async def test_the_home_page_is_today_s_full_briefing(layer: CommandLayer) -> None:
    home = await layer.home(EVE)
    full = await say(layer, EVE, "brief full")
    assert home.briefing is not None and home.briefing == full.briefing and home.outcome is Outcome.SHOWN


@SQLITE_ONLY
@pytest.mark.parametrize("value", ['a "quoted" word', "back\\slash", "trailing\\", "key=value inside", "“curly”"])
async def test_every_typed_value_reaches_the_command_as_given(layer: CommandLayer, core: Core, value: str) -> None:
    statement = f"The summit mascot is a heron, {value}."
    reply = await layer.call("fact edit", ROOT, words=["us-delegation-leader"], options={"statement": statement})
    assert reply.outcome is Outcome.CHANGED, reply.text
    stored = await core.store.get("us-delegation-leader")
    assert stored is not None and stored.fact.statement == statement


@SQLITE_ONLY
async def test_more_keys_as_typed_join_a_typed_call(layer: CommandLayer, core: Core) -> None:
    options = {"statement": "The summit mascot is a blue heron.", "subject": "Singapore summit", "topic": "summit"}
    twice = await layer.call("fact add", ROOT, words=["test-heron"], options=options, text="topic=people")
    assert twice.outcome is Outcome.INVALID and "`topic=` given twice" in twice.text
    assert list(twice.field_errors) == ["topic"]
    added = await layer.call("fact add", ROOT, words=["test-heron"], options=options, text="date=2018-06-12")
    assert added.outcome is Outcome.CHANGED, added.text
    stored = await core.store.get("test-heron")
    assert stored is not None and str(stored.fact.dates[0].day) == "2018-06-12"
