"""General English, from maintained packages that ship their data, and the story's own terms from data.

- Lemmas and parts of speech come from `lemminflect` ("began" -> "begin", "talks" -> "talk"), and how
  common a word is from `wordfreq` (its small English list, Zipf scale): a word as common as "the",
  "who" or "did" carries nothing a fact must cover; "delegation" carries much. Both are read from
  `english.tsv.gz`, which `tools/build_english.py` derives from the two packages, so neither is
  loaded at run time.
- Which words mean nearly the same comes from the packaged static embedding model
  (`briefings.embedding`), when it is installed: "headed" is near "led", "collapse" near "break down".
- Domain terms (abbreviations and phrases that general English does not know, such as "war games")
  live in `config/vocabulary.yaml`, each with its reason.

Nothing here names a question, a fact or a person of the story.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import re
import unicodedata
from dataclasses import dataclass
from operator import methodcaller
from pathlib import Path

import yaml
from rapidfuzz.distance import OSA

__all__ = ["OWNER", "Lexicon", "Phrase", "fold", "hyphen_joined", "plain", "word_tokens", "words_and_gaps", "words_of"]

COMMON_ZIPF = 6.2
"""A word at least this common (Zipf) is a function word: it weighs nothing as a need."""
CONTENT_ZIPF = 5.0
"""A word at most this common weighs fully; in between, its weight falls linearly."""
ENGLISH_FILE = Path(__file__).with_name("english.tsv.gz")
"""English words with their commonness, parts of speech and lemmas (`tools/build_english.py`)."""
TYPO_TARGET_ZIPF = 2.5
"""A misspelt word is read as one at least this common."""
SYNONYMS_FILE = Path(__file__).with_name("synonyms.tsv.gz")
"""English synonyms derived from WordNet at build time (`tools/build_synonyms.py`)."""
PLACES_FILE = Path(__file__).with_name("places.tsv.gz")
"""Places and the places WordNet says are part of them, built with the synonyms."""
ANTONYMS_FILE = Path(__file__).with_name("antonyms.tsv.gz")
"""English verbs and the verbs WordNet gives as their opposites, built at build time (`tools/build_antonyms.py`)."""
OPPOSITE_QUALITIES_FILE = Path(__file__).with_name("opposite_qualities.tsv.gz")
"""English adjectives and adverbs and those WordNet gives as their opposites, by the same script."""
SIMILAR_QUALITIES_FILE = Path(__file__).with_name("similar_qualities.tsv.gz")
"""English adjectives and those of the senses WordNet files as similar to theirs, built at build time
(`tools/build_similar_qualities.py`)."""
PHASES_FILE = Path(__file__).with_name("phases.tsv.gz")
"""English verbs and the phase of an act each names, "end" or "go", built at build time (`tools/build_phases.py`)."""
KINDS_FILE = Path(__file__).with_name("kinds.tsv.gz")
"""English verbs and the verbs WordNet names as ways of doing them, built at build time (`tools/build_kinds.py`)."""
HYPERNYMS_FILE = Path(__file__).with_name("hypernyms.tsv.gz")
"""English nouns, the nouns WordNet names as what each is a kind of, and those that are kinds of it, built
at build time (`tools/build_hypernyms.py`)."""
SHORTHAND_FILE = Path(__file__).with_name("shorthand.tsv.gz")
"""Chat shorthand ("u", "thx", "tysm") and the words it stands for, checked or from the crowd
(`tools/build_shorthand.py`)."""
TRAVEL = "travel"
"""The verb of going somewhere, whose synonyms and kinds in WordNet are the other words of it."""
CONTAINERS_FILE = Path(__file__).with_name("containers.tsv.gz")
"""English nouns that name a container, first or in a later sense, built at build time (`tools/build_containers.py`)."""
INCHOATIVES_FILE = Path(__file__).with_name("inchoatives.tsv.gz")
"""English verbs and the verbs WordNet defines as starting them, built at build time (`tools/build_inchoatives.py`)."""
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our", "your", "my",
               "any", "some", "each", "every"}
"""The determiners of English: the word after one is a noun (the scorer reads statements with them too)."""
PREPOSITIONS = frozenset({"of", "for", "to", "in", "at", "on", "with", "by", "from", "about", "after", "before",
                          "during", "since", "until", "over", "under", "between", "against"})
"""The commonest prepositions of English: a noun phrase ends before one; a particle stands before one
("handed *over* to")."""
MATTER_PREPOSITIONS = frozenset({"about", "regarding", "concerning", "re"})
"""Prepositions that only say what a message is about ("news *regarding* X", the "*re:* X" of letters and
memos): the matter after one is asked, the preposition itself is no word a fact must say."""
STARTING = frozenset({"start", "begin"})
"""The verbs WordNet's definitions use for starting an act ("open": "start to operate"): a question that
says one of them before an act asks what the inchoatives table names."""
KNOWN_ZIPF = 1.5
ENGLISH_PREFIXES = ("re", "un", "de", "dis", "mis", "pre", "non", "co", "over", "under", "counter", "anti")
"""Prefixes English forms new words with freely ("relinked", "unsigned", "denuclearised")."""
PREFIXED_STEM_LETTERS = 4
"""The shortest word a prefix is read before: "re" + "lay" may be a slip of "relay", "re" + "link" is not."""
REPEAT_PREFIX = "re"
"""The prefix of a verb that does its act again ("reopen", "rebuild", "reconnect")."""
REPEAT_NEARNESS = 0.35
"""How near (cosine) a "re-" verb sits to its base verb when it means that act again: "reopen" ~ "open" 0.79,
"reconnect" ~ "connect" 0.37; a "re-" word of its own meaning sits far ("resign" ~ "sign" 0.14, "return" ~
"turn" 0.30)."""
COMPOUND_HEAD_LETTERS = 3
"""The shortest first word of two run together ("sit" + "down"): a shorter one is too often a slip's left-over."""
COMPOUND_PART_ZIPF = 3.0
"""Each word of two run together is at least this common: two rare words side by side are likelier a slip."""
COMPOUND_HEADS = frozenset({"NOUN", "VERB"})
"""What the first word of an English compound is: a verb before its particle, a noun before a noun."""
COMPOUND_TAILS = frozenset({"NOUN", "ADV"})
"""What the second word is: the particle of a phrasal verb ("up", "down", "out") or the head noun."""
TIME_UNITS = frozenset({"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
                        "year", "years"})
"""The nouns English counts time in: "two *days* later" is a time, where "later" alone may take leave."""
PARTICLES = frozenset({"up", "down", "out", "off", "apart", "over", "back", "away", "through", "together", "on"})
"""The adverbs that make a verb another verb: "tear down" is "dismantle", "call off" is "cancel". English
runs one into its verb to name the act ("a shutdown", "the pullback", "a sellout")."""
"""A word rarer than this (or absent) from the English list is not an English word: a name or a typo."""

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": " ", "\u2013": "-"})
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
"""`_WORD` kept by `re.split`: the words, and between them what lies between them."""
_PLAIN_WORD_SPLIT = re.compile(r"([A-Za-z0-9]+)")
"""`_WORD_SPLIT` for a text with no apostrophe, typographic or not: it splits it alike, a quarter faster."""
_WH_WORDS = frozenset({"who", "what", "where", "when", "why", "how"})
_WOULD_OR_HAD = re.compile(r"\s+(?:have|be|been)\b", re.IGNORECASE)
"""After "who'd", the words that make its "'d" "would" or "had", not "did"."""
_MODEL_NAME = re.compile(r"\b([A-Za-z])-(\d+)s?\b")


def fold(text: str) -> str:
    """Unicode-fold `text`: typographic quotes and dashes to ASCII, accents dropped, case kept."""
    if text.isascii():
        return text  # nothing to fold (the common case, and the cheap one)
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def word_tokens(text: str) -> list[tuple[str, int]]:
    """The words of `text` with their character offsets, case kept: "Pyongyang's" -> "Pyongyang",
    "F-16s" -> "F16", "U.S." -> "U", "S"."""
    text = fold(text)
    if "-" in text:
        text = _MODEL_NAME.sub(r"\1\2", text)
    if "'" not in text:  # no contraction to read: every match is a word as it stands
        return [(m.group(), m.start()) for m in _WORD.finditer(text)]
    return _contracted(text)


def hyphen_joined(text: str, words: list[tuple[str, int]]) -> list[bool]:
    """For each of `words` (as `word_tokens` reads `text`, with their offsets), whether a hyphen alone
    stands between it and the word before ("hang-*ups*", "go-*between*")."""
    text = fold(text)
    if "-" not in text:
        return [False] * len(words)
    text = _MODEL_NAME.sub(r"\1\2", text)
    return [k > 0 and text[offset - 1 : offset] == "-" and words[k - 1][1] + len(words[k - 1][0]) == offset - 1
            for k, (_, offset) in enumerate(words)]


def words_of(text: str) -> list[str]:
    """The words of `text` as `word_tokens` reads them, without their offsets (cheaper)."""
    text = fold(text)
    if "-" in text:
        text = _MODEL_NAME.sub(r"\1\2", text)
    if "'" not in text:
        return _WORD.findall(text)
    return [w for w, _ in _contracted(text)]


def words_and_gaps(text: str) -> tuple[list[str], list[int]]:
    """The words of `text` as `word_tokens` reads them, and how many characters lie between each word
    and the next (one for a space, more where punctuation stands between): what reading a fact needs
    of the offsets, at a fraction of their cost (one split in C, no tuple per word)."""
    text = fold(text)
    if "-" in text:
        text = _MODEL_NAME.sub(r"\1\2", text)
    if "'" not in text:
        # [before, word, between, word, ..., word, after]; with no apostrophe at all, by the simpler pattern
        parts = (_PLAIN_WORD_SPLIT if text.isascii() else _WORD_SPLIT).split(text)
        return parts[1::2], list(map(len, parts[2:-1:2]))
    tokens = _contracted(text)
    return [w for w, _ in tokens], [b - (a + len(w)) for (w, a), (_, b) in zip(tokens, tokens[1:])]


_NEGATED = {"wo": "will", "ca": "can", "sha": "shall"}
"""The auxiliaries English spells otherwise before "n't": "won't" is "will not", "can't" "can not"."""


_NEGATABLE = frozenset({"do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
                        "could", "should", "shall", "must", "might", "need"})
"""The auxiliaries English contracts with "not" ("didn't", "isn't", "won't")."""


_DAYS_FROM_NOW = frozenset({"today", "tonight", "tomorrow", "yesterday"})
"""The days English names from now: with an "s" they are a possessive written without its apostrophe
("*todays* news"), not a plural."""


def unapostrophised(word: str) -> tuple[str, ...]:
    """A negated auxiliary written without its apostrophe ("didnt", "wont", "isnt") as its two words
    ("did", "not"), and a question word with its "'s" so written ("whos" as "who", "is"); any other word
    as itself. Only for questions, which are typed in haste: a fact's "cant" or "wont" is the word."""
    lower = word.lower()
    if lower[:-1] in _WH_WORDS and lower.endswith("s"):  # "whats", "hows": "what is", as "what's" is read
        return (word[:-1], "is")
    if lower[:-1] in _DAYS_FROM_NOW and lower.endswith("s"):  # "todays news": "today's", the day's
        return (word[:-1],)
    if len(lower) > 3 and lower.endswith("nt"):
        head = lower[:-2]
        verb = _NEGATED.get(head, head if head in _NEGATABLE else head[:-1] if head.endswith("n") else "")
        if verb in _NEGATABLE:
            return (verb, "not")
    return (word,)


def _contracted(text: str) -> list[tuple[str, int]]:
    """`word_tokens` of folded text that has an apostrophe: "didn't" is "did", "not"."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if "'" in word:
            head, _, tail = word.partition("'")
            word = head if tail.lower() in {"s", "t", "re", "ve", "ll", "d", "m"} and tail.lower() != "t" else head + tail
            if tail.lower() == "t":  # "didn't", "isn't": the negation is a word of its own
                verb = head[:-1] if head.lower().endswith("n") else head
                out.append((_NEGATED.get(verb.lower(), verb), m.start()))
                out.append(("not", m.start()))
                continue
            if tail.lower() == "s" and head.lower() in _WH_WORDS:  # "who's in charge": "who is", not a possessive
                out.append((head, m.start()))
                out.append(("is", m.start() + len(head)))
                continue
            if tail.lower() == "d" and head.lower() in _WH_WORDS and not _WOULD_OR_HAD.match(text, m.end()):
                # "who'd she meet?", "where'd they go?": "did", the auxiliary a bare verb after the subject
                # asks for; before "have" or "be" it is "would" or "had" ("who'd have thought"), left unsaid
                out.append((head, m.start()))
                out.append(("did", m.start() + len(head)))
                continue
        out.append((word, m.start()))
    return out


def plain(text: str) -> str:
    """`text` as lowercase words separated by single spaces ("Pyongyang's talks" -> "pyongyang talks")."""
    return " ".join(w.lower() for w, _ in word_tokens(text))


@dataclass(frozen=True, slots=True)
class Phrase:
    """A domain phrase read as another: "war games" -> "military exercises"."""

    words: tuple[str, ...]
    means: tuple[str, ...]
    joined: tuple[bool, ...] = ()
    """For each word, whether the form joins it to the one before with a hyphen: "sit-down", the noun of
    a meeting, is read only where a hyphen joins its words, not in the verb "sit down together"."""


_NOT_LISTED: tuple[float, frozenset[str], frozenset[str]] = (0.0, frozenset(), frozenset())
"""The entry of every word the English list lacks, one for all: a store names tens of thousands of
people and places, and an entry of their own would take 0.5 kB each (an empty frozenset is 216 bytes)."""


REPEATS_KEPT = 65536
"""How many words' act-again readings a lexicon keeps, as the module's other word caches do."""


class Lexicon:
    """Lemmas, commonness and near-synonyms of English words, and the story's own terms."""

    def __init__(self, *, vocabulary_file: Path | None = None, embedder: object | None = None) -> None:
        self._phrases: list[Phrase] = []
        if vocabulary_file is not None and vocabulary_file.exists():
            self._phrases = _load_phrases(vocabulary_file)
        self._phrase_index = {p.words: p for p in self._phrases}
        self._longest = max((len(p.words) for p in self._phrases), default=0)
        self.embedder = embedder
        self._repeats: dict[str, str | None] = {}  # repeated_act, once per word: it may ask the embedding model

    # -- lemmas, parts of speech, commonness ----------------------------------------------------

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def _english() -> dict[str, str]:
        """Word -> "zipf<TAB>parts of speech<TAB>lemmas", as stored; split only when asked for."""
        return _read_table(ENGLISH_FILE)

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def _entry(word: str) -> tuple[float, frozenset[str], frozenset[str]]:
        row = Lexicon._english().get(word)
        if row is None:  # not a common English word: a name, a rare word; its own lemma
            return _NOT_LISTED
        zipf, pos, lemmas = row.split("\t")
        return float(zipf), frozenset(pos.split(",")) - {""}, frozenset(lemmas.split("|")) - {""}

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def lemmas(word: str) -> frozenset[str]:
        """Every lemma `word` can be a form of, with the word itself ("left" -> {left, leave})."""
        word = word if word.islower() else word.lower()  # the word itself when it is: kept once, not twice
        found = frozenset({word}) | Lexicon._entry(word)[2]
        if len(found) == 1 and Lexicon._entry(word) is _NOT_LISTED and word.isalpha():
            found |= Lexicon._prefixed_lemmas(word)  # "reacquiring", too rare for the lists: "reacquire"
        if word.endswith("ly") and len(word) > 5 and "ADV" in Lexicon._entry(word)[1]:
            found |= {base for base in (word[:-2], word[:-1], word[:-3] + "y", word[:-1] + "e")
                      if "ADJ" in Lexicon._entry(base)[1] and Lexicon.content_weight(base) > 0}  # "abruptly": "abrupt"
        return found

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def lemma(word: str) -> str:
        """The one lemma a word is indexed and searched by: the shortest of its lemmas."""
        options = Lexicon.lemmas(word)
        return min(options, key=lambda w: (len(w), w))

    @staticmethod
    def parts_of_speech(word: str) -> frozenset[str]:
        return Lexicon._entry(word.lower())[1]

    @staticmethod
    def zipf(word: str) -> float:
        return Lexicon._entry(word.lower())[0]

    # -- commonness -----------------------------------------------------------------------------

    @staticmethod
    def content_weight(word: str) -> float:
        """0 for a function word ("the", "did"), 1 for a content word ("delegation"), between for
        a common content word ("meet", "top")."""
        z = Lexicon.zipf(word)
        if z >= COMMON_ZIPF:
            return 0.0
        if z <= CONTENT_ZIPF:
            return 1.0
        return (COMMON_ZIPF - z) / (COMMON_ZIPF - CONTENT_ZIPF)

    @staticmethod
    def is_english(word: str) -> bool:
        """`word` is in the English word list, or WordNet has it (or its lemma) as a word: not a name,
        not a slip of the keyboard ("brokered" is too rare for the frequency list)."""
        return Lexicon.zipf(word) >= KNOWN_ZIPF or bool(Lexicon.parts_of_speech(word))

    @staticmethod
    def is_prefixed_word(word: str) -> bool:
        """`word` is an English prefix ("re", "un", "de", ...) before a word English has ("re" +
        "linked", "un" + "signed"): a word formed by rule, too rare for the lists, not a slip of the
        keyboard."""
        return Lexicon.prefixed_parts(word) is not None

    @staticmethod
    def prefixed_parts(word: str) -> tuple[str, str] | None:
        """The English prefix and the word English has after it ("reacquire": "re", "acquire"), or None."""
        word = word.lower()
        if not word.startswith(ENGLISH_PREFIXES):
            return None  # most words: no prefix to look behind (one test, in C)
        return next(((prefix, word[len(prefix):]) for prefix in ENGLISH_PREFIXES
                     if word.startswith(prefix) and len(word) - len(prefix) >= PREFIXED_STEM_LETTERS
                     and Lexicon.parts_of_speech(word[len(prefix):])), None)

    @staticmethod
    def _prefixed_lemmas(word: str) -> frozenset[str]:
        """A prefixed word the lists lack, inflected as its stem is: the prefix before each of the stem's
        lemmas ("reacquiring": "reacquire", "unsigned": "unsign")."""
        parts = Lexicon.prefixed_parts(word)
        if parts is None:
            return frozenset()
        prefix, stem = parts
        return frozenset(prefix + lemma for lemma in Lexicon._entry(stem)[2] if lemma != stem)

    @staticmethod
    def is_compound_word(word: str) -> bool:
        """`word` is two common English words written as one, as English writes its compounds: a verb and
        its particle ("hang" + "up", "sit" + "down") or a noun before a noun; a word formed that way is
        often too new or too informal for the lists, and is no slip of the keyboard for a word that needs
        two slips to reach ("hangup" is no "hansun")."""
        word = word.lower()
        return any(Lexicon._compound_part(word[:cut], COMPOUND_HEADS) and Lexicon._compound_part(word[cut:], COMPOUND_TAILS)
                   for cut in range(COMPOUND_HEAD_LETTERS, len(word) - 1))

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def joined_parts(word: str) -> tuple[frozenset[str], str] | None:
        """The two words of an act English runs together into one word naming it: a verb and its particle
        ("pullback": "pull", "back"; "sellouts": "sell", "out") or a thing and the verb done to it, in its
        "-ing" form ("fundraising": "fund", "raise"; "peacekeeping"). The first part by its lemmas, the
        second in its dictionary form; None for any other word ("deadline" is no act, "outstanding" opens
        with a particle, not a thing)."""
        word = word.lower()
        if not word.isalpha():
            return None
        for cut in range(COMPOUND_HEAD_LETTERS, len(word) - 1):
            head, tail = word[:cut], word[cut:]
            if Lexicon.zipf(head) < COMPOUND_PART_ZIPF:
                continue
            pos = Lexicon.parts_of_speech(head)
            particle = next((p for p in Lexicon.lemmas(tail) if p in PARTICLES), None)
            if particle is not None and "VERB" in pos:
                return Lexicon.lemmas(head), particle
            if (tail.endswith("ing") and Lexicon.zipf(tail) >= COMPOUND_PART_ZIPF and "NOUN" in pos
                    and pos <= {"NOUN", "VERB"} and head not in PARTICLES):
                verbs = sorted((v for v in Lexicon.lemmas(tail) if v != tail and "VERB" in Lexicon.parts_of_speech(v)),
                               key=shortest)
                if verbs:
                    return Lexicon.lemmas(head), verbs[0]
        return None

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def forms(lemma: str) -> frozenset[str]:
        """The English words that are forms of `lemma`, with itself ("break": "breaks", "broke", "breaking")."""
        return frozenset({lemma}) | Lexicon._forms_of().get(lemma, frozenset())

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def _forms_of() -> dict[str, frozenset[str]]:
        """Lemma -> the English words that are forms of it: the English table read the other way."""
        found: dict[str, set[str]] = {}
        for word, row in Lexicon._english().items():
            for lemma in row.rpartition("\t")[2].split("|"):
                if lemma and lemma != word:
                    found.setdefault(lemma, set()).add(word)
        return {lemma: frozenset(words) for lemma, words in found.items()}

    @staticmethod
    def _compound_part(word: str, parts: frozenset[str]) -> bool:
        return Lexicon.zipf(word) >= COMPOUND_PART_ZIPF and not Lexicon.parts_of_speech(word).isdisjoint(parts)

    @staticmethod
    @functools.lru_cache(maxsize=64)
    def english_starting(letter: str) -> tuple[str, ...]:
        """The commonest English words that start with `letter` (a slip rarely hits the first letter)."""
        return tuple(w for w in Lexicon.english_words() if w[:1] == letter)

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def english_words() -> tuple[str, ...]:
        """The commonest English words, for reading typos of everyday words ("wher", "happend")."""
        english = Lexicon._english()
        # Each row's commonness read off its text, not through `_entry`: asked of every word of the list,
        # that cache would fill with rows no question needs (20 MB) and drop the ones it does.
        return tuple(w for w in english if w.isalpha()
                     and float((english.get(w.lower()) or "0").partition("\t")[0]) >= TYPO_TARGET_ZIPF)

    # -- chat shorthand -------------------------------------------------------------------------

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def _shorthand() -> dict[str, tuple[str, bool]]:
        rows = _read_table(SHORTHAND_FILE)
        return {word: (reading, source == "checked")
                for word, (reading, _, source) in ((w, row.partition("\t")) for w, row in rows.items())}

    @staticmethod
    def shorthand(word: str) -> tuple[str, ...]:
        """The words the chat shorthand `word` stands for, where the checked list says so ("gonna" -> "going",
        "to"; "u" -> "you"), or the crowd's reading is one function word (`COMMON_ZIPF`: "teh" -> "the", "wat"
        -> "what", "wid" -> "with") or a unit of time ("yrs" -> "years", "hrs" -> "hours": a clipped unit names
        nothing else), or none: a word to read as those words in any question. (A function word read wrongly
        costs a question nothing it asks about.)"""
        hit = Lexicon._shorthand().get(word)
        if hit is None:
            return ()
        reading, checked = hit
        one_word = " " not in reading and (Lexicon.zipf(reading) >= COMMON_ZIPF or reading in TIME_UNITS)
        return tuple(reading.split()) if checked or one_word else ()

    @staticmethod
    def chat_shorthand() -> dict[str, str]:
        """Every shorthand word with the words it stands for, the crowd's readings too ("tysm" -> "thank
        you so much"): too loose to rewrite a question's words, enough to know a chat cue typed short."""
        return {word: reading for word, (reading, _) in Lexicon._shorthand().items()}

    # -- phrases --------------------------------------------------------------------------------

    def meanings(self, phrase: str) -> tuple[str, ...]:
        """What a domain term means, in the facts' words: "nukes" -> nuclear weapons. `phrase` is its
        words' lemmas, one space apart."""
        parts = _PHRASE_PARTS.split(phrase)
        hit = self._phrase_index.get(tuple(parts[::2]))
        if hit is None or not all(given == "-" for given, needed in zip(parts[1::2], hit.joined[1:]) if needed):
            return ()  # "sit down": not the noun "sit-down" the vocabulary reads
        return hit.means

    def longest_phrase(self, lemmas: list[frozenset[str]], joined: list[bool], *, owned: bool = False) -> str | None:
        """The longest domain term of two words or more that the words (each given by its lemmas, and
        whether a hyphen joins it to the one before) open, as `meanings` reads it: "sat down with" ->
        "sit down with". A term written with a hyphen is read only where the words are so joined. When a
        possessive stands before the words (`owned`), a term written after `OWNER` comes first: "his *take
        on*" -> "one's take on"."""
        if owned:
            found = self.longest_phrase([frozenset({OWNER}), *lemmas], [False, *joined])
            if found is not None and found.startswith(f"{OWNER} "):
                return found
        for n in range(min(self._longest, len(lemmas)), 1, -1):
            for words in itertools.product(*(sorted(w, key=shortest) for w in lemmas[:n])):
                hit = self._phrase_index.get(words)
                if hit is not None and all(j for j, needed in zip(joined[1:n], hit.joined[1:]) if needed):
                    return "".join(f"{'-' if needed else ' '}{w}" for w, needed in zip(words, hit.joined))[1:]
        return None

    # -- near-synonyms --------------------------------------------------------------------------

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def _synonym_table() -> dict[str, str]:
        """Word -> its synonyms as stored ("a|b|c"), split only when asked for."""
        return _read_table(SYNONYMS_FILE)

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def _synonym_row(word: str) -> tuple[frozenset[str], frozenset[str]]:
        """(synonyms in a first sense of both words, synonyms in a first sense of one only)."""
        row = Lexicon._synonym_table().get(word)
        if not row:
            return frozenset(), frozenset()
        common, _, rare = row.partition("\t")
        return frozenset(common.split("|")) - {""}, frozenset(rare.split("|")) - {""}

    @staticmethod
    def synonyms(word: str) -> frozenset[str]:
        """Words of the same common senses as `word` (WordNet, both ways): "lead" -> "head", "direct"."""
        common, rare = Lexicon._synonym_row(word)
        return common | rare

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def spelling_variants(word: str) -> frozenset[str]:
        """The same word in another spelling: WordNet lists the British and American spellings as one
        sense's words ("defense" -> "defence", "color" -> "colour", "center" -> "centre"), so a synonym
        a letter away, is the word."""
        return frozenset(s for s in Lexicon.synonyms(word) if _another_spelling(word, s))

    @staticmethod
    def shares_a_common_sense(word: str, synonym: str) -> bool:
        """The sense `word` and `synonym` share is one of the first senses of both ("try" and "seek"),
        not a rare sense of one of them ("agree" is the 35th sense of "hold")."""
        return synonym in Lexicon._synonym_row(word)[0]

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def antonyms(verb: str) -> frozenset[str]:
        """The acts opposite `verb` in one of its common senses (WordNet): "close" -> "open", "shut down"
        -> "open", "arrive" -> "leave"."""
        return _listed(ANTONYMS_FILE, verb)

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def opposite_qualities(word: str) -> frozenset[str]:
        """The adjectives and adverbs opposite `word` in one of its common senses (WordNet): "late" ->
        "early", "former" -> "latter"."""
        return _listed(OPPOSITE_QUALITIES_FILE, word)

    @staticmethod
    def similar_qualities(word: str) -> frozenset[str]:
        """The adjectives of a sense WordNet files as similar to one of the first senses of `word`, a head
        sense and its satellites (both ways): "basic" -> "fundamental", "sudden" -> "abrupt"."""
        return _listed(SIMILAR_QUALITIES_FILE, word)

    @staticmethod
    def phase(verb: str) -> str:
        """The phase of an act `verb` names in its common senses (WordNet), or "": "end" for "suspend",
        "call off", "halt"; "go" for "resume", "start", "hold". Verbs of the two phases are opposite acts."""
        return _table(PHASES_FILE).get(verb, "")

    @staticmethod
    @functools.lru_cache(maxsize=2)
    def phase_heads(phase: str) -> frozenset[str]:
        """The first word of every verb or phrasal verb of `phase`: a fact none of whose words is one
        says no act of that phase, so the word-by-word reading can be skipped."""
        return frozenset(verb.partition(" ")[0] for verb, p in _table(PHASES_FILE).items() if p == phase)

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def kinds(verb: str) -> frozenset[str]:
        """Verbs WordNet names as a way of doing `verb` in one of the common senses of both, or acts that
        entail it: "travel" -> "visit", "promise" -> "pledge". A fact that says the kind says the act."""
        return _listed(KINDS_FILE, verb)

    def repeated_act(self, word: str) -> str | None:
        """The verb whose act `word` does again ("reopen" -> "open"), or None: the base is an English verb
        and WordNet names the "re-" word as a way of doing it, or the embedding model puts the two near.
        "Resign", "release" or "report" are no signing, leasing or porting again."""
        word = word.lower()
        if word not in self._repeats:
            if len(self._repeats) >= REPEATS_KEPT:  # any text reaches here: keep the memory bounded
                self._repeats.clear()
            self._repeats[word] = self._repeated_act(word)
        return self._repeats[word]

    def _repeated_act(self, word: str) -> str | None:
        base = word[len(REPEAT_PREFIX):]
        if not word.startswith(REPEAT_PREFIX) or len(base) < PREFIXED_STEM_LETTERS:
            return None
        pos = Lexicon.parts_of_speech(word)
        if (pos and "VERB" not in pos) or "VERB" not in Lexicon.parts_of_speech(base) or Lexicon.lemma(base) != base:
            return None  # "reaction" names a thing; "re" + "moved" is an inflected "remove"
        if word in Lexicon.kinds(base) or self.nearness(word, base) >= REPEAT_NEARNESS:
            return base
        return None

    def nearness(self, word: str, other: str) -> float:
        """The cosine of the two words' vectors; 0 when either has none (or no model is installed)."""
        a, b = self.vector(word), self.vector(other)
        if a is None or b is None:
            return 0.0
        scale = float((a @ a) ** 0.5 * (b @ b) ** 0.5)
        return float(a @ b) / scale if scale else 0.0

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def _hypernym_row(noun: str) -> tuple[frozenset[str], frozenset[str]]:
        """(the nouns `noun` is a kind of, the nouns that are kinds of it)."""
        row = _table(HYPERNYMS_FILE).get(noun)
        if not row:
            return frozenset(), frozenset()
        up, _, down = row.partition("\t")
        return frozenset(up.split("|")) - {""}, frozenset(down.split("|")) - {""}

    @staticmethod
    def hypernyms(noun: str) -> frozenset[str]:
        """The nouns WordNet names as what `noun` is a kind of, in the first senses of both: a "ferry" is a
        "boat", a "roadblock" an "obstacle", a "senator" a "legislator"."""
        return Lexicon._hypernym_row(noun)[0]

    @staticmethod
    def hyponyms(noun: str) -> frozenset[str]:
        """The nouns WordNet names as kinds of the first sense of `noun` ("ferry" of "boat"): the other way of
        `hypernyms`."""
        return Lexicon._hypernym_row(noun)[1]

    @staticmethod
    def named_kinds_of(noun: str) -> frozenset[str]:
        """The nouns whose `hypernyms` name `noun`: that table read the other way, in any sense of the narrower
        noun, so wider than `hyponyms` (a "minister" is a "diplomat" there, though not a first-sense kind)."""
        row = _hypernyms_read_down().get(noun)
        return frozenset(row.split("|")) if row else frozenset()

    @staticmethod
    def container(noun: str) -> str:
        """"first" when the noun first names a container ("box", "crate"), "other" when a later sense
        does ("case"), else "": a load is counted in what holds it ("55 cases of remains")."""
        return _table(CONTAINERS_FILE).get(noun, "")

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def inchoatives(verb: str) -> frozenset[str]:
        """Verbs WordNet defines, in one of their first senses, as starting `verb`: "operate" -> "open"
        ("start to operate"), "burn" -> "ignite". A fact that something opened says it started operating."""
        return _listed(INCHOATIVES_FILE, verb)

    @staticmethod
    def parts(place: str) -> frozenset[str]:
        """Places inside `place` (WordNet's part holonyms read the other way): "france" -> "lyon"."""
        return _listed(PLACES_FILE, place)

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def wholes(place: str) -> frozenset[str]:
        """Places `place` is part of (the same holonyms): "lyon" -> "france"."""
        return frozenset(whole for whole, row in _table(PLACES_FILE).items() if place in row.split("|"))

    @staticmethod
    def is_place(word: str) -> bool:
        """WordNet's holonyms know `word` as a place, one that holds another or is held by one ("japan",
        "tokyo"): a name, in a question written in lower case too."""
        return bool(Lexicon.parts(word) or Lexicon.wholes(word))

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def travelling() -> frozenset[str]:
        """The words of going somewhere: the verb "travel", its WordNet synonyms ("go", "trip") and the
        ways of doing it ("fly", "return", "visit"). After one, "to" says where the going ends. Not a word
        English reads as an adverb too ("bring it *back* to the table", "all year *round*"): it says no going."""
        words = {TRAVEL} | Lexicon.synonyms(TRAVEL) | Lexicon.kinds(TRAVEL)
        return frozenset(w for w in words if "ADV" not in Lexicon.parts_of_speech(w))

    def vector(self, word: str):  # -> np.ndarray | None
        if self.embedder is None:
            return None
        return self.embedder.word(word)


_PHRASE_PARTS = re.compile(r"([ -])")
"""What `meanings` splits a term at, keeping it: a space, or the hyphen of a term written with one."""


OWNER = "one's"
"""How the vocabulary writes the owner of a noun, as dictionaries write idioms ("*one's* take on"): any
possessive ("his", "Cho's") before the words, which then are the noun, never a verb of the same spelling
(the verb "take on" is to hire or to face). `Lexicon.longest_phrase` is told when one stands before them."""


def _load_phrases(path: Path) -> list[Phrase]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    phrases = []
    for entry in data.get("phrases", []):
        means = tuple(str(entry["means"]).lower().split())
        for form in entry["forms"]:
            owned = str(form).startswith(f"{OWNER} ")
            text = str(form).removeprefix(f"{OWNER} ") if owned else str(form)
            words = word_tokens(text)
            phrases.append(Phrase(words=(OWNER,) * owned + tuple(Lexicon.lemma(w) for w, _ in words), means=means,
                                  joined=(False,) * owned + tuple(hyphen_joined(text, words))))
    return phrases


@functools.lru_cache(maxsize=8)
def _table(path: Path) -> dict[str, str]:
    """A derived data file of word -> words, read once."""
    return _read_table(path)


@functools.cache
def _hypernyms_read_down() -> dict[str, str]:
    """Each noun of the hypernym table -> the nouns that name it as what they are a kind of ("a|b|c", as the
    tables keep their rows: sets of strings would cost some 30 MB), built once when first asked."""
    below: dict[str, list[str]] = {}
    for noun, row in _table(HYPERNYMS_FILE).items():
        for kind in row.partition("\t")[0].split("|"):
            if kind:
                below.setdefault(kind, []).append(noun)
    return {kind: "|".join(nouns) for kind, nouns in below.items()}


def _listed(path: Path, word: str) -> frozenset[str]:
    """The words a derived data file lists for `word` ("a|b|c"), or none."""
    row = _table(path).get(word)
    return frozenset(row.split("|")) if row else frozenset()


def _read_table(path: Path) -> dict[str, str]:
    """A derived data file (`tools/build_*.py`): word -> the rest of its line, split only when asked for."""
    rows = [row for row in gzip.decompress(path.read_bytes()).decode("utf-8").split("\n") if row and row[0] != "#"]
    return dict(map(methodcaller("split", "\t", 1), rows))  # split in C: this is on every start's path


def shortest(word: str) -> tuple[int, str]:
    """The key that orders a word's lemmas shortest first, and alike whatever the hash seed ("send"
    before "sent")."""
    return len(word), word



SPELLING_EDITS = 1
"""How many letters two spellings of one word differ by: one replaced ("defen*s*e", "defen*c*e"), one
left out ("col*ou*r", "color"), or two swapped ("cent*re*", "cent*er*")."""
SPELLING_STEM = 4
"""The letters two spellings of a word share at their start: "pick" and "peck", a letter apart from the
second, are two words."""


def _another_spelling(word: str, other: str) -> bool:
    """`other` spells `word` otherwise: both one word of letters sharing their first letters, a letter
    apart, and not two forms of one word ("lose", "lost", "loose", "loosen")."""
    return (word.isalpha() and other.isalpha() and word[:SPELLING_STEM] == other[:SPELLING_STEM]
            and not (word.startswith(other) or other.startswith(word))  # an ending: "website", "websites"
            and len(word) >= SPELLING_STEM and len(other) >= SPELLING_STEM
            and OSA.distance(word, other) <= SPELLING_EDITS
            and not Lexicon.lemmas(word) & Lexicon.lemmas(other))
