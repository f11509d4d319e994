"""The conversation context store, on SQLite and PostgreSQL, and how an answer says how it was read."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from bot.render.text import render_answer
from briefings.answer import Answer
from briefings.answering.context import QuestionContext
from briefings.conversations import ConversationStore
from tests.conftest import Database

NOW = datetime(2026, 12, 6, 3, 0, tzinfo=timezone.utc)
CONTEXT = QuestionContext(question="When is the Trump-Kim summit?", asked="when", words=["summit"])


async def test_a_context_is_kept_per_conversation_until_it_expires(database: Database) -> None:
    store = await database.open()
    try:
        contexts = ConversationStore(store.engine, lifetime=timedelta(minutes=10))
        await contexts.put(["slack:C1:1.1", "slack:C1:user:U1"], CONTEXT, now=NOW)
        assert await contexts.get("slack:C1:1.1", now=NOW + timedelta(minutes=9)) == CONTEXT
        assert await contexts.get("slack:C1:user:U1", now=NOW) == CONTEXT
        assert await contexts.get("slack:C1:2.2", now=NOW) is None
        assert await contexts.get("slack:C1:1.1", now=NOW + timedelta(minutes=10)) is None
        later = CONTEXT.model_copy(update={"question": "where is the Trump-Kim summit?"})
        await contexts.put(["slack:C1:1.1"], later, now=NOW + timedelta(minutes=5))  # replaces, restarts the clock
        assert await contexts.get("slack:C1:1.1", now=NOW + timedelta(minutes=14)) == later
        await contexts.put(["other"], CONTEXT, now=NOW + timedelta(hours=1))  # expired rows are dropped
        async with store.engine.connect() as conn:
            keys = (await conn.execute(sa.text("SELECT conversation FROM conversation_contexts"))).scalars().all()
        assert keys == ["other"]
    finally:
        await store.close()


async def test_a_context_another_version_wrote_is_ignored(database: Database) -> None:
    store = await database.open()
    try:
        contexts = ConversationStore(store.engine, lifetime=timedelta(minutes=10))
        async with store.engine.begin() as conn:
            await conn.execute(sa.text("INSERT INTO conversation_contexts (conversation, context, expires_at) "
                                       "VALUES ('k', '{\"asked\": 3}', :at)"), {"at": NOW + timedelta(minutes=5)})
        assert await contexts.get("k", now=NOW) is None
    finally:
        await store.close()


def test_the_answer_says_how_it_read_a_follow_up() -> None:
    answer = Answer(question="where?", found=True, answer="The summit is in Singapore.", sources=["WSJ"],
                    reading="Where is the Trump-Kim summit?")
    assert render_answer(answer).splitlines() == ["(reading it as: where is the Trump-Kim summit?)",
                                                  "The summit is in Singapore.", "(Source: WSJ)"]
    assert render_answer(answer.model_copy(update={"reading": None})).splitlines()[0] == "The summit is in Singapore."
