"""Reading a history (a fact's, an entity's, a source's, a topic's): what each version changed, and
what an undo goes back to. Pure."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from briefings.files import FactRecord
from briefings.models import Fact, Source
from briefings.store import CatalogueRecord, FactVersion, RecordVersion

__all__ = [
    "FactState",
    "FieldChange",
    "RecordState",
    "diff_facts",
    "diff_records",
    "record_changes",
    "record_undo_target",
    "undo_target",
    "version_changes",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs between two versions, as the fact files name it."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class FactState:
    """What a version left a fact as: its content and whether (and why) it was retired."""

    fact: Fact
    retired: bool
    retired_reason: str | None


@dataclass(frozen=True, slots=True)
class RecordState:
    """What a version left an entity, source or topic as."""

    record: CatalogueRecord
    retired: bool
    retired_reason: str | None


@dataclass(frozen=True, slots=True)
class _Step(Generic[T]):
    action: str
    content: T
    retired: bool
    reason: str | None


_IGNORED = {"recorded_at", "recorded_by"}
"""Provenance bookkeeping: who and when are the version's own, shown beside the diff."""


def _fields(fact: Fact) -> dict[str, Any]:
    return FactRecord.from_fact(fact).model_dump(mode="json", exclude=_IGNORED)


def diff_facts(old: Fact | None, new: Fact) -> list[FieldChange]:
    """The fields that differ, in the order the fact files list them (all of them for a new fact)."""
    before = {} if old is None else _fields(old)
    after = _fields(new)
    return [
        FieldChange(field=name, old=before.get(name), new=value)
        for name, value in after.items()
        if before.get(name) != value and not (old is None and value in (None, []))
    ]


def diff_records(old: CatalogueRecord | None, new: CatalogueRecord) -> list[FieldChange]:
    """The fields of an entity, source or topic that differ (a source's text by its length)."""
    def fields(record: CatalogueRecord) -> dict[str, Any]:
        data = record.model_dump(mode="json")
        if isinstance(record, Source) and record.text:
            data["text"] = f"{len(record.text):,} characters"
        return data

    before = {} if old is None else fields(old)
    after = fields(new)
    return [
        FieldChange(field=name, old=before.get(name), new=value)
        for name, value in after.items()
        if before.get(name) != value and not (old is None and value in (None, []))
    ]


V = TypeVar("V", FactVersion, RecordVersion)


def _with_changes(history: list[V], diff: Callable[[V], list[FieldChange]]) -> list[tuple[V, list[FieldChange]]]:
    """Each version with `diff` of it, plus `retired` when it hid or restored what it versions."""
    out = []
    was_retired = False
    for version in history:
        changes = diff(version)
        if version.retired != was_retired:
            changes.append(FieldChange(field="retired", old=was_retired, new=version.retired))
        out.append((version, changes))
        was_retired = version.retired
    return out


def record_changes(history: list[RecordVersion]) -> list[tuple[RecordVersion, list[FieldChange]]]:
    """Each version of an entity, source or topic with what it changed, `retired` included."""
    return _with_changes(history, lambda v: diff_records(v.previous, v.record))


def version_changes(history: list[FactVersion]) -> list[tuple[FactVersion, list[FieldChange]]]:
    """Each version with what it changed: the fields, and `retired` when it hid or restored the fact."""
    return _with_changes(history, lambda v: diff_facts(v.previous, v.fact))


def _undo_step(steps: Sequence[_Step[T]]) -> _Step[T] | None:
    """The state the latest change that is not yet undone started from; None when there is none.

    Undoing twice goes two changes back (an undo is never itself undone by `undo`): replaying the
    history, every change pushes a state and every undo pops one. A state's `reason` is why it is
    retired (None when it is not).
    """
    stack: list[_Step[T]] = []
    for step in steps:
        if step.action == "undo" and len(stack) > 1:
            stack.pop()
            continue
        was = stack[-1] if stack else None
        if step.action == "retire":
            reason = step.reason
        elif step.retired and was is not None:
            reason = was.reason
        else:
            reason = None
        stack.append(_Step(action=step.action, content=step.content, retired=step.retired, reason=reason))
    return stack[-2] if len(stack) > 1 else None


def undo_target(history: list[FactVersion]) -> FactState | None:
    """What `fact undo` goes back to (see `_undo_step`)."""
    step = _undo_step([_Step(v.action, v.fact, v.retired, v.reason) for v in history])
    return None if step is None else FactState(fact=step.content, retired=step.retired, retired_reason=step.reason)


def record_undo_target(history: list[RecordVersion]) -> RecordState | None:
    """What `entity undo` (or `source undo`) goes back to (see `_undo_step`)."""
    step = _undo_step([_Step(v.action, v.record, v.retired, v.reason) for v in history])
    return None if step is None else RecordState(record=step.content, retired=step.retired, retired_reason=step.reason)
