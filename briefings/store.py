"""The fact store: the current facts and every version they ever had, over SQLAlchemy async.

Runs on SQLite (``sqlite+aiosqlite:///path.db``) and PostgreSQL (``postgresql+asyncpg://...``).
The schema belongs to the Alembic migrations in ``briefings/migrations``, which `FactStore.open`
runs to head. Nothing is ever deleted: every change writes the new current row of ``facts`` and a
row of ``fact_versions`` in one transaction, and edits are guarded by the version the editor read.

Every transaction that writes a version also moves the store's revision on (`advance_revision`),
and the version keeps the number. Numbers are taken in commit order, so "every version after
revision N" is a question with one answer on any replica, whatever its clock says.
"""

from __future__ import annotations

import re
import socket
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from briefings.models import Catalogue, Entity, Fact, Source, Text, TopicInfo
from briefings.schema import entities as _entities
from briefings.schema import fact_versions as _versions
from briefings.schema import facts as _facts
from briefings.schema import meta as _meta
from briefings.schema import record_versions as _record_versions
from briefings.schema import revision as _revision
from briefings.schema import sources as _sources
from briefings.schema import topics as _topics
from briefings.schema import utc as _utc

__all__ = [
    "MIGRATIONS",
    "Action",
    "CatalogueRecord",
    "ChangeInfo",
    "FactExists",
    "FactStore",
    "FactVersion",
    "RecordConflict",
    "RecordExists",
    "RecordInUse",
    "RecordKind",
    "RecordVersion",
    "StoreError",
    "StoredFact",
    "StoredRecord",
    "UnknownFact",
    "UnknownRecord",
    "VersionConflict",
    "advance_revision",
    "record_kind",
    "uses",
]

MIGRATIONS = Path(__file__).parent / "migrations"
"""The Alembic script directory (env.py and versions/)."""

Action = Literal["seed", "add", "edit", "retire", "restore", "undo", "import", "teach", "unteach"]

_ACTIONS: Mapping[str, frozenset[str]] = {
    "add": frozenset({"add", "import"}),
    "update": frozenset({"edit", "import", "undo", "teach", "unteach"}),
    "retire": frozenset({"retire", "undo"}),
    "restore": frozenset({"restore", "undo"}),
    "revert": frozenset({"undo"}),
}
"""Which recorded actions each kind of change may carry ('seed' only comes from `seed`)."""

_SUPPORTED = ("sqlite+aiosqlite", "postgresql+asyncpg")
_WRITE = "briefbot_write"
"""Execution option marking a write transaction (BEGIN IMMEDIATE on SQLite)."""
_MIGRATION_LOCK = 0x62726566  # pg_advisory_xact_lock key: replicas starting at once migrate in turn


# --- errors -------------------------------------------------------------------------------------


class StoreError(Exception):
    """A change the store refused; the message is a sentence fit for a user."""


class FactExists(StoreError):
    def __init__(self, fact_id: str, *, retired: bool = False) -> None:
        self.fact_id = fact_id
        hint = " (it is retired: restore it instead)" if retired else ""
        super().__init__(f"fact {fact_id} already exists{hint}")


class UnknownFact(StoreError):
    def __init__(self, fact_id: str) -> None:
        self.fact_id = fact_id
        super().__init__(f"there is no fact {fact_id}")


class VersionConflict(StoreError):
    """Someone changed the fact since the caller read it; `current` is what it is now."""

    def __init__(self, current: StoredFact, *, expected: int | None = None) -> None:
        self.current = current
        self.expected = expected
        read = f" (you had version {expected})" if expected is not None else ""
        super().__init__(
            f"fact {current.fact.id} was changed by someone else: it is now at version {current.version}{read}"
        )


RecordKind = Literal["entity", "source", "topic"]
"""The catalogue records versioned beside facts."""

CatalogueRecord = Entity | Source | TopicInfo


class UnknownRecord(StoreError):
    def __init__(self, kind: RecordKind, record_id: str) -> None:
        self.kind = kind
        self.record_id = record_id
        super().__init__(f"there is no {kind} {record_id}")


class RecordExists(StoreError):
    def __init__(self, kind: RecordKind, record_id: str, *, retired: bool = False) -> None:
        self.kind = kind
        self.record_id = record_id
        hint = f" (it is retired: `{kind} undo {record_id}` brings it back)" if retired else ""
        super().__init__(f"{kind} {record_id} already exists{hint}")


class RecordInUse(StoreError):
    """A record that current facts still rest on cannot be retired."""

    def __init__(self, kind: RecordKind, record_id: str, fact_ids: list[str]) -> None:
        self.fact_ids = fact_ids
        shown = ", ".join(fact_ids[:10]) + (", \u2026" if len(fact_ids) > 10 else "")
        count = f"{len(fact_ids)} current fact" + ("s" if len(fact_ids) != 1 else "")
        super().__init__(
            f"{kind} {record_id} cannot be retired: {count} still use{'s' if len(fact_ids) == 1 else ''} it "
            f"({shown}); edit or retire those first"
        )


class RecordConflict(StoreError):
    """Someone changed the record since the caller read it; `current` is what it is now."""

    def __init__(self, current: StoredRecord, *, expected: int | None = None) -> None:
        self.current = current
        self.expected = expected
        read = f" (you had version {expected})" if expected is not None else ""
        super().__init__(
            f"{current.kind} {current.record.id} was changed by someone else: it is now at version "
            f"{current.version}{read}"
        )


# --- records ------------------------------------------------------------------------------------


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChangeInfo(_Record):
    """Who made a change, where, and why."""

    actor: Text
    platform: Text
    channel: str | None = None
    action: Action
    reason: Text | None = None


class StoredFact(_Record):
    """A fact as it stands now, with its version and whether it is retired."""

    fact: Fact
    version: int
    retired: bool
    retired_reason: str | None
    updated_at: datetime


class FactVersion(_Record):
    """One recorded version of a fact: what it became, what it was, who changed it and when."""

    fact_id: str
    version: int
    action: Action
    fact: Fact
    previous: Fact | None
    retired: bool
    actor: str
    platform: str
    channel: str | None
    reason: str | None
    at: datetime
    revision: int = 0
    """The store's revision it was committed at (0: before revisions were counted)."""


@dataclass(frozen=True, slots=True)
class StoredRecord:
    """An entity, source or topic as it stands now, with its version and whether it is retired."""

    kind: RecordKind
    record: CatalogueRecord
    version: int
    retired: bool
    retired_reason: str | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class RecordVersion:
    """One recorded version of an entity, source or topic (a source's text included)."""

    kind: RecordKind
    record_id: str
    version: int
    action: Action
    record: CatalogueRecord
    previous: CatalogueRecord | None
    retired: bool
    actor: str
    platform: str
    channel: str | None
    reason: str | None
    at: datetime
    revision: int = 0
    """The store's revision it was committed at (0: before revisions were counted)."""


# --- tables (briefings.schema holds them all, on the one MetaData the migrations are checked against)


def _now() -> datetime:
    return datetime.now(timezone.utc)


_RECORD_TABLES: Mapping[str, sa.Table] = {"entity": _entities, "source": _sources, "topic": _topics}
_RECORD_MODELS: Mapping[str, type[Entity] | type[Source] | type[TopicInfo]] = {
    "entity": Entity, "source": Source, "topic": TopicInfo,
}


def _stored(row: sa.Row[Any]) -> StoredFact:
    return StoredFact(
        fact=Fact.model_validate(row.data),
        version=row.version,
        retired=row.retired,
        retired_reason=row.retired_reason,
        updated_at=row.updated_at,
    )


def _version(row: sa.Row[Any]) -> FactVersion:
    return FactVersion(
        fact_id=row.fact_id,
        fact=Fact.model_validate(row.data),
        previous=None if row.previous is None else Fact.model_validate(row.previous),
        **_change_fields(row),
    )


def _change_fields(row: sa.Row[Any]) -> dict[str, Any]:
    """What every version row says of its change (`_version_columns`), as `FactVersion` and
    `RecordVersion` name it."""
    return {name: getattr(row, name) for name in
            ("version", "action", "retired", "actor", "platform", "channel", "reason", "at", "revision")}


def _change_row(
    change: ChangeInfo, *, version: int, data: dict[str, Any], previous: dict[str, Any] | None, retired: bool,
    reason: str | None, at: datetime, revision: int,
) -> dict[str, Any]:
    """The columns every version row has (`_version_columns`), for a fact's or a record's."""
    return {"version": version, "action": change.action, "data": data, "previous": previous, "retired": retired,
            "actor": change.actor, "platform": change.platform, "channel": change.channel, "reason": reason,
            "at": at, "revision": revision}


def _version_row(
    new: StoredFact, change: ChangeInfo, *, previous: Fact | None, reason: str | None, revision: int
) -> dict[str, Any]:
    return {"fact_id": new.fact.id, **_change_row(
        change, version=new.version, data=new.fact.model_dump(mode="json"),
        previous=None if previous is None else previous.model_dump(mode="json"), retired=new.retired,
        reason=reason, at=new.updated_at, revision=revision)}


def _fact_row(new: StoredFact) -> dict[str, Any]:
    return {
        "id": new.fact.id,
        "version": new.version,
        "retired": new.retired,
        "retired_reason": new.retired_reason,
        "data": new.fact.model_dump(mode="json"),
        "updated_at": new.updated_at,
    }


def _record_data(record: CatalogueRecord) -> dict[str, Any]:
    """A record as stored in a version: everything, a source's text included."""
    data = record.model_dump(mode="json")
    if isinstance(record, Source):
        data["text"] = record.text
    return data


def _load_record(kind: str, data: dict[str, Any]) -> CatalogueRecord:
    return _RECORD_MODELS[kind].model_validate(data)


def _current_record_row(new: StoredRecord) -> dict[str, Any]:
    row = {
        "id": new.record.id,
        "version": new.version,
        "retired": new.retired,
        "retired_reason": new.retired_reason,
        "data": new.record.model_dump(mode="json"),
        "updated_at": new.updated_at,
    }
    if isinstance(new.record, Source):
        row["text"] = new.record.text
    return row


def _stored_record(kind: RecordKind, row: sa.Row[Any]) -> StoredRecord:
    data = {**row.data, "text": row.text} if kind == "source" else row.data
    return StoredRecord(kind=kind, record=_load_record(kind, data), version=row.version, retired=row.retired,
                        retired_reason=row.retired_reason, updated_at=row.updated_at)


def _record_version(row: sa.Row[Any]) -> RecordVersion:
    return RecordVersion(
        kind=row.kind,
        record_id=row.record_id,
        record=_load_record(row.kind, row.data),
        previous=None if row.previous is None else _load_record(row.kind, row.previous),
        **_change_fields(row),
    )


def _record_version_row(
    new: StoredRecord, change: ChangeInfo, *, previous: CatalogueRecord | None, reason: str | None, revision: int
) -> dict[str, Any]:
    return {"kind": new.kind, "record_id": new.record.id, **_change_row(
        change, version=new.version, data=_record_data(new.record),
        previous=None if previous is None else _record_data(previous), retired=new.retired, reason=reason,
        at=new.updated_at, revision=revision)}


def record_kind(record: CatalogueRecord) -> RecordKind:
    if isinstance(record, Entity):
        return "entity"
    if isinstance(record, Source):
        return "source"
    return "topic"


def _check_action(change: ChangeInfo, kind: str) -> None:
    if change.action not in _ACTIONS[kind]:
        allowed = ", ".join(sorted(_ACTIONS[kind]))
        raise ValueError(f"a {kind} is recorded as one of {allowed}, not {change.action!r}")


def _expect(current: StoredFact, expected_version: int) -> None:
    if current.version != expected_version:
        raise VersionConflict(current, expected=expected_version)


# --- engine and migrations ----------------------------------------------------------------------


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy emits BEGIN itself (see _sqlite_begin); the driver's own BEGIN is switched off.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # A write takes the write lock up front, so two writers queue (busy timeout) instead of
    # failing with "database is locked" when one upgrades a read transaction.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


def _parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(
            "the database URL is not valid: use sqlite+aiosqlite:///path.db or postgresql+asyncpg://user@host/db"
        ) from None
    if parsed.drivername not in _SUPPORTED:
        shown = parsed.render_as_string(hide_password=True)
        raise StoreError(
            f"database URL {shown} is not supported: use sqlite+aiosqlite:///path.db "
            "or postgresql+asyncpg://user@host/db"
        )
    return parsed


def _shown(url: str) -> str:
    """The URL as it may be shown: without its password."""
    return _parse_url(url).render_as_string(hide_password=True)


def _why(exc: BaseException) -> str:
    """Why a database could not be opened, in a few words (no traceback, no password)."""
    if isinstance(exc, socket.gaierror):
        return "the host name is unknown"
    if isinstance(exc, ConnectionRefusedError):
        return "the connection was refused (is the server running on that host and port?)"
    if isinstance(exc, TimeoutError):
        return "the server did not answer in time"
    if isinstance(exc, DBAPIError):
        return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror} ({exc.filename})" if exc.filename else exc.strerror
    return str(exc)


def _create_engine(url: str, engine_kwargs: Mapping[str, Any]) -> AsyncEngine:
    parsed = _parse_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_async_engine(parsed, **{"pool_pre_ping": True, **engine_kwargs})
    database = parsed.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    kwargs = dict(engine_kwargs)
    kwargs["connect_args"] = {"timeout": 30, **kwargs.get("connect_args", {})}
    engine = create_async_engine(parsed, **kwargs)
    sa.event.listen(engine.sync_engine, "connect", _sqlite_connect)
    sa.event.listen(engine.sync_engine, "begin", _sqlite_begin)
    return engine


@asynccontextmanager
async def _transaction(engine: AsyncEngine, *, write: bool = False) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as conn:
        if write:
            await conn.execution_options(**{_WRITE: True})
        async with conn.begin():
            yield conn


_REVISION_TAKEN = "briefbot_revision"
"""Key in a connection's `info`: the transaction that took a revision, and the number it took."""


async def advance_revision(conn: AsyncConnection) -> int:
    """The revision this write transaction commits as: the counter moved on by one, the first time
    a transaction asks; the same number after that.

    The UPDATE of the counter's one row takes the row's lock until commit (on SQLite the write lock
    is the whole database's already), so a second writer waits for the first to commit before it
    takes the next number: revisions are handed out in commit order, and a reader that sees the
    counter at N sees every version committed at N or before.
    """
    transaction = conn.sync_connection.get_transaction() if conn.sync_connection is not None else None
    if transaction is None:
        raise RuntimeError("advance_revision needs a write transaction")
    taken = conn.info.get(_REVISION_TAKEN)
    if taken is not None and taken[0] is transaction:
        return int(taken[1])
    value = (await conn.execute(
        sa.update(_revision).where(_revision.c.id == 1).values(value=_revision.c.value + 1)
        .returning(_revision.c.value))).scalar_one()
    conn.info[_REVISION_TAKEN] = (transaction, value)
    return int(value)


def _head_revision() -> str | None:
    """The newest migration's id, read from the files (no Alembic import: it costs start-up time)."""
    revisions: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev = re.search(r"^revision(?:: str)? = ['\"]([^'\"]+)['\"]", text, re.M)
        down = re.search(r"^down_revision(?:: [^=]+)? = (?:['\"]([^'\"]+)['\"]|None)", text, re.M)
        if rev is None or down is None:
            return None  # a file we cannot read this way: let Alembic decide
        revisions[rev.group(1)] = down.group(1)
    heads = set(revisions) - {d for d in revisions.values() if d}
    return heads.pop() if len(heads) == 1 else None


def _current_revision(connection: Connection) -> str | None:
    if not sa.inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def _upgrade_to_head(connection: Connection) -> None:
    head = _head_revision()
    if head is not None and _current_revision(connection) == head:
        return  # already migrated: the common start-up
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


async def _migrate(engine: AsyncEngine) -> None:
    """Bring the schema to the newest migration, in one transaction, one process at a time."""
    async with _transaction(engine, write=True) as conn:
        if conn.dialect.name == "postgresql":
            await conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        await conn.run_sync(_upgrade_to_head)


# --- the store ----------------------------------------------------------------------------------


class FactStore:
    """Sources, entities and versioned facts in one database."""

    def __init__(self, engine: AsyncEngine, *, clock: Callable[[], datetime] = _now) -> None:
        """Wrap an engine whose schema is already migrated; use `FactStore.open` to get one.

        `clock` stamps each version's time (`at`): shown to people, never used to order versions."""
        self._engine = engine
        self._clock = clock

    @classmethod
    async def open(cls, url: str, *, clock: Callable[[], datetime] = _now, **engine_kwargs: Any) -> FactStore:
        """Connect to `url`, migrate the schema to head and return the store.

        `engine_kwargs` go to `create_async_engine` (e.g. ``connect_args``).
        """
        try:
            engine = _create_engine(url, engine_kwargs)
        except OSError as exc:  # the SQLite file's folder cannot be made
            raise StoreError(f"cannot open the database {_shown(url)}: {_why(exc)}") from None
        try:
            await _migrate(engine)
        except (OSError, DBAPIError, TimeoutError) as exc:
            await engine.dispose()
            raise StoreError(f"cannot open the database {_shown(url)}: {_why(exc)}") from None
        except BaseException:
            await engine.dispose()
            raise
        return cls(engine, clock=clock)

    @property
    def engine(self) -> AsyncEngine:
        return self._engine

    @asynccontextmanager
    async def _change(self) -> AsyncIterator[AsyncConnection]:
        """A write transaction that takes its revision first (`advance_revision`), before any row
        it changes: on PostgreSQL every writer then waits for the counter's lock before it locks
        anything else, so two writers never wait for each other's rows (a deadlock)."""
        async with _transaction(self._engine, write=True) as conn:
            await advance_revision(conn)
            yield conn

    async def close(self) -> None:
        await self._engine.dispose()

    # reading

    async def catalogue(self, *, include_retired: bool = False) -> Catalogue:
        """Every source (with its text), every entity and the current version of each fact."""
        async with _transaction(self._engine) as conn:
            sources = await self._sources(conn)
            entities = await self._entities(conn)
            topics = await self._topics(conn)
            facts = await self._list(conn, include_retired=include_retired)
        return Catalogue(sources=sources, entities=entities, topics=topics, facts={s.fact.id: s.fact for s in facts})

    async def get(self, fact_id: str) -> StoredFact | None:
        async with _transaction(self._engine) as conn:
            return await self._current(conn, fact_id)

    async def list_facts(self, *, include_retired: bool = False) -> list[StoredFact]:
        """The current facts, by id."""
        async with _transaction(self._engine) as conn:
            return await self._list(conn, include_retired=include_retired)

    async def fact_batches(self, *, include_retired: bool = False, size: int = 1000) -> AsyncIterator[list[StoredFact]]:
        """The current facts, by id, `size` at a time, from one read: for going through a big store
        without holding it whole (`list_facts` and `catalogue` hold every fact at once)."""
        query = sa.select(_facts).order_by(_facts.c.id)
        if not include_retired:
            query = query.where(_facts.c.retired.is_(False))
        async with _transaction(self._engine) as conn:
            result = await conn.stream(query)
            async for rows in result.partitions(size):
                yield [_stored(row) for row in rows]

    async def history(self, fact_id: str) -> list[FactVersion]:
        """Every version of a fact, oldest first (empty when there is no such fact)."""
        query = sa.select(_versions).where(_versions.c.fact_id == fact_id).order_by(_versions.c.version)
        async with _transaction(self._engine) as conn:
            return [_version(row) for row in await conn.execute(query)]

    async def revision(self) -> int:
        """The store's revision: moved on by every committed change to facts, entities, sources,
        topics and subscriptions (see `advance_revision`). One cheap query, so that a caller may
        keep what it read until it changes, and ask for the versions after it."""
        async with _transaction(self._engine) as conn:
            return int(await conn.scalar(sa.select(_revision.c.value).where(_revision.c.id == 1)) or 0)

    async def changes_since(self, since: datetime) -> list[FactVersion]:
        """Every version stamped after `since` (naive means UTC), oldest first: for a window of time
        as people mean it ("the last 24 hours"); to follow changes, use `changes_after`."""
        query = sa.select(_versions).where(_versions.c.at > _utc(since)).order_by(_versions.c.at, _versions.c.id)
        async with _transaction(self._engine) as conn:
            return [_version(row) for row in await conn.execute(query)]

    async def changes_after(self, revision: int, *, upto: int | None = None) -> list[FactVersion]:
        """Every fact version committed after `revision` (and at `upto` or before), in commit order."""
        v = _versions
        query = sa.select(v).where(v.c.revision > revision).order_by(v.c.revision, v.c.id)
        if upto is not None:
            query = query.where(v.c.revision <= upto)
        async with _transaction(self._engine) as conn:
            return [_version(row) for row in await conn.execute(query)]

    async def records_changed_after(self, revision: int, *, upto: int | None = None) -> list[StoredRecord]:
        """The entities, sources and topics with a version committed after `revision` (and at `upto`
        or before), each as it is now."""
        v = _record_versions
        query = sa.select(v.c.kind, v.c.record_id).where(v.c.revision > revision).distinct()
        if upto is not None:
            query = query.where(v.c.revision <= upto)
        async with _transaction(self._engine) as conn:
            changed = sorted((row.kind, row.record_id) for row in await conn.execute(query))
            found = [await self._current_record(conn, kind, record_id) for kind, record_id in changed]
        return [stored for stored in found if stored is not None]

    async def sources(self) -> dict[str, Source]:
        async with _transaction(self._engine) as conn:
            return await self._sources(conn)

    async def entities(self) -> dict[str, Entity]:
        async with _transaction(self._engine) as conn:
            return await self._entities(conn)

    async def topics(self) -> dict[str, TopicInfo]:
        async with _transaction(self._engine) as conn:
            return await self._topics(conn)

    async def get_record(self, kind: RecordKind, record_id: str) -> StoredRecord | None:
        async with _transaction(self._engine) as conn:
            return await self._current_record(conn, kind, record_id)

    async def list_records(self, kind: RecordKind, *, include_retired: bool = False) -> list[StoredRecord]:
        """The current entities, sources or topics, by id."""
        table = _RECORD_TABLES[kind]
        query = sa.select(table).order_by(table.c.id)
        if not include_retired:
            query = query.where(table.c.retired.is_(False))
        async with _transaction(self._engine) as conn:
            return [_stored_record(kind, row) for row in await conn.execute(query)]

    async def record_history(self, kind: RecordKind, record_id: str) -> list[RecordVersion]:
        """Every version of an entity, source or topic, oldest first (empty when there is none)."""
        v = _record_versions
        query = sa.select(v).where(v.c.kind == kind, v.c.record_id == record_id).order_by(v.c.version)
        async with _transaction(self._engine) as conn:
            return [_record_version(row) for row in await conn.execute(query)]

    async def ping(self) -> bool:
        """Whether the database answers a trivial query (readiness)."""
        async with self._engine.connect() as conn:
            return (await conn.scalar(sa.text("SELECT 1"))) == 1

    async def is_seeded(self) -> bool:
        """Whether the curated facts were ever loaded (cheap: lets start-up skip reading the files)."""
        async with _transaction(self._engine) as conn:
            return await self._seeded(conn)

    # writing

    async def seed(self, catalogue: Catalogue, *, actor: str = "curator") -> bool:
        """Write the catalogue as version 1 of every fact, on first start only; True if it did.

        Safe when replicas start at once: the 'seeded' meta row is claimed first in the same
        transaction, so only one seeds and the others return False.
        """
        change = ChangeInfo(actor=actor, platform="system", action="seed")
        try:
            async with self._change() as conn:
                has_facts = await conn.scalar(sa.select(sa.func.count()).select_from(_facts))
                if has_facts or await self._seeded(conn):
                    return False
                now = self._clock()
                await conn.execute(sa.insert(_meta).values(key="seeded", value=now.isoformat()))
                records = [*catalogue.topics.values(), *catalogue.sources.values(), *catalogue.entities.values()]
                await self._insert_records(conn, records, change=change, at=now)
                new = [
                    StoredFact(fact=f, version=1, retired=False, retired_reason=None, updated_at=now)
                    for f in catalogue.facts.values()
                ]
                if new:
                    await conn.execute(sa.insert(_facts), [_fact_row(s) for s in new])
                    revision = await advance_revision(conn)
                    await conn.execute(sa.insert(_versions), [
                        _version_row(s, change, previous=None, reason=None, revision=revision) for s in new])
        except IntegrityError:
            async with _transaction(self._engine) as conn:
                if await self._seeded(conn):  # another replica claimed the 'seeded' row first
                    return False
            raise
        return True

    async def add(self, fact: Fact, *, change: ChangeInfo, source: Source | None = None) -> StoredFact:
        """Record a new fact as version 1; `FactExists` if the id is taken (retired included).

        `source`, when given, is recorded in the same transaction unless a source with its id
        exists already (an admin's own word, cited by the facts they add).
        """
        _check_action(change, "add")
        async with self._change() as conn:
            if source is not None and await self._current_record(conn, "source", source.id) is None:
                await self._insert_records(conn, [source], change=change, at=self._clock())
            return await self._insert(conn, fact, change=change)

    async def import_facts(
        self,
        *,
        add: list[Fact],
        update: list[tuple[Fact, int]],
        change: ChangeInfo,
        add_records: Sequence[CatalogueRecord] = (),
        update_records: Sequence[tuple[CatalogueRecord, int]] = (),
        retire: Mapping[str, str | None] | None = None,
    ) -> list[StoredFact]:
        """Add and update many facts (and the entities, sources and topics they rest on) in one
        transaction: all of them, or (on any error) none.

        `update` and `update_records` pair each fact or record with the version it must still be at.
        Records are written first, so that the facts find them. `retire` names facts (added, updated
        or already there) to retire afterwards, with a reason: how an export's retired facts come
        back retired. The newest version of each fact is last in the result.
        """
        _check_action(change, "add")
        _check_action(change, "update")
        written = []
        async with self._change() as conn:
            await self._insert_records(conn, list(add_records), change=change, at=self._clock())
            for record, expected_version in update_records:
                current = await self._require_record(conn, record_kind(record), record.id)
                _expect_record(current, expected_version)
                await self._write_record(conn, current, record=record, retired=current.retired,
                                         retired_reason=current.retired_reason, change=change)
            for fact in add:
                written.append(await self._insert(conn, fact, change=change))
            for fact, expected_version in update:
                current = await self._require(conn, fact.id)
                _expect(current, expected_version)
                written.append(
                    await self._write(
                        conn,
                        current,
                        fact=fact,
                        retired=current.retired,
                        retired_reason=current.retired_reason,
                        change=change,
                        reason=change.reason,
                    )
                )
            for fact_id, reason in (retire or {}).items():
                current = await self._require(conn, fact_id)
                if not current.retired:
                    written.append(await self._write(conn, current, fact=current.fact, retired=True,
                                                     retired_reason=reason, change=change, reason=reason))
        return written

    async def update(self, fact: Fact, *, expected_version: int, change: ChangeInfo) -> StoredFact:
        """Replace a fact's content if it is still at `expected_version` (retired or not)."""
        _check_action(change, "update")
        async with self._change() as conn:
            current = await self._require(conn, fact.id)
            _expect(current, expected_version)
            return await self._write(
                conn,
                current,
                fact=fact,
                retired=current.retired,
                retired_reason=current.retired_reason,
                change=change,
                reason=change.reason,
            )

    async def retire(
        self, fact_id: str, *, expected_version: int, reason: str | None, change: ChangeInfo
    ) -> StoredFact:
        """Hide a fact from the catalogue; it stays readable through `get` and `history`."""
        _check_action(change, "retire")
        reason = reason if reason is not None else change.reason
        async with self._change() as conn:
            current = await self._require(conn, fact_id)
            _expect(current, expected_version)
            if current.retired:
                raise StoreError(f"fact {fact_id} is already retired")
            return await self._write(
                conn, current, fact=current.fact, retired=True, retired_reason=reason, change=change, reason=reason
            )

    async def restore(self, fact_id: str, *, expected_version: int, change: ChangeInfo) -> StoredFact:
        """Bring a retired fact back into the catalogue."""
        _check_action(change, "restore")
        async with self._change() as conn:
            current = await self._require(conn, fact_id)
            _expect(current, expected_version)
            if not current.retired:
                raise StoreError(f"fact {fact_id} is not retired")
            return await self._write(
                conn,
                current,
                fact=current.fact,
                retired=False,
                retired_reason=None,
                change=change,
                reason=change.reason,
            )

    async def revert(
        self,
        fact_id: str,
        *,
        fact: Fact,
        retired: bool,
        retired_reason: str | None,
        expected_version: int,
        change: ChangeInfo,
    ) -> StoredFact:
        """Write an earlier state of a fact (content and retired flag) back as its next version."""
        _check_action(change, "revert")
        if fact.id != fact_id:
            raise ValueError(f"cannot revert fact {fact_id} to a state of fact {fact.id}")
        async with self._change() as conn:
            current = await self._require(conn, fact_id)
            _expect(current, expected_version)
            return await self._write(
                conn,
                current,
                fact=fact,
                retired=retired,
                retired_reason=retired_reason if retired else None,
                change=change,
                reason=change.reason,
            )

    async def upsert_source(self, source: Source) -> None:
        """Add or replace a source, its text included, as the curator's import (a new version)."""
        await self.put_record(source, change=ChangeInfo(actor="curator", platform="system", action="import"))

    async def upsert_entity(self, entity: Entity) -> None:
        """Add or replace an entity, as the curator's import (a new version)."""
        await self.put_record(entity, change=ChangeInfo(actor="curator", platform="system", action="import"))

    async def put_record(self, record: CatalogueRecord, *, change: ChangeInfo) -> StoredRecord:
        """Add a record, or write it as the next version of the one with its id (unless equal)."""
        kind = record_kind(record)
        async with self._change() as conn:
            current = await self._current_record(conn, kind, record.id)
            if current is None:
                return (await self._insert_records(conn, [record], change=change, at=self._clock()))[0]
            if current.record == record and not current.retired:
                return current
            return await self._write_record(conn, current, record=record, retired=False, retired_reason=None,
                                            change=change)

    async def add_record(self, record: CatalogueRecord, *, change: ChangeInfo) -> StoredRecord:
        """Record a new entity, source or topic as version 1; `RecordExists` if its id is taken."""
        _check_action(change, "add")
        async with self._change() as conn:
            return (await self._insert_records(conn, [record], change=change, at=self._clock()))[0]

    async def update_record(
        self, record: CatalogueRecord, *, expected_version: int, change: ChangeInfo
    ) -> StoredRecord:
        """Replace a record's content if it is still at `expected_version` (`RecordConflict` if not)."""
        _check_action(change, "update")
        kind = record_kind(record)
        async with self._change() as conn:
            current = await self._require_record(conn, kind, record.id)
            _expect_record(current, expected_version)
            return await self._write_record(conn, current, record=record, retired=current.retired,
                                            retired_reason=current.retired_reason, change=change)

    async def retire_record(
        self, kind: RecordKind, record_id: str, *, expected_version: int, change: ChangeInfo
    ) -> StoredRecord:
        """Hide a record; refused (`RecordInUse`) while a current fact rests on it."""
        _check_action(change, "retire")
        async with self._change() as conn:
            current = await self._require_record(conn, kind, record_id)
            _expect_record(current, expected_version)
            if current.retired:
                raise StoreError(f"{kind} {record_id} is already retired")
            users = [s.fact.id for s in await self._list(conn, include_retired=False) if uses(s.fact, kind, record_id)]
            if users:
                raise RecordInUse(kind, record_id, users)
            return await self._write_record(conn, current, record=current.record, retired=True,
                                            retired_reason=change.reason, change=change)

    async def revert_record(
        self,
        record: CatalogueRecord,
        *,
        retired: bool,
        retired_reason: str | None,
        expected_version: int,
        change: ChangeInfo,
    ) -> StoredRecord:
        """Write an earlier state of a record back as its next version."""
        _check_action(change, "revert")
        kind = record_kind(record)
        async with self._change() as conn:
            current = await self._require_record(conn, kind, record.id)
            _expect_record(current, expected_version)
            if retired and not current.retired:
                users = [s.fact.id for s in await self._list(conn, include_retired=False)
                         if uses(s.fact, kind, record.id)]
                if users:
                    raise RecordInUse(kind, record.id, users)
            return await self._write_record(conn, current, record=record, retired=retired,
                                            retired_reason=retired_reason if retired else None, change=change)

    # within a transaction

    async def _current(self, conn: AsyncConnection, fact_id: str) -> StoredFact | None:
        row = (await conn.execute(sa.select(_facts).where(_facts.c.id == fact_id))).one_or_none()
        return None if row is None else _stored(row)

    async def _insert(self, conn: AsyncConnection, fact: Fact, *, change: ChangeInfo) -> StoredFact:
        existing = await self._current(conn, fact.id)
        if existing is not None:
            raise FactExists(fact.id, retired=existing.retired)
        new = StoredFact(fact=fact, version=1, retired=False, retired_reason=None, updated_at=self._clock())
        try:
            await conn.execute(sa.insert(_facts).values(_fact_row(new)))
        except IntegrityError:  # added by someone else since we looked
            raise FactExists(fact.id) from None
        version = _version_row(new, change, previous=None, reason=change.reason,
                               revision=await advance_revision(conn))
        await conn.execute(sa.insert(_versions).values(version))
        return new

    async def _require(self, conn: AsyncConnection, fact_id: str) -> StoredFact:
        current = await self._current(conn, fact_id)
        if current is None:
            raise UnknownFact(fact_id)
        return current

    async def _list(self, conn: AsyncConnection, *, include_retired: bool) -> list[StoredFact]:
        query = sa.select(_facts).order_by(_facts.c.id)
        if not include_retired:
            query = query.where(_facts.c.retired.is_(False))
        return [_stored(row) for row in await conn.execute(query)]

    async def _records(self, conn: AsyncConnection, kind: RecordKind) -> dict[str, Any]:
        """The current records of a kind that are not retired, by id."""
        table = _RECORD_TABLES[kind]
        rows = await conn.execute(sa.select(table).where(table.c.retired.is_(False)).order_by(table.c.id))
        return {row.id: _stored_record(kind, row).record for row in rows}

    async def _sources(self, conn: AsyncConnection) -> dict[str, Source]:
        return await self._records(conn, "source")

    async def _entities(self, conn: AsyncConnection) -> dict[str, Entity]:
        return await self._records(conn, "entity")

    async def _topics(self, conn: AsyncConnection) -> dict[str, TopicInfo]:
        return await self._records(conn, "topic")

    async def _current_record(self, conn: AsyncConnection, kind: RecordKind, record_id: str) -> StoredRecord | None:
        table = _RECORD_TABLES[kind]
        row = (await conn.execute(sa.select(table).where(table.c.id == record_id))).one_or_none()
        return None if row is None else _stored_record(kind, row)

    async def _require_record(self, conn: AsyncConnection, kind: RecordKind, record_id: str) -> StoredRecord:
        current = await self._current_record(conn, kind, record_id)
        if current is None:
            raise UnknownRecord(kind, record_id)
        return current

    async def _insert_records(
        self, conn: AsyncConnection, records: list[CatalogueRecord], *, change: ChangeInfo, at: datetime
    ) -> list[StoredRecord]:
        """Write each record as version 1; `RecordExists` if one's id is taken (retired included)."""
        written = []
        for record in records:
            kind = record_kind(record)
            existing = await self._current_record(conn, kind, record.id)
            if existing is not None:
                raise RecordExists(kind, record.id, retired=existing.retired)
            new = StoredRecord(kind=kind, record=record, version=1, retired=False, retired_reason=None, updated_at=at)
            try:
                await conn.execute(sa.insert(_RECORD_TABLES[kind]).values(_current_record_row(new)))
            except IntegrityError:  # added by someone else since we looked
                raise RecordExists(kind, record.id) from None
            await conn.execute(sa.insert(_record_versions).values(
                _record_version_row(new, change, previous=None, reason=change.reason,
                                    revision=await advance_revision(conn))))
            written.append(new)
        return written

    async def _write_record(
        self,
        conn: AsyncConnection,
        current: StoredRecord,
        *,
        record: CatalogueRecord,
        retired: bool,
        retired_reason: str | None,
        change: ChangeInfo,
    ) -> StoredRecord:
        """Write the version after `current`, conditional on the row still being at it."""
        new = StoredRecord(kind=current.kind, record=record, version=current.version + 1, retired=retired,
                           retired_reason=retired_reason, updated_at=self._clock())
        if not await _move_on(conn, _RECORD_TABLES[current.kind], _current_record_row(new),
                              from_version=current.version):
            raise RecordConflict(await self._require_record(conn, current.kind, record.id), expected=current.version)
        await conn.execute(sa.insert(_record_versions).values(
            _record_version_row(new, change, previous=current.record, reason=change.reason,
                                revision=await advance_revision(conn))))
        return new

    async def _seeded(self, conn: AsyncConnection) -> bool:
        return await conn.scalar(sa.select(_meta.c.key).where(_meta.c.key == "seeded")) is not None

    async def _write(
        self,
        conn: AsyncConnection,
        current: StoredFact,
        *,
        fact: Fact,
        retired: bool,
        retired_reason: str | None,
        change: ChangeInfo,
        reason: str | None,
    ) -> StoredFact:
        """Write the version after `current`, conditional on the row still being at it."""
        new = StoredFact(
            fact=fact, version=current.version + 1, retired=retired, retired_reason=retired_reason,
            updated_at=self._clock(),
        )
        if not await _move_on(conn, _facts, _fact_row(new), from_version=current.version):
            raise VersionConflict(await self._require(conn, current.fact.id), expected=current.version)
        await conn.execute(sa.insert(_versions).values(
            _version_row(new, change, previous=current.fact, reason=reason, revision=await advance_revision(conn))))
        return new


async def _move_on(conn: AsyncConnection, table: sa.Table, row: dict[str, Any], *, from_version: int) -> bool:
    """Write the current row `row` if the stored one is still at `from_version`; False when someone
    else changed it between our read and our write (optimistic concurrency)."""
    result = await conn.execute(
        sa.update(table)
        .where(table.c.id == row["id"], table.c.version == from_version)
        .values({k: v for k, v in row.items() if k != "id"})
    )
    return result.rowcount == 1


def uses(fact: Fact, kind: RecordKind, record_id: str) -> bool:
    """Whether `fact` rests on the record: names the entity, cites the source, is filed under the topic."""
    if kind == "entity":
        return record_id in (fact.subject, fact.object)
    if kind == "source":
        return fact.provenance.source == record_id
    return fact.topic == record_id


def _expect_record(current: StoredRecord, expected_version: int) -> None:
    if current.version != expected_version:
        raise RecordConflict(current, expected=expected_version)
