"""What the command layer passes around: who is calling, what they asked for, what the bot replies."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from briefings.answer import Answer
from briefings.briefing import Briefing
from briefings.digest import Digest

__all__ = ["Caller", "Command", "CommandError", "Invocation", "Outcome", "Reply", "Visibility"]


@dataclass(frozen=True, slots=True)
class Caller:
    """Who sent a command, and where: `platform:user_id` is the identity the admin check uses.

    `admin` is what the platform itself vouches for (the console's --admin, later Discord's Manage
    Server); the command layer also consults BRIEFBOT_ADMINS and the admins added by command.
    """

    platform: str
    user_id: str
    channel: str | None = None
    admin: bool = False
    conversation: str | None = None
    """Where a follow-up question finds the one before it: a thread, a DM, a reply chain, the console
    session. None: this user in this channel."""
    continued_by: tuple[str, ...] = ()
    """Where a message continuing this one will look: the thread the reply opens, this message (for a
    reply to the bot's answer)."""
    thread: str | None = None
    """Where in the channel the bot answers (Slack's thread ts, the Discord message it replies to):
    where a follow-up goes."""

    @property
    def identity(self) -> str:
        return f"{self.platform}:{self.user_id}"

    @property
    def conversation_key(self) -> str:
        return self.conversation or f"{self.platform}:{self.channel or '-'}:user:{self.user_id}"


class Outcome(StrEnum):
    """What came of a message: the command layer says, the surfaces and the log read it."""

    ANSWERED = "answered"
    """A question, answered from the facts."""
    NO_FACT = "no_fact"
    """A question no fact answers (the bot says so)."""
    SHOWN = "shown"
    """A command that reads (help, fact show, brief, ...) did so."""
    CHANGED = "changed"
    """An admin's command was carried out (a dry run of an import included)."""
    INVALID = "invalid"
    """The input was wrong; nothing was changed."""
    REFUSED = "refused"
    """The caller may not do that; nothing was changed."""
    ERROR = "error"
    """Something failed on the bot's side; nothing was changed."""


FAILED = frozenset({Outcome.INVALID, Outcome.REFUSED, Outcome.ERROR})


class Visibility(StrEnum):
    PUBLIC = "public"
    """Everyone where it was asked sees the reply."""
    EPHEMERAL = "ephemeral"
    """Only the caller needs to see it (errors, refusals, admins' changes): surfaces that can, reply
    privately."""


class Reply(BaseModel):
    """What the bot answers; surfaces only render it. The command layer sets the outcome and the
    visibility, and for a refused form submission, which field each error is about."""

    model_config = ConfigDict(extra="forbid")

    text: str
    outcome: Outcome = Outcome.SHOWN
    visibility: Visibility = Visibility.PUBLIC
    field_errors: dict[str, str] = Field(default_factory=dict)
    """The command's key (`statement`, `date`; `id` for the id) each error is about: a form shows
    each on its field."""
    answer: Answer | None = None
    briefing: Briefing | None = None
    """A briefing, for adapters that render it natively (Block Kit, embeds); `text` is its plain form."""
    digest: Digest | None = None
    """The digest, likewise (`brief` without a section)."""

    @property
    def error(self) -> bool:
        """The message was refused or wrong, or failed: nothing was changed."""
        return self.outcome in FAILED

    @property
    def ephemeral(self) -> bool:
        return self.visibility is Visibility.EPHEMERAL

    @classmethod
    def failed(cls, text: str, *, outcome: Outcome = Outcome.INVALID, fields: dict[str, str] | None = None,
               visibility: Visibility = Visibility.EPHEMERAL) -> Reply:
        """A reply saying why nothing was done: for the caller only, unless `visibility` says otherwise."""
        return cls(text=text, outcome=outcome, visibility=visibility, field_errors=fields or {})


class CommandError(Exception):
    """Input a command cannot act on; the message is one sentence for the user."""

    def __init__(self, message: str, *, usage: bool = True, field: str | None = None) -> None:
        super().__init__(message)
        self.usage = usage
        """Whether the reply should show the command's usage after the message."""
        self.field = field
        """The key the message is about, when the command knows it (`id` for the id)."""


@dataclass(frozen=True, slots=True)
class Invocation:
    """A parsed, authorised call of one command."""

    caller: Caller
    words: list[str]
    options: dict[str, str]
    text: str
    """The arguments as typed (what raw commands such as `fact import` read)."""


Handler = Callable[[Invocation], Awaitable[Reply]]


@dataclass(frozen=True, slots=True)
class Command:
    """One chat command: the words that select it, how to call it, and who may."""

    name: str
    """The command words, e.g. "fact add"."""
    usage: str
    summary: str
    example: str
    run: Handler
    changes: Literal["facts", "entities", "sources", "topics", "admins", "subscriptions", "unanswered questions"] | None = None
    """What it changes; None means anyone may use it. Only admins may change anything."""
    words: tuple[str, ...] = ()
    """Names of the positional arguments it requires, e.g. ("ID",)."""
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    """The keys it accepts; any other key is refused with the list of these."""
    raw: bool = False
    """It reads the rest of the message as text instead of words and keys."""
    extra_words: bool = False
    """It accepts more positional words than `words` names."""
    details: list[str] = field(default_factory=list)
    """Extra lines `help COMMAND` shows (what each key means)."""
    body: str | None = None
    """The key the message's lines after the first fill (`source add ... ` then the text), when the
    key is not given on the first line. A block fenced with ``` is read without its fences."""
