"""Bench rows for the packaged embedding model (`briefings.embedding`): load time, RSS after load,
one question's embedding p50/p99, and a batch of 10,000 statements.

Run alone with `python -m bench.embedding`; `make bench` prints the same rows in its table.
The load is measured in a fresh interpreter so the figures are the model's own, not those of
whatever the bench imported first.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from bench.answering import _pct
from briefings.embedding import Embedder

__all__ = ["bench_embedding"]

_LOAD = """
import json, resource, time
def rss():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20
before = rss()
t = time.perf_counter()
from briefings.embedding import Embedder
imported = time.perf_counter()
e = Embedder.load()
e.embed(['warm'])
loaded = time.perf_counter()
print(json.dumps({'import_ms': (imported - t) * 1000, 'load_ms': (loaded - imported) * 1000,
                  'rss_before': before, 'rss_after': rss()}))
"""

_QUESTIONS = [
    "who headed the delegation",
    "when did the two leaders sit down together",
    "why did the talks collapse",
    "where will the summit be held",
    "how much did the hotel cost",
    "what did the minister say about sanctions",
    "is the meeting still on",
    "who is the chief negotiator",
]


def _statements(n: int) -> list[str]:
    """`n` distinct short statements, built from a fixed pattern (no randomness, no data files)."""
    subjects = ["The minister", "Officials", "The delegation", "A spokesman", "The envoy", "Negotiators", "The army"]
    verbs = ["met", "announced", "rejected", "proposed", "confirmed", "postponed", "signed", "criticised"]
    objects = ["the agreement", "new talks", "the summit", "sanctions", "a joint statement", "the exercises"]
    places = ["in Singapore", "in Seoul", "at the border", "in Washington", "in Beijing", "at the hotel"]
    return [
        f"{subjects[i % 7]} {verbs[i // 7 % 8]} {objects[i // 56 % 6]} {places[i // 336 % 6]} on day {i}."
        for i in range(n)
    ]


def bench_embedding() -> list[tuple[str, str, str]]:
    loaded = json.loads(subprocess.run([sys.executable, "-c", _LOAD], check=True, capture_output=True, text=True).stdout)
    embedder = Embedder.load()
    for q in _QUESTIONS:  # warm up
        embedder.embed([q])
    samples, cpu = [], []
    for _ in range(200):
        for q in _QUESTIONS:
            t, c = time.perf_counter(), time.thread_time()
            embedder.embed([q])
            samples.append((time.perf_counter() - t) * 1000)
            cpu.append((time.thread_time() - c) * 1000)
    statements = _statements(10_000)
    t = time.perf_counter()
    embedder.embed(statements)
    batch = time.perf_counter() - t
    label = "embedding model"
    return [
        (label, "import numpy + tokenizers (fresh process)", f"{loaded['import_ms']:.0f} ms"),
        (label, "load the files, Embedder.load()", f"{loaded['load_ms']:.0f} ms"),
        (label, "RSS added by the load", f"{loaded['rss_after'] - loaded['rss_before']:.0f} MB"),
        (label, "embed one question p50", f"{_pct(samples, 50):.3f} ms"),
        (label, "embed one question p99", f"{_pct(samples, 99):.3f} ms  (target < 0.3 ms)"),
        (label, "embed one question p99, CPU time", f"{_pct(cpu, 99):.3f} ms  (not counting waits for a core)"),
        (label, "embed 10,000 statements", f"{batch * 1000:.0f} ms  ({len(statements) / batch:,.0f}/s)"),
    ]


if __name__ == "__main__":
    for row in bench_embedding():
        print(" | ".join(row))
