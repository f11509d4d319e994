"""Stage 3: what a question asks."""

from __future__ import annotations

import pytest

from briefings.answering import Asked, FactIndex
from briefings.answering.model import NeedKind


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Who led the delegation?", Asked.who),
        ("where will they meet", Asked.where),
        ("When is the summit?", Asked.when),
        ("What date was it set for?", Asked.when),
        ("what time do they land", Asked.clock),
        ("How many items are on the agenda?", Asked.how_many),
        ("how long did they talk", Asked.how_many),
        ("Why did Trump pull out?", Asked.why),
        ("Did Kim agree?", Asked.yes_no),
        ("is the summit still on?", Asked.status),
        ("has it been called off", Asked.status),
        ("what's the latest?", Asked.latest),
        ("any news?", Asked.latest),
        ("what happens next?", Asked.upcoming),
        ("what changed since Friday?", Asked.changed),
        ("tell me about Sung Kim", Asked.describe),
        ("who is Choe Son Hui", Asked.describe),
        ("hello", Asked.small_talk),
        ("thanks!", Asked.small_talk),
        ("what can you do?", Asked.small_talk),
    ],
)
def test_what_is_asked(index: FactIndex, text: str, asked: Asked) -> None:
    assert index.read(text).asked is asked


def test_a_question_about_someone_else_is_not_status(index: FactIndex) -> None:
    assert index.read("Did Moon cancel the talks?").asked is not Asked.status


def test_the_thing_asked_must_be_covered(index: FactIndex) -> None:
    needs = index.read("Which hotel will Trump stay at?").needs
    assert [n.label for n in needs if n.hard and n.kind is NeedKind.word] == ["hotel"]


def test_names_the_sources_leave_unnamed_cannot_be_asked(index: FactIndex) -> None:
    assert index.read("What is the name of the senior Seoul official?").unanswerable
    assert not index.read("What is the name of the April 27 agreement?").unanswerable


def test_besides_sets_a_part_aside(index: FactIndex) -> None:
    needs = index.read("Besides regime survival, what does North Korea want?").needs
    assert [n.label for n in needs if n.excluded] == ["regime survival"]
