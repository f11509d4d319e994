"""Answers that come from the briefing rather than from one fact: where the summit stands, the latest,
what comes next, what changed since a day, who or what something is, and small talk.

Everything is read from the same composition the daily briefing uses (`briefings.compose`), so the
chat answer and the briefing never disagree.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from briefings.answering.model import Answer, Asked, Classified, NeedKind
from briefings.answering.phrase import MAX_ANSWER_CHARS, NO_FACT, cite, needs_of
from briefings.briefing import Entry, Headline, Section, long_date
from briefings.compose import build_briefing
from briefings.digest import next_events, status_headline
from briefings.models import Catalogue, Entity, Fact

__all__ = ["Briefed", "converse"]

MAX_ITEMS = 3
_REPLIES = {
    "greeting": "Hello! I keep this team briefed on {scope}. Ask me a question, for example \u201c{example}\u201d, "
                "or type `help` for the commands.",
    "thanks": "You\u2019re welcome. Ask me anything else about {scope}, or type `help` for the commands.",
    "identity": "I\u2019m briefbot: I answer questions about {scope} from a curated fact store, with sources, and "
                "post a daily briefing. Try \u201c{example}\u201d, or type `help`.",
    "abilities": "I answer questions about {scope} (who, what, when, where, the status, the latest), post a daily "
                 "briefing (`brief`, `subscribe`), and admins keep the facts current (`fact add`, `fact edit`). "
                 "Try \u201c{example}\u201d, or type `help` for every command.",
    "empty": "Ask me a question about {scope}, for example \u201c{example}\u201d, or type `help`.",
}


class Briefed:
    """What the answers below read off the whole store as of its story day, each part composed on first
    need and kept: build one per state of the facts and ask it any number of questions."""

    def __init__(self, catalogue: Catalogue, story_day: date) -> None:
        self.catalogue = catalogue
        self.story_day = story_day

    @cached_property
    def headline(self) -> Headline:
        return status_headline(self.catalogue, self.story_day)

    @cached_property
    def upcoming(self) -> list[Entry]:
        return next_events(self.catalogue, self.story_day, limit=MAX_ITEMS)

    @cached_property
    def developments(self) -> list[Entry]:
        """The newest developments first, as the briefing lists them."""
        section = build_briefing(self.catalogue, [], as_of=self.story_day,
                                 sections={Section.developments}).section(Section.developments)
        return section.entries[:MAX_ITEMS] if section else []

    @cached_property
    def dated(self) -> list[tuple[date, Fact]]:
        return _dated(self.catalogue)

    @cached_property
    def about(self) -> dict[str, list[Fact]]:
        """Entity id -> the facts whose subject or object it is, in the catalogue's order."""
        found: dict[str, list[Fact]] = {}
        for f in self.catalogue.facts.values():
            for entity_id in dict.fromkeys((f.subject, f.object)):
                if entity_id is not None:
                    found.setdefault(entity_id, []).append(f)
        return found


def converse(classified: Classified, *, briefed: Briefed, today: date, scope: str) -> Answer:
    asked = classified.asked
    question = classified.linked.question.text
    catalogue, story_day = briefed.catalogue, briefed.story_day
    if asked is Asked.small_talk:
        text = _REPLIES[classified.small_talk or "empty"].format(scope=scope, example=_example(briefed))
        if classified.small_talk in {None, "empty"}:  # nothing asked: no fact, and a hint of what to ask
            return Answer(question=question, found=False, answer=NO_FACT, hint=text, asked=asked.value)
        return Answer(question=question, found=True, answer=text, confidence=1.0, asked=asked.value)
    if asked is Asked.describe:
        facts, text = _describe(briefed, classified.describe or "")
    elif asked is Asked.status:
        facts, text = _status(briefed)
    elif asked is Asked.upcoming:
        facts, text = _upcoming(briefed)
    elif asked is Asked.changed:
        facts, text = _since(briefed, classified)
    else:
        facts, text = _latest(briefed, classified, today)
    if not facts and not (asked is Asked.describe and text):
        return Answer(question=question, found=False, answer=NO_FACT, asked=asked.value, needs=needs_of(classified),
                      hint=text or None)
    return Answer(question=question, found=True, answer=_fit(text), facts=[f.id for f in facts], confidence=1.0,
                  sources=cite(facts, catalogue.sources), asked=asked.value, needs=needs_of(classified))


def _fit(text: str) -> str:
    if len(text) <= MAX_ANSWER_CHARS + 60:
        return text
    cut = text[: MAX_ANSWER_CHARS + 60].rsplit(". ", 1)[0]
    return cut + "."


def _example(briefed: Briefed) -> str:
    headline = briefed.headline
    if headline and headline.event:
        return f"when is the {headline.event}?"
    return "what's the latest?"


def _status(briefed: Briefed) -> tuple[list[Fact], str]:
    headline, catalogue = briefed.headline, briefed.catalogue
    if headline is None or headline.event is None:
        return [], ""
    parts = [f"The {headline.event} is {headline.status.value if headline.status else 'scheduled'}"
             + (f" (since {long_date(headline.status_since)})" if headline.status_since else "")
             + (f", for {long_date(headline.day)}" if headline.day else "")
             + (f" in {headline.place}" if headline.place else "") + "."]
    used = [catalogue.facts[i] for i in headline.fact_ids[:2] if i in catalogue.facts]
    for entry in headline.history[-2:]:
        parts.append(entry.text)
        used.extend(catalogue.facts[i] for i in entry.fact_ids if i in catalogue.facts)
    return _unique(used), " ".join(parts)


def _dated(catalogue: Catalogue) -> list[tuple[date, Fact]]:
    return sorted(((d.day, f) for f in catalogue.facts.values() for d in f.dates[-1:]), key=lambda p: (p[0], p[1].id))


def _latest(briefed: Briefed, classified: Classified, today: date) -> tuple[list[Fact], str]:
    catalogue, story_day = briefed.catalogue, briefed.story_day
    entries = briefed.developments
    facts = [catalogue.facts[i] for e in entries for i in e.fact_ids if i in catalogue.facts]
    lead = ""
    if any(n.kind is NeedKind.time for n in classified.needs):
        lead = f"Nothing is dated {long_date(today)}; the latest, as of {long_date(story_day)}: "
    return _unique(facts), lead + " ".join(e.text for e in entries)


def _upcoming(briefed: Briefed) -> tuple[list[Fact], str]:
    catalogue, story_day = briefed.catalogue, briefed.story_day
    entries = briefed.upcoming
    if not entries:
        return [], f"No fact is dated after {long_date(story_day)}."
    facts = [catalogue.facts[i] for e in entries for i in e.fact_ids if i in catalogue.facts]
    return _unique(facts), " ".join(_dated_line(e.day, e.text) if e.day else e.text for e in entries)


def _since(briefed: Briefed, classified: Classified) -> tuple[list[Fact], str]:
    span = next(n.span for n in classified.needs if n.kind is NeedKind.time)
    start = span.start or date.min
    chosen = [(d, f) for d, f in briefed.dated if start <= d <= briefed.story_day][-MAX_ITEMS:]
    if not chosen:
        return [], ""
    return [f for _, f in chosen], " ".join(_dated_line(d, f.statement) for d, f in reversed(chosen))


def _dated_line(day: date, statement: str) -> str:
    if f"{day:%B} {day.day}" in statement:
        return statement
    return f"{long_date(day)}: {statement}"


def _describe(briefed: Briefed, entity_id: str) -> tuple[list[Fact], str]:
    entity: Entity | None = briefed.catalogue.entities.get(entity_id)
    if entity is None:
        return [], ""
    about = list(briefed.about.get(entity_id, ()))
    about.sort(key=lambda f: (max((d.day for d in f.dates), default=date.min), f.subject == entity_id), reverse=True)
    chosen = about[:2]
    parts = [f"{entity.name}: {entity.description}" if entity.description else entity.name]
    parts += [f.statement for f in chosen]
    if not chosen and not entity.description:
        return [], ""
    return chosen, " ".join(parts)


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: dict[str, Fact] = {}
    for f in facts:
        seen.setdefault(f.id, f)
    return list(seen.values())
