"""Stage 2: Question -> Linked. Find the entities the question names (by alias, or a close spelling
of one) and the times it names (a day, a month, a year, a weekday, "last week").

Month and weekday names come from the standard library's `calendar`; relative times ("two weeks
ago", "last Friday") are read by `dateparser`, offline, against the date of the newest source (the
story's "now"), except "today" and "this week", which are the real today.
"""

from __future__ import annotations

import calendar
import functools
import importlib.util
import json
import re
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Set
from itertools import compress, count
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from briefings.answering.lexicon import Lexicon, fold, word_tokens
from briefings.answering.model import DateSpan, Linked, Mention, Question, Token
from briefings.models import Entity, EntityKind

__all__ = ["COUNTS", "EntityNames", "link", "qualified_documents", "reckoned_times"]

COMMON_NAME_ZIPF = 5.5
"""A one-word name this common in English ("us", "may") is read as a name only when written as one."""
FUZZY_NAME_RATIO = 84
"""How close (rapidfuzz ratio) a misspelt name must be to a known one ("singapur", "joe hagan")."""
MISSPELT_NAME_LETTERS = 5
"""A name is read through a slip only from this many letters: one slip in a shorter word leaves too
little of the name to be sure of it."""
TYPO_ZIPF = 2.0
POSSESSIVE_NAME_LETTERS = 3
"""The shortest name-and-"s" read as a possessive without its apostrophe ("nks"): from a name of two letters."""
"""A word at least this common in English is a word, not a slip of the keyboard."""
NAME_WORD_ZIPF = 5.0
"""Words English has with no part of speech, at least this common, are interjections ("hey" 5.1, "ok"
5.1, "lol" 5.1), not a name's ("kim" 4.6, "xi" 4.1)."""


def _english_date_words() -> dict[str, list[str]]:
    """dateparser's English month and weekday names with every short form it reads ("sept", "tues"),
    read from its data file without importing the package (which takes a tenth of a second); empty if
    the file moved."""
    spec = importlib.util.find_spec("dateparser")
    path = Path(spec.origin).parent / "data" / "date_translation_data" / "en.py" if spec and spec.origin else None
    try:
        data = json.loads(path.read_text(encoding="utf-8").split("=", 1)[1]) if path else {}
    except (OSError, ValueError, IndexError):
        return {}
    return {k: [f.lower() for f in v if isinstance(f, str)] for k, v in data.items() if isinstance(v, list)}


_DATE_WORDS = _english_date_words()
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_FULL_MONTHS = frozenset(_MONTHS)
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name and name.lower() != "may"})
_MONTHS.update({form: i for i, name in enumerate(calendar.month_name) if name
                for form in _DATE_WORDS.get(name.lower(), ()) if len(form) >= 3 and form != "may"})
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAY_ABBREVIATIONS = {name.lower(): i for i, name in enumerate(calendar.day_abbr)} | {
    form: i for i, name in enumerate(calendar.day_name)
    for form in _DATE_WORDS.get(name.lower(), ()) if len(form) >= 3 and form != name.lower()}
""""Sun", "Wed", "Tues": a weekday when written as a name or right after "on" ("what did he say on sun")."""
_BARE_MONTH_AFTER = {"in", "since", "until", "by", "during", "before", "after", "of", "early", "late", "mid", "end"}
_MONTH_DETERMINERS = {"the", "this", "that", "last", "next"}
"""Words before "may" that make it the month ("the may one", "last may"): "may" the verb never follows them
(before "march" or "august" they may make a noun or an adjective: "the march on the capital")."""
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_DAY_OF = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
"""A day written as an ordinal, as English puts it before "of" and the month ("the *3rd* of March")."""
_NOW_WORDS = {"today", "tonight", "now"}
_UNITS = {"day": 0, "days": 0, "week": 3, "weeks": 3, "weekend": 1, "month": 15, "months": 15, "year": 182, "years": 182}
_RELATIVE = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|"
    r"(?:last|next|this|past|coming) (?:week|weekend|month|year|" + "|".join(_WEEKDAYS) + r")|"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) (?:days?|weeks?|months?|years?) ago)\b"
)


def _given_names(entity: Entity) -> list[str]:
    """A person's hyphenated last name-word ("Ji-hoon" of "Park Ji-hoon"): a Korean given name, which
    names its bearer on its own as the family name does, and no other word of English is written so."""
    if entity.kind is not EntityKind.person:
        return []
    found = []
    for name in entity.names:
        parts = name.split()
        last = parts[-1] if len(parts) > 1 else ""
        pieces = last.split("-")
        if (len(pieces) == 2 and all(p.isalpha() for p in pieces) and all(p[:1].isupper() for p in parts)
                and last not in found):
            found.append(last)
    return found


SAID_OTHERWISE_KEPT = 16384
"""How many (qualifiers, last word) pairs `EntityNames._head_said_otherwise` remembers before it forgets them all."""
_NO_IDS: frozenset[str] = frozenset()
FOUND_KEPT = 4096
"""How many facts' texts `EntityNames.find_kept` remembers the names found in before it forgets them all."""


_K = TypeVar("_K")
_V = TypeVar("_V")


def _kept(kept: dict[_K, _V], key: _K, limit: int, make: Callable[[], _V]) -> _V:
    """What `make` gives for `key`, made once and kept in `kept`, which forgets everything when it holds `limit`."""
    found = kept.get(key)
    if found is None:
        if len(kept) >= limit:
            kept.clear()
        found = kept[key] = make()
    return found


class EntityNames:
    """Every name of every entity, for finding them in text."""

    def __init__(self) -> None:
        self.aliases: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._phrases: dict[str, tuple[str, ...]] = {}
        self._sorted: tuple[str, ...] | None = None
        self._by_first: dict[str, list[str]] = {}
        """The sorted names by their first word (built with `_sorted`)."""
        self.other_words: set[str] = set()
        """Words of names the facts carry that no entity holds ("Jinping", "Kaesong")."""
        self._words: dict[str, int] = {}
        """How many names hold each word."""
        self._lengths: dict[str, dict[int, int]] = {}
        """First word -> how many names of each length start with it: to skip a word no name starts
        with, and to try only the lengths some name that starts with it has."""
        self._spans: dict[str, tuple[int, ...]] = {}
        """First word -> those lengths, longest first."""
        self._heads: dict[tuple[str, ...], dict[str, set[str]]] | None = None
        """The names of several words that end in a noun, by all but their last word, then by that
        last word (`_noun_heads`)."""
        self._head_firsts: frozenset[str] = frozenset()
        """The first words of those names (built with `_heads`): `find` builds the qualifiers of a name
        only where one starts."""
        self._inside: dict[str, frozenset[str]] = {}
        """Entity -> the entities its own names name ("Trump-Kim summit": Trump, Kim), asked for lazily."""
        self._said_otherwise: dict[tuple[tuple[str, ...], str], Set[str]] = {}
        """(qualifiers, head) -> what `_head_said_otherwise` found, kept with `_heads` (bounded)."""
        self._found: dict[tuple[str, ...], list[tuple[int, int, set[str]]]] = {}
        """Words -> what `find` finds in them, for `find_kept` (emptied when a name changes)."""

    def add(self, entity: Entity) -> None:
        for name in (*entity.names, *_given_names(entity)):
            words = tuple(w.lower() for w, _ in word_tokens(name))
            if not words:
                continue
            if words not in self.aliases:
                self._count(words, 1)
            self.aliases[words].add(entity.id)
            self._phrases[" ".join(words)] = words
            self._sorted = self._heads = None
            self._inside = {}
            self._found = {}

    def knows(self, word: str) -> bool:
        """Some name holds `word`."""
        return word in self.other_words or self.holds(word)

    def holds(self, word: str) -> bool:
        """Some entity's name holds `word`."""
        return word in self._words

    def _count(self, words: tuple[str, ...], step: int) -> None:
        for w in set(words):
            self._words[w] = self._words.get(w, 0) + step
            if not self._words[w]:
                del self._words[w]
        lengths = self._lengths.setdefault(words[0], {})
        lengths[len(words)] = lengths.get(len(words), 0) + step
        if not lengths[len(words)]:
            del lengths[len(words)]
        if lengths:
            self._spans[words[0]] = tuple(sorted(lengths, reverse=True))
        else:
            del self._lengths[words[0]], self._spans[words[0]]

    def remove(self, entity_id: str) -> None:
        for words in [w for w, ids in self.aliases.items() if entity_id in ids]:
            self.aliases[words].discard(entity_id)
            if not self.aliases[words]:
                del self.aliases[words]
                self._count(words, -1)
                self._phrases.pop(" ".join(words), None)
        self._sorted = self._heads = None
        self._inside = {}
        self._found = {}

    def find(self, words: list[str]) -> list[tuple[int, int, set[str]]]:
        """(start, length, ids) of every alias in `words`, longest first at each start."""
        spans, aliases, end = self._spans, self.aliases, len(words)
        heads = self._noun_heads()
        head_firsts = self._head_firsts
        found = []
        for i in compress(count(), map(spans.__contains__, words)):  # only where some name starts
            for n in spans[words[i]]:
                if i + n > end:
                    continue
                ids = aliases.get(tuple(words[i : i + n]))
                if not ids and n > 1 and len(words[i + n - 1]) > 2 and words[i + n - 1].endswith("s"):
                    # "north koreas chief": a name of several words with its possessive written without
                    # the apostrophe (one word alone, "koreas", may be a name of its own)
                    ids = aliases.get((*words[i : i + n - 1], words[i + n - 1][:-1]))
                if (not ids and n > 1 and words[i] in head_firsts
                        and (qualifiers := tuple(words[i : i + n - 1])) in heads):
                    ids = self._head_said_otherwise(qualifiers, words[i + n - 1])
                if ids:
                    found.append((i, n, ids))
        return found

    def find_kept(self, words: tuple[str, ...]) -> list[tuple[int, int, set[str]]]:
        """`find` in a fact's words, kept until a name changes: the scorer asks it of the facts it weighs,
        and the same facts are weighed question after question (the list is shared: read it, never change it)."""
        return _kept(self._found, words, FOUND_KEPT, lambda: self.find(list(words)))

    def named_inside(self, entity_ids: Set[str]) -> frozenset[str]:
        """The entities that names of `entity_ids` name in turn: "Trump" and "Kim" of the "Trump-Kim
        summit", "North Korea" of the "U.S.-North Korea summit" (the event's participants, as its names
        say them)."""
        found: set[str] = set()
        for entity_id in entity_ids:
            if entity_id not in self._inside:
                inside: set[str] = set()
                for words in [w for w, ids in self.aliases.items() if entity_id in ids]:
                    inside |= {e for start, n, ids in self.find(list(words)) if n < len(words) for e in ids}
                self._inside[entity_id] = frozenset(inside - {entity_id})
            found |= self._inside[entity_id]
        return frozenset(found)

    def _head_said_otherwise(self, qualifiers: tuple[str, ...], head: str) -> Set[str]:
        """A name whose last noun the question says by a word of one of its first senses, after the
        same qualifying words: "the inter-Korean *accord*" of the "inter-Korean *agreement*". The
        qualifiers must say something ("the declaration" is no more "the statement" than any other).
        Asked wherever the words that start a name go on otherwise, so the cheapest test comes first:
        whether some name ends in a noun after these very words (`_noun_heads`; `find` asks it first, in
        line, and calls this only when one does)."""
        named = self._noun_heads().get(qualifiers)
        if not named:
            return set()
        # shared, as the sets of `aliases` that `find` gives are: read, never changed
        return _kept(self._said_otherwise, (qualifiers, head), SAID_OTHERWISE_KEPT,
                     lambda: self._head_said_as(named, qualifiers, head))

    @staticmethod
    def _head_said_as(named: dict[str, set[str]], qualifiers: tuple[str, ...], head: str) -> Set[str]:
        """`_head_said_otherwise` once the names ending after `qualifiers` are found (`named`); nothing, the
        common answer, as one shared empty set (a set each would take 200 bytes)."""
        if "NOUN" not in Lexicon.parts_of_speech(head):
            return _NO_IDS
        if not all(Lexicon.content_weight(w) > 0 for w in qualifiers):
            return _NO_IDS
        found: set[str] = set()
        for last, ids in named.items():
            if Lexicon.shares_a_common_sense(last, head) and Lexicon.lemmas(last).isdisjoint(Lexicon.lemmas(head)):
                found |= ids  # another word, not another number: "the Geneva meeting" is not "meetings"
        return found or _NO_IDS

    def _noun_heads(self) -> dict[tuple[str, ...], dict[str, set[str]]]:
        """The names of several words that end in a noun, by all but their last word, then by that
        last word (the head noun); rebuilt after a change. Names that end in a name ("Moon Jae-in",
        most of a large store's) are left out: a fact's words that start one are looked up here at
        every fact read, and now find nothing at once."""
        if self._heads is None:
            self._said_otherwise = {}
            self._heads = defaultdict(dict)
            for words, ids in self.aliases.items():
                if len(words) > 1 and "NOUN" in Lexicon.parts_of_speech(words[-1]):
                    self._heads[words[:-1]].setdefault(words[-1], set()).update(ids)
            self._head_firsts = frozenset(qualifiers[0] for qualifiers in self._heads)
        return self._heads

    def _names_by_first(self) -> dict[str, list[str]]:
        """Every name, sorted, and grouped by its first word (rebuilt after a change)."""
        if self._sorted is None:
            self._sorted = tuple(sorted(self._phrases))
            self._by_first = {}
            for name in self._sorted:
                self._by_first.setdefault(name.split()[0], []).append(name)
        return self._by_first

    def one_slip_away(self, words: list[str]) -> tuple[str, set[str]] | None:
        """The name of two or more words that `words` spell with a single slip: one word a letter off
        ("sung kin"), or two letters when two other words of the name are written right ("ban ki
        muun"), or cut short ("panmunjom decl"), or two of the name's words run together ("choe
        sonhui"); None if not one."""
        if words[0] not in self._spans:
            return None
        for name in self._names_by_first().get(words[0], ()):
            parts = name.split()
            if len(parts) < 2:
                continue
            if len(parts) == len(words):
                slips = [(w, p) for w, p in zip(words, parts) if w != p]
                if len(slips) == 1 and (_slipped_word(*slips[0], slips=1 + (len(parts) >= 3)) or _clipped(*slips[0])):
                    return name, self.aliases[self._phrases[name]]
            elif len(parts) == len(words) + 1 and "".join(words) == "".join(parts):
                return name, self.aliases[self._phrases[name]]
        return None

    def closest(self, phrase: str) -> tuple[str, set[str]] | None:
        """The known name `phrase` misspells, or None."""
        self._names_by_first()
        best = process.extractOne(phrase, self._sorted, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME_RATIO)
        if best is None:
            words = phrase.split()
            # Only a name whose first word is within two slips of the phrase's can be one slip a word away.
            firsts = process.extract(words[0], list(self._by_first), scorer=OSA.distance, score_cutoff=2, limit=None)
            best = _one_slip_per_word(words, tuple(sorted(n for first, _, _ in firsts for n in self._by_first[first])))
        if best is None:
            return None
        return best[0], self.aliases[self._phrases[best[0]]]


CLIPPED_LETTERS = 3
"""The fewest letters a word clipped in haste keeps ("decl" of "declaration", "fdn" is no clipping)."""


def _clipped(word: str, right: str) -> bool:
    """`word` is `right` cut short, as chat clips a long word ("the Panmunjom *decl*", "North *Kor*"): its
    first letters, at least two fewer, and no English word of its own."""
    return (len(word) >= CLIPPED_LETTERS and len(right) >= len(word) + 2 and right.startswith(word)
            and not Lexicon.is_english(word))


def _slipped_word(word: str, right: str, *, slips: int = 1) -> bool:
    return len(right) >= 3 and len(word) >= 3 and word[0] == right[0] and 0 < OSA.distance(word, right) <= slips


def _one_slip_per_word(words: list[str], names: tuple[str, ...]) -> tuple[str, float, int] | None:
    """The name that `words` spell with one slip in each long word ("trmup", "noreh korea")."""
    for k, name in enumerate(names):
        parts = name.split()
        if len(parts) != len(words):
            continue
        slips = [(w, p) for w, p in zip(words, parts) if w != p]
        if slips and all(len(w) >= 4 and OSA.distance(w, p) <= (1 if len(w) <= 6 else 2) for w, p in slips):
            return name, 88.0, k
    return None


class _EitherOf:
    """Words in either of two sets, without building their union (the store's vocabulary is large)."""

    __slots__ = ("first", "second")

    def __init__(self, first: Container[str], second: Container[str]) -> None:
        self.first, self.second = first, second

    def __contains__(self, word: object) -> bool:
        return word in self.first or word in self.second


def link(question: Question, *, names: EntityNames, lexicon: Lexicon, vocabulary: Container[str],
         spelling: Callable[[str], tuple[str, ...]], story_day: date, today: date,
         chat_words: Container[str] = frozenset()) -> Linked:
    """The names and times `question` says. `chat_words` (the chat cues, "tysm", "hiya") are words, as the
    store's are: no slip of another word, nor of a name."""
    vocabulary = _EitherOf(vocabulary, chat_words)
    _years_written_short(question, today=today)
    toks = question.tokens
    used = [False] * len(toks)
    dates = _dates(question, used, story_day=story_day, today=today)
    dated = list(used)
    mentions: list[Mention] = []
    _names_one_slip_away(question, used, mentions, names=names, vocabulary=vocabulary)
    _exact_names(question, used, mentions, names=names, lexicon=lexicon)
    _possessives_without_apostrophe(question, used, mentions, names=names, lexicon=lexicon)
    _misspelt_names(question, used, mentions, names=names, lexicon=lexicon, vocabulary=vocabulary)
    if _correct_typos(question, used, names=names, lexicon=lexicon, vocabulary=vocabulary, spelling=spelling):
        dates = _dates_again(question, used, dated, dates, story_day=story_day, today=today)
        _exact_names(question, used, mentions, names=names, lexicon=lexicon)
    mentions.sort(key=lambda m: m.position)
    return Linked(question=question, mentions=mentions, dates=dates, used=used)


def _dates_again(question: Question, used: list[bool], dated: list[bool], dates: list[tuple[DateSpan, int, int]], *,
                 story_day: date, today: date) -> list[tuple[DateSpan, int, int]]:
    """The times read again once a slip is read as the word it misspells ("early *octobr* 2019"): a month
    or a weekday misspelt is a time, and the year or the day beside it, read alone at first, is of it.
    `dated` holds the words the first reading took for times; the names read since keep theirs."""
    if not any(t.lower in _MONTHS or t.lower in _WEEKDAYS for i, t in enumerate(question.tokens)
               if not used[i]):
        return dates
    free = [u and not d for u, d in zip(used, dated)]
    again = _dates(question, free, story_day=story_day, today=today)
    used[:] = free
    return again


_TWO_DIGITS = re.compile(r"(?<![\w.,])(['’‘]?)(\d\d)\b")
"""Two digits as a word, with the apostrophe that shortens a year before them if there is one ("'19")."""
_YEARS_AHEAD = 10
"""How far past today a year written with two digits may lie and still be of this century ("'29" in 2026)."""


def _years_written_short(question: Question, *, today: date) -> None:
    """"In June '19", "the summer of '08": two digits after an apostrophe are a year, of this century
    unless that lies more than `_YEARS_AHEAD` years ahead of `today`. The tokens drop the apostrophe, so
    the written text says which of them had one (the n-th two-digit word written is the n-th read); the
    token is read as the full year. Left as read when the text and the tokens do not pair up."""
    written = [m.group(1) != "" for m in _TWO_DIGITS.finditer(fold(question.text))]
    read = [t for t in question.tokens if len(t.lower) == 2 and t.lower.isdigit()]
    if len(written) != len(read) or not any(written):
        return
    for token, short in zip(read, written):
        if short:
            year = today.year // 100 * 100 + int(token.lower)
            token.lower = str(year if year <= today.year + _YEARS_AHEAD else year - 100)


def qualified_documents(linked: Linked, *, names: EntityNames, is_document: Callable[[str], bool],
                        tied: Callable[[str, str], bool]) -> Linked:
    """"When was *the Herald column* published?": a name that qualifies the noun after it, where that
    noun (alone or after "the") names a document a fact ties to the name (the article the Journal
    published), stands with the noun for the document: the question asks about the article, not the
    outlet."""
    toks = linked.question.tokens
    kept: list[Mention] = []
    for mention in linked.mentions:
        end = mention.position + mention.span
        if end < len(toks) and not linked.used[end]:
            noun = toks[end].lower
            named = names.aliases.get(("the", noun), set()) | names.aliases.get((noun,), set())
            documents = frozenset(e for e in named if is_document(e) and any(tied(e, x) for x in mention.ids))
            if documents:
                linked.used[end] = True
                mention = Mention(ids=documents, text=f"{mention.text} {toks[end].text}", position=mention.position,
                                  span=mention.span + 1, exact=mention.exact)
        kept.append(mention)
    linked.mentions = kept
    return linked


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
"""The days in each unit a time is reckoned in ("two *weeks* after the summit")."""
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}
"""A count of units said in words ("*two* days after")."""
_VAGUE_COUNTS = {"few": (2, 6), "several": (3, 9), "couple": (2, 3)}
"""How many units "a few", "several" and "a couple of" stand for, at least and at most."""
_ADJACENT = frozenset({"the", "that"})
"""Before a unit, these name the whole unit next to the day ("the week before the talks")."""
_SIDES = {"before": -1, "after": 1, "prior": -1, "following": 1}


def reckoned_times(linked: Linked, *, days_of: Callable[[frozenset[str]], frozenset[date]], story_day: date) -> Linked:
    """"Two days after the summit", "a few days before March 3", "the week before the Oslo talks": a
    time reckoned from a day the question names, or from the day of an event it names (`days_of`,
    which the facts about the event give). The reckoned time replaces the day or the name it is
    reckoned from: a fact of that time need not name the event. Left as written when the event has no
    day the facts agree on. Without a count, "since", "after" or "before" an event is all the time on
    that side of its day, up to the story's day (`story_day`)."""
    toks = linked.question.tokens
    words = [t.lower for t in toks]
    for i in range(len(words)):
        found = _offset_phrase(words, i)
        if found is None or any(linked.used[i : found[0]]):
            _from_an_event(linked, i, days_of=days_of, story_day=story_day)
            _from_a_time(linked, i, story_day=story_day)
            continue
        end, counts, unit, side = found
        starts = {end, end + 1} if end < len(words) and words[end] == "the" else {end}  # "after (the) summit"
        date_at = next((k for k, (_, at, _) in enumerate(linked.dates) if at in starts), None)
        mention_at = next((k for k, m in enumerate(linked.mentions) if m.position in starts), None)
        anchor_at = linked.dates[date_at][1] if date_at is not None else (
            linked.mentions[mention_at].position if mention_at is not None else end)
        if date_at is not None:
            anchor, _, anchor_length = linked.dates[date_at]
            label = " ".join(t.text for t in toks[i : anchor_at + anchor_length])
            span = _reckoned_from_span(anchor, counts, unit, side, label=label)
            if span is None:
                continue
            del linked.dates[date_at]
        elif mention_at is not None:
            mention = linked.mentions[mention_at]
            days = days_of(mention.ids)
            if len(days) != 1:
                continue  # no one day to reckon from: the words stay as written
            anchor_length = mention.span
            first, last = _window(next(iter(days)), counts, unit, side)
            span = DateSpan(label=" ".join(t.text for t in toks[i : anchor_at + anchor_length]), start=first, end=last)
            del linked.mentions[mention_at]
        else:
            continue
        length = anchor_at + anchor_length - i
        for k in range(i, i + length):
            linked.used[k] = True
        linked.dates.append((span, i, length))
    return linked


_OPEN_SIDES = {"since": 1, "after": 1, "following": 1, "before": -1}
"""Words that, before an event with no count of units, name all the time on one side of its day."""
_NOT_OPEN = frozenset({"long", "soon", "shortly", "right", "just", "ever"}) | {u + s for u in _UNIT_DAYS for s in ("", "s")}
"""Words before "after" or "before" that make it no open time: a count of units ("days after"), read
above, or a duration asked ("how *long* after")."""
_OPEN_BEFORE_PHRASES = (("ahead", "of"), ("run", "up", "to"), ("lead", "up", "to"), ("leading", "up", "to"))
"""Phrases of English that say "before" an event or a time ("*ahead of* the vote", "in the *run-up to* the
games", "*leading up to* it"): all the time on that side of it, as "before" is."""


def _open_side(words: list[str], i: int) -> tuple[int, int] | None:
    """At `i`, a word or phrase that names all the time on one side of what follows: the side, and where
    what follows starts; None if there is none."""
    if words[i] in _OPEN_SIDES:
        return _OPEN_SIDES[words[i]], i + 1
    phrase = next((p for p in _OPEN_BEFORE_PHRASES if tuple(words[i : i + len(p)]) == p), None)
    return (-1, i + len(phrase)) if phrase else None


def _from_an_event(linked: Linked, i: int, *, days_of: Callable[[frozenset[str]], frozenset[date]],
                   story_day: date) -> None:
    """"Since the Singapore summit", "after the summit", "before Hanoi": at `i`, all the days on that side
    of the one day the facts give the event (a place stands for the event named after it), from its day
    for "since" and "after" (what followed it that day is after it) up to the story's day; before it,
    every day to its own (a fact of that day often says what came before: "the first such meeting"). The time replaces the event's name, as a time reckoned from it with a count does."""
    words = [t.lower for t in linked.question.tokens]
    opened = _open_side(words, i)
    if opened is None or linked.used[i] or (i > 0 and words[i - 1] in _NOT_OPEN):
        return
    side, follows = opened
    starts = {follows, follows + 1} if follows < len(words) and words[follows] == "the" else {follows}
    mention_at = next((k for k, m in enumerate(linked.mentions) if m.position in starts), None)
    if mention_at is None:
        return
    mention = linked.mentions[mention_at]
    days = days_of(mention.ids)
    if len(days) != 1:
        return  # a person, a country, or an event of no one day: the words stay as written
    day = next(iter(days))
    first, last = (day, max(day, story_day)) if side > 0 else (date.min, day)
    length = mention.position + mention.span - i
    label = " ".join(t.text for t in linked.question.tokens[i : i + length])
    del linked.mentions[mention_at]
    for k in range(i, i + length):
        linked.used[k] = True
    linked.dates.append((DateSpan(label=label, start=first, end=last), i, length))


def _from_a_time(linked: Linked, i: int, *, story_day: date) -> None:
    """"Before 2024", "after June 2019", "since May 2018": at `i`, all the time on that side of a dated time
    the question names, as for an event: before it, every day until it ends, or, asked when, until it
    starts (a visit of 2024 was not "before 2024"); after it, from its end on; since it, from its start
    on; up to the story's day. A time of no year ("before June") is left as named, and so is one that
    names a thing ("after *the March 2019* reopening": the reopening is the anchor)."""
    words = [t.lower for t in linked.question.tokens]
    opened = _open_side(words, i)
    if opened is None or linked.used[i] or (i > 0 and words[i - 1] in _NOT_OPEN):
        return
    side, follows = opened
    at = next((k for k, (_, position, _) in enumerate(linked.dates) if position == follows), None)
    if at is None:
        return
    span, position, length = linked.dates[at]
    if span.relative or span.now:
        return  # "after last week" is read by the words
    after = words[position + length] if position + length < len(words) else ""
    if after and Lexicon.parts_of_speech(after) == {"NOUN"}:
        return  # "after March 2019 talks": the time names a thing, which is what the act is placed by
    if span.year is not None and span.start is None:
        first, last = date(span.year, 1, 1), date(span.year, 12, 31)
    elif span.start is not None and span.end is not None:
        first, last = span.start, span.end
    else:
        return
    if side < 0:
        # "when did X happen before 2024" asks a time before it; asked anything else ("how long had
        # it been since the last one before 2024"), a fact of that time may tell what came before it
        bounds = (date.min, first - timedelta(days=1) if words[0] == "when" else last)
    elif words[i] == "since":
        bounds = (first, max(first, story_day))
    else:
        bounds = (last + timedelta(days=1), max(last + timedelta(days=1), story_day))
    end = position + length
    label = " ".join(t.text for t in linked.question.tokens[i:end])
    for k in range(i, end):
        linked.used[k] = True
    linked.dates[at] = (DateSpan(label=label, start=bounds[0], end=bounds[1]), i, end - i)


def _offset_phrase(words: list[str], i: int) -> tuple[int, tuple[int, int] | None, str, int] | None:
    """At `i`, "<count> <unit> before|after": the position after it, the count (least, most; None for the
    whole unit next to the day), the unit and the side (-1 before, +1 after)."""
    k = i + (words[i] == "a" and i + 1 < len(words) and words[i + 1] in _VAGUE_COUNTS)
    word = words[k] if k < len(words) else ""
    if word in _VAGUE_COUNTS:
        counts: tuple[int, int] | None = _VAGUE_COUNTS[word]
        k += 1 + (word == "couple" and k + 1 < len(words) and words[k + 1] == "of")
    elif word in _ADJACENT:
        counts, k = None, k + 1
    elif word in COUNTS or word.isdigit():
        n = COUNTS.get(word) or int(word)
        counts, k = (n, n), k + 1
    else:
        return None
    if k + 1 >= len(words):
        return None
    unit = words[k].removesuffix("s")
    side = _SIDES.get(words[k + 1])
    if unit not in _UNIT_DAYS or side is None:
        return None
    return k + 2, counts, unit, side


def _window(day: date, counts: tuple[int, int] | None, unit: str, side: int) -> tuple[date, date]:
    """The days `counts` units to the `side` of `day`; the whole unit next to it without a count. A
    count of weeks or more is about as long either way ("a week after" the 12th takes in the 19th and
    the 20th)."""
    size = _UNIT_DAYS[unit]
    if counts is None:
        near, far = 1, size
        widen = 0
    else:
        near, far = counts[0] * size, counts[1] * size
        widen = _UNITS[unit]
    ends = (day + timedelta(days=side * near), day + timedelta(days=side * far))
    return min(ends) - timedelta(days=widen), max(ends) + timedelta(days=widen)


def _reckoned_from_span(anchor: DateSpan, counts: tuple[int, int] | None, unit: str, side: int, *,
                        label: str) -> DateSpan | None:
    """The time reckoned from a day the question names: its dates, or, from a day named without its
    year, the same days of any year."""
    direction = "before" if side < 0 else "after"
    if anchor.start is not None and anchor.start == anchor.end:
        first, last = _window(anchor.start, counts, unit, side)
        return DateSpan(label=label, start=first, end=last, relative=anchor.relative, now=anchor.now,
                        reckoned=(unit, direction, (anchor.start.month, anchor.start.day)))
    if anchor.month_day is not None:
        month, day = anchor.month_day
        first, last = _window(date(_ANY_LEAP_YEAR, month, day), counts, unit, side)
        return DateSpan(label=label, day_range=((first.month, first.day), (last.month, last.day)),
                        reckoned=(unit, direction, anchor.month_day))
    return None


_ANY_LEAP_YEAR = 2000
"""A year with every day of the calendar, to reckon from a day named without its year."""


def _exact_names(question: Question, used: list[bool], mentions: list[Mention], *, names: EntityNames,
                 lexicon: Lexicon) -> None:
    toks = question.tokens
    words = [t.lower for t in toks]
    # The longest names first: "North Korean" wins over "the North" that starts a word earlier.
    def content(match: tuple[int, int, set[str]]) -> int:
        return sum(1 for w in words[match[0] : match[0] + match[1]] if lexicon.content_weight(w) > 0)

    found = names.find(words)
    aliased = {k for i, n, _ in found for k in range(i, i + n)}
    for i, n, ids in sorted(found, key=lambda m: (-content(m), -m[1], m[0])):
        if any(used[i : i + n]):
            continue
        beside = (k for k in (i - 1, i + n) if 0 <= k < len(toks) and k not in aliased and not used[k]
                  and not toks[min(k, i + n - 1)].possessive)  # "Kim's aide", "Moon's Ri" end a name
        if any(_a_word_of_the_same_name(toks[k]) for k in beside):
            continue  # "Ri" of "Ri Yong Ho" is not Ri Son Gwon: the longer name is one no entity has
        if n == 1 and lexicon.zipf(words[i]) >= COMMON_NAME_ZIPF and not toks[i].text[:1].isupper() and not (
                i > 0 and words[i - 1] == "the") and not _a_name_before_its_noun(words, i, lexicon=lexicon):
            continue  # "us", "who": a name only when written as one ("US", "the us")
        if i > 0 and _qualified_common_name(toks, i, n, ids, names=names, lexicon=lexicon):
            continue  # "the *Hanoi* summit", "the *putin kim* summit" are other summits than "the summit"
        mentions.append(Mention(ids=frozenset(ids), text=" ".join(t.text for t in toks[i : i + n]), position=i, span=n))
        for k in range(i, i + n):
            used[k] = True


def _a_word_of_the_same_name(token: Token) -> bool:
    """A word next to an entity's name that goes on with it as one longer name ("Ri *Yong Ho*" after
    "Ri"): written as a name, and no word of English (WordNet has none of it, and it is no word of
    grammar). As a fact's reading does not take a name inside a longer one for its entity (`facts.py`), a
    question does not: the longer name is another person, one no entity is. In lower case ("ri yong ho")
    the words say no name apart from a slip or a chat's shorthand, and the entity is read as before."""
    word = token.lower
    return (token.capitalised and word.isalpha() and Lexicon.content_weight(word) > 0
            and not Lexicon.parts_of_speech(word))


def _possessives_without_apostrophe(question: Question, used: list[bool], mentions: list[Mention], *,
                                    names: EntityNames, lexicon: Lexicon) -> None:
    """"nks first satellite", "pompeos trip": a one-word name with its possessive written without the
    apostrophe, where the word with its "s" is no English word (a word English has, "koreas" or "us",
    is left to be what it is), is the name's possessive, as "nk's" would be."""
    for i, token in enumerate(question.tokens):
        word = token.lower
        if used[i] or len(word) < POSSESSIVE_NAME_LETTERS or not word.endswith("s") or lexicon.zipf(word) >= TYPO_ZIPF:
            continue
        ids = names.aliases.get((word[:-1],))
        if ids:
            mentions.append(Mention(ids=frozenset(ids), text=token.text[:-1], position=i, span=1))
            used[i] = True
            token.possessive = True


def _names_one_slip_away(question: Question, used: list[bool], mentions: list[Mention], *,
                         names: EntityNames, vocabulary: Container[str]) -> None:
    """A name of two or three words written with one slip ("sung kin", "choe sonhui"): read before
    the exact names, which would take its first word alone ("kim") for a name of its own. Either one
    word is a letter away from the name's and the others are the name's, or the words run together.
    A word the facts or the names hold is taken as written ("the two *korean* leaders" is no slip of
    "the two Koreas")."""
    toks = question.tokens
    words = [t.lower for t in toks]
    for n in (3, 2):
        for i in range(len(toks) - n + 1):
            if any(used[i : i + n]) or tuple(words[i : i + n]) in names.aliases:
                continue
            if all(w in vocabulary or names.knows(w) for w in words[i : i + n]):
                continue
            hit = names.one_slip_away(words[i : i + n])
            if hit is None:
                continue
            name, ids = hit
            mentions.append(Mention(ids=frozenset(ids), text=name, position=i, span=n, exact=False))
            for k in range(i, i + n):
                used[k] = True


_BEFORE_A_SUBJECT = frozenset({"do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "will", "would",
                               "can", "could", "should", "when", "where", "why", "how", "what", "which", "who"})
"""Words after which a question's subject stands ("when did [us soldiers] leave"): where English has "we", not
"us", so a lowercase "us" there before a noun is the country's name."""


def _a_name_before_its_noun(words: list[str], i: int, *, lexicon: Lexicon) -> bool:
    """A common word that is a one-word name, written in lower case where its pronoun cannot stand: opening
    the subject, before a noun ("when did *us* troops leave": the U.S.), not after a verb or a preposition
    ("tell *us* details")."""
    return (i + 1 < len(words) and (i == 0 or words[i - 1] in _BEFORE_A_SUBJECT)
            and "NOUN" in lexicon.parts_of_speech(words[i + 1]))


def _qualified_common_name(toks: list, i: int, n: int, ids: Set[str], *, names: EntityNames, lexicon: Lexicon) -> bool:
    """The name is common English words ("summit", "the talks") right after a proper name that is not
    part of it: a qualified one of its kind, not the entity the bare words stand for. An owner's name
    ("Norway's mediator") says whose it is, not which of its kind. A name written in lower case qualifies
    it as well ("the *nk* map"), and names that only say who took part in it keep it the entity whose
    own names name them ("the *kim* summit" is the Trump-Kim summit; "the *putin kim* summit" is not)."""
    if any(t.text[:1].isupper() or not lexicon.is_english(t.lower) for t in toks[i : i + n] if t.lower != "the"):
        return False
    if "NOUN" not in lexicon.parts_of_speech(toks[i + n - 1].lower):
        return False  # "Putin kim": a name of no noun names no kind a name before it could qualify
    start = i
    while start > 0 and toks[start - 1].lower not in {"the", "a", "an"} and not toks[start - 1].possessive and (
            toks[start - 1].capitalised or names.holds(toks[start - 1].lower)):
        start -= 1
    if start == i:
        return False
    qualifiers = _names_in(names, [t.lower for t in toks[start:i]])
    if not qualifiers:
        return toks[i - 1].capitalised  # "the *Hanoi* summit": a name no entity holds still says which one
    inside = names.named_inside(ids)
    return not all(found & inside for found in qualifiers)


def _names_in(names: EntityNames, words: list[str]) -> list[set[str]]:
    """The names that tile `words` from the start, longest first, each as its entities; empty when some
    word is no part of one."""
    found: list[set[str]] = []
    at = 0
    spans: dict[int, tuple[int, set[str]]] = {}
    for k, m, ids in names.find(words):
        spans.setdefault(k, (m, ids))  # longest first at each start
    while at < len(words):
        if at not in spans:
            return []
        m, ids = spans[at]
        found.append(ids)
        at += m
    return found


def _correct_typos(question: Question, used: list[bool], *, names: EntityNames, lexicon: Lexicon,
                   vocabulary: Container[str], spelling: Callable[[str], tuple[str, ...]]) -> bool:
    """Read a word that is neither English nor the store's as the word it misspells ("happend",
    "declration", "wher"): the nearest by edit distance among the store's words and the commonest
    English words, keeping the first letter, the store's words first, then the commoner. A prefix
    before an English word ("relinked") is a word English forms, not a slip: read as it is written; so
    are two English words run together ("hangup"), unless one slip reaches a word ("summitt")."""
    changed = False
    for token in question.tokens:
        word = token.lower
        if used[token.position] or (len(word) < 4 or not word.isalpha() or word in vocabulary
                                    or names.knows(word) or token.capitalised
                or lexicon.zipf(word) >= TYPO_ZIPF or lexicon.parts_of_speech(word)
                or lexicon.is_prefixed_word(word) or lexicon.meanings(word)):
            continue  # (a term the vocabulary reads, "denuke", is a word of its own, not a slip of "duke")
        store = spelling(word[0])
        full = _abbreviated(word, store)
        if full is not None:
            token.lower, token.text, token.lemmas = full, full, lexicon.lemmas(full)
            changed = True
            continue
        limit = 1 if len(word) <= 5 else 2
        best: tuple[int, int, bool, float, str] | None = None
        for pool, rank in ((store, 0), (lexicon.english_starting(word[0]), 1)):
            for candidate, distance, _ in process.extract(word, pool, scorer=OSA.distance, score_cutoff=limit, limit=8):
                # the store's words first ("modle" is "model" before "module"); then a dropped letter,
                # the commonest slip: "wher" is "where" before it is "when"
                key = (distance, rank, not _subsequence(word, candidate), -lexicon.zipf(candidate), candidate)
                if len(word) < MISSPELT_NAME_LETTERS and names.knows(candidate) and not lexicon.parts_of_speech(candidate):
                    continue  # a name is read through a slip only from five letters ("chol" is not "Cho")
                if (rank and not lexicon.parts_of_speech(candidate)
                        and candidate not in _MONTHS and candidate not in _WEEKDAYS):
                    continue  # a name English has that the store does not ("icbm" is no slip of "IBM"): read
                    # so, the word could only be refused as a name no fact holds; a time's name is read as one
                if candidate != word and (best is None or key < best):
                    best = key
        if best is None or best[1] and _after_a_name_word(token, question.tokens, names=names, lexicon=lexicon):
            continue  # "xi jinping" is no "xi joining": only a word of the store's is misspelt after a name's
        if best[0] > 1 and lexicon.is_compound_word(word) or lexicon.joined_parts(word):
            continue  # "sitdown" is "sit" + "down" run together, not two slips from "shutdown"; "pullback"
            # names the act of pulling back, however near another word ("fullback") it is
        corrected = best[-1]
        token.lower = corrected
        token.text = corrected if not token.text[:1].isupper() else corrected.capitalize()
        token.lemmas = lexicon.lemmas(corrected)
        changed = True
    return changed


def _after_a_name_word(token: Token, tokens: list[Token], *, names: EntityNames, lexicon: Lexicon) -> bool:
    """The word before is one English knows only as a name's (with no part of speech, as common as a
    name's word is: "xi", "jae"), and not one of the store's: together they are a name the store lacks,
    written in lowercase, not a slip of the keyboard. (A word that opens the message, or one as common
    as "hey" or "ok", is more likely an interjection.)"""
    if token.position < 2:
        return False
    before = tokens[token.position - 1].lower
    return (before.isalpha() and not lexicon.parts_of_speech(before)
            and TYPO_ZIPF <= lexicon.zipf(before) < NAME_WORD_ZIPF and not names.knows(before))


ABBREVIATION_VOWELS = 1
"""An abbreviation that drops a word's inner letters keeps few of its vowels ("natl", "govt", "mgmt")."""


def _abbreviated(word: str, store: Iterable[str]) -> str | None:
    """The one word of the store's that `word` shortens as writers shorten a long word, keeping its first and
    last letters and some between, in order ("natl" national, "govt" government, "intl" international), at
    least twice as long; None when no word or two words fit. A slip of the keyboard keeps most letters."""
    if sum(ch in "aeiou" for ch in word[1:]) > ABBREVIATION_VOWELS:
        return None
    fits = [w for w in store if len(w) >= 2 * len(word) and w[-1] == word[-1] and w.isalpha()
            and _subsequence(word, w)]
    return fits[0] if len(fits) == 1 else None


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def _misspelt_names(question: Question, used: list[bool], mentions: list[Mention], *, names: EntityNames,
                    lexicon: Lexicon, vocabulary: Container[str]) -> None:
    toks = question.tokens
    strange = [not used[i] and t.lower not in vocabulary and not lexicon.is_english(t.lower) and t.lower.isalpha()
               for i, t in enumerate(toks)]
    for n in (3, 2, 1):
        for i in range(len(toks) - n + 1):
            span = range(i, i + n)
            if any(used[k] for k in span) or not any(strange[k] for k in span):
                continue
            phrase = " ".join(toks[k].lower for k in span)
            if len(phrase) < MISSPELT_NAME_LETTERS:
                continue
            hit = names.closest(phrase)
            if hit is None:
                continue
            mentions.append(Mention(ids=frozenset(hit[1]), text=hit[0], position=i, span=n, exact=False))
            for k in span:
                used[k] = True


def _dates(question: Question, used: list[bool], *, story_day: date, today: date) -> list[tuple[DateSpan, int, int]]:
    toks = question.tokens
    words = [t.lower for t in toks]
    found: list[tuple[DateSpan, int, int]] = []
    for i, w in enumerate(words):
        if used[i]:
            continue
        month = _MONTHS.get(w)
        if month is not None:
            day_at = next((k for k in (i + 1, i - 1) if 0 <= k < len(words) and not used[k] and _ORDINAL.match(words[k])), None)
            of_at = i - 1 if day_at is None and i >= 2 and words[i - 1] == "of" else None
            if of_at is not None and not used[i - 2] and _DAY_OF.match(words[i - 2]):
                day_at = i - 2  # "the 3rd of March": the day, then "of", then the month
            else:
                of_at = None
            year_at = next((k for k in (i + 1, i + 2) if k < len(words) and _YEAR.match(words[k])), None)
            year = int(words[year_at]) if year_at is not None else None
            if day_at is not None:
                day = int((_ORDINAL.match(words[day_at]) or _DAY_OF.match(words[day_at])).group(1))
                try:
                    span = (DateSpan(label=f"{calendar.month_name[month]} {day}" + (f", {year}" if year else ""),
                                     start=date(year, month, day), end=date(year, month, day)) if year else
                            DateSpan(label=f"{calendar.month_name[month]} {day}", month_day=(month, day)))
                except ValueError:
                    continue
                taken = [i, day_at] + ([year_at] if year_at is not None else []) + ([of_at] if of_at is not None else [])
            elif (i > 0 and words[i - 1] in _BARE_MONTH_AFTER | (_MONTH_DETERMINERS if w == "may" else set())) or (
                    toks[i].capitalised or year is not None or _only_a_month(w)):
                if w == "may" and not toks[i].text[:1].isupper() and not (
                        i > 0 and words[i - 1] in _BARE_MONTH_AFTER | _MONTH_DETERMINERS):
                    continue  # "may" the verb; after "in" or "the" ("and the may one?") no verb stands
                if year is not None:
                    last = calendar.monthrange(year, month)[1]
                    span = DateSpan(label=f"{calendar.month_name[month]} {year}", start=date(year, month, 1),
                                    end=date(year, month, last))
                else:
                    span = DateSpan(label=calendar.month_name[month], month=month)
                taken = [i] + ([year_at] if year_at is not None else [])
                week = _week_of(words, used, i, month, year)
                if week is not None:  # "the first week of March": those seven days
                    span, at = week
                    taken += list(range(at, i))
            else:
                continue
            for k in taken:
                used[k] = True
            found.append((span, min(taken), max(taken) - min(taken) + 1))
    found.extend(_new_years(toks, used))
    found.extend(_seasons(toks, used))
    for i, w in enumerate(words):
        if used[i]:
            continue
        if (_YEAR.match(w) and i + 2 < len(words) and toks[i + 1].hyphenated and toks[i + 2].hyphenated
                and not used[i + 1] and not used[i + 2]):
            day = _iso_day(w, words[i + 1], words[i + 2])  # "2025-03-14", as computers write a day
            if day is not None:
                used[i] = used[i + 1] = used[i + 2] = True
                found.append((DateSpan(label=f"{calendar.month_name[day.month]} {day.day}, {day.year}", start=day,
                                       end=day), i, 3))
                continue
        if w in _WEEKDAYS and not (i > 0 and words[i - 1] in {"last", "next", "this", "past", "coming"}):
            used[i] = True
            found.append((DateSpan(label=calendar.day_name[_WEEKDAYS[w]], weekday=_WEEKDAYS[w]), i, 1))
        elif w in _WEEKDAY_ABBREVIATIONS and (toks[i].capitalised or (i > 0 and words[i - 1] == "on")):
            used[i] = True
            day = _WEEKDAY_ABBREVIATIONS[w]
            found.append((DateSpan(label=calendar.day_name[day], weekday=day), i, 1))
        elif _YEAR.match(w) and not (i > 0 and words[i - 1] in {"the", "a"}):
            used[i] = True
            found.append((DateSpan(label=w, year=int(w)), i, 1))
    found.extend(_relative(question, used, story_day=story_day, today=today))
    found.extend(_days_of_the_month(toks, used, found))
    for _, at, _ in found:
        if at >= 2 and words[at - 1] == "of" and words[at - 2] in _PARTS_OF_A_TIME:
            used[at - 2] = used[at - 1] = True  # "at the *start of* 2015": within the time named
        elif at >= 1 and words[at - 1] in _PHASES_OF_A_TIME:
            used[at - 1] = True  # "in *late* August", "*mid*-2020": within the time named
        elif at >= 1 and words[at - 1] in _SOONER_OR_LATER:
            used[at - 1] = True  # "*earlier* this month": within the time named
        elif at >= 2 and words[at - 2] in _SOONER_OR_LATER and words[at - 1] in _SOONER_OR_LATER_BEFORE:
            used[at - 2] = True  # "*later* in 2019"
    return found


_BEFORE_A_DAY = frozenset({"on", "by", "before", "after", "since", "until", "till", "from", "through"})
"""Prepositions that put a time after them ("*on* the 28th"): after another word an ordinal counts ("was
the 2nd and last", "between the 1st and 2nd")."""


def _days_of_the_month(toks: list[Token], used: list[bool],
                       found: list[tuple[DateSpan, int, int]]) -> list[tuple[DateSpan, int, int]]:
    """"the 28th" with no month beside it: a day of the month the context gives, as English leaves the month
    to it. That is the month another time of the question names ("from June 10 until *the 12th*"), else
    any month the facts put that day in (a fact of May 28, or one that says "the 28th"): the story's own
    month is often not the one meant (a store that runs on past the summit it tells of). Only after a
    preposition of time and where the phrase ends (at the end, or before a function word: "before *the
    28th* did"): an ordinal before a word of content ("the 5th round") counts what that word names."""
    words = [t.lower for t in toks]
    named = next((s for s, _, _ in found if s.month or s.month_day or (
        s.start and s.end and (s.start.year, s.start.month) == (s.end.year, s.end.month))), None)
    out: list[tuple[DateSpan, int, int]] = []
    for i, w in enumerate(words):
        match = _DAY_OF.match(w)
        if used[i] or match is None or i < 2 or words[i - 1] != "the" or words[i - 2] not in _BEFORE_A_DAY:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        if after == "of" or not _ends_a_time(after):
            continue  # "the 5th round", "the 2nd Hanoi summit"; "the 3rd of March" is read with its month above
        span = _day_of_the_month(w, int(match.group(1)), named)
        if span is not None:
            used[i] = True
            out.append((span, i, 1))
    return out


def _ends_a_time(after: str) -> bool:
    """Whether a time word before `after` ends the time's phrase: at the end, before a function word, or
    before an auxiliary ("how soon after the 9th *did* they sign", "that summer *was*"); before a word of
    content the time word qualifies a thing ("the 5th round", "the summer drills")."""
    return not after or Lexicon.content_weight(after) == 0 or "AUX" in Lexicon.parts_of_speech(after)


def _day_of_the_month(written: str, day: int, named: DateSpan | None) -> DateSpan | None:
    """Day `day` (`written` so: "28th") of the month `named` names (of its year, if it names one), or of
    any month; None if the month has no such day."""
    if named is None:
        return DateSpan(label=f"the {written}", day_of_month=day) if 1 <= day <= 31 else None
    month = named.month or (named.month_day[0] if named.month_day else named.start.month)
    year = named.start.year if named.start is not None else None
    if day > calendar.monthrange(year or _ANY_LEAP_YEAR, month)[1]:
        return None
    if year is None:
        return DateSpan(label=f"{calendar.month_name[month]} {day}", month_day=(month, day))
    return DateSpan(label=f"{calendar.month_name[month]} {day}, {year}", start=date(year, month, day),
                    end=date(year, month, day))


_SEASONS = {"spring": ((3, 1), (5, 31)), "summer": ((6, 1), (8, 31)), "autumn": ((9, 1), (11, 30)),
            "fall": ((9, 1), (11, 30)), "winter": ((12, 1), (2, 29))}
"""The seasons of the northern calendar as (month, day) of their first and last days; winter runs across New
Year."""
_SEASON_BEFORE = frozenset({"in", "during", "that", "the", "by", "until", "since", "before", "after", "early", "late",
                            "mid", "through", "throughout"})
"""Words after which a season with no year is a time ("*that* summer", "*during the* spring"); before a
word of content it names a thing ("the summer drills") and is left as a word."""


def _seasons(toks: list[Token], used: list[bool]) -> list[tuple[DateSpan, int, int]]:
    """"Summer 2018", "the spring of 2019", "2019 autumn": the months of that season of that year (winter:
    December of it to February after); a season with no year after "in", "that" or "during" ("that
    summer", "in the autumn"): those days of any year, the year left to context as for a month. "This" or
    "last summer" is said relative to a day and is left as words."""
    words = [t.lower for t in toks]
    found: list[tuple[DateSpan, int, int]] = []
    for i, w in enumerate(words):
        if used[i] or w not in _SEASONS:
            continue
        of = i + 1 < len(words) and words[i + 1] == "of"
        after = i + 1 + of
        year_at = (after if after < len(words) and not used[after] and _YEAR.match(words[after]) else
                   i - 1 if i > 0 and not used[i - 1] and _YEAR.match(words[i - 1]) else None)
        (first_month, first_day), (last_month, _) = _SEASONS[w]
        if year_at is not None:
            year = int(words[year_at])
            last_year = year + (last_month < first_month)
            span = DateSpan(label=f"{w} {year}", start=date(year, first_month, first_day),
                            end=date(last_year, last_month, calendar.monthrange(last_year, last_month)[1]))
            taken = sorted({i, year_at} | ({i + 1} if of and year_at == after else set()))
        else:
            after_word = words[i + 1] if i + 1 < len(words) else ""
            if i == 0 or words[i - 1] not in _SEASON_BEFORE or of or not _ends_a_time(after_word):
                continue  # "the fall of the city", "the spring talks": a thing
            span = DateSpan(label=w, day_range=_SEASONS[w])
            taken = [i]
        for k in taken:
            used[k] = True
        found.append((span, taken[0], taken[-1] - taken[0] + 1))
    return found


_NEW_YEAR_EVE = "eve"
"""The day before New Year's Day ("New Year's *Eve*"): December 31."""


def _new_years(toks: list[Token], used: list[bool]) -> list[tuple[DateSpan, int, int]]:
    """New Year's Day (January 1; its eve December 31), the one holiday every calendar fixes to a day,
    written as a name ("New Year"), as an owner ("new year's address") or beside a year ("2019 new year
    speech"): of that year when one stands right before or after it. "In the new year" (the year to come)
    is none of these and is left as words."""
    words = [t.lower for t in toks]
    found: list[tuple[DateSpan, int, int]] = []
    for i in range(len(words) - 1):
        if used[i] or used[i + 1] or words[i] != "new" or words[i + 1] not in {"year", "years"}:
            continue
        end = i + 2
        eve = end < len(words) and words[end] == _NEW_YEAR_EVE
        end += eve
        before = i - 1 if i > 0 and not used[i - 1] and _YEAR.match(words[i - 1]) else None
        after = end if end < len(words) and not used[end] and _YEAR.match(words[end]) else None
        year_at = before if before is not None else after
        if not (toks[i].capitalised or toks[i + 1].possessive or words[i + 1] == "years" or year_at is not None):
            continue
        month, day = (12, 31) if eve else (1, 1)
        name = "New Year's Eve" if eve else "New Year's Day"
        if year_at is not None:
            year = int(words[year_at])
            span = DateSpan(label=f"{name} {year}", start=date(year, month, day), end=date(year, month, day))
        else:
            span = DateSpan(label=name, month_day=(month, day))
        taken = [i, i + 1] + ([end - 1] if eve else []) + ([year_at] if year_at is not None else [])
        for k in taken:
            used[k] = True
        found.append((span, min(taken), max(taken) - min(taken) + 1))
    return found


_WEEK_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                  "last": -1, "final": -1}
"""Which week of a month English names by an ordinal ("the *second* week of May", "the *last* week of June")."""


def _week_of(words: list[str], used: list[bool], at: int, month: int, year: int | None) -> tuple[DateSpan, int] | None:
    """"the first week of March": the span of that week of the month named at `at` (its first seven days, the
    next seven, ..., or its last seven), and where the phrase starts; None when no such phrase stands before."""
    if at < 3 or words[at - 1] != "of" or words[at - 2] not in {"week", "weekend"} or any(used[at - 3 : at]):
        return None
    which = _WEEK_ORDINALS.get(words[at - 3])
    if which is None:
        return None
    length = calendar.monthrange(year or 2000, month)[1]  # a leap year when none is named: every day of it
    first = length - 6 if which < 0 else 1 + 7 * (which - 1)
    last = min(length, first + 6)
    label = f"the {words[at - 3]} {words[at - 2]} of {calendar.month_name[month]}" + (f" {year}" if year else "")
    if year is not None:
        return DateSpan(label=label, start=date(year, month, first), end=date(year, month, last)), at - 3
    return DateSpan(label=label, day_range=((month, first), (month, last))), at - 3


def _iso_day(year: str, month: str, day: str) -> date | None:
    """The day "2025-03-14" names, as three numbers a hyphen joins, or None."""
    if not (month.isdigit() and day.isdigit() and len(month) <= 2 and len(day) <= 2):
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


_PARTS_OF_A_TIME = frozenset({"start", "beginning", "end", "middle", "close", "turn", "outset", "dawn"})
"""Nouns of English that name a part of the time after them ("the *start* of 2020", "the *end* of June"):
the time named covers it, and the noun is no thing a fact must say."""
_PHASES_OF_A_TIME = frozenset({"early", "mid", "late"})
"""Words of English that name a part of the time right after them ("*early* 2019", "*late* March", "*mid*-June"):
as for a part said by a noun, the time named covers it, and the word is no thing a fact must say."""
_SOONER_OR_LATER = frozenset({"earlier", "later"})
"""Words that place what is asked within the time after them, before or after another thing of it ("*earlier*
this month", "*later* in 2019"): the time named covers it, and a fact of that time need not say the word."""
_SOONER_OR_LATER_BEFORE = frozenset({"in", "on", "during"})
"""Prepositions that may stand between "earlier" or "later" and the time ("earlier *in* May")."""


def _only_a_month(word: str) -> bool:
    """A month's full name that is no other English word ("october", not "may", "march" or "august"):
    a month however it is written ("pompeo's october visit")."""
    return word in _FULL_MONTHS and not Lexicon.parts_of_speech(word)


def _relative(question: Question, used: list[bool], *, story_day: date, today: date) -> list[tuple[DateSpan, int, int]]:
    toks = question.tokens
    text = " ".join(t.lower for t in toks)
    out = []
    for m in _RELATIVE.finditer(text):
        start = text[: m.start()].count(" ")
        length = m.group().count(" ") + 1
        if any(used[start : start + length]):
            continue
        phrase = m.group()
        now = any(w in _NOW_WORDS for w in phrase.split())
        base = today if now else story_day
        words = phrase.split()
        vague = _VAGUE_COUNTS.get(words[-3]) if words[-1] == "ago" else None
        # dateparser reads no vague count and no weekend: those are reckoned from the base day below
        point = base if vague or words[-1] == _WEEKEND else _parse_relative(phrase, base)
        if point is None:
            continue
        widen = next((v for k, v in _UNITS.items() if k in phrase.split()), 0)
        if words[-1] == _WEEKEND:
            saturday = _saturday(base, words[0])
            span = DateSpan(label=phrase, start=saturday, end=saturday + timedelta(days=1), now=now, relative=True)
        elif vague:  # "a few days ago": as many days back as "a few days before" today reaches, and
            # reckoned as that is, so an undated fact that says "only days before <today>" is of it
            unit = words[-2].removesuffix("s")
            first, last = _window(base, vague, unit, -1)
            span = DateSpan(label=phrase, start=first, end=last, now=now, relative=True,
                            reckoned=(unit, "before", (base.month, base.day)))
        elif words[-1] in {"year", "month"} and words[0] in {"this", "last"}:
            span = _calendar_span(phrase, point, whole_year=words[-1] == "year", now=now)  # the calendar's
        elif words[0] in {"last", "past"} and phrase.split()[-1] in {"week", "month", "year", "weekend"}:
            span = DateSpan(label=phrase, start=point - timedelta(days=widen), end=base, now=now, relative=True)
        else:
            span = DateSpan(label=phrase, start=point - timedelta(days=widen), end=point + timedelta(days=widen), now=now,
                            relative=True)
        for k in range(start, start + length):
            used[k] = True
        out.append((span, start, length))
    return out


_WEEKEND = "weekend"
_SATURDAY = 5
"""The weekday number of Saturday, the first day of a weekend."""


def _saturday(base: date, said: str) -> date:
    """The Saturday of the weekend `said` ("last", "past", "this", "next", "coming") names from `base`:
    "last weekend" is the last one begun by `base`, or the one before it when `base` is itself in a
    weekend; "this weekend" that of `base`'s week; "next" or "coming" the first to start after `base`.
    "Over the weekend" is left as words: a fact says it so, and a follow-up about another event keeps
    a time, not a word ("and the April one?")."""
    if said in {"next", "coming"}:
        return base + timedelta(days=(_SATURDAY - base.weekday()) % 7 or 7)
    if said == "this":
        return base + timedelta(days=_SATURDAY - base.weekday())
    begun = base - timedelta(days=(base.weekday() - _SATURDAY) % 7)
    return begun - timedelta(days=7) if base.weekday() >= _SATURDAY else begun


def _calendar_span(label: str, point: date, *, whole_year: bool, now: bool) -> DateSpan:
    """"this year", "last month": the calendar's year or month around `point`, not a rolling one."""
    if whole_year:
        return DateSpan(label=label, start=date(point.year, 1, 1), end=date(point.year, 12, 31), now=now, relative=True)
    last = calendar.monthrange(point.year, point.month)[1]
    return DateSpan(label=label, start=point.replace(day=1), end=point.replace(day=last), now=now, relative=True)


@functools.lru_cache(maxsize=1024)
def _parse_relative(phrase: str, base: date) -> date | None:
    """The day a relative time ("two weeks ago", "last month") names, reckoned from `base`: kept per phrase
    and day, as dateparser takes a millisecond or more to read one and questions say the same few."""
    import dateparser  # loaded on the first relative time: most questions have none

    words = phrase.split()
    if words[0] in {"last", "past", "next", "coming", "this"} and words[-1] in _WEEKDAYS:
        target = _WEEKDAYS[words[-1]]
        delta = (base.weekday() - target) % 7 or 7
        return base - timedelta(days=delta) if words[0] in {"last", "past"} else base + timedelta(days=(target - base.weekday()) % 7 or 7)
    if words[0] == "coming":
        phrase = "next " + " ".join(words[1:])
    parsed = dateparser.parse(phrase, languages=["en"],
                              settings={"RELATIVE_BASE": datetime(base.year, base.month, base.day),
                                        "PREFER_DATES_FROM": "past" if words[-1] in {"ago", "earlier", "before"} or words[0] in {"last", "past", "yesterday"} else "current_period"})
    return parsed.date() if parsed else None
