"""The daily digest on Discord, as the Slack process test checks it: two replicas (each a Runner with
the real Discord surface, logged in to the fake gateway) on one database, 20 channels due at once.
Each channel gets exactly one message, the digest in one embed of at most 2,000 characters, with a
thread started from it that holds the full briefing; the ledger holds the post's id and its replies'.

The subscriptions fell due an hour ago, so both replicas' schedulers catch up on start, racing for
every delivery; nothing waits on the wall clock.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import discord
import pytest

from bot.app import build_core
from bot.render.discord import MAX_DIGEST, render_briefing_embeds
from briefings.deliveries import DeliveryLedger
from briefings.digest import ChangeWindow, compose_edition
from briefings.store import FactStore
from briefings.subscriptions import Schedule
from config.settings import load_settings

from tests.discord_harness import assert_no_mentions_allowed, check_message_limits, running_bot
from tests.fakes.discord import FakeDiscord

CHANNELS = [str(1_300_000_000_000_000_000 + n) for n in range(20)]
UTC = timezone.utc


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'briefbot.db'}"
    return request.getfixturevalue("postgres_database")


async def test_two_replicas_post_one_digest_per_channel_with_the_briefing_in_its_thread(database_url: str) -> None:
    now = datetime.now(UTC)
    hour_ago = (now - timedelta(hours=1)).replace(second=0, microsecond=0)
    store = await FactStore.open(database_url)
    try:
        core = await build_core(load_settings(database_url=database_url), store)
        schedule = Schedule(at_time=hour_ago.time(), timezone="UTC")
        for channel in CHANNELS:
            await core.subscriptions.subscribe("discord", channel, schedule, by="discord:1", now=now - timedelta(hours=2))
        edition = await compose_edition(store, as_of=hour_ago.date(), window=ChangeWindow())
    finally:
        await store.close()
    replies = len(render_briefing_embeds(edition.briefing))

    async with FakeDiscord() as fake:
        async with running_bot(fake, database_url, replica="discord-a"), \
                running_bot(fake, database_url, replica="discord-b"):
            await fake.wait_for("message", count=len(CHANNELS) * (1 + replies), timeout=60)
        # stopping lets the deliveries in flight record their outcome: the ledger is final now
    store = await FactStore.open(database_url)
    try:
        ledger = await DeliveryLedger(store.engine).list_deliveries(limit=None)
    finally:
        await store.close()

    posts = {channel: fake.messages(channel) for channel in CHANNELS}
    assert all(len(messages) == 1 for messages in posts.values())  # one top-level message a channel
    for channel, [post] in posts.items():
        [embed] = post["embeds"]
        assert embed["title"] == edition.digest.title and len(discord.Embed.from_dict(embed)) <= MAX_DIGEST
        thread = fake.thread(post["id"])
        assert thread is not None and thread["parent_id"] == channel
        in_thread = fake.messages(post["id"])
        assert len(in_thread) == replies and all(m["embeds"] for m in in_thread)  # the detail, only in the thread
    for call in fake.calls("message"):
        check_message_limits(call.payload)
        assert_no_mentions_allowed(call)
    assert len(fake.calls("thread")) == len(CHANNELS)  # one thread started a channel, by one replica

    assert sorted(d.channel for d in ledger) == sorted(CHANNELS)
    assert all(d.status == "sent" and d.claims == 1 for d in ledger)
    assert {d.channel: d.message_id for d in ledger} == {c: p[0]["id"] for c, p in posts.items()}
    assert {d.channel: d.thread_replies for d in ledger} == {
        c: [m["id"] for m in fake.messages(p[0]["id"])] for c, p in posts.items()}
    assert set(Counter(d.claimed_by for d in ledger)) <= {"discord-a", "discord-b"}
