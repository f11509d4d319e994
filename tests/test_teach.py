"""`fact teach` / `fact unteach`: a versioned change of the fact that the answerer reads as more text
of it; shown in `fact show` and `fact history`, undone by `fact undo`, carried by export and import."""

from __future__ import annotations

import pytest

from bot.commands import CommandLayer
from briefings.files import parse_catalogue_file
from tests.test_commands import ANA, EVE, ROOT, Clock, clock, core, seeded_sqlite  # noqa: F401 (fixtures)

TAUGHT = "when will the two leaders sit down together"
CLOSE = "When are the two leaders going to sit down together?"
FACT = "summit-original-date"


@pytest.fixture
def layer(core, clock) -> CommandLayer:  # noqa: F811
    return CommandLayer(core, clock=clock)


async def test_a_taught_question_and_a_close_variant_answer_with_the_fact(layer, core) -> None:  # noqa: F811
    for question in (TAUGHT, CLOSE):
        assert not (await layer.handle(question, EVE)).answer.found
    reply = await layer.handle(f'fact teach {FACT} "{TAUGHT}"', ANA)
    assert not reply.error, reply.text
    assert f"Fact {FACT} (now version 2) answers \u201c{TAUGHT}\u201d" in reply.text
    for question in (TAUGHT, CLOSE):
        answer = (await layer.handle(question, EVE)).answer
        assert answer.found and answer.facts == [FACT], question
    stored = await core.facts.get(FACT)
    assert stored.fact.phrasings == [TAUGHT] and stored.version == 2


async def test_show_history_unteach_and_undo(layer, core) -> None:  # noqa: F811
    await layer.handle(f"fact teach {FACT} {TAUGHT}", ANA)  # unquoted works too
    await layer.handle(f'fact teach {FACT} "when is the summit"', ANA)
    shown = (await layer.handle(f"fact show {FACT}", EVE)).text
    assert f"taught questions: 1. \u201c{TAUGHT}\u201d 2. \u201cwhen is the summit\u201d" in shown
    history = (await layer.handle(f"fact history {FACT}", EVE)).text
    assert "teach by console:ana" in history and f"phrasings: (none) \u2192 \u201c{TAUGHT}\u201d" in history
    reply = await layer.handle(f"fact unteach {FACT} 1", ANA)
    assert not reply.error and f"no longer answers \u201c{TAUGHT}\u201d" in reply.text
    assert (await core.facts.get(FACT)).fact.phrasings == ["when is the summit"]
    assert not (await layer.handle(CLOSE, EVE)).answer.found
    assert "unteach by console:ana" in (await layer.handle(f"fact history {FACT}", EVE)).text
    await layer.handle(f"fact undo {FACT}", ANA)
    assert (await core.facts.get(FACT)).fact.phrasings == [TAUGHT, "when is the summit"]
    assert (await layer.handle(CLOSE, EVE)).answer.facts == [FACT]


async def test_export_and_import_carry_phrasings(layer, core) -> None:  # noqa: F811
    await layer.handle(f'fact teach {FACT} "{TAUGHT}"', ANA)
    exported = (await layer.handle("fact export", ROOT)).text
    [fact] = [f for f in parse_catalogue_file(exported, where="export").facts if f.id == FACT]
    assert fact.phrasings == [TAUGHT]
    await layer.handle(f"fact unteach {FACT} 1", ANA)
    dry = await layer.handle("fact import " + exported, ROOT)
    assert "update" in dry.text and FACT in dry.text and "phrasings" in dry.text, dry.text
    assert not (await layer.handle("fact import confirm", ROOT)).error
    assert (await core.facts.get(FACT)).fact.phrasings == [TAUGHT]
    assert (await layer.handle(CLOSE, EVE)).answer.facts == [FACT]


@pytest.mark.parametrize("text, says", [
    ('fact teach no-such-fact "when?"', "there is no fact no-such-fact"),
    (f"fact teach {FACT}", "needs QUESTION"),
    (f'fact teach {FACT} "{TAUGHT.upper()}"', "already answers"),
    (f"fact unteach {FACT} 2", "N must be a number from 1 to 1"),
    (f"fact unteach {FACT} x", "N must be a number from 1 to 1"),
    (f'fact teach {FACT} "ask <@U123> about it"', "is a mention"),
])
async def test_bad_teaching_is_one_sentence_and_changes_nothing(layer, core, text, says) -> None:  # noqa: F811
    await layer.handle(f'fact teach {FACT} "{TAUGHT}"', ANA)
    reply = await layer.handle(text, ANA)
    assert reply.error and says.lower() in reply.text.lower(), reply.text
    assert (await core.facts.get(FACT)).version == 2


async def test_only_admins_teach(layer, core) -> None:  # noqa: F811
    reply = await layer.handle(f'fact teach {FACT} "{TAUGHT}"', EVE)
    assert reply.error and reply.text.startswith("Only admins can change facts")
    assert (await core.facts.get(FACT)).version == 1
