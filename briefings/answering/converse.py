"""Answers that come from the briefing rather than from one fact: where the summit stands, the latest,
what comes next, what changed since a day, who or what something is, and small talk.

Everything is read from the same composition the daily briefing uses (`briefings.compose`), so the
chat answer and the briefing never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import cached_property

from briefings.answering.facts import FactOutline, FactTable
from briefings.answering.model import Answer, Asked, Classified, NeedKind
from briefings.answering.phrase import MAX_ANSWER_CHARS, NO_FACT, cite, needs_of
from briefings.briefing import Entry, Headline, Section, SummitStatus, long_date
from briefings.compose import HEADLINE_RELATIONS, build_briefing, development_days, is_event
from briefings.digest import next_event_days, next_events, status_headline
from briefings.models import Catalogue, Entity, EntityKind, Fact, Source

__all__ = ["Briefed", "converse"]

MAX_ITEMS = 3
MAX_PAST_FACTS = 2
"""How many facts dated on a past event's day the status answer quotes."""
_REPLIES = {
    "greeting": "Hello! I keep this team briefed on {scope}. Ask me a question, for example \u201c{example}\u201d, "
                "or type `help` for the commands.",
    "thanks": "You\u2019re welcome. Ask me anything else about {scope}, or type `help` for the commands.",
    "acknowledgement": "OK. Ask me anything about {scope} when you need it, or type `help` for the commands.",
    "farewell": "Goodbye! Ask me about {scope} whenever you need to, or type `help` for the commands.",
    "identity": "I\u2019m briefbot: I answer questions about {scope} from a curated fact store, with sources, and "
                "post a daily briefing. Try \u201c{example}\u201d, or type `help`.",
    "abilities": "I answer questions about {scope} (who, what, when, where, the status, the latest), post a daily "
                 "briefing (`brief`, `subscribe`), and admins keep the facts current (`fact add`, `fact edit`). "
                 "Try \u201c{example}\u201d, or type `help` for every command.",
    "empty": "Ask me a question about {scope}, for example \u201c{example}\u201d, or type `help`.",
}


class Briefed:
    """What the answers below read off the whole store as of its story day, each part composed on first
    need and kept: build one per state of the facts and ask it any number of questions.

    The parts are chosen from the facts' outlines, and composed over only the facts they can use (the
    headline's relations, the days the next events and the latest developments can fall on): a store
    of 100,000 facts never has every `Fact` made at once."""

    def __init__(self, table: FactTable, *, sources: Mapping[str, Source], story_day: date) -> None:
        self._table = table
        self.sources = sources
        self.story_day = story_day

    @property
    def entities(self) -> Mapping[str, Entity]:
        return self._table.entities

    def fact(self, fact_id: str) -> Fact | None:
        return self._table.fact(fact_id)

    def _catalogue(self, keep: Callable[[FactOutline], bool]) -> Catalogue:
        """The sources, the entities and the facts `keep` chooses by their outlines."""
        facts = {o.id: self._table.fact(o.id) for o in self._table.outlines() if keep(o)}
        return Catalogue.model_construct(sources=dict(self.sources), entities=dict(self._table.entities), facts=facts)

    @cached_property
    def headline(self) -> Headline:
        return status_headline(self._catalogue(lambda o: o.relation in HEADLINE_RELATIONS), self.story_day)

    @cached_property
    def upcoming(self) -> list[Entry]:
        outlines = ((o.topic, o.relation, o.days) for o in self._table.outlines())
        days = next_event_days(outlines, self.story_day, limit=MAX_ITEMS)
        return next_events(self._catalogue(lambda o: not days.isdisjoint(o.days)), self.story_day, limit=MAX_ITEMS)

    @cached_property
    def developments(self) -> list[Entry]:
        """The newest developments first, as the briefing lists them."""
        day = self.story_day
        days = development_days(((o.topic, o.relation, o.days) for o in self._table.outlines()), day)
        catalogue = self._catalogue(lambda o: max((d for d in o.days if d <= day), default=None) in days)
        section = build_briefing(catalogue, [], as_of=day, sections={Section.developments}).section(Section.developments)
        return section.entries[:MAX_ITEMS] if section else []

    @cached_property
    def on_event_day(self) -> list[str]:
        """The ids of the events dated the headline's day, other than the headline's own facts, in the
        store's order: what the status quotes once that day is past. Read once per state of the facts."""
        day = self.headline.day
        return [o.id for o in self._table.outlines() if day in o.days and o.relation not in HEADLINE_RELATIONS
                and is_event(o.topic, o.relation)]

    @cached_property
    def after_event(self) -> list[Entry]:
        """The first event dated after the headline's day, up to the story's day: what the status says
        came next once that day is past (the next events as the digest would have listed them then)."""
        day, story_day = self.headline.day, self.story_day
        if day is None:
            return []
        outlines = ((o.topic, o.relation, tuple(d for d in o.days if d <= story_day)) for o in self._table.outlines())
        days = next_event_days(outlines, day, limit=1)
        return next_events(self._catalogue(lambda o: not days.isdisjoint(o.days)), day, limit=1)

    @cached_property
    def about(self) -> dict[str, list[str]]:
        """Entity id -> the ids of the facts whose subject or object it is, in the store's order."""
        found: dict[str, list[str]] = {}
        for o in self._table.outlines():
            for entity_id in dict.fromkeys((o.subject, o.object)):
                if entity_id is not None:
                    found.setdefault(entity_id, []).append(o.id)
        return found


def converse(classified: Classified, *, briefed: Briefed, today: date, scope: str) -> Answer:
    asked = classified.asked
    question = classified.linked.question.text
    if asked is Asked.small_talk:
        text = _REPLIES[classified.small_talk or "empty"].format(scope=scope, example=_example(briefed))
        if classified.small_talk in {None, "empty"}:  # nothing asked: no fact, and a hint of what to ask
            return Answer(question=question, found=False, answer=NO_FACT, hint=text, asked=asked.value)
        return Answer(question=question, found=True, answer=text, confidence=1.0, asked=asked.value)
    if asked is Asked.describe and classified.described:
        facts, text = _describe_each(briefed, classified.described)
    elif asked is Asked.describe:
        facts, text = _describe(briefed, classified.describe or "",
                                said={t.lower for t in classified.linked.question.tokens})
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
    text, facts = _fit(text, facts)
    return Answer(question=question, found=True, answer=text, facts=[f.id for f in facts], confidence=1.0,
                  sources=cite(facts, briefed.sources), asked=asked.value, needs=needs_of(classified))


def _fit(text: str, facts: list[Fact]) -> tuple[str, list[Fact]]:
    """The text cut to about MAX_ANSWER_CHARS where a quoted statement ends (a full stop inside one, as in
    "the U.S. side", is no place to cut), and the facts it still quotes: a fact cut off is not cited."""
    limit = MAX_ANSWER_CHARS + 60
    if len(text) <= limit:
        return text, facts
    spans = {f.id: (start, start + len(f.statement)) for f in facts if (start := text.find(f.statement)) >= 0}
    ends = [end for _, end in spans.values() if end <= limit]
    if ends:
        cut = text[: max(ends)]
    else:  # no whole statement fits: the last sentence end that is not an abbreviation's
        head = text[:limit]
        stops = [i for i in range(len(head) - 1) if head[i] == "." and head[i + 1] == " "
                 and head[: i + 1].split()[-1].count(".") == 1]
        cut = head[: stops[-1] + 1] if stops else head.rsplit(" ", 1)[0] + "…"
    return cut, [f for f in facts if f.id not in spans or spans[f.id][1] <= len(cut)]


def _example(briefed: Briefed) -> str:
    headline = briefed.headline
    if headline and headline.event:
        return f"when is the {headline.event}?"
    return "what's the latest?"


def _status(briefed: Briefed) -> tuple[list[Fact], str]:
    headline = briefed.headline
    if headline is None or headline.event is None:
        return [], ""
    if headline.day is not None and headline.day < briefed.story_day and headline.status is not SummitStatus.off:
        return _past(briefed, headline)
    parts = [f"The {headline.event} is {headline.status.value if headline.status else 'scheduled'}"
             + (f" (since {long_date(headline.status_since)})" if headline.status_since else "")
             + (f", for {long_date(headline.day)}" if headline.day else "")
             + (f" in {headline.place}" if headline.place else "") + "."]
    used = _facts(briefed, headline.fact_ids[:2])
    for entry in headline.history[-2:]:
        parts.append(entry.text)
        used.extend(_facts(briefed, entry.fact_ids))
    return _unique(used), " ".join(parts)


def _past(briefed: Briefed, headline: Headline) -> tuple[list[Fact], str]:
    """The event's day is behind the newest facts: say so, as the briefing's countdown does ("took place
    ... ago"), with what the facts dated that day say of it, and the first event dated after it."""
    day = headline.day
    said = _facts(briefed, briefed.on_event_day[:MAX_PAST_FACTS])
    text = (f"The {headline.event} was set for {long_date(day)}" + (f", in {headline.place}" if headline.place else "")
            + f", a day now past (the newest facts are of {long_date(briefed.story_day)}).")
    then = " ".join(f.statement for f in said[:1 if briefed.after_event else MAX_PAST_FACTS])
    parts = [text, f"On that day: {then}" if then else "No fact says what happened that day."]
    after = briefed.after_event[:1]
    if after:
        said = said[:1] + _facts(briefed, after[0].fact_ids)
        day_said = after[0].day is None or f"{after[0].day:%B} {after[0].day.day}" in after[0].text
        parts.append(f"Next: {after[0].text}" if day_said else f"Next, on {long_date(after[0].day)}: {after[0].text}")
    return _unique(_facts(briefed, headline.fact_ids[:2]) + said), " ".join(parts)


def _facts(briefed: Briefed, fact_ids: list[str]) -> list[Fact]:
    """The facts of these ids the store holds, in that order."""
    return [fact for fact in map(briefed.fact, fact_ids) if fact is not None]


def _latest(briefed: Briefed, classified: Classified, today: date) -> tuple[list[Fact], str]:
    story_day = briefed.story_day
    entries = briefed.developments
    facts = _facts(briefed, [i for e in entries for i in e.fact_ids])
    lead = ""
    if any(n.kind is NeedKind.time for n in classified.needs):
        lead = f"Nothing is dated {long_date(today)}; the latest, as of {long_date(story_day)}: "
    return _unique(facts), lead + " ".join(e.text for e in entries)


def _upcoming(briefed: Briefed) -> tuple[list[Fact], str]:
    story_day = briefed.story_day
    entries = briefed.upcoming
    if not entries:
        return [], f"No fact is dated after {long_date(story_day)}."
    facts = _facts(briefed, [i for e in entries for i in e.fact_ids])
    return _unique(facts), " ".join(_dated_line(e.day, e.text) if e.day else e.text for e in entries)


def _since(briefed: Briefed, classified: Classified) -> tuple[list[Fact], str]:
    span = next(n.span for n in classified.needs if n.kind is NeedKind.time)
    start = span.start or date.min
    if start > briefed.story_day:  # "since yesterday", when the newest facts are older: say so, and what they are
        facts = _facts(briefed, [i for e in briefed.developments for i in e.fact_ids])
        since = "" if span.end == start and "since" not in span.label else "since "
        lead = f"Nothing is dated {since}{long_date(start)}; the latest, as of {long_date(briefed.story_day)}: "
        return _unique(facts), lead + " ".join(e.text for e in briefed.developments) if facts else ""
    entries = [e for e in briefed.developments if e.day is not None and e.day >= start]
    if not entries:
        return [], ""
    facts = _facts(briefed, [i for e in entries for i in e.fact_ids])
    return _unique(facts), " ".join(_dated_line(e.day, e.text) if e.day else e.text for e in entries)


def _dated_line(day: date, statement: str) -> str:
    if f"{day:%B} {day.day}" in statement:
        return statement
    return f"{long_date(day)}: {statement}"


def _describe(briefed: Briefed, entity_id: str, *, said: set[str] | None = None) -> tuple[list[Fact], str]:
    """The entity's description and the two facts about it that say most: a fact whose relation is a
    word the question `said` ("what is X *about*") first, then the latest."""
    entity: Entity | None = briefed.entities.get(entity_id)
    if entity is None:
        return [], ""
    about = _facts(briefed, briefed.about.get(entity_id, []))
    said = said or set()
    if entity.kind is EntityKind.document:
        said = said | {"about"}  # a document is told by what it is about, before who wrote it and when
    about.sort(key=lambda f: (f.subject == entity_id and f.relation in said,
                              max((d.day for d in f.dates), default=date.min), f.subject == entity_id), reverse=True)
    chosen = about[:2]
    parts = [f"{entity.name}: {entity.description}" if entity.description else entity.name]
    parts += [f.statement for f in chosen]
    if not chosen and not entity.description:
        return [], ""
    return chosen, " ".join(parts)


def _describe_each(briefed: Briefed, entity_ids: tuple[str, ...]) -> tuple[list[Fact], str]:
    """"Who are A and B?": a line for each, its description, or the fact about it that `_describe`
    would give first when it has none; nothing when one of them has neither (half an answer is none)."""
    facts: list[Fact] = []
    lines: list[str] = []
    for entity_id in entity_ids:
        entity = briefed.entities.get(entity_id)
        if entity is None:
            return [], ""
        if entity.description:
            lines.append(f"{entity.name}: {entity.description}")
            continue
        chosen, _ = _describe(briefed, entity_id)
        if not chosen:
            return [], ""
        facts.append(chosen[0])
        lines.append(chosen[0].statement)
    return facts, "\n".join(lines)


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: dict[str, Fact] = {}
    for f in facts:
        seen.setdefault(f.id, f)
    return list(seen.values())
