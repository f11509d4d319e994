"""Calibrate the answer-or-abstain constants against what the mission says: a wrong answer is worse than none.

The cost of a setting, over every tune set (never a blind one):

    cost = wrong answers to answerable questions + refused answerable questions + 2 x hallucinations

(a hallucination is an answer to a question that should be refused). Each tune set's store is built
once (`tests.qa.evaluate.opened_set`); for each setting of the grid the named constants of the score
and decide stages are set (on every answering module that binds them, and the threshold on the
index), and the set's questions are asked and judged by `tests.qa.evaluate.ask_all`: each setting
scores exactly as `python -m tests.qa.evaluate` would with those constants in the code.

    nice .venv/bin/python -m tools.calibrate                                   # the default grid
    nice .venv/bin/python -m tools.calibrate THRESHOLD=0.5,0.55,0.6 PEER_SUBJECT=0.65,0.75
    nice .venv/bin/python -m tools.calibrate --one-at-a-time                   # each constant alone

The grid is the product of the values given (every other constant as in the code); with
`--one-at-a-time`, each constant takes its values while the others keep theirs. THRESHOLD is the
index's abstain threshold (`decide.DEFAULT_THRESHOLD`); any other name is a module constant of
`briefings.answering.score` or `briefings.answering.decide`. The current setting is always scored
first. Prints, per setting, the cost and each set's score, then the settings by cost.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from briefings.answering import decide, index, score
from tests.qa.evaluate import SetResult, ask_all, load_sets, opened_set

__all__ = ["THRESHOLD", "cost", "current", "parse_grid", "settings_of"]

THRESHOLD = "THRESHOLD"
"""The grid's name for the abstain threshold, which the index holds (set from `decide.DEFAULT_THRESHOLD`)."""
HALLUCINATION_COST = 2
"""An answer to a question that should be refused costs twice a wrong or refused answer."""
MODULES: tuple[ModuleType, ...] = (score, decide, index)
"""The answering modules that bind the constants (index imports some of them by name)."""
DEFAULT_GRID: dict[str, tuple[float, ...]] = {
    THRESHOLD: (0.5, 0.55, 0.6, 0.65),
    "MISSING_RELATION": (0.75, 0.85, 0.95),
    "MISSING_ACT": (0.5, 0.6, 0.7),
}
"""The constants that decide most abstentions: the threshold, and the factors for a fact that does
not say the question's verb or the act asked of "what did X say"."""
ONE_AT_A_TIME: dict[str, tuple[float, ...]] = {
    THRESHOLD: (0.45, 0.5, 0.6, 0.65, 0.7),
    "MISSING_RELATION": (0.7, 0.75, 0.8, 0.9, 0.95),
    "MISSING_ACT": (0.4, 0.5, 0.7, 0.8),
    "PEER_SUBJECT": (0.6, 0.65, 0.85, 0.9),
    "WEAK_TYPE": (0.6, 0.7, 0.9),
    "KIND_UNSAID": (0.6, 0.65, 0.85, 0.9),
    "MISSING_HARD": (0.25, 0.3, 0.4, 0.45),
    "NOTHING_SAID": (0.1, 0.15, 0.25, 0.3),
    "RUNNER_UP": (0.85, 0.95),
}
"""The values `--one-at-a-time` tries, each around the one in the code."""

Setting = dict[str, float]


def cost(results: Sequence[SetResult]) -> int:
    """The mission's cost of the results: every answerable question not answered right (wrong or
    refused) counts one, every answer to a question that should be refused counts HALLUCINATION_COST."""
    return sum((r.answerable - r.answerable_right) + HALLUCINATION_COST * r.hallucinated for r in results)


def current(names: Sequence[str]) -> Setting:
    """The values the code holds now for `names`."""
    return {name: decide.DEFAULT_THRESHOLD if name == THRESHOLD else getattr(_owner(name), name) for name in names}


def parse_grid(specs: Sequence[str]) -> dict[str, tuple[float, ...]]:
    """`NAME=v1,v2,...` arguments as a grid; an unknown name is an error, not a silent no-op."""
    grid: dict[str, tuple[float, ...]] = {}
    for spec in specs:
        name, sep, values = spec.partition("=")
        if not sep or not values:
            raise ValueError(f"expected NAME=v1,v2,..., got {spec!r}")
        if name != THRESHOLD:
            _owner(name)
        grid[name] = tuple(float(v) for v in values.split(","))
    return grid


def settings_of(grid: Mapping[str, Sequence[float]], *, one_at_a_time: bool = False) -> list[Setting]:
    """The settings to score, the current one first, each once."""
    now = current(list(grid))
    if one_at_a_time:
        found = [now] + [{**now, name: v} for name, values in grid.items() for v in values]
    else:
        found = [now] + [dict(zip(grid, values)) for values in itertools.product(*grid.values())]
    unique: list[Setting] = []
    for setting in found:
        if setting not in unique:
            unique.append(setting)
    return unique


def _owner(name: str) -> ModuleType:
    for module in (score, decide):
        if isinstance(getattr(module, name, None), (int, float)) and name.isupper():
            return module
    raise ValueError(f"{name!r} is no numeric constant of the score or decide stage")


@contextmanager
def _applied(setting: Setting, core) -> Iterator[None]:
    """The constants of `setting` in every module that binds them, and the threshold on the index;
    the values of the code again afterwards."""
    saved = [(m, name, getattr(m, name)) for name in setting if name != THRESHOLD
             for m in MODULES if hasattr(m, name)]
    threshold = core.index.threshold
    try:
        for module, name, _ in saved:
            setattr(module, name, setting[name])
        core.index.threshold = setting.get(THRESHOLD, threshold)
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)
        core.index.threshold = threshold


async def calibrate(settings: list[Setting]) -> list[list[SetResult]]:
    """Per setting, each tune set's result: each store built once, its questions asked per setting."""
    tune = sorted((s for s in load_sets() if s["kind"] == "tune"), key=lambda s: s["name"])
    results: list[list[SetResult]] = [[] for _ in settings]
    with tempfile.TemporaryDirectory() as tmp:
        for entry in tune:
            async with opened_set(entry, workdir=Path(tmp)) as (core, layer, grown):
                for k, setting in enumerate(settings):
                    result = SetResult(name=grown.name, kind=grown.kind, floor=grown.floor,
                                       added=grown.added, facts=grown.facts)
                    with _applied(setting, core):
                        results[k].append(ask_all(entry, layer, result))
            print(f"  {entry['name']} done", file=sys.stderr, flush=True)
    return results


def _report(settings: list[Setting], results: list[list[SetResult]]) -> None:
    for setting, sets in zip(settings, results):
        label = " ".join(f"{k}={v:g}" for k, v in setting.items())
        print(f"{label}: cost {cost(sets)}, correct {sum(r.right for r in sets)}/{sum(r.total for r in sets)}, "
              f"hallucinated {sum(r.hallucinated for r in sets)}")
        for r in sets:
            print(f"    {r.line()}")
    print("\nby cost (first: the current setting):")
    order = sorted(range(len(settings)), key=lambda k: (cost(results[k]), k))
    for k in order:
        label = " ".join(f"{name}={v:g}" for name, v in settings[k].items())
        print(f"  {cost(results[k]):4d}  {label}{'   (current)' if k == 0 else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("grid", nargs="*", help="NAME=v1,v2,... (default: the built-in grid)")
    parser.add_argument("--one-at-a-time", action="store_true", help="vary each constant alone")
    args = parser.parse_args()
    try:
        grid = parse_grid(args.grid) if args.grid else (ONE_AT_A_TIME if args.one_at_a_time else DEFAULT_GRID)
    except ValueError as exc:
        parser.error(str(exc))
    settings = settings_of(grid, one_at_a_time=args.one_at_a_time)
    print(f"{len(settings)} settings on the tune sets", file=sys.stderr, flush=True)
    _report(settings, asyncio.run(calibrate(settings)))


if __name__ == "__main__":
    main()
