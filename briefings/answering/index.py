"""`FactIndex`: the current facts, kept in step with the store, and the answering pipeline over them.

normalise -> link -> classify -> (converse | retrieve -> score -> decide -> phrase)
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from briefings.answering.classify import COURTESIES, RELATION_WEIGHT, SAYING, Intents, classify
from briefings.answering.context import (QuestionContext, Reading, asked_as_the_one_before, asked_of_the_last,
                                         asks_besides, context_of, describes_without_naming, follow_up_readings,
                                         named_in_the_conversation, points_back, read_as_the_last_answer, said_in_order, speaks_of_someone_said)
from briefings.answering.converse import Briefed, converse
from briefings.answering.decide import DEFAULT_THRESHOLD, RUNNER_UP, Decision, decide
from briefings.answering.facts import FactTable, IndexedFact
from briefings.answering.lexicon import Lexicon, word_tokens
from briefings.answering.link import link, qualified_documents, reckoned_times
from briefings.answering.model import Answer, Asked, Classified, Event, NeedKind
from briefings.answering.normalise import MAX_QUESTION_CHARS, is_foreign_script, normalise_question
from briefings.answering.phrase import phrase, refuse
from briefings.answering.score import (YEAR_ONLY, ScoredFact, candidates, features, fits_the_asked_kind,
                                       heuristic, kind_factor, prepare, question_traits, said_together,
                                       says_the_question, score_candidates, the_cause_beside)
from briefings.compose import DATE_RELATION
from briefings.models import Catalogue, Entity, EntityKind, Fact, Source

__all__ = ["FactIndex", "SCOPE"]

SCOPE = "the 2018 U.S.\u2013North Korea summit talks"
_CONFIG = Path(__file__).resolve().parents[2] / "config"
EVENT_JOIN_CANDIDATES = 3
"""How many of the best facts are looked through for an event another fact gives the place or day of."""
NOTHING_MORE = "I have no fact on that beyond what I said:"
"""The reply to "anything else?" once every fact that answers has been given: the abstention, then those facts."""
MORE_OF_THE_SAME_READ = 2000
"""How many facts may name a subject for "anything else?" to read them all for more of what it was said
to do (about 2 us a fact); a subject named more often is left to the ranking, so a follow-up about a
central entity of a big store costs no more than any question."""
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:!.?]+|\s[-\u2013\u2014]+)\s+")
"""Where a message's first clause ends: "hi, ...", "thanks! ...", "hey - ..."."""
_ASKER = re.compile(r"\bi(?:['\u2019](?:m|ve|d|ll))?\b", re.I)
"""The asker saying what they are doing ("*I'm* writing the story and ...", "*I* keep seeing ..."): English's
first person singular, in its contractions."""
_UNSAID_SUBJECT = frozenset({"been", "was", "had"})
"""The verbs a chat clause opens with when it leaves its subject, the asker, unsaid ("*been* offline all day",
"*was* out"): a past form, which no question opens without its subject after it."""
_NEWS = frozenset({Asked.status, Asked.latest, Asked.upcoming, Asked.changed})
_WH_WORD = re.compile(r"\b(?:what|which|who|whom|whose|where|when|why|how)\b", re.I)
_RESTATING = re.compile(r"[,;]\s*(?:like|as in)\s*,?\s+(?=(?:what|which|who|whom|whose|where|when|why|how)\b)", re.I)
"""Where a question is asked again in other words: "what's his story, *like* what's his job?"."""
_CONVERSATION = {Asked.status, Asked.latest, Asked.upcoming, Asked.changed, Asked.describe, Asked.small_talk}


def _restated(text: str) -> str:
    """"what's his story, like what's his job?": a question asked, then again in other words after "like" or
    "as in", the way chat rephrases; the second wording, a question of its own, says what is asked."""
    last = None
    for last in _RESTATING.finditer(text):
        pass
    if last is None or _WH_WORD.search(text[: last.start()]) is None:
        return text
    return text[last.end() :]


def _today() -> date:
    return datetime.now(timezone.utc).date()


class FactIndex:
    """An in-memory index of the current facts that updates in place when a fact changes.

    It is built from the facts as they come (`facts` may be a generator, and `add_facts` takes more):
    a store read in batches is never held whole, neither as a `Catalogue` nor as its `Fact`s."""

    def __init__(self, facts: Iterable[Fact], *, sources: Mapping[str, Source], entities: Mapping[str, Entity],
                 lexicon: Lexicon | None = None, intents: Intents | None = None,
                 today: Callable[[], date] = _today) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.intents = intents or Intents.load(_CONFIG / "intents.yaml")
        self._today = today
        self.threshold = DEFAULT_THRESHOLD
        self._sources: dict[str, Source] = dict(sources)
        self._cache: dict[str, tuple[tuple[int, date], object]] = {}
        self.table = FactTable(self.lexicon)
        with _no_collection():
            for entity in entities.values():
                self.table.add_entity(entity)
        self.add_facts(facts)

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue, **options: Any) -> FactIndex:
        """The index of a whole catalogue (the curated files, a test's store); `options` as for `FactIndex`."""
        return cls(catalogue.facts.values(), sources=catalogue.sources, entities=catalogue.entities, **options)

    def add_facts(self, facts: Iterable[Fact]) -> None:
        """Index many facts, each as it comes, post them a block at a time, and give the words they bring
        their vectors in one batch."""
        with _no_collection():
            for fact in facts:
                self.table.add(fact)
            self.table.flush_postings()
        self.table.flush_vectors()

    # -- maintenance ---------------------------------------------------------------------------

    def upsert(self, fact: Fact) -> None:
        """Add or replace a fact; the very next question sees it."""
        self.table.add(fact)

    def remove(self, fact_id: str) -> None:
        self.table.remove(fact_id)

    def upsert_entity(self, entity: Entity) -> None:
        self.table.add_entity(entity)

    def remove_entity(self, entity_id: str) -> None:
        self.table.remove_entity(entity_id)

    def upsert_source(self, source: Source) -> None:
        self._sources[source.id] = source
        self.table.revision += 1

    def knows(self, word: str) -> bool:
        """Some fact or entity name holds `word` (lowercase)."""
        return word in self.table.vocabulary or self.table.names.holds(word)

    def __len__(self) -> int:
        return len(self.table.facts)

    def __contains__(self, fact_id: object) -> bool:
        return fact_id in self.table.facts

    def _cached(self, key: str, compute: Callable[[], object]):
        """What is read off all the facts, kept until the facts, entities or sources change."""
        hit = self._cache.get(key)
        if hit is not None and hit[0] == (self.table.revision, self._today()):
            return hit[1]
        value = compute()
        self._cache[key] = ((self.table.revision, self._today()), value)
        return value

    @property
    def topics(self) -> dict[str, int]:
        return self._cached("topics", self._topics)

    def _topics(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for outline in self.table.outlines():
            counts[outline.topic] = counts.get(outline.topic, 0) + 1
        return counts

    def catalogue(self) -> Catalogue:
        """Everything the index holds, every `Fact` made from its text: for a look at a small store."""
        return Catalogue.model_construct(sources=self._sources, entities=dict(self.table.entities),
                                         facts={fact.id: fact for fact in self.table.stored()})

    def _briefed(self) -> Briefed:
        """The briefing's view of the store that conversation answers read, kept until the facts change."""
        return self._cached("briefed", lambda: Briefed(self.table, sources=self._sources, story_day=self.story_day()))

    def story_day(self) -> date:
        """The story's "now": the newest source with a text, or the newest date an admin recorded a fact for
        (what an admin adds has happened), whichever is later, but never after today."""
        return self._cached("story_day", self._story_day)

    def _story_day(self) -> date:
        today = self._today()
        days = [s.published for s in self._sources.values() if s.file or s.text]
        days += [d for outline in self.table.outlines() for d in outline.days
                 if not (self._sources.get(outline.source) and
                         (self._sources[outline.source].file or self._sources[outline.source].text))]
        past = [d for d in days if d <= today]
        return max(past) if past else today

    # -- answering -----------------------------------------------------------------------------

    def read(self, text: str) -> Classified:
        """What the question asks, and what a fact must cover (the first three stages)."""
        normalised = normalise_question(text, self.lexicon, as_written=self._as_written, chat_words=self.intents.words)
        linked = link(normalised, names=self.table.names, lexicon=self.lexicon, vocabulary=self.table.vocabulary,
                      spelling=self.table.spelling, story_day=self.story_day(), today=self._today(),
                      chat_words=self.intents.words)
        linked = qualified_documents(linked, names=self.table.names, is_document=self._is_document, tied=self._tied)
        linked = reckoned_times(linked, days_of=self.table.days_of_events, story_day=self.story_day())
        return classify(linked, lexicon=self.lexicon, intents=self.intents, event=self._event(),
                        entities=self.table.entities, near=self.table.near)

    def _as_written(self, word: str) -> bool:
        """A word to read as it is written, never as chat shorthand: one the store knows ("NK" in a story
        about North Korea; a single letter it holds is an initial's, the "u" of "U.S."), or a chat cue of
        its own ("nvm")."""
        return len(word) > 1 and self.knows(word) or word in self.intents.words

    def _is_document(self, entity_id: str) -> bool:
        entity = self.table.entities.get(entity_id)
        return entity is not None and entity.kind is EntityKind.document

    def _tied(self, one: str, other: str) -> bool:
        """Some fact names both entities."""
        return not set(self.table.holders(f"e:{one}")).isdisjoint(self.table.holders(f"e:{other}"))

    def explain(self, question: str) -> tuple[Classified, list[tuple[str, dict[str, float], float]]]:
        """Each candidate fact with its features and score, best first: for training and for `why`."""
        classified = self.read(" ".join(question.split()))
        if classified.asked in _CONVERSATION:
            return classified, []
        total = prepare(classified, self.table)
        if total <= 0:
            return classified, []
        found = candidates(classified, self.table, total=total, threshold=self.threshold)
        meaning = self.table.meaning_similarity(classified.linked.question.text, found)
        rows = []
        traits = question_traits(classified, self.table)  # read once, as `score_candidates` does
        for fid in found:
            f = features(self.table.facts[fid], classified, self.table, total, meaning.get(fid, 0.0), traits=traits)
            rows.append((fid, f, heuristic(f)))
        rows.sort(key=lambda r: -r[2])
        return classified, rows

    def answer(self, question: str, *, threshold: float | None = None,
               context: QuestionContext | None = None) -> Answer:
        """The answer to `question`; with the `context` of the conversation's last question, a follow-up
        ("where?", "and the North Korean one?") is answered as the full question it stands for."""
        text = " ".join(question[: MAX_QUESTION_CHARS * 4].split())
        text = self._without_aside(self._past_courtesy(self._question_inside(_restated(text))[:MAX_QUESTION_CHARS]))
        if context is not None and context.facts and not is_foreign_script(text):
            about = self._about_last_answer(text, context)
            if about is not None:
                return about
        readings = self.follow_up_readings(text, context) if context is not None and not is_foreign_script(text) else []
        if not readings and context is not None and context.earlier_question and not is_foreign_script(text):
            before = asked_as_the_one_before(self.read(text), self.read(context.earlier_question), context,
                                             names=self.table.names, entities=self.table.entities,
                                             meanings=self.lexicon.meanings)
            readings = [before] if before is not None else []  # "and Oslo's team?" after "what's his job?"
        reading = readings[0].text if readings else None
        if reading is None:
            if context is not None and context.facts and not is_foreign_script(text):
                about = self._about_last_answer(text, context, it=True)  # "when did he say it?"
                if about is not None:
                    return about
            alone = self._answer(text, threshold)
            if context is None or is_foreign_script(text):
                return alone
            standalone = self.read(text)
            named = named_in_the_conversation(standalone, context, entities=self.table.entities)
            if named is not None and alone.found and self._about_another(alone, standalone, named.stood_for):
                # "what's Kim's position?" answered of another Kim than the one the conversation is about
                full = self._answer(named.text, threshold)
                if full.found:
                    return full.model_copy(update={"question": text, "reading": named.text})
            answered = alone.found and says_the_question(self._said(alone), standalone) and not _only_the_act(standalone)
            last = self.read(context.question)
            if answered and not describes_without_naming(standalone, last):
                return alone
            # no answer, or one that leaves unsaid what the question weighs most ("what planes took part?"
            # answered by who took part), or "the" before a thing the question presumes both sides know ("what's
            # on the agenda?": that of what was just talked about, when that has one; another in the store
            # answers only if it has not): asked of what was just talked about, if that says it
            reading = asked_of_the_last(standalone, last, context, names=self.table.names, entities=self.table.entities)
            full = self._answer(reading, threshold) if reading is not None else alone
            prepare(standalone, self.table)  # its words with what each is near: "on the table" is said by "agenda"
            if not full.found or not says_the_question(self._said(full), standalone):
                return alone  # the reading only adds what it is about: what the question says must still be said
            return full.model_copy(update={"question": text, "reading": reading})
        standalone = self.read(text)
        if standalone.unanswerable is not None:
            return self._answer(text, threshold)  # a right abstention stays one
        given = frozenset(context.given or context.facts) if asks_besides(standalone) else frozenset()  # "what else?"
        full = self._answer(reading, threshold, leave_out=given)
        if len(readings) > 1 and not self._answers_of(full, readings[0].stood_for, named=True):
            # "they": North Korea, or the talks it walked out of? the reading whose answer is about them
            full, reading = self._other_reading(readings[1:], threshold, leave_out=given) or (full, reading)
        if (not full.found and standalone.linked.mentions and not speaks_of_someone_said(standalone)
                and self.read(reading).unanswerable is None):
            alone = self._answer(text, threshold)  # "what about Kim Jong Un?": it names its own subject
            if alone.found:
                return alone
        if given and not full.found:
            full = self._all_given(reading, threshold, given) or full
        return full.model_copy(update={"question": text, "reading": reading})

    def _said(self, answer: Answer) -> list[IndexedFact]:
        """The facts `answer` gives."""
        return [self.table.facts[f] for f in answer.facts if f in self.table.facts]

    def _all_given(self, reading: str, threshold: float | None, given: frozenset[str]) -> Answer | None:
        """"anything more from them?" when the conversation has given every fact that answers: still no new
        fact, but the reply says so and restates what was given, since the asker may not have taken in
        that the last answer already held what they now look for."""
        whole = self._answer(reading, threshold)
        if not whole.found or not set(whole.facts) <= given:
            return None
        return whole.model_copy(update={"found": False, "answer": f"{NOTHING_MORE} {whole.answer}", "hint": None})

    def _about_last_answer(self, text: str, context: QuestionContext, *, it: bool = False) -> Answer | None:
        """"who said that?", "how did Pyongyang take it?": asked of the facts the last answer gave, the
        first of them that can give the kind of answer asked (a person, a day, a place, a cause). With
        `it`, a last "it" points back too (see `points_back`)."""
        classified = self.read(text)
        if classified.unanswerable is not None:
            return None
        if not points_back(classified, it=it):
            return None
        reading = read_as_the_last_answer(classified)
        in_order = said_in_order(classified)
        if in_order is not None:
            classified = self.read(in_order)  # "says who?": who says that
        total = prepare(classified, self.table)
        fitting = [self.table.facts[f] for f in context.facts
                   if f in self.table.facts and fits_the_asked_kind(self.table.facts[f], classified, self.table)]
        if not fitting:
            return None

        traits = question_traits(classified, self.table)

        def fit(item: IndexedFact) -> tuple[float, float]:
            f = features(item, classified, self.table, max(total, 1e-9), 0.0, traits=traits)
            return heuristic(f) if total > 0 else 0.0, f["focus"]

        item = max(fitting, key=fit)  # the one that says most of what is asked, then the one about who is named
        f = features(item, classified, self.table, max(total, 1e-9), 0.0, traits=traits)
        if f["entity_missing"] or f["hard_missing"] or any(n.name_like and not n.known for n in classified.needs):
            return None  # "what did Pompeo think of that?", "who is the source for that?": the answer does not say
        if it and (f["relation_missing"] or f["type"] < 1.0):
            return None  # "who funds it?": "it" is the last answer only if that answer gives what is asked
        acts = [n for n in classified.needs if n.kind is NeedKind.word and n.weight >= RELATION_WEIGHT
                and not n.lemmas & SAYING]
        if acts and not f["lexical"] and not classified.asked is Asked.who:
            return None  # "how did the North react to that?": an act the answer says nothing of, done to what
            # it told of; asked of that instead
        told_by = self._told_by(item, classified) if f["relation_missing"] and classified.asked is Asked.who else None
        if told_by is not None:
            item = told_by  # "who told the reporters that?": the fact whose relation is the saying of it
        elif f["relation_missing"]:
            return None  # "who leaked that?", "how did Seoul receive that?": an act done to what the answer
            # said, which that answer does not state; asked of what it was about instead
        answer = phrase(Decision(chosen=[ScoredFact(item=item, score=1.0, focus=0.0)], best=1.0), classified,
                        sources=self._sources)
        return answer.model_copy(update={"reading": reading})

    def _told_by(self, item: IndexedFact, classified: Classified) -> IndexedFact | None:
        """"Who said that?" of a fact that says no one said it: the fact whose person says (a verb of
        saying) what it is about: its subject and most of what it names, or its subject as what is said
        of or among what the saying names (a source "said" of both teams, whatever the answer names besides).
        None when no fact does."""
        if not any(n.lemmas & SAYING for n in classified.needs):
            return None

        def says_it(other: IndexedFact) -> bool:
            speaker = self.table.entities.get(other.subject)
            acts = set().union(*(Lexicon.lemmas(w) for w in other.relation.replace("_", " ").split()))
            return (other.id != item.id and speaker is not None and speaker.kind is EntityKind.person
                    and other.subject != item.subject and bool(acts & SAYING)
                    and (item.subject in (other.object, *other.entities)
                         or 2 * len(other.entities & item.entities) >= len(item.entities))
                    and bool(other.entities & item.entities - {item.subject}))  # more than whom it is of: a
        # spokesman's word on North Korea did not tell that North Korea dismantled a site

        sources = [self.table.facts[fid] for fid in sorted(self.table.holders(f"e:{item.subject}"))]
        sources = [other for other in sources if says_it(other)]
        return max(sources, key=lambda other: len(other.entities & item.entities), default=None)

    def _other_reading(self, readings: list[Reading], threshold: float | None, *,
                       leave_out: frozenset[str]) -> tuple[Answer, str] | None:
        """The best-scored answer among `readings` that is about what each reads its pronouns as standing
        for, with its reading; the earlier reading on a tie (it reads them as the things named later).
        Asked only when the first reading's answer is not about its own: a pronoun stands first for
        what was named last, and answers about other things score by how their facts happen to be
        worded, not by which thing is meant ("what did he do before?": any man named has a past)."""
        best: tuple[Answer, str] | None = None
        for reading in readings:
            answer = self._answer(reading.text, threshold, leave_out=leave_out)
            if (self._answers_of(answer, reading.stood_for)
                    and (best is None or answer.confidence > best[0].confidence)):
                best = answer, reading.text
        return best

    def _about_another(self, answer: Answer, classified: Classified, meant: frozenset[str]) -> bool:
        """A fact of `answer` is about another of the entities a name of `classified` may be than those
        `meant` (an answer about Kim Chang Son, when "Kim" meant Kim Jong Un), and not one the question
        names in full ("what about Kim Chang Son, since when is he Kim's aide?" is about him)."""
        named = {e for m in classified.linked.mentions if len(m.ids) == 1 for e in m.ids}
        others = {e for m in classified.linked.mentions if m.ids & meant for e in m.ids} - meant - named
        return any(self.table.facts[f].subject in others for f in answer.facts if f in self.table.facts)

    def _answers_of(self, answer: Answer, things: frozenset[str], *, named: bool = False) -> bool:
        """The answer is found and a fact it gives has each of `things` as its subject or object (with
        `named`, names it at all): "Kim Jong Un's day job" is not answered by a fact about a summit he is
        to attend, which only names him. The first reading needs only to name what it read the pronouns
        as (a meeting's fact answers who she met), the others to be about it: each passes over the
        likelier thing."""
        facts = [self.table.facts[f] for f in answer.facts if f in self.table.facts]
        about = {e for item in facts for e in ((*item.entities, item.subject) if named else (item.subject, item.object))}
        return answer.found and things <= about

    def follow_up_readings(self, question: str, context: QuestionContext) -> list[Reading]:
        """The full questions a follow-up may stand for, `follow_up`'s first, then the readings of its
        pronouns as the next things each can stand for; none when it stands alone."""
        return follow_up_readings(self.read(question), self.read(context.question), context, names=self.table.names,
                                  entities=self.table.entities, partner=self.table.partner, near=self.lexicon.nearness,
                                  meanings=self.lexicon.meanings)

    def context_of(self, answer: Answer, *, earlier: QuestionContext | None = None) -> QuestionContext | None:
        """What a follow-up to `answer` may lean on, after the `earlier` context the question was asked
        in; None when it asked nothing (thanks, hello)."""
        question = answer.reading or answer.question
        if not question or is_foreign_script(question):
            return None
        answered: list[str] = []
        named: list[str] = []
        days: set[date] = set()
        for fact_id in answer.facts:
            item = self.table.facts.get(fact_id)
            if item is not None:
                days |= item.days
                for entity_id in (item.subject, item.object):
                    if entity_id and entity_id not in answered:
                        answered.append(entity_id)
                named.extend(self._in_order_said(item))
        classified = self.read(question)
        described = self.table.entities.get(classified.describe or "") if answer.asked == Asked.describe else None
        if described is not None and described.description:
            # the description is said before the facts: "the Libya model: Gadhafi gave up ...; Bolton
            # suggested it" is first about the Libya model, then about Gadhafi
            said = self._said_in(described.description, set(self.table.entities))
            answered = list(dict.fromkeys([described.id, *said, *answered]))
        if (answer.asked in {Asked.who, Asked.name} and any(n.relation and n.lemmas & SAYING for n in classified.needs)
                and not any(self._a_person(e) for e in answered)):
            # "who said so?" of a fact about what the U.S. will do, said by a source: whom the answer gave is
            # the person its facts name besides, not the country it was about ("their name": the source's)
            asked = {e for m in classified.linked.mentions for e in m.ids}
            people = [e for e in dict.fromkeys(named) if self._a_person(e) and e not in asked]
            answered = list(dict.fromkeys([*people, *answered]))
        given = list(answer.facts)
        if earlier is not None and answer.reading and _same_question(answer.reading, earlier.question):
            given = list(dict.fromkeys([*(earlier.given or earlier.facts), *given]))  # "what else?" again
        verb = next((n for n in classified.needs if n.relation), None)
        unsaid = (verb is not None and " " not in verb.label  # not a phrasal verb: its particles would stay
                  and not any(self.table.df(f"w:{lemma}") for lemma in verb.lemmas))
        acts = [act for fact_id in answer.facts if unsaid and (item := self.table.facts.get(fact_id)) is not None
                and (act := _act_of(item.relation)) is not None]  # "torpedoed", a verb no fact says: the answer's
        return context_of(classified, answered=answered, days=sorted(days), facts=list(answer.facts), acts=acts,
                          named=[e for e in dict.fromkeys(named) if e not in answered], earlier=earlier, given=given,
                          asked=self.read(answer.question) if answer.reading and answer.question else None)

    def _a_person(self, entity_id: str) -> bool:
        entity = self.table.entities.get(entity_id)
        return entity is not None and entity.kind is EntityKind.person

    def _in_order_said(self, item: IndexedFact) -> list[str]:
        """The entities a fact names, in the order its statement says them; those it does not say by
        name come last."""
        return list(dict.fromkeys([*self._said_in(item.fact.statement, item.entities), *sorted(item.entities)]))

    def _said_in(self, text: str, entities: set[str] | frozenset[str]) -> list[str]:
        """Which of `entities` `text` names, in the order it says them, by their longest names ("Sung
        Kim" is not "Kim")."""
        words = [w.lower() for w, _ in word_tokens(text)]
        said: list[str] = []
        covered = 0
        for start, length, ids in self.table.names.find(words):
            if start < covered:
                continue  # inside a longer name already read
            covered = start + length
            said += sorted(ids & entities)
        return list(dict.fromkeys(said))

    def _past_courtesy(self, text: str) -> str:
        """"Hi, what's the latest?", "thanks! and when do they meet?": a greeting or thanks that opens a
        message asks nothing; the rest is the question."""
        opening = _CLAUSE_BREAK.search(text)
        if opening is None or opening.end() >= len(text) or is_foreign_script(text):
            return text
        head = self.read(text[: opening.start()])  # the short part first: most messages open with no courtesy
        if head.asked is not Asked.small_talk or head.small_talk not in COURTESIES:
            return text
        if self.read(text).asked is Asked.small_talk:  # "thanks, that helps": the whole is the courtesy
            return text
        return self._past_courtesy(text[opening.end() :])

    def _without_aside(self, text: str) -> str:
        """"catch me up pls, been away all week": a request for the briefing's news (the status, the latest,
        what comes next) followed by a clause whose subject, the asker, chat leaves unsaid ("[I've] been
        away", "[I] was offline"): the clause says why it is asked and asks nothing; the request is the
        question."""
        brk = _CLAUSE_BREAK.search(text)
        if brk is None or brk.end() >= len(text) or "?" in text[brk.end() :] or is_foreign_script(text):
            return text
        rest = [w.lower() for w, _ in word_tokens(text[brk.end() :])]
        if not rest or rest[0] not in _UNSAID_SUBJECT:
            return text
        if self.read(text[: brk.start()]).asked not in _NEWS:
            return text
        return text[: brk.start()]

    def _question_inside(self, text: str) -> str:
        """"ok, I'm on deadline and I keep hearing rumours, who signed it?",
        "I'm not sure where they will meet": in a message where the asker first says what they
        are doing, the question starts after the last clause they are the subject of, or at a question
        word inside it ("not sure *what* ..."); when what is left names nothing ("..., why?"), the
        whole message is the question."""
        last = None
        for last in _ASKER.finditer(text):
            pass
        if last is None or is_foreign_script(text):
            return text
        rest = text[last.end() :]
        clause_end = _CLAUSE_BREAK.search(rest)
        wh = _WH_WORD.search(rest[: clause_end.start()] if clause_end else rest)
        if wh is not None:
            start = wh.start()
        elif clause_end is not None and clause_end.end() < len(rest):
            start = clause_end.end()
        else:
            return text
        question = rest[start:]
        read = self.read(question)
        if not any(n.kind is NeedKind.entity or n.weight >= RELATION_WEIGHT for n in read.needs):
            return text
        return question

    def _answer(self, text: str, threshold: float | None, *, leave_out: frozenset[str] = frozenset()) -> Answer:
        """The answer to `text`, from facts other than those to `leave_out` (the last answer's, after
        "what else?")."""
        threshold = self.threshold if threshold is None else threshold
        if is_foreign_script(text):
            return refuse(Decision(), None, question=text, hint=self._hint([]))
        classified = self.read(text)
        linked = classified.linked
        scheduled = self._scheduled_of_another(classified)
        if scheduled:  # "are the high-level talks back on?": that event's own schedule, not the headline's status
            chosen = [ScoredFact(item=item, score=1.0, focus=0.0) for item in scheduled]
            return phrase(Decision(chosen=chosen, best=1.0), classified, sources=self._sources)
        if classified.asked in _CONVERSATION:
            answer = converse(classified, briefed=self._briefed(), today=self._today(), scope=SCOPE)
            if answer.found or classified.asked is not Asked.describe:
                return answer.model_copy(update={"hint": answer.hint or (None if answer.found else self._hint([]))})
        scored = score_candidates(classified, self.table, threshold=threshold)
        if leave_out:  # what is left must answer as well as what was given: "what else?" is not "what is near?"
            given = max((s.score for s in scored if s.item.id in leave_out), default=0.0)
            scored = [s for s in scored if s.item.id not in leave_out and s.score >= given * RUNNER_UP]
            alike = self._more_of_the_same(classified, leave_out)
            if alike and not (scored and scored[0].item.id in {a.id for a in alike}):
                chosen = [ScoredFact(item=item, score=1.0, focus=0.0) for item in alike[:1]]
                return phrase(Decision(chosen=chosen, best=1.0), classified, sources=self._sources)
        decision = decide(scored, classified, threshold=threshold)
        if not decision.found or (classified.asked is Asked.why
                                  and kind_factor(decision.chosen[0].item, classified, self.table) < 1.0):
            # not found, or found with no cause: the cause may be another fact about the same event
            decision = self._through_the_event(scored, classified, threshold) or decision
        if decision.found and classified.asked is Asked.why and not any(
                kind_factor(s.item, classified, self.table) >= 1.0 for s in decision.chosen):
            decision = Decision(best=decision.best, nearest=scored[:3])  # the act with no cause for it: no "why"
        if not decision.found:
            if classified.unanswerable is not None:  # "who is the spokesman?": say why no fact can tell
                reason = classified.unanswerable
                return refuse(decision, classified, question=text, hint=f"{reason[:1].upper()}{reason[1:]}.")
            mentioned = [e for m in linked.mentions for e in sorted(m.ids)]
            return refuse(decision, classified, question=text, hint=self._hint(mentioned))
        return phrase(decision, classified, sources=self._sources)

    def _scheduled_of_another(self, classified: Classified) -> list[IndexedFact]:
        """The facts that schedule the events a status question names ("are the high-level talks still on?"),
        when none of them is the event the briefing's headline is about: where such an event stands is what
        its own schedule says, not the headline's status. Empty for any other question."""
        if classified.asked is not Asked.status:
            return []
        entities = self.table.entities
        events = {e for m in classified.linked.mentions for e in m.ids
                  if e in entities and entities[e].kind is EntityKind.event}
        headline = {self.table.facts[f].subject for f in self._briefed().headline.fact_ids if f in self.table.facts}
        if not events or not headline or events & headline:
            return []
        return [item for e in sorted(events) for fid in sorted(self.table.holders(f"e:{e}"))
                if (item := self.table.facts[fid]).subject == e and item.relation == DATE_RELATION]

    def _more_of_the_same(self, classified: Classified, given: frozenset[str]) -> list[IndexedFact]:
        """After "anything else?": the facts not yet given that say what a given one says (its relation)
        of the same one the question names (its subject), and of its object too when the question names
        that ("what else does A want?": more of what A wants, not any fact naming A and B), in the
        store's order. Read off the subject's facts only, when there are at most MORE_OF_THE_SAME_READ."""
        named = {e for m in classified.linked.mentions for e in m.ids}
        found: dict[str, IndexedFact] = {}
        for fact_id in sorted(given):
            item = self.table.facts.get(fact_id)
            if item is None or item.subject not in named or self.table.df(f"e:{item.subject}") > MORE_OF_THE_SAME_READ:
                continue
            for other_id in self.table.holders(f"e:{item.subject}"):
                other = self.table.facts[other_id]
                if (other_id not in given and other.subject == item.subject and other.relation == item.relation
                        and (item.object not in named or other.object == item.object)
                        and fits_the_asked_kind(other, classified, self.table)):
                    found.setdefault(other_id, other)
        return list(found.values())

    def _through_the_event(self, scored: list[ScoredFact], classified: Classified, threshold: float) -> Decision | None:
        """"Where did Moon meet Kim?": a fact says they met, but not where; another fact about the same
        event (an entity of kind event both name) says where (or why: "why did they walk out of the talks")
        Answer with the two."""
        if classified.asked not in {Asked.where, Asked.when, Asked.why}:
            return None
        total = sum(n.weight for n in classified.needs if not n.excluded)  # weighed once, by score_candidates
        for best in scored[:EVENT_JOIN_CANDIDATES]:
            kind = kind_factor(best.item, classified, self.table)
            if kind >= 1.0 or best.score < threshold * kind:
                continue  # it has the kind of answer, or covers too little of the question anyway
            f = features(best.item, classified, self.table, total, 0.0)
            if f["entity_missing"] or f["hard_missing"] or f["relation_missing"] or f["time_missing"]:
                continue  # it must say all the question says but the place or the day
            events = sorted(self._events_of(best.item),
                            key=lambda e: (self.table.df(f"e:{e}"), e))  # the event most its own first
            for event in events:
                joined = [self.table.facts[fid] for fid in sorted(self.table.holders(f"e:{event}"))
                          if fid != best.item.id]
                joined = [item for item in joined if kind_factor(item, classified, self.table) >= YEAR_ONLY
                          and (not best.item.days or item.days & best.item.days  # that day's event
                               or classified.asked is Asked.why and not item.days)  # a cause has no day of its own
                          and (the_cause_beside(best.item, item, classified) if classified.asked is Asked.why
                               else said_together(classified, (best.item, item)))]
                if joined:
                    joined.sort(key=lambda item: (-len(item.entities & best.item.entities), item.id))
                    other = ScoredFact(item=joined[0], score=best.score, focus=0.0)
                    return Decision(chosen=[best, other], best=best.score / kind)
        return None

    def _events_of(self, item: IndexedFact) -> set[str]:
        """The events `item` is about: those it names, and the event another fact makes its subject while
        naming the two `item` joins, on its day ("A met B on Monday" is of "the Monday meeting", whose
        facts say "A and B met ... to discuss the agenda")."""
        entities = self.table.entities
        events = {e for e in item.entities if e in entities and entities[e].kind is EntityKind.event}
        if item.subject and item.object and item.days:
            for fid in set(self.table.holders(f"e:{item.subject}")) & set(self.table.holders(f"e:{item.object}")):
                other = self.table.facts[fid]
                if (other.subject in entities and entities[other.subject].kind is EntityKind.event
                        and other.days & item.days):
                    events.add(other.subject)
        return events

    def _event(self) -> Event:
        """What the briefing's headline is about (what "is it still on?" means)."""
        return self._cached("event", self._read_event)

    def _read_event(self) -> Event:
        scheduled = [outline for outline in self.table.outlines() if outline.relation == DATE_RELATION]
        ids = frozenset(f.subject for f in scheduled)
        words: set[str] = set()
        name_words: set[str] = set()
        for e in ids:
            entity = self.table.entities.get(e)
            if entity is not None:
                for text in (*entity.names, entity.description or ""):
                    lemmas = {self.lexicon.lemma(w.lower()) for w, _ in word_tokens(text)
                              if self.lexicon.content_weight(w.lower()) > 0}
                    words |= lemmas
                    if text in entity.names:
                        name_words |= lemmas
        return Event(ids=ids, words=frozenset(words), name_words=frozenset(name_words),
                     days=frozenset(d for f in scheduled for d in f.days))

    def _hint(self, mentioned: list[str]) -> str:
        known = [self.table.entities[e].name for e in mentioned if e in self.table.entities]
        topics = ", ".join(t for t, _ in sorted(self.topics.items(), key=lambda kv: -kv[1])[:6])
        if known:
            return f"I do know about {', '.join(known[:3])}: try `fact search {known[0]}`. I cover: {topics}."
        return f"I cover {SCOPE}: {topics}. Try `help`."


@contextmanager
def _no_collection() -> Iterator[None]:
    """No garbage collection while indexing: it makes many long-lived objects and no garbage cycles, so
    a collection midway would find nothing (and they are many: it would be slow)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def default_lexicon() -> Lexicon:
    from briefings.answering.embedding_loader import load_embedder

    return Lexicon(vocabulary_file=_CONFIG / "vocabulary.yaml", embedder=load_embedder())


def _same_question(a: str, b: str) -> bool:
    """The two texts ask the same, but for case and the closing mark."""
    return a.rstrip("?.! ").lower() == b.rstrip("?.! ").lower()


def _only_the_act(classified: Classified) -> bool:
    """The question says nothing but its verb ("what was discussed?", "who attended?"): what the act was
    done at or to is left unsaid, and in a conversation it is what was just talked about."""
    words = [n for n in classified.needs if n.kind is NeedKind.word and n.weight > 0]
    return bool(words) and all(n.relation or n.phrasal for n in words) and not classified.linked.mentions


def _act_of(relation: str) -> str | None:
    """The verb a fact's relation is, as a lemma, when it is one word that can be a verb and says more
    than a verb of saying or a light verb ("blocked": block); None for a relation of a noun or of several
    words ("site_of", "role")."""
    words = relation.lower().split("_")
    if len(words) != 1 or "VERB" not in Lexicon.parts_of_speech(words[0]) or Lexicon.lemmas(words[0]) & SAYING:
        return None
    if Lexicon.content_weight(words[0]) < RELATION_WEIGHT:
        return None
    verbs = Lexicon.lemmas(words[0]) - {words[0]} or {words[0]}
    return min(verbs, key=len)
