"""What a question asks, read off its words: question-type nouns, counts, verbs and qualifiers,
and the pure tests a fact's text is held to (a count, a time of day, a cause, a proper name).

The index (`briefings.answer`) uses these to decide what a question needs; nothing here knows the facts.
"""

from __future__ import annotations

import re

from briefings.text import GENERIC, concept, tokens

__all__ = [
    "CAUSAL",
    "CLOCK",
    "COUNT_WORDS",
    "EVENT_WORDS",
    "SOURCE_WORDS",
    "TYPE_NOUNS",
    "has_quantity",
    "is_proper",
    "qualified_away",
    "verb_at",
]

COUNT_WORDS = {"two": 2, "both": 2, "three": 3}
EVENT_WORDS = {"happen", "happens", "happened", "happening", "do", "does", "did", "doing", "done"}
TYPE_NOUNS = {
    "city": "where", "country": "where", "place": "where", "location": "where", "town": "where", "venue": "where",
    "day": "when", "date": "when", "month": "when", "time": "clock",
    "person": "who", "man": "who", "woman": "who", "individual": "who", "organisation": "who", "organization": "who",
    "group": "who", "institution": "who", "agency": "who", "body": "who",
    "building": "where", "buildings": "where", "site": "where",
    "cities": "where", "countries": "where", "places": "where", "days": "when", "dates": "when",
    "years": "year", "year": "year",
    "people": "who", "persons": "who", "men": "who",
    # vague nouns that only say "something": what is asked is in the rest of the question
    "matter": "what", "matters": "what", "quality": "what", "qualities": "what", "aspect": "what",
    "aspects": "what", "kind": "what", "type": "what", "types": "what", "sort": "what", "thing": "what",
    "things": "what", "branch": "what", "side": "what", "part": "what", "detail": "what", "details": "what",
    "feature": "what", "features": "what",
}
SOURCE_WORDS = {concept(w) for w in ("article", "story", "report", "source", "sources", "write", "author",
                                       "journal", "wsj", "publish", "email", "map", "person", "quoted", "unnamed")}


_DATE_TEXT = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?(?:, \d{4})?|\b(?:19|20)\d\d\b"
    r"|[A-Za-z]-\d+|\d+-\d+", re.IGNORECASE)


_NOT_BEFORE_VERB = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "for", "of", "in",
                    "on", "to", "at", "with", "about", "from", "by", "into", "after", "before"}


_NOUN_ENDINGS = ("er", "ers", "or", "ors", "ion", "ions", "ment", "ments", "ship", "ance", "ence", "ist", "ists")


def verb_at(toks: list[str], i: int) -> bool:
    """Whether the word at `i` reads as the question's verb rather than a noun or a clause
    ("the meeting", "the leaders")."""
    word = toks[i]
    if len(word) > 4 and word.endswith(_NOUN_ENDINGS):
        return False
    return i == 0 or toks[i - 1] not in _NOT_BEFORE_VERB


_QUALIFIERS = {"former", "deputy", "vice", "acting", "assistant", "ex", "late", "interim", "outgoing", "would-be"}


def qualified_away(statement: str, asked: set[str], said: set[str]) -> bool:
    """Whether the fact qualifies a word the question asks about in a way the question does not:
    "the current ambassador" is not "the former ambassador"; "chief of staff" is not "deputy chief of staff"."""
    words = tokens(statement)
    for k in range(len(words) - 1):
        if words[k] in _QUALIFIERS and words[k] not in said:
            if any(concept(w) in asked for w in words[k + 1 : k + 4] if w not in GENERIC):
                return True
    return False


def is_proper(name: str) -> bool:
    """A name of someone in particular ("Choe Son Hui"), not a description ("a senior Seoul official")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in {"of", "the", "for", "in", "and", "to", "at"}]
    return bool(words) and all(w[0].isupper() for w in words)


CLOCK = re.compile(r"\b\d{1,2}(:\d\d)?\s*(a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d\d\b|\bnoon\b|\bmidnight\b|\bo'clock\b", re.I)
CAUSAL = re.compile(r"\b(citing|cited|because|due to|over|in exchange|reason|so that|in order to|blamed|angered|anger at)\b",
                     re.IGNORECASE)
_COUNT = re.compile(
    r"\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?)"
    r"\s+(?:[a-z-]+\s+)?[a-z]+s\b")


def has_quantity(text: str) -> bool:
    """Whether `text` counts something ("two things", "3,000 troops"), not counting dates and years."""
    return bool(_COUNT.search(_DATE_TEXT.sub(" ", text)))
