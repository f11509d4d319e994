"""`make bench` (`python -m bench`): speed and memory of answering, printed as a table.

Measures, in one process, answer latency (p50/p99) and questions per second on the curated store
and on a generated store of 100,000 facts (the curated ones plus synthetic ones), the index's build
time, peak RSS, and the start-up time of `briefbot ask` as a user runs it; then the embedding
model's rows (`bench/embedding.py`).

The generated store is built into its index the way the bot builds a store's (`bot.app.build_core`):
its facts come one at a time, each a validated `Fact` made as it is read (here by a generator, there
from the store's batches), so that neither holds them all at once. The index build is the time the
index takes over them: the time the generator takes to make them up is left out (as before, when they
were all made first), and shown on a row of its own.
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from briefings.answer import FactIndex
from briefings.files import load_catalogue
from briefings.models import Catalogue, Entity, EntityKind, Fact, FactDate, Provenance, Topic
from config.settings import CONFIG_DIR

__all__ = ["main"]

_SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev_qa.jsonl"
_SETS = Path(__file__).resolve().parents[1] / "tests" / "qa" / "sets"


def _questions() -> list[str]:
    qs = []
    for path in (_SHARED, *sorted(_SETS.glob("*.jsonl"))):
        if path.exists():
            qs += [json.loads(line)["q"] for line in path.read_text().splitlines() if line.strip()]
    return qs or ["who led the singapore delegation", "when is the summit", "who led the chinese delegation"]


def _syllable_word(rng: random.Random, n: int) -> str:
    cons, vows = "bcdfghjklmnprstvwz", "aeiou"
    return "".join(rng.choice(cons) + rng.choice(vows) for _ in range(n))


@dataclass(frozen=True)
class GeneratedStore:
    """The curated store plus synthetic entities and facts up to `size` facts in all. The facts are
    made as `facts()` is read, the same ones at every reading."""

    base: Catalogue
    size: int
    entities: dict[str, Entity]
    _names: list[tuple[str, str]]
    _vocabulary: list[str]
    _state: tuple
    """The generator's state once the entities are made: where every reading of the facts starts."""

    def facts(self) -> Iterator[Fact]:
        rng = random.Random()
        rng.setstate(self._state)
        cumulative = list(itertools.accumulate(1 / (i + 1) for i in range(len(self._vocabulary))))  # Zipf-like
        topics = list(Topic)
        at = datetime(2026, 12, 1, tzinfo=timezone.utc)
        source = next(iter(self.base.sources))
        yield from self.base.facts.values()
        for i in range(self.size - len(self.base.facts)):
            (s_id, s_name), (o_id, o_name) = rng.sample(self._names, 2)
            words = " ".join(rng.choices(self._vocabulary, cum_weights=cumulative, k=rng.randint(6, 14)))
            day = date(2018, 1, 1) + timedelta(days=rng.randrange(365))
            yield Fact(
                id=f"gen-fact-{i}", subject=s_id, relation="related_to", object=o_id,
                statement=f"{s_name} {words} {o_name} on {day:%B} {day.day}, {day.year}.",
                topic=rng.choice(topics), dates=[FactDate(day=day)],
                provenance=Provenance(source=source, recorded_at=at, recorded_by="bench"),
            )


def generated_store(base: Catalogue, *, size: int, seed: int = 7) -> GeneratedStore:
    rng = random.Random(seed)
    vocabulary = [_syllable_word(rng, rng.randint(2, 4)) for _ in range(20_000)]
    entities = dict(base.entities)
    names = []
    kinds = list(EntityKind)
    for i in range(size // 10):
        name = f"{_syllable_word(rng, 2).title()} {_syllable_word(rng, 3).title()}"
        eid = f"gen-{i}"
        entities[eid] = Entity(id=eid, name=name, kind=rng.choice(kinds), aliases=[])
        names.append((eid, name))
    return GeneratedStore(base=base, size=size, entities=entities, _names=names, _vocabulary=vocabulary,
                          _state=rng.getstate())


def generated_catalogue(base: Catalogue, *, size: int, seed: int = 7) -> Catalogue:
    """The generated store as one catalogue, every fact held (for tests of a few thousand facts)."""
    store = generated_store(base, size=size, seed=seed)
    return Catalogue(sources=base.sources, entities=store.entities, facts={f.id: f for f in store.facts()})


def _latencies(index: FactIndex, questions: list[str], *, rounds: int) -> tuple[list[float], float]:
    for q in questions:  # warm up
        index.answer(q)
    samples = []
    start = time.perf_counter()
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            index.answer(q)
            samples.append((time.perf_counter() - t) * 1000)
    wall = time.perf_counter() - start
    return samples, len(samples) / wall


def _pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _startup(questions: list[str]) -> tuple[float, float]:
    """Median wall time and peak RSS of `briefbot ask QUESTION` on a seeded SQLite store."""
    exe = Path(sys.executable).with_name("briefbot")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, BRIEFBOT_DATABASE_URL=f"sqlite+aiosqlite:///{tmp}/bench.db")
        subprocess.run([exe, "ask", questions[0]], env=env, check=True, capture_output=True)  # first start seeds
        times = []
        for q in questions[:7]:
            t = time.perf_counter()
            subprocess.run([exe, "ask", q], env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - t)
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(times), child


def _long_messages(index: FactIndex) -> list[float]:
    """Latency of 30 messages of 10,000 characters (words of the source article in random order)."""
    words = (CONFIG_DIR / "sources" / "summit-talks-2018-05-28.txt").read_text(encoding="utf-8").split()
    rng = random.Random(11)
    samples = []
    for _ in range(30):
        text = " ".join(rng.choice(words) for _ in range(2500))[:10_000]
        t = time.perf_counter()
        index.answer(text)
        samples.append((time.perf_counter() - t) * 1000)
    return samples


def _run_rss() -> float:
    """Peak RSS of `briefbot run` (no platform, no console) on a seeded SQLite store, once it is ready."""
    import socket
    import urllib.request

    exe = Path(sys.executable).with_name("briefbot")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, BRIEFBOT_DATABASE_URL=f"sqlite+aiosqlite:///{tmp}/run.db", BRIEFBOT_CONSOLE="off",
                   BRIEFBOT_HTTP_PORT=str(port))
        for key in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN"):
            env.pop(key, None)
        subprocess.run([exe, "ask", "when is the summit"], env=env, check=True, capture_output=True)  # seeds
        proc = subprocess.Popen([exe, "run"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as r:
                        if r.status == 200:
                            break
                except OSError:
                    time.sleep(0.1)
            status = Path(f"/proc/{proc.pid}/status").read_text()
            return int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1]) / 1024
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def _platform_rows() -> list[tuple[str, str, str]]:
    """Rows from the Slack and scheduler benches, each in its own module (they start servers and
    use the fakes under tests/: the bench runs from a checkout, and nothing shipped imports it)."""
    import asyncio
    import importlib

    rows: list[tuple[str, str, str]] = []
    for module, function in (("bench.slack", "bench_slack"), ("bench.scheduler", "bench_scheduler")):
        bench = getattr(importlib.import_module(module), function)
        rows += asyncio.run(bench())
    return rows


def main() -> None:
    questions = _questions()
    rows: list[tuple[str, str, str]] = []
    base = load_catalogue(CONFIG_DIR)

    t = time.perf_counter()
    curated = FactIndex.from_catalogue(base)
    build = time.perf_counter() - t
    samples, qps = _latencies(curated, questions, rounds=20)
    rows += [
        ("curated store", "facts", f"{len(curated)}"),
        ("curated store", "index build", f"{build * 1000:.1f} ms"),
        ("curated store", "answer p50", f"{_pct(samples, 50):.3f} ms"),
        ("curated store", "answer p99", f"{_pct(samples, 99):.3f} ms  (target <= 10 ms)"),
        ("curated store", "questions/s", f"{qps:,.0f}"),
        ("curated store", "peak RSS", f"{_rss_mb():.0f} MB"),
    ]
    long = _long_messages(curated)
    rows.append(("curated store", "10,000-character message p50 / max", f"{_pct(long, 50):.1f} / {max(long):.1f} ms  (target <= 50 ms)"))
    del curated
    gc.collect()

    startup, child_rss = _startup(questions)
    rows += [
        ("briefbot ask", "start-up, median of 7", f"{startup * 1000:.0f} ms  (target <= 1500 ms)"),
        ("briefbot ask", "peak RSS", f"{child_rss:.0f} MB"),
        ("briefbot run", "peak RSS, curated store, ready", f"{_run_rss():.0f} MB  (target <= 250 MB)"),
    ]

    for size in (10_000, 100_000):
        store = generated_store(base, size=size)
        last: deque[str] = deque(maxlen=200)
        making = [0.0]

        def facts(store: GeneratedStore = store, last: deque[str] = last, making: list[float] = making) -> Iterator[Fact]:
            made = store.facts()
            while True:
                t = time.perf_counter()
                fact = next(made, None)
                making[0] += time.perf_counter() - t
                if fact is None:
                    return
                last.append(fact.statement)
                yield fact

        t = time.perf_counter()
        big = FactIndex(facts(), sources=base.sources, entities=store.entities)
        build = time.perf_counter() - t - making[0]
        gc.freeze()  # as bot.app does: long-lived index objects stay out of every collection
        gen_qs = questions + [statement.split(" on ")[0] for statement in last]
        samples, qps = _latencies(big, gen_qs, rounds=3)
        label = f"generated {size:,}"
        rows += [
            (label, "making up the facts (not in the build)", f"{making[0]:.1f} s"),
            (label, "index build", f"{build:.1f} s" + ("  (target <= 10 s)" if size == 100_000 else "")),
            (label, "answer p50", f"{_pct(samples, 50):.3f} ms"),
            (label, "answer p99", f"{_pct(samples, 99):.3f} ms" + ("  (target <= 50 ms)" if size == 100_000 else "")),
            (label, "questions/s", f"{qps:,.0f}"),
        ]
        del big, store
        gc.unfreeze()
        gc.collect()
    rows.append(("process", "peak RSS (with 100k index)", f"{_rss_mb():.0f} MB  (target <= 400 MB)"))
    from bench.embedding import bench_embedding  # after the RSS row: the model would add to it

    rows += bench_embedding()
    rows += _platform_rows()

    width = max(len(r[0]) for r in rows), max(len(r[1]) for r in rows)
    print(f"| {'store':{width[0]}} | {'measure':{width[1]}} | value")
    print(f"|{'-' * (width[0] + 2)}|{'-' * (width[1] + 2)}|------")
    for a, b, c in rows:
        print(f"| {a:{width[0]}} | {b:{width[1]}} | {c}")


if __name__ == "__main__":
    main()
