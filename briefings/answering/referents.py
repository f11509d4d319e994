"""What a pronoun in a follow-up stands for ("he", "it", "they", "that building"): read off the last
question, what its answer was about, what else its answer named, and the question before.

`context.follow_up` asks a `Referents` for the words to put in a pronoun's place."""

from __future__ import annotations

import re
from collections.abc import Mapping, Set
from typing import TYPE_CHECKING, NamedTuple

from briefings.answering.classify import _BE, attribution_opening, is_proper_name
from briefings.answering.lexicon import PREPOSITIONS, Lexicon, word_tokens
from briefings.answering.model import Asked, Classified, Mention, Token
from briefings.answering.normalise import read_words
from briefings.models import Entity, EntityKind

if TYPE_CHECKING:
    from briefings.answering.context import QuestionContext

__all__ = ["AUX", "EVENT_VERBS", "EVENTFUL", "GENDERED", "Pointed", "Referents", "WH", "is_plural", "mention_text",
           "name_head", "token_span"]

AUX = {"is", "are", "was", "were", "be", "been", "do", "does", "did", "has", "have", "had", "will", "would",
       "can", "could", "should", "not"}
WH = {"who", "whom", "whose", "what", "which", "when", "where", "why", "how"}
EVENT_VERBS = frozenset({"happen", "occur", "hold"})
"""Verbs that say only that an event was ("where was it *held*?"); "take place" too."""
EVENTFUL = {k.value for k in (EntityKind.event, EntityKind.document, EntityKind.concept)}
"""What "it" stands for first: the meeting before the place it was held in."""
_ARTICLES = {"the", "a", "an"}
_POSTMODIFIERS = {"of", "in", "at", "to", "with", "from", "for", "on", "between", "over", "since"}
"""Prepositions that begin what a name says after its noun ("meeting *at* the DMZ")."""
_NAMED_BARE = {EntityKind.person, EntityKind.country, EntityKind.place}
"""Kinds said by their names, with no "the" ("the president": Donald Trump; "the pavilion": Unification Pavilion)."""
_WHERE_ANSWERS = {EntityKind.place.value, EntityKind.organisation.value}
"""What an answer to "where ...?" gives: a place, or an organisation someone works at or comes from."""
_OF_PLACE = {"in", "of", "on", "from", "at"}
"""Prepositions that join a noun to the one that says which ("the map *in* the article")."""


class Pointed(NamedTuple):
    """What a phrase that points back ("that building", "the meeting") stands for, and how to say it."""

    entity: Entity
    said: str


class Referents:
    """What the pronouns of `new` can stand for, after `previous` and the `context` it left."""

    def __init__(self, new: Classified, previous: Classified, context: QuestionContext, *,
                 entities: Mapping[str, Entity], passed: Set[str] = frozenset()) -> None:
        self.new, self.previous, self.context, self.entities = new, previous, context, entities
        self.passed = passed
        """What another reading of the question took its pronouns to stand for: this one reads them as
        the next thing each can stand for ("they": the talks, once North Korea was read and found nothing)."""
        self.pronoun: str | None = None
        """The pronoun being read, while it is: "she" is no one the store calls "he" ("Mr. Cole")."""
        self.chosen: set[str] = set()
        """What the question's earlier pronouns stand for: "what have those done to it?" is not one thing
        done to itself."""
        self.last: set[str] = set()
        """What the last referent given stands for."""

    def of(self, kinds: set[str], *, people: bool, near: bool = False) -> str | None:
        """What a pronoun that stands for one of `kinds` stands for: an event, a document or an idea
        before an organisation or a place ("who blocked it?" after "what did the National Assembly
        fail to do?": what it failed to ratify); then (unless `near`) what else the answer named, then
        what the question before named. After "what is X?" or "tell me about X", "it" is X itself,
        whatever else the description named."""
        described = self.previous.describe if self.previous.asked is Asked.describe else None
        if described and described in self.entities and self.kinds({described}) & kinds:
            return self.said(self.entities[described])
        if (described in self.passed and described in self.entities and self.entities[described].kind.value in kinds
                and self._pronoun_fits(self.entities[described])):
            return None  # after "who is X?", "he" is X: the others X's description names are no other reading
            # ("hers" after "what's his background?" is someone else's)
        subject = self._described_subject() if self.pronoun == "it" and kinds & EVENTFUL and self._it_does() else None
        if subject is not None:
            return subject  # "how does the failed vote affect Moon?" + "what does it say about Seoul?"
        where = self.where_answered(kinds)
        if where is not None:
            return where  # "where does she work?" + "where is that?": the place the answer gave, before an event
        for tier in (kinds & EVENTFUL, kinds):
            said = self._of(tier, people=people) if tier else None
            if said is not None:
                return said
        if near:
            return None
        event = self.event_of_the_people() if EntityKind.event.value in kinds else None
        if event is not None:
            return event  # "when did Ana last see Ben?" + "was that planned?": their meeting
        for tier in (kinds & EVENTFUL, kinds) if not self.passed else ():  # what else the answer named
            # (not for a reading that passes over what was read first: a thing an answer only
            # mentioned is a guess that the facts about it answer too readily)
            found = [self.entities[e] for e in self.context.named if tier and self.kinds({e}) & tier]
            if found:
                return self.said(found[0])
        for tier in (kinds & EVENTFUL, kinds):  # nothing the last question or answer named: the one before
            named = [e for e in self.context.earlier if tier and self.kinds(set(e.ids)) & tier]
            if named:
                self.last = set(named[0].ids)
                return named[0].text
            answered = [self.entities[e] for e in self.context.earlier_answered
                        if e in self.entities and self.kinds({e}) & tier - {EntityKind.person.value}]
            if answered:
                return self.said(answered[0])  # what the answer before was about: a thing, not
                # someone ("his" two questions on is the one person still talked of, or no one)
        if self.pronoun in {"it", "its"}:  # no thing: a country the last question named ("done to it")
            aside = {n.position for n in self.previous.needs if n.excluded}
            countries = [m for m in self.previous.linked.mentions
                         if m.position not in aside and self.kinds(m.ids) & {EntityKind.country.value}]
            if countries:
                return self.as_asked(self.previous.linked.question.text, countries[0])
        return None

    def event_of_the_people(self, *, dated: bool = False) -> str | None:
        """The one event the store tells of as between the two or more people the last question named,
        by their names in its name or description: what happened when they met, which the question
        asked of by a verb ("when did Ana last see Ben?"), so no name of it was said. Of several such
        events, the one whose description gives the day the answer was dated; None if not one. With
        `dated`, the one event must give that day even when it is the only one (their other meetings
        may be told of with no event of their own)."""
        people = {e for m in self.previous.linked.mentions for e in m.ids if self.kinds({e}) & {"person"}}
        if len(people) < 2:
            return None

        def says(text: str, name: str) -> bool:
            said, words = _words(name), _words(text)
            return any(words[k:k + len(said)] == said for k in range(len(words) - len(said) + 1))

        events = [entity for entity in self.entities.values() if entity.kind is EntityKind.event and self._fits(entity)
                  and all(any(says(text, name) for text in (*entity.names, entity.description or "")
                              for name in self.entities[person].names) for person in people)]
        if len(events) > 1 or dated:
            days = {f"{day:%B} {day.day}, {day.year}" for day in self.context.days}
            events = [entity for entity in events if any(day in (entity.description or "") for day in days)]
        if len(events) != 1:
            return None
        if dated:  # by a name that says its day ("the May 26 summit"): "and the April one?" has a time to trade
            days = {f"{day:%B} {day.day}" for day in self.context.days}
            timed = [name for name in events[0].names if any(day in name for day in days)]
            if timed:
                self.last = {events[0].id}
                return f"the {_without_article(timed[0])}"
        return self.said(events[0])

    def _it_does(self) -> bool:
        """"It" is the subject of a verb after "do" or "will" ("what does *it* say about ...?")."""
        words = [t.lower for t in self.new.linked.question.tokens]
        return any(w == "it" and 0 < i < len(words) - 1 and words[i - 1] in AUX - _BE
                   for i, w in enumerate(words))

    def _described_subject(self) -> str | None:
        """The subject of the last question when it describes a thing the store does not name: "the
        failed vote" of "how does *the failed vote* affect Moon?", between the auxiliary after the question
        word and the verb asked, opened by "the" and holding no name. "It" stands for it before anything
        its answer named: the answer was about it."""
        previous = self.previous
        tokens = previous.linked.question.tokens
        if len(tokens) < 4 or tokens[0].lower not in WH or tokens[1].lower not in AUX:
            return None
        verb = next((n.position for n in previous.needs if n.relation), None)
        if verb is None:  # "how does the failed vote *affect* Moon?": the word before its object, or the last
            end = next((t.position for t in tokens[2:] if previous.linked.used[t.position]), len(tokens))
            verb = end - 1 - (tokens[end - 1].lower in PREPOSITIONS)
            if "VERB" not in Lexicon.parts_of_speech(tokens[verb].lower):
                return None
        words = tokens[2:verb]
        if len(words) < 2 or words[0].lower != "the" or any(previous.linked.used[t.position] for t in words):
            return None
        return " ".join(t.text for t in words)

    def _of(self, kinds: set[str], *, people: bool) -> str | None:
        previous = self.previous
        text = previous.linked.question.text
        # the answer to "who ...?" is whom "he" stands for; the answer to "where ...?", what "there" does
        answered_first = previous.asked in {Asked.who, Asked.name} or previous.asked is Asked.where and (
            "event" not in kinds)
        answered = self.answered_of(kinds, named=False)
        if answered_first and answered is not None:
            return answered
        thing = self._answered_thing(kinds) if previous.asked is Asked.what else None
        if thing is not None:
            return thing  # "what did they sign?" + "what does it hold?": what the answer gave
        aside = {n.position for n in previous.needs if n.excluded}  # "apart from X, what ...?": not X
        named = [_with_plural_noun(m, previous.linked.question.tokens, previous.linked.used)
                 if people and self.kinds(m.ids) & EVENTFUL else m for m in previous.linked.mentions]
        mentioned = [m for m in named if m.position not in aside and (
                     self.kinds(m.ids) & kinds or people and is_plural(m.text) and not self.kinds(m.ids) & {"person"})]
        # "they": the talks, the exercises too
        of_an_event = any(t.lemmas & EVENT_VERBS for t in self.new.linked.question.tokens) or self.new.asked is Asked.status
        held = [m for m in mentioned if people and is_plural(m.text) and self.kinds(m.ids) & {"event"} and of_an_event]
        mentioned = held or mentioned  # "when were they held?": the talks, not the country that left them
        if people and of_an_event and not held:
            talks = [e for e in self.context.answered if e in self.entities and e not in {
                     i for m in previous.linked.mentions for i in m.ids} and self.kinds({e}) & {"event"}
                     and is_plural(self.entities[e].name)]
            if talks:  # "when did the North walk out of its talks?" + "are they back on?": the talks it left
                return self.said(self.entities[talks[0]])
        if people and not mentioned:
            persons = [m for m in previous.linked.mentions if self.kinds(m.ids) & {"person"}]
            if len(persons) >= 2:
                return " and ".join(mention_text(text, m) for m in persons)
            if len(persons) == 1 and len(persons[0].ids) == 1:
                pair = self._with_the_one_before(next(iter(persons[0].ids)))
                if pair is not None:
                    return pair  # "who did Sung Kim meet?", "what's her position?", "what did they discuss?"
        if mentioned:
            heads = _phrase_heads(mentioned, previous.linked.question.tokens)  # "the map in the article": the map
            subject = self.context.answered[:1]
            about = [m for m in heads if subject and subject[0] in m.ids]
            chosen = (about or heads)[0]  # "the article's map" + "its scale": the map
            said = self._subject_around(chosen) or self.as_asked(text, chosen)
            meant = self.last & set(self.context.answered)
            if meant and meant != self.last:
                self.last = meant  # "the inter-Korean summit" of two: the one its answer was about
            return said
        if people and answered is None:
            persons = [self.name(e) for e in self.context.answered if self.kinds({e}) & {"person"}]
            if len(persons) >= 2:
                return " and ".join(persons[:2])
            event = self.answered_of({"event"}, named=False)
            if event is not None:
                return event  # "who met at the DMZ?" + "what did they discuss?": the meeting
        return answered

    def unnamed_one_answered(self) -> str | None:
        """The one person the last "who ...?" gave, when the sources leave them unnamed and say neither "he"
        nor "she" of them: English calls such a one "they" ("who said so?", "a person familiar with it", "do
        we know their name?"). None otherwise: after a named person, "they" is still a group or a country."""
        if self.previous.asked not in {Asked.who, Asked.name} or not self.context.answered:
            return None
        first = self.entities.get(self.context.answered[0])
        asked = {e for m in self.previous.linked.mentions for e in m.ids}
        if (first is None or first.kind is not EntityKind.person or first.id in asked or is_proper_name(first.name)
                or _gender(first) is not None or first.id in self.context.called):
            return None
        return self.said(first)

    def _with_the_one_before(self, person: str) -> str | None:
        """`person`, the one the last question named, and the one other person the question before was
        about with them (named or answered): whom "they" stands for when the last question asked of one of
        two people just talked of. None unless there is exactly one such other."""
        before = [e for e in dict.fromkeys([*self.context.earlier_answered,
                                            *(e for m in self.context.earlier for e in m.ids)])
                  if e != person and e in self.entities and self.entities[e].kind is EntityKind.person]
        if person not in {*self.context.earlier_answered, *(e for m in self.context.earlier for e in m.ids)}:
            return None  # the question before was not about them
        if len(before) != 1:
            return None
        self.last = {before[0], person}
        return f"{self.name(before[0])} and {self.name(person)}"

    def people(self) -> str | None:
        """The two or more people the last question named, else the ones its answer was about, else
        the ones its facts named ("Ana and Ben"): whom "they" stands for when a question asks who they
        are, which a meeting or a place cannot be."""
        text = self.previous.linked.question.text
        persons = [mention_text(text, m) for m in self.previous.linked.mentions if self.kinds(m.ids) & {"person"}]
        for ids in (self.context.answered, self.context.named):
            if len(persons) >= 2:
                break
            persons = [self.name(e) for e in dict.fromkeys(ids) if self.kinds({e}) & {"person"}]
        return " and ".join(persons[:2]) if len(persons) >= 2 else None

    def answered_people(self) -> list[str]:
        """The people the last answer's facts were about or named that its question did not name, in
        the order the answer said them."""
        asked = {e for m in self.previous.linked.mentions for e in m.ids}
        return [self.name(e) for e in dict.fromkeys([*self.context.answered, *self.context.named])
                if e not in asked and self.kinds({e}) & {"person"}]

    def _subject_around(self, mention: Mention) -> str | None:
        """The last question's subject, when it is a common noun's phrase holding `mention`: in "how
        will the failure to ratify the declaration affect Moon?", "it" is the failure, not the
        declaration. Read as "wh-word, auxiliary, the subject, its verb"; the verb is the first word
        that can be one, not after "to", a determiner or a possessive."""
        previous = self.previous.linked
        words = [t.lower for t in previous.question.tokens]
        text = previous.question.text
        offsets = _token_offsets(text)
        used = previous.used

        def possessive(i: int) -> bool:  # "legislature's": the tokens keep the word, the text its "'s"
            return i < len(offsets) and text[offsets[i][1]:offsets[i][1] + 2] in {"'s", "\u2019s"}

        if not words or words[0] not in WH:
            return None
        aux = next((i for i in range(1, min(len(words), 4)) if words[i] in AUX), None)
        if aux is None or aux + 2 >= len(words) or words[aux + 1] not in _ARTICLES:
            return None
        head = aux + 2
        name = next((m for m in previous.mentions if m.position <= head < m.position + m.span), None)
        if name is not None:
            head = name.position + name.span  # "the legislature's failure": the name only says whose
            if not possessive(head - 1):
                return None  # a name heads it ("the map in the article", "the North"), not a common noun
        if head >= len(words) or used[head]:
            return None
        end = head + 1
        while end < len(words):
            before = words[end - 1]
            if not used[end] and "VERB" in Lexicon.parts_of_speech(words[end]) and not (
                    before in _ARTICLES or before == "to" or possessive(end - 1)):
                break
            end += 1
        if end >= len(words) or not aux + 2 <= mention.position < end:
            return None
        return text[slice(*token_span(text, aux + 1, end))]

    def as_asked(self, text: str, mention: Mention) -> str:
        """The mention as the question wrote it, with the "the" it had ("the Panmunjom Declaration"),
        or the proper name it was typed in lower case as ("choe son hui": Choe Son Hui), so that it
        is not read as a common noun."""
        said = mention_text(text, mention)
        self.last = set(mention.ids)
        if said.islower() and len(mention.ids) == 1:
            entity = self.entities.get(next(iter(mention.ids)))
            names = [n for n in entity.names if n.lower() == said.lower()] if entity is not None else []
            if names and is_proper_name(entity.name):
                return entity.name
            if names and names[0][:1].isupper():
                return names[0]  # "south korean officials": as the store writes it, a name, not "the" common noun
        tokens = self.previous.linked.question.tokens
        if mention.position > 0 and tokens[mention.position - 1].lower == "the" and not said.lower().startswith("the "):
            return f"the {said}"
        return said

    def described_as(self, noun: str) -> Pointed | None:
        """What the last answer or question named that `noun` names or describes ("that building":
        Panmungak, North Korea's main building), by its names first, then by its description, then by
        what WordNet says the noun of a name is a kind of ("that building": the Peace House, a house being
        a building): what the answer was about, then what the question named, then what else the answer's
        facts named ("who said so?" + "was that source named?": the unnamed source the fact says it of);
        then, the same three ways, what the answer before was about ("where was the summit held?", "what
        came of it?", "which site is that building?": where it was held)."""
        lemmas = {noun, *Lexicon.lemmas(noun)}
        found = [*self._last_named(), *(self.entities[e] for e in self.context.named if e in self.entities)]
        before = [self.entities[e] for e in self.context.earlier_answered if e in self.entities]
        for entities in (found, before):
            for texts in (lambda e: e.names, lambda e: [e.description or ""], _kinds_of_names):
                for entity in entities:
                    words = {lemma for text in texts(entity) for w, _ in word_tokens(text)
                             for lemma in (w.lower(), *Lexicon.lemmas(w.lower()))}
                    if " " in noun:  # "that think tank": a noun of two words, the head of what a name or a
                        # description says the thing is ("A think tank in Seoul"), not one it says of another
                        words |= {pair for text in texts(entity) if (pair := _head_pair(text))}
                    if words & lemmas:
                        headed = None if entity.kind in _NAMED_BARE else self._headed_name(
                            entity, frozenset(lemmas), plural=is_plural(noun))
                        return Pointed(entity, headed or _called(entity))  # "those families": the
                        # separated families, by the name the noun heads, not "the reunions of ..."
        return None

    def headed_by(self, noun: str) -> Pointed | None:
        """What the last answer was about or the last question named that one of its names is headed by
        `noun` ("the meeting": the DMZ meeting; "the talks": the high-level talks). A thing is said by
        the first of its fewest-word such names that no other entity has: the words a name adds to the
        noun only say which one, and a long name ("the Sung Kim-Choe Son Hui meeting at the DMZ") would
        make the question look like it asks more than it does. A person, a country or a place is said by
        its name ("the president": Donald Trump)."""
        lemmas, plural = Lexicon.lemmas(noun), is_plural(noun)
        for entity in self._last_named():
            said = self._headed_name(entity, lemmas, plural=plural)
            if said is not None:
                return Pointed(entity, _called(entity) if entity.kind in _NAMED_BARE else said)
        return None

    def said(self, entity: Entity) -> str:
        """How a reading names `entity` in a pronoun's place: by its name, unless that says other
        names ("it": the DMZ meeting, not the Sung Kim-Choe Son Hui meeting at the DMZ, which reads
        like the facts about it); then as `headed_by` would, by the noun its name is headed by."""
        head = name_head(entity.name)
        self.last = {entity.id}
        if entity.kind in _NAMED_BARE or head is None or not self._holds_other_names(entity):
            return _called(entity)  # "The Wall Street Journal" is no longer than it needs to be
        return self._headed_name(entity, Lexicon.lemmas(head), plural=is_plural(head)) or _called(entity)

    def _holds_other_names(self, entity: Entity) -> bool:
        """`entity`'s name says another entity's name ("Sung Kim-Choe Son Hui meeting at the DMZ")."""
        words = _words(entity.name)
        return any(0 < len(said) < len(words) and any(words[k:k + len(said)] == said for k in range(len(words)))
                   for other in self.entities.values() if other.id != entity.id
                   for said in map(_words, other.names))

    def _headed_name(self, entity: Entity, lemmas: frozenset[str], *, plural: bool) -> str | None:
        """The first of `entity`'s fewest-word names headed by a noun of `lemmas` that no other entity
        has, with "the"; None when it has none."""
        headed = [name for name in entity.names if (head := name_head(name)) and Lexicon.lemmas(head) & lemmas
                  and is_plural(head) == plural]  # "the teams" are both teams, not one
        own = [name for name in headed if not any(
            other.id != entity.id and name.lower() in (n.lower() for n in other.names)
            for other in self.entities.values())]
        if not own:
            return None
        said = min(own, key=lambda name: len(name.split()))
        if plural and said[:1].isupper():
            return said  # "Seoul officials", as English says a group by its name: "the" would make it common
        first, _, rest = said.partition(" ")
        return f"the {rest if first.lower() in _ARTICLES and rest else said}"

    def the_other(self, noun: str | None) -> tuple[Mention, Entity] | None:
        """"the other one", "the other delegation": the one thing of the same kind and headed by the same
        noun as something the last question named (the U.S. delegation's other is the North Korean one);
        None when there is not exactly one."""
        for mention in self.previous.linked.mentions:
            for entity in (self.entities[e] for e in sorted(mention.ids) if e in self.entities):
                heads = {name_head(name) for name in entity.names} - {None}
                if noun is not None and not any(Lexicon.lemmas(noun) & Lexicon.lemmas(h) for h in heads):
                    continue
                others = [o for o in self.entities.values() if o.id != entity.id and o.kind is entity.kind
                          and heads & {name_head(name) for name in o.names}]
                if len(others) == 1:
                    return mention, others[0]
        return None

    def _last_named(self) -> list[Entity]:
        """What the last answer was about, then what the last question named."""
        ids = [*self.context.answered, *(e for m in self.previous.linked.mentions for e in sorted(m.ids))]
        return [self.entities[e] for e in dict.fromkeys(ids) if e in self.entities]

    def answered_of(self, kinds: set[str], *, named: bool = True) -> str | None:
        """The first entity of `kinds` the last answer was about that its question did not name: people
        first, then what has a name of its own, then (unless `named`) what is only described."""
        asked = {e for m in self.previous.linked.mentions for e in m.ids}
        found = [self.entities[e] for e in self.context.answered
                 if e in self.entities and e not in asked and self.kinds({e}) & kinds]
        found.sort(key=lambda e: (e.kind.value != "person", not is_proper_name(e.name)))
        for entity in found:
            if is_proper_name(entity.name):
                return self.said(entity)
            if not named:
                return self.said(entity)
        return None

    def sources(self) -> set[int]:
        """Where the last question named whose account it asked for, in an opening "According to X,":
        X told what happened, and is no party to it that a pronoun or "the other side" stands for."""
        return {m.position for m in self.previous.linked.mentions
                if m.position < attribution_opening(self.previous.linked.question.text)}

    def where_answered(self, kinds: set[str]) -> str | None:
        """What answered "where ...?" when "where" is asked again of a pronoun, and not of an event's
        being held: the first place or organisation the last answer named that its question did not
        (asked where someone works, the firm; "where is that?" asks where the firm is)."""
        if self.previous.asked is not Asked.where or self.new.asked is not Asked.where:
            return None
        if any(t.lemmas & EVENT_VERBS for t in self.new.linked.question.tokens):
            return None  # "where was it held?": the event asked of before
        asked = {e for m in self.previous.linked.mentions for e in m.ids}
        places = [self.entities[e] for e in self.context.named if e in self.entities and e not in asked
                  and e not in self.context.answered and self.kinds({e}) & kinds & _WHERE_ANSWERS]
        return self.said(places[0]) if places else None

    def _answered_thing(self, kinds: set[str]) -> str | None:
        """What the last answer to "what ...?" gave: the entity its first fact is about, when the question
        did not name it and it is of `kinds`."""
        asked = {e for m in self.previous.linked.mentions for e in m.ids}
        first = self.context.answered[:1]
        if not first or first[0] in asked or first[0] not in self.entities or not self.kinds(set(first)) & kinds:
            return None
        return self.said(self.entities[first[0]])

    def kinds(self, ids: frozenset[str] | set[str]) -> set[str]:
        """The kinds of these entities, but for a person the pronoun being read cannot stand for."""
        return {self.entities[e].kind.value for e in ids if e in self.entities and self._fits(self.entities[e])}

    def _fits(self, entity: Entity) -> bool:
        if entity.id in self.chosen or entity.id in self.passed:
            return False
        return self._pronoun_fits(entity)

    def _pronoun_fits(self, entity: Entity) -> bool:
        """The pronoun being read can be said of `entity`: "she" is no one the store or this conversation
        calls "he"."""
        want = GENDERED.get(self.pronoun or "")
        if want is None or entity.kind is not EntityKind.person:
            return True
        said = _gender(entity) or self.context.called.get(entity.id)
        return said is None or said == want

    def name(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity is not None else entity_id


GENDERED = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she", "hers": "she"}
_TITLES = {"mr": "he", "sir": "he", "ms": "she", "mrs": "she", "miss": "she", "madam": "she"}


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w, _ in word_tokens(text))


def _gender(entity: Entity) -> str | None:
    """"he" or "she" when the store says which: a title in one of its names ("Mr. Cole") or a pronoun
    in its description ("... her second term"); None when it says neither or both."""
    said = {_TITLES[w.lower()] for name in entity.names for w, _ in word_tokens(name)[:1] if w.lower() in _TITLES}
    said |= {GENDERED[w.lower()] for w, _ in word_tokens(entity.description or "") if w.lower() in GENDERED}
    return said.pop() if len(said) == 1 else None


def _called(entity: Entity) -> str:
    """How a question names `entity`: "Panmungak", "the map", "the senior Seoul official" (a name
    that starts "a" says someone the question now points back to)."""
    if entity.name[:1].isupper():
        return entity.name
    first, _, rest = entity.name.partition(" ")
    return f"the {rest}" if first in _ARTICLES and rest else f"the {entity.name}"


def _without_article(name: str) -> str:
    first, _, rest = name.partition(" ")
    return rest if first.lower() in _ARTICLES and rest else name


def name_head(name: str) -> str | None:
    """The noun a name is of: its last word before a preposition ("a person with knowledge of the
    process": person; "the DMZ meeting": meeting)."""
    tokens = word_tokens(name)
    end = next((k for k, (w, _) in enumerate(tokens) if w.lower() in _POSTMODIFIERS and k > 0), len(tokens))
    if not end:
        return None
    word, offset = tokens[end - 1]
    return word.lower() if offset == 0 or name[offset - 1] == " " else None  # not "Son" of "Chang-son"


def _kinds_of_names(entity: Entity) -> list[str]:
    """The nouns WordNet says the nouns of `entity`'s names are kinds of ("Peace House": building)."""
    heads = {head for name in entity.names if (head := name_head(name)) is not None}
    return sorted({kind for head in heads for lemma in {head, *Lexicon.lemmas(head)} for kind in Lexicon.hypernyms(lemma)})


def _head_pair(text: str) -> str | None:
    """The last two words of a name's or a description's head, before a preposition or a comma, in lower
    case ("a think tank in Seoul": "think tank"); None when it has fewer."""
    head = re.split(r",", text, maxsplit=1)[0]
    tokens = [w.lower() for w, _ in word_tokens(head)]
    end = next((k for k, w in enumerate(tokens) if w in _POSTMODIFIERS and k > 0), len(tokens))
    return " ".join(tokens[end - 2:end]) if end >= 2 else None


def is_plural(name: str) -> bool:
    """`name` ends in a plural noun ("the military exercises", "the high-level talks")."""
    words = name.lower().split()
    return bool(words) and words[-1].endswith("s") and any(
        lemma != words[-1] and words[-1].startswith(lemma) for lemma in Lexicon.lemmas(words[-1]))


def _with_plural_noun(mention: Mention, tokens: list[Token], used: list[bool]) -> Mention:
    """The name of an event or a document with the plural noun after it ("the summit *talks*", "the
    declaration drafts"): the phrase names the things that noun says, which "they" stands for as it
    does for a plural name; the name alone is only what they are of. The mention itself otherwise."""
    end = mention.position + mention.span
    if end >= len(tokens) or used[end] or "NOUN" not in Lexicon.parts_of_speech(tokens[end].lower):
        return mention
    if not is_plural(tokens[end].lower):
        return mention
    return Mention(ids=mention.ids, text=f"{mention.text} {tokens[end].text}", position=mention.position,
                   span=mention.span + 1, exact=mention.exact)


def _phrase_heads(mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
    """The mentions that are not a modifier of another: "the article" in "the map in the article", in
    "the article's map" and in "the article map" says which map; the map is what the phrase names."""
    starts = {m.position for m in mentions}
    ends = {m.position + m.span for m in mentions}

    def modifies(m: Mention) -> bool:
        if m.position + m.span in starts:
            return True  # "the article's map", "the JSA map": the last noun is the head
        return m.position - 1 in ends and tokens[m.position - 1].lower in _OF_PLACE  # "the map in the article"

    return [m for m in mentions if not modifies(m)] or mentions


def mention_text(text: str, mention: Mention) -> str:
    start, end = token_span(text, mention.position, mention.position + mention.span)
    said = text[start:end]
    if end < len(text) and text[end] == "." and said[-1:].isupper() and len(said.split()[-1]) == 1:
        said += "."  # "U.S"
    return said


def token_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The characters of tokens `start` to `end` (exclusive) in `text`."""
    offsets = _token_offsets(text)
    if end <= start or end > len(offsets):
        return (offsets[start][0], offsets[start][0]) if start < len(offsets) else (len(text), len(text))
    return offsets[start][0], offsets[end - 1][1]


def _token_offsets(text: str) -> list[tuple[int, int]]:
    """Where each token of the question `text` stands, as the normaliser reads it: a written word read as
    two ("didnt", "gonna") spans the written word for each."""
    return [(start, end) for _, start, end, _ in read_words(text)]
