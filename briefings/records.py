"""Changing entities, sources and topics: each write is versioned by the store, then seen by the index.

`RecordService` is what every chat surface calls to add, edit, retire and undo the records facts rest
on, the way `FactService` does for facts: the same versioning (who, when, where, what changed), the
same optimistic concurrency, and the answering index updated in place so the next question sees it.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from briefings.answer import FactIndex
from briefings.changes import record_undo_target
from briefings.concurrency import retry_plain
from briefings.files import describe_error
from briefings.models import Entity, Fact, Source, check_quote
from briefings.store import (
    CatalogueRecord,
    ChangeInfo,
    FactStore,
    RecordConflict,
    RecordKind,
    StoredRecord,
    StoreError,
    UnknownRecord,
)

__all__ = ["InvalidRecord", "NothingToUndoRecord", "RecordService", "broken_quotes", "index_record", "show_record"]

class InvalidRecord(StoreError):
    """A record whose fields do not validate, or a source text that current quotes are not in."""


class NothingToUndoRecord(StoreError):
    def __init__(self, kind: RecordKind, record_id: str) -> None:
        super().__init__(f"{kind} {record_id} has no change left to undo (its first version is how it was added)")


def broken_quotes(source: Source, facts: list[Fact]) -> list[str]:
    """The ids of `facts` citing `source` whose quote its text does not hold."""
    return [
        f.id for f in facts
        if f.provenance.source == source.id and f.provenance.quote and check_quote(f.provenance.quote, source)
    ]


def index_record(index: FactIndex, record: CatalogueRecord) -> None:
    """Show an entity's names and description or a source's text to the answering index (topics it
    does not need)."""
    if isinstance(record, Entity):
        index.upsert_entity(record)
    elif isinstance(record, Source):
        index.upsert_source(record)


def show_record(index: FactIndex, stored: StoredRecord) -> None:
    """The index as the record now is: shown, or (a retired entity) forgotten, so that "who is X?"
    no longer answers from it. A retired source stays readable to the index: no current fact cites it."""
    if not stored.retired:
        index_record(index, stored.record)
    elif stored.kind == "entity":
        index.remove_entity(stored.record.id)


class RecordService:
    """Adds, edits, retires and undoes entities, sources and topics: store first, then the index."""

    def __init__(self, store: FactStore, index: FactIndex) -> None:
        self._store = store
        self._index = index

    async def get(self, kind: RecordKind, record_id: str) -> StoredRecord:
        stored = await self._store.get_record(kind, record_id)
        if stored is None:
            raise UnknownRecord(kind, record_id)
        return stored

    async def add(self, record: CatalogueRecord, *, change: ChangeInfo) -> StoredRecord:
        stored = await self._store.add_record(record, change=change)
        self._reindex(stored)
        return stored

    async def edit(
        self, kind: RecordKind, record_id: str, fields: dict[str, Any], *, expected_version: int | None,
        change: ChangeInfo,
    ) -> StoredRecord:
        """Change some fields. With `expected_version`, only if the record is still at it; without,
        the change is re-applied to whatever the record became if someone else wrote first, so
        concurrent edits of different fields all land and none is lost (`retry_plain`)."""

        async def attempt() -> StoredRecord:
            current = await self.get(kind, record_id)
            record = _patched(current.record, fields)
            if record == current.record:
                raise StoreError(f"nothing to change: {kind} {record_id} already says that")
            if isinstance(record, Source):
                await self._check_source(record)
            return await self._store.update_record(
                record, expected_version=expected_version or current.version, change=change
            )

        stored = await retry_plain(attempt, plain=expected_version is None, conflict=RecordConflict)
        self._reindex(stored)
        return stored

    async def retire(
        self, kind: RecordKind, record_id: str, *, expected_version: int | None, change: ChangeInfo
    ) -> StoredRecord:
        """Hide a record; without `expected_version`, whatever version it is at (see `edit`)."""

        async def attempt() -> StoredRecord:
            current = expected_version or (await self.get(kind, record_id)).version
            return await self._store.retire_record(kind, record_id, expected_version=current, change=change)

        stored = await retry_plain(attempt, plain=expected_version is None, conflict=RecordConflict)
        self._reindex(stored)
        return stored

    async def undo(
        self, kind: RecordKind, record_id: str, *, expected_version: int | None, change: ChangeInfo
    ) -> StoredRecord:
        """Go back to the state before the latest change not yet undone, as a new 'undo' version."""
        history = await self._store.record_history(kind, record_id)
        if not history:
            raise UnknownRecord(kind, record_id)
        current = history[-1].version
        if expected_version is not None and expected_version != current:
            raise RecordConflict(await self.get(kind, record_id), expected=expected_version)
        target = record_undo_target(history)
        if target is None:
            raise NothingToUndoRecord(kind, record_id)
        if isinstance(target.record, Source) and not target.retired:
            await self._check_source(target.record)
        stored = await self._store.revert_record(
            target.record, retired=target.retired, retired_reason=target.retired_reason,
            expected_version=current, change=change,
        )
        self._reindex(stored)
        return stored

    async def _check_source(self, source: Source) -> None:
        """Refuse a source text that a current fact's quote is no longer in."""
        broken = broken_quotes(source, [s.fact for s in await self._store.list_facts()])
        if broken:
            shown = ", ".join(broken[:10]) + (", \u2026" if len(broken) > 10 else "")
            raise InvalidRecord(
                f"the new text of source {source.id} no longer holds the quotes of {shown}: "
                "edit those facts' quotes first"
            )

    def _reindex(self, stored: StoredRecord) -> None:
        """Show the record to the answering index, or take a retired entity out of it."""
        show_record(self._index, stored)


def _patched(record: CatalogueRecord, fields: dict[str, Any]) -> CatalogueRecord:
    """`record` with `fields` replaced, validated again (`InvalidRecord` naming the field)."""
    data = record.model_dump()
    if isinstance(record, Source):
        data["text"] = record.text
    data.update(fields)
    try:
        return type(record).model_validate(data)
    except ValidationError as exc:
        raise InvalidRecord(describe_error(exc, where=record.id)) from None
