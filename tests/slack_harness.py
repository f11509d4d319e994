"""The real bot (`briefbot run`'s Runner with its Slack surface) on an ephemeral loopback port,
talking to the fake Slack, and a client that posts to it what Slack would: signed requests."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.adapters.slack import EVENTS_PATH, SlackSurface
from bot.app import build_core, wire
from bot.runner import Runner
from config.settings import Settings, load_settings
from tests.conftest import Database
from tests.fakes.slack import (
    SIGNING_SECRET,
    FakeSlack,
    event_body,
    form,
    interaction_body,
    signed_headers,
    slash_command_body,
)

ADMIN = "UADMIN0001"
USER = "UUSER00001"
CHANNEL = "C0GENERAL1"
DM_CHANNEL = "D0DIRECT01"


def slack_settings(slack: FakeSlack, database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "admins": f"slack:{ADMIN}",
        "slack_bot_token": slack.bot_token,
        "slack_signing_secret": SIGNING_SECRET,
        "slack_app_token": None,
        "slack_api_url": slack.api_url,
        "discord_token": None,
        "http_host": "127.0.0.1",
        "http_port": 0,
        "timezone": "UTC",
    }
    return load_settings(**{**values, **overrides})


def mention(text: str, *, user: str = USER, channel: str = CHANNEL, ts: str = "1700000100.000100",
            thread_ts: str | None = None, bot: str = "UBOTFAKE") -> dict[str, Any]:
    event = {"type": "app_mention", "user": user, "text": f"<@{bot}> {text}", "ts": ts, "channel": channel,
             "event_ts": ts}
    return event | ({"thread_ts": thread_ts} if thread_ts else {})


def direct_message(text: str, *, user: str = USER, ts: str = "1700000200.000100", **extra: Any) -> dict[str, Any]:
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts, "channel": DM_CHANNEL,
            "event_ts": ts, **extra}


@dataclass
class SlackBot:
    runner: Runner
    slack: FakeSlack
    http: aiohttp.ClientSession

    @property
    def surface(self) -> SlackSurface:
        surface = self.runner.surface("slack")
        assert isinstance(surface, SlackSurface)
        return surface

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.runner.port}{EVENTS_PATH}"

    async def post(self, body: str, *, content_type: str = "application/json", timestamp: int | None = None,
                   retry_num: int | None = None, secret: str = SIGNING_SECRET) -> tuple[int, str]:
        headers = signed_headers(secret, body, timestamp=timestamp, retry_num=retry_num, content_type=content_type)
        async with self.http.post(self.url, data=body.encode(), headers=headers) as response:
            return response.status, await response.text()

    async def event(self, event: dict[str, Any], *, event_id: str | None = None,
                    retry_num: int | None = None) -> tuple[int, dict[str, Any]]:
        body = event_body(event, event_id=event_id, bot_user_id=self.slack.bot_user_id)
        status, _ = await self.post(json.dumps(body), retry_num=retry_num)
        return status, body

    async def command(self, text: str, *, user: str = USER, channel: str = CHANNEL, response: str = "1",
                      trigger_id: str = "1337.42.abcdef") -> tuple[int, str]:
        fields = slash_command_body(text, user_id=user, channel_id=channel, trigger_id=trigger_id,
                                    response_url=self.slack.response_url(response))
        return await self.post(form(fields), content_type="application/x-www-form-urlencoded")

    async def interaction(self, payload: dict[str, Any]) -> tuple[int, str]:
        return await self.post(interaction_body(payload), content_type="application/x-www-form-urlencoded")


@asynccontextmanager
async def running_bot(slack: FakeSlack, database: Database, **overrides: Any) -> AsyncIterator[SlackBot]:
    """`briefbot run` in-process: the Runner over the database, its HTTP server on a free port."""
    settings = slack_settings(slack, database.url, **overrides)
    store = await database.open()
    core = await build_core(settings, store)
    runner = wire(core)
    try:
        await runner.start()
        async with aiohttp.ClientSession() as http:
            yield SlackBot(runner=runner, slack=slack, http=http)
    finally:
        await runner.stop()
