"""Which facts win questions they do not answer, across every tune question set and tune dialogue set.

Each tune set (and the first turn of each tune dialogue) is asked as `tests.qa.evaluate` asks it; a fact
given in an answer judged wrong, or to a question that should be abstained on (hallucinated), is counted
against it. A fact that wins many questions it does not answer is carried by something other than what
it says (generic words, its length, a keyword): those are the facts worth a look with `FactIndex.explain`.
Blind sets are never run.

    .venv/bin/python -m tools.wrong_winners [--top N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.app import open_core
from bot.commands.base import Caller
from bot.commands.layer import CommandLayer
from briefings.answering.index import FactIndex
from briefings.answering.model import Answer
from config.settings import Settings
from tests.qa.dialogues import FLOORS, dialogues, meets
from tests.qa.evaluate import HERE, load_sets
from tests.qa.score import judge

DIALOGUE_SETS = tuple(name for name in FLOORS if not name.startswith("blind"))
"""The tune dialogue sets (blind ones are never run here)."""

SHOWN = ("coverage", "lexical", "similarity", "entities", "type", "focus", "relation_missing", "hard_missing",
         "entity_missing")
"""The features printed beside each question a fact won: what carried it."""


@dataclass(slots=True)
class Offender:
    """A fact and the questions it won without answering them."""

    text: str = ""
    wrong: list[str] = field(default_factory=list)
    hallucinated: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.wrong) + len(self.hallucinated)


async def _ask_set(entry: dict, workdir: Path, offenders: dict[str, Offender]) -> tuple[int, int]:
    """Every question of one QA set; returns (questions, misjudged answers that gave a fact)."""
    settings = Settings(database_url=f"sqlite+aiosqlite:///{workdir / (entry['name'] + '.db')}", http_port=0)
    core = await open_core(settings)
    asked = bad = 0
    try:
        layer = CommandLayer(core)
        if entry.get("facts"):
            admin = Caller(platform="console", user_id="evaluator", channel="console", admin=True)
            for line in (HERE / entry["facts"]).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    await layer.handle(line, admin)
        for raw in filter(str.strip, (HERE / entry["questions"]).read_text(encoding="utf-8").splitlines()):
            case = json.loads(raw)
            answer = layer.answer(case["q"])
            ok, verdict = judge(case, answer.model_dump())
            asked += 1
            if not ok and answer.found:
                bad += 1
                _blame(offenders, core.index, answer, f"{entry['name']}: {case['q']}", verdict)
    finally:
        await core.close()
    return asked, bad


async def _ask_dialogues(name: str, workdir: Path, offenders: dict[str, Offender]) -> tuple[int, int]:
    """The first turn of every dialogue of one tune dialogue set, each in a conversation of its own."""
    core = await open_core(Settings(database_url=f"sqlite+aiosqlite:///{workdir / ('dialogues_' + name + '.db')}"))
    asked = bad = 0
    try:
        for dialogue in dialogues(name):
            turn = dialogue.turns[0]
            answer = core.index.answer(turn.ask, threshold=core.settings.answer_threshold)
            asked += 1
            reply = answer.answer if answer.found else "I have no fact on that"
            if answer.found and not meets(reply, turn.expect):
                bad += 1
                verdict = "hallucinated" if "!found" in turn.expect else "wrong"
                _blame(offenders, core.index, answer, f"dialogues_{name}: {turn.ask}", verdict)
    finally:
        await core.close()
    return asked, bad


def _blame(offenders: dict[str, Offender], index: FactIndex, answer: Answer, label: str, verdict: str) -> None:
    """Count the misjudged question against each fact the answer gave, with what carried the fact there
    (its score and the features that are set, as `FactIndex.explain` reads them)."""
    rows = {fid: (f, score) for fid, f, score in index.explain(answer.reading or answer.question)[1]}
    for fid in answer.facts:
        offender = offenders[fid]
        if fid in index.table.facts:
            offender.text = " ".join(index.table.facts[fid].words)
        f, score = rows.get(fid, ({}, 0.0))
        carried = ", ".join(f"{k} {v:.2f}" for k, v in f.items() if v and k in SHOWN)
        (offender.hallucinated if verdict == "hallucinated" else offender.wrong).append(
            f"{label}  [{score:.2f}: {carried}]")


async def _main(top: int) -> None:
    offenders: dict[str, Offender] = defaultdict(Offender)
    asked = bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for entry in (s for s in load_sets() if s["kind"] == "tune"):
            a, b = await _ask_set(entry, Path(tmp), offenders)
            asked, bad = asked + a, bad + b
        for name in DIALOGUE_SETS:
            a, b = await _ask_dialogues(name, Path(tmp), offenders)
            asked, bad = asked + a, bad + b
    print(f"{asked} questions, {bad} answered with a fact that does not answer them\n")
    ranked = sorted(offenders.items(), key=lambda kv: (-kv[1].count, kv[0]))
    for fid, offender in ranked[:top]:
        print(f"{offender.count:3d} ({len(offender.hallucinated)} hallucinated) {fid}: {offender.text[:140]}")
        for label in offender.wrong + offender.hallucinated:
            print(f"      - {label}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=20, help="how many offenders to list")
    args = parser.parse_args()
    asyncio.run(_main(args.top))


if __name__ == "__main__":
    main()
