"""The briefing as data: its sections, its parts, and the labels that go with them.

A `Briefing` holds no prose of its own: every `Entry` is a fact's statement (or, for a change, what
the change did), and the rest is headings, dates and counts. `briefings.compose` builds it and
re-exports all of this; renderers in `bot/render` turn it into text, Block Kit or embeds.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ALL_SECTIONS",
    "Briefing",
    "BriefingSection",
    "Entry",
    "Group",
    "Headline",
    "Section",
    "SummitStatus",
    "countdown",
    "long_date",
    "parse_section",
    "relative_day",
    "short_date",
]


# --- sections -----------------------------------------------------------------------------------


class Section(StrEnum):
    """The parts of a briefing; the values are the names people type in chat (`brief timeline`)."""

    headline = "headline"
    developments = "developments"
    delegations = "delegations"
    people = "people"
    timeline = "timeline"
    positions = "positions"
    inter_korean = "inter-korean"
    topics = "topics"
    """One section per topic admins added (`topic add`), each in its place by the topic's order."""
    changes = "changes"
    sources = "sources"

    @property
    def label(self) -> str:
        """The section's heading: 'Who's who' for `people`."""
        return _TITLES[self]


_TITLES: Mapping[Section, str] = {
    Section.headline: "Headline",
    Section.developments: "Key developments",
    Section.delegations: "Delegations",
    Section.people: "Who's who",
    Section.timeline: "Timeline",
    Section.positions: "Sticking points",
    Section.inter_korean: "Inter-Korean track",
    Section.topics: "More topics",
    Section.changes: "What changed",
    Section.sources: "Sources",
}

ALL_SECTIONS: tuple[Section, ...] = tuple(Section)


def parse_section(name: str) -> Section:
    """The section a person named (any case; `inter_korean` and `inter korean` work too).

    Raises ValueError with a sentence listing the valid names.
    """
    key = "-".join(name.strip().lower().replace("_", " ").split())
    try:
        return Section(key)
    except ValueError:
        names = ", ".join(s.value for s in Section)
        raise ValueError(f"{name.strip() or 'that'!r} is not a briefing section: choose one of {names}.") from None


class SummitStatus(StrEnum):
    scheduled = "scheduled"
    """No fact dated by `as_of` has changed it."""
    off = "off"
    back_on = "back on"
    past = "past"
    """The day it was set for is behind `as_of`, and no fact dated by then called it off."""


# --- the model ----------------------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Entry(_Model):
    """One line of a briefing: a fact's statement (or, in `changes`, what a change did)."""

    text: str
    day: date | None = None
    """The date the line is about, when it has one."""
    fact_ids: list[str] = Field(default_factory=list)
    previous: str | None = None
    """For a correction: the statement before it."""
    reason: str | None = None
    """For a change: why, as the admin gave it."""
    by: str | None = None
    at: datetime | None = None


class Group(_Model):
    """Entries under one heading (no heading: they follow the section title directly)."""

    heading: str | None = None
    day: date | None = None
    entries: list[Entry]


class BriefingSection(_Model):
    section: Section
    title: str
    topic: str | None = None
    """For a `topics` section: the id of the topic it shows."""
    groups: list[Group] = Field(default_factory=list)
    note: str | None = None
    """What to show when there is nothing to report."""

    @property
    def entries(self) -> list[Entry]:
        return [e for g in self.groups for e in g.entries]


class Headline(_Model):
    """Where the summit stands on `as_of`."""

    event: str | None = None
    """The summit's name (None when no fact says when it is)."""
    day: date | None = None
    place: str | None = None
    status: SummitStatus | None = None
    status_since: date | None = None
    days_to_go: int | None = None
    depends_on: list[Entry] = Field(default_factory=list)
    agenda: list[Entry] = Field(default_factory=list)
    history: list[Entry] = Field(default_factory=list)
    """The dated facts that moved the status by `as_of`, oldest first."""
    fact_ids: list[str] = Field(default_factory=list)
    note: str | None = None

    @property
    def when(self) -> str | None:
        """'Tuesday, June 12, 2018 (14 days to go)'."""
        if self.day is None:
            return None
        days = self.days_to_go or 0
        if days < 0 and self.status is SummitStatus.off:  # called off: the day came, the event did not
            return f"{long_date(self.day)} ({relative_day(self.day, self.day - timedelta(days=days))})"
        return f"{long_date(self.day)} ({countdown(days)})"

    @property
    def status_line(self) -> str | None:
        if self.status is None:
            return None
        if self.status is SummitStatus.past:  # as the chat's status answer says it
            return "set for a day now past"
        return f"{self.status.value}, since {long_date(self.status_since)}" if self.status_since else self.status.value


class Briefing(_Model):
    as_of: date
    since: datetime | None = None
    """The previous briefing's time: `changes` lists what happened after it."""
    fact_count: int
    """How many current facts the briefing was composed from."""
    headline: Headline | None = None
    """None when the headline was not asked for."""
    sections: list[BriefingSection] = Field(default_factory=list)

    @property
    def title(self) -> str:
        return f"Briefing for {long_date(self.as_of)}"

    def section(self, section: Section) -> BriefingSection | None:
        return next((s for s in self.sections if s.section == section), None)


# --- labels -------------------------------------------------------------------------------------


def long_date(day: date) -> str:
    """'Tuesday, June 12, 2018'."""
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def short_date(day: date) -> str:
    """'Tue, Jun 12'."""
    return f"{day:%a}, {day:%b} {day.day}"


def relative_day(day: date, as_of: date) -> str:
    """'today', 'tomorrow', 'in 14 days', '5 days ago'."""
    n = (day - as_of).days
    if n == 0:
        return "today"
    if n == 1:
        return "tomorrow"
    if n == -1:
        return "yesterday"
    return f"in {n} days" if n > 0 else f"{-n} days ago"


def countdown(days_to_go: int) -> str:
    """'14 days to go', '1 day to go', 'today', 'took place 3 days ago'."""
    if days_to_go == 0:
        return "today"
    if days_to_go > 0:
        return f"{days_to_go} day{'s' if days_to_go != 1 else ''} to go"
    return f"took place {-days_to_go} day{'s' if days_to_go != -1 else ''} ago"
