"""The follow-up stage: a question that leans on the last one is read as it in full; one that stands
alone, and a right abstention, are left as they are."""

from __future__ import annotations

import pytest

from briefings.answer import FactIndex
from briefings.answering.context import MAX_READINGS, QuestionContext
from briefings.answering import index as index_module


def _after(index: FactIndex, *questions: str):
    context = None
    answer = None
    for question in questions:
        answer = index.answer(question, context=context)
        context = index.context_of(answer, earlier=context) or context
    assert answer is not None
    return answer


def test_where_after_when_is_the_summit(index: FactIndex) -> None:
    answer = _after(index, "When is the Trump-Kim summit?", "where?")
    assert answer.found and "Singapore" in answer.answer
    assert answer.reading == "where is the Trump-Kim summit?" and answer.question == "where?"


def test_the_north_korean_one_after_the_us_delegation(index: FactIndex) -> None:
    answer = _after(index, "Who led the U.S. delegation to the Singapore talks?", "and the North Korean one?")
    assert answer.answer.startswith("Kim Chang Son")
    assert answer.reading == "Who led the North Korean delegation to the Singapore talks?"


def test_the_american_side_after_the_north_korean_team(index: FactIndex) -> None:
    answer = _after(index, "Who led the North Korean team in Singapore?", "what about the american side?")
    assert answer.answer.startswith("Joe Hagin")


def test_he_is_the_person_the_last_answer_named(index: FactIndex) -> None:
    answer = _after(index, "Who led the U.S. delegation to the Singapore talks?", "and the North Korean one?",
                    "who is he?")
    assert answer.reading == "who is Kim Chang Son?" and "close aide" in answer.answer


def test_the_same_pronoun_said_twice_in_one_message_is_the_same_one(index: FactIndex) -> None:
    answer = _after(index, "Whom did Sung Kim see at the DMZ?", "what is her role? what is her rank?")
    assert answer.reading == "what is Choe Son Hui's role? what is Choe Son Hui's rank?"


def test_a_question_said_again_after_like_is_asked_in_its_second_wording(index: FactIndex) -> None:
    answer = _after(index, "Whom did Sung Kim see at the DMZ?", "so what's her story, like what is her rank?")
    assert answer.reading == "what is Choe Son Hui's rank?"


def test_what_a_thing_is_takes_no_day_from_the_last_act(index: FactIndex) -> None:
    answer = _after(index, "who blocked the Panmunjom Declaration on Monday?", "what was their objection to it?")
    assert answer.reading == "what was the conservative opposition lawmakers' objection to the Panmunjom Declaration?"
    assert "absence" in answer.answer
    contents = _after(index, "who blocked the Panmunjom Declaration on Monday?", "what's in it?")
    assert contents.reading == "what's in the Panmunjom Declaration on Monday?"  # what it holds: that day's thing


def test_why_after_a_when(index: FactIndex) -> None:
    answer = _after(index, "When did North Korea pull out of the high-level inter-Korean talks?", "why?")
    assert "military exercises" in answer.answer


@pytest.mark.parametrize("question", ["Who is John Bolton?", "What is the capital of France?",
                                      "Where is the Hansun Foundation?", "thanks!"])
def test_a_question_that_stands_alone_ignores_the_context(index: FactIndex, question: str) -> None:
    alone = index.answer(question)
    inside = _after(index, "Who led the U.S. delegation to the Singapore talks?", question)
    assert inside.reading is None
    assert (inside.answer, inside.found, inside.facts) == (alone.answer, alone.found, alone.facts)


@pytest.mark.parametrize("question", ["Who is John Bolton?", "who is kim jong un",
                                      "When did Kim Jong Un meet Moon Jae-in?"])
def test_a_question_naming_someone_stands_alone_after_one_about_someone_else(index: FactIndex, question: str) -> None:
    alone = index.answer(question)
    inside = _after(index, "Who did Sung Kim meet at the DMZ?", question)
    assert inside.reading is None and (inside.answer, inside.facts) == (alone.answer, alone.facts)


def test_a_bare_name_after_a_question_asks_it_of_that_name(index: FactIndex) -> None:
    answer = _after(index, "Who is the President of South Korea?", "and of the United States?")
    assert "Donald Trump" in answer.answer


def test_a_question_naming_nothing_that_has_no_answer_alone_is_asked_of_the_last_thing(index: FactIndex) -> None:
    answer = _after(index, "When do the high-level inter-Korean talks take place?", "how much does lunch cost?")
    assert not answer.found  # asked of the talks, still nothing says a price


def test_a_question_asked_of_the_last_thing_must_still_be_answered_in_its_own_words(index: FactIndex) -> None:
    for question in ("what did the delegates eat on the flight?", "who paid for the hotel rooms?"):
        assert not _after(index, "Who is Kim Chang Son?", question).found


def test_what_he_told_someone_is_not_answered_by_their_meeting(index: FactIndex) -> None:
    answer = _after(index, "Who is Sung Kim?", "what did he tell Choe Son Hui?")
    assert answer.reading == "what did Sung Kim tell Choe Son Hui?" and not answer.found


def test_a_question_word_typed_without_its_apostrophe_still_leans_on_the_last(index: FactIndex) -> None:
    answer = _after(index, "Who led the U.S. delegation to the Singapore talks?", "whats his title")
    assert answer.reading == "whats Joe Hagin's title?"


def test_says_who_asks_who_said_the_last_answer(index: FactIndex) -> None:
    answer = _after(index, "What would Pyongyang push for instead of complete denuclearization?", "says who?")
    assert answer.reading == "who says what my last answer said?" and "defector" in answer.answer


def test_they_before_a_thing_named_is_the_group_the_last_question_named(index: FactIndex) -> None:
    answer = _after(index, "What did North Korea do to the high-level talks?", "did they cite the drills?")
    assert answer.reading == "did North Korea cite the drills?" and answer.found


def test_there_after_where_an_event_was_is_at_that_event(index: FactIndex) -> None:
    answer = _after(index, "Where did the April 27 inter-Korean summit take place?", "what was reached there?")
    assert answer.reading == "what was reached at the inter-Korean summit on April 27?"
    assert "Panmunjom Declaration" in answer.answer


def test_a_right_abstention_stays_one(index: FactIndex) -> None:
    question = "What is the name of the senior Seoul official?"
    assert index.read(question).unanswerable is not None
    answer = _after(index, "What did the senior Seoul official say?", question)
    assert not answer.found and answer.reading is None


def test_a_follow_up_that_asks_what_the_sources_leave_out_abstains(index: FactIndex) -> None:
    answer = _after(index, "What did the senior Seoul official say?", "what is his name?")
    assert not answer.found and answer.reading == "what is the senior Seoul official's name?"


def test_without_context_a_follow_up_is_a_question_like_any_other(index: FactIndex) -> None:
    assert index.answer("where?").found is False and index.answer("where?").reading is None


def test_small_talk_leaves_no_context_and_keeps_the_last(index: FactIndex) -> None:
    assert index.context_of(index.answer("thanks!")) is None
    answer = _after(index, "When is the summit?", "thanks!", "where?")
    assert "Singapore" in answer.answer


def test_the_context_is_plain_json(index: FactIndex) -> None:
    context = index.context_of(index.answer("Who led the U.S. delegation to the Singapore talks?"))
    assert context is not None and "joe-hagin" in context.answered
    assert QuestionContext.model_validate_json(context.model_dump_json()) == context


def test_who_said_that_is_asked_of_the_last_answer(index: FactIndex) -> None:
    first = index.answer("Under what condition would the US announce the summit process is back on track?")
    assert first.found
    context = index.context_of(first)
    assert context is not None and context.facts == first.facts
    follow = index.answer("who said that?", context=context)
    assert follow.found and "person familiar" in follow.answer and follow.reading is not None


def test_when_was_that_is_not_about_the_last_answer_but_its_event(index: FactIndex) -> None:
    from briefings.answering.context import points_back

    assert not points_back(index.read("when was that?"))
    assert not points_back(index.read("and after that?"))
    assert points_back(index.read("how did Pyongyang take that?"))


def test_it_keeps_the_time_the_last_question_named(index: FactIndex) -> None:
    answer = _after(index, "Where was the April 27 inter-Korean summit held?", "what agreement came out of it?")
    assert answer.reading is not None and answer.reading.endswith("on April 27?")


def test_it_after_a_preposition_is_the_thing_the_last_question_named(index: FactIndex) -> None:
    answer = _after(index, "When was the Panmunjom Declaration reached?", "what did the two Koreas pledge in it?")
    assert answer.reading is not None and "Panmunjom Declaration" in answer.reading
    assert answer.found and ("peace treaty" in answer.answer or "hostile acts" in answer.answer)


def test_what_was_it_for_asks_why(index: FactIndex) -> None:
    answer = _after(index, "Who did Sung Kim meet with on Monday?", "what was it for?")
    assert answer.reading is not None and answer.reading.startswith("why did Sung Kim meet")
    assert " with" not in answer.reading.split("meet")[1]


def test_before_that_with_a_question_of_its_own_is_about_the_last_answer(index: FactIndex) -> None:
    from briefings.answering.context import points_back

    assert points_back(index.read("what had he given up before that?"))


def test_its_is_the_thing_the_last_answer_was_about(index: FactIndex) -> None:
    answer = _after(index, "What does the article's map show?", "what's its scale?")
    assert answer.reading == "what's the map's scale?"
    assert answer.found and "200 feet" in answer.answer


def test_that_about_someone_the_last_answer_does_not_name_is_not_answered_from_it(index: FactIndex) -> None:
    answer = _after(index, "Who is John Bolton?", "what did he suggest as a blueprint for North Korea?",
                    "what did Mike Pompeo think of that?")
    assert not answer.found


def test_there_between_be_and_what_exists_is_no_place(index: FactIndex) -> None:
    answer = _after(index, "When was the Korean War fought?", "was there ever a treaty to end it?")
    assert answer.reading == "was there ever a treaty to end the Korean War?"
    assert answer.found and "peace treaty" in answer.answer


def test_there_after_be_at_the_end_is_the_place(index: FactIndex) -> None:
    answer = _after(index, "Where was the April 27 inter-Korean summit held?", "who was there?")
    assert answer.reading == "who was in Peace House?"


def test_so_after_a_verb_is_what_the_last_answer_said(index: FactIndex) -> None:
    from briefings.answering.context import points_back

    assert points_back(index.read("who thinks so?"))
    assert not points_back(index.read("is that so?"))


def test_a_last_it_nothing_named_can_be_is_the_last_answer(index: FactIndex) -> None:
    answer = _after(index, "What did Moon Jae-in say Pyongyang needs as part of any deal?", "when did he note it?")
    assert answer.found and "May 27" in answer.answer and answer.reading is not None


def test_a_last_it_is_not_the_last_answer_when_that_answer_does_not_say_what_is_asked(index: FactIndex) -> None:
    answer = _after(index, "What is the Hansun Foundation?", "who owns it?")
    assert not answer.found


def test_what_are_they_after_how_many_asks_what_was_counted(index: FactIndex) -> None:
    answer = _after(index, "How many items will be on the summit agenda?", "which are they?")
    assert answer.reading == "which items will be on the summit agenda?"


def test_that_before_a_noun_is_what_the_last_answer_named_that_it_names(index: FactIndex) -> None:
    answer = _after(index, "What is site 4 on the map?", "what does that building serve as?")
    assert answer.reading == "what does Panmungak serve as?"
    assert answer.found and "command post" in answer.answer


def test_that_before_a_name_is_no_pronoun(index: FactIndex) -> None:
    answer = _after(index, "Who is Moon Jae-in?", "did he say that Kim Jong Un remains committed to denuclearization?")
    assert answer.reading is not None and answer.reading.startswith("did Moon Jae-in say that Kim Jong Un")


def test_it_is_the_head_of_the_last_question_not_its_modifier(index: FactIndex) -> None:
    answer = _after(index, "What does the map in the article show?", "what is its scale?")
    assert answer.reading == "what is the map's scale?"


def test_where_did_it_take_place_asks_the_last_question_again(index: FactIndex) -> None:
    answer = _after(index, "When did Moon and Kim Jong Un meet?", "where did it take place?")
    assert answer.reading == "where was the May 26 inter-Korean summit?"  # their meeting that day
    assert "Unification Pavilion" in answer.answer


def test_it_after_a_where_question_is_what_was_asked_about_not_the_place(index: FactIndex) -> None:
    answer = _after(index, "Where was the April 27 inter-Korean summit held?", "who attended it?")
    assert answer.reading is not None and "Peace House" not in answer.reading


def test_why_is_not_asked_of_the_day_the_last_question_named(index: FactIndex) -> None:
    answer = _after(index, "Who blocked the Panmunjom Declaration on Monday?", "why?")
    assert answer.reading is not None and "Monday" not in answer.reading
    assert "irreversible" in answer.answer


def test_it_is_an_agreement_before_the_organisation_that_failed_it(index: FactIndex) -> None:
    answer = _after(index, "What did the National Assembly fail to do?", "who blocked it?")
    assert answer.reading is not None and "Panmunjom Declaration" in answer.reading


def test_that_is_not_the_last_answer_when_that_answer_lacks_what_is_asked(index: FactIndex) -> None:
    answer = _after(index, "Where will the preparatory meetings be held?", "who is the source for that?")
    assert answer.reading is not None and "last answer" not in answer.reading
    assert "person with knowledge" in answer.answer


def test_it_is_what_the_question_before_the_last_named_when_the_last_named_no_thing(index: FactIndex) -> None:
    answer = _after(index, "Who proposed the Libya model as a blueprint for North Korea?", "what is his job?",
                    "did Pyongyang welcome it?")
    assert answer.reading == "did Pyongyang welcome the Libya model?"


def test_it_is_what_the_answer_before_the_last_was_about_when_no_question_named_it(index: FactIndex) -> None:
    answer = _after(index, "Who suggested Libya as a blueprint for North Korea?", "what is his role?",
                    "did Pyongyang welcome it?")
    assert answer.reading == "did Pyongyang welcome the Libya model?"


def test_it_as_the_subject_after_do_is_a_thing_even_in_a_question_naming_another(index: FactIndex) -> None:
    answer = _after(index, "When was the Panmunjom Declaration reached?", "what does it say about North Korea?")
    assert answer.reading == "what does the Panmunjom Declaration say about North Korea?"


def test_it_of_how_long_will_it_take_stands_for_nothing(index: FactIndex) -> None:
    answer = _after(index, "When was the Panmunjom Declaration reached?",
                    "how long will it take North Korea to denuclearize?")
    assert answer.reading is None


def test_it_is_the_common_noun_phrase_that_holds_the_name(index: FactIndex) -> None:
    answer = _after(index, "Why did the failure to ratify the Panmunjom Declaration matter to Moon?",
                    "what else was it a sign of?")
    assert answer.reading is not None and "the failure to ratify the Panmunjom Declaration" in answer.reading
    named = _after(index, "What does the map in the article show?", "what is site 2 on it?")
    assert named.reading == "what is site 2 on the map?"


def test_those_is_what_the_last_answer_brought_up(index: FactIndex) -> None:
    answer = _after(index, "Why did the North pull out of the high-level talks?", "what aircraft flew in those?")
    assert answer.reading is not None and "exercises" in answer.reading
    assert "F-22" in answer.answer


def test_they_can_be_things_named_in_the_plural(index: FactIndex) -> None:
    answer = _after(index, "Which jets took part in the military exercises?", "when did they end?")
    assert answer.reading == "when did the military exercises end?"


def test_a_subject_a_name_heads_is_not_read_as_a_common_noun_phrase(index: FactIndex) -> None:
    answer = _after(index, "Why did the North walk out of the inter-Korean talks it had agreed to?",
                    "what was on the agenda of it?")
    assert answer.reading is not None and "walk" not in answer.reading and "inter-Korean talks" in answer.reading


def test_what_is_it_asks_what_the_thing_is_not_the_last_question_with_what(index: FactIndex) -> None:
    answer = _after(index, "When was the Panmunjom Declaration reached?", "what is it?")
    assert answer.reading == "what is the Panmunjom Declaration?" and "agreement" in answer.answer


def test_how_come_asks_why(index: FactIndex) -> None:
    answer = _after(index, "When did Trump say he would withdraw from the summit?", "how come?")
    assert answer.reading == "why did Trump say he would withdraw from the summit?"
    assert "open hostility" in answer.answer


def test_why_after_who_did_something_asks_why_they_did_it(index: FactIndex) -> None:
    answer = _after(index, "Who met at the DMZ on Monday?", "what for?")
    assert answer.reading == "why did they meet at the DMZ?" and "agenda" in answer.answer


def test_same_question_for_another_asks_it_of_that_one(index: FactIndex) -> None:
    answer = _after(index, "Who leads the U.S. delegation?", "same question for North Korea")
    assert answer.answer.startswith("Kim Chang Son")


def test_do_that_is_the_act_the_last_question_asked_about(index: FactIndex) -> None:
    answer = _after(index, "What did Trump say on May 24?", "why did he do that?")
    assert answer.reading is not None and answer.reading.startswith("why did Trump say")
    assert "open hostility" in answer.answer


def test_who_is_that_asks_who_the_person_answered_is(index: FactIndex) -> None:
    answer = _after(index, "Who leads the North Korean delegation?", "who's that?")
    assert answer.reading == "who's Kim Chang Son?" and "close aide" in answer.answer


def test_what_else_asks_the_last_question_for_what_its_answer_left_out(index: FactIndex) -> None:
    answer = _after(index, "What does North Korea want?", "anything else?")
    assert answer.reading == "What does North Korea want?"
    first = index.answer("What does North Korea want?")
    assert answer.found and not set(answer.facts) & set(first.facts)


def test_what_else_when_the_answers_so_far_said_it_all_abstains(index: FactIndex) -> None:
    """The first answer gives three of the declaration's four pledges, "what else?" the fourth; asked
    again, nothing is left that the conversation has not given."""
    first = index.answer("What did the two Koreas pledge in the Panmunjom Declaration?")
    answer = _after(index, "What did the two Koreas pledge in the Panmunjom Declaration?", "what else?")
    assert answer.found and answer.facts and not set(answer.facts) & set(first.facts)
    again = _after(index, "What did the two Koreas pledge in the Panmunjom Declaration?", "what else?", "anything else?")
    assert not again.found


@pytest.mark.parametrize(("first", "then", "reading"), [
    ("What happened on May 26?", "and the day after?", "What happened on May 27, 2018?"),
    ("What happened on May 24?", "and two days later?", "What happened on May 26, 2018?"),
    ("When did Sung Kim meet Choe Son Hui?", "what happened the day before?", "what happened on May 27, 2018?"),
    ("What did Moon say on Sunday?", "what about the day before?", "What did Moon say on May 26, 2018?"),
])
def test_a_day_said_from_the_last_one_is_that_day(index: FactIndex, first: str, then: str, reading: str) -> None:
    assert _after(index, first, then).reading == reading


def test_a_pronoun_stands_for_whom_the_answer_names_when_its_subject_cannot_be(index: FactIndex) -> None:
    # the answer is about the meeting; the first person its statement names is Sung Kim
    answer = _after(index, "Who met at the DMZ on Monday?", "who is he?")
    assert answer.reading == "who is Sung Kim?"
    context = index.context_of(index.answer("Who met at the DMZ on Monday?"))
    assert context is not None and context.named[:2] == ["sung-kim", "choe-son-hui"]


def test_where_was_it_held_after_an_act_is_not_read_with_a_thing_the_answer_only_mentions(index: FactIndex) -> None:
    answer = _after(index, "When did Moon and Kim Jong Un get together?", "where was it held?")
    assert answer.reading == "where was the May 26 inter-Korean summit?"  # their meeting that day
    assert "Unification Pavilion" in answer.answer


@pytest.mark.parametrize(("first", "then", "reading"), [
    ("When did North Korea pull out of the talks?", "did they say why?", "why did North Korea pull out of the talks?"),
    ("When is the Trump-Kim summit?", "do we know where?", "where is the Trump-Kim summit?"),
])
def test_a_question_word_at_the_end_of_a_yes_no_question_is_the_question(index: FactIndex, first: str, then: str,
                                                                         reading: str) -> None:
    assert _after(index, first, then).reading == reading


def test_they_that_are_held_are_the_events_not_the_country(index: FactIndex) -> None:
    answer = _after(index, "Why did North Korea cancel the inter-Korean talks?", "when were they supposed to be held?")
    assert answer.reading == "when were the inter-Korean talks supposed to be held?"


def test_he_after_a_description_is_whom_the_description_names_first(index: FactIndex) -> None:
    # the description ("Gadhafi gave up ...; John Bolton suggested it") is said before the facts
    answer = _after(index, "What is the Libya model?", "was he killed?")
    assert answer.reading == "was Moammar Gadhafi killed?" and "overthrown" in answer.answer
    context = index.context_of(index.answer("What is the Libya model?"))
    assert context is not None and context.answered[:2] == ["libya-model", "moammar-gadhafi"]


def test_the_with_a_noun_no_name_holds_is_what_the_last_answer_named_of_that_noun(index: FactIndex) -> None:
    answer = _after(index, "When will the U.S. team arrive in Singapore?", "who leads the team?")
    assert answer.reading == "who leads the U.S. team?" and answer.answer.startswith("Joe Hagin")


def test_the_thing_pointed_back_to_is_said_by_its_shortest_name_and_a_right_abstention_stays_one(
        index: FactIndex) -> None:
    # its full name ("Sung Kim-Choe Son Hui meeting at the DMZ") reads like the facts about it
    answer = _after(index, "Who met at the DMZ on Monday?", "was the meeting filmed?")
    assert answer.reading == "was the DMZ meeting filmed?" and not answer.found


@pytest.mark.parametrize(("first", "then"), [
    ("When will the U.S. team arrive in Singapore?", "what will the teams talk about?"),  # both teams, not one
    ("Who met at the DMZ on Monday?", "what did they settle at the meeting?"),  # they are not the meeting
    ("Who is the source for the arrival of the delegations?", "what is the process?"),  # a name's noun is its head
])
def test_the_with_a_noun_stands_alone_when_nothing_the_last_answer_named_is_it(index: FactIndex, first: str,
                                                                               then: str) -> None:
    assert _after(index, first, then).reading is None


def test_a_counterpart_on_another_side_asks_the_last_question_of_that_side(index: FactIndex) -> None:
    answer = _after(index, "Who leads the U.S. delegation?", "who is his North Korean counterpart?")
    assert answer.reading == "Who leads the North Korean delegation?" and answer.answer.startswith("Kim Chang Son")
    assert _after(index, "Who leads the North Korean delegation?", "and the US equivalent?").reading == (
        "Who leads the US delegation?")


def test_the_other_one_is_the_one_other_thing_of_the_kind_the_last_question_named(index: FactIndex) -> None:
    answer = _after(index, "When will the North Korean team arrive in Singapore?", "what about the other team?")
    assert answer.reading is not None and "U.S. delegation" in answer.reading and "U.S. team" in answer.answer
    assert _after(index, "Who is the President of South Korea?", "and the other one?").reading is None  # of many


def test_it_is_said_by_a_name_that_says_no_other_names(index: FactIndex) -> None:
    # "the Sung Kim-Choe Son Hui meeting at the DMZ" reads like the facts about the meeting
    answer = _after(index, "Who met at the DMZ on Monday?", "was it broadcast live?")
    assert answer.reading == "was the DMZ meeting broadcast live on Monday?" and not answer.found


def test_it_after_what_is_the_thing_the_last_answer_gave(index: FactIndex) -> None:
    answer = _after(index, "What did the leaders of the two Koreas reach on April 27?", "what does it pledge?")
    assert answer.reading.startswith("what does the Panmunjom Declaration pledge")
    assert answer.found and "declaration-cease-hostile-acts" in answer.facts


def test_a_common_word_put_in_as_a_name_keeps_the_the_that_made_it_one(index: FactIndex) -> None:
    answer = _after(index, "Who led the North Korean delegation to Singapore?", "and the us?")
    assert answer.reading == "Who led the us delegation to Singapore?"
    assert answer.answer.startswith("Joe Hagin")
    answer = _after(index, "What has North Korea been pushing for?", "and the us?")
    assert answer.reading == "What has the us been pushing for?"


def test_same_for_the_second_of_two_sides_trades_the_two(index: FactIndex) -> None:
    # the new question names the side the last one asked about: the last question asked the other way round
    answer = _after(index, "What is the U.S. asking of Pyongyang at the summit?", "same for north korea?")
    assert answer.reading == "What is Pyongyang asking of the U.S. at the summit?"
    assert "regime" in answer.answer


def test_two_names_after_what_about_take_the_places_of_the_two_of_their_kind(index: FactIndex) -> None:
    # "and" only lists the names; the second name goes where the second person stood
    answer = _after(index, "where did Sung Kim meet Choe Son Hui?", "what about Moon Jae-in and Kim Jong Un?")
    assert answer.reading == "where did Moon Jae-in meet Kim Jong Un?"
    assert "Unification Pavilion" in answer.answer


def test_they_in_a_who_question_are_the_people_not_their_meeting(index: FactIndex) -> None:
    answer = _after(index, "Who met at the DMZ on Monday?", "who were they?")
    assert answer.reading == "who were Sung Kim and Choe Son Hui?"


def test_it_after_a_description_is_what_was_described_not_what_the_description_named(index: FactIndex) -> None:
    # the description of a building names the article's map too; "it" is still the building
    answer = _after(index, "Tell me about Panmungak", "what is it used as?")
    assert answer.reading == "what is Panmungak used as?" and "command post" in answer.answer


def test_why_after_which_noun_verb_asks_why_the_answer_did_it(index: FactIndex) -> None:
    # the noun after "which" is whom the answer named; the verb after it is the act asked about
    answer = _after(index, "Which envoy sat down with Choe Son Hui?", "why?")
    assert answer.reading == "why did Sung Kim sit down with Choe Son Hui?" and "agenda" in answer.answer


def test_a_possessive_and_an_it_in_one_question_are_both_read(index: FactIndex) -> None:
    # "their" is who did what the last question asked about, "it" what they did
    answer = _after(index, "What did North Korea dismantle last week?", "what did their state media call it?")
    assert answer.reading is not None and answer.reading.startswith("what did North Korea's state media call")
    assert "hailed" in answer.answer


def test_it_as_the_object_of_a_verb_before_a_preposition_is_the_thing_said(index: FactIndex) -> None:
    answer = _after(index, "What is the Libya model?", "who proposed it for Pyongyang?")
    assert answer.reading == "who proposed the Libya model for Pyongyang?" and "Bolton" in answer.answer


def test_an_act_done_to_what_the_last_answer_said_is_not_answered_by_that_answer(index: FactIndex) -> None:
    answer = _after(index, "When is the North Korean delegation due in Singapore?", "who revealed that?")
    assert not answer.found  # the answer says when they arrive, not who made it known


def test_the_other_one_is_the_other_of_a_pair_the_facts_name_together(index: FactIndex) -> None:
    answer = _after(index, "how can I contact Chun Han Wong?", "and the other one?")
    assert answer.reading == "how can I contact Andrew Jeong?" and "andrew.jeong@wsj.com" in answer.answer


def test_the_other_one_of_someone_named_with_many_is_no_one(index: FactIndex) -> None:
    answer = _after(index, "Who is Sung Kim?", "and the other one?")
    assert answer.reading is None




def test_it_after_what_is_x_is_x_not_what_its_answer_cites(index: FactIndex) -> None:
    answer = _after(index, "What is Panmungak?", "what purpose does it serve?")
    assert answer.reading is not None and "Panmungak" in answer.reading and "command post" in answer.answer


def test_where_after_when_an_unnamed_event_was_is_asked_of_the_event_the_answer_named(index: FactIndex) -> None:
    answer = _after(index, "On which day was the leaders' meeting initially planned?", "where?")
    assert answer.reading == "where was the weekend summit?" and "Unification Pavilion" in answer.answer



def test_their_and_it_in_one_question_with_a_name_are_both_read(index: FactIndex) -> None:
    answer = _after(index, "What did North Korea take apart last week?", "how did their state media describe it?")
    assert answer.reading is not None and "North Korea's state media" in answer.reading and "test site" in answer.reading


def test_his_with_a_noun_the_last_answer_named_a_thing_by_is_that_thing(index: FactIndex) -> None:
    answer = _after(index, "Who leads the North Korean delegation?", "when does his team get to Singapore?")
    assert answer.reading == "when does the NK team get to Singapore?" and "North Korean team" in answer.answer


def _two_countries(index: FactIndex) -> None:
    from briefings.models import Entity, EntityKind, Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    for entity_id, name in [("freedonia", "Freedonia"), ("sylvania", "Sylvania")]:
        index.upsert_entity(Entity(id=entity_id, name=name, kind=EntityKind.country))
    for fact_id, subject, obj, relation, statement in [
        ("fr-asks-fishing", "freedonia", None, "requests",
         "Freedonia requests fishing rights from Sylvania in the bay."),
        ("both-want-calm", "sylvania", "freedonia", "discussed",
         "Sylvania and Freedonia discussed requests about calmer borders with each other."),
        ("fr-asks-port", "freedonia", None, "requests", "Freedonia also requests access to a deep-water port."),
    ]:
        index.upsert(Fact.model_validate({
            "id": fact_id, "subject": subject, "relation": relation, "object": obj, "topic": "timeline",
            "statement": statement, "provenance": provenance}))


def test_anything_else_is_more_of_what_the_named_one_was_said_to_do(fresh_index: FactIndex) -> None:
    """"anything else?" after "what does A request from B?": another request of A's, though it names no B,
    before a fact that only names them both."""
    _two_countries(fresh_index)
    first = _after(fresh_index, "What does Freedonia request from Sylvania?")
    assert first.facts == ["fr-asks-fishing"]
    answer = _after(fresh_index, "What does Freedonia request from Sylvania?", "anything else?")
    assert answer.facts == ["fr-asks-port"]


def test_anything_else_reads_a_subject_s_facts_only_when_they_are_few(
        fresh_index: FactIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    """A subject named in more facts than MORE_OF_THE_SAME_READ is left to the ranking: no follow-up
    reads every fact of a central entity of a big store."""
    _two_countries(fresh_index)
    monkeypatch.setattr(index_module, "MORE_OF_THE_SAME_READ", 1)
    answer = _after(fresh_index, "What does Freedonia request from Sylvania?", "anything else?")
    assert answer.facts != ["fr-asks-port"]


def test_which_with_a_plural_noun_the_last_question_said_asks_who_its_answer_named(index: FactIndex) -> None:
    answer = _after(index, "Where did the two diplomats meet on May 28?", "which diplomats?")
    assert answer.reading == "who are Sung Kim and Choe Son Hui?"
    assert answer.answer.splitlines()[0].startswith("Sung Kim")


def test_which_with_a_noun_the_last_question_did_not_say_stands_alone(index: FactIndex) -> None:
    assert _after(index, "Where did the two diplomats meet on May 28?", "which leaders?").reading is None


def test_anything_more_from_them_asks_the_last_question_for_more(index: FactIndex) -> None:
    """"more" after "anything" asks as "else" does; "them" is who the last question was about."""
    answer = _after(index, "What did Moon say on Sunday?", "anything more from him?")
    assert answer.reading == "What did Moon say on Sunday?"
    first = index.answer("What did Moon say on Sunday?")
    assert not answer.found or not set(answer.facts) & set(first.facts)  # nothing given twice as new


def test_why_after_who_is_someone_is_no_question_about_them(index: FactIndex) -> None:
    """"who is X?" + "why?": which of X's acts is asked the question leaves unsaid; no "why X?" reading."""
    for ask in ("why?", "when?"):
        answer = _after(index, "Who is Choe Son Hui?", ask)
        assert answer.reading is None and not answer.found


def test_his_co_noun_is_the_other_of_the_pair_he_is_named_in(index: FactIndex) -> None:
    answer = _after(index, "Who is Chun Han Wong?", "what is his co-author's email?")
    assert answer.reading == "what is Andrew Jeong's email?" and "andrew.jeong@wsj.com" in answer.answer
    assert _after(index, "Who leads the U.S. delegation?", "who is his co-author?").reading != "who is Kim Chang Son?"


def test_she_is_no_one_the_store_calls_he(fresh_index: FactIndex) -> None:
    """A title in a person's names says which pronoun is theirs: after an answer naming Mr. Cole first,
    "she" is the other person it named."""
    from briefings.models import Entity, EntityKind, Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    fresh_index.upsert_entity(Entity(id="ben-cole", name="Ben Cole", kind=EntityKind.person, aliases=["Mr. Cole"]))
    fresh_index.upsert_entity(Entity(id="ana-ruiz", name="Ana Ruiz", kind=EntityKind.person))
    for fact_id, subject, obj, relation, statement in [
        ("cole-ruiz-lunch", "ben-cole", "ana-ruiz", "lunched", "Ben Cole had lunch with Ana Ruiz in Tromso."),
        ("ruiz-praise", "ana-ruiz", None, "praised", "Ana Ruiz praised the fisheries accord."),
    ]:
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": subject, "relation": relation, "object": obj, "topic": "timeline",
            "statement": statement, "provenance": provenance}))
    answer = _after(fresh_index, "Who had lunch in Tromso?", "what did she praise?")
    assert answer.reading == "what did Ana Ruiz praise?" and "fisheries accord" in answer.answer


def test_a_noun_before_a_plural_noun_is_no_thing_said_before(index: FactIndex) -> None:
    # "the delegation heads" are the heads of the delegations, not the one delegation the last question named
    question = "what do we know of the delegation heads?"
    alone = index.answer(question)
    inside = _after(index, "Who led the U.S. delegation to the Singapore talks?", question)
    assert inside.reading is None and (inside.answer, inside.found, inside.facts) == (alone.answer, alone.found, alone.facts)


def test_he_is_not_whom_the_conversation_called_she(index: FactIndex) -> None:
    """The store says neither of Choe Son Hui; once "she" was read as her, a later "he" is the other
    person the answer named."""
    answer = _after(index, "Who did Sung Kim meet at the DMZ?", "what is her job?", "what was his job?")
    assert "Choe Son Hui" not in (answer.reading or "") and "Sung Kim" in (answer.reading or "")


def test_that_after_a_preposition_is_the_thing_the_last_answer_was_about(index: FactIndex) -> None:
    answer = _after(index, "What is the U.S. pushing for from North Korea?", "does Kim Jong Un agree with that?")
    assert "denuclearization" in (answer.reading or "") and "won't accept" in answer.answer


def test_them_after_a_preposition_is_the_things_the_last_question_named(index: FactIndex) -> None:
    answer = _after(index, "When do the high-level inter-Korean talks take place?", "why did Pyongyang pull out of them?")
    assert answer.reading is not None and "talks" in answer.reading and "military exercises" in answer.answer
    answer = _after(index, "When do the high-level inter-Korean talks take place?", "did Pyongyang walk away from them last month?")
    assert answer.reading is not None and "talks" in answer.reading


@pytest.mark.parametrize("ask", ["what have those done to it?", "what did those do to it?"])
def test_two_pronouns_stand_for_two_things_and_not_for_what_was_set_aside(index: FactIndex, ask: str) -> None:
    """"those" before the verb its auxiliary leads to is the subject (what the answer gave); "it" is
    then another thing, not what "besides" set aside: the country the question named."""
    answer = _after(index, "Besides security guarantees, what relief does Pyongyang want?", ask)
    assert answer.reading == f"what {ask.split()[1]} the sanctions {ask.split()[3]} to Pyongyang?"
    assert "crippled" in answer.answer


def test_a_question_asked_of_the_last_thing_must_say_its_rarest_word(index: FactIndex) -> None:
    # a fact saying the vote (ratifying) but not its margin does not answer the margin
    answer = _after(index, "Did the National Assembly ratify the Panmunjom Declaration?", "what was the vote margin?")
    assert not answer.found


def test_that_before_an_inflected_verb_joins_a_clause_and_points_back_to_nothing(index: FactIndex) -> None:
    answer = _after(index, "When did Trump say he would withdraw from the summit?", "what did he issue later that revived it?")
    assert answer.reading == "what did Trump issue later that revived the summit?" and "conciliatory" in answer.answer


@pytest.mark.parametrize(("first", "ask", "reading", "said"), [
    ("Where will the high-level inter-Korean talks be held?", "what day?", "when will the high-level inter-Korean talks be held?", "June 1"),
    ("What type of body is the Hansun Foundation?", "what country?", "where is Hansun Foundation?", "Seoul"),
    ("What type of body is the Hansun Foundation?", "which city?", "where is Hansun Foundation?", "Seoul"),
])
def test_which_noun_of_a_place_or_a_time_asks_the_last_question_where_or_when(
        index: FactIndex, first: str, ask: str, reading: str, said: str) -> None:
    answer = _after(index, first, ask)
    assert answer.reading == reading and said in answer.answer


def test_that_last_after_a_preposition_is_the_thing_the_last_answer_named(index: FactIndex) -> None:
    # "agree to that": the denuclearization the last answer named, though the question names Kim himself
    answer = _after(index, "Which denuclearization has Washington demanded?", "is Kim Jong Un ready to agree to that?")
    assert answer.reading is not None and "denuclearization" in answer.reading.lower()
    assert answer.found and "accept" in answer.answer


def test_who_told_that_of_a_fact_with_no_speaker_is_the_fact_whose_person_said_it(index: FactIndex) -> None:
    # the arrival fact names no one who said it; the one whose relation is a person's saying of the
    # delegations' arrival does
    answer = _after(index, "When is the North Korean team due in Singapore?", "who told the newspaper that?")
    assert answer.found and "person with knowledge" in answer.answer
    assert answer.reading is not None and answer.reading.endswith("what my last answer said?")


def test_who_told_that_is_the_source_whose_saying_is_of_the_answers_subject(index: FactIndex) -> None:
    # the answer about Hagin's delegation names many things besides it (Singapore, the summit, the
    # White House); the source fact says of the delegation itself, so it is the one who told it
    answer = _after(index, "Who is leading the U.S. delegation to the preparatory meetings?", "who told the press that?")
    assert answer.found and "person with knowledge" in answer.answer
    assert answer.reading is not None and answer.reading.endswith("what my last answer said?")


def test_that_one_points_back_as_that_does(index: FactIndex) -> None:
    answer = _after(index, "When did Moon Jae-in and Kim Jong Un last meet?", "where did that one take place?")
    assert answer.reading is not None and "Unification Pavilion" in answer.answer


def test_the_two_of_them_are_the_two_people_just_talked_of(index: FactIndex) -> None:
    answer = _after(index, "Whom is Donald Trump supposed to meet in Singapore?", "what could both of them sign?")
    assert answer.reading == "what could Donald Trump and Kim Jong Un sign?"
    assert "denuclearization" in answer.answer


def test_there_after_a_place_whose_answer_was_an_event_is_at_that_event(index: FactIndex) -> None:
    answer = _after(index, "Whom is Donald Trump supposed to meet in Singapore?", "what could be signed there?")
    assert answer.reading == "what could be signed at the summit?" and "denuclearization" in answer.answer


def test_they_is_read_as_the_next_thing_it_can_stand_for_when_the_first_has_no_answer(index: FactIndex) -> None:
    answer = _after(index, "Why did Pyongyang abandon the high-level talks?", "when do they resume?")
    assert answer.reading == "when do the high-level talks resume?" and "June 1" in answer.answer


def test_each_reading_of_a_pronoun_passes_over_what_the_one_before_took_it_for(index: FactIndex) -> None:
    first = index.answer("Why did Pyongyang abandon the high-level talks?")
    readings = index.follow_up_readings("when do they resume?", index.context_of(first))
    assert [r.text for r in readings] == ["when do Pyongyang resume?", "when do the high-level talks resume?"]
    assert readings[0].stood_for == {"north-korea"} and readings[1].stood_for == {"high-level-inter-korean-talks"}
    assert len(readings) <= MAX_READINGS


def test_a_first_reading_whose_answer_names_what_it_took_the_pronoun_for_stands(index: FactIndex) -> None:
    answer = _after(index, "Who is Choe Son Hui?", "who did she sit down with?")
    assert answer.reading == "who did Choe Son Hui sit down with?"


def test_another_reading_is_not_of_a_thing_the_answer_only_mentioned(index: FactIndex) -> None:
    answer = _after(index, "What did North Korea take apart last week?", "where was it located?")
    assert not answer.found  # not the state media whose commentary the answer quoted


def test_anything_more_once_all_was_given_says_so_and_restates_it(index: FactIndex) -> None:
    """Nothing is left to give: still an abstention, but the reply repeats what was given, which may hold
    what the asker looks for."""
    first = index.answer("What did the two Koreas pledge in the Panmunjom Declaration?")
    answer = _after(index, "What did the two Koreas pledge in the Panmunjom Declaration?", "what else?", "anything more?")
    assert not answer.found and answer.answer.startswith(index_module.NOTHING_MORE)
    assert first.facts[0] in answer.facts and "no fact on that" in answer.answer


def test_they_stand_for_an_event_named_with_the_plural_noun_after_its_name(index: FactIndex) -> None:
    # "the summit talks": the talks, which "they" stands for, not the summit alone (nor another event
    # the answer named): the phrase is plural because of the noun its name qualifies
    answer = _after(index, "were the summit talks ever called off", "when did they resume")
    assert answer.reading == "when did the summit talks resume?"


def _lakeside_accord(index: FactIndex) -> None:
    from briefings.models import Entity, EntityKind, Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    for entity_id, name, kind in [("freedonia", "Freedonia", EntityKind.country), ("sylvania", "Sylvania", EntityKind.country),
                                  ("lakeside-accord", "Lakeside Accord", EntityKind.document),
                                  ("autumn-drills", "autumn naval drills", EntityKind.event)]:
        index.upsert_entity(Entity(id=entity_id, name=name, kind=kind))
    for fact_id, subject, obj, relation, statement in [
        ("accord-loans", "lakeside-accord", "freedonia", "promised",
         "The Lakeside Accord promised commercial loans to Freedonia."),
        ("accord-exchanges", "lakeside-accord", None, "promised",
         "The Lakeside Accord promised cultural exchanges between the lake towns."),
        ("fr-ferries", "freedonia", None, "pledged", "Freedonia pledged new ferries on the lake route."),
        ("sy-ferries", "sylvania", None, "pledged", "Sylvania pledged to repaint its ferries on the lake route."),
        ("drills-end", "autumn-drills", None, "ended", "The autumn naval drills ended in October 2026."),
        ("drill-frigates", "autumn-drills", None, "involved", "The autumn naval drills involved four patrol ships."),
        ("fr-fair", "freedonia", None, "took_part", "Freedonia took part in a book fair."),
        ("sy-in-drills", "sylvania", "autumn-drills", "took_part", "Sylvania took part in the autumn naval drills."),
    ]:
        index.upsert(Fact.model_validate({
            "id": fact_id, "subject": subject, "relation": relation, "object": obj, "topic": "timeline",
            "statement": statement, "provenance": provenance}))


def test_another_adjective_alone_asks_the_last_question_of_that_side(fresh_index: FactIndex) -> None:
    """"and the cultural side?" after a question about commercial loans: the phrase the adjective heads
    ("commercial loans to Freedonia") gives way to the new side; an adjective of another sort ("the
    main one?") is no side of the same thing."""
    _lakeside_accord(fresh_index)
    last = "did the Lakeside Accord promise commercial loans to Freedonia?"
    assert _after(fresh_index, last).facts == ["accord-loans"]
    for ask in ("and on the cultural side?", "what about the cultural side?"):
        answer = _after(fresh_index, last, ask)
        assert answer.reading == "did the Lakeside Accord promise anything on the cultural side?"
        assert answer.facts == ["accord-exchanges"]
    answer = _after(fresh_index, "what did the Lakeside Accord promise on commercial matters?", "and the cultural side?")
    assert answer.reading == "what did the Lakeside Accord promise on the cultural side?"
    assert _after(fresh_index, last, "and the main one?").reading is None


def test_anything_similar_asks_of_what_the_last_question_asked_about(fresh_index: FactIndex) -> None:
    """"did B pledge anything similar?": anything on what the last question asked of (its last phrase
    of a preposition), not the last question's words about A."""
    _lakeside_accord(fresh_index)
    answer = _after(fresh_index, "what did Freedonia pledge on the lake route?", "did Sylvania pledge anything similar?")
    assert answer.reading == "did Sylvania pledge anything on the lake route?" and answer.facts == ["sy-ferries"]
    said = _after(fresh_index, "what did Freedonia pledge on the lake route?",
                  "did Sylvania pledge anything similar about its drills?")
    assert said.reading is None  # what follows says what it is like, and "its" is Sylvania's: it stands alone


def test_an_answer_alone_that_leaves_the_question_unsaid_yields_to_the_last_thing(fresh_index: FactIndex) -> None:
    """"which ships took part?" names nothing: alone, a fact about who took part in something else
    answers it without its ships; asked of the drills just talked about, a fact says them."""
    _lakeside_accord(fresh_index)
    answer = _after(fresh_index, "when did the autumn naval drills end?", "which ships took part?")
    assert answer.reading is not None and "drills" in answer.reading and answer.facts == ["drill-frigates"]


def _ferry_people(index: FactIndex) -> None:
    from briefings.models import Entity, EntityKind, Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    for entity_id, name, kind in [("ines-vale", "Ines Vale", EntityKind.person), ("tomas-berg", "Tomas Berg", EntityKind.person),
                                  ("ferry-board", "Ferry Board", EntityKind.organisation)]:
        index.upsert_entity(Entity(id=entity_id, name=name, kind=kind))
    for fact_id, subject, obj, relation, statement in [
        ("vale-chairs", "ines-vale", "ferry-board", "chairs", "Ines Vale chairs the Ferry Board."),
        ("vale-sailor", "ines-vale", None, "is", "Ines Vale is a former merchant sailor."),
        ("vale-fares", "ines-vale", None, "said", "Ines Vale said the ferry fares would fall."),
        ("berg-fares", "tomas-berg", None, "said", "Tomas Berg said the ferry fares would rise."),
        ("vale-named", "ines-vale", "tomas-berg", "appointed_by", "Ines Vale was appointed by Tomas Berg."),
    ]:
        index.upsert(Fact.model_validate({
            "id": fact_id, "subject": subject, "relation": relation, "object": obj, "topic": "timeline",
            "statement": statement, "provenance": provenance}))


def test_a_request_to_tell_reads_its_pronoun_and_asks_for_more(fresh_index: FactIndex) -> None:
    """"tell me about her" is a request about whom the last answer named, not small talk; "tell me more"
    asks the last question for what its answer did not give."""
    _ferry_people(fresh_index)
    answer = _after(fresh_index, "who chairs the Ferry Board?", "tell me about her")
    assert answer.reading == "tell me about Ines Vale?" and "merchant sailor" in answer.answer
    more = _after(fresh_index, "who chairs the Ferry Board?", "tell me more")
    assert more.reading == "who chairs the Ferry Board?"
    assert _after(fresh_index, "tell me more").reading is None  # nothing asked before: nothing to read it with


def test_and_the_same_question_of_another_keeps_what_the_last_one_asked_about(fresh_index: FactIndex) -> None:
    """"and what did B say?" says only words the last question said, besides its name: the last question
    asked of B, about what it asked ("the ferry fares"), not whatever B said."""
    _ferry_people(fresh_index)
    answer = _after(fresh_index, "what did Ines Vale say about the ferry fares?", "and what did Tomas Berg say?")
    assert answer.reading == "what did Tomas Berg say about the ferry fares?" and answer.facts == ["berg-fares"]


def test_a_preposition_before_the_question_word_is_asked_with_it(fresh_index: FactIndex) -> None:
    """"by whom?" is the last question asked by whom, and "by whom was she appointed?" reads its "she"."""
    _ferry_people(fresh_index)
    answer = _after(fresh_index, "who chairs the Ferry Board?", "by whom was she appointed?")
    assert answer.reading == "by whom was Ines Vale appointed?" and answer.facts == ["vale-named"]
    bare = _after(fresh_index, "when was Ines Vale appointed?", "by whom?")
    assert bare.reading is not None and bare.reading.startswith("by whom")


def test_and_a_pronoun_alone_asks_the_last_question_of_someone_else(fresh_index: FactIndex) -> None:
    """"what did he say about X?" + "and her?": not him again (the last question named him), but the
    woman the conversation named before, in his place."""
    _ferry_people(fresh_index)
    answer = _after(fresh_index, "who appointed Ines Vale?", "what did he say about the ferry fares?", "and her?")
    assert answer.reading == "what did Ines Vale say about the ferry fares?" and answer.facts == ["vale-fares"]


def test_there_can_be_a_body_one_works_at(fresh_index: FactIndex) -> None:
    """"who works there?" after "what is the Ferry Board?": "there" is the body the last question was
    about, not only a place."""
    _ferry_people(fresh_index)
    answer = _after(fresh_index, "what is the Ferry Board?", "who works there?")
    assert answer.reading == "who works in Ferry Board?"


def test_a_question_saying_only_its_act_is_asked_of_what_was_just_talked_about(fresh_index: FactIndex) -> None:
    """"who took part?" says its verb and nothing else: alone, whoever took part in anything answers it;
    in a conversation it is asked of the drills just talked about."""
    _lakeside_accord(fresh_index)
    answer = _after(fresh_index, "when did the autumn naval drills end?", "who took part?")
    assert answer.reading is not None and "drills" in answer.reading and answer.facts == ["sy-in-drills"]


@pytest.mark.parametrize("follow_up", ["whos he", "ok so whos he"])
def test_a_word_read_as_two_puts_the_referent_where_the_pronoun_was_written(index: FactIndex, follow_up: str) -> None:
    """"whos" is read as "who is": the reading puts the name in place of the written "he", not of the
    word one token on."""
    answer = _after(index, "Who led the North Korean team in Singapore?", follow_up)
    assert answer.reading == f"{follow_up[:-3]} Kim Chang Son?" and "close aide" in answer.answer.lower()


@pytest.mark.parametrize("question", [
    "and who is sung kim?",  # asks who someone is: the name is what it asks about
    "so what's the hansun foundation?",
    "what about the us delegation, who leads it?",  # "it" is the phrase set before the comma
    "what about pete hegseth, is he going?",
    "and the military drills, who took part in them?",
    "when did south korea hold its last election?",  # "its" is South Korea's
    "what did north korea say about its nuclear weapons?",
])
def test_a_question_that_says_what_its_pronoun_stands_for_stands_alone(index: FactIndex, question: str) -> None:
    alone = index.answer(question)
    inside = _after(index, "When is the Trump-Kim summit?", question)
    assert inside.reading is None
    assert (inside.answer, inside.found, inside.facts) == (alone.answer, alone.found, alone.facts)


def test_a_phrase_set_before_the_comma_is_what_a_last_it_stands_for(index: FactIndex) -> None:
    question = "and the american team, who heads it?"
    alone = index.answer(question)
    inside = _after(index, "Who led the North Korean team in Singapore?", question)
    assert inside.reading is None and (inside.answer, inside.facts) == (alone.answer, alone.facts)


@pytest.mark.parametrize(("first", "time"), [("What was planned for the summit before 2024?", "before 2024"),
                                             ("What was planned for the summit after May 2018?", "after May 2018"),
                                             ("What was planned for the summit since June 2019?", "since June 2019")])
def test_a_time_on_one_side_keeps_its_own_word_in_the_reading(index: FactIndex, first: str, time: str) -> None:
    answer = _after(index, first, "what came out of it?")
    assert answer.reading is not None and answer.reading.endswith(f" {time}?")
    assert f"in {time}" not in answer.reading


def test_a_plain_time_in_place_of_one_on_one_side_is_placed_in_it(index: FactIndex) -> None:
    answer = _after(index, "Who did Kim Jong Un meet since June 2019?", "and in May 2019?")
    assert answer.reading == "Who did Kim Jong Un meet in May 2019?"
    answer = _after(index, "Who did Kim Jong Un meet?", "and after May 2018?")
    assert answer.reading == "Who did Kim Jong Un meet after May 2018?"


def test_a_pronoun_with_a_contracted_auxiliary_is_read_with_the_auxiliary_in_full(index: FactIndex) -> None:
    """"they'll", "they're": the name put in the pronoun's place takes "will" or "are", not "'ll"."""
    answer = _after(index, "Who leads the North Korean delegation to Singapore?", "so when do you think he'll arrive?")
    assert answer.reading is not None and "Kim Chang Son will arrive" in answer.reading and "'ll" not in answer.reading


def test_a_name_of_several_is_the_one_the_conversation_talked_of(index: FactIndex) -> None:
    """"Kim" names three people; after an answer about Kim Chang Son, "what does Kim do?" is asked of him,
    not of every Kim; with no such conversation, every reading is answered as before."""
    alone = index.answer("what does Kim do?")
    answer = _after(index, "Who led the North Korean team in Singapore?", "what does Kim do?")
    assert answer.reading == "what does Kim Chang Son do?"
    assert "close aide" in answer.answer and "leader of North Korea" not in answer.answer
    assert "leader of North Korea" in alone.answer and alone.reading is None


def test_a_name_of_several_stays_as_written_when_the_answer_is_about_one_the_question_names(index: FactIndex) -> None:
    """"what about Kim Chang Son, is he Kim's aide?": the answer about Kim Chang Son is about the one the
    question names in full, not another Kim than the one the conversation talked of."""
    answer = _after(index, "When is the Trump-Kim summit?", "what about Kim Chang Son, is he Kim's aide?")
    assert answer.reading is None


def test_that_noun_is_what_the_last_answer_named_though_it_was_not_about_it(index: FactIndex) -> None:
    """"who said so?" is answered by a fact about the U.S., said by an unnamed source: "that source" is the
    one the answer named as saying it."""
    answer = _after(index, "Under what condition would the US say the summit is on track again?", "who said so?",
                    "was that source named?")
    assert answer.reading is not None and "person with knowledge" in answer.reading


def test_his_counterpart_on_a_side_after_a_question_naming_no_side_is_his(index: FactIndex) -> None:
    """"who is Moon Jae-in?" names no side to swap for the North: "who is his counterpart in the North?"
    asks for Moon Jae-in's, whom he met."""
    answer = _after(index, "who is Moon Jae-in?", "who is his counterpart in the North?")
    assert answer.reading == "who is Moon Jae-in's counterpart in the North?"
    assert answer.found and "Kim Jong Un" in answer.answer


def test_a_preposition_of_three_words_before_the_question_word_asks_the_last_question_with_it(index: FactIndex) -> None:
    answer = _after(index, "What did Gadhafi give up in the early 2000s?", "in exchange for what?")
    assert answer.reading == "in exchange for what did Gadhafi give up in the early 2000s?"
    assert answer.found and "sanctions relief" in answer.answer


def test_it_is_the_thing_the_last_question_described_as_its_subject(index: FactIndex) -> None:
    # the answer names the legislature; "it" is what the last question asked about, which no entity names
    answer = _after(index, "How does the vote that failed hurt Moon Jae-in?", "what does it show about South Korea?")
    assert answer.reading == "what does the vote that failed show about South Korea?"


def _harbour_talks(index: FactIndex) -> None:
    from briefings.models import Entity, EntityKind, Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    for entity_id, name, kind in [("harbour-talks", "harbour talks", EntityKind.event),
                                  ("custom-house", "Custom House", EntityKind.place),
                                  ("quay-pact", "Quay Pact", EntityKind.document),
                                  ("river-charter", "River Charter", EntityKind.document)]:
        index.upsert_entity(Entity(id=entity_id, name=name, kind=kind))
    for fact_id, subject, obj, relation, statement in [
        ("talks-venue", "harbour-talks", "custom-house", "held_at", "The harbour talks were held at the Custom House."),
        ("talks-pact", "harbour-talks", "quay-pact", "produced", "The harbour talks produced the Quay Pact."),
        ("house-built", "custom-house", None, "built", "The Custom House is made of grey granite."),
        ("pact-berths", "quay-pact", None, "promised", "The Quay Pact promised twelve new berths for fishing boats."),
        ("pact-dredging", "quay-pact", None, "promised", "The Quay Pact promised to dredge the inner basin."),
        ("charter-dredging", "river-charter", None, "promised", "The River Charter promised to dredge the estuary."),
    ]:
        index.upsert(Fact.model_validate({
            "id": fact_id, "subject": subject, "relation": relation, "object": obj, "topic": "timeline",
            "statement": statement, "provenance": provenance}))


def test_that_noun_is_what_a_name_is_a_kind_of_and_may_be_two_answers_back(fresh_index: FactIndex) -> None:
    """"that building" after an answer about the Custom House: a house is a building (WordNet), though
    neither its name nor a description says so; and it is still the house when the answer between was
    about the pact the talks produced."""
    _harbour_talks(fresh_index)
    answer = _after(fresh_index, "where were the harbour talks held?", "what is that building made of?")
    assert answer.reading is not None and "Custom House" in answer.reading and answer.facts == ["house-built"]
    later = _after(fresh_index, "where were the harbour talks held?", "what came out of them?",
                   "what is that building made of?")
    assert later.reading is not None and "Custom House" in later.reading and later.facts == ["house-built"]


def test_in_there_is_inside_the_document_just_talked_of(fresh_index: FactIndex) -> None:
    """"anything in there about dredging?" after a question about a pact: "in there" is in the pact, as
    "in it" would be, not a place (another document promised dredging too)."""
    _harbour_talks(fresh_index)
    answer = _after(fresh_index, "what did the Quay Pact promise the fishing boats?", "anything in there about dredging?")
    assert answer.reading is not None and "Quay Pact" in answer.reading and answer.facts == ["pact-dredging"]


def _add_facts(index: FactIndex, rows: list[tuple[str, str, str | None, str, str]]) -> None:
    """Facts an admin added, each as (id, subject, object, relation, statement)."""
    from briefings.models import Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    for fact_id, subject, obj, relation, statement in rows:
        index.upsert(Fact.model_validate({"id": fact_id, "subject": subject, "relation": relation, "object": obj,
                                          "topic": "timeline", "statement": statement, "provenance": provenance}))


def _lakeside(index: FactIndex) -> None:
    from briefings.models import Entity, EntityKind

    for entity in [Entity(id="ada-brant", name="Ada Brant", kind=EntityKind.person),
                   Entity(id="olek-vance", name="Olek Vance", kind=EntityKind.person),
                   Entity(id="fishing-quota", name="fishing quota", kind=EntityKind.concept),
                   Entity(id="lakeside-retreat", name="Lakeside retreat", kind=EntityKind.event,
                          description="Unplanned meeting of Ada Brant and Olek Vance at the lake lodge."),
                   Entity(id="lagos", name="Lagos", kind=EntityKind.place),
                   Entity(id="lagos-pilots", name="Lagos harbour pilots", kind=EntityKind.group,
                          aliases=["Lagos pilots"]),
                   Entity(id="quay-board-officials", name="Quay Board officials", kind=EntityKind.group)]:
        index.upsert_entity(entity)
    _add_facts(index, [
        ("ada-met-olek", "ada-brant", "olek-vance", "met",
         "Ada Brant met Olek Vance on Friday to discuss the fishing quota."),
        ("retreat-arranged", "lakeside-retreat", None, "arranged", "The Lakeside retreat was arranged at a day's notice."),
        ("pilots-guided", "lagos-pilots", None, "guided", "Lagos harbour pilots guided the stranded tanker into port."),
        ("pilots-tug", "lagos-pilots", None, "suggested",
         "Lagos harbour pilots suggested that the tanker needs a second tug."),
        ("officials-asked", "quay-board-officials", None, "asked", "Quay Board officials asked for a new breakwater."),
    ])


def test_that_after_two_people_met_is_the_event_of_the_two(fresh_index: FactIndex) -> None:
    """"was that planned?" after "when did Ada last see Olek?": the one event the store tells of as theirs
    (its description names both), not the quota their meeting was about, which the answer named."""
    _lakeside(fresh_index)
    answer = _after(fresh_index, "when did Ada Brant last see Olek Vance?", "how was that arranged?")
    assert answer.reading is not None and "Lakeside retreat" in answer.reading and "quota" not in answer.reading
    assert answer.facts == ["retreat-arranged"]


def test_a_name_typed_in_lower_case_is_said_as_the_store_writes_it(fresh_index: FactIndex) -> None:
    # "quay board officials" read back as "the quay board officials": a common noun's phrase, which "want"
    # may go on; as the store writes it, a name, whose verb "want" is
    _lakeside(fresh_index)
    answer = _after(fresh_index, "what have quay board officials been asking for?", "what do they want built?")
    assert answer.reading == "what do Quay Board officials want built?"


def test_a_group_said_by_a_shorter_name_of_its_own_takes_no_the(fresh_index: FactIndex) -> None:
    # "Lagos harbour pilots" says another name (Lagos): said by its own shorter name, a name, with no "the"
    _lakeside(fresh_index)
    answer = _after(fresh_index, "who guided the stranded tanker into port?", "what do they think the tanker needs?")
    assert answer.reading == "what do Lagos pilots think the tanker needs?"
    assert answer.facts == ["pilots-tug"]


def test_what_someone_suggested_is_what_they_said(fresh_index: FactIndex) -> None:
    # "suggested" reports what was said, putting it as a view: a fact of it answers "what did they say"
    # (and what they did, "guided", they did not say)
    _lakeside(fresh_index)
    answer = fresh_index.answer("what did Lagos harbour pilots say about the tanker?")
    assert answer.found and answer.facts == ["pilots-tug"]


def test_their_of_a_plural_name_takes_the_apostrophe_alone(fresh_index: FactIndex) -> None:
    # a plural that ends in -s is made possessive by "'" alone: "the officials' request", never "officials's"
    _lakeside(fresh_index)
    answer = _after(fresh_index, "what have quay board officials been asking for?", "what was their request about?")
    assert answer.reading is not None and "Quay Board officials' request" in answer.reading


def test_a_decade_does_not_answer_what_year(fresh_index: FactIndex) -> None:
    # "the early 1990s" is ten years, none of which the store says: no answer to "what year", one to "what decade"
    _lakeside(fresh_index)
    _add_facts(fresh_index, [("pilots-licensed", "lagos-pilots", None, "licensed",
                              "Lagos harbour pilots were first licensed in the early 1990s.")])
    assert not fresh_index.answer("what year were the Lagos harbour pilots first licensed?").found
    decade = fresh_index.answer("in what decade were the Lagos harbour pilots first licensed?")
    assert decade.found and decade.facts == ["pilots-licensed"]


def _former_harbour_master(index: FactIndex) -> None:
    from briefings.models import Entity, EntityKind

    _lakeside(index)
    index.upsert_entity(Entity(id="tomas-reed", name="Mr. Tomas Reed", kind=EntityKind.person))
    _add_facts(index, [("olek-harbour-master", "olek-vance", "lagos", "role",
                        "Olek Vance is the former harbour master of Lagos."),
                       ("olek-trained-tomas", "olek-vance", "tomas-reed", "trained",
                        "Olek Vance trained Mr. Tomas Reed as a harbour pilot."),
                       ("tomas-stationed", "tomas-reed", "lagos", "stationed", "Mr. Tomas Reed is stationed in Lagos.")])


def test_a_post_held_before_does_not_answer_where_someone_is_now(fresh_index: FactIndex) -> None:
    # the store says only the post he held once; a question set at the present asks another
    _former_harbour_master(fresh_index)
    assert not fresh_index.answer("where does Olek Vance work nowadays?").found
    assert not fresh_index.answer("what is Olek Vance's job at the moment?").found
    assert fresh_index.answer("who is Olek Vance?").found


def test_he_after_who_is_someone_is_that_one_alone(fresh_index: FactIndex) -> None:
    # the description of Olek Vance names Mr. Reed too; when the facts leave the question about Vance
    # unanswered, "he" is not read again as Mr. Reed
    _former_harbour_master(fresh_index)
    answer = _after(fresh_index, "who is Olek Vance?", "where is he stationed these days?")
    assert not answer.found and answer.reading is not None and "Olek Vance" in answer.reading


def test_a_discourse_marker_closing_who_is_someone_asks_nothing_more(fresh_index: FactIndex) -> None:
    _former_harbour_master(fresh_index)
    plain = fresh_index.answer("who is Olek Vance?")
    assert fresh_index.answer("who is Olek Vance anyway?").facts == plain.facts


def _two_meetings_of_two_mayors(index: FactIndex) -> None:
    from briefings.models import Entity, EntityKind, Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    for entity_id, name, kind, aliases, description in [
        ("ana-ruiz", "Ana Ruiz", EntityKind.person, [], None),
        ("ben-cole", "Ben Cole", EntityKind.person, [], None),
        ("harbour-office", "Harbour Office", EntityKind.place, [], None),
        ("glass-hall", "Glass Hall", EntityKind.place, [], None),
        ("march-3-talks", "March 3 harbour talks", EntityKind.event, ["harbour talks", "March talks"],
         "Talks of Ana Ruiz and Ben Cole on Tuesday, March 3, 2026, at the Harbour Office."),
        ("june-9-talks", "June 9 harbour talks", EntityKind.event, ["harbour talks", "June talks"],
         "Talks of the two mayors on June 9, 2026, at the Glass Hall."),
    ]:
        index.upsert_entity(Entity(id=entity_id, name=name, kind=kind, aliases=aliases, description=description))
    for fact_id, subject, obj, relation, statement, day in [
        ("ruiz-met-cole", "ana-ruiz", "ben-cole", "met", "Ana Ruiz met Ben Cole on Tuesday, March 3, 2026.",
         "2026-03-03"),
        ("office-hosted-march", "harbour-office", "march-3-talks", "site_of",
         "The Harbour Office was the site of the harbour talks on March 3, 2026.", "2026-03-03"),
        ("hall-hosted-june", "glass-hall", "june-9-talks", "site_of",
         "The Glass Hall was the site of the harbour talks on June 9, 2026.", "2026-06-09"),
        ("ruiz-cole-talks-rushed", "march-3-talks", None, "arranged",
         "The talks of Ana Ruiz and Ben Cole on March 3, 2026, were arranged in a rush.", "2026-03-03"),
    ]:
        index.upsert(Fact.model_validate({
            "id": fact_id, "subject": subject, "relation": relation, "object": obj, "topic": "timeline",
            "statement": statement, "dates": [{"day": day}], "provenance": provenance}))


def test_where_was_that_after_when_two_people_got_together_is_their_event_that_day(fresh_index: FactIndex) -> None:
    """"when did A get together with B?", answered by a fact that they met, then "where was that?": the
    one event of theirs the store gives that day for, by the name that says its day, so that "and the
    June one?" has a time to trade. After "where was <the event>?", "that" is the place its answer gave,
    or, when nothing answers of the place, the event itself, though the question named it."""
    _two_meetings_of_two_mayors(fresh_index)
    last = "When did Ana Ruiz get together with Ben Cole?"
    assert _after(fresh_index, last).facts[:1] == ["ruiz-met-cole"]
    answer = _after(fresh_index, last, "where was that")
    assert answer.reading == "where was the March 3 harbour talks?" and "Harbour Office" in answer.answer
    answer = _after(fresh_index, last, "where was that", "and the June one?")
    assert "Glass Hall" in answer.answer
    answer = _after(fresh_index, last, "where was that", "was that arranged in a rush?")
    assert answer.facts == ["ruiz-cole-talks-rushed"], answer.reading


def test_that_before_an_adverb_and_a_bare_verb_is_the_subject_pronoun(index: FactIndex) -> None:
    """"what does that even involve?": "that", an adverb, then the verb its auxiliary leads to; "that" is
    the thing the last answer gave, not a determiner of "even" (an adjective too)."""
    last = "What did John Bolton suggest as a blueprint?"
    assert _after(index, last, "so what does that even involve?").reading == "so what does the Libya model even involve?"
    answer = _after(index, last, "what does that just mean?")
    assert answer.reading == "what does the Libya model just mean?" and "Gadhafi" in answer.answer


def test_says_who_after_a_fact_that_names_no_speaker_is_who_told_it(index: FactIndex) -> None:
    """"says who?" asks the saying as "who says that?" does: of an answer that says no one said it, the
    fact whose person is its source, not that answer again."""
    last = "When was the North Korean team expected in Singapore?"
    assert _after(index, last).facts == ["nk-delegation-arrival"]
    for ask in ("says who?", "who says that?"):
        answer = _after(index, last, ask)
        assert answer.facts == ["delegations-source"], ask


def test_a_clause_of_time_whose_act_points_back_is_the_day_the_last_answer_told_of(index: FactIndex) -> None:
    """"when had he met Kim before noting that?": another act (the meeting), placed in time by the act the
    last answer told of; asked before that answer's day, not of that answer's fact again."""
    last = "What did Moon Jae-in note about regime survival?"
    assert _after(index, last).facts == ["moon-regime-survival"]
    answer = _after(index, last, "and when had he met Kim Jong Un before noting that?")
    assert answer.reading == "and when had Moon Jae-in met Kim Jong Un before May 27, 2018?"
    assert answer.facts[:1] == ["moon-met-kim-weekend"]


def _council_and_pact(index: FactIndex) -> None:
    from briefings.models import Entity, EntityKind

    for entity_id, name, kind in [("harbour-council", "Harbour Council", EntityKind.organisation),
                                  ("quay-pact", "Quay Pact", EntityKind.document),
                                  ("town-hall", "Town Hall", EntityKind.place),
                                  ("mayor-ines", "Ines Varga", EntityKind.person)]:
        index.upsert_entity(Entity(id=entity_id, name=name, kind=kind))
    _add_facts(index, [
        ("council-rejected-pact", "harbour-council", "quay-pact", "rejected",
         "The Harbour Council rejected the Quay Pact at the Town Hall on Tuesday."),
        ("council-cited-dredging", "harbour-council", "quay-pact", "objected_to",
         "The Harbour Council rejected the Quay Pact because of the cost of dredging."),
        ("rejection-hurts-ines", "quay-pact", "mayor-ines", "affects",
         "The rejection of the Quay Pact will weaken mayor Ines Varga's plans for the port."),
    ])


def test_why_after_a_verb_no_fact_says_asks_of_the_act_as_the_answer_worded_it(fresh_index: FactIndex) -> None:
    """"who nixed the pact?", answered by a fact that the council rejected it, then "why?": why they rejected
    it, in the store's word; asked in "nixed", which no fact says, the cause is no fact's."""
    _council_and_pact(fresh_index)
    last = "Who nixed the Quay Pact?"
    assert _after(fresh_index, last).facts[:1] == ["council-rejected-pact"]
    answer = _after(fresh_index, last, "why?")
    assert answer.reading == "why did Harbour Council reject the Quay Pact?"
    assert "council-cited-dredging" in answer.facts


def test_why_is_not_asked_of_the_place_the_last_question_put_the_act_in(fresh_index: FactIndex) -> None:
    """A cause is seldom told with where its act was done: "why?" after "who rejected the pact at the Town
    Hall?" asks why they rejected it."""
    _council_and_pact(fresh_index)
    answer = _after(fresh_index, "Who rejected the Quay Pact at the Town Hall?", "why?")
    assert answer.reading == "why did Harbour Council reject the Quay Pact?"
    assert "council-cited-dredging" in answer.facts


def test_that_before_a_bare_verb_after_do_is_the_thing_just_told_of(fresh_index: FactIndex) -> None:
    """"what does that mean for Ines?": "that" is the subject "does" leads to ("mean" a verb, not a noun
    "that" determines), and stands for what the last answer told of."""
    _council_and_pact(fresh_index)
    answer = _after(fresh_index, "Who rejected the Quay Pact?", "what does that mean for Ines Varga?")
    assert answer.reading == "what does the Quay Pact mean for Ines Varga?"
    assert answer.facts == ["rejection-hurts-ines"]


def test_that_noun_is_said_by_the_name_the_noun_heads(fresh_index: FactIndex) -> None:
    """"those crews" after an answer about "the rescue of the stranded trawler crews": said as "the trawler
    crews", the thing's name the noun heads, not its full name, which is about the rescue."""
    from briefings.models import Entity, EntityKind

    fresh_index.upsert_entity(Entity(id="coast-talks", name="coast guard talks", kind=EntityKind.event))
    fresh_index.upsert_entity(Entity(id="crew-rescue", name="rescue of the stranded trawler crews", kind=EntityKind.event,
                                     aliases=["trawler crews", "stranded crews"]))
    _add_facts(fresh_index, [
        ("talks-plan-rescue", "coast-talks", "crew-rescue", "will_plan",
         "The coast guard talks on Friday will plan the rescue of the stranded trawler crews."),
    ])
    answer = _after(fresh_index, "What will the coast guard talks plan?", "since when have those crews been stranded?")
    assert answer.reading == "since when have the trawler crews been stranded?"


def test_there_after_a_question_that_put_someone_at_an_event_is_at_that_event(fresh_index: FactIndex) -> None:
    """"who will be at the Tromso forum?" + "what will they sign there?": at the forum, not in the town its
    name holds, which the facts about it do not say."""
    from briefings.models import Entity, EntityKind

    for entity_id, name, kind in [("tromso", "Tromso", EntityKind.place), ("tromso-forum", "Tromso forum", EntityKind.event),
                                  ("ana-ruiz", "Ana Ruiz", EntityKind.person), ("ben-cole", "Ben Cole", EntityKind.person)]:
        fresh_index.upsert_entity(Entity(id=entity_id, name=name, kind=kind))
    _add_facts(fresh_index, [
        ("forum-guests", "ana-ruiz", "ben-cole", "will_meet", "Ana Ruiz will meet Ben Cole at the Tromso forum."),
        ("forum-treaty", "ana-ruiz", "ben-cole", "to_sign",
         "Ana Ruiz and Ben Cole hope to sign a ferry treaty at the Tromso forum."),
        ("tromso-port", "tromso", None, "has", "Tromso has a deep-water port."),
    ])
    answer = _after(fresh_index, "Who will be at the Tromso forum?", "what do they hope to sign there?")
    assert answer.reading == "what do Ana Ruiz and Ben Cole hope to sign at the Tromso forum?"
    assert answer.facts[:1] == ["forum-treaty"]


def test_hers_after_a_question_about_his_is_the_other_person(index: FactIndex) -> None:
    """"what's his background?" read as Sung Kim's, then "and hers?": the woman the conversation named with
    him; that the last question asked of him alone passes over him, not over her."""
    answer = _after(index, "Which diplomat met Choe Son Hui at the border?", "what's his background?", "and hers?")
    assert answer.reading == "what's Choe Son Hui's background?" and "senior North Korean official" in answer.answer


def test_who_said_that_is_no_one_who_only_spoke_of_the_same_subject(index: FactIndex) -> None:
    """A spokesman's remark about North Korea's talks did not tell that North Korea took apart a test site:
    a fact of saying tells the last answer only if it shares more with it than whom it is about."""
    answer = _after(index, "What did Pyongyang take apart last week?", "who said so?")
    assert not set(answer.facts) & {"embassy-talks-proceeding", "delegations-source"}


def test_an_act_the_last_answer_says_nothing_of_is_asked_of_what_it_told(fresh_index: FactIndex) -> None:
    """"how did the fishermen react to that?": the last answer (the council denied them a quay) names them
    but says no reacting; the question is not asked of that answer's fact again."""
    from briefings.models import Entity, EntityKind

    _council_and_pact(fresh_index)
    fresh_index.upsert_entity(Entity(id="fishermen", name="harbour fishermen", kind=EntityKind.group,
                                     aliases=["fishermen"]))
    _add_facts(fresh_index, [
        ("council-denied-quay", "harbour-council", "fishermen", "denied", "The Harbour Council denied the fishermen a new quay."),
        ("fishermen-angry", "fishermen", "harbour-council", "reacted_to",
         "The harbour fishermen reacted angrily to the council's refusal of a new quay."),
    ])
    answer = _after(fresh_index, "What did the Harbour Council deny the fishermen?", "how did the fishermen react to that?")
    assert answer.facts == ["fishermen-angry"]


def test_whose_is_it_asks_whose_the_thing_just_named_is(index: FactIndex) -> None:
    answer = _after(index, "What does Panmungak serve as?", "whose is it?")
    assert answer.reading == "whose is Panmungak?"


def test_who_says_with_nothing_said_asks_who_told_the_last_answer(index: FactIndex) -> None:
    last = "When was the North Korean team expected in Singapore?"
    answer = _after(index, last, "who says?")
    assert answer.reading == "who says what my last answer said?" and answer.facts == ["delegations-source"]


def test_a_possessive_after_its_subject_pronoun_is_that_one_s(fresh_index: FactIndex) -> None:
    """"did he keep his promise?": "his" is his own, not another man the conversation named; "her" as an
    object stays someone else."""
    _council_and_pact(fresh_index)
    _add_facts(fresh_index, [("ines-with-kurt", "mayor-ines", None, "praised",
                              "Ines Varga praised Kurt Lind, the harbour master, on Tuesday.")])
    from briefings.models import Entity, EntityKind

    fresh_index.upsert_entity(Entity(id="kurt-lind", name="Kurt Lind", kind=EntityKind.person, aliases=["Mr. Lind"]))
    answer = _after(fresh_index, "Who praised Kurt Lind?", "did she change her plans for the port?")
    assert answer.reading == "did Ines Varga change Ines Varga's plans for the port?"


def test_a_question_word_after_who_and_a_contracted_auxiliary_asks_of_whom_the_answer_named(index: FactIndex) -> None:
    """"who's heading the North Korean team?" + "since when?": the auxiliary written out, and the one the
    answer named as its subject ("since when is Kim Chang Son heading ..."), not "since when 's heading"; in
    "who did Sung Kim meet?", "who" is the object and the question keeps its own subject."""
    answer = _after(index, "who's heading the North Korean team?", "since when?")
    assert answer.reading == "since when is Kim Chang Son heading the North Korean team?"
    answer = _after(index, "Who did Sung Kim meet with on Monday?", "where?")
    assert answer.reading == "where did Sung Kim meet on Monday?"


def test_the_other_side_is_the_party_the_last_answer_set_against_the_one_asked_of(fresh_index: FactIndex) -> None:
    """"and the other party?" after a question about what one country requests, answered by a fact that names
    the country it requests it from: the last question asked of that one; "the other one" of someone named
    with many stays no one (`test_the_other_one_of_someone_named_with_many_is_no_one`)."""
    _two_countries(fresh_index)
    answer = _after(fresh_index, "What does Freedonia request in the bay?", "and the other party?")
    assert answer.reading == "What does Sylvania request in the bay?"


def test_they_after_a_question_about_one_of_two_people_is_the_two(fresh_index: FactIndex) -> None:
    """"who did Ben Cole have lunch with?", "what does she do?" (Ana Ruiz), "what did they talk about?": the
    two people talked of, not the country or the firm the last answer named with her."""
    from briefings.models import Entity, EntityKind

    for entity_id, name, kind, aliases in [("ben-cole", "Ben Cole", EntityKind.person, ["Mr. Cole"]),
                                           ("ana-ruiz", "Ana Ruiz", EntityKind.person, []),
                                           ("norport", "Norport", EntityKind.organisation, [])]:
        fresh_index.upsert_entity(Entity(id=entity_id, name=name, kind=kind, aliases=aliases))
    _add_facts(fresh_index, [
        ("cole-ruiz-lunch", "ben-cole", "ana-ruiz", "lunched", "Ben Cole had lunch with Ana Ruiz in Tromso."),
        ("ruiz-job", "ana-ruiz", "norport", "works_for", "Ana Ruiz is a port engineer at Norport."),
        ("cole-ruiz-topic", "ben-cole", "ana-ruiz", "talked", "Ben Cole and Ana Ruiz talked about the ferry timetable."),
    ])
    answer = _after(fresh_index, "Who did Ben Cole have lunch with?", "what does she do?", "what did they talk about?")
    assert answer.reading == "what did Ben Cole and Ana Ruiz talk about?"
    assert answer.facts[:1] == ["cole-ruiz-topic"]


def test_which_one_is_which_of_the_things_the_last_question_asked_of(fresh_index: FactIndex) -> None:
    """"how many ferries does Norport run?" + "which one is the oldest?": which ferry; "one" stands for the
    noun the last question asked of, not for nothing."""
    from briefings.models import Entity, EntityKind

    fresh_index.upsert_entity(Entity(id="norport", name="Norport", kind=EntityKind.organisation))
    _add_facts(fresh_index, [
        ("norport-ferries", "norport", None, "runs", "Norport runs three ferries on the fjord."),
        ("comet-oldest", "norport", None, "oldest_ferry", "The Comet is the oldest ferry Norport runs."),
    ])
    answer = _after(fresh_index, "How many ferries does Norport run?", "which one is the oldest?")
    assert answer.reading == "which ferry is the oldest?" and "Comet" in answer.answer


def test_the_time_one_is_the_thing_the_last_question_named_of_that_time(fresh_index: FactIndex) -> None:
    """"who attended the June one?" after "where were the harbour talks on March 3?": "one", after "the" and a
    time, is the noun the last question named its event by, which the time then says which of."""
    _two_meetings_of_two_mayors(fresh_index)
    answer = _after(fresh_index, "where were the harbour talks on March 3?", "who attended the June one?")
    assert answer.reading == "who attended the June talks?"


def test_a_question_asked_of_the_last_thing_may_say_its_act_in_other_words(fresh_index: FactIndex) -> None:
    """"who drew the charts?" after a question about the atlas: the fact says the thing asked (charts) and
    the act in other words ("the atlas's charts are by Lena Holm"); the rarest word being the verb is no
    reason to refuse. The thing itself unsaid still is (the vote margin of the test above)."""
    from briefings.models import Entity, EntityKind

    fresh_index.upsert_entity(Entity(id="fjord-atlas", name="fjord atlas", kind=EntityKind.document,
                                     aliases=["the atlas"]))
    _add_facts(fresh_index, [
        ("atlas-scale", "fjord-atlas", None, "scale", "The fjord atlas is drawn at a scale of one to ten thousand."),
        ("atlas-charts", "fjord-atlas", None, "charts_by", "The fjord atlas's charts are by Lena Holm."),
    ])
    answer = _after(fresh_index, "what scale is the fjord atlas drawn at?", "who sketched the charts?")
    assert answer.facts == ["atlas-charts"]


def _river_talks(index: FactIndex) -> None:
    from briefings.models import Entity, EntityKind

    for entity_id, name, kind in [("freedonia", "Freedonia", EntityKind.country),
                                  ("river-talks", "river talks", EntityKind.event)]:
        index.upsert_entity(Entity(id=entity_id, name=name, kind=kind))
    _add_facts(index, [
        ("fr-left-river-talks", "freedonia", "river-talks", "walked_out_of", "Freedonia walked out of the river talks."),
        ("river-talks-resume", "river-talks", None, "scheduled_for", "The river talks are to resume on a date in June."),
    ])


def test_they_in_a_question_of_an_event_are_the_talks_the_last_answer_was_about(fresh_index: FactIndex) -> None:
    """"what did Freedonia walk out of?" + "are they back on?": "they" of a status (or of being held) is the
    plural-named event the answer was about, not the country that left it."""
    _river_talks(fresh_index)
    answer = _after(fresh_index, "What did Freedonia walk out of?", "are they back on?")
    assert answer.reading == "are the river talks back on?"


def test_the_status_of_an_event_not_the_headline_s_is_its_own_schedule(fresh_index: FactIndex) -> None:
    """"are the river talks still on?": not the summit the briefing's headline is about, but what the facts
    that schedule the river talks say; the headline's own event still gets the headline's status."""
    _river_talks(fresh_index)
    assert fresh_index.answer("are the river talks still on?").facts == ["river-talks-resume"]
    assert "is back on" in fresh_index.answer("is the summit still on?").answer


def test_a_name_with_another_word_for_the_last_questions_noun_asks_it_again(index: FactIndex) -> None:
    # a side and a team in talks are both the delegation, as the vocabulary says: the same question of Pyongyang
    answer = _after(index, "Who heads the U.S. side in Singapore?", "and Pyongyang's team?")
    assert answer.reading is not None and answer.reading.endswith("Pyongyang side in Singapore?")
    assert answer.answer.startswith("Kim Chang Son")


def test_a_name_with_a_noun_of_the_question_before_the_last_asks_that_one_again(index: FactIndex) -> None:
    answer = _after(index, "Who heads the U.S. delegation?", "what does he do for a living?",
                    "and Pyongyang's team?")
    assert answer.reading is not None and answer.reading.endswith("Pyongyang delegation?")
    assert answer.answer.startswith("Kim Chang Son")


def test_a_bare_name_does_not_reach_past_the_last_question(index: FactIndex) -> None:
    alone = _after(index, "Who heads the U.S. delegation?", "what does he do for a living?", "and Pyongyang?")
    assert "Kim Chang Son" not in alone.answer


def test_where_is_that_after_where_someone_works_is_the_place_the_answer_gave(fresh_index: FactIndex) -> None:
    """"where does she work?", answered by a fact that names her institute and a conference she spoke of,
    then "where is that based?": "where" asked again of "that" asks where the institute is, not the
    conference; "where was it held?" is still the event."""
    from briefings.models import Entity, EntityKind

    for entity in [Entity(id="lena-park", name="Lena Park", kind=EntityKind.person),
                   Entity(id="tidewater-institute", name="Tidewater Institute", kind=EntityKind.organisation),
                   Entity(id="harbour-forum", name="Harbour Forum", kind=EntityKind.event)]:
        fresh_index.upsert_entity(entity)
    _add_facts(fresh_index, [
        ("park-forum", "lena-park", "harbour-forum", "expected",
         "Lena Park, who works at the Tidewater Institute, expected the Harbour Forum to go ahead."),
        ("institute-in-bergen", "tidewater-institute", None, "based_in", "The Tidewater Institute is based in Bergen."),
        ("forum-in-oslo", "harbour-forum", None, "held_in", "The Harbour Forum was held in Oslo."),
    ])
    last = "where does Lena Park work?"
    assert _after(fresh_index, last).facts[:1] == ["park-forum"]
    answer = _after(fresh_index, last, "where is that based?")
    assert answer.reading == "where is Tidewater Institute based?" and "Bergen" in answer.answer
    assert "Bergen" in _after(fresh_index, last, "where is it based?").answer
    assert "Oslo" in _after(fresh_index, "when was the Harbour Forum?", "where was it held?").answer


def test_the_other_side_after_an_account_is_the_other_party_not_the_source(fresh_index: FactIndex) -> None:
    """"According to a Lisbon envoy, what is Oslo after in the talks?" + "and the other side?": the envoy
    only told it; the other side is the other party the answer named (Bergen), not the envoy's country,
    and "side" is the noun of a party, which the reading does not drop."""
    from briefings.models import Entity, EntityKind

    for entity in [Entity(id="oslo", name="Oslo", kind=EntityKind.country),
                   Entity(id="bergen", name="Bergen", kind=EntityKind.country),
                   Entity(id="lisbon", name="Lisbon", kind=EntityKind.country)]:
        fresh_index.upsert_entity(entity)
    _add_facts(fresh_index, [
        ("oslo-seeks", "oslo", "bergen", "seeks",
         "Oslo is seeking a promise that Bergen will open its fishing grounds, a Lisbon envoy said."),
        ("bergen-seeks", "bergen", "oslo", "seeks",
         "Bergen is seeking a promise that Oslo will lift its tariffs on timber, a Lisbon envoy said."),
    ])
    last = "according to a Lisbon envoy, what is Oslo after in the talks?"
    assert _after(fresh_index, last).facts[:1] == ["oslo-seeks"]
    answer = _after(fresh_index, last, "and the other side?")
    assert answer.reading is not None and "Bergen" in answer.reading and answer.facts[:1] == ["bergen-seeks"]


def test_anything_on_a_matter_after_a_document_asks_what_that_document_says(fresh_index: FactIndex) -> None:
    """"anything about dredging?", a matter alone with no verb, after a question about what a pact promised:
    what that pact says of it, not what another document says (the River Charter promised dredging too)."""
    _harbour_talks(fresh_index)
    answer = _after(fresh_index, "what did the Quay Pact promise the fishing boats?", "anything about dredging?")
    assert answer.reading == "anything about dredging in the Quay Pact?" and answer.facts == ["pact-dredging"]
    also = _after(fresh_index, "what did the Quay Pact promise the fishing boats?", "and anything on dredging?")
    assert also.facts == ["pact-dredging"]


def test_that_before_a_noun_the_store_takes_as_a_name_is_the_one_just_talked_of(fresh_index: FactIndex) -> None:
    """"where was that forum held?" after an answer about the spring forum: "forum" alone names the autumn
    one (its alias), but "that" says the one just talked of; "the forum" alone stays the name."""
    from briefings.models import Entity, EntityKind

    _harbour_talks(fresh_index)
    fresh_index.upsert_entity(Entity(id="autumn-forum", name="Autumn Harbour Forum", kind=EntityKind.event,
                                     aliases=["forum", "the forum"]))
    fresh_index.upsert_entity(Entity(id="spring-forum", name="Spring Quay Forum", kind=EntityKind.event))
    _add_facts(fresh_index, [
        ("autumn-forum-place", "autumn-forum", None, "held_in", "The Autumn Harbour Forum will be held in Lagos."),
        ("pact-signed-at", "quay-pact", "spring-forum", "signed_at", "The Quay Pact was signed at the Spring Quay Forum."),
        ("spring-forum-place", "spring-forum", "custom-house", "held_at", "The Spring Quay Forum was held at the Custom House."),
    ])
    answer = _after(fresh_index, "where was the Quay Pact signed?", "where was that forum held?")
    assert answer.reading is not None and "Spring" in answer.reading and answer.facts == ["spring-forum-place"]
    alone = _after(fresh_index, "where was the Quay Pact signed?", "where will the forum be held?")
    assert alone.facts == ["autumn-forum-place"]


def test_that_before_a_noun_of_two_words_points_to_what_it_names(fresh_index: FactIndex) -> None:
    """"that press agency": one noun of two words (WordNet's), not "that" alone and the verb "press"; it is the
    thing whose description says it is one, not the person whose description says she works at one."""
    from briefings.models import Entity, EntityKind

    fresh_index.upsert_entity(Entity(id="lark-wire", name="Lark Wire", kind=EntityKind.organisation,
                                     description="A press agency in Tallinn that sells photographs."))
    fresh_index.upsert_entity(Entity(id="mira-soll", name="Mira Soll", kind=EntityKind.person,
                                     description="Photographer at Lark Wire, a press agency in Tallinn."))
    _add_facts(fresh_index, [
        ("lark-based", "lark-wire", None, "based_in", "Lark Wire is based in Tallinn, Estonia."),
        ("mira-fire", "mira-soll", None, "photographed", "Mira Soll photographed the harbour fire for Lark Wire."),
    ])
    answer = _after(fresh_index, "who is Mira Soll?", "where is that press agency based?")
    assert answer.reading is not None and "Lark Wire" in answer.reading and answer.facts == ["lark-based"]


def test_the_thing_a_question_presumes_known_is_that_of_what_was_just_talked_about(fresh_index: FactIndex) -> None:
    """"what is on the menu?" after a question about one dinner: the menu of that dinner, though the store
    holds another dinner's menu that answers the question alone as well."""
    from briefings.models import Entity, EntityKind, Fact

    provenance = {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    for entity_id, name in [("harbour-banquet", "Harbour Banquet"), ("glacier-gala", "Glacier Gala")]:
        fresh_index.upsert_entity(Entity(id=entity_id, name=name, kind=EntityKind.event))
    for fact_id, subject, relation, statement in [
        ("banquet-venue", "harbour-banquet", "held_at", "The Harbour Banquet is held in the old customs house of Tromso."),
        ("banquet-menu", "harbour-banquet", "serves", "Smoked char and cloudberries are on the menu of the Harbour Banquet."),
        ("gala-menu", "glacier-gala", "serves", "Reindeer stew and rye bread are on the menu of the Glacier Gala."),
    ]:
        fresh_index.upsert(Fact.model_validate({
            "id": fact_id, "subject": subject, "relation": relation, "topic": "timeline",
            "statement": statement, "provenance": provenance}))
    for event, fact_id in [("Harbour Banquet", "banquet-menu"), ("Glacier Gala", "gala-menu")]:
        answer = _after(fresh_index, f"where is the {event} held?", "what is on the menu?")
        assert answer.facts[:1] == [fact_id]


def test_a_marker_that_closes_a_follow_up_asks_nothing_more(index: FactIndex) -> None:
    """"why though?" is "why?": the closing "though" names nothing the last question is asked of."""
    plain = _after(index, "When did North Korea pull out of the high-level inter-Korean talks?", "why?")
    for ask in ("why though?", "why tho"):
        answer = _after(index, "When did North Korea pull out of the high-level inter-Korean talks?", ask)
        assert answer.reading == plain.reading and answer.answer == plain.answer


def test_a_day_dropped_from_a_why_reading_leaves_no_comma_behind(index: FactIndex) -> None:
    answer = _after(index, "What did Trump say on Thursday, May 24?", "why?")
    assert answer.reading is not None and "," not in answer.reading and "open hostility" in answer.answer


def test_a_noun_of_a_person_after_a_possessive_asks_who_of_the_other_side(index: FactIndex) -> None:
    """"and Pyongyang's man?" after who heads the American team: who heads Pyongyang's, as "and Pyongyang's?"."""
    answer = _after(index, "Who leads the U.S. delegation?", "and Pyongyang's man?")
    assert answer.reading == "Who leads the Pyongyang delegation?" and answer.answer.startswith("Kim Chang Son")


def test_who_said_so_finds_the_source_whose_saying_names_the_team_answered(index: FactIndex) -> None:
    """The source is said of both teams at once; the answer was of one of them."""
    answer = _after(index, "Who leads the North Korean delegation?", "who said so?")
    assert "person with knowledge" in answer.answer


def test_they_is_the_unnamed_source_a_who_said_question_was_answered_with(index: FactIndex) -> None:
    """A source the article leaves unnamed, and says neither "he" nor "she" of, is "they" after "who told
    the press that?": not the country the quoted fact was about."""
    answer = _after(index, "When would Washington announce that the summit was on track again?",
                    "who told the press that?", "is their name known?")
    assert answer.reading is not None and "person with knowledge" in answer.reading
    assert "unnamed" in answer.answer.lower()


def test_after_who_someone_meets_there_is_still_the_meeting(index: FactIndex) -> None:
    """Only a "who" asked of a saying makes the person its answer names what the answer was about: after
    whom someone meets, "there" is still the meeting the answer told of."""
    answer = _after(index, "Whom is Kim Jong Un due to meet in Singapore?", "what will they sign there?")
    assert answer.reading is not None and answer.reading.endswith("at the summit?")
    assert "agreement on denuclearization" in answer.answer


def test_a_term_of_the_vocabulary_asked_of_the_last_thing_is_said_by_what_it_means(index: FactIndex) -> None:
    """"what's on the table?" after the high-level talks: their agenda, which the facts say as what the talks
    will discuss, not the words "on the table"."""
    answer = _after(index, "When do the high-level inter-Korean talks take place?", "so what's on the table?")
    assert answer.reading is not None and "high-level" in answer.reading and "reunion" in answer.answer


def test_who_was_there_is_at_the_one_event_the_last_question_asked_of(index: FactIndex) -> None:
    """"who will be there?" asks who is present at the event just asked about, not who is in a place or body
    the answer happened to name; "who" is its subject, so "there" is no existential one, even with a side named."""
    alone = _after(index, "When is the Singapore summit?", "who will be there?")
    assert alone.reading == "who will be at the Singapore summit?"
    sided = _after(index, "When was the DMZ meeting held?", "who was there for the Americans?")
    assert sided.reading is not None and "DMZ meeting" in sided.reading and "Sung Kim" in sided.answer
