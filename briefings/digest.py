"""The daily digest: what a person reads at 08:00, in one screen. The full briefing is its detail.

A `Digest` answers three questions: is it on (the status headline), what changed since this
channel's previous briefing, and what comes next (the next dated events); then it names the three
most important developments. Like the briefing, it holds no prose of its own: every item is a
fact's statement (merged where facts say the same thing) with dates and labels.

Each part is a plain function over the catalogue, returning models, so that an answer to "what's
the latest" or "is the summit still on" can reuse them:

- `status_headline(catalogue, as_of)` -> `Headline`
- `what_changed(store, since=...)` -> `ChangeWindow` (and `changes_for_channel` for a channel)
- `next_events(catalogue, as_of)` -> `list[Entry]`
- `top_developments(catalogue, as_of)` -> `list[Entry]`
- `build_digest` / `compose_digest` -> `Digest`; `compose_edition` -> `Edition` (digest + briefing)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from briefings.compose import (
    ALL_SECTIONS,
    Briefing,
    Change,
    ChangeKind,
    Entry,
    Headline,
    _Facts,
    _headline,
    _last_day,
    _topic_rank,
    _within_day,
    build_briefing,
    is_event,
    long_date,
    merge_entries,
    changes_after,
    recent_changes,
)
from briefings.deliveries import DeliveryLedger
from briefings.models import Catalogue, EntityKind, Fact
from briefings.store import FactStore

__all__ = [
    "MAX_CHANGES",
    "MAX_NEXT_EVENTS",
    "TOP_DEVELOPMENTS",
    "ChangeWindow",
    "Digest",
    "DigestChange",
    "Edition",
    "build_digest",
    "changes_for_channel",
    "compose_digest",
    "compose_edition",
    "next_event_days",
    "next_events",
    "status_headline",
    "top_developments",
    "what_changed",
]

MAX_CHANGES = 5
"""Changes the digest lists; the rest are counted ("and 3 more")."""
MAX_NEXT_EVENTS = 3
TOP_DEVELOPMENTS = 3
HALF_LIFE_DAYS = 3.0
"""A development's weight halves every this many days before `as_of`."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChangeWindow(_Model):
    """What changed after `since` (None: there is no earlier briefing to compare with)."""

    since: datetime | None = None
    changes: list[Change] = Field(default_factory=list)
    revision: int | None = None
    """The store's revision the window runs up to, read before the facts: the next window starts
    after it (None: a window of time, not followed by another)."""


class DigestChange(_Model):
    """One change as the digest lists it: what kind, and the fact's statement (now, or as retired)."""

    kind: ChangeKind
    entry: Entry


class Digest(_Model):
    as_of: date
    since: datetime | None = None
    """The previous briefing's mark: the changes are those after it (None: no earlier briefing)."""
    fact_count: int
    headline: Headline
    changes: list[DigestChange] = Field(default_factory=list)
    """The newest MAX_CHANGES changes, newest first."""
    more_changes: int = 0
    """How many more changes there were."""
    next_events: list[Entry] = Field(default_factory=list)
    top: list[Entry] = Field(default_factory=list)
    waiting: int = 0
    """Open groups of questions nobody could answer: said in the briefing of an admin channel."""

    @property
    def title(self) -> str:
        return f"Briefing for {long_date(self.as_of)}"

    @property
    def quiet(self) -> bool:
        """Nothing changed since the previous briefing and nothing is coming up: the digest says so
        in one line. A first briefing (no previous one to compare with) is never quiet."""
        return self.since is not None and not self.changes and not self.next_events

    @property
    def change_count(self) -> int:
        return len(self.changes) + self.more_changes


class Edition(_Model):
    """One day's briefing for one channel: the digest it posts, the full briefing in its thread."""

    digest: Digest
    briefing: Briefing


# --- the parts ----------------------------------------------------------------------------------


def status_headline(catalogue: Catalogue, as_of: date) -> Headline:
    """Where the summit stands on `as_of`: what, when, where, the status since when, the days to go."""
    return _headline(_Facts(catalogue), as_of)


async def what_changed(store: FactStore, *, since: datetime | None) -> ChangeWindow:
    """The changes recorded after `since`, net (None: no earlier briefing, so none)."""
    return ChangeWindow(since=since, changes=await recent_changes(store, since=since))


async def changes_for_channel(store: FactStore, deliveries: DeliveryLedger, *, platform: str,
                              channel: str) -> ChangeWindow:
    """What changed since this channel's previous briefing. The one place that says where that
    starts: after the store's revision the previous briefing was composed at, up to the revision
    now (read first, so that a change committed while this briefing is composed is in the next
    one). Revisions follow commits, not clocks: a change is in exactly one briefing, whichever
    replica composes it and whatever its clock says. A previous briefing composed before
    revisions were counted falls back to the time it was claimed; `since` is that time, shown."""
    revision = await store.revision()
    last = await deliveries.last_sent(platform, channel)
    if last is None:
        return ChangeWindow(revision=revision)
    if last.revision is None:
        window = await what_changed(store, since=last.claimed_at)
        return window.model_copy(update={"revision": revision})
    return ChangeWindow(since=last.claimed_at, revision=revision,
                        changes=await changes_after(store, last.revision, upto=revision))


def next_events(catalogue: Catalogue, as_of: date, *, limit: int = MAX_NEXT_EVENTS) -> list[Entry]:
    """The next dated events after `as_of`, soonest first: per day and subject, the fact that says
    most about when (what is scheduled first), at most `limit`."""
    return _next_events(_Facts(catalogue), as_of, limit=limit)


def next_event_days(facts: Iterable[tuple[str, str, Iterable[date]]], as_of: date, *,
                    limit: int = MAX_NEXT_EVENTS) -> set[date]:
    """The days the next `limit` events after `as_of` can fall on, given each fact's topic, relation and days.

    They are taken soonest day first, and every day gives at least one, so no day after the first
    `limit` is reached: the next events of only the facts with one of these days are those of them all."""
    later = {d for topic, relation, days in facts if is_event(topic, relation) for d in days if d > as_of}
    return set(sorted(later)[:limit])


def top_developments(catalogue: Catalogue, as_of: date, *, limit: int = TOP_DEVELOPMENTS) -> list[Entry]:
    """The most important developments up to `as_of`: dated facts weighed by how many other facts
    refer to what they are about (share their subject or object, countries aside) and by how
    recent they are (halving every HALF_LIFE_DAYS); one per story (no two share what they are
    about); ties go to the newer day, then the earlier topic, never to the fact id."""
    return _top_developments(_Facts(catalogue), as_of, limit=limit)


def build_digest(catalogue: Catalogue, window: ChangeWindow, *, as_of: date) -> Digest:
    """The digest over `catalogue` and the changes in `window`. Pure."""
    facts = _Facts(catalogue)
    newest_first = sorted(window.changes, key=lambda c: c.at, reverse=True)
    return Digest(
        as_of=as_of,
        since=window.since,
        fact_count=len(catalogue.facts),
        headline=_headline(facts, as_of),
        changes=[_digest_change(c) for c in newest_first[:MAX_CHANGES]],
        more_changes=max(0, len(newest_first) - MAX_CHANGES),
        next_events=_next_events(facts, as_of, limit=MAX_NEXT_EVENTS),
        top=_top_developments(facts, as_of, limit=TOP_DEVELOPMENTS),
    )


async def compose_digest(store: FactStore, *, as_of: date, since: datetime | None) -> Digest:
    return build_digest(await store.catalogue(), await what_changed(store, since=since), as_of=as_of)


async def compose_edition(store: FactStore, *, as_of: date, window: ChangeWindow) -> Edition:
    """The digest and the full briefing of one day, from one read of the facts and one window."""
    catalogue = await store.catalogue()
    return Edition(
        digest=build_digest(catalogue, window, as_of=as_of),
        briefing=build_briefing(catalogue, window.changes, as_of=as_of, since=window.since, sections=ALL_SECTIONS),
    )


# --- how ----------------------------------------------------------------------------------------


def _digest_change(change: Change) -> DigestChange:
    previous = change.previous.statement if change.previous and change.previous.statement != change.fact.statement else None
    entry = Entry(text=change.fact.statement, fact_ids=[change.fact.id], previous=previous, reason=change.reason,
                  by=change.by, at=change.at)
    return DigestChange(kind=change.kind, entry=entry)


def _merged(candidates: list[tuple[date, Fact]], facts: _Facts) -> list[Entry]:
    entries = [Entry(text=f.statement, day=d, fact_ids=[f.id]) for d, f in candidates]
    return merge_entries(entries, facts.catalogue.facts, published=facts.published)


def _next_events(facts: _Facts, as_of: date, *, limit: int) -> list[Entry]:
    by_day: dict[date, list[Fact]] = defaultdict(list)
    for f in facts.all:
        if is_event(f.topic, f.relation):
            for d in {d.day for d in f.dates if d.day > as_of}:
                by_day[d].append(f)
    chosen: list[tuple[date, Fact]] = []
    for day in sorted(by_day):
        seen: set[str] = set()
        for fact in sorted(by_day[day], key=_within_day):
            if fact.subject not in seen:
                seen.add(fact.subject)
                chosen.append((day, fact))
    return _merged(chosen[:limit], facts)


def _top_developments(facts: _Facts, as_of: date, *, limit: int) -> list[Entry]:
    def story(fact: Fact) -> set[str]:
        """What a fact is about, for weighing: its subject and object, but no country, which is a
        party to nearly every fact and so says nothing about which development matters."""
        return {e for e in (fact.subject, fact.object) if e and facts.kind(e) != EntityKind.country}

    about: dict[str, set[str]] = defaultdict(set)
    for f in facts.all:
        for entity in story(f):
            about[entity].add(f.id)

    dated = [(d, f) for f in facts.all if is_event(f.topic, f.relation) and (d := _last_day(f, as_of)) is not None]
    # Recency counts from the newest development, not from `as_of`: the same order, but a briefing
    # read years after the story's last fact does not weigh every fact down to nothing.
    newest = max((d for d, _ in dated), default=as_of)

    def weight(day: date, fact: Fact) -> float:
        references = len(set().union(*(about[e] for e in story(fact))) - {fact.id})
        return references * 0.5 ** ((newest - day).days / HALF_LIFE_DAYS)

    ranked = sorted(dated, key=lambda p: (-weight(*p), -p[0].toordinal(), _topic_rank(p[1]),
                                          -facts.published(p[1]).toordinal(), p[1].statement))
    chosen: list[tuple[date, Fact]] = []
    told: set[str] = set()
    for day, fact in ranked:
        if story(fact) & told or fact.subject in told:
            continue  # one development per story: the next one must be about something else
        told |= story(fact) | {fact.subject}
        chosen.append((day, fact))
        if len(chosen) == limit:
            break
    return _merged(chosen, facts)
