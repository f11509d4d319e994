"""The console adapter: stdin lines in, replies out. Scriptable when stdin is not a terminal.

A message may span lines, to paste a YAML file or a source's text: a line ending in \\ goes on
on the next line, and a ``` opens a block that runs to the next ``` (`fact import ```yaml`, the
YAML, then ```). The fences stay in the message, as Slack sends them; the command layer reads
inside them.
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from typing import TextIO

from bot.app import Core
from bot.commands import Caller, CommandLayer
from bot.follow_up import FollowUps
from bot.render.text import render_digest_text
from bot.surface import Record
from briefings.deliveries import Posted
from briefings.digest import Edition

__all__ = ["ConsoleSurface", "run_console"]

_GREETING = "briefbot console: ask a question about the 2018 U.S.-North Korea summit talks, or type `help`. Ctrl-D quits."


class ConsoleSurface:
    """The terminal as a chat channel (`console`), for `briefbot chat` and `briefbot run` without tokens."""

    platform = "console"

    def __init__(self, commands: CommandLayer, *, user: str, admin: bool,
                 stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self._commands = commands
        self._caller = Caller(platform="console", user_id=user, channel="console", admin=admin,
                              conversation=f"console:{user}:{uuid.uuid4().hex}")  # this session
        self._stdin = stdin or sys.stdin
        self._stdout = stdout or sys.stdout
        self._task: asyncio.Task[None] | None = None
        self._follow_ups: list[str] = []
        """Follow-ups to print before the next prompt."""
        self.closed = asyncio.Event()
        """Set when the input ends (Ctrl-D, or the end of a script)."""

    async def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="console")

    async def stop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    async def publish(self, channel: str, edition: Edition, *, key: str, posted: Posted, record: Record) -> Posted:
        """The digest, printed (the console has no threads: `brief full` prints the rest)."""
        if posted.post is None:
            self._write(render_digest_text(edition.digest))
            posted = Posted(post=key)
            await record(posted)
        return posted

    async def notify(self, channel: str, text: str, *, thread: str | None, key: str) -> str:
        """A follow-up, printed after the current reply (before the next prompt)."""
        self._follow_ups.append(text)
        return key

    async def _read_message(self, loop: asyncio.AbstractEventLoop) -> str | None:
        """The next message: one line, or several joined (see the module's docstring); None at the end."""
        lines: list[str] = []
        while True:
            line = await loop.run_in_executor(None, self._stdin.readline)
            if not line:
                return join_lines(lines) if lines else None
            lines.append(line.rstrip("\r\n"))
            if not _continues(lines):
                return join_lines(lines)
            if self._stdin.isatty():
                print(". ", end="", file=self._stdout, flush=True)

    def _write(self, text: str) -> None:
        print(text, file=self._stdout, flush=True)

    async def _loop(self) -> None:
        interactive = self._stdin.isatty()
        if interactive:
            self._write(_GREETING)
        loop = asyncio.get_running_loop()
        try:
            while True:
                if interactive:
                    print("> ", end="", file=self._stdout, flush=True)
                message = await self._read_message(loop)
                if message is None:
                    break
                if not message.strip():
                    continue
                reply = await self._commands.handle(message, self._caller)
                self._write(reply.text)
                while self._follow_ups:
                    self._write(self._follow_ups.pop(0))
        finally:
            self.closed.set()


_FENCE = "```"


def _continues(lines: list[str]) -> bool:
    """Whether the message read so far goes on: a ``` block still open, or a last line ending in \\."""
    return sum(line.count(_FENCE) for line in lines) % 2 == 1 or lines[-1].endswith("\\")


def join_lines(lines: list[str]) -> str:
    """The message `lines` make: a trailing \\ is dropped, the lines joined by newlines."""
    return "\n".join(line[:-1] if line.endswith("\\") else line for line in lines)


async def run_console(core: Core, *, user: str, admin: bool) -> None:
    """Act as `console:USER` until the input ends: an admin if `admin` (--admin) or if configured as one."""
    follow_ups = FollowUps(core, surfaces=lambda platform: console if platform == "console" else None)
    console = ConsoleSurface(CommandLayer(core, on_questions_answered=follow_ups.send_due), user=user, admin=admin)
    await console.start()
    await console.closed.wait()
