"""The regression gate: every question set in tests/qa/sets.yaml scores at least its floor, less one
point. A change to the answerer that costs a set more than that fails here; raise a floor in the same
commit as the change that earns it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.qa.evaluate import evaluate, load_sets

SLACK = 1.0
"""Points a set may drop below its floor (one question in a hundred)."""


@pytest.mark.parametrize("entry", load_sets(), ids=lambda e: e["name"])
async def test_each_question_set_holds_its_floor(entry: dict, tmp_path: Path) -> None:
    result = await evaluate(entry, workdir=tmp_path)
    assert result.added == result.facts, result.misses[:3]
    assert result.score >= result.floor - SLACK, (
        f"{result.name} ({result.kind}) scores {result.score:.1f} %, below its floor of {result.floor:.1f} %"
    )
