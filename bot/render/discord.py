"""Discord rendering: a briefing as messages of embeds, an answer as message content. Pure functions.

Discord's limits (discord.py checks only the counts; the sizes are kept here, measured after
escaping): 10 embeds a message and 6,000 characters across them (`len(embed)`), title 256,
description 4,096, 25 fields, field name 256 and value 1,024, footer 2,048, content 2,000.

Fact text is untrusted: `discord_escape` escapes its markdown and breaks every mention form, so no
fact can format, ping @everyone/@here, a role or a user, or link a channel. (Senders should still set
`AllowedMentions.none()` on the client; the payloads the CLI prints carry it too.)
"""

from __future__ import annotations

import re
from typing import Any

import discord
from discord.utils import escape_markdown, escape_mentions

from bot.render import _digest as words
from bot.render._fit import pack, shorten, split_to_fit
from bot.render.text import render_answer
from briefings.answer import Answer
from briefings.compose import Briefing, BriefingSection, Entry, Group, Headline, SummitStatus, short_date
from briefings.digest import Digest

__all__ = [
    "MAX_CONTENT",
    "MAX_DESCRIPTION",
    "MAX_DIGEST",
    "MAX_EMBEDS",
    "MAX_FIELDS",
    "MAX_FIELD_NAME",
    "MAX_FIELD_VALUE",
    "MAX_FOOTER",
    "MAX_TITLE",
    "MAX_TOTAL",
    "discord_escape",
    "message_payload",
    "render_answer_discord",
    "render_briefing_embeds",
    "render_digest_embed",
]

MAX_EMBEDS = 10
MAX_TOTAL = 6000
MAX_TITLE = 256
MAX_DESCRIPTION = 4096
MAX_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FOOTER = 2048
MAX_CONTENT = 2000
MAX_DIGEST = 2000
"""The digest is one embed of at most this many characters (`len(embed)`): one screen."""

_ZWSP = "\u200b"
_MENTION_OPENERS = re.compile(r"<(?=[@#/])")
"""`<@id>`, `<@!id>`, `<@&role>`, `<#channel>` and `</command:id>`: a zero-width space after `<`
stops Discord reading them as mentions."""
_CONTINUED = " (continued)"
_STATUS_COLOURS = {
    SummitStatus.scheduled: discord.Colour.blue(),
    SummitStatus.off: discord.Colour.red(),
    SummitStatus.back_on: discord.Colour.green(),
    SummitStatus.past: discord.Colour.greyple(),
}


def discord_escape(text: str) -> str:
    """Text that shows as written: markdown escaped, @everyone/@here and every <@...> form broken.

    `escape_markdown` reads ``[...](...)`` greedily, to the last ``)`` of the line, and escapes only
    its first character, leaving any markdown after it live; so `[` is escaped here, and
    `escape_markdown` runs on the text between, where no masked link can start.
    """
    escaped = "\\[".join(escape_markdown(part) for part in text.split("["))
    return _MENTION_OPENERS.sub("<" + _ZWSP, escape_mentions(escaped))


def render_answer_discord(answer: Answer) -> str:
    """An answer as message content: escaped, and cut to Discord's 2,000 characters."""
    return shorten(render_answer(answer), MAX_CONTENT, discord_escape)


def message_payload(embeds: list[discord.Embed]) -> dict[str, Any]:
    """What a bot sends for one message of the briefing: the embeds, and no mention allowed."""
    return {"embeds": [e.to_dict() for e in embeds], "allowed_mentions": {"parse": []}}


# --- embeds --------------------------------------------------------------------------------------


def _entry_lines(entry: Entry, group: Group | None, *, limit: int) -> list[str]:
    date = ""
    if entry.day is not None and (group is None or group.day is None):
        date = f"**{short_date(entry.day)}:** "
    budget = limit - len(date) - 2
    body = split_to_fit(entry.text, budget, discord_escape)
    if entry.previous is not None:
        body = [f"~~{p}~~" for p in split_to_fit(entry.previous, budget - 6, discord_escape)] + [
            f"\u2192 {p}" for p in split_to_fit(entry.text, budget - 2, discord_escape)
        ]
    lines = [("\u2022 " + date if i == 0 else "\u2003") + p for i, p in enumerate(body)]
    why = ", ".join(p for p in (f"by {entry.by}" if entry.by else None, entry.reason) if p)
    if why:
        lines += [f"\u2003*{p}*" for p in split_to_fit(f"({why})", limit - 3, discord_escape)]
    return lines


class _Embeds:
    """Embeds for one part of the briefing, each within Discord's limits, filled in order."""

    def __init__(self, title: str, *, footer: str, colour: discord.Colour | None = None) -> None:
        self._title = shorten(title, MAX_TITLE - len(_CONTINUED), discord_escape)
        self._footer = shorten(footer, MAX_FOOTER, discord_escape)
        self._colour = colour
        self.embeds: list[discord.Embed] = []
        self._new()

    def _new(self) -> discord.Embed:
        title = self._title + (_CONTINUED if self.embeds else "")
        embed = discord.Embed(title=title, colour=self._colour)
        if not self.embeds:
            embed.set_footer(text=self._footer)
        self.embeds.append(embed)
        return embed

    def description(self, text: str) -> None:
        embed = self.embeds[-1]
        if embed.description or embed.fields or len(embed) + len(text) > MAX_TOTAL:
            embed = self._new()
        embed.description = text

    def field(self, name: str, value: str, *, inline: bool = False) -> None:
        embed = self.embeds[-1]
        if len(embed.fields) == MAX_FIELDS or len(embed) + len(name) + len(value) > MAX_TOTAL:
            embed = self._new()
        embed.add_field(name=name, value=value, inline=inline)

    def group(self, heading: str | None, entries: list[Entry], group: Group | None = None) -> None:
        """Entries as the description (no heading, nothing above), else as fields under the heading."""
        if heading is None and not self.embeds[-1].fields:
            for chunk in pack(_group_lines(entries, group, limit=MAX_DESCRIPTION), MAX_DESCRIPTION):
                self.description(chunk)
            return
        name = shorten(heading or _ZWSP, MAX_FIELD_NAME - len(_CONTINUED), discord_escape)
        lines = _group_lines(entries, group, limit=MAX_FIELD_VALUE)
        for i, chunk in enumerate(pack(lines, MAX_FIELD_VALUE)):
            self.field(name + (_CONTINUED if i else ""), chunk)


def _group_lines(entries: list[Entry], group: Group | None, *, limit: int) -> list[str]:
    return [line for e in entries for line in _entry_lines(e, group, limit=limit)]


def _headline_embeds(h: Headline, *, footer: str) -> list[discord.Embed]:
    out = _Embeds(f"Headline: {h.event}" if h.event else "Headline", footer=footer,
                  colour=_STATUS_COLOURS.get(h.status) if h.status else None)
    if h.event is None:
        out.description(shorten(h.note or "", MAX_DESCRIPTION, discord_escape))
        return out.embeds
    for label, value in (("When", h.when), ("Where", h.place), ("Status", h.status_line)):
        if value:
            out.field(label, shorten(value, MAX_FIELD_VALUE, discord_escape), inline=True)
    for label, entries in (("Depends on", h.depends_on), ("Agenda", h.agenda), ("Status history", h.history)):
        if entries:
            out.group(label, entries)
    return out.embeds


def _section_embeds(section: BriefingSection, *, footer: str) -> list[discord.Embed]:
    out = _Embeds(section.title, footer=footer)
    if not section.groups:
        out.description(f"*{shorten(section.note or '', MAX_DESCRIPTION - 2, discord_escape)}*")
    for group in section.groups:
        out.group(group.heading, group.entries, group)
    return out.embeds


def _messages(embeds: list[discord.Embed]) -> list[list[discord.Embed]]:
    """Embeds in order, as few messages as fit: 10 embeds and 6,000 characters each at most."""
    messages: list[list[discord.Embed]] = []
    size = 0
    for embed in embeds:
        if not messages or len(messages[-1]) == MAX_EMBEDS or size + len(embed) > MAX_TOTAL:
            messages.append([])
            size = 0
        messages[-1].append(embed)
        size += len(embed)
    return messages


def render_briefing_embeds(briefing: Briefing) -> list[list[discord.Embed]]:
    """The briefing as Discord messages, each a list of embeds within Discord's limits."""
    footer = f"{briefing.title} \u00b7 composed from {briefing.fact_count} facts"
    embeds: list[discord.Embed] = []
    if briefing.headline is not None:
        embeds += _headline_embeds(briefing.headline, footer=footer)
    for section in briefing.sections:
        embeds += _section_embeds(section, footer=footer)
    return _messages(embeds)


# --- the digest ----------------------------------------------------------------------------------

THREAD_HINT = "The full briefing is in this message's thread."



def _digest_item(text: str, cap: int | None) -> str:
    return "\u2022 " + shorten(text, min(cap or MAX_FIELD_VALUE, MAX_FIELD_VALUE // 3), discord_escape)


def _digest_embed(digest: Digest, cap: int | None, hint: str | None) -> tuple[discord.Embed, bool]:
    """The embed, and whether every field kept all its lines (a field over 1,024 is cut)."""
    h = digest.headline
    embed = discord.Embed(title=shorten(digest.title, MAX_TITLE, discord_escape),
                          colour=_STATUS_COLOURS.get(h.status) if h.status else None)
    whole = True
    if h.event is None:
        embed.description = shorten(h.note or "", MAX_DESCRIPTION, discord_escape)
    else:
        lines = [f"**{shorten(h.event, MAX_TITLE, discord_escape)}**"]
        lines += [f"**{label}:** {shorten(value, MAX_FIELD_VALUE, discord_escape)}"
                  for label, value in (("When", h.when), ("Where", h.place), ("Status", h.status_line)) if value]
        embed.description = "\n".join(lines)

    def part(name: str, lines: list[str]) -> None:
        nonlocal whole
        value = "\n".join(lines)
        whole = whole and len(value) <= MAX_FIELD_VALUE
        embed.add_field(name=shorten(name, MAX_FIELD_NAME, discord_escape), value=value[:MAX_FIELD_VALUE], inline=False)

    if digest.quiet:
        part("\u200b", [shorten(words.quiet_line(digest), MAX_FIELD_VALUE, discord_escape)])
    else:
        note = words.changes_note(digest)
        if note:
            part(words.changes_heading(digest), [f"*{discord_escape(note)}*"])
        else:
            more = words.more_changes(digest)
            part(words.changes_heading(digest), [_digest_item(words.change_text(c), cap) for c in digest.changes]
                 + ([f"\u2022 {more}"] if more else []))
        if digest.next_events:
            part(words.COMING_UP, [_digest_item(words.item_text(e, as_of_day=digest.as_of), cap)
                                   for e in digest.next_events])
        if digest.top:
            part(words.TOP, [_digest_item(words.item_text(e), cap) for e in digest.top])
    embed.set_footer(text=shorten(words.footer(digest, where=hint or ""), MAX_FOOTER, discord_escape))
    return embed, whole


def render_digest_embed(digest: Digest, *, hint: str | None = THREAD_HINT) -> discord.Embed:
    """The digest as one embed of at most MAX_DIGEST characters, each item whole if that fits,
    else cut shorter until it does."""
    embed, _ = words.fit(lambda cap: _digest_embed(digest, cap, hint),
                         lambda made: made[1] and len(made[0]) <= MAX_DIGEST, (None, 300, 200, 120, 60))
    return embed
