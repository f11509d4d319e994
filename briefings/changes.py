"""Reading a fact's history: what each version changed, and what an undo goes back to. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefings.files import FactRecord
from briefings.models import Fact
from briefings.store import FactVersion

__all__ = ["FactState", "FieldChange", "diff_facts", "version_changes", "undo_target"]


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


def version_changes(history: list[FactVersion]) -> list[tuple[FactVersion, list[FieldChange]]]:
    """Each version with what it changed: the fields, and `retired` when it hid or restored the fact."""
    out = []
    was_retired = False
    for version in history:
        changes = diff_facts(version.previous, version.fact)
        if version.retired != was_retired:
            changes.append(FieldChange(field="retired", old=was_retired, new=version.retired))
        out.append((version, changes))
        was_retired = version.retired
    return out


def undo_target(history: list[FactVersion]) -> FactState | None:
    """The state the latest change that is not yet undone started from; None when there is none.

    Undoing twice goes two changes back (an undo is never itself undone by `fact undo`): replaying
    the history, every change pushes a state and every undo pops one.
    """
    stack: list[FactState] = []
    for version in history:
        if version.action == "undo" and len(stack) > 1:
            stack.pop()
            continue
        was = stack[-1] if stack else None
        if version.action == "retire":
            reason = version.reason
        elif version.retired and was is not None:
            reason = was.retired_reason
        else:
            reason = None
        stack.append(FactState(fact=version.fact, retired=version.retired, retired_reason=reason))
    return stack[-2] if len(stack) > 1 else None
