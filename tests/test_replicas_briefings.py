"""Two `briefbot run` processes on one PostgreSQL database, 100 channels subscribed for the same
minute, the real Slack surface posting to the fake Slack: every channel gets exactly one briefing.

The subscriptions are due at the next wall-clock minute (at least 10 s away, so both processes are
up by then): the test takes up to about 75 s. Their APScheduler cron jobs fire at that minute in
both processes, and the delivery ledger lets one of them send each briefing.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bot.adapters.slack_messages import briefing_messages
from bot.app import build_core
from briefings.compose import compose_briefing
from briefings.deliveries import DeliveryLedger
from briefings.store import FactStore
from briefings.subscriptions import Schedule
from config.settings import load_settings

from tests.conftest import POSTGRES_URL_ENV
from tests.fakes.slack import SIGNING_SECRET, FakeSlack

EXE = Path(sys.executable).with_name("briefbot")
CHANNELS = [f"C{n:03d}" for n in range(100)]
UTC = timezone.utc


@pytest.fixture
async def postgres_database() -> AsyncIterator[str]:
    """A fresh PostgreSQL database (the processes cannot be given a schema search path), dropped after."""
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(f"the replica test needs {POSTGRES_URL_ENV} (e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/test)")
    name = f"briefbot_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
        async with admin.connect() as conn:
            await conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


def _env(slack: FakeSlack, database_url: str, replica: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_"))}
    return env | {
        "BRIEFBOT_DATABASE_URL": database_url,
        "BRIEFBOT_REPLICA": replica,
        "BRIEFBOT_CONSOLE": "off",
        "BRIEFBOT_HTTP_HOST": "127.0.0.1",
        "BRIEFBOT_HTTP_PORT": "0",
        "SLACK_BOT_TOKEN": slack.bot_token,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack.api_url,
    }


async def _read_log(process: asyncio.subprocess.Process, log: list[str], started: asyncio.Future[None]) -> None:
    """Keep reading the process's log (a full pipe would block it); `started` once its scheduler is."""
    assert process.stderr is not None
    async for raw in process.stderr:
        line = raw.decode()
        log.append(line)
        if "scheduler started as" in line and not started.done():
            started.set_result(None)
    if not started.done():
        started.set_exception(AssertionError("briefbot run exited before its scheduler started:\n" + "".join(log)))


async def test_two_processes_on_one_database_send_each_channel_one_briefing(postgres_database: str) -> None:
    now = datetime.now(UTC)
    due = (now + timedelta(seconds=10 + 60)).replace(second=0, microsecond=0)  # the next minute at least 10 s away
    store = await FactStore.open(postgres_database)
    try:
        core = await build_core(load_settings(database_url=postgres_database), store)
        schedule = Schedule(at_time=due.time(), timezone="UTC")
        for channel in CHANNELS:
            await core.subscriptions.subscribe("slack", channel, schedule, by="slack:UADMIN", now=now)
        expected = briefing_messages(await compose_briefing(store, as_of=due.date()))
    finally:
        await store.close()

    async with FakeSlack() as slack:
        slack.limit_per_channel(1.0, retry_after=1)  # Slack's own rule: a briefing's later messages wait
        processes, logs, readers, started = [], [], [], []
        for replica in ("run-a", "run-b"):
            process = await asyncio.create_subprocess_exec(
                EXE, "run", env=_env(slack, postgres_database, replica), limit=2**24,
                stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
            log: list[str] = []
            up: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            processes.append(process)
            logs.append(log)
            started.append(up)
            readers.append(asyncio.create_task(_read_log(process, log, up)))
        try:
            await asyncio.wait_for(asyncio.gather(*started), 60)
            assert datetime.now(UTC) < due, "the processes took too long to start for this test's minute"
            wait = (due - datetime.now(UTC)).total_seconds() + 45
            await slack.wait_for("chat.postMessage", count=len(CHANNELS) * len(expected), timeout=wait)
        finally:
            for process in processes:
                if process.returncode is None:
                    process.send_signal(signal.SIGTERM)
            for process in processes:
                await asyncio.wait_for(process.wait(), 60)
            await asyncio.gather(*readers)

    for process, log in zip(processes, logs):
        assert process.returncode == 0, "".join(log)
        assert "Traceback" not in "".join(log), "".join(log)
    posts = slack.calls("chat.postMessage")
    per_channel = Counter(p.channel for p in posts)
    assert set(per_channel) == set(CHANNELS)
    assert set(per_channel.values()) == {len(expected)}  # every channel: one briefing, all of its messages
    titles = Counter(p.channel for p in posts if not p.payload["text"].endswith("(continued)"))
    assert set(titles.values()) == {1}
    sent_by: Counter[str] = Counter()
    for log in logs:
        for line in log:
            event = json.loads(line) if line.startswith("{") else {}
            if event.get("event") == "delivery" and event.get("status") == "sent":
                sent_by[event["replica"]] += 1
    assert sum(sent_by.values()) == len(CHANNELS) and set(sent_by) <= {"run-a", "run-b"}

    store = await FactStore.open(postgres_database)
    try:
        ledger = await DeliveryLedger(store.engine).list_deliveries(limit=None)
    finally:
        await store.close()
    first_ts = {p.channel: p.answer["ts"] for p in posts if not p.payload["text"].endswith("(continued)")}
    assert sorted(d.channel for d in ledger) == CHANNELS
    assert all(d.status == "sent" and d.due_at == due and d.claims == 1 for d in ledger)
    assert {d.channel: d.message_id for d in ledger} == first_ts  # the platform's id of each briefing
