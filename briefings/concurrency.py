"""The bounded compare-and-set retry every plain change (no `version=`) goes through.

Facts (`FactService`), entities, sources and topics (`RecordService`) and subscriptions alike: only a
change that names the version it was made on is refused when another commit wins the race.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

__all__ = ["PLAIN_RETRIES", "retry_plain"]

R = TypeVar("R")

PLAIN_RETRIES = 50
"""How often a change without `version=` is re-applied on the newer version when a concurrent change
wins the race (a bounded compare-and-set retry); past it, the conflict is reported."""


async def retry_plain(write: Callable[[], Awaitable[R]], *, plain: bool, conflict: type[Exception]) -> R:
    """Run `write` (read the thing as it is now, change it, write it conditional on its version).

    A change with `version=N` (`plain` False) that meets a `conflict` fails with it. A plain change
    is not refused because someone else's commit won the race: `write` runs again on the newer
    version, up to `PLAIN_RETRIES` times, after a short random pause so racing writers spread out.
    """
    for attempt in range(1, PLAIN_RETRIES + 1):
        try:
            return await write()
        except conflict:
            if not plain or attempt == PLAIN_RETRIES:
                raise
        await asyncio.sleep(random.uniform(0, 0.002 * attempt))
    raise AssertionError("unreachable: the last attempt returns or raises")  # pragma: no cover
