"""What the Discord surface reads from messages and slash commands, and what it sends back. Pure.

Slash command options go to the command layer as the typed arguments of the chat command they stand
for (`slash_options`, `CommandLayer.call`), so a slash command obeys exactly its rules, admin check
and validation, with no line rebuilt for the parser. Replies become Discord messages (`reply_messages`): a briefing as embeds
from the briefing renderer, anything else as escaped content of at most 2,000 characters a message.
The surface (`bot.adapters.discord`) does the I/O.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import discord

from bot.commands import Reply
from briefings.answer import Answer
from bot.render._fit import pack, split_to_fit
from bot.render.discord import (
    MAX_CONTENT,
    discord_escape,
    render_answer_discord,
    render_briefing_embeds,
    render_digest_embed,
)

__all__ = [
    "MAX_NONCE",
    "MAX_REPLY_MESSAGES",
    "Outgoing",
    "delivery_nonce",
    "incoming_text",
    "reply_messages",
    "slash_options",
    "text_chunks",
]

MAX_REPLY_MESSAGES = 5
"""Messages one reply may take (an interaction's response and its follow-ups, or channel messages)."""
MAX_NONCE = 25
"""Discord takes a message nonce of at most 25 characters."""
_CUT = "\n\u2026 (cut here: the reply is longer than Discord shows)"
ON_DEMAND_HINT = "/brief section:full gives the whole briefing; /brief with a section, one part of it."


@dataclass(frozen=True)
class Outgoing:
    """One message the bot sends: content, embeds, or both."""

    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    """Buttons under the message (👍 / 👎 under an answer)."""

    def kwargs(self) -> dict[str, object]:
        """As keyword arguments for `send`, `send_message`, `edit_original_response`."""
        out: dict[str, object] = {}
        if self.view is not None:
            out["view"] = self.view
        if self.content is not None:
            out["content"] = self.content
        if self.embeds:
            out["embeds"] = self.embeds
        return out


# --- what Discord sends --------------------------------------------------------------------------


def incoming_text(content: str, *, bot_user_id: int | None) -> str:
    """A message's text as the person meant it: the bot's own mentions (<@id>, <@!id>) removed."""
    if bot_user_id is not None:
        content = re.sub(rf"<@!?{bot_user_id}>", " ", content)
    return content.strip()


def slash_options(options: Mapping[str, object | None] | None, *, clear: str | None = None) -> dict[str, object]:
    """A slash command's options as the command layer's typed options: those not given (None) left
    out, and each key `clear` names (comma- or space-separated) given empty, which clears it."""
    given: dict[str, object] = {k: v for k, v in (options or {}).items() if v is not None}
    return given | {key: "" for key in re.split(r"[,\s]+", clear or "") if key}


# --- what the bot sends --------------------------------------------------------------------------


def text_chunks(text: str, *, limit: int = MAX_CONTENT, most: int = MAX_REPLY_MESSAGES) -> list[str]:
    """`text` escaped for Discord, in at most `most` messages of at most `limit` characters, cut
    between lines (or words, for a very long line); what does not fit is cut with a note."""
    room = limit - len(_CUT)
    lines: list[str] = []
    for line in text.split("\n"):
        escaped = discord_escape(line)
        lines += [escaped] if len(escaped) <= room else [p.rstrip() for p in split_to_fit(line, room, discord_escape)]
    chunks = [c for c in pack(lines, room) if c.strip()] or ["\u200b"]
    if len(chunks) > most:
        chunks = chunks[:most]
        chunks[-1] += _CUT
    return chunks


def reply_messages(reply: Reply) -> list[Outgoing]:
    """A command layer reply as Discord messages: embeds for a briefing, escaped content otherwise."""
    if reply.digest is not None:
        return [Outgoing(embeds=[render_digest_embed(reply.digest, hint=ON_DEMAND_HINT)])]
    if reply.briefing is not None:
        messages = [Outgoing(embeds=embeds) for embeds in render_briefing_embeds(reply.briefing)]
        if messages:
            return messages[:MAX_REPLY_MESSAGES]
    if reply.answer is not None:
        return [Outgoing(content=render_answer_discord(reply.answer), view=feedback_view(reply.answer))]
    return [Outgoing(content=chunk) for chunk in text_chunks(reply.text)]


FEEDBACK_PREFIX = "fb:"
_MAX_CUSTOM_ID = 100


def feedback_view(answer: Answer) -> discord.ui.View | None:
    """👍 / 👎 under an answer from the facts. The question rides in each button's custom_id, so
    whichever replica gets the click can read it; a question too long for one (100 characters) gets
    no buttons."""
    if not answer.found or not answer.facts:
        return None
    question = " ".join(answer.question.split())
    if len(FEEDBACK_PREFIX) + 2 + len(question) > _MAX_CUSTOM_ID:
        return None
    view = discord.ui.View(timeout=None)
    for vote, emoji, label in (("u", "\U0001f44d", "Helpful"), ("d", "\U0001f44e", "Not helpful")):
        view.add_item(discord.ui.Button(style=discord.ButtonStyle.secondary, emoji=emoji, label=label,
                                        custom_id=f"{FEEDBACK_PREFIX}{vote}:{question}"))
    return view


def read_feedback(custom_id: str) -> tuple[bool, str] | None:
    """(helpful, question) from a feedback button's custom_id; None for any other component."""
    if not custom_id.startswith(FEEDBACK_PREFIX) or custom_id[len(FEEDBACK_PREFIX):][:2] not in ("u:", "d:"):
        return None
    return custom_id[len(FEEDBACK_PREFIX)] == "u", custom_id[len(FEEDBACK_PREFIX) + 2:]


def delivery_nonce(key: str, index: int) -> str:
    """The nonce of message `index` of delivery `key`: the same on every retry, so Discord, with
    `enforce_nonce`, returns the message already created instead of posting it again."""
    return hashlib.sha256(f"{key}\x00{index}".encode()).hexdigest()[:MAX_NONCE]
