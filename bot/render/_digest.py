"""What the three digest renderers share: the digest's wording and the fitting of it to a size. Pure.

The digest is one post in one screen; each platform measures "one screen" its own way (lines of
text, Slack's blocks and characters, one Discord embed). Each renderer renders with every item
whole first, then with items cut to fewer characters (or lines) until the post fits: `fit`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timezone
from typing import TypeVar

from briefings.briefing import Entry, relative_day, short_date
from briefings.compose import ChangeKind
from briefings.digest import Digest, DigestChange

__all__ = [
    "CHANGE_LABELS",
    "COMING_UP",
    "TOP",
    "changes_heading",
    "change_text",
    "changes_note",
    "fit",
    "footer",
    "waiting_line",
    "item_text",
    "more_changes",
    "quiet_line",
]

T = TypeVar("T")

COMING_UP = "Coming up"
TOP = "Top developments"
CHANGE_LABELS = {
    ChangeKind.added: "Added",
    ChangeKind.corrected: "Corrected",
    ChangeKind.retired: "Retired",
    ChangeKind.restored: "Restored",
}


def _since(digest: Digest) -> str | None:
    if digest.since is None:
        return None
    at = digest.since.astimezone(timezone.utc)
    return f"{short_date(at.date())}, {at:%H:%M} UTC"


def changes_heading(digest: Digest) -> str:
    """'What changed since Mon, May 28, 09:00 UTC'."""
    since = _since(digest)
    return f"What changed since {since}" if since else "What changed"


def changes_note(digest: Digest) -> str | None:
    """The one line that stands for the changes when there are none; None when there are some."""
    if digest.changes:
        return None
    if digest.since is None:
        return "No earlier briefing to compare with."
    return "Nothing was added, corrected or retired."


def more_changes(digest: Digest) -> str | None:
    return f"and {digest.more_changes} more" if digest.more_changes else None


def quiet_line(digest: Digest) -> str:
    """A quiet day in one line: nothing changed and nothing is coming up."""
    since = _since(digest)
    changed = f"nothing changed since {since}" if since else "nothing changed"
    return f"Quiet day: {changed}, and nothing dated is coming up."


def footer(digest: Digest, *, where: str) -> str:
    waiting = f" {waiting_line(digest)}" if digest.waiting else ""
    return f"Composed from {digest.fact_count} facts. {where}{waiting}"


def waiting_line(digest: Digest) -> str:
    """For an admin channel: how many groups of unanswered questions wait for an admin."""
    n = digest.waiting
    return f"{n} question{'s' if n != 1 else ''} waiting: `unanswered`."


def item_text(entry: Entry, *, as_of_day: date | None = None) -> str:
    """An item as one line of plain text: its day (and, given `as_of_day`, how far off it is), then
    the statement."""
    if entry.day is None:
        return entry.text
    label = short_date(entry.day)
    if as_of_day is not None:
        label += f" ({relative_day(entry.day, as_of_day)})"
    return f"{label}: {entry.text}"


def change_text(change: DigestChange) -> str:
    return f"{CHANGE_LABELS[change.kind]}: {change.entry.text}"


def fit(render: Callable[[int | None], T], fits: Callable[[T], bool], caps: Iterable[int | None]) -> T:
    """The first rendering, item caps from largest to smallest, that fits (else the last tried)."""
    rendered: T | None = None
    for cap in caps:
        rendered = render(cap)
        if fits(rendered):
            return rendered
    assert rendered is not None, "fit needs at least one cap"
    return rendered
