"""Two `briefbot run` processes on one PostgreSQL database, 100 channels subscribed for the same
minute, the real Slack surface posting to the fake Slack: every channel gets exactly one top-level
post, the digest, within 20 blocks and 3,000 characters, and the full briefing only as replies in
that post's thread; the ledger holds the post's ts and its replies'.

The subscriptions are due at the next wall-clock minute (at least 10 s away, so both processes are
up by then): the test takes up to about 75 s. Their APScheduler cron jobs fire at that minute in
both processes, and the delivery ledger lets one of them send each briefing.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime, timedelta, timezone

from bot.adapters.slack_messages import edition_messages
from bot.app import build_core
from bot.render.slack import MAX_DIGEST_BLOCKS, MAX_DIGEST_TEXT, text_size
from briefings.deliveries import DeliveryLedger
from briefings.digest import ChangeWindow, compose_edition
from briefings.store import FactStore
from briefings.subscriptions import Schedule
from config.settings import load_settings

from tests.fakes.slack import FakeSlack
from tests.run_harness import BriefbotRun, slack_run_env

CHANNELS = [f"C{n:03d}" for n in range(100)]
UTC = timezone.utc


async def test_two_processes_on_one_database_send_each_channel_one_briefing(postgres_database: str) -> None:
    now = datetime.now(UTC)
    due = (now + timedelta(seconds=10 + 60)).replace(second=0, microsecond=0)  # the next minute at least 10 s away
    store = await FactStore.open(postgres_database)
    try:
        core = await build_core(load_settings(database_url=postgres_database), store)
        schedule = Schedule(at_time=due.time(), timezone="UTC")
        for channel in CHANNELS:
            await core.subscriptions.subscribe("slack", channel, schedule, by="slack:UADMIN", now=now)
        post, replies = edition_messages(await compose_edition(store, as_of=due.date(), window=ChangeWindow()))
        expected = [post, *replies]
    finally:
        await store.close()

    async with FakeSlack() as slack:
        slack.limit_per_channel(1.0, retry_after=1)  # Slack's own rule: a briefing's later messages wait
        runs = [BriefbotRun(slack_run_env(slack, postgres_database, BRIEFBOT_REPLICA=replica))
                for replica in ("run-a", "run-b")]
        async with runs[0], runs[1]:
            await asyncio.gather(*(run.wait_for_line("scheduler started as") for run in runs))
            assert datetime.now(UTC) < due, "the processes took too long to start for this test's minute"
            wait = (due - datetime.now(UTC)).total_seconds() + 45
            await slack.wait_for("chat.postMessage", count=len(CHANNELS) * len(expected), timeout=wait)

    for run in runs:
        assert await run.wait_exit() == 0, run.text
        assert "Traceback" not in run.text, run.text
    posts = slack.calls("chat.postMessage")
    top = [p for p in posts if "thread_ts" not in p.payload]
    assert sorted(p.channel for p in top) == CHANNELS  # one top-level post a channel, no more
    for p in top:
        assert p.payload["blocks"] == post["blocks"]  # the digest
        assert len(p.payload["blocks"]) <= MAX_DIGEST_BLOCKS and text_size(p.payload["blocks"]) <= MAX_DIGEST_TEXT
    post_ts = {p.channel: p.answer["ts"] for p in top}
    in_thread = [p for p in posts if "thread_ts" in p.payload]
    assert all(p.payload["thread_ts"] == post_ts[p.channel] for p in in_thread)  # the detail, only in its thread
    per_channel = Counter(p.channel for p in in_thread)
    assert set(per_channel) == set(CHANNELS) and set(per_channel.values()) == {len(replies)}
    sent_by = Counter(e["replica"] for run in runs for e in run.events("delivery") if e["status"] == "sent")
    assert sum(sent_by.values()) == len(CHANNELS) and set(sent_by) <= {"run-a", "run-b"}

    store = await FactStore.open(postgres_database)
    try:
        ledger = await DeliveryLedger(store.engine).list_deliveries(limit=None)
    finally:
        await store.close()
    assert sorted(d.channel for d in ledger) == CHANNELS
    assert all(d.status == "sent" and d.due_at == due and d.claims == 1 for d in ledger)
    assert {d.channel: d.message_id for d in ledger} == post_ts  # the platform's id of each post
    reply_ts = {c: [p.answer["ts"] for p in in_thread if p.channel == c] for c in CHANNELS}
    assert {d.channel: d.thread_replies for d in ledger} == reply_ts  # and of each reply in its thread
