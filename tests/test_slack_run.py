"""`briefbot run` as a real process in Slack's HTTP mode: configured by environment variables only,
its server on an ephemeral port (read from its log), signed requests over loopback, the fake Slack
recording the replies, SIGTERM to stop. Logging at DEBUG shows no token or secret."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.fakes.slack import SIGNING_SECRET, FakeSlack, event_body, form, signed_headers, slash_command_body
from tests.run_harness import EXE, BriefbotRun, slack_run_env
from tests.slack_harness import ADMIN, CHANNEL, mention


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        yield fake


def _env(slack: FakeSlack, tmp_path: Path, **extra: str) -> dict[str, str]:
    return slack_run_env(slack, f"sqlite+aiosqlite:///{tmp_path}/run.db", BRIEFBOT_ADMINS=f"slack:{ADMIN}",
                         BRIEFBOT_LOG_LEVEL="DEBUG") | extra


async def test_briefbot_run_answers_slack_over_http(slack: FakeSlack, tmp_path: Path) -> None:
    async with BriefbotRun(_env(slack, tmp_path)) as bot:
        url = await bot.url("/slack/events")
        async with aiohttp.ClientSession() as http:
            async with http.get(await bot.url("/healthz")) as health:
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
    assert await bot.wait_exit() == 0, bot.text
    assert len(slack.calls("chat.postMessage")) == 1  # the retry was not answered again
    assert "Sending a request" in bot.text  # slack_sdk's DEBUG log ran...
    for secret in (slack.bot_token, SIGNING_SECRET):
        assert secret not in bot.text  # ...and no secret reached the log
    assert not bot.problems(), bot.problems()


async def test_a_refused_token_ends_briefbot_run_with_one_line(slack: FakeSlack, tmp_path: Path) -> None:
    env = _env(slack, tmp_path, SLACK_BOT_TOKEN="xoxb-revoked", BRIEFBOT_LOG_LEVEL="WARNING")
    process = await asyncio.create_subprocess_exec(EXE, "run", env=env, stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.PIPE)
    _, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 1
    assert err.decode().strip().splitlines()[-1] == "briefbot: Slack refused SLACK_BOT_TOKEN (invalid_auth)"
    assert "xoxb-revoked" not in err.decode()
