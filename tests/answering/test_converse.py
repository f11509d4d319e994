"""Briefing questions and small talk are answered from the briefing's composition."""

from __future__ import annotations

import pytest

from briefings.answering import FactIndex


def test_status_comes_from_the_headline(index: FactIndex) -> None:
    answer = index.answer("is the summit still on?")
    assert answer.found and "back on" in answer.answer and "June 12, 2018" in answer.answer
    assert answer.facts and answer.sources


def test_latest_is_the_newest_developments(index: FactIndex) -> None:
    answer = index.answer("what's new?")
    assert answer.found and "May 28, 2018" in answer.answer


def test_next_is_what_is_dated_after_the_story(index: FactIndex) -> None:
    answer = index.answer("what happens next?")
    assert answer.found and "June 1" in answer.answer


def test_tell_me_about_gives_the_description_and_recent_facts(index: FactIndex) -> None:
    answer = index.answer("tell me about Kim Chang Son")
    assert answer.found and answer.answer.startswith("Kim Chang Son:")
    assert 1 <= len(answer.facts) <= 2


@pytest.mark.parametrize("text", ["hello", "hi there", "thanks!", "who are you?", "what can you do?"])
def test_small_talk_points_to_help(index: FactIndex, text: str) -> None:
    answer = index.answer(text)
    assert answer.found and "`help`" in answer.answer and "no fact" not in answer.answer


def test_another_language_gets_the_no_fact_reply_and_a_hint(index: FactIndex) -> None:
    answer = index.answer("정상회담은 어디에서 열리나요?")
    assert not answer.found and answer.answer == "I have no fact on that." and answer.hint
