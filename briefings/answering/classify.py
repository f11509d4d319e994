"""Stage 3: Linked -> Classified. What the question asks (who, where, when, how many, why, a
description, the status, the latest, small talk...) and what a fact must cover to answer it.

The question words are English grammar; the kinds of chat message a briefing bot hears (status,
latest, small talk) are read from `config/intents.yaml`.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefings.answering.lexicon import (DETERMINERS, MATTER_PREPOSITIONS, OWNER, PARTICLES, PREPOSITIONS, TIME_UNITS, Lexicon,
                                        shortest, word_tokens, words_of)
from briefings.answering.model import Asked, Classified, DateSpan, Event, Linked, Need, NeedKind, Token
from briefings.models import Entity, EntityKind

__all__ = ["Intents", "classify"]

_AUX = {"is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "has", "have", "had",
        "will", "would", "can", "could", "should", "shall", "may", "might", "must", "not"}
"""The auxiliary verbs of English grammar: they carry tense and mood, not what a fact must say."""
_COPULAS = {"is", "are", "was", "were", "whos", "who's"}
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
"""The forms of "be": as an auxiliary it takes a participle ("is going", "was held"), never a bare verb."""
_WH = {"who", "whom", "whose", "what", "which", "when", "where", "why", "how"}
_COUNT = {"two": 2, "both": 2, "three": 3, "four": 4}
NAME_WORDS = {"name", "named", "names", "called"}
_TITLE_NOUNS = frozenset({"title", "titles"})
"""What a book, a film or a report is called: "the *title of* her memoir" is its name (a title alone,
"what is Bolton's title", is his rank)."""
_NAME_NOUNS = frozenset({"name", "names"}) | _TITLE_NOUNS
_DATE_NOUNS = {"date", "day"}
CONTRACTED_WH = {"whats": "what", "whos": "who", "wheres": "where", "hows": "how", "whens": "when", "whys": "why"}
"""Question words written without their apostrophe ("whats" for "what's")."""
_PRO_VERBS = frozenset({"happen", "occur"})
"""Verbs that stand for any event, as "do" stands for any action."""
_ANY_ACT = frozenset({"do"})
"""The verb that stands for any action ("what was she *doing* then"): the act or the role the fact says,
whichever it is, answers; no fact must say it (an auxiliary "did" is read before)."""
_ROLE_VERBS = frozenset({"act", "serve", "function"})
"""Verbs that with "as" and a noun say only that the subject fills the role the noun names ("*acting as*
go-between", "*served as* envoy"): the noun is what a fact must say; the verb is no act of its own, and a
fact that says the role ("mediating", "the envoy") says it whatever its verb."""
_PAST_WORDS = {"earlier", "ago", "last", "past", "yesterday", "previous", "before"}
"""Words that put a time before now (English grammar)."""
_WHOLLY_PAST = frozenset({"earlier", "ago", "yesterday", "previous", "before"})
"""Those of them that put the whole of a time before now: "earlier this month" has ended; "the past week"
and "the last few days" run up to now."""
_SETTING_ASIDE_WORDS = {"besides", "else"}
_HOW_WORDS = {"many", "much", "long", "often", "old", "far"}
_FILLER_HEADS = {"kind", "type", "sort", "thing", "things", "one", "ones", "part"}
_VAGUE = _FILLER_HEADS | {"stuff", "of", "me", "us", "do", "few", "couple"}
"""Words a message may put between the words of a cue ("what *kind of stuff* can you do", "catch *me* up",
"where *do* things stand", "the next *few* days"): a filler noun and its "of", the asker as object, the
auxiliary "do" and a vague quantity."""
_VAGUE_NOUNS = (_FILLER_HEADS | {"stuff"}) - {"one", "ones", "part"}
"""The filler nouns of a message ("the summit *stuff*", "the Korea *thing*"): they stand for what the words
before them name, and ask nothing of their own."""
SMALL_TALK = ("greeting", "thanks", "acknowledgement", "farewell", "identity", "abilities")
"""The kinds of small talk, in the order they are tried (config/intents.yaml holds their cues)."""
COURTESIES = frozenset({"greeting", "thanks", "acknowledgement", "farewell"})
NOT_A_QUESTION_REPLY = "abilities"
"""The small-talk reply to a message that asks nothing ("stop", "test"): what the bot does and how to ask."""
"""Small talk that asks nothing: it may open a message whose question follows ("hi, ...")."""
_ASKING_KINDS = ("status", "upcoming", "changed", "latest")
"""The kinds of message that ask about the story (the others are small talk)."""
POLITE = "polite"
"""The cues (config/intents.yaml) of words that only make a request polite ("please", "pls"): what kind of
message it is, and whether it says more than its kind's cues, is read without them."""
ADDRESS = "address"
"""The cues (config/intents.yaml) of words that say whom a message is said to ("thanks, *bot*", "morning
*all*"): where they open or close it, the message asks nothing more for them."""
CHECKING = "checking"
"""The cues (config/intents.yaml) of a message that asks whether what the asker heard is so ("they say it's
off, is that *correct*?"): beside the cues of the status, they ask the status."""
PAST_MOMENT = "past_moment"
"""The cues (config/intents.yaml) of a moment gone by ("at some point", "ever"): a message that says one asks
what was, which the facts of that moment answer, not the status, which says where things stand now."""
_BARE_VERBS = frozenset({"be", "have", "do", "get", "go"})
"""Verbs that say little on their own: in "what's *on* ...", "what's *up*", the particle says what is asked."""
DISCOURSE_MARKERS = frozenset({"so", "and", "but", "ok", "okay", "well", "hey", "also", "anyway", "alright", "now",
                               "then", "oh", "btw", "um", "uh", "right", "plus", "wait", "though"})
"""Words of English that open or close a sentence without being part of it ("*so* is it still on?", "*and* did he
go?", "why *though*?"): the question starts after them and ends before them."""
_REFLEXIVES = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves",
                         "themselves", "oneself"})
"""The reflexive pronouns of English: they stand for a name the question has said ("the party *itself*")."""
_INDEFINITES = frozenset({"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody",
                          "anything", "something", "everything"})
"""The indefinite pronouns: of people, "does *anyone* think ...?" asks whether someone does, and who; of
things, "did they say *anything* about it?" stands for what is asked, which the fact says in words of its
own. No fact says the word."""
RELATION_WEIGHT = 0.5
"""A verb as common as "go", "get" or "make" says too little to be the relation a fact must state."""
CONVERSATION_WEIGHT = 0.5
"""Words as common as "give", "get" or "tell" say nothing about what kind of message it is."""
FUNCTION_ZIPF = 6.0
ADVERB_WEIGHT = 0.5
"""An adverb says how or when ("finally", "together"), not what: a fact may say it otherwise or not at all."""


def cue_form(word: str, lemma: str) -> str:
    """The form a word is matched with cues by: its lemma, but a comparative adverb as written ("see you
    *later*" is a farewell; read as "late" it would be "the *latest*", the superlative adjective)."""
    return word if word != lemma and word.endswith("er") and "ADV" in Lexicon.parts_of_speech(word) else lemma


@dataclass(frozen=True, slots=True)
class Intents:
    """Cue lemmas (and phrases of lemmas) of each kind of message."""

    cues: dict[str, tuple[tuple[str, ...], ...]]
    words: frozenset[str] = frozenset()
    """Every word of every cue."""
    adjectives: frozenset[str] = frozenset()
    """The adjectives that are a cue of an asking kind on their own ("new", "upcoming", "likely")."""

    @classmethod
    def load(cls, path: Path) -> Intents:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        cues: dict[str, tuple[tuple[str, ...], ...]] = {}

        def phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
            unread = [p for p in items if not isinstance(p, str)]
            if unread:  # YAML reads a bare on, off, yes or no as true or false: such a cue would never match
                raise ValueError(f"{path.name}: the cue {unread[0]!r} is not text; quote it (\"on\", \"off\")")
            return tuple(tuple(cue_form(w.lower(), Lexicon.lemma(w.lower())) for w, _ in word_tokens(str(p))) for p in items)

        for kind, entry in data.items():
            if kind == "small_talk":
                for sub, inner in entry.items():
                    cues[f"small_talk:{sub}"] = phrases(inner["cues"])
            else:
                cues[kind] = phrases(entry["cues"])
        cues = cls(cues=cues)._with_shorthand()
        return cls(cues=cues, words=frozenset(word for phrases_ in cues.values() for phrase in phrases_ for word in phrase),
                   adjectives=frozenset(phrase[0] for kind in _ASKING_KINDS for phrase in cues.get(kind, ())
                                        if len(phrase) == 1 and phrase[0] not in PARTICLES
                                        and "ADJ" in Lexicon.parts_of_speech(phrase[0])))

    def _with_shorthand(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The cues, and as a cue of each kind every chat shorthand whose whole reading is that kind's cues:
        "tysm" ("thank you so much") is thanks, "hru" ("how are you") a greeting."""
        said = set().union(*map(set, self.cues.values()))
        words_of_kind = {kind: {word for phrase in phrases for word in phrase} for kind, phrases in self.cues.items()}
        widened = {kind: list(phrases) for kind, phrases in self.cues.items()}
        for word, reading in Lexicon.chat_shorthand().items():
            if (word,) in said or Lexicon.shorthand(word):
                continue  # a cue already, or a word every question reads as its reading
            lemmas = [cue_form(w.lower(), Lexicon.lemma(w.lower())) for w, _ in word_tokens(reading)]  # "what's up": "what", "be", "up"
            for kind, words in words_of_kind.items():  # cheap first: most readings say a word no cue has
                if words.issuperset(lemmas) and len(self.matches(kind, lemmas)) == len(lemmas):
                    widened[kind].append((word,))
        return {kind: tuple(phrases) for kind, phrases in widened.items()}

    def matches(self, kind: str, lemmas: list[str], *, skipping: frozenset[str] = frozenset(),
                skipping_at: frozenset[int] = frozenset()) -> set[int]:
        """The positions in `lemmas` that cues of `kind` cover; a phrase may run over the words in `skipping`
        and those at the positions `skipping_at` (which it then covers too), unless they are words of the
        phrase itself."""
        covered: set[int] = set()
        said = set(lemmas)
        for phrase in self.cues.get(kind, ()):
            if not said.issuperset(phrase):  # a phrase covers words only where every one of its words is said
                continue
            gaps = skipping - set(phrase)
            kept = [i for i, lemma in enumerate(lemmas)
                    if lemma not in gaps and not (i in skipping_at and lemma not in phrase)]
            n = len(phrase)
            for j in range(len(kept) - n + 1):
                if tuple(lemmas[i] for i in kept[j : j + n]) == phrase:
                    covered.update(range(kept[j], kept[j + n - 1] + 1))
        return covered


def classify(linked: Linked, *, lexicon: Lexicon, intents: Intents, event: Event,
             entities: Mapping[str, Entity], near: Callable[[frozenset[str]], dict[str, float]]) -> Classified:
    toks = linked.question.tokens
    words = [t.lower for t in toks]
    if not toks:
        return Classified(linked=linked, asked=Asked.small_talk, needs=[], small_talk="empty")
    fronted = _fronted_clause(linked)
    opened = max(fronted, _set_aside_opening(linked.question.text)[1], attribution_opening(linked.question.text))
    # the question word comes after any of them
    asked, head_at = _question_word(words[opened:])
    head_at += opened
    at = next((i for i, w in enumerate(words[opened:opened + 5]) if CONTRACTED_WH.get(w, w) == "what"), None)
    quality = _quality_of([CONTRACTED_WH.get(w, w) for w in words[opened:]], at) if at is not None else None
    framed = range(quality[0] + opened, quality[1] + opened) if asked is Asked.describe and quality else range(0)
    needs = [n for n in _needs(linked, lexicon=lexicon, asked_name=asked is Asked.name)
             if not _answer_kind(n, asked, head_at, last=len(toks) - 1)
             and not _reporting_frame(n, linked, entities) and n.position not in framed]
    frame = _purpose_frame_at(words) if asked is Asked.why else None
    if frame is not None:
        needs = [n for n in needs if n.position < frame]  # "meant to achieve": the frame of why, no need
    for need in needs:
        need.entity_ids |= _holders_in_the_next_name(need, linked, entities)
    _set_aside(linked, needs)
    _anchor_in_time(linked, needs, head_at=head_at, entities=entities)
    _anchor_fronted(needs, fronted)
    frame, outcome = _outcome_of(linked, needs, entities)
    kind = _conversation(linked, needs, intents=intents, event=event, asked=asked, lexicon=lexicon, near=near)
    if kind is not None:
        asked_kind, small = kind
        return Classified(linked=linked, asked=asked_kind, needs=needs, small_talk=small)
    if _bare_imperative(linked, needs):
        return Classified(linked=linked, asked=Asked.small_talk, needs=needs, small_talk=NOT_A_QUESTION_REPLY)
    unnamed = _asks_unnamed(needs, asked=asked, entities=entities, words=words,
                            owners=frozenset(t.position for t in toks if t.possessive))
    if unnamed is not None:
        return Classified(linked=linked, asked=asked, needs=needs, unanswerable=unnamed)
    described = _described(linked, needs, asked=asked, words=words, intents=intents)
    if len(described) == 1:
        return Classified(linked=linked, asked=Asked.describe, needs=needs, describe=described[0])
    if described:
        return Classified(linked=linked, asked=Asked.describe, needs=needs, described=described)
    needs = [n for n in needs if not (n.kind is NeedKind.word and n.position in frame)]
    _mark_asked(needs, toks, asked=asked, head_at=head_at, lexicon=lexicon)
    if asked is Asked.name:
        _mark_titled(needs, words)
    _mark_role(needs, toks)
    _anchor_asked_of(needs, toks)
    subject = _subject(linked, needs)
    expected = max([1] + [_COUNT[w] for w in words if w in _COUNT])
    return Classified(linked=linked, asked=asked, needs=needs, expected=expected, subject=subject,
                      clause=_clause(linked, needs, subject),
                      outcome=outcome)


_SETTING_ASIDE = re.compile(r"^\s*(?:besides|apart from|aside from|other than|except for|beyond)\s+([^,?]+),", re.I)


_SET_ASIDE_AFTER = re.compile(r"\b(?:instead of|rather than|in place of|besides|apart from|aside from|other than"
                              r"|except for)\s+([^,?]+)", re.I)
"""A phrase that names, after the thing asked, what it is not ("what did they offer *instead of* X"), or
what the asker already knows ("who else came *besides* X")."""


def _set_aside_opening(text: str) -> tuple[int, int]:
    """The tokens of X in a question that opens "Besides X, ...", "Apart from X, ..." (from, to); (0, 0)
    when it opens otherwise."""
    match = _SETTING_ASIDE.match(text)
    if match is None:
        return 0, 0
    return len(word_tokens(text[: match.start(1)])), len(word_tokens(text[: match.end(1)]))


_ATTRIBUTION = re.compile(r"^\s*(?:according to|in the (?:words|view) of)\s+[^,?]+,", re.I)
"""An opening that names whose account is asked ("*According to the minister,* how many ..."): the
question word comes after it, however long the name of the source is."""


def attribution_opening(text: str) -> int:
    """How many tokens an opening "According to X," covers (0 when the question opens otherwise); its
    words stay needs: the fact must give that source's account."""
    match = _ATTRIBUTION.match(text)
    return len(word_tokens(match.group(0))) if match is not None else 0


def _set_aside(linked: Linked, needs: list[Need]) -> None:
    """"Besides X, what ...", "what ... instead of X": the needs named in X are what the asker already
    knows, or what the answer is not. The words that set X aside ("*apart* from", "*other* than") are
    no thing asked."""
    text = linked.question.text
    start, end = _set_aside_opening(text)
    if end:
        needs[:] = [n for n in needs if n.position >= start]
    else:
        match = _SET_ASIDE_AFTER.search(text)
        if match is None:
            return
        start, end = len(word_tokens(text[: match.start(1)])), len(word_tokens(text[: match.end(1)]))
        opening = len(word_tokens(text[: match.start()]))
        needs[:] = [n for n in needs if not opening <= n.position < start]  # "*apart* from": no thing asked
        end = next((k for k in range(start, end) if _finite_verb(linked, k)), end)  # "who besides Ana *met*
        # him?": what is set aside ends where the question's verb begins
    for need in needs:
        if start <= need.position < end:
            need.excluded = True


def _finite_verb(linked: Linked, at: int) -> bool:
    """The word at `at` is an auxiliary or a verb in a form that has a subject ("met", "spoke"), not a name's
    word, a plural noun ("talks"), a participle after a determiner ("the *planned* summit") or a verb's
    "-ing" form ("besides *keeping* its regime")."""
    toks = linked.question.tokens
    token = toks[at]
    if linked.used[at]:
        return False
    if token.lower in _AUX:
        return True
    pos = Lexicon.parts_of_speech(token.lower)
    return ("VERB" in pos and bool(token.lemmas - {token.lower}) and not token.lower.endswith("ing")
            and not (token.lower.endswith("s") and "NOUN" in pos)
            and not (at > 0 and toks[at - 1].lower in DETERMINERS))


_ANCHOR_WORDS = frozenset({"after", "before", "following", "since", "until", "till"})
"""Words that open a clause placing the main one in time (English grammar): "... *after* meeting Kim"."""
ANCHOR_WEIGHT = 0.5
"""How much a need inside a clause that places the question in time weighs, against one of its own."""


def _anchor_in_time(linked: Linked, needs: list[Need], *, head_at: int, entities: Mapping[str, Entity]) -> None:
    """"What did Trump announce about the drills *after meeting Kim*": the names and words of a clause
    that places the asked event in time, after a main clause that says what is asked, are anchors, not
    what a fact must say (a fact may place the event by its date, or by another event). A person alone
    after the word places no event ("who was minister *before Choe*"): the one asked comes before or
    after that person, in a post or a line, which a fact must say of that person."""
    toks = linked.question.tokens
    opening = next((t.position for t in toks if t.position > head_at and t.lower in _ANCHOR_WORDS
                    and not linked.used[t.position]), None)
    if opening is None:
        return
    own = [n for n in needs if head_at <= n.position < opening and n.kind is not NeedKind.time
           and n.weight >= RELATION_WEIGHT]
    if not own:
        return  # "what happened after the summit": the clause is all the question says
    clause = [n for n in needs if n.position > opening]
    if len(clause) == 1 and clause[0].kind is NeedKind.entity and all(
            e in entities and entities[e].kind is EntityKind.person for e in clause[0].entity_ids):
        return
    for need in needs:
        if need.position > opening and need.kind is not NeedKind.time:
            need.anchor = True
            need.hard = False
            need.weight *= ANCHOR_WEIGHT


TIME_SHIFT = re.compile(
    r"\b(?:the\s+)?(?:(?P<n>\d+|a|an|one|two|three|four|five|six|seven)\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|earlier|after|before)"
    r"|(?P<unit2>day|week)\s+(?P<dir2>after|before)|(?P<dir3>next|following|previous)\s+(?P<unit3>day|week))\b")
"""A time said from another day: "two days later", "the day before", "the next week"."""
_OUTCOME_NOUNS = frozenset({"outcome", "result", "upshot", "consequence"})
"""Nouns that name what an event ended in (WordNet's first sense of "outcome"), before "of" and the event."""
_OUTCOME_VERBS = frozenset({"produce", "yield", "achieve", "accomplish", "deliver"})
"""Verbs whose subject, an event, is said to end in what is asked ("what did the summit *produce*")."""


def _outcome_of(linked: Linked, needs: list[Need], entities: Mapping[str, Entity]) -> tuple[set[int], frozenset[str]]:
    """"What came out of the conference", "the outcome of the negotiations", "what did the meeting yield": what
    an event (an entity of the event kind) ended in is asked. The frame's words are no words a fact
    must say (their positions are returned, with the event); what answers is an act that settles
    something, on the event's days (the scorer)."""
    toks = linked.question.tokens

    def event_at(found: Need | None) -> Need | None:
        if found is None or not any(entities[e].kind is EntityKind.event for e in found.entity_ids if e in entities):
            return None
        return found

    entity_needs = [n for n in needs if n.kind is NeedKind.entity]
    for t in toks:
        k = t.position
        frame = None
        if t.lemmas & _OUTCOME_NOUNS and k + 1 < len(toks) and toks[k + 1].lower == "of":
            frame, event = {k}, event_at(next((n for n in entity_needs if n.position > k + 1), None))
        elif ("come" in t.lemmas and k + 2 < len(toks) and toks[k + 1].lower == "out" and toks[k + 2].lower == "of"):
            frame, event = {k, k + 1}, event_at(next((n for n in entity_needs if n.position > k + 2), None))
        elif t.lemmas & _OUTCOME_VERBS and "VERB" in Lexicon.parts_of_speech(t.lower):
            frame, event = {k}, event_at(next((n for n in reversed(entity_needs) if n.position < k), None))
        else:
            continue
        if event is not None:
            return frame, event.entity_ids
    return set(), frozenset()


_FRONTED_TIME = re.compile(r"^\s*(?:right |just |shortly |soon |long |even )?(?:after|before|following|since|until|till)\s+([^,?]+),", re.I)
"""A clause that places the question in time written before it, and set off by a comma (English
punctuation): "*Before the launch,* when had they last ...", "*After the talks,* where did he go"."""


def _fronted_clause(linked: Linked) -> int:
    """How many tokens a fronted clause that places the question in time covers (0 when none): the
    question word, and what is asked, come after it."""
    match = _FRONTED_TIME.match(linked.question.text)
    return len(word_tokens(linked.question.text[: match.end(1)])) if match is not None else 0


_WISHES = ("want", "desire", "request")
"""The acts whose kinds (WordNet's: "seek", "hope", "demand", "ask", "petition") are wishing or asking for a
thing: who it is sought *from* is whom it is asked of, which a fact of the wish need not say."""


def _anchor_asked_of(needs: list[Need], toks: list[Token]) -> None:
    """"What is North Korea seeking *from the U.S.*": the name after "from", after a verb of wishing or
    asking for a thing, is whom it is asked of. A fact that says what the subject seeks answers, though it
    does not say of whom (the side it negotiates with): an anchor, not what a fact must name."""
    verb = next((n for n in needs if n.relation), None)
    if verb is None or not verb.lemmas & _wishing():
        return
    for need in needs:
        if (need.kind is NeedKind.entity and need.position > verb.position and need.position > 0
                and toks[need.position - 1].lower == "from"):
            need.anchor = True
            need.hard = False
            need.weight *= ANCHOR_WEIGHT


@functools.cache
def _wishing() -> frozenset[str]:
    return frozenset(_WISHES).union(*map(Lexicon.kinds, _WISHES))


def _anchor_fronted(needs: list[Need], fronted: int) -> None:
    """The names and words of a fronted clause that places the question in time are anchors, as in a
    clause after it: a fact may place what is asked by its date or by another event. A time it names
    stays hard, as a time after the question does."""
    for need in needs:
        if need.position < fronted and need.kind is not NeedKind.time:
            need.anchor = True
            need.hard = False
            need.weight *= ANCHOR_WEIGHT




def _mark_role(needs: list[Need], toks: list[Token]) -> None:
    """"... chosen *as* the special envoy": the role after "as" is what the question says of someone; a
    fact that does not name the role is about something else they did. Its head (the last noun of the
    phrase, before any preposition) is hard."""
    at = next((t.position for t in toks if t.lower == "as" and t.position > 1), None)
    if at is None or at + 1 >= len(toks) or any(t.lower == "as" for t in toks[at + 1 :]):
        return  # "as senior as": a comparison, no role
    if toks[at + 1].lower in {"a", "an"}:
        return  # "as a result", "as a gift": what for, not a role
    end = next((t.position for t in toks[at + 1 :] if t.lower in PREPOSITIONS), len(toks))
    words = [n for n in needs if n.kind is NeedKind.word and at < n.position < end and not n.anchor
             and "NOUN" in Lexicon.parts_of_speech(n.label) and Lexicon.content_weight(n.label) >= RELATION_WEIGHT]
    if words:
        words[-1].hard = True
        words[-1].typed = True  # as the kind after "which": a fact that says the act asked may name the role otherwise


def _quality_of(words: list[str], at: int) -> tuple[int, int] | None:
    """"What's special about X", "what is so notable about X": "what", a copula, adjectives (an adverb
    before them) and "about", with X after it: what marks X out, which is what X's description tells.
    The span of the adjectives and "about", or None."""
    if words[at] != "what" or at + 1 >= len(words):
        return None
    start = at + 1 + (words[at + 1] in _BE)
    end = start
    while (end < len(words) and end - start < 3 and words[end] != "about"
           and Lexicon.parts_of_speech(words[end]) & {"ADJ", "ADV"}):
        end += 1
    if (end == start or end + 1 >= len(words) or words[end] != "about"
            or "ADJ" not in Lexicon.parts_of_speech(words[end - 1])):
        return None
    return start, end


_CLOSING_WH = frozenset({"who", "where", "when", "why", "how"})
"""Question words that, said alone after a question, ask it of what that question said ("did they meet? *where*")."""


def _question_word(words: list[str]) -> tuple[Asked, int]:
    """The kind of answer asked for, and the position after which the thing asked about starts."""
    words = [CONTRACTED_WH.get(w, w) for w in words]
    at = next((i for i, w in enumerate(words[:5]) if w in _WH), None)
    if at is None and len(words) > 1 and words[-1] in _CLOSING_WH:
        at = len(words) - 1  # "did they meet again recently? when": the word that ends it asks of all before it
    if at is None:
        opening = next((i for i, w in enumerate(words) if w not in DISCOURSE_MARKERS), len(words))
        if _polite_request(words[opening:]):
            return Asked.describe, opening + 3  # "could you tell me about X": a request, as "tell me about X" is
        if opening < len(words) and words[opening] in _AUX:
            return Asked.yes_no, opening + 1
        if words[0] in TELLING or (len(words) > 1 and words[:2] == ["what", "about"]):
            return Asked.describe, 1
        if opening + 1 < len(words) and words[opening] in _NAME_NOUNS and words[opening + 1] == "of":
            after = opening + 2 + (opening + 2 < len(words) and words[opening + 2] in DETERMINERS)
            return Asked.name, after  # "names of the envoys?": what they are called; the thing asked, its
            # kind ("name of the *treaty* they signed"), starts after the determiner
        headline = not any(w in _WH for w in words)  # "in how many years?": a question word later on
        tail = _kind_named_by(words[-1], headline=headline)
        if tail is not None and len(words) - opening > 1:
            return tail, 0  # "talks location?", "visit dates": a headline's last noun names the kind of answer
        head = _kind_named_by(words[opening], headline=headline) if opening + 1 < len(words) else None
        if head is not None and headline and words[opening + 1] not in _AUX:
            return head, opening + 1 + (words[opening + 1] == "of")  # "date (of) the White House visit"
        return Asked.what, 0
    w = words[at]
    nxt = _singular(words[at + 1]) if at + 1 < len(words) else ""
    quality = _quality_of(words, at)
    if quality is not None:
        return Asked.describe, quality[1] + 1  # "what's special about X": X, told as "tell me about X" tells it
    if w in {"who", "whom", "whose"}:
        return (Asked.name if any(x in NAME_WORDS for x in words) else Asked.who), at + 1
    if w == "where":
        return Asked.where, at + 1
    if w == "when":
        return Asked.when, at + 1
    if w == "why":
        return Asked.why, at + 1
    if w == "how":
        if nxt in {"many", "long", "often", "old", "far"}:
            return Asked.how_many, at + 2
        if nxt == "much":
            return Asked.how_much, at + 2
        return Asked.how, at + 1
    # what / which
    if nxt in _DATE_NOUNS or nxt == "month":
        return Asked.when, at + 2
    if nxt == "time":
        return Asked.clock, at + 2
    if nxt in {"year", "decade"}:
        return Asked.year, at + 2
    if nxt == "reason" or (nxt == "for" and len(words) > at + 2 and words[at + 2] == "reason"):
        return Asked.why, at + 2
    purpose = _purpose_noun_at(words, at + 1)
    if purpose is not None:
        return Asked.why, purpose  # "what was the aim of the talks": what they were for is why they were held
    if _purpose_frame_at(words) is not None:
        return Asked.why, at + 1  # "what was the visit meant to achieve", "what was it aimed at"
    if any(x in NAME_WORDS for x in words) or title_of(words):
        return Asked.name, at + 1
    tally = _tally_at(words, at + 1)
    if tally is not None:
        return Asked.how_many, tally
    if nxt in _KIND_NOUNS[Asked.where]:
        return Asked.where, at + 2
    if nxt in {"site", "hotel"}:
        return Asked.where, at + 1
    return Asked.what, at + 1


_REQUESTING_MODALS = frozenset({"can", "could", "would", "will"})
"""The modals of English's polite request: "*could* you explain X" asks it done, not whether one can."""


def _polite_request(words: list[str]) -> bool:
    """"Can you tell me about X", "would you describe X": a modal, "you" and a verb of telling."""
    return len(words) > 2 and words[0] in _REQUESTING_MODALS and words[1] == "you" and words[2] in TELLING


def _kind_named_by(word: str, *, headline: bool) -> Asked | None:
    """The kind of answer a noun names ("talks *location*"); in a `headline` (no question word anywhere),
    in either number too ("trip *dates*"), where "in how many *years*" leaves the kind to "how many"."""
    return next((kind for kind, nouns in _KIND_NOUNS.items()
                 if word in nouns or headline and _singular(word) in nouns), None)


def title_of(words: list[str]) -> bool:
    """"What's the *title of* the report": the name of a work is asked."""
    return any(w in _TITLE_NOUNS and k + 1 < len(words) and words[k + 1] == "of" for k, w in enumerate(words))


def _mark_titled(needs: list[Need], words: list[str]) -> None:
    """"The title of Moon's *book*": the work whose title is asked is what a fact must name (a fact about
    Moon that gives his rank, or another work's title, answers another question)."""
    at = next((k for k, w in enumerate(words) if w in _TITLE_NOUNS and words[k + 1 : k + 2] == ["of"]), None)
    work = next((n for n in needs if at is not None and n.position > at + 1 and n.kind is NeedKind.word), None)
    if work is not None:
        work.hard = True


def _singular(word: str) -> str:
    """A plural noun's singular ("what *dates*", "which *cities*"): the kind of answer asked is the same
    for one or many; any other word as it is ("news", "was")."""
    lemma = Lexicon.lemma(word)
    return lemma if lemma != word and "NOUN" in Lexicon.parts_of_speech(lemma) and word.endswith("s") else word


_PURPOSES = frozenset({"reason", "purpose", "aim", "goal", "objective", "motive", "intent", "intention"})
"""Nouns that name what something is done for: "what was the *purpose* of the talks" asks why they were held."""
_PURPOSE_PARTICIPLES = frozenset({"aimed", "meant", "intended", "designed", "supposed"})
"""Participles that say what something is for: "what was it *aimed at*", "what was it *meant to* achieve"."""
_ACHIEVE = frozenset({"achieve", "accomplish", "attain"})
"""The verbs of attaining an end: after "meant to", they leave the end itself as the thing asked."""


def _purpose_noun_at(words: list[str], at: int) -> int | None:
    """"What was the *purpose of* X", "what's the goal for X": past "be" and a determiner, a noun of purpose
    and a preposition that leads to what it is the purpose of; the position where that thing starts."""
    while at < len(words) and words[at] in _BE | {"s"}:
        at += 1
    while at < len(words) and words[at] in DETERMINERS:
        at += 1
    if at + 1 < len(words) and words[at] in _PURPOSES and words[at + 1] in {"of", "for"}:
        return at + 2
    return None


def _purpose_frame_at(words: list[str]) -> int | None:
    """"What was the visit *aimed at*", "what is the deal *meant to achieve*": a "what" question that ends
    in a participle of purpose asks what the thing was for; the position where that frame starts."""
    at = [i for i, w in enumerate(words) if w.isalnum()]
    tail = [words[i] for i in at]
    if len(tail) >= 2 and tail[-2] in _PURPOSE_PARTICIPLES and tail[-1] == "at":
        return at[-2]
    if len(tail) >= 3 and tail[-3] in _PURPOSE_PARTICIPLES and tail[-2] == "to" and Lexicon.lemma(tail[-1]) in _ACHIEVE:
        return at[-3]
    return None


_TALLIES = frozenset({"count", "tally", "total", "number"})
"""Nouns that are a number of what the noun before them names ("the vote *count*", "the casualty *total*")."""


def _tally_at(words: list[str], at: int) -> int | None:
    """"What was the vote count", "what's the final delegate tally": after "what" and "be", a noun phrase
    that ends in a tally noun asks how many of what it counts; the position where that phrase starts."""
    while at < len(words) and words[at] in _BE | {"s"}:
        at += 1
    start = at
    while at < len(words) and words[at] in DETERMINERS:
        at += 1
    end = at
    while end < len(words) and words[end].isalpha() and words[end] not in PREPOSITIONS | _AUX | _WH:
        end += 1
    if end - at >= 2 and words[end - 1] in _TALLIES and at > start:
        return start
    return None


_KIND_NOUNS = {Asked.where: {"place", "city", "country", "location", "venue"},
               Asked.when: _DATE_NOUNS | {"month"}, Asked.year: {"year", "decade"}, Asked.clock: {"time"},
               Asked.why: _PURPOSES, Asked.name: _NAME_NOUNS}  # "the envoy's name?": who they are called
"""Nouns that name the kind of answer right after the question word ("which *city*", "what *date*"):
the answer is of that kind; no fact need say the noun."""


TELLING = frozenset({"tell", "describe", "explain"})
"""Verbs that, opening a request, ask for what is known of what follows ("tell me about X", "describe X")."""
SAYING = frozenset({"say", "mention", "describe", "report", "note", "write", "state", "claim", "cite", "quote", "tell", "announce",
                    "speak", "comment", "remark", "add"})
"""Verbs of reporting in English: "what does the article *say*"."""
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
"""Subject pronouns that can stand for the one who speaks of a clause ("she said *she* would go")."""


def _reporting_frame(need: Need, linked: Linked, entities: Mapping[str, Entity]) -> bool:
    """"*According to* the article, who ...", "what does *the article* say about ...": the frame that
    reports the question, not what a fact must say. Every fact is reported by some document, so a
    document named as the reporter (after "according to", or before a verb of reporting) is not a need;
    a document asked about ("what scale does the map use") still is."""
    toks = linked.question.tokens
    at = need.position
    if need.kind is NeedKind.word:  # "according to" a source, or "per" one ("per Cho", "per the report")
        return (need.label == "according" and at + 1 < len(toks) and toks[at + 1].lower == "to"
                or _per_as_according_to(at, linked))
    if need.kind is not NeedKind.entity or not all(
            e in entities and entities[e].kind is EntityKind.document for e in need.entity_ids):
        return False
    before = [t.lower for t in toks[max(0, at - 2) : at]]
    span = next((m.span for m in linked.mentions if m.position == at), 1)
    after = toks[at + span].lemmas if at + span < len(toks) else frozenset()
    return before == ["according", "to"] or before[-1:] == ["per"] and _per_as_according_to(at - 1, linked) \
        or bool(after & SAYING)


def _per_as_according_to(at: int, linked: Linked) -> bool:
    """"*Per* the report", "*per* Reuters": before a determiner or a name, "per" is "according to" (English
    usage); before a bare noun ("per day", "per person") it is "for each", which is part of what is asked."""
    toks = linked.question.tokens
    if toks[at].lower != "per" or at + 1 >= len(toks):
        return False
    return toks[at + 1].lower in DETERMINERS or linked.used[at + 1]


_JOINING = frozenset({"of", "with", "in", "at", "on", "between", "from", "for", "to", "about"})
"""Prepositions that join a noun to the name that says which one is meant ("the talks *with* Seoul")."""
_RELATIVES = frozenset({"that", "which", "who"})
"""The relative pronouns that open a clause saying which thing is meant ("the plan *that* upset Seoul")."""


def _holders_in_the_next_name(need: Need, linked: Linked, entities: Mapping[str, Entity]) -> frozenset[str]:
    """A name that says which of a neighbouring name's thing is meant: right before it ("the *Berlin*
    wall plan") or joined after it by a preposition ("the plan *for Berlin*"), where that thing is
    described as the name's. A fact about the neighbour's entity covers it as well, since that entity
    holds it. Nothing when the neighbour's description does not mention this one."""
    if need.kind is not NeedKind.entity or not need.entity_ids:
        return frozenset()
    toks = linked.question.tokens
    span = next((m.span for m in linked.mentions if m.position == need.position), 1)
    following = next((m.ids for m in linked.mentions if m.position == need.position + span), frozenset())
    # joined by a preposition ("the talks *with* X") or a relative clause of one verb ("the drills *that
    # angered* X"): the words between the two names
    between = 1 if need.position > 1 and toks[need.position - 1].lower in _JOINING else (
        2 if need.position > 2 and toks[need.position - 2].lower in _RELATIVES
        and "VERB" in Lexicon.parts_of_speech(toks[need.position - 1].lower) else 0)
    before = next((m.ids for m in linked.mentions if between and m.position + m.span == need.position - between),
                  frozenset())
    names = {" ".join(words_of(name.lower())) for e in need.entity_ids if e in entities for name in entities[e].names}

    def describes(entity_id: str) -> bool:
        entity = entities.get(entity_id)
        text = f" {' '.join(words_of(entity.description.lower()))} " if entity and entity.description else ""
        return any(f" {name} " in text for name in names)

    return frozenset(e for ids in (following, before) if ids and all(describes(e) for e in ids) for e in ids)


def _answer_kind(need: Need, asked: Asked, head_at: int, *, last: int) -> bool:
    """The noun that names the kind of answer: before the thing asked ("which *city*"), ending a
    question with no question word ("talks *location*"), which `_question_word` read it from, or the
    tally of "how many" ("the vote *count*")."""
    if need.kind is not NeedKind.word:
        return False
    if asked is Asked.how_many and need.label in _TALLIES:
        return True
    nouns = _KIND_NOUNS.get(asked, ())
    return ((need.position < head_at or head_at == 0 and need.position == last)
            and (need.label in nouns or _singular(need.label) in nouns))


_INFLECTIONS = ("ed", "ing")
"""Endings English gives a verb: a word with one is a form of some verb, not a name."""


def _formed_by_rule(word: str) -> bool:
    """A word English forms by rule from its own words, too rare for the lists: a prefix before a word
    ("reacquired") or an act's two words run together ("pullback"). English, not a name."""
    return Lexicon.is_prefixed_word(word) or Lexicon.joined_parts(word) is not None


_POSSESSIVE_DETERMINERS = frozenset({"my", "your", "his", "her", "its", "our", "their"})
"""The determiners that say whose: the word after one is a noun, as after "Cho's"."""


def _phrasal_verb(t: Token, toks: list[Token], used: list[bool]) -> str | None:
    """"took apart", "wrap up": the phrasal verb in its dictionary form, when English has it as one."""
    nxt = t.position + 1
    if nxt >= len(toks) or used[t.position] or used[nxt] or not toks[nxt].lower.isalpha():
        return None
    if "VERB" not in Lexicon.parts_of_speech(t.lower):
        return None
    if (t.position > 0 and (toks[t.position - 1].possessive or toks[t.position - 1].lower in _POSSESSIVE_DETERMINERS)
            and toks[nxt].lower in PREPOSITIONS):
        return None  # "Cho's *take on* it", "his *take on* the talks": a noun, with the preposition of its
        # object (a noun of two words, "her *phone number*", is still read as one)
    for lemma in sorted(t.lemmas, key=shortest):
        phrase = f"{lemma} {toks[nxt].lower}"
        synonyms = Lexicon.synonyms(phrase)
        if synonyms and (toks[nxt].lower in PARTICLES or Lexicon.content_weight(toks[nxt].lower) > 0 and any(" " not in w and "VERB" in Lexicon.parts_of_speech(w)
                                                             for w in synonyms)):
            return phrase  # "take apart", "take place": a verb of English in two words
    return None


def _split_phrasal_verb(t: Token, toks: list[Token], used: list[bool]) -> str | None:
    """"patch *things* up", "sort *stuff* out": a phrasal verb whose object, a filler noun that says no more than
    "it", stands between the verb and its particle, as English puts a short object; the verb in its dictionary
    form. So does "back" before the particle, which says the act is done again ("sit *back* down", "get *back*
    together"). A pronoun there ("took *it* up") is left for the conversation to say what it stands for."""
    obj, particle = t.position + 1, t.position + 2
    if (particle >= len(toks) or any(used[i] for i in (t.position, obj, particle)) or t.lower in _AUX
            or toks[particle].lower not in PARTICLES or "VERB" not in Lexicon.parts_of_speech(t.lower)):
        return None
    word = toks[obj].lower
    if word not in _FILLER_HEADS | {"stuff", "back"}:  # "sit *back* down": down again, the verb still "sit down"
        return None
    for lemma in sorted(t.lemmas, key=shortest):
        phrase = f"{lemma} {toks[particle].lower}"
        if Lexicon.synonyms(phrase):
            return phrase
    return None


_OBJECT_REACH = 3
"""How many words an object may span between a verb and the particle that ends the question ("send *the
two envoys* back")."""
_CLOSING_PARTICLES = PARTICLES - PREPOSITIONS - {"through"}
"""Particles that, ending a question after a verb and its object, belong to the verb ("call the talks *off*");
"on", "over" and "through" there are as often prepositions left at the end ("which day did they agree *on*")."""


def _phrasal_verb_around_its_object(t: Token, toks: list[Token], used: list[bool]) -> tuple[str, int] | None:
    """"send the envoy *back*", "call the talks *off*": a phrasal verb whose particle ends the question, after
    the verb's object (a name or a short noun phrase), where English puts the particle after a short object;
    the verb in its dictionary form, and where its particle stands. Not a pronoun object ("took *it* up"),
    which is left for the conversation to say what it stands for, nor a particle that makes a verb with the
    word right before it ("the talks *broke down*")."""
    words = [k for k, tok in enumerate(toks) if tok.lower.isalnum()]
    if not words or used[t.position] or t.lower in _AUX or "VERB" not in Lexicon.parts_of_speech(t.lower):
        return None
    particle = words[-1]
    between = toks[t.position + 1 : particle]
    if (not 1 <= len(between) <= _OBJECT_REACH or used[particle] or toks[particle].lower not in _CLOSING_PARTICLES
            or any(not w.lower.isalnum() or w.lower in PREPOSITIONS or w.lower in PARTICLES or w.lower in _POINTERS
                   or w.lower in _AUX or w.lower in _WH for w in between)):
        return None
    ending = toks[particle].lower
    if any(Lexicon.synonyms(f"{lemma} {ending}") for lemma in toks[particle - 1].lemmas):
        return None  # "when did the talks *break down*": the particle goes with the word right before it
    for lemma in sorted(t.lemmas, key=shortest):
        phrase = f"{lemma} {ending}"
        if Lexicon.synonyms(phrase):
            return phrase, particle
    return None


def _object_of_a_split_verb(need: Need, needs: list[Need], toks: list[Token]) -> bool:
    """The word stands between a phrasal verb and the particle that ends the question ("send *the envoy*
    back", `_phrasal_verb_around_its_object`): the verb's object, not a verb of its own."""
    end = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].lower.isalnum()), None)
    return end is not None and any(p.phrasal and p.position < need.position < end
                                   and p.label.rsplit(" ", 1)[-1] == toks[end].lower for p in needs)


_ENDS_A_STRANDED_PREPOSITION = frozenset({"apart", "aside", "besides", "except", "instead", "rather"})
"""Words that, right after a preposition, show it has no object of its own: the question goes on to set
something aside ("what is she after *apart from* money?")."""


def _stranded_after_be(t: Token, toks: list[Token], used: list[bool], lexicon: Lexicon) -> str | None:
    """"what is she *after*?", "what are they *up to*?": a preposition left without its object (the question
    word is its object) in a question whose verb is "be", read as the idiom of "be" and that preposition the
    vocabulary gives the meaning of ("be after": seek); None otherwise. Only so: "be" and a preposition
    with its object ("will it be after the vote?") say a time or a place."""
    at = t.position
    asking = next((k for k in range(at) if toks[k].lower in _WH), None)  # after "Apart from X," too
    if asking is None or used[at] or t.lower not in PREPOSITIONS:
        return None
    nxt = toks[at + 1].lower if at + 1 < len(toks) else None
    if nxt is not None and nxt not in PREPOSITIONS and nxt not in _ENDS_A_STRANDED_PREPOSITION:
        return None  # "after the vote": its object follows
    auxiliary = next((k for k in range(asking + 1, at) if toks[k].lower in _AUX), None)
    if auxiliary is None or toks[auxiliary].lower not in _BE:
        return None
    if any(not used[k] and "VERB" in Lexicon.parts_of_speech(toks[k].lower) and toks[k].lemmas - {toks[k].lower}
           for k in range(auxiliary + 1, at)):
        return None  # "what was she looking *for*?": the verb's own preposition
    phrase = f"be {t.lower}"
    return phrase if lexicon.meanings(phrase) else None


def _be_and_its_preposition(phrase: str, at: int, toks: list[Token]) -> bool:
    """The phrase read at `at` is "be" and a preposition that has its object after it ("be after the vote"):
    an idiom of "be" and a preposition is one only where the preposition is left without its object."""
    words = phrase.split(" ")
    end = at + len(words)
    return (len(words) == 2 and words[0] == "be" and words[1] in PREPOSITIONS and end < len(toks)
            and toks[end].lower not in PREPOSITIONS and toks[end].lower not in _ENDS_A_STRANDED_PREPOSITION)


def _units(toks: list[Token], used: list[bool], lexicon: Lexicon) -> dict[int, tuple[str, int]]:
    """The question's phrases of several words that mean one thing ("stumbling block", "sat down with"),
    leftmost and longest first, by the position of their first word: (the phrase as the lexicon reads it,
    how many words it spans). Read before the phrasal verbs, whose particle may open one ("were *on the
    table*")."""
    units: dict[int, tuple[str, int]] = {}
    at = 0
    while at < len(toks):
        free = 0
        while at + free < len(toks) and not used[at + free] and toks[at + free].lower.isalpha():
            free += 1
        owned = at > 0 and (toks[at - 1].possessive or toks[at - 1].lower in _POSSESSIVE_DETERMINERS)
        phrase = lexicon.longest_phrase([t.lemmas for t in toks[at : at + free]],
                                        [t.hyphenated for t in toks[at : at + free]],
                                        owned=owned) if free > 1 or free and owned else None
        if phrase is None and free > 1 and toks[at + 1].hyphenated:
            phrase = _hyphenated_compound(toks[at], toks[at + 1])
        if phrase is None and free > 1 and _phrasal_verb(toks[at], toks, used) is None:
            phrase = _compound(toks[at], toks[at + 1])
        if phrase is not None and _be_and_its_preposition(phrase, at, toks):
            phrase = None  # "will the mood *be after* the vote": a time, not the idiom
        if phrase is None:
            at += 1
            continue
        span = len(phrase.replace("-", " ").split(" ")) - phrase.startswith(f"{OWNER} ")  # "sit-down": a term
        # the vocabulary writes with a hyphen; "one's take on": the owner is the possessive before the words
        units[at] = (phrase, span)
        at += span
    return units


def _hyphenated_compound(first: Token, second: Token) -> str | None:
    """Two words written as one with a hyphen ("hang-ups", "build-up", "think-tank") that English has as one
    word in two (WordNet gives it synonyms, or a kind it is of): the compound, in the dictionary form of each
    part ("hang up"), read as a unit. Its parts are not words of their own: the "ups" of "hang-ups" is not
    the "up" of "show up", nor is the "think" of a think tank a verb."""
    for a, b in itertools.product(sorted(first.lemmas, key=shortest), sorted(second.lemmas, key=shortest)):
        if Lexicon.synonyms(f"{a} {b}") or Lexicon.hypernyms(f"{a} {b}"):
            return f"{a} {b}"
    return None


def _compound(first: Token, second: Token) -> str | None:
    """Two content words English has as one ("cease-fire", "hit man"): what they mean together is
    none of them ("a truce", "a gunman"), so a fact may say it in one word. Not a verb and its
    particle, read as a phrasal verb; nor a name with what it is ("peace treaty": "peace"); nor a thing
    WordNet names only by a number or a name ("football team": "eleven")."""
    if Lexicon.content_weight(first.lower) <= 0 or Lexicon.content_weight(second.lower) <= 0:
        return None
    for a in sorted(first.lemmas, key=shortest):
        phrase = f"{a} {second.lower}"
        synonyms = {w for w in Lexicon.synonyms(phrase) if " " not in w and Lexicon.parts_of_speech(w)}
        if synonyms and not synonyms & (first.lemmas | second.lemmas):
            return phrase
    return None


def _verb_phrase(phrase: str, lexicon: Lexicon) -> bool:
    """A phrase that opens with a verb and means a verb ("sit down with": "meet") acts as a verb does."""
    return "VERB" in Lexicon.parts_of_speech(phrase.split(" ")[0]) and any(
        "VERB" in Lexicon.parts_of_speech(w) for w in lexicon.meanings(phrase))


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "my", "your", "our"})
NEAR_VERB = 0.5
"""How near (cosine) a verb of two words, reached through a sense of its noun, must be to the verb said."""


def _verb_of_own_noun(t: Token, toks: list[Token], used: list[bool], lexicon: Lexicon) -> str | None:
    """"quit *her* job", "left *his* post": a verb English has in two words ("leave office"), said with a
    possessive pronoun before its noun, the noun by itself or by a word of one of its senses. Through a
    sense of the noun, the two words must still mean nearly the verb said: one of their one-word synonyms
    is near it in the embedding model ("resign" for "leave"; "take her place" is not "take aim")."""
    own, noun = t.position + 1, t.position + 2
    if (noun >= len(toks) or used[t.position] or used[own] or used[noun] or toks[own].lower not in _POSSESSIVE_PRONOUNS
            or not toks[noun].lower.isalpha() or "VERB" not in Lexicon.parts_of_speech(t.lower)):
        return None
    said = sorted(toks[noun].lemmas, key=shortest)
    senses = sorted({w for n in said for w in Lexicon.synonyms(n) if " " not in w} - set(said))
    for lemma in sorted(t.lemmas, key=shortest):
        for word in said + senses:
            synonyms = Lexicon.synonyms(f"{lemma} {word}")
            if synonyms & _PRO_VERBS:
                continue  # "take place" happens; "take her place" is no happening, whoever owns the place
            verbs = [w for w in sorted(synonyms) if " " not in w and "VERB" in Lexicon.parts_of_speech(w)]
            if verbs and (word in said or _near_verb(lemma, verbs, lexicon)):
                return f"{lemma} {word}"
    return None


def _near_verb(verb: str, words: list[str], lexicon: Lexicon) -> bool:
    """One of `words` means nearly `verb` (the embedding model), other than `verb` itself."""
    v = lexicon.vector(verb)
    if v is None:
        return False
    for word in words:
        w = lexicon.vector(word)
        if word != verb and w is not None and float(v @ w) >= NEAR_VERB:
            return True
    return False


def _needs(linked: Linked, *, lexicon: Lexicon, asked_name: bool = False) -> list[Need]:
    toks = linked.question.tokens
    needs: list[Need] = []
    for mention in linked.mentions:
        needs.append(Need(kind=NeedKind.entity, label=mention.text, position=mention.position, weight=2.0,
                          entity_ids=mention.ids, hard=True,
                          lemmas=frozenset(w.lower() for w, _ in word_tokens(mention.text)
                                           if lexicon.content_weight(w.lower()) > 0)))
    for span, position, _ in linked.dates:
        needs.append(Need(kind=NeedKind.time, label=span.label, position=position, weight=1.5, span=span, hard=True))
    particles: set[int] = set()
    # Written with capitals, a question's lowercase word that ends as English inflects a verb is a rare
    # English word ("the *repatriated* remains"), not a name.
    cased = bool(toks) and toks[0].text[:1].isupper()
    # Written with no capital at all, a question's names are lowercase too: between a determiner and a
    # noun, a word to which English gives no part of speech qualifies the noun as a name does ("the
    # *swedish* envoy"), as its capital would have shown.
    uncased = not any(t.text[:1].isupper() for t in toks)
    units = _units(toks, linked.used, lexicon)
    used = [u or t.position in units for u, t in zip(linked.used, toks)]
    future = _future_auxiliary(toks)
    for t in toks:
        if t.position in particles or t.position in future:
            continue  # "who is *going to* be there": the tense, no more than "will" says
        unit = units.get(t.position)
        if unit is not None:
            phrase, span = unit
            particles.update(range(t.position + 1, t.position + span))
            needs.append(Need(kind=NeedKind.word, label=phrase.removeprefix(f"{OWNER} ").replace("-", " "), position=t.position,
                              weight=max([lexicon.content_weight(w.lower) for w in toks[t.position : t.position + span]]
                                         + [RELATION_WEIGHT]),
                              lemmas=frozenset({phrase}),
                              phrasal=_verb_phrase(phrase, lexicon) and not toks[t.position + 1].hyphenated))
            continue  # a hyphenated compound ("a hang-up") is a noun, whatever its verb means
        idiom = _stranded_after_be(t, toks, used, lexicon)
        if idiom is not None:
            needs.append(Need(kind=NeedKind.word, label=idiom, position=t.position, weight=RELATION_WEIGHT,
                              lemmas=frozenset(lexicon.meanings(idiom))))  # "what is she *after*?": what she seeks,
            # said in the words of its meaning: "be" and "after" anywhere in a fact do not say it
            continue
        phrasal = _phrasal_verb(t, toks, used)
        if phrasal is not None and _be_and_its_preposition(phrasal, t.position, toks):
            phrasal = None  # "will it *be after* the vote": a time, not the idiom the vocabulary reads
        owned = _verb_of_own_noun(t, toks, used, lexicon) if phrasal is None else None
        if owned is not None:
            phrasal = owned
            particles.add(t.position + 2)  # "left his *post*": the noun is part of the verb
        around = _phrasal_verb_around_its_object(t, toks, used) if phrasal is None and owned is None else None
        if around is not None:
            phrasal, particle = around
            particles.add(particle)  # "send the envoy *back*": the particle is the verb's; its object stays a need
            needs.append(Need(kind=NeedKind.word, label=phrasal, position=t.position,
                              weight=max(lexicon.content_weight(t.lower), RELATION_WEIGHT),
                              lemmas=frozenset({phrasal}), phrasal=True))
            continue
        split = _split_phrasal_verb(t, toks, used) if phrasal is None else None
        if split is not None:
            phrasal = split
            particles.add(t.position + 2)  # "patch things *up*"
        if phrasal is not None:
            particles.add(t.position + 1)  # "tore *down*": one verb, which a fact may say in one word
            if Lexicon.synonyms(phrasal) & _PRO_VERBS or _frames_any_event(t.position + 2, toks):
                continue  # "take place" is "happen"; "what *ended up* happening"
            needs.append(Need(kind=NeedKind.word, label=phrasal, position=t.position,
                              weight=max(lexicon.content_weight(t.lower), RELATION_WEIGHT),
                              lemmas=frozenset({phrasal}), phrasal=True))  # its meanings, not those of "sit" alone
            continue
        if (linked.used[t.position] or t.lower in _WH or t.lower in CONTRACTED_WH or t.lower in _AUX
                or not t.lower.isalnum()):
            continue
        if t.lower in DETERMINERS or t.lower in _REFLEXIVES or t.lower in _INDEFINITES or _emphatic_own(t, toks):
            continue  # "those", "its", "itself", "anyone", "anything": they point at things, they are not what a fact must say
        if t.lower in MATTER_PREPOSITIONS and t.position < len(toks) - 1:
            continue  # "news *regarding* X", "*re* X": they point at the matter asked, which follows
        if t.lower in _EMBEDDING:
            continue  # "her view on *whether* they agree": it opens the clause asked, and names no thing
        if t.lemmas & (_PRO_VERBS | _ANY_ACT) or t.lower in _SETTING_ASIDE_WORDS or _frames_any_event(t.position + 1, toks):
            continue  # "what happened at X" asks for events, not for a fact that says "happened"
        if _fills_a_role(t, toks):
            continue  # "who is *acting* as mediator": the role is asked, not an act
        if t.position > 0 and toks[t.position - 1].lower == "how" and t.lower in _HOW_WORDS:
            continue  # "how many", "how long": the kind of answer, not a word a fact must say
        if len(t.lower) == 1 and not t.lower.isdigit():
            continue  # "n" for "and", a stray initial
        if t.hyphenated and t.lemmas & PARTICLES:
            continue  # the particle of a compound ("a stand-off"): part of its word, not "off" of its own
        if ((t.lower in _FILLER_HEADS or t.lower in _NAME_NOUNS and asked_name or _kind_asked(t, toks))
                and t.position + 1 < len(toks) and toks[t.position + 1].lower == "of"):
            continue  # "what *kind of* treaty", "what is the *name of* the hotel": the frame of the question,
            # not a word a fact must say
        if t.lower.isdigit() and len(t.lower) < 3:
            weight = 1.0
        else:
            weight = lexicon.content_weight(t.lower)
            if Lexicon.parts_of_speech(t.lower) == {"ADV"}:
                weight *= ADVERB_WEIGHT
        if weight <= 0:
            continue
        needs.append(Need(kind=NeedKind.word, label=t.lower, position=t.position, weight=weight, lemmas=t.lemmas,
                          degree=_asks_degree(t, toks), initials=_initials(t),
                          name_like=(t.capitalised or (not lexicon.is_english(t.lower) and t.lower.isalpha()
                                                       and not (cased and t.lower.endswith(_INFLECTIONS))
                                                       and not _formed_by_rule(t.lower)))
                          and not lexicon.meanings(t.lower)  # a term the vocabulary reads, "GI" too
                          or (uncased and (_name_before_noun(t, toks) or _place_named_lowercase(t, toks)))))
    needs.sort(key=lambda n: n.position)
    return needs


LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "around", "within", "throughout", "across"})
"""Prepositions that place a thing: after one, a city is the place ("talks *in* Pyongyang"), not the
government it seats ("talks *with* Pyongyang")."""
PATH = frozenset({"over"})
"""Prepositions of the way a thing went: what flew *over* a place went there."""
MOTION_ENDS = frozenset({"to", "into", "from", "toward", "towards"})
"""Prepositions that say where a going ends or starts, after a word of travelling ("fly *to* Seoul"); after
another word they name who is addressed or whose a thing is ("talks *to* Seoul", "a letter *from* Seoul")."""


def placed(tokens: list[Token], position: int) -> bool:
    """The word at `position` names a place, by the preposition before it: one that places ("in", "near"),
    one of a path ("*over*"), or one where a going ends or starts, right after a word of travelling or
    after it and an adverb or two ("travel *to*", "his trip *to*", "fly back *to*", "go back home *from*")."""
    if position < 1:
        return False
    before = tokens[position - 1].lower
    if before in LOCATIVE or before in PATH:
        return True
    travelling = Lexicon.travelling()
    if _a_verb_of_travelling(tokens[position - 1], travelling):
        return True  # "visit *Seoul*", "toured *Pyongyang*": the object of a verb of going is where it went
    if before not in MOTION_ENDS:
        return False
    mover = position - 2
    for _ in range(_ADVERBS_OF_GOING):
        if (mover >= 1 and tokens[mover].lemmas.isdisjoint(travelling)
                and "ADV" in Lexicon.parts_of_speech(tokens[mover].lower)):
            mover -= 1  # "fly *back* to", "went *home* from", "travel *back home* from"
    return mover >= 0 and not tokens[mover].lemmas.isdisjoint(travelling)


def _a_verb_of_travelling(token: Token, travelling: frozenset[str]) -> bool:
    """The word is a verb of going ("visit", "toured"), written as a verb (not a noun after a determiner)."""
    return not token.lemmas.isdisjoint(travelling) and "VERB" in Lexicon.parts_of_speech(token.lower)


_ADVERBS_OF_GOING = 2
"""How many adverbs may stand between a word of travelling and its preposition ("travel *back home* from")."""


def _place_named_lowercase(token: Token, tokens: list[Token]) -> bool:
    """A place WordNet knows ("japan"), placed by the preposition before it ("fired over *japan*"): the
    name, written in lower case. Not a word English also reads as a verb or an adjective ("in *reading*",
    "*mobile*"): a place named so is written as a name."""
    return (token.lower.isalpha() and Lexicon.is_place(token.lower)
            and not Lexicon.parts_of_speech(token.lower) & {"VERB", "ADJ"} and placed(tokens, token.position))


def _fills_a_role(t: Token, toks: list[Token]) -> bool:
    """A verb of `_ROLE_VERBS` right before "as" and a word that names the role ("*acting* as go-between",
    "*serves* as a channel")."""
    after = t.position + 1
    return (bool(t.lemmas & _ROLE_VERBS) and after + 1 < len(toks) and toks[after].lower == "as"
            and toks[after + 1].lower.isalpha() and toks[after + 1].lower not in _WH)


INITIALS_LENGTH = range(2, 6)
"""How many letters a word written in capitals has to read as the initials of a phrase ("UN", "ICBM")."""


def _initials(token: Token) -> bool:
    """"ICBM", "UN": a word of two to five letters written all in capitals stands for the words it is
    the first letters of; so does one written small that English does not have at all ("icbm")."""
    return token.text.isalpha() and len(token.text) in INITIALS_LENGTH and (
        token.text.isupper() or token.text.islower() and not Lexicon.zipf(token.lower)
        and not Lexicon.parts_of_speech(token.lower))


_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "its", "their", "our", "your", "my"})


def _emphatic_own(token: Token, toks: list[Token]) -> bool:
    """"Bolton's *own* account", "in his *own* words": after a possessive, "own" stresses whose it is,
    which the possessive already says; no fact must say the word."""
    at = token.position
    return token.lower == "own" and at > 0 and (toks[at - 1].possessive or toks[at - 1].lower in _POSSESSIVE_DETERMINERS)


def _frames_any_event(after: int, toks: list[Token]) -> bool:
    """A verb right before "happening" or "occurring" ("what *kept* happening", "what *ended up*
    happening") only frames that event, which is any event: no fact must say it."""
    return after < len(toks) and toks[after].lower.endswith("ing") and bool(toks[after].lemmas & _PRO_VERBS)


LOWERCASE_NAME_ZIPF = 3.5
"""How common a word with no part of speech must be to read as a name's, written in lowercase: the
commoner peoples and places ("danish" 3.9, "swedish" 4.2), not clippings ("nuke" 3.3, "comms" 3.1)."""


def _name_before_noun(token: Token, tokens: list[Token]) -> bool:
    """A common word English gives no part of speech, between a determiner and a noun: a name's word
    written in lowercase ("the *danish* minister"). The English table gives one to every common word
    but names; a rarer word it lacks may be a clipping of one ("the *comms* team")."""
    at = token.position
    return (0 < at < len(tokens) - 1 and token.lower.isalpha() and not Lexicon.parts_of_speech(token.lower)
            and Lexicon.zipf(token.lower) >= LOWERCASE_NAME_ZIPF
            and tokens[at - 1].lower in DETERMINERS and "NOUN" in Lexicon.parts_of_speech(tokens[at + 1].lower))


def _asks_degree(token, tokens) -> bool:
    """"how *big*", "how *large*": an adjective right after a question's "how" asks for a degree."""
    return (token.position > 0 and tokens[token.position - 1].lower == "how"
            and "ADJ" in Lexicon.parts_of_speech(token.lower)
            and not Lexicon.parts_of_speech(token.lower) & {"VERB", "AUX"})  # "how *close* to": a verb too


_ASKING_NOUNS = frozenset(_DATE_NOUNS | _NAME_NOUNS | _PURPOSES | _TALLIES)
"""Nouns that say what kind of answer is asked ("date?", "reason"): alone, a question, not an order."""


def _bare_imperative(linked: Linked, needs: list[Need]) -> bool:
    """"stop", "test", "wait it": a bare verb said to the bot, with no question mark, no question word,
    nothing named and no time, and nothing after it but function words. It is an order or a try of the
    bot, not a question, so the nearest fact that shares the verb ("test" -> the nuclear test site) is no
    answer: the reply says what the bot does. A bare noun ("agenda", "venue") stays a terse question."""
    toks = linked.question.tokens
    if not toks or "?" in linked.question.text or any(t.lower in _WH or t.lower in CONTRACTED_WH for t in toks):
        return False
    if any(n.kind in {NeedKind.entity, NeedKind.time} for n in needs):
        return False
    head = toks[0].lower
    if head in _ASKING_NOUNS:
        return False  # "date", "name": the noun of a terse question, though English also has it as a verb
    if "VERB" not in Lexicon.parts_of_speech(head) or not _bare_or_progressive(head):
        return False
    return all(Lexicon.content_weight(t.lower) == 0 for t in toks[1:])


def _bare_or_progressive(word: str) -> bool:
    """The form an order or a try takes ("stop", "testing"), not a tense that reports ("stopped", "tests")."""
    lemma = Lexicon.lemma(word)
    return word == lemma or word in {lemma + "ing", lemma[:-1] + "ing", lemma + lemma[-1] + "ing"}


def _conversation(linked: Linked, needs: list[Need], *, intents: Intents, event: Event, asked: Asked,
                  lexicon: Lexicon, near: Callable[[frozenset[str]], dict[str, float]]) -> tuple[Asked, str | None] | None:
    """Status, latest, upcoming, changed or small talk: the message says nothing but the cues of one kind
    and words about the story's main event."""
    toks = linked.question.tokens
    lemmas = [cue_form(t.lower, min(t.lemmas, key=shortest)) for t in toks]
    named = {n.position for n in needs if _of_event(n, event, near)} | intents.matches("event", lemmas)
    # a party its description names ("Kim Jong Un") is of the event only beside the event itself ("the
    # meeting with Kim Jong Un"); alone ("the latest on Kim Jong Un") it is asked about for itself
    about_event = named | ({n.position for n in needs if _of_event(n, event, near, described=True)}
                           if named - {n.position for n in needs if n.kind is NeedKind.entity
                                       and not n.entity_ids & event.ids} else set())
    if any(n.kind is NeedKind.entity and n.position not in about_event for n in needs):
        return None
    content = {n.position + 1 if n.phrasal and n.label.split()[0] in _BARE_VERBS else n.position
               for n in needs if n.kind is NeedKind.word and n.weight >= CONVERSATION_WEIGHT
               and not (n.lemmas & _BARE_VERBS and not n.phrasal)  # "gets cancelled": the "get" of a passive
               and not n.lemmas & _VAGUE_NOUNS}  # "the summit *stuff*": a filler noun stands for what it follows
    asked_lemmas = _cue_adjectives(toks, lemmas, intents=intents, lexicon=lexicon)  # "*fresh* developments": "new"
    content -= intents.matches(POLITE, lemmas)  # "update, *please*": a request no less for its courtesy
    addressed = _addressed(intents.matches(ADDRESS, lemmas), toks)  # "thanks, *bot*": whom it is said to
    content -= addressed
    content -= set(itertools.takewhile(lambda i: toks[i].lower in DISCOURSE_MARKERS, range(len(toks))))
    # "*wait* didn't they cancel it?": a word that opens the sentence without being part of it asks nothing
    future = _future_auxiliary(toks)  # "is it *going to* happen": the tense, as "will" is
    split = _inside_split_verbs(needs, toks)  # "did they put the trip *off*": a cue around its object
    checking = intents.matches(CHECKING, lemmas)  # "it's off, *correct*?": whether what is said is so
    times = [n.span for n in needs if n.kind is NeedKind.time]
    asking = set().union(*(intents.matches(kind, lemmas) for kind in _ASKING_KINDS))  # "latest", "new", ...
    asking_word = next((t.position for t in toks if t.lower in _WH), None)
    small_talk = not times and not any(n.kind is NeedKind.entity for n in needs)
    courtesies: dict[str, set[int]] = {}
    said_to = addressed if len(addressed) < len(toks) else set()  # "bot?" alone may ask what the bot is
    opening = _opening_courtesy(toks, lemmas, intents=intents, addressed=addressed)  # "*hey bot* any news"
    closing = intents.matches("small_talk:farewell", lemmas)  # "ok cya *later*": a farewell, not "the latest"
    asks_past = bool(asking - opening - closing) if opening else False  # past its opening courtesy it asks ("hi, what's new")
    for sub in SMALL_TALK:
        covered = intents.matches(f"small_talk:{sub}", lemmas, skipping=_VAGUE) - said_to  # "what's next, *bot*"
        if covered and sub in COURTESIES:  # "thanks, that was *useful*": praise says nothing more
            covered |= {t.position for t in toks if "ADJ" in Lexicon.parts_of_speech(t.lower) and t.position not in asking}
            if asked not in {Asked.what, Asked.yes_no} and asking_word not in covered:
                continue  # a courtesy asks nothing, unless its cue is the asking ("*how* are you?")
            if sub == "farewell" and asking_word is not None and asking_word not in covered:
                continue  # "what happened *later*": a time asked about, not a leave taken
            if sub == "farewell" and any(p and toks[p - 1].lower in TIME_UNITS for p in covered):
                continue  # "and two days *later*?": a time counted from the last one, not a leave taken
            courtesies[sub] = covered
        if covered and content <= covered and small_talk and not asks_past:
            return Asked.small_talk, sub
    if courtesies and small_talk and content <= set().union(*courtesies.values()) and not asks_past:
        return Asked.small_talk, max(courtesies, key=lambda sub: max(courtesies[sub]))  # "ok, thanks": the last said
    content -= opening
    content -= _asides(toks, needs, asking=asking | checking | intents.matches("describe", lemmas))
    specific = asked in {Asked.who, Asked.where, Asked.why, Asked.how_many, Asked.how_much, Asked.name, Asked.clock,
                         Asked.year}
    ranked = []
    for order, (kind, asked_kind) in enumerate(
        (("status", Asked.status), ("upcoming", Asked.upcoming), ("changed", Asked.changed), ("latest", Asked.latest))
    ):
        covered = intents.matches(kind, asked_lemmas, skipping=_VAGUE, skipping_at=future | split)
        if kind == "upcoming" and covered:
            covered |= {i for i in content if lemmas[i] in _DATE_NOUNS}  # "what are the upcoming *dates*": the
            # kind of answer the coming events' list gives, each with its day
        if kind == "status":  # "is it *on*?" says the event is on; "what's *on* the agenda" is a preposition
            covered -= {i for i in covered if lemmas[i] in PARTICLES and "or" not in lemmas[max(0, i - 1) : i + 2]
                        and (asked is not Asked.yes_no or (i + 1 < len(lemmas) and lemmas[i + 1] in DETERMINERS))}
        if specific and asking_word not in covered:
            continue  # "where is it?" asks a place; "*where* do things stand" is a cue of its own
        if not covered or not content <= covered | about_event | (checking if kind == "status" else set()):
            continue
        if kind == "changed":  # since a day, or within one that runs to now ("this week")
            if not (times and ("since" in lemmas or all(s.now or s.relative for s in times))):
                continue
            if "since" not in lemmas and {t.lower for t in toks} & _WHOLLY_PAST:
                continue  # "what happened to the fair *earlier* this year": a moment gone by, not up to now
        elif kind == "status":
            stopped = _stopping_said(covered, lemmas)
            if any(not any(s.covers(d) for d in event.days) and not (stopped and _before_the_event(s, event))
                   for s in times) or intents.matches(PAST_MOMENT, lemmas):
                continue  # a time before the event, asked with an act of stopping it ("was it cancelled *two
                # days ago*"), is when it was stopped, not when the event takes place: the status tells it
        elif any(not (s.now or s.relative) for s in times):
            continue
        elif kind in {"upcoming", "latest"} and times and {t.lower for t in toks} & _PAST_WORDS:
            continue  # "what happened to the talks earlier this month": not what comes next
        elif kind == "upcoming" and any(t.lemmas & _PRO_VERBS and t.lower.endswith("ed") for t in toks):
            continue  # "what happened this week": the past tense asks what has been, not what comes next
        distinct = len({i for i in covered if lemmas[i] != "happen"})
        ranked.append((-distinct, order, asked_kind))
    if not ranked:
        return None
    if asked is Asked.when and not any(a is Asked.upcoming for *_, a in ranked):
        return None
    return min(ranked)[2], None


def _stopping_said(covered: set[int], lemmas: list[str]) -> bool:
    """A cue the status read is an act of stopping (`Lexicon.phase`: "cancel", "put off", "put it off")."""
    at = sorted(covered)
    return any(Lexicon.phase(lemmas[i]) == "end" for i in at) or any(
        Lexicon.phase(f"{lemmas[i]} {lemmas[j]}") == "end"
        for i in at for j in range(i + 1, min(len(lemmas), i + _OBJECT_REACH + 2)))  # the particle too


def _before_the_event(span: DateSpan, event: Event) -> bool:
    """The span ends before the event's first day: it cannot be when the event takes place."""
    return span.end is not None and bool(event.days) and span.end < min(event.days)


def _inside_split_verbs(needs: list[Need], toks: list[Token]) -> frozenset[int]:
    """The positions of the object a phrasal verb holds between its verb and its particle: one that ends the
    question ("put *the trip* off", `_phrasal_verb_around_its_object`), or a pronoun ("put *it* off"), which
    that reading leaves for the conversation to resolve. A cue of the verb's two words reads across them."""
    end = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].lower.isalnum()), None)
    pronouns = {t.position for t in toks[1:-1] if t.lower in _OBJECT_POINTERS and toks[t.position + 1].lower in PARTICLES}
    return frozenset(pronouns) | frozenset(k for n in needs if end is not None and n.phrasal and " " in n.label
                                           and n.position + 1 < end and toks[end].lower == n.label.rsplit(" ", 1)[-1]
                                           for k in range(n.position + 1, end))


_EMBEDDING = frozenset({"whether"})
"""The word that opens a yes/no question told inside another clause ("he asks me *whether* it's off")."""


def _asides(toks: list[Token], needs: list[Need], *, asking: set[int]) -> set[int]:
    """The positions of the words that ask nothing of the store: a stretch of the message (see `Token.clause`)
    that names nothing, sets no time, has no question word and no cue of what is asked ("sorry if this is
    silly", "back from lunch", "pls help"), while another stretch does; and the frame before a "whether"
    that tells who wonders ("my editor wants to know *whether* it's off")."""
    named = {p for n in needs if n.kind is not NeedKind.word for p in range(n.position, n.position + len(n.label.split()))}
    asks = named | asking | {t.position for t in toks if CONTRACTED_WH.get(t.lower, t.lower) in _WH}
    clauses = {t.clause for t in toks if t.position in asks}
    aside = {t.position for t in toks if t.clause not in clauses} if clauses else set()
    for t in toks:
        if t.lower in _EMBEDDING:
            frame = {u.position for u in toks if u.clause == t.clause and u.position <= t.position}
            if not frame & named:
                aside |= frame
    return aside


CUE_SYNONYM_NEARNESS = 0.35
"""How near (cosine) an adjective must sit to an adjective cue it shares a first sense with to be read as
that cue: "fresh" ~ "new" 0.39, "forthcoming" ~ "upcoming" 0.59, "probable" ~ "likely" 0.70; a sense the
two share only in WordNet sits far ("novel" ~ "new" -0.03)."""


def _cue_adjectives(toks: list[Token], lemmas: list[str], *, intents: Intents, lexicon: Lexicon) -> list[str]:
    """`lemmas`, with an adjective that is no cue read as the adjective cue of an asking kind it is a
    synonym of, in a first sense of both, and near in the embedding model ("*fresh* developments" says "new",
    "*forthcoming* events" "upcoming"). A particle ("off", "on") is no adjective here."""
    out = list(lemmas)
    for t in toks:
        lemma = lemmas[t.position]
        if lemma in intents.words or t.lower in PARTICLES or "ADJ" not in Lexicon.parts_of_speech(t.lower):
            continue
        for cue in sorted(Lexicon.synonyms(lemma) & intents.adjectives):
            if Lexicon.shares_a_common_sense(lemma, cue) and lexicon.nearness(lemma, cue) >= CUE_SYNONYM_NEARNESS:
                out[t.position] = cue
                break
    return out


_OPENERS = ("greeting", "thanks", "acknowledgement")
"""The small talk that may open a message with a question after it (a farewell closes one)."""


def _opening_courtesy(toks: list[Token], lemmas: list[str], *, intents: Intents, addressed: set[int]) -> set[int]:
    """The words of a greeting, a thanks or a nod that opens a message, with whom it is said to ("*hey bot*
    any news?", "*yo* is it still on"): a message in chat opens so without a comma, and they ask nothing.
    A courtesy whose object follows ("thanks *for* the update") is the whole message."""
    courtesy = addressed.union(*(intents.matches(f"small_talk:{sub}", lemmas) for sub in _OPENERS))
    opening = set(itertools.takewhile(courtesy.__contains__, range(len(toks))))
    if len(opening) == len(toks) or toks[len(opening)].lower in PREPOSITIONS:
        return set()
    return opening


def _addressed(cued: set[int], toks: list[Token]) -> set[int]:
    """Of the positions of address cues, those that are a vocative: the name of whom the message is said to
    stands at its start or its end, or after the one word that opens it ("hey *bot*, any news?"), with no
    determiner before it ("thanks *man*", but "who is *the man*")."""
    last = len(toks) - 1
    return {i for i in cued if i in {0, 1, last} and not (i > 0 and toks[i - 1].lower in DETERMINERS)}


def _future_auxiliary(toks: list[Token]) -> frozenset[int]:
    """The positions of "going to" before a verb ("they're *going to* meet"): the future tense, which says
    no more than "will" does."""
    return frozenset(i for t in toks[:-2] if t.lower == "going" and toks[t.position + 1].lower == "to"
                     and "VERB" in Lexicon.parts_of_speech(toks[t.position + 2].lower) for i in (t.position, t.position + 1))


def _of_event(need: Need, event: Event, near: Callable[[frozenset[str]], dict[str, float]], *,
              described: bool = False) -> bool:
    """The need names the main event, or only words of its names and description ("the Trump-Kim
    meeting", "the talks in Singapore"); a name, only words of its names ("Kim" of "Trump-Kim summit"),
    or, `described`, of its description too ("Kim Jong Un", a party to it)."""
    if need.kind is NeedKind.entity:
        words = event.words if described else event.name_words
        return bool(need.entity_ids & event.ids) or bool(need.lemmas) and need.lemmas <= words
    if need.kind is NeedKind.word:
        return bool(need.lemmas & event.words) or any(w in event.words for w in near(need.lemmas))
    return False


def _asks_unnamed(needs: list[Need], *, asked: Asked, entities: Mapping[str, Entity], words: list[str],
                  owners: frozenset[int] = frozenset()) -> str | None:
    """"What is the name of the senior official", "who is the spokesman": the sources do not say.
    The question asks who someone is (the first thing it names after its question word) and the
    sources describe that someone without a name. A name written with "'s" (`owners`: the positions of
    such words) is whose thing is asked ("who is *the report's* source"), not the someone asked, unless
    the thing is their name."""
    if asked not in {Asked.name, Asked.who}:
        return None
    leading = [n for n in needs if n.kind is not NeedKind.time and n.label not in NAME_WORDS][:2]
    for need in leading:
        end = need.position + len(need.label.split())
        if need.kind is NeedKind.entity and end - 1 in owners and not (end < len(words) and words[end] in NAME_WORDS):
            continue  # "the report's *source*" is asked, not the report ("the official's *name*" is the official's)
        before = words[: need.position]
        if asked is Asked.who and not (set(before) <= _WH | _AUX | DETERMINERS | _COPULAS | set(CONTRACTED_WH)
                                       and set(before) & _COPULAS):
            continue  # "who *mediates*", "who did the official meet": not the someone asked about
        for entity in (entities[e] for e in need.entity_ids if e in entities):
            if entity.kind.value in {"person", "group"} and not is_proper_name(entity.name):
                return f"{entity.name}: not named in the sources"
            if (asked is Asked.name and need.kind is NeedKind.entity and len(need.entity_ids) == 1
                    and not any(is_proper_name(name) for name in entity.names)):
                return f"{entity.name}: not named in the sources"  # "what are the drills called?": never said
        if need.kind is NeedKind.word and asked is Asked.name and before and before[-1] in _DEFINITE:
            unnamed = _unnamed_in_another_number(need, entities)
            if unnamed is not None:
                return f"{unnamed.name}: not named in the sources"  # "what was the parade called?"
        if need.kind is NeedKind.word and asked is Asked.who:
            described = _described_unnamed(need, needs, entities)
            if described is not None:
                return f"{described.name}: not named in the sources"
    return None


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
"""Determiners of a thing already known ("what was *the* exercise called"), not one picked out ("which drill")."""


def _unnamed_in_another_number(head: Need, entities: Mapping[str, Entity]) -> Entity | None:
    """The one entity that a name of one word, a common noun, calls by another form of the word asked
    ("exercises" for "the *exercise*"), when no name of it is a proper name: the sources never name it."""
    found = [e for e in entities.values()
             if any(" " not in name and name.lower() != head.label and Lexicon.lemmas(name.lower()) & head.lemmas
                    for name in e.names)]
    if len(found) != 1 or any(is_proper_name(name) for name in found[0].names):
        return None
    return found[0]


def _described_unnamed(head: Need, needs: list[Need], entities: Mapping[str, Entity]) -> Entity | None:
    """"Who is the aide familiar with the travel plans": the question describes, in words of its own,
    someone the sources leave unnamed ("an aide familiar with the plans"): every content word of one of
    their names is in the question, the word asked about among them."""
    said = {lemma for n in needs if n.kind is NeedKind.word for lemma in n.lemmas}
    said |= {lemma for n in needs if n.kind is NeedKind.entity for lemma in _content_lemmas(n.label)}
    # a name inside the description ("the *Red Cross* envoy") says its words too
    for entity in entities.values():
        if entity.kind.value not in {"person", "group"} or is_proper_name(entity.name):
            continue
        for name in entity.names:
            if not any(lemma in name.lower() for lemma in head.lemmas):
                continue  # cheap first: most names hold no form of the word asked about
            words = _content_lemmas(name)
            if len(words) >= 2 and head.lemmas & words and words <= said:
                return entity
    return None


@functools.lru_cache(maxsize=4096)
def _content_lemmas(name: str) -> frozenset[str]:
    return frozenset(Lexicon.lemma(w.lower()) for w, _ in word_tokens(name) if Lexicon.content_weight(w.lower()) > 0)


@functools.lru_cache(maxsize=4096)
def is_proper_name(name: str) -> bool:
    """A name of someone in particular ("Choe Son Hui"), not a description ("a senior Seoul official").
    Kept per name: the scorer asks it of the entities of every fact it weighs."""
    words = [w for w in name.split() if Lexicon.zipf(w) < FUNCTION_ZIPF or w[:1].isupper()]  # "Young-key" is one
    return bool(words) and all(w[:1].isupper() for w in words)


def _described(linked: Linked, needs: list[Need], *, asked: Asked, words: list[str],
               intents: Intents) -> tuple[str, ...]:
    """"Who is X", "tell me about X", "what is X", "background on X, please": X alone, with nothing else
    asked. An adverb between the question word and "is" ("what *exactly* is X", "who *really* is X") asks
    nothing more. "Who are X and Y?": each of a list of names joined by "and" or commas."""
    if asked is Asked.what and "about" in words:
        # "what is X about, in short?": a phrase after the "about" that closes the question, opened by a
        # preposition, says how to tell it, not what to tell
        end = words.index("about")
        start = end
        while start > 0 and Lexicon.parts_of_speech(words[start - 1]) == {"ADV"}:
            start -= 1  # "what is X *mainly* about?": an adverb says how much, not what
        closes = any(n.kind is NeedKind.entity and n.position + len(n.label.split()) == start for n in needs)
        if closes:
            needs = [n for n in needs if not start <= n.position < end]
        if closes and end + 1 < len(words) and Lexicon.content_weight(words[end + 1]) == 0.0 and words[end + 1] not in _WH:
            needs = [n for n in needs if n.position < end]
    pointed = _named_and_pointed_at(needs, words)
    if pointed is not None:
        return pointed
    needs = _without_a_clause_of_anyone(needs, words)
    needs = _without_a_remark_on_it(needs, words)
    if len(words) >= 3 and words[0] in _WH and Lexicon.parts_of_speech(words[1]) == {"ADV"} and words[2] in _COPULAS:
        words = [words[0], *words[2:]]
        needs = [n for n in needs if n.position != 1]
    elif len(words) >= 3 and words[0] in _WH and words[1] in _COPULAS and Lexicon.parts_of_speech(words[2]) == {"ADV"}:
        needs = [n for n in needs if n.position != 2]  # "who is *actually* going to be there": as "who *really* is"
    elif _asks_the_kind(words):
        # "what kind of body is X?": the class noun is the asker's word for whatever X is, which X's
        # description says in its own words ("a think tank"); the question asks what X is
        words = [words[0], *words[_KIND_FRAME_WORDS + 1:]]
        needs = [n for n in needs if not 1 <= n.position <= _KIND_FRAME_WORDS]
    lemmas = [min(t.lemmas, key=shortest) for t in linked.question.tokens]
    # "what's the latest on X": the newest of X, which a description gives after X's description
    asking = intents.matches("describe", lemmas, skipping=_VAGUE) | intents.matches("latest", lemmas, skipping=_VAGUE)
    asking |= intents.matches(POLITE, lemmas) | _addressed(intents.matches(ADDRESS, lemmas), linked.question.tokens)
    # "a profile of X *pls*", "who is X, *bot*": a courtesy, or whom it is said to, asks nothing more
    entities = [n for n in needs if n.kind is NeedKind.entity]
    shared = _shared_name_in_plural(entities, linked.question.tokens)
    if shared is not None:  # "who are the (three) Lees (cited in the report)": each holder of the name
        needs = [n for n in needs if n is shared or not _of_the_holders(n, shared, linked.question.tokens)]
        entities = [n for n in needs if n.kind is NeedKind.entity]
    # "who is X *anyway*?": a marker that closes the question asks nothing more ("who is X *now*?" sets it at the present)
    closing = len(words) - 1 if words and words[-1] in DISCOURSE_MARKERS - {"now"} else None
    others = [n for n in needs if n.kind is not NeedKind.entity and n.position not in asking and n.position != closing
              and not (n.weight < CONVERSATION_WEIGHT and words[0] not in _WH)]
    if shared is not None and entities == [shared] and not others and asked in {Asked.who, Asked.describe}:
        return tuple(sorted(shared.entity_ids))
    if not entities or others or any(len(n.entity_ids) != 1 for n in entities):
        return ()
    if asked not in {Asked.who, Asked.what, Asked.describe}:
        return ()
    if asked is Asked.what and words[0] in _WH and not (len(words) >= 2 and words[1] in {"is", "are", "was", "were", "about"}):
        return ()
    if asked is Asked.what and words[0] not in _WH and not asking:
        return ()  # "Hagin's delegation?" names a thing of X's, not X
    ids = tuple(dict.fromkeys(next(iter(n.entity_ids)) for n in entities))
    if len(ids) != len(entities) or len(ids) > 1 and not _listed(entities, words):
        return ()  # "who is Kim's envoy to Seoul?": one name says whose, not a second one to describe
    return ids


def _shared_name_in_plural(entities: list[Need], toks: list[Token]) -> Need | None:
    """The first name the question says, in the plural ("the Lees"), where several entities hold it: it asks
    for them all, not for one of them."""
    plural = [n for n in entities if len(n.entity_ids) >= 2 and not n.label.lower().endswith("s")
              and toks[n.position + len(n.label.split()) - 1].lower.endswith("s")]
    return plural[0] if len(plural) == 1 and entities[0] is plural[0] else None


def _of_the_holders(need: Need, shared: Need, toks: list[Token]) -> bool:
    """A word that only frames the holders of a name said in the plural: how many they are, right before it,
    when that is how many hold it ("the *three* Lees"), or a clause after it of where they are named ("the
    Lees *cited in the report*"), a verb of saying with what follows it."""
    if need.position == shared.position - 1 and _COUNT.get(need.label.lower()) == len(shared.entity_ids):
        return True
    after = shared.position + len(shared.label.split())
    said = next((k for k in range(after, len(toks)) if toks[k].lemmas & SAYING and toks[k].lower.endswith("ed")), None)
    return said == after and need.position >= said


_CLASS_NOUNS = frozenset({"kind", "sort"})
"""WordNet's nouns of a class of things: a noun it names as a kind of one ("brand", "genre", "flavour") asks,
right after "what" or "which" and before "of", which class ("what *flavour of* reform"), as "kind" does."""


def _kind_asked(t: Token, toks: list[Token]) -> bool:
    """"What *brand of* car", "which *genre of* music": a noun WordNet names as a kind of "kind" or "sort",
    right after the question word, is the frame of the question, not a word a fact must say."""
    return (t.position > 0 and toks[t.position - 1].lower in _WHICH | {"what"}
            and any(Lexicon.hypernyms(lemma) & _CLASS_NOUNS for lemma in t.lemmas))


_KINDS_OF = frozenset({"kind", "kinds", "sort", "sorts", "type", "types"})
"""The nouns of "what *kind of* outfit": they ask which class a thing is of."""
_KIND_FRAME_WORDS = 3
"""The words "kind of outfit" after the question word."""


def _asks_the_kind(words: list[str]) -> bool:
    """"what kind of body is X", "which sort of group is X": the class a named thing is of, asked with
    a noun of the asker's own between the frame and the copula."""
    frame = _KIND_FRAME_WORDS
    return (len(words) > frame + 1 and words[0] in {"what", "which"} and words[1] in _KINDS_OF and words[2] == "of"
            and words[frame + 1] in _COPULAS)


_POINTERS = frozenset({"that", "this", "he", "she", "it", "they", "him", "her", "them"})
"""The words that point back at a thing named just before ("X? who's *that*"): demonstratives and the personal
pronouns."""


def _named_and_pointed_at(needs: list[Need], words: list[str]) -> tuple[str, ...] | None:
    """"X? who's that guy", "X - what kind of outfit is that?", "who is that man, X": one name, and a
    question of identity ("who/what is", "what kind of N is") whose subject points at it, said before the
    name or after it. A noun after the pointer ("that *guy*") or after "kind of" is the asker's word for
    whatever X is, as in "what kind of body is X"."""
    entities = [n for n in needs if n.kind is NeedKind.entity]
    if len(entities) != 1 or len(entities[0].entity_ids) != 1:
        return None
    name = entities[0]
    start, end = name.position, name.position + len(name.label.split())
    if start == 0 and end < len(words):
        clause = range(end, len(words))  # the name first, then the question of it
    elif end == len(words) and start > 0:
        clause = range(0, start)  # the question first, then the name it points at
    else:
        return None
    said = [CONTRACTED_WH.get(words[i], words[i]) for i in clause]
    kind = 3 if len(said) > 3 and said[1] in _KINDS_OF and said[2] == "of" else 0  # "what *kind of outfit* is"
    copula = 1 + kind
    if not (said[0] in {"who", "what"} and len(said) > copula and said[copula] in _COPULAS | {"'s"}
            and len(said) > copula + 1 and said[copula + 1] in _POINTERS and len(said) <= copula + 3):
        return None
    nouns = {clause[0] + 3} if kind else set()
    if len(said) == copula + 3:  # "that *guy*": a noun after a demonstrative
        if said[copula + 1] not in {"that", "this"} or not any(n.position == clause[0] + copula + 2 for n in needs):
            return None
        nouns.add(clause[0] + copula + 2)
    if any(n.position not in nouns and n is not name for n in needs):
        return None
    return (next(iter(name.entity_ids)),)


def _listed(entities: list[Need], words: list[str]) -> bool:
    """The names follow one another with only "and", a comma or "the" between them: a list."""
    ordered = sorted(entities, key=lambda n: n.position)
    for before, after in zip(ordered, ordered[1:]):
        between = words[before.position + len(before.label.split()):after.position]
        if not between or any(w not in {"and", ",", "the"} for w in between) or "and" not in between and "," not in between:
            return False
    return True


_ANYONE = frozenset({"people", "everyone", "everybody", "folks", "someone", "somebody", "you", "i"})
"""Subjects that name no one in particular: a clause of theirs says a thing is spoken of, not what it is."""


def _without_a_clause_of_anyone(needs: list[Need], words: list[str]) -> list[Need]:
    """"What is the Marshall Plan *everybody cites*", "who is the envoy *that you mentioned*", "the X thing
    *folks talk about*": a clause after the one name (and a filler noun standing for it) whose subject is
    no one in particular (or the asker) only says why it is asked about; the question is "what is X"
    still. Its words are dropped."""
    entities = [n for n in needs if n.kind is NeedKind.entity]
    if len(entities) != 1:
        return needs
    end = entities[0].position + len(entities[0].label.split())
    at = end + (end < len(words) and words[end] in _VAGUE_NOUNS)  # "the X *thing* people mention": X, said vaguely
    at += at < len(words) and words[at] in _RELATIVES
    if at + 1 < len(words) and words[at] in _ANYONE and "VERB" in Lexicon.parts_of_speech(words[at + 1]):
        return [n for n in needs if n.position < end]
    return needs


_OBJECT_POINTERS = frozenset({"him", "her", "them", "it"})
_NEGATORS = frozenset({"never", "no", "not"})


def _without_a_remark_on_it(needs: list[Need], words: list[str]) -> list[Need]:
    """"Who is X, never heard of *him*", "what is X, no idea about *it*": after the one name, a clause that
    says the asker does not know it (a negation) and ends pointing back at it, and neither opens a question
    of its own (a question word, an auxiliary) nor names anything else, is the asker's remark on X; the
    question is "who is X" still. Its words are dropped."""
    entities = [n for n in needs if n.kind is NeedKind.entity]
    if len(entities) != 1 or entities[0].position == 0:
        return needs
    end = entities[0].position + len(entities[0].label.split())
    after = [n for n in needs if n.position >= end]
    if (end < len(words) - 1 and words[-1] in _OBJECT_POINTERS and words[end] not in _WH | _AUX | set(CONTRACTED_WH)
            and _NEGATORS & set(words[end:]) and all(n.kind is NeedKind.word for n in after)):
        return [n for n in needs if n.position < end]
    return needs


def thing_said_to_be_called(needs: list[Need], toks: list[Token]) -> Need | None:
    """"What is the new air *drill* called", "what were the two *plans* named": the last noun of the run of words
    after "what", a form of "be" and a determiner, when the question asks by a word of naming after the run
    (`_CALLED`) and no name stands in it: the thing whose own name is asked, which a fact must say."""
    words = [CONTRACTED_WH.get(t.lower, t.lower) for t in toks]
    wh = next((k for k, w in enumerate(words) if w == "what"), None)
    if wh is None or not any(w in _CALLED for w in words[wh + 1:]):
        return None
    k = wh + 1 + (toks[wh].lower == "what" and wh + 1 < len(words) and words[wh + 1] in _BE)
    if k == wh + 1 and toks[wh].lower == "what" or k >= len(words) or words[k] not in DETERMINERS:
        return None  # "what did they call it": no thing said to be called before the verb
    while k < len(words) and words[k] in DETERMINERS:
        k += 1
    by_position = {n.position: n for n in needs}
    head = None
    while k < len(words) and words[k] not in _CALLED | PREPOSITIONS | PARTICLES:
        need = by_position.get(k)
        if need is None and "ADJ" not in Lexicon.parts_of_speech(words[k]):
            break  # a word that weighs nothing and qualifies nothing ("they" of "the drill they held")
        if need is not None and need.kind is not NeedKind.word:
            break  # a name: what follows says who did what to the thing ("the missile *Kim* tested")
        if need is not None and "NOUN" in Lexicon.parts_of_speech(words[k]):
            head = need
        k += max(1, len(need.label.split())) if need is not None else 1
    return head


_CALLED = frozenset({"called", "named", "dubbed", "titled"})
"""Past participles a question asks a thing's own name by ("what was the drill *called*")."""


def _mark_asked(needs: list[Need], toks: list[Token], *, asked: Asked, head_at: int, lexicon: Lexicon) -> None:
    """The first thing named after the question word is what is asked about: a fact must cover it.
    In a run of words ("the North Korean delegation"), the last is the thing, the rest qualify it.
    The question's verb, when it reads as one, is the relation asked."""
    if asked is Asked.name:
        called = thing_said_to_be_called(needs, toks)
        if called is not None:
            called.hard = True  # "what was the drill called": the drill, as "the name of the drill" asks it
    after = [n for n in needs if n.position >= head_at and n.kind is not NeedKind.time and not n.anchor]
    words = [n for n in after if n.kind is NeedKind.word and n.label not in _FILLER_HEADS
             and n.label not in _COUNT and not n.label.isdigit()  # "what *three* demands": how many, not what
             and not (asked is Asked.name and n.label in NAME_WORDS)]
    named = _small_name_positions(needs, toks)
    verbs = [n for n in words if (_reads_as_verb(n, toks, names=named) or _reads_as_verb_idiom(n, toks, lexicon))
             and not _frame_verb(n, toks)
             and not _modifies_noun(n, toks)
             and not _kept_from(n, verbs_before=words, toks=toks)
             and not _object_of_a_split_verb(n, needs, toks)]
    act = _act_of_the_light_verb(verbs[0], needs, toks) if verbs else None
    if act is not None:
        verbs = [act] + [v for v in verbs if v is not verbs[0]]  # "*pay* a visit": the visit is the act asked
    own = _own_clause(verbs[0], words, toks) if verbs and verbs[0].lemmas & SAYING else None
    if own is not None:
        verbs = [own] + [v for v in verbs[1:] if v is not own]  # "what has she said she wants": her wish is
        # asked, however she made it known
    if asked is Asked.yes_no and not verbs:
        verbs = _predicate_after_subject(needs, toks)
    if verbs and (Lexicon.content_weight(verbs[0].label) >= RELATION_WEIGHT or _said_of_entity(verbs[0], needs)
                  or asked is Asked.who and verbs[0].position == head_at and bool(verbs[0].lemmas & SAYING)):
        # "who *said* ...": however common, the verb of saying is what is asked of the someone
        verbs[0].relation = True
        verbs[0].done_by = (asked is Asked.what and _said_of_entity(verbs[0], needs) and (
            Lexicon.content_weight(verbs[0].label) < RELATION_WEIGHT or bool(verbs[0].lemmas & SAYING)
            or _to_someone(verbs[0], needs, toks) and head_at < len(toks) and toks[head_at].lower in _AUX - _BE))
        # "what did Choe *say*", "what did she *tell* him", "what did Choe *promise* Moon": the act asked,
        # whose object is the answer
        # "what will the envoys *ratify*": what the act is done to is asked; not "what are they *doing*",
        # which asks for any act, nor a light verb's ("what did they *get*"), nor "say" (`done_by`)
        verbs[0].object_asked = (asked is Asked.what and head_at < len(toks) and toks[head_at].lower in _AUX
                                 and not verbs[0].done_by and not verbs[0].lemmas & (_LIGHT_VERBS | {"do"}))
    counted = head_at < len(toks) and (toks[head_at].lower in _COUNT or toks[head_at].lower.isdigit())
    # "which *Pyongyang* official": a name before the noun qualifies it, as an adjective does
    qualifier = next((len(n.label.split()) for n in after if n.kind is NeedKind.entity
                      and n.position == head_at + counted and toks[head_at - 1].lower in _WHICH | {"what"}), 0)
    nouns = _past_adverbs(words)  # "where *exactly*", "what *precisely*": how the asker says it, no thing
    if (asked in {Asked.what, Asked.name, Asked.where} and head_at > 0 and nouns
            and nouns[0].position == head_at + counted + qualifier and not _reads_as_verb(nouns[0], toks)):
        head = nouns[0]  # "which hotel", "what agreement"
        nxt = [n for n in nouns[1:] if n.position == head.position + len(head.label.split()) and not _phrasal(n)]
        if (nxt and not _reads_as_verb(nxt[0], toks)
                and Lexicon.parts_of_speech(nxt[0].label) not in ({"VERB"}, {"ADV"})):
            head = nxt[0]  # "what nuclear *facility*": the noun after the modifier, not "what agreement *came out*",
            # nor a word that is only ever a verb ("what fears *linger*") or an adverb ("which envoy
            # *actually* signed it")
        head.hard = True
        head.typed = asked is not Asked.where  # "which *hotel*": a place of that kind, which a fact must say
        head.lemmas = _as_noun(head)
        head.relation = False
        return
    if asked in {Asked.how_many, Asked.how_much}:
        for n in words[:2]:
            if n.position <= head_at + 2 and toks[n.position - 1].lower not in _AUX and n.label.lower() not in PREPOSITIONS:
                n.hard = True  # what is counted; not the verb after an auxiliary ("how many days had *gone by*"),
                # nor the word that opens the span asked ("how long *since* the summit": from its day on)
        return
    # An adverb after a name is no role asked ("what is Moon *still* hoping for"); a noun after a
    # name still is ("what is Bolton *title*", "what is Moon's *position*").
    named_first = bool(words) and "ADV" in Lexicon.parts_of_speech(words[0].label) and any(
        n.kind is NeedKind.entity and n.position < words[0].position
        and not toks[n.position + len(n.label.split()) - 1].possessive for n in after)
    # After "do", "have" or a modal the words that follow are the subject of a verb still to come ("what
    # does the chief envoy want"): who or what does it, not the role asked.
    subject_first = head_at < len(toks) and toks[head_at].lower in _AUX - _BE
    if len(words) > 1:
        words = _past_adverbs(words[:-1]) + words[-1:]  # "who's *really* behind it": not the role asked
    if asked in {Asked.who, Asked.what, Asked.name} and words and not words[0].relation and (
            words[0].position <= head_at + 2 or _owned_by_name(words[0], after, toks, head_at)) \
            and not named_first and not subject_first and not _reads_as_verb(words[0], toks) \
            and not _object_of_a_bare_preposition(words[0], toks):
        head = words[0]  # "who is the *president* of ...": the role asked (not "what is Moon *still* ...")
        head = _owned_by_unlinked_name(words, toks) or head  # "who is Ann Lee's *deputy*"
        rest = [n for n in words[1:] if n.position > head.position]
        if ((head.label in RANKING | USUAL or superlative(head.label)) and rest
                and rest[0].position == head.position + 1):
            head = _noun_after_adjective(rest, toks) or head  # "the key *witness*", "the largest *obstacle*"
        head.hard = True
        whose = _what_the_role_is_of(head, rest, toks)
        if whose is not None:
            whose.hard = True  # "who is the head *of security*": a fact that names the head of a delegation
            # names someone else's role
    elif (asked is Asked.who and len(words) > 1 and words[0].relation and words[0].position <= head_at + 1
          and not words[0].lemmas & SAYING):  # "who told the *envoys*": whom it was told to, not what
        # "who leads the South Korean *delegation*": what the act is done to, when no name says it (not
        # "who proposed *using* ...", whose object is an act)
        thing = words[1]
        if (not _reads_as_verb(thing, toks) and "NOUN" in Lexicon.parts_of_speech(thing.label)
                and thing.position - words[0].position <= 4):
            thing.hard = True


def _object_of_a_bare_preposition(word: Need, toks: list[Token]) -> bool:
    """A noun right after a preposition, with no determiner between ("who was *on hand*", "who is *at
    home*", "who was *in attendance*"): the phrase says where or how someone was, not a role they hold."""
    at = word.position
    before = toks[at - 1] if 0 < at <= len(toks) else None
    return (before is not None and " " not in word.label and before.lower in PREPOSITIONS
            and not before.possessive and not before.hyphenated and not before.capitalised
            and "NOUN" in Lexicon.parts_of_speech(word.label))  # not the "in" of "Jae-in's"


def _what_the_role_is_of(head: Need, rest: list[Need], toks: list[Token]) -> Need | None:
    """The noun after the "of" that follows the role asked ("who is the head *of security*", "who's in
    charge *of* the *crew*", "*of catering*"): what the role is held over, the last noun of its run of
    words; None when no "of" follows the role, or a name does (a name is a hard need already)."""
    at = head.position + len(head.label.split(" "))
    if not head.label.endswith(" of"):
        if at >= len(toks) or toks[at].lower != "of":
            return None
        at += 1
    while at < len(toks) and toks[at].lower in DETERMINERS:
        at += 1
    by_position = {n.position: n for n in rest}
    thing = None
    while at in by_position and by_position[at].kind is NeedKind.word and (
            "NOUN" in Lexicon.parts_of_speech(by_position[at].label.split(" ")[-1])
            or by_position[at].label.endswith("ing")):  # a gerund names the act held over ("of *catering*")
        thing = by_position[at]
        at += len(thing.label.split(" "))
    return thing


def _past_adverbs(words: list[Need]) -> list[Need]:
    """The words from the first that is not only an adverb: an adverb right after the question word
    ("where *exactly*", "who's *really* in charge", "where *before* she took the post") is how the asker
    says it, not the thing or the role asked."""
    start = next((k for k, n in enumerate(words) if Lexicon.parts_of_speech(n.label) != {"ADV"}), len(words))
    return words[start:]


def _owned_by_name(word: Need, after: list[Need], toks: list[Token], head_at: int) -> bool:
    """"What is Mary Ann Smith's *phone number*": the noun right after a possessive name that opens the
    question is the thing of theirs asked, however many words the name has."""
    at = word.position - (word.position > 1 and _emphatic_own(toks[word.position - 1], toks))  # "Bolton's own *account*"
    return any(n.kind is NeedKind.entity and n.position <= head_at + 1
               and n.position + len(n.label.split()) == at
               and toks[at - 1].possessive for n in after)


def _owned_by_unlinked_name(words: list[Need], toks: list[Token]) -> Need | None:
    """"Who is Ann Lee's *deputy*", the owner a name no entity holds: the noun right after a run of words
    written with capitals that ends in a possessive, the name opening the words asked, is the thing of
    theirs asked (as `_owned_by_name` reads it after a linked name); None when the words open otherwise."""
    start = words[0].position
    for n in words[1:]:
        owner = toks[start : n.position]
        if not owner or not all(t.capitalised for t in owner) or any(t.possessive for t in owner[:-1]):
            return None
        if owner[-1].possessive:
            return n if "NOUN" in Lexicon.parts_of_speech(n.label) and not _reads_as_verb(n, toks) else None
    return None


def _noun_after_adjective(words: list[Need], toks: list[Token]) -> Need | None:
    """The noun an adjective leads to, `words` starting right after it: "the main *obstacle*", or a
    gerund that qualifies the noun after it ("the main *parking* lot"); None when no noun follows."""
    def noun(n: Need) -> bool:
        if " " in n.label and not n.phrasal and n.position + 1 < len(toks) and toks[n.position + 1].hyphenated:
            return True  # "the big *hang-up*": words joined by a hyphen are one noun (`_units`)
        if " " in n.label and not n.phrasal and "NOUN" in Lexicon.parts_of_speech(n.label.rsplit(" ", 1)[1]):
            return True  # "the big *stumbling block*": a term of words read as one (`_units`) that ends in a noun
        if not Lexicon.parts_of_speech(n.label) and n.label.isalpha() and n.kind is NeedKind.word:
            return True  # "the main *hangup*": a word the English tables lack, after an adjective, is its noun
        return ("NOUN" in Lexicon.parts_of_speech(n.label) and Lexicon.content_weight(n.label) >= RELATION_WEIGHT
                and not _phrasal(n) and not _reads_as_verb(n, toks))
    first = words[0]
    if noun(first):
        return first
    if (first.label.endswith("ing") and len(words) > 1 and words[1].position == first.position + 1
            and "NOUN" in Lexicon.parts_of_speech(words[1].label)
            and Lexicon.content_weight(words[1].label) >= RELATION_WEIGHT):
        return first
    return None


def _predicate_after_subject(needs: list[Need], toks: list[Token]) -> list[Need]:
    """"Was [the Geneva round] *televised*", "is [the treaty] *signed*": in a question opened by "be", a
    verb right after the name that is its subject is the predicate asked, a participle whatever its form
    ("broadcast", "set", "put" are their own participles)."""
    if not toks or toks[0].lower not in _BE:
        return []
    start = 2 if len(toks) > 1 and toks[1].lower in DETERMINERS else 1
    subject = next((n for n in needs if n.kind is NeedKind.entity and n.position == start), None)
    if subject is None:
        return []
    after = subject.position + len(subject.label.split())
    return [n for n in needs if n.kind is NeedKind.word and n.position == after
            and "VERB" in Lexicon.parts_of_speech(n.label)]


def superlative(word: str) -> bool:
    """A superlative ("latest", "biggest") ranks the things its noun names, it does not name a kind of
    them: "their latest talks" are the most recent of their talks, which a fact need not call latest."""
    return word.endswith("est") and "ADJ" in Lexicon.parts_of_speech(word) and any(
        "ADJ" in Lexicon.parts_of_speech(base) for base in Lexicon.lemmas(word) - {word})


RANKING = frozenset({"main", "chief", "principal", "primary", "key", "major", "central", "big", "top"})
"""Adjectives of rank ("the *main* obstacle", "a *key* demand"): like a superlative, they pick the
foremost of the things their noun names; they name no kind of them, and the noun is what is asked."""
USUAL = frozenset({"usual", "normal", "regular", "ordinary", "everyday", "customary", "habitual"})
"""Adjectives of what is usual ("her *usual* job", "his *regular* post"): they set the thing their noun names
apart from a passing one, not from others of its kind; the noun is what is asked, and a fact need not say
that it is usual."""
_WHICH = frozenset({"which", "whose"})
"""Question words that are determiners: the word right after one is a noun ("which *building*")."""
_LIGHT_VERBS = frozenset({"get", "have", "make", "take", "give", "go", "come", "put", "keep", "let", "pay"})
"""The light verbs of English: their meaning is in the words that follow ("get in return", "pay a visit")."""
_LIGHT_OBJECT_REACH = 3
"""How far after a light verb the noun that holds its act may stand, past a determiner and a qualifier
("take a *long walk*")."""


def _act_of_the_light_verb(verb: Need, needs: list[Need], toks: list[Token]) -> Need | None:
    """The noun after a light verb that English also uses as the verb of the same act ("*pay* a *visit*",
    "*pay* Seoul a short *visit*", "*take* a long *walk*"): the head of the noun phrase after it (past whom
    it is done to, a determiner and qualifiers, up to a preposition) is the act asked, which a fact states
    as that verb ("visited"), not the light verb's own sense ("pay" as "devote")."""
    if not verb.lemmas & _LIGHT_VERBS or " " in verb.label or Lexicon.content_weight(verb.label) < RELATION_WEIGHT:
        return None  # a light verb too common to be the relation asked ("make", "take") leaves its noun a word
    start = verb.position + 1
    receiver = next((n for n in needs if n.kind is NeedKind.entity and n.position == start), None)
    if receiver is not None:
        start += len(receiver.label.split())  # "pay *Moon* a visit"
    elif start < len(toks) and toks[start].lower in _OBJECT_POINTERS:
        start += 1  # "pay *him* a visit"
    if start >= len(toks) or toks[start].lower not in DETERMINERS:
        return None  # "pay them", "take off": no noun phrase after it
    end = next((t.position for t in toks[start + 1 : start + 1 + _LIGHT_OBJECT_REACH] if t.lower in PREPOSITIONS),
               min(len(toks), start + 1 + _LIGHT_OBJECT_REACH))
    phrase = [n for n in needs if start < n.position < end]
    head = phrase[-1] if phrase else None
    if head is None or head.kind is not NeedKind.word or head.name_like:
        return None
    pos = Lexicon.parts_of_speech(head.label)
    return head if "NOUN" in pos and "VERB" in pos else None


_PREPOSITIONAL = frozenset({"according", "due", "thanks", "prior", "owing", "close", "next"})
"""Words that with "to" make a preposition of English grammar ("according to", "due to")."""


def _frame_verb(need: Need, toks: list[Token]) -> bool:
    """A verb that frames another ("supposed *to sign*", "trying *to set up*") or makes a preposition
    ("according to"): the relation asked is not it."""
    at = need.position
    if at + 1 >= len(toks) or toks[at + 1].lower != "to":
        return False
    if need.label in _PREPOSITIONAL:
        return True
    following = toks[at + 2] if at + 2 < len(toks) else None
    return following is not None and "VERB" in Lexicon.parts_of_speech(following.lower) and not following.capitalised


def _kept_from(need: Need, *, verbs_before: list[Need], toks: list[Token]) -> bool:
    """"what barred the bill *from being passed*", "who kept them *from leaving*": the act after "from"
    is what a verb before it prevented; the relation asked is that verb, not the act that did not happen."""
    at = need.position
    opening = at - 2 if at >= 2 and toks[at - 1].lower == "being" else at - 1
    if opening < 1 or toks[opening].lower != "from":
        return False
    return any(v.position < opening and "VERB" in Lexicon.parts_of_speech(v.label) for v in verbs_before)


def _as_noun(need: Need) -> frozenset[str]:
    """The lemmas of a noun asked for as a kind of thing: the word and its singular, not the verb it
    can also be a form of ("which *building*" asks for a building, not for anything built)."""
    kept = frozenset(lemma for lemma in need.lemmas if need.label.startswith(lemma)
                     and need.label[len(lemma):] in {"", "s", "es"})
    return kept or need.lemmas


def _modifies_noun(verb: Need, toks: list[Token]) -> bool:
    """"the envoys *travelling* to Seoul": a participle in -ing right after a noun (not after a name, which
    may be its subject, nor after an auxiliary) qualifies the noun; it is not the act asked. So does a verb
    of several words ("the delegations *heading to* Singapore"), by the form of its first word."""
    at = verb.position
    if at == 0 or not toks[at].lower.endswith("ing"):
        return False
    before = toks[at - 1]
    pos = Lexicon.parts_of_speech(before.lower)
    return (before.lower.isalpha() and not before.capitalised and before.lower not in _AUX | _WH
            and "NOUN" in pos and "VERB" not in pos)


def _to_someone(verb: Need, needs: list[Need], toks: list[Token]) -> bool:
    """A verb with a name right after it, when "what" asks its object ("what did Moon *offer* Kim"): the
    name is whom it was given or said to, and "what" is the thing given or said, which only a fact
    stating that act holds. (The caller checks that "what" is the object: "do" follows it.) A
    preposition after the name takes "what" itself ("what did they accuse him *of*"): the name is then
    the verb's object, and the act may be said in other words."""
    for n in needs:
        if n.kind is NeedKind.entity and n.position == verb.position + 1:
            end = n.position + len(n.label.split())
            after = toks[end].lower if end < len(toks) else ""
            return not (after and Lexicon.content_weight(after) == 0.0
                        and Lexicon.parts_of_speech(after) <= {"ADV"} and after not in _WH)
    return False


def _said_of_entity(verb: Need, needs: list[Need]) -> bool:
    """A common verb right after the entity it is said of ("what did Choe Son Hui *say*"): however
    common, it is what the question asks."""
    if verb.lemmas & _LIGHT_VERBS:
        return False
    return any(n.kind is NeedKind.entity and n.position + len(n.label.split()) == verb.position for n in needs)


def _own_clause(saying: Need, words: list[Need], toks: list[Token]) -> Need | None:
    """The verb of a clause of the speaker's own that the verb of saying reports ("said he *wants*",
    "say that they will *leave*"): a pronoun that can be the speaker is the clause's subject."""
    at = saying.position + 1
    at += at < len(toks) and toks[at].lower == "that"
    if at >= len(toks) or toks[at].lower not in _SPEAKER_PRONOUNS:
        return None
    at += 1
    while at < len(toks) and toks[at].lower in _AUX:
        at += 1
    return next((n for n in words if n.position == at and "VERB" in Lexicon.parts_of_speech(n.label)), None)


def _small_name_positions(needs: list[Need], toks: list[Token]) -> frozenset[int]:
    """In a question written without capitals ("when did the uk and france sign it"), the positions
    of the words of the names it links to entities: no capital marks the subject's name a bare verb
    follows, and the link stands in for it. Where the asker writes capitals, a name written small is a
    description ("the region's most senior envoy"), read as before."""
    if any(t.capitalised for t in toks):
        return frozenset()
    return frozenset(k for n in needs if n.kind is NeedKind.entity
                     for k in range(n.position, n.position + len(n.label.split())))


def _reads_as_verb_idiom(need: Need, toks: list[Token], lexicon: Lexicon) -> bool:
    """A verb idiom the vocabulary gives the meaning of ("come into force": "take effect") whose first word
    is a verb here: the act asked, as a one-word verb would be. The phrase itself has no part of speech
    in the lists; its first word is the one English inflects."""
    if not (need.phrasal and " " in need.label and need.position < len(toks) and lexicon.meanings(need.label)):
        return False
    head = toks[need.position].lower
    if "VERB" not in Lexicon.parts_of_speech(head):
        return False
    if any(lemma != head for lemma in Lexicon.lemmas(head)) or head.endswith(("ed", "ing")):
        return True  # "the treaty *came* into force"
    return any(t.lower in _AUX - _BE for t in toks[: need.position])  # "did the new treaty *come* into force"


def _reads_as_verb(need: Need, toks: list[Token], *, names: frozenset[int] = frozenset()) -> bool:
    """The word is a verb here: an inflected verb form ("met", "hosted", "going"), or a bare verb after
    an auxiliary or "to" ("did Kim *meet*", "will they *sign*"), back over the names of its subject,
    written with capitals or linked though written small (`names`), and a reflexive that stresses it
    ("did Kim *himself* go")."""
    if "VERB" not in Lexicon.parts_of_speech(need.label):
        return False
    before = toks[need.position - 1].lower if need.position > 0 else ""
    if before in DETERMINERS or before in _COUNT or before in _WHICH or before.isdigit() or (
            need.position > 0 and toks[need.position - 1].possessive) or (
            before == "what" and need.label.endswith("ing") and "NOUN" in Lexicon.parts_of_speech(need.label)):
        return False  # "the *talks*", "the two *sides*", "Moon's *rival*", "which/what *building*": a noun
    following = toks[need.position + 1] if need.position + 1 < len(toks) else None
    if before in _WHICH | {"what"} and following is not None and following.lower in _AUX:
        return False  # "what *phrasing* did they use": between the question word and its auxiliary, a noun
    word = need.label
    pos = Lexicon.parts_of_speech(word)
    inflected = any(l != word for l in need.lemmas) and (not word.endswith("s") or "NOUN" not in pos)
    if inflected or word.endswith(("ed", "ing")):
        return True
    if before in {"who", "whos", "who's"}:
        return True  # "who *runs* the foundation": the word after "who" is its verb
    if (before == "what" and following is not None and following.lower in DETERMINERS
            and word.endswith("s") and any(lemma != word for lemma in need.lemmas)):
        return True  # "what *holds* the roof up": "what" is its subject; "what plans the ..." is no question
    if before in _AUX or before == "to":
        return before not in _BE  # "is *meet*" is no English: "be" takes a participle, not a bare verb
    if "ADV" in pos and following is not None and (_inflected_verb(following) or _bare_verb_after_aux(following, toks)):
        return False  # "is Moon *still* hoping", "did Moon *last* meet him": an adverb before the verb
    for t in reversed(toks[max(0, need.position - 4):need.position]):
        if t.lower in DETERMINERS and not all(x.capitalised for x in toks[t.position + 1 : need.position]):
            return False  # "was the first *round*": a noun phrase ("did the White House *announce*" is not)
        if (t.lower in DETERMINERS and "NOUN" in pos and following is not None
                and "VERB" in Lexicon.parts_of_speech(following.lower) and following.lower not in DETERMINERS):
            return False  # "did the American *soldier* cross": a noun, whose verb follows it
        if t.lower in _AUX:
            return t.lower not in _BE
    for t in reversed(toks[: need.position]):  # "did Kim Jong Un and Xi Jinping *sign*": back over the names
        if t.lower in _AUX:
            return t.lower not in _BE  # "is John Bolton *title*": a noun
        if not (t.text[:1].isupper() or t.lower in {"and", "the", "n"} or "-" in t.text
                or t.position in names or t.lower in _REFLEXIVES):
            return False
    return False


def _phrasal(need: Need) -> bool:
    """A verb of two words that `_phrasal_verb` read ("came out", "took part")."""
    return " " in need.label and need.lemmas == {need.label}


def _bare_verb_after_aux(t: Token, toks: list[Token]) -> bool:
    """A word that is a verb and never an adverb, in a question an auxiliary other than "be" leads ("did
    Moon last *meet* Kim"): the verb that auxiliary takes, so a word between them that can be an adverb is one."""
    pos = Lexicon.parts_of_speech(t.lower)
    return ("VERB" in pos and "ADV" not in pos
            and any(x.lower in _AUX - _BE for x in toks[:t.position]))


def _inflected_verb(t: Token) -> bool:
    """A verb form that can only be a verb here: a participle or past tense ("committed", "going", "met")."""
    pos = Lexicon.parts_of_speech(t.lower)
    return "VERB" in pos and (t.lower.endswith(("ed", "ing")) or any(l != t.lower for l in t.lemmas) and "NOUN" not in pos)


def _clause(linked: Linked, needs: list[Need], subject: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """A clause after the question's verb whose subject is another entity, named right before its own
    verb ("what does the mayor think *the council wants*"): that entity and the clause's verb."""
    verbs = [n for n in needs if n.kind is NeedKind.word and "VERB" in Lexicon.parts_of_speech(n.label)]
    if not verbs or not (verbs[0].lemmas & SAYING or Lexicon.content_weight(verbs[0].label) < RELATION_WEIGHT):
        return frozenset(), frozenset()  # a verb that reports or holds an opinion takes a clause ("ratify
        # the treaty" takes an object)
    toks = linked.question.tokens
    at = verbs[0].position + 1
    while at < len(toks) and (toks[at].lower == "that" or toks[at].lower in DETERMINERS):
        at += 1
    before = next((m for m in linked.mentions if m.position == at), None)
    verb = next((v for v in verbs[1:] if before is not None and v.position == before.position + before.span), None)
    if verb is not None and subject and not before.ids & subject:
        return frozenset(before.ids), verb.lemmas
    return frozenset(), frozenset()


_PASSIVE_BE = frozenset({"is", "are", "was", "were"})


def _passive_question(toks: list[Token], named: int, verb: int) -> bool:
    """"When *was* the Chinese consulate *closed*": a form of "be" right before the phrase the name
    opens (past a determiner) and a past participle after it ask of what was done to it. ("When was Kim
    *visiting*" is no passive, nor "who was the man Kim *met*".)"""
    word = toks[verb].lower
    if word.endswith("ing") or not Lexicon.lemmas(word) - {word} or "VERB" not in Lexicon.parts_of_speech(word):
        return False
    at = named - 1
    while at >= 0 and toks[at].lower in DETERMINERS:
        at -= 1
    return at >= 0 and toks[at].lower in _PASSIVE_BE


_PHRASE_REACH = 6
"""How many words of a noun phrase may stand between its determiner and its noun ("the inter-Korean
high-level talks" is five)."""


def _in_a_prepositions_object(need: Need, toks: list[Token]) -> bool:
    """The word ends a noun phrase that a preposition and a determiner open, past the names and words
    that qualify it ("*to the* inter-Korean high-level *talks*"): the object of the preposition, a noun
    there whatever else English makes of it, and no verb the question says of anyone."""
    for t in reversed(toks[max(0, need.position - _PHRASE_REACH) : need.position]):
        if t.lower in DETERMINERS:  # not after "since", "after", ...: they may open a clause whose subject
            # the phrase is ("since a Chinese leader last went there")
            return t.position > 0 and toks[t.position - 1].lower in PREPOSITIONS - _ANCHOR_WORDS
        if t.lower in _AUX or t.lower in _WH or t.lower in PREPOSITIONS:
            return False
    return False


def _subject(linked: Linked, needs: list[Need]) -> frozenset[str]:
    """The entity the question's first verb is said of: "what does *North Korea* want". The verb is the
    relation asked where the question has one: a word before it that can be a verb is a noun there
    ("when was the embassy *building* sold")."""
    toks = linked.question.tokens
    verbs = [n for n in needs if n.kind is NeedKind.word and "VERB" in Lexicon.parts_of_speech(n.label)
             and not _in_a_prepositions_object(n, toks)]
    if not verbs:
        return frozenset()
    verb = next((n for n in verbs if n.relation), verbs[0])
    verb = next((n for n in verbs if _act_of_the_light_verb(n, needs, toks) is verb), verb)  # "Kim *paid* Moon a visit"
    before = [m for m in linked.mentions if verb.position - 4 <= m.position < verb.position]
    if not before:
        return frozenset()
    if verb.position > 0 and toks[verb.position - 1].lower in {"was", "were", "been", "being", "get", "got"}:
        return frozenset()  # passive: the entity before the verb is its object
    if _passive_question(toks, before[-1].position, verb.position):
        return frozenset()  # "when was the consulate closed": the consulate is what was closed
    subject = set(before[-1].ids)
    joined = before[-1]
    for m in reversed(linked.mentions[: linked.mentions.index(joined)]):
        if m.position + m.span + 1 == joined.position and toks[joined.position - 1].lower in {"and", "n"}:
            subject |= m.ids  # "Trump and Kim held": both are the subject
            joined = m
    return frozenset(subject)
