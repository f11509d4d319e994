"""Each caller's dry-run `fact import`, awaiting confirmation, kept in the database so that
`fact import confirm` works on whichever replica it reaches (migration 0011)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncEngine

from briefings.schema import pending_imports as _pending
from briefings.store import _transaction

__all__ = ["MAX_CALLER", "PendingImports", "Waiting"]

MAX_CALLER = 200
"""Longest caller key kept (platform identities are far shorter)."""
_KEPT_EXPIRED = timedelta(days=1)
"""How long an expired import is kept, so that confirming it says it expired rather than that
there is none; older ones are dropped when anyone plans an import."""


@dataclass(frozen=True, slots=True)
class Waiting:
    """An import as it was kept: the plan's data (`ImportPlan.to_data`) and when it expires."""

    plan: dict[str, Any]
    expires_at: datetime


class PendingImports:
    """The `pending_imports` table, on the fact store's engine: one waiting import per caller."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def put(self, caller: str, plan: dict[str, Any], *, expires_at: datetime, now: datetime) -> None:
        """Keep `plan` for `caller` until `expires_at`, in place of any import they had waiting."""
        row = {"caller": caller[:MAX_CALLER], "plan": plan, "expires_at": expires_at}
        async with _transaction(self._engine, write=True) as conn:
            await conn.execute(sa.delete(_pending).where(_pending.c.expires_at <= now - _KEPT_EXPIRED))
            insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
            stmt = insert(_pending).values(row)
            await conn.execute(stmt.on_conflict_do_update(
                index_elements=[_pending.c.caller],
                set_={"plan": stmt.excluded.plan, "expires_at": stmt.excluded.expires_at}))

    async def take(self, caller: str) -> Waiting | None:
        """Remove and return the caller's waiting import (expired or not), None if there is none.

        One DELETE ... RETURNING: of two replicas confirming the same import at once, one gets it."""
        stmt = (sa.delete(_pending).where(_pending.c.caller == caller[:MAX_CALLER])
                .returning(_pending.c.plan, _pending.c.expires_at))
        async with _transaction(self._engine, write=True) as conn:
            row = (await conn.execute(stmt)).one_or_none()
        return None if row is None else Waiting(plan=row.plan, expires_at=row.expires_at)

    async def drop(self, caller: str) -> bool:
        """Forget the caller's waiting import; whether there was one."""
        return await self.take(caller) is not None
