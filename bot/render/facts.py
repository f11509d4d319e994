"""Plain-text rendering of one fact and of its history, for the command layer's replies. Pure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from briefings.changes import FieldChange, version_changes
from briefings.models import Entity, Source
from briefings.store import FactVersion, StoredFact

__all__ = ["render_fact", "render_history", "render_value"]

_DOT = " \u00b7 "


def _when(at: datetime) -> str:
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
    source = sources.get(f.provenance.source)
    cited = f"source: {source.cite() if source else f.provenance.source}"
    if f.provenance.quote:
        cited += f"{_DOT}quote: \u201c{f.provenance.quote}\u201d"
    return "\n".join([
        f"{f.id} ({state})",
        f.statement,
        _DOT.join(about),
        _DOT.join(extra),
        cited,
        f"recorded by {f.provenance.recorded_by} on {f.provenance.recorded_at:%Y-%m-%d}; "
        f"last changed {_when(stored.updated_at)}",
    ])


def _where(version: FactVersion) -> str:
    return f"{version.platform} #{version.channel}" if version.channel else version.platform


def _change(change: FieldChange) -> str:
    if change.field == "retired":
        return "retired" if change.new else "back in use (no longer retired)"
    return f"{change.field}: {render_value(change.old)} \u2192 {render_value(change.new)}"


def render_history(fact_id: str, history: list[FactVersion]) -> str:
    """Every version, oldest first: who, when, where, and what it changed field by field."""
    count = f"{len(history)} version" + ("s" if len(history) != 1 else "")
    lines = [f"History of fact {fact_id} ({count}):"]
    for version, changes in version_changes(history):
        why = f" \u2014 reason: {version.reason}" if version.reason else ""
        lines.append(
            f"v{version.version}{_DOT}{_when(version.at)}{_DOT}{version.action} by {version.actor} "
            f"via {_where(version)}{why}"
        )
        if version.previous is None:
            lines.append(f"    created: \u201c{version.fact.statement}\u201d")
        elif not changes:
            lines.append("    (no change to its content)")
        else:
            lines.extend(f"    {_change(c)}" for c in changes)
    return "\n".join(lines)
