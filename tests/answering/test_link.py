"""Stage 2: entities and times."""

from __future__ import annotations

from datetime import date

from briefings.answering import FactIndex
from briefings.answering.lexicon import word_tokens
from briefings.answering.link import EntityNames
from briefings.answering.model import NeedKind


def linked(index: FactIndex, text: str):
    return index.read(text).linked


def test_the_longest_name_wins(index: FactIndex) -> None:
    mentions = linked(index, "What do the North Korean officials want?").mentions
    assert [m.text for m in mentions] == ["North Korean"]
    assert "north-korea" in mentions[0].ids


def test_a_common_word_is_a_name_only_when_written_as_one(index: FactIndex) -> None:
    assert not linked(index, "tell us about the summit talks").mentions[0].ids & {"united-states"}
    assert any("united-states" in m.ids for m in linked(index, "what does the US want").mentions)


def test_misspelt_names_and_words_are_read(index: FactIndex) -> None:
    mentions = linked(index, "who is jon boltn").mentions
    assert any("john-bolton" in m.ids for m in mentions)
    question = linked(index, "wher did the meeting happend").question
    assert [t.lower for t in question.tokens][:1] == ["where"]


def test_a_word_shortened_to_its_consonants_is_the_long_word_it_shortens(index: FactIndex) -> None:
    # "natl" is one slip from "natal", but it keeps the first and last letters of "national" and drops its
    # vowels, as writers shorten a long word; a slip keeps nearly every letter ("happend")
    assert [t.lower for t in linked(index, "any natl reaction yet").question.tokens] == [
        "any", "national", "reaction", "yet"]


def test_dates_in_words(index: FactIndex) -> None:
    spans = [s for s, _, _ in linked(index, "What happened on June 12, 2018 and on April 27?").dates]
    assert spans[0].covers(date(2018, 6, 12)) and not spans[0].covers(date(2019, 6, 12))
    assert spans[1].covers(date(2018, 4, 27)) and spans[1].covers(date(2019, 4, 27))


def test_a_month_or_weekday_in_any_short_form_dateparser_reads(index: FactIndex) -> None:
    """"sept", "tues": the short forms dateparser's English data has, beside the standard library's "sep", "tue"."""
    (span, _, _), = linked(index, "what happened at the sept 2025 parade?").dates
    assert span.covers(date(2025, 9, 3)) and not span.covers(date(2025, 10, 3))
    assert "sept" not in [n.label for n in index.read("what happened at the sept 2025 parade?").needs]


def test_new_years_day_is_the_first_of_january_of_the_year_beside_it(index: FactIndex) -> None:
    spans = [s for s, _, _ in linked(index, "what did the queen say in her 2021 new years broadcast").dates]
    assert len(spans) == 1 and spans[0].covers(date(2021, 1, 1)) and not spans[0].covers(date(2021, 4, 12))
    spans = [s for s, _, _ in linked(index, "Who spoke on New Year's Eve?").dates]
    assert len(spans) == 1 and spans[0].covers(date(2017, 12, 31)) and not spans[0].covers(date(2018, 1, 1))
    assert linked(index, "what will the talks bring in the new year").dates == []  # the year to come


def test_a_day_written_as_english_and_computers_write_it(index: FactIndex) -> None:
    """"the 9th of October 2023" (the day, "of", the month) and "2023-10-09" name the day as "October 9, 2023"
    does; "the second week of October" names its days 8 to 14, of any year when none is said."""
    for text in ("what happened on the 9th of October 2023?", "what happened on 2023-10-09?"):
        (span, _, _), = linked(index, text).dates
        assert span.covers(date(2023, 10, 9)) and not span.covers(date(2023, 10, 10)), text
        assert [n.label for n in index.read(text).needs] == ["October 9, 2023"]  # no "9th", "of", "10" left over
    (span, _, _), = linked(index, "what happened in the second week of october 2023").dates
    assert span.covers(date(2023, 10, 8)) and span.covers(date(2023, 10, 14)) and not span.covers(date(2023, 10, 15))
    (span, _, _), = linked(index, "what happened in the last week of October").dates
    assert span.covers(date(2019, 10, 31)) and span.covers(date(2019, 10, 25)) and not span.covers(date(2019, 10, 24))


def test_before_or_after_a_dated_time_is_all_the_time_on_that_side(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    spans = [s for s, _, _ in linked(fresh_index, "When did Xi Jinping visit Seoul before 2014?").dates]
    assert len(spans) == 1 and spans[0].covers(date(2013, 12, 31)) and not spans[0].covers(date(2014, 7, 3))
    # asked anything but when, a fact of that time may tell what came before it ("the first since ...")
    spans = [s for s, _, _ in linked(fresh_index, "How long had it been since the last visit before 2014?").dates]
    assert spans[0].covers(date(2014, 7, 3)) and spans[0].covers(date(2010, 1, 1))
    spans = [s for s, _, _ in linked(fresh_index, "What has Kim said since May 2018?").dates]
    assert spans[0].covers(date(2018, 5, 1)) and not spans[0].covers(date(2018, 4, 30))
    fresh_index.upsert(Fact.model_validate({
        "id": "xi-seoul", "subject": "china", "relation": "visited", "object": "south-korea", "topic": "timeline",
        "statement": "Xi Jinping visited Seoul on July 3, 2014.", "dates": [{"day": "2014-07-03"}],
        "provenance": {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z",
                       "recorded_by": "console:ana"}}))
    assert fresh_index.answer("When did Xi Jinping visit Seoul in 2014?").found
    assert not fresh_index.answer("When did Xi Jinping visit Seoul before 2014?").found


def test_may_is_a_month_only_with_a_day_or_a_capital(index: FactIndex) -> None:
    assert linked(index, "may the summit go ahead").dates == []
    assert linked(index, "what happened on May 26").dates


def test_lowercase_may_after_a_preposition_or_a_determiner_is_the_month(index: FactIndex) -> None:
    """No verb "may" stands after "in" or "the": "and the may one?", "what changed in may?"."""
    for question in ("and the may one?", "what changed in may?", "what did they sign last may?"):
        (span, _, _), = linked(index, question).dates
        assert span.label == "May", question
    assert linked(index, "what may they sign?").dates == []
    assert linked(index, "who led the march on the capital?").dates == []


def test_a_month_that_is_no_other_word_is_a_month_in_lower_case(index: FactIndex) -> None:
    (span, _, _), = linked(index, "what was pompeos october visit about").dates
    assert span.covers(date(2018, 10, 7)) and not span.covers(date(2018, 8, 24))
    assert linked(index, "did the troops march on").dates == []


def test_a_weekday_is_read_from_its_abbreviation_after_on(index: FactIndex) -> None:
    (span, _, _), = linked(index, "moon jae in said what on sun").dates
    assert span.covers(date(2018, 5, 27)) and not span.covers(date(2018, 5, 26))
    assert linked(index, "what did the sun do").dates == []


def test_last_week_follows_the_story_and_today_follows_now(index: FactIndex) -> None:
    story = index.story_day()
    assert story == date(2018, 5, 28)  # the newest source with a text
    (week, _, _), = linked(index, "what happened last week").dates
    assert week.covers(date(2018, 5, 22)) and not week.covers(date(2018, 5, 10))
    (today, _, _), = linked(index, "what happened today").dates
    assert today.now and today.covers(date(2026, 12, 6))


def test_a_weekend_is_its_saturday_and_sunday_from_the_story_day(index: FactIndex) -> None:
    """dateparser reads no weekend: "last weekend" is the last one begun by the story's day (a Monday
    here), or the one before when that day is in a weekend; "this weekend" the one of its week, "next
    weekend" the one after."""
    from briefings.answering.link import _saturday

    for text in ("which band played last weekend", "who won the race last weekend?"):
        (span, _, _), = linked(index, text).dates
        assert (span.start, span.end) == (date(2018, 5, 26), date(2018, 5, 27)), text
    (span, _, _), = linked(index, "what is the mayor doing this weekend").dates
    assert (span.start, span.end) == (date(2018, 6, 2), date(2018, 6, 3))
    sunday = date(2021, 8, 15)
    assert [_saturday(sunday, said) for said in ("last", "this", "next")] == [
        date(2021, 8, 7), date(2021, 8, 14), date(2021, 8, 21)]


def test_a_vague_count_ago_reaches_as_far_back_as_the_count_may(index: FactIndex) -> None:
    # dateparser reads no "a few" nor "several": the span is the one "a few days before" the story day is
    (span, _, _), = linked(index, "did anything change a few days ago?").dates
    assert (span.start, span.end) == (date(2018, 5, 22), date(2018, 5, 26))
    (span, _, _), = linked(index, "who said so several weeks ago?").dates
    assert span.covers(date(2018, 5, 1)) and not span.covers(date(2018, 5, 24))


def test_this_year_is_the_calendar_year_of_the_story(index: FactIndex) -> None:
    (span, _, _), = index.read("What does Kim want to focus on this year?").linked.dates
    assert (span.start, span.end) == (date(2018, 1, 1), date(2018, 12, 31))


def test_a_slip_is_read_as_the_stores_word_before_another_english_word(index: FactIndex) -> None:
    words = [t.lower for t in index.read("what did bolton say about the modle").linked.question.tokens]
    assert "model" in words


def test_a_common_name_qualified_by_another_name_is_not_that_entity(index: FactIndex) -> None:
    ids = {i for m in index.read("Which hotel did Kim stay in during the Hanoi summit?").linked.mentions for i in m.ids}
    assert "singapore-summit" not in ids
    assert any("singapore-summit" in m.ids for m in index.read("Where is the summit?").linked.mentions)


def test_a_name_one_slip_away_is_read_whole_not_by_its_first_word(index: FactIndex) -> None:
    assert [set(m.ids) for m in linked(index, "what did sung kin say").mentions] == [{"sung-kim"}]
    assert [set(m.ids) for m in linked(index, "where is moon jaein now").mentions] == [{"moon-jae-in"}]
    # two slips in one word, when the name's two other words are written right
    assert [set(m.ids) for m in linked(index, "what does kim chang sawn do").mentions] == [{"kim-chang-son"}]
    # a word the facts hold is taken as written, not as a slip of a name
    assert not any("two-koreas" in m.ids for m in linked(index, "when did the two korean leaders meet").mentions)


def test_a_short_word_one_slip_from_a_short_name_is_not_that_name(index: FactIndex) -> None:
    assert not any("cho-young-key" in m.ids for m in linked(index, "what has pak ho chon said").mentions)
    assert any("cho-young-key" in m.ids for m in linked(index, "what does young-key cho think").mentions)


def test_a_rare_word_wordnet_knows_is_not_taken_for_a_slip(index: FactIndex) -> None:
    words = [t.lower for t in linked(index, "What has Trump dangled before the North?").question.tokens]
    assert "dangled" in words


def test_a_word_is_no_slip_of_a_name_the_store_lacks(index: FactIndex) -> None:
    # "icbm" is one dropped letter from "IBM", a name English has and the store does not: read as written,
    # it stays the initials it is, not a name no fact holds
    words = [t.lower for t in linked(index, "when was the new icbm tested").question.tokens]
    assert "icbm" in words


def test_a_term_the_vocabulary_reads_is_not_taken_for_a_slip(index: FactIndex) -> None:
    # config/vocabulary.yaml reads "denuke" as denuclearization; two letters from "duke", it is no slip of it
    words = [t.lower for t in linked(index, "did the regime promise to denuke by 2020?").question.tokens]
    assert "denuke" in words


def test_a_possessive_written_without_its_apostrophe_completes_a_name_of_several_words(index: FactIndex) -> None:
    mentions = linked(index, "who was north koreas chief negotiator").mentions
    assert [(m.text, m.ids) for m in mentions] == [("north koreas", frozenset({"north-korea"}))]
    assert any("two-koreas" in m.ids for m in linked(index, "what are the two koreas doing").mentions)


def test_a_one_word_name_with_its_possessive_written_without_its_apostrophe_is_the_names_possessive(
        index: FactIndex) -> None:
    question = linked(index, "what did nks envoy say")
    assert [(m.text, m.ids) for m in question.mentions] == [("nk", frozenset({"north-korea"}))]
    assert question.question.tokens[2].possessive
    assert not linked(index, "what trumps the summit").question.tokens[1].possessive  # an English word as it is


def test_a_name_whose_last_noun_is_said_by_a_synonym_is_still_that_name() -> None:
    from briefings.answering.link import EntityNames
    from briefings.models import Entity, EntityKind

    names = EntityNames()
    names.add(Entity(id="oslo-accords", name="Oslo agreement", kind=EntityKind.document, aliases=["the declaration"]))
    names.add(Entity(id="geneva-rounds", name="Geneva meetings", kind=EntityKind.event))

    def found(text: str) -> set[str]:
        return {e for _, _, ids in names.find(text.split()) for e in ids}

    assert found("what did the oslo accord say") == {"oslo-accords"}
    assert found("what did the statement say") == set()  # "the" says nothing of which declaration
    assert found("when was the geneva meeting") == set()  # one meeting is not the rounds of meetings


def test_a_hyphenated_given_name_alone_names_its_bearer() -> None:
    from briefings.answering.link import EntityNames
    from briefings.models import Entity, EntityKind

    names = EntityNames()
    names.add(Entity(id="park-ji-hoon", name="Park Ji-hoon", kind=EntityKind.person))
    names.add(Entity(id="well-being-fund", name="Well-being Fund", kind=EntityKind.organisation))
    names.add(Entity(id="the-envoy", name="the Geneva co-chair", kind=EntityKind.person))

    def found(text: str) -> set[str]:
        return {e for _, _, ids in names.find([w.lower() for w, _ in word_tokens(text)]) for e in ids}

    assert found("what did Ji-hoon say") == {"park-ji-hoon"}
    assert found("who runs the well-being program") == set()  # not a person's name
    assert found("who is the co-chair") == set()  # a description, not a name in capitals


def test_a_lowercase_name_after_a_names_word_is_no_slip_for_an_english_word(index: FactIndex) -> None:
    for text, name in [("did the envoys ever talk to hu jintao", "jintao"), ("has moon met liu xiaoming since", "xiaoming")]:
        assert name in [t.lower for t in linked(index, text).question.tokens]
    assert not index.answer("where did the envoys meet hu jintao?").found  # a name no fact holds


def test_the_capital_stands_for_its_government_by_its_short_name_too(index: FactIndex) -> None:
    # config/entities.yaml: "D.C." and "DC", as "Washington", name the U.S. as one side of the talks
    for text in ("Did D.C. welcome the talks?", "Did DC welcome the talks?"):
        assert any("united-states" in m.ids for m in linked(index, text).mentions)


def test_a_prefix_before_an_english_word_is_no_slip_for_another_word(index: FactIndex) -> None:
    # "rewired" is re + wired, "repaved" re + paved, "unfrozen" un + frozen: words English forms by rule,
    # too rare for its lists; read as another word ("retired", "revived", "unbroken") they ask another act
    for word in ("rewired", "repaved", "unfrozen", "rerouted"):
        words = [t.lower for t in linked(index, f"when were the cables {word}").question.tokens]
        assert word in words
    words = [t.lower for t in linked(index, "wher did the meeting happend").question.tokens]
    assert words[0] == "where" and words[-1] == "happened"


def test_two_english_words_run_together_are_no_two_slips_from_another_word(index: FactIndex) -> None:
    # "walkout" is walk + out, "shakeup" shake + up, "catchup" catch + up: compounds too informal for the
    # lists; read as "workout", "shake" or "catch" they ask another thing. One slip still reads as a slip.
    for word in ("walkout", "shakeup", "catchup"):
        words = [t.lower for t in linked(index, f"what came of the {word} last year").question.tokens]
        assert word in words
    words = [t.lower for t in linked(index, "when did the delegaton arrive").question.tokens]
    assert "delegation" in words


def test_a_name_qualifying_a_document_it_is_tied_to_names_the_document(fresh_index: FactIndex) -> None:
    """"the Planet column": the column the Daily Planet ran, by a fact that names both, not the paper."""
    from briefings.models import Entity, EntityKind, Fact

    fresh_index.upsert_entity(Entity(id="daily-planet", name="the Daily Planet", kind=EntityKind.organisation,
                                     aliases=["the Planet"]))
    fresh_index.upsert_entity(Entity(id="the-column", name="the column", kind=EntityKind.document))
    fresh_index.upsert(Fact.model_validate({
        "id": "column-outlet", "subject": "the-column", "relation": "published_by", "object": "daily-planet",
        "topic": "source", "statement": "The column ran in the Daily Planet.",
        "provenance": {"source": "admin-console-ana", "recorded_at": "2026-12-01T00:00:00Z",
                       "recorded_by": "console:ana"}}))
    mentions = linked(fresh_index, "who wrote the Planet column?").mentions
    assert [(m.text, m.ids) for m in mentions] == [("the Planet column", frozenset({"the-column"}))]
    untied = linked(fresh_index, "who wrote the Journal column?").mentions  # no fact ties the Journal to it
    assert [m.ids for m in untied] == [frozenset({"wsj"})]


def test_only_names_that_end_in_a_noun_are_kept_for_a_head_said_otherwise() -> None:
    """Reading a fact looks up every word a name starts with: names that end in a name ("Moon Jae-in",
    most of a large store's) are left out of the heads, so that those look-ups find nothing at once."""
    from briefings.answering.link import EntityNames
    from briefings.models import Entity, EntityKind

    names = EntityNames()
    names.add(Entity(id="oslo-accords", name="Oslo agreement", kind=EntityKind.document))
    names.add(Entity(id="kamu-tozi", name="Kamu Tozi", kind=EntityKind.person))
    assert set(names._noun_heads()) == {("oslo",)}
    assert names.find("the oslo accord and kamu tozi".split()) == [(1, 2, {"oslo-accords"}), (4, 2, {"kamu-tozi"})]


def test_the_start_or_end_of_a_time_is_part_of_the_time_named(index: FactIndex) -> None:
    """"At the end of June 2019": the noun and its "of" are read with the time, no word a fact must say."""
    found = linked(index, "what did Moon announce at the end of June 2019")
    assert [s.label for s, _, _ in found.dates] == ["June 2019"]
    assert "end" not in {n.label for n in index.read("what did Moon announce at the end of June 2019").needs}
    assert "start" not in {n.label for n in index.read("what did Kim test at the start of 2019").needs}
    # "early", "mid", "late" right before a time are parts of it too; before another word they stay words
    for text in ("who toured Peru in late March 2016", "what did the club build in mid-2011", "what sold early 2009"):
        needs = {n.label for n in index.read(text).needs}
        assert not needs & {"late", "mid", "early"}, text
    assert "late" in {n.label for n in index.read("what did the late mayor sign in 2009").needs}
    for text in ("what did the council vote earlier this month", "who resigned later in 2012?"):
        assert not {n.label for n in index.read(text).needs} & {"earlier", "later"}, text


def test_a_head_said_otherwise_is_asked_only_after_the_words_of_a_name_that_ends_in_a_noun() -> None:
    """`find` tests the words before a name's last in line, and asks for another word for its head
    noun only after the words of a name that ends in one ("oslo" of "Oslo agreement"): most words that
    start a name of a large store start a person's, and reading a fact asks it of each."""
    from briefings.answering.link import EntityNames
    from briefings.models import Entity, EntityKind

    names = EntityNames()
    names.add(Entity(id="oslo-accords", name="Oslo agreement", kind=EntityKind.document))
    names.add(Entity(id="kamu-tozi", name="Kamu Tozi", kind=EntityKind.person))
    asked: list[tuple[str, ...]] = []
    said_otherwise = names._head_said_otherwise

    def counted(qualifiers: tuple[str, ...], head: str) -> set[str]:
        asked.append(qualifiers)
        return said_otherwise(qualifiers, head)

    names._head_said_otherwise = counted  # type: ignore[method-assign]
    assert names.find("the oslo accord and kamu said tozi".split()) == [(1, 2, {"oslo-accords"})]
    assert asked == [("oslo",)]


def test_a_time_reckoned_from_a_named_day_is_read_as_days_of_any_year(index: FactIndex) -> None:
    """"Two days before May 26": the days counted back from the day named, in any year, as "May 26" is."""
    (span, at, length), = linked(index, "what was announced two days before May 26").dates
    assert (at, length) == (3, 5)
    assert span.covers(date(2018, 5, 24)) and span.covers(date(2019, 5, 24)) and not span.covers(date(2018, 5, 26))
    (vague, _, _), = linked(index, "were things calm a few days before may 28").dates
    assert vague.covers(date(2018, 5, 24)) and not vague.covers(date(2018, 5, 28)) and not vague.covers(date(2018, 5, 10))


def test_a_time_reckoned_from_an_event_is_read_from_the_event_s_day(index: FactIndex) -> None:
    """"The day after the summit": the facts schedule the summit for June 12, 2018; the time is June 13,
    and the summit is no longer a thing a fact must name. A place stands for the event named after it."""
    found = linked(index, "what was said the day after the summit")
    (span, _, _), = found.dates
    assert span.covers(date(2018, 6, 13)) and not span.covers(date(2018, 6, 12))
    assert found.mentions == []
    (week, _, _), = linked(index, "where did kim go a week after singapore").dates
    assert week.covers(date(2018, 6, 19)) and not week.covers(date(2018, 6, 12))


def test_a_time_is_reckoned_only_from_an_event_with_a_day(index: FactIndex) -> None:
    """Donald Trump is no event: "a week after Trump" is left as written."""
    found = linked(index, "what did kim do a week after trump")
    assert found.dates == [] and any("donald-trump" in m.ids for m in found.mentions)


def test_since_after_or_before_an_event_without_a_count_is_all_the_time_on_that_side(index: FactIndex) -> None:
    """"Since the summit" with no count: from the day the facts give the summit (June 12, 2018) to the
    story's day, which here is no later; "before Singapore" is every day to the summit's own. The name
    is no longer a thing a fact must say, and "what has happened since" then asks what changed."""
    read = index.read("what has happened since the singapore summit")
    (span, _, _), = read.linked.dates
    assert span.start == date(2018, 6, 12) and read.linked.mentions == []
    assert read.asked.value == "changed"
    (before, _, _), = linked(index, "anything before singapore").dates
    assert before.covers(date(2018, 6, 11)) and before.covers(date(2018, 6, 12)) and not before.covers(date(2018, 6, 13))
    assert linked(index, "what did kim say after trump").dates == []  # a person is no time
    assert linked(index, "how long after the summit did kim travel").dates == []  # a duration asked
    # "ahead of", "in the run-up to", "in the lead-up to": before it, said in more words
    for text in ("who met ahead of the singapore summit", "who flew in during the run-up to the singapore summit",
                 "what was signed ahead of July 2018"):
        (span, _, _), = linked(index, text).dates
        assert span.covers(date(2018, 6, 11)) and not span.covers(date(2018, 8, 13)), text
    assert linked(index, "who went ahead of the others").dates == []


def test_an_owner_named_before_a_name_of_common_words_says_whose_it_is(fresh_index: FactIndex) -> None:
    """"the Geneva mediator" is a mediator of its kind, not the one the store names "the mediator"; an owner
    before the name says whose it is, not which of its kind: "Norway's mediator" is that one."""
    from briefings.models import Entity, EntityKind

    fresh_index.upsert_entity(Entity(id="talks-mediator", name="the mediator", kind=EntityKind.person,
                                     aliases=["mediator"]))
    owned = linked(fresh_index, "what did Norway's mediator propose?").mentions
    assert any(m.ids == frozenset({"talks-mediator"}) for m in owned)
    qualified = linked(fresh_index, "what did the Geneva mediator propose?").mentions
    assert not any("talks-mediator" in m.ids for m in qualified)


def test_a_name_with_a_word_cut_short_is_that_name() -> None:
    """Chat clips a long word of a name ("the Oslo memor", "the Oslo mem" for the Oslo Memorandum): the
    name's first letters, two or more fewer, and no English word of its own ("memo" is one); two letters
    are too few."""
    from briefings.models import Entity, EntityKind

    names = EntityNames()
    names.add(Entity(id="oslo-memorandum", name="Oslo Memorandum", kind=EntityKind.document))
    assert names.one_slip_away(["oslo", "memor"]) == ("oslo memorandum", {"oslo-memorandum"})
    assert names.one_slip_away(["oslo", "mem"]) == ("oslo memorandum", {"oslo-memorandum"})
    assert names.one_slip_away(["oslo", "me"]) is None
    assert names.one_slip_away(["oslo", "memo"]) is None  # an English word of its own


def test_a_lowercase_us_opening_the_subject_is_the_country(index: FactIndex) -> None:
    """Where a question's subject stands ("when did [us negotiators] leave") English has "we", never the
    pronoun "us": written small there, before a noun, it is the country's name. After a verb it is the pronoun."""
    assert any("united-states" in m.ids for m in linked(index, "what did us negotiators want in the talks").mentions)
    assert not any("united-states" in m.ids for m in linked(index, "can you give us details of the talks").mentions)


def test_an_event_noun_after_the_names_of_who_took_part_is_the_event_theirs_names(fresh_index: FactIndex) -> None:
    """A summit said by who took part in it: the event whose own names say them, or none when one of them
    took no part in the one the bare noun stands for (Putin was not at the Trump-Kim summit)."""
    from briefings.models import Entity, EntityKind

    fresh_index.upsert_entity(Entity(id="vladimir-putin", name="Vladimir Putin", kind=EntityKind.person, aliases=["Putin"]))
    for text in ("when was the putin kim summit?", "when was the Putin Kim summit?", "where was the kim putin summit"):
        mentions = linked(fresh_index, text).mentions
        assert not any("singapore-summit" in m.ids for m in mentions), text
        assert any("vladimir-putin" in m.ids for m in mentions) and any("kim-jong-un" in m.ids for m in mentions)
    for text in ("where was the kim summit?", "when is the Kim summit"):
        assert any(m.ids == {"singapore-summit"} for m in linked(fresh_index, text).mentions), text


def test_a_name_written_in_lower_case_qualifies_a_name_of_common_words(fresh_index: FactIndex) -> None:
    from briefings.models import Entity, EntityKind

    fresh_index.upsert_entity(Entity(id="vladimir-putin", name="Vladimir Putin", kind=EntityKind.person, aliases=["Putin"]))
    assert not any("the-map" in m.ids for m in linked(fresh_index, "who drew the putin map?").mentions)
    assert any("the-map" in m.ids for m in linked(fresh_index, "who drew the map?").mentions)


def test_a_day_of_the_month_named_alone_is_that_day_of_the_month_the_context_gives(fresh_index: FactIndex) -> None:
    """"On the 28th": the 28th of the month another time of the question names, else of any month a fact
    puts it in, or says it in its own words. An ordinal that counts ("the 2nd to arrive", "the 5th round")
    is no day."""
    from briefings.models import Fact

    found = linked(fresh_index, "What did Moon say on the 28th?")
    (span, _, _), = found.dates
    assert span.covers(date(2018, 5, 28)) and span.covers(date(2019, 2, 28)) and not span.covers(date(2018, 5, 27))
    assert "28th" not in [n.label for n in fresh_index.read("What did Moon say on the 28th?").needs]
    _, (june, _, _) = linked(fresh_index, "what was agreed from June 10 until the 14th").dates
    assert june.covers(date(2018, 6, 14)) and not june.covers(date(2018, 7, 14))
    assert linked(fresh_index, "who was the 2nd to arrive").dates == []
    assert linked(fresh_index, "what happened on the 5th round of talks").dates == []
    fresh_index.upsert(Fact.model_validate({
        "id": "envoys-again", "subject": "south-korea", "relation": "plans_to_meet", "object": "north-korea",
        "topic": "timeline", "statement": "South Korean and North Korean envoys plan to meet again on the 14th.",
        "provenance": {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z",
                       "recorded_by": "console:ana"}}))
    assert fresh_index.answer("Who plans to meet again on the 14th?").found  # an undated fact that says the day
    (span, _, _), = linked(fresh_index, "how soon after the 9th did the ferry sail").dates  # an auxiliary ends it
    assert span.covers(date(2021, 3, 9)) and not span.covers(date(2021, 3, 8))


def test_two_digits_after_an_apostrophe_are_a_year(index: FactIndex) -> None:
    """"June '19" is June 2019, not June 19; "'97" is 1997, as a year of this century would lie far ahead."""
    (span, _, _), = linked(index, "what did the port open in june '19").dates
    assert span.covers(date(2019, 6, 3)) and not span.covers(date(2019, 7, 19))
    (span, _, _), = linked(index, "who won the cup in ’97?").dates
    assert span.year == 1997
    (span, _, _), = linked(index, "what opened on june 19").dates
    assert span.month_day == (6, 19)


def test_a_season_is_its_months_of_the_year_beside_it_or_of_any_year(index: FactIndex) -> None:
    """"Summer 2016", "the autumn of 2020": those months of that year, winter running into the next; "that
    spring", "in the fall": those months of any year, as a month named alone. A season before a word of
    content names a thing ("the winter games"), and "last summer" is read as said relative to a day."""
    (span, _, _), = linked(index, "where did the choir tour in summer 2016").dates
    assert span.covers(date(2016, 7, 4)) and not span.covers(date(2016, 10, 4)) and not span.covers(date(2017, 7, 4))
    (span, _, _), = linked(index, "who won the vote in the autumn of 2020?").dates
    assert span.covers(date(2020, 11, 3)) and not span.covers(date(2020, 3, 3))
    (span, _, _), = linked(index, "what froze during the winter of 2010").dates
    assert span.covers(date(2010, 12, 20)) and span.covers(date(2011, 2, 1)) and not span.covers(date(2010, 2, 1))
    (span, _, _), = linked(index, "where did the band play that spring").dates
    assert span.covers(date(1999, 4, 1)) and span.covers(date(2005, 5, 31)) and not span.covers(date(2005, 6, 1))
    needs = index.read("where did the band play that spring").needs
    assert [n.kind for n in needs if n.label == "spring"] == [NeedKind.time]  # a time, no word a fact must say
    assert linked(index, "who hosted the winter games").dates == []
    assert linked(index, "what followed the fall of the old regime").dates == []


def test_a_name_inside_a_longer_name_no_entity_has_is_that_other_name(index: FactIndex) -> None:
    """"Kim Hyon Chol": the "Kim" of Kim Jong Un, Sung Kim and Kim Chang Son goes on with capitalised words
    English has not, one longer name no entity holds, as a fact's reading takes it. A word of English or
    of grammar after the name ends it, and so does a lower case one (a slip, or a chat's shorthand)."""
    kims = {"kim-jong-un", "sung-kim", "kim-chang-son"}
    for text in ("What did Kim Hyon Chol say?", "When did Hyon Kim arrive?"):
        assert not any(m.ids & kims for m in linked(index, text).mentions), text
    for text in ("What did Kim Jong Un say?", "What did Kim say to the press?", "What did Kim's aide Hyon say?",
                 "What did the Kim say", "what did kim hyon chol say"):
        assert any(m.ids & kims for m in linked(index, text).mentions), text


def test_names_kept_for_a_facts_words_are_found_again_after_a_name_changes() -> None:
    from briefings.models import Entity, EntityKind

    names = EntityNames()
    names.add(Entity(id="ada-varga", name="Ada Varga", kind=EntityKind.person))
    words = ("ada", "varga", "met", "the", "harbour", "board", "in", "tallinn")
    assert names.find_kept(words) == names.find(list(words))
    assert names.find_kept(words) is names.find_kept(words)  # read once, kept for the next question
    names.add(Entity(id="harbour-board", name="Harbour Board", kind=EntityKind.organisation))
    assert {e for _, _, ids in names.find_kept(words) for e in ids} == {"ada-varga", "harbour-board"}
    names.remove("ada-varga")
    assert {e for _, _, ids in names.find_kept(words) for e in ids} == {"harbour-board"}


def test_a_name_said_otherwise_is_read_again_once_another_name_ends_the_same_way() -> None:
    from briefings.models import Entity, EntityKind

    names = EntityNames()
    names.add(Entity(id="lisbon-agreement", name="Lisbon agreement", kind=EntityKind.document))

    def found(text: str) -> set[str]:
        return {e for _, _, ids in names.find(text.split()) for e in ids}

    assert found("was the lisbon accord signed") == {"lisbon-agreement"}
    assert found("was the lisbon accord signed") == {"lisbon-agreement"}  # as kept
    names.add(Entity(id="lisbon-pact", name="Lisbon pact", kind=EntityKind.document))
    assert found("was the lisbon accord signed") == {"lisbon-agreement", "lisbon-pact"}
    names.remove("lisbon-agreement")
    assert found("was the lisbon accord signed") == {"lisbon-pact"}


def test_a_relative_time_read_again_names_the_same_days(index: FactIndex) -> None:
    first = [span for span, _, _ in index.read("what did the panel decide two weeks ago?").linked.dates]
    again = [span for span, _, _ in index.read("did the mayor speak two weeks ago").linked.dates]
    assert first and [(s.start, s.end) for s in first] == [(s.start, s.end) for s in again]


def test_a_misspelt_month_is_read_as_the_month_with_the_year_beside_it(index: FactIndex) -> None:
    """"early novembr 2019": the slip is read as the word it misspells, and then as a time, the year beside
    it of that month (read alone at first, the year would have stood for the whole year)."""
    (span, _, _), = linked(index, "what did they test in early novembr 2019?").dates
    assert span.covers(date(2019, 11, 5)) and not span.covers(date(2019, 6, 5))

