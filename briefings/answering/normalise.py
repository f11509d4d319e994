"""Stage 1: text -> Question. Fold the text, split it into words, and give each word its lemmas."""

from __future__ import annotations

import unicodedata

from rapidfuzz.distance import OSA

from briefings.answering.lexicon import Lexicon, fold, hyphen_joined, unapostrophised, word_tokens
from briefings.answering.model import Question, Token

__all__ = ["MAX_QUESTION_CHARS", "is_foreign_script", "normalise_question"]

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


def normalise_question(text: str, lexicon: Lexicon) -> Question:
    text = " ".join(text.split())[:MAX_QUESTION_CHARS]
    tokens = []
    folded = fold(text)  # the text `word_tokens` reads, offsets and all
    words = [(part, offset) for word, offset in word_tokens(text) for part in unapostrophised(word)]
    kept = words[:MAX_QUESTION_WORDS]
    joined = hyphen_joined(text, kept)
    for position, (word, offset) in enumerate(kept):
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
                possessive=(folded[offset + len(word) : offset + len(word) + 2].lower() == "'s"
                            and lower not in _IS_CONTRACTED),
                hyphenated=joined[position],
            )
        )
    return Question(text=text, tokens=tokens)


def _question_word(word: str) -> str:
    """The question word a mistyped first or last word stands for, or the word itself."""
    if word in QUESTION_WORDS or not word.isalpha() or Lexicon.zipf(word) >= SLIP_ZIPF:
        return word
    close = [w for w in QUESTION_WORDS if OSA.distance(word, w) == 1]
    return close[0] if len(close) == 1 else word
