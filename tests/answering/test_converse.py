"""Briefing questions and small talk are answered from the briefing's composition."""

from __future__ import annotations

from datetime import date

import pytest

from bench.answering import generated_catalogue
from briefings.answering import FactIndex
from briefings.answering.converse import MAX_ITEMS, Briefed
from briefings.compose import Section, build_briefing
from briefings.digest import next_events, status_headline
from briefings.files import load_catalogue
from config.settings import CONFIG_DIR


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


def test_what_a_thing_is_about_gives_first_the_fact_that_says_so(index: FactIndex) -> None:
    answer = index.answer("What is the story about?")
    assert answer.facts[0] == "article-topic"  # its relation is the question's "about"; the others are later-dated


@pytest.mark.parametrize("text", ["hello", "hi there", "thanks!", "who are you?", "what can you do?"])
def test_small_talk_points_to_help(index: FactIndex, text: str) -> None:
    answer = index.answer(text)
    assert answer.found and "`help`" in answer.answer and "no fact" not in answer.answer


@pytest.mark.parametrize(("text", "said"), [("hey, any news?", "May 28, 2018"),
                                           ("thanks! when is the Trump-Kim summit?", "June 12, 2018")])
def test_a_greeting_or_thanks_before_a_question_leaves_the_question(index: FactIndex, text: str, said: str) -> None:
    answer = index.answer(text)
    assert answer.found and said in answer.answer and "`help`" not in answer.answer


@pytest.mark.parametrize(("text", "said"), [("good night!", "Goodbye"), ("never mind", "OK.")])
def test_a_farewell_or_a_nod_gets_its_own_short_reply(index: FactIndex, text: str, said: str) -> None:
    answer = index.answer(text)
    assert answer.found and answer.answer.startswith(said) and "`help`" in answer.answer


def test_changes_since_a_day_after_the_newest_facts_say_so_and_give_the_latest(index: FactIndex) -> None:
    answer = index.answer("anything new since today?")
    assert answer.found and answer.answer.startswith("Nothing is dated Sunday, December 6, 2026; the latest")
    assert "May 28, 2018" in answer.answer


def test_a_thanks_with_praise_is_a_thanks(index: FactIndex) -> None:
    answer = index.answer("thank you, that was very clear")
    assert answer.found and "`help`" in answer.answer and "no fact" not in answer.answer


def test_another_language_gets_the_no_fact_reply_and_a_hint(index: FactIndex) -> None:
    answer = index.answer("정상회담은 어디에서 열리나요?")
    assert not answer.found and answer.answer == "I have no fact on that." and answer.hint


@pytest.mark.parametrize("size", [0, 2000])
@pytest.mark.parametrize("day", [date(2018, 5, 28), date(2018, 3, 1), date(2018, 6, 12)])
def test_the_briefed_parts_are_those_of_the_whole_store(index: FactIndex, size: int, day: date) -> None:
    """Each part is composed over only the facts it can use, chosen by their outlines: the same as
    composing it over every fact."""
    curated = load_catalogue(CONFIG_DIR)
    catalogue = generated_catalogue(curated, size=size) if size else curated
    built = FactIndex.from_catalogue(catalogue, lexicon=index.lexicon, intents=index.intents)
    briefed = Briefed(built.table, sources=catalogue.sources, story_day=day)

    assert briefed.headline == status_headline(catalogue, day)
    assert briefed.upcoming == next_events(catalogue, day, limit=MAX_ITEMS)
    section = build_briefing(catalogue, [], as_of=day, sections={Section.developments}).section(Section.developments)
    assert briefed.developments == (section.entries[:MAX_ITEMS] if section else [])
    if day == date(2018, 5, 28):  # the story's day: there are both (the comparison is not of nothing)
        assert briefed.upcoming and briefed.developments
    facts = list(catalogue.facts.values())
    assert briefed.about["kim-jong-un"] == [f.id for f in facts if "kim-jong-un" in (f.subject, f.object)]


def test_status_says_when_the_events_day_is_behind_the_newest_facts(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    for fact_id, day, statement in [
        ("handshake", "2018-06-12", "Trump and Kim shook hands before the cameras on June 12, 2018."),
        ("autumn-visit", "2018-10-07", "A U.S. envoy visited Pyongyang on October 7, 2018."),
    ]:
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": "donald-trump", "relation": "met", "object": "kim-jong-un", "topic": "timeline",
            "statement": statement, "dates": [{"day": day}], "provenance": provenance}))
    answer = fresh_index.answer("is the summit still on?")
    assert answer.found and "now past" in answer.answer and "shook hands" in answer.answer
    assert "handshake" in answer.facts and "back on" not in answer.answer


def test_two_named_at_once_are_each_described_on_a_line_of_their_own(index: FactIndex) -> None:
    answer = index.answer("tell me about Moon Jae-in and the Hansun Foundation")
    lines = answer.answer.splitlines()
    assert answer.found and lines[0].startswith("Moon Jae-in") and lines[1].startswith("Hansun Foundation")


@pytest.mark.parametrize(("text", "said"), [
    ("short question, I'm on deadline and I keep hearing conflicting reports, who leads the North Korean delegation?",
     "Kim Chang Son"),
    ("sorry to bug you, I'm checking a caption and I'm not sure where the Trump-Kim summit will be held", "Singapore"),
])
def test_a_question_after_the_asker_says_what_they_are_doing_is_read_alone(index: FactIndex, text: str,
                                                                            said: str) -> None:
    answer = index.answer(text)
    assert answer.found and said in answer.answer
    assert not {"deadline", "report", "caption", "bug"} & set(answer.needs)  # the asker's own doings ask nothing


def test_a_question_left_naming_nothing_is_read_with_what_came_before(index: FactIndex) -> None:
    answer = index.answer("I keep reading that Trump pulled out of the summit, why?")
    assert {"donald-trump", "pull out"} <= set(answer.needs)  # not "why?" alone


def test_the_latest_includes_an_act_filed_under_places_as_the_briefing_does(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    for fact_id, topic, relation, day, statement in [
        ("envoy-trip", "timeline", "visited", "2019-02-02", "A U.S. envoy visited Seoul on February 2, 2019."),
        ("border-walk", "places", "walked_across", "2019-02-09",
         "Moon Jae-in walked across the border line at a truce village on February 9, 2019."),
    ]:
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": "moon-jae-in", "relation": relation, "topic": topic,
            "statement": statement, "dates": [{"day": day}], "provenance": provenance}))
    answer = fresh_index.answer("anything new lately?")
    assert answer.found and answer.answer.startswith("Moon Jae-in walked across the border line")
    assert answer.facts[:2] == ["border-walk", "envoy-trip"]


def _upsert_dated(index: FactIndex, rows: list[tuple[str, str, str, str]]) -> None:
    from briefings.models import Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    for fact_id, relation, day, statement in rows:
        index.upsert(Fact.model_validate({
            "id": fact_id, "subject": "kim-jong-un", "relation": relation, "object": "donald-trump",
            "topic": "timeline", "statement": statement, "dates": [{"day": day}], "provenance": provenance}))


def test_a_past_events_status_says_what_came_next(fresh_index: FactIndex) -> None:
    _upsert_dated(fresh_index, [
        ("toast", "toasted", "2018-06-12", "Kim Jong Un raised a glass to Donald Trump at lunch on June 12, 2018."),
        ("letter", "wrote_to", "2018-07-09", "Kim Jong Un sent Donald Trump a letter praising their meeting."),
        ("much-later", "phoned", "2018-11-20", "Kim Jong Un and Donald Trump spoke by phone on November 20, 2018."),
    ])
    answer = fresh_index.answer("is the summit going ahead?")
    assert answer.found and "now past" in answer.answer and "raised a glass" in answer.answer
    assert "Next, on Monday, July 9, 2018: Kim Jong Un sent Donald Trump a letter" in answer.answer
    assert {"toast", "letter"} <= set(answer.facts) and "much-later" not in answer.facts


def test_a_long_answer_is_cut_where_a_statement_ends_and_cites_only_what_it_quotes(fresh_index: FactIndex) -> None:
    padding = "with aides from both sides at a long table, " * 4
    _upsert_dated(fresh_index, [
        ("long-one", "dined_with", "2018-06-03",
         f"Kim Jong Un dined with Donald Trump on June 3, 2018, {padding}the U.S. side seated to the east."),
        ("long-two", "walked_with", "2018-06-02",
         f"Kim Jong Un walked with Donald Trump on June 2, 2018, {padding}and the U.S. press watched."),
    ])
    answer = fresh_index.answer("what has changed since June 1, 2018?")
    assert answer.found and answer.answer.endswith("the U.S. side seated to the east.")
    assert answer.facts == ["long-one"]


def test_what_changed_since_a_day_lists_the_developments_since_then_not_descriptions(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    for fact_id, topic, relation, day, statement in [
        ("harbour-visit", "timeline", "toured", "2018-08-03", "Kim Jong Un toured a fishing harbour on August 3, 2018."),
        ("title-held", "people", "role", "2018-08-05", "As of August 5, 2018, Kim Jong Un chairs the state affairs body."),
    ]:
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": "kim-jong-un", "relation": relation, "topic": topic,
            "statement": statement, "dates": [{"day": day}], "provenance": provenance}))
    answer = fresh_index.answer("what has changed since August 1, 2018?")
    assert answer.found and answer.facts == ["harbour-visit"]
    assert answer.facts == fresh_index.answer("anything new lately?").facts[:1]  # as the latest says


def test_the_latest_on_someone_is_their_description_then_their_newest_facts(fresh_index: FactIndex) -> None:
    """"What is the latest on X?" asks the newest of X, not the story's latest: X described, then X's most recent
    facts (an admin's later fact first)."""
    from briefings.models import Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    for fact_id, subject, day, statement in [
        ("orchard-visit", "kim-jong-un", "2019-05-03", "Kim Jong Un toured an apple orchard on May 3, 2019."),
        ("harbour-speech", "moon-jae-in", "2019-05-02", "Moon Jae-in gave a speech at a harbour on May 2, 2019."),
    ]:
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": subject, "relation": "spoke", "topic": "timeline",
            "statement": statement, "dates": [{"day": day}], "provenance": provenance}))
    answer = fresh_index.answer("what is the latest on Moon Jae-in?")
    assert answer.found and answer.answer.startswith("Moon Jae-in:")
    assert answer.facts[0] == "harbour-speech" and "orchard-visit" not in answer.facts


def test_whether_the_event_has_taken_place_asks_its_status(index: FactIndex) -> None:
    answer = index.answer("has the summit taken place yet?")  # "take place" says "happen", a cue of the status
    assert answer.found and answer.asked == "status" and "June 12, 2018" in answer.answer


def test_a_document_is_described_by_what_it_is_about_first(index: FactIndex) -> None:
    answer = index.answer("give me an overview of the article")
    about = index.table.fact(next(i for i in answer.facts if index.table.fact(i).relation == "about"))
    assert answer.facts[0] == about.id
