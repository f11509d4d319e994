"""The structured briefing: where the summit process stands, composed only from the facts.

Nothing here is written about the story. Every line of a briefing is a fact's statement; the code
only chooses, groups and orders facts by their structure (relation, topic, subject, object and
dates), and adds headings and labels. The conventions it reads are the relations below: a fact
`scheduled_for` on topic `summit` names the summit and its date, `held_at` its place,
`conditional_on` what it depends on, and the relations in `STATUS_RELATIONS` move its status.

`compose_briefing(store, as_of=..., since=...)` reads the store; `build_briefing` is the pure part
over a catalogue and a list of changes, for tests and for callers that already hold the facts.
The model (`Briefing`, `Section`, `parse_section`...) lives in `briefings.briefing` and is
re-exported here: import everything about briefings from this module.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date, datetime, timezone
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from briefings.briefing import (
    ALL_SECTIONS,
    Briefing,
    BriefingSection,
    Entry,
    Group,
    Headline,
    Section,
    SummitStatus,
    countdown,
    long_date,
    parse_section,
    relative_day,
    short_date,
)
from briefings.models import Catalogue, EntityKind, Fact, Topic, TopicInfo
from briefings.store import FactStore, FactVersion

__all__ = [
    "ALL_SECTIONS",
    "Briefing",
    "BriefingSection",
    "Change",
    "ChangeKind",
    "Entry",
    "HEADLINE_RELATIONS",
    "Group",
    "Headline",
    "Section",
    "SummitStatus",
    "build_briefing",
    "compose_briefing",
    "countdown",
    "merge_entries",
    "merge_statements",
    "changes_after",
    "recent_changes",
    "development_days",
    "is_event",
    "reports_an_act",
    "long_date",
    "parse_section",
    "relative_day",
    "short_date",
    "summarise_changes",
]


# --- the conventions the composer reads ---------------------------------------------------------

DATE_RELATION = "scheduled_for"
"""On topic `summit`: the fact naming the summit (its subject) and its date."""
PLACE_RELATION = "held_at"
AGENDA_RELATION = "agenda"
CONDITION_RELATIONS = frozenset({"conditional_on", "depends_on"})
LEADER_RELATION = "led_by"
ROLE_RELATION = "role"
STICKING_POINT_RELATION = "sticking_point"

STATUS_RELATIONS: Mapping[str, SummitStatus] = {
    "withdrew_from": SummitStatus.off,
    "pulled_out_of": SummitStatus.off,
    "cancelled": SummitStatus.off,
    "called_off": SummitStatus.off,
    "postponed": SummitStatus.off,
    "appeared_to_collapse": SummitStatus.off,
    "revived": SummitStatus.back_on,
    "reinstated": SummitStatus.back_on,
    "rescheduled": SummitStatus.back_on,
    "made_conciliatory_statement": SummitStatus.back_on,
}
"""Relations that, with the summit as subject or object, say it is off or back on. The latest such
fact dated on or before `as_of` sets the status; undated ones cannot say when, so they do not."""
HEADLINE_RELATIONS = frozenset({DATE_RELATION, PLACE_RELATION, AGENDA_RELATION, *CONDITION_RELATIONS,
                                *STATUS_RELATIONS})
"""Every relation the headline reads: the headline of only the facts with one of these is the headline
of them all (for a store too big to make every `Fact` of at once)."""

_DESCRIPTIVE_TOPICS = frozenset({Topic.people, Topic.places})
"""Topics whose dated facts mostly describe (who one is, what a place was the site of): one of them
reports something that happened only when its relation says an act (`reports_an_act`)."""
_POSITION_TOPICS = frozenset({Topic.positions, Topic.analysis})
_TOPIC_ORDER = [Topic.summit, Topic.timeline, Topic.delegations, Topic.inter_korean, Topic.positions, Topic.analysis]
_SECTION_TOPICS: Mapping[Section, str] = {
    Section.delegations: Topic.delegations, Section.people: Topic.people, Section.timeline: Topic.timeline,
    Section.positions: Topic.positions, Section.inter_korean: Topic.inter_korean,
}
"""The sections that show a curated topic: a topic admins add is placed among them by its order."""
_OWN_SECTIONS = frozenset({*_SECTION_TOPICS.values(), Topic.summit, Topic.analysis, Topic.places, Topic.source})
"""Topics the built-in sections cover; every other topic (an admin's) gets a section of its own."""
_ISSUE_KINDS = frozenset({EntityKind.concept})
_TRACK_KINDS = frozenset({EntityKind.event, EntityKind.document})

MAX_DEVELOPMENTS = 12
OTHER_HEADING = "Also"


def _heading(name: str) -> str:
    return name[:1].upper() + name[1:]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- changes ------------------------------------------------------------------------------------


class ChangeKind(StrEnum):
    added = "added"
    corrected = "corrected"
    retired = "retired"
    restored = "restored"


_CHANGE_HEADINGS: Mapping[ChangeKind, str] = {
    ChangeKind.added: "Added",
    ChangeKind.corrected: "Corrected",
    ChangeKind.retired: "Retired",
    ChangeKind.restored: "Restored",
}


class Change(_Model):
    """The net effect on one fact of every change recorded in a window."""

    kind: ChangeKind
    fact: Fact
    previous: Fact | None = None
    reason: str | None = None
    by: str
    at: datetime


def summarise_changes(versions: list[FactVersion], *, retired_before: Mapping[str, bool]) -> list[Change]:
    """What the versions in a window did to each fact, net: an edit then another is one correction
    (first statement -> last), an addition then a retirement is nothing. Seeds are left out.

    `retired_before[fact_id]` is whether the fact was retired before the window's first version of
    it (needed for facts the window did not create). Oldest change first.
    """
    by_fact: dict[str, list[FactVersion]] = defaultdict(list)
    for v in versions:
        if v.action != "seed":
            by_fact[v.fact_id].append(v)
    changes = []
    for fact_id, window in by_fact.items():
        first, last = window[0], window[-1]
        reason = next((v.reason for v in reversed(window) if v.reason), None)
        common = {"fact": last.fact, "reason": reason, "by": last.actor, "at": last.at}
        if first.version == 1:
            if not last.retired:
                changes.append(Change(kind=ChangeKind.added, **common))
            continue
        before, was_retired = first.previous, retired_before.get(fact_id, False)
        if not was_retired and last.retired:
            changes.append(Change(kind=ChangeKind.retired, **common))
        elif was_retired and not last.retired:
            changed = before is not None and before != last.fact
            changes.append(Change(kind=ChangeKind.restored, previous=before if changed else None, **common))
        elif not last.retired and before is not None and before != last.fact:
            changes.append(Change(kind=ChangeKind.corrected, previous=before, **common))
    return sorted(changes, key=lambda c: c.at)


# --- composition --------------------------------------------------------------------------------


async def recent_changes(store: FactStore, *, since: datetime | None) -> list[Change]:
    """What was added, corrected, retired or restored after `since`, net, oldest first (None: nothing,
    there is no earlier briefing to compare with)."""
    if since is None:
        return []
    return await _net_changes(store, await store.changes_since(since))


async def changes_after(store: FactStore, revision: int, *, upto: int) -> list[Change]:
    """What was added, corrected, retired or restored by the versions committed after `revision`
    and at `upto` or before (the store's revisions), net, oldest first."""
    return await _net_changes(store, await store.changes_after(revision, upto=upto))


async def _net_changes(store: FactStore, versions: list[FactVersion]) -> list[Change]:
    """`summarise_changes` of `versions`, reading what each fact was before its first one."""
    retired_before: dict[str, bool] = {}
    firsts: dict[str, FactVersion] = {}
    for v in versions:
        firsts.setdefault(v.fact_id, v)
    for fact_id, first in firsts.items():
        if first.version > 1 and first.action != "seed":
            history = await store.history(fact_id)
            earlier = [h for h in history if h.version == first.version - 1]
            retired_before[fact_id] = bool(earlier and earlier[0].retired)
    return summarise_changes(versions, retired_before=retired_before)


async def compose_briefing(
    store: FactStore,
    *,
    as_of: date,
    since: datetime | None = None,
    sections: Collection[Section] = ALL_SECTIONS,
) -> Briefing:
    """The briefing on `as_of` from the store's current facts; `changes` covers what was recorded
    after `since` (None: there is no earlier briefing to compare with)."""
    catalogue = await store.catalogue()
    changes = await recent_changes(store, since=since) if Section.changes in sections else []
    return build_briefing(catalogue, changes, as_of=as_of, since=since, sections=sections)


def build_briefing(
    catalogue: Catalogue,
    changes: list[Change],
    *,
    as_of: date,
    since: datetime | None = None,
    sections: Collection[Section] = ALL_SECTIONS,
) -> Briefing:
    """The briefing over `catalogue` (its current facts) and `changes`. Pure."""
    facts = _Facts(catalogue)
    builders: dict[Section, Callable[[], BriefingSection]] = {
        Section.developments: lambda: _developments(facts, as_of),
        Section.delegations: lambda: _delegations(facts),
        Section.people: lambda: _people(facts),
        Section.timeline: lambda: _timeline(facts, as_of),
        Section.positions: lambda: _positions(facts),
        Section.inter_korean: lambda: _inter_korean(facts),
        Section.changes: lambda: _changes(changes, since),
        Section.sources: lambda: _sources(facts),
    }
    wanted = set(sections)
    built = [builders[s]() for s in Section if s in wanted and s in builders]
    if Section.topics in wanted:
        built += _topic_sections(facts, alone=wanted == {Section.topics})
    return Briefing(
        as_of=as_of,
        since=since,
        fact_count=len(catalogue.facts),
        headline=_headline(facts, as_of) if Section.headline in wanted else None,
        sections=sorted((_merged(s, facts) for s in built), key=lambda s: _section_rank(s, catalogue.topics)),
    )


def _section_rank(section: BriefingSection, topics: Mapping[str, TopicInfo]) -> tuple[int, int, str]:
    """Built-in sections in their order; a topic admins added right after the built-in section whose
    topic comes last at or before it (by the topics' `order`), or before them all."""
    if section.topic is None:
        return (list(Section).index(section.section), 0, "")
    topic = topics.get(section.topic)
    order = topic.order if topic else 10_001
    placed = [(t.order, s) for s, tid in _SECTION_TOPICS.items() if (t := topics.get(tid)) and t.order <= order]
    after = max(placed)[1] if placed else Section.developments
    return (list(Section).index(after), 1 + order, section.topic)


def _topic_sections(facts: _Facts, *, alone: bool) -> list[BriefingSection]:
    """A section per topic no built-in section covers, its facts oldest first; when it is asked for
    alone and there is none, one section saying so."""
    sections = []
    for topic in sorted(facts.catalogue.topics.values(), key=lambda t: (t.order, t.id)):
        chosen = [f for f in facts.all if f.topic == topic.id]
        if topic.id not in _OWN_SECTIONS and chosen:
            sections.append(BriefingSection(section=Section.topics, title=topic.name, topic=topic.id,
                                            groups=[Group(entries=_chronological(chosen))]))
    if not sections and alone:
        sections.append(_section(Section.topics, [], note="No fact is filed under a topic added by admins."))
    return sections


class _Facts:
    """The catalogue with the look-ups composition needs."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.all = sorted(catalogue.facts.values(), key=lambda f: f.id)
        self.mentions = Counter(e for f in self.all for e in (f.subject, f.object) if e)

    def name(self, entity_id: str | None) -> str:
        if entity_id is None:
            return ""
        entity = self.catalogue.entities.get(entity_id)
        return entity.name if entity else entity_id

    def kind(self, entity_id: str | None) -> EntityKind | None:
        entity = self.catalogue.entities.get(entity_id) if entity_id else None
        return entity.kind if entity else None

    def published(self, fact: Fact) -> date:
        source = self.catalogue.sources.get(fact.provenance.source)
        return source.published if source else date.min


def _entry(fact: Fact, *, day: date | None = None) -> Entry:
    return Entry(text=fact.statement, day=day, fact_ids=[fact.id])


def _last_day(fact: Fact, as_of: date | None = None) -> date | None:
    """The fact's latest date (on or before `as_of`, when given)."""
    days = [d.day for d in fact.dates if as_of is None or d.day <= as_of]
    return max(days) if days else None


def _topic_rank(fact: Fact) -> int:
    return _TOPIC_ORDER.index(fact.topic) if fact.topic in _TOPIC_ORDER else len(_TOPIC_ORDER)


def _within_day(fact: Fact) -> tuple[bool, int, str]:
    """What is scheduled for a day first, then by topic."""
    return (fact.relation != DATE_RELATION, _topic_rank(fact), fact.id)


def _scheduled_day(fact: Fact) -> date | None:
    if fact.dates:
        return fact.dates[0].day
    try:
        return date.fromisoformat(fact.value or "")
    except ValueError:
        return None


def _headline(facts: _Facts, as_of: date) -> Headline:
    scheduled = [f for f in facts.all if f.relation == DATE_RELATION and f.topic == Topic.summit]
    if not scheduled:
        return Headline(note="No fact says when the summit is to be held.")
    # the newest word on the date wins (a rescheduling cites a later source)
    date_fact = max(scheduled, key=lambda f: (facts.published(f), f.provenance.recorded_at, f.id))
    summit = date_fact.subject
    day = _scheduled_day(date_fact)
    place_fact = next((f for f in facts.all if f.subject == summit and f.relation == PLACE_RELATION), None)
    place = facts.name(place_fact.object) if place_fact and place_fact.object else (place_fact.value if place_fact else None)

    status_facts = [
        f for f in facts.all if f.relation in STATUS_RELATIONS and summit in (f.subject, f.object)
    ]
    dated = sorted(
        ((d, f) for f in status_facts if (d := _last_day(f, as_of)) is not None), key=lambda p: (p[0], p[1].id)
    )
    status, since = SummitStatus.scheduled, None
    if dated:
        since, latest = dated[-1]
        status = STATUS_RELATIONS[latest.relation]
    if day is not None and day < as_of and status is not SummitStatus.off:
        status, since = SummitStatus.past, day  # its day is behind: "back on" says nothing of it now
    history = [_entry(f, day=d) for d, f in dated]
    depends_on = [] if status is SummitStatus.past else [_entry(f) for f in facts.all if f.relation in CONDITION_RELATIONS]
    agenda = [_entry(f) for f in facts.all if f.subject == summit and f.relation == AGENDA_RELATION]
    used = [date_fact, *([place_fact] if place_fact else [])]
    return Headline(
        event=facts.name(summit),
        day=day,
        place=place,
        status=status,
        status_since=since,
        days_to_go=(day - as_of).days if day else None,
        depends_on=depends_on,
        agenda=agenda,
        history=history,
        fact_ids=[f.id for f in used] + [i for e in (*depends_on, *agenda, *history) for i in e.fact_ids],
    )


def is_event(topic: str, relation: str) -> bool:
    """A fact of this topic and relation reports something that happened or is to happen, not who one
    is nor what a place is: every fact of a story topic; of a descriptive topic (people, places) one
    whose relation says an act ("appointed", "met at"), whichever topic an admin filed it under; never
    one about the source itself (its dates are the reporting's, not the story's)."""
    if topic == Topic.source:
        return False
    return topic not in _DESCRIPTIVE_TOPICS or reports_an_act(relation)


@functools.lru_cache(maxsize=4096)
def reports_an_act(relation: str) -> bool:
    """The relation opens with a verb in a form other than its base, as a report of an act does:
    "met", "appointed_envoy", "resigned_from", "stayed_at" (the shipped lemma data says which words
    are verbs and what their base is); not a noun ("role", "site_of") nor a bare verb."""
    from briefings.answering.lexicon import Lexicon, words_of  # here: the answering package imports this module

    words = words_of(relation.replace("_", " "))
    head = words[0].lower() if words else ""
    return "VERB" in Lexicon.parts_of_speech(head) and Lexicon.lemmas(head) != {head}


def development_days(facts: Iterable[tuple[str, str, Iterable[date]]], as_of: date) -> set[date]:
    """The days the developments up to `as_of` can be drawn from, given each fact's topic, relation and days.

    They are taken newest day first, and every day gives at least one (its first fact's subject is new
    that day), so no day before the MAX_DEVELOPMENTS latest is reached: the section over only the facts
    whose latest day up to `as_of` is one of these is the section over them all."""
    latest = {max(past) for topic, relation, days in facts
              if is_event(topic, relation) and (past := [d for d in days if d <= as_of])}
    return set(sorted(latest, reverse=True)[:MAX_DEVELOPMENTS])


def _developments(facts: _Facts, as_of: date) -> BriefingSection:
    """The most recent dated facts up to `as_of`, newest first, one per subject and day."""
    candidates = sorted(
        ((d, f) for f in facts.all if is_event(f.topic, f.relation) and (d := _last_day(f, as_of)) is not None),
        key=lambda p: (-p[0].toordinal(), _topic_rank(p[1]), p[1].id),
    )
    seen: set[tuple[date, str]] = set()
    entries = []
    for day, fact in candidates:
        if (day, fact.subject) in seen:
            continue
        seen.add((day, fact.subject))
        entries.append(_entry(fact, day=day))
        if len(entries) == MAX_DEVELOPMENTS:
            break
    return _section(Section.developments, [Group(entries=entries)] if entries else [],
                    note=f"No fact is dated on or before {long_date(as_of)}.")


def _delegations(facts: _Facts) -> BriefingSection:
    leads = [f for f in facts.all if f.relation == LEADER_RELATION and f.object]
    groups, used = [], set()
    for lead in sorted(leads, key=lambda f: (-facts.mentions[f.subject], facts.name(f.subject))):
        if lead.id in used:
            continue
        about = [lead] + [
            f for f in facts.all
            if f.topic == Topic.delegations and f.subject == lead.subject and f.id != lead.id and f.id not in used
        ]
        used.update(f.id for f in about)
        groups.append(Group(heading=f"{_heading(facts.name(lead.subject))}: led by {facts.name(lead.object)}",
                            entries=[_entry(f) for f in about]))
    rest = [f for f in facts.all if f.topic == Topic.delegations and f.id not in used]
    if rest:
        groups.append(Group(heading=OTHER_HEADING if groups else None, entries=_chronological(rest)))
    return _section(Section.delegations, groups, note="No fact names a delegation or its leader.")


def _people(facts: _Facts) -> BriefingSection:
    roles = [f for f in facts.all if f.relation == ROLE_RELATION and facts.kind(f.subject) == EntityKind.person]
    roles.sort(key=lambda f: (-facts.mentions[f.subject], facts.name(f.subject).lower(), f.id))
    return _section(Section.people, [Group(entries=[_entry(f) for f in roles])] if roles else [],
                    note="No fact gives anyone's role.")


def _timeline(facts: _Facts, as_of: date) -> BriefingSection:
    by_day: dict[date, list[Fact]] = defaultdict(list)
    for f in facts.all:
        if is_event(f.topic, f.relation):
            for d in sorted({d.day for d in f.dates}):
                by_day[d].append(f)
    groups = [
        Group(heading=f"{long_date(d)} ({relative_day(d, as_of)})", day=d,
              entries=[_entry(f, day=d) for f in sorted(by_day[d], key=_within_day)])
        for d in sorted(by_day)
    ]
    undated = [f for f in facts.all if f.topic == Topic.timeline and not f.dates]
    if undated:
        groups.append(Group(heading="Date not given", entries=[_entry(f) for f in undated]))
    return _section(Section.timeline, groups, note="No fact is dated.")


def _positions(facts: _Facts) -> BriefingSection:
    def issue(f: Fact) -> str | None:
        return next((e for e in (f.subject, f.object) if facts.kind(e) in _ISSUE_KINDS), None)

    chosen = [f for f in facts.all if f.topic in _POSITION_TOPICS or (f.topic == Topic.summit and issue(f))]

    def order(f: Fact) -> tuple[bool, bool, str, str]:
        return (f.relation != STICKING_POINT_RELATION, facts.kind(f.subject) != EntityKind.country,
                facts.name(f.subject), f.id)

    groups = _grouped(chosen, key=issue, heading=lambda e: _heading(facts.name(e)), order=order,
                      rank=lambda e, fs: (-len(fs), facts.name(e).lower()))
    return _section(Section.positions, groups, note="No fact gives either side's position.")


def _inter_korean(facts: _Facts) -> BriefingSection:
    def track(f: Fact) -> str | None:
        return next((e for e in (f.subject, f.object) if facts.kind(e) in _TRACK_KINDS), None)

    def first_day(fs: list[Fact]) -> date:
        days = [d.day for f in fs for d in f.dates]
        return min(days) if days else date.max

    chosen = [f for f in facts.all if f.topic == Topic.inter_korean]
    groups = _grouped(chosen, key=track, heading=lambda e: _heading(facts.name(e)),
                      order=lambda f: (_last_day(f) or date.max, f.id),
                      rank=lambda e, fs: (first_day(fs), -len(fs), facts.name(e).lower()))
    return _section(Section.inter_korean, groups, note="No fact is about the inter-Korean track.")


def _changes(changes: list[Change], since: datetime | None) -> BriefingSection:
    if since is None:
        return _section(Section.changes, [], note="No earlier briefing to compare with.")
    groups = []
    for kind in ChangeKind:
        entries = [
            Entry(text=c.fact.statement, fact_ids=[c.fact.id], by=c.by, at=c.at, reason=c.reason,
                  previous=c.previous.statement if c.previous and c.previous.statement != c.fact.statement else None)
            for c in changes if c.kind == kind
        ]
        if entries:
            groups.append(Group(heading=_CHANGE_HEADINGS[kind], entries=entries))
    at = since.astimezone(timezone.utc)
    return _section(Section.changes, groups,
                    note=f"No fact was added, corrected or retired since {long_date(at.date())}, {at:%H:%M} UTC.")


def _sources(facts: _Facts) -> BriefingSection:
    counts = Counter(f.provenance.source for f in facts.all)
    entries = []
    for source_id, n in sorted(counts.items(), key=lambda p: (-p[1], p[0])):
        source = facts.catalogue.sources.get(source_id)
        if source is None:
            continue
        text = f"\u201c{source.title}\u201d, {source.cite()} ({n} fact{'s' if n != 1 else ''})"
        entries.append(Entry(text=text))
    return _section(Section.sources, [Group(entries=entries)] if entries else [], note="No source is cited.")


# --- merging what says the same thing ---------------------------------------------------------

MIN_SHARED_WORDS = 3
"""Statements that open with at least this many words in common are merged into one sentence."""
_CLAUSE_MARKS = ",;:"


def _merged(section: BriefingSection, facts: _Facts) -> BriefingSection:
    """The section with each group's entries merged where they say the same thing (`merge_entries`)."""
    if section.section == Section.changes:
        return section  # each change is its own story: who, when and why
    groups = [g.model_copy(update={"entries": merge_entries(g.entries, facts.catalogue.facts,
                                                            published=facts.published)})
              for g in section.groups]
    return section.model_copy(update={"groups": groups})


def merge_entries(entries: list[Entry], facts: Mapping[str, Fact], *,
                  published: Callable[[Fact], date] = lambda f: date.min) -> list[Entry]:
    """Entries with one entry for the facts that say the same thing: the same subject, relation
    and date. Their statements are merged when they open alike ("The talks are expected to discuss
    X" and "... discuss Y" read "... discuss X, and Y"); otherwise the stronger one (the newer
    source, then the fuller statement) stands for them all, carrying every fact id. Undated facts
    and entries that are not one fact's statement are left as they are. Order is kept (the first
    of each kind holds the place)."""
    slots: dict[tuple[str, str, tuple[date, ...]], list[Entry]] = {}
    order: list[list[Entry]] = []
    for entry in entries:
        fact = facts.get(entry.fact_ids[0]) if len(entry.fact_ids) == 1 else None
        days = (entry.day,) if entry.day is not None else tuple(sorted({d.day for d in fact.dates})) if fact else ()
        if fact is None or not days or entry.previous is not None or entry.by is not None:
            order.append([entry])
            continue
        key = (fact.subject, fact.relation, days)
        if key in slots:
            slots[key].append(entry)
        else:
            slots[key] = [entry]
            order.append(slots[key])
    return [same[0] if len(same) == 1 else _merge(same, facts, published) for same in order]


def _merge(same: list[Entry], facts: Mapping[str, Fact], published: Callable[[Fact], date]) -> Entry:
    ids = [i for e in same for i in e.fact_ids]
    text = merge_statements([e.text for e in same])
    if text is None:
        strongest = max(same, key=lambda e: (published(facts[e.fact_ids[0]]), len(e.text)))
        text = strongest.text
    return same[0].model_copy(update={"text": text, "fact_ids": ids})


def merge_statements(statements: list[str]) -> str | None:
    """One sentence for statements that open with the same words (at least MIN_SHARED_WORDS):
    the shared opening, then each one's rest, joined by commas and a final "and". None when they
    do not open alike."""
    words = [s.split() for s in statements]
    n = 0
    while all(len(w) > n + 1 for w in words) and len({w[n] for w in words}) == 1:
        n += 1
    core = words[0][n].rstrip(_CLAUSE_MARKS) if all(len(w) > n + 1 for w in words) else ""
    if core and all(w[n].rstrip(_CLAUSE_MARKS) == core for w in words):
        # "Moon Jae-in, who met ..." and "Moon Jae-in noted ...": the name is shared, the comma is not
        shared = [*words[0][:n], core]
        rests = [(w[n][len(core):] + " " + " ".join(w[n + 1:])).strip() for w in words]
    else:
        shared = words[0][:n]
        rests = [" ".join(w[n:]) for w in words]
    if len(shared) < MIN_SHARED_WORDS or any(not r for r in rests):
        return None
    rests.sort(key=lambda r: r[0] not in _CLAUSE_MARKS)  # a rest opening a clause must follow the words
    parts = [_without_full_stop(r) for r in rests[:-1]] + [rests[-1].lstrip(_CLAUSE_MARKS + " ")]
    parts[1:-1] = [p.lstrip(_CLAUSE_MARKS + " ") for p in parts[1:-1]]
    first = parts[0] if parts[0][0] in _CLAUSE_MARKS else " " + parts[0]
    middle = "".join(f", {p}" for p in parts[1:-1])
    return f"{' '.join(shared)}{first}{middle}, and {parts[-1]}"


def _without_full_stop(text: str) -> str:
    """The text without its closing full stop (kept after an abbreviation such as U.S.)."""
    last = text.split()[-1]
    return text[:-1] if text.endswith(".") and last.count(".") == 1 else text


# --- helpers ------------------------------------------------------------------------------------


def _section(section: Section, groups: list[Group], *, note: str) -> BriefingSection:
    return BriefingSection(section=section, title=section.label, groups=groups, note=None if groups else note)


def _chronological(fs: Iterable[Fact]) -> list[Entry]:
    return [_entry(f) for f in sorted(fs, key=lambda f: (_last_day(f) or date.max, f.id))]


def _grouped(
    fs: list[Fact],
    *,
    key: Callable[[Fact], str | None],
    heading: Callable[[str], str],
    order: Callable[[Fact], tuple],
    rank: Callable[[str, list[Fact]], tuple],
) -> list[Group]:
    """Facts grouped by `key` (an entity id), groups by `rank`, the ungrouped last under 'Also'."""
    by_key: dict[str, list[Fact]] = defaultdict(list)
    rest: list[Fact] = []
    for f in fs:
        k = key(f)
        (by_key[k] if k else rest).append(f)
    groups = [
        Group(heading=heading(k), entries=[_entry(f) for f in sorted(members, key=order)])
        for k, members in sorted(by_key.items(), key=lambda p: rank(*p))
    ]
    if rest:
        groups.append(Group(heading=OTHER_HEADING if groups else None,
                            entries=[_entry(f) for f in sorted(rest, key=order)]))
    return groups

