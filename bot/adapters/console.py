"""The console adapter: stdin lines in, replies out. Scriptable when stdin is not a terminal.

A message may span lines, to paste a YAML file or a source's text: a line ending in \\ goes on
on the next line, and a ``` opens a block that runs to the next ``` (`fact import ```yaml`, the
YAML, then ```). The fences stay in the message, as Slack sends them; the command layer reads
inside them.
"""

from __future__ import annotations

import asyncio
import codecs
import os
import stat
import sys
import uuid
from collections.abc import Callable
from typing import TextIO

from bot.commands import Caller, CommandLayer
from bot.render.text import render_digest_text
from bot.surface import Record
from briefings.deliveries import Posted
from briefings.digest import Edition

__all__ = ["ConsoleSurface", "stdin_has_input"]

_GREETING = ("briefbot console: ask a question about the 2018 U.S.-North Korea summit talks, or type `help`. "
             "`quit`, Ctrl-D or Ctrl-C quits.")
_QUIT = frozenset({"quit", "exit", "/quit", "/exit", ":q"})
"""A line that ends the console session, as in other shells: never a question (a bare "quit" would otherwise
be read as one and answered with the nearest fact about someone quitting)."""
_PROMPT = "> "
_MORE = ". "
"""The prompt for the next line of a message that goes on (see the module's docstring)."""
_CHUNK = 65536


def _watchable_fd(stream: TextIO) -> int | None:
    """The stream's descriptor if the event loop can wait on it (a terminal, a pipe, a socket);
    None for a regular file, another device (/dev/null, which epoll refuses) or an in-memory
    stream, which a thread reads instead."""
    try:
        fd = stream.fileno()
        mode = os.fstat(fd).st_mode
        terminal = stream.isatty()
    except (AttributeError, OSError, ValueError):
        return None
    return fd if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or (stat.S_ISCHR(mode) and terminal) else None


def stdin_has_input(stream: TextIO | None = None) -> bool:
    """Whether a console could read anything: a terminal, a pipe or a file, not /dev/null or a
    closed stdin (a container started without -i)."""
    stream = stream or sys.stdin
    try:
        fd = stream.fileno()
        mode = os.fstat(fd).st_mode
    except (AttributeError, OSError, ValueError):
        return stream is not None and not getattr(stream, "closed", True)
    return stream.isatty() or not stat.S_ISCHR(mode)


class _LineReader:
    """Lines from a stream without blocking the event loop on a thread: the loop wakes when input
    is there, so cancelling a wait (Ctrl-C, `stop`) takes effect at once rather than at the next Enter."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._fd = _watchable_fd(stream)
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._buffer = ""
        self._ended = False

    async def readline(self) -> str:
        """The next line with its newline; the rest of the input without one at its end; "" after that."""
        if self._fd is None:
            return await asyncio.get_running_loop().run_in_executor(None, self._stream.readline)
        while "\n" not in self._buffer and not self._ended:
            chunk = await self._read_chunk(self._fd)
            self._buffer += self._decoder.decode(chunk, final=not chunk)
            self._ended = not chunk
        line, newline, self._buffer = self._buffer.partition("\n")
        return line + newline

    @staticmethod
    async def _read_chunk(fd: int) -> bytes:
        loop = asyncio.get_running_loop()
        readable = loop.create_future()
        loop.add_reader(fd, lambda: readable.done() or readable.set_result(None))
        try:
            await readable
        finally:
            loop.remove_reader(fd)
        try:
            return os.read(fd, _CHUNK)
        except BlockingIOError:  # someone else read it first: nothing lost, wait again
            return await _LineReader._read_chunk(fd)


class ConsoleSurface:
    """The terminal as a chat channel (`console`), for `briefbot chat` and `briefbot run` without tokens."""

    platform = "console"

    routes = ()
    """It serves nothing over HTTP."""

    def __init__(self, commands: CommandLayer, *, user: str, admin: bool, stdin: TextIO | None = None,
                 stdout: TextIO | None = None, on_close: Callable[[], None] | None = None) -> None:
        """`on_close` is called when the input ends (`briefbot run` stops then)."""
        self._commands = commands
        self._on_close = on_close
        self._caller = Caller(platform="console", user_id=user, channel="console", admin=admin,
                              conversation=f"console:{user}:{uuid.uuid4().hex}")  # this session
        self._stdin = stdin or sys.stdin
        self._stdout = stdout or sys.stdout
        self._task: asyncio.Task[None] | None = None
        self._follow_ups: list[str] = []
        """Follow-ups to print before the next prompt."""
        self._prompting: str | None = None
        """The prompt shown while the console waits for a line (None when it is not waiting)."""
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
            if self._prompting:  # the digest starts on a line of its own, and the prompt comes back after it
                self._write("")
            self._write(render_digest_text(edition.digest))
            if self._prompting:
                self._prompt(self._prompting)
            posted = Posted(post=key)
            await record(posted)
        return posted

    async def notify(self, channel: str, text: str, *, thread: str | None, key: str) -> str:
        """A follow-up, printed after the current reply (before the next prompt)."""
        self._follow_ups.append(text)
        return key

    async def _read_message(self, reader: _LineReader, *, interactive: bool) -> str | None:
        """The next message: one line, or several joined (see the module's docstring); None at the end."""
        lines: list[str] = []
        prompt = _PROMPT
        while True:
            if interactive:
                self._prompt(prompt)
            self._prompting = prompt if interactive else None
            try:
                line = await reader.readline()
            finally:
                self._prompting = None
            if not line:
                return join_lines(lines) if lines else None
            lines.append(line.rstrip("\r\n"))
            if not _continues(lines):
                return join_lines(lines)
            prompt = _MORE

    def _write(self, text: str) -> None:
        print(text, file=self._stdout, flush=True)

    def _prompt(self, prompt: str) -> None:
        print(prompt, end="", file=self._stdout, flush=True)

    async def _loop(self) -> None:
        interactive = self._stdin.isatty()
        if interactive:
            self._write(_GREETING)
        reader = _LineReader(self._stdin)
        try:
            while True:
                message = await self._read_message(reader, interactive=interactive)
                if message is None:
                    break
                if not message.strip():
                    continue
                if message.strip().lower() in _QUIT:
                    break
                reply = await self._commands.handle(message, self._caller)
                self._write(reply.text)
                while self._follow_ups:
                    self._write(self._follow_ups.pop(0))
        finally:
            if interactive:
                self._write("")  # leave the shell's prompt on a line of its own
            self.closed.set()
            if self._on_close is not None:
                self._on_close()


_FENCE = "```"


def _continues(lines: list[str]) -> bool:
    """Whether the message read so far goes on: a ``` block still open, or a last line ending in \\."""
    return sum(line.count(_FENCE) for line in lines) % 2 == 1 or lines[-1].endswith("\\")


def join_lines(lines: list[str]) -> str:
    """The message `lines` make: a trailing \\ is dropped, the lines joined by newlines."""
    return "\n".join(line[:-1] if line.endswith("\\") else line for line in lines)
