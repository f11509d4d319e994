"""The calibration tool's cost: what the mission says, a wrong answer is worse than no answer."""

from __future__ import annotations

import pytest

from briefings.answering import decide, score
from tests.qa.evaluate import SetResult
from tools.calibrate import THRESHOLD, cost, parse_grid, settings_of


def _result(*, answerable: int, answerable_right: int, abstain: int, hallucinated: int) -> SetResult:
    return SetResult(name="s", kind="tune", floor=0.0, total=answerable + abstain,
                     right=answerable_right + abstain - hallucinated, answerable=answerable,
                     answerable_right=answerable_right, abstain=abstain, abstain_right=abstain - hallucinated,
                     hallucinated=hallucinated)


def test_a_hallucination_costs_twice_a_wrong_or_refused_answer() -> None:
    refused_two = _result(answerable=10, answerable_right=8, abstain=5, hallucinated=0)
    hallucinated_one = _result(answerable=10, answerable_right=10, abstain=5, hallucinated=1)
    assert cost([refused_two]) == cost([hallucinated_one]) == 2


def test_the_cost_adds_up_over_the_sets() -> None:
    sets = [_result(answerable=10, answerable_right=7, abstain=4, hallucinated=1),
            _result(answerable=5, answerable_right=5, abstain=2, hallucinated=2)]
    assert cost(sets) == 3 + 2 * 1 + 0 + 2 * 2


def test_a_perfect_set_costs_nothing() -> None:
    assert cost([_result(answerable=10, answerable_right=10, abstain=3, hallucinated=0)]) == 0


def test_the_current_setting_comes_first_and_once() -> None:
    grid = {THRESHOLD: (decide.DEFAULT_THRESHOLD, 0.9), "PEER_SUBJECT": (score.PEER_SUBJECT,)}
    settings = settings_of(grid)
    assert settings == [{THRESHOLD: decide.DEFAULT_THRESHOLD, "PEER_SUBJECT": score.PEER_SUBJECT},
                        {THRESHOLD: 0.9, "PEER_SUBJECT": score.PEER_SUBJECT}]


def test_a_name_no_stage_holds_is_an_error() -> None:
    with pytest.raises(ValueError, match="no numeric constant"):
        parse_grid(["NO_SUCH_FACTOR=0.5"])
