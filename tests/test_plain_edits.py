"""Plain edits (no `version=`) are not refused when another writer commits first: twenty `briefbot
chat` processes editing one fact and one entity at once, on one SQLite file and on one PostgreSQL
database, all apply, in some order, and each history holds twenty new versions, each built on the
one before."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.app import open_core
from config.settings import Settings

from tests.run_harness import run_env

EXE = Path(sys.executable).with_name("briefbot")
EDITORS = 20
_READY = "No fact matches"


ENTITY = "north-korea"


async def _editor(n: int, env: dict[str, str], go: asyncio.Event, ready: asyncio.Queue[int]) -> list[str]:
    """One `briefbot chat` process: says it is up (a search that finds nothing), then on `go` edits
    the fact and the entity (one reply line each)."""
    proc = await asyncio.create_subprocess_exec(
        str(EXE), "chat", "--user", f"editor{n}", env=env,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(b"fact search zzzz-nothing-here\n")
    await proc.stdin.drain()
    while _READY not in (line := (await proc.stdout.readline()).decode()):
        assert line, f"editor {n} ended before it was ready"
    await ready.put(n)
    await go.wait()
    proc.stdin.write(f'fact edit summit-place keywords="where, venue, location, host city, editor {n}"\n'.encode())
    proc.stdin.write(f'entity edit {ENTITY} description="The country, as editor {n} put it."\n'.encode())
    proc.stdin.close()
    out = (await proc.stdout.read()).decode()
    assert await proc.wait() == 0
    return [line for line in out.splitlines() if line.strip()]


async def test_twenty_concurrent_plain_edits_from_separate_processes_all_apply_on_sqlite(tmp_path: Path) -> None:
    await race(f"sqlite+aiosqlite:///{tmp_path / 'briefbot.db'}")


async def test_twenty_concurrent_plain_edits_from_separate_processes_all_apply_on_postgresql(
    postgres_database: str,
) -> None:
    await race(postgres_database)


async def race(url: str) -> None:
    admins = ",".join(f"console:editor{n}" for n in range(EDITORS))
    core = await open_core(Settings(database_url=url))  # migrated and seeded before the race
    try:
        before = await core.store.get("summit-place")
        entity_before = await core.store.get_record("entity", ENTITY)
        assert before is not None and entity_before is not None
        env = run_env(BRIEFBOT_DATABASE_URL=url, BRIEFBOT_ADMINS=admins, BRIEFBOT_LOG_LEVEL="WARNING")
        go, ready = asyncio.Event(), asyncio.Queue[int]()
        editors = [asyncio.create_task(_editor(n, env, go, ready)) for n in range(EDITORS)]
        for _ in range(EDITORS):  # every process is up and waiting: then all edit at once
            await ready.get()
        go.set()
        replies = await asyncio.gather(*editors)
        for fact_reply, entity_reply in replies:
            assert fact_reply.startswith("Fact summit-place is now at version"), fact_reply
            assert entity_reply.startswith(f"Entity {ENTITY} is now at version"), entity_reply
        history = await core.store.history("summit-place")
        new = history[before.version:]
        assert len(new) == EDITORS
        assert [v.version for v in history] == list(range(1, before.version + EDITORS + 1))
        assert all(v.previous == p.fact for p, v in zip(history, history[1:]))  # each on the one before
        assert sorted(v.actor for v in new) == sorted(f"console:editor{n}" for n in range(EDITORS))
        entity_history = await core.store.record_history("entity", ENTITY)
        assert [v.version for v in entity_history] == list(range(1, entity_before.version + EDITORS + 1))
        assert all(v.previous == p.record for p, v in zip(entity_history, entity_history[1:]))
        new_descriptions = {v.record.description for v in entity_history[entity_before.version:]}
        assert new_descriptions == {f"The country, as editor {n} put it." for n in range(EDITORS)}
    finally:
        await core.close()
