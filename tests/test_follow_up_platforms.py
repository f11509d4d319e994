"""Askers hear back through the real adapters: a question the bot could not answer, asked on the fake
Slack (a channel thread and a DM) or the fake Discord (a channel and a DM), is followed up once, in
the same place, when an admin adds a fact that answers it; a restart or a second replica sends
nothing again, and a channel the bot has left is skipped for good."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.commands import Caller
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


# --- feedback --------------------------------------------------------------------------------------

LEADER_QUESTION = "who led the U.S. delegation to Singapore?"


def block_action(post, *, action_id: str, user: str, ts: str = "1700000100.000900") -> dict:
    """The block_actions payload Slack sends when `user` presses a button of the message `post`."""
    [actions] = [b for b in post.payload["blocks"] if b["type"] == "actions"]
    [button] = [e for e in actions["elements"] if e["action_id"] == action_id]
    message = {"type": "message", "user": "UBOTFAKE", "ts": ts, "text": post.payload["text"],
               "blocks": post.payload["blocks"], **({"thread_ts": post.payload["thread_ts"]}
                                                    if post.payload.get("thread_ts") else {})}
    return {"type": "block_actions", "user": {"id": user, "username": user.lower(), "team_id": "T0FAKE"},
            "api_app_id": "A0FAKE", "token": "unused", "trigger_id": "1339.42.abc",
            "team": {"id": "T0FAKE", "domain": "fake"},
            "container": {"type": "message", "message_ts": ts, "channel_id": post.channel, "is_ephemeral": False},
            "channel": {"id": post.channel, "name": "general"}, "message": message,
            "response_url": "https://hooks.invalid/actions/1",
            "actions": [{"action_id": action_id, "block_id": actions["block_id"], "value": button["value"],
                         "type": "button", "action_ts": "1700000101.000000", "text": button["text"]}]}


async def test_slack_answers_carry_thumbs_and_a_thumbs_down_waits_for_the_admins(slack: FakeSlack,
                                                                                 database: Database) -> None:
    from bot.adapters.slack_messages import FEEDBACK_DOWN, FEEDBACK_UP

    async with running_slack(slack, database) as bot:
        await bot.event(mention(LEADER_QUESTION, ts="1700000100.000100"))
        [answer] = await slack.wait_for("chat.postMessage")
        kinds = [b["type"] for b in answer.payload["blocks"]]
        assert kinds == ["section", "context", "actions"]
        assert answer.payload["blocks"][0]["text"]["text"] == answer.payload["text"] and "Hagin" in answer.payload["text"]
        assert await bot.interaction(block_action(answer, action_id=FEEDBACK_UP, user="UUSER00003")) == (200, "")
        assert await bot.interaction(block_action(answer, action_id=FEEDBACK_DOWN, user="UUSER00002")) == (200, "")
        await bot.surface.wait_handled(3)
        thanks = slack.calls("chat.postEphemeral")
        assert [t.payload["user"] for t in thanks] == ["UUSER00003", "UUSER00002"]
        assert thanks[1].payload["text"].startswith("Thanks: the admins will see that this answer did not help")
        core = bot.runner.core
        [group] = await core.unanswered.open_groups()
        [question] = await core.unanswered.questions(group.id)
        assert (question.kind, question.text, question.user_id, question.channel, question.thread) == (
            "unhelpful", LEADER_QUESTION, "UUSER00002", CHANNEL, "1700000100.000100")
        assert "Hagin" in (question.given or "") and group.nearest and group.nearest[0][0] == "us-delegation-leader"
        metrics = core.metrics.exposition().decode()
        assert 'briefbot_answer_feedback_total{vote="up"} 1.0' in metrics
        assert 'briefbot_answer_feedback_total{vote="down"} 1.0' in metrics
        shown = await bot.runner.commands.handle(f"unanswered show {group.id}", Caller("slack", ADMIN))
        assert "marked unhelpful; I had said:" in shown.text


async def test_slack_abstentions_and_errors_carry_no_thumbs(slack: FakeSlack, database: Database) -> None:
    async with running_slack(slack, database) as bot:
        await bot.event(mention(HOTEL, ts="1700000100.000100"))
        [post] = await slack.wait_for("chat.postMessage")
        assert "blocks" not in post.payload


async def test_discord_answers_carry_two_buttons_and_a_thumbs_down_waits_for_the_admins(fake: FakeDiscord,
                                                                                        database_url: str) -> None:
    async with running_discord(fake, database_url) as bot:
        asked = fake.message(LEADER_QUESTION, mention_bot=True)
        await fake.dispatch("MESSAGE_CREATE", asked)
        [answer] = await fake.wait_for("message")
        [row] = answer.payload["components"]
        buttons = row["components"]
        assert [b["emoji"]["name"] for b in buttons] == ["\U0001f44d", "\U0001f44e"]
        ours = fake.messages(fake.channel_id)[-1]
        ours.setdefault("message_reference", {"message_id": asked["id"], "channel_id": asked["channel_id"]})
        for button, user in ((buttons[0], USER_ID + 3), (buttons[1], USER_ID + 2)):
            click = fake._interaction(3, {"custom_id": button["custom_id"], "component_type": 2}, user_id=user,
                                      permissions=0, dm=False) | {"message": ours}
            await fake.dispatch("INTERACTION_CREATE", click)
        callbacks = await fake.wait_for("callback", count=2)
        assert all(c.payload["data"]["flags"] & 64 for c in callbacks)  # ephemeral thanks
        core = bot.runner.core
        [group] = await core.unanswered.open_groups()
        [question] = await core.unanswered.questions(group.id)
        assert (question.kind, question.text, question.user_id, question.thread) == (
            "unhelpful", LEADER_QUESTION, str(USER_ID + 2), asked["id"])
        assert "Hagin" in (question.given or "")
        assert core.metrics.feedback.labels("up")._value.get() == 1
        assert core.metrics.feedback.labels("down")._value.get() == 1
