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
