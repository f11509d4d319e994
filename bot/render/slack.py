"""Slack rendering: a briefing as Block Kit messages, an answer as message text. Pure functions.

Blocks are built with `slack_sdk.models.blocks` and turned into dicts with `to_dict()`, which runs
slack_sdk's validation (section text <= 3,000, header <= 150, context <= 10 elements). The cap of
50 blocks a message, which slack_sdk does not check, is kept here by splitting into messages.

Fact text is untrusted: it goes into `plain_text` objects, which Slack never formats and in which
no mention is parsed, after `slack_escape` (& < > become entities, so `<!channel>` is inert). The
only `mrkdwn` this module writes is its own bold around headings and labels, from which the mrkdwn
control characters are removed first (see `_label`).
"""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.render import _digest as words
from bot.render._fit import pack, shorten, split_to_fit
from bot.render.text import render_answer
from briefings.answer import Answer
from briefings.compose import Briefing, BriefingSection, Entry, Group, Headline, short_date
from briefings.digest import Digest

__all__ = [
    "MAX_BLOCKS",
    "MAX_DIGEST_BLOCKS",
    "MAX_DIGEST_TEXT",
    "MAX_HEADER",
    "MAX_SECTION_TEXT",
    "render_answer_slack",
    "render_briefing_blocks",
    "render_digest_blocks",
    "slack_escape",
    "text_size",
]

MAX_BLOCKS = 50
"""Blocks in one message."""
MAX_SECTION_TEXT = 3000
"""Characters in a section block's text."""
MAX_FIELD_TEXT = 2000
"""Characters in one of a section block's fields."""
MAX_HEADER = 150
"""Characters in a header block."""
MAX_DIGEST_BLOCKS = 20
MAX_DIGEST_TEXT = 3000
"""The digest post fits one screen: at most this many blocks and characters of text (`text_size`)."""
_CONTINUED = " (continued)"
_MRKDWN_CONTROL = str.maketrans("", "", "*_~`")


def slack_escape(text: str) -> str:
    """Text safe inside any Slack text: & < > as entities, and nothing else changed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _label(text: str) -> str:
    """A name or date for inside this module's mrkdwn: escaped, with *, _, ~ and ` removed so it
    can neither close the bold around it nor format anything."""
    return slack_escape(" ".join(text.split()).translate(_MRKDWN_CONTROL))


def render_answer_slack(answer: Answer) -> str:
    """An answer as plain message text, & < > escaped.

    Post it with ``mrkdwn=False`` (or in a `plain_text` object) so that fact text cannot format,
    and never with ``link_names`` or ``parse="full"``.
    """
    return slack_escape(render_answer(answer))


# --- blocks --------------------------------------------------------------------------------------


def _plain(text: str) -> PlainTextObject:
    return PlainTextObject(text=text, emoji=False)


def _bold(text: str, limit: int = MAX_SECTION_TEXT) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=f"*{shorten(text, limit - 2, _label)}*", verbatim=True))


def _header(text: str) -> HeaderBlock:
    return HeaderBlock(text=_plain(shorten(text, MAX_HEADER, slack_escape)))


def _note(text: str) -> ContextBlock:
    return ContextBlock(elements=[_plain(shorten(text, MAX_SECTION_TEXT, slack_escape))])


def _entry_lines(entry: Entry, group: Group | None, *, limit: int = MAX_SECTION_TEXT) -> list[str]:
    """One entry as bullet lines of escaped text, each within `limit`."""
    prefix = ""
    if entry.day is not None and (group is None or group.day is None):
        prefix = f"{short_date(entry.day)}: "
    text = prefix + entry.text
    if entry.previous is not None:
        text = f"{entry.previous} \u2192 {text}"
    if entry.by or entry.reason:
        why = ", ".join(p for p in (f"by {entry.by}" if entry.by else None, entry.reason) if p)
        text = f"{text} ({why})"
    pieces = split_to_fit(text, limit - 2, slack_escape)
    return [("\u2022 " if i == 0 else "  ") + p for i, p in enumerate(pieces)]


def _entries_blocks(entries: list[Entry], group: Group | None) -> list[Block]:
    lines = [line for e in entries for line in _entry_lines(e, group)]
    return [SectionBlock(text=_plain(chunk)) for chunk in pack(lines, MAX_SECTION_TEXT)]


def _group_blocks(group: Group) -> list[Block]:
    blocks: list[Block] = [_bold(group.heading)] if group.heading else []
    return blocks + _entries_blocks(group.entries, group)


def _headline_blocks(h: Headline) -> list[Block]:
    if h.event is None:
        return [_note(h.note or "")]
    fields = [
        MarkdownTextObject(text=f"*{label}*\n{shorten(value, MAX_FIELD_TEXT - len(label) - 3, _label)}", verbatim=True)
        for label, value in (("When", h.when), ("Where", h.place), ("Status", h.status_line))
        if value
    ]
    blocks: list[Block] = [
        SectionBlock(text=MarkdownTextObject(text=f"*{shorten(h.event, MAX_SECTION_TEXT - 2, _label)}*",
                                             verbatim=True), fields=fields or None)
    ]
    for label, entries in (("Depends on", h.depends_on), ("Agenda", h.agenda), ("Status history", h.history)):
        if entries:
            blocks.append(_bold(label))
            blocks += _entries_blocks(entries, None)
    return blocks


def _section_blocks(section: BriefingSection) -> list[Block]:
    if not section.groups:
        return [_note(section.note or "")]
    return [b for g in section.groups for b in _group_blocks(g)]


# --- messages ------------------------------------------------------------------------------------


def _paginate(parts: list[tuple[str, list[Block]]], *, intro: list[Block]) -> list[list[Block]]:
    """Parts (a title and its blocks) laid out in messages of at most MAX_BLOCKS blocks.

    Each part starts with a header; a part that runs into the next message repeats its header
    there, marked '(continued)'. A part never starts in the last two slots of a message.
    """
    messages: list[list[Block]] = [list(intro)]
    for title, blocks in parts:
        current = messages[-1]
        if current and len(current) + 3 > MAX_BLOCKS:  # divider + header + one block
            messages.append(current := [])
        if current:
            current.append(DividerBlock())
        current.append(_header(title))
        for block in blocks:
            if len(current) == MAX_BLOCKS:
                messages.append(current := [_header(title + _CONTINUED)])
            current.append(block)
    return [m for m in messages if m]


def render_briefing_blocks(briefing: Briefing) -> list[list[dict[str, Any]]]:
    """The briefing as Slack messages, each a list of Block Kit dicts within Slack's limits."""
    intro: list[Block] = [
        _header(briefing.title),
        ContextBlock(elements=[_plain(f"Composed from {briefing.fact_count} facts.")]),
    ]
    parts: list[tuple[str, list[Block]]] = []
    if briefing.headline is not None:
        parts.append(("Headline", _headline_blocks(briefing.headline)))
    parts += [(s.title, _section_blocks(s)) for s in briefing.sections]
    return [[block.to_dict() for block in message] for message in _paginate(parts, intro=intro)]


# --- the digest ----------------------------------------------------------------------------------

THREAD_HINT = "The full briefing is in this post's thread."


def text_size(blocks: list[dict[str, Any]]) -> int:
    """Characters of text in Block Kit blocks: every `text` string in them, however deep."""

    def size(node: Any) -> int:
        if isinstance(node, dict):
            return sum(len(v) if k == "text" and isinstance(v, str) else size(v) for k, v in node.items())
        if isinstance(node, list):
            return sum(size(v) for v in node)
        return 0

    return size(blocks)


def _digest_part(heading: str, items: list[str], cap: int | None, *, more: str | None = None) -> list[Block]:
    """A bold heading and its items as bullets in one section, each cut to `cap` characters and to
    its share of the section's 3,000."""
    lines = [f"\u2022 {more}"] if more else []
    share = (MAX_SECTION_TEXT - sum(len(line) + 1 for line in lines)) // max(1, len(items)) - 3
    limit = min(cap or share, share)
    bullets = ["\u2022 " + shorten(item, limit, slack_escape) for item in items]
    return [_bold(heading), SectionBlock(text=_plain("\n".join(bullets + lines)))]


def _digest_blocks(digest: Digest, cap: int | None, hint: str | None) -> list[Block]:
    blocks: list[Block] = [_header(digest.title)]
    h = digest.headline
    if h.event is None:
        blocks.append(_note(h.note or ""))
    else:
        blocks += _headline_blocks(h.model_copy(update={"depends_on": [], "agenda": [], "history": []}))
    blocks.append(DividerBlock())
    if digest.quiet:
        blocks.append(SectionBlock(text=_plain(shorten(words.quiet_line(digest), MAX_SECTION_TEXT, slack_escape))))
    else:
        note = words.changes_note(digest)
        if note:
            blocks.append(_note(f"{words.changes_heading(digest)}: {note}"))
        else:
            blocks += _digest_part(words.changes_heading(digest), [words.change_text(c) for c in digest.changes], cap,
                                   more=words.more_changes(digest))
        if digest.next_events:
            blocks += _digest_part(words.COMING_UP, [words.item_text(e, as_of_day=digest.as_of)
                                                     for e in digest.next_events], cap)
        if digest.top:
            blocks += _digest_part(words.TOP, [words.item_text(e) for e in digest.top], cap)
    blocks.append(_note(words.footer(digest, where=hint or "")))
    return blocks


def render_digest_blocks(digest: Digest, *, hint: str | None = THREAD_HINT) -> list[dict[str, Any]]:
    """The digest as one Slack message: at most MAX_DIGEST_BLOCKS blocks and MAX_DIGEST_TEXT
    characters of text, each item whole if that fits, else cut shorter until it does."""
    return words.fit(lambda cap: [b.to_dict() for b in _digest_blocks(digest, cap, hint)],
                     lambda blocks: len(blocks) <= MAX_DIGEST_BLOCKS and text_size(blocks) <= MAX_DIGEST_TEXT,
                     (None, 300, 200, 120, 60))
