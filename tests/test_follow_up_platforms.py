"""Askers hear back through the real adapters: a question the bot could not answer, asked on the fake
Slack (a channel thread and a DM) or the fake Discord (a channel and a DM), is followed up once, in
the same place, when an admin adds a fact that answers it; a restart or a second replica sends
nothing again, and a channel the bot has left is skipped for good."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.conftest import Database
from tests.discord_harness import ADMIN_ID, USER_ID
from tests.discord_harness import running_bot as running_discord
from tests.fakes.discord import FakeDiscord
from tests.fakes.slack import FakeSlack
from tests.slack_harness import ADMIN, CHANNEL, DM_CHANNEL, direct_message, mention
from tests.slack_harness import running_bot as running_slack
from tests.test_discord import database_url, fake, seeded  # noqa: F401 (fixtures)
from tests.test_unanswered import HOTEL, HOTEL_AGAIN, HOTEL_FACT

EARLIER = "Earlier you asked"


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        yield fake


def _follow_ups(posts) -> list:
    return [p for p in posts if p.payload.get("text", "").startswith(EARLIER)]


async def test_slack_askers_hear_once_in_their_thread_and_dm(slack: FakeSlack, database: Database) -> None:
    async with running_slack(slack, database) as bot, running_slack(slack, database) as other_replica:
        await bot.event(mention(HOTEL, ts="1700000100.000100"))
        await bot.surface.wait_handled(1)  # in order: each event is handled in its own task
        await bot.event(direct_message(HOTEL_AGAIN, user="UUSER00002", ts="1700000200.000100"))
        await bot.surface.wait_handled(2)
        assert len(slack.calls("chat.postMessage")) == 2  # the two "no fact" answers
        await bot.event(mention(HOTEL_FACT, user=ADMIN, ts="1700000300.000100"))
        await bot.surface.wait_handled(3)
        [added] = slack.calls("chat.postEphemeral")
        assert "This answers 1 waiting question group (2 asked)" in added.payload["text"]
        told = _follow_ups(slack.calls("chat.postMessage"))
        assert [(p.channel, p.payload.get("thread_ts")) for p in told] == [
            (CHANNEL, "1700000100.000100"), (DM_CHANNEL, None)]
        assert told[0].payload["text"].startswith(f"{EARLIER} \u201c{HOTEL}\u201d. Now I know: Donald Trump")
        assert told[1].payload["text"].startswith(f"{EARLIER} \u201c{HOTEL_AGAIN}\u201d. Now I know:")
        assert await other_replica.runner.follow_ups.send_due() == 0
    async with running_slack(slack, database):  # a restart sends what is due: nothing
        pass
    assert len(_follow_ups(slack.calls("chat.postMessage"))) == 2


async def test_slack_a_channel_the_bot_left_is_skipped_for_good(slack: FakeSlack, database: Database) -> None:
    async with running_slack(slack, database) as bot:
        await bot.event(mention(HOTEL, ts="1700000100.000100"))
        await bot.surface.wait_handled(1)  # in order: each event is handled in its own task
        await bot.event(direct_message(HOTEL_AGAIN, user="UUSER00002", ts="1700000200.000100"))
        await bot.surface.wait_handled(2)
        slack.fail("chat.postMessage", status=200, error="not_in_channel")
        await bot.event(mention(HOTEL_FACT, user=ADMIN, ts="1700000300.000100"))
        await bot.surface.wait_handled(3)
        assert [p.channel for p in _follow_ups(slack.calls("chat.postMessage"))] == [DM_CHANNEL]
        ledger = await bot.runner.core.unanswered.follow_ups()
        assert [(f.status, "not_in_channel" in (f.error or "")) for f in ledger] == [("skipped", True), ("sent", False)]
    async with running_slack(slack, database):
        pass
    assert [p.channel for p in _follow_ups(slack.calls("chat.postMessage"))] == [DM_CHANNEL]


# --- Discord --------------------------------------------------------------------------------------


async def test_discord_askers_hear_once_as_a_reply_to_their_message(fake: FakeDiscord, database_url: str) -> None:
    async with running_discord(fake, database_url) as bot, running_discord(fake, database_url) as other_replica:
        asked = fake.message(HOTEL, mention_bot=True)
        asked_dm = fake.message(HOTEL_AGAIN, dm=True, user_id=USER_ID + 2)
        await fake.dispatch("MESSAGE_CREATE", asked)
        await fake.wait_for("message")  # in order: each message is handled in its own task
        await fake.dispatch("MESSAGE_CREATE", asked_dm)
        await fake.wait_for("message", count=2)
        await fake.dispatch("MESSAGE_CREATE", fake.message(HOTEL_FACT, mention_bot=True, user_id=ADMIN_ID))
        sent = await fake.wait_for("message", count=5)
        told = [m for m in sent if m.payload.get("content", "").startswith(EARLIER)]
        assert [(m.channel_id, str(m.payload["message_reference"]["message_id"])) for m in told] == [
            (asked["channel_id"], asked["id"]), (asked_dm["channel_id"], asked_dm["id"])]
        assert told[0].payload["content"].startswith(f"{EARLIER} \u201c{HOTEL}\u201d. Now I know: Donald Trump")
        assert not told[0].payload["allowed_mentions"].get("replied_user")
        [added] = [m for m in sent if "waiting question group" in m.payload.get("content", "")]
        assert "This answers 1 waiting question group (2 asked)" in added.payload["content"]
        assert await other_replica.runner.follow_ups.send_due() == 0
    async with running_discord(fake, database_url):
        pass
    assert len([m for m in fake.calls("message") if m.payload.get("content", "").startswith(EARLIER)]) == 2


async def test_discord_a_channel_the_bot_lost_is_skipped_for_good(fake: FakeDiscord, database_url: str) -> None:
    async with running_discord(fake, database_url) as bot:
        await fake.dispatch("MESSAGE_CREATE", fake.message(HOTEL, mention_bot=True))
        await fake.wait_for("message")
        fake.fail("message", status=403)
        await fake.dispatch("MESSAGE_CREATE", fake.message(HOTEL_FACT, mention_bot=True, user_id=ADMIN_ID))
        [_, added] = await fake.wait_for("message", count=2)
        assert "This answers 1 waiting question group" in added.payload["content"]
        ledger = await bot.runner.core.unanswered.follow_ups()
        assert [f.status for f in ledger] == ["skipped"]
    async with running_discord(fake, database_url):
        pass
    assert not [m for m in fake.calls("message") if m.payload.get("content", "").startswith(EARLIER)]
