"""What Slack sends the bot, read into models, and what the bot sends back, as message payloads.

Pure functions and pydantic models; the Slack surface (`bot.adapters.slack`) does the I/O.

Slack entity-encodes ``&``, ``<`` and ``>`` in the text of messages and slash commands and writes
mentions as ``<@U123>``: incoming text is decoded (`incoming_text`) before it reaches the command
layer, and every outgoing text is escaped again (`slack_escape`) and posted with ``mrkdwn`` off, so
that nothing a user or a fact says can format, link or notify.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from bot.commands import Reply
from bot.render._fit import pack, split_to_fit
from bot.render.slack import THREAD_HINT, render_briefing_blocks, render_digest_blocks, slack_escape
from briefings.briefing import Briefing, parse_section
from briefings.digest import Digest, Edition

__all__ = [
    "MAX_HOME_BLOCKS",
    "MAX_MESSAGE_TEXT",
    "MAX_REPLY_MESSAGES",
    "AppHomeOpened",
    "MessageEvent",
    "SlackFile",
    "SlashCommand",
    "briefing_messages",
    "edition_messages",
    "home_view",
    "incoming_text",
    "reply_messages",
    "slash_command_text",
    "text_chunks",
]

MAX_MESSAGE_TEXT = 3900
"""Characters of text in one message we post (Slack advises at most 4,000)."""
MAX_REPLY_MESSAGES = 5
"""Messages one reply may take: a slash command's response URL takes about five."""
MAX_HOME_BLOCKS = 100
"""Blocks in the App Home tab."""
_CUT = "\n\u2026 (cut here: the reply is longer than Slack shows)"
ON_DEMAND_HINT = "/brief full gives the whole briefing, /brief SECTION one part of it."
_BRIEFING_WORDS = {"", "today", "all", "full"}


# --- what Slack sends ------------------------------------------------------------------------------


class _Payload(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class SlackFile(_Payload):
    """A file shared with a message: the fields the bot reads to fetch a text file's content."""

    id: str
    name: str | None = None
    mimetype: str | None = None
    url_private_download: str | None = None
    url_private: str | None = None

    @property
    def url(self) -> str | None:
        return self.url_private_download or self.url_private


class MessageEvent(_Payload):
    """An `app_mention` or `message` event: the fields the bot reads."""

    type: str
    user: str | None = None
    channel: str
    text: str = ""
    ts: str
    thread_ts: str | None = None
    channel_type: str | None = None
    subtype: str | None = None
    bot_id: str | None = None
    edited: dict[str, Any] | None = None
    files: list[SlackFile] = Field(default_factory=list)

    @property
    def from_a_person(self) -> bool:
        """A new message a person wrote (files shared with it count): not a bot's, not an edit,
        deletion or other subtype."""
        return (self.user is not None and self.subtype in (None, "file_share") and self.bot_id is None
                and self.edited is None)

    @property
    def thread(self) -> str:
        """The thread to answer in: the message's own thread, or a new one under it."""
        return self.thread_ts or self.ts


class AppHomeOpened(_Payload):
    type: str
    user: str
    tab: str | None = None


class SlashCommand(_Payload):
    command: str
    text: str = ""
    user_id: str
    channel_id: str
    response_url: str
    trigger_id: str


_MENTION_OF = "<@{}(?:\\|[^>]*)?>"


def incoming_text(text: str, *, bot_user_id: str | None = None) -> str:
    """A message's text as the person typed it: the bot's own mention removed, & < > decoded."""
    if bot_user_id:
        text = re.sub(_MENTION_OF.format(re.escape(bot_user_id)), " ", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return text.strip()


def slash_command_text(text: str, command_words: Collection[str]) -> str:
    """The command `/brief TEXT` asks for: the briefing for `/brief`, `/brief today` and
    `/brief SECTION` (with any `date=`); TEXT itself for a command or a question."""
    text = text.strip()
    words = [w for w in text.split() if "=" not in w]
    if words and words[0].lower() in command_words:
        return text
    name = " ".join(words)
    if name.lower() in _BRIEFING_WORDS:
        return f"brief {text}".strip()
    try:
        parse_section(name)
    except ValueError:
        return text
    return f"brief {text}"


# --- what the bot sends ----------------------------------------------------------------------------


def text_chunks(text: str, *, limit: int = MAX_MESSAGE_TEXT, most: int = MAX_REPLY_MESSAGES) -> list[str]:
    """`text` escaped for Slack, in at most `most` messages of at most `limit` characters,
    cut between lines (or words, for a very long line); what does not fit is cut with a note."""
    room = limit - len(_CUT)
    lines: list[str] = []
    for line in text.split("\n"):
        escaped = slack_escape(line)
        lines += [escaped] if len(escaped) <= room else [p.rstrip() for p in split_to_fit(line, room, slack_escape)]
    chunks = pack(lines, room) or [""]
    if len(chunks) > most:
        chunks = chunks[:most]
        chunks[-1] += _CUT
    return chunks


def briefing_messages(briefing: Briefing) -> list[dict[str, Any]]:
    """A briefing as chat.postMessage payloads: Block Kit, with the title as the notification text."""
    title = slack_escape(briefing.title)
    return [
        {"text": title if i == 0 else f"{title} (continued)", "blocks": blocks}
        for i, blocks in enumerate(render_briefing_blocks(briefing))
    ]


def digest_message(digest: Digest, *, hint: str | None) -> dict[str, Any]:
    """The digest as one chat.postMessage payload: Block Kit, with the title as the notification text."""
    return {"text": slack_escape(digest.title), "blocks": render_digest_blocks(digest, hint=hint)}


def edition_messages(edition: Edition) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The day's briefing as chat.postMessage payloads: the digest, the channel post; then the full
    briefing's messages, the replies in its thread (the caller adds `thread_ts`)."""
    replies = briefing_messages(edition.briefing)
    n = len(replies)
    for i, reply in enumerate(replies, start=1):
        reply["text"] = f"{slack_escape(edition.briefing.title)}: the full briefing ({i} of {n})"
    return digest_message(edition.digest, hint=THREAD_HINT), replies


def reply_messages(reply: Reply) -> list[dict[str, Any]]:
    """A command layer reply as message payloads (text, blocks, mrkdwn), at most MAX_REPLY_MESSAGES."""
    if reply.digest is not None:
        return [digest_message(reply.digest, hint=ON_DEMAND_HINT)]
    if reply.briefing is not None:
        return briefing_messages(reply.briefing)[:MAX_REPLY_MESSAGES]
    messages: list[dict[str, Any]] = [{"text": chunk, "mrkdwn": False} for chunk in text_chunks(reply.text)]
    answer = reply.answer
    if answer is not None and answer.found and answer.facts and len(messages[-1]["text"]) <= MAX_SECTION_TEXT:
        messages[-1]["blocks"] = [
            {"type": "section", "text": {"type": "plain_text", "text": messages[-1]["text"], "emoji": False}},
            *feedback_blocks(answer.question),
        ]
    return messages


FEEDBACK_UP = "answer_feedback_up"
FEEDBACK_DOWN = "answer_feedback_down"
MAX_SECTION_TEXT = 3000
_MAX_VALUE = 2000


def feedback_blocks(question: str) -> list[dict[str, Any]]:
    """The small line under an answer: did it help? 👍 / 👎 (block actions carrying the question)."""
    def button(action_id: str, emoji: str, label: str) -> dict[str, Any]:
        return {"type": "button", "action_id": action_id, "value": question[:_MAX_VALUE],
                "text": {"type": "plain_text", "text": emoji, "emoji": True}, "accessibility_label": label}

    return [
        {"type": "context", "elements": [{"type": "plain_text", "text": "Did this answer help?", "emoji": False}]},
        {"type": "actions", "block_id": "answer_feedback",
         "elements": [button(FEEDBACK_UP, "\U0001f44d", "This answer helped"),
                      button(FEEDBACK_DOWN, "\U0001f44e", "This answer did not help")]},
    ]


def slack_unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def home_view(briefing: Briefing) -> dict[str, Any]:
    """The App Home tab: today's briefing, within the tab's 100 blocks."""
    intro = {"type": "context", "elements": [{"type": "plain_text", "emoji": False,
             "text": "Ask me anything about the talks: /brief QUESTION, a mention, or a direct message."}]}
    blocks: list[dict[str, Any]] = [intro]
    for message in render_briefing_blocks(briefing):
        blocks += message
    if len(blocks) > MAX_HOME_BLOCKS:
        more = {"type": "context", "elements": [{"type": "plain_text", "emoji": False,
                "text": "The briefing goes on: /brief today shows all of it."}]}
        blocks = blocks[: MAX_HOME_BLOCKS - 1] + [more]
    return {"type": "home", "blocks": blocks}
