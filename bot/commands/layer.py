"""The one platform-neutral command layer: parse, authorise, dispatch.

Every chat surface (console, Slack, Discord) turns its event into `handle(text, caller)` and renders
the `Reply` it gets back. A line with no command word is a question.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from bot.app import Core
from bot.render.text import render_answer
from briefings.answer import Answer

__all__ = ["Caller", "CommandLayer", "Reply"]


@dataclass(frozen=True, slots=True)
class Caller:
    """Who sent a command, and where: `platform:user_id` is the identity the admin check uses."""

    platform: str
    user_id: str
    channel: str | None = None
    admin: bool = False

    @property
    def identity(self) -> str:
        return f"{self.platform}:{self.user_id}"


class Reply(BaseModel):
    text: str
    ephemeral: bool = False
    answer: Answer | None = None


_HELP = {
    "ask": ("ask QUESTION, or just type the question", "who led the Singapore delegation?"),
    "help": ("help [COMMAND]: what each command does", "help ask"),
}


class CommandLayer:
    def __init__(self, core: Core) -> None:
        self._core = core

    async def handle(self, text: str, caller: Caller) -> Reply:
        text = text.strip()
        word, _, rest = text.partition(" ")
        word = word.lower()
        if word == "help":
            return Reply(text=self._help(rest.strip().lower()))
        if word == "ask":
            text = rest
        if not text:
            return Reply(text="Ask me a question, or type `help`.")
        answer = self._core.ask(text)
        return Reply(text=render_answer(answer), answer=answer)

    @staticmethod
    def _help(command: str) -> str:
        if command in _HELP:
            usage, example = _HELP[command]
            return f"{usage}\nExample: {example}"
        lines = ["Commands:"] + [f"  {usage}" for usage, _ in _HELP.values()]
        lines.append("Any other line is a question, e.g. who led the Singapore delegation?")
        return "\n".join(lines)
