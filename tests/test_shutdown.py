"""SIGTERM to a real `briefbot run` (Slack in HTTP mode against the fake Slack, SQLite) while a post
is in flight: the fake holds its answer to chat.postMessage, the test waits until the post has
arrived there, sends SIGTERM, waits for the process to log that it is waiting for that reply or
briefing (so the release cannot beat the wait), and releases the post. The answer or the briefing
is then sent, the ledger records it, and the exit code is 0."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.adapters.slack_messages import edition_messages
from bot.app import build_core
from briefings.deliveries import DeliveryLedger
from briefings.digest import ChangeWindow, compose_edition
from briefings.store import FactStore
from briefings.subscriptions import Schedule
from config.settings import load_settings

from tests.fakes.slack import FakeSlack
from tests.run_harness import BriefbotRun, slack_run_env
from tests.slack_harness import ADMIN, CHANNEL, mention

UTC = timezone.utc
HOLD = 20.0
"""The longest the fake holds a post if the test never releases it (less than slack_sdk's 30 s timeout)."""
WAITING_FOR_REPLY = r"stopping: waiting up to [0-9.]+ s for the replies in flight \(1\)"
WAITING_FOR_BRIEFING = r"stopping: waiting up to [0-9.]+ s for the briefings being sent \(1\)"


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        yield fake


def _env(slack: FakeSlack, tmp_path: Path) -> dict[str, str]:
    return slack_run_env(slack, f"sqlite+aiosqlite:///{tmp_path}/run.db", BRIEFBOT_ADMINS=f"slack:{ADMIN}",
                         BRIEFBOT_REPLICA="shutdown-test", BRIEFBOT_SHUTDOWN_TIMEOUT="30s")


async def test_sigterm_during_an_answer_sends_it_and_exits_0(slack: FakeSlack, tmp_path: Path) -> None:
    slack.delay("chat.postMessage", HOLD)
    async with BriefbotRun(_env(slack, tmp_path)) as bot:
        await bot.wait_ready()
        assert await bot.post_signed_event(mention("who led the Singapore delegation?", ts="1700000900.000100")) == 200
        [held] = await slack.wait_held("chat.postMessage", timeout=30)
        assert held.payload["thread_ts"] == "1700000900.000100" and not slack.calls("chat.postMessage")

        bot.terminate()
        await bot.wait_for_line(WAITING_FOR_REPLY)
        status, body = await bot.get("/readyz")  # still serving while the answer is in flight, but not ready
        assert status == 503 and "not ready" in body
        slack.release("chat.postMessage")
        assert await bot.wait_exit() == 0, bot.text

    [post] = slack.calls("chat.postMessage")  # the post the signal interrupted, answered by the fake
    assert post.payload["thread_ts"] == "1700000900.000100" and "Joe Hagin" in post.payload["text"]
    assert post.answer["ok"] is True
    assert [e["outcome"] for e in bot.events("question")] == ["answered"]
    assert not bot.problems(), bot.problems()  # nothing "still in flight", no failed reply, no traceback


async def test_sigterm_during_a_delivery_records_it_sent_and_exits_0(slack: FakeSlack, tmp_path: Path) -> None:
    # A subscription whose time came a minute ago: `briefbot run` catches it up at start.
    env = _env(slack, tmp_path)
    now = datetime.now(UTC)
    due = (now - timedelta(minutes=1)).replace(second=0, microsecond=0)
    store = await FactStore.open(env["BRIEFBOT_DATABASE_URL"])
    try:
        core = await build_core(load_settings(database_url=env["BRIEFBOT_DATABASE_URL"]), store)
        await core.subscriptions.subscribe("slack", CHANNEL, Schedule(at_time=due.time(), timezone="UTC"),
                                           by=f"slack:{ADMIN}", now=now - timedelta(hours=1))
        post, replies = edition_messages(await compose_edition(store, as_of=due.date(), window=ChangeWindow()))
        expected = [post, *replies]
    finally:
        await store.close()

    slack.delay("chat.postMessage", HOLD)
    async with BriefbotRun(env) as bot:
        [held] = await slack.wait_held("chat.postMessage", timeout=30)  # the briefing's post, the digest
        assert held.channel == CHANNEL and held.payload["text"] == expected[0]["text"]

        bot.terminate()
        await bot.wait_for_line(WAITING_FOR_BRIEFING)
        slack.release("chat.postMessage")  # this one, and the replies in its thread at once
        assert await bot.wait_exit() == 0, bot.text

    posts = slack.calls("chat.postMessage")
    assert [p.payload["text"] for p in posts] == [m["text"] for m in expected]  # the whole briefing, once
    assert [p.payload.get("thread_ts") for p in posts] == [None] + [posts[0].answer["ts"]] * len(replies)
    store = await FactStore.open(env["BRIEFBOT_DATABASE_URL"])
    try:
        [delivery] = await DeliveryLedger(store.engine).list_deliveries()
    finally:
        await store.close()
    assert (delivery.status, delivery.message_id, delivery.claims) == ("sent", posts[0].answer["ts"], 1)
    assert delivery.thread_replies == [p.answer["ts"] for p in posts[1:]]
    assert delivery.due_at == due and delivery.claimed_by == "shutdown-test"
    [logged] = bot.events("delivery")
    assert logged["status"] == "sent" and logged["message_id"] == posts[0].answer["ts"]
    assert not bot.problems(), bot.problems()
