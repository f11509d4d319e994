"""`briefbot run` as a real process: configured by environment variables only, its log (stderr)
read as it comes and waited on line by line (no polling), its HTTP endpoints on the port it logs,
SIGTERM and the exit code.

    async with BriefbotRun(slack_run_env(slack, database_url)) as bot:
        await bot.wait_ready()                         # its log says so, then GET /readyz is 200
        status, _ = await bot.post_signed_event(mention("who led the delegation?"))
        ...
        bot.terminate()                                # SIGTERM
        assert await bot.wait_exit() == 0, bot.text
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sys
from pathlib import Path
from typing import Any

import aiohttp

from tests.fakes.slack import SIGNING_SECRET, FakeSlack, event_body, signed_headers

__all__ = ["EXE", "BriefbotRun", "run_env", "slack_run_env"]

EXE = Path(sys.executable).with_name("briefbot")
_LISTENING = re.compile(r"HTTP server on [\d.]+:(\d+)")
_READY_ATTEMPTS = 5


def run_env(**settings: str) -> dict[str, str]:
    """This process's environment without its SLACK_, DISCORD_ and BRIEFBOT_ variables, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_"))}
    return env | settings


def slack_run_env(slack: FakeSlack, database_url: str, **settings: str) -> dict[str, str]:
    """Slack in HTTP mode against the fake Slack, HTTP on a free loopback port, no console."""
    return run_env(
        BRIEFBOT_DATABASE_URL=database_url,
        BRIEFBOT_CONSOLE="off",
        BRIEFBOT_HTTP_HOST="127.0.0.1",
        BRIEFBOT_HTTP_PORT="0",
        SLACK_BOT_TOKEN=slack.bot_token,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=slack.api_url,
    ) | settings


class BriefbotRun:
    """One `briefbot run` subprocess; `async with` starts it and, on the way out, stops it (SIGTERM)
    if it still runs and waits for it."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.log: list[str] = []
        """Its stderr, line by line, as read so far."""
        self.process: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self._changed = asyncio.Condition()
        self._ended = False

    async def start(self) -> BriefbotRun:
        self.process = await asyncio.create_subprocess_exec(
            EXE, "run", env=self.env, limit=2**24,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
        self._reader = asyncio.create_task(self._read_log())
        return self

    async def __aenter__(self) -> BriefbotRun:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        if self.process is None:
            return
        if self.process.returncode is None:
            self.terminate()
        try:
            await self.wait_exit()
        except TimeoutError:
            self.process.kill()  # never leave it running after the test
            await self.process.wait()
            raise

    async def _read_log(self) -> None:
        """Keep reading (a full pipe would block the process), telling the waiters of every line."""
        assert self.process is not None and self.process.stderr is not None
        async for raw in self.process.stderr:
            self.log.append(raw.decode())
            async with self._changed:
                self._changed.notify_all()
        async with self._changed:
            self._ended = True
            self._changed.notify_all()

    @property
    def text(self) -> str:
        return "".join(self.log)

    def events(self, kind: str | None = None) -> list[dict[str, Any]]:
        """The JSON log lines (of one `event` kind: question, command, delivery), parsed."""
        parsed = [json.loads(line) for line in self.log if line.startswith("{")]
        return [e for e in parsed if kind is None or e.get("event") == kind]

    def problems(self) -> list[str]:
        """Its log lines at WARNING or above, and any line that is not a JSON log line (a traceback)."""
        found = []
        for line in self.log:
            try:
                level = json.loads(line).get("level")
            except (ValueError, AttributeError):
                level = None
            if level not in {"debug", "info"}:
                found.append(line)
        return found

    async def wait_for_line(self, pattern: str | re.Pattern[str], *, timeout: float = 60) -> re.Match[str]:
        """The first log line that `pattern` (a regex) matches, once the process has logged it."""
        regex = re.compile(pattern)

        def found() -> re.Match[str] | None:
            return next((m for line in self.log if (m := regex.search(line))), None)

        try:
            async with asyncio.timeout(timeout), self._changed:
                await self._changed.wait_for(lambda: self._ended or found() is not None)
        except TimeoutError:
            raise AssertionError(f"after {timeout} s, briefbot run has not logged {regex.pattern!r}:\n"
                                 f"{self.text}") from None
        match = found()
        if match is None:
            raise AssertionError(f"briefbot run ended without logging {regex.pattern!r}:\n{self.text}")
        return match

    async def port(self) -> int:
        """The HTTP port it listens on (BRIEFBOT_HTTP_PORT=0 lets it pick one), from its log."""
        return int((await self.wait_for_line(_LISTENING)).group(1))

    async def url(self, path: str) -> str:
        return f"http://127.0.0.1:{await self.port()}{path}"

    async def get(self, path: str) -> tuple[int, str]:
        async with aiohttp.ClientSession() as http, http.get(await self.url(path)) as response:
            return response.status, await response.text()

    async def wait_ready(self, *, surfaces: tuple[str, ...] = ("slack",), timeout: float = 60) -> None:
        """Until its log says HTTP and every surface started, then GET /readyz answers 200 (retried
        a few times with a short backoff: nothing else says the database answers too)."""
        await self.port()
        for platform in surfaces:
            await self.wait_for_line(f"{platform} surface started", timeout=timeout)
        status, body = 0, ""
        for attempt in range(_READY_ATTEMPTS):
            status, body = await self.get("/readyz")
            if status == 200:
                return
            await asyncio.sleep(0.05 * 2**attempt)
        raise AssertionError(f"/readyz still {status} {body}:\n{self.text}")

    async def post_signed_event(self, event: dict[str, Any], *, event_id: str | None = None) -> int:
        """POST an Events API envelope around `event` to /slack/events, signed as Slack signs it."""
        body = json.dumps(event_body(event, event_id=event_id))
        async with aiohttp.ClientSession() as http, http.post(
                await self.url("/slack/events"), data=body, headers=signed_headers(SIGNING_SECRET, body)) as response:
            return response.status

    def terminate(self) -> None:
        """SIGTERM, as a container runtime stops it."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)

    async def wait_exit(self, *, timeout: float = 60) -> int:
        """Its exit code, once it has exited and its whole log is read."""
        assert self.process is not None and self._reader is not None
        await asyncio.wait_for(self.process.wait(), timeout)
        await self._reader
        assert self.process.returncode is not None
        return self.process.returncode
