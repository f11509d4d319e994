"""The blind dialogue set (`dialogues.jsonl`): two- and three-turn conversations with what each answer
must say, and the standalone controls (`dialogue_controls.jsonl`) whose answers a conversation must not
change. Each surface's test runs them through its own path and checks the replies here.

An expectation is a list of checks, all of which must hold: "a|b" means the reply contains a or b
(case-insensitive); "!found" means the bot abstains ("I have no fact on that")."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

_HERE = Path(__file__).resolve().parent
PASS_RATE = 0.9


@dataclass(frozen=True, slots=True)
class Turn:
    ask: str
    expect: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Dialogue:
    id: str
    turns: tuple[Turn, ...]


def dialogues() -> list[Dialogue]:
    lines = (_HERE / "dialogues.jsonl").read_text(encoding="utf-8").splitlines()
    return [Dialogue(id=d["id"], turns=tuple(Turn(t["ask"], tuple(t["expect"])) for t in d["turns"]))
            for d in map(json.loads, filter(None, lines))]


def controls() -> list[str]:
    lines = (_HERE / "dialogue_controls.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["ask"] for line in lines if line]


def meets(reply: str, expect: tuple[str, ...]) -> bool:
    text = reply.lower()
    for check in expect:
        if check == "!found":
            if "no fact on that" not in text:
                return False
        elif not any(option.lower() in text for option in check.split("|")):
            return False
    return True


def score(replies: dict[str, list[str]]) -> tuple[float, list[str]]:
    """The share of dialogues whose every reply meets its turn's expectation, and the ids of the others."""
    wrong = [d.id for d in dialogues()
             if len(replies.get(d.id, [])) != len(d.turns)
             or not all(meets(r, t.expect) for r, t in zip(replies[d.id], d.turns))]
    return 1 - len(wrong) / len(dialogues()), wrong


async def _evaluate(verbose: bool) -> float:
    """Every dialogue through the command layer, each in a conversation of its own (as a console session)."""
    import tempfile

    from bot.app import open_core
    from bot.commands.base import Caller
    from bot.commands.layer import CommandLayer
    from config.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        core = await open_core(Settings(database_url=f"sqlite+aiosqlite:///{tmp}/dialogues.db"))
        try:
            layer = CommandLayer(core)
            replies: dict[str, list[str]] = {}
            for dialogue in dialogues():
                caller = Caller(platform="console", user_id="evaluator", channel="console", conversation=dialogue.id)
                replies[dialogue.id] = [(await layer.handle(t.ask, caller)).text for t in dialogue.turns]
                if verbose and not all(meets(r, t.expect) for r, t in zip(replies[dialogue.id], dialogue.turns)):
                    for turn, reply in zip(dialogue.turns, replies[dialogue.id]):
                        print(f"  {dialogue.id}: {turn.ask!r} -> {reply.splitlines()[0][:160]!r}")
        finally:
            await core.close()
    rate, wrong = score(replies)
    print(f"dialogues: {rate:.1%} of {len(replies)} right in every turn; wrong: {', '.join(wrong) or 'none'}")
    return rate


if __name__ == "__main__":  # .venv/bin/python -m tests.qa.dialogues [-v]
    import asyncio
    import sys

    sys.exit(0 if asyncio.run(_evaluate("-v" in sys.argv[1:])) >= PASS_RATE else 1)
