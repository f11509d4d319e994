"""`briefbot run` as a real process in Slack's HTTP mode: configured by environment variables only,
its server on an ephemeral port (read from its log), signed requests over loopback, the fake Slack
recording the replies, SIGTERM to stop. Logging at DEBUG shows no token or secret."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.fakes.slack import SIGNING_SECRET, FakeSlack, event_body, form, signed_headers, slash_command_body
from tests.slack_harness import ADMIN, CHANNEL, mention

EXE = Path(sys.executable).with_name("briefbot")
_LISTENING = re.compile(r"HTTP server on [\d.]+:(\d+)")


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        yield fake


def _env(slack: FakeSlack, tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_"))}
    return env | {
        "BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/run.db",
        "BRIEFBOT_ADMINS": f"slack:{ADMIN}",
        "BRIEFBOT_HTTP_HOST": "127.0.0.1",
        "BRIEFBOT_HTTP_PORT": "0",
        "BRIEFBOT_LOG_LEVEL": "DEBUG",
        "SLACK_BOT_TOKEN": slack.bot_token,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack.api_url,
    } | extra


async def _read_log(process: asyncio.subprocess.Process, log: list[str], port: asyncio.Future[int]) -> None:
    """Keep reading the process's log (a full pipe would block it), noting the port it listens on."""
    assert process.stderr is not None
    async for raw in process.stderr:
        line = raw.decode()
        log.append(line)
        found = _LISTENING.search(line)
        if found and not port.done():
            port.set_result(int(found.group(1)))
    if not port.done():
        port.set_exception(AssertionError("briefbot run exited before listening:\n" + "".join(log)))


def _warnings(log: list[str]) -> list[str]:
    """The log lines at WARNING or above (JSON lines or the plain format)."""
    found = []
    for line in log:
        try:
            level = str(json.loads(line).get("level", ""))
        except (ValueError, AttributeError):
            level = next((w for w in line.split() if w in {"WARNING", "ERROR", "CRITICAL"}), "")
        if level.upper() in {"WARNING", "ERROR", "CRITICAL"}:
            found.append(line)
    return found


async def test_briefbot_run_answers_slack_over_http(slack: FakeSlack, tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(EXE, "run", env=_env(slack, tmp_path), limit=2**24,
                                                   stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    log: list[str] = []
    listening: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    reader = asyncio.create_task(_read_log(process, log, listening))
    try:
        port = await asyncio.wait_for(listening, 60)
        url = f"http://127.0.0.1:{port}/slack/events"
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/healthz") as health:
                assert health.status == 200
            body = json.dumps(event_body(mention("who led the Singapore delegation? &amp; &lt;why&gt;",
                                                 ts="1700000800.000100"), event_id="Ev0PROCESS1"))
            for retry in (None, 1):
                async with http.post(url, data=body, headers=signed_headers(SIGNING_SECRET, body,
                                                                            retry_num=retry)) as response:
                    assert response.status == 200
            async with http.post(url, data=body, headers=signed_headers("forged", body)) as forged:
                assert forged.status == 401
            command = form(slash_command_body("delegations", user_id=ADMIN, channel_id=CHANNEL,
                                              response_url=slack.response_url("run")))
            headers = signed_headers(SIGNING_SECRET, command, content_type="application/x-www-form-urlencoded")
            async with http.post(url, data=command, headers=headers) as response:
                assert response.status == 200
        [post] = await slack.wait_for("chat.postMessage", timeout=30)
        assert post.payload["thread_ts"] == "1700000800.000100" and "Joe Hagin" in post.payload["text"]
        [brief] = await slack.wait_for("response_url", timeout=30)
        assert brief.payload["blocks"][0]["type"] == "header"
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 60)
        await reader
    text = "".join(log)
    assert process.returncode == 0, text
    assert len(slack.calls("chat.postMessage")) == 1  # the retry was not answered again
    assert "Sending a request" in text  # slack_sdk's DEBUG log ran...
    for secret in (slack.bot_token, SIGNING_SECRET):
        assert secret not in text  # ...and no secret reached the log
    assert "Traceback" not in text and not _warnings(log), _warnings(log)


async def test_a_refused_token_ends_briefbot_run_with_one_line(slack: FakeSlack, tmp_path: Path) -> None:
    env = _env(slack, tmp_path, SLACK_BOT_TOKEN="xoxb-revoked", BRIEFBOT_LOG_LEVEL="WARNING")
    process = await asyncio.create_subprocess_exec(EXE, "run", env=env, stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.PIPE)
    _, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 1
    assert err.decode().strip().splitlines()[-1] == "briefbot: Slack refused SLACK_BOT_TOKEN (invalid_auth)"
    assert "xoxb-revoked" not in err.decode()
