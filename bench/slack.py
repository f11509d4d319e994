"""`make bench`, Slack part: a burst of signed events against `briefbot run`'s real HTTP server.

200 distinct `app_mention` events are posted at once over loopback, and each is delivered a second
time as Slack's retry would be (same event_id, X-Slack-Retry-Num: 1) while the first is still in
flight: 400 signed requests. Each must be acknowledged within Slack's 3 s, and each of the 200
questions answered exactly once (one chat.postMessage per thread) by the fake Slack Web API.
The latencies are those of a burst: the sender shares the bot's event loop, and the 400 requests
queue behind each other for the one CPU the loop runs on (bolt itself dispatches one in ~0.5 ms).

Runs from a checkout of the repository: the fake Slack lives with the tests (tests/fakes/slack.py).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp

__all__ = ["bench_slack"]

EVENTS = 200
ACK_DEADLINE = 3.0
_QUESTIONS = [
    "who led the Singapore delegation?",
    "when is the summit?",
    "who is Joe Hagin?",
    "where will Trump and Kim meet?",
    "what does North Korea want?",
]


def _pct(samples: list[float], p: float) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1] if len(samples) > 1 else samples[0]


async def _burst(url: str, secret: str, bodies: list[dict], *, retries: bool) -> list[tuple[int, float]]:
    """Post every body at once (and again as its retry), as Slack would: signed, from a pool of
    100 keep-alive connections (more new connections at once than the server's accept backlog of
    128 would wait out TCP's 1 s SYN retry). Each request's status and seconds to its response."""
    from tests.fakes.slack import signed_headers

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100)) as http:

        async def post(body: dict, retry: int | None) -> tuple[int, float]:
            raw = json.dumps(body)
            headers = signed_headers(secret, raw, retry_num=retry)
            started = time.perf_counter()
            async with http.post(url, data=raw, headers=headers) as response:
                await response.read()
                return response.status, time.perf_counter() - started

        return await asyncio.gather(*(post(b, None) for b in bodies), *(post(b, 1) for b in bodies if retries))


async def bench_slack(events: int = EVENTS) -> list[tuple[str, str, str]]:
    """Rows (store, measure, value) for the bench table."""
    from bot.adapters.slack import EVENTS_PATH, SlackSurface
    from bot.app import open_core, wire
    from config.settings import load_settings
    from tests.fakes.slack import SIGNING_SECRET, FakeSlack, event_body

    with tempfile.TemporaryDirectory() as tmp:
        async with FakeSlack() as slack:
            settings = load_settings(
                database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}", admins=(),
                slack_bot_token=slack.bot_token, slack_signing_secret=SIGNING_SECRET, slack_app_token=None,
                slack_api_url=slack.api_url, discord_token=None, http_host="127.0.0.1", http_port=0,
                log_level="WARNING",
            )
            core = await open_core(settings)
            runner = wire(core)
            try:
                await runner.start()
                surface = runner.surface("slack")
                assert isinstance(surface, SlackSurface)
                url = f"http://127.0.0.1:{runner.port}{EVENTS_PATH}"

                def mention(i: int) -> dict:
                    ts = f"{1800000000 + i}.000100"
                    return event_body({"type": "app_mention", "user": f"UBENCH{i:04d}", "channel": "C0BENCH001",
                                       "text": f"<@{slack.bot_user_id}> {_QUESTIONS[i % len(_QUESTIONS)]}",
                                       "ts": ts, "event_ts": ts}, event_id=f"Ev0BENCH{i:05d}")

                # one event first: the app's first request makes bolt call auth.test once
                await _burst(url, SIGNING_SECRET, [mention(-1)], retries=False)
                await surface.wait_handled(1, timeout=30)
                bodies = [mention(i) for i in range(events)]
                started = time.perf_counter()
                results = await _burst(url, SIGNING_SECRET, bodies, retries=True)
                await surface.wait_handled(1 + 2 * events, timeout=60)
                answered = time.perf_counter() - started
            finally:
                await runner.stop()
            threads = Counter(c.payload.get("thread_ts") for c in slack.calls("chat.postMessage"))

    latencies = [seconds * 1000 for _, seconds in results]
    acked = sum(1 for status, seconds in results if status == 200 and seconds <= ACK_DEADLINE)
    duplicates = sum(n - 1 for n in threads.values())
    label = f"slack http, {events} events, sqlite"
    return [
        (label, "requests (each event + its retry)", f"{len(results)}"),
        (label, "acked with 200 within 3 s", f"{acked}/{len(results)}"),
        (label, "ack p50", f"{_pct(latencies, 50):.1f} ms"),
        (label, "ack p99", f"{_pct(latencies, 99):.1f} ms  (limit 3000 ms)"),
        (label, "questions answered", f"{len(threads) - 1}/{events}"),  # less the warm-up
        (label, "duplicate posts", f"{duplicates}"),
        (label, "all answered after", f"{answered:.2f} s"),
    ]


if __name__ == "__main__":
    for row in asyncio.run(bench_slack()):
        print(" | ".join(row))
