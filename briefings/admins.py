"""Admins added by command, kept in the database next to the facts.

An identity is an opaque, platform-qualified string (``slack:U0123ABC``); checking its form is the
caller's business. The admins named in the settings are not stored here: they are immutable and the
command layer combines both lists.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from briefings.models import Text
from briefings.schema import admins as _admins
from briefings.store import StoreError, _now, _transaction

__all__ = ["AdminRecord", "AdminStore", "AlreadyAdmin", "NotAdmin"]



class AlreadyAdmin(StoreError):
    def __init__(self, identity: str) -> None:
        self.identity = identity
        super().__init__(f"{identity} is already an admin")


class NotAdmin(StoreError):
    def __init__(self, identity: str) -> None:
        self.identity = identity
        super().__init__(f"{identity} is not an admin added by command")


class AdminRecord(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    identity: Text
    added_by: Text
    added_at: datetime


class AdminStore:
    """The `admins` table, on the fact store's engine (built in the composition root)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def list_admins(self) -> list[AdminRecord]:
        """Every admin added by command, by identity."""
        async with _transaction(self._engine) as conn:
            rows = await conn.execute(sa.select(_admins).order_by(_admins.c.identity))
            return [AdminRecord(identity=r.identity, added_by=r.added_by, added_at=r.added_at) for r in rows]

    async def contains(self, identity: str) -> bool:
        async with _transaction(self._engine) as conn:
            found = await conn.scalar(sa.select(_admins.c.identity).where(_admins.c.identity == identity))
        return found is not None

    async def add(self, identity: str, *, added_by: str) -> AdminRecord:
        """Record a new admin; `AlreadyAdmin` if they are one."""
        record = AdminRecord(identity=identity, added_by=added_by, added_at=_now())
        try:
            async with _transaction(self._engine, write=True) as conn:
                await conn.execute(sa.insert(_admins).values(record.model_dump()))
        except IntegrityError:
            raise AlreadyAdmin(identity) from None
        return record

    async def remove(self, identity: str) -> None:
        """Remove an admin added by command; `NotAdmin` if there is none by that identity."""
        async with _transaction(self._engine, write=True) as conn:
            result = await conn.execute(sa.delete(_admins).where(_admins.c.identity == identity))
            if result.rowcount != 1:
                raise NotAdmin(identity)
