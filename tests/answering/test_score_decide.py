"""Stages 4-6: a fact scores by what of the question it covers, and structure refuses neighbours."""

from __future__ import annotations

from datetime import date

import pytest

from briefings.answering import Asked, FactIndex
from briefings.answering.model import NeedKind
from briefings.answering.score import WEAK_TYPE, prepare


_PROVENANCE = {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
"""Where the facts these tests add come from."""


def best(index: FactIndex, text: str) -> tuple[str, dict[str, float], float]:
    _, rows = index.explain(text)
    return rows[0]


def test_the_fact_that_covers_the_question_ranks_first(index: FactIndex) -> None:
    fact_id, features, score = best(index, "Who leads the U.S. delegation to Singapore?")
    assert fact_id == "us-delegation-leader"
    assert features["entity_missing"] == 0 and score >= index.threshold


def test_in_return_for_is_in_exchange_for(index: FactIndex) -> None:
    answer = index.answer("what was Libya promised in return for abandoning its nuclear work?")
    assert answer.found and "sanctions relief" in answer.answer


def test_an_undated_cause_answers_why_of_an_act_another_fact_dates_then(index: FactIndex) -> None:
    answer = index.answer("why did Pyongyang quit the high-level talks with Seoul in May?")
    assert answer.facts[0] == "nk-pullout-reason-exercises"
    assert not index.answer("why did Pyongyang quit the high-level talks with Seoul in 2015?").found


def test_a_missing_entity_or_time_is_a_hard_miss(index: FactIndex) -> None:
    _, rows = index.explain("Who led the U.S. delegation in 2019?")
    assert all(f["time_missing"] for _, f, _ in rows[:3])
    assert not index.answer("Who led the U.S. delegation in 2019?").found


@pytest.mark.parametrize(
    "question",
    [
        "Who led the Chinese delegation?",  # a qualifier the facts lack
        "What did Vladimir Putin say about the summit?",  # a name the store has never heard of
        "Who is the current U.S. ambassador to Seoul?",  # the fact says former
        "How many F-22 fighters took part?",  # a number inside a name counts nothing
        "What is the name of the U.S. Embassy spokesman?",  # the sources do not name him
    ],
)


def test_neighbours_are_refused_by_structure(index: FactIndex, question: str) -> None:
    answer = index.answer(question)
    assert not answer.found, answer
    assert answer.hint


def test_an_ambiguous_question_names_every_reading(index: FactIndex) -> None:
    answer = index.answer("who led the singapore delegation")
    assert {"us-delegation-leader", "nk-delegation-leader"} <= set(answer.facts)


def test_an_abstention_says_what_was_near(index: FactIndex) -> None:
    answer = index.answer("How much did the summit cost?")
    assert not answer.found
    assert answer.nearest and all(score < index.threshold for _, score in answer.nearest)
    assert "singapore-summit" in answer.needs


def test_how_long_is_answered_by_a_number_of_years_after_another_number(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "xi-visit", "subject": "china", "relation": "visited", "object": "north-korea", "topic": "timeline",
        "statement": "Xi Jinping visited Pyongyang on June 20, 2019, the first visit by a Chinese leader in 14 years.",
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("How long had it been since a Chinese leader visited Pyongyang?")
    assert answer.found and "14 years" in answer.answer


def test_what_a_speaker_says_another_wants_is_not_what_the_speaker_wants(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "moon-wants-talks", "subject": "moon-jae-in", "relation": "wants", "object": "kim-jong-un",
        "topic": "positions", "provenance": _PROVENANCE,
        "statement": "Moon Jae-in said he wants more talks with Kim Jong Un, who he says wants peace."}))

    def features_of(question: str) -> dict[str, float]:
        return _features_of(fresh_index, "moon-wants-talks", question)

    assert features_of("What does Moon Jae-in say Kim Jong Un wants?")["peer_subject"]  # Moon's wish, not Kim's
    assert not features_of("What does Moon Jae-in want from Kim Jong Un?")["peer_subject"]
    assert not features_of("What did Moon Jae-in say he wants?")["peer_subject"]  # no other subject named


def test_the_two_a_question_puts_between_are_the_two_a_fact_names_between(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "hotline-set-up", "subject": "moon-jae-in", "relation": "set_up", "object": "kim-jong-un",
        "topic": "inter-korean", "provenance": _PROVENANCE,
        "statement": "A telephone hotline was set up between Moon Jae-in and Kim Jong Un."}))
    def lexical(question: str) -> float:
        return _features_of(fresh_index, "hotline-set-up", question)["lexical"]

    assert lexical("What was set up between the two men?") > 0.9
    assert lexical("What was set up between both men?") > lexical("What was set up between these men?") + 0.2


def test_what_a_thing_says_about_a_topic_need_not_name_the_topic(index: FactIndex) -> None:
    def unknown_thing(question: str) -> float:
        return _features_of(index, "south-korea-divided", question)["unknown_thing"]

    # "say" here is no one's words, and not the verb asked ("ratify"): what the failure shows is the answer
    assert not unknown_thing("What does the failure to ratify the Panmunjom Declaration say about the temper of South Korea?")
    assert unknown_thing("What does the failure to ratify the Panmunjom Declaration do to the temper of South Korea?")


def test_how_many_counts_what_the_question_names_even_when_it_is_an_entity(index: FactIndex) -> None:
    assert not index.answer("How many separated families will take part in the reunion?").found


def test_a_decade_dates_a_fact_for_when(index: FactIndex) -> None:
    answer = index.answer("When did Gadhafi give up his nuclear program?")
    assert answer.found and "2000s" in answer.answer


def _a_fact_names_one_of_the_kind(index: FactIndex, question: str, label: str) -> bool:
    """Some fact names an entity of a kind the question's word `label` names, which the question does not."""
    from briefings.answering.score import _kinds_named, _names_a_kind_held, prepare, question_traits

    classified = index.read(question)
    prepare(classified, index.table)
    kinds = _kinds_named(next(n for n in classified.needs if n.label == label))
    traits = question_traits(classified, index.table)
    return bool(kinds) and any(_names_a_kind_held(kinds, item, index.table, traits)
                               for item in index.table.facts.values())


def test_a_word_that_is_only_a_synonym_of_event_does_not_name_any_event(index: FactIndex) -> None:
    # no "outcome of" frame: the noun stays
    assert not _a_fact_names_one_of_the_kind(index, "What outcome did the Singapore summit have?", "outcome")


def test_a_word_names_a_kind_of_entity_only_by_a_sense_common_to_both(index: FactIndex) -> None:
    """A "post" is a place only in a rare sense of the two words (the job is the common one): a fact that
    names a place does not give the post asked; "which site" and "which nation" still name kinds."""
    def names_one(question: str, label: str) -> bool:
        return _a_fact_names_one_of_the_kind(index, question, label)

    assert not names_one("Which post did Choe Son Hui hold last year?", "post")
    assert names_one("Which site did Choe Son Hui pick?", "site")
    assert names_one("Which nation did Choe Son Hui visit?", "nation")


def test_a_number_before_a_word_is_a_count_not_a_qualifier(index: FactIndex) -> None:
    answer = index.answer("When did the two Korean leaders hold their hastily arranged meeting?")
    assert answer.found and "May 26" in answer.answer


def test_a_name_after_a_stop_is_linked_on_its_own(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "freedom-house-talk", "subject": "donald-trump", "relation": "met", "object": "kim-jong-un",
        "topic": "places", "statement": "Trump and Kim Jong Un talked for about 50 minutes on the South Korean side "
        "of Panmunjom; Moon Jae-in greeted them outside.",
        "provenance": _PROVENANCE}))
    assert "panmunjom" in fresh_index.table.facts["freedom-house-talk"].entities
    answer = fresh_index.answer("how long did trump n kim talk at panmunjom")
    assert answer.found and "50 minutes" in answer.answer


def test_what_someone_said_is_not_answered_by_where_they_met(index: FactIndex) -> None:
    assert not index.answer("What did Choe Son Hui say during the meeting with Sung Kim?").found
    assert index.answer("What did Bolton suggest for North Korea?").found


def test_where_is_answered_through_the_event_two_facts_share(index: FactIndex) -> None:
    answer = index.answer("where did Moon Jae-in meet Kim Jong Un?")
    assert answer.found and "Unification Pavilion" in answer.answer and "May 26" in answer.answer
    assert len(answer.facts) == 2


def test_the_event_of_a_fact_is_the_one_another_fact_names_with_its_two_on_its_day(fresh_index: FactIndex) -> None:
    from briefings.models import Entity, EntityKind

    fresh_index.upsert_entity(Entity(id="seoul-july-talks", name="Bolton-Moon talks in Seoul", kind=EntityKind.event))
    _add(fresh_index, "bolton-met-moon", "U.S. national security adviser John Bolton met South Korean President Moon "
         "Jae-in in Seoul on July 3, 2019.", day="2019-07-03", subject="john-bolton", relation="met", obj="moon-jae-in")
    _add(fresh_index, "seoul-talks-goal", "John Bolton and Moon Jae-in met in Seoul on July 3, 2019, to review the "
         "stalled nuclear negotiations.", day="2019-07-03", subject="seoul-july-talks", relation="agenda",
         obj="john-bolton")
    # The first fact names neither the event nor a cause; the second, the event's, gives the cause but not the
    # American side the question names: the two are of one meeting, of the same two people on the same day.
    answer = fresh_index.answer("What was the purpose of the American adviser's talks with Moon in July 2019?")
    assert answer.found and answer.facts == ["bolton-met-moon", "seoul-talks-goal"]
    _add(fresh_index, "seoul-talks-later", "John Bolton and Moon Jae-in met in Seoul on July 9, 2019, to review the "
         "summit plans.", day="2019-07-09", subject="seoul-july-talks", relation="agenda", obj="john-bolton")
    assert "seoul-talks-later" not in fresh_index.answer(
        "What was the purpose of the American adviser's talks with Moon on July 3, 2019?").facts  # another day's


def test_no_event_join_for_a_relation_no_fact_states(index: FactIndex) -> None:
    assert not index.answer("When did Kim Jong Un visit Washington?").found


def test_the_kind_named_after_what_is_answered_by_a_fact_that_says_the_act(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "sohae-stand", "subject": "north-korea", "relation": "demolished", "topic": "timeline",
        "statement": "North Korea demolished the engine test stand at the Sohae launch station on July 23, 2018.",
        "dates": [{"day": "2018-07-23"}],
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("What building did North Korea demolish in July 2018?")
    assert answer.found and "engine test stand" in answer.answer
    assert not fresh_index.answer("What building did North Korea build in July 2018?").found  # not the act it says
    # a kind no fact speaks of must be said: the act alone does not make Singapore a stadium
    assert not fresh_index.answer("Which stadium will host the Singapore summit?").found


def test_the_verb_asked_does_not_qualify_a_role_away(index: FactIndex) -> None:
    # "heads" is near "chief", but "deputy chief" qualifies away only a chief the question names
    answer = index.answer("Who heads the U.S. team in Singapore?")
    assert answer.found and "Hagin" in answer.answer


def test_when_is_asked_of_the_thing_named_not_of_the_place_that_locates_it(index: FactIndex) -> None:
    # the delegations' arrival facts are dated to the day and name Singapore, but are not about the talks
    answer = index.answer("When will the preparatory talks in Singapore be held?")
    assert answer.facts[0] == "preparatory-meetings-place"


def test_a_common_word_no_fact_says_is_no_unknown_thing(index: FactIndex) -> None:
    _, rows = index.explain("What day was the Trump-Kim summit first penciled in for?")
    assert rows and not rows[0][1]["unknown_thing"]
    assert index.answer("How much was the budget of the Trump-Kim summit?").found is False  # "budget" is a thing


def test_a_clause_that_places_the_question_in_time_is_not_what_a_fact_must_say(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "drills-halt", "subject": "donald-trump", "relation": "announced_halt", "object": "military-exercises",
        "topic": "positions", "dates": [{"day": "2018-06-12"}],
        "statement": "At a news conference on June 12, 2018, Trump announced that the U.S. would stop its military "
                     "exercises with South Korea.",
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("What did Trump announce about the military exercises after meeting Kim Jong Un?")
    assert answer.found and answer.facts == ["drills-halt"]
    anchors = [n.label for n in fresh_index.read("What did Trump announce after meeting Kim Jong Un?").needs if n.anchor]
    assert anchors == ["meeting", "Kim Jong Un"]
    assert not any(n.anchor for n in fresh_index.read("what happened after the summit").needs)
    # a person alone after the word places no event: the one asked held the post before or after them
    assert not any(n.anchor for n in fresh_index.read("Who led the delegation before Choe Son Hui?").needs)
    assert [n.label for n in fresh_index.read("Who led the delegation before meeting Moon?").needs if n.anchor] == [
        "meeting", "Moon"]


def test_a_time_clause_written_first_places_the_question_that_follows_the_comma(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "crossing-reopened", "subject": "north-korea", "relation": "reopened", "topic": "inter-korean",
        "dates": [{"day": "2019-03-09"}], "provenance": _PROVENANCE,
        "statement": "On March 9, 2019, North Korea reopened the Dorasan road crossing to freight trucks, which it "
                     "had last let through in August 2015."}))
    classified = fresh_index.read("After the March 2019 reopening, when had North Korea last let trucks through "
                                  "the Dorasan crossing?")
    assert classified.asked is Asked.when
    assert [n.label for n in classified.needs if n.anchor] == ["after", "reopening"]
    assert [n.label for n in classified.needs if n.kind is NeedKind.time and n.hard] == ["March 2019"]
    answer = fresh_index.answer("After the March 2019 reopening, when had North Korea last let trucks through the "
                                "Dorasan crossing?")
    assert answer.found and answer.facts == ["crossing-reopened"]


def test_adjectives_in_a_row_and_a_noun_before_the_thing_asked_qualify_it(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "may-launches", "subject": "north-korea", "relation": "fired", "topic": "timeline",
        "dates": [{"day": "2019-05-04"}], "provenance": _PROVENANCE,
        "statement": "On May 4, 2019, North Korea fired short-range projectiles, its first missile tests since 2017."}))
    fresh_index.upsert(Fact.model_validate({
        "id": "reactor-offer", "subject": "north-korea", "relation": "offered", "topic": "positions",
        "dates": [{"day": "2018-09-19"}], "provenance": _PROVENANCE,
        "statement": "On September 19, 2018, North Korea said it could dismantle its nuclear facilities."}))
    assert fresh_index.answer("When did North Korea test missiles in 2019?").found
    assert not fresh_index.answer("When did North Korea test an intercontinental ballistic missile in 2019?").found
    assert fresh_index.answer("Which nuclear facilities could North Korea dismantle?").facts[:1] == ["reactor-offer"]
    assert "reactor-offer" not in fresh_index.answer("Which missile facilities could North Korea dismantle?").facts


def test_a_clause_saying_why_gives_the_cause_a_why_question_asks(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "trip-off", "subject": "donald-trump", "relation": "cancelled", "topic": "timeline",
        "dates": [{"day": "2018-08-24"}],
        "statement": "On August 24, 2018, Trump called off a planned trip by Mike Pompeo to North Korea, saying "
                     "there was not sufficient progress on denuclearization.",
        "provenance": _PROVENANCE}))
    _, rows = fresh_index.explain("Why did Trump cancel Pompeo's trip to North Korea?")
    assert rows[0][0] == "trip-off" and rows[0][1]["type"] == 1.0


def test_a_fact_of_the_day_an_event_is_scheduled_for_is_about_that_event(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "sentosa-meeting", "subject": "donald-trump", "relation": "met", "object": "kim-jong-un",
        "topic": "summit", "dates": [{"day": "2018-06-12"}],
        "statement": "Donald Trump and Kim Jong Un met on June 12, 2018, at the Capella Hotel on Sentosa Island.",
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("which island was the trump kim summit on")
    assert answer.found and answer.facts[0] == "sentosa-meeting"
    _, rows = fresh_index.explain("which island was the inter-Korean summit on")  # another event, another day
    assert all(f["entity_missing"] for fid, f, _ in rows if fid == "sentosa-meeting")


def test_only_a_noun_names_a_kind_of_entity(index: FactIndex) -> None:
    """"come out" shares a sense with the verb "place" ("came out third"); it asks for no place."""
    _, rows = index.explain("what came out of the singapore summit")
    features = {fid: f for fid, f, _ in rows}
    assert features["summit-place"]["lexical"] < 1.0


def test_the_act_a_framing_verb_governs_is_the_act_said(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "sohae-pledge", "subject": "north-korea", "relation": "pledged", "topic": "timeline",
        "statement": "North Korea pledged on August 2, 2018, to dismantle the engine test stand at Sohae.",
        "dates": [{"day": "2018-08-02"}],
        "provenance": _PROVENANCE}))
    fresh_index.upsert(Fact.model_validate({  # so that some fact speaks of a facility
        "id": "yongbyon", "subject": "north-korea", "relation": "operates", "topic": "timeline",
        "statement": "Yongbyon is North Korea's main nuclear facility.",
        "provenance": _PROVENANCE}))
    # "pledge" frames the act, which is "tear down": a fact that says it (dismantle) says the act asked
    answer = fresh_index.answer("What facility did North Korea pledge to tear down?")
    assert answer.found and "engine test stand" in answer.answer


def test_a_name_the_question_says_is_not_the_answer_it_asks_for(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "trade-fair", "subject": "north-korea", "relation": "held", "topic": "timeline",
        "statement": "A spring trade fair was held at the Ryugyong Exhibition Hall on August 3, 2018.",
        "dates": [{"day": "2018-08-03"}],
        "provenance": _PROVENANCE}))
    assert "Ryugyong" in fresh_index.answer("Where was the spring trade fair held?").answer
    # its only name is the hall the question names: it names nobody who could have opened the fair
    _, rows = fresh_index.explain("Who opened the spring trade fair at the Ryugyong Exhibition Hall?")
    assert [f["type"] for fid, f, _ in rows if fid == "trade-fair"] == [WEAK_TYPE]


@pytest.mark.parametrize(
    ("statement", "plain", "qualified"),
    [
        # a superlative ranks the things its noun names: "latest" names no kind of visit
        ("On April 25, 2019, Kim Jong Un visited Vladivostok.",
         "When did Kim Jong Un make his latest visit to Vladivostok?",
         "When did Kim Jong Un make his secret visit to Vladivostok?"),
        # "only", "over": adverbs as common as function words, which the dictionary also calls adjectives
        ("On June 12, 2018, Kim Jong Un praised the food over dinner.",
         "What did Kim Jong Un praise only over dinner?",
         "What did Kim Jong Un praise over a private dinner?"),
    ],
)


def test_a_word_that_ranks_or_links_things_does_not_qualify_them_away(fresh_index: FactIndex, statement: str,
                                                                       plain: str, qualified: str) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "kim-outing", "subject": "kim-jong-un", "relation": "did", "topic": "timeline", "statement": statement,
        "provenance": _PROVENANCE}))
    for question, qualifies in ((plain, False), (qualified, True)):
        _, rows = fresh_index.explain(question)
        assert ({fact_id: f for fact_id, f, _ in rows}["kim-outing"]["qualifier"] > 0.0) is qualifies, question


def test_how_with_an_adjective_needs_a_number_or_the_quality_said(index: FactIndex) -> None:
    _, features, _ = best(index, "How large is the North Korean delegation?")
    assert features["degree_missing"]  # who leads it says nothing of its size
    assert not index.answer("How large is the North Korean delegation?").found
    answer = index.answer("How big is the map's scale bar?")
    assert answer.found and "200 feet" in answer.answer


def test_a_yes_or_no_on_a_verb_no_fact_says_is_refused(index: FactIndex) -> None:
    _, features, _ = best(index, "Did Kim Jong Un apologise to Moon?")
    assert features["relation_missing"]  # the weekend meeting is about them both, but says no apology
    assert not index.answer("Did Kim Jong Un apologise to Moon?").found
    assert index.answer("Was the Panmunjom Declaration ratified?").found


def test_a_verb_asked_of_a_doer_is_not_said_by_the_same_word_as_a_noun(index: FactIndex) -> None:
    question = "Who had built Panmungak in the Joint Security Area?"
    _, features, _ = best(index, question)
    assert features["relation_missing"]  # "North Korea's main building" names no builder
    assert not index.answer(question).found
    assert index.answer("Who blocked the Panmunjom Declaration?").found


def test_an_ordinal_the_question_names_must_be_the_facts(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "envoy-first-trip", "subject": "sung-kim", "relation": "visited", "object": "north-korea",
        "topic": "timeline", "statement": "Sung Kim made his first trip to Pyongyang on March 3, 2019.",
        "provenance": _PROVENANCE}))
    assert not fresh_index.answer("When did Sung Kim make his third trip to Pyongyang?").found
    assert fresh_index.answer("When did Sung Kim make his first trip to Pyongyang?").found


def test_first_on_a_thing_must_be_said_but_first_as_an_adverb_need_not(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "envoy-talks-seoul", "subject": "sung-kim", "relation": "visited", "object": "south-korea",
        "topic": "timeline", "statement": "Sung Kim held talks in Seoul on April 9, 2019.",
        "provenance": _PROVENANCE}))
    rows = {fid: f for fid, f, _ in fresh_index.explain("When did Sung Kim make his first visit to Seoul?")[1]}
    assert rows["envoy-talks-seoul"]["hard_missing"]  # which visit this was, the fact does not say
    rows = {fid: f for fid, f, _ in fresh_index.explain("When did Sung Kim first hold talks in Seoul?")[1]}
    assert not rows["envoy-talks-seoul"]["hard_missing"]


def test_a_re_verb_asks_for_the_act_again(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "museum-opened", "subject": "north-korea", "relation": "opened", "topic": "timeline",
        "statement": "North Korea opened a war museum in Wonsan on April 9, 2019.", "provenance": _PROVENANCE}))
    question = "When did North Korea reopen the war museum in Wonsan?"
    rows = {fid: f for fid, f, _ in fresh_index.explain(question)[1]}
    assert rows["museum-opened"]["hard_missing"]  # opening it is not opening it again
    fresh_index.upsert(Fact.model_validate({
        "id": "museum-opened", "subject": "north-korea", "relation": "opened", "topic": "timeline",
        "statement": "North Korea opened a war museum in Wonsan again on April 9, 2019.", "provenance": _PROVENANCE}))
    rows = {fid: f for fid, f, _ in fresh_index.explain(question)[1]}
    assert not rows["museum-opened"]["hard_missing"]
    fresh_index.upsert(Fact.model_validate({
        "id": "ferry-resumed", "subject": "north-korea", "relation": "resumed", "topic": "timeline",
        "statement": "North Korea resumed the Wonsan ferry on May 2, 2019.", "provenance": _PROVENANCE}))
    rows = {fid: f for fid, f, _ in fresh_index.explain("When did North Korea restart the Wonsan ferry?")[1]}
    assert not rows["ferry-resumed"]["hard_missing"]  # a synonym of the act again says it


def test_a_re_word_of_its_own_meaning_asks_for_no_repeat(index: FactIndex) -> None:
    assert index.lexicon.repeated_act("reopen") == "open"
    assert index.lexicon.repeated_act("resign") is None  # no signing again
    assert index.lexicon.repeated_act("reaction") is None  # a thing, not an act


def test_how_far_needs_a_distance_not_any_number(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "rocket-test", "subject": "north-korea", "relation": "launched", "topic": "timeline",
        "statement": "North Korea launched a Hwasong-12 rocket over the sea on March 3, 2019.",
        "provenance": _PROVENANCE}))
    assert not fresh_index.answer("How far did the Hwasong-12 rocket fly?").found
    fresh_index.upsert(Fact.model_validate({
        "id": "rocket-test", "subject": "north-korea", "relation": "launched", "topic": "timeline",
        "statement": "North Korea launched a Hwasong-12 rocket that flew 900 kilometers on March 3, 2019.",
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("How far did the Hwasong-12 rocket fly?")
    assert answer.found and "900 kilometers" in answer.answer


def _add(index: FactIndex, fact_id: str, statement: str, *, day: str, subject: str, relation: str,
         topic: str = "timeline", obj: str | None = None) -> None:
    """Add a fact dated `day` (ISO), as an admin would."""
    from briefings.models import Fact

    index.upsert(Fact.model_validate({
        "id": fact_id, "subject": subject, "relation": relation, "object": obj, "topic": topic,
        "statement": statement, "dates": [{"day": day}], "provenance": _PROVENANCE}))


def test_what_a_thing_was_called_asks_its_own_name_as_the_name_of_it_does(fresh_index: FactIndex) -> None:
    """"What was the new rocket called" asks the rocket's own name: a fact that speaks of the rocket without
    naming it, or of no rocket at all, does not answer; one that names it does."""
    _add(fresh_index, "rocket-promised", "On March 3, 2030, North Korea said it would soon unveil a new rocket, "
         "and the United States urged calm.", day="2030-03-03", subject="north-korea", relation="said")
    assert not fresh_index.answer("what was the new rocket north korea promised called?").found
    _add(fresh_index, "rocket-named", "On April 9, 2030, North Korea unveiled a new rocket, the Pulgun-9.",
         day="2030-04-09", subject="north-korea", relation="unveiled")
    answer = fresh_index.answer("what was the new rocket north korea unveiled called?")
    assert answer.found and answer.facts == ["rocket-named"]


def test_a_two_word_noun_no_fact_speaks_of_is_a_thing_unheard_of(fresh_index: FactIndex) -> None:
    """"The state department" is one noun WordNet files under a kind of thing: a store that never says it
    speaks of no such thing, so a fact that only shares its word "state" does not answer; a verb of two words
    ending in a particle ("sit down") is no thing."""
    from briefings.answering.score import _thing

    _add(fresh_index, "kim-trade-post", "Sung Kim became secretary of state for trade in March 2031, after the "
         "council confirmed him.", day="2031-03-01", subject="sung-kim", relation="became")
    assert not fresh_index.answer("when did sung kim leave the state department?").found
    assert fresh_index.answer("when did sung kim become secretary of state for trade?").found
    classified = fresh_index.read("when did they sit down")
    assert not _thing("sit down", classified, 3)


@pytest.mark.parametrize("question", [
    "what did trump say at the rally",
    "what did trump say in his speech",
])
def test_a_saying_on_an_occasion_no_fact_names_is_not_another_saying(index: FactIndex, question: str) -> None:
    """"What did X say at the rally": a fact that X said something, which says nothing else asked, tells what
    X said elsewhere; what X said, or said about a topic, is still answered."""
    assert not index.answer(question).found


def test_a_saying_asked_without_an_occasion_is_still_answered(index: FactIndex) -> None:
    assert index.answer("what did trump say").found
    assert index.answer("what did cho young-key say about the odds").found


def test_a_month_the_statement_names_as_a_time_covers_that_month(fresh_index: FactIndex) -> None:
    from briefings.answering.score import _month_said

    _add(fresh_index, "drill-off", "On June 18, 2018, the Pentagon suspended a naval drill planned for October; talks "
         "may resume.", day="2018-06-18", subject="united-states", relation="suspended", obj="military-exercises")
    answer = fresh_index.answer("Which October drill did the Pentagon suspend?")
    assert answer.found and "drill-off" in answer.facts
    item = fresh_index.table.facts["drill-off"]
    months = {span.label: span for span, _, _ in fresh_index.read("what about May 2018 and October 2018").linked.dates}
    assert _month_said(months["October 2018"], item) and not _month_said(months["May 2018"], item)  # "may" the verb


def test_an_adjective_that_picks_the_one_before_is_no_qualifier(fresh_index: FactIndex) -> None:
    _add(fresh_index, "xi-trip", "Xi Jinping visited Pyongyang on June 20, 2019, the first visit by a Chinese leader "
         "in 14 years.", day="2019-06-20", subject="china", relation="visited", obj="north-korea")
    answer = fresh_index.answer("How long had it been since the previous visit by a Chinese leader?")
    assert answer.found and "14 years" in answer.answer


def test_who_took_a_role_from_someone_is_not_answered_by_their_leaving_it(fresh_index: FactIndex) -> None:
    _add(fresh_index, "kim-leaves-manila", "Sung Kim stepped down as ambassador to the Philippines on June 4, 2020.",
         day="2020-06-04", subject="sung-kim", relation="resigned")
    assert not fresh_index.answer("Who succeeded Sung Kim as ambassador to the Philippines?").found
    _add(fresh_index, "kim-named-manila", "Donald Trump nominated Sung Kim as ambassador to the Philippines on May 1, "
         "2016.",
         day="2016-05-01", subject="donald-trump", relation="nominated", obj="sung-kim")
    answer = fresh_index.answer("Who nominated Sung Kim as ambassador to the Philippines?")
    assert answer.found and "kim-named-manila" in answer.facts  # the act asked is said: the role is the named one's


def test_a_synonym_wordnet_gives_in_its_ing_form_reaches_the_verb_a_fact_says(fresh_index: FactIndex) -> None:
    _add(fresh_index, "kim-to-leave", "The State Department said on July 2, 2020, that Sung Kim would leave Manila in "
         "October.", day="2020-07-02", subject="sung-kim", relation="announced")
    assert "leave" in fresh_index.table.near(frozenset({"departure"}))  # WordNet: departure, "leaving"
    answer = fresh_index.answer("When was Sung Kim's departure from Manila announced?")
    assert answer.found and "kim-to-leave" in answer.facts


def test_a_condition_is_stated_by_a_clause_with_if_or_unless(fresh_index: FactIndex) -> None:
    _add(fresh_index, "seoul-park", "South Korea said on March 4, 2019, that it would reopen the Kaesong factory park "
         "only if sanctions were eased.", day="2019-03-04", subject="south-korea", relation="offered")
    answer = fresh_index.answer("On what condition would South Korea revive the Kaesong factory park?")
    assert answer.found and "seoul-park" in answer.facts


def test_what_one_needs_from_another_is_told_by_what_it_will_do_only_if_the_other_does(fresh_index: FactIndex) -> None:
    """"What does X *need* from Y": a fact that X will act only if Y does something says the need, though it
    says no word of needing; a fact of X seeking something without a condition does not."""
    _add(fresh_index, "seoul-rail", "South Korea will reopen the rail line on March 4, 2019, only if North Korea "
         "returns the survey train.", day="2019-03-04", subject="south-korea", relation="reopening")
    _add(fresh_index, "seoul-assured", "South Korea is seeking assurances that North Korea will keep the rail line "
         "open, an official said on March 6, 2019.", day="2019-03-06", subject="south-korea", relation="seeking")
    question = "What does Seoul need from Pyongyang before it reopens the rail line?"
    features = {fid: f for fid, f, _ in fresh_index.explain(question)[1]}
    assert not features["seoul-rail"]["relation_missing"] and features["seoul-assured"]["relation_missing"]
    answer = fresh_index.answer(question)
    assert answer.facts == ["seoul-rail"]


@pytest.mark.parametrize(("statement", "day", "relation", "asked", "refused"), [
    ("North Korea agreed on May 5, 2019, to dismantle its rocket engine test stand at Sohae.", "2019-05-05", "agreed",
     "What rocket installation did North Korea agree to dismantle?",
     "What satellite installation did North Korea agree to dismantle?"),
    # an adjective qualifies the kind as a noun does
    ("North Korea demolished the cooling tower of its atomic reactor at Yongbyon on June 27, 2008.", "2008-06-27",
     "demolished", "What atomic installation did North Korea demolish?",
     "What chemical installation did North Korea demolish?"),
])


def test_a_kind_no_fact_speaks_of_is_answered_when_its_qualifier_and_the_act_are_said(
        fresh_index: FactIndex, statement: str, day: str, relation: str, asked: str, refused: str) -> None:
    _add(fresh_index, "the-act", statement, day=day, subject="north-korea", relation=relation)
    answer = fresh_index.answer(asked)
    assert answer.found and "the-act" in answer.facts
    assert not fresh_index.answer(refused).found


def test_a_name_says_the_kind_of_thing_it_names(fresh_index: FactIndex) -> None:
    _add(fresh_index, "myohyang", "Kim Jong Un took Xi Jinping to Mount Myohyang on June 21, 2019.", day="2019-06-21",
         subject="kim-jong-un", relation="visited")
    answer = fresh_index.answer("Which mountain did Kim Jong Un take Xi Jinping to in June 2019?")
    assert answer.found and "myohyang" in answer.facts


def test_what_people_signed_is_not_answered_by_their_meeting(fresh_index: FactIndex) -> None:
    _add(fresh_index, "moon-abe", "Donald Trump met Shinzo Abe in Osaka on June 28, 2019.", day="2019-06-28",
         subject="donald-trump", relation="met")
    assert not fresh_index.answer("What did Donald Trump and Shinzo Abe sign in Osaka?").found
    _add(fresh_index, "moon-abe", "Donald Trump met Shinzo Abe in Osaka on June 28, 2019, and they signed a fisheries "
         "pact.", day="2019-06-28", subject="donald-trump", relation="met")
    answer = fresh_index.answer("What did Donald Trump and Shinzo Abe sign in Osaka?")
    assert answer.found and "fisheries pact" in answer.answer


def test_the_role_after_as_must_be_named(fresh_index: FactIndex) -> None:
    _add(fresh_index, "kim-trip-off", "Mike Pompeo called off a trip by Sung Kim to North Korea on June 3, 2020, "
         "citing slow progress.", day="2020-06-03", subject="sung-kim", relation="called_off")
    assert not fresh_index.answer("Why was Sung Kim chosen as the North Korea envoy?").found  # the trip, not the role
    _add(fresh_index, "kim-named-rep", "Mike Pompeo named Sung Kim special representative for North Korea on May 1, "
         "2019.", day="2019-05-01", subject="sung-kim", relation="named")
    answer = fresh_index.answer("Who was appointed as the special envoy for North Korea in May 2019?")
    assert answer.found and "kim-named-rep" in answer.facts  # the act said, the role in other words


def test_how_much_with_no_noun_asks_an_amount(fresh_index: FactIndex) -> None:
    _add(fresh_index, "road-survey", "South Korea began a 10-day survey of 160 kilometres of road in North Korea on "
         "March 4, 2019.", day="2019-03-04", subject="south-korea", relation="surveyed")
    assert not fresh_index.answer("How much did South Korea pay for the road survey in North Korea?").found
    _add(fresh_index, "road-survey", "South Korea paid $3 million for a 10-day survey of 160 kilometres of road in "
         "North Korea on March 4, 2019.", day="2019-03-04", subject="south-korea", relation="surveyed")
    answer = fresh_index.answer("How much did South Korea pay for the road survey in North Korea?")
    assert answer.found and "$3 million" in answer.answer


def test_a_before_a_unit_counts_one(fresh_index: FactIndex) -> None:
    _add(fresh_index, "envoy-detained", "A U.S. envoy, Sung Kim, was released on May 3, 2019, after about a week in "
         "detention.", day="2019-05-03", subject="sung-kim", relation="released")
    answer = fresh_index.answer("How long was Sung Kim held in detention?")
    assert answer.found and "a week" in answer.answer
    _add(fresh_index, "envoy-detained", "Sung Kim was released on May 3, 2019, a week after the summit.",
         day="2019-05-03", subject="sung-kim", relation="released")
    assert not fresh_index.answer("How long was Sung Kim held in detention?").found  # "a week after" places a day


def test_what_people_signed_is_not_answered_by_a_fact_about_the_meeting_itself(fresh_index: FactIndex) -> None:
    _add(fresh_index, "may-summit-room", "The May 26, 2018, summit between Moon Jae-in and Kim Jong Un took place in a "
         "room on the second floor of the Unification Pavilion.", day="2018-05-26",
         subject="inter-korean-summit-may-26", relation="held_at")
    question = "What did Kim Jong Un and President Moon sign in the pavilion?"
    rows = {fid: features for fid, features, _ in fresh_index.explain(question)[1]}
    assert rows["may-summit-room"]["occasion"] and not fresh_index.answer(question).found


def test_a_word_near_the_verb_only_in_a_rare_sense_does_not_say_it(index: FactIndex) -> None:
    question = "Who is running the Hansun Foundation these days?"
    rows = {fid: features for fid, features, _ in index.explain(question)[1]}
    assert rows["cho-conservative"]["relation_missing"]  # "leaning" shares a rare sense of "run", not the act
    assert not index.answer(question).found


def test_who_did_an_act_is_not_answered_by_a_fact_where_it_did_not_happen(index: FactIndex) -> None:
    question = "Who ratified the Panmunjom Declaration?"
    rows = {fid: features for fid, features, _ in index.explain(question)[1]}
    assert rows["ratification-failure-hurts-moon"]["relation_missing"]  # "the failure to ratify": no one did
    assert rows["legislature-failed-to-ratify"]["relation_missing"]  # "failed on Monday ... to ratify"


def test_a_word_that_can_be_a_verb_is_a_thing_between_a_determiner_and_of(index: FactIndex) -> None:
    _, rows = index.explain("What did Trump post about the price of the summit?")
    assert rows and all(features["unknown_thing"] for _, features, _ in rows)  # no fact speaks of a price


def test_when_is_answered_through_the_event_by_a_fact_dated_by_a_week_in_its_year(index: FactIndex) -> None:
    answer = index.answer("When did the drills involving F-22 fighters conclude?")
    assert answer.found and "week of May 21" in answer.answer  # the fact that the drills ended is dated by its year


def test_a_verb_of_saying_is_said_by_another(index: FactIndex) -> None:
    rows = {fid: features for fid, features, _ in index.explain("When did Moon speak about Kim's commitment?")[1]}
    assert not rows["moon-kim-devoted-denuclearization"]["relation_missing"]  # "Moon ... said on Sunday"
    rows = {fid: features for fid, features, _ in index.explain("When did Moon announce Kim's commitment?")[1]}
    assert not rows["moon-kim-devoted-denuclearization"]["relation_missing"]  # to announce is to say


def test_a_word_of_a_name_does_not_say_the_verb_asked(index: FactIndex) -> None:
    rows = {fid: features for fid, features, _ in index.explain("What did Sung Kim say after the talks?")[1]}
    assert rows["sung-kim-role"]["relation_missing"]  # "former U.S. ambassador": the United States say nothing


def test_two_facts_joined_through_the_event_say_together_all_the_question_asks(index: FactIndex) -> None:
    assert not index.answer("When did the drills involving F-22 fighters begin?").found  # a fact says they ended


def test_the_name_of_a_thing_is_one_of_its_own_names_not_one_it_shows(index: FactIndex) -> None:
    answer = index.answer("What is the graphic called?")
    assert answer.facts[0] == "map-subject" and "Where North and South Korea Meet" in answer.answer


def test_an_undated_fact_about_a_document_is_of_the_day_the_document_was_made(index: FactIndex) -> None:
    def time_missing(question: str) -> float:
        _, rows = index.explain(question)
        return next(f["time_missing"] for fid, f, _ in rows if fid == "declaration-economic-aid")

    assert time_missing("What did the two Koreas promise on economic aid in April?") == 0.0  # agreed April 27
    assert time_missing("What did the two Koreas promise on economic aid in June?") == 1.0


def test_a_time_before_a_noun_names_the_document_made_then(index: FactIndex) -> None:
    def time_missing(question: str) -> float:
        _, rows = index.explain(question)
        return next(f["time_missing"] for fid, f, _ in rows if fid == "opposition-blocked-declaration")

    # Dated May 28, the fact is about the declaration agreed on April 27: "the April pact" names it.
    assert time_missing("Which legislators blocked the April pact?") == 0.0
    assert time_missing("Which legislators blocked the pact in April?") == 1.0  # when the act was
    assert time_missing("Which legislators blocked the June pact?") == 1.0


def test_an_undated_fact_that_says_the_time_in_the_sources_words_covers_it(index: FactIndex) -> None:
    _, rows = index.explain("How much is known about the details of this week's talks between the US and North Korea?")
    assert next(f["time_missing"] for fid, f, _ in rows if fid == "summit-us-nk-details-unclear") == 0.0


def test_a_name_the_store_says_in_another_form_of_its_family_is_known(fresh_index: FactIndex) -> None:
    from briefings.answering.facts import _one_family

    assert _one_family("japan", "japanese") and _one_family("olympic", "olympics")
    assert not _one_family("china", "chinese") and not _one_family("trump", "trumpeter")
    _add(fresh_index, "pyeongchang-games", "Athletes of the two Koreas marched together at the opening of the 2018 "
         "Winter Paralympics in Pyeongchang on March 9, 2018.", day="2018-03-09", subject="two-koreas",
         relation="marched")
    answer = fresh_index.answer("When did the two Koreas march together at the Paralympic opening?")
    assert answer.found and "pyeongchang-games" in answer.facts
    assert not fresh_index.answer("When did the two Koreas march together at the Olympiad opening?").found


def test_what_someone_said_about_a_topic_need_not_name_the_topic(fresh_index: FactIndex) -> None:
    _add(fresh_index, "moon-trust", "At a press conference in Seoul on January 10, 2019, Moon Jae-in said that he and "
         "Kim Jong Un trusted each other.", day="2019-01-10", subject="moon-jae-in", relation="said")
    answer = fresh_index.answer("What did Moon Jae-in say about his friendship with Kim Jong Un at the Seoul press "
                                "conference?")
    assert answer.found and "moon-trust" in answer.facts  # the words said are the answer, in their own terms
    assert not fresh_index.answer("What did Moon Jae-in say about cryptocurrency?").found


def test_an_adjective_of_rank_is_no_qualifier_and_the_noun_after_it_is_asked(fresh_index: FactIndex) -> None:
    _add(fresh_index, "seoul-hurdle", "One hurdle for the Kaesong factory park is the sanctions on North Korea.",
         day="2019-03-04", subject="south-korea", relation="said")
    classified, rows = fresh_index.explain("What is the main hurdle for the Kaesong factory park?")
    assert [n.label for n in classified.needs if n.hard and n.kind.name == "word"] == ["hurdle"]
    assert not {fact_id: f for fact_id, f, _ in rows}["seoul-hurdle"]["qualifier"]
    answer = fresh_index.answer("What is the main hurdle for the Kaesong factory park?")
    assert answer.found and "seoul-hurdle" in answer.facts


def test_a_place_inside_the_place_asked_answers_for_it(fresh_index: FactIndex) -> None:
    _add(fresh_index, "osaka-meeting", "Moon Jae-in and Shinzo Abe spoke briefly in Osaka on June 28, 2019.",
         day="2019-06-28", subject="south-korea", relation="met")
    assert "osaka" in fresh_index.table.places_within(frozenset({"japan"}))  # WordNet: Osaka is part of Japan
    answer = fresh_index.answer("When did Moon Jae-in speak with Shinzo Abe in Japan?")
    assert answer.found and "osaka-meeting" in answer.facts
    assert not fresh_index.table.places_within(frozenset({"france"}))  # no French place is named in the facts


def test_a_number_joined_to_a_name_is_part_of_it(fresh_index: FactIndex) -> None:
    _add(fresh_index, "rocket-launch", "On March 3, 2019, North Korea launched a new rocket, the Taepo-2, from its "
         "west coast.", day="2019-03-03", subject="north-korea", relation="launched")
    answer = fresh_index.answer("When did North Korea launch the Taepo-2?")
    assert answer.found and "rocket-launch" in answer.facts
    assert not fresh_index.answer("When did North Korea launch the Taepo-5?").found  # another rocket of the kind


def test_a_city_that_acts_stands_for_the_country_that_holds_it(fresh_index: FactIndex) -> None:
    _add(fresh_index, "kyoto-accord-note", "Japan objected on March 3, 2019, saying the fishing quota broke an old "
         "accord.", day="2019-03-03", subject="north-korea", relation="objected")
    answer = fresh_index.answer("How did Kyoto object to the fishing quota?")
    assert answer.found and "kyoto-accord-note" in answer.facts  # Kyoto acting: the government of Japan
    assert not fresh_index.answer("What fishing quota was set in Kyoto?").found  # a place, not an actor


def test_a_response_is_told_by_what_the_one_who_responds_said(fresh_index: FactIndex) -> None:
    _add(fresh_index, "quota-objection", "Seoul protested on April 9, 2019, saying the new fishing quota broke "
         "the inter-Korean accord.", day="2019-04-09", subject="south-korea", relation="protested")

    def relation_missing(question: str) -> float:
        return _features_of(fresh_index, "quota-objection", question)["relation_missing"]

    assert not relation_missing("How did Seoul react to the new fishing quota?")
    assert not relation_missing("How did Seoul reply to the new fishing quota?")
    assert relation_missing("How did Seoul approve the new fishing quota?")


def test_a_response_told_by_saying_is_of_the_thing_responded_to(fresh_index: FactIndex) -> None:
    """"How did A respond to B's levy", told by what A said: what A said of another thing (a rail link) is
    no response to the levy, nor is what B said of its own levy; what A said of the levy is."""
    _add(fresh_index, "rail-plan", "South Korea said on May 3, 2019, that it would build a new rail link to "
         "the port of Mokpo.", day="2019-05-03", subject="south-korea", relation="said")
    _add(fresh_index, "levy-defended", "North Korea said on May 1, 2019, that its new fishing levy was fair.",
         day="2019-05-01", subject="north-korea", relation="said")
    question = "How did South Korea respond to North Korea's fishing levy?"
    assert not fresh_index.answer(question).found
    _add(fresh_index, "levy-protest", "South Korea said on May 4, 2019, that the fishing levy broke the "
         "inter-Korean accord.", day="2019-05-04", subject="south-korea", relation="said")
    answer = fresh_index.answer(question)
    assert answer.found and answer.facts[0] == "levy-protest"


@pytest.mark.parametrize("spelt", ["apologized", "apologised"])
def test_saying_sorry_is_apologising_in_either_spelling(fresh_index: FactIndex, spelt: str) -> None:
    """"Say sorry" means "apologize" (the vocabulary), and a fact that spells the verb the British way says it
    too: a meaning is read in the spelling the facts use, as the question's own words are."""
    _add(fresh_index, "boat-apology", f"Kim Jong Un {spelt} on May 3, 2019, for the sinking of a fishing boat.",
         day="2019-05-03", subject="kim-jong-un", relation="regretted")
    features = _features_of(fresh_index, "boat-apology",
                            "When did Kim Jong Un say sorry for the sinking of the fishing boat?")
    assert not features["relation_missing"] and features["lexical"] == 1.0


def test_a_qualifier_of_a_kind_of_the_role_asked_qualifies_nothing_away(fresh_index: FactIndex) -> None:
    """"Which former *diplomat*": a *deputy* ambassador is a diplomat (WordNet: an ambassador is a kind of
    diplomat), so the qualifier leaves the fact's person one of those asked; asked for the ambassador, the
    deputy is another role."""
    _add(fresh_index, "moss-seat", "Lena Moss, a former deputy ambassador in Oslo, won a seat in parliament on "
         "May 3, 2019.", day="2019-05-03", subject="north-korea", relation="won")
    kind = _features_of(fresh_index, "moss-seat", "Which former diplomat won a seat in parliament in May 2019?")
    assert kind["qualified_away"] == 0.0
    role = _features_of(fresh_index, "moss-seat", "Which former ambassador won a seat in parliament in May 2019?")
    assert role["qualified_away"] > 0.0


def test_a_counterpart_is_the_other_party_of_a_meeting(fresh_index: FactIndex) -> None:
    """"Who was X's counterpart" is answered by the person X met or negotiated with, whatever the fact
    calls them; a person X merely appointed is no counterpart."""
    from briefings.models import Entity, EntityKind, Fact

    for slug, name in (("ada-vance", "Ada Vance"), ("oren-pike", "Oren Pike"), ("lena-moss", "Lena Moss")):
        fresh_index.upsert_entity(Entity(id=slug, name=name, kind=EntityKind.person))
    fresh_index.upsert(Fact.model_validate({
        "id": "vance-appoints-moss", "subject": "ada-vance", "relation": "appointed", "object": "lena-moss",
        "topic": "delegations", "statement": "Ada Vance appointed Lena Moss as her deputy.",
        "provenance": _PROVENANCE}))
    assert not fresh_index.answer("Who was Ada Vance's counterpart?").found
    fresh_index.upsert(Fact.model_validate({
        "id": "vance-pike-talks", "subject": "ada-vance", "relation": "negotiated_with", "object": "oren-pike",
        "topic": "delegations", "statement": "Ada Vance negotiated for two days in Geneva with Oren Pike.",
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("Who was Ada Vance's counterpart?")
    assert answer.found and answer.facts[0] == "vance-pike-talks"


def test_a_counterpart_is_the_other_party_whatever_else_is_asked_of_the_meeting(fresh_index: FactIndex) -> None:
    """"Where did X meet her counterpart", "when did X first sit with her counterpart": the person X met
    is the counterpart the question names, though the question asks a place or a day, not who."""
    from briefings.models import Entity, EntityKind, Fact

    for slug, name in (("ada-vance", "Ada Vance"), ("oren-pike", "Oren Pike")):
        fresh_index.upsert_entity(Entity(id=slug, name=name, kind=EntityKind.person))
    fresh_index.upsert(Fact.model_validate({
        "id": "vance-pike-meeting", "subject": "ada-vance", "relation": "met", "object": "oren-pike",
        "topic": "delegations", "statement": "Ada Vance met Oren Pike at a lakeside villa near Geneva.",
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("Where did Ada Vance meet her counterpart?")
    assert answer.found and answer.facts[0] == "vance-pike-meeting"


def test_a_counterpart_is_said_by_the_statement_when_the_outline_names_the_countries(fresh_index: FactIndex) -> None:
    """An admin's fact may give the two sides as countries; its statement still says who met whom, and
    the person asked about may be no entity at all, only a name the fact says."""
    from briefings.models import Entity, EntityKind

    fresh_index.upsert_entity(Entity(id="oren-pike", name="Oren Pike", kind=EntityKind.person))
    _add(fresh_index, "envoy-talks", "Envoy Tomas Quill negotiated in Geneva with Oren Pike on March 3 and 4, 2019.",
         day="2019-03-03", subject="united-states", relation="negotiated_with", obj="north-korea")
    answer = fresh_index.answer("Who was Quill's counterpart in Geneva?")
    assert answer.found and answer.facts[0] == "envoy-talks"
    _add(fresh_index, "envoy-named", "Envoy Tomas Quill was named by Oren Pike on March 9, 2019.",
         day="2019-03-09", subject="united-states", relation="appointed", obj="north-korea")
    assert "envoy-named" not in fresh_index.answer("Who was Quill's counterpart in March 2019?").facts


def test_the_first_name_of_one_asked_of_is_no_counterpart(fresh_index: FactIndex) -> None:
    """"Who were Qerrin and Dask's counterparts": a fact that writes the two in full ("Tomas Qerrin") and names
    no one they met names no counterpart; the first names are theirs, not another person's."""
    _add(fresh_index, "envoys-met", "Envoy Tomas Qerrin and Defense Secretary Mira Dask held talks with North "
         "Korean officials in Geneva on March 3, 2019.", day="2019-03-03", subject="united-states",
         relation="held_talks_with", obj="north-korea")
    assert not fresh_index.answer("who were qerrin and dask's north korean counterparts in geneva?").found
    _add(fresh_index, "envoys-met-jang", "Envoy Tomas Qerrin and Defense Secretary Mira Dask held talks with "
         "Vice Minister Jang Sorrel in Geneva on March 3, 2019.", day="2019-03-03", subject="united-states",
         relation="held_talks_with", obj="north-korea")
    answer = fresh_index.answer("who were qerrin and dask's north korean counterparts in geneva?")
    assert answer.found and answer.facts[0] == "envoys-met-jang"


@pytest.mark.parametrize(("fact", "question"), [
    ({"id": "vance-memo", "relation": "passed", "object": "kim-jong-un", "topic": "timeline",
      "statement": "Ada Vance passed a sealed memo to Kim Jong Un in Geneva.", "dates": [{"day": "2019-03-04"}]},
     "Who passed a sealed memo to Kim Jong Un in early March 2019?"),
    ({"id": "vance-warning", "relation": "warned", "object": "north-korea", "topic": "positions",
      "statement": "Ada Vance, the deputy foreign minister, warned the North of more sanctions."},
     "Which official warned North Korea of more sanctions?"),
])


def test_a_word_before_a_time_or_before_the_verb_asked_qualifies_no_thing(
        fresh_index: FactIndex, fact: dict, question: str) -> None:
    """"In *early* March" is a part of March, and in "which envoy *warned*" the envoy asked is the one who
    warned: neither word names a kind of what follows, which a fact must say."""
    from briefings.models import Entity, EntityKind, Fact

    fresh_index.upsert_entity(Entity(id="ada-vance", name="Ada Vance", kind=EntityKind.person))
    fresh_index.upsert(Fact.model_validate({"subject": "ada-vance", **fact, "provenance": _PROVENANCE}))
    _, rows = fresh_index.explain(question)
    assert rows[0][0] == fact["id"] and rows[0][1]["qualifier"] == 0


def test_a_word_of_the_family_of_a_name_is_said_by_the_fact_that_holds_the_name(fresh_index: FactIndex) -> None:
    """No fact says "councillors", but one names "the Geneva City Council": the people of that council are
    spoken of, by that fact, and the word is no unknown thing; a fact that names no council says nothing of it."""
    from briefings.models import Entity, EntityKind, Fact

    fresh_index.upsert_entity(Entity(id="ada-vance", name="Ada Vance", kind=EntityKind.person))
    for fact_id, statement in (("vance-council", "Ada Vance told the Geneva City Council that the border talks would resume."),
                               ("vance-press", "Ada Vance told reporters in Geneva that the border talks would resume.")):
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": "ada-vance", "relation": "said", "topic": "positions", "statement": statement,
            "provenance": _PROVENANCE}))
    _, rows = fresh_index.explain("What did Ada Vance tell councillors about the talks?")
    assert rows[0][0] == "vance-council" and not rows[0][1]["unknown_thing"]
    assert rows[0][2] > dict((fid, s) for fid, _, s in rows)["vance-press"]


def _features_of(index: FactIndex, fact_id: str, question: str) -> dict[str, float]:
    """The features of one candidate fact for `question`."""
    return next(f for fid, f, _ in index.explain(question)[1] if fid == fact_id)


def test_a_verb_wordnet_gives_as_two_words_is_said_by_them(fresh_index: FactIndex) -> None:
    """WordNet gives "severed" as "cut off" in a first sense of both: a fact that says the two words as a
    phrasal verb ("cut off", "cut the lines off") says the act; one that says them apart does not, and the
    two words held by the store do not make "severed" a word the store knows."""
    _add(fresh_index, "storm-lines", "A storm cut off the power lines of Brask Island on March 3, 2019.",
         day="2019-03-03", subject="north-korea", relation="cut")
    _add(fresh_index, "storm-ferry", "A storm cut the power lines of Brask Island and left its ferry off schedule "
         "on March 9, 2019.", day="2019-03-09", subject="north-korea", relation="cut")
    question = "When had the power lines of Brask Island been severed?"
    said = _features_of(fresh_index, "storm-lines", question)["lexical"]
    assert said > _features_of(fresh_index, "storm-ferry", question)["lexical"] + 0.1
    read = fresh_index.read(question)
    prepare(read, fresh_index.table)
    assert not next(n for n in read.needs if n.label == "severed").known


def test_a_word_after_a_name_a_possessive_opens_is_a_thing(fresh_index: FactIndex) -> None:
    """"His Pyongyang *picnic*": after a possessive and a name, a word that can be a verb too is the noun
    the phrase ends on, a thing; one no fact speaks of makes a fact that says only the names and the time
    about another thing (here a meeting the same man hosted there)."""
    _add(fresh_index, "harvest-talks", "In Pyongyang on May 3, 2019, Kim Jong Un hosted a delegation of farmers "
         "for talks on the harvest.", day="2019-05-03", subject="kim-jong-un", relation="hosted")
    question = "What did Kim Jong Un drink at his Pyongyang picnic in May 2019?"
    assert _features_of(fresh_index, "harvest-talks", question)["unknown_thing"] == 1.0
    assert not fresh_index.answer(question).found


def test_a_meeting_of_others_about_the_two_asked_is_not_their_meeting(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    statement = "Sung Kim met Choe Son Hui in Panmunjom to prepare a meeting of Moon Jae-in and John Bolton."
    fresh_index.upsert(Fact.model_validate({"id": "envoys-prepare", "subject": "sung-kim", "relation": "met",
                                            "object": "choe-son-hui", "topic": "delegations",
                                            "provenance": _PROVENANCE, "statement": statement}))
    assert _features_of(fresh_index, "envoys-prepare", "When did Moon Jae-in meet John Bolton?")["entity_missing"] >= 1.0
    assert not _features_of(fresh_index, "envoys-prepare", "When did Sung Kim meet Choe Son Hui?")["entity_missing"]


def test_a_fact_that_says_the_opposite_act_does_not_answer(fresh_index: FactIndex) -> None:
    _add(fresh_index, "tumen-crossing-opened", "North Korea opened a new road crossing over the Tumen river on "
         "March 2, 2019.", day="2019-03-02", subject="north-korea", relation="opened")

    for question in ("When did North Korea close the Tumen river crossing?",
                     "When was the Tumen river crossing shut down?"):  # a phrasal verb, in the passive
        assert _features_of(fresh_index, "tumen-crossing-opened", question)["opposite"] == 1.0
        assert not fresh_index.answer(question).found
    assert not _features_of(fresh_index, "tumen-crossing-opened",
                            "When did North Korea open the Tumen river crossing?")["opposite"]
    assert fresh_index.answer("When did North Korea open the Tumen river crossing?").found
    _add(fresh_index, "open-letter", "Moon Jae-in wrote an open letter about the Tumen river crossing on March 9, "
         "2019.", day="2019-03-09", subject="moon-jae-in", relation="wrote")
    # "open" as an adjective ("an open letter") says no act of opening
    assert not _features_of(fresh_index, "open-letter", "When did Moon Jae-in close the Tumen river crossing?")["opposite"]


def test_a_fact_that_says_the_other_phase_of_the_act_does_not_answer(fresh_index: FactIndex) -> None:
    """WordNet names no antonym of "resume" or of "call off"; the phases table says one ends an act and the
    other starts or carries it on."""
    from briefings.answering.lexicon import Lexicon

    assert {Lexicon.phase(v) for v in ("suspend", "call off", "halt")} == {"end"}
    assert {Lexicon.phase(v) for v in ("resume", "restart", "hold")} == {"go"}
    assert not Lexicon.phase("implement") and not Lexicon.phase("sign")  # done, not stopped; no phase
    _add(fresh_index, "river-patrols-suspended", "Japan and Vietnam suspended their joint Mekong river patrols on "
         "April 3, 2019.", day="2019-04-03", subject="japan", relation="suspended")
    for question in ("When did Japan and Vietnam resume the joint Mekong river patrols?",
                     "When were the joint Mekong river patrols restarted?"):
        assert _features_of(fresh_index, "river-patrols-suspended", question)["opposite"] == 1.0
        assert not fresh_index.answer(question).found
    for question in ("When were the joint Mekong river patrols halted?",  # the same phase: no opposite
                     "When were the joint Mekong river patrols shelved?",
                     "When were the joint Mekong river patrols put on hold?"):
        assert not _features_of(fresh_index, "river-patrols-suspended", question)["opposite"]
        assert fresh_index.answer(question).found
    _add(fresh_index, "regatta-called-off", "Japan called off a regatta on the Mekong river on May 9, 2019.",
         day="2019-05-09", subject="japan", relation="called_off")
    assert _features_of(fresh_index, "regatta-called-off", "When was the Mekong regatta held?")["opposite"] == 1.0
    assert not fresh_index.answer("When was the Mekong regatta held?").found
    assert fresh_index.answer("When did Japan scrap the Mekong regatta?").found


def test_a_fact_of_what_a_day_marks_tells_its_anniversary(fresh_index: FactIndex) -> None:
    # config/vocabulary.yaml: an anniversary is a day that marks a number of years since an event
    assert fresh_index.lexicon.meanings("anniversary") == ("mark", "commemorate")
    _add(fresh_index, "boat-race", "Laos held a boat race in Vientiane on May 9, 2021, marking 50 years since the "
         "opening of the Mekong ferry.", day="2021-05-09", subject="laos", relation="held")
    answer = fresh_index.answer("What anniversary was the May 2021 Vientiane boat race for?")
    assert answer.found and "50 years" in answer.answer


def test_a_fact_that_names_someone_to_a_post_gives_the_role_asked(fresh_index: FactIndex) -> None:
    """"What role did Laos give him": a fact that Laos *named* him its envoy gives the role, though it says
    no "role"; a fact that says only what he did gives none."""
    from briefings.answering.score import _appointing

    assert {"appoint", "name", "nominate", "designate"} <= _appointing() and "call" not in _appointing()
    _add(fresh_index, "envoy-named", "Laos named Bounmy Phasy its special envoy for the Mekong river on March 3, "
         "2021.", day="2021-03-03", subject="laos", relation="appointed")
    answer = fresh_index.answer("What role did Laos give Bounmy Phasy in March 2021?")
    assert answer.found and "special envoy" in answer.answer
    _add(fresh_index, "envoy-visited", "Somsak Inthavong of Laos visited Hanoi on April 9, 2021.",
         day="2021-04-09", subject="laos", relation="visited")
    assert not fresh_index.answer("What role did Laos give Somsak Inthavong in April 2021?").found



def test_a_fact_that_someone_was_named_to_a_post_says_they_became_it(fresh_index: FactIndex) -> None:
    """"Who became Laos's envoy": becoming an envoy is being named one, so a fact that Laos *named* him its
    special envoy says the becoming, though not of another role ("trade envoy"); a fact that he only visited
    somewhere says no such thing."""
    _add(fresh_index, "envoy-named", "Laos named Bounmy Phasy its special envoy for the Mekong river on March 3, "
         "2021.", day="2021-03-03", subject="laos", relation="appointed")
    question = "Who became the special envoy of Laos in 2021?"
    assert not _features_of(fresh_index, "envoy-named", question)["relation_missing"]
    answer = fresh_index.answer(question)
    assert answer.found and "Bounmy Phasy" in answer.answer
    assert _features_of(fresh_index, "envoy-named", "Who became the trade envoy of Laos in 2021?")["relation_missing"]
    _add(fresh_index, "envoy-visited", "Somsak Inthavong of Laos visited Hanoi on April 9, 2021.",
         day="2021-04-09", subject="laos", relation="visited")
    assert _features_of(fresh_index, "envoy-visited", "Who became the envoy of Laos to Hanoi?")["relation_missing"]


def test_a_fact_that_someone_was_named_to_a_post_does_not_say_when_they_left_it(fresh_index: FactIndex) -> None:
    """WordNet's antonym of "step down" and "resign" is "take office"; a fact that someone was appointed to
    the post says that act, not the leaving."""
    _add(fresh_index, "envoy-named", "Laos named Bounmy Phasy its special envoy for the Mekong river on March 3, "
         "2021.", day="2021-03-03", subject="laos", relation="appointed")
    for question in ("When did Bounmy Phasy step down as special envoy?", "When did Bounmy Phasy resign as envoy?"):
        assert _features_of(fresh_index, "envoy-named", question)["opposite"] == 1.0
        assert not fresh_index.answer(question).found
    assert fresh_index.answer("When did Laos name Bounmy Phasy special envoy?").found


def test_a_verb_of_several_words_takes_the_phase_of_its_one_word_synonyms(fresh_index: FactIndex) -> None:
    """"shut down" is too rare for the phases table; it is "close" in a sense common to both, which ends an
    act: a fact that the plant was restarted tells another moment of it than its shutting down."""
    from briefings.answering.score import _phase_of

    assert _phase_of("shut down") == "end" and _phase_of("kick off") == "go" and _phase_of("come back") == ""
    _add(fresh_index, "mill-restarted", "Laos restarted the Pakse paper mill on the Mekong river on March 3, 2021.",
         day="2021-03-03", subject="laos", relation="restarted")
    question = "When did Laos shut down the Pakse paper mill?"
    assert _features_of(fresh_index, "mill-restarted", question)["opposite"] == 1.0
    assert not fresh_index.answer(question).found
    assert fresh_index.answer("When did Laos restart the Pakse paper mill?").found
    # an "-ing" form is an act the question speaks of, not the one it asks: the worry is asked
    assert not _features_of(fresh_index, "mill-restarted",
                            "Were people worried about Laos shutting down the Pakse paper mill?")["opposite"]


def test_a_fact_that_an_event_was_called_off_does_not_say_when_it_happened(fresh_index: FactIndex) -> None:
    """"When did the regatta take place": a fact that it was called off or put off tells that it did not go
    ahead then; asked of the calling off itself, or of what became of it, the same fact answers. A fact
    that it went ahead after all, or that it ended, still answers."""
    _add(fresh_index, "regatta-scrubbed", "Japan called off a regatta on the Mekong river on May 9, 2019.",
         day="2019-05-09", subject="japan", relation="called_off")
    for question in ("When did the Mekong regatta finally happen?", "Where did the Mekong regatta take place?"):
        assert _features_of(fresh_index, "regatta-scrubbed", question)["opposite"] == 1.0
        assert not fresh_index.answer(question).found
    for question in ("When did the cancellation of the Mekong regatta happen?",
                     "When was the Mekong regatta called off?"):
        assert not _features_of(fresh_index, "regatta-scrubbed", question)["opposite"]
        assert fresh_index.answer(question).found
    _add(fresh_index, "rally-delayed", "Laos postponed a Mekong river rally from April, and the rally took place on "
         "June 2, 2019.", day="2019-06-02", subject="laos", relation="held")
    assert not _features_of(fresh_index, "rally-delayed", "When did the Mekong river rally happen?")["opposite"]
    _add(fresh_index, "forum-ended", "A Mekong river forum concluded in Vientiane on July 4, 2019.",
         day="2019-07-04", subject="laos", relation="concluded")
    assert not _features_of(fresh_index, "forum-ended", "When did the Mekong river forum take place?")["opposite"]


def test_a_place_the_store_never_heard_of_after_any_preposition_is_a_name_no_fact_is_about(
        fresh_index: FactIndex) -> None:
    """"ambassador *to peru*" in a question written in lower case: a place WordNet knows, which no fact
    names, is no word a fact about another post may miss; a place the store holds is answered as before."""
    _add(fresh_index, "bolton-to-kenya", "Donald Trump named John Bolton ambassador to Kenya on March 2, 2020.",
         day="2020-03-02", subject="john-bolton", relation="appointed")
    assert not fresh_index.answer("when did trump name john bolton ambassador to peru").found
    assert not fresh_index.answer("when did trump send john bolton to mongolia as ambassador").found
    assert fresh_index.answer("when did trump name john bolton ambassador to kenya").found


@pytest.mark.parametrize("question", [
    "when did merkel meet kim",  # the subject, after the auxiliary
    "what did trump and merkel discuss",  # one of those who did it, after "and"
    "did trump meet with merkel in singapore",  # after "with"
])
def test_a_lower_case_name_no_dictionary_has_is_a_name_the_store_never_heard_of(index: FactIndex,
                                                                               question: str) -> None:
    """"merkel" typed in lower case is common in text but no word of English's dictionaries: in a name's place,
    a name, which no fact says, so a fact about the others named is no answer."""
    assert not index.answer(question).found


def test_a_word_the_lists_lack_after_a_determiner_is_no_name(index: FactIndex) -> None:
    """A word no dictionary has after "the" ("the *govt*") is a noun the lists lack, not a name a fact must say;
    a name the store knows, typed in lower case, is answered as before."""
    assert index.answer("who leads the us delegation the govt sent to singapore").found
    assert index.answer("who leads the delegation trump sent to singapore").found


def test_the_person_the_one_asked_comes_before_or_after_is_not_the_answer(fresh_index: FactIndex) -> None:
    """"Who was the envoy to Sweden *before Sung Kim*": Sung Kim is no time that places the question but
    the one who held the post next, so a fact must name him; and a fact that names only him (his own
    appointment) names no one else, who is asked."""
    _add(fresh_index, "sung-kim-sweden", "Sung Kim was named envoy to Sweden on April 2, 2019.",
         day="2019-04-02", subject="sung-kim", relation="appointed")
    _add(fresh_index, "choe-sweden-talks", "Choe Son Hui held talks with the envoy to Sweden on May 6, 2019.",
         day="2019-05-06", subject="choe-son-hui", relation="held_talks")
    for question in ("Who was the envoy to Sweden before Sung Kim?", "Who was the envoy to Sweden after Sung Kim?",
                     "Who replaced Sung Kim as the envoy to Sweden?"):
        assert not fresh_index.answer(question).found
    assert fresh_index.answer("Who was named envoy to Sweden in April 2019?").found
    _add(fresh_index, "envoy-before", "Sung Kim followed Park Jung Min, envoy to Sweden from 2016 to 2019.",
         day="2019-04-02", subject="sung-kim", relation="succeeded")
    assert fresh_index.answer("Who was the envoy to Sweden before Sung Kim?").found


def test_who_took_a_post_from_someone_needs_a_fact_that_says_the_post_changed_hands(fresh_index: FactIndex) -> None:
    """"Who succeeded Lena Varga as spokeswoman": a fact that Varga, the spokeswoman, said something names
    no one who came after her (its other names, a ministry, did something else); a fact that says someone
    took her place answers. "After" is no such word: it places an event."""
    _add(fresh_index, "varga-briefing", "Lena Varga, spokeswoman of the Budapest Foreign Ministry, told reporters "
         "on May 3, 2019, after a week of silence, that Hungary backed the talks.", day="2019-05-03",
         subject="south-korea", relation="backed")
    for question in ("Who succeeded Lena Varga as spokeswoman?", "Who replaced Lena Varga as spokeswoman?"):
        assert _features_of(fresh_index, "varga-briefing", question)["hard_missing"] >= 1.0
        assert not fresh_index.answer(question).found
    _add(fresh_index, "varga-succeeded", "Anna Bakos succeeded Lena Varga as spokeswoman of the Budapest Foreign "
         "Ministry on June 1, 2019.", day="2019-06-01", subject="south-korea", relation="appointed")
    assert fresh_index.answer("Who succeeded Lena Varga as spokeswoman?").facts[:1] == ["varga-succeeded"]


def test_who_held_a_post_before_someone_needs_a_fact_that_places_one_holder_before_another(
        fresh_index: FactIndex) -> None:
    """"Who was envoy to Sweden *before Sung Kim*": a fact that Sung Kim, the envoy, opened a forum names
    others (the forum, its town) who did not hold the post; a fact that one envoy came *after* another does."""
    _add(fresh_index, "envoy-forum", "Sung Kim, the envoy to Sweden, opened the Nordic Peace Forum in Malmo on "
         "May 9, 2019.", day="2019-05-09", subject="sung-kim", relation="opened")
    question = "Who was the envoy to Sweden before Sung Kim?"
    assert _features_of(fresh_index, "envoy-forum", question)["hard_missing"] >= 1.0
    assert not fresh_index.answer(question).found
    _add(fresh_index, "envoy-order", "Sung Kim became envoy to Sweden in April 2019, after Park Jung Min.",
         day="2019-04-02", subject="sung-kim", relation="appointed")
    assert fresh_index.answer(question).facts[:1] == ["envoy-order"]


def test_whom_an_act_was_done_to_needs_the_act_or_someone_else_named(fresh_index: FactIndex) -> None:
    """"Who did Sung Kim *beat* in the chess open": a fact that he won it names no one but him, and says
    not the act asked, so names no one he beat; a fact that says whom he beat answers."""
    _add(fresh_index, "chess-open-won", "Sung Kim won the Seoul chess open on May 3, 2019.", day="2019-05-03",
         subject="sung-kim", relation="won")
    question = "Who did Sung Kim beat in the Seoul chess open?"
    assert _features_of(fresh_index, "chess-open-won", question)["no_one_named"] == 1.0
    assert not fresh_index.answer(question).found
    _add(fresh_index, "chess-open-final", "Sung Kim beat Park Jung Min in the final of the Seoul chess open on May 3, "
         "2019.", day="2019-05-03", subject="sung-kim", relation="beat")
    assert fresh_index.answer(question).facts[:1] == ["chess-open-final"]


def test_the_one_replaced_in_a_post_was_not_given_it_then(fresh_index: FactIndex) -> None:
    """"Choe Son Hui replaced Kim Hyon Chol as envoy": the day is when Choe took the post and Kim left it,
    not when Kim was named to it; asked of Choe's appointment, the fact answers."""
    _add(fresh_index, "choe-replaces-kim", "Choe Son Hui replaced Kim Hyon Chol as the envoy to Sweden on May 6, "
         "2019.", day="2019-05-06", subject="choe-son-hui", relation="appointed")
    for question in ("When was Kim Hyon Chol appointed envoy to Sweden?", "when was kim hyon chol named envoy to sweden"):
        assert _features_of(fresh_index, "choe-replaces-kim", question)["opposite"] == 1.0
        assert not fresh_index.answer(question).found
    assert fresh_index.answer("When was Choe Son Hui appointed envoy to Sweden?").found


def test_a_verb_of_a_phase_before_the_act_asked_is_read_against_the_other_phase(fresh_index: FactIndex) -> None:
    """"When did they *finish* rebuilding it": the end of the act is asked, even where the verb after it is
    read as the relation; a fact that says the work was begun (a launch ceremony was held) tells its
    start, not its end. Asked of the start, the same fact answers."""
    _add(fresh_index, "bridge-rebuild-launch", "The two Koreas held a launch ceremony on June 4, 2019, to rebuild "
         "the Tumen river bridge.", day="2019-06-04", subject="two-koreas", relation="held")
    finish = "When did the two Koreas finish rebuilding the Tumen river bridge?"
    assert _features_of(fresh_index, "bridge-rebuild-launch", finish)["opposite"] == 1.0
    assert not fresh_index.answer(finish).found
    start = "When did the two Koreas start rebuilding the Tumen river bridge?"
    assert not _features_of(fresh_index, "bridge-rebuild-launch", start)["opposite"]
    assert fresh_index.answer(start).found


def test_a_fact_that_someone_spoke_to_an_audience_does_not_say_what_they_said(fresh_index: FactIndex) -> None:
    """"What did X say": that X spoke to 300 students tells that X spoke, not what; "spoke to students
    *about* the armistice" gives the matter. "About 300" is a count, no matter."""
    _add(fresh_index, "envoy-lecture", "Sung Kim spoke to about 300 students at Yonsei University in Seoul on "
         "March 5, 2019.", day="2019-03-05", subject="sung-kim", relation="spoke")
    _add(fresh_index, "envoy-lecture-matter", "Sung Kim spoke to students about the armistice at Korea University "
         "in Seoul on March 8, 2019.", day="2019-03-08", subject="sung-kim", relation="spoke")
    assert not fresh_index.answer("What did Sung Kim say in his lecture at Yonsei University?").found
    assert fresh_index.answer("What did Sung Kim say at Korea University?").facts == ["envoy-lecture-matter"]
    assert fresh_index.answer("Where did Sung Kim speak on March 5, 2019?").facts == ["envoy-lecture"]


def test_a_why_is_not_answered_by_the_act_alone(fresh_index: FactIndex) -> None:
    """A fact that says the act asked, and no cause of it, is no answer to "why": the bot would repeat the
    question's premise. Once a fact gives the cause, it answers."""
    question = "Why did North Korea close its consulate in Vladivostok?"
    _add(fresh_index, "consulate-closed", "North Korea closed its consulate in Vladivostok on May 2, 2019.",
         day="2019-05-02", subject="north-korea", relation="closed")
    assert not fresh_index.answer(question).found
    _add(fresh_index, "consulate-closed-cause", "North Korea said on May 3, 2019, that it closed its consulate in "
         "Vladivostok because of budget cuts.", day="2019-05-03", subject="north-korea", relation="said")
    assert fresh_index.answer(question).facts[0] == "consulate-closed-cause"
    # what a thing is meant to bring about is what it is for: "a plan that would ..." gives a cause
    _add(fresh_index, "ferry-plan", "Sung Kim proposed a ferry route on May 6, 2019, that would link Incheon and "
         "Nampo.", day="2019-05-06", subject="sung-kim", relation="proposed")
    assert fresh_index.table.facts["ferry-plan"].causal
    assert fresh_index.answer("Why did Sung Kim propose a ferry route?").facts == ["ferry-plan"]


def test_an_act_no_fact_says_during_a_named_event_is_not_answered_by_the_event(fresh_index: FactIndex) -> None:
    """"Where did she sleep *during the DMZ meeting*": no fact says the sleeping; a fact that says where the
    meeting was held tells the event's place, not the act done in it. Asked of the meeting, it answers."""
    _add(fresh_index, "dmz-meeting-venue", "Sung Kim and Choe Son Hui held the DMZ meeting on May 28, 2018, at the "
         "Tongilgak building in Panmunjom.", day="2018-05-28", subject="dmz-meeting", relation="held_at")
    question = "Which building did Choe Son Hui sleep in during the DMZ meeting?"
    assert _features_of(fresh_index, "dmz-meeting-venue", question)["occasion"] == 1.0
    assert not fresh_index.answer(question).found
    assert fresh_index.answer("Which building did Sung Kim and Choe Son Hui hold the DMZ meeting in?").facts[:1] == [
        "dmz-meeting-venue"]


def test_a_role_said_after_as_of_the_one_named_is_theirs_however_far(fresh_index: FactIndex) -> None:
    """"Who replaced X *as* envoy": a fact about X's years *as* envoy, which says no replacing, is about X in the
    role, though many words stand between X's name and the role; it names no one who took it."""
    _add(fresh_index, "sung-kim-lectures", "Sung Kim's lecture series on his two years spent as U.S. special envoy, "
         "Quiet Channels, was broadcast by Yonhap on March 3, 2021, with remarks by Mike Pompeo.",
         day="2021-03-03", subject="sung-kim", relation="broadcast")
    assert _features_of(fresh_index, "sung-kim-lectures", "Who replaced Sung Kim as special envoy?")["role_of_named"]
    assert not fresh_index.answer("Who replaced Sung Kim as special envoy?").found
    assert fresh_index.answer("When was Sung Kim's lecture series broadcast?").facts == ["sung-kim-lectures"]


def test_the_one_an_act_is_done_to_named_only_as_an_owner_is_not_its_object(fresh_index: FactIndex) -> None:
    """"When did A *sue* B": a fact that A delayed *B's* book tour tells an act done to B's thing, not to B,
    whether the verb asked is one the store holds ("sue") or none ("fire"). Asked of B's tour, it answers."""
    _add(fresh_index, "bolton-book-delayed", "On May 4, 2020, Donald Trump delayed John Bolton's book tour in "
         "Washington.", day="2020-05-04", subject="donald-trump", relation="delayed", obj="john-bolton")
    for question in ("When did Donald Trump sue John Bolton?", "When did Donald Trump fire John Bolton?"):
        assert _features_of(fresh_index, "bolton-book-delayed", question)["object_owned"] == 1.0
        assert not fresh_index.answer(question).found
    assert fresh_index.answer("When did Donald Trump delay John Bolton's book tour?").facts == ["bolton-book-delayed"]


def test_a_noun_said_only_by_a_broader_neighbour_qualifies_the_noun_after_it_away(fresh_index: FactIndex) -> None:
    _add(fresh_index, "rowing-silver", "A joint Korean rowing crew won silver at a multi-sport event in Jakarta on "
         "August 20, 2018.", day="2018-08-20", subject="north-korea", relation="won")

    def qualifier(question: str) -> float:
        return _features_of(fresh_index, "rowing-silver", question)["qualifier"]

    assert fresh_index.answer("What did the joint Korean rowing crew win in Jakarta?").found
    # "hockey" is near only "sport" of "multi-sport": the fact is about a crew of another sport
    assert qualifier("What did the joint Korean hockey crew win in Jakarta?") > 0
    assert not fresh_index.answer("What did the joint Korean hockey crew win in Jakarta?").found


def test_a_noun_said_only_by_words_it_is_a_kind_of_qualifies_the_noun_after_it_away(fresh_index: FactIndex) -> None:
    """However near "sports" sits to "basketball" in meaning, WordNet files basketball under sport: a fact of
    a squad at a sports festival says what kind of thing basketball is, not that its squad played it."""
    _add(fresh_index, "rowing-bronze", "A combined Korean rowing squad took bronze at the sports festival in "
         "Bangkok on May 3, 2019, a sports first for the two Koreas.", day="2019-05-03", subject="north-korea",
         relation="took")
    asked = "What did the combined Korean basketball squad take at the sports festival in Bangkok?"
    assert _features_of(fresh_index, "rowing-bronze", asked)["qualifier"] > 0
    assert not fresh_index.answer(asked).found
    assert fresh_index.answer("What did the combined Korean rowing squad take in Bangkok?").found


def test_a_fact_that_says_only_the_event_an_act_was_done_during_does_not_answer_the_act(fresh_index: FactIndex) -> None:
    _add(fresh_index, "moon-singapore-visit", "Moon Jae-in visited Singapore from July 11 to 13, 2019, on a state "
         "tour of Southeast Asia.", day="2019-07-11", subject="moon-jae-in", relation="visited")
    met = "Who did Moon Jae-in meet during his July 2019 visit to Singapore?"
    assert not fresh_index.answer(met).found  # the visit, not whom he met during it
    assert fresh_index.answer("When did Moon Jae-in visit Singapore?").found
    _add(fresh_index, "moon-singapore-talks", "During his visit to Singapore in July 2019, Moon Jae-in met Prime "
         "Minister Lee Hsien Loong.", day="2019-07-12", subject="moon-jae-in", relation="met")
    assert "moon-singapore-talks" in fresh_index.answer(met).facts


def test_a_fact_that_says_a_kind_of_the_act_asked_says_the_act(fresh_index: FactIndex) -> None:
    _add(fresh_index, "moon-pledge", "Moon Jae-in pledged on May 2, 2019, to rebuild the Kaesong factory park within "
         "a year.", day="2019-05-02", subject="moon-jae-in", relation="pledged")
    near = fresh_index.table.near
    assert "pledge" in near(frozenset({"promise"}), kinds=True)  # WordNet: to pledge is a way to promise
    answer = fresh_index.answer("What did Moon Jae-in promise to rebuild in 2019?")
    assert answer.found and "moon-pledge" in answer.facts
    # never the other way: a promise is not said to be a pledge, nor does the general act say a kind of it
    assert "promise" not in near(frozenset({"pledge"}), kinds=True)
    assert "continue" not in near(frozenset({"hold"}), kinds=True)  # a way to "keep" in a rare sense only
    assert "discuss" in near(frozenset({"deal"}), kinds=True)  # to deal with a topic: the verb asked
    assert "discuss" not in near(frozenset({"deal"}))  # "a fair deal": no verb asked


def test_a_fact_that_names_the_doer_only_as_the_one_acted_on_does_not_answer_their_act(fresh_index: FactIndex) -> None:
    _add(fresh_index, "ferreira-named", "Mike Pompeo named Nina Ferreira, a trade lawyer, as envoy to Seoul on March "
         "3, 2019.", day="2019-03-03", subject="mike-pompeo", relation="named")
    _add(fresh_index, "ferreira-praised", "Nina Ferreira, a trade lawyer, was praised in Seoul on March 5, 2019.",
         day="2019-03-05", subject="united-states", relation="praised")

    went = "When did Nina Ferreira first go to Seoul?"
    assert _features_of(fresh_index, "ferreira-named", went)["done_to_doer"]  # Pompeo's act, done to her
    assert _features_of(fresh_index, "ferreira-praised", went)["done_to_doer"]  # the passive: done to her too
    assert not fresh_index.answer(went).found
    _add(fresh_index, "ferreira-flew", "Nina Ferreira flew to Seoul on April 4, 2019.", day="2019-04-04",
         subject="united-states", relation="flew")
    assert fresh_index.answer(went).facts[0] == "ferreira-flew"
    _add(fresh_index, "moon-met-ferreira", "On April 5, 2019, Moon Jae-in met Nina Ferreira in Seoul.",
         day="2019-04-05", subject="moon-jae-in", relation="met")
    # the act asked, done with her: hers as much as his
    assert not _features_of(fresh_index, "moon-met-ferreira",
                            "When did Nina Ferreira meet Moon Jae-in?")["done_to_doer"]
    _add(fresh_index, "ferreira-welcomed", "Moon Jae-in welcomed Nina Ferreira in Busan on April 9, 2019.",
         day="2019-04-09", subject="moon-jae-in", relation="welcomed")
    # done to her in the place asked: she was there
    assert not _features_of(fresh_index, "ferreira-welcomed", "When did Nina Ferreira arrive in Busan?")["done_to_doer"]


def test_the_way_of_an_act_is_not_told_by_a_fact_that_shares_only_the_names(fresh_index: FactIndex) -> None:
    _add(fresh_index, "moon-hopes-kaesong", "Moon Jae-in said on April 6, 2019, that Kaesong would host the "
         "liaison staff.", day="2019-04-06", subject="moon-jae-in", relation="said")
    assert not fresh_index.answer("How did Moon Jae-in fly to Kaesong?").found
    _add(fresh_index, "moon-drove-kaesong", "Moon Jae-in flew to Kaesong by helicopter on April 8, 2019.",
         day="2019-04-08", subject="moon-jae-in", relation="flew")
    assert fresh_index.answer("How did Moon Jae-in fly to Kaesong?").facts[0] == "moon-drove-kaesong"
    _add(fresh_index, "moon-recalled-war", "Moon Jae-in recalled the Korean War with sorrow on June 25, 2019.",
         day="2019-06-25", subject="moon-jae-in", relation="recalled")
    # an event the question names is said as its words would be: the fact tells how he spoke of it
    assert fresh_index.answer("How did Moon Jae-in talk about the Korean War?").facts[0] == "moon-recalled-war"


def test_who_is_not_answered_by_a_fact_that_names_no_one_new_and_says_only_the_names(fresh_index: FactIndex) -> None:
    _add(fresh_index, "bolton-seoul-days", "John Bolton spent two days in Seoul on April 10 and 11, 2019.",
         day="2019-04-10", subject="john-bolton", relation="spent")
    asked = "Who did John Bolton confer with in Seoul in April 2019?"
    assert _features_of(fresh_index, "bolton-seoul-days", asked)["no_one_named"]
    assert not fresh_index.answer(asked).found
    _add(fresh_index, "bolton-conferred", "On April 11, 2019, John Bolton conferred with Chung Eui-yong in Seoul.",
         day="2019-04-11", subject="john-bolton", relation="conferred_with")
    assert fresh_index.answer(asked).facts[0] == "bolton-conferred"
    _add(fresh_index, "ferreira-lawyer", "Nina Ferreira is a trade lawyer.", day="2019-04-12",
         subject="united-states", relation="is")
    # "who is X" asks no one's part in an act: X described is the answer
    assert fresh_index.answer("Who is Nina Ferreira exactly?").facts[0] == "ferreira-lawyer"


def test_a_day_inside_the_noun_phrase_a_statement_opens_with_is_that_things(fresh_index: FactIndex) -> None:
    _add(fresh_index, "fisheries-talks", "The fisheries talks on Tuesday, May 7, 2019, are expected to discuss "
         "reopening the Kaesong factory park.", day="2019-05-07", subject="two-koreas", relation="discuss")
    reopen = "When is the Kaesong factory park due to reopen?"
    assert _features_of(fresh_index, "fisheries-talks", reopen)["date_of_another"]
    assert not fresh_index.answer(reopen).found  # the day of the talks, not of the reopening
    assert fresh_index.answer("When are the fisheries talks?").facts[0] == "fisheries-talks"


def test_the_doer_asked_is_not_the_names_the_question_puts_in_what_was_done_to(fresh_index: FactIndex) -> None:
    _add(fresh_index, "japan-india-draft", "Japan and India circulated a draft communique in Geneva on July 2, 2019, "
         "urging talks with North Korea.", day="2019-07-02", subject="north-korea", relation="circulated")
    blocked = "Which country blocked the Japan-India draft communique on North Korea?"
    assert _features_of(fresh_index, "japan-india-draft", blocked)["doer_is_object"]
    assert not fresh_index.answer(blocked).found  # they drafted it; who blocked it the fact does not say
    assert fresh_index.answer("Who circulated the draft communique on North Korea in Geneva?").facts[0] == "japan-india-draft"


def test_an_act_of_someone_not_the_subjects_is_a_peers(index: FactIndex) -> None:
    # "does the North believe": "Cho believes North Korea and the U.S. won't agree" is Cho's belief, and
    # the store does not describe Cho as the North's; what the North believes is its own fact
    def peer(question: str, fact_id: str) -> float:
        return _features_of(index, fact_id, question)["peer_subject"]

    question = "Does the North believe in denuclearization of some sort?"
    assert peer(question, "cho-no-agreement-likely") == 1.0
    assert peer(question, "nk-sufficient-denuclearization") == 0.0
    # saying is left out (a spokesman says what his embassy says), and so is the verb of a clause ("A
    # says B believes": the believing is B's, the act said of A is saying)
    assert peer("What did the U.S. Embassy in Seoul tell reporters?", "embassy-talks-proceeding") == 0.0
    assert peer("Has Cho Young-key said that Pyongyang believes in some denuclearization?",
                "nk-sufficient-denuclearization") == 0.0


def test_a_why_answered_with_no_cause_takes_the_cause_from_a_fact_of_the_same_event(index: FactIndex) -> None:
    # the fact of the pull-out covers the question but gives no cause; the fact of the same talks that
    # does ("cited anger at ...") has no day of its own, as a cause has none
    answer = index.answer("Why did the North withdraw from the inter-Korean talks this month?")
    assert answer.found and "military exercises" in answer.answer


def test_a_word_of_the_entity_asked_inside_a_persons_name_does_not_name_that_entity(fresh_index: FactIndex) -> None:
    _add(fresh_index, "kim-tractor-plant", "Kim Jong Un toured a tractor plant near Vladivostok on April 26, 2019.",
         day="2019-04-26", subject="kim-jong-un", relation="toured")
    features = next(f for fid, f, _ in fresh_index.explain("When did the North open a tractor plant?")[1]
                    if fid == "kim-tractor-plant")
    # "north" is a word of "the North Korean leader", one of Kim's names: the fact names him, not the country
    assert features["entity_missing"] == 1
    assert not fresh_index.answer("When did the North open a tractor plant?").found


def test_an_unknown_noun_a_light_verb_makes_an_act_of_is_the_act_asked(fresh_index: FactIndex) -> None:
    _add(fresh_index, "china-tariff-warning", "China warned on March 5, 2019, that it would answer any new U.S. "
         "tariffs in kind.", day="2019-03-05", subject="china", relation="warned")

    def features_of(question: str) -> dict[str, float]:
        return _features_of(fresh_index, "china-tariff-warning", question)

    # "make the threat" is to threaten: an act no fact says in those words, not a thing no fact names
    made = features_of("When did Beijing make the tariff threat?")
    assert made["unknown_thing"] == 0 and made["relation_missing"] == 1
    assert fresh_index.answer("When did Beijing make the tariff threat?").found
    # a noun no light verb leads to is still a thing the facts never name
    assert features_of("When did Beijing publish the tariff dossier?")["unknown_thing"] == 1


@pytest.mark.parametrize(("question", "fact_id"), [
    ("Where was Sung Kim's session with Choe Son Hui held?", "dmz-meeting-place"),  # a session: a meeting
    ("Who heads the Pyongyang side at the preparatory meetings?", "nk-delegation-leader"),  # in talks, a side: a delegation
])


def test_a_general_word_the_vocabulary_reads_reaches_the_facts_word(index: FactIndex, question: str,
                                                                     fact_id: str) -> None:
    answer = index.answer(question)
    assert answer.found and answer.facts[0] == fact_id


def test_prep_is_the_clipped_preparatory(index: FactIndex) -> None:
    """The English tables know "prep" only as a noun of school; config/vocabulary.yaml reads the adjective."""
    classified, _ = index.explain("Who will attend the prep round?")
    need = next(n for n in classified.needs if n.label == "prep")
    assert need.near.get("preparatory") == 1.0


def test_how_likely_is_measured_by_a_chance_said(index: FactIndex) -> None:
    """"How likely": a statement that gives a chance or a likelihood says the degree asked; one that does not,
    misses it, as a fact with no size misses "how big"."""
    _, rows = index.explain("How likely is a deal on what denuclearization means?")
    features = {fid: f for fid, f, _ in rows}
    assert features["cho-no-agreement-likely"]["degree_missing"] == 0
    assert features["sticking-point-meaning"]["degree_missing"] == 1


def test_what_number_is_answered_by_a_number_the_fact_gives(index: FactIndex) -> None:
    """"What *number*": the fact need not say the noun; a number it gives ("site 1") is the answer."""
    answer = index.answer("What number does the Unification Pavilion have on the map?")
    assert answer.found and answer.facts[0] == "map-unification-pavilion"


def test_what_odds_is_answered_by_a_chance_said(index: FactIndex) -> None:
    """"What *odds*": a fact that says how likely ("a good chance") gives them, in whichever word of likelihood."""
    _, rows = index.explain("What odds does Cho give on a deal?")
    features = {fid: f for fid, f, _ in rows}
    assert features["cho-no-agreement-likely"]["hard_missing"] == 0


def test_a_verb_defined_as_starting_an_act_says_started_and_the_act(fresh_index: FactIndex) -> None:
    """WordNet defines "open" as "start to operate": a fact that an office opened says when it started
    operating, whichever way the question says the start, and misses no verb of the question."""
    from briefings.answering.lexicon import Lexicon

    assert "open" in Lexicon.inchoatives("operate") and not Lexicon.inchoatives("be")
    _add(fresh_index, "fisheries-office", "The two Koreas opened a joint fisheries office near the sea border on "
         "March 4, 2019.", day="2019-03-04", subject="north-korea", relation="opened", obj="south-korea")
    for question in ("When did the joint fisheries office start operating?",
                     "When did the fisheries office begin to operate?"):
        fact_id, features, _ = best(fresh_index, question)
        assert fact_id == "fisheries-office" and not features["relation_missing"], (question, features)
        assert fresh_index.answer(question).facts[:1] == ["fisheries-office"], question


def test_a_verb_asked_is_not_said_by_the_first_letters_of_a_word_of_a_name(fresh_index: FactIndex) -> None:
    # "founded" shares its first letters with the "Foundation" of a name the fact says; the fact says
    # nothing of anyone founding anything
    _add(fresh_index, "hansun-fellow-trip", "Lee Dong-hwan, a Hansun Foundation fellow, travelled to Tokyo on "
         "March 3, 2019.", day="2019-03-03", subject="south-korea", relation="travelled")
    rows = fresh_index.explain("Which person founded the Hansun Foundation?")[1]
    assert next(f for fid, f, _ in rows if fid == "hansun-fellow-trip")["relation_missing"]


def test_an_abstention_on_someone_the_sources_leave_unnamed_says_so(index: FactIndex) -> None:
    # a hint of what the bot knows would send the asker searching; the reason is that no name was given
    answer = index.answer("who was the senior official from Seoul?")
    assert not answer.found and answer.hint == "A senior Seoul official: not named in the sources."


def test_a_time_said_from_an_event_must_hold_the_answer(fresh_index: FactIndex) -> None:
    """"N days after <event>": the event's scheduled day moved by the span is the day asked; a fact of
    the event's own day (or of no day near it) answers another question, and none in it is a refusal."""
    question = "Where did Kim Jong Un travel three days after the summit?"
    assert not fresh_index.answer(question).found  # the store holds nothing dated June 15
    _add(fresh_index, "kim-rail-trip", "Kim Jong Un travelled by train to Dandong on June 15, 2018.",
         day="2018-06-15", subject="kim-jong-un", relation="travelled_to", obj="china")
    answer = fresh_index.answer(question)
    assert answer.found and "Dandong" in answer.answer
    assert not fresh_index.answer("Where did Kim Jong Un travel a week after the summit?").found
    (span, _, _), = fresh_index.read(question).linked.dates
    assert span.start == span.end == date(2018, 6, 15)


def test_the_outcome_of_an_event_is_what_was_settled_on_its_days(fresh_index: FactIndex) -> None:
    """"What did the summit yield": a fact stating an agreement or a pledge dated on the event's day
    answers; what was planned before it (its agenda) is no outcome, and nothing dated then is a refusal."""
    question = "What did the Singapore summit yield?"
    assert fresh_index.read(question).outcome == frozenset({"singapore-summit"})
    assert not fresh_index.answer(question).found  # the curated store holds only what came before
    _add(fresh_index, "summit-pledge",
         "At the meeting on June 12, 2018, both leaders pledged to open new lines of communication.",
         day="2018-06-12", subject="donald-trump", relation="pledged_to", obj="kim-jong-un", topic="summit")
    answer = fresh_index.answer("What was the result of the Singapore summit?")
    assert answer.found and "lines of communication" in answer.answer


def test_a_reaction_is_what_its_owner_said_then(fresh_index: FactIndex) -> None:
    """"X's response to Y": a fact in which X says something, placed by the question's time, tells the
    response though it says no word of responding; another party speaking is no response of X's."""
    _add(fresh_index, "beijing-welcomes",
         "China's foreign ministry said on June 13, 2018, that the summit had made a good start.",
         day="2018-06-13", subject="china", relation="welcomed", obj="united-states", topic="positions")
    answer = fresh_index.answer("What was China's response to the summit in June 2018?")
    assert answer.found and "good start" in answer.answer
    assert not fresh_index.answer("What was South Korea's response to the summit in June 2018?").found
    _, rows = fresh_index.explain("Who drafted China's response letter in June 2018?")
    assert next(f for fid, f, _ in rows if fid == "beijing-welcomes")["hard_missing"]


def test_a_word_near_the_verb_asked_said_only_as_a_thing_is_no_act_stated(fresh_index: FactIndex) -> None:
    # "forbid" is near "ban"; "keep the ban on" names the ban, a thing, not an act of forbidding
    _add(fresh_index, "fishing-rule", "Japan asked the council on March 2, 2019, to keep the ban on fishing near "
         "the islands.", day="2019-03-02", subject="japan", relation="asked")
    assert _features_of(fresh_index, "fishing-rule", "Which country forbade fishing near the islands?")[
        "relation_missing"]
    _add(fresh_index, "fishing-act", "Japan banned fishing near the islands on March 3, 2019.", day="2019-03-03",
         subject="japan", relation="banned")
    assert not _features_of(fresh_index, "fishing-act", "Which country forbade fishing near the islands?")[
        "relation_missing"]


def test_a_word_that_is_a_verb_too_after_a_light_verb_is_the_act_asked(fresh_index: FactIndex) -> None:
    # "take a hike": "hike" is a noun here, the act asked; a fact that says another act of hers does not say it
    _add(fresh_index, "moon-park", "Moon Jae-in toured the industrial park near Kaesong on May 5, 2019.",
         day="2019-05-05", subject="moon-jae-in", relation="toured")
    assert _features_of(fresh_index, "moon-park", "When did Moon Jae-in take a hike near Kaesong?")["relation_missing"]


def test_a_word_only_ever_a_verb_after_a_light_verb_is_no_act_missing(fresh_index: FactIndex) -> None:
    _add(fresh_index, "moon-arms", "Moon Jae-in said on May 5, 2019, that Kim Jong Un wants to scrap his missiles.",
         day="2019-05-05", subject="moon-jae-in", relation="said")
    assert not _features_of(fresh_index, "moon-arms", "What did Moon say about Kim getting rid of missiles?")[
        "relation_missing"]


def test_a_word_the_store_spells_otherwise_is_the_same_word(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "defence-college", "subject": "south-korea", "relation": "opened", "topic": "inter-korean",
        "dates": [{"day": "2019-03-03"}],
        "statement": "On March 3, 2019, Seoul opened the Defence College for officers from both Koreas.",
        "provenance": _PROVENANCE}))
    fact_id, features, score = best(fresh_index, "When did Seoul open the defense college for officers?")
    assert fact_id == "defence-college" and not features["unknown_thing"] and score >= fresh_index.threshold


def test_a_city_after_a_preposition_that_places_is_the_place_not_its_government(fresh_index: FactIndex) -> None:
    """"Where in Pyongyang": a fact that names only North Korea, or names Pyongyang as its government
    ("between Washington and Pyongyang"), puts nothing there; one that says "in Pyongyang" does. A
    question that asks another thing of an act in the city may still be answered by a fact of the country."""
    from briefings.models import Fact

    provenance = {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}

    def add(fact_id: str, subject: str, statement: str) -> None:
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": subject, "relation": "opened", "topic": "timeline", "statement": statement,
            "dates": [{"day": "2019-05-01"}], "provenance": provenance}))

    add("museum-opened", "north-korea", "North Korea opened a railway museum at Kaesong Station on May 1, 2019.")
    add("museum-mediated", "south-korea", "South Korea, mediating between Washington and Pyongyang, opened a "
                                          "railway museum at Kaesong Station on May 1, 2019.")
    assert not fresh_index.answer("Where in Pyongyang did North Korea open a railway museum?").found
    assert fresh_index.answer("When did North Korea open a railway museum in Pyongyang?").found
    add("museum-in-city", "north-korea", "The railway museum North Korea opened on May 1, 2019, stands at "
                                         "Sosong Station in Pyongyang.")
    answer = fresh_index.answer("Where in Pyongyang did North Korea open a railway museum?")
    assert answer.found and answer.facts[0] == "museum-in-city"


def test_a_verb_of_saying_of_the_one_asked_is_not_what_another_said(fresh_index: FactIndex) -> None:
    """"What did Moon write": a fact about Trump that reports what the White House said says nothing Moon wrote."""
    _add(fresh_index, "moon-note", "On May 2, 2019, Donald Trump received a note from Moon Jae-in; the White House "
         "said the two would speak soon.", day="2019-05-02", subject="donald-trump", relation="received",
         obj="moon-jae-in")
    assert _features_of(fresh_index, "moon-note", "What did Moon Jae-in write in the note in May 2019?")[
        "relation_missing"]
    _add(fresh_index, "moon-note-said", "Moon Jae-in said on May 3, 2019, that his note proposed a new meeting.",
         day="2019-05-03", subject="moon-jae-in", relation="said")
    assert not _features_of(fresh_index, "moon-note-said", "What did Moon Jae-in write in the note in May 2019?")[
        "relation_missing"]
    _add(fresh_index, "north-wants", "North Korea wants a new meeting, Moon Jae-in noted on May 4, 2019.",
         day="2019-05-04", subject="north-korea", relation="wants")
    assert not _features_of(fresh_index, "north-wants", "What does Moon Jae-in say North Korea wants?")[
        "relation_missing"]  # a fact about a country that reports what the person asked of said


def test_a_day_the_statement_names_covers_that_day_of_a_fact_dated_otherwise(fresh_index: FactIndex) -> None:
    """A fact dated by a visit's first and last days says in its words the day between on which a pact was signed."""
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "moon-visit-pact", "subject": "moon-jae-in", "relation": "visited", "topic": "timeline",
        "statement": "Moon Jae-in toured Busan from March 3 to 5, 2019, and signed a port accord on March 4.",
        "dates": [{"day": "2019-03-03"}, {"day": "2019-03-05"}], "provenance": _PROVENANCE}))
    assert not _features_of(fresh_index, "moon-visit-pact", "What did Moon Jae-in sign on March 4, 2019?")[
        "time_missing"]
    assert _features_of(fresh_index, "moon-visit-pact", "What did Moon Jae-in sign on March 6, 2019?")["time_missing"]


def test_initials_in_capitals_are_said_by_the_words_they_spell(fresh_index: FactIndex) -> None:
    """"the WFP": a fact that says "the World Food Programme" says it; "With Few Papers" in mixed case does not."""
    from briefings.answering.score import spells

    _add(fresh_index, "food-aid", "North Korea asked the World Food Programme for aid on May 6, 2019.",
         day="2019-05-06", subject="north-korea", relation="asked")
    _add(fresh_index, "few-papers", "North Korea came With few Papers to the talks on May 7, 2019.",
         day="2019-05-07", subject="north-korea", relation="came")
    need = next(n for n in fresh_index.read("When did North Korea ask the WFP for aid?").needs if n.label == "wfp")
    assert need.initials
    assert spells("wfp", fresh_index.table.facts["food-aid"])
    assert not spells("wfp", fresh_index.table.facts["few-papers"])
    answer = fresh_index.answer("When did North Korea ask the WFP for aid?")
    assert answer.found and answer.facts[0] == "food-aid"
    assert not fresh_index.answer("When did North Korea ask the XQZ for aid?").found


def test_the_title_of_a_work_is_its_name_which_a_fact_gives_capitalised(fresh_index: FactIndex) -> None:
    """"The title of Moon's book": a name whose small words are capitalised; a fact about the book that
    names only places gives none."""
    _add(fresh_index, "moon-book", "Moon Jae-in's book about his presidency, A Path Of Our Own, came out on May 9, 2023.",
         day="2023-05-09", subject="moon-jae-in", relation="published")
    _add(fresh_index, "moon-report", "Moon Jae-in's report on the Korean Peninsula came out on May 10, 2023.",
         day="2023-05-10", subject="moon-jae-in", relation="published")
    assert fresh_index.read("What is the title of Moon Jae-in's book?").asked is Asked.name
    answer = fresh_index.answer("What is the title of Moon Jae-in's book?")
    assert answer.found and answer.facts[0] == "moon-book"
    assert not fresh_index.answer("What was the title of Moon Jae-in's report?").found


def test_a_compound_word_gives_two_initials(fresh_index: FactIndex) -> None:
    """"IRBM": in "interregional ballistic missile", "inter" + "regional" gives the I and the R."""
    from briefings.answering.score import spells

    _add(fresh_index, "irbm-test", "North Korea tested an interregional ballistic missile on May 8, 2019.",
         day="2019-05-08", subject="north-korea", relation="tested")
    assert spells("irbm", fresh_index.table.facts["irbm-test"])
    assert not spells("ibmx", fresh_index.table.facts["irbm-test"])


def _reunion_facts(index: FactIndex) -> None:
    """An act with no cause, a cause of another act of the same people and event, and (undated, not
    naming Seoul) the cause of the act, each added as an admin would."""
    _add(index, "reunions-postponed", "North Korea postponed the family reunions with Seoul on September 3, 2019.",
         day="2019-09-03", subject="north-korea", relation="postponed", obj="family-reunions")
    _add(index, "reunions-red-cross", "North Korea met Seoul's Red Cross on September 3, 2019, to discuss the venue "
         "of the family reunions.", day="2019-09-03", subject="north-korea", relation="met", obj="family-reunions")


def test_a_why_is_not_answered_by_the_cause_of_another_act_of_the_same_people(fresh_index: FactIndex) -> None:
    # the Red Cross meeting states a purpose ("to discuss"), but of meeting, not of postponing
    _reunion_facts(fresh_index)
    answer = fresh_index.answer("Why did North Korea put off the family reunions with Seoul?")
    assert "reunions-red-cross" not in answer.facts


def test_a_why_takes_the_cause_of_the_act_from_a_fact_of_its_event_that_says_the_act(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    _reunion_facts(fresh_index)
    fresh_index.upsert(Fact.model_validate({
        "id": "reunions-postponed-reason", "subject": "north-korea", "relation": "cited",
        "object": "family-reunions", "topic": "timeline", "provenance": _PROVENANCE,
        "statement": "North Korea cited a shortage of hotel rooms when it postponed the family reunions."}))
    answer = fresh_index.answer("Why did North Korea put off the family reunions with Seoul?")
    assert answer.found and "hotel rooms" in answer.answer and "reunions-red-cross" not in answer.facts


def test_a_noun_after_a_determiner_is_no_act_a_why_asks_the_cause_of(index: FactIndex) -> None:
    from briefings.answering.score import _acts_asked_why

    acts = _acts_asked_why(index.read("Why did the envoy quit the planned meeting with the minister?"))
    assert "meeting" not in {n.label for n in acts}


def test_a_lowercase_word_the_store_writes_in_lowercase_is_no_name(fresh_index: FactIndex) -> None:
    """Between a determiner and a noun, a lowercase question's word reads as a name ("the *danish*
    minister"); a word the store itself writes in lower case (here, in a keyword) is a common word, and a
    fact that says it in other words is not missing a name."""
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "advance-team-leader", "subject": "moon-jae-in", "relation": "leads", "object": "kim-jong-un",
        "topic": "people", "provenance": _PROVENANCE,
        "statement": "Moon Jae-in leads the advance team that readies his visit to Kim Jong Un."}))
    fresh_index.upsert(Fact.model_validate({
        "id": "advance-team-keyword", "subject": "moon-jae-in", "relation": "plans", "object": "kim-jong-un",
        "topic": "people", "provenance": _PROVENANCE, "keywords": ["prep team"],
        "statement": "Moon Jae-in plans a visit to Kim Jong Un."}))
    features = _features_of(fresh_index, "advance-team-leader", "who leads the prep team for moon's visit?")
    assert not features["hard_missing"]


def test_over_as_a_particle_or_with_a_time_gives_no_cause(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    for fact_id, statement in (("envoy-handed-over", "Joe Hagin was handed over to Chinese officials on May 3, 2025."),
                               ("envoy-held-weekend", "Joe Hagin was held in Dandong over the weekend, May 3, 2025."),
                               ("envoy-held-over", "Joe Hagin was held in Dandong over his missing visa on May 3, 2025.")):
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": "joe-hagin", "relation": "was_handed_over", "object": "china",
            "topic": "timeline", "provenance": _PROVENANCE, "statement": statement}))
    question = "why was Joe Hagin handed to Chinese officials?"
    assert _features_of(fresh_index, "envoy-handed-over", question)["type"] < 1.0  # "handed *over* to": no cause
    assert _features_of(fresh_index, "envoy-held-weekend", question)["type"] < 1.0  # "*over* the weekend": a time
    assert _features_of(fresh_index, "envoy-held-over", question)["type"] == 1.0  # "*over* his visa": a cause


def test_a_year_the_question_names_a_thing_by_is_missed_by_a_fact_of_other_years(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "hagin-report-2024", "subject": "joe-hagin", "relation": "published", "object": "united-states",
        "topic": "timeline", "provenance": _PROVENANCE,
        "statement": "Joe Hagin published a logistics report on the Busan port on April 2, 2024."}))
    assert _features_of(fresh_index, "hagin-report-2024", "who published the 2021 logistics report on the Busan port?"
                        )["time_missing"] == 1
    assert not _features_of(fresh_index, "hagin-report-2024", "who published the 2024 logistics report on the Busan port?"
                            )["time_missing"]


def test_the_number_of_a_name_is_not_said_by_a_day_of_that_number(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    for fact_id, statement in (("hagin-day-7", "Joe Hagin inspected the Busan port on March 7, 2024."),
                               ("hagin-mark-7", "Joe Hagin inspected the Mark-7 engine in Busan on March 9, 2024.")):
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": "joe-hagin", "relation": "inspected", "object": "united-states",
            "topic": "timeline", "provenance": _PROVENANCE, "statement": statement}))
    question = "when did Joe Hagin inspect the Zeta-7?"
    assert _features_of(fresh_index, "hagin-day-7", question)["hard_missing"] == 1  # "March 7": another 7
    question = "when did Joe Hagin inspect the Mark-7?"
    assert not _features_of(fresh_index, "hagin-mark-7", question)["hard_missing"]


def test_the_words_of_a_keyword_phrase_are_not_matched_by_words_near_them(fresh_index: FactIndex) -> None:
    """A keyword of several words ("turn up") means one thing: "play" is near its "turn", not near the
    phrase. The same word as a keyword alone is matched by the words near it, as a keyword is."""
    from briefings.answering.score import _word_credit, prepare
    from briefings.models import Fact

    for fact_id, keyword in (("envoys-phrase", "turn up"), ("envoys-word", "turn")):
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": "moon-jae-in", "relation": "attends", "object": "kim-jong-un",
            "topic": "people", "provenance": _PROVENANCE, "keywords": [keyword],
            "statement": "Moon Jae-in attends the talks with Kim Jong Un."}))
    classified = fresh_index.read("who is playing the host for Moon?")
    prepare(classified, fresh_index.table)
    playing = next(n for n in classified.needs if n.label == "playing")
    assert "turn" in playing.near
    facts = fresh_index.table.facts
    assert _word_credit(playing, facts["envoys-phrase"]) == 0.0 < _word_credit(playing, facts["envoys-word"])
    asked = fresh_index.read("did Moon turn up for the talks?")
    prepare(asked, fresh_index.table)
    turn_up = next(n for n in asked.needs if n.label == "turn up")
    assert _word_credit(turn_up, facts["envoys-phrase"]) == 1.0  # the phrase as a whole, as the keyword says it


def test_a_city_where_a_going_ends_is_the_place_a_fact_must_name(fresh_index: FactIndex) -> None:
    """"Travel *to* Seoul": a fact of South Korea that says no going there (its officials met) answers
    another question (as does "put the talks *back* on course": no going); one that says the visit ("visited
    Seoul"), or a trip to the country, does. After
    a word that is no going ("talk *to* Seoul"), Seoul is the government, which the country's fact names."""
    _add(fresh_index, "officials-met", "South Korean officials met Choe Son Hui at Panmunjom on May 3, 2019.",
         day="2019-05-03", subject="south-korean-officials", relation="met", obj="choe-son-hui")
    assert _features_of(fresh_index, "officials-met", "When did Choe Son Hui travel to Seoul?")["entity_missing"]
    assert not _features_of(fresh_index, "officials-met", "When did Choe Son Hui talk to Seoul?")["entity_missing"]
    _add(fresh_index, "officials-back", "South Korean officials put the talks with Choe Son Hui back on course on "
         "May 5, 2019.", day="2019-05-05", subject="south-korean-officials", relation="resumed", obj="choe-son-hui")
    assert _features_of(fresh_index, "officials-back", "When did Choe Son Hui travel to Seoul?")["entity_missing"]
    _add(fresh_index, "choe-visited", "Choe Son Hui visited Seoul on May 9, 2019.", day="2019-05-09",
         subject="choe-son-hui", relation="visited", obj="south-korea")
    assert not _features_of(fresh_index, "choe-visited", "When did Choe Son Hui travel to Seoul?")["entity_missing"]
    _add(fresh_index, "choe-trip", "Choe Son Hui made a trip to South Korea on May 12, 2019.", day="2019-05-12",
         subject="choe-son-hui", relation="visited", obj="south-korea")
    assert not _features_of(fresh_index, "choe-trip", "When did Choe Son Hui fly to Seoul?")["entity_missing"]


def test_an_undated_fact_that_reckons_the_same_time_is_of_it(index: FactIndex) -> None:
    """A fact with no date of its own that says "only days before Monday, May 28" is of the time "a few
    days before May 28", and a fact of May 24 is found for "two days before May 26"."""
    _, rows = index.explain("had the talks fallen apart a few days before may 28")
    assert rows[0][0] == "talks-appeared-collapsed" and rows[0][1]["time_missing"] == 0
    _, rows = index.explain("what did trump say two days before may 26")
    assert rows and rows[0][0] in {"trump-withdrawal", "trump-withdrawal-reason"}


def test_a_few_days_ago_is_reckoned_as_days_before_the_story_day(fresh_index: FactIndex) -> None:
    """"A few days ago" is "a few days before" the story's day, and reckoned so: an undated fact that says
    "only days before" that day is of it, though the source gave it no date to hold it by."""
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "ferry-stalled", "subject": "south-korea", "relation": "stalled", "topic": "timeline",
        "statement": "Only days before Monday, May 28, 2018, the ferry negotiations with Seoul had stalled.",
        "provenance": _PROVENANCE}))
    _, rows = fresh_index.explain("had the ferry negotiations stalled a few days ago?")
    assert rows[0][0] == "ferry-stalled" and rows[0][1]["time_missing"] == 0


def test_an_undated_fact_of_a_month_is_of_an_open_span_the_month_meets() -> None:
    """"In June 2018 the Pentagon suspended ..." has no day, but June 2018 meets "after the June 12
    summit"; a fact of May 2018 does not."""
    from types import SimpleNamespace

    from briefings.answering.model import DateSpan
    from briefings.answering.score import _month_within

    after = DateSpan(label="after the summit", start=date(2018, 6, 12), end=date(2019, 6, 30))
    june = SimpleNamespace(words="in june 2018 the pentagon suspended the drill".split(), years={2018}, days=frozenset())
    may = SimpleNamespace(words="in may 2018 the pentagon planned the drill".split(), years={2018}, days=frozenset())
    assert _month_within(after, june) and not _month_within(after, may)


def test_a_re_word_is_weighed_once_and_a_fact_with_no_verb_of_the_other_phase_is_not_read_word_by_word(
        index: FactIndex) -> None:
    """Both are on every question's path: "return" asks the embedding model whether it is turning again, and
    "held" sends every candidate fact through the search for a verb of stopping."""
    from briefings.answering.lexicon import Lexicon

    index.lexicon.repeated_act("reopen")
    assert index.lexicon._repeats["reopen"] == "open"
    ends = Lexicon.phase_heads("end")
    assert {"suspend", "call", "halt"} <= ends and "resume" not in ends
    assert "resume" in Lexicon.phase_heads("go")


def test_a_thing_asked_that_no_fact_says_is_said_by_what_it_is_a_kind_of(fresh_index: FactIndex) -> None:
    """A noun asked about that no fact says, nor a word near it, is said by a fact that names what WordNet
    calls it a kind of (a ferry is a boat), when the embedding model agrees the two are near; a kind it
    names in a sense the model puts far away ("tanker" is also a soldier in a tank) says nothing."""
    _add(fresh_index, "envoys-crossing", "A small boat carried the two envoys across the Han estuary on June 3, 2019.",
         day="2019-06-03", subject="two-koreas", relation="crossed")
    answer = fresh_index.answer("Which ferry carried the two envoys across the Han estuary?")
    assert answer.found and answer.facts[0] == "envoys-crossing"
    _add(fresh_index, "guard-posted", "A soldier guarded the Han estuary crossing on June 4, 2019.",
         day="2019-06-04", subject="two-koreas", relation="guarded")
    _, rows = fresh_index.explain("Which tanker guarded the Han estuary crossing?")
    assert {fid: f for fid, f, _ in rows}["guard-posted"]["hard_missing"]


def test_a_qualified_role_of_another_head_does_not_qualify_the_role_asked_away(fresh_index: FactIndex) -> None:
    """"The *mission* head": a fact whose qualified role shares only the head noun ("deputy head of
    protocol") names another role, and its "deputy" qualifies nothing asked; asked for that role itself
    ("the head of protocol"), the deputy is still not it."""
    _add(fresh_index, "lind-leads-mission", "Mara Lind, the deputy head of protocol, leads the trade mission to Oslo.",
         day="2019-04-02", subject="united-states", relation="leads")
    assert not _features_of(fresh_index, "lind-leads-mission", "Who is the trade mission head in Oslo?")["qualified_away"]
    assert _features_of(fresh_index, "lind-leads-mission", "Who is the head of protocol?")["qualified_away"]


def test_a_word_that_runs_an_acts_two_words_together_says_them(fresh_index: FactIndex) -> None:
    """English names an act by running its two words into one: a verb and its particle ("pullback": pull
    back) or the thing and the verb done to it ("fundraising": raise funds). A question that says the one
    word is answered by a fact that says the two (not read as a name never heard of), and the other way round."""
    from briefings.answering.lexicon import Lexicon

    assert Lexicon.joined_parts("sellouts") == (frozenset({"sell"}), "out")
    assert Lexicon.joined_parts("fundraising") == (frozenset({"fund"}), "raise")
    assert Lexicon.joined_parts("deadline") is None and Lexicon.joined_parts("outstanding") is None
    _add(fresh_index, "guns-back", "North Korea pulled back its coastal artillery from the sea border on May 2, 2025.",
         day="2025-05-02", subject="north-korea", relation="withdrew")
    _add(fresh_index, "fund-raised", "South Korea started fundraising for a war memorial in Paju on April 9, 2025.",
         day="2025-04-09", subject="south-korea", relation="started")
    answer = fresh_index.answer("when was the pullback of the coastal artillery?")
    assert answer.found and answer.facts == ["guns-back"]
    assert _features_of(fresh_index, "fund-raised", "when did south korea raise funds for the memorial?")["lexical"] == 1.0


def test_a_prefixed_word_too_rare_for_the_lists_is_read_by_its_parts(fresh_index: FactIndex) -> None:
    """"reacquiring" is re + acquiring: inflected as "acquire" is ("reacquire"), no name the store never heard
    of, and said by a fact that puts the same prefix before a synonym of its stem ("regained")."""
    from briefings.answering.lexicon import Lexicon

    assert "reacquire" in Lexicon.lemmas("reacquiring")
    _add(fresh_index, "outpost-back", "South Korean marines regained control of an island outpost on May 9, 2025.",
         day="2025-05-09", subject="south-korea", relation="regained")
    answer = fresh_index.answer("when did south korean marines reacquire the island outpost")
    assert answer.found and answer.facts == ["outpost-back"]


def test_an_ordinal_counts_the_occasions_how_many_times_asks(fresh_index: FactIndex) -> None:
    """"her fifth visit" says how many visits there had been by then, which "how many times" and "how many
    visits" ask as surely as "five visits" would; an ordinal of another thing counts no visits."""
    _add(fresh_index, "fifth-tokyo", "Moon Jae-in flew to Tokyo on March 3, 2025, his fifth visit to Japan as a "
         "former president.", day="2025-03-03", subject="moon-jae-in", relation="visited")
    for question in ("how many times had Moon Jae-in been to Japan by March 2025?",
                     "how many visits to Japan had Moon Jae-in made by March 2025?"):
        answer = fresh_index.answer(question)
        assert answer.found and answer.facts == ["fifth-tokyo"], question
    assert not fresh_index.answer("how many speeches had Moon Jae-in given in Japan by March 2025?").found


def test_a_counterpart_may_be_someone_the_store_has_no_entity_for(fresh_index: FactIndex) -> None:
    """"Who was her counterpart": a fact that she negotiated with a country, naming its negotiator in the
    statement only (a name no word of English), gives the other party."""
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "beijing-round", "subject": "united-states", "relation": "negotiated_with", "object": "china",
        "topic": "delegations", "provenance": _PROVENANCE, "dates": [{"day": "2025-05-05"}],
        "statement": "Envoy Ruth Calloway held two days of talks in Beijing with Chinese official Wang Dongfeng on "
                     "May 5 and 6, 2025."}))
    answer = fresh_index.answer("Who was Calloway's Chinese counterpart in the May 2025 talks?")
    assert answer.found and answer.facts == ["beijing-round"]


def test_the_day_of_a_date_written_as_an_ordinal_is_no_ordinal_of_a_thing(fresh_index: FactIndex) -> None:
    """"on October 9th" names a day; it does not ask for the ninth of several things, which a fact must say."""
    _add(fresh_index, "border-drill", "South Korea held a live-fire drill near the sea border on October 9, 2023.",
         day="2023-10-09", subject="south-korea", relation="held")
    answer = fresh_index.answer("what did south korea do on october 9th, 2023?")
    assert answer.found and answer.facts == ["border-drill"]


def test_a_pair_is_covered_in_part_by_a_fact_about_one_of_the_two(fresh_index: FactIndex) -> None:
    """"The two Koreas": a fact about one of them tells part of what the two did (it is not missing the
    pair), less than a fact that names both."""
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "south-drill", "subject": "south-korea", "relation": "held", "topic": "inter-korean",
        "statement": "South Korea held a civil defence drill on Wednesday.", "provenance": _PROVENANCE}))
    fresh_index.upsert(Fact.model_validate({
        "id": "joint-drill", "subject": "south-korea", "relation": "held", "object": "north-korea", "topic": "inter-korean",
        "statement": "South Korea and North Korea held a joint civil defence drill on Wednesday.",
        "provenance": _PROVENANCE}))
    one = _features_of(fresh_index, "south-drill", "What drill did the two Koreas hold?")
    both = _features_of(fresh_index, "joint-drill", "What drill did the two Koreas hold?")
    assert not one["entity_missing"] and 0.5 < one["entities"] < 1.0
    assert both["entities"] == 1.0
    fresh_index.upsert(Fact.model_validate({
        "id": "pair-drill", "subject": "two-koreas", "relation": "held", "topic": "inter-korean",
        "statement": "The two Koreas held a joint civil defence drill on Thursday.", "provenance": _PROVENANCE}))
    member = _features_of(fresh_index, "pair-drill", "What drill did South Korea hold?")  # one of the two
    assert not member["entity_missing"] and 0.5 < member["entities"] < 1.0


def test_a_journey_to_a_place_is_not_the_journey_back_from_it(fresh_index: FactIndex) -> None:
    _add(fresh_index, "moon-flight-out", "Moon Jae-in flew to the Vladivostok forum on a presidential jet on May 4, 2019.",
         day="2019-05-04", subject="moon-jae-in", relation="traveled_to")
    rows = {fid: f for fid, f, _ in fresh_index.explain("How did Moon Jae-in fly home from Vladivostok?")[1]}
    assert rows["moon-flight-out"]["hard_missing"]  # the flight there is not the flight back
    rows = {fid: f for fid, f, _ in fresh_index.explain("How did Moon Jae-in fly to Vladivostok?")[1]}
    assert not rows["moon-flight-out"]["hard_missing"]


def test_a_lower_case_place_after_a_going_and_two_adverbs_is_a_name(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "moon-flight-out", "subject": "moon-jae-in", "relation": "traveled_to", "topic": "timeline",
        "keywords": ["osaka forum"], "provenance": _PROVENANCE,
        "statement": "Moon Jae-in flew to the Osaka forum on a presidential jet on May 4, 2019."}))
    _add(fresh_index, "moon-flight-tokyo", "Moon Jae-in flew to Tokyo on a presidential jet on June 1, 2019.",
         day="2019-06-01", subject="moon-jae-in", relation="traveled_to")
    question = "how did moon jae-in fly back home from osaka"
    classified, rows = fresh_index.explain(question)
    assert [n.name_like for n in classified.needs if n.label == "osaka"] == [True]  # a keyword's lower case
    features = {fid: f for fid, f, _ in rows}
    assert features["moon-flight-out"]["hard_missing"]  # "back home *from*": the start of a going
    assert not fresh_index.answer(question).found  # nor is a flight to another city the flight back


def test_a_number_counts_the_noun_after_it_not_what_that_holds(fresh_index: FactIndex) -> None:
    _add(fresh_index, "pueblo-papers-returned",
         "On May 3, 2019, North Korea returned 12 crates of documents seized from the USS Pueblo.",
         day="2019-05-03", subject="north-korea", relation="returned")
    assert not fresh_index.answer("How many documents did North Korea return from the USS Pueblo?").found
    counted = fresh_index.answer("How many crates did North Korea return from the USS Pueblo?")
    assert counted.found and counted.facts == ["pueblo-papers-returned"]


def test_a_view_asked_is_told_by_the_verb_that_made_it_known(fresh_index: FactIndex) -> None:
    """"What does X think": a fact that X suggested, argued or said something tells X's view; a fact that X
    visited somewhere tells none."""
    _add(fresh_index, "envoys-suggest", "Chinese envoys suggested on May 6, 2019, that the port deal would need a new "
         "round of talks.", day="2019-05-06", subject="china", relation="suggested")
    assert not _features_of(fresh_index, "envoys-suggest", "What does China think the port deal needs?")[
        "relation_missing"]
    _add(fresh_index, "envoys-visit", "Chinese envoys visited the port on May 7, 2019, to see the deal's works.",
         day="2019-05-07", subject="china", relation="visited")
    assert _features_of(fresh_index, "envoys-visit", "What does China think of the port deal?")["relation_missing"]


def test_what_a_thing_tells_about_another_is_what_it_shows(fresh_index: FactIndex) -> None:
    """"What does the cancelled parade tell us about Seoul": a thing does not speak, so the verb asks what
    it shows; a fact that reads it as a signal of something answers, one that only says it happened does not."""
    _add(fresh_index, "parade-off", "South Korea cancelled its spring parade on April 2, 2019.",
         day="2019-04-02", subject="south-korea", relation="cancelled")
    _add(fresh_index, "parade-signal", "The cancelled spring parade signaled a softer mood in South Korea toward the "
         "North.", day="2019-04-03", subject="south-korea", relation="signaled")
    question = "What does the cancelled spring parade tell us about South Korea?"
    assert _features_of(fresh_index, "parade-off", question)["hard_missing"]
    assert not _features_of(fresh_index, "parade-signal", question)["hard_missing"]
    answer = fresh_index.answer(question)
    assert answer.found and answer.facts[0] == "parade-signal"


@pytest.mark.parametrize("question", [
    "What did Moon say to the engineers about the delay?",
    "How did Moon respond to the missile launch?",
    "Which envoys pulled back from the border talks in Hanoi?",
    "Did the negotiators raise funds for the reunions of separated families?",
    "Who said the ICBM launch site would reopen?",
    "What do the South Korean officials think of the denuclearization formula?",
    "When did the delegation from France arrive at the summit venue?",
])


def test_a_fact_with_no_word_of_a_need_is_given_nothing_for_it(index: FactIndex, question: str) -> None:
    """The scorer passes over `_word_credit` for a fact that holds no word a need can be credited by
    (`_nothing_said`): every fact of the store it passes over is one `_word_credit` gives nothing."""
    from briefings.answering.score import _nothing_said, _word_credit, prepare, question_traits

    classified = index.read(question)
    prepare(classified, index.table)
    traits = question_traits(classified, index.table)
    passed = 0
    for fact_id in index.table.facts:
        item = index.table.facts[fact_id]
        for read in traits.needs:
            if read.need.kind is NeedKind.word and _nothing_said(read, item):
                passed += 1
                assert _word_credit(read.need, item) == 0.0, (read.need.label, fact_id)
                assert _word_credit(read.need, item, names=index.table.names.holds) == 0.0, (read.need.label, fact_id)
    assert passed  # most facts hold no word of some need


def test_a_need_credited_by_more_than_the_facts_words_is_never_passed_over(index: FactIndex) -> None:
    """Initials ("ICBM": a phrase that spells them) are credited by more than the words a fact holds: every
    fact is read for them; a verb of saying is credited by any verb of saying a fact holds."""
    from briefings.answering.classify import SAYING
    from briefings.answering.score import prepare, question_traits

    classified = index.read("What did Moon say to the ICBM engineers?")
    prepare(classified, index.table)
    reach = {read.need.label.lower(): read.reach for read in question_traits(classified, index.table).needs}
    assert reach["icbm"] is None and reach["say"] >= SAYING and reach["engineers"] is not None


def test_words_english_runs_together_end_in_a_particle_or_a_verb(index: FactIndex) -> None:
    """`_joined_in_the_store` reads only second parts that are particles or verbs, as `Lexicon.joined_parts`
    splits every word of the store ("pullback": "pull", "back"; "fundraising": "fund", "raise")."""
    from briefings.answering.lexicon import PARTICLES, Lexicon

    split = [parts for word in index.table.vocabulary if (parts := Lexicon.joined_parts(word)) is not None]
    assert split
    assert all(tail in PARTICLES or "VERB" in Lexicon.parts_of_speech(tail) for _, tail in split)


def test_things_counted_count_what_is_asked_unless_the_fact_names_it_otherwise(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "envoy-three-things", "subject": "sung-kim", "relation": "said", "topic": "timeline",
        "statement": "On June 12, 2019, Sung Kim said three things would decide the next round: sanctions relief, "
                     "a peace declaration and the return of remains.",
        "keywords": ["conditions"], "dates": [{"day": "2019-06-12"}], "provenance": _PROVENANCE}))
    answer = fresh_index.answer("How many conditions did Sung Kim say would decide the next round?")
    assert answer.found and "three things" in answer.answer  # "things" stands for the conditions asked

    def type_factor(question: str) -> float:
        return next(f["type"] for fid, f, _ in fresh_index.explain(question)[1] if fid == "envoy-three-things")

    # the fact names the sanctions uncounted: its three things are not a number of them
    assert type_factor("How many sanctions did Sung Kim say would decide the next round?") < 1.0
    assert not fresh_index.answer("How many hours did Sung Kim say would decide the next round?").found


def test_an_adverb_no_fact_says_weighs_as_the_commonest_word_not_the_rarest(index: FactIndex) -> None:
    """"Where did the envoys *actually* meet": no fact says "actually" nor "actual"; an adverb names no
    thing a fact could lack, so the question is answered as "where did the envoys meet" is. An adverb the
    store does say by its adjective ("secretly": "secret") still weighs as a word of the store."""
    plain = index.answer("Where did the envoys meet?")
    hedged = index.answer("Where did the envoys actually meet?")
    assert hedged.found and hedged.facts[0] == plain.facts[0] == "dmz-meeting-participants"
    classified = index.read("When did the two leaders secretly meet?")
    total = prepare(classified, index.table)
    assert total > 0 and next(n for n in classified.needs if n.label == "secretly").weight > 0.5


def test_whom_a_thing_is_sought_from_is_no_name_a_fact_of_the_wish_must_say(index: FactIndex) -> None:
    """"What relief is North Korea seeking *from the U.S.*": a fact that says what North Korea seeks answers,
    though it does not say of whom (an anchor, as WordNet's kinds of wanting and requesting take one). What
    is received from someone is another matter: the giver must be named."""
    seeking = index.read("What relief is North Korea seeking from the U.S.?")
    asked_of = next(n for n in seeking.needs if n.kind is NeedKind.entity and "united-states" in n.entity_ids)
    assert asked_of.anchor and not asked_of.hard
    assert index.answer("What relief is North Korea seeking from the U.S.?").facts[0] == "nk-seeks-sanctions-relief"
    received = index.read("What did Kim receive from Trump?")
    assert all(n.hard for n in received.needs if n.kind is NeedKind.entity)


def test_a_keyword_only_near_the_verb_asked_names_a_thing_not_an_act(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "embassy-street", "subject": "us-embassy-seoul", "relation": "located_at", "object": "south-korea",
        "topic": "places", "provenance": _PROVENANCE, "keywords": ["institute", "mission"],
        "statement": "The U.S. Embassy in Seoul stands on Sejong Street."}))
    # "institute" is what the embassy is, not that anyone set it up
    assert _features_of(fresh_index, "embassy-street", "Who founded the U.S. Embassy in Seoul?")["relation_missing"]


def test_an_opposite_quality_is_not_near_the_word_asked(fresh_index: FactIndex) -> None:
    from briefings.answering.facts import _VECTOR_NEAR
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "early-talks", "subject": "moon-jae-in", "relation": "met", "object": "kim-jong-un",
        "topic": "inter-korean", "provenance": _PROVENANCE,
        "statement": "Moon Jae-in met Kim Jong Un in an early round of talks."}))
    lexicon = fresh_index.table.lexicon
    assert float(lexicon.vector("later") @ lexicon.vector("early")) >= _VECTOR_NEAR  # the embedding puts them near
    assert "early" not in fresh_index.table.near(frozenset({"later", "late"}))


def test_the_other_of_a_pair_named_after_the_verb_is_in_a_fact_of_a_thing_of_both(fresh_index: FactIndex) -> None:
    """What North Korea did to an inter-Korean thing it did to a thing shared with the South; but the South
    named before the verb is the one who acted, which the fact does not say."""
    _add(fresh_index, "fishing-accord-left", "North Korea walked away from the inter-Korean fishing accord on "
         "March 2, 2021.", day="2021-03-02", subject="north-korea", relation="withdrew")

    def entity_missing(question: str) -> float:
        return _features_of(fresh_index, "fishing-accord-left", question)["entity_missing"]

    assert entity_missing("When did North Korea walk away from the fishing accord with Seoul?") == 0.0
    assert entity_missing("When did Seoul walk away from the fishing accord?") == 1.0



def test_a_count_asked_in_one_container_is_given_in_another(fresh_index: FactIndex) -> None:
    """English counts a load by what holds it: "how many boxes" asks what "14 cases" counts; a word whose
    first sense is no container ("how many letters") is not counted by the cases."""
    _add(fresh_index, "vaccine-shipment", "China shipped 14 cases of flu vaccine to North Korea on March 9, 2021.",
         day="2021-03-09", subject="china", relation="shipped", obj="north-korea")
    answer = fresh_index.answer("How many boxes of flu vaccine did China ship to North Korea in March 2021?")
    assert answer.found and "14" in answer.answer
    assert _features_of(fresh_index, "vaccine-shipment",
                        "How many letters of flu vaccine did China ship to North Korea in March 2021?")["type"] < 1.0


def test_a_verb_idiom_the_vocabulary_reads_is_the_act_asked(fresh_index: FactIndex) -> None:
    """"Come into force" is the verb of "when did the treaty come into force": a fact that the treaty was
    signed dates another act of it, when some fact says an act of the idiom's meaning."""
    _add(fresh_index, "fishing-treaty-signed", "North Korea and China signed a fishing treaty on May 3, 2021.",
         day="2021-05-03", subject="north-korea", relation="signed", obj="china")
    _add(fresh_index, "ferry-deal-in-force", "The ferry deal between North Korea and Russia took effect on July 1, "
         "2021.", day="2021-07-01", subject="north-korea", relation="took_effect")
    assert not fresh_index.answer("When did the fishing treaty come into force?").found
    assert fresh_index.answer("When was the fishing treaty signed?").found
    answer = fresh_index.answer("When did the ferry deal come into force?")
    assert answer.found and answer.facts[0] == "ferry-deal-in-force"


def test_who_is_the_object_of_a_named_doer_is_someone_else(fresh_index: FactIndex) -> None:
    from briefings.answering.score import WRONG_TYPE
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "chair-vote", "subject": "choe-son-hui", "relation": "elected", "topic": "timeline",
        "statement": "Choe Son Hui won the vote for committee chair on March 3, 2019, by a wide margin.",
        "dates": [{"day": "2019-03-03"}], "provenance": _PROVENANCE}))
    # she is the one who beat someone: a fact that names only her names no one she beat
    assert _features_of(fresh_index, "chair-vote", "Who did Choe Son Hui beat in the vote for committee chair?"
                        )["type"] == WRONG_TYPE
    fresh_index.upsert(Fact.model_validate({
        "id": "chair-vote-rival", "subject": "choe-son-hui", "relation": "defeated", "object": "kim-chang-son",
        "topic": "timeline", "dates": [{"day": "2019-03-03"}], "provenance": _PROVENANCE,
        "statement": "Choe Son Hui beat Kim Chang Son in the vote for committee chair on March 3, 2019."}))
    assert _features_of(fresh_index, "chair-vote-rival", "Who did Choe Son Hui beat in the vote for committee chair?"
                        )["type"] == 1.0


def test_who_came_before_a_person_is_a_person_not_the_body_that_named_them(fresh_index: FactIndex) -> None:
    from briefings.answering.score import WRONG_TYPE
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "choe-chair", "subject": "choe-son-hui", "relation": "appointed", "topic": "timeline",
        "statement": "Choe Son Hui was made chair of the Foreign Affairs Committee at the Supreme People's "
                     "Assembly's spring session, North Korean state media reported on April 12, 2019.",
        "dates": [{"day": "2019-04-12"}], "provenance": _PROVENANCE}))
    # the media and the assembly named in it held no chair before her
    assert _features_of(fresh_index, "choe-chair", "Who chaired the Foreign Affairs Committee before Choe Son Hui?"
                        )["type"] == WRONG_TYPE


def test_another_act_put_in_the_frame_of_the_one_asked_is_a_neighbour(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "budget-delay", "subject": "national-assembly", "relation": "voted", "topic": "timeline",
        "statement": "The National Assembly voted to delay the budget bill on November 30, 2018.",
        "dates": [{"day": "2018-11-30"}], "provenance": _PROVENANCE}))
    fresh_index.upsert(Fact.model_validate({
        "id": "farm-law", "subject": "national-assembly", "relation": "passed", "topic": "timeline",
        "statement": "The National Assembly passed a farm law in 2017.", "provenance": _PROVENANCE}))
    # the vote was to delay the bill, not to pass it: the day is of another act put to a vote
    assert _features_of(fresh_index, "budget-delay", "When did the National Assembly vote to pass the budget bill?"
                        )["hard_missing"] == 1.0
    assert _features_of(fresh_index, "budget-delay", "When did the National Assembly vote to delay the budget bill?"
                        )["hard_missing"] == 0.0
    fresh_index.upsert(Fact.model_validate({
        "id": "fishing-agenda", "subject": "us-delegation", "relation": "expected", "topic": "talks",
        "statement": "The U.S. delegation is expected to discuss fishing rights at its next meeting.",
        "provenance": _PROVENANCE}))
    # a passive frame tells what others expect of the act, said in other words as often ("address")
    assert not _features_of(fresh_index, "fishing-agenda",
                            "What is the U.S. delegation expected to address at its next meeting?")["hard_missing"]


def test_the_name_of_a_thing_stands_beside_it_not_elsewhere_in_the_fact(fresh_index: FactIndex) -> None:
    from briefings.answering.score import WRONG_TYPE
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "busan-drill", "subject": "south-korea", "relation": "held", "object": "united-states",
        "topic": "military", "dates": [{"day": "2018-07-02"}], "provenance": _PROVENANCE,
        "statement": "South Korea and the U.S. held joint naval exercises off Busan on July 2, 2018."}))
    question = "What was the name of the joint naval exercise off Busan?"
    # the fact names the two countries that held the exercises, not the exercises themselves
    assert _features_of(fresh_index, "busan-drill", question)["type"] == WRONG_TYPE
    fresh_index.upsert(Fact.model_validate({
        "id": "busan-drill-named", "subject": "south-korea", "relation": "held", "object": "united-states",
        "topic": "military", "dates": [{"day": "2018-07-02"}], "provenance": _PROVENANCE,
        "statement": "South Korea and the U.S. held the Ssangyong naval exercises off Busan on July 2, 2018."}))
    assert _features_of(fresh_index, "busan-drill-named", question)["type"] == 1.0


def test_one_spoken_of_as_a_or_two_of_a_kind_is_not_named(fresh_index: FactIndex) -> None:
    """"A clerk", "two clerks": a fact that tells of them so, with no name beside them, does not know their
    names, even when it names someone else ("Moon"); one it names beside the word ("Lee Min, a clerk") is
    named."""
    from briefings.answering.score import WRONG_TYPE
    from briefings.models import Entity, EntityKind, Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "clerks-fired", "subject": "south-korea", "relation": "dismissed", "topic": "timeline",
        "dates": [{"day": "2019-03-04"}], "provenance": _PROVENANCE,
        "statement": "Two South Korean customs clerks were dismissed in Incheon on March 4, 2019; "
                     "Moon Jae-in later apologised."}))
    for question in ("What were the names of the two customs clerks dismissed in Incheon?",
                     "What was the name of the customs clerk dismissed in Incheon?"):
        assert _features_of(fresh_index, "clerks-fired", question)["type"] == WRONG_TYPE
    fresh_index.upsert_entity(Entity(id="lee-min-gyu", name="Lee Min-gyu", kind=EntityKind.person))
    fresh_index.upsert(Fact.model_validate({
        "id": "clerk-fired-named", "subject": "lee-min-gyu", "relation": "dismissed", "topic": "timeline",
        "dates": [{"day": "2019-03-04"}], "provenance": _PROVENANCE,
        "statement": "Lee Min-gyu, a customs clerk, was dismissed in Incheon on March 4, 2019."}))
    assert _features_of(fresh_index, "clerk-fired-named",
                        "What was the name of the customs clerk dismissed in Incheon?")["type"] == 1.0


def test_words_a_fact_quotes_are_the_wording_asked(fresh_index: FactIndex) -> None:
    """"What label", "what slogan": a thing of words, which words a fact quotes give ("a 'rogue state'"),
    in double, curly or single quotation marks; an apostrophe ("the Workers' Party") quotes nothing."""
    for fact_id, statement in (
            ("moon-label-single", "Moon Jae-in called Japan a 'difficult neighbour' in a speech on March 1, 2031."),
            ("moon-label-curly", "Moon Jae-in called Japan a \u201cdifficult neighbour\u201d in a speech on March 1, 2031."),
            ("moon-label-none", "Moon Jae-in spoke about Japan at the Workers' Party hall on March 1, 2031.")):
        _add(fresh_index, fact_id, statement, day="2031-03-01", subject="moon-jae-in", relation="called")
    question = "What label did Moon Jae-in give Japan in his March 2031 speech?"
    assert not _features_of(fresh_index, "moon-label-single", question)["hard_missing"]
    assert not _features_of(fresh_index, "moon-label-curly", question)["hard_missing"]
    assert _features_of(fresh_index, "moon-label-none", question)["hard_missing"]


def test_who_did_the_act_to_x_is_not_x_nor_the_body_the_question_names(fresh_index: FactIndex) -> None:
    """"Who proposed X as chairman at the board assembly": a fact that names only X, the "Harbour *Board*"
    and its "Fifth *Assembly*" (the board and the assembly the question speaks of) names no one who did it."""
    _add(fresh_index, "moon-chair", "Moon Jae-in was made chairman of the Harbour Board at its Fifth Assembly "
         "in May 2031.", day="2031-05-10", subject="moon-jae-in", relation="made_chairman")
    features = _features_of(fresh_index, "moon-chair", "Who proposed Moon Jae-in as chairman at the board assembly?")
    assert features["type"] < 1.0 and features["no_one_named"]
    assert fresh_index.answer("Who proposed Moon Jae-in as chairman at the board assembly?").found is False


def test_a_choice_no_fact_makes_is_not_answered_by_another_fact(index: FactIndex) -> None:
    # "by A or in B": the answer is one of the words offered; a fact that says neither answers another question
    assert not index.answer("did Joe Hagin lead the team by phone or in person?").found
    answer = index.answer("was the weekend meeting of Moon and Kim arranged hastily or carefully?")
    assert answer.found and "hastily" in answer.answer  # a fact that says one of them still answers


def test_an_act_only_wished_or_offered_is_not_done(fresh_index: FactIndex) -> None:
    """"Ready to meet", "hoped to visit": the act after "to" and a word of wishing or planning is meant,
    not done, so it dates no meeting or visit; asked of the future, the plan is the answer."""
    _add(fresh_index, "envoy-hopes", "Choe Son Hui said on June 2, 2021 she hoped to visit Oslo in the autumn.",
         day="2021-06-02", subject="choe-son-hui", relation="said")
    assert not fresh_index.answer("When did Choe Son Hui visit Oslo?").found
    assert not fresh_index.answer("When was Oslo visited by Choe Son Hui?").found
    assert fresh_index.answer("When did Choe Son Hui say she hoped to visit Oslo?").found
    _add(fresh_index, "envoy-went", "Choe Son Hui visited Oslo on July 8, 2021, after she had hoped to visit it.",
         day="2021-07-08", subject="choe-son-hui", relation="visited")
    answer = fresh_index.answer("When did Choe Son Hui visit Oslo?")
    assert answer.found and answer.facts[0] == "envoy-went"
    _add(fresh_index, "envoy-turned-back", "Choe Son Hui tried to enter Bergen on July 9, 2021 but was turned back.",
         day="2021-07-09", subject="choe-son-hui", relation="tried")
    assert not fresh_index.answer("When did Choe Son Hui enter Bergen?").found



def test_the_role_after_an_unlinked_owner_is_asked(fresh_index: FactIndex) -> None:
    """"Who is Han Sung Jo's *deputy*": the noun after a possessive name no entity holds is the role asked, as
    after a linked one; a fact that only names him names no deputy of his."""
    _add(fresh_index, "envoy-talks", "Choe Son Hui held talks with Han Sung Jo in Oslo on June 3, 2021.",
         day="2021-06-03", subject="choe-son-hui", relation="held_talks")
    assert not fresh_index.answer("Who was Han Sung Jo's deputy?").found
    _add(fresh_index, "envoy-deputy", "Han Sung Jo named Tom Reyes as his deputy on June 5, 2021.",
         day="2021-06-05", subject="choe-son-hui", relation="named")
    answer = fresh_index.answer("Who was Han Sung Jo's deputy?")
    assert answer.found and answer.facts[0] == "envoy-deputy"


def test_a_height_is_no_distance(fresh_index: FactIndex) -> None:
    """"How far did the rocket fly": "an altitude of 900 km" says how high it rose, not how far it went;
    a fact that gives both answers by the distance."""
    _add(fresh_index, "rocket-high", "North Korea launched a Paektusan-3 rocket on April 4, 2022 that rose to an "
         "altitude of about 900 km.", day="2022-04-04", subject="north-korea", relation="launched")
    assert not fresh_index.answer("How far did the Paektusan-3 rocket fly?").found
    _add(fresh_index, "rocket-far", "The Paektusan-3 rocket North Korea launched on April 4, 2022 flew 620 km "
         "at an altitude of 900 km.", day="2022-04-04", subject="north-korea", relation="launched")
    answer = fresh_index.answer("How far did the Paektusan-3 rocket fly?")
    assert answer.found and answer.facts[0] == "rocket-far"


def test_a_preposition_before_a_said_noun_does_not_qualify_it_away(fresh_index: FactIndex) -> None:
    """"If it comes *under* attack": a preposition opens a phrase of its own, whatever other part of speech
    the lists give it ("under" may be an adjective), so a fact that says the attack is not about another
    kind of attack."""
    _add(fresh_index, "ferry-escort-pledge", "The navy promised on March 3, 2021, to send escorts to any ferry that "
         "is attacked in the strait.", day="2021-03-03", subject="south-korea", relation="promised")
    features = _features_of(fresh_index, "ferry-escort-pledge",
                            "What did the navy promise if a ferry came under attack in the strait?")
    assert features["qualifier"] == 0


def test_a_kind_no_fact_speaks_of_is_answered_by_a_fact_that_says_the_act_done_to_it(fresh_index: FactIndex) -> None:
    """"What *landmark* was demolished": no fact says "landmark", but the thing a fact says was demolished
    is the answer, most likely of that kind. The act of a relative clause ("the engineers *who* demolished
    it") says which engineers are meant, not what the kind asked did or underwent."""
    _add(fresh_index, "customs-house-razed", "Engineers of the city of Incheon demolished the old Customs House "
         "on March 8, 2021.", day="2021-03-08", subject="south-korea", relation="demolished")
    assert fresh_index.answer("What landmark was demolished in Incheon in March 2021?").facts == [
        "customs-house-razed"]
    assert not fresh_index.answer("Which guild are the Incheon engineers who demolished the Customs House "
                                  "from?").found


def test_a_year_a_dated_fact_reckons_from_is_not_the_year_of_its_act(fresh_index: FactIndex) -> None:
    """"The first such drill *since 2015*": a fact dated in 2021 names 2015 as where a span starts, so it
    does not tell what happened in 2015."""
    _add(fresh_index, "ferry-drill", "On May 4, 2021, the navy sent 40 ships to a ferry rescue drill off Mokpo, "
         "the first such drill since 2015.", day="2021-05-04", subject="south-korea", relation="sent")
    assert not fresh_index.answer("How many ships did the navy's 2015 ferry rescue drill off Mokpo have?").found
    assert not fresh_index.answer("How many ships did the navy send to the ferry rescue drill off Mokpo in 2015?").found
    assert fresh_index.answer("How many ships did the navy send to the ferry rescue drill off Mokpo in 2021?").found


def test_a_place_a_going_ends_at_is_no_one_who_did_the_act(fresh_index: FactIndex) -> None:
    """"Who was at the dock to take in the crates": a fact that a truck drove them *from Nampo to Chinhae*
    names two places no entity holds, where the going starts and ends, and no one who took them in."""
    from briefings.answering.score import WEAK_TYPE

    _add(fresh_index, "crates-shipped", "North Korea handed over 40 crates of seized files on May 2, 2021, and a "
         "South Korean army truck drove them from Nampo to Chinhae.", day="2021-05-02", subject="north-korea",
         relation="handed_over")
    question = "Who was at the dock to take in the crates when the truck reached Chinhae?"
    assert _features_of(fresh_index, "crates-shipped", question)["type"] == WEAK_TYPE
    _add(fresh_index, "crates-received", "Admiral Park Min Su took in the 40 crates of files at Chinhae on May 3, "
         "2021.", day="2021-05-03", subject="south-korea", relation="took_in")
    assert _features_of(fresh_index, "crates-received", question)["type"] == 1.0


def test_who_of_one_side_is_not_answered_by_the_other_sides_person(fresh_index: FactIndex) -> None:
    """"Who led the *American* side": a fact whose only person is titled by the other country ("*South Korean*
    envoy Park Min Su") names no one of the side asked; asked of that side, it does."""
    _add(fresh_index, "manila-talks", "Trade talks between South Korea and the U.S. in Manila ended on March 3, "
         "2021, and South Korean envoy Park Min Su blamed the U.S. side for the impasse.", day="2021-03-03",
         subject="south-korea", relation="talks_ended", obj="united-states")
    assert _features_of(fresh_index, "manila-talks", "Who led the American side at the Manila trade talks?")[
        "hard_missing"] == 1.0
    assert not fresh_index.answer("Who led the American side at the Manila trade talks?").found
    answer = fresh_index.answer("Who led the South Korean side at the Manila trade talks?")
    assert answer.found and answer.facts[0] == "manila-talks"


def test_a_role_after_as_is_not_said_by_a_title_in_the_name_of_whom_it_is_given(fresh_index: FactIndex) -> None:
    """"When was Moon sworn in *as president*": "President Moon", an alias, says what he is; a fact that
    says nothing of the presidency tells another thing he did, while one that says it is of the role."""
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "moon-opened-bridge", "subject": "moon-jae-in", "relation": "opened", "topic": "people",
        "provenance": _PROVENANCE, "statement": "Moon Jae-in opened a new bridge over the Han River."}))
    fresh_index.upsert(Fact.model_validate({
        "id": "moon-presidential-race", "subject": "moon-jae-in", "relation": "won", "topic": "people",
        "provenance": _PROVENANCE, "statement": "Moon Jae-in won the presidential race after a long campaign."}))

    def hard_missing(fact_id: str) -> float:
        return _features_of(fresh_index, fact_id, "When was Moon Jae-in inaugurated as president?")["hard_missing"]

    assert hard_missing("moon-opened-bridge")
    assert not hard_missing("moon-presidential-race")


def test_a_thing_named_only_after_anothers_act_is_not_its_doer(fresh_index: FactIndex) -> None:
    """"Why did the harbour festival collapse": a fact that the ferry deal collapsed a week after the
    festival tells of the deal's act, the festival only placing it in time; one where the festival is
    what collapsed is of the act asked."""
    from briefings.models import Fact

    for fact_id, statement in (
            ("deal-collapsed", "The ferry deal collapsed on Monday, a week after the harbour festival."),
            ("festival-collapsed", "The harbour festival collapsed early on Monday.")):
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": "panmunjom", "relation": "collapsed", "topic": "places",
            "provenance": _PROVENANCE, "statement": statement}))
    question = "why did the harbour festival collapse?"
    assert _features_of(fresh_index, "deal-collapsed", question)["done_to_doer"]
    assert not _features_of(fresh_index, "festival-collapsed", question)["done_to_doer"]


def test_the_act_of_a_fact_is_not_the_verb_that_frames_it(fresh_index: FactIndex) -> None:
    """A relation "seemed_to_fail" states a failing: a fact of another act that only "seemed" to do
    something gives no cause of the failing."""
    from briefings.models import Fact
    from briefings.answering.score import _act_verbs

    fresh_index.upsert(Fact.model_validate({
        "id": "ferry-seemed-to-fail", "subject": "panmunjom", "relation": "seemed_to_fail", "topic": "places",
        "provenance": _PROVENANCE, "statement": "The ferry plan seemed to fail on Monday."}))
    assert _act_verbs(fresh_index.table.facts["ferry-seemed-to-fail"]) == {"fail"}


def test_how_many_counts_the_last_noun_of_the_run_after_it(fresh_index: FactIndex) -> None:
    """"How many city council members" counts members: the nouns before qualify them. A fact that counts
    "nine members" puts a number on what is asked, though "city" and "council" come first."""
    _add(fresh_index, "kaesong-council-vote", "Seven members of the Kaesong city council voted to rename the "
         "market on April 2, 2021, and two abstained.", day="2021-04-02", subject="north-korea", relation="voted")
    features = _features_of(fresh_index, "kaesong-council-vote",
                            "How many city council members voted to rename the Kaesong market?")
    assert features["type"] == 1.0
    assert _features_of(fresh_index, "kaesong-council-vote",
                        "How many city council buildings were renamed in Kaesong?")["type"] < 1.0


def test_a_verb_that_closes_another_clause_has_not_acted_on_the_name_after_it(fresh_index: FactIndex) -> None:
    """"When Moon arrived, Nina Ferreira spoke": the comma ends the clause of "arrived", so Ferreira is the
    speaker, not someone Moon's act was done to; without the comma ("Moon greeted Nina Ferreira") she is."""
    _add(fresh_index, "ferreira-after-arrival", "Moon Jae-in arrived in Busan on May 7, 2019; when he arrived, Nina "
         "Ferreira called the plan reckless.", day="2019-05-07", subject="moon-jae-in", relation="arrived")
    _add(fresh_index, "ferreira-greeted", "Moon Jae-in greeted Nina Ferreira in Busan on May 8, 2019.",
         day="2019-05-08", subject="moon-jae-in", relation="greeted")
    asked = "How did Nina Ferreira describe the plan?"
    assert not _features_of(fresh_index, "ferreira-after-arrival", asked)["done_to_doer"]
    assert _features_of(fresh_index, "ferreira-greeted", asked)["done_to_doer"]


@pytest.mark.parametrize("text", ["Which Seoul think-tank researcher still expected the Singapore summit to go ahead?",
                                  "who's the conservative think-tank researcher who still expected the Singapore summit "
                                  "to go ahead?"])
def test_a_person_described_rather_than_named_is_the_fact_s_person(index: FactIndex, text: str) -> None:
    # the question describes who did it in words the fact does not say; the store's description of the
    # fact's person (a conservative researcher at a think tank in Seoul) says them
    answer = index.answer(text)
    assert answer.found and "Cho Young-key" in answer.answer


@pytest.mark.parametrize("text", ["which Pyongyang think-tank researcher still expected the Singapore summit to go ahead?",
                                  "which liberal researcher still expected the Singapore summit to go ahead?",
                                  # the adjective is his, but he is a researcher, not a lawmaker
                                  "who is the conservative lawmaker who thinks the summit will go ahead?"])
def test_a_description_the_person_s_does_not_hold_is_still_a_miss(index: FactIndex, text: str) -> None:
    assert not index.answer(text).found


def test_the_event_a_going_was_for_does_not_tell_how_it_went(fresh_index: FactIndex) -> None:
    """"How did she travel to Oslo *for the forum*": a fact that she spoke at the forum says the event the
    journey was for, not the journey; a fact that says the journey answers."""
    _add(fresh_index, "envoy-forum", "Choe Son Hui spoke at the Oslo peace forum on June 4, 2021.",
         day="2021-06-04", subject="choe-son-hui", relation="spoke_at")
    question = "How did Choe Son Hui travel to Oslo for the June 2021 peace forum?"
    assert _features_of(fresh_index, "envoy-forum", question)["occasion"] == 1.0
    assert not fresh_index.answer(question).found
    _add(fresh_index, "envoy-train", "Choe Son Hui traveled to Oslo by train on June 2, 2021, for the peace forum.",
         day="2021-06-02", subject="choe-son-hui", relation="traveled")
    answer = fresh_index.answer(question)
    assert answer.found and answer.facts[0] == "envoy-train"


def test_what_came_from_someone_is_not_what_went_to_them(fresh_index: FactIndex) -> None:
    """"What did Moon send *to* Kim": a fact that Moon received a gift *from* Kim tells what came from Kim,
    the other way of the exchange; a fact of what went to Kim answers."""
    _add(fresh_index, "moon-gift", "Moon Jae-in said on May 9, 2021 that he had received two pine trees from Kim "
         "Jong Un.", day="2021-05-09", subject="moon-jae-in", relation="said")
    question = "What did Moon Jae-in send to Kim Jong Un in May 2021?"
    assert _features_of(fresh_index, "moon-gift", question)["hard_missing"] >= 1.0
    assert not fresh_index.answer(question).found
    assert fresh_index.answer("What did Moon Jae-in receive from Kim Jong Un in May 2021?").found


def test_a_going_that_began_at_a_place_is_not_the_way_back_to_it(fresh_index: FactIndex) -> None:
    """"When did the ferry get her *back to* Busan": a return to Busan; a fact of a voyage that *began in*
    Busan tells the way out, which starts where the return ends."""
    _add(fresh_index, "moon-voyage", "Moon Jae-in sailed to Jeju by ferry for a forum, a voyage that began in Busan "
         "on May 2, 2021 and ended at Jeju port.", day="2021-05-02", subject="moon-jae-in", relation="sailed")
    assert _features_of(fresh_index, "moon-voyage", "When did the ferry get Moon Jae-in back to Busan?")[
        "hard_missing"] >= 1.0
    assert not _features_of(fresh_index, "moon-voyage", "When did the ferry take Moon Jae-in to Jeju?")["hard_missing"]


def test_who_after_do_or_a_modal_and_a_name_is_whom_the_named_acts_on(index: FactIndex) -> None:
    """"Who *should* Moon meet": "who" is the object of the act the name after the auxiliary does, for every
    modal as for "do"; after a form of "be", or with no name after the auxiliary, "who" is the doer."""
    from briefings.answering.score import question_traits

    def doer(question: str) -> frozenset[str]:
        classified = index.read(question)
        prepare(classified, index.table)
        return question_traits(classified, index.table).doer_of_whom

    assert doer("Who should Moon Jae-in meet next?") == {"moon-jae-in"}
    assert doer("Who did Moon Jae-in meet in May?") == {"moon-jae-in"}
    assert not doer("Who is meeting Moon Jae-in in May?")
    assert not doer("Who has been acting for Moon Jae-in?")

def test_a_phrasal_verb_that_is_a_way_of_the_opposite_act_says_the_opposite(fresh_index: FactIndex) -> None:
    """"When did Kim Jong Un begin his harbour tour": that he "wound up" the tour (a way to "finish",
    which WordNet opposes to "begin") gives the day it ended; that he "kicked off" the tour is of the act asked."""
    from briefings.models import Fact

    for fact_id, verb in (("tour-wound-up", "wound up"), ("tour-kicked-off", "kicked off")):
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": "kim-jong-un", "relation": verb.replace(" ", "_"), "topic": "places",
            "provenance": _PROVENANCE, "statement": f"Kim Jong Un {verb} his harbour tour on Friday, June 1, 2018."}))
    question = "When did Kim Jong Un begin his harbour tour?"
    assert _features_of(fresh_index, "tour-wound-up", question)["opposite"]
    assert not _features_of(fresh_index, "tour-kicked-off", question)["opposite"]

def test_a_fact_that_someone_left_a_post_as_a_role_gives_the_job_left(fresh_index: FactIndex) -> None:
    """"What job did she quit": a fact that she stepped down *as* mining minister names the post left (the
    acts opposite taking office, WordNet's); a fact that only says she resigned names none."""
    _add(fresh_index, "phasy-quits", "Bounmy Phasy stepped down as mining minister of Laos on May 4, 2021.",
         day="2021-05-04", subject="laos", relation="stepped_down")
    _add(fresh_index, "inthavong-quits", "Somsak Inthavong of Laos resigned on June 8, 2021, after a dispute.",
         day="2021-06-08", subject="laos", relation="resigned")
    assert _features_of(fresh_index, "phasy-quits", "What job did Bounmy Phasy leave in May 2021?")["hard_missing"] == 0
    assert _features_of(fresh_index, "inthavong-quits",
                        "What job did Somsak Inthavong leave in June 2021?")["hard_missing"] == 1

@pytest.mark.parametrize("text", ["who is the head of security at the summit?",
                                  "who's in charge of catering for the summit?"])
def test_what_a_role_is_held_over_must_be_said(index: FactIndex, text: str) -> None:
    # the noun after the role's "of" is what it is held over: the heads of the two delegations lead no
    # security and no catering
    assert not index.answer(text).found
    assert index.answer("who is the head of the North Korean delegation?").found


def test_a_fact_that_says_an_act_of_stopping_says_no_opposite_of_a_stopping_asked(fresh_index: FactIndex) -> None:
    """"When did Laos break its freeze": a fact that Laos *ended* the freeze *it had kept* says an act of
    stopping, as "break" is, beside the antonym "keep"; one that says only that Laos kept it says the
    opposite act (a hard miss)."""
    _add(fresh_index, "freeze-ended", "Laos exported timber on May 3, 2021, ending the freeze on exports it had "
         "kept since 2019.", day="2021-05-03", subject="laos", relation="exported")
    _add(fresh_index, "freeze-kept", "Laos kept its freeze on timber exports on June 1, 2021.", day="2021-06-01",
         subject="laos", relation="kept")
    asked = "When did Laos break its timber export freeze?"
    assert _features_of(fresh_index, "freeze-ended", asked)["opposite"] == 0.0
    assert _features_of(fresh_index, "freeze-kept", asked)["opposite"] == 1.0

def test_a_height_written_with_a_comma_and_a_point_is_one_height(fresh_index: FactIndex) -> None:
    """"How far did the rocket fly": "an altitude of 1,204.5 km" is how high it went, though its words are
    "1", "204" and "5"; a fact that it flew that far says how far."""
    from briefings.answering.score import WRONG_TYPE

    _add(fresh_index, "rocket-altitude", "North Korea fired a test rocket on May 3, 2021, which reached an altitude "
         "of 1,204.5 kilometers.", day="2021-05-03", subject="north-korea", relation="fired")
    _add(fresh_index, "rocket-range", "North Korea fired a test rocket on May 9, 2021, which flew 1,204.5 kilometers.",
         day="2021-05-09", subject="north-korea", relation="fired")
    _add(fresh_index, "rocket-altitude-about", "North Korea fired a test rocket on May 5, 2021, which reached an "
         "altitude of more than 1,100 kilometers.", day="2021-05-05", subject="north-korea", relation="fired")
    asked = "How far did the North Korean test rocket fly?"
    assert _features_of(fresh_index, "rocket-altitude", asked)["type"] == WRONG_TYPE
    assert _features_of(fresh_index, "rocket-altitude-about", asked)["type"] == WRONG_TYPE  # past "more than"
    assert _features_of(fresh_index, "rocket-range", asked)["type"] == 1.0


def test_how_long_is_counted_from_a_year_after_since_not_from_an_event(fresh_index: FactIndex) -> None:
    """"How long did the ferry talks last": "the first since the harbour festival", in a fact dated 2021,
    counts nothing from a year; "the first since 2015" does (how long since then)."""
    from briefings.answering.score import WRONG_TYPE

    _add(fresh_index, "ferry-talks-event", "Ferry talks between the two Koreas broke down on May 3, 2021, the first "
         "since the harbour festival.", day="2021-05-03", subject="north-korea", relation="broke_down")
    _add(fresh_index, "ferry-talks-year", "Ferry talks between the two Koreas broke down on May 3, 2021, the first "
         "since 2015.", day="2021-05-03", subject="north-korea", relation="broke_down")
    asked = "How long did the ferry talks last?"
    assert _features_of(fresh_index, "ferry-talks-event", asked)["type"] == WRONG_TYPE
    assert _features_of(fresh_index, "ferry-talks-year", asked)["type"] == 1.0


def test_a_cause_in_another_clause_is_not_the_cause_of_the_act_asked(fresh_index: FactIndex) -> None:
    """"Why did China abstain": "South Korea sent a ferry to rescue fishermen; China abstained" gives the
    ferry's purpose, in a clause of its own, not why China abstained; "China abstained because ..." does."""
    from briefings.answering.score import NO_CAUSE

    _add(fresh_index, "ferry-vote-plain", "On May 3, 2021, South Korea sent a ferry to rescue stranded fishermen "
         "near Yeonpyeong; China abstained in the harbour council vote.", day="2021-05-03", subject="china",
         relation="abstained")
    _add(fresh_index, "ferry-vote-because", "On May 3, 2021, South Korea sent a ferry to rescue stranded fishermen "
         "near Yeonpyeong; China abstained in the harbour council vote because it opposed the rescue.",
         day="2021-05-03", subject="china", relation="abstained")
    asked = "Why did China abstain in the harbour council vote?"
    assert _features_of(fresh_index, "ferry-vote-plain", asked)["type"] == NO_CAUSE
    assert _features_of(fresh_index, "ferry-vote-because", asked)["type"] == 1.0


def test_a_city_a_verb_of_going_takes_as_its_object_is_a_place(fresh_index: FactIndex) -> None:
    """"When did Choe Son Hui tour Seoul": the city is where she went, as "travel *to* Seoul" puts it; a fact
    of South Korea that says no going ("she warned South Korea") does not put her there, one that says a
    trip to the country may."""
    _add(fresh_index, "choe-warned-south", "Choe Son Hui warned South Korea on June 4, 2020, against sending "
         "leaflets.", day="2020-06-04", subject="choe-son-hui", relation="warned", obj="south-korea")
    _add(fresh_index, "choe-trip-south", "Choe Son Hui travelled to South Korea on June 9, 2020, for talks.",
         day="2020-06-09", subject="choe-son-hui", relation="travelled_to", obj="south-korea")
    asked = "When did Choe Son Hui tour Seoul?"
    assert _features_of(fresh_index, "choe-warned-south", asked)["entity_missing"]
    assert not _features_of(fresh_index, "choe-trip-south", asked)["entity_missing"]

def test_a_noun_the_vocabulary_reads_is_not_split_into_a_phrasal_verb(index: FactIndex) -> None:
    # "holdup" is an obstacle (config/vocabulary.yaml), not the verb "hold up" that any fact saying "held" says
    answer = index.answer("what is the holdup between the two sides?")
    assert answer.found and "sticking point" in answer.answer and " held " not in answer.answer


def test_what_a_thing_says_about_another_is_what_it_shows(index: FactIndex) -> None:
    # a fact of what the failed vote does (it works against Moon's efforts) does not tell what it shows
    answer = index.answer("what does the blow to ratification say about the South?")
    assert answer.found and "divisions" in answer.answer and "work against" not in answer.answer

def test_a_name_is_not_said_by_another_name_sharing_only_its_first_letters(fresh_index: FactIndex) -> None:
    """"Pyeongchang" is not "Pyeongtaek": names share a family only when they differ in a short ending
    ("Russian", "Russia"), so a fact of what was signed in the one does not say the other."""
    _add(fresh_index, "pact-in-pyeongtaek", "Moon Jae-in signed a harbour pact in Pyeongtaek on May 3, 2019.",
         day="2019-05-03", subject="moon-jae-in", relation="signed")
    _add(fresh_index, "games-in-pyeongchang", "Moon Jae-in opened the winter games in Pyeongchang on February 9, "
         "2018.", day="2018-02-09", subject="moon-jae-in", relation="opened")  # a name the store knows
    features = _features_of(fresh_index, "pact-in-pyeongtaek", "What did Moon Jae-in sign in Pyeongchang?")
    assert features["hard_missing"]


def test_the_phrase_of_a_result_says_the_act_the_verb_only_says_how(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "river-splits-village", "subject": "north-korea", "relation": "states", "topic": "places",
        "statement": "A narrow river bisects the farming village of Hwasong.",
        "provenance": _PROVENANCE}))
    for question in ("What cuts the farming village of Hwasong in half?", "what cuts the village of hwasong in two?"):
        answer = fresh_index.answer(question)
        assert answer.found and "narrow river" in answer.answer, question


def test_what_someone_reacted_to_may_be_described_by_a_noun_no_fact_says(fresh_index: FactIndex) -> None:
    """"How did X take Y's *analogy*": a noun the asker gives the thing X reacted to, beside the name the fact
    says it by, is no thing of its own that the facts never speak of."""
    _add(fresh_index, "china-reacts-bolton", "China reacted coolly on April 2, 2019, to John Bolton's offer of "
         "talks on the tariffs.", day="2019-04-02", subject="china", relation="reacted_to")
    _add(fresh_index, "china-prints-bolton", "China's state press printed John Bolton's essay on the tariffs on "
         "April 3, 2019.", day="2019-04-03", subject="china", relation="printed")
    question = "How did Beijing take John Bolton's analogy?"
    rows = {fid: features for fid, features, _ in fresh_index.explain(question)[1]}
    assert not rows["china-reacts-bolton"]["unknown_thing"]
    answer = fresh_index.answer(question)
    assert answer.found and answer.facts[0] == "china-reacts-bolton"
    assert rows["china-prints-bolton"]["unknown_thing"]  # no reaction stated: an analogy no fact speaks of
    assert not _features_of(fresh_index, "china-reacts-bolton", "What was China's response to John Bolton's "
                            "analogy?")["unknown_thing"]  # a reaction named by its noun
    assert _features_of(fresh_index, "china-reacts-bolton", "What did Beijing say of John Bolton's analogy?")[
        "unknown_thing"]  # no manner asked: the analogy is a thing of its own


def test_the_place_that_hosts_an_event_is_where_it_is_held(fresh_index: FactIndex) -> None:
    """"Which city hosted the talks": a fact that the talks were *held* in a city says it (the vocabulary
    reads "host" so); WordNet's "host" only receives guests."""
    from briefings.models import Entity, EntityKind

    fresh_index.upsert_entity(Entity(id="oslo", name="Oslo", kind=EntityKind.place))
    _add(fresh_index, "oslo-talks", "The second round of fishing talks was held in Oslo on March 3, 2019.",
         day="2019-03-03", subject="two-koreas", relation="talks_in", obj="oslo")
    question = "Which city hosted the second round of fishing talks?"
    assert not _features_of(fresh_index, "oslo-talks", question)["relation_missing"]
    answer = fresh_index.answer(question)
    assert answer.found and answer.facts[0] == "oslo-talks"


def test_a_kind_of_the_thing_asked_says_the_thing_but_not_the_other_way(fresh_index: FactIndex) -> None:
    """A fact that names a kind of what the question asks (a "destroyer" for "which ship", a titled minister
    for "which official") says it, several of WordNet's steps apart; a fact that names only the broader kind
    does not answer a question about the narrower one."""
    _add(fresh_index, "destroyer-sailed", "A Japanese destroyer sailed into the port of Busan on March 3, 2021.",
         day="2021-03-03", subject="japan", relation="sailed")
    _add(fresh_index, "minister-warned", "On April 9, 2021, North Korean Deputy Foreign Minister Pak Ung Ryol warned "
         "that the harbour talks were over.", day="2021-04-09", subject="north-korea", relation="warned")
    assert not _features_of(fresh_index, "destroyer-sailed", "Which Japanese ship sailed into Busan?")["hard_missing"]
    assert fresh_index.answer("Which official said the harbour talks were over?").facts == ["minister-warned"]
    table = fresh_index.table
    assert "destroyer" in table.narrower_kinds(frozenset({"ship"}))
    assert "ship" not in table.narrower_kinds(frozenset({"destroyer"}))


def test_a_clause_after_a_thing_no_fact_names_says_which_thing_it_is(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "ferry-route", "subject": "south-korea", "relation": "backs", "topic": "timeline",
        "statement": "Oslo will not accept the coastal ferry route Seoul has been backing, a port official said.",
        "provenance": _PROVENANCE}))
    # the asker's word ("gambit") for the route, named by the act the clause after it says (backing)
    for question in ("Who says Oslo won't accept the ferry gambit Seoul is backing?",
                     "Who says Oslo won't accept the ferry gambit the Seoul government is backing?"):
        _, rows = fresh_index.explain(question)
        features = {fid: f for fid, f, _ in rows}["ferry-route"]
        assert not features["unknown_thing"] and not features["qualifier"], question  # "the" opens a phrase
    # a phrase after a preposition only places the thing: the gambit of Seoul is still a thing no fact names
    _, rows = fresh_index.explain("Who says Oslo won't accept the ferry gambit of Seoul?")
    assert {fid: f for fid, f, _ in rows}["ferry-route"]["unknown_thing"]


def test_an_adjective_wordnet_files_beside_the_one_asked_says_it(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "harbour-light", "subject": "south-korea", "relation": "restored", "topic": "timeline",
        "statement": "The port of Busan restored an ancient lighthouse for visiting fishing boats.",
        "provenance": _PROVENANCE}))
    # "old" and "ancient" are a head sense and its satellite in one cluster: the lighthouse is no other one
    _, rows = fresh_index.explain("Which port restored an old lighthouse?")
    assert not {fid: f for fid, f, _ in rows}["harbour-light"]["qualifier"]
    assert fresh_index.answer("Which port restored an old lighthouse?").facts[:1] == ["harbour-light"]
    _, rows = fresh_index.explain("Which port restored a secret lighthouse?")  # another quality
    assert {fid: f for fid, f, _ in rows}["harbour-light"]["qualifier"]


def test_an_entity_named_by_a_common_word_is_said_by_a_fact_that_says_the_word_in_another_form(
        fresh_index: FactIndex) -> None:
    """A concept named by a plain word ("boycotts") is what a fact tells of when it says the word's verb
    ("boycotted"): the question's word is read by its lemmas, as a word the question needs is."""
    from briefings.models import Entity, EntityKind

    fresh_index.upsert_entity(Entity(id="boycotts", name="consumer boycotts", kind=EntityKind.concept,
                                     aliases=["boycotts"]))
    _add(fresh_index, "steel-boycotted", "On March 3, 2030, shoppers boycotted the Vellmar steel works over "
         "its dumping of cheap girders.", day="2030-03-03", subject="north-korea", relation="boycotted")
    rows = {fid: f for fid, f, _ in fresh_index.explain("which steel works got hit with boycotts in march 2030?")[1]}
    assert rows["steel-boycotted"]["entity_missing"] == 0
    answer = fresh_index.answer("which steel works got hit with boycotts in march 2030?")
    assert answer.found and answer.facts[0] == "steel-boycotted"


def test_when_is_not_answered_by_the_date_of_another_act_of_the_thing(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "depot-opened", "subject": "north-korea", "relation": "opened", "topic": "inter-korean",
        "dates": [{"day": "2021-04-03"}], "provenance": _PROVENANCE,
        "statement": "A grain depot for the farms of the Sinuiju plain was opened on April 3, 2021, near the "
                     "river port of Sinuiju."}))
    # the act asked, as a phrasal verb or as a verb, is not the opening the fact dates
    for question in ("When was the grain depot near Sinuiju torn down?",
                     "When was the grain depot near Sinuiju flooded?"):
        answer = fresh_index.answer(question)
        assert not answer.found or "depot-opened" not in answer.facts, question
    answer = fresh_index.answer("When was the grain depot near Sinuiju opened?")
    assert answer.found and answer.facts == ["depot-opened"]


def test_when_something_still_to_come_will_happen_is_told_by_its_condition(fresh_index: FactIndex) -> None:
    """No day can say when a thing not yet done will be done; a fact that it will be done only *if* another
    thing happens does. A thing already done is still asked of its day."""
    from briefings.models import Fact

    fresh_index.upsert(Fact.model_validate({
        "id": "moon-visit-condition", "subject": "moon-jae-in", "relation": "would_visit", "object": "north-korea",
        "topic": "inter-korean", "provenance": _PROVENANCE,
        "statement": "Moon Jae-in would visit Pyongyang only if Kim Jong Un ended his missile tests."}))
    assert _features_of(fresh_index, "moon-visit-condition", "When will Moon Jae-in visit Pyongyang?")["type"] == 1.0
    assert _features_of(fresh_index, "moon-visit-condition", "When did Moon Jae-in visit Pyongyang?")["type"] < 1.0
