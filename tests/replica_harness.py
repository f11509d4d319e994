"""Replicas as the tests build them: each a core over its own store (its own engine, its own
clock for the stamps it writes) on the test's one database."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

from bot.app import Core, build_core
from bot.commands import Caller, CommandLayer, Reply
from briefings.store import FactStore
from config.settings import Settings

from tests.conftest import Database

ANA = Caller("console", "ana")
"""Named in the replicas' BRIEFBOT_ADMINS."""


@asynccontextmanager
async def replica(database: Database, *, clock: Callable[[], datetime] | None = None) -> AsyncIterator[Core]:
    """One replica's core on the test's database, its store stamping versions with `clock`."""
    kwargs = {} if clock is None else {"clock": clock}
    store = await FactStore.open(database.url, **kwargs, **database.engine_kwargs)
    core = await build_core(Settings(database_url=database.url, admins=("console:ana",)), store)
    try:
        yield core
    finally:
        await core.close()


async def run(layer: Core | CommandLayer, command: str, caller: Caller = ANA) -> Reply:
    """`command` from `caller` (an admin by default) through the command layer; it must succeed."""
    reply = await (layer if isinstance(layer, CommandLayer) else CommandLayer(layer)).handle(command, caller)
    assert not reply.error, reply.text
    return reply
