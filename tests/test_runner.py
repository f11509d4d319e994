"""The runner's HTTP endpoints and its drain on shutdown, in-process over a real SQLite store."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.app import open_core, wire
from bot.commands import Caller
from bot.runner import Runner
from config.settings import Settings


@pytest.fixture
async def runner(tmp_path: Path) -> AsyncIterator[Runner]:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/bot.db", http_host="127.0.0.1", http_port=0,
                        console="off")
    built = wire(await open_core(settings))
    await built.start()
    try:
        yield built
    finally:
        await built.stop()


async def get(runner: Runner, path: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{runner.port}{path}") as response:
        return response.status, await response.text()


async def test_health_readiness_and_metrics(runner: Runner) -> None:
    assert (await get(runner, "/healthz"))[0] == 200
    status, body = await get(runner, "/readyz")
    assert status == 200 and '"database": true' in body
    caller = Caller("console", "ana", channel="console")
    await runner.commands.handle("who is the south korean president", caller)
    await runner.commands.handle("who led the chinese delegation", caller)
    await runner.commands.handle("fact show no-such-fact", caller)
    status, metrics = await get(runner, "/metrics")
    assert status == 200
    assert 'briefbot_questions_total{outcome="answered"} 1.0' in metrics
    assert 'briefbot_questions_total{outcome="abstained"} 1.0' in metrics
    assert 'briefbot_commands_total{command="fact show",outcome="invalid"} 1.0' in metrics
    assert "briefbot_answer_latency_seconds_count 2.0" in metrics


async def test_not_ready_once_stopping(runner: Runner) -> None:
    runner.stopping.set()
    status, body = await get(runner, "/readyz")
    assert status == 503 and "not ready" in body


async def test_drain_waits_for_answers_in_flight_and_refuses_new_ones(runner: Runner) -> None:
    release = asyncio.Event()
    started = asyncio.Event()

    async def slow(text: str, caller: Caller):
        started.set()
        await release.wait()
        return await runner.commands._handle_counted(text, caller)  # noqa: SLF001 - the real work, once released

    # Hold one answer in flight through the layer's own accounting.
    runner.commands._handle_counted, original = slow, runner.commands._handle_counted  # type: ignore[method-assign]
    in_flight = asyncio.create_task(runner.commands.handle("who is john bolton", Caller("console", "ana")))
    await started.wait()
    runner.commands._handle_counted = original  # type: ignore[method-assign]
    drain = asyncio.create_task(runner.commands.drain(timeout=10))
    await asyncio.sleep(0)  # let the drain begin: from here on the layer refuses new messages
    refused = await runner.commands.handle("who is moon jae-in", Caller("console", "ben"))
    assert refused.error and "restarting" in refused.text
    assert not drain.done()
    release.set()
    assert await drain is True
    assert "national security adviser" in (await in_flight).text


async def test_one_deadline_covers_the_whole_shutdown(runner: Runner) -> None:
    assert runner.time_left() == runner.settings.shutdown_timeout.total_seconds()  # not stopping yet
    runner.shutdown._deadline = asyncio.get_running_loop().time() + 1.5  # noqa: SLF001 - as stop() sets it
    assert 0 < runner.time_left() <= 1.5
    runner.shutdown._deadline = asyncio.get_running_loop().time() - 1  # noqa: SLF001
    assert runner.time_left() == 0.0
