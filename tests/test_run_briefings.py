"""The whole loop on the console, as `make run` shows it: a subscription typed in the console, the
scheduler of the runner delivering it to the console, and `briefbot deliveries` listing the ledger."""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.adapters.console import ConsoleSurface
from bot.app import build_core, wire
from briefings.store import FactStore
from briefings.subscriptions import Schedule
from config.settings import load_settings

from tests.scheduler_harness import FakeClock, utc

EXE = Path(sys.executable).with_name("briefbot")
UTC = timezone.utc


async def test_a_subscription_typed_in_the_console_is_delivered_to_the_console(store: FactStore) -> None:
    core = await build_core(load_settings(replica="console-test"), store)
    clock = FakeClock(utc("2026-03-10T06:00"))
    out = io.StringIO()
    runner = wire(core, clock=clock, sleep=clock.sleep, surfaces=lambda context: [
        ConsoleSurface(context.commands, user="ana", admin=True, stdin=io.StringIO("subscribe 08:00 Europe/London\n"),
                       stdout=out)])
    console = runner.surface("console")
    assert isinstance(console, ConsoleSurface)
    await console.start()
    await console.closed.wait()
    assert out.getvalue().startswith("This channel will get the briefing at 08:00 Europe/London every day")
    [sub] = runner.scheduler.scheduled.values()  # the command told the scheduler at once
    assert sub.where == "console:console" and runner.scheduler.job(sub.id) is not None

    clock.set("2026-03-10T08:00")
    delivered = await runner.scheduler.deliver(sub.id)
    assert delivered is not None and delivered.status == "sent"
    assert "Briefing for Tuesday, March 10, 2026" in out.getvalue()
    await runner.scheduler.stop()


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_"))}
    return env | {"BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/run.db", "BRIEFBOT_HTTP_PORT": "0",
                  "BRIEFBOT_HTTP_HOST": "127.0.0.1", "BRIEFBOT_REPLICA": "console-run"}


async def test_briefbot_run_catches_up_on_the_console_and_deliveries_lists_it(tmp_path: Path) -> None:
    # A console subscription set two hours ago whose time came an hour ago, as if the bot had been
    # down since: `briefbot run` sends it late at start (within the 2 h grace), once.
    now = datetime.now(UTC)
    store = await FactStore.open(_env(tmp_path)["BRIEFBOT_DATABASE_URL"])
    try:
        core = await build_core(load_settings(), store)
        hour_ago = (now - timedelta(hours=1)).time().replace(second=0, microsecond=0)
        await core.subscriptions.subscribe("console", "console", Schedule(at_time=hour_ago, timezone="UTC"),
                                           by="console:ana", now=now - timedelta(hours=2))
    finally:
        await store.close()

    process = await asyncio.create_subprocess_exec(EXE, "run", env=_env(tmp_path), stdin=asyncio.subprocess.PIPE,
                                                   stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    assert process.stdout is not None and process.stdin is not None
    try:
        first = await asyncio.wait_for(process.stdout.readline(), 60)
        assert first.decode().startswith("Briefing for "), first
    finally:
        process.stdin.close()  # the end of the console's input ends `briefbot run`
        _, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, err.decode()
    assert "Traceback" not in err.decode(), err.decode()[-3000:]

    listed = subprocess.run([EXE, "deliveries", "--channel", "console:console"], env=_env(tmp_path),
                            capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    header, row = listed.stdout.splitlines()
    assert header.split() == ["date", "channel", "status", "tries", "due", "(UTC)", "sent", "(UTC)", "message",
                              "thread", "by", "note"]
    assert row.split()[1:4] == ["console:console", "sent", "1"] and "console-run" in row
    assert row.split()[8] == "0"  # the console has no thread: the digest is the whole post
    none = subprocess.run([EXE, "deliveries", "--channel", "slack:C0NONE"], env=_env(tmp_path),
                          capture_output=True, text=True, timeout=60)
    assert none.stdout.strip() == "no deliveries yet to slack:C0NONE"
