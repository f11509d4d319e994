"""Stage 3: what a question asks."""

from __future__ import annotations

import pytest

from briefings.answering import Asked, FactIndex
from briefings.answering.classify import Intents
from briefings.answering.model import NeedKind

_PROVENANCE = {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
"""Where the facts these tests add come from."""


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
        ("is it on?", Asked.status),
        ("and is the meeting on or off", Asked.status),
        ("what sort of stuff do you know?", Asked.small_talk),
        ("cheers, much appreciated, very handy", Asked.small_talk),
        ("where do things stand with the talks", Asked.status),
        ("any chance the meeting gets called off?", Asked.status),
        ("the summit: on or off?", Asked.status),
        ("goodbye for now", Asked.small_talk),
        ("fair enough", Asked.small_talk),
        ("a profile of Choe Son Hui, please", Asked.describe),
        ("more on Panmungak?", Asked.describe),
        ("what has changed this week?", Asked.changed),
        ("what happened to the summit earlier this week?", Asked.what),  # a moment gone by, no window up to now
        ("so how's the meeting going?", Asked.status),
        ("what is the situation now?", Asked.status),
        ("could I get a quick update?", Asked.latest),
        ("and for the summit, what comes next", Asked.upcoming),
        ("any news plz", Asked.latest),  # politeness asks nothing more than the cues beside it
        ("what is coming up pls", Asked.upcoming),
        ("has the meeting been withdrawn from", Asked.status),
        ("is the meeting dead", Asked.status),
        ("is anybody home", Asked.small_talk),
        ("you around?", Asked.small_talk),
    ],
)
def test_what_is_asked(index: FactIndex, text: str, asked: Asked) -> None:
    assert index.read(text).asked is asked


def test_courtesies_of_two_kinds_are_small_talk_answered_for_the_last(index: FactIndex) -> None:
    assert index.read("alright, cheers").small_talk == "thanks"
    assert index.read("thanks, goodbye").small_talk == "farewell"
    assert index.read("alright, cheers, when do they meet?").asked is not Asked.small_talk


def test_a_courtesy_may_be_asked_with_how_when_the_how_is_its_own(index: FactIndex) -> None:
    assert index.read("hey, how are you?").asked is Asked.small_talk
    assert index.read("how are the delegations?").asked is not Asked.small_talk


def test_asking_what_the_bot_covers_is_small_talk(index: FactIndex) -> None:
    assert index.read("which topics do you cover?").small_talk == "abilities"
    assert index.read("is anybody there?").small_talk == "greeting"
    assert index.read("which topics did the envoys cover?").asked is not Asked.small_talk


def test_a_question_about_someone_else_is_not_status(index: FactIndex) -> None:
    assert index.read("Did Moon cancel the talks?").asked is not Asked.status


def test_a_cue_yaml_reads_as_a_truth_value_is_refused(tmp_path) -> None:
    path = tmp_path / "intents.yaml"
    path.write_text("status:\n  cues: [status, on]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="quote it"):
        Intents.load(path)


def test_a_thing_of_someones_is_not_someone_described(index: FactIndex) -> None:
    assert index.read("Sung Kim's counterpart?").asked is not Asked.describe


def test_a_clause_of_no_one_in_particular_after_the_name_still_asks_it_described(index: FactIndex) -> None:
    assert index.read("who is Choe Son Hui that everybody quotes?").asked is Asked.describe
    assert index.read("what is the Panmunjom Declaration you cited").asked is Asked.describe
    assert index.read("who is Choe Son Hui meeting?").asked is not Asked.describe


def test_the_kind_of_a_named_thing_in_the_askers_own_noun_asks_it_described(index: FactIndex) -> None:
    assert index.read("which sort of body is the Hansun Foundation?").describe == "hansun-foundation"
    assert index.read("what type of arrangement was the Libya model").asked is Asked.describe
    assert index.read("what kind of jets took part in the drills?").asked is not Asked.describe


def test_on_before_a_noun_is_a_preposition_not_the_event_being_on(index: FactIndex) -> None:
    assert index.read("what's on the schedule of Friday's talks?").asked is not Asked.status


def test_a_question_word_said_after_a_long_yes_no_question_asks_it_of_that_question(index: FactIndex) -> None:
    """"did X happen lately? when": the last word asks when, however far it stands from the start."""
    assert index.read("did the two envoys from Seoul and Pyongyang sit down lately? when").asked is Asked.when
    assert index.read("did the two envoys from Seoul and Pyongyang sit down lately? where").asked is Asked.where
    assert index.read("did the two envoys from Seoul and Pyongyang sit down lately?").asked is Asked.yes_no


def test_a_word_that_opens_the_sentence_does_not_hide_a_yes_no_question(index: FactIndex) -> None:
    assert index.read("so did Kim agree?").asked is Asked.yes_no
    assert index.read("and did Kim agree?").asked is Asked.yes_no


def test_the_thing_asked_must_be_covered(index: FactIndex) -> None:
    needs = index.read("Which hotel will Trump stay at?").needs
    assert [n.label for n in needs if n.hard and n.kind is NeedKind.word] == ["hotel"]


def test_names_the_sources_leave_unnamed_cannot_be_asked(index: FactIndex) -> None:
    assert index.read("What is the name of the senior Seoul official?").unanswerable
    assert not index.read("What is the name of the April 27 agreement?").unanswerable
    assert index.read("What are the joint drills called?").unanswerable  # a thing no name of which is a name
    assert not index.read("What is the border called?").unanswerable  # the Military Demarcation Line
    # described by a name the question links ("US Embassy") and a word of its own ("spokesman")
    assert index.read("Who is the US Embassy's spokesman?").unanswerable
    assert index.read("Who is the ambassador of the U.S. Embassy?").unanswerable is None


@pytest.mark.parametrize(("text", "aside"), [
    ("Besides regime survival, what does North Korea want?", ["regime survival"]),
    ("What did Seoul offer rather than sanctions relief, at the talks?", ["sanctions relief"]),
    ("Which talks did John Bolton propose in place of the summit?", ["the summit"]),
    ("What did Seoul pledge apart from food aid?", ["food", "aid"]),
    ("Who else came to the dinner besides Donald Trump?", ["Donald Trump"]),
    ("Who besides Donald Trump spoke to the envoys?", ["Donald Trump"]),  # up to the verb, not past it
])
def test_besides_sets_a_part_aside(index: FactIndex, text: str, aside: list[str]) -> None:
    assert [n.label for n in index.read(text).needs if n.excluded] == aside


@pytest.mark.parametrize(("text", "asked"), [
    ("Apart from the Chinese delegation, who travelled to Hanoi?", Asked.who),
    ("Other than the joint statement, what documents were released?", Asked.what),
    ("Aside from Kim Yo Jong, which officials went to the Olympics?", Asked.what),
])
def test_a_long_set_aside_opening_neither_hides_the_question_word_nor_is_asked(
        index: FactIndex, text: str, asked: Asked) -> None:
    # the question word may come past the fifth word; "apart", "other", "aside" name no thing asked
    classified = index.read(text)
    assert classified.asked is asked
    assert all(n.label.lower() not in {"apart", "other", "aside"} for n in classified.needs)
    assert any(n.excluded for n in classified.needs)


def test_besides_after_the_question_is_no_thing_asked(index: FactIndex) -> None:
    needs = index.read("What did Seoul pledge apart from food aid?").needs
    assert all(n.label not in {"apart", "aside"} for n in needs)
    assert all(n.label != "aside" for n in index.read("Who spoke aside from Moon Jae-in?").needs)


@pytest.mark.parametrize("text", ["What is the envoy after?", "Apart from trade, what was Seoul after in the talks?",
                                  "what are the two koreas after besides a treaty?"])
def test_a_preposition_left_without_its_object_after_be_is_read_as_its_idiom(index: FactIndex, text: str) -> None:
    # "be after" is to seek: the question word is the object of "after", which says no time
    needs = index.read(text).needs
    assert any(n.label == "be after" and "seek" in n.lemmas for n in needs)
    assert all(n.label != "after" for n in needs)


@pytest.mark.parametrize("text", ["Will the vote be after the summit?", "What will the mood be after the vote?",
                                  "What did Moon say after the meeting?",
                                  "What was Seoul looking for after the talks?"])
def test_a_preposition_with_its_object_after_be_is_no_idiom(index: FactIndex, text: str) -> None:
    assert all(n.label != "be after" for n in index.read(text).needs)


@pytest.mark.parametrize(("text", "asked"), [("wat did Bolton suggest", Asked.what), ("wher is the summit", Asked.where),
                                             ("hw many sites are on the map", Asked.how_many),
                                             ("and Bolton suggested wat", Asked.what)])
def test_a_mistyped_question_word_is_read_as_the_word(index: FactIndex, text: str, asked: Asked) -> None:
    assert index.read(text).asked is asked
    assert all(n.label not in {"wat", "wher", "hw"} for n in index.read(text).needs)


def test_a_common_first_word_is_not_taken_for_a_question_word(index: FactIndex) -> None:
    assert index.read("were the talks held").asked is Asked.yes_no


@pytest.mark.parametrize("text", ["What kind of treaty did the Koreas plan?", "What sort of treaty did the Koreas plan?"])
def test_the_kind_of_frame_is_not_a_word_a_fact_must_say(index: FactIndex, text: str) -> None:
    labels = {n.label for n in index.read(text).needs}
    assert "treaty" in labels and not labels & {"kind", "sort"}


@pytest.mark.parametrize(("text", "noun"), [("Which genre of treaty did the Koreas plan?", "genre"),
                                            ("What flavour of sanctions relief does Pyongyang expect?", "flavour")])
def test_a_noun_wordnet_files_under_kind_is_the_kind_of_frame(index: FactIndex, text: str, noun: str) -> None:
    labels = {n.label for n in index.read(text).needs}
    assert noun not in labels and labels & {"treaty", "sanctions relief"}


def test_a_kind_noun_not_opening_the_question_is_still_a_word(index: FactIndex) -> None:
    # "the brand of" after a name is what the question is about, not its frame
    assert "brand" in {n.label for n in index.read("Did Moon praise the brand of diplomacy Kim showed?").needs}


@pytest.mark.parametrize(("text", "noun"), [("In which city is the Hansun Foundation?", "city"),
                                            ("What date was the summit set for?", "date")])
def test_a_noun_naming_the_kind_of_answer_is_the_answer_not_a_need(index: FactIndex, text: str, noun: str) -> None:
    assert noun not in {n.label for n in index.read(text).needs}


def test_subjects_joined_by_and_are_both_the_subject(index: FactIndex) -> None:
    assert index.read("Where did Trump and Kim Jong Un hold their summit?").subject == {"donald-trump", "kim-jong-un"}


def test_the_subject_is_of_the_relation_asked_not_of_a_noun_that_can_be_a_verb(index: FactIndex) -> None:
    assert index.read("How long was the queue when Moon Jae-in arrived in Busan?").subject == {"moon-jae-in"}


def test_a_noun_in_the_object_of_a_preposition_is_no_verb_with_a_subject(index: FactIndex) -> None:
    """"What happened at the Chinese envoy *talks*?": the word that can be a verb ends the object of
    "at"; the name inside the phrase qualifies it and is the subject of nothing."""
    assert index.read("What happened at the Chinese envoy talks in May?").subject == frozenset()
    # after a word that may open a clause, the phrase may be that clause's subject
    assert index.read("How long since a North Korean envoy last visited Seoul?").subject == {"north-korea"}


def test_a_passive_question_has_no_subject_before_its_participle(index: FactIndex) -> None:
    # the embassy is what was sold: a fact about what North Korea did is no peer's act
    assert index.read("When was the North Korean embassy building sold?").subject == frozenset()
    assert index.read("Who was the aide Kim Jong Un fired?").subject == {"kim-jong-un"}
    assert index.read("When was Kim Jong Un touring Beijing?").subject == {"kim-jong-un"}


def test_a_clause_the_verb_governs_has_a_subject_of_its_own(index: FactIndex) -> None:
    read = index.read("What did Moon Jae-in say Kim Jong Un promised?")
    assert read.subject == {"moon-jae-in"}
    assert read.clause[0] == {"kim-jong-un"} and "promise" in read.clause[1]
    assert index.read("What did Moon Jae-in promise?").clause == (frozenset(), frozenset())
    assert index.read("Why did the National Assembly fail to ratify the Panmunjom Declaration signed by Kim Jong Un?"
                      ).clause == (frozenset(), frozenset())  # the object of "ratify", no clause's subject


@pytest.mark.parametrize("text", ["What has Moon Jae-in said he hopes for?",
                                  "What did the South Koreans say that they would build?"])
def test_what_someone_said_of_their_own_act_asks_that_act(index: FactIndex, text: str) -> None:
    relation = next(n for n in index.read(text).needs if n.relation)
    assert not relation.lemmas & {"say"} and not relation.done_by


def test_a_phrasal_verb_is_one_need_with_its_meanings(index: FactIndex) -> None:
    needs = {n.label: n for n in index.read("What did the North tear down?").needs}
    assert "tear down" in needs and "down" not in needs


def test_an_idiom_of_several_words_is_one_need_read_before_a_phrasal_verb(index: FactIndex) -> None:
    needs = {n.label: n for n in index.read("Whom had the envoy sat down with before Friday?").needs}
    assert "sit down with" in needs and needs["sit down with"].phrasal and "sit down" not in needs
    assert index.lexicon.meanings("sit down with") == ("meet",)  # config/vocabulary.yaml: to meet for talks
    labels = {n.label for n in index.read("Is a peace treaty on the table for the next round?").needs}
    assert "on the table" in labels and "be on" not in labels and "table" not in labels


def test_two_words_english_has_as_one_noun_are_one_need(index: FactIndex) -> None:
    needs = {n.label: n for n in index.read("Which country served as a go-between in 2019?").needs}
    assert "go between" in needs and not needs["go between"].phrasal  # "go-between": a mediator
    labels = {n.label for n in index.read("When did the cease-fire in the west take hold?").needs}
    assert "cease fire" in labels and "fire" not in labels  # a truce, not a blaze
    labels = {n.label for n in index.read("Did they sign a peace treaty?").needs}
    assert {"peace", "treaty"} <= labels  # "peace" alone is no synonym of the treaty
    labels = {n.label for n in index.read("Which football team won the final?").needs}
    assert {"football", "team"} <= labels  # WordNet's "eleven" is a number before it is a team


def test_a_two_word_verb_said_with_a_possessive_before_its_noun_is_one_need(index: FactIndex) -> None:
    needs = {n.label for n in index.read("When did the minister leave her post?").needs}
    assert "leave office" in needs and "post" not in needs  # the noun by a sense of it: "resign"
    needs = {n.label for n in index.read("When did the minister take her place?").needs}
    assert "place" in needs and not any(" " in label for label in needs)  # neither "take place" nor "take aim"


def test_a_verb_that_only_fills_a_role_before_as_is_not_the_act_asked(index: FactIndex) -> None:
    labels = {n.label for n in index.read("Which official is serving as the channel to the envoy?").needs}
    assert "channel" in labels and "serving" not in labels  # the role is what a fact must say
    labels = {n.label for n in index.read("Which official served the envoy?").needs}
    assert "served" in labels  # without "as", the verb is the act


def test_who_did_something_is_not_asking_for_an_unnamed_someone(index: FactIndex) -> None:
    assert index.read("who mediates between the US and the DPRK").unanswerable is None
    assert index.read("Who is the spokesman for the U.S. Embassy in Seoul?").unanswerable is not None


@pytest.mark.parametrize(("text", "relation"), [("Which two leaders were supposed to sign an agreement?", "sign"),
                                                ("What did Choe Son Hui say after the meeting?", "say")])
def test_the_relation_is_the_verb_framed_or_said_of_an_entity(index: FactIndex, text: str, relation: str) -> None:
    assert [n.label for n in index.read(text).needs if n.relation] == [relation]


def test_the_act_of_a_light_verb_is_the_noun_after_it(index: FactIndex) -> None:
    """"Pay a call on": the meaning of "pay" lies in the noun, which is the act a fact must state, and the
    one who pays is the subject, not whom it is paid to."""
    read = index.read("Did Sung Kim ever pay Choe Son Hui a courtesy call in Pyongyang?")
    assert [n.label for n in read.needs if n.relation] == ["call"]
    assert read.subject == {"sung-kim"}
    assert [n.label for n in index.read("When will Moon Jae-in pay a visit to Busan?").needs if n.relation] == ["visit"]
    # a light verb too common to be the relation leaves the noun after it a word like any other
    assert not [n for n in index.read("When did Moon Jae-in make a trip to Busan?").needs if n.relation]


def test_according_to_is_not_a_relation(index: FactIndex) -> None:
    assert not [n for n in index.read("What are the agenda items, according to the official?").needs if n.relation]


def test_an_idiom_meaning_happen_is_not_a_word_a_fact_must_say(index: FactIndex) -> None:
    assert not {"take place", "taking"} & {n.label for n in index.read("When are the meetings taking place?").needs}


def test_who_is_an_unnamed_someone_described_further_is_still_unnamed(index: FactIndex) -> None:
    assert index.read("Who is the senior Seoul official quoted on the summit agenda?").unanswerable is not None


def test_the_word_after_who_is_its_verb(index: FactIndex) -> None:
    assert [n.label for n in index.read("Who runs the Hansun Foundation?").needs if n.relation] == ["runs"]


def test_a_word_after_a_number_is_a_noun(index: FactIndex) -> None:
    assert not [n for n in index.read("What did the two sides say?").needs if n.label == "sides" and n.relation]


def test_a_question_about_earlier_is_neither_what_comes_next_nor_the_latest(index: FactIndex) -> None:
    asked = index.read("What happened to the inter-Korean high-level talks earlier this month?").asked
    assert asked not in {Asked.upcoming, Asked.latest}
    assert index.read("what happens next?").asked is Asked.upcoming


def test_a_determiner_is_not_a_word_a_fact_must_say(index: FactIndex) -> None:
    labels = {n.label for n in index.read("who said those are the two agenda items?").needs}
    assert "those" not in labels and "agenda" in labels


def test_a_word_after_a_determiner_is_a_noun_even_after_an_auxiliary(index: FactIndex) -> None:
    needs = index.read("What was the recent burst of diplomacy about?").needs
    assert not [n for n in needs if n.label == "burst" and n.relation]


@pytest.mark.parametrize(("text", "kind"), [("Which Beijing diplomat flew to Seoul?", "diplomat"),
                                             ("What White House aide went to the border?", "aide")])
def test_a_name_before_the_noun_asked_qualifies_it_as_an_adjective_would(index: FactIndex, text: str,
                                                                           kind: str) -> None:
    assert [n.label for n in index.read(text).needs if n.typed and n.hard] == [kind]


def test_a_number_after_what_counts_the_thing_asked_it_is_not_the_thing(index: FactIndex) -> None:
    typed = [n.label for n in index.read("What three demands did the North make?").needs if n.typed]
    assert typed == ["demands"]


@pytest.mark.parametrize("text", ["According to the article, who leads the U.S. delegation?",
                                  "What does the report say about who leads the U.S. delegation?"])
def test_the_document_that_reports_a_question_is_its_frame_not_a_need(index: FactIndex, text: str) -> None:
    needs = index.read(text).needs
    assert not [n for n in needs if n.label == "according" or "the-article" in n.entity_ids]
    assert index.answer(text).found


def test_a_document_asked_about_is_still_a_need(index: FactIndex) -> None:
    assert any("the-map" in n.entity_ids for n in index.read("What does the map show near the border?").needs)


def test_a_word_after_a_possessive_is_a_noun(index: FactIndex) -> None:
    assert not [n for n in index.read("Who is Moon Jae-in's rival?").needs if n.relation]
    assert [n.label for n in index.read("Who's running the U.S. team?").needs if n.relation] == ["running"]


def test_an_adverb_before_the_verb_is_not_the_verb(index: FactIndex) -> None:
    assert [n.label for n in index.read("Is Kim Jong Un still committed to the summit?").needs
            if n.relation] == ["committed"]


def test_an_adverb_after_a_name_is_not_the_role_asked(index: FactIndex) -> None:
    assert not [n for n in index.read("What is Moon Jae-in still hoping for?").needs if n.label == "still" and n.hard]


def test_the_noun_after_a_long_possessive_name_is_the_thing_of_theirs_asked(index: FactIndex) -> None:
    def hard(question: str) -> list[str]:
        return [n.label for n in index.read(question).needs if n.hard and n.kind is NeedKind.word]

    assert hard("What's Choe Son Hui's phone number?") == ["phone number"]
    assert hard("what is Moon Jae-in's salary") == ["salary"]


def test_a_noun_right_after_a_preposition_is_no_role_asked(index: FactIndex) -> None:
    """"Who was on hand", "who was in attendance": the phrase tells where or how someone was, so a fact need
    not say the noun as the role of the one it names; a role with its determiner still is asked."""
    def hard(question: str) -> list[str]:
        return [n.label for n in index.read(question).needs if n.hard and n.kind is NeedKind.word]

    assert "hand" not in hard("Who was on hand at the ferry terminal to greet the returning crew?")
    assert "attendance" not in hard("Who was in attendance at the launch of the ferry?")
    assert hard("Who was the host at the ferry terminal?")[:1] == ["host"]


def test_the_subject_of_a_verb_after_do_is_not_the_role_asked(index: FactIndex) -> None:
    hard = [n.label for n in index.read("What did the chief Seoul negotiator want?").needs if n.hard and n.kind is NeedKind.word]
    assert "chief" not in hard
    assert [n.label for n in index.read("Who is the president of South Korea?").needs
            if n.hard and n.kind is NeedKind.word] == ["president"]


def test_be_takes_a_participle_so_a_bare_form_after_it_is_a_noun(index: FactIndex) -> None:
    assert not [n for n in index.read("What is Cho Young-key email?").needs if n.relation]
    assert [n.label for n in index.read("Is Kim Jong Un travelling to Singapore?").needs if n.relation] == ["travelling"]


def test_a_determiner_that_starts_a_name_does_not_make_the_next_word_a_noun(index: FactIndex) -> None:
    needs = index.read("What did the Panmunjom Declaration promise on aid?").needs
    assert [n.label for n in needs if n.relation] == ["promise"]


def test_what_happened_asks_of_the_past_not_what_comes_next(index: FactIndex) -> None:
    assert index.read("What happened this week?").asked is not Asked.upcoming
    assert index.read("What happens this week?").asked is Asked.upcoming


def test_an_adverb_weighs_half_a_word_of_its_commonness(index: FactIndex) -> None:
    """"finally", "together" say when or how, not what: a fact that says the leaders met answers
    "when did the two leaders finally sit down together?"."""
    from briefings.answering.classify import ADVERB_WEIGHT
    from briefings.answering.lexicon import Lexicon

    needs = {n.label: n for n in index.read("When did the leaders finally meet?").needs}
    assert needs["finally"].weight == Lexicon.content_weight("finally") * ADVERB_WEIGHT
    assert needs["leaders"].weight == Lexicon.content_weight("leaders")


def test_a_lowercase_inflected_word_in_a_cased_question_is_a_rare_word_not_a_name(index: FactIndex) -> None:
    def name_like(text: str, word: str) -> bool:
        return next(n for n in index.read(text).needs if n.label == word).name_like

    assert not name_like("Where was the ceremony for the geofenced site held?", "geofenced")
    assert name_like("where was the ceremony for the geofenced site held", "geofenced")  # no case to read
    assert name_like("What did the Biegun team say?", "biegun")


def test_a_rare_word_the_dictionary_knows_is_english_in_a_lowercase_question(index: FactIndex) -> None:
    """"exhumed" is too rare for the common-word list, but lemminflect's dictionary, which knows no
    names, has it: English however the question is written, with its lemma."""
    need = next(n for n in index.read("where were the exhumed bodies taken").needs if n.label == "exhumed")
    assert not need.name_like and "exhume" in need.lemmas


def test_a_capitalised_term_the_vocabulary_reads_is_no_name(index: FactIndex) -> None:
    """"GI" is written in capitals as any abbreviation is, but the vocabulary reads it as a soldier: a word
    a fact may say otherwise, not a name the store has never heard of."""
    def need(text: str, word: str):
        return next(n for n in index.read(text).needs if n.label == word)

    assert not need("Which GI drove the truck to the border?", "gi").name_like
    assert not need("Where were the two GIs stationed?", "gis").name_like
    assert need("Where were the two Zorbists stationed?", "zorbists").name_like  # no term: still a name


def test_a_common_word_without_a_part_of_speech_before_a_noun_is_a_name_when_nothing_is_capitalised(
        index: FactIndex) -> None:
    def name_like(text: str, word: str) -> bool:
        return next(n for n in index.read(text).needs if n.label == word).name_like

    assert name_like("who heads the swedish mission in seoul", "swedish")
    assert not name_like("Who heads the swedish mission in Seoul?", "swedish")  # the case says it is no name
    assert not name_like("who heads the nuke programme", "nuke")  # a clipping, rarer than the names


def test_a_word_that_is_only_a_verb_is_not_the_kind_asked(index: FactIndex) -> None:
    needs = {n.label: n for n in index.read("What fears linger over the summit?").needs}
    assert needs["fears"].typed and not needs["linger"].typed


def test_a_word_between_what_and_its_auxiliary_is_the_noun_asked(index: FactIndex) -> None:
    needs = {n.label: n for n in index.read("What phrasing did the envoys object to?").needs}
    assert needs["phrasing"].typed and not needs["phrasing"].relation


def test_a_hyphenated_compound_is_one_noun_and_its_particle_no_word_of_its_own(index: FactIndex) -> None:
    needs = {n.label: n for n in index.read("Were there any set-ups before the vote?").needs}
    assert "set up" in needs and not needs["set up"].phrasal and "ups" not in needs and "set" not in needs
    labels = {n.label for n in index.read("Did the meet-ups worry the envoy?").needs}
    assert "ups" not in labels  # a compound English lacks: its particle is still no word asked


def test_a_verb_form_after_what_with_a_noun_phrase_after_it_is_the_verb(index: FactIndex) -> None:
    needs = {n.label: n for n in index.read("What links the two delegations?").needs}
    assert needs["links"].relation and not needs["links"].hard
    assert [n.label for n in index.read("What plans did the delegations bring?").needs if n.hard] == ["plans"]


def test_an_adverb_before_is_still_asks_what_a_thing_is(index: FactIndex) -> None:
    assert index.read("what exactly is the Hansun Foundation?").describe == "hansun-foundation"
    assert index.read("who really is Kim Chang Son?").describe == "kim-chang-son"


def test_the_noun_after_which_is_the_thing_asked_not_the_two_word_verb_after_it(index: FactIndex) -> None:
    needs = index.read("Which aircraft took part in the exercises?").needs
    assert [n.label for n in needs if n.hard and n.kind is NeedKind.word] == ["aircraft"]


def test_what_the_act_asked_is_done_to_must_be_covered(index: FactIndex) -> None:
    needs = index.read("Who leads the South Korean delegation?").needs
    assert [n.label for n in needs if n.hard and n.kind is NeedKind.word] == ["delegation"]
    assert not index.answer("Who will lead the South Korean side?").found  # leading a country is not leading a side
    gerund = index.read("Who suggested using the Libya model for North Korea?").needs
    assert not [n for n in gerund if n.hard and n.kind is NeedKind.word]


def test_an_adjective_after_how_asks_for_a_degree(index) -> None:
    needs = {n.label: n for n in index.read("How large is the North Korean delegation?").needs}
    assert needs["large"].degree
    assert not any(n.degree for n in index.read("How close are the two Koreas to a deal?").needs)


def test_who_is_someone_unnamed_described_in_other_words_is_unnamed(index: FactIndex) -> None:
    assert index.read("Who is the person that had knowledge of the process?").unanswerable is not None
    assert index.read("Who is the person in charge of the process?").unanswerable is None


def test_a_quantifier_is_a_determiner_not_the_thing_asked(index: FactIndex) -> None:
    needs = {n.label: n for n in index.read("Some word from the spokesman on the talks?").needs}
    assert "some" not in needs and needs["word"].hard


def test_the_word_after_which_is_a_noun_even_in_ing(index: FactIndex) -> None:
    needs = {n.label: n for n in index.read("Which building housed the talks?").needs}
    assert needs["building"].typed and not needs["building"].relation


def test_after_be_and_its_subject_a_verb_is_the_predicate_asked(index: FactIndex) -> None:
    relation = [n.label for n in index.read("Is the Panmunjom Declaration set in stone?").needs if n.relation]
    assert relation == ["set"]  # "set" is its own participle


def test_what_someone_told_is_the_act_asked(index: FactIndex) -> None:
    needs = [n for n in index.read("What did Choe Son Hui tell the envoy?").needs if n.relation]
    assert [n.label for n in needs] == ["tell"] and needs[0].done_by


def test_who_said_asks_the_saying(index: FactIndex) -> None:
    assert [n.label for n in index.read("Who said the talks were going well?").needs if n.relation] == ["said"]


def test_a_participle_after_a_noun_qualifies_it_and_is_not_the_act_asked(index: FactIndex) -> None:
    read = index.read("Who is the source for the reports about the envoys travelling to Seoul?")
    assert not [n for n in read.needs if n.relation]
    assert [n.label for n in index.read("Who is leading the delegation?").needs if n.relation] == ["leading"]


def test_a_kind_asked_in_ing_is_the_noun_not_the_verb_it_comes_from(index: FactIndex) -> None:
    needs = {n.label: n for n in index.read("What building did the army tear down?").needs}
    assert needs["building"].typed and needs["building"].lemmas == {"building"}


def test_how_many_counts_a_noun_not_the_verb_after_an_auxiliary(index: FactIndex) -> None:
    needs = {n.label: n for n in index.read("How many days have passed since the envoys met?").needs}
    assert needs["days"].hard and not needs["passed"].hard
    assert {n.label for n in index.read("How many mediating officials were there?").needs if n.hard} >= {"mediating"}


def test_as_a_names_what_for_not_a_role(index: FactIndex) -> None:
    assert not any(n.hard for n in index.read("What did Trump give Kim as a gift?").needs if n.kind is NeedKind.word)
    assert {n.label for n in index.read("Why was Sung Kim chosen as envoy?").needs if n.hard} >= {"envoy"}


def test_a_name_that_says_which_of_the_next_names_thing_is_covered_by_that_thing(index: FactIndex) -> None:
    needs = {n.label: n.entity_ids for n in index.read("who drew the jsa map?").needs
             if n.kind is NeedKind.entity}
    # the map is described as the JSA's; a name before it, in lower case too, reads the two as the map
    assert any("the-map" in ids for label, ids in needs.items() if label.lower().startswith("jsa"))
    alone = {n.label: n.entity_ids for n in index.read("Which sites does the JSA hold?").needs}
    assert alone["JSA"] == {"joint-security-area"}
    joined = {n.label: n.entity_ids for n in index.read("Who planned the summit with Kim Jong Un?").needs}
    assert joined["Kim Jong Un"] == {"kim-jong-un", "singapore-summit"}  # the summit is described as his
    clause = {n.label: n.entity_ids for n in index.read("When did the drills that angered North Korea end?").needs}
    assert clause["North Korea"] == {"north-korea", "military-exercises"}  # described as angering it


def test_a_phrase_after_the_closing_about_says_how_to_tell_not_what(index: FactIndex) -> None:
    assert index.read("What is the Panmunjom Declaration about, in short?").describe == "panmunjom-declaration"
    assert index.read("What is known about the talks in Singapore?").describe is None


def test_what_a_named_someone_was_given_or_told_is_the_act_asked(index: FactIndex) -> None:
    def acts(question: str) -> list[tuple[str, bool]]:
        return [(n.label, n.done_by) for n in index.read(question).needs if n.relation]

    assert acts("What did Moon promise Kim Jong Un?") == [("promise", True)]
    assert acts("Which sites on the map hosted the summits?") == [("hosted", False)]  # "which" is the doer
    assert acts("What did Moon fault Kim Jong Un for?") == [("fault", False)]  # "what" is the object of "for"


def test_a_reflexive_pronoun_is_no_need(index: FactIndex) -> None:
    assert not [n for n in index.read("What did the assembly itself vote on?").needs if n.label == "itself"]


def test_whom_something_was_told_to_is_not_what_was_done_to(index: FactIndex) -> None:
    def hard(question: str) -> list[str]:
        return [n.label for n in index.read(question).needs if n.hard and n.kind is NeedKind.word]

    assert hard("Who told the envoys about the plan?") == []
    assert hard("Who leads the South Korean delegation?") == ["delegation"]


def test_do_stands_for_any_act_and_is_no_relation_a_fact_must_say(index: FactIndex) -> None:
    for question in ("What was Sung Kim doing in 2016?", "What did Sung Kim do after he left Seoul?"):
        needs = index.read(question).needs
        assert not any(n.lemmas & {"do"} for n in needs)


def test_the_name_of_frame_asks_a_name_and_is_no_word_a_fact_must_say(index: FactIndex) -> None:
    classified = index.read("Names of the team leaders at the Singapore meetings?")
    assert classified.asked is Asked.name
    assert not any(n.label in {"name", "names"} for n in classified.needs)
    # A fact that speaks of names (where they come from) does not answer what the names are.
    answer = index.answer("What are the names of the delegation heads in Singapore?")
    assert answer.found and answer.facts[0] != "delegations-source"


def test_the_act_after_from_is_what_the_verb_before_it_prevented_not_the_relation(index: FactIndex) -> None:
    def relations(question: str) -> list[str]:
        return [n.label for n in index.read(question).needs if n.relation]

    assert relations("why did the senators bar the treaty from being signed?") == []
    assert relations("why did the police keep the envoys from leaving Seoul?") == []
    assert relations("Which senators barred the treaty from being signed?") == ["barred"]


def test_a_list_of_names_after_who_are_asks_each_described(index: FactIndex) -> None:
    both = index.read("who are Moon Jae-in and Choe Son Hui?")
    assert both.describe is None and both.described == ("moon-jae-in", "choe-son-hui")
    assert index.read("Who is Kim Chang Son's boss?").described == ()  # a name that says whose is no list


@pytest.mark.parametrize("text", ["does anybody expect the talks to resume?", "has someone said Kim will attend?",
                                  "did everyone welcome the declaration?"])
def test_an_indefinite_pronoun_is_no_word_a_fact_must_say(index: FactIndex, text: str) -> None:
    """"anybody", "someone": whether someone does, and who; the sources name them."""
    words = {n.label for n in index.read(text).needs if n.kind is NeedKind.word}
    assert not words & {"anybody", "someone", "everyone"}


def test_does_anyone_think_is_answered_by_who_thinks_so(index: FactIndex) -> None:
    answer = index.answer("does anybody believe Trump and Kim will still meet in Singapore?")
    assert answer.found and "Cho Young-key" in answer.answer


@pytest.mark.parametrize("text", ["what is the Panmunjom Declaration really about?", "what's the Libya model chiefly about"])
def test_an_adverb_before_about_still_asks_what_a_thing_is_about(index: FactIndex, text: str) -> None:
    classified = index.read(text)
    assert classified.asked is Asked.describe and classified.describe in {"panmunjom-declaration", "libya-model"}


@pytest.mark.parametrize(("text", "thing"), [("which aide actually leads the delegation?", "aide"),
                                             ("who's really heading the delegation?", None)])
def test_an_adverb_after_the_question_word_is_not_the_thing_asked(index: FactIndex, text: str,
                                                                  thing: str | None) -> None:
    needs = index.read(text).needs
    assert not any(n.hard for n in needs if n.label in {"actually", "really"})
    assert [n.label for n in needs if n.hard and n.kind is NeedKind.word] == ([thing] if thing else [])


@pytest.mark.parametrize(("text", "asked", "left"), [
    ("delegation arrival date", Asked.when, ["delegation", "arrival"]),
    ("preparatory meetings location?", Asked.where, ["preparatory meetings"]),
    ("summit cancellation reason", Asked.why, ["summit", "cancellation"]),
])
def test_a_headline_ending_in_the_kind_of_answer_asks_it(index: FactIndex, text: str, asked: Asked,
                                                         left: list[str]) -> None:
    classified = index.read(text)
    assert classified.asked is asked and [n.label for n in classified.needs] == left


@pytest.mark.parametrize(("text", "asked", "left"), [
    ("delegation meeting dates", Asked.when, ["delegation", "meeting"]),
    ("date of the delegation meeting", Asked.when, ["delegation", "meeting"]),
    ("location preparatory meetings", Asked.where, ["preparatory meetings"]),
])
def test_a_headline_opening_with_the_kind_of_answer_or_ending_in_its_plural_asks_it(
        index: FactIndex, text: str, asked: Asked, left: list[str]) -> None:
    classified = index.read(text)
    assert classified.asked is asked and [n.label for n in classified.needs] == left


def test_a_plural_kind_noun_before_a_later_question_word_leaves_the_kind_to_it(index: FactIndex) -> None:
    assert index.read("the defector is the first one in how many years?").asked is not Asked.year


def test_a_word_the_vocabulary_reads_is_no_name(index: FactIndex) -> None:
    need = next(n for n in index.read("why the sudden pullout?").needs if n.label == "pullout")
    assert not need.name_like  # English's tables lack it; config/vocabulary.yaml says what it means
    assert index.table.near(need.lemmas).get("withdraw") == 1.0


def test_a_phrasal_verb_too_rare_for_the_tables_is_read_by_the_vocabulary(index: FactIndex) -> None:
    need = next(n for n in index.read("when will the envoys touch down?").needs if n.phrasal)
    assert need.label == "touch down" and index.table.near(need.lemmas).get("arrive") == 1.0


def test_a_hyphened_noun_wordnet_knows_only_by_its_kind_is_one_word(index: FactIndex) -> None:
    # WordNet has "think tank" with no synonym, but as a kind of company: one noun, its "think" no verb
    needs = {n.label: n for n in index.read("which think-tank director spoke to the envoys?").needs}
    assert "think" not in needs and "think tank" in needs
    assert needs["director"].typed and not needs["think tank"].typed  # the noun after the compound is the kind asked


def test_a_sit_down_is_a_meeting(index: FactIndex) -> None:
    # config/vocabulary.yaml: news English's noun for talks held, not "take a seat"
    need = next(n for n in index.read("where was the envoys' first sit-down?").needs if "sit" in n.label)
    assert index.table.near(need.lemmas).get("meeting") == 1.0
    # written apart, the words are the verb ("sit down together"), which the noun's entry does not read
    need = next(n for n in index.read("when will the envoys sit down together?").needs if "sit" in n.label)
    assert "meeting" not in index.table.near(need.lemmas)
    answer = index.answer("when did the two leaders of Korea hold their sit-down over the weekend?")
    assert answer.found and "May 26" in answer.answer


def test_a_day_job_is_a_job_and_a_gig_too(index: FactIndex) -> None:
    # config/vocabulary.yaml: "day" of "day job" is no time a fact must say; "gig" is informal for a post
    needs = {n.label: n for n in index.read("what is Sung Kim's day job when he is not an envoy?").needs}
    assert "day" not in needs and index.table.near(needs["day job"].lemmas).get("job") == 1.0
    need = next(n for n in index.read("who gave Hagin the gig?").needs if n.label == "gig")
    assert index.table.near(need.lemmas).get("job") == 1.0
    answer = index.answer("what is Joe Hagin's day job?")
    assert answer.found and "deputy chief of staff" in answer.answer


def test_a_beef_with_something_is_an_objection_to_it(index: FactIndex) -> None:
    # config/vocabulary.yaml: the informal noun with its "with"; alone, "beef" is still the meat
    need = next(n for n in index.read("what is the conservatives' beef with the deal?").needs if "beef" in n.label)
    assert index.table.near(need.lemmas).get("objection") == 1.0
    need = next(n for n in index.read("did beef prices rise in Seoul?").needs if "beef" in n.label)
    assert "objection" not in index.table.near(need.lemmas)


def test_ones_take_on_a_matter_is_a_view_only_after_a_possessive(index: FactIndex) -> None:
    # config/vocabulary.yaml writes the owner as dictionaries do ("one's take on"): any possessive before
    # the noun, a name's "'s" or a pronoun; the verb "take on" (to hire, to face) is left as it is
    for question in ("what is the analyst's take on the odds of a deal?", "and what's her take?"):
        need = next(n for n in index.read(question).needs if "take" in n.label)
        assert "one's" not in need.label and index.table.near(need.lemmas).get("view") == 1.0
    need = next(n for n in index.read("will the firm take on more workers?").needs if "take" in n.label)
    assert "view" not in index.table.near(need.lemmas)
    answer = index.answer("what is Cho Young-key's take on the chances of a deal?")
    assert answer.found and "good chance" in answer.answer


@pytest.mark.parametrize(("read", "term", "means", "ask", "says"), [
    # the idea is what was suggested, no thing a fact must name
    ("whose idea was the Libya comparison?", "idea", "suggest",
     "whose idea was it to hold up Libya as a blueprint for Pyongyang?", "Bolton"),
    # the compound, written with its hyphen; "senior" alone still means older or higher
    ("who sat in the senior-level meeting for Seoul?", "senior", "high",
     "on which day will the Koreas hold senior-level talks?", "June 1"),
    # friction between two armies is tension between them, not rubbing
    ("did the drills add to the friction?", "friction", "tension",
     "how will the Koreas ease the friction between their militaries?", "military tensions"),
    # to torpedo a deal is to wreck it, not to fire at it
    ("which party torpedoed the budget?", "torpedo", "block",
     "which lawmakers torpedoed the Panmunjom Declaration?", "blocked"),
    # to bail on a plan is to pull out of it
    ("did the sponsor bail on the festival?", "bail on", "withdraw",
     "on what day did the U.S. president bail on the meeting with Kim?", "withdraw"),
    # to lay out terms is to set them forth in words, not to arrange them
    ("who laid out the rules of the contest?", "lay out", "say",
     "who laid out the two items on the summit agenda?", "senior Seoul official"),
    # whoever is in charge of a team leads it; "charge" alone is a fee or an accusation
    ("who is in charge of the relief effort?", "in charge of", "lead",
     "who's in charge of North Korea's delegation to the Singapore talks?", "Kim Chang Son"),
    # to walk away from a deal is to withdraw from it, not to go on foot
    ("will the buyer walk away from the merger?", "walk away from", "withdraw",
     "on which day did Trump say he was walking away from the summit?", "May 24"),
    # a snag in a plan is an obstacle, not a torn thread
    ("was there a snag in the rollout?", "snag", "obstacle",
     "is there a snag between the U.S. and North Korea?", "sticking point"),
    # talks that fall apart collapse
    ("did the merger fall apart?", "fall apart", "collapse",
     "when had the talks on the summit fallen apart?", "collapsed"),
    # a government's point man on an issue is the official it puts in charge of it, not a point and a man
    ("who is the bank's point man on trade?", "point man", "representative",
     "who is washington's point man for the summit talks?", "Joe Hagin"),
    # to sort out a row is to resolve it, not to put things in classes
    ("can the neighbours sort out their row?", "sort out", "address",
     "what disagreement were Washington and Pyongyang trying to sort out?", "fundamental disagreement"),
    # to sit across from someone at talks is to meet them
    # news English's analysts of a think tank are its researchers, not psychoanalysts
    ("which analyst did the bank quote?", "analyst", "researcher",
     "which Seoul analyst thought the summit would still go ahead?", "Cho Young-key"),
    # whoever heads to a place travels there; "head" alone is to lead
    ("when does the choir head to Vienna?", "head to", "travel",
     "why were the two teams heading to Singapore?", "preparatory"),
    # a crew is a team of people at work, not only a ship's
    ("who hired the film crew?", "crew", "delegation",
     "who leads the North Korean crew in Singapore?", "Kim Chang Son"),
    # to drop out of talks is to withdraw from them, not only to quit school
    ("did the candidate drop out of the race?", "drop out of", "withdraw",
     "when did North Korea drop out of the high-level talks with the South?", "pulled out"),
    # to spearhead an effort is to lead it
    ("who will spearhead the campaign?", "spearhead", "lead",
     "who is spearheading the North Korean delegation?", "Kim Chang Son"),
    # to iron out differences is to resolve them, not to press clothes
    ("can the partners iron out their differences?", "iron out", "resolve",
     "what disagreement are Washington and Pyongyang trying to iron out?", "fundamental disagreement"),
    # to scuttle a deal is to wreck it, not to sink a ship
    ("who scuttled the merger?", "scuttle", "block",
     "which lawmakers scuttled the Panmunjom Declaration?", "Conservative opposition"),
    # someone's right-hand man is their closest aide
    ("who is the mayor's right-hand man?", "right hand man", "aide",
     "who is Kim Jong Un's right-hand man in Singapore?", "Kim Chang Son"),
    # whoever calls the shots leads
    ("who calls the shots at the firm?", "call the shot", "lead",
     "who is calling the shots in the North Korean delegation?", "Kim Chang Son"),
    # the holdup is what holds things up
    ("what's the holdup with the permit?", "holdup", "obstacle",
     "what's the holdup for Washington and Pyongyang?", "sticking point"),
    ("who will sit across from the mediator?", "sit across from", "meet",
     "which North Korean sat across from Sung Kim at the DMZ?", "Choe Son Hui"),
    # a stumbling block is an obstacle, not tripping over a block
    ("is funding a stumbling block?", "stumble block", "obstacle",
     "what is the stumbling block for Washington and Pyongyang?", "sticking point"),
])
def test_a_phrase_the_vocabulary_reads_asks_what_the_facts_say(index: FactIndex, read: str, term: str, means: str,
                                                                ask: str, says: str) -> None:
    # config/vocabulary.yaml: each phrase is one need, near the words the facts use for it
    need = next(n for n in index.read(read).needs if term in n.label)
    assert index.table.near(need.lemmas).get(means) == 1.0
    answer = index.answer(ask)
    assert answer.found and says in answer.answer


@pytest.mark.parametrize("text", ["what's Sung Kim's normal job?", "what is the regular post of Sung Kim?"])
def test_an_adjective_of_what_is_usual_names_no_thing(index: FactIndex, text: str) -> None:
    # the job is asked, which a fact of the post says; no fact need call it normal or regular
    needs = {n.label: n for n in index.read(text).needs}
    assert needs["job" if "job" in needs else "post"].hard
    answer = index.answer(text)
    assert answer.found and "ambassador" in answer.answer


def test_a_hyphened_verb_and_particle_after_an_adjective_is_the_noun_asked(index: FactIndex) -> None:
    # "the main hang-up": the compound is one noun, the thing asked; "main" only ranks it
    needs = {n.label: n for n in index.read("what is the main hang-up in the talks?").needs}
    assert needs["hang up"].hard and not needs["main"].hard
    answer = index.answer("what's the biggest hang-up for the U.S. and North Korea?")
    assert answer.found and "sticking point" in answer.answer


@pytest.mark.parametrize(("text", "noun"), [("what is the main hangup in the budget talks?", "hangup"),
                                           ("what is the big stumbling block in the budget talks?", "stumble block")])
def test_a_noun_after_an_adjective_of_rank_is_the_thing_asked_though_the_tables_lack_it(
        index: FactIndex, text: str, noun: str) -> None:
    # a word English's tables do not hold, or a term of two words the vocabulary reads as one, after "main"
    # or "big" is the noun that adjective ranks, not a verb: the thing asked, and "main" only ranks it
    needs = {n.label: n for n in index.read(text).needs}
    assert needs[noun].hard and not needs[text.split()[3]].hard


def test_a_verb_of_several_words_in_ing_after_a_noun_qualifies_it(index: FactIndex) -> None:
    # "the envoys heading to Oslo": which envoys, not the act asked (asked of the author, with "is")
    needs = {n.label: n for n in index.read("who is the author of the story on the envoys heading to Oslo?").needs}
    assert not needs["head to"].relation


def test_whether_names_no_thing(index: FactIndex) -> None:
    # it opens the clause asked ("her view on whether they agree"); the tables tag it a noun
    assert "whether" not in [n.label for n in index.read("what is the envoy's view on whether the deal holds?").needs]


def test_a_paper_that_runs_a_story_publishes_it(index: FactIndex) -> None:
    # config/vocabulary.yaml: the news sense of "run", too rare among the verb's senses for the tables
    need = next(n for n in index.read("did any newspaper run the map?").needs if "run" in n.lemmas)
    assert index.table.near(need.lemmas).get("publish") == 1.0
    answer = index.answer("which outlet ran the piece by Andrew Jeong and Chun Han Wong?")
    assert answer.found and "Wall Street Journal" in answer.answer


def test_a_spy_sat_is_a_spy_satellite(fresh_index: FactIndex) -> None:
    # config/vocabulary.yaml: the clipped noun of two words; alone, "sat" is still the past of "sit"
    from briefings.models import Fact

    need = next(n for n in fresh_index.read("who built the spy sat?").needs if "sat" in n.label)
    assert fresh_index.table.near(need.lemmas).get("satellite") == 1.0
    assert not any("sat" in n.label and n.phrasal for n in fresh_index.read("where were the envoys sat?").needs)
    fresh_index.upsert(Fact.model_validate({
        "id": "orbiter", "subject": "north-korea", "relation": "launched", "topic": "timeline",
        "statement": "North Korea launched a reconnaissance satellite called Haebit-2 on March 3, 2022.",
        "dates": [{"day": "2022-03-03"}],
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("what's the name of the North's spy sat?")
    assert answer.found and "Haebit-2" in answer.answer


def test_flyers_are_leaflets_and_a_deal_torn_up_is_scrapped(fresh_index: FactIndex) -> None:
    # config/vocabulary.yaml: WordNet files flyers under adverts and leaflets under booklets, and has
    # "tear up" only for paper
    from briefings.models import Fact

    near = fresh_index.table.near
    flyers = next(n for n in fresh_index.read("who dropped the flyers?").needs if n.label == "flyers")
    assert near(flyers.lemmas).get("leaflet") == 1.0
    torn = next(n for n in fresh_index.read("did Seoul tear up the fishing pact?").needs if "tear" in n.label)
    assert near(torn.lemmas).get("scrap") == 1.0
    fresh_index.upsert(Fact.model_validate({
        "id": "balloon-leaflets", "subject": "south-korea", "relation": "threatened", "topic": "timeline",
        "statement": "Moon Jae-in threatened on May 9, 2021, to scrap the fishing pact unless activists stopped "
                     "floating leaflets north by balloon.", "dates": [{"day": "2021-05-09"}],
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("who said he would tear up the fishing pact over balloon flyers?")
    assert answer.found and "balloon-leaflets" in answer.facts


@pytest.mark.parametrize(("read", "term", "means"), [
    # a common misspelling by the sound; "marshal" is a word of its own, so no slip is read
    ("when was marshal law lifted in Manila?", "marshal law", "martial"),
    # a flop is a failure, which WordNet has only as its broader word
    ("how many flops came before the first launch?", "flops", "failure"),
    # a country's top diplomat is its foreign minister, not any diplomat ranked first
    ("who is Chile's top diplomat?", "top diplomat", "minister"),
    # a legislator is a lawmaker, which WordNet has only as the broader word
    ("how many legislators backed the bill?", "legislators", "lawmaker"),
    # a frontier between countries is their border; WordNet has the two as sister kinds of boundary
    ("who guards the frontier with Laos?", "frontier", "border"),
    # the U.S. Defense Department is named by its building in the news
    ("what did the Defense Department say about the drills?", "defense department", "pentagon"),
    # a defense pact is a treaty of military alliance, whose facts seldom say "defense"
    ("when did Laos sign the defense pact?", "defense pact", "military"),
])
def test_news_english_the_vocabulary_reads_is_near_the_facts_words(index: FactIndex, read: str, term: str,
                                                                   means: str) -> None:
    # config/vocabulary.yaml: each phrase is one need, near the words the facts use for it
    need = next(n for n in index.read(read).needs if n.label == term)
    assert index.table.near(need.lemmas).get(means) == 1.0


def test_to_stand_in_the_way_is_to_block(index: FactIndex) -> None:
    # config/vocabulary.yaml: the idiom is one act; read word by word it is standing somewhere
    needs = [n.label for n in index.read("which lawmakers were standing in the way of the deal in parliament?").needs]
    assert "stand in the way of" in needs and "stand" not in needs
    answer = index.answer("which lawmakers stood in the way of the Panmunjom Declaration?")
    assert answer.found and "blocked" in answer.answer


@pytest.mark.parametrize(("text", "left"), [("what was the casualty count in the clashes?", ["casualty", "clashes"]),
                                           ("what's the final delegate tally", ["final", "delegate"])])
def test_a_noun_phrase_ending_in_a_tally_asks_how_many(index: FactIndex, text: str, left: list[str]) -> None:
    classified = index.read(text)
    assert classified.asked is Asked.how_many and [n.label for n in classified.needs] == left


@pytest.mark.parametrize("text", ["what ended up happening to the envoys?", "what kept happening to the envoys?"])
def test_a_verb_that_frames_happening_is_no_need(index: FactIndex, text: str) -> None:
    assert [n.label for n in index.read(text).needs] == ["envoys"]


def test_a_dateline_asks_the_date_of_the_story(index: FactIndex) -> None:
    answer = index.answer("what dateline does the story carry?")
    assert answer.found and "May 28, 2018" in answer.answer


@pytest.mark.parametrize("text", ["who is the report's source for the names of the envoys?",
                                  "what's the name of the story's source?"])
def test_a_name_written_with_s_is_whose_thing_is_asked_not_the_one_asked(index: FactIndex, text: str) -> None:
    assert index.read(text).unanswerable is None  # the story has no name of its own; its source is asked


def test_an_indefinite_pronoun_of_a_thing_is_no_need(index: FactIndex) -> None:
    # "anything", "something": they stand for what is asked, which a fact says in words of its own
    for text in ("Did the envoys hear something from Hanoi?", "Did the envoys bring anything back from Hanoi?"):
        assert not [n for n in index.read(text).needs if n.label in {"something", "anything"}]


def test_a_phrasal_verb_split_by_a_filler_noun_is_one_verb(index: FactIndex) -> None:
    # "sort things out" is "sort out"; a pronoun between ("sort it out") is left for the conversation
    labels = [n.label for n in index.read("Have the envoys managed to sort things out yet?").needs]
    assert "sort out" in labels and "thing" not in labels and "things" not in labels
    assert "sort out" not in [n.label for n in index.read("Did the envoys sort it out?").needs]


def test_per_before_a_name_is_the_reporting_frame_as_according_to_is(index: FactIndex) -> None:
    # "per Moon" is "according to Moon": the source, whose name is still a need, not a word to say
    labels = [n.label for n in index.read("Is the summit back on track, per Moon Jae-in?").needs]
    assert "per" not in labels and any("Moon" in label for label in labels)


def test_dangling_something_in_front_of_someone_is_offering_it(index: FactIndex) -> None:
    # config/vocabulary.yaml: to dangle it in front of someone is to hold it out as an incentive
    needs = [n.label for n in index.read("Which incentives did Washington dangle in front of Pyongyang?").needs]
    assert "dangle in front of" in needs and "front" not in needs
    assert index.lexicon.meanings("dangle in front of") == ("offer",)


def test_an_idiom_of_opening_or_coming_into_force_is_one_need(index: FactIndex) -> None:
    # config/vocabulary.yaml: a place that opens its doors opens; a law that comes into force takes effect
    needs = [n.label for n in index.read("When did the new embassy in Hanoi open its doors?").needs]
    assert "open its door" in needs and "door" not in needs and "doors" not in needs
    assert index.lexicon.meanings("open its door") == ("open",)
    needs = [n.label for n in index.read("When did the trade pact come into force?").needs]
    assert "come into force" in needs and "force" not in needs and "come" not in needs


@pytest.mark.parametrize(("text", "left"), [
    ("What was the goal of the hotel talks?", ["hotel", "talks"]),
    ("what's the motive for the drills", ["drills"]),
    ("What was the envoy's trip aimed at?", ["envoy", "trip"]),
    ("what were the visits meant to accomplish", ["visits"]),
])
def test_a_noun_or_participle_of_purpose_asks_why(index: FactIndex, text: str, left: list[str]) -> None:
    """What a thing was for is why it was done: the purpose noun or participle frames, it is no need."""
    classified = index.read(text)
    assert classified.asked is Asked.why and [n.label for n in classified.needs] == left


def test_a_purpose_clause_answers_what_a_meeting_was_for(index: FactIndex) -> None:
    answer = index.answer("What was the goal of the meeting at the DMZ?")
    assert answer.found and answer.facts[0] == "dmz-meeting-purpose"


def test_giving_up_nuclear_weapons_is_the_storys_denuclearization(index: FactIndex) -> None:
    """config/vocabulary.yaml: the phrase is one need, not "give up" (stop) and a weapon."""
    need = next(n for n in index.explain("When will the North give up its nuclear weapons?")[0].needs if "give" in n.label)
    assert need.label.startswith("give up its nuclear") and need.near.get("denuclearization") == 1.0
    answer = index.answer("What did Moon say about Kim giving up nuclear weapons?")
    assert answer.found and answer.facts[0] == "moon-kim-devoted-denuclearization"


@pytest.mark.parametrize(("text", "left"), [
    ("who will attend, per the report?", ["attend"]),
    ("how many seats per delegation?", ["seats", "per", "delegation"]),
])
def test_per_before_a_determiner_is_according_to(index: FactIndex, text: str, left: list[str]) -> None:
    """"Per the report" frames the question as "according to" does; "per delegation" is "for each"."""
    assert [n.label for n in index.read(text).needs] == left


def test_a_full_name_only_the_events_description_holds_is_that_party_not_the_event(index: FactIndex) -> None:
    assert index.read("so, the latest on Kim Jong Un?").asked is Asked.describe
    assert index.read("so, the latest on the Trump-Kim meeting?").asked is Asked.latest  # words of its name
    assert index.read("has the meeting with Kim Jong Un been scrapped?").asked is Asked.status  # beside the event


@pytest.mark.parametrize(("text", "relation"), [("Where did Moon last meet Kim Jong Un?", "meet"),
                                                ("did Kim ever visit Seoul?", "visit")])
def test_an_adverb_between_the_subject_and_the_bare_verb_is_no_relation(index: FactIndex, text: str,
                                                                         relation: str) -> None:
    assert [n.label for n in index.read(text).needs if n.relation] == [relation]
@pytest.mark.parametrize("text", ["stop", "test", "testing", "wait", "quit it"])
def test_a_bare_verb_said_to_the_bot_asks_nothing_and_gets_the_help_reply(index: FactIndex, text: str) -> None:
    assert index.read(text).small_talk == "abilities"


@pytest.mark.parametrize("text", ["stop?", "agenda", "date", "stopped", "who stopped it", "test site"])
def test_a_terse_question_is_no_bare_order(index: FactIndex, text: str) -> None:
    assert index.read(text).asked is not Asked.small_talk


def test_a_headline_ending_in_name_asks_what_it_is_called(index: FactIndex) -> None:
    classified = index.read("think tank analyst name")
    assert classified.asked is Asked.name
    assert "name" not in {n.label for n in classified.needs}  # the kind of answer, which no fact need say


@pytest.mark.parametrize(("text", "asked"), [
    ("On which days did the envoys visit Seoul?", Asked.when),
    ("In what months were the drills held?", Asked.when),
    ("Which cities did Moon tour?", Asked.where),
])
def test_a_plural_kind_noun_asks_the_same_kind_as_its_singular(index: FactIndex, text: str, asked: Asked) -> None:
    assert index.read(text).asked is asked


def test_an_opening_according_to_clause_comes_before_the_question_word(index: FactIndex) -> None:
    """"According to X, how many ...": the question word past the source's name is still read."""
    classified = index.read("According to the White House spokesman in Washington, how many envoys came?")
    assert classified.asked is Asked.how_many
    assert {"spokesman", "envoys"} <= {n.label for n in classified.needs}


@pytest.mark.parametrize("text", [
    "Where precisely did the envoys sign the deal?",
    "Moon was living where before he ran for office?",
])
def test_an_adverb_right_after_the_question_word_is_no_thing_asked(index: FactIndex, text: str) -> None:
    assert not any(n.hard for n in index.read(text).needs if n.kind is NeedKind.word)


def test_own_after_a_possessive_is_no_need_and_the_noun_after_it_is_asked(index: FactIndex) -> None:
    needs = index.read("What was Moon's own view of the deal?").needs
    assert "own" not in {n.label for n in needs}
    assert next(n for n in needs if n.label == "view").hard


def test_an_envoy_is_a_special_representative(fresh_index: FactIndex) -> None:
    """config/vocabulary.yaml: the title a government gives its envoy; WordNet has it only as a broader word."""
    from briefings.models import Entity, EntityKind, Fact

    assert fresh_index.table.near(frozenset({"envoy"})).get("representative") == 1.0
    for entity_id, name in [("freedonia", "Freedonia"), ("sylvania", "Sylvania")]:
        fresh_index.upsert_entity(Entity(id=entity_id, name=name, kind=EntityKind.country))
    fresh_index.upsert(Fact.model_validate({
        "id": "fr-rep", "subject": "freedonia", "relation": "appointed", "object": "sylvania", "topic": "people",
        "statement": "Freedonia appointed the lawyer Ana Ruiz as its special representative for Sylvania.",
        "provenance": {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z",
                       "recorded_by": "console:ana"}}))
    assert fresh_index.answer("who is Freedonia's envoy for Sylvania?").facts == ["fr-rep"]


@pytest.mark.parametrize(("text", "relation"), [
    ("when did the united states and south korea announce the drills", "announce"),  # names written small
    ("Where did Kim Jong Un himself travel after the talks?", "travel")])  # a reflexive that stresses the subject
def test_a_bare_verb_after_its_subjects_names_is_the_relation(index: FactIndex, text: str, relation: str) -> None:
    assert [n.label for n in index.read(text).needs if n.relation] == [relation]


def test_linked_names_stand_in_for_capitals_only_in_a_question_written_without_any(index: FactIndex) -> None:
    from briefings.answering.classify import _small_name_positions

    def positions(text: str) -> frozenset[int]:
        classified = index.read(text)
        return _small_name_positions(classified.needs, classified.linked.question.tokens)

    assert positions("when will the united states and south korea hold the drills")  # no capitals anywhere
    # with capitals, a linked name written small is a description ("the highest-level defector")
    assert not positions("When will the highest-level defector meet Moon Jae-in?")


def test_a_place_named_in_lowercase_after_a_path_or_a_going_is_a_name(index: FactIndex) -> None:
    """"over *norway*", "fly back to *oslo*": in a question written in lower case, a place WordNet knows is
    still a name, when a preposition places it (of a path, or where a going ends); a fact must say it.
    Not after another word ("wrote to norway"), nor a place-word English reads as a verb ("in reading")."""
    def name_like(text: str, label: str) -> bool:
        return next(n for n in index.read(text).needs if n.label == label).name_like

    assert name_like("when did the drone fly over norway", "norway")
    assert name_like("when did the envoy fly back to oslo", "oslo")
    assert not name_like("when did the envoy write to norway", "norway")
    assert not name_like("what did he say in reading the statement", "reading")
def test_what_happened_at_a_time_reckoned_from_the_event_is_no_status(index: FactIndex) -> None:
    """"What happened two days after the summit" asks for the facts of that time, not how the summit stands."""
    assert index.read("what happened two days after the summit").asked is not Asked.status


def test_a_moment_gone_by_asks_what_was_not_the_status(index: FactIndex) -> None:
    assert index.read("has the meeting been called off").asked is Asked.status
    assert index.read("was the meeting ever called off").asked is not Asked.status
    assert index.read("at one point was the meeting called off").asked is not Asked.status


@pytest.mark.parametrize("text", ["the largest obstacle to a ceasefire?", "what's the toughest hurdle left"])
def test_a_superlative_before_the_thing_asked_ranks_it_and_the_noun_is_asked(index: FactIndex, text: str) -> None:
    """A superlative ranks the things its noun names, as "main" or "key" does: the noun after it is the
    thing asked, which a fact must say; a fact need not call it the largest."""
    hard = [n.label for n in index.read(text).needs if n.hard]
    assert hard == [n.label for n in index.read(text).needs if n.label in {"obstacle", "hurdle"}]


def test_a_noun_after_a_name_that_qualifies_it_is_no_verb_when_its_verb_follows(index: FactIndex) -> None:
    """"when did the Canadian *pilot* land": a noun that could be a verb, after the determiner and a name
    that qualifies it, with a verb right after it, heads the subject; it is not the act asked."""
    needs = index.read("When did the Canadian pilot land in Seoul?").needs
    assert not any(n.relation for n in needs if n.label == "pilot")


def test_a_countrys_team_in_talks_is_its_delegation(index: FactIndex) -> None:
    need = next(n for n in index.read("who headed the southern team at the border talks?").needs if n.label == "team")
    assert index.table.near(need.lemmas).get("delegation") == 1.0  # config/vocabulary.yaml


@pytest.mark.parametrize("text", ["how long since the Panmunjom Declaration was signed?",
                                  "how many days since the DMZ meeting?"])
def test_the_word_that_opens_a_span_asked_is_no_hard_need(index: FactIndex, text: str) -> None:
    """"How long since X": the span from X on is asked; a fact that dates X or counts the span need not
    say "since" (the thing counted, "days", still must be said)."""
    needs = index.read(text).needs
    assert not any(n.hard for n in needs if n.label == "since")
    assert all(n.hard for n in needs if n.label == "days")


@pytest.mark.parametrize("text", ["what's special about the Panmunjom Declaration?",
                                  "whats so notable about the panmunjom declaration",
                                  "What is unusual about the Panmunjom Declaration?"])
def test_what_marks_a_thing_out_is_asked_as_its_description(index: FactIndex, text: str) -> None:
    """"What's special about X": the adjective is the asker's frame, no word a fact must say; X is described."""
    classified = index.read(text)
    assert classified.asked is Asked.describe and classified.describe == "panmunjom-declaration"
    assert all(n.kind is NeedKind.entity for n in classified.needs)


def test_going_to_before_a_verb_is_the_future_tense_not_a_word_asked(index: FactIndex) -> None:
    """"Is he going to sign": no more than "will he sign"; "going" alone ("where are they going") is still the act."""
    labels = {n.label for n in index.read("Where is the Panmunjom Declaration going to be ratified?").needs}
    assert "going" not in labels and "to" not in labels
    assert "going" in {n.label for n in index.read("Where is Kim Chang Son going?").needs}


def test_an_adverb_after_who_is_asks_no_more_than_who_is(index: FactIndex) -> None:
    """"Who is actually X" asks what "who *really* is X" does: who X is, no role called "actually"."""
    assert index.read("who is actually Kim Chang Son?").asked is Asked.describe
    assert index.read("who is actually going to be at the Singapore summit?").asked is Asked.describe


def test_a_verb_after_a_possessive_is_a_noun_not_a_phrasal_verb(index: FactIndex) -> None:
    """"Moon's *take on* the talks" and "his *take on* them" are nouns with their object; "did they take on the
    task" is the phrasal verb."""
    assert not any(n.phrasal for n in index.read("What is Moon Jae-in's take on the Singapore talks?").needs)
    assert not any(n.phrasal for n in index.read("What is his take on the Singapore talks?").needs)
    assert any(n.phrasal and n.label == "take on" for n in index.read("Did Moon Jae-in take on the task?").needs)


def test_the_noun_after_name_of_the_is_the_kind_asked(index: FactIndex) -> None:
    """"Name of the *charter* the mayors signed": after the determiner, the noun says the kind of thing whose
    name is asked, as "which charter" does."""
    needs = index.read("name of the charter the two mayors signed in Busan?").needs
    assert [n.label for n in needs if n.typed] == ["charter"]


def test_the_name_of_a_thing_the_sources_name_only_by_a_common_noun_in_another_number_is_unsaid(
        index: FactIndex) -> None:
    """The drills are only ever "drills" or "exercises": asked what "that drill" was called, the reply says
    the sources never name it; which drill of several is asked is another question."""
    assert index.read("So what was that drill called again?").unanswerable is not None
    assert index.read("Which drill was called Ulchi?").unanswerable is None


def test_the_boot_given_to_someone_is_their_dismissal(fresh_index: FactIndex) -> None:
    # config/vocabulary.yaml: "give someone the boot" dismisses them; "boot" alone is still footwear
    from briefings.models import Fact

    need = next(n for n in fresh_index.read("did the coach get the boot?").needs if "boot" in n.label)
    assert fresh_index.table.near(need.lemmas).get("dismiss") == 1.0
    need = next(n for n in fresh_index.read("what colour was the hiker's boot?").needs if "boot" in n.label)
    assert "dismiss" not in fresh_index.table.near(need.lemmas)
    fresh_index.upsert(Fact.model_validate({
        "id": "hagin-out", "subject": "donald-trump", "relation": "dismissed", "object": "joe-hagin",
        "topic": "people", "statement": "Donald Trump dismissed Joe Hagin as deputy chief of staff on March 4, 2019.",
        "dates": [{"day": "2019-03-04"}],
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("when did trump give hagin the boot?")
    assert answer.found and "March 4" in answer.answer


def test_a_particle_ending_the_question_after_the_object_is_the_verbs(fresh_index: FactIndex) -> None:
    # "send the coach back": English puts a short object between a phrasal verb and its particle
    from briefings.models import Fact

    needs = {n.label: n for n in fresh_index.read("when did the club send the new coach back?").needs}
    assert needs["send back"].phrasal and not needs["coach"].relation
    needs = {n.label: n for n in fresh_index.read("when did the league call the final off").needs}
    assert "call off" in needs
    # the particle that makes a verb with the word right before it, and a pronoun object, are read as before
    assert "break down" in {n.label for n in fresh_index.read("when did the summit talks break down?").needs}
    assert "send back" not in {n.label for n in fresh_index.read("did they send him back?").needs}
    fresh_index.upsert(Fact.model_validate({
        "id": "cyclist-expelled", "subject": "north-korea", "relation": "expelled", "topic": "timeline",
        "statement": "North Korea expelled the Swedish cyclist Lena Ortiz on May 3, 2019.",
        "dates": [{"day": "2019-05-03"}],
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("when did pyongyang send lena ortiz back")
    assert answer.found and "May 3" in answer.answer


def test_what_is_repatriated_is_returned(fresh_index: FactIndex) -> None:
    # config/vocabulary.yaml: a word too rare for the English tables, said by a fact of people or remains returned
    from briefings.models import Fact

    need = next(n for n in fresh_index.read("when were the refugees repatriated?").needs if "repatriat" in n.label)
    assert fresh_index.table.near(need.lemmas).get("return") == 1.0
    fresh_index.upsert(Fact.model_validate({
        "id": "fishermen-returned", "subject": "north-korea", "relation": "returned", "object": "south-korea",
        "topic": "timeline", "dates": [{"day": "2019-06-09"}],
        "statement": "North Korea returned three South Korean fishermen across the sea border on June 9, 2019, "
                     "at a ceremony in the port of Sokcho.",
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("in which port were the fishermen repatriated?")
    assert answer.found and "Sokcho" in answer.answer


def test_the_document_leaders_issue_is_their_statement(fresh_index: FactIndex) -> None:
    # config/vocabulary.yaml: in diplomacy a document is a statement, a declaration or an agreement
    from briefings.models import Fact

    need = next(n for n in fresh_index.read("what document did the ministers sign?").needs if n.label == "document")
    assert fresh_index.table.near(need.lemmas).get("declaration") == 1.0
    fresh_index.upsert(Fact.model_validate({
        "id": "shipbuilding-statement", "subject": "moon-jae-in", "relation": "issued", "object": "donald-trump",
        "topic": "positions", "dates": [{"day": "2019-03-03"}],
        "statement": "Moon Jae-in and Donald Trump issued a joint statement on shipbuilding at the White House on "
                     "March 3, 2019.",
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("what kind of document did moon and trump put out on shipbuilding?")
    assert answer.found and "joint statement" in answer.answer


@pytest.mark.parametrize("question", ["what are the upcoming dates?", "any upcoming dates i should know?",
                                      "what are the dates coming up?", "the upcoming dates, please?"])
def test_the_days_asked_of_what_comes_next_are_what_the_coming_events_give(index: FactIndex, question: str) -> None:
    # the coming events are listed each with its day: "dates" names the kind of answer, not a thing of its own
    assert index.read(question).asked is Asked.upcoming


def test_a_date_asked_of_a_thing_is_no_question_of_what_comes_next(index: FactIndex) -> None:
    assert index.read("What date was the summit first set for?").asked is not Asked.upcoming


def test_a_body_of_people_is_a_group_and_the_bodies_of_the_dead_remains(fresh_index: FactIndex) -> None:
    # config/vocabulary.yaml: the English tables give "body" only the words of anatomy
    from briefings.models import Fact

    need = next(n for n in fresh_index.read("which body approved the budget?").needs if n.label == "body")
    assert fresh_index.table.near(need.lemmas).get("group") == 1.0
    need = next(n for n in fresh_index.read("were the bodies of the sailors found?").needs if n.label == "bodies")
    assert fresh_index.table.near(need.lemmas).get("remains") == 1.0
    fresh_index.upsert(Fact.model_validate({
        "id": "shipbuilding-group", "subject": "moon-jae-in", "relation": "agreed", "object": "donald-trump",
        "topic": "positions", "dates": [{"day": "2019-03-03"}],
        "statement": "Moon Jae-in and Donald Trump agreed at the White House on March 3, 2019, creating a joint "
                     "consultative group on shipbuilding.",
        "provenance": _PROVENANCE}))
    answer = fresh_index.answer("what body did moon and trump set up in march 2019?")
    assert answer.found and "consultative group" in answer.answer


@pytest.mark.parametrize("text", ["What is on the menu of the banquet?", "Which towns are on the far side of the fjord?"])
def test_be_and_a_preposition_with_its_object_is_no_phrasal_verb(index: FactIndex, text: str) -> None:
    """"be on" before its object is "be" and a place, not the phrasal verb English has ("get on"), which
    the vocabulary does not know: no fact has to say it."""
    assert all(n.label != "be on" for n in index.read(text).needs)


def test_back_between_a_verb_and_its_particle_says_again_and_leaves_the_verb_whole(index: FactIndex) -> None:
    """"sit back down" is "sit down" done again, not "back down" (retreat)."""
    labels = [n.label for n in index.read("when will the envoys sit back down together?").needs]
    assert "sit down" in labels and "back down" not in labels


def test_a_stopping_verb_split_around_its_object_asks_the_status(index: FactIndex) -> None:
    assert index.read("so did they call the meeting off?").asked is Asked.status
    assert index.read("wait, did he call it off?").asked is Asked.status
    assert index.read("did they put it off?").asked is Asked.status


def test_a_time_before_the_event_dates_its_stopping_and_asks_the_status(index: FactIndex) -> None:
    assert index.read("was the meeting cancelled last week?").asked is Asked.status
    assert index.read("did he call it off two weeks ago?").asked is Asked.status
    assert index.read("what went on with the talks earlier this month?").asked is not Asked.status


def test_hearsay_of_a_broadcast_with_an_idiom_of_ending_asks_the_status(index: FactIndex) -> None:
    assert index.read("heard on tv they pulled the plug on the meeting, right?").asked is Asked.status
    assert index.read("did they pull the plug on it?").asked is Asked.status


def test_a_name_said_in_the_plural_asks_every_holder_of_it_described(index: FactIndex) -> None:
    everyone = ("kim-chang-son", "kim-jong-un", "sung-kim")
    assert index.read("so who are the kims?").described == everyone
    assert index.read("who are the three kims quoted in that report?").described == everyone
    assert index.read("who are the kims cited there?").described == everyone
    assert index.read("who are the kims in singapore").described != everyone
    assert index.read("who is kim?").described != everyone


def test_a_word_english_lacks_written_small_reads_as_initials(index: FactIndex) -> None:
    """"icbm" written small stands for the words it is the first letters of, as "ICBM" does; an English word
    written small ("moon") does not."""
    needs = {n.label.lower(): n for n in index.read("when did they first test the new icbm").needs}
    assert needs["icbm"].initials
    assert not any(n.initials for n in index.read("when did the moon rise").needs)
