"""Unanswered questions: recorded when the bot abstains, grouped by what they need, listed and
dismissed by admins only, counted in /metrics. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from bot.commands import Caller, CommandLayer
from tests.test_commands import ANA, EVE, ROOT, Clock, clock, core, seeded_sqlite  # noqa: F401 (fixtures)

HOTEL = "What hotel will Trump stay at in Singapore?"
HOTEL_AGAIN = "which hotel is trump staying at in singapore"
ASKER_1 = Caller("slack", "U0ASK1", channel="C0NEWS", thread="1717.0001")
ASKER_2 = Caller("discord", "4242", channel="9001", thread="777")


@pytest.fixture
def layer(core, clock) -> CommandLayer:  # noqa: F811
    return CommandLayer(core, clock=clock)


async def test_two_phrasings_make_one_group_counted_two(layer, core) -> None:  # noqa: F811
    first = await layer.handle(HOTEL, ASKER_1)
    second = await layer.handle(HOTEL_AGAIN, ASKER_2)
    assert not first.answer.found and not second.answer.found
    listed = await layer.handle("unanswered", ROOT)
    assert not listed.error
    assert listed.text.startswith("1 unanswered question group waiting")
    assert "asked 2 times by 2 people" in listed.text
    assert HOTEL in listed.text and "slack #C0NEWS, discord #9001" in listed.text
    [group] = await core.unanswered.open_groups()
    assert group.count == 2 and group.nearest
    questions = await core.unanswered.questions(group.id)
    assert [(q.platform, q.channel, q.thread, q.user_id, q.text) for q in questions] == [
        ("slack", "C0NEWS", "1717.0001", "U0ASK1", HOTEL), ("discord", "9001", "777", "4242", HOTEL_AGAIN)]
    assert core.metrics.unanswered_open._value.get() == 1


async def test_different_questions_make_different_groups_most_asked_first(layer, core) -> None:  # noqa: F811
    await layer.handle("who is the mascot of the summit?", ASKER_1)
    await layer.handle(HOTEL, ASKER_1)
    await layer.handle(HOTEL_AGAIN, ASKER_2)
    groups = await core.unanswered.open_groups()
    assert [g.count for g in groups] == [2, 1]
    assert groups[1].sample == "who is the mascot of the summit?"
    one = await layer.handle("unanswered 1", ROOT)
    assert "(the first 1):" in one.text and "mascot" not in one.text


async def test_answered_questions_are_not_recorded(layer, core) -> None:  # noqa: F811
    reply = await layer.handle("who led the U.S. delegation to Singapore?", ASKER_1)
    assert reply.answer.found
    assert await core.unanswered.count_open() == 0
    assert (await layer.handle("unanswered", ROOT)).text == "No unanswered questions are waiting."


async def test_show_and_dismiss(layer, core, clock) -> None:  # noqa: F811
    await layer.handle(HOTEL, ASKER_1)
    [group] = await core.unanswered.open_groups()
    shown = await layer.handle(f"unanswered show {group.id}", ANA)
    assert "slack:U0ASK1" in shown.text and "slack #C0NEWS" in shown.text and "open" in shown.text
    assert "needs: " in shown.text and "donald-trump" in shown.text
    dismissed = await layer.handle(f'unanswered dismiss {group.id} reason="not our story"', ANA)
    assert not dismissed.error and "Dismissed group" in dismissed.text
    assert await core.unanswered.count_open() == 0
    again = await layer.handle(f"unanswered dismiss {group.id}", ANA)
    assert again.error and "already dismissed" in again.text
    shown = await layer.handle(f"unanswered show {group.id}", ANA)
    assert "dismissed by console:ana" in shown.text and "not our story" in shown.text
    # asking again after a dismissal opens a new group
    await layer.handle(HOTEL, ASKER_2)
    assert [g.count for g in await core.unanswered.open_groups()] == [1]


@pytest.mark.parametrize("text", ["unanswered", "unanswered 3", "unanswered show 1", "unanswered dismiss 1"])
async def test_non_admins_are_refused(layer, core, text) -> None:  # noqa: F811
    await layer.handle(HOTEL, ASKER_1)
    reply = await layer.handle(text, EVE)
    assert reply.error and reply.text.startswith("Only admins can see and handle the unanswered questions")
    assert await core.unanswered.count_open() == 1


@pytest.mark.parametrize("text, says", [
    ("unanswered show 99", "there is no unanswered question group 99"),
    ("unanswered show x", "the group number must be a whole number"),
    ("unanswered 0", "how many groups must be a whole number"),
    ("unanswered dismiss", "needs N"),
    ("unanswered dismiss 1 why=x", "has no key why="),
])
async def test_bad_input_is_one_sentence(layer, core, text, says) -> None:  # noqa: F811
    await layer.handle(HOTEL, ASKER_1)
    reply = await layer.handle(text, ROOT)
    assert reply.error and says.lower() in reply.text.lower(), reply.text
    assert await core.unanswered.count_open() == 1


async def test_metrics_count_answers_abstentions_and_open_groups(layer, core) -> None:  # noqa: F811
    await layer.handle(HOTEL, ASKER_1)
    await layer.handle("who led the U.S. delegation to Singapore?", ASKER_1)
    text = core.metrics.exposition().decode()
    assert 'briefbot_questions_total{outcome="abstained"} 1.0' in text
    assert 'briefbot_questions_total{outcome="answered"} 1.0' in text
    assert "briefbot_unanswered_open_groups 1.0" in text
    assert 'briefbot_answer_feedback_total{vote="down"} 0.0' in text
