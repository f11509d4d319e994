"""Stage 1: text -> Question. Fold the text, split it into words, and give each word its lemmas."""

from __future__ import annotations

import unicodedata

from briefings.answering.lexicon import Lexicon, word_tokens
from briefings.answering.model import Question, Token

__all__ = ["MAX_QUESTION_CHARS", "is_foreign_script", "normalise_question"]

MAX_QUESTION_CHARS = 400
"""A question longer than this is read from its first part: nobody asks in ten thousand characters."""
MAX_QUESTION_WORDS = 40


def is_foreign_script(text: str) -> bool:
    """Most letters of `text` are not Latin: a question in another script."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin < len(letters) / 2


def normalise_question(text: str, lexicon: Lexicon) -> Question:
    text = " ".join(text.split())[:MAX_QUESTION_CHARS]
    tokens = []
    for position, (word, offset) in enumerate(word_tokens(text)[:MAX_QUESTION_WORDS]):
        lower = word.lower()
        tokens.append(
            Token(
                text=word,
                lower=lower,
                lemmas=lexicon.lemmas(lower),
                position=position,
                capitalised=position > 0 and word[:1].isupper() and offset > 0,
            )
        )
    return Question(text=text, tokens=tokens)
