"""The fact model: sources, entities and facts, validated at every boundary.

Everything the bot knows is a `Fact`: one statement that reads well alone, tied to
entities (`subject`, optional `object`), a relation, a topic, absolute dates and a
provenance whose quote can be checked against the source it cites.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timezone
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "MAX_TEXT",
    "Catalogue",
    "Entity",
    "EntityKind",
    "Fact",
    "FactDate",
    "Provenance",
    "Source",
    "Topic",
    "TopicInfo",
    "CatalogueError",
    "Problem",
    "check_fact",
    "check_quote",
    "normalise_quote",
]

MAX_TEXT = 2000
"""Longest statement, quote or value a fact may carry (a chat message's worth)."""

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_RELATION = re.compile(r"^[a-z][a-z0-9_]*$")


class CatalogueError(ValueError):
    """A fact file or a set of facts that does not hold together."""


def _clean_text(value: str) -> str:
    """Normalise whitespace and refuse control characters; keep typography intact."""
    for ch in value:
        if unicodedata.category(ch) == "Cc" and ch not in "\n\t":
            raise ValueError("text must not contain control characters")
    value = " ".join(value.split())
    if not value:
        raise ValueError("text must not be empty")
    if len(value) > MAX_TEXT:
        raise ValueError(f"text must be at most {MAX_TEXT} characters (got {len(value)})")
    return value


def _check_slug(value: str) -> str:
    if not _SLUG.match(value) or len(value) > 80:
        raise ValueError(
            f"{value!r} is not a valid id: use lowercase letters, digits and single hyphens, "
            "at most 80 characters (e.g. us-delegation-leader)"
        )
    return value


def _check_relation(value: str) -> str:
    if not _RELATION.match(value) or len(value) > 40:
        raise ValueError(f"{value!r} is not a valid relation: use lowercase words joined by _ (e.g. led_by)")
    return value


Text = Annotated[str, AfterValidator(_clean_text)]
Slug = Annotated[str, AfterValidator(_check_slug)]
Relation = Annotated[str, AfterValidator(_check_relation)]


class Topic(StrEnum):
    """The topics the curated catalogue ships with, which the briefing composer knows by their
    structure. A fact's topic is any `TopicInfo` id: admins add more (`topic add`)."""

    delegations = "delegations"
    people = "people"
    summit = "summit"
    timeline = "timeline"
    positions = "positions"
    inter_korean = "inter-korean"
    places = "places"
    analysis = "analysis"
    source = "source"


class EntityKind(StrEnum):
    person = "person"
    organisation = "organisation"
    country = "country"
    place = "place"
    event = "event"
    document = "document"
    group = "group"
    concept = "concept"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _check_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value, re.IGNORECASE) or len(value) > 500:
        raise ValueError(f"{value!r} is not a web address: give one starting with https:// (at most 500 characters)")
    return value


Url = Annotated[str, AfterValidator(_check_url)]


class Source(_Model):
    """A document facts are curated from."""

    id: Slug
    title: Text
    outlet: Text
    """Who published it (`publisher=` in chat)."""
    authors: list[Text] = Field(default_factory=list)
    published: date
    url: Url | None = None
    file: str | None = None
    """Path of the source text, relative to the config directory; None for an admin's own word."""
    text: str = Field(default="", repr=False, exclude=True)

    def cite(self) -> str:
        by = f" by {' and '.join(self.authors)}" if self.authors else ""
        return f"{self.outlet}, {self.published:%B} {self.published.day}, {self.published.year}{by}"


class Entity(_Model):
    """A person, organisation, country, place, event or document, with the names people use for it."""

    id: Slug
    name: Text
    kind: EntityKind
    aliases: list[Text] = Field(default_factory=list)
    """Other names: 'DPRK', 'Pyongyang', 'the North'. An alias may be shared by several entities
    ('Kim'); the answerer then treats it as ambiguous."""
    description: Text | None = None

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class TopicInfo(_Model):
    """A part of the briefing facts are filed under: its id, the name shown, and its place."""

    id: Slug
    name: Text
    order: int = Field(default=100, ge=0, le=10_000)
    """Where its section comes in the briefing: lower first; ties by id."""


class FactDate(_Model):
    """An absolute date, resolved against the source's date, with the source's own wording."""

    day: date
    wording: Text | None = None
    """How the source put it: 'on Monday', 'over the weekend', 'next month'."""

    def describe(self) -> str:
        absolute = f"{self.day:%A}, {self.day:%B} {self.day.day}, {self.day.year}"
        return f"{absolute} (\u201c{self.wording}\u201d)" if self.wording else absolute


class Provenance(_Model):
    source: Slug
    quote: Text | None = None
    """The exact words of the source this fact rests on; must occur in the source's text."""
    recorded_at: datetime
    recorded_by: Text

    @field_validator("recorded_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class Fact(_Model):
    id: Slug
    subject: Slug
    """The entity the fact is about."""
    relation: Relation
    object: Slug | None = None
    """The entity on the other side of the relation, when there is one."""
    value: Text | None = None
    """A literal value when the object is not an entity ('June 12', 'open hostility')."""
    statement: Text
    """One sentence that reads well alone and names what it is about."""
    topic: Slug
    """The id of a `TopicInfo` (the curated ones are the members of `Topic`)."""
    dates: list[FactDate] = Field(default_factory=list)
    keywords: list[Text] = Field(default_factory=list)
    """Extra words people may use to ask about this fact (synonyms the statement does not carry)."""
    phrasings: list[Text] = Field(default_factory=list)
    """Questions an admin taught this fact to answer (`fact teach`): the answerer reads them as more
    text of the fact."""
    provenance: Provenance

    @model_validator(mode="after")
    def _object_or_value(self) -> Fact:
        if self.object is not None and self.object == self.subject:
            raise ValueError("a fact's object must differ from its subject")
        return self


def normalise_quote(text: str) -> str:
    """How a quote and its source's text are compared: whitespace runs count as one space."""
    return " ".join(text.split())


def check_quote(quote: str, source: Source) -> str | None:
    """Why `quote` cannot rest on `source` (None when its text holds it, or has no text to check)."""
    if source.text and normalise_quote(quote) not in normalise_quote(source.text):
        return f"its quote does not occur in source {source.id!r}"
    return None


class Catalogue(_Model):
    """A consistent set of sources, entities and facts: every reference resolves, every quote is real."""

    sources: dict[str, Source]
    entities: dict[str, Entity]
    facts: dict[str, Fact]
    topics: dict[str, TopicInfo] = Field(default_factory=dict)
    """Empty means any topic id is accepted (a catalogue without a topics file)."""

    def check(self) -> None:
        """Raise CatalogueError naming every fact that does not resolve or whose quote is not real."""
        problems = []
        for fact in self.facts.values():
            problems.extend(check_fact(fact, sources=self.sources, entities=self.entities, topics=self.topics))
        if problems:
            raise CatalogueError("; ".join(problems))


class Problem(str):
    """One sentence saying why a fact does not fit its catalogue, and the field it is about
    (`topic`, `subject`, `object`, `source`, `quote`): a form shows it on that field."""

    field: str

    def __new__(cls, text: str, *, field: str) -> Problem:
        problem = super().__new__(cls, text)
        problem.field = field
        return problem


def check_fact(
    fact: Fact,
    *,
    sources: dict[str, Source],
    entities: dict[str, Entity],
    topics: dict[str, TopicInfo] | None = None,
) -> list[str]:
    """Why `fact` does not fit the catalogue it joins (empty when it does).

    `topics`, when given and not empty, are the topic ids the fact may be filed under."""
    problems: list[str] = []
    if topics and fact.topic not in topics:
        problems.append(Problem(f"fact {fact.id}: topic {fact.topic!r} is not a known topic "
                                f"({', '.join(sorted(topics))})", field="topic"))
    for role, ref in (("subject", fact.subject), ("object", fact.object)):
        if ref is not None and ref not in entities:
            problems.append(Problem(f"fact {fact.id}: {role} {ref!r} is not a known entity", field=role))
    source = sources.get(fact.provenance.source)
    if source is None:
        problems.append(Problem(f"fact {fact.id}: source {fact.provenance.source!r} is not a known source",
                                field="source"))
    elif fact.provenance.quote:
        problem = check_quote(fact.provenance.quote, source)
        if problem:
            problems.append(Problem(f"fact {fact.id}: {problem}", field="quote"))
    return problems
