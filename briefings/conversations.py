"""The context of each conversation (a Slack thread, a Discord reply chain, a DM, the console
session), kept in the database so that any replica can answer the follow-up."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncEngine

from briefings.answering.context import QuestionContext
from briefings.schema import conversation_contexts as _contexts
from briefings.store import _now, _transaction

__all__ = ["ConversationStore"]

MAX_KEY = 200
"""Longest conversation key kept (platform ids are far shorter)."""



class ConversationStore:
    """The `conversation_contexts` table, on the fact store's engine; each context lives `lifetime`."""

    def __init__(self, engine: AsyncEngine, *, lifetime: timedelta) -> None:
        self._engine = engine
        self.lifetime = lifetime

    async def get(self, conversation: str, *, now: datetime | None = None) -> QuestionContext | None:
        """The conversation's context, or None when it has none or it has expired."""
        now = now or _now()
        async with _transaction(self._engine) as conn:
            row = (await conn.execute(sa.select(_contexts.c.context, _contexts.c.expires_at)
                                      .where(_contexts.c.conversation == conversation[:MAX_KEY]))).first()
        if row is None or row.expires_at <= now:
            return None
        try:
            return QuestionContext.model_validate(row.context)
        except ValidationError:  # written by another version of the bot: start afresh
            return None

    async def put(self, conversations: list[str], context: QuestionContext, *, now: datetime | None = None) -> None:
        """Keep `context` for each of `conversations` until `lifetime` from now; drop expired ones."""
        now = now or _now()
        stored = context.model_dump(mode="json")
        rows = [{"conversation": key, "context": stored, "expires_at": now + self.lifetime}
                for key in dict.fromkeys(c[:MAX_KEY] for c in conversations)]
        async with _transaction(self._engine, write=True) as conn:
            await conn.execute(sa.delete(_contexts).where(_contexts.c.expires_at <= now))
            insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
            stmt = insert(_contexts).values(rows)
            await conn.execute(stmt.on_conflict_do_update(
                index_elements=[_contexts.c.conversation],
                set_={"context": stmt.excluded.context, "expires_at": stmt.excluded.expires_at}))
