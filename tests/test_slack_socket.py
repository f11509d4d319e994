"""Slack in Socket Mode, as bolt-python's own tests do it: the fake's apps.connections.open hands
out a ws:// URL on loopback, the bot connects, the fake sends envelopes down the websocket and
expects each acknowledged with its envelope_id; the replies still go through the Web API."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.adapters.slack import SlackStartError
from tests.conftest import Database
from tests.fakes.slack import FakeSlack, event_body, slash_command_body
from tests.slack_harness import ADMIN, CHANNEL, USER, SlackBot, mention, running_bot


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        yield fake


@pytest.fixture
async def bot(slack: FakeSlack, database: Database) -> AsyncIterator[SlackBot]:
    async with running_bot(slack, database, slack_app_token=slack.app_token, slack_signing_secret=None) as running:
        await slack.wait_connected()
        yield running


async def test_an_event_is_acknowledged_on_the_socket_and_answered(bot: SlackBot, slack: FakeSlack) -> None:
    [opened] = slack.calls("apps.connections.open")
    assert opened.token == slack.app_token
    envelope = await slack.send_envelope("events_api", event_body(mention("who led the Singapore delegation?",
                                                                             ts="1700000700.000100")))
    ack = await slack.wait_for_ack(envelope)
    assert ack["envelope_id"] == envelope
    [post] = await slack.wait_for("chat.postMessage")
    assert post.channel == CHANNEL and post.payload["thread_ts"] == "1700000700.000100"
    assert "Joe Hagin" in post.payload["text"]


async def test_a_redelivered_event_is_answered_once(bot: SlackBot, slack: FakeSlack) -> None:
    body = event_body(mention("who is Joe Hagin?"), event_id="Ev0SOCKET01")
    first = await slack.send_envelope("events_api", body)
    again = await slack.send_envelope("events_api", body, retry_attempt=1, retry_reason="timeout")
    await slack.wait_for_ack(first)
    await slack.wait_for_ack(again)
    await bot.surface.wait_handled(2)
    assert len(slack.calls("chat.postMessage")) == 1


async def test_a_slash_command_is_acknowledged_and_answered_privately_when_it_is_refused(
    bot: SlackBot, slack: FakeSlack
) -> None:
    command = slash_command_body('fact retire us-delegation-leader reason="x"', user_id=USER, channel_id=CHANNEL,
                                 response_url=slack.response_url("socket"))
    envelope = await slack.send_envelope("slash_commands", command)
    assert (await slack.wait_for_ack(envelope))["envelope_id"] == envelope
    [reply] = await slack.wait_for("response_url")
    assert reply.response_id == "socket" and reply.payload["response_type"] == "ephemeral"
    assert reply.payload["text"].startswith("Only admins")


async def test_the_fact_form_opens_over_the_socket(bot: SlackBot, slack: FakeSlack) -> None:
    command = slash_command_body("fact add", user_id=ADMIN, channel_id=CHANNEL, response_url=slack.response_url())
    await slack.wait_for_ack(await slack.send_envelope("slash_commands", command))
    [opened] = await slack.wait_for("views.open")
    assert opened.payload["view"]["callback_id"] == "fact_add"


async def test_readiness_follows_the_websocket(bot: SlackBot) -> None:
    assert bot.surface.connected
    await bot.surface.stop()
    assert not bot.surface.connected


async def test_socket_mode_serves_no_events_endpoint(bot: SlackBot) -> None:
    async with aiohttp.ClientSession() as http, http.post(bot.url, data=b"{}") as response:
        assert response.status in {404, 405}


async def test_a_refused_app_token_stops_the_start_with_one_sentence(slack: FakeSlack, database: Database) -> None:
    with pytest.raises(SlackStartError, match=r"Slack refused SLACK_APP_TOKEN \(invalid_auth\)"):
        async with running_bot(slack, database, slack_app_token="xapp-wrong", slack_signing_secret=None):
            pass


async def test_a_refused_bot_token_stops_the_start_with_one_sentence(slack: FakeSlack, database: Database) -> None:
    with pytest.raises(SlackStartError, match=r"Slack refused SLACK_BOT_TOKEN \(invalid_auth\)"):
        async with running_bot(slack, database, slack_bot_token="xoxb-wrong"):
            pass
