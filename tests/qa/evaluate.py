"""Score the bot on every question set in `tests/qa/sets.yaml`, in process, the way a user meets it.

Each set runs on a fresh SQLite store seeded with the curated facts. A set with a `facts` file first
has its `fact add` lines typed by an admin through the command layer (as in the console), then every
question is asked the way `briefbot ask` asks it, and judged by `tests/qa/score.py`'s rule.

    .venv/bin/python -m tests.qa.evaluate            # every set: tune and blind, blind first
    .venv/bin/python -m tests.qa.evaluate -v NAME    # one set, with every miss
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from score import judge  # noqa: E402  (the scorer is a script of the evaluation kit)

from bot.app import open_core  # noqa: E402
from bot.core import Core  # noqa: E402
from bot.commands.base import Caller  # noqa: E402
from bot.commands.layer import CommandLayer  # noqa: E402
from config.settings import Settings  # noqa: E402

__all__ = ["SetResult", "ask_all", "evaluate", "load_sets", "opened_set"]


@dataclass(slots=True)
class SetResult:
    name: str
    kind: str
    floor: float
    total: int = 0
    right: int = 0
    answerable: int = 0
    answerable_right: int = 0
    abstain: int = 0
    abstain_right: int = 0
    hallucinated: int = 0
    added: int = 0
    facts: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return 100.0 * self.right / max(1, self.total)

    def line(self) -> str:
        facts = f", {self.added}/{self.facts} facts added" if self.facts else ""
        return (f"{self.name:18s} {self.kind:5s} {self.right:3d}/{self.total:<3d} {self.score:5.1f} %  "
                f"answerable {100 * self.answerable_right / max(1, self.answerable):5.1f} %  "
                f"abstain {100 * self.abstain_right / max(1, self.abstain):5.1f} %  "
                f"hallucinated {self.hallucinated}{facts}")


def load_sets() -> list[dict]:
    return yaml.safe_load((HERE / "sets.yaml").read_text(encoding="utf-8"))["sets"]


async def evaluate(entry: dict, *, workdir: Path) -> SetResult:
    async with opened_set(entry, workdir=workdir) as (_, layer, result):
        ask_all(entry, layer, result)
    return result


@asynccontextmanager
async def opened_set(entry: dict, *, workdir: Path) -> AsyncIterator[tuple[Core, CommandLayer, SetResult]]:
    """The set's core, its store seeded and grown by its `fact add` lines, and a result holding only what
    adding them came to: `ask_all` can ask the questions on it more than once (`tools/calibrate.py` does)."""
    result = SetResult(name=entry["name"], kind=entry["kind"], floor=float(entry.get("floor", 0)))
    settings = Settings(database_url=f"sqlite+aiosqlite:///{workdir / (entry['name'] + '.db')}", http_port=0)
    core = await open_core(settings)
    try:
        layer = CommandLayer(core)
        if entry.get("facts"):
            admin = Caller(platform="console", user_id="evaluator", channel="console", admin=True)
            lines = [ln for ln in (HERE / entry["facts"]).read_text(encoding="utf-8").splitlines() if ln.strip()]
            result.facts = len(lines)
            for line in lines:
                reply = await layer.handle(line, admin)
                if reply.text.startswith("Added "):  # a fact, or an entity or source it rests on
                    result.added += 1
                else:
                    result.misses.append(f"NOT ADDED {line[:60]!r}: {reply.text[:160]}")
        yield core, layer, result
    finally:
        await core.close()


def ask_all(entry: dict, layer: CommandLayer, result: SetResult) -> SetResult:
    """Ask every question of the set the way `briefbot ask` asks it, and count the verdicts into `result`."""
    for raw in (HERE / entry["questions"]).read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        case = json.loads(raw)
        answer = layer.answer(case["q"])
        ok, verdict = judge(case, answer.model_dump())
        result.total += 1
        result.right += ok
        if case["abstain"]:
            result.abstain += 1
            result.abstain_right += ok
            result.hallucinated += verdict == "hallucinated"
        else:
            result.answerable += 1
            result.answerable_right += ok
        if not ok:
            result.misses.append(f"{case['id']} [{verdict}] {case['q']!r} -> {answer.answer[:200]!r}")
    return result


async def _main(names: list[str], verbose: bool) -> int:
    sets = [s for s in load_sets() if not names or s["name"] in names]
    sets.sort(key=lambda s: (s["kind"] != "blind", s["name"]))
    with tempfile.TemporaryDirectory() as tmp:
        for entry in sets:
            result = await evaluate(entry, workdir=Path(tmp))
            print(result.line(), flush=True)
            if (verbose or names) and entry["kind"] != "blind":  # a blind set's misses are never read
                for miss in result.misses:
                    print("   ", miss)
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="sets to run (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    sys.exit(asyncio.run(_main(args.names, args.verbose)))


if __name__ == "__main__":
    main()
