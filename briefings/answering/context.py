"""Follow-up questions: a question that leans on the one before it ("where?", "and the North Korean
one?", "what about the American side?", "who is he?", "when was that?") is read as the earlier question
with what the new one changes, and answered as if asked in full.

This is a stage before the pipeline, not a second answerer: it turns the new question and the earlier
reading (a `QuestionContext`) into one question text, which then goes through normalise -> link ->
classify -> ... like any other. A question that stands alone (it names what it asks about and leans on
nothing) is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Set
from typing import NamedTuple
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict, Field

from briefings.answering.classify import CONTRACTED_WH, DISCOURSE_MARKERS, SAYING, TELLING, TIME_SHIFT
from briefings.answering.lexicon import DETERMINERS, MATTER_PREPOSITIONS, PREPOSITIONS, Lexicon, shortest, word_tokens
from briefings.answering.link import COUNTS, EntityNames
from briefings.answering.model import Asked, Classified, DateSpan, Mention, NeedKind
from briefings.answering.referents import (AUX, EVENT_VERBS, EVENTFUL, GENDERED, WH, Pointed, Referents, is_plural,
                                          mention_text, name_head, token_span)
from briefings.models import Entity, EntityKind

__all__ = ["MAX_READINGS", "ContextEntity", "QuestionContext", "asked_as_the_one_before", "asked_of_the_last",
           "asks_besides", "context_of", "describes_without_naming", "follow_up", "follow_up_readings", "named_in_the_conversation", "Reading", "points_back",
           "read_as_the_last_answer", "said_in_order", "speaks_of_someone_said"]

_BE = {"is", "are", "was", "were", "be", "been"}
_LEADS = {"and", "so", "but", "ok", "okay", "then", "also", "well", "hmm", "right"}
_ABOUT = (("what", "about"), ("how", "about"), ("what", "of"), ("same", "for"), ("same", "question"), ("and", "for"))
_SIDE = "side"
"""The noun of a party to a dispute or a deal ("the other *side*"), which the filler words drop."""
_FILLER = {"the", "a", "an", "one", "ones", "side", "then", "too", "instead", "exactly", "again", "please", "for",
           "in", "on", "at", "of", "to", "by", "s"}
_OBJECT_OF = {"about", "in", "of", "on", "to", "from", "with", "for", "over"}
"""Prepositions whose "it" is a thing the last question named ("pledge *about it*"), not an expletive."""
_COUNTERPARTS = {"counterpart", "counterparts", "equivalent", "equivalents"}
"""Nouns for whoever does on another side what the last answer's one did: the last question asked of
the side the new one names."""
_TIME_LEADS = {"at", "during", "before", "after", "when", "then", "yet", "too", "now"}
"""Words after "was he there" that keep "there" a place ("was he there *on* Monday?")."""
_THING_KINDS = {k.value for k in (EntityKind.event, EntityKind.document, EntityKind.concept, EntityKind.organisation,
                                   EntityKind.place)}
"""What "it" can stand for (a person is "he" or "she"; a country or a group, "they")."""
_EXPLETIVE_VERBS = {"take", "seem", "appear", "look", "matter"}
"""Verbs whose subject "it" stands for nothing ("how long will it take?", "does it seem likely?")."""
_BESIDES = {"else", "anything", "something", "more"}
"""The words of "what else?" and "anything else?": they ask for more of the same."""
_MATTER_OPENINGS = {"anything", "something"}
"""The words that open a question of a matter alone ("*anything* on the fishing rights?")."""
_MORE_OF = {"anything", "something", "what", "any", "nothing"}
"""Words that make the "more" after them ask for more of the same ("anything more?")."""
_TOLD = {"", "me", "us"}
"""What stands before a "more" that asks for more: the start of the message ("more on him?") or the one a
request is made of ("tell *me* more")."""
_LIKE = {"similar", "comparable", "alike"}
"""Words that, after "anything" or "something", ask for what is like what the last question asked about
("did Lima promise anything similar?": anything on what the last question asked of)."""
_LATER = {"later", "after", "next", "following"}
_SPEAKERS = {"i", "we", "you", "anyone", "anybody"}
"""Who asks or is asked ("do *we* know where?"): no one the question is about."""
_POINTERS = {"that", "this", "so"}
"""A last word that stands for what the last answer said ("who said so?")."""
_LAST_ANSWER = "what my last answer said"
_AGENTS = {k.value for k in (EntityKind.person, EntityKind.group, EntityKind.organisation, EntityKind.country)}
_PERSON = {"he", "she", "him", "her", "his", "hers"}
_GROUP = {"they", "them", "their", "theirs"}
_THING = {"it", "its", "that", "this"}
_PLURAL = {"they", "them", "these", "those"}
"""What a "how many" question counted, when asked next what or who they are."""
_DEMONSTRATIVES = {"that", "this", "these", "those"}
_ONES = {"one", "ones"}
_PAIR = {"two", "both"}
"""The words of "the two of them" and "both of them": two people, together."""
"""What "that" or "those" stand before when they point back on their own ("when did *that one* end?")."""
_CONTRACTED_AUXILIARIES = {"ll": "will", "re": "are", "ve": "have"}
"""The auxiliaries English contracts onto a pronoun ("they'll", "we're", "they've"), which a name in the
pronoun's place says in full; "'s" and "'d" are left as written (is or has, had or would)."""
_CONTRACTED_AUX = re.compile(r"'(ll|re|ve)\b", re.IGNORECASE)
_PLACE = {"there"}
_THERE = {EntityKind.place.value, EntityKind.organisation.value}
"""What "there" can stand for: a place, or a body one works, studies or meets at ("who works there?" after
"what is the Lakeside Institute?")."""
_AT_PLACE = {"in", "at"}
"""Prepositions that place an act ("blocked it *in* the assembly", "met *at* the DMZ")."""
_POSSESSIVE = {"his", "her", "their", "its"}
_OWNER = {"his": "he", "her": "she", "their": "they", "its": "it"}
"""The subject pronoun whose own thing each possessive says, when both stand in one question ("did *he*
change *his* tone?")."""
_SUBJECTS = set(_OWNER.values())
_ASKS = {"venue": "where", "place": "where", "location": "where", "city": "where", "country": "where",
         "date": "when", "day": "when", "time": "what time", "year": "which year", "reason": "why",
         "person": "who", "guy": "who", "man": "who", "woman": "who"}
"""Nouns that, alone after "and" or "what about", ask the earlier question with another question word; a
noun of a person ("and Lima's *guy*?") asks who, as "and Lima's?" does."""
_KINDS = {"kind", "kinds", "sort", "sorts", "type", "types"}
"""The nouns of "what *kind of* group": the frame of a question, before the noun it asks of."""
_WHY_PHRASES = {("how", "come"), ("how", "so")}
"""Two words that ask why."""
_STRANDED = re.compile(r"\b(with|to|for|from|about|by)\b\s*((?:\b(?:on|in|at|during|last|this|over)\b.*)?[?.!]?\s*)$", re.I)
"""A preposition left without its object when "who did X meet *with*?" is asked again with "where"."""
ASPECT_NEARNESS = 0.1
"""How near in meaning (the embedding model's cosine) an adjective of a follow-up sits to the last question's
when it names another side of the same thing: "economic" ~ "military" 0.15, ~ "political" 0.31; an adjective of
another sort sits far ("economic" ~ "main" -0.01, ~ "big" 0.01)."""
MAX_READINGS = 3
"""How many readings of a follow-up's pronouns are asked at most: each is one more pass through the
pipeline, and the thing meant is nearly always among the last few named."""
READS_PER_READING = 2
"""How many times a follow-up may be read for each reading asked: a reading that passes over everything a
pronoun can stand for yields nothing new, and costs a read, not an ask."""
_WH_PHRASES = {("what", "time"), ("which", "year"), ("what", "year"), ("what", "date"), ("what", "day"),
               ("how", "many"), ("how", "much"), ("how", "long")}


class ContextEntity(BaseModel):
    model_config = ConfigDict(frozen=True)

    ids: list[str]
    text: str
    """As the question wrote it."""


class QuestionContext(BaseModel):
    """What a conversation's last question was read as: what a follow-up may lean on."""

    model_config = ConfigDict(frozen=True)

    question: str
    """The question as read (the full reading, when it was itself a follow-up)."""
    asked: str
    entities: list[ContextEntity] = Field(default_factory=list)
    times: list[str] = Field(default_factory=list)
    words: list[str] = Field(default_factory=list)
    """The content words, as lemmas."""
    answered: list[str] = Field(default_factory=list)
    """The entities the answer's facts are about, in order (who "he" is after "who led ...?")."""
    days: list[date] = Field(default_factory=list)
    """The days the answer's facts are dated: "why?" and "where?" ask about what happened then."""
    facts: list[str] = Field(default_factory=list)
    """The facts the answer gave: what "who said that?" and "how did they take it?" are about."""
    acts: list[str] = Field(default_factory=list)
    """The verbs (lemmas) the answer's facts' relations are, each a verb of one word, when the question's
    verb is one no fact says: the act as the store words it ("who torpedoed the deal?", answered "...
    blocked the deal": block), which "why?" asks of."""
    named: list[str] = Field(default_factory=list)
    """What else the answer's facts name ("Sung Kim and Choe Son Hui met at the DMZ" is about the
    meeting): what a pronoun stands for when what the answer was about cannot be."""
    given: list[str] = Field(default_factory=list)
    """The facts given so far to this same question, asked again by "what else?" ("anything else?" a
    second time leaves out the first two answers' facts); the last answer's alone otherwise."""
    earlier: list[ContextEntity] = Field(default_factory=list)
    """What the question before this one named: "it" two questions on ("who floated the Libya model?",
    "what's his job?", "how did Pyongyang take it?": the Libya model)."""
    earlier_question: str = ""
    """The question before this one, as read: what "and Oslo's team?" asks again when this one ("what is his
    job?") said nothing of teams, two questions on ("who leads Rome's delegation?")."""
    earlier_answered: list[str] = Field(default_factory=list)
    """What the answer before the last one was about: "it" two questions on, when that answer, not its
    question, named the thing ("who proposed the Nordic formula?", answered by the Nordic model)."""
    called: dict[str, str] = Field(default_factory=dict)
    """"he" or "she", by entity id, for the people this conversation has called so ("who did *she* meet?"
    read as about Choe Son Hui): a later "he" is not her, though the store says neither of her."""


def context_of(classified: Classified, *, answered: list[str], days: list[date] | None = None,
               facts: list[str] | None = None, named: list[str] | None = None,
               earlier: QuestionContext | None = None, given: list[str] | None = None,
               asked: Classified | None = None, acts: list[str] | None = None) -> QuestionContext | None:
    """The context a question leaves, after the `earlier` one; None for a message that asks nothing
    (small talk, thanks). `asked` is the question as written, when `classified` is its reading: a "he"
    or "she" in it is the one person the reading names in its place."""
    if classified.asked in {Asked.small_talk, Asked.foreign}:
        return None
    needs = classified.needs
    if not needs:
        return None
    return QuestionContext(
        question=classified.linked.question.text, asked=classified.asked.value,
        entities=[ContextEntity(ids=sorted(m.ids), text=m.text) for m in classified.linked.mentions],
        times=[span.label for span, _, _ in classified.linked.dates],
        words=[min(n.lemmas, key=shortest) if n.lemmas else n.label for n in needs if n.kind is NeedKind.word],
        answered=answered, days=days or [], facts=facts or [], acts=acts or [], named=named or [],
        given=given or facts or [],
        earlier=earlier.entities if earlier else [], earlier_answered=earlier.answered if earlier else [],
        earlier_question=earlier.question if earlier else "",
        called={**(earlier.called if earlier else {}), **(_called_by(asked, classified) if asked else {})})


def _called_by(asked: Classified, reading: Classified) -> dict[str, str]:
    """Whom the question as written called "he" or "she": the one entity its reading names in place of
    the pronoun, when it says only one of the two (the reading line's person is the pronoun's)."""
    said = {GENDERED[t.lower] for t in asked.linked.question.tokens if t.lower in GENDERED}
    named = {e for m in asked.linked.mentions for e in m.ids}
    new = {e for m in reading.linked.mentions if not m.ids & named for e in m.ids}
    return {new.pop(): said.pop()} if len(said) == 1 and len(new) == 1 else {}


def points_back(classified: Classified, *, it: bool = False) -> bool:
    """The question is about what was just said: "who said *that*?", "how did Pyongyang take *that*?",
    "who said *so*?", "what had he given up before *that*?" ("that", "this" or "so", last, after a
    verb or a preposition). With `it`, a last "it" too ("when did he say *it*?"): asked only once no
    thing the last question named can be what "it" stands for."""
    toks = classified.linked.question.tokens
    words = [t.lower for t in toks]
    if not words or classified.asked in {Asked.small_talk, Asked.foreign, Asked.status, Asked.latest,
                                         Asked.upcoming, Asked.changed, Asked.describe}:
        return False
    if said_in_order(classified) is not None:
        return True  # "says who?": who said what the last answer said
    if it and dislocated(classified):
        return False  # "and the other team, who leads it?": "it" is the team
    if timed_by_the_last(words) is not None:
        return False  # "where did she go before doing all that?": another act, placed in time by it
    pointers = _POINTERS | ({"it"} if it else set())
    if len(words) < 3 or words[-1] not in pointers or classified.linked.used[-1]:
        return False
    if words[-2] in AUX | WH | _DEMONSTRATIVES | _THING:
        return False  # "when was that?": the event itself, asked again; "is that so?"
    if words[-2] in {"after", "before", "since", "until", "then"}:
        # "and after that?": what came next; "what had he given up before that?": still the last answer
        return any(n.kind is NeedKind.word and n.position < len(words) - 2 and n.label not in _LEADS
                   for n in classified.needs)
    return True  # "who said that?"


def dislocated(classified: Classified) -> bool:
    """"and the other team, who leads it?", "what about Ms. Lee, is she going?": a phrase set before a
    comma, then a question whose pronoun stands for that phrase. The question says what it is about."""
    toks = classified.linked.question.tokens
    text = classified.linked.question.text
    words = [CONTRACTED_WH.get(t.lower, t.lower) for t in toks]
    used = classified.linked.used
    _, start = _opening(words)
    for end in range(start + 1, len(words)):
        if "," not in text[token_span(text, end - 1, end)[1]:token_span(text, end, end + 1)[0]]:
            continue
        phrase, rest = words[start:end], words[end:]
        return (not set(phrase) & (WH | AUX | _PERSON | _GROUP | _THING | _PLACE)
                and any(used[i] or words[i].isalpha() and words[i] not in _FILLER for i in range(start, end))
                and bool(set(rest) & WH | set(rest[:1]) & AUX)
                and bool(set(rest) & (_PERSON | _GROUP | _THING | _PLURAL)))
    return False


def _opening(words: list[str]) -> tuple[int, int]:
    """Where the question starts after its leading words ("and", "so", ...), and after "what about" too."""
    start = 0
    while start < len(words) - 1 and words[start] in _LEADS:
        start += 1
    return start, start + 2 if tuple(words[start:start + 2]) in _ABOUT else start


def _after_a_preposition(words: list[str], start: int) -> int | None:
    """Where the question word stands after the preposition the question opens with at `start`: one word
    ("*to* whom?") or a preposition of three, a noun between two ("*in exchange for* what?", "*on behalf
    of* whom?"), which then ends the question; None if it opens with none."""
    if words[start:start + 1] and words[start] in PREPOSITIONS:
        if words[start + 1:start + 2] and words[start + 1] in WH:
            return start + 1
        if (len(words) == start + 4 and words[start + 3] in WH and words[start + 2] in PREPOSITIONS
                and words[start + 1].isalpha() and words[start + 1] not in WH | AUX
                and "NOUN" in Lexicon.parts_of_speech(words[start + 1])):
            return start + 3
    return None


_TIME_CLAUSE = {"before", "after", "since", "until"}
"""Prepositions that open a clause of time ("before *saying* that"): the act in it places another in time."""
_BETWEEN_ACT_AND_POINTER = {"all", "of", "about", "on"}
"""Words between an act and the pointer after it ("before saying *all* that", "after hearing *of* it")."""


def timed_by_the_last(words: list[str]) -> int | None:
    """Where a clause of time ending the question begins, when its act's object points back ("when did
    she go *before doing all that*?", "what did they do *after hearing of it*?"): the question
    asks of another act, placed in time by what the last answer told, not of the last answer itself."""
    if len(words) < 4 or words[-1] not in _POINTERS | {"it"}:
        return None
    at = len(words) - 2
    while at > 0 and words[at] in _BETWEEN_ACT_AND_POINTER:
        at -= 1
    act, opening = words[at], at - 1
    if opening < 1 or words[opening] not in _TIME_CLAUSE or not act.endswith("ing"):
        return None
    return opening if "VERB" in Lexicon.parts_of_speech(act) and Lexicon.lemmas(act) - {act} else None


def said_in_order(classified: Classified) -> str | None:
    """"says who?" in the order a question asks it, "who says that?", so that the saying is read as the
    act asked (the verb a question puts after "who"); "who says?", with nothing said, asks the same. None
    for any other question."""
    toks = classified.linked.question.tokens
    if len(toks) != 2:
        return None
    if toks[1].lower in {"who", "whom"} and toks[0].lemmas & SAYING:
        return f"who {toks[0].lower} that?"
    if toks[0].lower == "who" and toks[1].lemmas & SAYING:
        return f"who {toks[1].lower} that?"
    return None


def read_as_the_last_answer(classified: Classified) -> str:
    """How a question that `points_back` was read, for its reading line: the word that points back
    said as what it stands for ("who said so?": "who said what my last answer said?")."""
    toks = classified.linked.question.tokens
    text = classified.linked.question.text
    in_order = said_in_order(classified)
    if in_order is not None:
        return f"{in_order.removesuffix(' that?')} {_LAST_ANSWER}?"  # "says who?", "who says?"
    start, _ = token_span(text, len(toks) - 1, len(toks))
    return f"{text[:start].rstrip()} {_LAST_ANSWER}?"


def asks_besides(classified: Classified) -> bool:
    """"what else?", "who else met her?", "anything else?", "anything more from him?", "tell me more",
    "more on her?": asked for more than the last answer gave."""
    words = [t.lower if not used else "" for t, used in zip(classified.linked.question.tokens, classified.linked.used)]
    return "else" in words or any(w == "more" and before in _MORE_OF | _TOLD for before, w in zip(["", *words], words))


def speaks_of_someone_said(classified: Classified) -> bool:
    """"what did *she* tell them?": someone who does or undergoes what is asked, left to the
    conversation. Asked alone, the question says nothing of them, so its answer there is no answer to
    it. A possessive ("using *his* plan") only says whose thing it is: the question may stand alone."""
    return any(t.lower in (_PERSON | _GROUP) - _POSSESSIVE - {"her", "theirs", "hers"}
               for t in classified.linked.question.tokens)


def follow_up(new: Classified, previous: Classified, context: QuestionContext, *, names: EntityNames,
              entities: Mapping[str, Entity], partner: Callable[[str], str | None] | None = None,
              near: Callable[[str, str], float] | None = None) -> str | None:
    """The question `new` asks, read with the earlier one: None when it stands alone. "what else?"
    reads as the last question itself (its answer is to leave out what the last one gave). `partner`
    gives the other of a pair the facts name together ("and the other one?"); `near`, how near two
    words are in meaning ("and the cultural side?": which word of the last question it stands in for)."""
    readings = follow_up_readings(new, previous, context, names=names, entities=entities, partner=partner, near=near,
                                  most=1)
    return readings[0].text if readings else None


class Reading(NamedTuple):
    """A full question a follow-up may ask, and what its pronouns were read as standing for."""

    text: str
    stood_for: frozenset[str]
    """The entities put in the pronouns' places (none when no pronoun was read, as in "where?")."""


def follow_up_readings(new: Classified, previous: Classified, context: QuestionContext, *, names: EntityNames,
                       entities: Mapping[str, Entity], partner: Callable[[str], str | None] | None = None,
                       near: Callable[[str, str], float] | None = None, most: int = MAX_READINGS,
                       meanings: Callable[[str], tuple[str, ...]] | None = None) -> list[Reading]:
    """The questions `new` may ask, read with the earlier one, the reading `follow_up` gives first: a
    pronoun can stand for more than one thing the conversation named ("they": North Korea, or the talks
    it walked out of), and which one is meant shows in which reading the facts answer. Each further
    reading passes over what an earlier one took a pronoun to stand for, one pronoun more at a time, so
    each pronoun is read as the next thing it can stand for; at most `most` readings, none when the
    question stands alone."""
    readings: list[Reading] = []
    queue: list[frozenset[str]] = [frozenset()]
    tried: set[frozenset[str]] = set()
    while queue and len(readings) < most and len(tried) < most * READS_PER_READING:
        passed = queue.pop(0)
        if passed in tried:
            continue
        tried.add(passed)
        reader = _Reader(new, previous, context, names=names, entities=entities, partner=partner, near=near,
                         passed=passed, meanings=meanings)
        text = _finished(reader.read(), new, previous)
        if text is None or (passed and not reader.stood_for):
            continue  # no pronoun read another way: a reading of another kind, or none
        if all(text != r.text for r in readings):
            readings.append(Reading(text, frozenset().union(*reader.stood_for)))
        queue += [passed | stood for stood in reader.stood_for]
    return readings


def named_in_the_conversation(new: Classified, context: QuestionContext, *,
                              entities: Mapping[str, Entity]) -> Reading | None:
    """The question with each name it says of several entities ("Kim": Kim Jong Un, Kim Chang Son, Sung
    Kim) said in full, when the conversation has talked of just one of them: first what the last question
    named by that name alone and what its answer was about, else what its answer's facts named or the
    question before named ("who meets at the summit?", answered by a fact of Trump and Kim Jong Un, then
    "what's Kim's official position?": Kim Jong Un's). None when no name is narrowed so."""
    tiers = [{e for m in context.entities if len(m.ids) == 1 for e in m.ids} | set(context.answered),
             {*context.named, *(e for m in context.earlier if len(m.ids) == 1 for e in m.ids)}]
    text = new.linked.question.text
    chosen: set[str] = set()
    for mention in sorted(new.linked.mentions, key=lambda m: -m.position):  # from the end: offsets stay right
        meant = next((found for tier in tiers if (found := mention.ids & tier)), set()) if len(mention.ids) > 1 else set()
        if len(meant) != 1 or (entity := entities.get(next(iter(meant)))) is None:
            continue
        start, end = token_span(text, mention.position, mention.position + mention.span)
        possessive = "'s" if text[start:end].lower().endswith("'s") else ""
        text = f"{text[:start]}{entity.name}{possessive}{text[end:]}"
        chosen.add(entity.id)
    return Reading(text, frozenset(chosen)) if chosen else None


def asked_as_the_one_before(new: Classified, earlier: Classified, context: QuestionContext, *, names: EntityNames,
                            entities: Mapping[str, Entity],
                            meanings: Callable[[str], tuple[str, ...]] | None = None) -> Reading | None:
    """"and Oslo's team?" when the last question ("what is his job?") said nothing of teams and the one
    before it (`earlier`, "who leads Rome's delegation?") did: that one asked again of the new name. Only
    a question that leads on ("and", "what about") and names something, every other word of which the
    earlier question said (in its words or the vocabulary's): a question that says anything more is
    another question, and a pronoun leans on the last one, not this."""
    reading = _finished(_Reader(new, earlier, context, names=names, entities=entities,
                                meanings=meanings).as_the_one_before(), new, earlier)
    return Reading(reading, frozenset()) if reading is not None else None


def _finished(reading: str | None, new: Classified, previous: Classified) -> str | None:
    """A reading as it is asked: one line, ending in "?"; None when it is the last question again (but
    for "what else?")."""
    if reading is None:
        return None
    reading = " ".join(reading.split())
    if reading.rstrip("?").lower() == previous.linked.question.text.rstrip("?").lower() and not asks_besides(new):
        return None
    return reading if reading.endswith("?") else reading.rstrip(".!") + "?"


def describes_without_naming(classified: Classified, previous: Classified) -> bool:
    """The question names nothing (no name, no day) and says "the" before a noun the last question did not say
    ("what's on *the agenda*?"): a thing it presumes the asker and the answerer both know, which in a
    conversation is one of what was just talked about. Not a noun that says whose it is ("the leaders'
    meeting", "the agenda of ..."): the phrase itself says which; nor one the last question said ("the
    teams" after "the U.S. team"): that is the thing itself, or all of its kind, not a part of it."""
    toks, used = classified.linked.question.tokens, classified.linked.used
    if classified.linked.mentions or classified.linked.dates:
        return False
    said = {lemma for t in previous.linked.question.tokens for lemma in t.lemmas | {t.lower}}
    return any(t.lower == "the" and not used[k + 1] and not noun.possessive and "NOUN" in Lexicon.parts_of_speech(noun.lower)
               and (noun.lemmas | {noun.lower}).isdisjoint(said) and (k + 2 >= len(toks) or toks[k + 2].lower != "of")
               for k, (t, noun) in enumerate(zip(toks, toks[1:])))


def asked_of_the_last(new: Classified, previous: Classified, context: QuestionContext, *, names: EntityNames,
                      entities: Mapping[str, Entity]) -> str | None:
    """A question that names nothing ("who pays for it all?" without the "it", "what comes first?"):
    asked about the thing the last question or its answer was about, or None. Only worth asking when
    the question alone has no answer: then what it leaves unsaid is most likely what was just talked of."""
    return _Reader(new, previous, context, names=names, entities=entities).of_the_last()


class _Reader:
    def __init__(self, new: Classified, previous: Classified, context: QuestionContext, *, names: EntityNames,
                 entities: Mapping[str, Entity], partner: Callable[[str], str | None] | None = None,
                 near: Callable[[str, str], float] | None = None, passed: Set[str] = frozenset(),
                 meanings: Callable[[str], tuple[str, ...]] | None = None) -> None:
        self.new, self.previous, self.context = new, previous, context
        self.meanings = meanings
        """What a domain term means in the facts' words (the vocabulary's "team": delegation)."""
        self.names = names
        self.entities = entities
        self.partner = partner
        self.near = near
        self.referents = Referents(new, previous, context, entities=entities, passed=passed)
        self.timed: tuple[int, str] | None = None
        """Where a clause of time that points back begins, and the time said in its place (`_timed`)."""
        self.like: tuple[int, str] | None = None
        """Where "similar" stands in "anything similar", and what it is asked the like of (`_like_the_last`)."""
        self.stood_for: list[frozenset[str]] = []
        """What each pronoun the reading put a referent in place of stood for, in the question's order:
        what another reading passes over to read it as the next thing it can stand for."""
        self.words = [CONTRACTED_WH.get(t.lower, t.lower) for t in new.linked.question.tokens]  # "whats": what
        self.used = new.linked.used
        start, self.rest = _opening(self.words)
        self.leads = start > 0
        self.about = self.rest > start
        self.preposition = ""
        """The preposition before the question word ("*to* whom?", "*since* when?", "*in return for* what?"):
        asked again with it."""
        wh = _after_a_preposition(self.words, self.rest)
        if wh is not None:
            self.preposition = " ".join(self.words[self.rest:wh])
            self.rest = wh
        self.pointing: dict[int, Pointed] = {
            i: said for i in range(len(self.words) - 1) if self._determiner(i) and not self.used[i + 1]
            and (said := self.referents.described_as(self._noun_at(i + 1)))}
        self.pointing |= {i: said for i in range(len(self.words) - 1) if self._common_name_after(i)
                          and (said := self.referents.described_as(self.words[i + 1]))
                          and not any(said.entity.id in m.ids for m in new.linked.mentions if m.position == i + 1)}
        self.pointing |= {i: said for i in range(len(self.words) - 1) if self._definite(i)
                          and (said := self.referents.headed_by(self.words[i + 1]))}
        self.pointing |= {i: said for i in range(len(self.words) - 1) if self.words[i] in _POSSESSIVE
                          and not self.used[i + 1] and (said := self.referents.headed_by(self.words[i + 1]))
                          and said.entity.kind is not EntityKind.person}
        """Phrases that point back, by the position of their first word: "that building" (what the last
        answer named that is a building), "the meeting" when no name says which (the meeting the last
        answer or question named), "his delegation" (the delegation the last answer named; a person is
        not said this way: "their leader" may be another side's)."""

    # -- the kinds of follow-up ---------------------------------------------------------------

    def read(self) -> str | None:
        new = self.new
        if new.unanswerable is not None or new.asked is Asked.foreign or (
                new.asked is Asked.small_talk and not self._telling()):
            return None  # "tell me about it", "tell me more": small talk alone, a request in a conversation
        shifted = self._shifted()
        if shifted is not None:
            return shifted  # "what happened on May 26?" + "and the day after?": on May 27
        which = self._which_one() or self._the_time_one()
        if which is not None:
            return which  # "how many sites does the map show?" + "which one is North Korea's?": which site
        fellow = self._fellow()
        if fellow is not None:
            return fellow  # "how do I reach her co-author?": the other of the pair she is named in
        if dislocated(self.new):
            return None  # "and the other team, who leads it?": the pronoun is the phrase before the comma
        within = self._anything_within()
        if within is not None:
            return within  # "anything on the fishing rights?" after what a treaty says: in that document
        pronouns = [i for i, w in enumerate(self.words) if not self.used[i] and (i in self.pointing or (
                    w in _PERSON | _GROUP | _THING | _PLURAL | _PLACE and not self._existential(i)
                    and not self._determiner(i) and not self._relative(i) and not self._bound(i)))]
        content = [i for i in range(self.rest, len(self.words)) if not self.used[i] and i not in pronouns
                   and i - 1 not in self.pointing and not (i - 2 in self.pointing and self._compound(i - 1))
                   and self.words[i] not in _BESIDES
                   and not (i == self.rest + 1 and tuple(self.words[self.rest:i + 1]) in _WHY_PHRASES)
                   and self.words[i] not in WH | AUX | _FILLER and self.words[i].isalpha()
                   and not self._joins_names(i) and not self._closing(i)]
        self.timed = self._timed()
        if self.timed is not None:  # "before doing all that": before the day the last answer told of
            pronouns = [i for i in pronouns if i < self.timed[0]]
            content = [i for i in content if i < self.timed[0]]
            if not pronouns:
                text = new.linked.question.text
                return f"{text[:token_span(text, self.timed[0], len(self.words))[0]]}{self.timed[1]}?"
        self.like = self._like_the_last()
        if self.like is not None and not pronouns:
            # "what did Quito promise on trade?" + "did Lima promise anything similar?": anything on trade
            text = new.linked.question.text
            start, end = token_span(text, self.like[0], self.like[0] + 1)
            return f"{text[:start]}{self.like[1]}{text[end:]}"
        if new.linked.mentions and any(self.words[i] in _COUNTERPARTS for i in content):
            # "who is his North Korean counterpart?": the last question asked of the North Korean side; when
            # it names no side to swap ("who is Moon?"), the counterpart of whom the pronoun stands for
            return self._substituted() or (self._pronouns_replaced(pronouns) if pronouns else None)
        if new.linked.mentions or new.linked.dates:
            people = [m.position for m in new.linked.mentions
                      if self.referents.kinds(m.ids) & {"person", "group", "organisation", "country"}]
            if pronouns and all(self.words[i] in _PERSON | _GROUP and i < min(people, default=len(self.words))
                                for i in pronouns):
                # "does he think the summit will go ahead?"; "what did she tell Sung Kim?": a pronoun
                # before the name it would stand for is someone else
                return self._pronouns_replaced(pronouns)
            if pronouns and all(i in self.pointing or self._thing_it(i) or self.words[i] in _PERSON | _GROUP
                                and i < min(people, default=len(self.words)) or self._who_was_there(i)
                                for i in pronouns):
                # "what did the two Koreas pledge about it?"; "did her office say anything of it?": someone
                # and something the conversation named, both
                return self._pronouns_replaced(pronouns)
            if pronouns or not (self.leads or self.about or self._wh_phrase() is None and
                                self.words[self.rest] not in AUX):
                return None  # "who is Kim Jong Un?": it names what it asks about, and asks
            if not content and self._wh_phrase() in {"who", "what"} and self.words[self.rest + 1:self.rest + 2] in (
                    [b] for b in _BE):
                return None  # "and who is Sung Kim?": asks who someone is, of its own, whatever came before
            if any(self.words[i] not in _ASKS for i in content) and not (self.leads and self._asked_as_before()):
                return None
            return self._substituted()  # "and the North Korean one?"; "and what did Lima say?": about the same
        if (asks_besides(new) and all(self.words[i] in _OBJECT_OF for i in content) and (not pronouns or all(
                self.words[i] in _PERSON | _GROUP for i in pronouns) and self.previous.asked not in {Asked.who, Asked.name})):
            # "what else?", "who else?", "anything else?", "anything more from them?": who the last
            # question was about (not whom its answer named) said or did more
            return self.previous.linked.question.text
        if any(self.words[i] == "other" for i in content):
            return self._the_other(content)  # "and the other one?", "who leads the other delegation?"
        if self.about or (self.leads and not self._wh_phrase()):
            nouns = [self.words[i] for i in content]
            if len(nouns) == 1 and nouns[0] in _ASKS:
                return self._asked_again(_ASKS[nouns[0]])
            if pronouns and not content and len(pronouns) == 1 and self.words[pronouns[0]] in _PERSON | _GROUP:
                return self._someone_else(pronouns[0])  # "what's her title?" + "and his?": his title
            return self._aspect_swapped(content)  # "and the cultural side?": the last question, of culture
        wh = self._wh_phrase()
        if wh is None and self._asks_in_the_end(content):
            return self._asked_again(self.words[-1])  # "did they say why?": why, asked of the last question
        if wh is None and self._telling():
            # "tell me about her": what is known of whom the last answer named; "tell me more": the last
            # question, for what its answer did not give
            return self._pronouns_replaced(pronouns) if pronouns else self.previous.linked.question.text if (
                asks_besides(new) and not new.linked.mentions) else None
        if wh is None:  # "does he think ...?": a yes/no question about who the last one named; "anything in
            # there about X?": a thing the last question named, as the object of a preposition
            return self._pronouns_replaced(pronouns) if pronouns and (self.words[self.rest] in AUX or all(
                self._thing_it(i) for i in pronouns)) else None
        if self.words[self.rest] in {"which", "what"} and not pronouns and content == [self.rest + 1]:
            noun = self.words[content[0]]
            again = self._which_again(noun) if wh in {"which", "what"} else None
            if again is not None:
                return again  # "which envoys, again?": who the last answer said they were
            if noun in _ASKS:
                return self._asked_again(_ASKS[noun])  # "which city?": where, asked of the last question
        if not content and self._does_it(pronouns):
            return self._asked_again(wh)  # "what did Trump say on May 24?" + "why did he do that?": why he said it
        if not content and all(self.words[i] in _THING and i not in self.pointing for i in pronouns):
            if pronouns and wh in {"what", "who", "whose"} and self.words[self.rest + 1:self.rest + 2] in ([b] for b in _BE):
                # "what is it?": what that thing is; "who's that?": who that person is; "whose is it?"
                reading = self._pronouns_replaced(pronouns, someone=wh == "who")
                if reading is not None:
                    return reading
            reading = self._asked_again(wh)  # "where?", "when was that?", "why?"
            return f"{self.preposition} {reading}" if reading and self.preposition else reading  # "to whom?"
        if (not content and pronouns and self.previous.asked is Asked.how_many and wh in {"what", "which", "who"}
                and all(self.words[i] in _PLURAL for i in pronouns)):
            return self._asked_again(wh)  # "how many items ...?" + "what are they?": what items ...
        if pronouns:
            if self._the_event_again(pronouns, content):
                # "when did Moon and Kim meet?" + "where was it held?": the meeting, unless the last
                # question or its answer was about an event of its own
                return self._pronouns_replaced(pronouns, near=True) or self._asked_again(wh)
            return self._pronouns_replaced(pronouns)
        return None

    def as_the_one_before(self) -> str | None:
        """See `asked_as_the_one_before`: `previous` is the question before the last."""
        new = self.new
        if (new.unanswerable is not None or not new.linked.mentions or new.linked.dates
                or not (self.leads or self.about) or self._wh_phrase() is not None):
            return None
        if any(w in _PERSON | _GROUP | _THING | _PLURAL | _PLACE | _BESIDES | {"other"} for w in self.words):
            return None
        content = [i for i in range(self.rest, len(self.words)) if not self.used[i]
                   and self.words[i] not in _FILLER and self.words[i].isalpha()]
        if not content or not self._asked_as_before():
            return None  # "and Oslo?" alone says nothing the question before said that the last did not
        return self._substituted()

    def of_the_last(self) -> str | None:
        new = self.new
        if (new.unanswerable is not None or new.asked in {Asked.small_talk, Asked.foreign, Asked.yes_no}
                or new.linked.mentions or new.linked.dates or self._wh_phrase() is None):
            return None
        if any(w in _PERSON | _GROUP | _THING | _PLURAL | _PLACE | _BESIDES | {"other"} for w in self.words):
            return None  # a pronoun, "else" or "other": the readings of `read`, not this one
        if not any(n.kind is NeedKind.word and n.weight > 0 for n in new.needs):
            return None
        said = self.referents.of(_THING_KINDS, people=False, near=True)
        if said is None:
            return None
        if said[:1].islower() and not said.startswith(("the ", "a ", "an ")):
            said = f"the {said}"
        return f"{new.linked.question.text.rstrip('?.! ')} about {said}?"

    def _anything_within(self) -> str | None:
        """"anything on the fishing rights?", "and anything about aid?": only a matter asked about, with no
        verb or question word of its own, after a question about a document (one it named, or else the one
        its answer was about): what that document says of the matter, "... in the Quay Pact?". A document
        holds what it says; a matter asked of with nothing else names no other thing to look in."""
        words, at = self.words, self.rest
        if (at + 2 >= len(words) or words[at] not in _MATTER_OPENINGS or self.used[at + 1]
                or words[at + 1] not in MATTER_PREPOSITIONS | {"on"}):
            return None
        rest = words[at + 2:]
        if set(rest) & (WH | AUX | _BESIDES | _PERSON | _GROUP | _THING | _PLURAL | _PLACE):
            return None  # "anything on it?", "anything about what they said?": another reading
        if any(self.referents.kinds(m.ids) & {EntityKind.document.value} for m in self.new.linked.mentions):
            return None  # "anything about aid in the Quay Pact?": it names its own document
        previous = self.previous.linked
        documents = [m for m in previous.mentions if self.referents.kinds(m.ids) & {EntityKind.document.value}]
        if len(documents) > 1:
            return None
        if documents:
            said = self.referents.as_asked(previous.question.text, documents[0])
        else:
            first = self.context.answered[:1]
            if not first or first[0] not in self.entities or self.entities[first[0]].kind is not EntityKind.document:
                return None
            said = self.referents.said(self.entities[first[0]])
        text = self.new.linked.question.text
        return f"{text.rstrip('?.! ')} in {said}?"

    def _timed(self) -> tuple[int, str] | None:
        """Where a clause of time whose act points back begins (`timed_by_the_last`), and the time it
        stands for: its preposition and the one day the last answer was dated ("before May 27, 2018")."""
        at = timed_by_the_last(self.words)
        days = set(self.context.days)
        if at is None or len(days) != 1:
            return None
        day = days.pop()
        return at, f"{self.words[at]} {day:%B} {day.day}, {day.year}"

    def _which_one(self) -> str | None:
        """"which one" (or "which ones") with the noun the last question asked of ("how many *sites*",
        "which *hotel*") in the place of "one": the question asks which of those things."""
        at = self.rest + 1
        if self.words[self.rest:at] != ["which"] or at >= len(self.words) or self.words[at] not in _ONES or self.used[at]:
            return None
        previous = self.previous
        noun = next((n for n in previous.needs if n.kind is NeedKind.word and n.hard and not n.relation
                     and " " not in n.label and "NOUN" in Lexicon.parts_of_speech(n.label.lower())), None)
        if noun is None:
            return None
        said = noun.label.lower()
        if self.words[at] == "one" and said.endswith("s") and Lexicon.lemmas(said) - {said}:
            said = min(Lexicon.lemmas(said) - {said}, key=shortest)  # "sites": "which site"; "ferries": "ferry"
        text = self.new.linked.question.text
        start, end = token_span(text, at, at + 1)
        return f"{text[:start]}{said}{text[end:]}"

    def _the_time_one(self) -> str | None:
        """"what came out of the April one?" after "where was the May summit?": "one" after "the" and a time
        is the noun the last question named its one event or document by ("the April summit"), which the
        time then says which of."""
        words, new = self.words, self.new.linked
        if new.mentions or not (self._wh_phrase() or words[self.rest] in AUX):
            return None  # "and the April one?" alone asks the last question of April (`_substituted`)
        ends = {position + length: position for _, position, length in new.dates}
        at = next((i for i in ends if i < len(words) and words[i] in _ONES and not self.used[i]
                   and ends[i] > 0 and words[ends[i] - 1] == "the"), None)
        things = [m for m in self.previous.linked.mentions if self.referents.kinds(m.ids) & EVENTFUL]
        if at is None or len(things) != 1:
            return None
        head = name_head(mention_text(self.previous.linked.question.text, things[0]))
        if head is None:
            return None
        text = new.question.text
        start, end = token_span(text, at, at + 1)
        return f"{text[:start]}{head}{text[end:]}"

    def _shifted(self) -> str | None:
        """A time said from the last question's day ("the day after", "two days later", "the week
        before"): the last question asked of that day, or the new question asked on it."""
        text = self.new.linked.question.text
        match = TIME_SHIFT.search(text.lower())
        base = self._last_day()
        if match is None or base is None or self.new.linked.dates or self.new.linked.mentions:
            return None
        count = match.group("n") or "1"
        count = int(count) if count.isdigit() else COUNTS.get(count, 1)
        unit = 7 if (match.group("unit") or match.group("unit2") or match.group("unit3")).startswith("week") else 1
        later = (match.group("dir") or match.group("dir2") or match.group("dir3")) in _LATER
        day = base + timedelta(days=count * unit * (1 if later else -1))
        said = f"{day:%B} {day.day}, {day.year}"
        rest = [w for w, _ in word_tokens(text[:match.start()] + " " + text[match.end():])]
        if not self.about and any(w.lower() in WH for w in rest):  # "what happened the day after?"
            return f"{text[:match.start()].rstrip()} on {said}{text[match.end():]}"
        if any(w.lower() not in _LEADS | _FILLER | {"what", "about", "how"} for w in rest):
            return None
        question = self.previous.linked.question.text
        dates = self.previous.linked.dates
        if dates:
            _, position, length = dates[0]
            start, end = token_span(question, position, position + length)
            return f"{question[:start]}{said}{question[end:]}"
        return f"{question.rstrip('?.! ')} on {said}"

    def _last_day(self) -> date | None:
        """The one day the last question named, or else the one day its answer was dated ("on
        Sunday": the Sunday the answer says)."""
        for span, _, _ in self.previous.linked.dates[:1]:
            if span.start is not None and span.start == span.end:
                return span.start
        days = {d for d in self.context.days if not self.previous.linked.dates or self.previous.linked.dates[0][0].covers(d)}
        return days.pop() if len(days) == 1 else None

    def _closing(self, i: int) -> bool:
        """The word at `i` is a marker that closes the question and asks nothing ("why *though*?", "who
        was it *anyway*?"); "now" still sets the question at the present."""
        return i == len(self.words) - 1 and self.words[i] in DISCOURSE_MARKERS - {"now"}

    def _bound(self, i: int) -> bool:
        """A possessive after a name of its kind in the same question ("when did Seoul hold *its* last
        vote?", "what did Moon say about *his* trip?"): it stands for that name, not for anything said before."""
        word = self.words[i]
        if word not in _POSSESSIVE:
            return False
        wanted = ({"person"} if word in _PERSON else {"country", "group", "organisation"} if word in _GROUP
                  else _THING_KINDS | {"country"})
        return any(m.position < i and {self.entities[e].kind.value for e in m.ids if e in self.entities} & wanted
                   for m in self.new.linked.mentions)

    def _joins_names(self, i: int) -> bool:
        """"and" or "or" right after a name ("what about Tokyo *and* Seoul?"): it only lists the names."""
        return self.words[i] in {"and", "or"} and 0 < i < len(self.words) - 1 and self.used[i - 1]

    def _asks_in_the_end(self, content: list[int]) -> bool:
        """"did they say why?", "do we know where?": a yes/no question about knowing or telling, whose
        last word is the question asked."""
        words = self.words
        return (len(words) >= 3 and words[-1] in WH - {"which", "whose", "whom"} and words[self.rest] in AUX
                and bool(content) and all("VERB" in Lexicon.parts_of_speech(words[i]) or words[i] in _SPEAKERS
                                          for i in content))

    def _does_it(self, pronouns: list[int]) -> bool:
        """"did he *do that*?", "why did they *do it*?": "do" and a pronoun stand for the act the last
        question asked about, done by whom it named."""
        acts = [i for i in pronouns if self.words[i] in _THING and i > 0 and self.words[i - 1] == "do"]
        return bool(acts) and all(i in acts or self.words[i] in _PERSON | _GROUP for i in pronouns)

    def _the_event_again(self, pronouns: list[int], content: list[int]) -> bool:
        """"where was it held?", "when did that take place?": "it" is what the last question asked
        about, and the question asks of it only what any event has (a time, a place)."""
        toks = self.new.linked.question.tokens
        if not all(self.words[i] in _THING and i not in self.pointing for i in pronouns):
            return False

        def eventive(i: int) -> bool:
            if toks[i].lemmas & EVENT_VERBS:
                return True
            return ("take" in toks[i].lemmas and i + 1 < len(toks) and toks[i + 1].lower == "place"
                    or self.words[i] == "place" and i > 0 and "take" in toks[i - 1].lemmas)

        return bool(content) and all(eventive(i) for i in content)

    def _thing_it(self, i: int) -> bool:
        """"it" that stands for a thing, not the "it" of "is it true that ...?" or "how long will it
        take?": "its", "it" after a preposition ("pledge about it"), last after a verb ("how did
        Pyongyang take it?"), or the subject of a verb after "do", "will" or "have" ("what does it say
        about ...?"); and "that" or "them" after a preposition, with at most a time after it ("does Seoul
        agree with that?", "why did they pull out of them last month?")."""
        words = self.words
        if self._inside(i):
            return True  # "anything *in there* about aid?": in the deal the last question named
        if words[i] in {"that", "them"} and 0 < i and words[i - 1] in _OBJECT_OF and all(
                self.used[j] or words[j] in _TIME_LEADS | _LATER | {"earlier"} for j in range(i + 1, len(words))):
            return True  # "who says Kim won't go along *with that*?": what the last answer was about
        if words[i] == "that" and 0 < i and words[i - 1] in AUX - _BE and not self._determiner(i):
            return True  # "what does that mean for her?": the subject of the verb "do" leads to
        if words[i] not in {"it", "its"} or i == 0:
            return False
        before = words[i - 1]
        if words[i] == "its" or before in _OBJECT_OF:
            return True
        if i == len(words) - 1 or words[i + 1] in _OBJECT_OF - {"to"} and "VERB" in Lexicon.parts_of_speech(before):
            return before not in AUX | WH  # "who floated it for ...?": the object of a verb
        return before in AUX - _BE and words[i + 1] not in _EXPLETIVE_VERBS

    def _inside(self, i: int) -> bool:
        """"there" after "in" ("what else is *in there*?"): inside a thing, a document or a deal as much as a
        place, as "in it" would be."""
        return self.words[i] in _PLACE and i > 0 and self.words[i - 1] == "in"

    def _determiner(self, i: int) -> bool:
        """"that", "this", "these" or "those" before a noun or a name ("that building", "those drills",
        "said that North Korea ..."): not a pronoun of its own."""
        words = self.words
        if words[i] not in _DEMONSTRATIVES or i + 1 >= len(words):
            return False
        if self.used[i + 1] or self._compound(i + 1):
            return True  # "that think tank": a noun of two words, whatever the first alone may be
        after = words[i + 1]
        if after in AUX | WH | _OBJECT_OF | _TIME_LEADS | _LEADS | _ONES:
            return False  # "was that before ...?", "that is", "that and ...", "that one": the pronoun itself
        kinds = Lexicon.parts_of_speech(after)
        if i > 0 and words[i - 1] in AUX and "VERB" in kinds and "NOUN" not in kinds and Lexicon.lemmas(after) - {after}:
            return False  # "what have those done?": the subject, before the verb form its auxiliary leads to
        if i > 0 and words[i - 1] in AUX and (self._bare_verb_ends(i + 1) or "ADV" in kinds and self._bare_verb_ends(i + 2)):
            return False  # "what does that (even) mean for her?": the subject, then the verb
        return not kinds or bool(kinds & {"NOUN", "ADJ", "PROPN"})

    def _compound(self, i: int) -> bool:
        """The words at `i` and after it are one noun of two words WordNet knows ("think tank", "peace
        treaty"), neither of them a name."""
        words = self.words
        return (i + 1 < len(words) and not self.used[i] and not self.used[i + 1]
                and bool(Lexicon.hypernyms(f"{words[i]} {words[i + 1]}")))

    def _noun_at(self, i: int) -> str:
        """The noun that begins at `i`: a noun of two words (`_compound`) or the word."""
        return f"{self.words[i]} {self.words[i + 1]}" if self._compound(i) else self.words[i]

    def _common_name_after(self, i: int) -> bool:
        """"that summit", "those talks": a demonstrative before one common noun, typed in lower case, that the
        store also takes as a name ("summit" for the summit it talks of most). "That" says the noun is the
        one just talked of, which may be another of its kind; "the summit" alone stays the name."""
        if self.words[i] not in _DEMONSTRATIVES or i + 1 >= len(self.words) or not self.used[i + 1]:
            return False
        mention = next((m for m in self.new.linked.mentions if m.position == i + 1), None)
        toks = self.new.linked.question.tokens
        return (mention is not None and mention.span == 1 and toks[i + 1].text.islower()
                and "NOUN" in Lexicon.parts_of_speech(self.words[i + 1]))

    def _bare_verb_ends(self, i: int) -> bool:
        """The word at `i` is a verb's bare form that ends the question or stands before what a verb takes
        after it (a preposition, a determiner, a pronoun): "does that even *mean*?", "does that still
        *matter* to them?", not the noun of "does that last *round* count?"."""
        words = self.words
        if i >= len(words) or self.used[i] or "VERB" not in Lexicon.parts_of_speech(words[i]):
            return False
        if Lexicon.lemmas(words[i]) - {words[i]}:
            return False  # an inflected form ("planned", "means"): no verb an auxiliary leads to
        return i + 1 == len(words) or words[i + 1] in PREPOSITIONS | DETERMINERS | _PERSON | _GROUP | _THING

    def _relative(self, i: int) -> bool:
        """"that" after a word that is neither a verb's helper nor a preposition, before an inflected verb
        ("what did he do afterwards *that helped* ...?", "the plan that failed"): it joins a clause to
        what comes before it, and points back to nothing."""
        words = self.words
        if words[i] != "that" or i == 0 or i + 1 >= len(words) or words[i - 1] in AUX | WH | _OBJECT_OF:
            return False
        after = words[i + 1]
        kinds = Lexicon.parts_of_speech(after)
        return "VERB" in kinds and "NOUN" not in kinds and bool(Lexicon.lemmas(after) - {after})

    def _definite(self, i: int) -> bool:
        """"the" before a noun no name holds that ends its phrase ("who chaired *the meeting*?", "was
        *the meeting* held ...?"): a thing said before, not one the question names."""
        words = self.words
        if words[i] != "the" or i + 1 >= len(words) or self.used[i + 1] or not words[i + 1].isalpha():
            return False
        if i + 2 < len(words):
            after = Lexicon.parts_of_speech(words[i + 2])
            if words[i + 2] in _OBJECT_OF or self.used[i + 2] or after & {"NOUN", "PROPN"} and not after & {
                    "VERB", "AUX", "ADV"}:
                return False  # "the leader of South Korea", "the meeting agenda": the phrase goes on to say which
            if "NOUN" in after and is_plural(words[i + 2]):
                # "the delegation heads": a plural noun, not a verb's -s form (a question puts its subject
                # before a bare verb: "did the delegation head ...?"); the heads of delegations, not one
                return False
        return "NOUN" in Lexicon.parts_of_speech(words[i + 1])

    def _existential(self, i: int) -> bool:
        """"there" between a form of "be" and what exists ("is there a plan ...?", "will there be
        talks?") points to no place; "who was there?" and "was he there on Monday?" do."""
        words = self.words
        if words[i] not in _PLACE or i + 1 >= len(words):
            return False
        if i > 1 and words[i - 1] in _BE and words[i - 2] in {"who", "whom"}:
            return False  # "who was there representing Seoul?": "who" is the subject, "there" a place
        return words[i + 1] in _BE or i > 0 and words[i - 1] in _BE and words[i + 1] not in _OBJECT_OF | _TIME_LEADS

    def _wh_phrase(self) -> str | None:
        words = self.words[self.rest:]
        if not words or words[0] not in WH:
            return None
        if tuple(words[:2]) in _WHY_PHRASES:
            return "why"  # "how come?"
        if words[0] == "what" and words[-1] == "for":
            return "why"  # "what was it for?": what for is why
        if tuple(words[:2]) in _WH_PHRASES:
            return " ".join(words[:2])
        return words[0]

    def _asked_again(self, wh: str) -> str | None:
        """The earlier question with another question word: "when is the summit?" + "where?"; about
        what the answer said happened then, when it said one day ("where?" after "who met at the DMZ?":
        where, on May 28). A cause is not asked of a day: "why?" after "who blocked it on Monday?" asks
        why they blocked it, and the reason is seldom dated as the act is."""
        reading = self._of_the_event_answered(wh) or self._reworded(wh)
        if reading is None:
            return None
        reading = _STRANDED.sub(r"\2", reading)  # "who did he meet with on Monday" -> "where did he meet on Monday"
        if wh == "why":
            return self._without_places(self._without_times(reading))
        days = sorted(set(self.context.days))
        if (wh not in {"when", "what time", "which year"} and len(days) == 1 and not self.previous.linked.dates
                and self.previous.asked is not Asked.when):  # "when is it?" + "where?": the day is known
            reading = f"{reading.rstrip('?.! ')} on {days[0].strftime('%B')} {days[0].day}, {days[0].year}"
        return reading

    def _of_the_event_answered(self, wh: str) -> str | None:
        """"what day was the leaders' meeting set for?" + "and where?": the last question described an
        event without naming it, and its answer named it; where (or when) is asked of that event by
        its name, not of the description, which other meetings fit too. When the answer named none
        ("when did Ana sit down with Ben?", answered by a fact that they met that day), the one event
        of those people the store gives that day for: what they did is what happened at it, and its
        place is said of it, not of the verb the question chose."""
        previous = self.previous
        if wh not in {"where", "when"} or previous.asked not in {Asked.when, Asked.where} or any(
                self.referents.kinds(m.ids) & {"event"} for m in previous.linked.mentions):
            return None
        event = self.referents.answered_of({"event"}, named=False) or self.referents.event_of_the_people(dated=True)
        if event is None:
            return None
        be = next((t.lower for t in previous.linked.question.tokens[:4] if t.lower in _BE), "was")
        return f"{wh} {be} {event}{self._previous_time()}"

    def _without_times(self, reading: str) -> str:
        """`reading` without the times the last question named ("... on Monday?": "...?")."""
        question = self.previous.linked.question.text
        for _, position, length in self.previous.linked.dates:
            said = question[slice(*token_span(question, position, position + length))]
            reading = re.sub(rf"(?:\s+(?:on|in|at|during|over|by))?\s+{re.escape(said)}\b", "", reading, count=1)
        return re.sub(r"\s*,\s*(?=[?.!]*$)", "", reading)  # "... on Thursday, May 24?": no comma left

    def _without_places(self, reading: str) -> str:
        """`reading` without where the last question placed its act ("... *in the National Assembly*?"): a
        place or a body after "in" or "at". A cause is seldom told with the place of the act it is the cause
        of, as it is seldom dated as the act is; but a place that is all the question names says which act
        ("who met *at the DMZ*?") and stays."""
        previous = self.previous.linked
        toks = previous.question.tokens
        text = previous.question.text

        def placing(mention: Mention) -> bool:
            before = mention.position - 1 - (mention.position > 1 and toks[mention.position - 1].lower == "the")
            return before >= 0 and toks[before].lower in _AT_PLACE and bool(self.referents.kinds(mention.ids) & _THERE)

        if all(placing(m) for m in previous.mentions):
            return reading  # "who met at the DMZ?": the place is all that says which meeting
        for mention in previous.mentions:
            if placing(mention):
                said = text[slice(*_with_dot(text, *token_span(text, mention.position, mention.position + mention.span)))]
                reading = re.sub(rf"\s+(?:in|at)\s+(?:the\s+)?{re.escape(said)}(?=[\s?.!]|$)", "", reading, count=1,
                                 flags=re.IGNORECASE)
        return reading

    def _reworded(self, wh: str) -> str | None:
        previous = self.previous
        toks = previous.linked.question.tokens
        text = previous.linked.question.text
        if not toks:
            return None
        first = toks[0].lower
        if previous.asked is Asked.describe and previous.describe:
            name = self.referents.name(previous.describe)
            if wh not in {"where", "who", "what"} and self.referents.kinds({previous.describe}) & {"person"}:
                return None  # "who is X?" + "why?": a person has no time or cause; which of X's acts is asked, unsaid
            return f"{wh} is {name}" if wh in {"where", "who"} else f"{wh} {name}"
        if first in AUX:
            return f"{wh} {_lower_first(text)}"  # "did they meet?" + "where?": "where did they meet?"
        at = next((i for i, t in enumerate(toks[:5]) if t.lower in WH), None)
        if at is None:
            return None
        end = at + 1
        if tuple(t.lower for t in toks[at:at + 2]) in _WH_PHRASES or (
                at + 1 < len(toks) and toks[at + 1].lower in {"time", "year", "date", "day", "month"}):
            end = at + 2
        if first in {"which", "what"} and end + 2 < len(toks) and toks[end].lower in _KINDS and toks[end + 1].lower == "of":
            end += 3  # "what kind of group is it?": the frame and the noun it frames, then the question
        elif (first in {"which", "what"} and end + 1 < len(toks) and toks[end + 1].lower not in AUX
                and "VERB" not in Lexicon.parts_of_speech(toks[end].lower)
                and "VERB" in Lexicon.parts_of_speech(toks[end + 1].lower)):
            end += 1  # "which envoys signed it?": the noun is who, the verb comes after it
        after = toks[end] if end < len(toks) else None
        head = token_span(text, 0, end)
        tail = text[head[1]:].strip()
        if after is not None and after.lower not in AUX and first in {"who", "what", "which"}:
            # "who led the U.S. delegation?" + "when?": "when did Joe Hagin lead the U.S. delegation?"
            verb = min(after.lemmas - {after.lower} or {after.lower}, key=shortest)
            if wh == "why" and len(set(self.context.acts)) == 1 and "VERB" in Lexicon.parts_of_speech(after.lower):
                verb = self.context.acts[0]  # "who torpedoed it?" + "why?": why they blocked it, as the answer said
            doer = self.referents.answered_of({"person", "group", "organisation", "country"}, named=False)
            rest = text[token_span(text, end, end + 1)[1]:].strip()
            if doer is not None:
                return f"{wh} did {doer} {verb} {rest}"
            if wh in {"who", "what", "which"}:
                return f"{wh} {tail}"
            # "who met at the DMZ?" + "what for?": "why did they meet at the DMZ?", not "why met ..."
            return f"{wh} did {'they' if first == 'who' else 'it'} {verb} {rest}"
        if after is not None and after.lower in AUX:
            # "who's leading it?" + "since when?": the auxiliary as a word ("since when is ..."), not "'s"
            rest = text[token_span(text, end, end + 1)[1]:].strip()
            doer = self.referents.answered_of({"person", "group", "organisation", "country"}, named=False)
            if first == "who" and doer is not None and wh != "who" and self._asks_the_subject(end + 1):
                return f"{wh} {after.lower} {doer} {rest}"  # "since when is Joe Hagin leading it?"
            return f"{wh} {after.lower} {rest}"
        return f"{wh} {tail}"

    def _asks_the_subject(self, at: int) -> bool:
        """The last question's word at `at`, after "who" and an auxiliary, goes on with the verb or a
        preposition ("who is *leading* it?", "who was *at* the DMZ?"): "who" is the subject; a name or a noun
        there is the subject itself ("who did *Sung Kim* meet?"), and "who" the object."""
        toks, used = self.previous.linked.question.tokens, self.previous.linked.used
        if at >= len(toks) or used[at] or toks[at].lower in DETERMINERS | _PERSON | _GROUP | _THING:
            return False
        return toks[at].lower in PREPOSITIONS or "VERB" in Lexicon.parts_of_speech(toks[at].lower)

    def _substituted(self) -> str | None:
        """The earlier question with the new names and times in place of their kind's: "who led the U.S.
        delegation?" + "and the North Korean one?": "who led the North Korean delegation?"."""
        previous = self.previous
        text = previous.linked.question.text
        edits: list[tuple[int, int, str]] = []
        new_text = self.new.linked.question.text
        swapped = self._swapped()
        if swapped is not None:
            return swapped
        taken: set[tuple[int, int]] = set()
        for mention in self.new.linked.mentions:
            kinds = self.referents.kinds(mention.ids)
            said = mention_text(new_text, mention)
            place = self._place_for(kinds, mention.ids, taken=taken)
            if place is None:
                return None
            taken.add(place)
            if (said[:1].islower() and mention.position > 0 and self.new.linked.question.tokens[mention.position - 1].lower == "the"
                    and text[:place[0]].lower().split()[-1:] != ["the"]):
                said = f"the {said}"  # "and the us?": a common word is a name only as written, after "the"
            edits.append((*place, said))
        new_dates = self.new.linked.dates
        if new_dates:
            old = previous.linked.dates
            for k, (span, position, length) in enumerate(new_dates):
                said = new_text[slice(*token_span(new_text, position, position + length))]
                if k < len(old):
                    place = token_span(text, old[k][1], old[k][1] + old[k][2])
                    # "since June 2019" held its own preposition, which goes with it: "in May 2019"
                    edits.append((*place, _time_said(span, said) if _leads(text[slice(*place)]) else said))
                else:
                    end = len(text.rstrip("?.! "))
                    edits.append((end, end, f" {_time_said(span, said)}"))
        if not edits:
            return None
        for start, end, said in sorted(edits, reverse=True):
            text = text[:start] + said + text[end:]
        return text

    def _swapped(self) -> str | None:
        """The earlier question with its two names of one kind traded, when the new one names the second
        of them: "what does Seoul want from Tokyo?" + "same for Japan?": "what does Japan want from Seoul?"
        (the first one's question asked of the other side, not of Japan twice)."""
        mentions = self.new.linked.mentions
        if len(mentions) != 1 or self.new.linked.dates:
            return None
        ids = mentions[0].ids
        previous = self.previous.linked
        same = [m for m in previous.mentions if m.ids & ids]
        kinds = self.referents.kinds(ids)
        others = [m for m in previous.mentions if not m.ids & ids and self.referents.kinds(m.ids) & kinds]
        if len(same) != 1 or len(others) != 1:
            return None
        text = previous.question.text
        (s_start, s_end), (o_start, o_end) = (_with_the(text, *_with_dot(text, *token_span(text, m.position, m.position + m.span)))
                                              for m in (same[0], others[0]))
        said, other = text[s_start:s_end], text[o_start:o_end]
        edits = sorted([(s_start, s_end, other), (o_start, o_end, said)], reverse=True)
        for start, end, put in edits:
            text = text[:start] + put + text[end:]
        return text

    def _someone_else(self, at: int) -> str | None:
        """"what is Ana's job?" + "and his?": the last question asked of the one the pronoun stands for, who
        is not whom the last question named (its question is asked of another); in that one's place."""
        word = self.words[at]
        named = {e for m in self.previous.linked.mentions for e in m.ids}
        others = Referents(self.new, self.previous, self.context, entities=self.entities,
                           passed=self.referents.passed | named)
        others.pronoun = word
        kinds = {"person"} if word in _PERSON else {"group", "country", "organisation"}
        said = others.of(kinds, people=word in _GROUP)
        chosen = frozenset(others.last)
        place = self._place_for(kinds, chosen) if said is not None and chosen else None
        if place is None:
            return None
        self.stood_for = [chosen]
        text = self.previous.linked.question.text
        return f"{text[:place[0]]}{said}{text[place[1]:]}"

    def _aspect_swapped(self, content: list[int]) -> str | None:
        """"did the treaty promise trade deals with Chile?" + "and on the cultural side?": the last question
        with the phrase its adjective heads ("trade deals with Chile", its noun and what the noun is of)
        in place of the new one's, when the new one says one adjective of the same sort (near in meaning:
        "cultural" stands in for "commercial", not for "big"). Asked of "the new side", the old side's
        nouns belong to it and go too."""
        adjectives = [i for i in content if "ADJ" in Lexicon.parts_of_speech(self.words[i])]
        if (self.near is None or len(adjectives) != 1 or self.new.linked.dates
                or any("NOUN" not in Lexicon.parts_of_speech(self.words[i]) for i in content if i not in adjectives)):
            return None
        said = self.words[adjectives[0]]
        previous = self.previous.linked
        toks = previous.question.tokens
        nearness = {i: self.near(t.lower, said) for i, t in enumerate(toks) if not previous.used[i]
                    and t.lower != said and "ADJ" in Lexicon.parts_of_speech(t.lower) and t.lower not in WH | AUX}
        best = max(nearness, key=nearness.__getitem__, default=None)
        if best is None or nearness[best] < ASPECT_NEARNESS:
            return None
        text, new_text = previous.question.text, self.new.linked.question.text
        start, end = best, best + 1
        while end < len(toks) and not previous.used[end] and toks[end].lower not in PREPOSITIONS and (
                "NOUN" in Lexicon.parts_of_speech(toks[end].lower)):
            end += 1  # "trade deals": the nouns the adjective stands before
        phrase = new_text[token_span(new_text, self.rest, len(self.words))[0]:].rstrip("?.! ")
        phrase = phrase if self.words[self.rest] in PREPOSITIONS else f"on {phrase}"
        if start > 0 and toks[start - 1].lower in WH:
            # "which trade deals did it promise?" + "and the cultural side?": "which did it promise on the cultural side?"
            begin, finish = token_span(text, start, end)
            return f"{text[:begin].rstrip()} {text[finish:].strip().rstrip('?.! ')} {phrase}?"
        if end + 1 < len(toks) and toks[end].lower in PREPOSITIONS:
            after = end + 1 + (toks[end + 1].lower in DETERMINERS)  # "with Chile", "for the north": what they are of
            held = next((m for m in previous.mentions if m.position in {end + 1, after}), None)
            if held is not None:
                end = held.position + held.span
            elif after < len(toks) and not previous.used[after] and "NOUN" in Lexicon.parts_of_speech(toks[after].lower):
                end = after + 1
        if start > 0 and toks[start - 1].lower in DETERMINERS:
            start -= 1
        if start > 0 and toks[start - 1].lower in PREPOSITIONS:
            start -= 1  # "on the economy" + "the cultural side": "on the cultural side"
        else:
            phrase = f"anything {phrase}"  # "did it promise trade deals?" + "and the cultural side?"
        begin, finish = token_span(text, start, end)
        return f"{text[:begin]}{phrase}{text[finish:]}"

    def _asked_as_before(self) -> bool:
        """Every word the question says besides its names and times the last question said too ("what did
        Quito say about the loan?" + "and what did Lima say?"): the same question asked of another, what
        the last one said besides left unsaid, not unasked."""
        said = {lemma for t in self.previous.linked.question.tokens for lemma in t.lemmas | {t.lower}}
        meant = said | self._meant(said)
        toks = self.new.linked.question.tokens
        return all(self.used[i] or self.words[i] in _FILLER or toks[i].lemmas & said or self.words[i] in said
                   or self._meant(toks[i].lemmas | {self.words[i]}) & meant
                   for i in range(self.rest, len(self.words)))

    def _meant(self, lemmas: Set[str]) -> set[str]:
        """The words the vocabulary says `lemmas` mean: "and Oslo's team?" asks again what "who leads Rome's
        side?" asked, a team and a side in talks both being the delegation."""
        if self.meanings is None:
            return set()
        return {word for lemma in lemmas for meaning in self.meanings(lemma) for word in meaning.split()}

    def _telling(self) -> bool:
        """A request to tell, not a question: "tell me about him", "describe it", "more on her, please"."""
        words = self.words[self.rest:]
        return bool(words) and (words[0] in TELLING or words[0] == "more")

    def _like_the_last(self) -> tuple[int, str] | None:
        """Where "similar" stands after "anything" or "something" ("did she say anything similar?"), and the
        last question's last phrase of a preposition and what it governs, but for a time ("about the
        treaty" of "what did he say about the treaty on Monday?"): what the new question asks the like of."""
        at = next((i for i in range(1, len(self.words)) if self.words[i] in _LIKE and not self.used[i]
                   and self.words[i - 1] in _MORE_OF - {"what"}), None)
        if at is None or not all(self.words[j] in _TIME_LEADS | {"again", "either"} or self.used[j]
                                 for j in range(at + 1, len(self.words))):
            return None  # "anything similar about the talks?": like what the last answer said, of the talks
        previous = self.previous.linked
        toks = previous.question.tokens
        timed = {p for _, position, length in previous.dates for p in range(position, position + length)}
        heads = [j for j, t in enumerate(toks[:-1]) if t.lower in PREPOSITIONS - {"to"} and j not in timed
                 and j + 1 not in timed]
        if not heads:
            return None
        end = next((k for k in range(heads[-1] + 1, len(toks)) if k in timed), len(toks))
        if end < len(toks) and toks[end - 1].lower in PREPOSITIONS:
            end -= 1  # "about the treaty on Monday": without the "on" of the time
        text = previous.question.text
        start, finish = token_span(text, heads[-1], end)
        return at, text[start:finish].rstrip("?.! ")

    def _which_again(self, noun: str) -> str | None:
        """"which officials?" with a noun the last question said: the ones its answer named, described.
        Plural, the people the answer named that the question did not (two or three of them); singular,
        the one thing the answer or question named that the noun names or describes."""
        lemmas = Lexicon.lemmas(noun) | {noun}
        if not lemmas & set(self.context.words):
            return None
        if is_plural(noun):
            people = self.referents.answered_people()
            return f"who are {' and '.join(people)}?" if 2 <= len(people) <= 3 else None
        pointed = self.referents.described_as(noun) or self.referents.headed_by(noun)
        if pointed is None:
            return None
        return f"{'who' if pointed.entity.kind is EntityKind.person else 'what'} is {pointed.said}?"

    def _the_other(self, content: list[int]) -> str | None:
        """The last question asked of the other of the two things it named one of ("who leads the U.S.
        delegation?" + "and the other one?": who leads the North Korean delegation?)."""
        nouns = [self.words[i] for i in content if self.words[i] != "other"]
        if len(nouns) > 1 or (nouns and self._wh_phrase() not in {None, "what", "which", "who"}):
            return None
        side = any(self.words[i + 1:i + 2] == [_SIDE] for i in content if self.words[i] == "other")
        found = (self.referents.the_other(nouns[0] if nouns else None) or (None if nouns else self._paired())
                 or (self._other_answered() if nouns or side else None))  # "the other *side*", not "the other one" of many
        if found is None:
            return None
        mention, other = found
        text = self.previous.linked.question.text
        start, end = _with_dot(text, *token_span(text, mention.position, mention.position + mention.span))
        return f"{text[:start]}{other.name}{text[end:]}"

    def _other_answered(self) -> tuple[Mention, Entity] | None:
        """"what is Washington seeking?" + "and the other side?": the one party (a country, a group, an
        organisation, a person) the last question named, and the first other party of its kind the last
        answer named ("... that North Korea will dismantle ..."): the side the answer set against it."""
        sources = self.referents.sources()  # "According to X, what is Oslo after?": Oslo's side, not X's
        mentions = [m for m in self.previous.linked.mentions
                    if self.referents.kinds(m.ids) & _AGENTS and m.position not in sources]
        if len(mentions) != 1 or len(mentions[0].ids) != 1:
            return None
        kinds = self.referents.kinds(mentions[0].ids)
        named = {e for m in self.previous.linked.mentions for e in m.ids}
        others = [e for e in dict.fromkeys([*self.context.answered, *self.context.named])
                  if e not in named and e in self.entities and self.entities[e].kind.value in kinds]
        return (mentions[0], self.entities[others[0]]) if others else None  # the first the answer said

    def _fellow(self) -> str | None:
        """"his co-author", "her co-founder": a possessive for someone, then "co-" and a noun, is the other
        of the pair the facts name that someone in; the someone is the one person the last question
        named, else the first its answer was about."""
        words, text = self.words, self.new.linked.question.text
        at = next((i for i in range(len(words) - 2) if words[i] in _POSSESSIVE - {"its"} and words[i + 1] == "co"
                   and not any(self.used[i:i + 3])), None)
        if at is None or self.partner is None:
            return None
        named = [e for m in self.previous.linked.mentions for e in sorted(m.ids) if self.referents.kinds({e}) & {"person"}]
        answered = [e for e in self.context.answered if self.referents.kinds({e}) & {"person"}]
        whose = named if len(named) == 1 else answered[:1]
        other = self.partner(whose[0]) if whose else None
        if other is None or not self.referents.kinds({other}) & {"person"}:
            return None
        start, end = token_span(text, at, at + 3)
        if text[token_span(text, at + 1, at + 2)[1]:token_span(text, at + 2, at + 3)[0]] != "-":
            return None  # "their co" alone, not one word with what follows
        return f"{text[:start]}{self.referents.name(other)}{text[end:]}"

    def _paired(self) -> tuple[Mention, Entity] | None:
        """"how do I reach the first author?" + "and the other one?": the one thing the last question
        named, and the other of the pair the facts name it in."""
        mentions = [m for m in self.previous.linked.mentions if len(m.ids) == 1]
        if self.partner is None or len(mentions) != 1:
            return None
        other = self.partner(next(iter(mentions[0].ids)))
        if other not in self.entities or self.entities[other].kind.value not in _AGENTS:
            return None  # the other of two things is seldom what is meant: "the other one" is someone
        return mentions[0], self.entities[other]

    def _place_for(self, kinds: set[str], ids: frozenset[str], *,
                   taken: Set[tuple[int, int]] = frozenset()) -> tuple[int, int] | None:
        """Where in the earlier question a name of this kind stands (the name, or a word of a longer one),
        past the places `taken` by the names said before it ("same for Tokyo and Seoul?": the second
        name goes where the second of their kind stood)."""
        previous = self.previous
        text = previous.linked.question.text
        toks = previous.linked.question.tokens
        for mention in previous.linked.mentions:
            if mention.ids & ids:
                return None  # it names the same thing again: nothing to replace
            place = _with_dot(text, *token_span(text, mention.position, mention.position + mention.span))
            if self.referents.kinds(mention.ids) & kinds and place not in taken:
                return place
        for mention in previous.linked.mentions:
            words = [t.lower for t in toks[mention.position:mention.position + mention.span]]
            for i, n, found in self.names.find(words):
                place = _with_dot(text, *token_span(text, mention.position + i, mention.position + i + n))
                if n < len(words) and self.referents.kinds(frozenset(found)) & kinds and place not in taken:
                    return place
        return None

    def _pronouns_replaced(self, pronouns: list[int], *, someone: bool = False, near: bool = False) -> str | None:
        """"who is he?" after "who led the North Korean delegation?": "who is Kim Chang Son?". With
        `someone`, "that" and "it" stand for a person too ("who is that?"); with `near`, a pronoun stands
        only for what the last question or the subject of its answer named."""
        self.stood_for = []
        try:
            reading = self._replaced(pronouns, someone=someone, near=near)
            if reading is None:
                self.stood_for = []
            return reading
        finally:
            self.referents.pronoun = None
            self.referents.chosen = set()

    def _replaced(self, pronouns: list[int], *, someone: bool, near: bool) -> str | None:
        text = self.new.linked.question.text
        edits = []
        taken = {_without_the(name).lower() for p in self.pointing.values() for name in (*p.entity.names, p.said)}
        like = self.like
        if like is not None:  # "did she say anything similar?": anything about what the last question asked of
            edits.append((*token_span(text, like[0], like[0] + 1), like[1]))
        if self.timed is not None:  # "before doing all that": before the day the last answer told of
            edits.append((*token_span(text, self.timed[0], len(self.words)), self.timed[1]))
        subjects: dict[str, str] = {}
        """What each subject pronoun read so far was put as: "his" after "he" is the same one's."""
        again: dict[str, str] = {}
        """What each personal pronoun read so far was put as: the same word said again in one message is the
        same one ("what does he do, like what's his job?"), not another person."""
        for i in pronouns:
            if i in self.pointing:
                edits.append((*token_span(text, i, i + 2 + self._compound(i + 1)), self.pointing[i].said))
                continue
            word = self.words[i]
            if word in again:
                edits.append((*token_span(text, i, i + 1), again[word]))
                continue
            own = subjects.get(_OWNER.get(word, ""))
            if own is not None and not (word == "her" and self._object_her(i)):
                # "did he change his tone?": his own tone, not another man's
                edits.append((*token_span(text, i, i + 1), own + ("'" if own.endswith("s") and is_plural(own) else "'s")))
                continue
            self.referents.pronoun, self.referents.last = word, set()
            inside = self._inside(i)
            kinds = ({"person"} if word in _PERSON or someone else {"group", "country", "organisation"}
                     if word in _GROUP else _THERE if word in _PLACE and not inside else _THING_KINDS)
            said = None
            if word in _PLACE and not inside and not (i > 0 and self.words[i - 1] in _BE):
                said = self._where_it_was()  # "what did they sign there?": at the meeting whose place was asked
            elif word in _PLACE and not inside and self.words[self.rest] in {"who", "whom"} and (
                    self.previous.asked is not Asked.where):  # after "where was it held?", the place answered
                said = self._the_one_event_asked()  # "when was the summit?" + "who was there?": at the summit
            if word in _DEMONSTRATIVES:  # "which jets took part in those?": what the answer brought up
                said = (self.referents.where_answered(kinds) or self.referents.answered_of(kinds & EVENTFUL, named=False)
                        or self.referents.answered_of(kinds, named=False))
            if word in _GROUP and self._wh_phrase() in {"who", "whom"}:
                said = said or self.referents.people()  # "who are they?": people, not the meeting they held
            if word in _GROUP:
                said = said or self.referents.unnamed_one_answered()  # "who said so?" + "their name?": the source
            pair = self._pair_before(i)
            if pair is not None:
                people = self.referents.people()  # "the two of them", "both of them": two people, no meeting
                if people is None:
                    return None
                edits.append((token_span(text, pair, i + 1)[0], token_span(text, i, i + 1)[1], people))
                continue
            said = said or self.referents.of(kinds, people=word in _GROUP, near=near)
            if said is not None and said.startswith("at "):
                edits.append((*token_span(text, i, i + 1), said))
                continue
            if said is None or _without_the(said).lower() in taken:
                return None  # "what did they agree at the meeting?": they are not the meeting
            self.referents.chosen |= self.referents.last
            if self.referents.last:
                self.stood_for.append(frozenset(self.referents.last))
            if said[:1].islower() and not said.startswith(("the ", "a ", "an ")):
                said = f"the {said}"  # "map" from "the article's map"
            if word in _SUBJECTS:
                subjects[word] = said
            if word in _POSSESSIVE and not (word == "her" and self._object_her(i)):
                said += "'" if said.endswith("s") and is_plural(said) else "'s"  # "the envoys'", "Ada's"
            elif word in _PLACE and not inside:
                said = f"in {said}"
            if word in _PERSON | _GROUP:
                again[word] = said
            edits.append((*token_span(text, i, i + 1), said))
        for start, end, said in sorted(edits, reverse=True):
            contracted = _CONTRACTED_AUX.match(text, end)  # "they'll": "the envoys will", not "the envoys'll"
            if contracted is not None:
                end, said = contracted.end(), f"{said} {_CONTRACTED_AUXILIARIES[contracted.group(1).lower()]}"
            text = text[:start] + said + text[end:]
        if any(self.words[i] in _THING for i in pronouns) and not self.new.linked.dates and not self._what_is():
            text = f"{text.rstrip('?.! ')}{self._previous_time()}"  # "what came out of it?": of that day's
        return text

    def _what_is(self) -> bool:
        """"what was their objection to it?", "what is his view of it?": a question of what a thing is, with
        no act of its own to place in time; the day the last question placed its act on is not this one's
        ("what's in it?" asks what a thing holds, of that day's thing)."""
        words = self.words[self.rest:]
        return len(words) > 3 and words[0] == "what" and words[1] in _BE and words[2] not in PREPOSITIONS

    def _object_her(self, i: int) -> bool:
        """"her" with no noun after it ("tell me about *her*", "did they meet her on Monday?"): the person,
        not whose thing."""
        after = self.words[i + 1] if i + 1 < len(self.words) else None
        return after is None or after in PREPOSITIONS | AUX | _TIME_LEADS or self.used[i + 1] and not any(
            m.position == i + 1 for m in self.new.linked.mentions)

    def _pair_before(self, i: int) -> int | None:
        """Where "the two of" or "both of" begins, when it stands before the pronoun at `i` ("will *the two
        of* them sign it?"): the pronoun then stands for two people together, said by their names."""
        words = self.words
        if words[i] not in _GROUP or i < 2 or words[i - 1] != "of" or words[i - 2] not in _PAIR:
            return None
        return i - 3 if i >= 3 and words[i - 3] == "the" and words[i - 2] == "two" else i - 2

    def _where_it_was(self) -> str | None:
        """After "where was <event> held?", "there" after an act is at that event: what was done there
        was done at it, and the facts about it say the event more often than its place ("who was
        there?" is still the place). Said as the last question said it, with its time."""
        previous = self.previous
        if previous.asked is not Asked.where:
            return self._event_named_at() or self._event_answered_at_place()
        events = [m for m in previous.linked.mentions if self.referents.kinds(m.ids) & EVENTFUL - {"document"}]
        if len(events) != 1:
            return None
        said = mention_text(previous.linked.question.text, events[0])
        if said[:1].islower() and not said.startswith(("the ", "a ", "an ")):
            said = f"the {said}"
        return f"at {said}{self._previous_time()}"

    def _who_was_there(self, i: int) -> bool:
        """"who was *there* representing Seoul?": the place of the last question, whatever side it names."""
        return self.words[i] in _PLACE and self.words[self.rest] in {"who", "whom"} and i > 0 and self.words[i - 1] in _BE

    def _the_one_event_asked(self) -> str | None:
        """"at <event>" when the last question named one event and no place: whoever "was there" was at it."""
        previous = self.previous.linked
        kinds = [self.referents.kinds(m.ids) for m in previous.mentions]
        events = [m for m, k in zip(previous.mentions, kinds) if k & {EntityKind.event.value}]
        if len(events) != 1 or any(k & _THERE for k in kinds):
            return None
        said = mention_text(previous.question.text, events[0])
        toks = previous.question.tokens
        if (said[:1].islower() or events[0].position > 0 and toks[events[0].position - 1].lower == "the") and not \
                said.lower().startswith(("the ", "a ", "an ")):
            said = f"the {said}"
        return f"at {said}"

    def _event_named_at(self) -> str | None:
        """"who will be at the Singapore summit?" + "what will they sign there?": the last question put
        someone at an event, so "there" is at it, not the place its name holds, which the facts say less
        often than the event."""
        previous = self.previous.linked
        toks = previous.question.tokens
        events = [m for m in previous.mentions if self.referents.kinds(m.ids) & {EntityKind.event.value}
                  and (before := m.position - 1 - (m.position > 1 and toks[m.position - 1].lower == "the")) >= 0
                  and toks[before].lower == "at"]
        if len(events) != 1:
            return None
        said = mention_text(previous.question.text, events[0])
        if (said[:1].islower() or toks[events[0].position - 1].lower == "the") and not said.lower().startswith(
                ("the ", "a ", "an ")):
            said = f"the {said}"  # as the question said it: "at *the* Tromso forum"
        return f"at {said}{self._previous_time()}"

    def _event_answered_at_place(self) -> str | None:
        """"who's Trump meeting in Singapore?" + "what will they sign there?": the last question named one
        place and its answer was about an event it did not name (the summit); what is done "there" is
        done at that event, which the facts say rather than its place."""
        previous = self.previous
        places = [m for m in previous.linked.mentions if self.referents.kinds(m.ids) & {EntityKind.place.value}]
        first = self.context.answered[:1]
        named = {e for m in previous.linked.mentions for e in m.ids}
        if len(places) != 1 or not first or first[0] in named or first[0] not in self.entities:
            return None
        event = self.entities[first[0]]
        if event.kind is not EntityKind.event:
            return None
        return f"at {self.referents.said(event)}{self._previous_time()}"

    def _previous_time(self) -> str:
        """The times the last question named, as a phrase to end a question with: " on April 27"."""
        out = ""
        question = self.previous.linked.question.text
        for span, position, length in self.previous.linked.dates:
            said = question[slice(*token_span(question, position, position + length))]
            out += f" {_time_said(span, said)}"
        return out


_OWN_LEADS = PREPOSITIONS | {"following", "prior"}
"""Words a time as linked may begin with that place it by themselves ("*after* May 2018", "*prior* to
June"): a time so said takes no "in" or "on" before it."""


def _leads(said: str) -> bool:
    return said.split()[0].lower() in _OWN_LEADS if said.split() else False


def _time_said(span: DateSpan, said: str) -> str:
    """A time as a question ends with it: "on April 27", "in May 2018"; one said relative to a day ("last
    week") or with its own preposition ("after May 2018", "before 2024") as it was written."""
    if span.relative or _leads(said):
        return said
    return f"{'on' if span.month_day or span.weekday is not None or span.start == span.end else 'in'} {said}"

def _with_dot(text: str, start: int, end: int) -> tuple[int, int]:
    """The span, with the full stop of an abbreviation it ends in ("U.S." is one name)."""
    if end < len(text) and text[end] == "." and text[end - 1:end].isupper() and text[end + 1:end + 2] in {" ", ""}:
        end += 1
    return start, end


def _with_the(text: str, start: int, end: int) -> tuple[int, int]:
    """The span, with "the" before it: the article goes where the name goes ("the U.S." and "Japan" traded)."""
    before = text[:start]
    if before.lower().endswith("the "):
        return start - 4, end
    return start, end


def _without_the(name: str) -> str:
    return name.removeprefix("the ")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text

