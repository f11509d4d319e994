"""Stages 4 and 5: Classified -> candidates -> scored facts.

A fact's score is the weighted share of the question's needs it covers (a word by itself, by one of
its lemmas, or by a word that means nearly the same), times a factor for each hard need it misses
(an entity, a time, the thing or the relation asked about), for a qualifier it lacks ("the *Chinese*
delegation" against a fact about another delegation), and for the kind of answer it cannot give (a
"where" with no place in it).
"""

from __future__ import annotations

import calendar
import functools
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import re

from briefings.answering.classify import (_AUX, _BE, _LIGHT_VERBS, _POSSESSIVE_DETERMINERS, _PRO_VERBS, _RELATIVES,
                                          DETERMINERS, FUNCTION_ZIPF, LOCATIVE,
                                          MOTION_ENDS, NAME_WORDS, PATH, RANKING, SAYING, USUAL, _place_named_lowercase,
                                          is_proper_name, placed, superlative, thing_said_to_be_called, title_of)
from briefings.answering.facts import (_NUMBER_WORDS, _YEAR_NUMERALS, KIND_CREDIT, FactTable, IndexedFact, _one_family,
                                       a_number_at, relation_gives_a_cause, says_a_cause)
from briefings.answering.lexicon import (KNOWN_ZIPF, PARTICLES, PREPOSITIONS, STARTING, Lexicon, fold, word_tokens,
                                         words_of)
from briefings.models import Entity, EntityKind
from briefings.answering.model import Asked, Classified, DateSpan, Need, NeedKind, Token

__all__ = ["ScoredFact", "fits_the_asked_kind", "kind_factor", "prepare", "said_together", "says_the_question",
           "score_candidates", "the_cause_beside"]

MISSING_HARD = 0.35
"""Factor for each hard need a fact does not cover: it answers a neighbouring question."""
MISSING_QUALIFIER = 0.4
"""Factor for a qualifier of the thing asked that the fact does not carry."""
WRONG_TYPE = 0.4
"""Factor for a fact that cannot give the kind of answer asked (no place for "where")."""
WEAK_TYPE = 0.8
YEAR_ONLY = 0.9
"""Factor for a fact dated only by a year ("in 2003") answering "when": a day, where a fact has one, is better."""
NO_CAUSE = 0.6
"""Factor for a fact that gives no cause (no "because", "cited", "over") to a "why"."""
PEER_SUBJECT = 0.75
"""Factor for a fact whose subject is a peer of the entity the question's verb is said of."""
ENTITY_BY_WORDS = 0.8
"""Credit for an entity the fact names only in words ("the summit") rather than as its entity."""
ONE_OF_A_PAIR = 0.8
"""Credit for a pair the question names ("the two Koreas") in a fact about one of the two only, and for
one of a pair in a fact about the two: what one of them did is part of what the two did, not all of it
(a fact that names both covers the pair)."""
NARROWER_CREDIT = 0.5
"""How much a word naming a kind of the thing asked, some of WordNet's steps down (`FactTable.narrower_kinds`),
covers: enough to say the thing ("the minister" is an official), less than a word one step from it."""
KIND_UNSAID = 0.75
"""Factor for a fact that says the act asked ("dismantled") but not the kind of thing the question
names after "what" ("what *structure* did they demolish"): the thing it names is of that kind, most likely."""
MEANING_FLOOR = 0.35
"""Cosine similarity (question, statement) below which the embedding says nothing."""
MEANING_FULL = 0.8
MEANING_MAX = 0.9
MEANING_SHARE = 0.6
SET_ASIDE = 0.5
SET_ASIDE_SHARE = 0.6
"""A fact holding this much of what the question sets aside ("besides X") is about X, not the answer."""
NOTHING_SAID = 0.2
"""Below this share of the question's words covered, a fact shares only the question's names."""
MAX_SCORED = 80
"""At most this many candidates are scored in full; the others hold less of the question."""
MAX_COUNTED = 5000
FOCUS = 0.3
"""Among equal scores, a fact about the entity the question names comes first."""
ORDER_GRAIN = 0.05
"""Facts whose scores differ by less than this are ordered by the meaning of the whole."""
"""At most this share of what the words miss can the meaning of the whole make up."""
"""The embedding alone never covers the words as fully as the words themselves."""
THING_WEIGHT = 0.5
"""A word this common ("first", "part") names no thing a question can be about on its own."""
NAME_ZIPF_CEILING = 5.0
"""`wordfreq`'s Zipf frequency below which a lower-case word no dictionary has may be a name: the commonest
names are rarer ("obama" 4.9) than the words of chat no dictionary has ("hey" 5.1, "per" 5.5)."""
NAME_MIN_LETTERS = 3
"""The fewest letters of a lower-case word read as a name when no dictionary has it: two letters are a
short form as often ("vs", "mt")."""
MISSING_RELATION = 0.85
"""Factor for a fact that does not say the question's verb (another thing said of the same people)."""
RELATION_SAID = 0.6
"""The least credit at which a fact says the question's verb: a word that shares only a rare sense with
it ("lean" with "run") or is barely near it names another act, and gives none of its share."""
MISSING_ACT = 0.6
"""Factor for a fact that does not say what "what did X say/sign/agree" asks X did."""
ROLE_QUALIFIERS = frozenset({"former", "deputy", "vice", "acting", "assistant", "ex", "late", "interim", "outgoing"})
"""English words that make a role another role: a former ambassador is not the ambassador."""
SAID_OTHERWISE = 0.85
"""Credit of one verb of saying for another ("speak", "said", "noted"): English reports speech by many."""
RESPONDING = frozenset({"respond", "reply", "react"})
"""Verbs of answering what another did: a response is told by what the one who responds said ("how did
the union react": "the union said it would strike")."""
_SAYING_OR_RESPONDING = SAYING | RESPONDING
OPINING = frozenset({"think", "believe", "reckon", "suppose"})
"""Verbs of holding a view: "what do the officials *think*" is told by what they said or suggested of it, as
English reports a view by the verb that made it known."""
PUTTING = frozenset({"suggest", "argue", "predict"})
"""Verbs that say something in words while putting it as a view: what someone "suggested" they said."""
VOICING = SAYING | OPINING | PUTTING
"""The verbs that make a view known, which "what does X think" reads as telling it."""
SAME_STEM = 0.8
PLACE_WITHIN = 0.85
"""Credit for a place inside the place the question names (WordNet's part holonyms), as for a synonym."""
"""Credit for a word that shares a long beginning with a fact's word ("agree", "agreement")."""
STEM_MIN = 5
_NAMEABLE_KINDS = (EntityKind.person, EntityKind.organisation, EntityKind.country, EntityKind.place, EntityKind.group)
"""Kinds a question names by a word ("which *organisation*"); "outcome" is a synonym of "event", but an
outcome is not any event."""
_PERSONISH = {"person", "organisation", "group"}
_PLACEISH = {"place", "country"}


@dataclass(slots=True)
class ScoredFact:
    item: IndexedFact
    score: float
    focus: float


def prepare(classified: Classified, table: FactTable) -> float:
    """Weigh each need against the store and find the words near each word; return the total weight."""
    total = 0.0
    started = _inchoatives(classified, table)
    resulting = _resultatives(classified, table)
    joined = _joined_in_the_store(classified, table)
    for need in classified.needs:
        if need.kind is NeedKind.entity:
            need.city = _city_as_place(need, classified, table)
        if (need.kind is NeedKind.word and need.name_like and not need.typed
                and _a_word_of_the_store(need, classified, table)):
            need.name_like = False
        if need.kind is NeedKind.word:
            keys = [f"w:{lemma}" for lemma in need.lemmas]
            held = any(table.df(k) for k in keys)
            if not held and not need.name_like:  # "defense" of a store that says "Defence Minister"
                need.lemmas |= _spellings_held(need, table)
                keys = [f"w:{lemma}" for lemma in need.lemmas]
                held = any(table.df(k) for k in keys)
            if not held and not need.name_like and not table.lexicon.meanings(need.label):
                # "the pullback" of a store that says "pulled back" (not a term the vocabulary reads, "holdup")
                split = _split_held(need, table)
                need.lemmas |= split
                held = bool(split)
            need.joined = joined.get(need.position, frozenset())
            need.near = {} if need.name_like else table.near(need.lemmas, kinds=need.relation)
            for word in started.get(need.position, ()):  # "start operating": a fact that it "opened"
                need.near = {**need.near, word: max(need.near.get(word, 0.0), KIND_CREDIT)}  # a copy: `near` is cached
            for word in resulting.get(need.position, ()):  # "cut it in half": a fact that it "bisects" it
                need.near = {**need.near, word: 1.0}
            if need.name_like and not held:  # "Russian" of a store that says "Russia": one name's family
                need.near = {w: SAME_STEM for lemma in need.lemmas for w in table.family(lemma)}
            if need.hard and not need.name_like and not held and not need.near and not need.relation:
                # "which *ferry* took them" of a store that says "boat": the thing asked, which no fact
                # says nor a word near it, by what WordNet names it a kind of (or its kinds)
                need.near = table.kinds_of_thing(need.lemmas)
            if need.hard and not need.name_like and not need.relation and "NOUN" in Lexicon.parts_of_speech(need.label):
                # "which *official* warned" of a fact that says "the Foreign Minister warned": a kind of the
                # thing asked says the thing (a copy: `near` is cached)
                need.narrower = table.narrower_kinds(need.lemmas)
            if not need.name_like and not held and not need.near:  # "senators" of a store that says "the Senate"
                need.near = {w: SAME_STEM for lemma in need.lemmas for w in table.family(lemma)
                             if w in table.names.other_words}
                need.of_a_name = bool(need.near)
            need.within = table.places_within(need.lemmas)
            if need.name_like and not held and _acts(need, classified):
                need.acting_for = table.places_holding(need.lemmas)
            need.known = (held or any(w not in table.phrasal_synonyms for w in need.near) or bool(need.within)
                          or bool(need.acting_for))  # a verb of two words near it ("cut off" for "sever") whose
            # words the facts hold, perhaps never together, credits a fact that says it, and tells no more
            idf = max((table.idf(k) for k in keys if table.df(k)), default=1.0)
            # A word the store never says weighs as its rarest (a thing no fact names), but an adverb
            # names no thing ("what did Kim *basically* want"): it hedges, stresses or says how, which no
            # fact here says, and the act asked is still the act a fact states. It weighs as the commonest.
            # So does an adjective of what is usual ("his *normal* job"): the job is asked.
            unknown = 0.0 if Lexicon.parts_of_speech(need.label) == {"ADV"} or need.label in USUAL else 1.0
            need.weight = need.weight * (0.5 + 1.5 * (idf if need.known else unknown))
        if not need.excluded:
            total += need.weight
    return total


def _city_as_place(need: Need, classified: Classified, table: FactTable) -> tuple[str, ...]:
    """The words of a city of the entity the question names as a place, after a preposition that
    places something ("where *in Pyongyang*", "travel *to* Seoul"), unless said as an owner ("in
    *Pyongyang's* view")."""
    toks = classified.linked.question.tokens
    span = len(need.label.split())
    if not placed(toks, need.position):
        return ()
    last = need.position + span - 1
    if last >= len(toks) or toks[last].possessive:
        return ()
    words = tuple(t.lower for t in toks[need.position:last + 1])
    return words if table.city_of(need.entity_ids, words) else ()


PLACE_PREPOSITIONS = LOCATIVE | PATH | MOTION_ENDS
"""Prepositions after which a fact names a city as a place: where a thing was ("talks *in* Pyongyang"),
went over, or where someone went or came from ("a visit *to* Pyongyang")."""


def _names_the_city(need: Need, item: IndexedFact) -> bool:
    """The fact names the city asked as a place (its words in a row, after a preposition that places
    or moves: not "mediating between Washington and *Pyongyang*", its government), or names a place
    WordNet puts inside it."""
    n, words = len(need.city), item.words
    if any(tuple(words[k:k + n]) == need.city and _places_what_follows(words[k - 1])
           for k in range(1, len(words) - n + 1)):
        return True
    return not Lexicon.parts(" ".join(need.city)).isdisjoint(set(item.words) | item.unlinked_names)


def _places_what_follows(word: str) -> bool:
    """A fact's word after which a city is the place: a preposition that places, or a word of travelling
    whose object is where the going ended ("Kim *visited* Seoul")."""
    return word in PLACE_PREPOSITIONS or not Lexicon.lemmas(word).isdisjoint(Lexicon.travelling())


def _city_unsaid_credit(need: Need, item: IndexedFact, classified: Classified) -> float:
    """Credit for the city asked as a place, of a fact that does not name it: none when the place is
    the answer ("*where* in Pyongyang": a fact that names only North Korea puts nothing there); partial
    for a fact of the country otherwise ("the student detained in Pyongyang": a fact of North Korea may
    be of its capital, less surely than one that says so). When the city is where a going ended or
    passed ("travel *to* Seoul"), only for a fact of the country that says a going ("a trip to South
    Korea"): one that says none is of another thing done there."""
    if classified.asked is Asked.where or not need.entity_ids & item.entities:
        return 0.0
    if (classified.linked.question.tokens[need.position - 1].lower not in LOCATIVE
            and item.lemmas.isdisjoint(Lexicon.travelling())):
        return 0.0
    return ENTITY_BY_WORDS


def _a_word_of_the_store(need: Need, classified: Classified, table: FactTable) -> bool:
    """A word read as a name for want of capitals (a lower-case question's word before a noun, "the *prep*
    talks"; a word English's lists lack) that the store writes in lower case (in a statement or a
    keyword): a common word of the trade, not a name. Read as a name, it would be a hard need that the
    one fact whose keyword holds it meets and every fact that says it otherwise misses. (The kind asked
    after "which" is left as read: a fact must name a thing of that kind, `typed` or held to the letter.)
    Nor a place WordNet knows, placed by the preposition before it ("travel home *from hanoi*"): a place
    a keyword writes in lower case is still the place, and a fact of another place is not of it."""
    token = classified.linked.question.tokens[need.position]
    return (not token.capitalised and not need.lemmas.isdisjoint(table.plain_words)
            and not _place_named_lowercase(token, classified.linked.question.tokens))


def _spellings_held(need: Need, table: FactTable) -> frozenset[str]:
    """The question's word as the store spells it, when the store says it only in another spelling
    (British or American: "defense", "Defence"; "center", "centre"): the same word, in names too."""
    return frozenset(v for lemma in need.lemmas for v in Lexicon.spelling_variants(lemma) if table.df(f"w:{v}"))


def _split_held(need: Need, table: FactTable) -> frozenset[str]:
    """The question's word that runs two words together as English names an act ("the *pullback*",
    "a *sellout*"), as those two words, when the store holds both: read as a phrasal verb is, a fact
    that says them ("pulled back") says the act."""
    parts = next(filter(None, map(Lexicon.joined_parts, sorted(need.lemmas))), None)
    if parts is None:
        return frozenset()
    heads, tail = parts
    if not table.df(f"w:{tail}"):
        return frozenset()
    return frozenset(f"{head} {tail}" if tail in PARTICLES else f"{tail} {head}" for head in heads
                     if table.df(f"w:{head}"))


def _joined_in_the_store(classified: Classified, table: FactTable) -> dict[int, frozenset[str]]:
    """By the position of its need, the store's words that run together two words the question says
    apart, as English names an act: a verb and its particle ("sell out": "sellout"), or a verb and the
    thing it is done to ("raise funds": "fundraising"). Each of the two is said by such a word."""
    words = [n for n in classified.needs if n.kind is NeedKind.word and not n.name_like]
    pairs: list[tuple[list[Need], frozenset[str], frozenset[str]]] = []
    for need in words:  # a phrasal verb read as one need: its two words
        for lemma in need.lemmas:
            first, _, second = lemma.partition(" ")
            if second and " " not in second:
                pairs += [([need], frozenset({first}), frozenset({second})), ([need], frozenset({second}), frozenset({first}))]
    for a, b in itertools.permutations(words, 2):
        pairs.append(([a, b], a.lemmas, b.lemmas))
    found: dict[int, set[str]] = {}
    vocabulary = table.vocabulary
    read = {w for need in words for lemma in need.lemmas for w in (lemma, *lemma.split())}  # every part of a pair
    joinable = {w for w in read if w in PARTICLES or "VERB" in Lexicon.parts_of_speech(w)}
    forms = {w: Lexicon.forms(w) for w in read}
    for needs, firsts, seconds in pairs:
        for first, second in itertools.product(firsts, seconds):
            if " " in first or " " in second or second not in joinable:
                continue  # `Lexicon.joined_parts` ends in a particle or a verb: no other word is a second part
            for head, tail in itertools.product(forms[first], forms[second]):
                for word in (head + tail, head + tail + "s"):  # "sellout", "sellouts"
                    if word in vocabulary and _joins(word, first, second):
                        for need in needs:
                            found.setdefault(need.position, set()).add(word)
    return {position: frozenset(words) for position, words in found.items()}


def _joins(word: str, first: str, second: str) -> bool:
    """`word` runs `first` and `second` together as English names an act (`Lexicon.joined_parts`)."""
    parts = Lexicon.joined_parts(word)
    return parts is not None and first in parts[0] and parts[1] == second


def _inchoatives(classified: Classified, table: FactTable) -> dict[int, list[str]]:
    """By the position of its need, the store's verbs WordNet defines as starting the act a question says
    right after "start" or "begin" ("start operating", "begin to operate": "open"), for both words: one
    such verb says both. Only words a fact holds (WordNet's phrases, "open fire", are not read)."""
    words = {n.position: n for n in classified.needs if n.kind is NeedKind.word}
    toks = classified.linked.question.tokens
    found: dict[int, list[str]] = {}
    for start in words.values():
        if not start.lemmas & STARTING:
            continue
        after = start.position + 1
        if after < len(toks) and toks[after].lower == "to":
            after += 1
        act = words.get(after)
        if act is None or act.lemmas & STARTING:
            continue
        verbs = sorted({verb for lemma in act.lemmas for verb in Lexicon.inchoatives(lemma)
                        if verb in table.vocabulary and verb not in act.lemmas})
        if verbs:
            found[start.position] = found[act.position] = verbs
    return found


def _resultatives(classified: Classified, table: FactTable) -> dict[int, list[str]]:
    """By the position of the question's verb, the store's verbs that the phrase of its result after it means,
    when the vocabulary reads that phrase as an act ("cut the rope *in half*": divide it): the phrase says what
    was done, the verb only how ("cut", "tear", "break"), and a fact says it by the act itself."""
    toks = classified.linked.question.tokens
    found: dict[int, list[str]] = {}
    for verb in (n for n in classified.needs if n.kind is NeedKind.word and n.relation):
        for result in classified.needs:
            if (result.kind is not NeedKind.word or result.position <= verb.position or " " not in result.label
                    or result.position >= len(toks) or toks[result.position].lower not in PREPOSITIONS):
                continue
            acts = [word for meaning in table.lexicon.meanings(result.label) for word in meaning.split()
                    if word in table.vocabulary and "VERB" in Lexicon.parts_of_speech(word)
                    and word not in verb.lemmas]
            found.setdefault(verb.position, []).extend(acts)
    return found


def _acts(need: Need, classified: Classified) -> bool:
    """The word is the subject of the question's verb, right before it ("how did *Lyon* react"): a word
    that is only a verb, or a bare verb after "do" or a modal and the name ("did Lyon *object*")."""
    toks = classified.linked.question.tokens
    after = need.position + len(need.label.split())
    if not 0 < need.position or after >= len(toks):
        return False
    verb = Lexicon.parts_of_speech(toks[after].lower)
    return verb == {"VERB"} or ("VERB" in verb and toks[need.position - 1].lower in _AUX - _BE)


def candidates(classified: Classified, table: FactTable, *, total: float, threshold: float) -> set[str]:
    """Only facts that hold one of the rarest needs can reach the threshold: collect their postings."""
    def keys(need: Need) -> list[str]:
        if need.kind is NeedKind.entity:
            return ([f"e:{e}" for e in need.entity_ids] + [f"w:{w}" for w in need.lemmas]
                    + [f"d:{d.month}-{d.day}" for d in table.scheduled_days(need.entity_ids)])
        if need.kind is NeedKind.time:
            span = need.span
            if span.month_day:
                return [f"d:{span.month_day[0]}-{span.month_day[1]}"]
            if span.day_range:
                return [f"d:{month}-{day}" for month, day in _days_of_any_year(span.day_range)]
            if span.month is not None:
                return [f"m:{span.month}"]
            if span.day_of_month is not None:  # dated on that day of a month, or saying "the 28th"
                return [f"d:{month}-{span.day_of_month}" for month in range(1, 13)] + [f"w:{span.label.split()[-1]}"]
            if span.weekday is not None:
                return [f"wd:{span.weekday}"]
            return [f"y:{y}" for y in _years(span)]
        return [f"w:{w}" for w in need.lemmas] + [f"w:{w}" for w in need.near] + [f"w:{w}" for w in need.joined]

    coverable = sorted((n for n in classified.needs if (n.kind is not NeedKind.word or n.known) and not n.excluded),
                       key=lambda n: sum(table.df(k) for k in keys(n)))
    return table.retrieve([(keys(n), n.weight) for n in coverable], total=total, threshold=threshold,
                          limit=MAX_SCORED, count_limit=MAX_COUNTED)


def _days_of_any_year(day_range: tuple[tuple[int, int], tuple[int, int]]) -> list[tuple[int, int]]:
    """Each (month, day) from the first to the last of a range of days of any year, across New Year."""
    first, last = (date(2000, *day) for day in day_range)  # a leap year: it has every day
    if last < first:
        last = last.replace(year=2001)
    return [((first + timedelta(days=k)).month, (first + timedelta(days=k)).day) for k in range((last - first).days + 1)]


def _years(span) -> list[int]:
    if span.year is not None:
        return [span.year]
    if span.start is not None and span.end is not None and span.start.year > 1:
        return list(range(span.start.year, span.end.year + 1))
    return []


def score_candidates(classified: Classified, table: FactTable, *, threshold: float) -> list[ScoredFact]:
    total = prepare(classified, table)
    if total <= 0:
        return []
    if classified.unanswerable:
        return []
    unheard = [n for n in classified.needs if n.kind is NeedKind.word and not n.known
               and (n.name_like or _a_place_after_a_preposition(n, classified)
                    or _a_name_no_dictionary_has(n, classified, table))]
    if any(not n.initials for n in unheard):
        return []  # the question depends on a name the store has never heard of
    found = candidates(classified, table, total=total, threshold=threshold)
    if any(not any(spells(n.label, table.facts[fid]) for fid in found) for n in unheard):
        return []  # initials no fact spells out ("the XQZ"): a name the store has never heard of
    results = [ScoredFact(item=table.facts[fid], score=0.0, focus=0.0) for fid in found]
    meaning = table.meaning_similarity(classified.linked.question.text, found)
    traits = question_traits(classified, table)
    for r in results:
        r.score, r.focus = _score(r.item, classified, table, total, meaning.get(r.item.id, 0.0), traits=traits)
    if classified.asked is Asked.why:
        _causes_of_other_acts(results, classified, threshold)
    results.sort(key=lambda r: (-round(r.score / ORDER_GRAIN), -r.focus, -meaning.get(r.item.id, 0.0),
                                r.item.length, r.item.id))
    return results


def _a_place_after_a_preposition(need: Need, classified: Classified) -> bool:
    """A place WordNet knows, after any preposition ("ambassador *to peru*", "a letter *from chile*"): in a
    question written in lower case, the name of a place, whichever government or city it stands for. Not
    read as a name where the store knows it (`name_like` says when it must be said), but a place the store
    has never heard of is one no fact is about. Not two letters, which WordNet reads as a state's code and
    a chat as a short form ("on top of *mt* Paektu")."""
    toks = classified.linked.question.tokens
    at = need.position
    return (at > 0 and toks[at - 1].lower in PREPOSITIONS and len(need.label) > 2 and need.label.isalpha()
            and Lexicon.is_place(need.label) and not Lexicon.parts_of_speech(need.label) & {"VERB", "ADJ"})


def _a_name_no_dictionary_has(need: Need, classified: Classified, table: FactTable) -> bool:
    """A word written in lower case, in a name's place, that is common in text but that no dictionary has as
    a word of English (no part of speech; in WordNet, if at all, only inside a longer name: "vladimir
    putin"), and that is no chat shorthand, preposition or term of the vocabulary: a name typed by a hurried
    user ("when did *merkel* visit seoul"), which a fact must say as any name must. A name's place is right
    after an auxiliary (the subject: "did *merkel*", "who is *merkel*"), after a word that joins people
    ("with *merkel*", "trump and *merkel*") or before "'s": a word after a determiner ("the *sixth* test",
    "the *govt*") is a noun the lists lack, not a name. Not two letters, which are a short form as often, nor
    a word as common as the words of chat ("hey", "per"), which the commonest names are not."""
    toks = classified.linked.question.tokens
    word, at = need.label, need.position
    if not (word.isalpha() and len(word) >= NAME_MIN_LETTERS and 0 < at < len(toks) and not toks[at].capitalised
            and KNOWN_ZIPF <= Lexicon.zipf(word) < NAME_ZIPF_CEILING):
        return False
    if not (toks[at].possessive or toks[at - 1].lower in _NAME_SLOT_BEFORE):
        return False
    if (Lexicon.parts_of_speech(word) or word in PREPOSITIONS or word in Lexicon.chat_shorthand()
            or table.lexicon.meanings(word)):
        return False
    return all(word in synonym.split() for synonym in Lexicon.synonyms(word))  # not a word of WordNet's
    # ("info": "information"), English however the lists spell it


_NAME_SLOT_BEFORE = frozenset(_AUX - {"not"}) | {"and", "with", "between", "by", "from"}
"""Words after which a name stands as the subject of the act asked ("did X", "is X") or one of those who did
it ("with X", "A and X", "between A and X", "by X", "from X")."""


def said_together(classified: Classified, items: tuple[IndexedFact, ...]) -> bool:
    """Facts answering as one say, between them, every word the question asks of them: "when did the
    drills with the jets *start*" is not answered by "the drills involved jets" and "the drills *ended*"."""
    return all(max(_word_credit(n, item) for item in items) >= 0.5 for n in classified.needs
               if n.kind is NeedKind.word and not (n.excluded or n.anchor)
               and Lexicon.content_weight(n.label) >= THING_WEIGHT)


def _word_credit(need: Need, item: IndexedFact, *, names: Callable[[str], bool] | None = None) -> float:
    """How much of `need` the fact says; with `names`, a near word the fact holds only as a word of an
    entity's name, not in its statement, says nothing (the verb "state" is not "the United States"), nor
    does a word of a name by its first letters (the verb "found" is not "the Hansun Foundation")."""
    if need.lemmas & item.lemmas:
        return 1.0
    if not need.joined.isdisjoint(item.lemmas):
        return 1.0  # "raise funds": a fact that says "fundraising" says both words
    if any(" " in lemma and set(lemma.split()) <= item.lemmas for lemma in need.lemmas):
        return 1.0  # a phrasal verb the fact says in its own words ("gave up")
    if need.lemmas & item.name_lemmas:
        return 1.0
    if need.initials and spells(need.label, item):
        return 1.0  # "ICBM": "intercontinental ballistic missile"
    if (need.name_like or need.of_a_name) and not need.near.keys().isdisjoint(item.name_lemmas):
        return SAME_STEM  # a name's family inside a longer name ("Olympic" of "the Summer Olympics")
    if not need.within.isdisjoint(item.name_lemmas | item.unlinked_names):
        return PLACE_WITHIN  # a place inside the place asked, named as a place: in Lyon is in France
    if not need.acting_for.isdisjoint(item.name_lemmas | item.unlinked_names | item.lemmas):
        return PLACE_WITHIN  # "Paris protested": France did, by its government in Paris
    if not need.narrower.isdisjoint(item.lemmas | item.name_lemmas):
        return NARROWER_CREDIT  # "which official": "the Foreign Minister", one of the kind
    near = max((need.near[w] for w in need.near.keys() & item.lemmas  # the few the fact holds, of many near
                if (names is None or w in item.words or not names(w)) and w not in item.phrase_words
                and not (need.relation and _said_only_as_a_noun(w, item))), default=0.0)
    near = max(near, max((c for w, c in need.near.items() if " " in w and phrasal_said(w, item)), default=0.0))
    if (need.relation and need.lemmas & _SAYING_OR_RESPONDING and item.lemmas & (SAYING | PUTTING)
            and any(Lexicon.lemmas(w) & (SAYING | PUTTING) for w in item.words if names is None or not names(w))):
        near = max(near, SAID_OTHERWISE)  # "speak" of what a fact says someone "noted" or "suggested"
    if (need.relation and need.lemmas & OPINING and not need.lemmas & item.lemmas
            and any(Lexicon.lemmas(w) & VOICING for w in item.words if names is None or not names(w))):
        near = max(near, SAID_OTHERWISE)  # "think" of what a fact says someone "suggested" or "believes"
    if near >= SAME_STEM:
        return near
    stems = {w[:STEM_MIN] for w in need.lemmas if len(w) >= STEM_MIN}
    if need.name_like and not stems.isdisjoint(item.stems):
        # a name's family shares all but its ending ("Russian", "Russia"), not only its first letters:
        # "Vladivostok" is not "Vladimir"
        return SAME_STEM if any(_one_family(lemma, w) for lemma in need.lemmas for w in item.lemmas) else near
    if names is None:
        return SAME_STEM if not stems.isdisjoint(item.stems) else near
    # "founded" is not the "Foundation" of a name
    return SAME_STEM if any(w[:STEM_MIN] in stems and not names(w) for w in item.lemmas if len(w) >= STEM_MIN) else near


def phrasal_said(phrase: str, item: IndexedFact) -> bool:
    """The fact says a verb of two words (`FactTable.near`'s "cut off") as English writes it: a form of the
    verb with its particle right after it ("were *cut off*"), or after a short object ("*cut* them *off*")."""
    verb, particle = phrase.split(" ")
    if verb not in item.lemmas or particle not in item.lemmas:
        return False
    words = item.words
    return any(Lexicon.lemmas(w) & {verb} and particle in words[k + 1 : k + 3] for k, w in enumerate(words))


def _saying_of_another(need: Need, item: IndexedFact, classified: Classified, table: FactTable) -> bool:
    """A verb of saying asked of the question's subject ("what did Kim *write*"), which the fact says
    only in another verb of saying, of a fact whose subject is another of the same kind (a person for a
    person): what that fact reports was said by another ("Trump met the envoy, who handed him a letter
    from Kim; the White House *said* ..."), not what the one asked of said. A fact about a country may
    report what the person asked of said of it ("North Korea believes in X, Cho *noted*")."""
    if not (need.relation and need.done_by and need.lemmas & SAYING and not need.lemmas & item.lemmas
            and classified.subject and item.subject not in classified.subject):
        return False
    kinds = {table.entities[e].kind for e in classified.subject if e in table.entities}
    subject = table.entities.get(item.subject)
    return subject is not None and subject.kind in kinds


_SPEAKING = frozenset({"speak", "talk"})
"""Verbs of English that tell that someone spoke and take no clause of what was said ("spoke *to* the
crowd", "talked *for* an hour"): only "of" or "about" after one gives the matter."""
_MATTER = frozenset({"of", "about"})
_MATTER_REACH = 4
"""How far after the verb its matter may stand, past whom it was spoken to ("spoke to reporters *about*")."""


def _spoke_without_words(item: IndexedFact) -> bool:
    """The fact tells someone spoke only by a verb of speaking with no matter after it ("she spoke to
    5,000 people"), and by no verb that reports words ("said", "told", "warned" is not among them either,
    though it reports them: any verb of `SAYING` other than those of speaking)."""
    if item.lemmas.isdisjoint(_SPEAKING):
        return False
    words = item.words
    said = [Lexicon.lemmas(w) for w in words]  # the statement's own words: a name's "States" reports nothing
    if any(lemmas & (SAYING - _SPEAKING) for lemmas in said):
        return False
    at = [k for k, lemmas in enumerate(said) if lemmas & _SPEAKING]
    return bool(at) and not any(
        w in _MATTER and not (j + 1 < len(words) and _a_number(words[j + 1]))  # "to *about* 5,000": a count
        for k in at for j, w in enumerate(words[k + 1 : k + 1 + _MATTER_REACH], k + 1))


def _counted_in_a_container(need: Need, item: IndexedFact) -> bool:
    """The need first names a container ("boxes"), and the fact counts in a container: a number before a
    noun that names one in any of its senses ("55 *cases* of remains")."""
    if not any(Lexicon.container(lemma) == "first" for lemma in need.lemmas):
        return False
    words = item.words
    return any(_a_count_at(words, k) and Lexicon.container(after) for k, after in enumerate(words[1:]))


def _a_number(word: str) -> bool:
    return bool(_NUMBER.match(word)) or word in _NUMBER_WORDS


def _a_count_at(words: Sequence[str], k: int) -> bool:
    """The word at `k` of a fact's words counts: digits ("55", "1,000"), or a number in words that is not
    "one" standing for a noun (`a_number_at`: "the U.S. *one*" counts nothing)."""
    return bool(_NUMBER.match(words[k])) or a_number_at(words, k)


_INSIDE_INITIALS = frozenset({"of", "and", "the", "for"})
"""Words a phrase's initials pass over ("Democratic People's Republic *of* Korea": DPRK)."""


def spells(initials: str, item: IndexedFact) -> bool:
    """The statement holds a run of words whose first letters are `initials` ("ICBM": "intercontinental
    ballistic missile"), passing over the small words inside it, and written in one case: all capitalised
    (a name, "the United Nations") or all lowercase (a term); "U.S. negotiators" spells no "UN"."""
    letters = initials.lower()
    if letters[0] not in {w[:1] for w in item.words}:
        return False  # cheap: most facts lack one of the letters, and their text need not be read
    words = words_of(item.fact.statement)
    for start in range(len(words)):
        run = _run_spelling(letters, words, start)
        if run and len({w[:1].isupper() for w in run}) == 1:
            return True
    return False


def _run_spelling(letters: str, words: list[str], start: int) -> list[str]:
    """The words from `start` whose first letters are `letters`, the small words between them passed
    over; none when they spell something else."""
    run: list[str] = []
    spelt = 0
    k = start
    while spelt < len(letters) and k < len(words):
        word = words[k].lower()
        if word[:1] == letters[spelt]:
            run.append(words[k])
            spelt += 1 + _compounded(word, letters[spelt + 1 : spelt + 2])
        elif not run or word not in _INSIDE_INITIALS:
            return []
        k += 1
    return run if spelt == len(letters) else []


COMPOUND_PART_LETTERS = 5
"""The shortest English word a compound's second part must be to give its own initial ("inter*continental*")."""


def _compounded(word: str, letter: str) -> bool:
    """`word` ends in an English word that starts with `letter` ("intercontinental": "continental" gives
    the C of ICBM), so the one word gives two of the initials."""
    return bool(letter) and any(
        word[k] == letter and Lexicon.is_english(word[k:])
        for k in range(2, len(word) - COMPOUND_PART_LETTERS + 1))


def _said_only_as_a_noun(lemma: str, item: IndexedFact) -> bool:
    """Every time the fact says `lemma` it says it as a thing, after a determiner ("lift *the ban*"): a
    word near the question's verb ("veto") that names a thing is no act the fact states."""
    at = [k for k, w in enumerate(item.words) if lemma in Lexicon.lemmas(w)]
    return bool(at) and all(k > 0 and item.words[k - 1] in DETERMINERS for k in at)


FEATURES = (
    "coverage", "lexical", "similarity", "entities", "entity_missing", "time_missing", "hard_missing",
    "relation_missing", "unknown_thing", "unknown_share", "qualifier", "qualified_away", "type", "peer_subject",
    "focus", "words", "set_aside", "act_missing", "kind_unsaid", "degree_missing", "role_of_named", "occasion",
    "opposite", "done_to_doer", "manner_unsaid", "no_one_named", "date_of_another",
    "doer_is_object", "object_owned",
)
"""What the scorer reads of a (question, fact) pair (`FactIndex.explain` shows them)."""


@dataclass(frozen=True, slots=True)
class _NeedTraits:
    """What `features` reads of one need and the question around it: the same for every fact scored."""

    need: Need
    reach: frozenset[str] | None
    """Every word of a fact by which `_word_credit` may credit the need (`_reach`), or None when some
    credit it gives is not read off the fact's words alone (initials, a verb of holding a view)."""
    stems: frozenset[str]
    """The beginnings of the need's long lemmas, which a fact's word of the same family shares."""
    saying: bool
    """A verb of saying asked of the question's subject (what `_saying_of_another` reads of the question)."""
    counterpart: bool
    year: bool
    kinds: frozenset[EntityKind]
    """The kinds of entity the word names ("which *organisation*": `_kinds_named`), for a hard need."""
    opposites: tuple[frozenset[str], str] | None
    """The acts opposite the one asked and the other phase of it (`_opposites`), for a verb; None if none."""
    repeated: frozenset[str]
    """The base verbs of an act asked done again ("reopen": "open"), for `_repeat_unsaid`; none for any other."""
    journey_end: str | None
    """Which end of a going the question places the need at (`_journey_asked`)."""
    party_end: str | None
    """Of a name right after "to" or "from" that ends no going ("write *to* Kim"), that word (`_party_asked`)."""
    pair_between: bool
    phase: bool
    tells_about: bool
    occasions: bool
    number_of: str | None
    """The word the question joins the number to ("mark" of "Mark-7"), for a need that is a number."""
    reaction_owners: tuple[Need, ...]
    unknown_thing: bool
    """A thing no fact speaks of, of a weight to be asked about (what the last branch of `features` reads)."""
    light_verb: bool
    reacted_to: frozenset[str]
    """For a thing no fact speaks of that a question of a reaction (`_reaction_asked`) names beside an entity
    ("how did X take *Y's analogy*"): those entities (`_named_beside`), by which a fact of reacting may say it."""
    time_names_a_thing: bool
    framed_by: frozenset[str] = frozenset()
    """The lemmas of the verb that governs the need by "to" ("*vote* to impeach"), for a verb asked."""
    role_after_as: bool = False
    """The role a question gives someone after "as" ("elected *as chair*", `_role_after_as`)."""
    describing: bool = False
    """A noun or an adjective before the act asked, that may describe its doer (`_describing`)."""
    described_by: Need | None = None
    """For a thing no fact speaks of, the verb of the clause right after it that says which thing is meant
    ("the *levy* the council is weighing", `_clause_after`)."""
    responded_to: Need | None = None
    """For a verb of responding asked with "to" ("respond to *the levy*"), the noun its phrase ends on
    (`_responded_to`); None for any other need, or when the question names a time."""


@dataclass(frozen=True, slots=True)
class _Qualifying:
    """A need that may qualify the word after it away (`_qualifiers`), read once a question."""

    need: Need
    only_a_noun: bool
    adjective: bool
    noun: bool


@dataclass(frozen=True, slots=True)
class QuestionTraits:
    """What `features` reads of the question alone, read once for all the facts scored against it (after
    `prepare`, whose weights and near words it holds): a fact is scored against it in its own time."""

    needs: tuple[_NeedTraits, ...]
    """The needs scored (all but those set aside), in the question's order."""
    excluded: tuple[Need, ...]
    ordinals: frozenset[int]
    entity_ids: frozenset[str]
    unheard_act: bool
    meeting: tuple[Need, tuple[Need, ...]] | None
    """The verb of meeting asked and the entities asked to have met (`_met_by_others`), when both are."""
    owner_names: tuple[re.Pattern[str], ...]
    """The names of the one the act asked is done to, as `_object_named_only_as_owner` reads them."""
    said: frozenset[str]
    """The question's words, lowercase."""
    doer_and_act: tuple[frozenset[str], Need] | None
    """Of "when/how/where did X <act>", X's words and the act (`_done_to_the_doer`)."""
    doer_phrase: tuple[frozenset[str], Need] | None
    """Of "when/how/where did the X <act>", X's words and the act (`_doer_phrase_and_act`)."""
    qualifying: tuple[_Qualifying, ...]
    by_position: dict[int, tuple[Need, bool]]
    """Each need by its position, with whether it is an adjective and no verb ("intercontinental")."""
    occurrence_asked: bool
    """"When did the trip *happen*": when or where an event went ahead (`_occurrence_asked`)."""
    ordered: frozenset[str]
    """The people the one asked comes before or after (`_ordered_from`)."""
    sides: frozenset[str]
    """The countries whose someone "who" asks ("who led *the American* side", `_sides_asked`)."""
    doer_of_whom: frozenset[str]
    """The doer of the act a "who" is the object of (`_doer_of_whom`): not the one asked."""
    object_of_who: frozenset[str]
    """What the act a "who" does is done to (`_object_of_who`): not the one asked either."""
    appointing_asked: bool
    """"When was X *appointed*": the act asked gives someone a post (`_appointing`)."""
    kind_acts: bool
    """"Which *facility* did they tear down": the act asked is said of the kind asked (`_act_of_the_kind`)."""
    alternatives: tuple[tuple[int, ...], ...] = ()
    """The positions of the words offered as a choice ("by *letter* or by *tweet*", `_alternatives`)."""
    described_as: Need | None = None
    """The noun a description of the one asked ends in ("the conservative *researcher*", `_describing`)."""


def question_traits(classified: Classified, table: FactTable) -> QuestionTraits:
    """Read what `features` needs of the question alone, once for all its candidates."""
    needs = []
    for need in classified.needs:
        if need.excluded:
            continue
        word = need.kind is NeedKind.word
        unheard = word and _a_thing_unheard_of(need, classified)
        phase = word and _phase_of_the_act(need, classified)
        journey = _journey_asked(need, classified)
        needs.append(_NeedTraits(
            need=need,
            reach=_reach(need) if word else None,
            stems=frozenset(w[:STEM_MIN] for w in need.lemmas if len(w) >= STEM_MIN),
            saying=bool(need.relation and need.done_by and need.lemmas & SAYING and classified.subject),
            counterpart=bool(need.lemmas & _COUNTERPART_NOUNS),
            year=need.label in _YEAR_NUMERALS,
            kinds=_kinds_named(need) if word and need.hard else frozenset(),
            opposites=(_opposites(need, by_synonyms=_a_finite_verb(need, classified))
                       if word and (need.relation or need.phrasal or phase) else None),
            repeated=frozenset(b for b in map(table.lexicon.repeated_act, need.lemmas) if b) if word else frozenset(),
            journey_end=journey,
            party_end=_party_asked(need, classified) if journey is None else None,
            pair_between=word and _the_pair_between(need, classified),
            phase=phase,
            tells_about=word and _tells_about(need, classified, table),
            occasions=word and _occasions_counted(need, classified),
            number_of=_named_by_number(need, classified) if word and need.label.isdigit() else None,
            reaction_owners=tuple(_reaction_owners(need, classified)) if word else (),
            responded_to=_responded_to(need, classified) if word and need.relation else None,
            unknown_thing=unheard,
            light_verb=unheard and _act_of_a_light_verb(need, classified),  # English's verbs read only then
            reacted_to=_named_beside(need, classified) if unheard and _reaction_asked(classified) else frozenset(),
            time_names_a_thing=need.kind is NeedKind.time and _time_names_a_thing(need, classified),
            framed_by=_framing_verb(need, classified) if word and need.relation else frozenset(),
            role_after_as=word and _role_after_as(need, classified),
            describing=need.kind is not NeedKind.time and _describing(need, classified),
            described_by=_clause_after(need, classified) if unheard else None,
        ))
    meet = next((n for n in classified.needs if n.kind is NeedKind.word and n.relation and n.lemmas & _MEETING), None)
    people = tuple(n for n in classified.needs if n.kind is NeedKind.entity)
    doer, act = _doer_and_act(classified) if classified.asked in _OF_THE_DOER else (frozenset(), None)
    phrase, phrase_act = _doer_phrase_and_act(classified) if classified.asked in _OF_THE_DOER else (frozenset(), None)
    return QuestionTraits(
        needs=tuple(needs),
        excluded=tuple(n for n in classified.needs if n.excluded),
        ordinals=frozenset(_ordinals(classified)),
        entity_ids=frozenset(e for n in classified.needs if n.kind is NeedKind.entity for e in n.entity_ids),
        unheard_act=any(n.relation and not n.known and n.kind is NeedKind.word for n in classified.needs),
        meeting=(meet, people) if meet is not None and len(people) >= 2 else None,
        owner_names=_owner_names(classified, table),
        said=frozenset(t.lower for t in classified.linked.question.tokens),
        doer_and_act=(doer, act) if doer and act is not None else None,
        doer_phrase=(phrase, phrase_act) if phrase and phrase_act is not None else None,
        qualifying=tuple(_Qualifying(need=n, only_a_noun=not n.name_like and _pos(n.label) == {"NOUN"},
                                     adjective="ADJ" in _pos(n.label), noun="NOUN" in _pos(n.label))
                         for n in classified.needs if _may_qualify(n)),
        by_position={n.position: (n, n.kind is NeedKind.word and "ADJ" in _pos(n.label) and "VERB" not in _pos(n.label))
                     for n in classified.needs},
        occurrence_asked=_occurrence_asked(classified),
        ordered=_ordered_from(classified),
        sides=_sides_asked(classified, table),
        doer_of_whom=_doer_of_whom(classified),
        object_of_who=_object_of_who(classified),
        kind_acts=_act_of_the_kind(classified),
        appointing_asked=any(n.relation and n.kind is NeedKind.word and n.lemmas & _appointing()
                             for n in classified.needs),
        alternatives=_alternatives(classified),
        described_as=_described_as([t.need for t in needs if t.describing], classified),
    )


def _describing(need: Need, classified: Classified) -> bool:
    """A noun or an adjective before the act asked ("who's the *think-tank analyst* saying ..."), or a name
    right before one ("which *Seoul* researcher was quoted"): words that may say who does it, as a
    description of the person rather than a name."""
    act = min((n.position for n in classified.needs if n.relation), default=None)
    if act is None:  # "who's the conservative researcher *who* expected ...": the act is in a clause of its own
        first = min((n.position for n in classified.needs), default=0)
        act = next((t.position for t in classified.linked.question.tokens[first + 1:] if t.lower in _RELATIVES), None)
    if act is None or need.position >= act or need.relation or need.phrasal:
        return False
    if need.kind is NeedKind.entity:
        after = need.position + len(need.label.split(" "))
        return any(n.position == after and n.kind is NeedKind.word and _describing(n, classified)
                   for n in classified.needs)
    return need.kind is NeedKind.word and bool(_pos(need.label.split(" ")[-1]) & {"NOUN", "ADJ"})


def _described_as(describing: list[Need], classified: Classified) -> Need | None:
    """The noun that ends the first run of words describing the one asked ("the conservative think-tank
    *researcher* who ..."), before a participle ("the analyst *saying* ..."); None if none is a noun."""
    toks = classified.linked.question.tokens
    noun = None
    at = describing[0].position if describing else 0
    for need in describing:
        if need.position != at or toks[at].lower.endswith("ing") and "VERB" in _pos(toks[at].lower):
            break
        if need.kind is NeedKind.word and "NOUN" in _pos(need.label.split(" ")[-1]):
            noun = need
        at = need.position + len(need.label.split(" "))
    return noun


def _described(need: Need, item: IndexedFact, table: FactTable, traits: QuestionTraits) -> bool:
    """The fact's subject is a person the question does not name, whose description says the need (its
    words, or a word near it): the question describes that person in other words than the fact's. Not
    when the noun the description ends in is said neither by the fact nor by the person's description
    ("the conservative *lawmaker*" of a conservative researcher): that is another person."""
    if item.subject in traits.entity_ids:
        return False
    person = table.entities.get(item.subject)
    if person is None or person.kind is not EntityKind.person:
        return False
    said = table.described_by(item.subject)
    noun = traits.described_as
    if noun is not None and noun is not need and not (_said_in(noun, said) or _word_credit(noun, item) >= 0.5):
        return False
    return _said_in(need, said)


def _said_in(need: Need, said: frozenset[str]) -> bool:
    """`said` (a description's lemmas) holds the need: a lemma, every word of a phrase, or a word near it."""
    parts = {part for lemma in need.lemmas for part in lemma.split(" ")}
    return bool(need.lemmas & said or (len(parts) > 1 and parts <= said) or need.near.keys() & said)


def _alternatives(classified: Classified) -> tuple[tuple[int, ...], ...]:
    """The words a question offers as a choice, joined by "or" with only a preposition or an article
    again between ("by letter *or by* tweet", "in May or June"): the answer is one of them, so a fact
    that says none of them gives another answer than any asked."""
    words = [t.lower for t in classified.linked.question.tokens]
    at = {n.position: n for n in classified.needs if n.kind is NeedKind.word and not n.relation}
    choices = []
    for i, word in enumerate(words):
        if word != "or" or i - 1 not in at:
            continue
        after = i + 1
        while after < len(words) and (words[after] in PREPOSITIONS or words[after] in DETERMINERS):
            after += 1
        if after in at:
            choices.append((i - 1, after))
    return tuple(choices)


def _reach(need: Need) -> frozenset[str] | None:
    """The words a fact must hold (as a word, a name's word or a name no entity holds), or a word of the
    family of, for `_word_credit` to give the need any credit: its lemmas, the words of its phrasal verbs,
    the words it runs together with another, the words near it, the places inside it and those that hold
    it; and for a verb of saying or responding, the verbs of saying that report it (or put it as a view). None when a credit
    rests on more than the fact's words: initials a phrase spells out, a view that a verb of voicing tells."""
    if need.initials or (need.relation and need.lemmas & OPINING):
        return None
    parts = {part for lemma in need.lemmas if " " in lemma for part in lemma.split()}
    parts |= {phrase.split(" ")[0] for phrase in need.near if " " in phrase}  # "cut" of a near "cut off"
    saying = SAYING | PUTTING if need.relation and need.lemmas & _SAYING_OR_RESPONDING else ()  # "noted" for "speak"
    return frozenset().union(need.lemmas, parts, need.joined, need.near, need.narrower, need.within, need.acting_for,
                             saying)


def _nothing_said(read: _NeedTraits, item: IndexedFact) -> bool:
    """The fact holds no word of the need's reach nor of its family: `_word_credit` gives it nothing, as
    read without going through each of its ways of crediting a word."""
    reach = read.reach
    return (reach is not None and reach.isdisjoint(item.lemmas) and reach.isdisjoint(item.name_lemmas)
            and reach.isdisjoint(item.unlinked_names) and read.stems.isdisjoint(item.stems))


def _a_thing_unheard_of(need: Need, classified: Classified) -> bool:
    """A noun no fact holds, nor a word near it, that names a thing the question is about (a noun after a
    light verb, "take a *vacation*", the act asked), not a word of what someone is asked to have said about."""
    return (not need.known and not need.anchor and need.label not in USUAL  # "normal" of "his normal job"
            and (_thing(need.label, classified, need.position)
                 or "NOUN" in _pos(need.label) and _act_of_a_light_verb(need, classified))
            and Lexicon.content_weight(need.label) >= THING_WEIGHT and not _said_about(need, classified))


def _after_the_verb(need: Need, classified: Classified) -> bool:
    """The need is named after the question's verb: what the act was done to or with, not who did it."""
    return any(n.relation and n.position < need.position for n in classified.needs)


def features(item: IndexedFact, classified: Classified, table: FactTable, total: float,
             similarity: float, *, traits: QuestionTraits | None = None) -> dict[str, float]:
    """The named features of how well `item` answers the question (each about 0..1 or a small count);
    `traits`, read once by `question_traits`, saves reading the question again for each fact."""
    traits = traits or question_traits(classified, table)
    covered = entity_weight = entity_covered = 0.0
    words_weight = words_covered = unknown = 0.0
    f = dict.fromkeys(FEATURES, 0.0)
    credits: dict[int, float] = {}
    untyped: list[Need] = []
    excluded = traits.excluded
    if excluded:
        held = sum(1 for n in excluded if (n.entity_ids & item.entities) or (n.lemmas & item.lemmas))
        f["set_aside"] = held / len(excluded)
    f["hard_missing"] += bool(traits.ordinals and traits.ordinals - _ordinals_said(item))
    f["hard_missing"] += sum(1 for t in traits.needs if t.repeated and _repeat_unsaid(t.need, item, table, t.repeated))
    f["hard_missing"] += sum(1 for t in traits.needs
                             if t.journey_end and _journey_reversed(t.need, item, t.journey_end))
    f["hard_missing"] += sum(1 for t in traits.needs
                             if t.party_end and _party_reversed(t.need, item, t.party_end, table))
    for read in traits.needs:
        need = read.need
        if need.kind is NeedKind.entity:
            if need.city and not _names_the_city(need, item):
                credit = _city_unsaid_credit(need, item, classified)
                f["entity_missing"] += not credit and not need.anchor
            elif need.entity_ids & item.entities:
                credit = 1.0
            elif (need.lemmas and _words_said(need.lemmas, item.lemmas | item.name_lemmas | item.unlinked_names)
                  and not _said_only_in_another_name(need, item, table)):
                credit = ENTITY_BY_WORDS  # "the summit", or a name the fact says without linking it
            elif any((pair := table.members(e)) and pair <= item.entities for e in need.entity_ids):
                credit = 1.0  # "inter-Korean": a fact that names both Koreas is of the two
            elif item.subject and (any(item.subject in table.members(e) for e in need.entity_ids)
                                   or table.members(item.subject) & need.entity_ids):
                credit = ONE_OF_A_PAIR  # "the two Koreas": a fact about one of them tells part of it; and
                # what the two did, part of what one of them did ("the pact the two Koreas signed, for
                # Seoul"); a pair that only qualifies a thing ("the inter-Korean office") is no doer
            elif item.subject and _after_the_verb(need, classified) and any(
                    item.subject in (pair := table.members(p)) and pair & need.entity_ids for p in item.entities):
                credit = ONE_OF_A_PAIR  # the other of the pair, named after the verb: what one of two did to a
                # thing of both ("the North left the inter-Korean pact") it did to the other too ("left the
                # pact with the South"); before the verb the other is the doer, which the fact does not say
            elif item.days & table.scheduled_days(need.entity_ids):
                credit = ENTITY_BY_WORDS  # "the summit": what happened on the day the store schedules it for
            elif read.describing and _described(need, item, table, traits):
                credit = 1.0  # "which *Tokyo* bank economist": the fact's person, described as working in Tokyo
            else:
                credit = 0.0
                f["entity_missing"] += not need.anchor
            entity_weight += need.weight
            entity_covered += need.weight * credit
        elif need.kind is NeedKind.time:
            credit = 1.0 if _time_covered(need, item, classified) or (
                not item.days and any(need.span.covers(d) for d in table.made_on(item.subject))
            ) or (  # what an undated fact says of a document, it says as of the day the document was made
                read.time_names_a_thing and any(
                    need.span.covers(d) for e in (item.subject, item.object) if e for d in table.made_on(e))
            ) or (  # "why did they pull out *in May*?": the time places the act whose cause is asked; a fact
                # that gives a cause undated gives it of that act, which another fact dates then
                classified.asked is Asked.why and item.causal and not item.days and not item.years
                and _cause_of_an_act_then(need, item, table, classified)
            ) else 0.0  # "the *March* treaty" names the treaty made then: a fact about it need not be of that day
            f["time_missing"] += 1 - credit
        else:
            if _nothing_said(read, item):
                credit = 0.0  # no word of it: what `_word_credit` gives, read faster (most facts, of a long message)
            else:
                credit = _word_credit(need, item)
                if need.relation and credit < 1.0:
                    credit = _word_credit(need, item, names=table.names.holds)  # "say" is not the United "States"
            if credit < 1.0 and read.saying and _saying_of_another(need, item, classified, table):
                credit = 0.0  # "what did Kim *write*": the White House "said" something of his letter
            if need.done_by and need.lemmas & SAYING and _spoke_without_words(item):
                f["hard_missing"] += 1  # "what did she say": "she spoke to the crowd" tells that she spoke,
                # not what she said, which is the answer asked
            if (classified.asked is Asked.who and need.relation and credit >= RELATION_SAID
                    and not _said_as_done(need, item)):
                credit = 0.0  # "who *signed* it" is not "a *sign* of divisions", nor "who *built*" "its main
                # *building*", nor "who *approved* it" "the *failure to ratify* it"
            if (need.relation and need.known and credit >= RELATION_SAID and not read.framed_by
                    and _asked_as_done(need, classified) and _said_only_as_meant(need, item)):
                credit = 0.0  # "when did she *visit* Oslo": "she hoped to visit Oslo" says a wish, not a visit
                f["hard_missing"] += 1
            if credit and read.number_of is not None and _another_number_said(need, item, read.number_of):
                credit = 0.0  # "the Hwasong-18": a fact of "September 18" names no such thing
            if read.tells_about:  # "what does the failed vote *tell* us about Seoul"
                if credit < SAID_OTHERWISE and _indicates(item):
                    credit = SAID_OTHERWISE  # "the failure was a *sign* of divisions in Seoul"
                elif credit < RELATION_SAID and not any(Lexicon.lemmas(w) & SAYING for w in item.words):
                    f["hard_missing"] += 1  # "the vote failed", "it will work against Moon": the thing itself or
                    # what it does, not what it shows, which is the answer asked
            if read.responded_to is not None and 0 < credit < 1.0 and item.lemmas.isdisjoint(RESPONDING) and (
                    _word_credit(read.responded_to, item) < 0.5
                    or classified.subject and item.subject in traits.entity_ids - classified.subject):
                f["hard_missing"] += 1  # "how did Oslo respond to Rome's *levy*", told by what Oslo said (no
                # verb of responding): what it said of another thing, though it names Rome, is no response to
                # the levy; nor is what Rome said of its levy
            if credit < SAID_OTHERWISE and read.reaction_owners and _reaction_said(read.reaction_owners, need, item,
                                                                                    classified):
                credit = SAID_OTHERWISE  # "Lyon's *response* to the visit": what Lyon said then
            if credit < 1.0 and read.pair_between and _says_between_two(item):
                credit = 1.0  # "between the two *parties*": a fact that says "between A and B" names them
            if credit < 1.0 and read.counterpart and _other_party(item, table, classified):
                credit = 1.0  # "who was her counterpart": the person she met or negotiated with
            if need.hard and credit < 1.0 and read.kinds and _names_a_kind_held(read.kinds, item, table, traits):
                credit = 1.0  # "which *organisation*": an organisation the question does not name
            if need.typed and credit < SAME_STEM and _names_one_of_the_kind(need, item):
                credit = SAME_STEM  # "which *river*": "the Taedong River", a name whose word says its kind
            if need.typed and credit < 1.0 and need.lemmas & _CONDITION_NOUNS and set(item.words) & _CONDITIONAL:
                credit = 1.0  # "on what *condition*": a clause with "if" or "unless" states one
            if need.relation and credit < SAID_OTHERWISE and need.lemmas & _REQUIRING and set(item.words) & _CONDITIONAL:
                credit = SAID_OTHERWISE  # "what does Oslo *need* from Rome": what it will do only if Rome does
            if (need.hard and credit < 0.5 and classified.asked is Asked.how_many
                    and _counted_in_a_container(need, item)):
                credit = KIND_CREDIT  # "how many *boxes* of files": "55 cases of files" counts them in another
            if credit < 1.0 and read.occasions and _ordinals_said(item):
                credit = 1.0  # "how many *times* had she visited": "her third visit" counts them
            if need.typed and credit < 1.0 and _of_a_wording(need) and _quotes(item.fact.statement):
                credit = 1.0  # "what *label* did she give them": the words a fact quotes ("called them 'a
                # threat'") are the wording asked
            if need.typed and credit < 1.0 and need.lemmas & _NUMBER_NOUNS and item.number:
                credit = 1.0  # "what *number* is it on the map": a fact that gives a number ("site 2") says one
            if need.typed and credit < 1.0 and need.lemmas & _LIKELIHOOD and any(w in _LIKELIHOOD for w in item.words):
                credit = 1.0  # "what *odds*", "what *chance*": a fact that says how likely ("a good chance") gives them
            if need.typed and credit < 1.0 and need.lemmas & _ROLE_NOUNS and (_gives_a_role(item)
                                                                               or _leaves_a_role(item)):
                credit = 1.0  # "what *role* did Biden give him": a fact that Biden named him envoy gives one;
                # "what *job* did he quit": a fact that he resigned as adviser names the one he left
            if credit < SAID_OTHERWISE and need.lemmas & _BECOMING and _becoming_given(need, item, classified):
                credit = SAID_OTHERWISE  # "who *became* foreign minister": a fact that she was named to the post
            if credit < 1.0 and read.describing and _described(need, item, table, traits):
                credit = 1.0  # "the *university* scholar who warned ...": the fact's person, whom the store
                # describes as a researcher at a think tank, described rather than named
            if credit and read.role_after_as and _role_only_in_a_name(need, item):
                credit = 0.0  # "when was Lee elected *as governor*": "Governor Lee", a name of his, says
                # what he is, not the act that made him so
            if need.typed and (need.known or _qualifier_said(need, classified, item)) and credit < 0.5:
                untyped.append(need)  # a hard miss, unless the fact says the act asked (below); a kind
                # no fact speaks of ("which *stadium*") stays a hard miss: nothing says what is of that kind,
                # unless the fact says the word that qualifies it ("which *football* stadium") or the act
                # done to or by it
            elif need.typed and credit < 0.5 and traits.kind_acts and _qualifier_of(need, classified) is None:
                untyped.append(need)  # "what *facility* did they tear down": the thing torn down is the answer
            elif (need.hard or (need.name_like and need.known)) and credit < 0.5:
                f["hard_missing"] += 1
            elif credit < 0.5 and read.year and _of_another_year(need, item):
                f["time_missing"] += 1  # "the *2017* sanctions": a fact dated in other years only, which
                # does not say the year, is of another thing of the kind
            elif read.number_of is not None and credit < 0.5:
                f["hard_missing"] += 1  # "the Mark-7 engine": the number is part of the name; a fact that
                # gives another number ("Mark-6"), or none, is about another of the kind
            elif need.degree and credit < 0.5 and not _measures(item, classified) and not _likelihood_said(need, item):
                f["degree_missing"] = 1.0  # "how big": neither a measure nor the size said
            elif (read.opposites is not None and credit < RELATION_SAID
                  and _says_the_opposite(item, *read.opposites)):
                f["opposite"] = 1.0  # "when was the office *shut down*": a fact that it was *opened* states
                # another act of the same thing, the one that undoes the act asked
                credit = 0.0
            elif need.relation and (need.known or classified.asked is Asked.yes_no) and credit < RELATION_SAID:
                # A yes or no is of the predicate asked: a verb no fact says ("was it *filmed*?") is no
                # act any fact states, and the bot cannot say "no" from what it does not hold.
                f["relation_missing"] = 1.0
                f["act_missing"] = float((need.done_by or need.phrasal and classified.asked is Asked.when)
                                         and need.known)  # "when did the treaty *come into force*": the
                # date of another act of it ("signed") is another date
                credit = 0.0
            elif read.unknown_thing and credit < 1.0:
                # a noun that is a verb too is a noun after a light verb ("take a *vacation*"), the act asked;
                # not a word only ever a verb ("get *rid* of")
                if read.light_verb:
                    f["relation_missing"] = 1.0  # "make a *threat*": the act asked, which no fact says
                elif read.reacted_to and _reaction_to(read.reacted_to, item):
                    pass  # "how did Oslo take Rome's *overture*": the asker's word for what the fact says Oslo
                    # reacted to, named by the entity beside it
                elif read.described_by is not None and _word_credit(read.described_by, item) >= RELATION_SAID:
                    pass  # "the *plan* the mayor is backing": the asker's word for the thing the fact names
                    # by the act the clause after it says ("the mayor backs a new bridge")
                else:
                    f["unknown_thing"] += 1  # a thing no fact speaks of: "the *budget* of the summit"
            if (read.framed_by and need.known and need.weight >= FRAMED_ACT_WEIGHT and credit < RELATION_SAID
                    and _frames_another_act(item, read.framed_by, need)):
                f["hard_missing"] += 1  # "when did they vote to *impeach* her": "they voted to *reject* it" is
                # another act put to the same vote, not the one asked
            if not need.known:
                unknown += need.weight
        credits[need.position] = credit
        if need.kind is NeedKind.word:
            words_weight += need.weight
            words_covered += need.weight * credit
        else:
            covered += need.weight * credit
    f["hard_missing"] += sum(1 for choice in traits.alternatives if all(credits.get(k, 0.0) < 0.5 for k in choice))
    if untyped:
        # The act may be the verb a frame governs ("agree *to take apart*"), which is not the relation
        # asked; a fact that says it still says the act.
        acted = any((n.relation or n.phrasal) and n.known and credits.get(n.position, 0.0) >= SAME_STEM
                    for n in classified.needs)
        f["kind_unsaid" if acted else "hard_missing"] += len(untyped)
        if acted:  # the thing the act names is the answer: of that kind, most likely (KIND_UNSAID)
            words_covered += sum(n.weight * (1.0 - credits[n.position]) for n in untyped)
    if classified.outcome:
        if not any(n.kind is NeedKind.time for n in classified.needs):  # a time named places the event itself
            f["time_missing"] += not item.days & table.scheduled_days(classified.outcome)
        f["hard_missing"] += not _settles(item)  # "what came out of the conference": its agenda is no outcome
    if words_weight:
        lexical = words_covered / words_weight
        f["lexical"] = lexical
        f["words"] = 1.0
        # What the words say, read two ways: word by word, and as a whole by the embedding model
        # ("who did he sit down with" is near "met"): the meaning fills part of what the words miss.
        covered += words_weight * (lexical + (1 - lexical) * _meaning_credit(similarity) * MEANING_SHARE)
    if traits.meeting and _met_by_others(item, traits.meeting, table):
        f["entity_missing"] += 1.0
    if f["relation_missing"] and any(n.object_asked for n in classified.needs) and _a_meeting(item, table):
        f["occasion"] = 1.0
    unheard_act = traits.unheard_act
    if (f["relation_missing"] or unheard_act) and _only_the_frame_said(classified, credits, item):
        f["occasion"] = 1.0
    if f["relation_missing"] and classified.asked is Asked.who and _role_said_of_named(item, classified):
        f["role_of_named"] = 1.0
    f["done_to_doer"] = float(traits.doer_and_act is not None and _done_to_the_doer(item, classified,
                                                                                    *traits.doer_and_act)
                              or traits.doer_phrase is not None and _placed_by_anothers_act(item, *traits.doer_phrase))
    if not f["relation_missing"] and _saying_placed_unsaid(classified, credits, table):
        f["occasion"] = 1.0  # "what did she say *at the rally*": a fact that she said something, and nothing
        # else asked, tells what she said elsewhere
    if f["relation_missing"] and _manner_of_an_act(classified) and _only_names_said(classified, credits, table):
        f["manner_unsaid"] = 1.0  # "how did she commute": a fact that says neither the commute nor any
        # other word asked, only the names, tells another thing about them, not the way of that act
    if not f["opposite"] and traits.occurrence_asked and _only_its_stopping_said(item):
        f["opposite"] = 1.0  # "when did the trip finally *happen*": a fact that it was *called off* says
        # it did not go ahead, not when it did
    if not f["opposite"] and traits.appointing_asked and _the_one_replaced_asked(item, classified):
        f["opposite"] = 1.0  # "when was Ri Yong Ho *named* minister": a fact that Ri Son Gwon *replaced*
        # Ri Yong Ho tells when Ri Yong Ho left the post, not when he was given it
    f["type"] = _type_factor(item, classified, table, mentioned=traits.entity_ids, said=traits.said,
                             ordered=traits.ordered, doer=traits.doer_of_whom)
    if (classified.asked is Asked.who and f["type"] < 1.0 and any(n.relation or n.phrasal for n in classified.needs)
            and (f["relation_missing"] and (traits.doer_of_whom or traits.object_of_who)
                 or _only_names_said(classified, credits, table))):
        f["no_one_named"] = 1.0  # "who did she talk with": a fact that names no one but those asked of,
        # and says none of the question's words but its names, or not the act asked of them ("who did she
        # *beat* in the race": "she won the race"; "who *proposed* her": "she was made chair"), tells another
        # thing about them
    if traits.sides and _only_another_sides_named(item, traits.sides, table):
        f["hard_missing"] += 1  # "who led the *American* side": a fact that names only the North Korean
        # negotiator names no one of the side asked
    if classified.asked is Asked.who and _succession_unsaid(item, classified, ordered=traits.ordered, table=table):
        f["hard_missing"] += 1  # "who replaced Ri": a fact that says nothing of a post changing hands
        # names people who did other things, not the one who came before or after Ri
    if classified.asked is Asked.when and (_dated_as_another_thing(item, classified)
                                           or _dated_by_another_act(item, classified, credits)):
        f["date_of_another"] = 1.0
    if _doer_named_as_the_object(item, classified, credits):
        f["doer_is_object"] = 1.0
    if (f["relation_missing"] or unheard_act) and traits.owner_names and _object_named_only_as_owner(
            item, traits.owner_names):
        f["object_owned"] = 1.0
    f["coverage"] = covered / total
    f["similarity"] = similarity
    f["entities"] = entity_covered / entity_weight if entity_weight else 1.0
    f["unknown_share"] = unknown / total
    f["qualifier"] = 1.0 - _qualifiers(traits, credits, item)
    f["qualified_away"] = 1.0 - _qualified_away(item, classified, credits, said=traits.said)
    if classified.subject and item.subject not in classified.subject:
        peers = {table.entities[e].kind for e in classified.subject if e in table.entities}
        subject = table.entities.get(item.subject)
        f["peer_subject"] = float(subject is not None and subject.kind in peers)
    clause_subject, clause_verb = classified.clause
    if (item.subject in classified.subject and item.subject not in clause_subject
            and any(Lexicon.lemmas(w) & clause_verb for w in item.relation.replace("_", " ").split())):
        f["peer_subject"] = 1.0  # "what does A say B wants": a fact that A wants something is A's act, not B's
    if classified.subject and not f["peer_subject"] and _act_of_another(item, classified, table):
        f["peer_subject"] = 1.0  # "what does B believe": "A believes B and C won't agree" is A's belief
    f["focus"] = float(item.subject in traits.entity_ids)
    return f


FRAMED_ACT_WEIGHT = 1.5
"""The least weight of a verb asked in a frame for another act in the frame to be a neighbour: a common verb
("agree to *hold* talks") is said as often by another ("agreed to resume them")."""


def _framing_verb(need: Need, classified: Classified) -> frozenset[str]:
    """The lemmas of the verb right before "to" and the need ("*agree* to leave", "*vote* to impeach"): the
    frame the act asked is put in; empty when the need follows no verb and "to"."""
    toks = classified.linked.question.tokens
    at = need.position
    if at < 2 or toks[at - 1].lower != "to" or "VERB" not in Lexicon.parts_of_speech(toks[at - 2].lower):
        return frozenset()
    frame = toks[at - 2]
    if frame.lemmas - {frame.lower} and any(t.lower in _BE for t in toks[: at - 2]):
        return frozenset()  # "are the talks *expected* to address": a passive frame tells what others
        # expect or say of the act, said in other words as often ("expected to discuss")
    return frozenset(frame.lemmas) - _AUX


def _frames_another_act(item: IndexedFact, frame: frozenset[str], need: Need) -> bool:
    """The fact puts another act in the frame of the one asked: the framing verb, "to" and a verb that is
    neither the act asked, nor near it, nor one of its synonyms ("voted to *reject*" for "vote to
    impeach"; not "agreed to *proceed*" for "agree to go ahead")."""
    if frame.isdisjoint(item.lemmas):
        return False
    asked = need.lemmas | set(need.near) | {s for w in need.lemmas for s in Lexicon.synonyms(w)}
    words = item.words
    return any(Lexicon.lemmas(words[k]) & frame and words[k + 1] == "to"
               and "VERB" in Lexicon.parts_of_speech(words[k + 2]) and not Lexicon.lemmas(words[k + 2]) & asked
               for k in range(len(words) - 2))


def _act_of_another(item: IndexedFact, classified: Classified, table: FactTable) -> bool:
    """The fact's relation is the act the question asks of its subject, and the question's subject is in
    the fact, but not as the one who acts: the act is its own subject's, someone the store does not
    describe as the question's subject's (as it describes a country's leader). Saying is left out: a
    spokesman says what the office he speaks for says."""
    if item.subject in classified.subject or not classified.subject <= item.entities:
        return False
    verbs = [n for n in classified.needs if n.kind is NeedKind.word and "VERB" in Lexicon.parts_of_speech(n.label)]
    # the verb said of the question's subject: the relation, else its first ("what does A say B believes": "say")
    verb = next((n for n in verbs if n.relation), verbs[0] if verbs else None)
    acted = set().union(*(Lexicon.lemmas(w) for w in item.relation.replace("_", " ").split()))
    if verb is None or not verb.lemmas & acted or verb.lemmas & SAYING:
        return False  # a spokesman says what his embassy says
    actor = table.entities.get(item.subject)
    if actor is None:
        return False
    described = f" {' '.join(words_of((actor.description or '').lower()))} "
    return not any(f" {' '.join(words_of(name.lower()))} " in described
                   for e in classified.subject if e in table.entities for name in table.entities[e].names)


LIGHT_OBJECT_REACH = 4
"""How far after a light verb its noun may stand ("make the new tariff *threat*")."""


def _act_of_a_light_verb(need: Need, classified: Classified) -> bool:
    """The noun is what a light verb's meaning lies in ("*make* a threat"), and English has a verb of its
    own for it ("threaten"): an act asked, not a thing a fact must name."""
    toks = classified.linked.question.tokens
    at = next((k for k in range(need.position - 1, max(-1, need.position - 1 - LIGHT_OBJECT_REACH), -1)
               if toks[k].lemmas & _LIGHT_VERBS), None)
    if at is None or any(Lexicon.parts_of_speech(t.lower) == {"VERB"} for t in toks[at + 1 : need.position]):
        return False
    return _has_a_verb_of_its_own(need.label)


@functools.lru_cache(maxsize=1024)
def _has_a_verb_of_its_own(noun: str) -> bool:
    """English derives a verb from the noun by a short ending ("threat": "threaten", "critic": "criticize")."""
    return any(w.startswith(noun) and len(w) - len(noun) <= 3 and "VERB" in Lexicon.parts_of_speech(w)
               for w in Lexicon.english_starting(noun[0]))


def _words_said(words: frozenset[str], said: frozenset[str] | set[str]) -> bool:
    """Every word of an entity's name, as the question writes it, is one the fact holds, in that form or
    in one of its lemmas: "sanctions" of the question is the "sanction" a fact that says "sanctioned"
    holds, as a word need is credited by its lemmas."""
    return all(w in said or not Lexicon.lemmas(w).isdisjoint(said) for w in words)


def _said_only_in_another_name(need: Need, item: IndexedFact, table: FactTable) -> bool:
    """The fact holds a word of the entity asked only as a word of a person's names ("the North" in Kim
    Jong Un's "North Korean leader"): a person's name means nobody but the person, not the entity asked.
    (An event's name may name who took part: "the Moon-Kim summit" is about Moon and Kim.)"""
    others = frozenset().union(*(table.name_words(e) for e in (item.subject, item.object)
                                 if e and e not in need.entity_ids and e in table.entities
                                 and table.entities[e].kind is EntityKind.person))
    if others.isdisjoint(need.lemmas):
        return False
    said = (item.lemmas - others) | item.name_lemmas | item.unlinked_names
    return not need.lemmas <= said.union(*map(Lexicon.lemmas, item.words))


_SETTLING_ACTS = frozenset({"agree", "sign", "commit", "decide", "pledge", "promise", "agreement", "commitment",
                            "decision", "accord", "deal"})
"""Acts that settle something (an agreement, a signing, a commitment, a decision): what an event ends in."""


@functools.lru_cache(maxsize=1)
def _settling() -> frozenset[str]:
    """The settling acts and WordNet's kinds of them ("vow" of "commit", "covenant" of "pledge")."""
    return _SETTLING_ACTS.union(*(Lexicon.kinds(w) for w in _SETTLING_ACTS))


def _settles(item: IndexedFact) -> bool:
    """The fact states an act that settles something: what an event's outcome is."""
    return not _settling().isdisjoint(item.lemmas)


_RESPONDING_STEMS = frozenset(verb[:STEM_MIN] for verb in RESPONDING)
"""The beginnings the nouns of responding share with their verbs ("reaction", "response", "reply")."""


_INDICATING = ("indicate", "signal")
"""The verbs of one thing showing another; with their synonyms in a first sense of both (WordNet: "suggest",
"point", "betoken", and through "signal" the noun "sign"), what a fact says when it reads a thing as
telling something ("a *sign* of divisions")."""
_TELLING_ABOUT = frozenset({"say", "tell"})
_NOT_A_THING = frozenset({"i", "we", "you", "he", "she", "they", "one", "anyone", "anybody", "someone", "people"})
_SPEAKING_KINDS = frozenset({EntityKind.person, EntityKind.group, EntityKind.organisation, EntityKind.country,
                             EntityKind.document})


@functools.cache
def _indicating() -> frozenset[str]:
    words = set(_INDICATING)
    for verb in _INDICATING:
        words |= {s for s in Lexicon.synonyms(verb) if Lexicon.shares_a_common_sense(verb, s) and " " not in s}
    return frozenset(words)


def _indicates(item: IndexedFact) -> bool:
    """The fact reads one thing as showing another: a word of `_INDICATING`."""
    return any(Lexicon.lemmas(w) & _indicating() for w in item.words)


def _tells_about(need: Need, classified: Classified, table: FactTable) -> bool:
    """"What does the failed vote *say* about Seoul", "what did the collapse *tell* us about them": a verb of
    saying whose subject is a thing, not one who speaks (no pronoun of a person, no name of a person, a
    group, a body, a country or a document at its head), asked about something. English uses the verb for
    what the thing shows: a fact that reads it as showing something (`_indicates`) says the act asked, a
    fact that only says the thing happened does not."""
    if classified.asked is not Asked.what or not need.lemmas & _TELLING_ABOUT:
        return False
    toks = classified.linked.question.tokens
    at = need.position
    if at >= len(toks) or not any(t.lower == "about" for t in toks[at + 1:]):
        return False
    start = next((i for i, t in enumerate(toks[:at]) if t.lower == "what"), None)
    if start is None or start + 2 >= at or toks[start + 1].lower not in _AUX:
        return False
    subject = toks[start + 2:at]
    head = next((i for i, t in enumerate(subject) if t.lower in PREPOSITIONS), len(subject))
    if head == 0 or any(t.lower in _NOT_A_THING for t in subject[:head]):
        return False
    last = subject[head - 1].position
    for m in classified.linked.mentions:
        if m.position <= last < m.position + m.span and any(
                e in table.entities and table.entities[e].kind in _SPEAKING_KINDS for e in m.ids):
            return False
    return True


def _reaction_owners(need: Need, classified: Classified) -> list[Need]:
    """"X's reaction to Y", "the response of X to Y": the entities that own a noun of responding (its stem
    one of `RESPONDING`'s), X; none for any other word."""
    if need.relation or need.label[:STEM_MIN].lower() not in _RESPONDING_STEMS or need.kind is not NeedKind.word:
        return []
    toks = classified.linked.question.tokens
    if need.position + 1 < len(toks) and toks[need.position + 1].lower not in {"to", "of"}:
        return []  # "Lyon's *reply letter*": the noun qualifies another thing, which is asked
    return [n for n in classified.needs if n.kind is NeedKind.entity and (
        (n.position + len(n.label.split()) == need.position and toks[need.position - 1].possessive)
        or (need.position + 2 == n.position and toks[need.position + 1].lower == "of"))]


def _responded_to(need: Need, classified: Classified) -> Need | None:
    """"How did X *respond to* Y's levy": for a verb of `RESPONDING` followed by "to", the word need its
    object ends on ("levy"), what X responded to, which a fact that tells the response by what X said must
    say; None when the phrase ends on a name, or the question names a time, which places the response."""
    if not need.lemmas & RESPONDING or any(n.kind is NeedKind.time for n in classified.needs):
        return None
    toks = classified.linked.question.tokens
    to = need.position + len(need.label.split())
    if to >= len(toks) or toks[to].lower != "to":
        return None
    end = next((t.position for t in toks[to + 1:] if t.lower in PREPOSITIONS or t.lower in _AUX), len(toks))
    last = max((n for n in classified.needs if to < n.position < end), key=lambda n: n.position, default=None)
    return last if last is not None and last.kind is NeedKind.word and last.known else None


def _named_beside(need: Need, classified: Classified) -> frozenset[str]:
    """The entities named in the run of needs that ends right before the need, with nothing between them
    ("John Bolton's tariff *overture*", "the Paris *proposal*"): the noun phrase the need heads, which says
    whose or which thing it is."""
    before = {n.position + len(n.label.split(" ")): n for n in classified.needs if n.position < need.position}
    named: set[str] = set()
    at = need.position
    while at in before:
        n = before[at]
        named |= n.entity_ids
        at = n.position
    return frozenset(named)


def _reaction_asked(classified: Classified) -> bool:
    """The question asks how someone took a thing ("how did X take it") or names a reaction ("X's *response*
    to it"): a word of `RESPONDING`, or a noun of one."""
    return classified.asked is Asked.how or any(
        n.kind is NeedKind.word and (n.lemmas & RESPONDING or n.label[:STEM_MIN].lower() in _RESPONDING_STEMS)
        for n in classified.needs)


def _reaction_to(named: frozenset[str], item: IndexedFact) -> bool:
    """The fact states a reaction (a verb of `RESPONDING`) and names one of the entities `named`."""
    return not item.lemmas.isdisjoint(RESPONDING) and not named.isdisjoint(item.entities)


def _reaction_said(owners: tuple[Need, ...], need: Need, item: IndexedFact, classified: Classified) -> bool:
    """The reaction of its `owners` (`_reaction_owners`) the need asks: the fact's subject is one of them,
    the one who speaks, in a fact that says it said something, placed by the question's time (a need scored
    on its own) or naming what X responded to. A fact that has X say nothing, or someone else speak, or
    speak of another thing, is no reaction."""
    if not owners or not any(item.subject in n.entity_ids for n in owners) or item.lemmas.isdisjoint(SAYING):
        return False
    if any(n.kind is NeedKind.time for n in classified.needs):
        return True
    toks = classified.linked.question.tokens
    to = next((t.position for t in toks if t.position > need.position and t.lower == "to"), None)
    return to is not None and any(
        (n.entity_ids & item.entities) if n.kind is NeedKind.entity else _word_credit(n, item) >= 0.5
        for n in classified.needs if n.position > to and n.kind is not NeedKind.time)


def heuristic(f: dict[str, float]) -> float:
    """The hand-set reading of the features: coverage, times a factor for each thing missed."""
    factor = MISSING_HARD ** (f["entity_missing"] + f["time_missing"] + f["hard_missing"] + f["unknown_thing"]
                              + f["role_of_named"] + f["occasion"] + f["opposite"] + f["done_to_doer"]
                              + f["manner_unsaid"] + f["no_one_named"]
                              + f["date_of_another"] + f["doer_is_object"] + f["object_owned"])
    factor *= (MISSING_ACT if f["act_missing"] else MISSING_RELATION) if f["relation_missing"] else 1.0
    factor *= (1 - f["qualifier"]) * (1 - f["qualified_away"]) * f["type"]
    factor *= PEER_SUBJECT if f["peer_subject"] else 1.0
    factor *= KIND_UNSAID ** f["kind_unsaid"]
    factor *= MISSING_RELATION if f["degree_missing"] else 1.0
    if f["set_aside"] >= SET_ASIDE_SHARE:
        factor *= SET_ASIDE
    if f["words"] and f["lexical"] < NOTHING_SAID:
        factor *= MISSING_RELATION  # the fact says none of the question's words, only its names
    return f["coverage"] * factor


def _score(item: IndexedFact, classified: Classified, table: FactTable, total: float,
           similarity: float, *, traits: QuestionTraits) -> tuple[float, float]:
    f = features(item, classified, table, total, similarity, traits=traits)
    return heuristic(f), FOCUS * f["focus"]


def _opposites(need: Need, *, by_synonyms: bool = False) -> tuple[frozenset[str], str] | None:
    """The acts opposite the one asked (WordNet's antonyms of its lemmas; a verb of appointing for leaving a
    post) and the phase opposite its own ("end" for "resume", `_OTHER_PHASE`; with `by_synonyms`, a verb of
    several words by the phase of its synonyms, `_phase_of`), or None when it has neither."""
    opposite = frozenset().union(*(Lexicon.antonyms(lemma) for lemma in need.lemmas))
    if _TAKING_OFFICE in opposite:
        opposite |= _appointing()  # "when did she step down": a fact that she was *named* to the post
    phase_of = _phase_of if by_synonyms else Lexicon.phase
    other = _OTHER_PHASE.get(next((p for p in map(phase_of, need.lemmas) if p), ""), "")
    if not opposite and not other:
        return None
    return opposite, other


def _says_the_opposite(item: IndexedFact, opposite: frozenset[str], other: str) -> bool:
    """The fact says, as a verb, an act `opposite` the one asked ("opened" for "close", "left" for
    "arrive"): an inflected form of a WordNet antonym, so "an *open* letter" or "the *release*" of a
    statement, which may be adjectives or nouns, say no act. An act of the `other` phase is opposite too:
    "suspended" for "resume", "held" for "call off" (`Lexicon.phase`)."""
    heads = {act.partition(" ")[0] for act in opposite}  # every word's lemmas are among the fact's
    if _OTHER_PHASE.get(other) == _ENDING and _says_a_phase(item, _ENDING):
        return False  # "*ending* the pause it had *kept*": an act of stopping, as the act asked, is said too
        # (not so of going on: "held" says a meeting took place, not that it started)
    if other and Lexicon.phase_heads(other).isdisjoint(item.lemmas):
        other = ""  # the fact says no verb of the other phase
    if heads.isdisjoint(item.lemmas) and heads.isdisjoint(item.name_lemmas) and not other and (
            not opposite or PARTICLES.isdisjoint(item.words)):
        return False  # no verb that may be opposite: none of its heads, nor a phrasal verb (`_a_way_of_the_opposite`)
    words = item.words
    for at, word in enumerate(words):
        if not _inflected_verb(word):
            continue  # "the *releases*": a noun's plural as likely as a verb's present
        bases = Lexicon.lemmas(word) - {word}  # "opened" -> "open": an inflected form
        particle = words[at + 1] if at + 1 < len(words) else ""
        if bases & opposite or any(f"{base} {particle}" in opposite for base in bases):
            return True
        if particle in PARTICLES and any(_a_way_of_the_opposite(f"{base} {particle}", opposite) for base in bases):
            return True
        if other and any(_phase_said(base, particle) == other for base in bases):
            return True
    return False


def _says_a_phase(item: IndexedFact, phase: str) -> bool:
    """The fact says, as an inflected verb, an act of `phase` ("ended", "ending" for "end")."""
    if Lexicon.phase_heads(phase).isdisjoint(item.lemmas):
        return False  # most facts: no verb of the phase at all
    words = item.words
    for at, word in enumerate(words):
        bases = Lexicon.lemmas(word) - {word}
        if not bases or "VERB" not in Lexicon.parts_of_speech(word):
            continue
        particle = words[at + 1] if at + 1 < len(words) else ""
        if any(_phase_said(base, particle) == phase for base in bases):
            return True
    return False


_OF_AN_OCCURRENCE = frozenset({Asked.when, Asked.where})
"""What "happen" or "take place" can ask of an event: the time or place it went ahead ("what happened to
the trip" asks what became of it, which its cancellation tells)."""


ACT_STEM = 6
"""Letters a noun shares with the verb of its act ("*cancel*lation", "*suspen*sion", "*postpo*nement");
five would join "final" and "finalize"."""


def _occurrence_asked(classified: Classified) -> bool:
    """"When did the trip *happen*", "where did the drills *take place*": the question asks when or where
    an event went ahead, by a verb that stands for any event, and says no act of stopping ("when did
    the *cancellation* happen" asks of the stopping itself)."""
    if classified.asked not in _OF_AN_OCCURRENCE:
        return False
    toks = classified.linked.question.tokens
    occurs = any(t.lemmas & _PRO_VERBS or (at + 1 < len(toks) and any(
        Lexicon.synonyms(f"{lemma} {toks[at + 1].lower}") & _PRO_VERBS for lemma in t.lemmas))
        for at, t in enumerate(toks))
    if not occurs:
        return False
    ending = {verb[:ACT_STEM] for verb in Lexicon.phase_heads("end")
              if len(verb) >= ACT_STEM and Lexicon.phase(verb) == "end"}
    return not any(Lexicon.phase(lemma) == "end" or lemma[:ACT_STEM] in ending
                   for n in classified.needs if n.kind is NeedKind.word for lemma in n.lemmas)


_KEPT_FROM_GOING_AHEAD = ("cancel", "postpone")
"""The acts of stopping that keep a scheduled event from going ahead (`tools/build_phases.py`'s "cancel"
and "postpone" senses); one that ends or finishes it ("concluded", "closed") says it went ahead."""


@functools.lru_cache(maxsize=1)
def _calling_off() -> frozenset[str]:
    """"cancel", "postpone" and the verbs of their common senses or ways of doing them that are acts of
    stopping (`Lexicon.phase`): "call off", "scrub", "put off", "shelve"."""
    acts = {a for seed in _KEPT_FROM_GOING_AHEAD for a in (seed, *Lexicon.synonyms(seed), *Lexicon.kinds(seed))}
    return frozenset(a for a in acts if Lexicon.phase(a) == "end")


@functools.lru_cache(maxsize=1)
def _calling_off_heads() -> frozenset[str]:
    """The first word of each act of `_calling_off` ("call" of "call off"): a fact holding none says none."""
    return frozenset(act.partition(" ")[0] for act in _calling_off())


def _only_its_stopping_said(item: IndexedFact) -> bool:
    """The fact says, as a verb, that an event was called off or put off (`_calling_off`) and no act of
    going on or of happening ("held", "took place"): it tells that the event did not go ahead then."""
    acts = _calling_off()
    if _calling_off_heads().isdisjoint(item.lemmas):
        return False
    stopped = False
    words = item.words
    for at, word in enumerate(words):
        pos = Lexicon.parts_of_speech(word)
        if "VERB" not in pos or (word.endswith("s") and "NOUN" in pos):
            continue  # "the *postponements*": a noun's plural as likely as a verb's present
        bases = Lexicon.lemmas(word)
        particle = words[at + 1] if at + 1 < len(words) else ""
        if (bases & _PRO_VERBS or any(Lexicon.synonyms(f"{base} {particle}") & _PRO_VERBS for base in bases)
                or any(_phase_said(base, particle) == "go" for base in bases)):
            return False  # "postponed from May, it took place in June": it went ahead after all
        stopped = stopped or any(base in acts or f"{base} {particle}" in acts for base in bases - {word})
        # an inflected form: "*tabled*", not "the table" or "a scratch"
    return stopped


def _phase_of_the_act(need: Need, classified: Classified) -> bool:
    """The word is a verb of a phase ("finish", "stop", "begin": `Lexicon.phase`) of the act the question
    asks, right before it ("when did they *finish* building the bridge", "*stop* to trade"): the time
    or the place asked is of that phase, and a fact that says the act in the other phase (the
    groundbreaking, "began building") tells another moment of it."""
    if not any(Lexicon.phase(lemma) for lemma in need.lemmas):
        return False
    toks = classified.linked.question.tokens
    after = need.position + 1
    if after < len(toks) and toks[after].lower == "to":
        after += 1
    return any(n.position == after and (n.relation or n.phrasal) for n in classified.needs
               if n.kind is NeedKind.word)


def _a_finite_verb(need: Need, classified: Classified) -> bool:
    """The need's first word is not an "-ing" form: the act the question asks, not one it speaks of ("are
    they worried about him *giving up* his weapons": the worry is asked, and what persists says it)."""
    toks = classified.linked.question.tokens
    return need.position < len(toks) and not toks[need.position].lower.endswith("ing")


def _phase_of(verb: str) -> str:
    """The phase of the act `verb` names (`Lexicon.phase`); a verb of several words that the table, of
    common words only, lacks takes the phase its one-word synonyms of a sense common to both agree on
    ("shut down": "close", which ends an act)."""
    phase = Lexicon.phase(verb)
    if phase or " " not in verb:
        return phase
    phases = {Lexicon.phase(w) for w in Lexicon.synonyms(verb)
              if " " not in w and Lexicon.shares_a_common_sense(verb, w)} - {""}
    return phases.pop() if len(phases) == 1 else ""


_ENDING = "end"
_OTHER_PHASE = {_ENDING: "go", "go": _ENDING}
"""The phase of an act opposite each (`Lexicon.phase`): stopping it, and starting or carrying it on."""


def _a_way_of_the_opposite(verb: str, opposite: frozenset[str]) -> bool:
    """A phrasal verb too rare for the tables ("wrap up") that shares a common sense with a way of doing an
    act `opposite` the one asked ("finish off", a way to "finish", for "begin"): it says the opposite act."""
    ways = opposite.union(*map(Lexicon.kinds, opposite))
    return any(Lexicon.shares_a_common_sense(verb, w) for w in Lexicon.synonyms(verb) & ways)


def _phase_said(base: str, particle: str) -> str:
    """The phase of the act a verb says with the word after it: "broke *out*" goes on though "broke"
    ends ("break off"); a verb and a word it makes no phrase of a phase with ("held *on* June 12") say the verb's."""
    return Lexicon.phase(f"{base} {particle}") or Lexicon.phase(base)


def _the_pair_between(need: Need, classified: Classified) -> bool:
    """The word is the noun of "between the two ..." or "between both ...": the two it joins."""
    before = [t.lower for t in classified.linked.question.tokens[max(0, need.position - 3):need.position]]
    return before == ["between", "the", "two"] or before[-2:] == ["between", "both"]


def _says_between_two(item: IndexedFact) -> bool:
    """The fact joins two of the things it names by "between A and B"."""
    words = item.words
    return len(item.entities) >= 2 and any(
        w == "between" and "and" in words[k + 2:k + 6] for k, w in enumerate(words))


def _names_one_of_the_kind(need: Need, item: IndexedFact) -> bool:
    """A name in the fact holds a word that means the kind asked in one of the first senses of both
    ("the Taedong River" for "which river"): a name says what kind of thing it names."""
    return any(Lexicon.shares_a_common_sense(lemma, word) for lemma in need.lemmas
               for word in item.name_lemmas & Lexicon.synonyms(lemma))


def _act_of_the_kind(classified: Classified) -> bool:
    """The kind asked is what the question's verb is done to: its object, with the doer between the two
    ("what *facility* did the North tear down"), or the subject of a passive ("what *landmark* was
    demolished"). A kind that does the act ("which *stadium* will host it", "which *tanker* guarded it")
    is not said by a fact that names the doer otherwise, and an act of a relative clause says which other
    thing is meant ("which party are the lawmakers *who blocked* it from")."""
    kind = next((n for n in classified.needs if n.typed), None)
    act = next((n for n in classified.needs if (n.relation or n.phrasal) and n.kind is NeedKind.word), None)
    if kind is None or act is None or act.position <= kind.position:
        return False
    between = [t.lower for t in classified.linked.question.tokens[kind.position + 1 : act.position]]
    if any(w in _RELATIVES for w in between):
        return False
    passive = any(w in _BE for w in between) and not act.label.endswith("ing")
    return passive or any(w not in _AUX and "ADV" not in Lexicon.parts_of_speech(w) for w in between)


def _qualifier_said(need: Need, classified: Classified, item: IndexedFact) -> bool:
    """The word right before the kind asked ("what *missile* facility", "what *chemical* plant") is a noun or
    an adjective the fact says."""
    before = _qualifier_of(need, classified)
    return before is not None and bool(before.lemmas & item.lemmas)


def _qualifier_of(need: Need, classified: Classified) -> Need | None:
    """The noun or adjective right before the kind asked ("what *missile* facility"), not a count ("what
    *three* qualities"), or None."""
    before = next((n for n in classified.needs if n.position == need.position - 1 and n.kind is NeedKind.word), None)
    if before is None or before.label in _NUMBER_WORDS or not Lexicon.parts_of_speech(before.label) & {"NOUN", "ADJ"}:
        return None
    return before


_NOT_DONE = frozenset({"not", "never", "without"})
"""Words of English that say the act after them did not happen ("*never* signed", "*without* approving")."""
_NOT_DONE_TO = frozenset({"fail", "failure", "refuse", "refusal", "decline", "unable", "inability"})
"""Words of English that say the act their "to" leads to did not happen ("*failed* on Monday *to* ratify")."""
FRAME_SPAN = 8
"""How far back from its "to" such a word may stand ("failed on Monday, May 28, 2018, to ratify")."""


def _said_as_done(need: Need, item: IndexedFact) -> bool:
    """The fact says the question's verb (or a word near it) of someone who did it: not only as a noun
    after a determiner or an adjective ("a *sign*", "main *building*"), nor only as an act that did not
    happen ("*failed to* ratify", "the *failure to* approve"), which name no one who did it."""
    words = item.words
    near = {w for w, c in need.near.items() if c >= RELATION_SAID}
    said = [k for k, w in enumerate(words) if Lexicon.lemmas(w) & (need.lemmas | near)]
    if not said:  # said by its keywords or its relation, not its statement: the verb itself, or a word
        # near it the relation says; a word only near it that only a keyword holds names what the fact is
        # about ("institute" of a think tank for "who *founded* it"), not an act anyone did
        relation = {lemma for w in item.relation.split("_") for lemma in Lexicon.lemmas(w)}
        return not need.lemmas.isdisjoint(item.lemmas) or not (need.lemmas | near).isdisjoint(relation)
    for k in said:
        before = words[k - 1] if k > 0 else ""
        pos = Lexicon.parts_of_speech(before)
        as_noun = "NOUN" in Lexicon.parts_of_speech(words[k]) and (
            before in DETERMINERS or ("ADJ" in pos and not pos & {"VERB", "ADV"}))
        negated = any(Lexicon.lemmas(w) & _NOT_DONE for w in words[max(0, k - 2) : k]) or (
            before == "to" and any(Lexicon.lemmas(w) & _NOT_DONE_TO for w in words[max(0, k - FRAME_SPAN) : k - 1]))
        if not (as_noun or negated):
            return True  # "its *dismantling*" is the act, named
    return False


_MEANT_TO = frozenset({"hope", "plan", "want", "wish", "intend", "intention", "desire", "ready", "willing", "eager",
                       "aim", "seek", "expect", "promise", "pledge", "vow", "offer", "propose", "proposal", "prepare",
                       "invite", "invitation", "ask", "request", "urge", "try", "attempt", "bid"})
"""Words of English that say the act their "to" leads to is wished, planned, offered, asked for or tried,
not yet done ("*hoped to* visit", "*ready to* meet", "an *invitation to* come", "*tried to* enter")."""
_PAST_AUXILIARIES = frozenset({"did", "had"})


def _asked_as_done(need: Need, classified: Classified) -> bool:
    """The question asks of the act as done: its nearest auxiliary is "did" or "had", or the verb is in a
    past form ("when *did* they meet", "when was it *held*"); not "when will they meet", nor "did they say
    they would meet", whose "would" asks of a plan."""
    toks = classified.linked.question.tokens
    if need.position >= len(toks):
        return False
    verb = toks[need.position].lower
    auxiliary = next((t.lower for t in reversed(toks[: need.position]) if t.lower in _AUX or t.lower == "to"), None)
    if auxiliary is not None and auxiliary not in _BE:  # "did they say they *would* build": a plan asked
        return auxiliary in _PAST_AUXILIARIES
    return bool(Lexicon.lemmas(verb) - {verb}) and not verb.endswith(("s", "ing"))


def _said_only_as_meant(need: Need, item: IndexedFact) -> bool:
    """Every time the fact says the question's verb (or a word near it), it says it after "to" and a word
    of wishing, planning or offering ("ready *to meet*"): the act is meant, not done."""
    words = item.words
    near = {w for w, c in need.near.items() if c >= RELATION_SAID}
    said = [k for k, w in enumerate(words) if Lexicon.lemmas(w) & (need.lemmas | near)]
    return bool(said) and all(
        k > 0 and words[k - 1] == "to"
        and any(Lexicon.lemmas(w) & _MEANT_TO for w in words[max(0, k - FRAME_SPAN) : k - 1]) for k in said)


_MEETING = frozenset({"meet", "visit", "summit"})
"""Acts of meeting, as a fact's relation names them ("met", "visited", "held_summit")."""


_FRAMES = frozenset({"during", "amid", "throughout"})
"""Prepositions whose noun is the stretch of time an act took place in ("stay *during* the visit")."""
_PURPOSE = frozenset({"for"})
"""A preposition whose noun, after a going to or from a place, is the event it was for ("travel to Beijing
*for* the parade"): a frame as those of `_FRAMES` are."""
_FRAME_REACH = 5
"""How far the noun after such a preposition may stand ("during his September 2018 *visit*")."""


def _only_the_frame_said(classified: Classified, credits: dict[int, float], item: IndexedFact) -> bool:
    """The fact (which does not say the act asked, or no fact does) says the event the question puts the
    act in ("where did she stay *during her visit*": "she visited ..."; "*during the Paris summit*": a
    fact that they held it), or the one a going was for ("how did she travel to Oslo *for the talks*"): it
    tells when, where or how that event was, not the act done in it or for it."""
    toks = classified.linked.question.tokens
    frames = [t.position for t in toks if t.lower in _FRAMES or t.lower in _PURPOSE and any(
        toks[k].lower in MOTION_ENDS and placed(toks, k + 1) for k in range(max(0, t.position - _GOING_REACH),
                                                                           t.position - 1))]
    for at in frames:  # the first thing asked after it, past a determiner, a possessive or a time
        noun = min((n for n in classified.needs if n.kind is not NeedKind.time and n.position > at),
                   key=lambda n: n.position, default=None)
        if noun is None or noun.position - at > _FRAME_REACH:
            continue
        if noun.kind is NeedKind.entity:
            if noun.entity_ids & item.entities:
                return True  # the event named ("the Paris summit"), which the fact is of
        elif "NOUN" in _pos(noun.label) and credits.get(noun.position, 0.0) >= SAME_STEM:
            return True
    return False


def _a_meeting(item: IndexedFact, table: FactTable) -> bool:
    """The fact states that people met ("met", "visited"), or is about a meeting, the event its subject
    names ("the talks in Beijing were held on ..."): the occasion of what they agreed or signed, not what
    it was. "What did they *sign* in Beijing" is not answered by their meeting in Beijing."""
    if any(Lexicon.lemmas(word) & _MEETING for word in item.relation.split("_")):
        return True
    subject = table.entities.get(item.subject)
    return (subject is not None and subject.kind is EntityKind.event
            and any(Lexicon.lemmas(word) & _MEETING for word in subject.name.lower().split()))


_COUNTERPART_NOUNS = frozenset({"counterpart", "counterparts", "opposite number", "opposite numbers"})
"""The other side's person in a meeting, as English names it (WordNet's first sense of "counterpart")."""
_RECIPROCAL = _MEETING | {"talk", "negotiate", "with"}
"""A relation done with another, who is the other party: "met", "held_talks_with", "negotiated_with"."""


def _other_party(item: IndexedFact, table: FactTable, classified: Classified) -> bool:
    """"Who was X's counterpart": a fact that X met, talked or negotiated with a person the question does
    not name (or that person with X) gives the other party, whoever the fact calls them, whatever else is
    asked of the two ("*where* did she meet her counterpart": where she met that person). An act done to
    someone ("appointed", "sanctioned") has no counterpart."""
    named = {e for n in classified.needs if n.kind is NeedKind.entity for e in n.entity_ids}
    if not any(Lexicon.lemmas(word) & _RECIPROCAL for word in item.relation.split("_")):
        return False

    def person(entity_id: str | None) -> bool:
        entity = table.entities.get(entity_id) if entity_id else None
        return entity is not None and entity.kind is EntityKind.person

    for party, other in ((item.subject, item.object), (item.object, item.subject)):
        if party in named and other not in named and person(other):
            return True
    # The outline may name the two sides by their countries ("united-states met north-korea"): the
    # statement still says the person asked about and the person met.
    party_said = any(person(e) for e in named & item.entities) or any(
        n.kind is NeedKind.word and n.name_like and n.lemmas & (item.name_lemmas | item.unlinked_names)
        for n in classified.needs)
    asked = {t.lower for t in classified.linked.question.tokens}
    # the other may be someone the store has no entity for, named all the same: a name no word of English,
    # in a name of which the question says no word ("Dana" of "Dana Reyes" is Reyes, when Reyes is asked of)
    return party_said and (any(person(e) for e in item.entities - named)
                           or any(not Lexicon.parts_of_speech(w) for w in item.unlinked_names - asked
                                  - _names_holding(item, asked)))


def _names_holding(item: IndexedFact, said: set[str] | frozenset[str]) -> frozenset[str]:
    """The words, in lower case, of the fact's runs of capitalised words that hold a word of `said`: the whole
    name of one the question names by part of it ("Lee" for "Dana Lee")."""
    tokens = _statement_tokens(item.fact.statement)[0]
    held: set[str] = set()
    run: list[str] = []
    for word, _ in (*tokens, ("", 0)):
        if word[:1].isupper():
            run.append(word.lower())
            continue
        if not said.isdisjoint(run):
            held.update(run)
        run = []
    return frozenset(held)


def _met_by_others(item: IndexedFact, meeting: tuple[Need, tuple[Need, ...]], table: FactTable) -> bool:
    """"When did A meet B" (`meeting`: the verb and the entities asked): a fact where others meet, to talk
    of A and B ("X met Y *to discuss* A's talks with B"), names them after the meeting, in the clause of
    its purpose, not as who met."""
    meet, people = meeting
    if meet.lemmas.isdisjoint(item.lemmas) and meet.lemmas.isdisjoint(item.name_lemmas):
        return False
    words = item.words
    verb = next((k for k, w in enumerate(words) if Lexicon.lemmas(w) & meet.lemmas), None)
    if verb is None:
        return False
    end = next((j for j in range(verb + 1, len(words) - 1)
                if words[j] == "to" and "VERB" in Lexicon.parts_of_speech(words[j + 1])), len(words))
    if end == len(words):
        return False
    used = [False] * len(words)
    named: set[str] = set()
    for i, n, ids in sorted(table.names.find(list(words)), key=lambda m: (-m[1], m[0])):
        if any(used[i : i + n]):
            continue
        used[i : i + n] = [True] * n
        if i < end:
            named |= ids
    return any(not (n.entity_ids & named) for n in people)


_OF_THE_DOER = frozenset({Asked.when, Asked.where, Asked.how, Asked.why, Asked.yes_no})
"""Questions that ask of the act their subject did, not of who or what took part in it."""
_DO = frozenset({"do", "does", "did", "will", "would", "can", "could", "has", "have", "had"})
"""Auxiliaries after which the question's subject is the doer of its verb ("when *did* X travel")."""
_TITLE_REACH = 4
"""How many words of a title or description may stand between a verb and the name it takes ("to
greet South Korean President Moon")."""


_PLACE_REACH = 6
"""How far after a name a place may stand for the act done to it to be placed there ("X was warmly
welcomed *in* P")."""


def _done_to_the_doer(item: IndexedFact, classified: Classified, doer: frozenset[str], act: Need) -> bool:
    """"When/how/where did X <act>": the fact names X only as the one another's act was done to ("Y
    *hosted* X", "came *to greet* X", "X *was praised*"), never as the one who acts: the time, manner
    or place it gives is of that other act. An act the question asks ("Y *met* X" for "when did X meet
    Y") is X's too, and so is being somewhere: an act done to X in the place the question names puts X
    there ("Y welcomed X *in* P" for "when did X arrive in P"). X's words are `doer`, and `act` the act
    asked (`_doer_and_act`)."""
    words = item.words
    at = [k for k, w in enumerate(words) if w in doer]
    if not at:
        return False
    asked = act.lemmas | {w for w, c in act.near.items() if c >= RELATION_SAID}
    spans: list[list[int]] = []
    for k in at:
        if spans and k == spans[-1][-1] + 1:
            spans[-1].append(k)
        else:
            spans.append([k])
    places = {w for n in classified.needs if n.kind is NeedKind.entity or n.name_like for w in n.lemmas} - doer
    statement = None
    for span in spans:
        after = words[span[-1] + 1 : span[-1] + 1 + _PLACE_REACH]
        if any(w in {"in", "at"} and nxt in places for w, nxt in zip(after, after[1:])):
            return False  # "welcomed X *in* P": done to X where the question puts X, so X was there
        verb = _verb_before(words, span[0])
        if verb is not None and _clause_between(item.fact.statement, verb, span[0]):
            verb = None  # "after he left, North Korea's ministry said": the verb ends another clause
        if verb is not None:
            if Lexicon.lemmas(words[verb]) & (asked | SAYING):
                return False  # the act asked, done with X; or X the speaker ("..., said X")
            continue  # "hosted X", "to greet X"
        if _named_after_anothers_act(words, span[0], asked):
            continue  # "talks *broke down* ... since *X*": the act asked is another's, X only placed by it
        statement = statement if statement is not None else item.fact.statement.lower()
        if not _passive_after(statement, words[span[-1]], asked):
            return False  # X acts here (or is only named): the fact may tell X's own act
    return True


def _doer_and_act(classified: Classified) -> tuple[frozenset[str], Need | None]:
    """The name right after "when did" (its words, lowercase) and the verb it is the subject of."""
    toks = classified.linked.question.tokens
    start = 1 if classified.asked is Asked.yes_no else 2
    if len(toks) <= start or toks[start - 1].lower not in _DO:
        return frozenset(), None
    end = start
    while end < len(toks) and toks[end].capitalised:
        end += 1
    act = next((n for n in classified.needs if n.kind is NeedKind.word and end <= n.position <= end + 1
                and (n.relation or n.phrasal or "VERB" in Lexicon.parts_of_speech(n.label))), None)
    doer = frozenset(t.lower for t in toks[start:end] if Lexicon.zipf(t.lower) < FUNCTION_ZIPF)
    return doer, act


_DOER_PHRASE_REACH = 6
"""How long a noun phrase after "when did" and its verb may be, from its determiner ("the Oslo forum wind down")."""


def _doer_phrase_and_act(classified: Classified) -> tuple[frozenset[str], Need | None]:
    """"Why did *the Hanoi summit* break down", written in lower case or not: after "did" and a
    determiner, up to the next preposition or determiner, the last word that can be a verb is the act
    asked (not one joined by a hyphen to the word before it: "the flood-*hit* towns" qualifies them),
    and the words before it its doer (lowercase)."""
    toks = classified.linked.question.tokens
    start = 1 if classified.asked is Asked.yes_no else 2
    if len(toks) <= start or toks[start - 1].lower not in _DO or toks[start].lower not in DETERMINERS:
        return frozenset(), None
    end = next((t.position for t in toks[start + 1 :] if t.lower in PREPOSITIONS or t.lower in DETERMINERS
                or t.lower in _AUX), len(toks))
    if end - start > _DOER_PHRASE_REACH:
        return frozenset(), None
    act = next((n for n in reversed(classified.needs) if n.kind is NeedKind.word and start + 1 < n.position < end
                and (n.relation or n.phrasal or "VERB" in Lexicon.parts_of_speech(n.label))
                and not toks[n.position].hyphenated), None)
    if act is None:
        return frozenset(), None
    doer = frozenset(t.lower for t in toks[start + 1 : act.position] if Lexicon.zipf(t.lower) < FUNCTION_ZIPF)
    return doer, act


def _manner_of_an_act(classified: Classified) -> bool:
    """"How *did* X <act>": the way an act was done, not how a thing is ("how is X connected to Y")."""
    toks = classified.linked.question.tokens
    return classified.asked is Asked.how and len(toks) > 2 and toks[1].lower in {"do", "does", "did"}


def _saying_placed_unsaid(classified: Classified, credits: dict[int, float], table: FactTable) -> bool:
    """"What did X say *at the rally*", "... *in the interview*": the act asked is a saying, and the question
    names a thing besides the names and the saying (where or when it was said, or to whom), which the fact
    does not say, nor almost any other word asked: the fact tells that X said something, not on that
    occasion. A topic after "about" is not such a thing (`_said_about`): the words asked answer it."""
    needs = classified.needs
    if not any(n.relation and n.lemmas & SAYING for n in needs):
        return False
    things = [n for n in needs if n.kind is NeedKind.word and not (n.relation or n.excluded or n.anchor or n.name_like)
              and _a_noun(n.label) and Lexicon.content_weight(n.label) >= THING_WEIGHT
              and not _said_about(n, classified)]
    return (bool(things) and all(credits.get(n.position, 0.0) == 0.0 for n in things)
            and _only_names_said(classified, credits, table))


def _only_names_said(classified: Classified, credits: dict[int, float], table: FactTable) -> bool:
    """Of the question's words other than the names of who and where, the fact says almost none
    ("Kaesong", written as a name no entity holds, is a name all the same; an event or a thing the
    question names, "the test site dismantling", is said as a word is)."""
    words = [n for n in classified.needs if not n.excluded and (
        (n.kind is NeedKind.word and not n.name_like) or (n.kind is NeedKind.entity and any(
            e in table.entities and table.entities[e].kind not in _NAMEABLE_KINDS for e in n.entity_ids)))]
    weight = sum(n.weight for n in words)
    return weight > 0 and sum(n.weight * credits.get(n.position, 0.0) for n in words) / weight < NOTHING_SAID


_TIME_NAMES = frozenset(m.lower() for m in (*calendar.month_name[1:], *calendar.day_name))


def _dated_as_another_thing(item: IndexedFact, classified: Classified) -> bool:
    """The statement's day is inside the noun phrase it opens with, before any verb ("*the high-level
    talks on Friday*, June 1, are expected to discuss the reunions"), and that phrase's noun is not what
    the question asks of: the day is that thing's, not the time of what "when" asks."""
    words = item.words
    at = next((k for k in range(1, len(words) - 1) if words[k] == "on" and words[k + 1] in _TIME_NAMES), None)
    if at is None or words[0] not in DETERMINERS:
        return False
    if any(_inflected_verb(w) for w in words[1:at - 1]):
        return False  # a verb before the day: the day may be of its act ("the envoy *met* Kim on Friday")
    noun = words[at - 1]
    asked = {w for n in classified.needs for w in (*n.lemmas, *n.near)}
    return "NOUN" in Lexicon.parts_of_speech(noun) and not Lexicon.lemmas(noun) & asked


def _dated_by_another_act(item: IndexedFact, classified: Classified, credits: dict[int, float]) -> bool:
    """"When was the office *blown up*": "when" asks the date of the question's act. A fact that says none
    of it, but says by a verb that the thing began ("the office *was opened* on ...": `_a_beginning`),
    gives the date of that beginning, not of an act asked that neither begins nor ends anything."""
    acts = [n for n in classified.needs if n.kind is NeedKind.word and (n.relation or n.phrasal) and not n.anchor]
    if not acts or any(credits.get(n.position, 0.0) >= RELATION_SAID for n in acts):
        return False
    if any(_phase_of(lemma) for n in acts for lemma in n.lemmas):
        return False  # an act asked that starts or stops something: the fact's may be another way of it
    return any(_a_beginning(lemma) for w in item.words if _inflected_verb(w) and not w.endswith("ing")
               for lemma in Lexicon.lemmas(w) - {w})


def _a_beginning(verb: str) -> bool:
    """The act `verb` names starts something (`Lexicon.phase` "go") that an opposite act ends ("open":
    "close"); "hold" (a meeting) goes ahead but has no act of ending for an opposite."""
    return (Lexicon.phase(verb) == _OTHER_PHASE[_ENDING]
            and any(Lexicon.phase(opposite) == _ENDING for opposite in Lexicon.antonyms(verb)))


def _doer_named_as_the_object(item: IndexedFact, classified: Classified, credits: dict[int, float]) -> bool:
    """"Which country / who <verb> the A-B draft": the one asked is the verb's doer, and A and B are named
    inside what it was done to. A fact whose own doer, the names before its first verb, is only A and B
    ("A and B circulated a draft"), and that does not say the act asked, tells what they did, not who
    did the act asked to their thing."""
    toks = classified.linked.question.tokens
    if classified.asked is Asked.yes_no or len(toks) < 3 or toks[0].lower not in {"who", "which", "what"}:
        return False
    verb = next((n for n in classified.needs if n.kind is NeedKind.word and n.relation and n.position <= 2), None)
    if verb is None or credits.get(verb.position, 0.0) >= RELATION_SAID:
        return False  # the act asked is said: its doer may be in a clause of its own ("relief from
        # sanctions that have crippled its economy")
    inside = {t.lower for t in toks[verb.position + 1:] if t.capitalised}
    words = item.words
    first = next((k for k, w in enumerate(words) if _inflected_verb(w)), None)
    if not inside or not first:
        return False
    doer = [w for w in words[:first] if w not in DETERMINERS and w != "and"]
    return bool(doer) and all(w in inside for w in doer)


_OWNER = re.compile(r"^['\u2019]s\b")


def _owner_names(classified: Classified, table: FactTable) -> tuple[re.Pattern[str], ...]:
    """"When did A *fire* B": the names of B, the one the act asked is done to, named right after its verb
    (none when the question names B as an owner too, "cancel B's trip": it is not asked of B)."""
    toks = classified.linked.question.tokens
    verb = next((n for n in classified.needs if n.kind is NeedKind.word and n.relation), None)
    if verb is None:
        return ()
    after = verb.position + len(verb.label.split())
    target = next((n for n in classified.needs if n.kind is NeedKind.entity and n.position == after), None)
    if target is None or toks[target.position + len(target.label.split()) - 1].possessive:
        return ()
    return tuple(re.compile(rf"\b{re.escape(name)}", flags=re.IGNORECASE) for e in target.entity_ids
                 if e in table.entities for name in table.entities[e].names)


def _object_named_only_as_owner(item: IndexedFact, names: tuple[re.Pattern[str], ...]) -> bool:
    """A fact that names the one the act asked is done to (`_owner_names`) only as an owner ("A called off
    *B's* trip") tells of an act done to B's thing, not to B."""
    statement = item.fact.statement
    said = [m.end() for name in names for m in name.finditer(statement)]
    return bool(said) and all(_OWNER.match(statement[end:]) for end in said)


STATEMENTS_KEPT = 4096
"""How many facts' statements `_statement_tokens` keeps the words of (a question weighs at most 80 facts)."""


@functools.lru_cache(maxsize=STATEMENTS_KEPT)
def _statement_tokens(statement: str) -> tuple[tuple[tuple[str, int], ...], tuple[str, ...]]:
    """A fact's statement as `word_tokens` reads it, and its words in lower case: kept per statement, as
    the scorer reads the statements of the same facts question after question (read, never changed)."""
    tokens = tuple(word_tokens(statement))
    return tokens, tuple(w.lower() for w, _ in tokens)


@functools.lru_cache(maxsize=65536)
def _inflected_verb(word: str) -> bool:
    """A form that is a verb's own ("met", "opened"), not a noun's plural ("talks") nor a base form. Kept
    per word, as `Lexicon.lemmas` is: the scorer reads the words of the same facts question after question."""
    pos = Lexicon.parts_of_speech(word)
    return "VERB" in pos and bool(Lexicon.lemmas(word) - {word}) and not (word.endswith("s") and "NOUN" in pos)


def _verb_before(words: tuple[str, ...], start: int) -> int | None:
    """The position of a verb that takes the name at `start` as its object, past a title or description
    ("welcomed South Korean President Moon", "to greet Moon"): an inflected verb, or one after "to"."""
    k = start - 1
    for _ in range(_TITLE_REACH):
        if k < 0:
            return None
        word = words[k]
        pos = Lexicon.parts_of_speech(word)
        if word in DETERMINERS or (pos and "VERB" not in pos and pos & {"NOUN", "ADJ"}) or (
                not pos and Lexicon.zipf(word) < FUNCTION_ZIPF):
            k -= 1
            continue
        break
    if k < 0:
        return None
    word = words[k]
    if word in _AUX:
        return None
    bare = k > 0 and words[k - 1] == "to" and "VERB" in Lexicon.parts_of_speech(word)
    return k if bare or _inflected_verb(word) else None


_PARTNERS = frozenset({"by", "with", "between", "against"})
"""Prepositions whose object takes part in the act before them: its doer ("*by* X"), or one it is done
with or against ("met *with* X")."""


def _placed_by_anothers_act(item: IndexedFact, doer: frozenset[str], act: Need) -> bool:
    """"Why did the Oslo forum wind down": the fact names the forum only after the act asked, in a
    phrase of a preposition that takes no part in it ("talks *wound down* ... *since* the Oslo forum"):
    the act is another's. `doer` is the forum's words, `act` the act asked (`_doer_phrase_and_act`)."""
    words = item.words
    at = [k for k, w in enumerate(words) if w in doer]
    if not at:
        return False
    asked = act.lemmas | {w for w, c in act.near.items() if c >= RELATION_SAID}
    starts = [k for k in at if k - 1 not in at]
    return all(_named_after_anothers_act(words, k, asked) for k in starts)


def _named_after_anothers_act(words: tuple[str, ...], start: int, asked: frozenset[str]) -> bool:
    """The name at `start` is the object of a preposition (past a determiner and adjectives) that takes no
    part in the act ("since", "before", "over"), and the act asked is said before it: the act's doer is
    another, named before it ("the talks *broke down* two years *after the Hanoi summit*")."""
    k = start - 1
    while k >= 0 and (words[k] in DETERMINERS or Lexicon.parts_of_speech(words[k]) == {"ADJ"}):
        k -= 1  # past "the", "first": a noun before the name may end a phrase of its own ("from the summit, X")
    if k < 0 or words[k] not in PREPOSITIONS or words[k] in _PARTNERS:
        return False
    return any(_inflected_verb(w) and Lexicon.lemmas(w) & asked for w in words[:k])

_CLAUSE_MARKS = frozenset(",;:()\u2014\u2013")
"""Punctuation that closes a clause or sets one off: a verb before it takes no object after it."""


def _clause_between(statement: str, first: int, last: int) -> bool:
    """Punctuation that closes a clause (`_CLAUSE_MARKS`) stands between the statement's words at `first`
    and `last` (positions as `word_tokens` reads it)."""
    tokens = word_tokens(statement)
    if last >= len(tokens):
        return False
    text = fold(statement)
    end = tokens[first][1] + len(tokens[first][0])
    return not _CLAUSE_MARKS.isdisjoint(text[end : tokens[last][1]])


_PASSIVE = re.compile(r"(?:,[^,]*,)?\s+(?:was|were|has been|had been|is|are|being)\s+([a-z]+)")


def _passive_after(statement: str, last: str, asked: frozenset[str]) -> bool:
    """The name ending in `last` is the subject of a passive verb that is not the act asked ("X, a
    lawyer, *was praised*"): the act is done to X."""
    for m in re.finditer(rf"\b{re.escape(last)}\b", statement):
        after = _PASSIVE.match(statement, m.end())
        if after is None:
            return False
        word = after.group(1)
        if "VERB" not in Lexicon.parts_of_speech(word) or not Lexicon.lemmas(word) - {word}:
            return False
        if Lexicon.lemmas(word) & asked:
            return False
    return True


ROLE_WINDOW = 5
"""How close a role's words stand to a name for the role to be said of it ("Bolton *as adviser*",
"deputy chief of staff Joe Hagin", "Hagin is a White House deputy chief of staff")."""


_AS_REACH = 3
"""How far after "as" the role's word may stand, past a qualifier ("as *U.S. special* envoy")."""


def _role_after_as(need: Need, classified: Classified) -> bool:
    """The need is the role after "as" that the question gives someone (`classify._mark_role`: hard, and
    read as the kind asked), "as" at most `_AS_REACH` words before it."""
    toks = classified.linked.question.tokens
    return (need.hard and need.typed
            and any(t.lower == "as" for t in toks[max(0, need.position - _AS_REACH) : need.position]))


def _role_only_in_a_name(need: Need, item: IndexedFact) -> bool:
    """The fact holds the role's word (or a word near it) only as a word of a name of the entities it is
    about ("President Yoon", an alias), not in its statement."""
    said = need.lemmas | {w for w, c in need.near.items() if c >= 0.5}
    return not any(Lexicon.lemmas(w) & said for w in item.words)


def _role_said_of_named(item: IndexedFact, classified: Classified) -> bool:
    """"Who succeeded X *as* <role>": the role after "as" is the one asked's. A fact that says the role
    of X, the one the question names, and not the act asked, is about X in that role (X resigned, X was
    fired): it names no one else who took it."""
    toks = classified.linked.question.tokens
    at = next((t.position for t in toks if t.lower == "as"), None)
    if at is None:
        return False
    named = {w for n in classified.needs if n.kind is NeedKind.entity and n.position < at for w in n.lemmas}
    role = {w for n in classified.needs if n.kind is NeedKind.word and n.position > at and not n.anchor
            for w in n.lemmas}
    if not named or not role:
        return False
    words = item.words
    names_at = [k for k, w in enumerate(words) if w in named]
    roles_at = [k for k, w in enumerate(words) if Lexicon.lemmas(w) & role]
    if any(abs(r - n) <= ROLE_WINDOW for r in roles_at for n in names_at):
        return True
    # "X's memoir about his time *as* adviser": the role after "as", as the question puts it, after X is
    # named, is X's however far apart (the one asked would be named in it, with the act asked)
    return bool(names_at) and any("as" in words[max(0, r - _AS_REACH) : r] and r > min(names_at) for r in roles_at)


def _meaning_credit(similarity: float) -> float:
    """How much of the words a question and a statement this similar in meaning share."""
    return min(1.0, max(0.0, (similarity - MEANING_FLOOR) / (MEANING_FULL - MEANING_FLOOR))) * MEANING_MAX


def _qualifiers(traits: QuestionTraits, credits: dict[int, float], item: IndexedFact) -> float:
    """A word before a covered word, that the fact does not cover, qualifies it away: "the Chinese
    delegation" is not "the U.S. delegation", an "intercontinental ballistic missile" not any missile
    (adjectives in a row qualify the noun after them all), and "which *missile* facility" asks for a
    kind of facility (a noun qualifies the thing asked). A noun the fact says only by a broader word near
    it (less than half a word: "sport" for "hockey") qualifies any noun away: "the hockey team" is not
    the team of another sport the fact speaks of; nor, however near in meaning, is a noun said only by
    what WordNet files it under ("sports" for "basketball"). An adjective the fact says by one WordNet
    files beside it (a head sense and its satellites: "a *fundamental* rift" for "a basic rift") names
    the same quality, not another: it qualifies nothing away, though it covers no more of the question
    than an unsaid word."""
    factor = 1.0
    by_position = traits.by_position
    for qualifying in traits.qualifying:  # the words that may qualify, read once (`_may_qualify`)
        need = qualifying.need
        credit = credits.get(need.position, 0)
        neighbour = qualifying.only_a_noun and (0 < credit < 0.5 or 0 < credit < 1.0
                                                and _said_only_broader(need, item))
        if credit > 0 and not neighbour:
            continue
        if qualifying.adjective and not Lexicon.similar_qualities(need.label).isdisjoint(item.lemmas):
            continue
        after, adjective = by_position.get(need.position + 1, (None, False))
        while after is not None and credits.get(after.position, 0) < 0.8 and adjective:
            # "intercontinental [ballistic] missile": adjectives in a row qualify the noun after them all
            after, adjective = by_position.get(after.position + 1, (None, False))
        if after is None or credits.get(after.position, 0) < 0.8:
            continue
        if after.label.split()[0].lower() in DETERMINERS:
            continue  # "the levy *the council* is weighing": a determiner opens a noun phrase of its own
        if after.kind is NeedKind.time:
            continue  # "in *early* June", "*late* 2018": a part of the time, which the fact's day may fall in
        if need.typed and after.relation:
            continue  # "which official *talked*": the thing asked, the verb's subject, is no kind of the act
        if qualifying.adjective or need.name_like or neighbour or (
                after.hard and after.kind is NeedKind.word and qualifying.noun):
            factor *= MISSING_QUALIFIER
    return factor


_BROADER_STEPS = 3
"""How many of WordNet's steps up from a noun its broader words are read (`_broader`): "basketball", a
court game, an athletic game, a sport. Broader still ("activity", "act") names nearly anything."""


@functools.lru_cache(maxsize=4096)
def _broader(noun: str) -> frozenset[str]:
    """The nouns WordNet files `noun` under, up to `_BROADER_STEPS` steps (`Lexicon.hypernyms`, first senses)."""
    found: set[str] = set()
    step = {noun}
    for _ in range(_BROADER_STEPS):
        step = {up for word in step for up in Lexicon.hypernyms(word)} - found
        found |= step
    return frozenset(found)


def _said_only_broader(need: Need, item: IndexedFact) -> bool:
    """Every word near the noun that the fact holds is one it is a kind of: "sports" says what kind of
    thing basketball is, not basketball, so "the basketball team" is not the fact's team of another sport."""
    held = need.near.keys() & item.lemmas
    broader = {lemma for word in need.lemmas for lemma in _broader(word)}
    return bool(held) and all(Lexicon.lemma(w) in broader or w in broader for w in held)


def _may_qualify(need: Need) -> bool:
    """A word of the question that can qualify the one after it: not a number ("the two sides" and "both
    sides" are the same sides), a verb, a superlative, a particle, a preposition or a word that ranks. A
    preposition opens a phrase of its own ("*under* attack", "*during* talks"), however rare for a
    particle and whatever other parts of speech the lists give it."""
    if (need.kind is not NeedKind.word or need.weight <= 0 or need.label in _NUMBER_WORDS or need.label.isdigit()
            or need.label in PREPOSITIONS):
        return False
    pos = _pos(need.label)
    return not ("VERB" in pos or superlative(need.label) or _particle(need.label) or need.label in _BEFORE_NOW
                or need.label in RANKING | USUAL)


def _of_another_year(need: Need, item: IndexedFact) -> bool:
    """The question's word is a year ("the 2017 resolution") and the fact is dated in years, none of them it."""
    return need.label in _YEAR_NUMERALS and bool(item.years) and int(need.label) not in item.years


def _named_by_number(need: Need, classified: Classified) -> str | None:
    """The word the question joins the number to ("mark" of "Mark-7"), lowercase, or None. A number joined
    to the word before it ("Mark-7", "F-15") tells one of a kind from the others, as a name does, not a
    count ("2 sides") nor a word in text-speak ("wants 2 talk")."""
    found = re.search(rf"([^\W\d_]+)-{need.label}(?![\w-])", classified.linked.question.text)
    return found.group(1).lower() if found else None


def _another_number_said(need: Need, item: IndexedFact, word: str) -> bool:
    """The fact says the number of a name ("Hwasong-18") only apart from the name's `word` ("July 18",
    `_named_by_number`): a number of something else."""
    words = item.words
    return not any(words[k] == need.label and words[k - 1] == word for k in range(1, len(words)))


_BEFORE_NOW = frozenset({"previous", "prior", "preceding", "earlier", "last"})
"""Adjectives that pick the one before, in time, of the things their noun names ("the *previous*
round"): as a superlative, they rank those things, they do not name a kind of them."""


def _particle(word: str) -> bool:
    """An adverb as common as a function word and never a noun ("after", "over", "only") is a
    preposition or a particle in a question, not an adjective that names a kind of what follows."""
    pos = _pos(word)
    return "ADV" in pos and "NOUN" not in pos and Lexicon.zipf(word) >= FUNCTION_ZIPF


_NOW = frozenset({"now", "nowadays", "currently", "presently"})
"""English adverbs that set a question at the present ("where does he work *now*?")."""
_NOW_PHRASES = (("these", "days"), ("at", "present"), ("right", "now"), ("at", "the", "moment"))
"""English phrases that do so too ("where is she *these days*?")."""


def _set_now(toks: list[Token]) -> bool:
    """The question asks of the present by an adverb of `_NOW` (not one opening it: "*now*, who ...?") or
    a phrase of `_NOW_PHRASES`."""
    words = [t.lower for t in toks]
    return any(w in _NOW for w in words[1:]) or any(
        tuple(words[i:i + len(p)]) == p for p in _NOW_PHRASES for i in range(len(words)))


def _qualified_away(item: IndexedFact, classified: Classified, credits: dict[int, float], *,
                    said: frozenset[str]) -> float:
    """The fact qualifies what the question asks in a way the question does not: "the former
    ambassador" does not answer "the current ambassador", nor "deputy chief of staff" "chief of staff".
    `said`: the question's words, lowercase."""
    if ROLE_QUALIFIERS.isdisjoint(item.words):
        return 1.0  # most facts: no word that makes a role another
    toks = classified.linked.question.tokens
    if _set_now(toks) and _EARLIER_HOLDER & set(item.words) - said:
        return MISSING_QUALIFIER  # "where is she posted *these days*?": not the post she held before
    roles = [n for n in classified.needs if n.kind is NeedKind.word and not n.relation
             and credits.get(n.position, 0) > 0]  # roles named, not the verb's kin
    words = item.words
    for k, word in enumerate(words[:-1]):
        if word in ROLE_QUALIFIERS and word not in said and any(
                _the_role_asked(n, toks, words[k + 1 : k + 3], words[max(0, k - 2) : k + 5]) for n in roles):
            return MISSING_QUALIFIER
    return 1.0


def _the_role_asked(role: Need, toks: list[Token], qualified: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """The fact's qualified words say the role the question asks, not another role with the same head: a
    noun the question puts before the role ("the *delegation* chief") is in the fact's role phrase too,
    or there is none. "Deputy chief of staff" is no delegation chief qualified away, but another role."""
    if not any(w in role.lemmas or w in role.near for w in qualified):
        return False
    if not any(w in role.lemmas for w in qualified) and any(role.lemmas & Lexicon.hypernyms(w) for w in qualified):
        return False  # "which *diplomat*": a deputy ambassador is one, as any ambassador is (WordNet's kind)
    before = toks[role.position - 1] if role.position > 0 else None
    if (before is None or before.lower in DETERMINERS or "NOUN" not in Lexicon.parts_of_speech(before.lower)
            or Lexicon.content_weight(before.lower) < THING_WEIGHT):
        return True
    return any(before.lemmas & Lexicon.lemmas(w) for w in phrase)


def _thing(word: str, classified: Classified, position: int) -> bool:
    """A noun here: a thing, which a fact must name for the question to be about it. A word that can be
    a verb too is a noun between a determiner and "of" ("the *cost* of", "the *route* of the march"), or
    after a name a possessive opens ("their Geneva *picnic*", "Ana's Geneva *picnic*": not after "the", as
    in "did the UN *blacklist* them"). Words
    that WordNet has as one noun ("the *border crossing*") are a thing when it files them under a kind of
    thing, unless they end in a particle, as a verb of two words does ("sit *down*")."""
    if " " in word:
        return _a_noun(word)
    pos = _pos(word)
    if "NOUN" not in pos:
        return False
    if "VERB" not in pos:
        return True
    toks = classified.linked.question.tokens
    if 0 < position < len(toks) - 1 and toks[position - 1].lower in DETERMINERS and toks[position + 1].lower == "of":
        return True
    start = next((m.position for m in classified.linked.mentions if m.position + m.span == position), position)
    return 0 < start < position and (toks[start - 1].lower in _POSSESSIVE_DETERMINERS or toks[start - 1].possessive)


def _pos(word: str) -> frozenset[str]:
    return Lexicon.parts_of_speech(word)


def _a_noun(label: str) -> bool:
    """The need's word can be a noun; words WordNet has as one noun ("the *state department*") are one when it
    files them under a kind of thing, unless they end in a particle, as a verb of two words does ("sit
    *down*"): the lists give a part of speech to single words only."""
    if " " in label:
        return bool(Lexicon.hypernyms(label)) and label.rsplit(" ", 1)[1] not in PARTICLES
    return "NOUN" in _pos(label)


def _time_names_a_thing(need: Need, classified: Classified) -> bool:
    """The time stands between a determiner and a noun ("the *March* treaty", "this *2016* accord"):
    it says which of those things is meant (the one made then), not when the act asked took place."""
    toks = classified.linked.question.tokens
    length = next((n for span, at, n in classified.linked.dates if at == need.position), 1)
    after = need.position + length
    if need.position == 0 or after >= len(toks) or toks[need.position - 1].lower not in DETERMINERS:
        return False
    return "NOUN" in Lexicon.parts_of_speech(toks[after].lower)


def _time_covered(need: Need, item: IndexedFact, classified: Classified) -> bool:
    span = need.span
    if any(span.covers(d) for d in item.days):
        return True
    if span.relative and not item.days and f" {span.label.lower()} " in f" {' '.join(item.words)} ":
        return True  # an undated fact that says the time in the source's own words ("this week's talks")
    if span.reckoned is not None and not item.days and _reckoning_said(span.reckoned, item.words):
        return True
    if span.year is not None and span.start is None:
        return span.year in item.years and not (item.days and classified.asked not in _TIMES_ASKED
                                                and _a_landmark_only(str(span.year), item.words))
    if _month_said(span, item) or _day_said(span, item):
        return True
    if span.day_of_month is not None and span.label.split()[-1] in item.words:
        return True  # "on the 28th" in the statement's own words
    if span.start is not None and span.end is not None and not item.days and _month_within(span, item):
        return True
    if span.start is not None and span.end is not None:
        # A fact dated only by its year ("in 2018") is within a span as long as that whole year.
        return any(span.start <= date(y, 1, 1) and date(y, 12, 31) <= span.end for y in item.years)
    return False


_LANDMARK = frozenset({"since"})
"""Words after which a time is where a span starts ("the first time *since* 2017"): a landmark the statement
reckons from, not when its own act took place."""
_LANDMARK_REACH = 2
"""How far before the year a word of `_LANDMARK` may stand ("since *early* 2017")."""


_TIMES_ASKED = frozenset({Asked.when, Asked.year, Asked.clock})
"""What asks a fact's own time: a year the question names then places what the act asked ends or follows
("when did they resume after *the 2017 pause*"), which a fact's landmark may be."""


def _a_landmark_only(year: str, words: list[str]) -> bool:
    """The statement says the year only after a word of `_LANDMARK`: a dated fact of another year ("fired a
    missile over Japan on October 4, 2022, the first *since 2017*") is not of that year's act, which a question
    that asks no time ("how far did *the 2017 missile* fly") is about. Asked "since 2017", the question's time
    is a span from that year, no year alone."""
    at = [k for k, w in enumerate(words) if w == year]
    return bool(at) and all(_LANDMARK & set(words[max(0, k - _LANDMARK_REACH):k]) for k in at)


def _reckoning_said(reckoned: tuple[str, str, tuple[int, int]], words: list[str]) -> bool:
    """An undated fact that reckons its time as the question does, from the same day ("only *days
    before* Friday, *March 3*" for "a few days before March 3"): it is of that time, though the source
    gave no date to hold it by."""
    unit, direction, (month, day) = reckoned
    name, number = calendar.month_name[month].lower(), str(day)
    said_side = any(w.removesuffix("s") == unit and words[k + 1] == direction for k, w in enumerate(words[:-1]))
    said_day = any(w == name and number in words[k + 1 : k + 2] + words[max(0, k - 1) : k] for k, w in enumerate(words))
    return said_side and said_day


_BEFORE_A_MONTH = frozenset({"in", "for", "of", "since", "until", "till", "by", "from", "through", "early", "late",
                             "mid", "next", "last", "this"})
"""Words that put a month's name as a time ("planned *for* August"), not "may" the verb."""


def _month_within(span: DateSpan, item: IndexedFact) -> bool:
    """An undated fact that names a month of its year as its time ("*in June* 2018") is of a span of
    days that month meets ("after the June 12 summit"): the source gave no day to hold it by."""
    words = item.words
    for k, w in enumerate(words[1:], 1):
        if w in _MONTH_NUMBERS and words[k - 1] in _BEFORE_A_MONTH:
            month = _MONTH_NUMBERS[w]
            if any(date(y, month, 1) <= span.end and span.start <= date(y, month, calendar.monthrange(y, month)[1])
                   for y in item.years):
                return True
    return False


_MONTH_NUMBERS = {calendar.month_name[m].lower(): m for m in range(1, 13)}


def _month_said(span: DateSpan, item: IndexedFact) -> bool:
    """The statement names the month asked (with its year, when the question gives one) as a time:
    "the exercise planned *for August*" is the August exercise, whatever day the fact is dated by (the
    day it was called off)."""
    if span.month is not None:
        month, year = span.month, None
    elif (span.start is not None and span.end is not None and not span.relative and span.start.day == 1
          and (span.start.year, span.start.month) == (span.end.year, span.end.month)
          and span.end.day == calendar.monthrange(span.end.year, span.end.month)[1]):
        month, year = span.start.month, span.start.year
    else:
        return False
    if year is not None and year not in item.years:
        return False
    name, words = calendar.month_name[month].lower(), item.words
    return any(w == name and ((k > 0 and words[k - 1] in _BEFORE_A_MONTH)
                              or (k + 1 < len(words) and words[k + 1][:1].isdigit()))
               for k, w in enumerate(words))


def _day_said(span: DateSpan, item: IndexedFact) -> bool:
    """The statement names the day asked in words ("... signed the declaration *on September 19*"), with
    its year when the question gives one: a fact dated by the span of a visit still says that day. Only
    a dated fact, of about that month: an undated one, or one of another time, names it as a landmark."""
    if span.month_day is not None:
        (month, day), year = span.month_day, None
    elif span.start is not None and span.start == span.end and not span.relative:
        month, day, year = span.start.month, span.start.day, span.start.year
    else:
        return False
    if year is not None and year not in item.years:
        return False
    if not any(abs(d.month - month) <= 1 for d in item.days):
        return False  # a day of an earlier event the statement recalls ("since the *September 19* accord")
    name, words, number = calendar.month_name[month].lower(), item.words, str(day)
    return any(w == name and ((k + 1 < len(words) and words[k + 1] == number) or (k > 0 and words[k - 1] == number))
               for k, w in enumerate(words))


def _type_factor(item: IndexedFact, classified: Classified, table: FactTable, *,
                 mentioned: frozenset[str] | None = None, said: frozenset[str] | None = None,
                 ordered: frozenset[str] | None = None, doer: frozenset[str] | None = None) -> float:
    """How well the fact gives the kind of answer asked; `mentioned` (the entities the question names),
    `said` (its words, lowercase), `ordered` (`_ordered_from`) and `doer` (`_doer_of_whom`) as
    `question_traits` read them, or read here."""
    asked = classified.asked
    if mentioned is None:
        mentioned = frozenset(e for n in classified.needs if n.kind is NeedKind.entity for e in n.entity_ids)
    if asked is Asked.when:
        dated = 1.0 if item.days else YEAR_ONLY if item.years else WEAK_TYPE if item.timed else WRONG_TYPE
        if dated < 1.0 and set(item.words) & _CONDITIONAL and _asks_ahead(classified):
            dated = 1.0  # "when will they say it is on?": "only *if* the others come" tells when, as no day can
        # Its date is of what it is about, which must be what the question asks the time of: the
        # places the question names only locate that ("the talks *in Hanoi*").
        things = {e for e in mentioned if e in table.entities
                  and table.entities[e].kind.value not in _PLACEISH} or mentioned
        if things and not things & {item.subject, item.object}:
            return min(dated, WEAK_TYPE)
        return dated
    if asked is Asked.year:  # "what year": a year the fact says, not a decade's ten ("the early 2000s")
        if said is None:
            said = frozenset(t.lower for t in classified.linked.question.tokens)
        return 1.0 if "decade" in said and item.years or any(map(_one_year(item.years), item.years)) else WRONG_TYPE
    if asked is Asked.clock:
        return 1.0 if item.clock else WRONG_TYPE
    if asked in {Asked.how_many, Asked.how_much}:
        return 1.0 if _counts_what_is_asked(item, classified) else WRONG_TYPE
    if asked is Asked.why:
        return 1.0 if item.causal and not _cause_in_another_clause(item, classified, table) else NO_CAUSE
    if asked not in _NAMES_ASKED:
        return 1.0
    if said is None:
        said = frozenset(t.lower for t in classified.linked.question.tokens)
    others = [table.entities[e] for e in item.entities - mentioned if e in table.entities]
    # A name the question says is no answer to it: "who led the delegation at *Mount Kumgang*" is not
    # answered by a fact whose only name is Mount Kumgang.
    unnamed = item.unlinked_names - said
    if asked is Asked.where:
        places = any(e.kind.value == "place" or (e.kind.value == "country" and (e.id == item.object or _locative(item)))
                     for e in others) or bool(unnamed)  # a name no entity holds may be a place ("Kaesong")
        return 1.0 if places else WRONG_TYPE
    if asked is Asked.who:
        people = (any(e.kind.value in _PERSONISH and is_proper_name(e.name) for e in others)
                  or _names_unplaced(item, unnamed, said=said))  # not a place ("flew them *to Osan*")
        if ordered is None:
            ordered = _ordered_from(classified)
        if doer is None:
            doer = _doer_of_whom(classified)
        if ordered & item.entities:
            people = _one_of_their_kind(ordered & item.entities, others, unnamed, item, table)
        if not people and (ordered | doer) & item.entities:
            return WRONG_TYPE  # "who held the post *before Choe*", "who did Choe *beat*": a fact that names
            # only Choe names no one else
        return 1.0 if people else WEAK_TYPE
    own = _own_names_asked(classified, table)  # a thing's name
    if own:  # "what is the map called?": one of the map's own names, not the names it shows
        words = " ".join(item.words)
        return 1.0 if any(f" {name} " in f" {words} " for name in own) else WRONG_TYPE
    if title_of([t.lower for t in classified.linked.question.tokens]):
        return 1.0 if _a_title(unnamed) or item.lemmas & _TITLE_WORDS else WRONG_TYPE  # or a rank it calls one
    named = any(is_proper_name(e.name) for e in others) or bool(unnamed)
    head = _thing_whose_name_is_asked(classified)
    if (named and head is not None and not any(e.kind.value == "person" for e in others)
            and not _a_name_beside(item, head, said)):
        return WRONG_TYPE  # "the name of the joint drill": the names of the countries that held it are not its
        # own; a person's name is the person, who need not stand beside the word ("the delegation chiefs")
    if head is not None and _spoken_of_as_unnamed(item, head, said, table):
        return WRONG_TYPE  # "the name of the clerk who was fired": a fact that tells of "a clerk" or "two
        # clerks", and names none beside the word, does not know their names (any other name is another's)
    return 1.0 if named else WRONG_TYPE


_NAMING = frozenset({"called", "named", "dubbed", "codenamed", "titled", "known"})
"""Words after which a statement gives a thing's name ("an exercise *called* Max Thunder")."""


def _thing_whose_name_is_asked(classified: Classified) -> Need | None:
    """The noun after "the name of" and its modifiers ("the name of the night-time naval *drill* off ..."), or the
    noun a "what" question says is called something ("what is the new air *drill* called"), when no entity
    stands among them (an entity's own names are `_own_names_asked`)."""
    toks = classified.linked.question.tokens
    at = next((k for k in range(len(toks) - 1) if toks[k].lower in {"name", "names"} and toks[k + 1].lower == "of"),
              None)
    if at is None:
        return thing_said_to_be_called(classified.needs, toks)
    by_position = {n.position: n for n in classified.needs}
    k = at + 2
    while k < len(toks) and toks[k].lower in DETERMINERS:
        k += 1
    head = None
    while (k in by_position and by_position[k].kind is NeedKind.word
           and toks[k].lower not in PREPOSITIONS | PARTICLES
           and not (head is not None and by_position[k].relation)):  # "the two clerks *fired* in May": the
        # question's verb, which says what was done to them, ends the thing named
        head = by_position[k]
        k += max(1, len(head.label.split()))
    following = by_position.get(k)
    return None if following is not None and following.kind is NeedKind.entity else head


def _a_name_beside(item: IndexedFact, head: Need, said: frozenset[str]) -> bool:
    """The fact names the thing `head` asks the name of, with a name the question does not say among the
    words before its word ("the *Max Thunder* air drills") or right after it ("drills, *Max Thunder*", or
    after a determiner, "a new drill, *the* *Max Thunder*"), or gives a name by a word of
    `_NAMING`; a fact that does not say the thing cannot be read so, and passes."""
    words = item.words
    asked = head.lemmas | {w for w, c in head.near.items() if c >= RELATION_SAID}
    at = [k for k, w in enumerate(words) if Lexicon.lemmas(w) & asked]
    if not at or not _NAMING.isdisjoint(words) or '"' in item.fact.statement or "“" in item.fact.statement:
        return True
    names = (item.name_lemmas | item.unlinked_names) - said
    for k in at:
        after = k + 1 + (k + 2 < len(words) and words[k + 1] in DETERMINERS)
        if after < len(words) and words[after] in names:
            return True
        for j in range(k - 1, max(-1, k - 1 - _NAME_REACH), -1):  # back over its modifiers ("naval")
            if words[j] in names:
                return True
            if words[j] in DETERMINERS or words[j] in PREPOSITIONS:
                break
    return False


_UNNAMED_OPENERS = frozenset({"a", "an", "another", "some", *_NUMBER_WORDS})
"""Words that open a noun phrase of someone or something the text has not named yet ("*a* clerk", "*two*
clerks"): English introduces a known one by name, or as "the" one it has spoken of."""
_UNNAMED_REACH = 5
"""How many modifiers may stand between such a word and its noun ("a *South Korean fisheries* official")."""


def _spoken_of_as_unnamed(item: IndexedFact, head: Need, said: frozenset[str], table: FactTable) -> bool:
    """The fact says the thing `head` asks the name of only as one it does not name: every time it says its
    word, a word of `_UNNAMED_OPENERS` opens the phrase ("*two* North Korean fishermen") and no name stands in
    it, right after it ("a clerk, *Lee*", "a rocket, the *Pulgun-9*") or right before it, set beside it ("*Lee*, a clerk"; the names of
    the entities it links count there). A word English has, written with a capital ("*Korean* fishermen"),
    says where they are from, not who they are.
    A fact that gives a name by a word of naming ("a clerk *named* ...") or in quotes is not read so."""
    words = item.words
    asked = head.lemmas | {w for w, c in head.near.items() if c >= RELATION_SAID}
    at = [k for k, w in enumerate(words) if Lexicon.lemmas(w) & asked]
    if not at or not _NAMING.isdisjoint(words) or '"' in item.fact.statement or "“" in item.fact.statement:
        return False
    names = {w for w in (item.name_lemmas | item.unlinked_names) - said if not Lexicon.is_english(w)}
    for k in at:
        after = k + 1 + (k + 2 < len(words) and words[k + 1] in DETERMINERS)  # "a new rocket, *the* Pulgun-9"
        if after < len(words) and words[after] in names:
            return False
        opener = None
        for j in range(k - 1, max(-1, k - 1 - _UNNAMED_REACH), -1):
            if words[j] in _UNNAMED_OPENERS:
                opener = j
                break
            if words[j] in names or words[j] in DETERMINERS or words[j] in PREPOSITIONS:
                return False  # a name beside it, or "the" one, which the fact may name elsewhere
        if opener is None:
            return False
        if opener > 0 and (words[opener - 1] in names or words[opener - 1] in _linked_words(item, table)):
            return False
    return True


def _linked_words(item: IndexedFact, table: FactTable) -> frozenset[str]:
    """The words of every name of the entities the fact links ("hale", "grant" of Grant Hale), lower case."""
    return frozenset(w.lower() for e in item.entities if e in table.entities
                     for name in table.entities[e].names for w in words_of(name))


_NAME_REACH = 3
"""How far before its noun a thing's name may stand ("the *Max Thunder* joint air drills")."""


_NAMES_ASKED = frozenset({Asked.where, Asked.who, Asked.name})
"""What a question asks that a name answers: a place, someone, a thing's name."""


_ORDER = frozenset({"before", "after", "precede", "succeed", "replace", "predecessor", "successor"})
"""Words that place the one asked before or after someone else in a post or a line: that someone is not
the answer."""


def _ordered_from(classified: Classified) -> frozenset[str]:
    """The people the question places the one asked before or after ("who was minister *before Choe*", "who
    *replaced* Ri", "*Choe's successor*"): the entities named right after a word of `_ORDER`, or right
    before "'s" and one."""
    toks = classified.linked.question.tokens
    found: set[str] = set()
    for m in classified.linked.mentions:
        end = m.position + m.span
        if (m.position > 0 and toks[m.position - 1].lemmas & _ORDER) or (
                end < len(toks) and toks[end - 1].possessive and toks[end].lemmas & _ORDER):
            found |= m.ids
    return frozenset(found)


_SUCCESSION = frozenset({"replace", "succeed", "precede", "predecessor", "successor"})
"""The words of `_ORDER` that can only place one holder of a post after another ("before" and "after" place
events too)."""
_EARLIER_HOLDER = frozenset({"former", "previous", "outgoing"})
"""Adjectives that call someone a post's earlier holder ("the *former* minister")."""


def _succession_unsaid(item: IndexedFact, classified: Classified, *, ordered: frozenset[str],
                       table: FactTable) -> bool:
    """The question asks who came before or after someone ("who *replaced* Ri", "who *succeeded* her as
    envoy", "who held the post *before Ri*": `ordered` holds a person), and the fact says no word of one
    taking another's place: neither a word of `_SUCCESSION`, nor one of the same sense as the question's,
    nor one that calls someone the post's earlier holder. "Before" and "after" say it only when the question
    asks by them: "released *after* a week" places an event, no one's successor."""
    asked = {lemma for t in classified.linked.question.tokens for lemma in t.lemmas & _SUCCESSION}
    by_order = any(e in table.entities and table.entities[e].kind is EntityKind.person for e in ordered)
    if not asked and not by_order:
        return False
    said = _SUCCESSION | {w for lemma in asked for w in Lexicon.synonyms(lemma)}
    if not asked:
        said |= _ORDER
    words = f" {' '.join(item.words)} "
    return (said.isdisjoint(item.lemmas) and _EARLIER_HOLDER.isdisjoint(item.words)  # the statement's, not
            # a description's ("a *former* ambassador") the fact's lemmas hold too
            and not any(" " in w and f" {w} " in words for w in said))


def _one_of_their_kind(ordered: frozenset[str], others: list[Entity], unnamed: frozenset[str],
                       item: IndexedFact, table: FactTable) -> bool:
    """Someone who comes before or after the `ordered` in a line is of their kind (a person's predecessor
    is a person, not the party or the media that report it): an entity of that kind among the fact's
    `others`, or a name no entity holds written as a person's is (`_names_someone_unlinked`)."""
    kinds = {table.entities[e].kind for e in ordered if e in table.entities}
    return any(e.kind in kinds and is_proper_name(e.name) for e in others) or _names_someone_unlinked(item, unnamed)


def _names_someone_unlinked(item: IndexedFact, unnamed: frozenset[str]) -> bool:
    """A name no entity holds (of the `unnamed` words) is written as a person's is: not after an article
    or a possessive ("the Workers' Party", "the party's Eighth Congress"), nor after "of" as the tail of a
    longer name, nor a place's; a name of a person stands bare ("followed Park Jung Min")."""
    if not unnamed:
        return False
    statement = item.fact.statement
    tokens = _statement_tokens(statement)[0]
    for k, (word, at) in enumerate(tokens):
        if word.lower() not in unnamed or not word[:1].isupper():
            continue
        if k and tokens[k - 1][0][:1].isupper() and statement[tokens[k - 1][1] + len(tokens[k - 1][0]) : at] == " ":
            continue  # inside a run of capitalised words: its first word tells
        before = tokens[k - 1][0].lower() if k else ""
        owned = statement[max(0, at - 3) : at] in {"'s ", "s' ", "’s "}
        if before in DETERMINERS or before == "of" or owned or Lexicon.is_place(word.lower()):
            continue
        return True
    return False


_GOING_REACH = 5
"""How many words before the preposition of a going's end a word of travelling may stand ("*flew* them from
Wonsan *to* Osan")."""


def _names_unplaced(item: IndexedFact, unnamed: frozenset[str], *, said: frozenset[str] = frozenset()) -> bool:
    """A name no entity holds (of the `unnamed` words) stands where someone may: its run of capitalised words
    (with "of" inside: "Director of National Intelligence Dan Coats") does not follow a preposition that
    places it ("held *in* Kaesong", "over", or where a going ends or starts: "flew them *from* Wonsan *to*
    Osan"). A place is no one who did the act asked. Nor is a name whose last word, the noun it names a thing
    of, the question says (of its words, `said`): "the *party*" of the question is the "Workers' *Party*" of
    the fact, one the question speaks of, not someone else."""
    if not unnamed:
        return False
    tokens = _statement_tokens(item.fact.statement)[0]
    return any(word.lower() in unnamed and word[:1].isupper() and _names_unplaced_at(tokens, k)
               and _run_head(tokens, k).lower() not in said for k, (word, _) in enumerate(tokens))


def _run_head(tokens: list[tuple[str, int]], k: int) -> str:
    """The last word of the run of capitalised words (with "of" inside) the word at `k` stands in."""
    end = k
    while end + 1 < len(tokens) and (tokens[end + 1][0][:1].isupper() or tokens[end + 1][0] == "of"
                                     and end + 2 < len(tokens) and tokens[end + 2][0][:1].isupper()):
        end += 1
    return tokens[end][0]


def _names_unplaced_at(tokens: list[tuple[str, int]], k: int) -> bool:
    """The run of capitalised words the word at `k` stands in follows no preposition that places it
    (`_names_unplaced`)."""
    start = k
    while start > 0 and (tokens[start - 1][0][:1].isupper() or tokens[start - 1][0] == "of"):
        start -= 1
    before = tokens[start - 1][0].lower() if start else ""
    going = before in MOTION_ENDS and any(Lexicon.lemmas(w.lower()) & Lexicon.travelling()
                                          for w, _ in tokens[max(0, start - _GOING_REACH) : start - 1])
    return not (before in LOCATIVE or before in PATH or going)


def _sides_asked(classified: Classified, table: FactTable) -> frozenset[str]:
    """"Who led *the American* side", "who heads the *North Korean* delegation": the countries named right
    before the thing a "who" asks, whose someone is the answer. Empty for any other question."""
    if classified.asked is not Asked.who:
        return frozenset()
    hard_words = {n.position for n in classified.needs if n.kind is NeedKind.word and n.hard}
    return frozenset(e for n in classified.needs if n.kind is NeedKind.entity
                     and n.position + len(n.label.split()) in hard_words
                     for e in n.entity_ids if e in table.entities and table.entities[e].kind is EntityKind.country)


def _only_another_sides_named(item: IndexedFact, sides: frozenset[str], table: FactTable) -> bool:
    """Every one the fact names as a person (an entity that is one, or a name no entity holds that no
    preposition places, `_names_unplaced`) has the name of a country other than the `sides` asked in the
    title before it ("*North Korean* chief negotiator Kim Myong Gil"): of another side than the one asked.
    A person whose title names no country may be of any side, and passes."""
    tokens, lower = _statement_tokens(item.fact.statement)
    starts = [k for k, _, ids in table.names.find_kept(lower)
              if any(e in table.entities and table.entities[e].kind is EntityKind.person for e in ids)]
    starts += [k for k, (w, _) in enumerate(tokens) if w.lower() in item.unlinked_names and w[:1].isupper()
               and (k == 0 or not tokens[k - 1][0][:1].isupper()) and _names_unplaced_at(tokens, k)]
    if not starts:
        return False
    for start in starts:
        title = lower[max(0, start - _TITLE_REACH - 1) : start]
        countries = {e for at, n, ids in table.names.find(title) if tokens[start - len(title) + at][0][:1].isupper()
                     for e in ids if e in table.entities and table.entities[e].kind is EntityKind.country}
        if not countries or countries & sides:
            return False
    return True


def _doer_of_whom(classified: Classified) -> frozenset[str]:
    """"Who *did* X <act>", "whom will X <act>": the entities named right after "who" and an auxiliary of
    `_OBJECT_AUXILIARIES`, the subject of the act whose object is asked; the one asked is someone else, whom
    the act links to X (not "who has been acting for them", whose "who" is the doer)."""
    if classified.asked is not Asked.who:
        return frozenset()
    toks = classified.linked.question.tokens
    at = next((k for k, t in enumerate(toks) if t.lower in _WHO), None)
    if at is None or at + 2 >= len(toks) or toks[at + 1].lower not in _OBJECT_AUXILIARIES:
        return frozenset()
    return frozenset(e for m in classified.linked.mentions if m.position == at + 2 for e in m.ids)


def _object_of_who(classified: Classified) -> frozenset[str]:
    """"Who *nominated* X", "who *leads* X": the entities named right after the question's verb, when that verb,
    inflected, follows "who" at once ("who *was* X" is no act, "who *was* arrested" asks who the act was done
    to); the one asked did the act to X, and is someone else."""
    if classified.asked is not Asked.who:
        return frozenset()
    toks = classified.linked.question.tokens
    at = next((k for k, t in enumerate(toks) if t.lower in _WHO), None)
    verb = next((n for n in classified.needs if n.relation and at is not None and n.position == at + 1), None)
    if (verb is None or toks[verb.position].lower in _AUX or all(lemma == verb.label for lemma in verb.lemmas)
            or verb.lemmas & SAYING):  # "who *says* Kim will ...": what is said is a clause, Kim its subject
        return frozenset()  # no inflected verb right after "who" (a bare "cut" or "beat" may be a noun)
    after = verb.position + len(verb.label.split())
    return frozenset(e for m in classified.linked.mentions if m.position == after for e in m.ids)


_OBJECT_AUXILIARIES = frozenset(_AUX - _BE - {"done", "not"})
"""Auxiliaries after which "who" is the object of the verb to come ("who *did* she beat", "who *will* he
name"): "do", "have" and the modals; after a form of "be" it is the subject ("who *is* acting")."""


_WHO = frozenset({"who", "whom"})


_TAKING_THE_PLACE = frozenset({"replace", "succeed"})
"""Verbs whose object gives up the post its subject takes ("Ri Son Gwon *replaced* Ri Yong Ho")."""


def _the_one_replaced_asked(item: IndexedFact, classified: Classified) -> bool:
    """The fact says, by an inflected verb of `_TAKING_THE_PLACE`, that its subject took the post of a
    person whose name the question writes ("replaced *Ri Yong Ho*", "succeeding *Ri Yong Ho*"), and the
    question names the subject nowhere else: the name right after the verb is of the one who left the
    post. (A name of the subject inside it, "*Ri* Yong Ho" for Ri Son Gwon, is that longer name's word.)"""
    if _TAKING_THE_PLACE.isdisjoint(item.lemmas):
        return False
    toks = [t.lower for t in classified.linked.question.tokens]
    names = item.name_lemmas | item.unlinked_names
    words = item.words
    for at, word in enumerate(words):
        if not (Lexicon.lemmas(word) - {word}) & _TAKING_THE_PLACE:
            continue  # "the *replacement*", "a *successor*": no act
        end = at + 1
        while end < len(words) and words[end] in names:
            end += 1
        replaced = list(words[at + 1 : end])
        for start in range(len(toks) - len(replaced) + 1) if replaced else ():
            if toks[start : start + len(replaced)] == replaced and all(
                    start <= m.position and m.position + m.span <= start + len(replaced)
                    for m in classified.linked.mentions if item.subject in m.ids):
                return True
    return False


_TITLE_WORDS = frozenset({"title", "titled"})
"""A fact that says "title" gives one: a rank ("title: national security adviser") or a work's ("a map
*titled* ...")."""


def _a_title(unnamed: frozenset[str] | set[str]) -> bool:
    """A work's title is a name no entity holds, whose small words are capitalised too ("The Room Where
    It Happened"), as a place's or a person's name is not ("the Korean Peninsula")."""
    return any(Lexicon.zipf(w) >= FUNCTION_ZIPF for w in unnamed)


def the_cause_beside(act: IndexedFact, item: IndexedFact, classified: Classified) -> bool:
    """`item`, a fact about the same event as `act` (which says what was done but not why), gives the
    cause a "why" asks. When `act` says the act in the question's words, the cause must say it too
    ("Trump cited hostility when he *pulled out*"), and then need not repeat the rest of the question
    ("the meeting with Kim"), which `act` says; a cause of another act of that event ("officials met
    *to try* to forge a deal") is no answer. Otherwise the two must say all the question says."""
    if not item.causal:
        return False
    doer, asked = _doer_and_act(classified)
    phrase, phrase_act = _doer_phrase_and_act(classified)
    if (doer and asked is not None and _done_to_the_doer(item, classified, doer, asked)
            or phrase and phrase_act is not None and _placed_by_anothers_act(item, phrase, phrase_act)):
        return False  # "why did the Oslo forum wind down": "talks wound down ... since the Oslo forum"
        # tells of another's act, whatever cause it gives
    acts = _acts_asked_why(classified)
    if acts and _says_an_act(act, acts):
        return _says_an_act(item, acts) or not item.lemmas.isdisjoint(_act_verbs(act))
    return said_together(classified, (act, item))


def _says_an_act(item: IndexedFact, acts: list[Need]) -> bool:
    return any(_word_credit(n, item) >= RELATION_SAID for n in acts)


def _cause_of_an_act_then(need: Need, item: IndexedFact, table: FactTable, classified: Classified) -> bool:
    """Another fact of the same subject states an act the undated `item` says too, and dates it within the
    time `need` names: `item`'s cause is of that act ("North Korea cited anger when it pulled out", of the
    pull-out a fact dates in May 2018), not of one at another time."""
    for fid in table.holders(f"e:{item.subject}"):
        other = table.facts[fid] if fid in table.facts else None
        if (other is not None and other.id != item.id and (other.days or other.years)
                and not _act_verbs(other).isdisjoint(item.lemmas) and _time_covered(need, other, classified)):
            return True
    return False


def _act_verbs(item: IndexedFact) -> frozenset[str]:
    """The lemmas of the verbs of the fact's relation ("pulled_out_of": pull), but for verbs of saying:
    the act the fact states, in its own words, which a fact giving its cause says too ("walked out" is
    asked; the store says "pulled out" in both)."""
    words = item.relation.lower().split("_")
    framing = {k for k, w in enumerate(words[:-2]) if words[k + 1] == "to"}  # "*appeared* to collapse": its act
    return frozenset(lemma for k, w in enumerate(words)
                     if "VERB" in Lexicon.parts_of_speech(w) and Lexicon.content_weight(w) >= THING_WEIGHT
                     and k not in framing and not Lexicon.lemmas(w) & SAYING for lemma in Lexicon.lemmas(w))


def _causes_of_other_acts(results: list[ScoredFact], classified: Classified, threshold: float) -> None:
    """A "why" asks the cause of the act it names. Where a fact that could answer says that act (in
    the words the question uses), a fact that states a cause but not that act gives the cause of
    another act of the same people ("they met *to discuss* the visit" is no reason the envoy
    cancelled it): it weighs as a fact that gives no cause (NO_CAUSE), unless it says the act as
    those facts' relations word it. Where no such fact says the act, the store speaks of it in other
    words ("called off" for "scrapped"), and a cause is kept."""
    acts = _acts_asked_why(classified)
    sayers = [r.item for r in results if acts and r.score >= threshold * NO_CAUSE and _says_an_act(r.item, acts)]
    if not sayers:
        return
    verbs = frozenset().union(*map(_act_verbs, sayers))  # the act as the facts that say it word it
    for r in results:
        if r.item.causal and not _says_an_act(r.item, acts) and r.item.lemmas.isdisjoint(verbs):
            r.score *= NO_CAUSE


_CLAUSE_BREAK = ";"
"""What ends a clause of a statement for certain: "Russia vetoed it; China abstained" (a comma may join a
clause of cause: "..., citing hostility")."""


def _cause_in_another_clause(item: IndexedFact, classified: Classified, table: FactTable) -> bool:
    """"Why did China abstain": the fact says the act asked in a clause of its own ("; China abstained")
    that gives no cause, and its cause is in another clause, of another act ("Russia vetoed a resolution
    *to renew* the panel")."""
    if relation_gives_a_cause(item.relation):
        return False  # the fact is itself the statement of a cause
    statement = item.fact.statement
    if _CLAUSE_BREAK not in statement:
        return False
    acts = _acts_asked_why(classified)
    asked = set().union(*(n.lemmas | {w for w, c in n.near.items() if c >= RELATION_SAID} for n in acts))
    clauses = [[w.lower() for w in words_of(c)] for c in statement.split(_CLAUSE_BREAK)]
    with_act = [c for c in clauses if any(Lexicon.lemmas(w) & asked for w in c)]
    return bool(with_act) and not any(says_a_cause(c, table.lexicon) for c in with_act)


def _acts_asked_why(classified: Classified) -> list[Need]:
    """The verbs whose cause a "why" asks ("why did they *pull out*"). A verb of saying that frames
    another ("why did the minister *say* she would *step down*") is not the act asked; one that frames nothing
    is no act a cause is checked against either (the saying is seldom what the cause fact says), nor is
    a noun ("the planned *meeting*"), the thing acted on."""
    return [n for n in classified.needs if n.kind is NeedKind.word and (n.relation or n.phrasal)
            and n.known and not n.excluded and not n.lemmas & SAYING and not _after_a_determiner(n, classified)]


def _after_a_determiner(need: Need, classified: Classified) -> bool:
    """The word heads a noun phrase: a determiner comes right before it, or before a modifier that is
    no noun ("the *planned* meeting"); not "the delegations *headed*", a verb after its subject."""
    toks = classified.linked.question.tokens
    at = need.position
    if 0 < at <= len(toks) and toks[at - 1].lower in DETERMINERS:
        return True
    return 1 < at <= len(toks) and toks[at - 2].lower in DETERMINERS and "NOUN" not in _pos(toks[at - 1].lower)


def kind_factor(item: IndexedFact, classified: Classified, table: FactTable) -> float:
    """How well the fact can give the kind of answer asked (1.0: a place for "where", a day for "when")."""
    return _type_factor(item, classified, table)


UNSAID_ALLOWED = 1
"""How many of a question's content words facts may leave unsaid and still answer it when it is read as
asked of what was just talked about."""


def says_the_question(items: list[IndexedFact], classified: Classified) -> bool:
    """Between them the facts say all but one of the words the question weighs, and that one weighs less
    than one they say: a question asked of what was just talked about must still be answered in its own
    terms ("what did they eat on the plane" needs an eating or a plane, whatever it is asked about; "what
    was the vote tally?" a tally, its rarest word, not only a vote)."""
    words = [n for n in classified.needs if n.kind is NeedKind.word and not n.excluded and not n.anchor
             and n.weight >= 0.5]
    unsaid = [n for n in words if not any(_word_credit(n, item) >= 0.5 for item in items)]
    said = [n.weight for n in words if n not in unsaid]
    thing_said = any(n.hard for n in words if n not in unsaid)
    return len(unsaid) <= UNSAID_ALLOWED and all(n.weight < max(said, default=0.0) or n.relation and thing_said
                                                 for n in unsaid)  # "who drew the chart?": the thing
    # asked ("the images") said, the act in other words ("the map's sources are Google for the images")


def fits_the_asked_kind(item: IndexedFact, classified: Classified, table: FactTable) -> bool:
    """The fact can give the kind of answer asked, if only loosely: a time for "when", a place for
    "where", someone (named or described) for "who" (any fact for "what" and "how")."""
    return _type_factor(item, classified, table) >= WEAK_TYPE


def _own_names_asked(classified: Classified, table: FactTable) -> list[str]:
    """"What is the map called?", "what's the name of the treaty?": the name of the one thing the
    question names (not a person's: a person's name is the person), said as the fact's words would say
    it; only the proper names the question did not use. Empty when the question asks anything else."""
    entities = [n for n in classified.needs if n.kind is NeedKind.entity and not n.excluded]
    if len(entities) != 1 or len(entities[0].entity_ids) != 1 or any(
            n.kind is not NeedKind.entity and n.weight > 0 and n.label not in NAME_WORDS for n in classified.needs):
        return []
    entity = table.entities.get(next(iter(entities[0].entity_ids)))
    if entity is None or entity.kind.value in _PERSONISH:
        return []
    said = {t.lower for t in classified.linked.question.tokens}
    return [" ".join(w.lower() for w, _ in word_tokens(name)) for name in entity.names
            if is_proper_name(name) and not {w.lower() for w, _ in word_tokens(name)} <= said]


def _kinds_named(need: Need) -> frozenset[EntityKind]:
    """The kinds of entity the word names ("organisation", "country", "person"). Only a noun names a kind:
    "come out" shares a sense with the verb "place" ("came out third"), not with a place; and only by a
    sense common to both words: a "post" is a place only in a rare sense of one of them (the job one holds
    is the common one)."""
    if "NOUN" not in Lexicon.parts_of_speech(need.label):
        return frozenset()
    return frozenset(k for k in _NAMEABLE_KINDS if k.value in need.lemmas or any(
        Lexicon.shares_a_common_sense(k.value, lemma) for lemma in need.lemmas & Lexicon.synonyms(k.value)))


def _names_a_kind_held(kinds: frozenset[EntityKind], item: IndexedFact, table: FactTable,
                       traits: QuestionTraits) -> bool:
    """The fact names an entity of one of the `kinds` a word of the question names (`_kinds_named`) that
    the question does not."""
    return any(table.entities[e].kind in kinds for e in item.entities - traits.entity_ids if e in table.entities)


_WORDING = frozenset({"word", "words", "term", "phrase", "expression", "wording", "name", "description", "saying"})
"""Nouns of words said: what a fact quotes is one. A noun WordNet names a kind of one is one too ("label", a
description; "slogan", a saying; "nickname", a name)."""
_QUOTE = re.compile(r"[\u201c\"][^\u201c\u201d\"]+[\u201d\"]|(?<![\w'])'[^']+'(?![\w'])")
"""A span of a statement in quotation marks, double, curly or single ("the *'primary foe'*"; not the
apostrophe of "Workers' Party" or "the North's")."""


def _of_a_wording(need: Need) -> bool:
    """The thing asked is a wording (`_WORDING`): "what *word*", "what *label*"."""
    return any(lemma in _WORDING or not Lexicon.hypernyms(lemma).isdisjoint(_WORDING) for lemma in need.lemmas)


def _quotes(statement: str) -> bool:
    """The statement quotes words (`_QUOTE`)."""
    return _QUOTE.search(statement) is not None


_NUMBER_NOUNS = frozenset({"number", "numeral"})
"""Nouns whose instance is a number: "what *number*" is answered by a number the statement gives."""
_TAKING_OFFICE = "take office"
"""WordNet's act of assuming a post, the antonym of "resign" and "step down": someone appointed to a post
takes it, so a fact that says the appointing says the act opposite leaving it."""
_ROLE_NOUNS = frozenset({"role", "post", "position", "job"})
"""Nouns whose instance is a role someone holds: "what *role* did he get" is answered by the title a fact
names him to."""
_BECOMING = frozenset({"become"})
"""The verb of coming to be something: becoming a minister or an envoy is being given the role, so a fact that
someone was named or appointed to a post says it."""
_APPOINTING = "appoint"
"""The act of giving someone a role; its words are WordNet's (`_appointing`)."""


@functools.lru_cache(maxsize=1)
def _appointing() -> frozenset[str]:
    """"appoint", the verbs of a sense common to it ("name", "nominate") and the ways of doing it
    ("designate", "assign"): the acts that give someone a role (WordNet)."""
    same = {w for w in Lexicon.synonyms(_APPOINTING) if Lexicon.shares_a_common_sense(_APPOINTING, w)}
    return frozenset(w for w in {_APPOINTING, *same, *Lexicon.kinds(_APPOINTING)}
                     if " " not in w and Lexicon.lemma(w) == w and "VERB" in Lexicon.parts_of_speech(w))


def _becoming_given(need: Need, item: IndexedFact, classified: Classified) -> bool:
    """"Became envoy" said by a fact that someone was named or appointed (`_gives_a_role`) to the role the
    question names after the verb, every word of it up to a preposition: a fact that she was named *foreign*
    minister says nothing of her becoming *defence* minister."""
    toks = classified.linked.question.tokens
    end = next((t.position for t in toks[need.position + 1:] if t.lower in PREPOSITIONS), len(toks))
    role = [n for n in classified.needs if n.kind is NeedKind.word and need.position < n.position < end]
    return bool(role) and all(_word_credit(n, item) >= 0.5 for n in role) and _gives_a_role(item)


def _gives_a_role(item: IndexedFact) -> bool:
    """The statement says, by an inflected verb, that someone was given a role ("*named* Sung Kim special
    representative", "was *appointed* foreign minister"): the role it names is the one a "what role" asks."""
    acts = _appointing()
    return any((Lexicon.lemmas(w) - {w}) & acts for w in item.words if "VERB" in Lexicon.parts_of_speech(w))


@functools.lru_cache(maxsize=1)
def _leaving_office() -> frozenset[str]:
    """The acts of leaving a post: WordNet's antonyms of taking office ("resign", "step down", "quit")."""
    return Lexicon.antonyms(_TAKING_OFFICE)


ROLE_REACH = 2
"""How far after an act of leaving a post its "as" may stand ("resigned *as* envoy", "stepped down *as*")."""


def _leaves_a_role(item: IndexedFact) -> bool:
    """The statement says someone left, or was to leave, a role it names after "as" ("*resign as* national
    security adviser", "*stepped down as* envoy"): the role left is the one a "what job did he leave" asks."""
    words = item.words
    leaving = _leaving_office()
    for k, word in enumerate(words):
        lemmas = Lexicon.lemmas(word)
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if not (lemmas & leaving or any(f"{lemma} {nxt}" in leaving for lemma in lemmas)):
            continue
        if "as" in words[k + 1 : k + 2 + ROLE_REACH]:
            return True
    return False


_CONDITION_NOUNS = frozenset({"condition", "conditions", "precondition", "preconditions", "prerequisite", "proviso"})
_CONDITIONAL = frozenset({"if", "unless", "provided", "providing"})
"""The conjunctions of English that state a condition ("... *if* the U.S. takes corresponding measures")."""
_AHEAD = frozenset({"will", "would", "wo", "gonna"})
"""The modals of English's future ("when *will* it ..."; "won't" is read as "wo" "n't")."""


def _asks_ahead(classified: Classified) -> bool:
    """The question asks of something still to come: its verb is led by a modal of the future."""
    return any(t.lower in _AHEAD for t in classified.linked.question.tokens)


_REQUIRING = frozenset({"need", "require"})
"""Verbs of what one must have for something: "what does X *need* from Y" is told by what X will do only *if*
Y does a thing, as English states a requirement by its condition."""


COUNTED_AT = 3
"""The last position the thing a "how many" counts can start at: "how many [separated] families"."""
_UNITS_OF_TIME = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
_UNITS_ASKED = {
    "long": _UNITS_OF_TIME | {"mile", "kilometer", "kilometre", "km", "meter", "metre", "foot", "feet"},
    "far": frozenset({"mile", "kilometer", "kilometre", "km", "meter", "metre", "foot", "feet", "nautical"}),
    "old": frozenset({"year", "old", "age"}),
    "often": frozenset({"time", "times", "once", "twice", "day", "week", "month", "year"}),
}
"""What a number must count for "how long", "how far", "how old" and "how often" to be answered by it."""
_RELATIVE_TIME = frozenset({"after", "before", "later", "earlier", "ago", "since", "on"})
"""Words after a span that place a time by it ("a week *after* the summit") instead of measuring one."""
_AMOUNTS = frozenset({"dollar", "euro", "won", "yuan", "yen", "pound", "rouble", "ruble", "percent"})
_AMOUNT_SIGNS = ("$", "\u20ac", "\u00a3", "\u00a5", "\u20a9", "%")
"""What a number must count, or stand after, for "how much" with no noun ("how much did it cost"): money,
or a share."""
_NUMBER = re.compile(r"^\d[\d,.]*$")


_ORDINALS = {word: n for n, words in enumerate(
    [(), ("first", "1st"), ("second", "2nd"), ("third", "3rd"), ("fourth", "4th"), ("fifth", "5th"), ("sixth", "6th"),
     ("seventh", "7th"), ("eighth", "8th"), ("ninth", "9th"), ("tenth", "10th")]) for word in words}
"""Ordinals: which of several the question means ("their *second* summit", "his *first* trip")."""
FIRST = 1
AGAIN = frozenset({"again", "anew", "back"})
"""Words that put an act's base verb to doing it again ("opened it *again*", "brought *back*")."""
ONCE_MORE = ("once", "more")


def _ordinals(classified: Classified) -> set[int]:
    """Which of several the question names: a fact about another one ("the first summit") is not it. "First"
    counts only on a thing after a determiner ("his *first* trip"): as an adverb ("when did they *first*
    meet?") it asks when they met, which a fact says without the word. Nor is the day of a date one
    ("on March *3rd*")."""
    toks = classified.linked.question.tokens
    dated = {k for _, position, length in classified.linked.dates for k in range(position, position + length)}
    return {_ORDINALS[t.lower] for k, t in enumerate(toks) if t.lower in _ORDINALS and k not in dated
            and (_ORDINALS[t.lower] != FIRST or _on_a_thing(k, toks))}


def _on_a_thing(at: int, toks: list[Token]) -> bool:
    """The word at `at` stands between a determiner and a noun ("the *first* summit")."""
    return (0 < at < len(toks) - 1 and toks[at - 1].lower in DETERMINERS
            and "NOUN" in Lexicon.parts_of_speech(toks[at + 1].lower))


def _repeat_unsaid(need: Need, item: IndexedFact, table: FactTable, bases: frozenset[str]) -> bool:
    """The question asks for an act done again ("*reopen* the office", its `bases` the verbs "open" of its
    words) and the fact says neither that verb nor its base verb with "again", "back" or "once more": that
    the office opened, or was blown up, is another act than its reopening."""
    if need.kind is not NeedKind.word or need.lemmas & item.lemmas:
        return False
    if not bases or any(w[:STEM_MIN] in item.stems for w in need.lemmas if len(w) >= STEM_MIN):
        return False  # "reunions" says the reuniting
    if any(w in item.lemmas and table.lexicon.repeated_act(w) for w in need.near):
        return False  # another verb of doing it again ("reconnect" for "relink")
    if any(s in item.lemmas for w in need.lemmas for s in Lexicon.synonyms(w)
           if Lexicon.shares_a_common_sense(w, s)):
        return False  # a synonym of the act again in a common sense of both ("resume" for "restart")
    words = item.words
    again = not AGAIN.isdisjoint(words) or any(pair == ONCE_MORE for pair in zip(words, words[1:]))
    return not (again and bases & item.lemmas)


JOURNEY_START = frozenset({"from"})
JOURNEY_END = frozenset({"to", "into", "toward", "towards"})
"""Where a going starts ("flew home *from* Hanoi") and where it ends ("went *to* Hanoi"): of one place, two
journeys."""
_JOURNEY_REACH = 3
"""How many words before a place a fact's preposition may stand and still lead to it ("to *the Hanoi* summit")."""


def _journey_end(words: tuple[str, ...] | list[str], at: int) -> str | None:
    """Which end of a going the place at `at` is, by the nearest preposition within a few words before it:
    "start", "end", or None (another preposition, or none)."""
    for k in range(at - 1, max(at - 1 - _JOURNEY_REACH, -1), -1):
        if words[k] in JOURNEY_START:
            return "start"
        if words[k] in JOURNEY_END:
            return "end"
        if words[k] in LOCATIVE and k > 0 and Lexicon.lemmas(words[k - 1]) & _ENDS_OF_A_GOING.keys():
            return next(_ENDS_OF_A_GOING[v] for v in Lexicon.lemmas(words[k - 1]) & _ENDS_OF_A_GOING.keys())
        if words[k] in PREPOSITIONS:
            return None
    return None


_ENDS_OF_A_GOING = {**dict.fromkeys(STARTING, "start"), **dict.fromkeys(("end", "finish"), "end")}
"""Verbs that put the place after them and "in" or "at" at one end of a journey ("a journey that *began in*
Pyongyang and *ended at* Dong Dang")."""


def _journey_asked(need: Need, classified: Classified) -> str | None:
    """Which end of a going the question places its place at, after a word of travelling ("travel home
    *from* Hanoi": "start", "fly *to* Seoul": "end"), or None."""
    toks = classified.linked.question.tokens
    if need.position < 1:
        return None
    words = [t.lower for t in toks]
    if need.position > 1 and words[need.position - 1] in JOURNEY_END and words[need.position - 2] in _RETURNING:
        return "end"  # "took her *back to* Oslo": a return, whatever verb brings it
    if not placed(toks, need.position):
        return None
    return _journey_end(words, need.position)


_RETURNING = frozenset({"back"})
"""The adverb that makes a going one back to where it began ("got him *back* to Pyongyang")."""


def _journey_reversed(need: Need, item: IndexedFact, asked: str) -> bool:
    """The question places its place at the `asked` end of a going (`_journey_asked`), and the fact names
    that place only at the other end ("went *to* the Hanoi summit"): the journey there is another journey
    than the one back."""
    label = tuple(need.label.lower().split())
    n, words = len(label), item.words
    said = [_journey_end(words, k) for k in range(len(words) - n + 1) if tuple(words[k:k + n]) == label]
    return bool(said) and all(end is not None and end != asked for end in said)


_OTHER_PARTY_END = {"to": "from", "from": "to"}
"""The prepositions of whom a thing goes to and whom it comes from ("wrote *to* Kim", "a letter *from* Kim")."""


def _party_asked(need: Need, classified: Classified) -> str | None:
    """"What did the mayor reply *to* the union": the preposition of `_OTHER_PARTY_END` right before a name the
    question names, the end of the exchange it stands at; None for any other need."""
    toks = classified.linked.question.tokens
    if need.kind is not NeedKind.entity or need.position < 1:
        return None
    before = toks[need.position - 1].lower
    return before if before in _OTHER_PARTY_END else None


def _party_reversed(need: Need, item: IndexedFact, asked: str, table: FactTable) -> bool:
    """The question names someone after "to" (`_party_asked`) and the fact only after "from", or the other
    way: "received a letter *from* Kim" tells of what came from Kim, not what went to him."""
    found = [(k, n) for k, n, ids in table.names.find_kept(item.words) if ids & need.entity_ids]
    whole = [(k, n) for k, n in found if not any(j <= k and k + n <= j + m and (j, m) != (k, n) for j, m in found)]
    other = _OTHER_PARTY_END[asked]
    return bool(whole) and all(k > 0 and item.words[k - 1] == other for k, _ in whole)


OCCASIONS = frozenset({"time"})
"""The noun English counts the occasions of an act by ("how many *times*")."""


def _occasions_counted(need: Need, classified: Classified) -> bool:
    """The need is the "times" of "how many times": what it counts is how often the act was done, which
    an ordinal says as well as a number does ("the third time", "her fourth visit")."""
    return (classified.asked is Asked.how_many and need.kind is NeedKind.word and bool(need.lemmas & OCCASIONS)
            and need.position > 0 and classified.linked.question.tokens[need.position - 1].lower == "many")


def _ordinal_counts(words: tuple[str, ...], targets: set[str], occasions: bool) -> bool:
    """An ordinal before what the question counts ("his fourth *trip*": the trips made by then), or before
    anything when the occasions are counted ("how many times")."""
    return any(word in _ORDINALS and (occasions or not targets.isdisjoint(Lexicon.lemmas(nxt)))
               for word, nxt in zip(words, words[1:]))


def _ordinals_said(item: IndexedFact) -> set[int]:
    return {_ORDINALS[w] for w in item.words if w in _ORDINALS}


def _one_year(years: frozenset[int]) -> Callable[[int], bool]:
    """Whether a year of `years` is said alone, not only as one of a decade the fact names (the years
    1990 to 1999 of "the 1990s")."""
    return lambda year: not {year - year % 10 + k for k in range(10)} <= years


def _counts_what_is_asked(item: IndexedFact, classified: Classified) -> bool:
    """The statement puts a number on what the question counts: "how many *boxes*" needs "55 boxes";
    "how long" needs a number of minutes, days or years; a number inside a name ("F-22") counts nothing."""
    words = item.words
    toks = classified.linked.question.tokens
    measure = next((nxt.lower for t, nxt in zip(toks, toks[1:]) if t.lower == "how" and nxt.lower in _UNITS_ASKED),
                   None)
    units = _UNITS_ASKED.get(measure or "")
    if units is not None and any(w in {"a", "an"} and Lexicon.lemmas(nxt) & units and then not in _RELATIVE_TIME
                                 for w, nxt, then in zip(words, words[1:], [*words[2:], ""])):
        return True  # "after about *a week* in detention": one of the unit asked ("a week *after*" places a time)
    counted = [n for n in classified.needs if n.hard and (n.kind is NeedKind.word or (
        n.kind is NeedKind.entity and n.position <= COUNTED_AT))]  # "how many *separated families*"
    head = _counted_noun(classified)
    if head is not None and not head.hard:
        counted.append(head)  # "how many city council *seats*": the last noun of the run is what is counted
    targets: set[str] = set()
    for n in counted:
        targets |= n.lemmas | set(n.near)
        if n.kind is NeedKind.entity:
            targets |= {lemma for word in n.lemmas for lemma in Lexicon.lemmas(word)}
    in_containers = any(Lexicon.container(lemma) == "first" for n in counted for lemma in n.lemmas)
    if units is None and _ordinal_counts(words, targets, any(_occasions_counted(n, classified) for n in counted)):
        return True
    since = _since_a_year(words)
    if not item.number and not since:
        return False
    if measure == "long" and since:
        return True  # "since 1953": how long, counted from a year
    if units is None and _an_amount_asked(toks):
        if any(sign in item.fact.statement for sign in _AMOUNT_SIGNS):
            return True  # "$3 million"
        units = _AMOUNTS  # "how much did it cost": not the kilometres or the days the fact counts
    for k in range(len(words)):
        if not _a_count_at(words, k):
            continue
        if measure in _ALONG and _a_height(words, k):
            continue  # "how far did it fly": "an altitude of 2,800 km" is how high it went, not how far
        after = set()
        for j, w in enumerate(words[k + 1 : k + 4]):
            if w == "of" and j:
                break  # "55 *boxes* of remains": the number counts the boxes, not what they hold ("dozens of
                # people", "two of the soldiers": right after the number, "of" names what is counted)
            after |= Lexicon.lemmas(w)
        if units is not None:
            if after & units:
                return True
        elif not targets or after & targets or after & _ANY_THING and _thing_stands_for_it(item, classified):
            return True
        elif in_containers and any(Lexicon.container(w) for w in after):
            return True  # "how many *boxes*": "55 *cases*" counts in another container
    return False


_ALONG = frozenset({"far", "long"})
"""The measures asked along a way ("how *far* did it fly", "how *long* is the tunnel")."""
_HEIGHT_NOUNS = frozenset({"altitude", "height", "apogee", "elevation", "depth"})
_HEIGHT_ADJECTIVES = frozenset({"high", "tall", "deep"})
"""Words of English that measure up or down ("an *altitude* of 2,800 km", "100 m *high*"), not along a way."""


_SINCE_REACH = 3
"""How far after "since" the year it counts from may stand ("since *the 1950-53* Korean War")."""


def _since_a_year(words: tuple[str, ...]) -> bool:
    """The statement counts from a year: one right after "since" ("*since 1953*", "since the 1950-53
    war"), or one it names before "since then"; not from an event of no year ("since the Hanoi summit",
    in a fact whose only year is its own date's)."""
    for k, w in enumerate(words):
        if w != "since":
            continue
        if any(nxt in _YEAR_NUMERALS for nxt in words[k + 1 : k + 1 + _SINCE_REACH]):
            return True
        if k + 1 < len(words) and words[k + 1] == "then" and any(x in _YEAR_NUMERALS for x in words[:k]):
            return True
    return False


def _a_height(words: tuple[str, ...], at: int) -> bool:
    """The number at `at` measures a height or a depth: a height noun and "of" before it ("an *altitude
    of* about 2,800 km"), or a height adjective just after its unit ("100 meters *high*")."""
    start = end = at
    while start > 0 and _NUMBER.match(words[start - 1]):
        start -= 1  # "6,248.5" is read as the words "6", "248", "5": one number, measured from its first
    while end + 1 < len(words) and _NUMBER.match(words[end + 1]):
        end += 1
    before = words[max(0, start - _HEIGHT_REACH) : start]
    return any(w in _HEIGHT_NOUNS and nxt == "of" for w, nxt in zip(before, before[1:])) or any(
        w in _HEIGHT_ADJECTIVES for w in words[end + 1 : end + 3])


_HEIGHT_REACH = 5
"""How far before a number its height noun and "of" may stand, past words that say how near the number
is ("an *altitude of* more than 6,000 km", "of about 2,800 km")."""




_ANY_THING = frozenset({"thing"})
"""The noun that stands for whatever is counted, as a pronoun stands for a noun: "two *things* will be on the
agenda" counts the items, issues or points a question asks the number of. The fact must still hold the noun
asked (its keywords may: "issues"); a number of things does not say it, or "how many hours did it last" would
be answered by any fact that counts things."""


def _thing_stands_for_it(item: IndexedFact, classified: Classified) -> bool:
    """"How many *issues*": a fact that counts "things" counts them only when it has no other word for them.
    A fact that also says the noun counted (or a word near it) uncounted ("two things: the dismantling of
    its nuclear *arms* and ...") counts something else by its things."""
    head = _counted_noun(classified)
    named = head.lemmas | set(head.near) if head is not None else frozenset()
    return head is not None and not any(Lexicon.lemmas(w) & named for w in item.words)


def _counted_noun(classified: Classified) -> Need | None:
    """The noun a "how many" counts: the last of the nouns right after it ("how many agenda *items*")."""
    toks = classified.linked.question.tokens
    at = next((k for k, t in enumerate(toks[:-1]) if t.lower == "how" and toks[k + 1].lower in {"many", "much"}), None)
    if at is None:
        return None
    head = next((n for n in classified.needs if n.kind is NeedKind.word and n.position == at + 2), None)
    while head is not None:
        nxt = next((n for n in classified.needs if n.kind is NeedKind.word and n.position == head.position + 1
                    and "NOUN" in Lexicon.parts_of_speech(n.label)), None)
        if nxt is None:
            return head
        head = nxt
    return None


_MEASURES = frozenset({"meter", "metre", "kilometer", "kilometre", "km", "foot", "feet", "inch", "yard", "mile",
                       "acre", "hectare", "square", "ton", "tonne", "kilogram", "kg", "gram", "pound", "liter", "litre",
                       "gallon", "percent", "member", "person", "people", "strong"})
"""The units English measures a size in, a group's by its members ("a 30-member team", "200 feet")."""


_CLAUSE_REACH = 6
"""How far after the noun a clause's verb may stand: its subject ("the U.S.") and an auxiliary ("is")."""


def _clause_after(need: Need, classified: Classified) -> Need | None:
    """The verb of a clause right after the noun that says which thing it is: one opened by a relative
    pronoun or by its own subject, a name or a determiner ("the plan *that* Oslo backs", "the plan *Oslo*
    is backing", "the plan *the mayor* backs"), up to a preposition or the end; None when no clause
    follows. A phrase after a preposition ("the budget *of* the summit") only places the thing, and says
    nothing of what it is."""
    toks = classified.linked.question.tokens
    at = need.position + 1
    named = any(n.kind is NeedKind.entity and n.position == at for n in classified.needs)
    if at >= len(toks) or not (named or toks[at].lower in _RELATIVES | DETERMINERS):
        return None
    verbs = {n.position: n for n in classified.needs if n.kind is NeedKind.word and "VERB" in _pos(n.label)
             and n.position > at}
    for k in range(at + 1, min(len(toks), at + _CLAUSE_REACH)):
        if toks[k].lower in PREPOSITIONS:
            return None
        if k in verbs and (toks[k - 1].lower in _AUX or _inflected_verb(toks[k].lower)):
            return verbs[k]
    return None


def _said_about(need: Need, classified: Classified) -> bool:
    """The noun is what someone's words are asked about ("what did she say *about* the [budget]"): the
    words asked are the answer, in their own terms, so a fact need not name the topic as the question does."""
    toks = classified.linked.question.tokens
    at = need.position - 1
    while at >= 0 and toks[at].lower in DETERMINERS:
        at -= 1
    return (at >= 0 and toks[at].lower == "about" and classified.asked is Asked.what
            and any(n.kind is NeedKind.word and n.lemmas & SAYING and n.position < at for n in classified.needs))


def _measures(item: IndexedFact, classified: Classified) -> bool:
    """The statement puts a measure on the thing a "how big" asks about: a number of a unit of size, or
    a number of the thing itself ("3 km", "a zone of 4 sites" does not size the zone but counts sites)."""
    if not item.number:
        return False
    things = {lemma for n in classified.needs if n.kind is NeedKind.entity for word in n.lemmas
              for lemma in Lexicon.lemmas(word)}
    words = item.words
    for k in range(len(words)):
        if _a_count_at(words, k):
            after = set().union(*(Lexicon.lemmas(w) for w in words[k + 1 : k + 4]))
            if after & (_MEASURES | things):
                return True
    return False


_LIKELIHOOD = frozenset({"chance", "odds", "likelihood", "probability", "likely", "unlikely", "probably", "possible",
                         "possibly", "certain", "certainly"})
"""The words English says how likely a thing is with ("a good *chance*", "*unlikely*"): the measure a "how likely" asks."""


def _likelihood_said(need: Need, item: IndexedFact) -> bool:
    """"How *likely* is it that ...": a statement that says a chance or a likelihood answers the degree asked,
    as a number of a unit answers "how big"."""
    return bool(need.lemmas & {"likely", "probable"}) and any(w in _LIKELIHOOD for w in item.words)


def _an_amount_asked(toks: list[Token]) -> bool:
    """"How much" with no noun after it ("how much *did* it cost", "how much was spent"): an amount."""
    return any(t.lower == "how" and nxt.lower == "much" and after.lower in _AUX
               for t, nxt, after in zip(toks, toks[1:], toks[2:]))


def _locative(item: IndexedFact) -> bool:
    """The fact's relation places something ("held_at", "located_in", "visited")."""
    return any(w in {"at", "in", "held", "located", "site", "visit", "venue", "host", "travel"}
               for w in item.relation.split("_"))
