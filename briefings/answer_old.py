"""Question answering over the fact store, with honest abstention.

A question is parsed into *needs*: the entities it names (resolved through aliases and small typos),
the time it names (a day, a weekday, a year), and its remaining content words (as synonym-group
concepts). A fact answers only if it covers what the question names: every entity and time need is
a hard requirement, and the content words must be covered above a calibrated threshold, weighted by
how rare they are. Words the store has never seen count against every fact, which is what makes
"Who led the Chinese delegation?" an abstention rather than the U.S. delegation.

Retrieval is exact and sublinear: only facts that hold one of the rarest needs can reach the
threshold, so only their postings are scored.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel, Field
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from briefings.models import Catalogue, Entity, EntityKind, Fact, Source, Topic
from briefings.question import (
    CAUSAL,
    CLOCK,
    COUNT_WORDS,
    EVENT_WORDS,
    SOURCE_WORDS,
    TYPE_NOUNS,
    has_quantity,
    is_proper,
    qualified_away,
    verb_at,
)
from briefings.text import GAZETTEER, GENERIC, MONTHS, RELATIONS, WEEKDAYS, concept, tokens

__all__ = ["Answer", "FactIndex"]

MAX_FACTS_PER_ANSWER = 3
_MAX_ANSWER_CHARS = 420
_RUNNER_UP = 0.92
_RUNNER_UP_MANY = 0.5
_REVERSED = 0.75
_DESCRIBED = 0.7
_BESIDES = re.compile(r"^\s*(?:besides|apart from|aside from|other than|except for|beyond)\s+(?P<known>[^,]+),\s*(?P<rest>.+)$",
                      re.IGNORECASE)
_PASSIVE = {"was", "were", "is", "are", "been", "be", "being", "get", "got"}
_ENTITY_WEIGHT = 2.0
_UNKNOWN_WEIGHT = 1.4
_TIME_WEIGHT = 1.5
_MISSING_HARD = 0.35
"""Factor applied per entity or time need a fact does not cover."""

_PERSONISH = {EntityKind.person, EntityKind.organisation, EntityKind.group}
_PLACEISH = {EntityKind.place, EntityKind.country}
_LOCATED = ("located", "held", "site", "based", "venue", "place", "location", "in")
_DESCRIBE = {"role", "is_a", "description", "definition", "identity", "site_of", "located_at"}


class Answer(BaseModel):
    """What the bot says to a question."""

    question: str
    found: bool
    answer: str
    facts: list[str] = Field(default_factory=list)
    confidence: float = 0.0
    sources: list[str] = Field(default_factory=list)
    hint: str | None = None


@dataclass(slots=True)
class _Indexed:
    fact: Fact
    terms: frozenset[str]
    entities: frozenset[str]
    days: frozenset[date]
    weekdays: frozenset[int]
    years: frozenset[int]
    has_number: bool
    causal: bool
    timed: bool
    """The statement places the fact in time in words ("last week", "in the early 2000s")."""
    kinds: frozenset[EntityKind]
    length: int


@dataclass(slots=True)
class _Need:
    kind: str  # "entity" | "time" | "term" | "unknown" (a word no fact has) | "foreign" (a name outside the story)
    label: str
    weight: float
    keys: tuple[str, ...] = ()
    """Posting keys: entity ids, 'day:2018-05-28', 'wd:0', 'yr:2018', or a concept."""
    words: tuple[str, ...] = ()
    """For an entity need: the mention's own concepts, for lexical cover."""
    hard: bool = False
    """A fact that does not cover a hard need answers a neighbouring question, not this one."""
    position: int = 0
    span: int = 1


@dataclass(slots=True)
class _Parsed:
    question: str
    wh: str | None
    needs: list[_Need]
    mentioned: set[str] = field(default_factory=set)
    definitional: bool = False
    about_source: bool = False
    agent: _Need | None = None
    """The entity that does what the question's relation says ("North Korea" in "what is North Korea seeking")."""
    described: dict[str, set[str]] = field(default_factory=dict)
    """Words that describe an entity the question names, held by another fact about it:
    "when did the exercises *with the F-16s* end" identifies the exercises, it is not asked."""
    excluded: set[str] = field(default_factory=set)
    """Posting keys of what the question sets aside ("besides the leaders' meeting, ...")."""
    expected: int = 1
    """How many things the question asks for ("what two things ...")."""
    focus: set[str] = field(default_factory=set)
    """Entities the question asks to identify: "which exercises ...", "what declaration ..."."""


class FactIndex:
    """An in-memory index of the current facts that updates in place when a fact changes."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._sources: dict[str, Source] = dict(catalogue.sources)
        self._entities: dict[str, Entity] = {}
        self._aliases: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._max_alias = 1
        self._facts: dict[str, _Indexed] = {}
        self._topic_counts: dict[Topic, int] = defaultdict(int)
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._vocabulary: set[str] = set()
        self._fuzzy_names: dict[str, tuple[str, ...]] = {}
        self._name_buckets: dict[str, set[str]] = defaultdict(set)
        self._word_buckets: dict[str, set[str]] = defaultdict(set)
        self._sorted: dict[tuple[bool, str], tuple[str, ...]] = {}
        """Sorted copies of the buckets, dropped when a bucket grows."""
        for word in GENERIC:
            self._word_buckets[word[0]].add(word)
        for entity in catalogue.entities.values():
            self._add_entity(entity)
        for fact in catalogue.facts.values():
            self.upsert(fact)

    # -- maintenance ---------------------------------------------------------------------------

    def _add_entity(self, entity: Entity) -> None:
        self._entities[entity.id] = entity
        for name in entity.names:
            toks = tuple(tokens(name))
            if not toks:
                continue
            self._aliases[toks].add(entity.id)
            self._max_alias = max(self._max_alias, len(toks))
            phrase = " ".join(toks)
            self._fuzzy_names[phrase] = toks
            self._name_buckets[phrase[0]].add(phrase)
            self._sorted.pop((True, phrase[0]), None)
            self._learn(toks)

    def _learn(self, words: list[str] | tuple[str, ...]) -> None:
        for word in words:
            if word not in self._vocabulary:
                self._vocabulary.add(word)
                self._word_buckets[word[0]].add(word)
                self._sorted.pop((False, word[0]), None)

    def upsert_entity(self, entity: Entity) -> None:
        self._add_entity(entity)

    def upsert_source(self, source: Source) -> None:
        self._sources[source.id] = source

    def upsert(self, fact: Fact) -> None:
        """Add or replace a fact; the very next question sees it."""
        self.remove(fact.id)
        indexed = self._index_fact(fact)
        self._facts[fact.id] = indexed
        self._topic_counts[fact.topic] += 1
        for key in self._keys(indexed):
            self._postings[key].add(fact.id)

    def remove(self, fact_id: str) -> None:
        old = self._facts.pop(fact_id, None)
        if old is None:
            return
        self._topic_counts[old.fact.topic] -= 1
        for key in self._keys(old):
            bucket = self._postings.get(key)
            if bucket is not None:
                bucket.discard(fact_id)
                if not bucket:
                    del self._postings[key]

    def __len__(self) -> int:
        return len(self._facts)

    def __contains__(self, fact_id: object) -> bool:
        return fact_id in self._facts

    @property
    def topics(self) -> dict[Topic, int]:
        """How many current facts each topic has."""
        return {t: n for t, n in self._topic_counts.items() if n}

    @staticmethod
    def _keys(item: _Indexed) -> set[str]:
        keys = set(item.terms) | {f"ent:{e}" for e in item.entities}
        keys |= {f"day:{d.isoformat()}" for d in item.days}
        keys |= {f"wd:{w}" for w in item.weekdays} | {f"yr:{y}" for y in item.years}
        return keys

    def _index_fact(self, fact: Fact) -> _Indexed:
        text_parts = [fact.statement, *fact.keywords]
        if fact.value:
            text_parts.append(fact.value)
        toks: list[str] = []
        for part in text_parts:
            toks.extend(tokens(part))
        anchors = {fact.subject} | ({fact.object} if fact.object else set())
        entities = set(anchors)
        for ids in self._mentions(toks, nested=True):
            if len(ids) == 1 or ids & anchors:
                entities |= ids & anchors if len(ids) > 1 else ids
        for ref in entities:
            ent = self._entities.get(ref)
            if ent is not None:  # the fact's own entities by every name; others it mentions by their name
                for name in (ent.names if ref in anchors else [ent.name]):
                    toks.extend(tokens(name))
        toks.extend(fact.relation.split("_"))
        self._learn(toks)
        terms = frozenset(concept(t) for t in toks if t not in GENERIC)
        days = {d.day for d in fact.dates}
        years = {d.year for d in days} | {int(t) for t in toks if t.isdigit() and len(t) == 4 and 1900 < int(t) < 2100}
        kinds = {self._entities[e].kind for e in entities if e in self._entities}
        has_number = has_quantity(fact.statement)
        causal = bool(CAUSAL.search(fact.statement)) or fact.relation in {"cited", "because", "reason", "caused_by"}
        return _Indexed(
            fact=fact,
            terms=terms,
            entities=frozenset(entities),
            days=frozenset(days),
            weekdays=frozenset(d.weekday() for d in days),
            years=frozenset(years),
            has_number=has_number,
            causal=causal,
            timed=bool(_TIME_WORDS.search(fact.statement)),
            kinds=frozenset(kinds),
            length=len(tokens(fact.statement)),
        )

    # -- entity linking ------------------------------------------------------------------------

    def _mentions(self, toks: list[str], *, nested: bool = False) -> list[set[str]]:
        """Entity-id sets named in `toks` (longest match first; with `nested`, inner matches too)."""
        found: list[set[str]] = []
        i = 0
        while i < len(toks):
            matched = 0
            for n in range(min(self._max_alias, len(toks) - i), 0, -1):
                ids = self._aliases.get(tuple(toks[i : i + n]))
                if ids:
                    found.append(set(ids))
                    if not matched:
                        matched = n
                    if not nested:
                        break
            i += matched if (matched and not nested) else 1
        return found

    # -- question parsing ----------------------------------------------------------------------

    def _parse(self, question: str) -> _Parsed:
        raw_words = re.findall(r"[A-Za-z0-9.]+", question)
        upper_us = any(w in {"US", "U.S.", "U.S"} for w in raw_words)
        toks = tokens(question)
        wh = next((t for t in toks[:4] if t in {"who", "whos", "whom", "whose", "what", "whats", "which", "when",
                                                  "where", "wheres", "why", "how"}), None)
        if wh in {"whos", "whom", "whose"}:
            wh = "who"
        elif wh in {"whats"}:
            wh = "what"
        elif wh == "wheres":
            wh = "where"
        if wh == "how" and any(t in {"many", "much"} for t in toks):
            wh = "quantity"
        if wh in {"what", "which"} and any(t in {"date", "day"} for t in toks[:4]):
            wh = "when"
        type_noun = next((toks[k + 1] for k in range(min(4, len(toks) - 1)) if toks[k] in {"what", "which"}), None)
        if wh in {"what", "which", "who"} and any(t in {"name", "named", "names", "called"} for t in toks):
            wh = "name"
        elif wh in {"what", "which"} and type_noun in TYPE_NOUNS:
            wh = TYPE_NOUNS[type_noun]
        if wh in {"what", "which"} and any(t in {"year", "decade"} for t in toks[:4]):
            wh = "year"
        elif wh == "what" and len(toks) > 1 and toks[1] == "time":
            wh = "clock"  # "what time": a time of day, not a date
        elif wh == "what" and len(toks) > 1 and toks[1] == "month":
            wh = "when"

        needs: list[_Need] = []
        used = [False] * len(toks)
        mentioned: set[str] = set()
        focus: set[str] = set()

        # Time: "April 27", "27 April", weekdays, years.
        for i, t in enumerate(toks):
            if used[i]:
                continue
            if t in MONTHS and t != "may" or (t == "may" and i + 1 < len(toks) and toks[i + 1].isdigit()):
                month = MONTHS[t]
                day_tok = None
                if i + 1 < len(toks) and re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", toks[i + 1]):
                    day_tok = i + 1
                elif i > 0 and re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", toks[i - 1]) and not used[i - 1]:
                    day_tok = i - 1
                if day_tok is not None:
                    day = int(re.match(r"\d+", toks[day_tok]).group())
                    year = 2018
                    if i + 2 < len(toks) and re.fullmatch(r"\d{4}", toks[i + 2]):
                        year = int(toks[i + 2])
                        used[i + 2] = True
                    try:
                        d = date(year, month, day)
                    except ValueError:
                        continue
                    used[i] = used[day_tok] = True
                    needs.append(_Need("time", d.isoformat(), _TIME_WEIGHT, keys=(f"day:{d.isoformat()}",)))
            elif t in WEEKDAYS and len(t) > 3:
                used[i] = True
                needs.append(_Need("time", t, _TIME_WEIGHT, keys=(f"wd:{WEEKDAYS[t]}",)))
            elif re.fullmatch(r"(19|20)\d\d", t):
                used[i] = True
                needs.append(_Need("time", t, _TIME_WEIGHT, keys=(f"yr:{t}", t)))

        # Entities, longest alias first; "us" only when written US / U.S. or as "the us".
        i = 0
        while i < len(toks):
            if used[i]:
                i += 1
                continue
            hit = None
            for n in range(min(self._max_alias, len(toks) - i), 0, -1):
                span = tuple(toks[i : i + n])
                if any(used[i : i + n]):
                    continue
                ids = self._aliases.get(span)
                if not ids:
                    continue
                if n == 1 and span[0] in GENERIC and not (
                    (span[0] == "us" and (upper_us or (i > 0 and toks[i - 1] == "the")))
                ):
                    continue
                hit = (n, ids)
                break
            if hit and any(  # "the North Korean official": prefer "North Korean" over "the North"
                self._aliases.get(tuple(toks[j : j + m]))
                for j in range(i + 1, i + hit[0])
                for m in range(i + hit[0] - j + 1, min(self._max_alias, len(toks) - j) + 1)
                if not any(used[j : j + m])
            ):
                hit = None
            if hit:
                n, ids = hit
                for k in range(i, i + n):
                    used[k] = True
                words = tuple(concept(t) for t in toks[i : i + n] if t not in GENERIC)
                needs.append(_Need("entity", " ".join(toks[i : i + n]), _ENTITY_WEIGHT, keys=tuple(f"ent:{e}" for e in ids),
                                   words=words, position=i, span=n))
                mentioned |= ids
                if i > 0 and toks[i - 1] in {"what", "which"}:
                    focus |= ids
                i += n
            else:
                i += 1

        # Remaining words: known concepts, fuzzy-corrected names and words, or unknown.
        rest = [
            (i, t) for i, t in enumerate(toks)
            if not used[i] and t not in GENERIC and not (len(t) == 1 and not t.isdigit())
            and not (t in TYPE_NOUNS and i > 0 and toks[i - 1] in {"what", "which"})
            and not (wh == "name" and t in {"name", "named", "names", "called"})
            and not (t in COUNT_WORDS and i > 0 and toks[i - 1] in {"what", "which", "the", "are", "who"})
        ]
        rest = self._fuzzy_entities(toks, rest, used, needs, mentioned)
        capitalised = {w.lower() for w in raw_words[1:] if w[:1].isupper() and not w.isupper()}
        for i, t in rest:
            c = concept(t)
            if c in self._postings or t in self._vocabulary:
                needs.append(_Need("term", c, 0.0, keys=(c,), position=i, hard=c in RELATIONS and verb_at(toks, i)))
                continue
            corrected = self._correct_word(t)
            if corrected is not None and corrected.startswith("="):
                toks[i] = corrected[1:]  # a misspelt filler word ("happend"): read as the word it is
                continue
            if corrected is not None:
                needs.append(_Need("term", corrected, 0.0, keys=(corrected,), position=i,
                                   hard=corrected in RELATIONS and verb_at(toks, i)))
            elif t in GAZETTEER or t in capitalised:
                needs.append(_Need("foreign", t, _ENTITY_WEIGHT, position=i))
            else:
                needs.append(_Need("unknown", t, _UNKNOWN_WEIGHT, position=i))
        if wh == "quantity":  # "how many nuclear warheads": what is counted must be covered
            after = next((k for k, t in enumerate(toks) if t in {"many", "much"}), len(toks))
            for need in needs:
                if need.position > after and all(t not in GENERIC for t in toks[after + 1 : need.position]):
                    need.hard = True
        relations = [n for n in needs if n.hard and n.kind == "term" and n.keys[0] in RELATIONS]
        for later in relations[1:]:
            later.hard = False  # the first relation word is the question's own; later ones qualify it
        agent = None
        if relations and not (relations[0].position > 0 and toks[relations[0].position - 1] in _PASSIVE):
            before = [n for n in needs if n.kind == "entity" and relations[0].position - 4 <= n.position < relations[0].position]
            if before:
                agent = max(before, key=lambda n: n.position)
        if wh in {"what", "which", "who", "name", "quantity", "where", "when"} and needs:
            # The first thing named after the question word is what is asked about: it must be covered.
            # Of a run of words ("one key sticking point"), the last one is the thing; the others qualify it.
            ordered = sorted((n for n in needs if n.kind != "time"), key=lambda n: n.position)
            if (wh == "who" and len(ordered) > 1 and ordered[0].kind == "entity" and len(toks) > 2
                    and toks[1] in {"is", "was", "are", "were"} and ordered[1].position == ordered[0].position + ordered[0].span):
                ordered = ordered[1:]  # "who is the U.S. *secretary* of state": the role is what is asked
            if ordered:
                head = ordered[0]
                for nxt in ordered[1:]:
                    if head.kind == "entity" or nxt.kind == "entity" or nxt.position != head.position + 1:
                        break
                    word = toks[nxt.position]
                    if (nxt.kind == "term" and (nxt.keys[0] in RELATIONS or nxt.keys[0] == "held")
                            and verb_at(toks, nxt.position)) or (word.endswith(("ed", "ing")) and len(word) > 4):
                        break  # a verb ends the thing asked about: "the two Korean leaders | hold ..."
                    head = nxt
                head.hard = True
        self._weigh(needs)
        definitional = (
            wh in {"who", "what", None}
            and len(needs) == 1 and needs[0].kind == "entity"
            and not any(t in EVENT_WORDS for t in toks)  # "what happened to X" asks for events, not a definition
        )
        about_source = any(concept(t) in SOURCE_WORDS for t in toks) or any(
            self._entities[e].kind is EntityKind.document for e in mentioned if e in self._entities)
        return _Parsed(question=question, wh=wh, needs=needs, mentioned=mentioned, definitional=definitional, agent=agent,
                       about_source=about_source, focus=focus,
                       expected=max([1] + [COUNT_WORDS[t] for t in toks if t in COUNT_WORDS]))

    def _fuzzy_entities(
        self, toks: list[str], rest: list[tuple[int, str]], used: list[bool], needs: list[_Need], mentioned: set[str]
    ) -> list[tuple[int, str]]:
        """Resolve misspelt names ("joe hagan", "singapur") among words the store does not know."""
        unknown = {i for i, t in rest if concept(t) not in self._postings and t not in self._vocabulary}
        if not unknown:
            return rest
        taken: set[int] = set()
        owner = {k: need for need in needs if need.kind == "entity" for k in range(need.position, need.position + need.span)}
        for n in (3, 2, 1):
            for i in range(len(toks) - n + 1):
                span = range(i, i + n)
                if any(k in taken for k in span) or not any(k in unknown for k in span):
                    continue
                # A name matched exactly in part ("choe" of "choe son hee") may grow into a fuzzy whole.
                inside = {id(owner[k]): owner[k] for k in span if used[k] and k in owner}
                if any(used[k] and k not in owner for k in span) or any(
                    o.position < i or o.position + o.span > i + n for o in inside.values()
                ):
                    continue
                phrase = " ".join(toks[i : i + n])
                if len(phrase) < 5:
                    continue
                bucket = self._sorted_bucket(self._name_buckets, phrase[0])
                best = process.extractOne(phrase, bucket, scorer=fuzz.ratio, score_cutoff=82)
                if best is None:  # a slip of the keyboard in a word of the name ("trmup", "noreh korea")
                    best = self._misspelt_name(toks[i : i + n], bucket)
                if best is None:
                    continue
                ids = self._aliases[self._fuzzy_names[best[0]]]
                if best[1] < 88 and any(not {k[4:] for k in o.keys} & ids for o in inside.values()):
                    continue  # a loose match must not override an exact match of another entity
                for o in inside.values():
                    needs.remove(o)
                taken.update(span)
                needs.append(_Need("entity", best[0], _ENTITY_WEIGHT, keys=tuple(f"ent:{e}" for e in ids),
                                   words=tuple(concept(t) for t in self._fuzzy_names[best[0]]), position=i, span=n))
                mentioned |= ids
        return [(i, t) for i, t in rest if i not in taken]

    @staticmethod
    def _misspelt_name(words: list[str], bucket: tuple[str, ...]) -> tuple[str, float, int] | None:
        """The name in `bucket` that `words` spell with one slip per long word (edit distance 1, or 2
        from 7 letters); the other words exactly."""
        for k, name in enumerate(bucket):
            parts = name.split()
            if len(parts) != len(words):
                continue
            slips = [(w, p) for w, p in zip(words, parts) if w != p]
            if slips and all(len(w) >= 4 and OSA.distance(w, p) <= (1 if len(w) <= 6 else 2) for w, p in slips):
                return name, 88.0, k
        return None

    def _sorted_bucket(self, buckets: dict[str, set[str]], letter: str) -> tuple[str, ...]:
        """A bucket in a fixed order, so that equally good matches resolve the same way in every process."""
        key = (buckets is self._name_buckets, letter)
        cached = self._sorted.get(key)
        if cached is None:
            cached = self._sorted[key] = tuple(sorted(buckets.get(letter, ())))
        return cached

    def _correct_word(self, word: str) -> str | None:
        """The concept a misspelt word stands for ("=word" for a misspelt filler word), or None."""
        if len(word) < 4:
            return None
        near = process.extract(word, self._sorted_bucket(self._word_buckets, word[0]), scorer=OSA.distance,
                               score_cutoff=1 if len(word) <= 6 else 2, limit=5)
        # "current" is not a misspelt "currently": another form of a word is another word
        near = [m for m in near if not (m[0].startswith(word) or word.startswith(m[0]))]
        if not near or (len(word) == 4 and len({concept(m[0]) for m in near}) > 1):
            return None  # a short word one slip from several others is not a typo we can read
        best = near[0]
        if best[0] in GENERIC:
            return "=" + best[0]
        c = concept(best[0])
        return c if c in self._postings else None

    def _weigh(self, needs: list[_Need]) -> None:
        n = max(1, len(self._facts))
        top = math.log(1 + n)
        for need in needs:
            if need.kind == "term":
                df = len(self._postings.get(need.keys[0], ()))
                idf = math.log(1 + n / (1 + df))
                need.weight = 0.5 + 1.5 * idf / top

    # -- answering -----------------------------------------------------------------------------

    def answer(self, question: str, *, threshold: float = 0.6) -> Answer:
        question = " ".join(question.split())
        besides = _BESIDES.match(question)
        parsed = self._parse(besides.group("rest") if besides else question)
        if besides:  # "Besides X, what else ...": X is already known, so a fact about X is not the answer
            parsed.excluded = {n.keys[0] for n in self._parse(besides.group("known")).needs
                               if n.kind in {"term", "entity"} and n.keys}
        scored = self._score(parsed, threshold=threshold)
        if not scored or scored[0][0] < threshold:
            best = scored[0][0] if scored else 0.0
            return Answer(question=question, found=False, answer="I have no fact on that.",
                          confidence=round(best, 3), hint=self._hint(parsed))
        top_score, top_focus, _ = scored[0]
        chosen = [item for s, f, item in scored if s >= top_score - 1e-6 and f >= top_focus - 1e-6]
        if len(chosen) < parsed.expected:  # "what two things ...": the next best facts hold the rest
            chosen += [item for s, _, item in scored[len(chosen) : parsed.expected + 2]
                       if s >= top_score * _RUNNER_UP_MANY and item not in chosen][: parsed.expected - len(chosen)]
        elif len(chosen) == 1:  # a close runner-up often holds the other half of the answer
            chosen += [item for s, f, item in scored[1:3] if s >= top_score * _RUNNER_UP and s >= threshold and f >= top_focus][:1]
        if parsed.focus and not any(i.fact.subject in parsed.focus for i in chosen):
            about = [item for _, _, item in scored if item.fact.subject in parsed.focus]
            about.sort(key=lambda item: item.fact.relation not in _DESCRIBE)
            chosen += about[:1]
        sentences: list[str] = []
        kept: list[_Indexed] = []
        for item in chosen[:MAX_FACTS_PER_ANSWER]:
            sentence = self._sentence(item, parsed)
            if kept and sum(len(x) + 1 for x in sentences) + len(sentence) > _MAX_ANSWER_CHARS:
                break  # an answer says what was asked, not all the bot knows
            sentences.append(sentence)
            kept.append(item)
        chosen = kept
        text = " ".join(sentences)
        sources = []
        for item in chosen:
            src = self._sources.get(item.fact.provenance.source)
            cite = src.cite() if src else item.fact.provenance.source
            if cite not in sources:
                sources.append(cite)
        return Answer(question=question, found=True, answer=text, facts=[i.fact.id for i in chosen],
                      confidence=round(top_score, 3), sources=sources)

    def _score(self, parsed: _Parsed, *, threshold: float) -> list[tuple[float, float, _Indexed]]:
        needs = parsed.needs
        total = sum(n.weight for n in needs)
        if total <= 0:
            return []
        if any(n.kind == "foreign" for n in needs):
            return []  # the question names something outside the story: no fact can cover it
        if parsed.wh == "name" and any(
            self._entities[e].kind in _PERSONISH and not is_proper(self._entities[e].name)
            for e in parsed.mentioned if e in self._entities
        ):
            return []  # asks the name of someone the source leaves unnamed
        first = min(needs, key=lambda n: n.position)
        if parsed.wh == "who" and first.kind == "entity" and all(
            k[4:] in self._entities and self._entities[k[4:]].kind is EntityKind.person
            and not is_proper(self._entities[k[4:]].name) for k in first.keys
        ):
            return []  # "who is the senior official": the source does not say who
        lost = sum(n.weight for n in needs if n.kind == "unknown")
        if any(n.kind == "unknown" and n.hard for n in needs):
            return []  # what the question asks about is a word no fact has
        if (total - lost) / total < threshold:
            return []
        coverable = sorted((n for n in needs if n.kind != "unknown"), key=self._df)
        # Any fact reaching the threshold must hold one of the rarest needs: score only their postings.
        candidates: set[str] = set()
        remaining = total - lost
        for need in coverable:
            for key in need.keys:
                candidates |= self._postings.get(key, set())
            remaining -= need.weight
            if remaining / total < threshold:
                break
        entity_keys = [k for n in needs if n.kind == "entity" for k in n.keys]
        for need in needs:
            if need.kind == "term" and not need.hard:
                term_facts = self._postings.get(need.keys[0], set())
                held = {k for k in entity_keys if not term_facts.isdisjoint(self._postings.get(k, ()))}
                if held:
                    parsed.described[need.keys[0]] = held
        results = []
        asked = {n.keys[0] for n in needs if n.kind == "term"}
        said = set(tokens(parsed.question))
        for fid in candidates:
            item = self._facts[fid]
            score, focus = self._score_fact(item, parsed, total)
            if score >= threshold and asked and qualified_away(item.fact.statement, asked, said):
                score *= _MISSING_HARD
            results.append((score, focus, item))
        results.sort(key=lambda r: (-r[0], -r[1], r[2].length, r[2].fact.id))
        return results

    def _df(self, need: _Need) -> int:
        return sum(len(self._postings.get(k, ())) for k in need.keys)

    def _score_fact(self, item: _Indexed, parsed: _Parsed, total: float) -> tuple[float, float]:
        covered = 0.0
        penalty = 1.0
        for need in parsed.needs:
            if need.kind == "term":
                if need.keys[0] in item.terms:
                    covered += need.weight
                elif need.hard:
                    penalty *= _MISSING_HARD
                elif any(k[4:] in item.entities for k in parsed.described.get(need.keys[0], ())):
                    covered += need.weight * _DESCRIBED  # "the exercises with the F-16s": said of them elsewhere
            elif need.kind == "entity":
                if any(k[4:] in item.entities for k in need.keys):
                    covered += need.weight
                elif need.words and all(w in item.terms for w in need.words):
                    covered += need.weight * 0.8
                else:
                    penalty *= _MISSING_HARD
            elif need.kind == "time":
                if any(self._time_covers(item, k) for k in need.keys):
                    covered += need.weight
                else:
                    penalty *= _MISSING_HARD
        score = covered / total * penalty * self._type_factor(item, parsed)
        if parsed.agent is not None:
            score *= self._agent_factor(item, parsed, parsed.agent)
        if parsed.excluded and _covers(item, parsed.excluded) >= 0.6:
            score *= 0.5
        if item.fact.topic is Topic.source and not parsed.about_source:
            score *= 0.85  # facts about the report itself answer questions about the report
        focus = 0.0
        if item.fact.subject in parsed.mentioned:
            focus += 0.3
        if parsed.definitional and item.fact.relation in _DESCRIBE:
            focus += 0.5
        return score, focus

    def _agent_factor(self, item: _Indexed, parsed: _Parsed, agent: _Need) -> float:
        """Lower a fact whose subject is another of the agent's kind: "what is North Korea seeking" is
        not answered by what the U.S. is seeking, though both facts name both countries."""
        ids = {k[4:] for k in agent.keys}
        subject = self._entities.get(item.fact.subject)
        if subject is None or subject.id in ids:
            return 1.0
        peers = {self._entities[e].kind for e in ids if e in self._entities}
        return _REVERSED if subject.kind in peers else 1.0

    @staticmethod
    def _time_covers(item: _Indexed, key: str) -> bool:
        kind, _, value = key.partition(":")
        if kind == "day":
            return date.fromisoformat(value) in item.days
        if kind == "wd":
            return int(value) in item.weekdays
        if kind == "yr":
            return int(value) in item.years
        return key in item.terms

    def _type_factor(self, item: _Indexed, parsed: _Parsed) -> float:
        wh = parsed.wh
        if wh == "when":
            return 1.0 if item.days else (0.9 if item.timed else 0.6)
        if wh == "where":
            others = [self._entities[e] for e in item.entities - parsed.mentioned if e in self._entities]
            located = item.fact.relation.startswith(_LOCATED) or item.fact.relation.endswith(_LOCATED)
            places = any(e.kind is EntityKind.place or (e.kind is EntityKind.country and (located or e.id == item.fact.object))
                         for e in others)
            return 1.0 if places else _MISSING_HARD  # a "where" answered without a place is another answer
        if wh == "clock":
            return 1.0 if CLOCK.search(item.fact.statement) else _MISSING_HARD
        if wh == "who":
            others = {self._entities[e].kind for e in item.entities - parsed.mentioned if e in self._entities}
            return 1.0 if others & _PERSONISH or (parsed.definitional and item.kinds & _PERSONISH) else 0.75
        if wh == "name":
            named = [e for e in item.entities - parsed.mentioned if e in self._entities]
            return 1.0 if any(is_proper(self._entities[e].name) for e in named) else _MISSING_HARD
        if wh == "quantity":
            return 1.0 if item.has_number else _MISSING_HARD
        if wh == "why":
            return 1.0 if item.causal else 0.8
        if wh == "year":
            return 1.0 if item.years else _MISSING_HARD
        return 1.0

    def _sentence(self, item: _Indexed, parsed: _Parsed) -> str:
        statement = item.fact.statement
        if parsed.wh == "when" and item.fact.dates:
            d = item.fact.dates[0].day
            written = f"{d:%B} {d.day}"
            if written not in statement:
                return f"{item.fact.dates[0].describe()}: {statement}"
        return statement

    def _hint(self, parsed: _Parsed) -> str:
        known = [self._entities[e].name for e in sorted(parsed.mentioned) if e in self._entities]
        topics = ", ".join(t.value for t, _ in sorted(self.topics.items(), key=lambda kv: -kv[1])[:6])
        if known:
            return f"I do know about {', '.join(known[:3])}: try `fact search {known[0]}`. I cover: {topics}."
        return f"I cover the 2018 U.S.–North Korea summit talks: {topics}. Try `help`."


def _covers(item: _Indexed, keys: set[str]) -> float:
    """The share of posting keys (concepts, 'ent:ID') that a fact holds."""
    held = sum(1 for k in keys if (k[4:] in item.entities if k.startswith("ent:") else k in item.terms))
    return held / len(keys) if keys else 0.0


_TIME_WORDS = re.compile(r"\b(?:week|weekend|month|year|years|decade|decades|(?:19|20)\d\d(?:s)?|monday|tuesday|"
                         r"wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow)\b", re.IGNORECASE)
