"""Plain-text rendering of an entity, source or topic and of its history. Pure."""

from __future__ import annotations

from briefings.changes import record_changes
from briefings.models import Entity, Source, TopicInfo
from briefings.store import RecordKind, RecordVersion, StoredRecord
from bot.render.facts import render_versions, render_when

__all__ = ["render_record", "render_record_history", "render_record_line"]

_DOT = " \u00b7 "
_EXCERPT = 300


def render_record_line(stored: StoredRecord) -> str:
    """One line: id, what it is, and `[retired]` when it is."""
    r = stored.record
    retired = " [retired]" if stored.retired else ""
    if isinstance(r, Entity):
        aliases = f" (also {', '.join(r.aliases)})" if r.aliases else ""
        return f"{r.id}{retired}: {r.name}, {r.kind.value}{aliases}"
    if isinstance(r, Source):
        return f"{r.id}{retired}: \u201c{r.title}\u201d, {r.cite()}"
    return f"{r.id}{retired}: {r.name} (order {r.order})"


def render_record(stored: StoredRecord, *, facts: list[str] | None = None) -> str:
    """Everything a record holds, its version and status, and the current facts resting on it."""
    r = stored.record
    state = f"version {stored.version}"
    if stored.retired:
        state += ", retired" + (f": {stored.retired_reason}" if stored.retired_reason else "")
    lines = [f"{stored.kind} {r.id} ({state})"]
    if isinstance(r, Entity):
        lines += [f"{r.name}{_DOT}{r.kind.value}", "aliases: " + (", ".join(r.aliases) or "(none)")]
        lines.append(f"description: {r.description or '(none)'}")
    elif isinstance(r, Source):
        lines += [f"\u201c{r.title}\u201d", r.cite()]
        if r.url:
            lines.append(r.url)
        if r.text:
            excerpt = " ".join(r.text.split())
            more = "\u2026" if len(excerpt) > _EXCERPT else ""
            lines.append(f"text ({len(r.text):,} characters): {excerpt[:_EXCERPT]}{more}")
        else:
            lines.append("text: (none: quotes citing it are not checked)")
    elif isinstance(r, TopicInfo):
        lines.append(f"{r.name}{_DOT}order {r.order}")
    if facts is not None:
        shown = ", ".join(facts[:10]) + (", \u2026" if len(facts) > 10 else "")
        lines.append(f"used by {len(facts)} current fact" + ("s" if len(facts) != 1 else "") + (f": {shown}" if facts else ""))
    lines.append(f"last changed {render_when(stored.updated_at)}")
    return "\n".join(lines)


def render_record_history(kind: RecordKind, record_id: str, history: list[RecordVersion]) -> str:
    """Every version, oldest first: who, when, where, and what it changed field by field."""
    def created(version: RecordVersion) -> str:
        return render_record_line(StoredRecord(kind=kind, record=version.record, version=1, retired=False,
                                               retired_reason=None, updated_at=version.at))

    return render_versions(f"{kind} {record_id}", record_changes(history), created=created)
