"""Plain-text rendering of one fact and of its history, for the command layer's replies. Pure."""

from __future__ import annotations

from datetime import datetime
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from briefings.changes import FieldChange, diff_facts, diff_records, version_changes
from briefings.service import ImportPlan
from briefings.store import record_kind
from briefings.models import Entity, Source
from briefings.store import FactVersion, RecordVersion, StoredFact

__all__ = [
    "render_change",
    "render_fact",
    "render_history",
    "render_plan",
    "render_value",
    "render_versions",
    "render_when",
    "render_where",
]

V = TypeVar("V", FactVersion, RecordVersion)

_DOT = " \u00b7 "


def render_when(at: datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M} UTC"


def _entity(ref: str, entities: dict[str, Entity]) -> str:
    entity = entities.get(ref)
    return f"{ref} ({entity.name})" if entity else ref


def render_value(value: Any) -> str:
    """A field's value as one short line: quoted text, comma-joined lists, '(none)'."""
    if value is None or value == []:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(render_value(v) for v in value)
    if isinstance(value, dict) and "day" in value:  # a FactDate
        return f"{value['day']} (\u201c{value['wording']}\u201d)" if value.get("wording") else str(value["day"])
    if isinstance(value, str):
        return f"\u201c{value}\u201d"
    return str(value)


def render_fact(stored: StoredFact, *, entities: dict[str, Entity], sources: dict[str, Source]) -> str:
    """One fact with everything it rests on: entities, topic, dates, source and quote, version."""
    f = stored.fact
    state = f"version {stored.version}"
    if stored.retired:
        state += ", retired" + (f": {stored.retired_reason}" if stored.retired_reason else "")
    about = [f"subject: {_entity(f.subject, entities)}", f"relation: {f.relation}"]
    if f.object:
        about.append(f"object: {_entity(f.object, entities)}")
    if f.value:
        about.append(f"value: {f.value}")
    extra = [f"topic: {f.topic}"]
    if f.dates:
        extra.append("dates: " + ", ".join(d.describe() for d in f.dates))
    if f.keywords:
        extra.append("keywords: " + ", ".join(f.keywords))
    taught = ["taught questions: " + " ".join(f"{i}. \u201c{p}\u201d" for i, p in enumerate(f.phrasings, 1))]
    source = sources.get(f.provenance.source)
    cited = f"source: {source.cite() if source else f.provenance.source}"
    if f.provenance.quote:
        cited += f"{_DOT}quote: \u201c{f.provenance.quote}\u201d"
    return "\n".join([
        f"{f.id} ({state})",
        f.statement,
        _DOT.join(about),
        _DOT.join(extra),
        *(taught if f.phrasings else []),
        cited,
        f"recorded by {f.provenance.recorded_by} on {f.provenance.recorded_at:%Y-%m-%d}; "
        f"last changed {render_when(stored.updated_at)}",
    ])


def render_where(version: FactVersion | RecordVersion) -> str:
    return f"{version.platform} #{version.channel}" if version.channel else version.platform


def render_change(change: FieldChange) -> str:
    if change.field == "retired":
        return "retired" if change.new else "back in use (no longer retired)"
    return f"{change.field}: {render_value(change.old)} \u2192 {render_value(change.new)}"


def render_history(fact_id: str, history: list[FactVersion]) -> str:
    """Every version, oldest first: who, when, where, and what it changed field by field."""
    return render_versions(f"fact {fact_id}", version_changes(history),
                           created=lambda v: f"\u201c{v.fact.statement}\u201d")


def render_versions(
    title: str, versions: Sequence[tuple[V, list[FieldChange]]], *, created: Callable[[V], str]
) -> str:
    """A history (of a fact, entity, source or topic): each version's who, when and where, then
    `created` for the first version or each field it changed."""
    count = f"{len(versions)} version" + ("s" if len(versions) != 1 else "")
    lines = [f"History of {title} ({count}):"]
    for version, changes in versions:
        why = f" \u2014 reason: {version.reason}" if version.reason else ""
        lines.append(
            f"v{version.version}{_DOT}{render_when(version.at)}{_DOT}{version.action} by {version.actor} "
            f"via {render_where(version)}{why}"
        )
        if version.previous is None:
            lines.append(f"    created: {created(version)}")
        elif not changes:
            lines.append("    (no change to its content)")
        else:
            lines.extend(f"    {render_change(c)}" for c in changes)
    return "\n".join(lines)


def render_plan(plan: ImportPlan) -> str:
    """The whole dry run of an import: a line per record or fact it adds (+) and, under a line per one
    it updates (~), each field it changes."""
    lines = []
    for record in plan.add_records:
        lines.append(f"+ {record_kind(record)} {record.id}")
    for record, version in plan.update_records:
        key = f"{record_kind(record)} {record.id}"
        lines.append(f"~ {key} (now version {version})")
        lines += [f"    {render_change(c)}" for c in diff_records(plan.previous[key], record)]  # type: ignore[arg-type]
    for fact in plan.add:
        lines.append(f"+ fact {fact.id}: {fact.statement}")
    for fact, version in plan.update:
        lines.append(f"~ fact {fact.id} (now version {version})")
        lines += [f"    {render_change(c)}" for c in diff_facts(plan.previous[f"fact {fact.id}"], fact)]  # type: ignore[arg-type]
    return "\n".join(lines)
