"""Changing facts: every write goes to the store (which versions it) and then into the answering index.

`FactService` is what every chat surface calls to add, edit, retire, undo and import facts, so that
a change is checked against the catalogue it joins, recorded with who made it and where, and seen
by the very next answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from rapidfuzz import fuzz, process

from briefings.answer import FactIndex
from briefings.changes import undo_target
from briefings.concurrency import retry_plain
from briefings.models import Entity, Fact, Source, check_fact
from briefings.pending import PendingImports
from briefings.records import broken_quotes, index_record, show_record
from briefings.store import (
    CatalogueRecord,
    ChangeInfo,
    FactStore,
    StoredFact,
    StoreError,
    UnknownFact,
    VersionConflict,
    _load_record,
    _record_data,
    record_kind,
)
from briefings.answering.lexicon import plain as normalise

__all__ = [
    "FactService",
    "ImportExpired",
    "ImportPlan",
    "InvalidFact",
    "NoImportWaiting",
    "NothingToUndo",
    "UnknownEntity",
    "UnreadableImport",
    "personal_source",
    "resolve_entity",
]


class InvalidFact(StoreError):
    """A fact that does not fit the catalogue (unknown entity or source, a quote the source lacks)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


class UnknownEntity(StoreError):
    def __init__(self, name: str, *, role: str, candidates: list[str], suggestion: str | None) -> None:
        self.name = name
        self.role = role
        """The key that named it: subject or object."""
        self.candidates = candidates
        if candidates:
            message = f"{role} {name!r} could be any of {', '.join(candidates)}: give the entity id"
        else:
            hint = f" (did you mean {suggestion}?)" if suggestion else ""
            message = f"{role} {name!r} is not a known entity{hint}: give an entity id or one of its names"
        super().__init__(message)


class NothingToUndo(StoreError):
    def __init__(self, fact_id: str) -> None:
        self.fact_id = fact_id
        super().__init__(
            f"fact {fact_id} has no change left to undo (its first version is how it was added; "
            "`fact retire` hides it)"
        )


class NoImportWaiting(StoreError):
    def __init__(self) -> None:
        super().__init__("you have no import waiting to be confirmed: send `fact import` with the YAML first")


class ImportExpired(StoreError):
    def __init__(self) -> None:
        super().__init__("your import waited too long and expired; nothing was changed: send it again")


class UnreadableImport(StoreError):
    def __init__(self) -> None:
        super().__init__("your import was kept by another version of the bot and cannot be read here; "
                         "nothing was changed: send it again")


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What importing facts (and the entities, sources and topics beside them) would do, against
    the versions read when it was planned."""

    add: list[Fact] = field(default_factory=list)
    update: list[tuple[Fact, int]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    add_records: list[CatalogueRecord] = field(default_factory=list)
    update_records: list[tuple[CatalogueRecord, int]] = field(default_factory=list)
    """Each with the version it must still be at; `previous` has what it was."""
    unchanged_records: list[str] = field(default_factory=list)
    """As `kind id`."""
    previous: dict[str, Fact | CatalogueRecord] = field(default_factory=dict)
    """What each updated fact or record (`kind id`; facts as `fact id`) is now, for the dry run's diff."""
    retire: dict[str, str | None] = field(default_factory=dict)
    """Facts the file marks retired that are current (or new): retired, with the file's reason."""

    @property
    def empty(self) -> bool:
        return (not self.add and not self.update and not self.add_records and not self.update_records
                and not self.retire)

    def to_data(self) -> dict[str, Any]:
        """The plan as JSON data, every part of it (a source's text included): how it waits in the
        database for `fact import confirm`, on any replica."""
        return {
            "add": [_fact_data(f) for f in self.add],
            "update": [[_fact_data(f), version] for f, version in self.update],
            "unchanged": list(self.unchanged),
            "add_records": [_tagged(r) for r in self.add_records],
            "update_records": [[_tagged(r), version] for r, version in self.update_records],
            "unchanged_records": list(self.unchanged_records),
            "previous": {key: _tagged(value) for key, value in self.previous.items()},
            "retire": dict(self.retire),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ImportPlan:
        """The plan `to_data` gave; `ValueError` (pydantic's included) when it is not one."""
        return cls(
            add=[Fact.model_validate(f) for f in data["add"]],
            update=[(Fact.model_validate(f), int(version)) for f, version in data["update"]],
            unchanged=[str(i) for i in data["unchanged"]],
            add_records=[_untagged(r) for r in data["add_records"]],
            update_records=[(_untagged(r), int(version)) for r, version in data["update_records"]],
            unchanged_records=[str(i) for i in data["unchanged_records"]],
            previous={str(key): _untagged_any(value) for key, value in data["previous"].items()},
            retire={str(key): None if reason is None else str(reason) for key, reason in data["retire"].items()},
        )


def _fact_data(fact: Fact) -> dict[str, Any]:
    return fact.model_dump(mode="json")


def _tagged(value: Fact | CatalogueRecord) -> dict[str, Any]:
    """A fact or record as data that says which it is."""
    if isinstance(value, Fact):
        return {"kind": "fact", "data": _fact_data(value)}
    return {"kind": record_kind(value), "data": _record_data(value)}


def _untagged_any(tagged: dict[str, Any]) -> Fact | CatalogueRecord:
    return Fact.model_validate(tagged["data"]) if tagged["kind"] == "fact" else _untagged(tagged)


def _untagged(tagged: dict[str, Any]) -> CatalogueRecord:
    if tagged["kind"] not in ("entity", "source", "topic"):
        raise ValueError(f"not a record kind: {tagged['kind']!r}")
    return _load_record(tagged["kind"], tagged["data"])


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def resolve_entity(name: str, entities: Mapping[str, Entity], *, role: str = "entity") -> str:
    """The id of the entity `name` is the id, name or alias of (case-insensitive); else `UnknownEntity`."""
    if name in entities:
        return name
    wanted = normalise(name).strip()
    matches = sorted(e.id for e in entities.values() if any(normalise(n) == wanted for n in e.names))
    if len(matches) == 1:
        return matches[0]
    suggestion = None
    if not matches:
        names: dict[str, set[str]] = {}
        for e in entities.values():
            for n in (e.id, *e.names):
                names.setdefault(n, set()).add(e.id)
        best = process.extractOne(name, list(names), scorer=fuzz.WRatio, score_cutoff=80)
        if best:
            ids = sorted(names[best[0]])
            suggestion = best[0] if ids == [best[0]] else f"{best[0]!r} ({', '.join(ids)})"
    raise UnknownEntity(name, role=role, candidates=matches, suggestion=suggestion)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def personal_source(identity: str, *, published: date) -> Source:
    """The source an admin's own word is cited as, when they add a fact without one."""
    slug = _NOT_SLUG.sub("-", identity.lower()).strip("-")[:70].strip("-") or "unknown"
    return Source(
        id=f"admin-{slug}",
        title=f"Added in chat by {identity}",
        outlet=f"briefbot admin {identity}",
        published=published,
    )


class FactService:
    """Adds, edits, retires, undoes and imports facts: store first, then the index, in place."""

    def __init__(self, store: FactStore, index: FactIndex, *, clock: Callable[[], datetime] = _utcnow) -> None:
        self._store = store
        self._index = index
        self._clock = clock
        self._indexed: dict[str, int] = {}
        """The version of each fact the index last saw from here: concurrent writes finish in any
        order, and an older version must not overwrite a newer one."""
        self._pending = PendingImports(store.engine)
        self._seen_revision = -1
        """The store's revision the index holds every version up to (-1: none yet, so the first
        `refresh` applies every version there is)."""

    @property
    def store(self) -> FactStore:
        return self._store

    def now(self) -> datetime:
        return self._clock()

    # reading

    async def get(self, fact_id: str) -> StoredFact:
        stored = await self._store.get(fact_id)
        if stored is None:
            raise UnknownFact(fact_id)
        return stored

    async def search(self, text: str, *, limit: int = 10) -> list[StoredFact]:
        """Facts (retired ones too) whose id, statement, value, keywords or entity names hold every word."""
        words = normalise(text).split()
        if not words:
            return []
        entities = await self._store.entities()
        scored = []
        for stored in await self._store.list_facts(include_retired=True):
            f = stored.fact
            names = [n for ref in (f.subject, f.object) if ref in entities for n in entities[ref].names]
            haystack = normalise(" ".join([f.id, f.statement, f.value or "", *f.keywords, *names]))
            if all(w in haystack for w in words):
                in_statement = sum(w in normalise(f.statement) for w in words)
                scored.append((stored.retired, -in_statement, f.id, stored))
        return [s for *_, s in sorted(scored, key=lambda t: t[:3])[:limit]]

    async def check(self, fact: Fact, *, extra_source: Source | None = None) -> None:
        """Raise `InvalidFact` unless every entity and source the fact names exists and its quote is real."""
        sources = await self._store.sources()
        if extra_source is not None:
            sources.setdefault(extra_source.id, extra_source)
        problems = check_fact(fact, sources=sources, entities=await self._store.entities(),
                              topics=await self._store.topics())
        if problems:
            raise InvalidFact(problems)

    # writing

    async def add(self, fact: Fact, *, change: ChangeInfo, source: Source | None = None) -> StoredFact:
        """Add a new fact; `source` (an admin's own) is created with it when it does not exist yet."""
        await self.check(fact, extra_source=source)
        stored = await self._store.add(fact, change=change, source=source)
        if source is not None:
            self._index.upsert_source((await self._store.sources())[source.id])
        self._reindex(stored)
        return stored

    async def update(self, fact: Fact, *, expected_version: int, change: ChangeInfo) -> StoredFact:
        await self.check(fact)
        stored = await self._store.update(fact, expected_version=expected_version, change=change)
        self._reindex(stored)
        return stored

    async def edit(
        self, fact_id: str, edit: Callable[[StoredFact], Fact], *, expected_version: int | None, change: ChangeInfo
    ) -> StoredFact:
        """Write `edit(current)` as the fact's next version.

        With `expected_version`, only if the fact is still at it (`VersionConflict` otherwise);
        without, a concurrent change that commits first is no conflict: `edit` is applied again to
        the newer version (`retry_plain`)."""

        async def attempt() -> StoredFact:
            current = await self.get(fact_id)
            fact = edit(current)
            await self.check(fact)
            return await self._store.update(fact, expected_version=expected_version or current.version, change=change)

        stored = await retry_plain(attempt, plain=expected_version is None, conflict=VersionConflict)
        self._reindex(stored)
        return stored

    async def retire(
        self, fact_id: str, *, expected_version: int | None, reason: str | None, change: ChangeInfo
    ) -> StoredFact:
        """Hide a fact; without `expected_version`, whatever version it is at (see `edit`)."""

        async def attempt() -> StoredFact:
            current = expected_version or (await self.get(fact_id)).version
            return await self._store.retire(fact_id, expected_version=current, reason=reason, change=change)

        stored = await retry_plain(attempt, plain=expected_version is None, conflict=VersionConflict)
        self._reindex(stored)
        return stored

    async def undo(self, fact_id: str, *, expected_version: int | None, change: ChangeInfo) -> StoredFact:
        """Go back to the state before the latest change not yet undone, as a new 'undo' version.

        Never retried: after a concurrent change, undoing again would undo that change instead."""
        history = await self._store.history(fact_id)
        if not history:
            raise UnknownFact(fact_id)
        current = history[-1].version
        if expected_version is not None and expected_version != current:
            raise VersionConflict(await self.get(fact_id), expected=expected_version)
        target = undo_target(history)
        if target is None:
            raise NothingToUndo(fact_id)
        if not target.retired:  # what it goes back to must still fit: its entities may be retired since
            await self.check(target.fact)
        stored = await self._store.revert(
            fact_id,
            fact=target.fact,
            retired=target.retired,
            retired_reason=target.retired_reason,
            expected_version=current,
            change=change,
        )
        self._reindex(stored)
        return stored

    async def plan_import(
        self,
        facts: list[Fact],
        *,
        records: Sequence[CatalogueRecord] = (),
        retired: Mapping[str, str | None] | None = None,
    ) -> ImportPlan:
        """Check facts, and the entities, sources and topics beside them, against the catalogue they
        join and say what importing them would do.

        `retired` (from an export) names facts to keep retired: those current in the store, or new,
        are retired after they are written. Importing never brings a retired fact back.

        The facts may rest on the records imported with them. Raises `InvalidFact` naming every
        problem (a repeated id, an unknown entity, source or topic, a quote the source does not
        contain, a source text that no longer holds a current fact's quote); nothing is written.
        """
        catalogue = await self._store.catalogue()
        sources, entities, topics = dict(catalogue.sources), dict(catalogue.entities), dict(catalogue.topics)
        for record in records:
            {"entity": entities, "source": sources, "topic": topics}[record_kind(record)][record.id] = record  # type: ignore[index]
        problems: list[str] = []
        seen: set[str] = set()
        for fact in facts:
            if fact.id in seen:
                problems.append(f"fact {fact.id}: the id is used twice")
            seen.add(fact.id)
            problems.extend(check_fact(fact, sources=sources, entities=entities, topics=topics))
        incoming = {f.id: f for f in facts}
        kept = [f for f in catalogue.facts.values() if f.id not in incoming]
        for record in records:
            if isinstance(record, Source):
                problems += [f"source {record.id}: its new text no longer holds the quote of fact {i}"
                             for i in broken_quotes(record, kept)]
        if problems:
            raise InvalidFact(problems)
        plan = ImportPlan()
        for record in records:
            kind = record_kind(record)
            stored_record = await self._store.get_record(kind, record.id)
            if stored_record is None:
                plan.add_records.append(record)
            elif stored_record.record != record:
                plan.update_records.append((record, stored_record.version))
                plan.previous[f"{kind} {record.id}"] = stored_record.record
            else:
                plan.unchanged_records.append(f"{kind} {record.id}")
        current = {s.fact.id: s for s in await self._store.list_facts(include_retired=True)}
        for fact in facts:
            stored = current.get(fact.id)
            if stored is None:
                plan.add.append(fact)
            elif stored.fact != fact:
                plan.update.append((fact, stored.version))
                plan.previous[f"fact {fact.id}"] = stored.fact
            elif not (fact.id in (retired or {}) and not stored.retired):
                plan.unchanged.append(fact.id)
            if fact.id in (retired or {}) and (stored is None or not stored.retired):
                plan.retire[fact.id] = (retired or {})[fact.id]
        return plan

    async def apply_import(self, plan: ImportPlan, *, change: ChangeInfo) -> list[StoredFact]:
        """Write a plan in one transaction; a fact changed since planning fails it whole (`VersionConflict`)."""
        written = await self._store.import_facts(
            add=plan.add, update=plan.update, change=change,
            add_records=plan.add_records, update_records=plan.update_records, retire=plan.retire,
        )
        for record in [*plan.add_records, *(r for r, _ in plan.update_records)]:
            index_record(self._index, record)
        for stored in written:
            self._reindex(stored)
        return written

    async def hold_import(self, caller: str, plan: ImportPlan, *, now: datetime, until: datetime) -> None:
        """Keep `plan` in the database for `caller` to confirm (`take_import`) on any replica until
        `until`; it replaces any import they had waiting."""
        await self._pending.put(caller, plan.to_data(), expires_at=until, now=now)

    async def take_import(self, caller: str, *, now: datetime) -> ImportPlan:
        """The caller's waiting import, taken so that nobody confirms it twice. `NoImportWaiting`,
        `ImportExpired` (past its time at `now`) or `UnreadableImport` when there is none to apply."""
        waiting = await self._pending.take(caller)
        if waiting is None:
            raise NoImportWaiting()
        if now > waiting.expires_at:
            raise ImportExpired()
        try:
            return ImportPlan.from_data(waiting.plan)
        except (ValueError, KeyError, TypeError):  # pydantic's ValidationError is a ValueError
            raise UnreadableImport() from None

    async def drop_import(self, caller: str) -> bool:
        """Forget the caller's waiting import; whether there was one."""
        return await self._pending.drop(caller)

    def indexed(self, versions: Mapping[str, int], *, revision: int) -> None:
        """Say what the index was built from (each fact's version, and the store's revision read
        before them), so the first `refresh` does not apply it all again."""
        for fact_id, version in versions.items():
            self._indexed[fact_id] = max(self._indexed.get(fact_id, 0), version)
        self._seen_revision = revision

    async def refresh(self) -> int:
        """Bring the index up to date with changes other replicas wrote; how many versions it applied.

        One cheap query when nothing changed. Otherwise the versions committed after the revision
        the index last saw, up to the one just read: revisions follow commits, so a replica that
        missed refreshes, or whose clock is off, still gets every version, once. The entities and
        sources changed in that span are shown as they are now, before the facts that rest on them;
        reindexing a fact version already seen (this replica wrote it) does nothing.
        """
        revision = await self._store.revision()
        if revision == self._seen_revision:
            return 0
        for stored in await self._store.records_changed_after(self._seen_revision, upto=revision):
            show_record(self._index, stored)
        applied = 0
        for v in await self._store.changes_after(self._seen_revision, upto=revision):
            applied += self._reindex(StoredFact(fact=v.fact, version=v.version, retired=v.retired,
                                                retired_reason=v.reason, updated_at=v.at))
        self._seen_revision = max(self._seen_revision, revision)
        return applied

    def _reindex(self, stored: StoredFact) -> bool:
        """Show `stored` in the index unless it already shows that version or a newer one."""
        fact_id = stored.fact.id
        if self._indexed.get(fact_id, 0) >= stored.version:
            return False
        self._indexed[fact_id] = stored.version
        if stored.retired:
            self._index.remove(fact_id)
        else:
            self._index.upsert(stored.fact)
        return True
