"""A message whose first word is a slip of a command word gets "did you mean" and the usage, never an
answer; a question that starts with an English word or a name the facts know is still a question."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import open_core
from bot.commands import Caller, CommandLayer
from config.settings import Settings

ANA = Caller("console", "ana", admin=True)


@pytest.fixture
async def layer(tmp_path: Path) -> AsyncIterator[CommandLayer]:
    core = await open_core(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'b.db'}"))
    try:
        yield CommandLayer(core)
    finally:
        await core.close()


@pytest.mark.parametrize(
    ("text", "meant"),
    [("fatc show summit-place", "fact"), ("entiti add x", "entity"), ("breif delegations", "brief"),
     ("subscrbe 08:00", "subscribe"), ("hepl", "help")],
)
async def test_a_slip_of_a_command_word_is_named(layer: CommandLayer, text: str, meant: str) -> None:
    if meant not in {w.split()[0] for w in layer.commands}:
        pytest.skip(f"`{meant}` is not a command on this checkout")
    reply = await layer.handle(text, ANA)
    assert reply.text.startswith(f"Did you mean `{meant}")  # "`fact show`?" when the rest names one
    assert reply.answer is None
    assert layer.answer(text).answer == reply.text  # briefbot ask says the same


@pytest.mark.parametrize("text", ["who led the singapore delegation", "hagin?", "what is the factual record"])
async def test_a_question_is_not_taken_for_a_command(layer: CommandLayer, text: str) -> None:
    reply = await layer.handle(text, ANA)
    assert "Did you mean" not in reply.text


@pytest.mark.parametrize(("text", "meant"), [("topic shwo delegations", "topic show"), ("fact serch hagin", "fact search"),
                                             ("entities", "entity"), ("admin list", "admins list")])
async def test_a_slip_of_a_sub_command_or_another_form_of_a_command_word_is_named(
        layer: CommandLayer, text: str, meant: str) -> None:
    reply = await layer.handle(text, ANA)
    assert reply.text.startswith(f"Did you mean `{meant}`?") and reply.answer is None


@pytest.mark.parametrize(("text", "usage"), [("how can I unsubscribe this channel?", "unsubscribe"),
                                             ("how to retire a fact", "fact retire ID"),
                                             ("How would we look up an entity?", "`entity` commands")])
async def test_how_to_use_a_command_is_answered_with_its_usage(layer: CommandLayer, text: str, usage: str) -> None:
    reply = await layer.handle(text, ANA)
    assert reply.text.startswith("With a command:") and usage in reply.text and reply.answer is None
    assert layer.answer(text).answer == reply.text


@pytest.mark.parametrize("text", ["sources on the summit?", "how did the delegations travel?",
                                  "how do the sources describe Hagin?"])
async def test_a_question_naming_a_command_word_is_still_a_question(layer: CommandLayer, text: str) -> None:
    reply = await layer.handle(text, ANA)
    assert "Did you mean" not in reply.text and not reply.text.startswith("With a command:")


async def test_help_with_words_that_name_no_command_lists_every_command(layer: CommandLayer) -> None:
    reply = await layer.handle("help me please", ANA)
    assert reply.text.startswith("Commands:") and not reply.error


@pytest.mark.parametrize(("text", "meant"), [("source lsit", "source list"), ("entity shwo dmz", "entity show"),
                                             ("admn list", "admins list"), ("fat search summit", "fact search")])
async def test_briefbot_ask_names_a_slip_of_a_sub_command_or_before_one(layer: CommandLayer, text: str, meant: str) -> None:
    """`briefbot ask` (and the QA sets) says "did you mean" as the chat does: for a slip of a group's
    sub-command, and for a slip of the group's word that its sub-command gives away ("admn list": two
    slips; "fat search": an English word one slip away)."""
    assert layer.answer(text).answer.startswith(f"Did you mean `{meant}`?")
    assert (await layer.handle(text, ANA)).text.startswith(f"Did you mean `{meant}")


@pytest.mark.parametrize("text", ["what list did they agree on", "fact check the summit date", "topic of the talks?"])
async def test_an_english_word_before_a_sub_command_word_is_still_a_question(layer: CommandLayer, text: str) -> None:
    assert "Did you mean" not in layer.answer(text).answer
