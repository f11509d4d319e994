"""Shared fixtures: a database to test against (SQLite always, PostgreSQL when configured)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from briefings.store import FactStore

POSTGRES_URL_ENV = "BRIEFBOT_TEST_POSTGRES_URL"


@dataclass(frozen=True)
class Database:
    """Where a test's data lives: a URL and the engine options that reach it."""

    url: str
    engine_kwargs: dict[str, Any] = field(default_factory=dict)

    async def open(self) -> FactStore:
        return await FactStore.open(self.url, **self.engine_kwargs)


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """An empty database: a SQLite file under tmp_path, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield Database(f"sqlite+aiosqlite:///{tmp_path / 'data' / 'briefbot.db'}")
        return
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(
            f"PostgreSQL tests need {POSTGRES_URL_ENV} (e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/test)"
        )
    schema = f"t_{uuid.uuid4().hex}"
    admin = create_async_engine(url, poolclass=NullPool)
    try:
        async with admin.begin() as conn:
            await conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        yield Database(url, {"connect_args": {"server_settings": {"search_path": schema}}})
        async with admin.begin() as conn:
            await conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        await admin.dispose()


@pytest.fixture
async def store(database: Database) -> AsyncIterator[FactStore]:
    """A migrated, empty fact store on each database."""
    opened = await database.open()
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
async def postgres_database() -> AsyncIterator[str]:
    """The URL of a fresh, empty PostgreSQL database, dropped afterwards: for `briefbot run` processes,
    which cannot be given a schema search path."""
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(f"this test runs processes on a fresh PostgreSQL database: set {POSTGRES_URL_ENV} "
                    "(e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/test)")
    name = f"briefbot_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
        async with admin.connect() as conn:
            await conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()
