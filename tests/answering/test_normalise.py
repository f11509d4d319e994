"""Stage 1: text -> Question."""

from __future__ import annotations

from briefings.answering.lexicon import Lexicon, word_tokens
from briefings.answering.normalise import MAX_QUESTION_CHARS, is_foreign_script, normalise_question


def test_words_keep_their_case_and_lose_possessives_and_dashes() -> None:
    assert [w for w, _ in word_tokens("Pyongyang’s F-16s — U.S. didn't")] == ["Pyongyang", "F16", "U", "S", "did", "not"]


def test_a_word_joined_to_the_one_before_by_a_hyphen_is_marked_as_such() -> None:
    question = normalise_question("Did the F-16s stand-off end - or not?", Lexicon())
    joined = {t.lower: t.hyphenated for t in question.tokens}
    assert joined["off"] and not joined["stand"] and not joined["or"] and not joined["f16"]


def test_each_word_carries_every_lemma_it_can_be() -> None:
    question = normalise_question("Who began the talks they held?", Lexicon())
    lemmas = {t.lower: t.lemmas for t in question.tokens}
    assert "begin" in lemmas["began"] and "hold" in lemmas["held"] and "talk" in lemmas["talks"]


def test_a_capital_inside_the_sentence_marks_a_name() -> None:
    question = normalise_question("what did Putin say", Lexicon())
    assert [t.capitalised for t in question.tokens] == [False, False, True, False]


def test_a_very_long_message_is_read_from_its_start() -> None:
    question = normalise_question("summit " * 5000, Lexicon())
    assert len(question.text) <= MAX_QUESTION_CHARS


def test_another_script_is_recognised() -> None:
    assert is_foreign_script("김정은은 어디에 있나요?")
    assert is_foreign_script("Где проходит саммит?")
    assert not is_foreign_script("Où est le sommet de Singapour?")


def test_negative_contractions_give_their_auxiliary() -> None:
    from briefings.answering.lexicon import words_of

    assert words_of("Kim won't accept, they can't agree") == ["Kim", "will", "not", "accept", "they", "can", "not", "agree"]


def test_a_question_word_with_s_is_the_question_word_and_is() -> None:
    assert word_tokens("Who's in charge? Kim's team") == [("Who", 0), ("is", 3), ("in", 6), ("charge", 9),
                                                           ("Kim", 17), ("team", 23)]


def test_a_question_word_with_d_is_the_question_word_and_did_unless_have_or_be_follows() -> None:
    from briefings.answering.lexicon import words_of

    assert words_of("Where'd the envoy fly after lunch?") == ["Where", "did", "the", "envoy", "fly", "after", "lunch"]
    assert words_of("how'd she vote") == ["how", "did", "she", "vote"]
    assert words_of("who'd have guessed, who'd be next") == ["who", "have", "guessed", "who", "be", "next"]
    assert words_of("She'd left") == ["She", "left"]


def test_a_negated_auxiliary_typed_without_its_apostrophe_is_its_two_words() -> None:
    from briefings.answering.lexicon import unapostrophised

    assert unapostrophised("didnt") == ("did", "not") and unapostrophised("wont") == ("will", "not")
    assert unapostrophised("went") == ("went",) and unapostrophised("agent") == ("agent",)


def test_words_and_gaps_are_the_words_and_the_space_between_their_offsets() -> None:
    from briefings.answering.lexicon import words_and_gaps

    for text in ("Pyongyang’s F-16s — U.S. didn't", "Who's in charge? Kim's team", "Sofitel Legend Metropole; Moon Jae-in",
                 "Café  Réunion, ½ of it", "Kim met Moon at 9 a.m. on June 12, 2018.", "one", ""):
        tokens = word_tokens(text)
        words, gaps = words_and_gaps(text)
        assert words == [w for w, _ in tokens], text
        assert gaps == [b - (a + len(w)) for (w, a), (_, b) in zip(tokens, tokens[1:])], text


def test_chat_shorthand_opening_a_question_is_its_question_word() -> None:
    lexicon = Lexicon()
    assert normalise_question("y did they leave", lexicon).tokens[0].lower == "why"
    assert normalise_question("y", lexicon).tokens[0].lower == "y"  # a lone letter asks nothing
    assert normalise_question("x or y", lexicon).tokens[-1].lower == "y"


def _words(text: str, **options) -> list[str]:
    return [t.lower for t in normalise_question(text, Lexicon(), **options).tokens]


def test_chat_shorthand_is_read_as_the_words_it_stands_for() -> None:
    assert _words("r u gonna brief us") == ["are", "you", "going", "to", "brief", "us"]
    assert _words("Thx, idk the date") == ["thanks", "i", "do", "not", "know", "the", "date"]  # capitalised to open
    assert _words("wat did teh envoy say") == ["what", "did", "the", "envoy", "say"]  # the crowd's function words


def test_a_clipped_unit_of_time_is_read_as_the_unit() -> None:
    # the crowd's clipped units name nothing else; its other one-word readings stay unread ("pvt" is a
    # private in the news, not the crowd's "pervert")
    assert _words("how many yrs did the talks take") == ["how", "many", "years", "did", "the", "talks", "take"]
    assert _words("two hrs after the launch")[1] == "hours"
    assert _words("which pvt crossed the line")[1] == "pvt"


def test_shorthand_is_not_read_in_a_name_an_initial_or_a_word_kept_as_written() -> None:
    assert _words("did the u.s. agree")[2] == "u"  # the "U" of an initialism
    assert _words("what did the US say")[3] == "us"  # a name written in capitals
    assert _words("ppl in charge", as_written={"ppl"}.__contains__)[0] == "ppl"  # a word the store knows
    assert _words("tell me abt rep kim")[2:4] == ["about", "rep"]  # the crowd's "to represent" is no function word


def test_a_question_words_s_without_its_apostrophe_is_is() -> None:
    assert _words("hows the envoy") == ["how", "is", "the", "envoy"]
    assert _words("whos in charge") == ["who", "is", "in", "charge"]


def test_the_emphasis_a_question_word_takes_asks_nothing() -> None:
    assert _words("who the heck signed it") == ["who", "signed", "it"]
    assert _words("why on earth did they leave") == ["why", "did", "they", "leave"]
    assert _words("wth did the envoy promise") == ["what", "did", "the", "envoy", "promise"]
    assert _words("the hell of war") == ["the", "hell", "of", "war"]  # no question word before it


def test_a_drawn_out_word_is_read_as_the_word() -> None:
    assert _words("sooo what happened") == ["so", "what", "happened"]
    assert _words("yesss", chat_words={"yes"}) == ["yes"]
    assert _words("okk", chat_words={"ok"}) == ["ok"]  # a last letter twice: only into a chat word
    assert _words("who is scott") == ["who", "is", "scott"]  # a name, not "scot"
    assert _words("choe son hee")[2] == "hee"  # a slip in a name, not "he"


def test_an_ing_said_without_its_g_is_the_ing() -> None:
    assert _words("what is goin on") == ["what", "is", "going", "on"]
    assert _words("were they talkin") == ["were", "they", "talking"]
    assert _words("who is Stalin")[2] == "stalin"


def test_a_message_is_cut_into_stretches_at_end_marks_dashes_emoji_and_but() -> None:
    question = normalise_question("sorry, silly q but the U.S. team - arrived? \U0001f914 ok", Lexicon())
    assert [t.clause for t in question.tokens] == [0, 0, 0, 1, 1, 1, 1, 1, 2, 3]


def test_an_apostrophe_after_a_plural_marks_its_possessive_as_s_does() -> None:
    question = normalise_question("Where did the pilots' union and the mayor's office meet?", Lexicon())
    owner = {t.lower: t.possessive for t in question.tokens}
    assert owner["pilots"] and owner["mayor"] and not owner["union"] and not owner["office"]
