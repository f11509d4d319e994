"""The facts as the answerer reads them: each fact's lemmas, entities, dates and what kind of answer
it can give, with postings to find the facts that hold a word, an entity or a day."""

from __future__ import annotations

import calendar
import math
import sys
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from briefings.answering.lexicon import Lexicon, word_tokens
from briefings.answering.link import EntityNames
from briefings.models import Entity, Fact

__all__ = ["IndexedFact", "FactTable"]

_CLOCK = re.compile(r"\b\d{1,2}(:\d\d)?\s*(a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d\d\b|\bnoon\b|\bmidnight\b|\bo'clock\b", re.I)
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
                 "billions", "half", "several", "single", "both"}
_CAUSE = {"because", "cite", "citing", "cited", "due", "reason", "over", "after", "amid", "blame", "so", "demand",
          "anger", "angered", "protest", "since", "result", "response", "exchange"}
_TIME_WORDS = {"week", "weekend", "month", "year", "decade", "yesterday", "today", "tomorrow", "ago", "later",
               "earlier", "morning", "evening", "night", "hour", "day"}
_VECTOR_NEAR = 0.62
"""Words whose embedding vectors are at least this close count as meaning nearly the same."""
_NEAR_CREDIT = 0.85
"""How much a near word covers, at most, compared with the word itself."""
_MAX_NEAR = 8
SYNONYM_CREDIT = 0.85
SYNONYM_MIN_WEIGHT = 0.5
"""A synonym as common as "go", "take" or "be" has too many senses to stand for a word."""
"""How much a synonym covers compared with the word itself."""


@dataclass(slots=True)
class IndexedFact:
    fact: Fact
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


class FactTable:
    """The current facts and their postings; changes in place."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.facts: dict[str, IndexedFact] = {}
        self.entities: dict[str, Entity] = {}
        self.names = EntityNames()
        self.postings: dict[str, set[str]] = defaultdict(set)
        self._meaning: dict[str, list] = {}
        """Fact id -> the embedding of its statement and each taught phrasing."""
        self.vocabulary: set[str] = set()
        """Every lemma some fact holds (outside names)."""
        self._vector_words: list[str] = []
        self._pending: list[str] = []
        self._spelling: dict[str, tuple[tuple[int, str], tuple[str, ...]]] = {}
        self.revision = 0
        """Counts every change, so that what is read off all the facts can be kept until the next one."""
        self._vectors = None  # np.ndarray (words x dim), grown in blocks
        self._near_cache: dict[frozenset[str], dict[str, float]] = {}

    # -- entities --------------------------------------------------------------------------------

    def add_entity(self, entity: Entity) -> None:
        self.revision += 1
        old = self.entities.get(entity.id)
        if old is not None:
            self.names.remove(entity.id)
        self.entities[entity.id] = entity
        self.names.add(entity)

    def remove_entity(self, entity_id: str) -> None:
        self.revision += 1
        if self.entities.pop(entity_id, None) is not None:
            self.names.remove(entity_id)

    # -- facts -----------------------------------------------------------------------------------

    def add(self, fact: Fact) -> None:
        """Index `fact`, reading the phrasings taught to it as more of its text."""
        taught = tuple(dict.fromkeys(fact.phrasings))
        self.remove(fact.id)
        self.revision += 1
        item = self._read(fact, taught)
        self.facts[fact.id] = item
        for key in self._keys(item):
            self.postings[key].add(fact.id)

    def remove(self, fact_id: str) -> None:
        self.revision += 1
        self._meaning.pop(fact_id, None)
        old = self.facts.pop(fact_id, None)
        if old is None:
            return
        for key in self._keys(old):
            bucket = self.postings.get(key)
            if bucket is not None:
                bucket.discard(fact_id)
                if not bucket:
                    del self.postings[key]

    @staticmethod
    def _keys(item: IndexedFact) -> set[str]:
        keys = {f"w:{w}" for w in item.lemmas | item.name_lemmas} | {f"e:{e}" for e in item.entities}
        keys |= {f"d:{d.month}-{d.day}" for d in item.days} | {f"y:{y}" for y in item.years}
        keys |= {f"m:{d.month}" for d in item.days} | {f"wd:{d.weekday()}" for d in item.days}
        return keys

    def df(self, key: str) -> int:
        return len(self.postings.get(key, ()))

    def idf(self, key: str) -> float:
        n = max(1, len(self.facts))
        return math.log(1 + n / (1 + self.df(key))) / math.log(1 + n)

    def _read(self, fact: Fact, taught: tuple[str, ...]) -> IndexedFact:
        texts = (fact.statement, *fact.keywords, *([fact.value] if fact.value else []), *taught)
        words: list[str] = []
        for text in texts:
            words.extend(sys.intern(w.lower()) for w, _ in word_tokens(text))
        anchors = {fact.subject} | ({fact.object} if fact.object else set())
        entities = set(anchors)
        statement_tokens = word_tokens(fact.statement)
        statement_words = [sys.intern(w.lower()) for w, _ in statement_tokens]
        runs = _proper_runs(statement_tokens)
        in_run = {k for run in runs for k in run}
        linked_positions: set[int] = set()
        for i, n, ids in self.names.find(statement_words):
            if any(len(run) > n and set(range(i, i + n)) < set(run) for run in runs if i in run):
                continue  # "China" inside "Air China" names an airline, not the country
            if len(ids) == 1 or ids & anchors:
                entities |= ids & anchors if len(ids) > 1 else ids
                linked_positions.update(range(i, i + n))
        name_positions = in_run - linked_positions
        inside_names = {statement_words[i] for i in name_positions}
        unlinked = {statement_words[i] for i, (w, off) in enumerate(statement_tokens)
                    if i > 0 and w[:1].isupper() and i not in linked_positions and w.lower() not in _CALENDAR
                    and not w.isupper()}
        for ref in anchors:
            entity = self.entities.get(ref)
            if entity is not None:  # the fact's own entities by every name
                for name in entity.names:
                    words.extend(w.lower() for w, _ in word_tokens(name))
        words.extend(fact.relation.split("_"))
        outside = [w for i, w in enumerate(words) if not (i < len(statement_words) and i in name_positions)]
        lemmas: set[str] = set()
        for w in outside:
            lemmas |= self.lexicon.lemmas(w)
        name_lemmas: set[str] = set()
        for w in inside_names:
            name_lemmas |= self.lexicon.lemmas(w)
        name_lemmas -= lemmas
        self._learn(lemmas)
        self._learn_names(name_lemmas | set(unlinked))
        days = frozenset(d.day for d in fact.dates)
        years = {d.year for d in days} | {int(w) for w in words if w.isdigit() and len(w) == 4 and 1900 < int(w) < 2100}
        years |= {int(w[:4]) + k for w in words if _DECADE.match(w) for k in range(10)}  # "the early 2000s"
        statement_lower = set(statement_words)
        return IndexedFact(
            fact=fact,
            lemmas=frozenset(lemmas),
            name_lemmas=frozenset(name_lemmas),
            entities=frozenset(entities),
            days=days,
            years=frozenset(years),
            number=_counts(fact.statement, statement_lower),
            clock=bool(_CLOCK.search(fact.statement)),
            causal=(bool(statement_lower & _CAUSE) or bool(lemmas & _CAUSE) or "because" in fact.relation or "cite" in fact.relation
                    or _purpose(statement_words, self.lexicon)),
            timed=bool(days) or bool(statement_lower & _TIME_WORDS),
            length=len(statement_words),
            stems=frozenset(sys.intern(w[:5]) for w in lemmas if len(w) >= 5),
            unlinked_names=frozenset(unlinked),
            taught=taught,
            words=tuple(statement_words),
        )

    # -- near words ------------------------------------------------------------------------------

    def _learn(self, lemmas: set[str]) -> None:
        new = [w for w in lemmas if w not in self.vocabulary]
        if not new:
            return
        self.vocabulary.update(new)
        self._near_cache.clear()
        self._pending.extend(w for w in new if w.isalpha() and len(w) >= 3)

    def flush_vectors(self) -> None:
        """Give the words learnt since the last flush their vectors, in one batch."""
        if not self._pending or self.lexicon.embedder is None:
            self._pending.clear()
            return
        import numpy as np

        words, self._pending = self._pending, []
        rows = self.lexicon.embedder.embed(words)
        known = rows.any(axis=1)
        block = rows[known].astype(np.float32)
        self._vector_words.extend(w for w, k in zip(words, known) if k)
        self._vectors = block if self._vectors is None else np.vstack([self._vectors, block])

    def meaning_similarity(self, question: str, fact_ids: set[str]) -> dict[str, float]:
        """Cosine similarity in meaning between the question and each fact's texts (the best of its
        statement and the phrasings taught to it). Each fact's vectors are computed on first need
        and kept until the fact changes."""
        if self.lexicon.embedder is None or not fact_ids:
            return {}
        import numpy as np

        missing = [fid for fid in fact_ids if fid not in self._meaning]
        if missing:
            texts = [(fid, t) for fid in missing for t in (self.facts[fid].fact.statement, *self.facts[fid].taught)]
            rows = self.lexicon.embedder.embed([t for _, t in texts]).astype(np.float16)
            for (fid, _), row in zip(texts, rows):
                self._meaning.setdefault(fid, []).append(row)
        q = self.lexicon.embedder.embed([question])[0]
        return {fid: max(float(row.astype(np.float32) @ q) for row in self._meaning[fid]) for fid in fact_ids}

    def spelling(self, letter: str) -> tuple[str, ...]:
        """The store's words and names that start with `letter`, for reading typos; kept until a change."""
        key = (self.revision, letter)
        hit = self._spelling.get(letter)
        if hit is not None and hit[0] == key:
            return hit[1]
        words = {w for w in self.vocabulary if w[:1] == letter} | {w for w in self.names.other_words if w[:1] == letter}
        words |= {w for alias in self.names.aliases for w in alias if w[:1] == letter}
        pool = tuple(sorted(words))
        self._spelling[letter] = (key, pool)
        return pool

    def _learn_names(self, lemmas: set[str]) -> None:
        """Words inside names are known (a question may say them) but never near anything."""
        self.names.other_words.update(lemmas)

    def near(self, lemmas: frozenset[str]) -> dict[str, float]:
        """Words the facts hold that mean nearly what `lemmas` mean, with a credit in (0, 1)."""
        cached = self._near_cache.get(lemmas)
        if cached is not None:
            return cached
        found: dict[str, float] = {}
        self.flush_vectors()
        if self._vectors is not None and self.lexicon.embedder is not None:
            import numpy as np

            for lemma in lemmas:
                if not lemma.isalpha() or len(lemma) < 3:
                    continue
                v = self.lexicon.vector(lemma)
                if v is None:
                    continue
                sims = self._vectors @ v
                top = np.argpartition(-sims, min(_MAX_NEAR, len(sims) - 1))[:_MAX_NEAR]
                for k in top:
                    s = float(sims[k])
                    word = self._vector_words[k]
                    if s >= _VECTOR_NEAR and word not in lemmas:
                        credit = _NEAR_CREDIT * min(1.0, (s - _VECTOR_NEAR) / (1 - _VECTOR_NEAR) * 0.5 + 0.5)
                        found[word] = max(found.get(word, 0.0), credit)
        for lemma in lemmas:
            for means in self.lexicon.single_word_meanings(lemma):
                found[means] = max(found.get(means, 0.0), 1.0)
            for synonym in self.lexicon.synonyms(lemma):
                if (synonym in self.vocabulary and synonym not in lemmas
                        and self.lexicon.content_weight(synonym) >= SYNONYM_MIN_WEIGHT):
                    found[synonym] = max(found.get(synonym, 0.0), SYNONYM_CREDIT)
        self._near_cache[lemmas] = found
        return found


_DECADE = re.compile(r"^(?:19|20)\d0s$")
_DATE_TEXT = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?(?:, \d{4})?|"
                        r"\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?: \d{4})?|\b(?:19|20)\d\d\b", re.I)


def _purpose(words: list[str], lexicon: Lexicon) -> bool:
    """The statement says what something was for: "met ... *to discuss* the agenda", "in order to"."""
    for k in range(1, len(words) - 1):
        if words[k] == "to" and "VERB" in lexicon.parts_of_speech(words[k + 1]) and words[k + 1] == lexicon.lemma(words[k + 1]):
            before = words[k - 1]
            if before in _NOT_PURPOSE or "VERB" in lexicon.parts_of_speech(before) and before != lexicon.lemma(before):
                continue  # "agreed to proceed", "due to arrive" say what was done, not what for
            return True
    return False


_NOT_PURPOSE = frozenset({"due", "able", "going", "about", "likely", "set", "is", "are", "was", "were", "be", "has",
                          "have", "had", "want", "wants", "need", "needs", "try", "tries", "used", "ought"})
"""Words that with "to" and a verb say what is done or due, not what it is for (English grammar)."""


def _counts(statement: str, words: set[str]) -> bool:
    """The statement gives a number that is not a date or a year: "about 50 minutes", "two things"."""
    rest = _DATE_TEXT.sub(" ", statement)
    return bool(re.search(r"\d", rest)) or bool(words & _NUMBER_WORDS)


_CALENDAR = {w.lower() for w in (*calendar.month_name, *calendar.day_name) if w}


def _proper_runs(toks: list[tuple[str, int]]) -> list[range]:
    """Runs of two or more capitalised words that are not at a sentence start, nor across a stop or a
    comma: the names a statement carries ("Air China", "Sofitel Legend Metropole")."""
    runs: list[range] = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j][0][:1].isupper() and not toks[j][0].isupper() and toks[j][0].lower() not in _CALENDAR:
            j += 1
            if j < len(toks) and toks[j][1] - (toks[j - 1][1] + len(toks[j - 1][0])) > 1:
                break  # "... of Panmunjom; Moon Jae-in": punctuation ends a name
        if j - i >= 2:
            start = i + 1 if i == 0 else i
            if j - start >= 2:
                runs.append(range(start, j))
        i = max(j, i + 1)
    return runs
