"""Plain-text and Markdown rendering for the console and the command line. Pure functions."""

from __future__ import annotations

import textwrap
import unicodedata
from datetime import timezone

from bot.render import _digest as words
from briefings.answer import Answer
from briefings.compose import Briefing, BriefingSection, Entry, Group, Headline, short_date
from briefings.digest import Digest

__all__ = [
    "MAX_DIGEST_LINES",
    "render_answer",
    "render_briefing_markdown",
    "render_briefing_text",
    "render_digest_markdown",
    "render_digest_text",
]

WIDTH = 88
"""Plain-text briefings are wrapped to this many columns."""
_LABEL = 14
MAX_DIGEST_LINES = 25
"""The text digest fits one screen: at most this many lines."""
"""Width of the label column in the plain-text headline ('Depends on:' and its padding)."""


def render_answer(answer: Answer) -> str:
    """An answer with its source, or the honest 'no fact' with a hint of what the bot knows; a follow-up's
    answer first says, in one short line, how the question was read."""
    reading = f"(reading it as: {_clean(_lower_first(answer.reading))})\n" if answer.reading else ""
    if not answer.found:
        return reading + (f"{answer.answer} {answer.hint}" if answer.hint else answer.answer)
    source = "; ".join(answer.sources)
    return reading + (f"{answer.answer}\n(Source: {source})" if source else answer.answer)


def _lower_first(text: str) -> str:
    """"Who led ..." -> "who led ...", but "U.S. ..." and "Kim ..." keep their capitals."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in {"who", "what", "when", "where", "why", "how", "which",
                                                            "did", "does", "do", "is", "was", "are", "were"} else text


# --- shared by both ------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """One line of printable text: no control characters (a fact must not drive the terminal)."""
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cs"))
    return " ".join(text.split())


def _meta(entry: Entry) -> str | None:
    """'by ana, 2018-05-29 09:00 UTC: sharper wording' for a change; None for a fact."""
    if entry.by is None and entry.at is None:
        return None
    parts = []
    if entry.by:
        parts.append(f"by {entry.by}")
    if entry.at:
        parts.append(f"{entry.at.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC")
    meta = ", ".join(parts)
    return f"{meta}: {entry.reason}" if entry.reason else meta


def _dated(entry: Entry, group: Group | None) -> str | None:
    """The date label an entry shows, unless its group's heading already gives it."""
    if entry.day is None or (group is not None and group.day is not None):
        return None
    return short_date(entry.day)


# --- plain text ----------------------------------------------------------------------------------


def _wrap(text: str, *, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=True, break_on_hyphens=False) or [first.rstrip()]


def _text_entry(entry: Entry, group: Group | None, *, indent: str = "") -> list[str]:
    date = _dated(entry, group)
    body = _clean(entry.text)
    text = f"{date}: {body}" if date else body
    lines = []
    if entry.previous is not None:
        lines += _wrap(_clean(entry.previous), first=f"{indent}- ", rest=f"{indent}  ")
        lines += _wrap(text, first=f"{indent}  \u2192 ", rest=f"{indent}    ")
    else:
        lines += _wrap(text, first=f"{indent}- ", rest=f"{indent}  ")
    meta = _meta(entry)
    if meta:
        lines += _wrap(f"({_clean(meta)})", first=f"{indent}  ", rest=f"{indent}   ")
    return lines


def _text_headline(headline: Headline) -> list[str]:
    lines = ["HEADLINE"]
    if headline.event is None:
        return lines + _wrap(_clean(headline.note or ""), first="", rest="")
    lines += _wrap(_clean(headline.event), first="", rest="")
    pad = " " * _LABEL

    def labelled(label: str, values: list[str]) -> None:
        for i, value in enumerate(values):
            first = f"  {label + ':':<{_LABEL - 2}}" if i == 0 else pad
            lines.extend(_wrap(_clean(value), first=first, rest=pad))

    if headline.when:
        labelled("When", [headline.when])
    if headline.place:
        labelled("Where", [headline.place])
    if headline.status_line:
        labelled("Status", [headline.status_line])
    labelled("Depends on", [e.text for e in headline.depends_on])
    labelled("Agenda", [e.text for e in headline.agenda])
    if headline.history:
        lines.append("  Status history:")
        for entry in headline.history:
            lines += _text_entry(entry, None, indent="  ")
    return lines


def _text_section(section: BriefingSection) -> list[str]:
    lines = [section.title.upper()]
    if not section.groups:
        return lines + _wrap(_clean(section.note or ""), first="", rest="")
    for i, group in enumerate(section.groups):
        if i and group.heading:
            lines.append("")
        if group.heading:
            lines += _wrap(_clean(group.heading), first="", rest="  ")
        for entry in group.entries:
            lines += _text_entry(entry, group)
    return lines


def render_briefing_text(briefing: Briefing) -> str:
    """The briefing as plain text wrapped to 88 columns, for the console and the CLI."""
    title = briefing.title
    blocks = [[title, "=" * len(title), f"Composed from {briefing.fact_count} facts."]]
    if briefing.headline is not None:
        blocks.append(_text_headline(briefing.headline))
    blocks += [_text_section(s) for s in briefing.sections]
    return "\n\n".join("\n".join(b) for b in blocks) + "\n"


# --- Markdown ------------------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>~|#"})


def _md(text: str) -> str:
    """Fact text as literal Markdown: every character that could format or link is escaped."""
    return _clean(text).translate(_MD_SPECIAL)


def _md_entry(entry: Entry, group: Group | None) -> str:
    date = _dated(entry, group)
    text = f"**{date}:** {_md(entry.text)}" if date else _md(entry.text)
    if entry.previous is not None:
        text = f"~~{_md(entry.previous)}~~ \u2192 {text}"
    meta = _meta(entry)
    return f"- {text} *({_md(meta)})*" if meta else f"- {text}"


def render_briefing_markdown(briefing: Briefing) -> str:
    """The briefing as CommonMark, fact text escaped so that none of it formats or links."""
    out = [f"# {briefing.title}", "", f"*Composed from {briefing.fact_count} facts.*"]
    h = briefing.headline
    if h is not None:
        out += ["", "## Headline", ""]
        if h.event is None:
            out.append(_md(h.note or ""))
        else:
            out += [f"**{_md(h.event)}**", ""]
            for label, value in (("When", h.when), ("Where", h.place), ("Status", h.status_line)):
                if value:
                    out.append(f"- **{label}:** {_md(value)}")
            for label, entries in (("Depends on", h.depends_on), ("Agenda", h.agenda)):
                for e in entries:
                    out.append(f"- **{label}:** {_md(e.text)}")
            if h.history:
                out += ["", "**Status history**", ""]
                out += [_md_entry(e, None) for e in h.history]
    for section in briefing.sections:
        out += ["", f"## {section.title}", ""]
        if not section.groups:
            out.append(f"*{_md(section.note or '')}*")
        for i, group in enumerate(section.groups):
            if group.heading:
                out += ([""] if i else []) + [f"### {_md(group.heading)}", ""]
            out += [_md_entry(e, group) for e in group.entries]
    return "\n".join(out) + "\n"


# --- the digest ----------------------------------------------------------------------------------

FULL_BRIEFING_HINT = "The full briefing: `brief full` (in Slack and Discord: this post's thread)."


def _cut(lines: list[str], cap: int) -> list[str]:
    """The first `cap` of a bullet's wrapped lines, the last ending in an ellipsis between words."""
    if len(lines) <= cap:
        return lines
    kept = lines[:cap]
    last = kept[-1]
    if len(last) >= WIDTH:
        last = last[: last.rfind(" ", 0, WIDTH - 1)] if " " in last.strip() else last[: WIDTH - 1]
    kept[-1] = last.rstrip(" ,;:") + "\u2026"
    return kept


def _digest_parts(digest: Digest, *, hint: str | None) -> list[str | list[str]]:
    """The digest's lines, each item as the list of its wrapped lines (which `_fitted` may cut)."""
    out: list[str | list[str]] = [digest.title]
    h = digest.headline
    if h.event is None:
        out += _wrap(_clean(h.note or ""), first="", rest="")
    else:
        out += _wrap(_clean(f"{h.event}: {h.status_line}" if h.status_line else h.event), first="", rest="  ")
        when = " \u00b7 ".join(f"{label}: {value}" for label, value in (("When", h.when), ("Where", h.place)) if value)
        if when:
            out += _wrap(_clean(when), first="  ", rest="  ")

    def item(text: str) -> list[str]:
        return _wrap(_clean(text), first="- ", rest="  ")

    if digest.quiet:
        out += [""] + _wrap(_clean(words.quiet_line(digest)), first="", rest="")
    else:
        heading = words.changes_heading(digest)
        note = words.changes_note(digest)
        out.append("")
        if note:
            out += _wrap(_clean(f"{heading}: {note}"), first="", rest="  ")
        else:
            out.append(heading.upper())
            out += [item(words.change_text(change)) for change in digest.changes]
            more = words.more_changes(digest)
            if more:
                out.append(f"- {more}")
        if digest.next_events:
            out += ["", words.COMING_UP.upper()]
            out += [item(words.item_text(entry, as_of_day=digest.as_of)) for entry in digest.next_events]
        if digest.top:
            out += ["", words.TOP.upper()]
            out += [item(words.item_text(entry)) for entry in digest.top]
    if digest.waiting:
        out += ["", words.waiting_line(digest)]
    if hint:
        out += [""] + _wrap(hint, first="", rest="")
    return out


def _fitted(parts: list[str | list[str]], budget: int) -> list[str]:
    """The lines, items cut so that all fit in `budget`: one line at a time from the longest item
    (the later one, of equals), never below one line each."""
    items = [p for p in parts if isinstance(p, list)]
    caps = [len(i) for i in items]
    over = sum(1 if isinstance(p, str) else 0 for p in parts) + sum(caps) - budget
    while over > 0 and max(caps, default=1) > 1:
        longest = max(range(len(caps)), key=lambda n: (caps[n], n))
        caps[longest] -= 1
        over -= 1
    cut = iter(_cut(i, c) for i, c in zip(items, caps))
    return [line for p in parts for line in ([p] if isinstance(p, str) else next(cut))]


def render_digest_text(digest: Digest, *, hint: str | None = FULL_BRIEFING_HINT) -> str:
    """The digest as plain text in at most MAX_DIGEST_LINES lines of 88 columns: each item whole
    if that fits, else the longest items cut a line at a time."""
    return "\n".join(_fitted(_digest_parts(digest, hint=hint), MAX_DIGEST_LINES)) + "\n"


def render_digest_markdown(digest: Digest, *, hint: str | None = FULL_BRIEFING_HINT) -> str:
    """The digest as CommonMark, fact text escaped so that none of it formats or links."""
    out = [f"# {digest.title}", ""]
    h = digest.headline
    if h.event is None:
        out.append(_md(h.note or ""))
    else:
        out.append(f"**{_md(h.event)}**" + (f": {_md(h.status_line)}" if h.status_line else ""))
        out += [f"- **{label}:** {_md(value)}" for label, value in (("When", h.when), ("Where", h.place)) if value]
    if digest.quiet:
        out += ["", _md(words.quiet_line(digest))]
    else:
        note = words.changes_note(digest)
        out += ["", f"## {_md(words.changes_heading(digest))}", ""]
        if note:
            out.append(f"*{_md(note)}*")
        out += [f"- {_md(words.change_text(c))}" for c in digest.changes]
        more = words.more_changes(digest)
        if more:
            out.append(f"- {more}")
        for heading, entries, as_of_day in ((words.COMING_UP, digest.next_events, digest.as_of),
                                            (words.TOP, digest.top, None)):
            if entries:
                out += ["", f"## {heading}", ""]
                out += [f"- {_md(words.item_text(e, as_of_day=as_of_day))}" for e in entries]
    if digest.waiting:
        out += ["", _md(words.waiting_line(digest))]
    if hint:
        out += ["", f"*{_md(hint)}*"]
    return "\n".join(out) + "\n"
