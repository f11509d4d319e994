"""The console on a real terminal (a pseudo-terminal): Ctrl-C quits at once, without waiting for
Enter, and says so; the prompt comes back after a digest printed while it waited."""

from __future__ import annotations

import asyncio
import io
import os
import pty
import select
import signal
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from bot.adapters.console import ConsoleSurface
from bot.app import Core
from bot.commands import CommandLayer
from briefings.deliveries import Posted
from briefings.digest import compose_edition, what_changed
from tests.run_harness import EXE, run_env
from tests.test_commands import core, seeded_sqlite  # noqa: F401

WAIT = 60.0
"""Seconds a read may wait before the test fails (a bound for a hung process, not a timing)."""


class Terminal:
    """`briefbot ARGS` with a pseudo-terminal as its controlling terminal, stdin, stdout and stderr."""

    def __init__(self, *args: str, env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become briefbot, with the signals a shell would give it
            signal.pthread_sigmask(signal.SIG_SETMASK, set())
            signal.signal(signal.SIGINT, signal.SIG_DFL)  # not what this test process was left with
            os.execve(str(EXE), [str(EXE), *args], env)
        self.output = ""

    def read_until(self, text: str, *, after: str = "") -> str:
        """The output once `text` is on the terminal (after the first `after`, when given)."""
        while (start := self.output.find(after)) < 0 or text not in self.output[start + len(after):]:
            ready, _, _ = select.select([self.fd], [], [], WAIT)
            assert ready, f"no {text!r} on the terminal after {WAIT} s:\n{self.output}"
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:  # the process ended and closed the terminal
                chunk = b""
            assert chunk, f"the terminal closed before {text!r}:\n{self.output}"
            self.output += chunk.decode(errors="replace")
        return self.output

    def type(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def exit_code(self) -> int:
        while True:  # drain what is left so the process never blocks on a full terminal
            ready, _, _ = select.select([self.fd], [], [], WAIT)
            assert ready, f"still running after {WAIT} s:\n{self.output}"
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.output += chunk.decode(errors="replace")
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return run_env(BRIEFBOT_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/tty.db", BRIEFBOT_HTTP_HOST="127.0.0.1",
                   BRIEFBOT_HTTP_PORT="0", TERM="dumb")


def test_ctrl_c_in_chat_quits_at_once_with_a_word(env: dict[str, str]) -> None:
    terminal = Terminal("chat", env=env)
    terminal.read_until("> ")
    terminal.type(b"who led the singapore delegation\n")
    terminal.read_until("> ", after="Joe Hagin")  # the prompt after the answer, not the first one
    terminal.type(b"half a questi")  # typed, no Enter
    terminal.type(b"\x03")  # Ctrl-C: the terminal sends SIGINT
    code = terminal.exit_code()
    assert code == 130, terminal.output
    assert "briefbot: interrupted (Ctrl-C)" in terminal.output and "Traceback" not in terminal.output


def test_ctrl_c_in_run_with_the_console_stops_it_cleanly(env: dict[str, str]) -> None:
    terminal = Terminal("run", env=env)
    terminal.read_until("> ")
    terminal.type(b"\x03")
    code = terminal.exit_code()
    assert code == 0, terminal.output
    assert "briefbot: stopping (Ctrl-C)" in terminal.output and "Traceback" not in terminal.output


async def test_the_prompt_comes_back_after_a_briefing(core: Core) -> None:  # noqa: F811
    controller, follower = pty.openpty()
    out = io.StringIO()
    with open(follower, encoding="utf-8", closefd=True) as stdin:
        console = ConsoleSurface(CommandLayer(core), user="ana", admin=False, stdin=stdin, stdout=out)
        await console.start()
        try:
            for _ in range(100):  # until the console has drawn its prompt and waits for a line
                if out.getvalue().endswith("> "):
                    break
                await asyncio.sleep(0)
            assert out.getvalue().endswith("> "), out.getvalue()
            window = await what_changed(core.store, since=datetime(2018, 5, 28, tzinfo=timezone.utc))
            edition = await compose_edition(core.store, as_of=date(2018, 5, 29), window=window)
            recorded: list[Posted] = []

            async def record(posted: Posted) -> None:
                recorded.append(posted)

            await console.publish("console", edition, key="k", posted=Posted(), record=record)
            shown = out.getvalue()
            assert recorded == [Posted(post="k")]
            assert "\n> \nBriefing for Tuesday, May 29, 2018" in shown and shown.endswith("\n> "), shown[-300:]
            os.write(controller, b"help\n")
            async with asyncio.timeout(WAIT):
                while "fact add" not in out.getvalue():
                    await asyncio.sleep(0.01)
        finally:
            await console.stop()
            os.close(controller)
