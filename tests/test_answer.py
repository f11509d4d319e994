"""Question answering: aliases, typos, ambiguity, 'when' answers and honest abstention.

These questions are written for the tests; none is taken from the evaluation sets.
"""

from __future__ import annotations

import pytest

from briefings.answer import FactIndex
from briefings.files import load_catalogue
from briefings.models import Fact, Provenance, Topic
from config.settings import CONFIG_DIR, Settings

THRESHOLD = Settings().answer_threshold


@pytest.fixture(scope="module")
def index() -> FactIndex:
    return FactIndex.from_catalogue(load_catalogue(CONFIG_DIR))


def ask(index: FactIndex, question: str):
    return index.answer(question, threshold=THRESHOLD)


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("Who is John Bolton?", "national security adviser"),
        ("what does the DPRK want from the sanctions", "sanctions"),
        ("Where is Panmungak?", "Joint Security Area"),
        ("Who is Choe Son Hui?", "official"),
        ("which organisation employs Cho Young-key", "Hansun"),
    ],
)
def test_aliases_resolve(index: FactIndex, question: str, needle: str) -> None:
    answer = ask(index, question)
    assert answer.found, answer
    assert needle.lower() in answer.answer.lower()
    assert answer.sources and "Wall Street Journal" in answer.sources[0]


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("who is jon boltn", "Bolton"),
        ("what happened at the peace huose", "Peace House"),
        ("who is choe son hee", "Choe Son Hui"),
        ("when is the singapor summit", "June 12"),
        ("what did trmup say on thursday", "withdraw"),
        ("wich think tank employs cho young-key", "Hansun"),
    ],
)
def test_small_typos_resolve(index: FactIndex, question: str, needle: str) -> None:
    answer = ask(index, question)
    assert answer.found, answer
    assert needle.lower() in answer.answer.lower()


def test_an_ambiguous_question_names_every_reading(index: FactIndex) -> None:
    answer = ask(index, "Who are the leaders of the delegations in Singapore?")
    assert answer.found
    assert "Hagin" in answer.answer and "Kim Chang Son" in answer.answer
    assert len(answer.facts) >= 2


def test_a_qualified_question_names_one_reading(index: FactIndex) -> None:
    answer = ask(index, "Who leads the DPRK delegation?")
    assert answer.found
    assert "Kim Chang Son" in answer.answer and "Hagin" not in answer.answer


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("When did Trump say he would pull out of the summit?", "May 24"),
        ("When did the legislature fail to ratify the Panmunjom Declaration?", "May 28"),
        ("When was the inter-Korean summit at the Peace House?", "April 27"),
    ],
)
def test_when_questions_answer_with_the_date(index: FactIndex, question: str, needle: str) -> None:
    answer = ask(index, question)
    assert answer.found, answer
    assert needle in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Who led the Chinese delegation?",
        "Who leads the Russian team in Singapore?",
        "What did Vladimir Putin say about the summit?",
        "How many missiles does North Korea have?",
        "What is the capital of France?",
        "What happened on March 3?",
        "What is the GDP of Singapore?",
        "",
        "???",
    ],
)
def test_no_fact_means_an_honest_abstention(index: FactIndex, question: str) -> None:
    answer = ask(index, question)
    assert not answer.found, answer
    assert answer.facts == []
    assert answer.answer == "I have no fact on that."
    assert answer.hint


def test_the_index_updates_in_place(index: FactIndex) -> None:
    fact = Fact(
        id="test-heron", subject="singapore-summit", relation="mascot", value="a blue heron",
        statement="The summit mascot is a blue heron.", topic=Topic.summit,
        provenance=Provenance(source="wsj-2018-05-28", recorded_at="2026-12-01T00:00:00Z", recorded_by="console:ana"),
    )
    assert not ask(index, "what is the summit mascot?").found
    index.upsert(fact)
    try:
        answer = ask(index, "what is the summit mascot?")
        assert answer.found and answer.facts == ["test-heron"]
    finally:
        index.remove("test-heron")
    assert not ask(index, "what is the summit mascot?").found


def test_answers_stay_short(index: FactIndex) -> None:
    for question in ("Tell me about Kim", "What is the summit about?", "Who is Kim?"):
        answer = ask(index, question)
        assert len(answer.answer) <= 500
        assert len(answer.facts) <= 3


def test_besides_sets_the_known_part_aside(index: FactIndex) -> None:
    answer = ask(index, "Besides regime survival, what does North Korea want?")
    assert answer.found and "sanctions" in answer.answer
    assert "regime" not in answer.answer


def test_when_accepts_a_time_in_words(index: FactIndex) -> None:
    answer = ask(index, "When did the military drills end?")
    assert answer.found and "last week" in answer.answer
