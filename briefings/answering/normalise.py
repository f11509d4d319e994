"""Stage 1: text -> Question. Fold the text, split it into words, and give each word its lemmas."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Container

from rapidfuzz.distance import OSA

from briefings.answering.lexicon import Lexicon, fold, hyphen_joined, unapostrophised, word_tokens
from briefings.answering.model import Question, Token

__all__ = ["MAX_QUESTION_CHARS", "is_foreign_script", "normalise_question", "read_words"]

MAX_QUESTION_CHARS = 400
"""A question longer than this is read from its first part: nobody asks in ten thousand characters."""
MAX_QUESTION_WORDS = 40
QUESTION_WORDS = ("what", "who", "where", "when", "why", "which", "how")
SLIP_ZIPF = 3.6
"""A first or last word rarer than this in English, one keystroke from a question word ("wat", "wher",
"hw"), is that question word mistyped: a question word opens a question or, left in place, ends it
("she said wat")."""


def is_foreign_script(text: str) -> bool:
    """Most letters of `text` are not Latin: a question in another script."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin < len(letters) / 2


SHORTHAND_QUESTION_WORDS = {"y": "why"}
"""Chat shorthand for a question word, read as that word where it opens a question of more words ("y did
he leave"): a lone letter is no slip of the keyboard, and no word of English opens a question as "y"."""


_IS_CONTRACTED = frozenset({"who", "what", "where", "when", "why", "how", "it", "he", "she", "that", "there", "here"})
"""Words whose "'s" is "is" ("who's", "it's"), not a possessive."""


def normalise_question(text: str, lexicon: Lexicon, *, as_written: Callable[[str], bool] = lambda word: False,
                       chat_words: Container[str] = frozenset()) -> Question:
    """The question's words, each with its lemmas. Chat shorthand is read as the words it stands for
    ("r u gonna" -> "are you going to") and a drawn-out word as the word drawn out ("sooo", "hii"),
    unless `as_written` says the word is one to keep (a word the store knows, a chat cue of its own);
    `chat_words` are the chat cues."""
    text = " ".join(text.split())[:MAX_QUESTION_CHARS]
    tokens = []
    folded = fold(text)  # the text `word_tokens` reads, offsets and all
    kept = read_words(text, as_written=as_written, chat_words=chat_words)
    clause = 0
    for position, (word, offset, end, hyphened) in enumerate(kept):
        if position > 0 and (_ends_a_clause(text[kept[position - 1][2] : offset], after=kept[position - 1][0])
                             or word.lower() == "but"):
            clause += 1
        lower = word.lower()
        if position == 0 and len(kept) > 1:
            lower = SHORTHAND_QUESTION_WORDS.get(lower, lower)
        if position == 0 or position == len(kept) - 1:
            lower = _question_word(lower)
        tokens.append(
            Token(
                text=word,
                lower=lower,
                lemmas=lexicon.lemmas(lower),
                position=position,
                capitalised=position > 0 and word[:1].isupper() and offset > 0,
                possessive=(folded[end : end + 2].lower() == "'s" and lower not in _IS_CONTRACTED
                            or _PLURAL_POSSESSIVE.match(folded, end) is not None and lower.endswith("s")),
                hyphenated=hyphened,
                clause=clause,
            )
        )
    return Question(text=text, tokens=tokens)


_PLURAL_POSSESSIVE = re.compile(r"'(?![\w'])")
"""An apostrophe that ends a word in "s" ("the leaders*'* meeting"): the plural's possessive, as "'s" is
the singular's."""
_CLAUSE_ENDS = re.compile(r"[.?!;]\s|\s[-\u2013\u2014]+\s")
"""A sentence's end mark before a space (not the stops of "U.S."), or a dash set apart by spaces ("the
summit - is it on?")."""


def _ends_a_clause(between: str, *, after: str) -> bool:
    """The text between two words ends a stretch of the message: an end mark, a dash, or an emoji (a symbol
    that is no letter, such as a smile, closes what was said as a full stop does). A stop after a single
    letter is an initial's ("the U.S. summit")."""
    if len(after) == 1 and between.startswith("."):
        between = between[1:]
    return bool(_CLAUSE_ENDS.search(between)) or any(unicodedata.category(ch) == "So" for ch in between)


_EXPLETIVES = frozenset({"hell", "heck", "fuck", "f", "frick", "devil", "dickens", "deuce", "blazes"})
"""The nouns of English's emphatic question ("what *the hell* is it", "who *the devil* said so")."""
_EMPHATIC_PHRASES = (("on", "earth"), ("in", "the", "world"), ("tf",))
"""The other emphases a question word takes ("what *on earth*", "why *in the world*", chat's "who *tf*")."""
EMPHATIC_QUESTION_WORDS = {"wtf": "what", "wth": "what"}
"""A question word written together with its emphasis ("wtf is X": "what the f... is X")."""


def _without_emphasis(words: list[tuple[str, int, int, bool]]) -> list[tuple[str, int, int, bool]]:
    """The words without the emphasis after a question word ("who *the hell* is X", "what *on earth*"),
    which asks nothing more, and with a question word written together with its emphasis as the question
    word ("wtf is X" is "what is X")."""
    out: list[tuple[str, int, int, bool]] = []
    lowers = [w[0].lower() for w in words]
    i = 0
    while i < len(words):
        word = (EMPHATIC_QUESTION_WORDS.get(lowers[i], words[i][0]), *words[i][1:])
        out.append(word)
        i += 1
        if word[0].lower() not in QUESTION_WORDS:
            continue
        if lowers[i : i + 1] == ["the"] and i + 1 < len(lowers) and lowers[i + 1] in _EXPLETIVES:
            i += 2
            continue
        for phrase in _EMPHATIC_PHRASES:
            if tuple(lowers[i : i + len(phrase)]) == phrase:
                i += len(phrase)
                break
    return out


_EMOJI_SHORTCODE = re.compile(r"(?<![\w:])(?::[a-z0-9_+\-]*[a-z+][a-z0-9_+\-]*:)+(?!\w)", re.I)
"""An emoji as chat apps write it, by its shortcode between colons (":wave:", ":+1:", ":wave::skin-tone-2:"): a
picture, as the emoji itself is, and no words of the message ("hiya :wave:" is "hiya"). A time ("10:30") is no
shortcode: a code holds a letter or a "+"."""


_EMOJI = re.compile(_EMOJI_SHORTCODE.pattern + r"|[^\x00-\x7f]", re.I)


def _emoji_names(text: str) -> list[tuple[str, int, int, bool]]:
    """A message of emoji alone, read as what they picture: a shortcode as its words (":waving_hand:" is
    "waving hand"), a pictograph as its Unicode name (Python's `unicodedata`: "\U0001f44b" is "waving hand
    sign"); a skin tone is no word. What a greeting's or a thanks' emoji says is a cue in config/intents.yaml."""
    out: list[tuple[str, int, int, bool]] = []
    for m in _EMOJI.finditer(text):
        if m.group().startswith(":"):
            codes = [c for c in m.group().strip(":").split("::") if not c.lower().startswith("skin-tone")]
            words = [w for code in codes for w in re.split(r"[_\-]+", code.lower()) if w.isalnum()]
        elif unicodedata.category(m.group()) == "So":
            words = unicodedata.name(m.group(), "").lower().split()
        else:
            words = []
        out.extend((w, m.start(), m.end(), False) for w in words)
    return out[:MAX_QUESTION_WORDS]


def read_words(text: str, *, as_written: Callable[[str], bool] = lambda word: False,
               chat_words: Container[str] = frozenset()) -> list[tuple[str, int, int, bool]]:
    """The words a question's text is read as (see `normalise_question`), each with where the written
    word it reads starts and ends in `text`, and whether a hyphen joins it to the word before: a reading
    that rewrites the question ("whats", "gonna") is put back in the text where its written word stood."""
    written = text
    text = _EMOJI_SHORTCODE.sub(lambda m: " " * len(m.group()), text)  # offsets kept: the code's place is blank
    folded = fold(text)
    words = [(part, offset) for word, offset in word_tokens(text) for part in unapostrophised(word)]
    if not words:
        return _emoji_names(written)
    words = words[:MAX_QUESTION_WORDS]
    joined = hyphen_joined(text, words)
    kept: list[tuple[str, int, int, bool]] = []
    for (word, offset), hyphened in zip(words, joined):
        reading = () if hyphened or as_written(word.lower()) else (
            _shorthand(word, offset, folded, opening=not kept) or _drawn_out(word, chat_words) or _dropped_g(word))
        for k, part in enumerate(reading or (word,)):
            kept.append((part, offset, offset + len(word), hyphened and k == 0))
    return _without_emphasis(kept)[:MAX_QUESTION_WORDS]


def _shorthand(word: str, offset: int, folded: str, *, opening: bool) -> tuple[str, ...]:
    """The words the chat shorthand `word` stands for, or none. Shorthand is typed in lowercase (capitalised
    only to open a message, or all in capitals from three letters: "Thx", "IDK"); "US" or "NK" written so is
    a name. A letter before a full stop is an initial ("u.s."), not a word."""
    lower = word.lower()
    if not (word.islower() or opening and word[:1].isupper() and word[1:].islower() or word.isupper() and len(word) >= 3):
        return ()
    if len(word) == 1 and folded[offset + 1 : offset + 2] == ".":
        return ()
    return Lexicon.shorthand(lower)


_DRAWN_OUT = re.compile(r"([a-z])\1\1+")
"""A letter typed three times or more: how chat draws a word out ("heyyy", "sooo")."""
_DOUBLED_LAST = re.compile(r"([a-z])\1$")
"""A last letter typed twice ("hii", "okk")."""
_RUN = re.compile(r"([a-z])\1+")
_MOST_RUNS = 4
"""The most runs of a letter a drawn-out word is read through (each cut to one letter or two: 16 ways)."""


def _drawn_out(word: str, chat_words: Container[str]) -> tuple[str, ...]:
    """The word a drawn-out one stands for ("thanksss" -> "thanks", "sooo" -> "so"), when `word` is no
    word of the dictionary and, with its repeated letters cut to two or to one, it is one, or one of
    `chat_words`; else none. A last letter typed twice is read so only into one of `chat_words` ("hii" ->
    "hi"): "scott" is a name before it is a "scot", "hee" a slip in a name before it is "he"."""
    lower = word.lower()
    drawn = bool(_DRAWN_OUT.search(lower))
    if not (drawn or _DOUBLED_LAST.search(lower)) or Lexicon.parts_of_speech(lower):
        return ()
    runs = [m.group() for m in _RUN.finditer(lower)]
    if len(runs) > _MOST_RUNS:
        return ()
    parts = _RUN.split(lower)[::2]  # the letters between the runs
    ways = [(run[0], run[0] * 2) for run in runs]
    found = {"".join(itertools.chain.from_iterable(zip(parts, [*cut, ""]))) for cut in itertools.product(*ways)}
    found = [w for w in found if w != lower and (w in chat_words or drawn and Lexicon.parts_of_speech(w))]
    return (max(found, key=lambda w: (Lexicon.zipf(w), w)),) if found else ()


def _dropped_g(word: str) -> tuple[str, ...]:
    """An "-ing" written "-in" as it is said ("goin", "happenin"), when the word, in lowercase, is no word
    of the dictionary and with its "g" it is a form of a verb; else none ("Stalin" is a name)."""
    lower = word.lower()
    if word != lower or not lower.endswith("in") or len(lower) < 4 or Lexicon.parts_of_speech(lower):
        return ()
    return (lower + "g",) if "VERB" in Lexicon.parts_of_speech(lower + "g") else ()


def _question_word(word: str) -> str:
    """The question word a mistyped first or last word stands for, or the word itself."""
    if word in QUESTION_WORDS or not word.isalpha() or Lexicon.zipf(word) >= SLIP_ZIPF:
        return word
    close = [w for w in QUESTION_WORDS if OSA.distance(word, w) == 1]
    return close[0] if len(close) == 1 else word
