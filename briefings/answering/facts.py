"""The facts as the answerer reads them: each fact's lemmas, entities, dates and what kind of answer
it can give, with postings to find the facts that hold a word, an entity or a day."""

from __future__ import annotations

import calendar
import itertools
import json
import math
import re
import struct
import sys
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter, itemgetter
from typing import NamedTuple

from briefings.answering.lexicon import DETERMINERS, PARTICLES, PREPOSITIONS, Lexicon, word_tokens, words_and_gaps, words_of
from briefings.answering.link import EntityNames
from briefings.compose import DATE_RELATION
from briefings.models import Entity, EntityKind, Fact

__all__ = ["FactOutline", "FactTable", "IndexedFact", "IndexedFacts"]

_CLOCK = re.compile(r"\b(?=[\dnmo])(?:\d{1,2}(:\d\d)?\s*(a\.?m\.?|p\.?m\.?)|\d{1,2}:\d\d\b|noon\b|midnight\b|o'clock\b)", re.I)
"""A time of day. Every way of writing one starts a word with a digit, n, m or o: the look-ahead lets the
search pass every other word at once (reading 100,000 statements, that is a second)."""
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
                 "billions", "half", "several", "single", "both"}
_CAUSE = {"because", "cite", "citing", "cited", "saying", "due", "reason", "over", "after", "amid", "blame", "so", "demand",
          "anger", "angered", "protest", "since", "result", "response", "exchange"}
_CAUSE_NOT_PREPOSITION = frozenset(_CAUSE - PREPOSITIONS)
"""The words of `_CAUSE` that give a cause wherever they stand ("because", "cited"): a fact holding one
of them as a lemma says a cause."""
_FIRST_LETTER = itemgetter(slice(0, 1))
"""A word's first letter ("" for none), as `word[:1]`, taken in C over a fact's words."""
_DAY, _YEAR = attrgetter("day"), attrgetter("year")
_TIME_WORDS = {"week", "weekend", "month", "year", "decade", "yesterday", "today", "tomorrow", "ago", "later",
               "earlier", "morning", "evening", "night", "hour", "day"}
_VECTOR_NEAR = 0.62
"""Words whose embedding vectors are at least this close count as meaning nearly the same."""
_NEAR_CREDIT = 0.85
"""How much a near word covers, at most, compared with the word itself."""
_MAX_NEAR = 8
_DECODED = 2048
"""How many facts' `IndexedFact` are kept once read back from their rows (a question scores at most 80)."""
_SORT_TIES = 2048
"""Facts tied at the cut of retrieval up to this many are ordered by id directly, more by a kept ranking."""
_MEANING_KEPT = 16384
"""How many facts' embeddings are kept (about 700 bytes each): every fact of a store of this size, and
at 100,000 facts those of the last few hundred questions, instead of 50 MB for all of them."""
_POSTED_AT_ONCE = 8192
"""Rows posted in one block during a build (`FactTable.flush_postings`): the scratch arrays of a block's
(key, row) pairs stay a few megabytes."""
_EMBEDDED_AT_ONCE = 4096
"""Words embedded in one batch: a build's tens of thousands of new words are never all embedded at
once (their vectors twice, before and after the unknown ones are left out)."""
SYNONYM_CREDIT = 0.85
SYNONYM_RARE_SENSE = 0.45
"""How much a synonym of a rare sense of one of the two words covers when the embedding puts them
apart: the sense they share is likely not the one meant, and a fact saying it does not state the
relation asked."""
SYNONYM_UNCONFIRMED = 0.1
SYNONYM_CONFIRMED = 0.25
"""Cosine similarity of two words' vectors at or below which a synonym counts as a rare sense, and at
or above which it counts fully (between, in proportion): "buy"/"purchase" 0.84, "lead"/"head" 0.16,
"agree"/"hold" 0.02."""
KIND_CREDIT = 0.8
"""How much a verb naming a way of doing the act asked covers ("visited" for "travel", "pledged" for
"promise"): the specific act says the general one, a little less surely than a synonym does."""
KIND_CONFIRMED = 0.2
"""Cosine similarity at or above which the embedding confirms a kind WordNet gives ("travel"/"visit" 0.43,
"promise"/"pledge" 0.28): a kind of one sense of a word of many senses ("score" and "walk", of
baseball, 0.04) is another act than the one a question means."""
HYPERNYM_CONFIRMED = 0.3
"""Cosine similarity at or above which the embedding confirms a kind of thing WordNet gives for a noun
("ferry"/"boat" 0.53, "senator"/"legislator" 0.60): a "tanker" is also a kind of "soldier" (one who
serves in a tank), 0.25, which a fact about a soldier does not mean."""
KIND_STEPS = 2
"""How many of WordNet's steps from a fact's noun up to what it is a kind of say that kind ("minister" ->
"diplomat" -> "official"): further up, the kinds are as general as "whole" or "object"."""
CONFIRMED_KIND_STEPS = 3
"""How many steps say the kind when the embedding model confirms the two nouns (`KIND_CONFIRMED`): a
"flurry" of snow is no "weather" (0.17)."""
SYNONYM_MIN_WEIGHT = 0.5
"""A synonym as common as "go", "take" or "be" has too many senses to stand for a word."""
"""How much a synonym covers compared with the word itself."""


NARROWER_KEPT = 4096
"""How many questions' nouns `FactTable.narrower_kinds` remembers before it forgets them all."""


_PAIR_FACTS = 50
"""How many facts may name an entity for `FactTable.partner` to look for its pair among them."""


@dataclass(slots=True)
class IndexedFact:
    id: str
    subject: str
    object: str | None
    relation: str
    lemmas: frozenset[str]
    name_lemmas: frozenset[str]
    """Lemmas that occur only inside names ("china" in "Air China"): matched exactly, never by nearness."""
    entities: frozenset[str]
    days: frozenset[date]
    years: frozenset[int]
    number: bool
    clock: bool
    causal: bool
    timed: bool
    length: int
    taught: tuple[str, ...]
    """Questions an admin taught this fact to answer."""
    words: tuple[str, ...]
    """The statement's words, lowercase."""
    unlinked_names: frozenset[str]
    """Capitalised words no entity holds: the names of places and people the store has no entity for."""
    stems: frozenset[str]
    """The first letters of each long word, for words of one family ("agree", "agreement")."""
    phrase_words: frozenset[str]
    """Lemmas the fact holds only as words of a keyword phrase ("turn" of "turn up"): matched as written,
    never by a word near them ("play" is near "turn", not "turn up")."""
    made: Fact | str
    """The `Fact`, or its JSON text until `fact` is first asked for: scoring reads only the id, subject,
    object and relation of the dozens of facts it weighs, and the answer the whole of one or two."""

    @property
    def fact(self) -> Fact:
        if isinstance(self.made, str):
            self.made = Fact.model_validate_json(self.made)
        return self.made


class _Reading(NamedTuple):
    """A fact as `FactTable._read` reads it, to be packed into its row and its postings: the sets of
    an `IndexedFact`, and its flags (number, clock, causal, timed: bits 0 to 3)."""

    lemmas: set[str]
    name_lemmas: set[str]
    entities: set[str]
    days: frozenset[date]
    years: set[int]
    unlinked_names: set[str]
    words: list[str]
    flags: int
    phrase_words: set[str]


class FactOutline(NamedTuple):
    """What reads of every fact (the topics, the story's day, composition's choice of facts) need of
    one, read off its row without making its `Fact`."""

    id: str
    subject: str
    object: str | None
    relation: str
    topic: str
    source: str
    days: tuple[date, ...]
    """Its days, each once, earliest first."""
    last_day: date | None
    """The day of its last date as written (`fact.dates[-1]`), which need not be its latest."""


class _Numbering(dict):
    """str -> int, giving each new string the next number (and keeping it, interned, in `strings`)."""

    def __init__(self, strings: list[str]) -> None:
        super().__init__()
        self._strings = strings

    def __missing__(self, text: str) -> int:
        number = self[text] = len(self._strings)
        self._strings.append(sys.intern(text))
        return number


class _WordLemmas(dict):
    """Word -> its lemmas (`Lexicon.lemmas`), looked up once per word: the facts say the same words
    again and again, and a plain dict answers a word seen before faster than the lexicon's bounded
    cache, which reorders its entries at every hit. It holds the words the facts say, as `vocabulary`."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__()
        self._lemmas = lexicon.lemmas

    def __missing__(self, word: str) -> frozenset[str]:
        found = self[word] = self._lemmas(word)
        return found


class _EntityKeys(dict):
    """Entity id -> the key of its postings ("e:" and the id), made once: its hash is then kept."""

    def __missing__(self, entity_id: str) -> str:
        key = self[entity_id] = "e:" + entity_id
        return key


class IndexedFacts(Mapping[str, IndexedFact]):
    """Fact id -> its `IndexedFact`, read back from the table's compact rows when asked for (and kept
    for the next few questions): the scorer reads a few dozen facts a question, not all of them."""

    def __init__(self, table: FactTable) -> None:
        self._table = table

    def __getitem__(self, fact_id: str) -> IndexedFact:
        return self._table.indexed(fact_id)

    def __contains__(self, fact_id: object) -> bool:
        return fact_id in self._table._row_of

    def __iter__(self) -> Iterator[str]:
        return iter(self._table._row_of)

    def __len__(self) -> int:
        return len(self._table._row_of)


class FactTable:
    """The current facts and their postings; changes in place.

    Each fact is one row: its `Fact` as JSON text, and its outline and what the answerer read of it
    packed into one array of ints (string ids into `_strings`): a few hundred bytes each, where the
    `Fact` takes nearly 3 kB and the `IndexedFact` several more. A `Fact` is made again from its text
    only for the few facts a question reads. A posting (word, entity, day...) is an array of the rows
    that hold it. Rows are never reused: a changed fact gets a new row and its old one is emptied."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.entities: dict[str, Entity] = {}
        self.names = EntityNames()
        self._postings: dict[str, array] = {}
        self._unposted = 0
        """The first row not yet in `postings`: rows are posted together (`flush_postings`), a block of
        them at a time during a build, and those left when `postings` is next read."""
        self.facts = IndexedFacts(self)
        self._row_of: dict[str, int] = {}
        self._ids: list[str | None] = []
        self._stored: list[str | None] = []
        """Each row's fact as JSON text."""
        self._records: list[array | None] = []
        self._taught: dict[int, tuple[str, ...]] = {}
        self._strings: list[str] = []
        self._string_id = _Numbering(self._strings)
        """String -> its number in `_strings`, numbering a new string on first sight."""
        self._lemmas_of = _WordLemmas(lexicon)
        self._entity_keys = _EntityKeys()
        self._decoded: OrderedDict[int, IndexedFact] = OrderedDict()
        self._entity_words: dict[str, _Words] = {}
        self._described: dict[str, frozenset[str]] = {}
        self._relations: dict[str, _Words] = {}
        self._meaning: OrderedDict[int, tuple] = OrderedDict()
        """Row -> the embeddings (float16) of its statement and taught phrasings, the most recently used last."""
        self._ranks: tuple[int, object] | None = None
        self.vocabulary: set[str] = set()
        """Every lemma some fact holds (outside names)."""
        self.plain_words: set[str] = set()
        """Lemmas some fact writes in lower case, as a word and not as part of a name."""
        self._person_words: tuple[int, frozenset[str]] = (-1, frozenset())
        self._vector_words: list[str] = []
        self._pending: list[str] = []
        self._spelling: dict[str, tuple[tuple[int, str], tuple[str, ...]]] = {}
        self.revision = 0
        """Counts every change, so that what is read off all the facts can be kept until the next one."""
        self._vectors = None  # np.ndarray (words x dim): the first len(_vector_words) rows are theirs
        self._near_cache: dict[tuple[frozenset[str], bool], dict[str, float]] = {}
        self.phrasal_synonyms: set[str] = set()
        """The verbs of two words `near` gives only as WordNet's phrases for a verb asked ("cut off")."""
        self._narrower_cache: dict[tuple[frozenset[str], int], frozenset[str]] = {}
        self._scheduled: tuple[int, dict[frozenset[str], frozenset[date]]] = (-1, {})
        self._made: tuple[int, dict[str, frozenset[date]]] = (-1, {})
        self._members: tuple[int, dict[str, frozenset[str]]] = (-1, {})

    # -- entities --------------------------------------------------------------------------------

    def add_entity(self, entity: Entity) -> None:
        self.revision += 1
        old = self.entities.get(entity.id)
        if old is not None:
            self.names.remove(entity.id)
        self.entities[entity.id] = entity
        self._entity_words.pop(entity.id, None)
        self._described.pop(entity.id, None)
        self.names.add(entity)
        if entity.kind is EntityKind.person:
            self._near_cache.clear()  # a person's name words are near nothing (`_only_a_name`)

    def remove_entity(self, entity_id: str) -> None:
        self.revision += 1
        self._entity_words.pop(entity_id, None)
        self._described.pop(entity_id, None)
        if self.entities.pop(entity_id, None) is not None:
            self.names.remove(entity_id)

    # -- facts -----------------------------------------------------------------------------------

    def add(self, fact: Fact) -> None:
        """Index `fact`, reading the phrasings taught to it as more of its text."""
        taught = tuple(dict.fromkeys(fact.phrasings))
        if fact.id in self._row_of:  # (a build adds new facts only: no call for each)
            self.remove(fact.id)
        self.revision += 1
        reading = self._read(fact, taught)
        row = len(self._ids)
        self._ids.append(fact.id)
        self._stored.append(fact.model_dump_json(exclude_defaults=True))  # the same Fact, 70 bytes less
        self._records.append(self._encode(reading, fact))
        if taught:
            self._taught[row] = taught
        self._row_of[fact.id] = row
        if row + 1 - self._unposted >= _POSTED_AT_ONCE:
            self.flush_postings()

    @property
    def postings(self) -> dict[str, array]:
        """Posting key -> rows, ascending. A word's key is its lemma itself ("talk"); the others are
        "e:entity", "d:month-day", "m:month", "wd:weekday", "y:year" (a lemma never holds a colon).
        Callers ask with "w:lemma" (`holders`, `df`, `retrieve`): a build adds tens of rows a fact, most
        of them words, and makes no "w:" string for them (nor keeps one for each word)."""
        if self._unposted < len(self._records):
            self.flush_postings()
        return self._postings

    def remove(self, fact_id: str) -> None:
        self.revision += 1
        row = self._row_of.pop(fact_id, None)
        if row is None:
            return
        old = self._decode(row)
        for key in self._keys(old):
            bucket = self.postings.get(key)
            if bucket is not None:
                bucket.remove(row)
                if not bucket:
                    del self.postings[key]
        self._ids[row] = self._stored[row] = self._records[row] = None
        self._taught.pop(row, None)
        self._meaning.pop(row, None)
        self._decoded.pop(row, None)

    def fact(self, fact_id: str) -> Fact | None:
        """The fact as stored, or None."""
        row = self._row_of.get(fact_id)
        return None if row is None else self._decode(row).fact

    def stored(self) -> Iterator[Fact]:
        """Every current fact, in the order they were indexed, each made from its text as it comes:
        for reading them all once, not for keeping."""
        return (Fact.model_validate_json(text) for text in self._stored if text is not None)

    def outlines(self) -> Iterator[FactOutline]:
        """The outline of every current fact, in the order they were indexed."""
        strings, ids = self._strings, self._ids
        for row, record in enumerate(self._records):
            if record is not None:
                subject, obj, relation, topic, source, last_day, n = record[:7]
                yield FactOutline(
                    id=ids[row], subject=strings[subject], object=strings[obj] if obj >= 0 else None,
                    relation=strings[relation], topic=strings[topic], source=strings[source],
                    days=tuple(map(date.fromordinal, record[7 : 7 + n])),
                    last_day=date.fromordinal(last_day) if last_day else None)

    def indexed(self, fact_id: str) -> IndexedFact:
        """What the answerer reads of one fact (KeyError when there is no such fact)."""
        return self._decode(self._row_of[fact_id])

    @staticmethod
    def _keys(item: IndexedFact | _Reading) -> list[str]:
        """The keys of the postings that hold a fact (see `postings`), each once (its lemmas and those
        only inside names are apart; two of its days may share a month or a weekday)."""
        keys = [*item.lemmas, *item.name_lemmas]
        keys += ["e:" + e for e in item.entities]
        keys += [f"y:{y}" for y in item.years]
        if item.days:
            keys += {key for day in item.days for key in _day_keys(day)}
        return keys

    def flush_postings(self) -> None:
        """Add the rows added since the last flush to the postings of their keys (`_keys`), all at once
        and read off their packed records: a build posts tens of keys a fact, and one sort of every
        (key, row) pair costs a fraction of appending them one by one. A key is numbered by the string
        it is made of (a lemma is its own key, an entity's key is "e:" and its id), the few keys of
        years and days after those."""
        import numpy as np

        start, self._unposted = self._unposted, len(self._records)
        rows = [row for row in range(start, self._unposted) if self._records[row] is not None]
        if not rows:
            return
        records = [self._records[row] for row in rows]
        flat = np.frombuffer(b"".join(map(bytes, records)), dtype=np.intc)
        lengths = np.fromiter(map(len, records), dtype=np.int64, count=len(records))
        at = np.cumsum(lengths) - lengths  # where each record starts
        rows_of = np.array(rows, dtype=np.int64)
        days_at, days = at + 7, flat[at + 6].astype(np.int64)
        at = days_at + days
        segments = []  # (first, count) of lemmas, name lemmas, entities, unlinked names, words, phrase words
        for _ in range(6):
            n = flat[at].astype(np.int64)
            segments.append((at + 1, n))
            at = at + 1 + n
        years = (at + 1, flat[at].astype(np.int64))

        def ragged(first, counts):  # the values of each record's segment, and the row of each
            offsets = np.repeat(first - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
            return flat[offsets].astype(np.int64), np.repeat(rows_of, counts)

        strings = self._strings
        named = len(strings)
        codes, code_rows = [], []
        for k, shift in ((0, 0), (1, 0), (2, named)):  # a lemma, a name lemma: the string; an entity: "e:" and it
            values, of_rows = ragged(*segments[k])
            codes.append(values + shift)
            code_rows.append(of_rows)
        other_keys: dict[str, int] = {}  # the key of a year or a day -> its number, after those of strings

        def numbered(values, keys_of):  # the numbers of the keys `keys_of` gives each distinct value
            unique, which = np.unique(values, return_inverse=True)
            numbers = [other_keys.setdefault(keys_of(v), 2 * named + len(other_keys)) for v in unique.tolist()]
            return np.array(numbers, dtype=np.int64)[which.reshape(-1)] if numbers else values

        year_values, year_rows = ragged(*years)
        codes.append(numbered(year_values, "y:{}".format))
        code_rows.append(year_rows)
        day_values, day_rows = ragged(days_at, days)
        for k in range(3):  # the day, its month, its weekday
            codes.append(numbered(day_values, lambda d, k=k: _day_keys(date.fromordinal(d))[k]))
            code_rows.append(day_rows)
        span = self._unposted
        pairs = np.sort(np.concatenate(codes) * span + np.concatenate(code_rows))  # by key, rows ascending
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]  # each once (two days of a fact may
        # share a month); a sort and a comparison, where `np.unique` hashes them first
        if not len(pairs):
            return
        keys, posted = np.divmod(pairs, span)
        cuts = np.flatnonzero(np.diff(keys)) + 1
        firsts = np.concatenate(([0], cuts)).tolist()
        ends = np.concatenate((cuts, [len(pairs)])).tolist()
        data = posted.astype(np.intc).tobytes()
        size = np.dtype(np.intc).itemsize
        names_of = {code: key for key, code in other_keys.items()}
        postings, entity_key = self._postings, self._entity_keys.__getitem__
        for code, first, end in zip(keys[firsts].tolist(), firsts, ends):
            key = (strings[code] if code < named else entity_key(strings[code - named]) if code < 2 * named
                   else names_of[code])
            chunk = data[first * size : end * size]
            bucket = postings.get(key)
            if bucket is None:
                postings[key] = array("i", chunk)
            else:
                bucket.frombytes(chunk)  # (its rows are all before these)

    def members(self, entity_id: str) -> frozenset[str]:
        """The two entities an entity is the pair of, by a name of it that joins theirs with "and" ("North
        and South Korea", the first name's last word left to the second as English elides it)."""
        if self._members[0] != self.revision:
            self._members = (self.revision, {})
        known = self._members[1]
        if entity_id not in known:
            known[entity_id] = self._pair_of(entity_id)
        return known[entity_id]

    def _pair_of(self, entity_id: str) -> frozenset[str]:
        entity = self.entities.get(entity_id)
        if entity is None:
            return frozenset()
        aliases = self.names.aliases
        for name in entity.names:
            words = tuple(w.lower() for w, _ in word_tokens(name))
            if "and" not in words:
                continue
            k = words.index("and")
            left, right = words[:k], words[k + 1:]
            if not left or not right:
                continue
            firsts = aliases.get(left) or aliases.get(left + right[len(left):]) or set()
            seconds = aliases.get(right) or set()
            if len(firsts) == 1 and len(seconds) == 1 and firsts != seconds and entity_id not in firsts | seconds:
                return frozenset(firsts | seconds)
        return frozenset()

    def scheduled_days(self, entity_ids: frozenset[str]) -> frozenset[date]:
        """The days the facts schedule these events for ("the summit ... June 12, 2018"): a fact of
        that day is about the event even when it does not name it. Kept until the facts change."""
        if self._scheduled[0] != self.revision:
            self._scheduled = (self.revision, {})
        found = self._scheduled[1].get(entity_ids)
        if found is None:
            found = frozenset(d for e in entity_ids
                              if e in self.entities and self.entities[e].kind is EntityKind.event
                              for fid in self.holders(f"e:{e}")
                              if (item := self.facts[fid]).subject == e and item.relation == DATE_RELATION
                              for d in item.days)  # read off the rows: no `Fact` is made for this
            self._scheduled[1][entity_ids] = found
        return found

    def days_of_events(self, entity_ids: frozenset[str]) -> frozenset[date]:
        """The days the facts schedule these events for; for a place, the days of the events named
        after it ("a week after *Singapore*": the Singapore summit). A time reckoned from them ("two
        days after the summit") is reckoned from these days. A person or a country is no time."""
        events = frozenset(e for e in entity_ids if e in self.entities and self.entities[e].kind is EntityKind.event)
        places = [self.entities[e] for e in entity_ids if e in self.entities and self.entities[e].kind is EntityKind.place]
        if not events:
            events = frozenset(e for e, entity in self.entities.items() if entity.kind is EntityKind.event
                               and any(_names_within(other, name) for place in places
                                       for other in place.names for name in entity.names))
        return self.scheduled_days(events) if events else frozenset()

    def made_on(self, entity_id: str) -> frozenset[date]:
        """The one day the dated facts about a document (as their subject) are of, when they agree on
        one: the day it was made ("reached on April 27"). Empty for anything else."""
        if self._made[0] != self.revision:
            self._made = (self.revision, {})
        found = self._made[1].get(entity_id)
        if found is None:
            entity = self.entities.get(entity_id)
            days = set() if entity is None or entity.kind is not EntityKind.document else {
                d for fid in self.holders(f"e:{entity_id}") if (item := self.facts[fid]).subject == entity_id
                for d in item.days}
            found = self._made[1][entity_id] = frozenset(days) if len(days) == 1 else frozenset()
        return found

    def partner(self, entity_id: str) -> str | None:
        """The other of a pair: the one entity of the same kind that the facts naming this one name
        too, when this one is also the only one for it (two co-authors, two delegations): "the other
        one" after asking about either. None when there is no such pair, or the entity is named too
        often for a pair to stand out."""
        other = self._named_with(entity_id)
        return other if other is not None and self._named_with(other) == entity_id else None

    def _named_with(self, entity_id: str) -> str | None:
        entity = self.entities.get(entity_id)
        held = self.holders(f"e:{entity_id}")
        if entity is None or len(held) > _PAIR_FACTS:
            return None
        others = {e for fid in held for e in self.facts[fid].entities
                  if e != entity_id and e in self.entities and self.entities[e].kind is entity.kind}
        return others.pop() if len(others) == 1 else None

    def holders(self, key: str) -> list[str]:
        """The ids of the facts that hold `key` ("e:entity", "w:lemma", ...)."""
        return [self._ids[row] for row in self._bucket(key)]

    def df(self, key: str) -> int:
        return len(self._bucket(key))

    def _bucket(self, key: str) -> array | tuple[()]:
        """The rows that hold `key` ("w:lemma", "e:entity", ...), ascending; () when none does."""
        return self.postings.get(key[2:] if key[:2] == "w:" else key, ())

    def idf(self, key: str) -> float:
        n = max(1, len(self._row_of))
        return math.log(1 + n / (1 + self.df(key))) / math.log(1 + n)

    # -- compact rows ----------------------------------------------------------------------------

    def _encode(self, item: _Reading, fact: Fact) -> array:
        """The outline (subject, object or -1, relation, topic, source, last day or 0, then the days),
        [count, ids...] for each set of strings, the words in order, then years, flags, length."""
        ids = self._string_id.__getitem__
        return _packed([
            ids(fact.subject), ids(fact.object) if fact.object is not None else -1, ids(fact.relation),
            ids(fact.topic), ids(fact.provenance.source), fact.dates[-1].day.toordinal() if fact.dates else 0,
            len(item.days), *sorted(map(date.toordinal, item.days)),
            len(item.lemmas), *map(ids, item.lemmas), len(item.name_lemmas), *map(ids, item.name_lemmas),
            len(item.entities), *map(ids, item.entities), len(item.unlinked_names), *map(ids, item.unlinked_names),
            len(item.words), *map(ids, item.words), len(item.phrase_words), *map(ids, item.phrase_words),
            len(item.years), *item.years, item.flags, len(item.words),
        ])

    def _decode(self, row: int) -> IndexedFact:
        hit = self._decoded.get(row)
        if hit is not None:
            self._decoded.move_to_end(row)
            return hit
        record, strings = self._records[row], self._strings
        n = record[6]
        days = frozenset(date.fromordinal(d) for d in record[7 : 7 + n])
        fields: list[object] = []
        at = 7 + n
        for _ in range(6):
            n = record[at]
            fields.append([strings[i] for i in record[at + 1 : at + 1 + n]])
            at += 1 + n
        lemmas, name_lemmas, entities, unlinked, words, phrase_words = fields
        n = record[at]
        years = frozenset(record[at + 1 : at + 1 + n])
        flags, length = record[at + 1 + n], record[at + 2 + n]
        lemma_set = frozenset(lemmas)
        subject, obj, relation = record[:3]
        item = IndexedFact(
            id=self._ids[row], subject=strings[subject], object=strings[obj] if obj >= 0 else None,
            relation=strings[relation], made=self._stored[row], lemmas=lemma_set, name_lemmas=frozenset(name_lemmas),
            entities=frozenset(entities), days=days, years=years, number=bool(flags & 1), clock=bool(flags & 2),
            causal=bool(flags & 4), timed=bool(flags & 8), length=length, taught=self._taught.get(row, ()),
            words=tuple(words), unlinked_names=frozenset(unlinked), stems=_stems(lemma_set),
            phrase_words=frozenset(phrase_words),
        )
        self._decoded[row] = item
        if len(self._decoded) > _DECODED:
            self._decoded.popitem(last=False)
        return item

    # -- retrieval -------------------------------------------------------------------------------

    def retrieve(self, needs: list[tuple[list[str], float]], *, total: float, threshold: float, limit: int,
                 count_limit: int) -> set[str]:
        """The ids of the facts worth scoring for needs given as (posting keys, weight), rarest first.

        Only facts that hold one of the rarest needs can reach the threshold: the postings of needs
        are collected until what the rest weigh could no longer lift a fact over half the threshold.
        When more than `limit` facts hold them, the `limit` that hold the most weight of the question
        are kept (ties by fact id), counting only needs fewer than `count_limit` facts hold: a need
        most facts hold tells them apart little."""
        import numpy as np

        rows = len(self._ids)
        found_mask = np.zeros(rows, dtype=bool)
        remaining = sum(w for _, w in needs)
        for keys, weight in needs:
            for k in keys:
                found_mask[self._posting(k)] = True
            remaining -= weight
            if remaining / total < threshold * 0.5:
                break
        found = np.flatnonzero(found_mask)
        if len(found) <= limit:
            return {self._ids[r] for r in found.tolist()}
        held = np.zeros(len(found))
        for keys, weight in needs:
            holders = np.zeros(rows, dtype=bool)
            for k in keys:
                holders[self._posting(k)] = True
            if np.count_nonzero(holders) > count_limit:
                continue
            held[holders[found]] += weight
        cutoff = np.partition(held, len(held) - limit)[len(held) - limit]
        above = found[held > cutoff].tolist()
        tied = found[held == cutoff]
        ids = self._ids
        if len(tied) <= _SORT_TIES:
            rest = sorted(ids[r] for r in tied.tolist())
        else:
            ranks = self._fact_id_ranks()
            rest = [ids[r] for r in tied[np.argsort(ranks[tied])].tolist()]
        return {ids[r] for r in above} | set(rest[: limit - len(above)])

    def _posting(self, key: str):  # -> np.ndarray of rows
        import numpy as np

        bucket = self._bucket(key)
        # A view of the array, used at once and let go: held, it would keep the array from growing.
        return np.frombuffer(bucket, dtype=np.intc) if bucket else np.empty(0, dtype=np.intc)

    def _fact_id_ranks(self):  # -> np.ndarray: row -> rank of its fact id among all rows'
        import numpy as np

        if self._ranks is None or self._ranks[0] != self.revision:
            order = sorted(range(len(self._ids)), key=lambda r: self._ids[r] or "")
            ranks = np.empty(len(order), dtype=np.int64)
            ranks[order] = np.arange(len(order))
            self._ranks = (self.revision, ranks)
        return self._ranks[1]

    def _read(self, fact: Fact, taught: tuple[str, ...]) -> _Reading:
        """What the answerer reads of a fact (`IndexedFact` is made again from it by `_decode`)."""
        lemmas_of = self._lemmas_of.__getitem__
        written, gaps = words_and_gaps(fact.statement)
        statement_words = list(map(str.lower, written))
        told = [w.lower() for text in (*fact.keywords, *taught) for w in words_of(text)]
        phrases = _keyword_phrases(fact.keywords, lemmas_of)
        in_phrases = [w.lower() for text in fact.keywords for w in words_of(text)] if phrases else []
        valued = [w.lower() for w in words_of(fact.value)] if fact.value else []
        anchors = {fact.subject} | ({fact.object} if fact.object else set())
        entities = set(anchors)
        upper = list(compress(count(), map(str.isupper, map(_FIRST_LETTER, written))))  # (all in C)
        # written as names: with a capital, but not all capitals, and not a month or a weekday
        capitals = [i for i in upper if not written[i].isupper() and statement_words[i] not in _CALENDAR]
        runs = _proper_runs(capitals, gaps)
        run_at = {k: run for run in runs for k in run}  # (runs never overlap)
        linked_positions: set[int] = set()
        for i, n, ids in self.names.find(statement_words):
            run = run_at.get(i)
            if (run is not None and n < len(run) and i + n <= run.stop
                    and not (i == run.start and self._qualifies_a_name(ids, statement_words[i : i + n]))):
                continue  # "China" inside "Air China" names an airline, not the country
            if len(ids) == 1 or ids & anchors:
                entities |= ids & anchors if len(ids) > 1 else ids
                linked_positions.update(range(i, i + n))
        name_positions = run_at.keys() - linked_positions
        inside_names = {statement_words[i] for i in name_positions}
        # a word that opens a later sentence ("... in May. Talks resumed") is capitalised as any word
        # there is: an English word there is no name
        opening = {w.lower() for w in _SENTENCE_OPENING.findall(fact.statement)} if ". " in fact.statement else ()
        unlinked = {statement_words[i] for i in capitals if i and i not in linked_positions
                    and not (statement_words[i] in opening and gaps[i - 1] > 1 and Lexicon.is_english(written[i]))}
        each = list(map(lemmas_of, statement_words))  # each word's lemmas, read once for both uses below
        # what the statement writes in lower case (never inside a name: a name is written capitalised)
        plain: set[str] = set().union(*_without(each, upper))
        lemmas: set[str] = set().union(*_without(each, name_positions))
        relation = self._relation_words(fact.relation)
        numerals = list(compress(statement_words, map(str.isdigit, map(_FIRST_LETTER, statement_words))))
        # (the few words a year or a decade can be)
        if told or valued or phrases:  # (most facts have none: the steps below would add nothing)
            told_lemmas = set().union(*map(lemmas_of, told)) | phrases
            plain |= told_lemmas - _names_written(fact.keywords)  # "Sohae" of the keywords is a name, as in a statement
            lemmas |= told_lemmas
            lemmas.update(*map(lemmas_of, valued))
        plain |= relation.plain
        entity_words = self._entity_words
        for ref in anchors:  # the fact's own entities by every name
            names = entity_words.get(ref) or self._names_words(ref)
            lemmas |= names.lemmas
            numerals += names.numerals
        lemmas |= relation.lemmas
        if told or valued or phrases:
            numerals += [w for w in (*told, *valued) if w[:1].isdigit()]
        numerals += relation.numerals
        name_lemmas: set[str] = set().union(*map(lemmas_of, inside_names)) - lemmas
        self._learn(lemmas)
        self._learn_plain(plain)
        self._learn_names(name_lemmas, unlinked)
        days = frozenset(map(_DAY, fact.dates))
        years = set(map(_YEAR, days))
        if numerals:
            years |= {int(w) for w in numerals if w in _YEAR_NUMERALS}
            years |= {int(w[:4]) + k for w in numerals if _DECADE.match(w) for k in range(10)}  # "the early 2000s"
        statement_lower = set(statement_words)
        first_digit = _DIGIT.search(fact.statement)
        number = _counts(fact.statement, statement_lower, first_digit, statement_words)
        clock = _tells_the_time(fact.statement, first_digit)
        causal = relation_gives_a_cause(fact.relation) or says_a_cause(statement_words, self.lexicon, lemmas)
        timed = bool(days) or not _TIME_WORDS.isdisjoint(statement_lower)
        phrase_words: set[str] = set()
        if phrases:  # the words of a keyword phrase that neither the statement, a keyword alone nor a name says
            alone = [w.lower() for text in (*fact.keywords, *taught) if len(words_of(text)) == 1 or text in taught
                     for w in words_of(text)]
            said = set().union(*each, *map(lemmas_of, alone), *map(lemmas_of, valued), relation.lemmas, name_lemmas,
                              *(self.name_words(ref) for ref in anchors))
            phrase_words = set().union(*map(lemmas_of, in_phrases)) - said
        return _Reading(lemmas=lemmas, name_lemmas=name_lemmas, entities=entities, days=days, years=years,
                        unlinked_names=unlinked, words=statement_words, phrase_words=phrase_words,
                        flags=number | clock << 1 | causal << 2 | timed << 3)

    def _qualifies_a_name(self, ids: set[str], words: list[str]) -> bool:
        """A country's adjective opening a longer name ("*Chinese* President Xi Jinping", "the *North
        Korean* Foreign Ministry") says whose the person or the body is: the fact names the country. A
        country's own name inside a name ("Air *China*", "*China* Daily") or a city of it ("*Seoul*
        National University") names another thing. WordNet tells the adjective from the place: it is no
        place that holds or is held by another, and English gives its last word no noun reading."""
        entity = self.entities.get(next(iter(ids))) if len(ids) == 1 else None
        if entity is None or entity.kind is not EntityKind.country:
            return False
        phrase = " ".join(words)
        return (not Lexicon.wholes(phrase) and not Lexicon.parts(phrase)
                and "NOUN" not in Lexicon.parts_of_speech(words[-1]))

    def name_words(self, entity_id: str) -> frozenset[str]:
        """The lemmas of the words of every name of an entity: what a fact naming it holds of it."""
        return self._names_words(entity_id).lemmas

    def described_by(self, entity_id: str) -> frozenset[str]:
        """The lemmas of the words of an entity's description ("senior researcher at a think tank in
        Seoul"): what the store says the entity is, whichever fact names it."""
        found = self._described.get(entity_id)
        if found is None:
            entity = self.entities.get(entity_id)
            words = [w.lower() for w in words_of(entity.description)] if entity is not None and entity.description else []
            found = self._described[entity_id] = frozenset().union(*map(self.lexicon.lemmas, words))
        return found

    def _names_words(self, entity_id: str) -> _Words:
        """The lemmas of the words of every name of an entity (none for an entity the table lacks),
        and those words that start with a digit."""
        found = self._entity_words.get(entity_id)
        if found is None:
            entity = self.entities.get(entity_id)
            words = [] if entity is None else [w.lower() for name in entity.names
                                               for w in (*words_of(name), *_initialisms(name))]
            found = self._entity_words[entity_id] = _Words.of(words, self.lexicon)
        return found

    def _relation_words(self, relation: str) -> _Words:
        """The lemmas of a relation's words, as a fact's words (split at "_") and as words it says in
        lower case; kept per relation (a store has few)."""
        found = self._relations.get(relation)
        if found is None:
            plain = [w.lower() for w in words_of(relation.replace("_", " "))]
            found = self._relations[relation] = _Words.of(relation.split("_"), self.lexicon, plain=plain)
        return found

    # -- near words ------------------------------------------------------------------------------

    def _learn(self, lemmas: set[str]) -> None:
        vocabulary = self.vocabulary
        if lemmas <= vocabulary:
            return  # the common case, once a store's words have been seen: one check in C
        new = [w for w in lemmas if w not in vocabulary]
        if not new:
            return
        self.vocabulary.update(new)
        self._near_cache.clear()
        self._pending.extend(w for w in new if w.isalpha() and len(w) >= 3)

    def _only_a_name(self, word: str) -> bool:
        """A word the facts say only in a person's name ("Sung" Kim) is no synonym of what a question
        says ("talks": sing, sung): a person's name means nobody but the person."""
        if word in self.plain_words:
            return False
        if self._person_words[0] != self.revision:
            words = frozenset(w.lower() for e in self.entities.values() if e.kind is EntityKind.person
                              for name in e.names for w in words_of(name))
            self._person_words = (self.revision, words)
        return word in self._person_words[1]

    def _learn_plain(self, lemmas: set[str]) -> None:
        """`lemmas` are said as words (written in lower case, as a keyword, a taught phrasing or a relation)."""
        if lemmas <= self.plain_words:
            return  # the common case, as in `_learn`
        self.plain_words.update(lemmas)
        self._near_cache.clear()

    def flush_vectors(self) -> None:
        """Give the words learnt since the last flush their vectors, in one batch, in sorted order.

        The words are learnt in the order of a set (a fact's lemmas), which the hash seed decides; where
        a word's vector lands among the rows changes how BLAS sums its similarity to a question's word
        (`near`) in the last bit, and so a score. Sorted, the same facts give the same floats in every
        process."""
        if not self._pending or self.lexicon.embedder is None:
            self._pending.clear()
            return
        import numpy as np

        words, self._pending = sorted(self._pending), []
        held = len(self._vector_words)
        if self._vectors is None or len(self._vectors) < held + len(words):
            grown = np.empty((held + len(words), self.lexicon.embedder.dim), dtype=np.float32)
            if self._vectors is not None:
                grown[:held] = self._vectors[:held]
            self._vectors = grown
        for start in range(0, len(words), _EMBEDDED_AT_ONCE):
            batch = words[start : start + _EMBEDDED_AT_ONCE]
            rows = self.lexicon.embedder.embed(batch)
            known = rows.any(axis=1)
            self._vectors[held : held + int(known.sum())] = rows[known]
            held += int(known.sum())
            self._vector_words.extend(w for w, k in zip(batch, known) if k)

    def meaning_similarity(self, question: str, fact_ids: set[str]) -> dict[str, float]:
        """Cosine similarity in meaning between the question and each fact's texts (the best of its
        statement and the phrasings taught to it). Each fact's vectors are computed on first need and
        kept (float16) for the facts most recently scored, until the fact changes."""
        if self.lexicon.embedder is None or not fact_ids:
            return {}
        import numpy as np

        rows = {fid: self._row_of[fid] for fid in fact_ids}
        vectors: dict[str, tuple] = {}
        for fid, row in rows.items():
            hit = self._meaning.get(row)
            if hit is not None:
                self._meaning.move_to_end(row)
                vectors[fid] = hit
        missing = [fid for fid in fact_ids if fid not in vectors]
        if missing:
            texts = [(fid, t) for fid in missing
                     for t in (self._statement(rows[fid]), *self._taught.get(rows[fid], ()))]
            embedded = self.lexicon.embedder.embed([t for _, t in texts]).astype(np.float16)
            grouped: dict[str, list] = {}
            for (fid, _), row in zip(texts, embedded):
                grouped.setdefault(fid, []).append(row.copy())  # a copy: the batch is not kept
            for fid, rows_of_fact in grouped.items():
                vectors[fid] = self._meaning[rows[fid]] = tuple(rows_of_fact)
            while len(self._meaning) > _MEANING_KEPT:
                self._meaning.popitem(last=False)
        q = self.lexicon.embedder.embed([question])[0]
        return {fid: max(float(v.astype(np.float32) @ q) for v in vectors[fid]) for fid in fact_ids}

    def _statement(self, row: int) -> str:
        """A row's statement read off its JSON text (a validated `Fact`'s own dump) without making the
        `Fact` again: the meaning of dozens of facts is read at a question, and a validation costs
        ten times as much."""
        return json.loads(self._stored[row])["statement"]

    def spelling(self, letter: str) -> tuple[str, ...]:
        """The store's words and names that start with `letter`, for reading typos; kept until a change."""
        key = (self.revision, letter)
        hit = self._spelling.get(letter)
        if hit is not None and hit[0] == key:
            return hit[1]
        words = {w for w in self.vocabulary if w[:1] == letter and " " not in w}  # a slip is of one word, not a
        # keyword phrase's ("pullout" is no slip of "pull out")
        words |= {w for w in self.names.other_words if w[:1] == letter}
        words |= {w for alias in self.names.aliases for w in alias if w[:1] == letter}
        pool = tuple(sorted(words))
        self._spelling[letter] = (key, pool)
        return pool

    def family(self, lemma: str) -> tuple[str, ...]:
        """The store's words that are `lemma` with another short ending ("Russia" for "Russian", "Olympics"
        for "Olympic", "Japanese" for "Japan"): a name and the words English derives from it share all
        but their last few letters."""
        if len(lemma) < FAMILY_STEM or not lemma.isalpha():
            return ()
        return tuple(w for w in self.spelling(lemma[0]) if w != lemma and _one_family(lemma, w))

    def _learn_names(self, *lemmas: set[str]) -> None:
        """Words inside names are known (a question may say them) but never near anything."""
        self.names.other_words.update(*lemmas)

    def _synonym_credit(self, word: str, synonym: str) -> float:
        """How much a WordNet synonym covers: fully when the sense the two share is one of the first
        senses of both, or the embedding also puts them near; less the further apart it puts them
        ("agree" and "hold" share the 35th sense of "hold", not the one a fact about holding talks means)."""
        if self.lexicon.shares_a_common_sense(word, synonym):
            return SYNONYM_CREDIT
        a, b = self.lexicon.vector(word), self.lexicon.vector(synonym)
        if a is None or b is None:
            return SYNONYM_CREDIT
        s = float(a @ b)
        share = min(1.0, max(0.0, (s - SYNONYM_UNCONFIRMED) / (SYNONYM_CONFIRMED - SYNONYM_UNCONFIRMED)))
        return SYNONYM_RARE_SENSE + (SYNONYM_CREDIT - SYNONYM_RARE_SENSE) * share

    def _phrasal_held(self, phrase: str, lemma: str) -> bool:
        """A verb and its particle ("cut off", "tear down") whose two words the facts hold, a synonym WordNet
        gives as a phrase in one of the first senses of both (`phrasal_said` reads it in a fact). Not what
        makes the verb asked a word the store knows: no fact need say the two together."""
        parts = phrase.split(" ")
        return (len(parts) == 2 and parts[1] in PARTICLES and parts[0] in self.vocabulary
                and parts[1] in self.vocabulary and "VERB" in self.lexicon.parts_of_speech(parts[0])
                and self.lexicon.shares_a_common_sense(lemma, phrase))

    def _confirmed(self, word: str, other: str, *, at_least: float = KIND_CONFIRMED) -> bool:
        """The embedding model puts the two words near enough (`KIND_CONFIRMED`); without it, never."""
        a, b = self.lexicon.vector(word), self.lexicon.vector(other)
        return a is not None and b is not None and float(a @ b) >= at_least

    def near(self, lemmas: frozenset[str], *, kinds: bool = False) -> dict[str, float]:
        """Words the facts hold that mean nearly what `lemmas` mean, with a credit in (0, 1); with `kinds`,
        for the verb a question asks, also the acts WordNet names as ways of doing it ("visit" for
        "travel"). A noun's kinds are not read: "a fair *deal*" is not "discussed", which is a way to deal with."""
        key = (lemmas, kinds)
        cached = self._near_cache.get(key)
        if cached is not None:
            return cached
        found: dict[str, float] = {}
        # a word WordNet calls the opposite quality is not near, however near the embedding puts the two
        # ("early" for "later"): opposites are said in the same places
        opposite = frozenset().union(*map(self.lexicon.opposite_qualities, lemmas))
        self.flush_vectors()
        if self._vectors is not None and self.lexicon.embedder is not None:
            import numpy as np

            for lemma in lemmas:
                if not lemma.isalpha() or len(lemma) < 3:
                    continue
                v = self.lexicon.vector(lemma)
                if v is None:
                    continue
                sims = self._vectors[: len(self._vector_words)] @ v
                top = np.argpartition(-sims, min(_MAX_NEAR, len(sims) - 1))[:_MAX_NEAR]
                for k in top:
                    s = float(sims[k])
                    word = self._vector_words[k]
                    if s >= _VECTOR_NEAR and word not in lemmas and word not in opposite:
                        credit = _NEAR_CREDIT * min(1.0, (s - _VECTOR_NEAR) / (1 - _VECTOR_NEAR) * 0.5 + 0.5)
                        found[word] = max(found.get(word, 0.0), credit)
        for lemma in lemmas:
            for means in self.lexicon.meanings(lemma):
                found[means] = max(found.get(means, 0.0), 1.0)
                for spelt in self.lexicon.spelling_variants(means):  # "apologize", which the facts spell "apologise"
                    if spelt in self.vocabulary:
                        found[spelt] = max(found.get(spelt, 0.0), 1.0)
            for synonym in self.lexicon.synonyms(lemma):
                if synonym not in self.vocabulary and synonym.endswith("ing") and " " not in synonym:
                    # WordNet names an act by its verb's -ing form ("departure": "leaving"); the facts may
                    # say the verb in another form ("leave"). (Not a plural: "conditions" of the weather
                    # is no "condition" of a deal.)
                    synonym = next((w for w in sorted(self.lexicon.lemmas(synonym)) if w in self.vocabulary), synonym)
                if (synonym in self.vocabulary and synonym not in lemmas and synonym not in opposite
                        and not self._only_a_name(synonym)
                        and self.lexicon.content_weight(synonym) >= SYNONYM_MIN_WEIGHT):
                    found[synonym] = max(found.get(synonym, 0.0), self._synonym_credit(lemma, synonym))
                elif kinds and synonym not in lemmas and synonym not in found and self._phrasal_held(synonym, lemma):
                    found[synonym] = SYNONYM_CREDIT
                    self.phrasal_synonyms.add(synonym)
            for word, credit in self._prefixed_synonyms(lemma):
                found[word] = max(found.get(word, 0.0), credit)
            for kind in self.lexicon.kinds(lemma) if kinds else ():
                if (kind in self.vocabulary and kind not in lemmas and not self._only_a_name(kind)
                        and self.lexicon.content_weight(kind) >= SYNONYM_MIN_WEIGHT and self._confirmed(lemma, kind)):
                    found[kind] = max(found.get(kind, 0.0), KIND_CREDIT)
        self._near_cache[key] = found
        return found

    def kinds_of_thing(self, lemmas: frozenset[str]) -> dict[str, float]:
        """Words the facts hold that WordNet names as what the noun `lemmas` name is a kind of ("boat" for
        "ferry", "obstacle" for "roadblock"), or as kinds of it, each confirmed by the embedding model (a
        one-word noun's) and credited as a kind of an act is (`KIND_CREDIT`)."""
        found: dict[str, float] = {}
        for lemma in lemmas:
            for kind in self.lexicon.hypernyms(lemma) | self.lexicon.hyponyms(lemma):
                if (kind in self.vocabulary and kind not in lemmas and not self._only_a_name(kind)
                        and self.lexicon.content_weight(kind) >= SYNONYM_MIN_WEIGHT
                        and (" " in lemma or self._confirmed(lemma, kind, at_least=HYPERNYM_CONFIRMED))):
                    found[kind] = KIND_CREDIT
        return found

    def narrower_kinds(self, lemmas: frozenset[str]) -> frozenset[str]:
        """Words the facts hold that name a kind of what the noun `lemmas` name, up to `KIND_STEPS` of
        WordNet's steps up from the fact's word ("minister" -> "diplomat" -> "official"), or one more that the
        embedding model confirms (`CONFIRMED_KIND_STEPS`), the last step through a kind of the first sense of
        the noun asked (a "summit", a meeting only in its second sense, is no "meeting"), common enough words
        and not words English reads as adjectives too ("White"). Only downwards:
        a fact about a "destroyer" is about a ship, a fact about a "ship" not about a destroyer."""
        key = (lemmas, len(self.vocabulary) + len(self.names.other_words))
        cached = self._narrower_cache.get(key)
        if cached is not None:
            return cached
        # Read down from the noun asked, not up from every word the store holds: the steps below the first
        # sense's kinds, then the one more that needs the embedding's confirmation.
        steps = [frozenset().union(*(self.lexicon.hyponyms(lemma) for lemma in lemmas))]  # of the first sense
        while len(steps) < CONFIRMED_KIND_STEPS:
            steps.append(frozenset().union(*(self.lexicon.named_kinds_of(kind) for kind in steps[-1])))
        said = frozenset().union(*steps[:KIND_STEPS])
        found = frozenset(word for word in said.union(*steps[KIND_STEPS:])
                          if (word in self.vocabulary or word in self.names.other_words)
                          and word not in lemmas and word.isalpha()
                          and (word in said or any(self._confirmed(lemma, word) for lemma in lemmas))
                          and "ADJ" not in self.lexicon.parts_of_speech(word)  # "White": a quality first
                          and self.lexicon.content_weight(word) >= SYNONYM_MIN_WEIGHT)
        if len(self._narrower_cache) >= NARROWER_KEPT:
            self._narrower_cache.clear()
        self._narrower_cache[key] = found
        return found

    def _prefixed_synonyms(self, lemma: str) -> list[tuple[str, float]]:
        """The store's words made of the same prefix before a synonym of the word after it, with the
        synonym's credit ("regain" for "reacquire"): a prefix changes each word alike. Only of a word too rare
        for the lists, which is made by rule; a listed one may mean another thing ("recall" is no renaming)."""
        parts = self.lexicon.prefixed_parts(lemma) if not self.lexicon.is_english(lemma) else None
        if parts is None:
            return []
        prefix, stem = parts
        stem = self.lexicon.lemma(stem)
        return [(prefix + synonym, self._synonym_credit(stem, synonym)) for synonym in self.lexicon.synonyms(stem)
                if prefix + synonym in self.vocabulary and prefix + synonym != lemma and synonym.isalpha()]

    def places_within(self, lemmas: frozenset[str]) -> frozenset[str]:
        """Places the facts name (written as names) that are part of the place `lemmas` name: what
        happened in Lyon happened in France."""
        return frozenset(part for lemma in lemmas for part in self.lexicon.parts(lemma)
                         if part in self.names.other_words)

    def city_of(self, entity_ids: frozenset[str], words: tuple[str, ...]) -> bool:
        """`words` are a name of one of the entities that WordNet puts inside another of its names
        ("Pyongyang", part of "North Korea"; "Washington", of "D.C." and "America"): a city of the
        country, which may stand for its government ("Pyongyang said") or be the place itself."""
        phrase = " ".join(words)
        wholes = Lexicon.wholes(phrase)
        return bool(wholes) and any(
            phrase in names and not wholes.isdisjoint(names)
            for e in entity_ids if (entity := self.entities.get(e)) is not None
            for names in [{" ".join(words_of(n)).lower() for n in entity.names}])

    def places_holding(self, lemmas: frozenset[str]) -> frozenset[str]:
        """Places the facts name that hold the place `lemmas` name: Lyon is in France."""
        return frozenset(whole for lemma in lemmas for whole in self.lexicon.wholes(lemma)
                         if whole in self.vocabulary or self.names.holds(whole))


_DOTTED_INITIALS = re.compile(r"\b(?:[A-Za-z]\.){2,}")
"""Initials written with dots ("U.N.", "U.K."): a question writes them as one word ("the UN watchdog")."""


def _initialisms(name: str) -> list[str]:
    """The initials a name writes with dots, as one word: "the U.N. nuclear watchdog" -> "UN"."""
    return [m.group().replace(".", "") for m in _DOTTED_INITIALS.finditer(name)]


_DECADE = re.compile(r"^(?:19|20)\d0s$")
_DATE_TEXT = re.compile(r"\b(?=[adfjmnos\d])(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?(?:, \d{4})?|"
                        r"\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?: \d{4})?|(?:19|20)\d\d\b)", re.I)
"""A date or a year as text. Every one starts a word with a digit or a month's first letter (the look-ahead,
as in `_CLOCK`)."""


FAMILY_STEM = 5
"""The fewest letters two words of one family share (not "Chin" of "China" and "Chinese")."""
FAMILY_ENDING = 3
"""The most letters either adds after them ("-n", "-s", "-ese")."""


def _one_family(a: str, b: str) -> bool:
    shared = 0
    for x, y in zip(a, b):
        if x != y:
            break
        shared += 1
    return (shared >= FAMILY_STEM and len(a) - shared <= FAMILY_ENDING and len(b) - shared <= FAMILY_ENDING
            and shared >= min(len(a), len(b)) - 1)


@lru_cache(maxsize=4096)
def _day_keys(day: date) -> tuple[str, str, str]:
    """The keys of the postings of a day, its month and its weekday (a store's facts have few days)."""
    return f"d:{day.month}-{day.day}", f"m:{day.month}", f"wd:{day.weekday()}"


def _packed(values: list[int]) -> array:
    """`array("i", values)`, made from the values packed by a `Struct` of their count: it reads a list
    of ints several times as fast as the array does (which parses each one)."""
    return array("i", _ints(len(values)).pack(*values))


@lru_cache(maxsize=1024)
def _ints(count: int) -> struct.Struct:
    return struct.Struct(f"{count}i")


def _stems(lemmas: frozenset[str]) -> frozenset[str]:
    """The first letters of each long lemma: words of one family ("agree", "agreement") share them."""
    return frozenset(w[:5] for w in lemmas if len(w) >= 5)


_DIGIT = re.compile(r"\d")
_TAILS_KEPT = 4096
"""How many statement endings (from the first number on) `_digit_outside_dates` keeps its answer for."""
_YEAR_NUMERALS = frozenset(str(year) for year in range(1901, 2100))
"""The numerals that read as a year (1901 to 2099): a word's own text looked up, where testing it
as a number takes four steps (a fact's words come from `words_of`, so their digits are ASCII)."""


def _says_a_cause(words: list[str]) -> bool:
    """The statement has a word that gives a cause ("because", "cited", "*over* the drills"): a preposition
    of cause only with what it governs, not as a particle before another preposition or at the end
    ("handed *over* to", "has not met *since*"), nor with a time ("*over* the weekend", "*after* two days")."""
    if _CAUSE.isdisjoint(words):
        return False  # most statements: no word to look at
    return any(w in _CAUSE and not (w in PREPOSITIONS and not _governs_a_thing(words, k + 1))
               for k, w in enumerate(words))


_GOVERNED_REACH = 3
"""How far past a preposition its noun may stand ("over *the last two* weeks")."""


def _governs_a_thing(words: list[str], start: int) -> bool:
    """A preposition's words from `start` name a thing, not a time or nothing ("the drills", not "the
    weekend", "two days", "May" or another preposition)."""
    for word in words[start : start + _GOVERNED_REACH + 1]:
        if word in PREPOSITIONS:
            return False
        if word in _TIME_WORDS or word.rstrip("s") in _TIME_WORDS or word in _CALENDAR or word.isdigit():
            return False
        if word not in _LEADING:
            return True
    return False


_LEADING = frozenset({*DETERMINERS, "last", "next", "past", "few", *_NUMBER_WORDS})
"""Words before a preposition's noun that say which or how many, not what it is."""


def says_a_cause(words: list[str], lexicon: Lexicon, lemmas: Set[str] | None = None) -> bool:
    """Words of a statement (or of one clause of it) give a cause or a purpose, as a fact's reading takes
    one (`_says_a_cause`, a word that gives a cause wherever it stands, `_purpose`); `lemmas`, when the
    caller has them, are the words' own (by default, every lemma of every word)."""
    if lemmas is None:
        lemmas = set().union(*map(lexicon.lemmas, words)) if words else set()
    return _says_a_cause(words) or not _CAUSE_NOT_PREPOSITION.isdisjoint(lemmas) or _purpose(words, lexicon)


def relation_gives_a_cause(relation: str) -> bool:
    """A fact whose relation is itself a cause ("because_of", "cited"): its statement is the cause told."""
    return "because" in relation or "cite" in relation


def _purpose(words: list[str], lexicon: Lexicon) -> bool:
    """The statement says what something was for: "met ... *to discuss* the agenda", "in order to", or what
    a thing it names is meant to bring about ("a deal *that would ease* sanctions")."""
    if "would" in words and any(w in _RELATIVE_PURPOSE and nxt == "would" and "VERB" in lexicon.parts_of_speech(verb)
                                for w, nxt, verb in zip(words, words[1:], words[2:])):
        return True
    if "to" not in words:
        return False  # most statements: no word to look at
    for k in range(1, len(words) - 1):
        if words[k] == "to" and "VERB" in lexicon.parts_of_speech(words[k + 1]) and words[k + 1] == lexicon.lemma(words[k + 1]):
            before = words[k - 1]
            if before in _NOT_PURPOSE or "VERB" in lexicon.parts_of_speech(before) and before != lexicon.lemma(before):
                continue  # "agreed to proceed", "due to arrive" say what was done, not what for
            return True
    return False


_RELATIVE_PURPOSE = frozenset({"that", "which"})
"""Relative pronouns that, with "would" and a verb, say what the thing before them is meant to do."""
_NOT_PURPOSE = frozenset({"due", "able", "going", "about", "likely", "set", "is", "are", "was", "were", "be", "has",
                          "have", "had", "want", "wants", "need", "needs", "try", "tries", "used", "ought"})
"""Words that with "to" and a verb say what is done or due, not what it is for (English grammar)."""


_ONES = frozenset({"one", "ones"})


def stands_for_a_noun(words: Sequence[str], k: int) -> bool:
    """"One" at `k` is the pronoun that stands for a noun said before ("the U.S. *one*", "the other *one*",
    "a new *one*"), not the count: it follows a determiner, over the adjectives and names that qualify it,
    and no noun follows it ("a *one* year ban" counts a year). Names and initials are words the lexicon
    does not know ("the U.S. one": "u", "s")."""
    if words[k] not in _ONES or (k + 1 < len(words) and "NOUN" in Lexicon.parts_of_speech(words[k + 1])):
        return False
    for word in reversed(words[max(k - 4, 0) : k]):
        if word in DETERMINERS or word in _OTHER:
            return True
        kinds = Lexicon.parts_of_speech(word)
        if word[:1].isdigit() or kinds and "ADJ" not in kinds:
            return False
    return False


_OTHER = frozenset({"other", "another"})
"""Words that qualify a noun as determiners do ("*another* one", "the *other* one")."""


def a_number_at(words: Sequence[str], k: int) -> bool:
    """The word at `k` gives a number in words ("two", "dozens"), not "one" standing for a noun."""
    return words[k] in _NUMBER_WORDS and not stands_for_a_noun(words, k)


def _counts(statement: str, words: set[str], first_digit: re.Match | None, ordered: Sequence[str]) -> bool:
    """The statement gives a number that is not a date or a year: "about 50 minutes", "two things"."""
    if not _NUMBER_WORDS.isdisjoint(words) and (
            not words & _ONES or any(a_number_at(ordered, k) for k, w in enumerate(ordered) if w in _NUMBER_WORDS)):
        return True
    if first_digit is None:
        return False
    # Every date holds a digit and starts at one or at the month written just before it: the text before
    # that month's word (cut at a space, where a word starts as it did) holds no date and no digit.
    start = statement.rfind(" ", 0, max(first_digit.start() - 1, 0)) + 1
    return _digit_outside_dates(statement[start:])


@lru_cache(maxsize=_TAILS_KEPT)
def _digit_outside_dates(text: str) -> bool:
    """`text` holds a digit that is not part of a date or a year. Kept per text: most statements end
    alike, at a date ("... on March 3, 2018."), and a store's facts share a few hundred such endings."""
    return _DIGIT.search(_DATE_TEXT.sub(" ", text)) is not None


def _tells_the_time(statement: str, first_digit: re.Match | None) -> bool:
    """The statement gives a time of day: "at 9 a.m.", "by 10:30", "past midnight"."""
    if statement.isascii():
        lowered = statement.lower()  # once, not once for each word looked for
        if "noon" not in lowered and "midnight" not in lowered and "o'clock" not in lowered:  # (no digit in these)
            # Every other time starts at a digit: the search starts at the first (a search from a position
            # still sees the character before it, so "\b" reads as it did).
            return first_digit is not None and _CLOCK.search(statement, first_digit.start()) is not None
    return _CLOCK.search(statement) is not None  # (outside ASCII, "ı" is an "i" to `_CLOCK`, not to `lower`)


MAX_PHRASE_FORMS = 16
"""At most this many forms of a keyword phrase are held (each word's lemmas, combined): a few words each."""


def _names_written(texts: Iterable[str]) -> set[str]:
    """The words `texts` write as names (lower-cased): a capital first and not all capitals ("Sohae", not
    "ICBM"), and no word English has ("Pentagon", "Treasury" are, and stay words a fact says in lower case
    too). A keyword is typed as the statement is, so its capitals say a name as the statement's do."""
    return {w.lower() for text in texts for w in words_of(text)
            if w[:1].isupper() and not w.isupper() and not Lexicon.is_english(w.lower())}


def _keyword_phrases(keywords: tuple[str, ...] | list[str], lemmas_of: Callable[[str], frozenset[str]]) -> set[str]:
    """A fact's keywords of several words ("turn up", "preparatory meetings"), each held as one phrase in
    the forms its words' lemmas give ("turn up", "turned up"), as a question's phrase need reads one: the
    phrase means one thing, its words alone others ("turn" is no "play"), so its words are matched as
    written but never by a word near one of them (`score`)."""
    found: set[str] = set()
    for keyword in keywords:
        words = [w.lower() for w in words_of(keyword)]
        if len(words) > 1:
            forms = itertools.product(*({w} | lemmas_of(w) for w in words))
            found.update(" ".join(form) for form in itertools.islice(forms, MAX_PHRASE_FORMS))
    return found


def _without(found: list[frozenset[str]], positions: Iterable[int]) -> list[frozenset[str]]:
    """The words' lemmas but those at `positions` (a few of a statement's words)."""
    if not positions:
        return found
    kept = found.copy()
    for i in positions:
        kept[i] = _NOTHING
    return kept


_SENTENCE_OPENING = re.compile(r"[.!?][\"')]?\s+([A-Z][\w'-]*)")
"""The word after a full stop and a space: the first word of a sentence, capitalised as every one is."""
_CALENDAR = {w.lower() for w in (*calendar.month_name, *calendar.day_name) if w}


def _proper_runs(capitals: list[int], gaps: list[int]) -> list[range]:
    """Runs of two or more capitalised words (`capitals`: their positions, ascending) that are not at a
    sentence start, nor across a stop or a comma (`gaps`: the characters between each word and the
    next): the names a statement carries ("Air China", "Sofitel Legend Metropole")."""
    runs: list[range] = []
    i, n = 0, len(capitals)
    while i < n:
        j = i + 1
        while j < n and capitals[j] == capitals[j - 1] + 1 and gaps[capitals[j] - 1] <= 1:
            j += 1  # "... of Panmunjom; Moon Jae-in": punctuation ends a name
        start, end = max(capitals[i], 1), capitals[j - 1] + 1
        if end - start >= 2:
            runs.append(range(start, end))
        i = j
    return runs


class _Words(NamedTuple):
    """What reading a fact takes of a text it reads with every fact that carries it (an entity's
    names, a relation): the lemmas of its words, those it says in lower case, and its words that
    start with a digit (a year, a decade)."""

    lemmas: frozenset[str]
    plain: frozenset[str]
    numerals: tuple[str, ...]

    @classmethod
    def of(cls, words: list[str], lexicon: Lexicon, *, plain: Iterable[str] = ()) -> _Words:
        said = frozenset().union(*map(lexicon.lemmas, plain))
        return cls(lemmas=frozenset().union(*map(lexicon.lemmas, words)), plain=said if said else _NOTHING,
                   numerals=tuple(w for w in words if w[:1].isdigit()))


_NOTHING: frozenset[str] = frozenset()


def _names_within(part: str, name: str) -> bool:
    """`part` is a whole word or words of `name` ("Singapore" of "Singapore summit"), not all of it."""
    inner, outer = part.lower().split(), name.lower().split()
    return len(inner) < len(outer) and any(outer[k : k + len(inner)] == inner for k in range(len(outer) - len(inner) + 1))
