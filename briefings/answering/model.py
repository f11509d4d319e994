"""The models each stage of answering hands to the next.

Question -> Linked -> Classified -> Candidates -> Scored -> Decision -> Answer
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field

__all__ = [
    "Answer",
    "Asked",
    "Classified",
    "DateSpan",
    "Event",
    "Linked",
    "Mention",
    "Need",
    "NeedKind",
    "Question",
    "Token",
]


class Answer(BaseModel):
    """What the bot says to a question."""

    question: str
    found: bool
    answer: str
    facts: list[str] = Field(default_factory=list)
    confidence: float = 0.0
    sources: list[str] = Field(default_factory=list)
    hint: str | None = None
    asked: str | None = None
    """What the question was read as asking (who, when, status, small talk, ...)."""
    needs: list[str] = Field(default_factory=list)
    """What a fact had to cover: entity ids, dates and the words of the question (for the log and
    for grouping questions nobody could answer)."""
    nearest: list[tuple[str, float]] = Field(default_factory=list)
    """The best facts that did not reach the threshold, with their scores, when the bot abstained."""
    reading: str | None = None
    """The question as read in full, when it leaned on the one before ("where?" after "when is the
    summit?": "where is the summit?")."""


class Asked(StrEnum):
    """What a question asks for."""

    who = "who"
    where = "where"
    when = "when"
    clock = "clock"
    """What time of day."""
    year = "year"
    how_many = "how many"
    how_much = "how much"
    why = "why"
    how = "how"
    name = "name"
    what = "what"
    yes_no = "yes/no"
    describe = "describe"
    """Tell me about X, who is X."""
    status = "status"
    latest = "latest"
    upcoming = "upcoming"
    changed = "changed"
    small_talk = "small talk"
    foreign = "foreign"
    """A question in another language or script."""


@dataclass(slots=True)
class Token:
    text: str
    """As written ("Hagin", "U")."""
    lower: str
    lemmas: frozenset[str]
    position: int
    capitalised: bool
    """Written with a capital, not at the start of the sentence."""
    possessive: bool = False
    """Written with "'s" after it ("Hagin's"): the word after it is a noun."""
    hyphenated: bool = False
    """Written joined to the word before it by a hyphen ("hang-*ups*"): the two are one compound word."""
    clause: int = 0
    """Which stretch of the message the word is in, counting from 0: a new one starts after a sentence's end
    mark, a dash or an emoji, and at a "but" ("sorry if this is silly *but* is it still on?")."""


@dataclass(slots=True)
class Question:
    text: str
    tokens: list[Token]


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A time the question names: a day, a month, a year, a weekday or a range."""

    label: str
    start: date | None = None
    end: date | None = None
    weekday: int | None = None
    month_day: tuple[int, int] | None = None
    """A day named without its year ("June 12"): any year matches."""
    year: int | None = None
    now: bool = False
    """Said relative to the real today ("today", "now"), not to the story."""
    relative: bool = False
    """Said relative to a day ("this week", "last Friday"), not as a date."""
    month: int | None = None
    """A month named without its year ("in June"): that month of any year matches."""
    day_range: tuple[tuple[int, int], tuple[int, int]] | None = None
    """Days of any year, first and last as (month, day) ("a few days before March 3"): a time reckoned
    from a day named without its year."""
    day_of_month: int | None = None
    """A day named without its month ("the 28th"): that day of any month matches."""
    reckoned: tuple[str, str, tuple[int, int]] | None = None
    """A time reckoned from a day, as (unit, "before" or "after", the day's (month, day)): an undated
    fact that says it so ("days before May 28") is of that time."""

    def covers(self, day: date) -> bool:
        if self.day_range is not None:
            first, last = self.day_range
            at = (day.month, day.day)
            return first <= at <= last if first <= last else (at >= first or at <= last)  # across New Year
        if self.weekday is not None:
            return day.weekday() == self.weekday
        if self.month is not None:
            return day.month == self.month
        if self.day_of_month is not None:
            return day.day == self.day_of_month
        if self.month_day is not None:
            return (day.month, day.day) == self.month_day
        if self.year is not None and self.start is None:
            return day.year == self.year
        return self.start is not None and self.end is not None and self.start <= day <= self.end


@dataclass(slots=True)
class Mention:
    """Entities named in the question, by alias or a close spelling."""

    ids: frozenset[str]
    text: str
    position: int
    span: int
    exact: bool = True


class NeedKind(StrEnum):
    entity = "entity"
    time = "time"
    word = "word"


@dataclass(slots=True)
class Need:
    """One thing a fact must cover to answer the question."""

    kind: NeedKind
    label: str
    position: int
    weight: float = 1.0
    entity_ids: frozenset[str] = frozenset()
    span: DateSpan | None = None
    lemmas: frozenset[str] = frozenset()
    near: dict[str, float] = field(default_factory=dict)
    """Words the store has that mean nearly the same, with how near (0..1)."""
    within: frozenset[str] = frozenset()
    """Places inside the place this word names, as the facts name them ("lyon" of "France")."""
    acting_for: frozenset[str] = frozenset()
    """The places that hold the place this word names, as the facts name them, when the place is the one
    that acts ("how did *Lyon* respond"): a city that acts stands for the government it seats."""
    city: tuple[str, ...] = ()
    """The words of the name, when it names a city of its entity as a place ("where *in Pyongyang*"):
    only a fact that names the city, or a place inside it, puts something there; the country's other
    names ("North Korea") do not."""
    hard: bool = False
    """What is asked about: a fact that does not cover it answers a neighbouring question."""
    excluded: bool = False
    """Named to be set aside ("*besides regime survival*, what does ... want"): a fact about it is not
    the answer."""
    anchor: bool = False
    """In a clause that places what is asked in time ("what did Trump announce *after meeting Kim*"): a
    fact may place it otherwise (by its date, "after the summit"), so missing it is not answering
    another question."""
    relation: bool = False
    """The question's verb: a fact that says another thing of the same people answers another question."""
    done_by: bool = False
    """The relation is what a named entity did ("what did *Choe Son Hui* say"): asked about that act."""
    object_asked: bool = False
    """After "what" and an auxiliary, what the verb is done to is asked ("what did they *sign*"): the
    act is what the question is about."""
    phrasal: bool = False
    """A verb and its particle read as one ("take apart", "put up"): a verb, whatever its place."""
    typed: bool = False
    """The noun right after "what"/"which" ("what *structure* did they demolish"): the kind of thing
    asked for. A fact that says the act asked of the named entities answers it without the noun."""
    known: bool = True
    """Some fact holds the word, or a word near it."""
    narrower: frozenset[str] = frozenset()
    """Words the facts hold, in their statements or names, that name kinds of the thing asked ("minister"
    of "official"): a fact that says one says the thing."""
    degree: bool = False
    """The adjective right after "how" ("how *big* is the delegation"): what is asked is how much of it,
    which a fact gives by a number or by saying the quality itself; a fact about the thing that does
    neither answers another question."""
    name_like: bool = False
    """Written as a name (capitalised inside the sentence) or not an English word: a name the
    question depends on, when no fact holds it."""
    initials: bool = False
    """Written in capitals, two to five letters ("ICBM", "UN"): the first letters of the words a fact may
    spell it out in ("intercontinental ballistic missile", "the United Nations")."""
    of_a_name: bool = False
    """A word no fact says, of the family of a word some name holds ("senators" of "the Senate ..."):
    said by a fact that holds that name."""
    joined: frozenset[str] = frozenset()
    """The store's words that run this word and another the question says together into one, as English
    names an act ("pullback" of "pull back", "fundraising" of "raise funds"): a fact that says one says both."""


@dataclass(slots=True)
class Linked:
    question: Question
    mentions: list[Mention]
    dates: list[tuple[DateSpan, int, int]]
    """Each time the question names, with the token position and length it covers."""
    used: list[bool]
    """Tokens consumed by a mention or a date."""


@dataclass(slots=True)
class Classified:
    linked: Linked
    asked: Asked
    needs: list[Need]
    expected: int = 1
    """How many things the question asks for ("what two things ...")."""
    describe: str | None = None
    """For `Asked.describe`: the entity to describe."""
    described: tuple[str, ...] = ()
    """For `Asked.describe` of two or more at once ("who are A and B?"): each, in the question's order;
    `describe` is then None."""
    subject: frozenset[str] = frozenset()
    """The entity the question's verb is said of ("what does North Korea want": north-korea)."""
    clause: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    """The subject and the verb's lemmas of a clause the question's verb governs, when another entity is
    its subject ("what did the minister say *the union wants*": the union, want): that act is the union's,
    not the minister's."""
    small_talk: str | None = None
    """For `Asked.small_talk`: which reply (greeting, thanks, identity, abilities)."""
    unanswerable: str | None = None
    """Why no fact can answer, when the question's structure already says so (it asks the name of
    someone the sources leave unnamed)."""
    outcome: frozenset[str] = frozenset()
    """The event whose outcome is asked ("what came out of *the conference*"): the answer states what was
    agreed, signed, committed to or decided on its days."""


@dataclass(frozen=True, slots=True)
class Event:
    """The story's main event, as the briefing's headline sees it: what "is it still on?" is about."""

    ids: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    """Lemmas of its names and description ("summit", "trump", "singapore")."""
    name_words: frozenset[str] = frozenset()
    """Lemmas of its names only: a name written in full that only its description holds ("Kim Jong
    Un", of "a summit of Donald Trump and Kim Jong Un") names a party to it, not the event."""
    days: frozenset[date] = frozenset()
