"""Questions the bot could not answer (or answered unhelpfully), grouped for admins, and the ledger of
the follow-ups that tell each asker once the store can answer.

Every abstention, and every answer a user marks unhelpful, is one row of ``unanswered_questions``:
the text, what it needed (`Answer.needs`), where it was asked and by whom, when, and the nearest
facts. Questions needing the same things (what is asked and the same needs), or worded nearly
alike, share one row of ``unanswered_groups``, which counts them. A group is open until an admin's
change to the facts answers it (closed) or an admin dismisses it.

``follow_ups`` is the ledger of "Now I know" messages: one row per question, claimed with
``INSERT ... ON CONFLICT DO NOTHING`` before sending, so of any number of replicas, and across
restarts, one sends it at most once. A claim whose sender died is left as it is: a missed follow-up
is better than a repeated one. The asker's user id is cleared once their follow-up is recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from briefings.answering.lexicon import plain
from briefings.answering.model import Answer
from briefings.schema import admin_channels as _admin_channels
from briefings.schema import follow_ups as _follow_ups
from briefings.schema import unanswered_groups as _groups
from briefings.schema import unanswered_questions as _questions
from briefings.store import StoreError, _now, _transaction

__all__ = [
    "FollowUp",
    "FollowUpStatus",
    "GroupStatus",
    "Kind",
    "UnansweredGroup",
    "UnansweredQuestion",
    "UnansweredStore",
    "UnknownGroup",
    "close_answered",
    "group_key",
]

GroupStatus = Literal["open", "closed", "dismissed"]
Kind = Literal["abstained", "unhelpful"]
FollowUpStatus = Literal["claimed", "sent", "failed", "skipped"]

NEAR_TEXT = 90
"""Two questions whose plain text scores at least this (rapidfuzz ratio, 0..100) are the same question."""
_MAX_NEAREST = 3



class UnknownGroup(StoreError):
    def __init__(self, number: int) -> None:
        super().__init__(f"there is no unanswered question group {number} (type `unanswered` for the list)")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UnansweredQuestion(_Record):
    id: int
    group_id: int
    text: str
    kind: Kind
    given: str | None = None
    """For an answer marked unhelpful: what the bot had said."""
    needs: list[str] = Field(default_factory=list)
    nearest: list[tuple[str, float]] = Field(default_factory=list)
    platform: str
    channel: str | None = None
    thread: str | None = None
    user_id: str | None = None
    """Kept only until the asker's follow-up is recorded."""
    at: datetime

    @property
    def where(self) -> str:
        return f"{self.platform} #{self.channel}" if self.channel else self.platform


class UnansweredGroup(_Record):
    id: int
    key: str
    sample: str
    asked: str | None = None
    needs: list[str] = Field(default_factory=list)
    status: GroupStatus
    count: int
    first_at: datetime
    last_at: datetime
    nearest: list[tuple[str, float]] = Field(default_factory=list)
    closed_at: datetime | None = None
    closed_by: str | None = None
    fact_id: str | None = None
    answer: str | None = None
    reason: str | None = None


class FollowUp(_Record):
    question_id: int
    status: FollowUpStatus
    claimed_by: str
    claimed_at: datetime
    sent_at: datetime | None = None
    message_id: str | None = None
    error: str | None = None


def group_key(answer: Answer) -> str:
    """What questions of one group share: what is asked and the normalised needs (in any order);
    the plain text when the question had no needs."""
    if answer.needs:
        key = f"{answer.asked or '?'}|" + " ".join(sorted(set(answer.needs)))
    else:
        key = "text|" + " ".join(plain(answer.question).split())
    return key[:255]


def _group(row: sa.Row[Any]) -> UnansweredGroup:
    data = dict(row._mapping)
    data["nearest"] = [tuple(n) for n in data["nearest"] or []]
    return UnansweredGroup.model_validate(data)


def _question(row: sa.Row[Any]) -> UnansweredQuestion:
    data = dict(row._mapping)
    data["nearest"] = [tuple(n) for n in data["nearest"] or []]
    return UnansweredQuestion.model_validate(data)


class UnansweredStore:
    """The unanswered groups, their questions and the follow-up ledger, on the fact store's engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    # recording

    async def record(
        self, answer: Answer, *, platform: str, channel: str | None, thread: str | None, user_id: str | None,
        kind: Kind = "abstained", given: str | None = None, text: str | None = None, at: datetime | None = None,
    ) -> UnansweredQuestion:
        """Record one question nobody could answer (or whose answer was unhelpful) in its group."""
        at = at or _now()
        text = " ".join((text or answer.question).split())
        nearest = [[fid, round(score, 3)] for fid, score in answer.nearest[:_MAX_NEAREST]]
        for attempt in range(3):
            try:
                async with _transaction(self._engine, write=True) as conn:
                    group_id = await self._find_group(conn, answer, text)
                    if group_id is None:
                        group_id = (await conn.execute(sa.insert(_groups).values(
                            key=group_key(answer), sample=text, asked=answer.asked, needs=list(answer.needs),
                            status="open", count=1, first_at=at, last_at=at, nearest=nearest,
                        ).returning(_groups.c.id))).scalar_one()
                    else:
                        values: dict[str, Any] = {"count": _groups.c.count + 1, "last_at": at}
                        if nearest:
                            values["nearest"] = nearest
                        await conn.execute(sa.update(_groups).where(_groups.c.id == group_id).values(values))
                    row = {"group_id": group_id, "text": text, "kind": kind, "given": given,
                           "needs": list(answer.needs), "nearest": nearest, "platform": platform,
                           "channel": channel, "thread": thread, "user_id": user_id, "at": at}
                    new_id = (await conn.execute(sa.insert(_questions).values(row).returning(_questions.c.id))).scalar_one()
                    return UnansweredQuestion.model_validate({**row, "id": new_id, "nearest": [tuple(n) for n in nearest]})
            except IntegrityError:  # another replica opened the same group at the same moment
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def _find_group(self, conn: AsyncConnection, answer: Answer, text: str) -> int | None:
        key = group_key(answer)
        found = await conn.scalar(sa.select(_groups.c.id).where(_groups.c.status == "open", _groups.c.key == key))
        if found is not None:
            return found
        wanted = plain(text)
        rows = await conn.execute(sa.select(_groups.c.id, _groups.c.sample).where(_groups.c.status == "open"))
        best = max(((fuzz.ratio(wanted, plain(r.sample)), r.id) for r in rows), default=None)
        return best[1] if best is not None and best[0] >= NEAR_TEXT else None

    # reading

    async def open_groups(self, *, limit: int | None = None) -> list[UnansweredGroup]:
        """The open groups, most asked first (then the most recently asked)."""
        query = (sa.select(_groups).where(_groups.c.status == "open")
                 .order_by(_groups.c.count.desc(), _groups.c.last_at.desc(), _groups.c.id))
        if limit is not None:
            query = query.limit(limit)
        async with _transaction(self._engine) as conn:
            return [_group(r) for r in await conn.execute(query)]

    async def count_open(self) -> int:
        async with _transaction(self._engine) as conn:
            return await conn.scalar(sa.select(sa.func.count()).select_from(_groups).where(_groups.c.status == "open"))

    async def group(self, number: int) -> UnansweredGroup:
        async with _transaction(self._engine) as conn:
            row = (await conn.execute(sa.select(_groups).where(_groups.c.id == number))).one_or_none()
        if row is None:
            raise UnknownGroup(number)
        return _group(row)

    async def open_questions(self) -> dict[int, list[UnansweredQuestion]]:
        """The questions of every open group, by group id, oldest first (one query)."""
        query = (sa.select(_questions).join(_groups, _questions.c.group_id == _groups.c.id)
                 .where(_groups.c.status == "open").order_by(_questions.c.at, _questions.c.id))
        out: dict[int, list[UnansweredQuestion]] = {}
        async with _transaction(self._engine) as conn:
            for row in await conn.execute(query):
                q = _question(row)
                out.setdefault(q.group_id, []).append(q)
        return out

    async def questions(self, group_id: int) -> list[UnansweredQuestion]:
        """The questions of one group, oldest first."""
        query = sa.select(_questions).where(_questions.c.group_id == group_id).order_by(_questions.c.at, _questions.c.id)
        async with _transaction(self._engine) as conn:
            return [_question(r) for r in await conn.execute(query)]

    # closing

    async def dismiss(self, number: int, *, by: str, reason: str | None, at: datetime | None = None
                      ) -> UnansweredGroup:
        """Set an open group aside; its askers hear nothing."""
        group = await self.group(number)
        if group.status != "open":
            raise StoreError(f"group {number} is already {group.status}")
        dismissed = await self._close(group, status="dismissed", by=by, at=at, reason=reason)
        if dismissed is None:
            raise StoreError(f"group {number} was closed by someone else meanwhile")
        return dismissed

    async def close(self, group: UnansweredGroup, *, fact_id: str, answer: str, by: str,
                    at: datetime | None = None) -> UnansweredGroup | None:
        """Mark an open group answered by `fact_id`; None if someone closed or dismissed it first."""
        return await self._close(group, status="closed", by=by, at=at, fact_id=fact_id, answer=answer)

    async def _close(self, group: UnansweredGroup, *, status: GroupStatus, by: str, at: datetime | None,
                     **values: Any) -> UnansweredGroup | None:
        values = {"status": status, "closed_by": by, "closed_at": at or _now(), **values}
        stmt = sa.update(_groups).where(_groups.c.id == group.id, _groups.c.status == "open").values(values)
        async with _transaction(self._engine, write=True) as conn:
            if (await conn.execute(stmt)).rowcount != 1:
                return None
            if status == "dismissed":  # nobody will be told: the askers' ids are not needed any more
                await conn.execute(sa.update(_questions).where(_questions.c.group_id == group.id).values(user_id=None))
        return group.model_copy(update=values)

    # the follow-up ledger

    async def awaiting_follow_up(self) -> list[tuple[UnansweredGroup, UnansweredQuestion]]:
        """Questions of closed groups whose asker has not been followed up yet (no ledger row)."""
        query = (
            sa.select(_questions, *[c.label(f"g_{c.name}") for c in _groups.c])
            .select_from(_questions.join(_groups, _questions.c.group_id == _groups.c.id)
                         .outerjoin(_follow_ups, _follow_ups.c.question_id == _questions.c.id))
            .where(_groups.c.status == "closed", _follow_ups.c.question_id.is_(None), _questions.c.user_id.is_not(None))
            .order_by(_questions.c.at, _questions.c.id)
        )
        out = []
        async with _transaction(self._engine) as conn:
            for row in await conn.execute(query):
                data = dict(row._mapping)
                group = {c.name: data.pop(f"g_{c.name}") for c in _groups.c}
                group["nearest"] = [tuple(n) for n in group["nearest"] or []]
                data["nearest"] = [tuple(n) for n in data["nearest"] or []]
                out.append((UnansweredGroup.model_validate(group), UnansweredQuestion.model_validate(data)))
        return out

    async def claim_follow_up(self, question_id: int, *, by: str, now: datetime | None = None) -> FollowUp | None:
        """Claim the follow-up of one question for sending; None if anyone (this process included)
        claimed it before."""
        row = {"question_id": question_id, "status": "claimed", "claimed_by": by, "claimed_at": now or _now()}
        async with _transaction(self._engine, write=True) as conn:
            insert = pg_insert(_follow_ups) if conn.dialect.name == "postgresql" else sqlite_insert(_follow_ups)
            stmt = insert.values(row).on_conflict_do_nothing(index_elements=[_follow_ups.c.question_id])
            if (await conn.execute(stmt)).rowcount != 1:
                return None
        return FollowUp.model_validate(row)

    async def finish_follow_up(self, follow_up: FollowUp, *, status: Literal["sent", "failed", "skipped"],
                               message_id: str | None = None, error: str | None = None,
                               now: datetime | None = None) -> None:
        """Record what happened to a claimed follow-up, and forget the asker's user id."""
        async with _transaction(self._engine, write=True) as conn:
            await conn.execute(sa.update(_follow_ups).where(
                _follow_ups.c.question_id == follow_up.question_id, _follow_ups.c.claimed_by == follow_up.claimed_by,
            ).values(status=status, message_id=message_id, error=error, sent_at=(now or _now()) if status == "sent" else None))
            await conn.execute(sa.update(_questions).where(_questions.c.id == follow_up.question_id).values(user_id=None))

    async def follow_ups(self) -> list[FollowUp]:
        async with _transaction(self._engine) as conn:
            rows = await conn.execute(sa.select(_follow_ups).order_by(_follow_ups.c.question_id))
            return [FollowUp.model_validate(dict(r._mapping)) for r in rows]

    # the admin channels

    async def mark_admin_channel(self, platform: str, channel: str, *, by: str, on: bool = True,
                                 at: datetime | None = None) -> bool:
        """Mark (or with `on=False` unmark) a channel as an admin channel; False if it already was (or was not)."""
        key = (_admin_channels.c.platform == platform) & (_admin_channels.c.channel == channel)
        async with _transaction(self._engine, write=True) as conn:
            if not on:
                return (await conn.execute(sa.delete(_admin_channels).where(key))).rowcount == 1
            insert = pg_insert(_admin_channels) if conn.dialect.name == "postgresql" else sqlite_insert(_admin_channels)
            stmt = insert.values(platform=platform, channel=channel, marked_by=by, marked_at=at or _now())
            return (await conn.execute(stmt.on_conflict_do_nothing())).rowcount == 1

    async def is_admin_channel(self, platform: str, channel: str) -> bool:
        query = sa.select(_admin_channels.c.channel).where(_admin_channels.c.platform == platform,
                                                           _admin_channels.c.channel == channel)
        async with _transaction(self._engine) as conn:
            return await conn.scalar(query) is not None

    # retention

    async def prune(self, *, older_than: timedelta, now: datetime | None = None) -> int:
        """Delete closed and dismissed groups (with their questions and ledger rows) closed longer
        than `older_than` ago; how many groups went."""
        cutoff = (now or _now()) - older_than
        async with _transaction(self._engine, write=True) as conn:
            ids = [r.id for r in await conn.execute(
                sa.select(_groups.c.id).where(_groups.c.status != "open", _groups.c.closed_at < cutoff))]
            if not ids:
                return 0
            question_ids = sa.select(_questions.c.id).where(_questions.c.group_id.in_(ids))
            await conn.execute(sa.delete(_follow_ups).where(_follow_ups.c.question_id.in_(question_ids)))
            await conn.execute(sa.delete(_questions).where(_questions.c.group_id.in_(ids)))
            await conn.execute(sa.delete(_groups).where(_groups.c.id.in_(ids)))
        return len(ids)


def _same_answer(answer: Answer, given: str | None) -> bool:
    """The answer says what the one marked unhelpful said (as the platform rendered it, sources and
    markup included)."""
    return plain(answer.answer) in plain(given or "")


_REASKED = 5
"""Distinct wordings of a group re-asked after a change (the first ones asked)."""


async def close_answered(store: UnansweredStore, ask: Callable[[str], Answer], *, by: str,
                         at: datetime | None = None) -> list[UnansweredGroup]:
    """Re-ask the open groups' questions (`ask` answers from the current index) and close each group
    a fact now answers: a question the bot had no fact on gets an answer from a fact; one whose answer
    was marked unhelpful gets a different answer. The groups closed here, by whoever made the change."""
    closed = []
    questions = await store.open_questions()
    for group in await store.open_groups():
        wordings: dict[str, UnansweredQuestion] = {}
        for q in questions.get(group.id, []):
            wordings.setdefault(plain(q.text), q)
        for q in list(wordings.values())[:_REASKED]:
            answer = ask(q.text)
            if not answer.found or not answer.facts or (q.kind == "unhelpful" and _same_answer(answer, q.given)):
                continue
            done = await store.close(group, fact_id=answer.facts[0], answer=answer.answer, by=by, at=at)
            if done is not None:
                closed.append(done)
            break
    return closed
