"""Chat messages as people type them in Slack: shorthand, a greeting without a comma, whom a message is
said to, a claim heard and checked. Each reads as the kind of message it is; a question about the story
or the world stays a question. (Examples of our own, not any question set's wording.)"""

from __future__ import annotations

import pytest

from briefings.answering import Asked, FactIndex


@pytest.mark.parametrize(("text", "small_talk"), [
    ("cheers, mate", "thanks"),
    ("morning all", "greeting"),
    ("thx briefbot!", "thanks"),
    ("ok bye everyone", "farewell"),
])
def test_whom_a_message_is_said_to_asks_nothing(index: FactIndex, text: str, small_talk: str) -> None:
    assert index.read(text).small_talk == small_talk


@pytest.mark.parametrize(("text", "asked"), [("any news, team?", Asked.latest), ("what's next, bot", Asked.upcoming)])
def test_a_question_said_to_someone_is_still_its_kind(index: FactIndex, text: str, asked: Asked) -> None:
    assert index.read(text).asked is asked


def test_a_word_of_address_after_a_determiner_is_no_address(index: FactIndex) -> None:
    assert index.read("who is the man").asked is not Asked.small_talk
    assert index.read("are you a bot").small_talk == "identity"


@pytest.mark.parametrize(("text", "asked"), [
    ("yo any news", Asked.latest),
    ("hello bot is it still on", Asked.status),
    ("ok so what comes next", Asked.upcoming),
    ("hi, what is new", Asked.latest),
])
def test_a_courtesy_before_a_question_leaves_the_question(index: FactIndex, text: str, asked: Asked) -> None:
    assert index.read(text).asked is asked


def test_a_thanks_for_something_is_a_thanks(index: FactIndex) -> None:
    assert index.read("thanks for the update").asked is not Asked.latest


@pytest.mark.parametrize("text", ["I hear they postponed the meeting, correct?",
                                  "apparently they called off the meeting, true?", "heard they cancelled it, right?"])
def test_checking_what_one_heard_asks_the_status(index: FactIndex, text: str) -> None:
    assert index.read(text).asked is Asked.status


def test_checking_a_claim_about_something_else_is_no_status(index: FactIndex) -> None:
    assert index.read("is it true that Moon met Kim at the border").asked is not Asked.status


@pytest.mark.parametrize("text", ["so are they still going to meet?", "is the summit still gonna take place"])
def test_going_to_is_the_future_not_words_between_a_cue(index: FactIndex, text: str) -> None:
    assert index.read(text).asked is Asked.status


@pytest.mark.parametrize(("text", "small_talk"), [("tnx!", "thanks"), ("wazzup", "greeting"), ("thanx a lot", "thanks"),
                                                  ("gnite", "farewell")])
def test_crowd_shorthand_whose_reading_is_a_cue_is_that_cue(index: FactIndex, text: str, small_talk: str) -> None:
    assert index.read(text).small_talk == small_talk


@pytest.mark.parametrize(("text", "asked"), [("fresh developments?", Asked.latest), ("forthcoming events?", Asked.upcoming)])
def test_an_adjective_near_an_adjective_cue_is_that_cue(index: FactIndex, text: str, asked: Asked) -> None:
    assert index.read(text).asked is asked


def test_an_adjective_of_a_topic_is_no_cue(index: FactIndex) -> None:
    assert index.read("any military news?").asked is not Asked.latest


@pytest.mark.parametrize(("text", "described"), [("who tf is Joe Hagin", "joe-hagin"), ("background on Sung Kim pls", "sung-kim"),
                                                 ("whats the Peace House, bot", "peace-house")])
def test_a_description_asked_in_chat(index: FactIndex, text: str, described: str) -> None:
    assert index.read(text).describe == described


@pytest.mark.parametrize(("text", "small_talk"), [("heyyy", "greeting"), ("thankss", "thanks"), ("u there?", "greeting"),
                                                  ("how r u", "greeting"), ("what can u do", "abilities")])
def test_small_talk_typed_short_or_drawn_out(index: FactIndex, text: str, small_talk: str) -> None:
    assert index.read(text).small_talk == small_talk


@pytest.mark.parametrize("text", ["who won the super bowl", "wtf is a blockchain", "thx, and who is the pope?",
                                  "is the olympics still on", "hey bot who runs france"])
def test_a_question_the_store_cannot_answer_is_still_refused(index: FactIndex, text: str) -> None:
    assert not index.answer(text).found


@pytest.mark.parametrize(("text", "small_talk"), [("morning :sunny:", "greeting"), ("thx :+1::skin-tone-3:", "thanks"),
                                                  ("alright, see ya later", "farewell"), ("laters all", "farewell")])
def test_an_emoji_shortcode_is_no_word_and_a_short_farewell_is_one(index: FactIndex, text: str, small_talk: str) -> None:
    assert index.read(text).small_talk == small_talk


def test_a_time_with_colons_is_no_emoji_shortcode(index: FactIndex) -> None:
    assert [t.lower for t in index.read("what happened at 10:45:30").linked.question.tokens][-1] != "happened"


@pytest.mark.parametrize(("text", "asked"), [
    ("is the trump kim meetup still happening", Asked.status),  # an informal noun for the meeting
    ("so didnt they call off the sit-down", Asked.status),
    ("wait, has the summit been scrapped?", Asked.status),  # a word that opens the sentence asks nothing
    ("just a quick check, is the summit still on", Asked.status),  # asking to have it checked
    ("whats tomorrows news", Asked.latest),  # a possessive written without its apostrophe
    ("catch me up on todays news", Asked.latest),
    ("tldr pls", Asked.latest),  # chat's "too long; didn't read": the short version
    ("any updates on the summit stuff", Asked.latest),  # a filler noun stands for what it follows
])
def test_a_briefing_request_in_slack_shorthand(index: FactIndex, text: str, asked: Asked) -> None:
    assert index.read(text).asked is asked


def test_remind_me_asks_a_description(index: FactIndex) -> None:
    assert index.read("can you remind me who Sung Kim is").describe == "sung-kim"
    assert index.read("remind me when the summit is").asked is not Asked.describe


def test_a_request_then_why_it_is_asked(index: FactIndex) -> None:
    assert index.answer("what's new, was away all week").asked == Asked.latest.value
    assert index.answer("what's new, been travelling").found
    assert index.answer("who signed it, was it Moon?").asked != Asked.latest.value


@pytest.mark.parametrize(("text", "small_talk"), [(":waving_hand:", "greeting"), ("\U0001f64f", "thanks"),
                                                  (":thumbsup::skin-tone-4:", "acknowledgement"),
                                                  ("\U0001f44d\U0001f3fd", "acknowledgement")])
def test_an_emoji_sent_alone_is_what_it_pictures(index: FactIndex, text: str, small_talk: str) -> None:
    assert index.read(text).small_talk == small_talk


@pytest.mark.parametrize(("text", "described"), [
    ("could u describe sung kim for me", "sung-kim"),  # a polite request, not whether one can
    ("sung kim?? who is that fella", "sung-kim"),  # a name, then a question pointing at it
    ("Sung Kim - what sort of guy is he", "sung-kim"),
    ("what is that building, the peace house", "peace-house"),
    ("eli5 the peace house", "peace-house"),
    ("sung kim in a nutshell", "sung-kim"),
    ("what is the peace house thing folks talk about", "peace-house"),  # a filler noun, then why it is asked
    ("who is sung kim, no clue about him", "sung-kim"),  # the asker's remark pointing back at the name
])
def test_a_description_asked_around_a_name(index: FactIndex, text: str, described: str) -> None:
    assert index.read(text).describe == described


@pytest.mark.parametrize("text", ["sung kim? what did he sign", "who is sung kim, did he meet her",
                                  "the peace house - who owns that", "can you tell me when they meet"])
def test_a_question_about_a_named_thing_stays_a_question(index: FactIndex, text: str) -> None:
    assert index.read(text).asked is not Asked.describe


@pytest.mark.parametrize(("text", "small_talk"), [
    ("\U0001f923", "acknowledgement"),  # laughing, sent alone, as "lol" is
    ("right, gotta go", "farewell"),
    ("later!", "farewell"),  # the comparative, not "the latest"
    ("hi all, new here", "greeting"),
])
def test_laughter_leaving_and_a_newcomer_are_small_talk(index: FactIndex, text: str, small_talk: str) -> None:
    assert index.read(text).small_talk == small_talk


def test_a_time_asked_with_later_is_no_farewell(index: FactIndex) -> None:
    assert index.read("what did they do later").asked is not Asked.small_talk
    assert index.read("latest?").asked is Asked.latest
    assert index.read("and two days later?").asked is not Asked.small_talk  # a time counted on, no leave taken


@pytest.mark.parametrize(("text", "asked"), [
    ("apologies if this was asked before but has the summit been scrapped", Asked.status),
    ("is the summit still on? need to book a flight", Asked.status),  # why it is asked, a stretch of its own
    ("my editor wants to know whether the summit got cancelled", Asked.status),  # who wonders, before "whether"
    ("back from holiday \U0001f3d6 any news", Asked.latest),
    ("can the meeting still be saved", Asked.status),
    ("what are the next steps", Asked.upcoming),
])
def test_a_request_among_asides(index: FactIndex, text: str, asked: Asked) -> None:
    assert index.read(text).asked is asked


@pytest.mark.parametrize("text", ["sorry to bother you but who won the super bowl", "my boss wonders whether the pope is ill",
                                  "back from lunch. who is the pope?"])
def test_an_unknown_thing_among_asides_is_still_refused(index: FactIndex, text: str) -> None:
    assert not index.answer(text).found


@pytest.mark.parametrize(("text", "asked"), [
    ("any updates regarding the summit", Asked.latest),
    ("whats coming up re: the talks", Asked.upcoming),
    ("re the summit - any news", Asked.latest),
    ("latest concerning the meeting?", Asked.latest),
])
def test_a_preposition_of_the_matter_is_no_word_a_fact_must_say(index: FactIndex, text: str, asked: Asked) -> None:
    assert index.read(text).asked is asked


@pytest.mark.parametrize("text", ["whats new, super quick", "fill me in real quick"])
def test_an_intensified_quick_only_makes_a_request_small(index: FactIndex, text: str) -> None:
    assert index.read(text).asked is Asked.latest


@pytest.mark.parametrize(("text", "asked"), [
    # the nouns for the whole matter stand for the story's event, as "the summit" does
    ("any update on the Kim Jong Un situation?", Asked.latest),
    ("fresh news on the diplomacy?", Asked.latest),
    # a request for the news, from a day on, asks what changed since
    ("fill me in on what's been going on since Tuesday", Asked.changed),
])
def test_the_matter_as_a_whole_and_the_news_since_a_day(index: FactIndex, text: str, asked: Asked) -> None:
    assert index.read(text).asked is asked
