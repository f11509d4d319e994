"""One schema: `alembic upgrade head` on an empty database gives exactly `briefings.schema.metadata`
(an empty autogenerate diff), on SQLite and on PostgreSQL; and the diff does see a drift."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from briefings.schema import metadata

from tests.conftest import Database


def _diff(connection: sa.Connection, target: sa.MetaData) -> list[Any]:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "compare_server_default": True}
    )
    return [d for d in compare_metadata(context, target) if not _is_alembic_version(d)]


def _is_alembic_version(diff: Any) -> bool:
    return isinstance(diff, tuple) and diff[0] == "remove_table" and diff[1].name == "alembic_version"


async def diff_against(database: Database, target: sa.MetaData) -> list[Any]:
    store = await database.open()  # migrates an empty database to head
    try:
        async with store.engine.connect() as conn:
            return await conn.run_sync(_diff, target)
    finally:
        await store.close()


async def test_the_migrations_create_exactly_the_runtime_schema(database: Database) -> None:
    assert await diff_against(database, metadata) == []


async def test_the_check_sees_a_column_the_migrations_lack(database: Database) -> None:
    drifted = sa.MetaData()
    for table in metadata.tables.values():
        table.to_metadata(drifted)
    sa.Table("facts", drifted, sa.Column("colour", sa.Text()), extend_existing=True)
    diff = await diff_against(database, drifted)
    assert [(d[0], d[3].name) for d in diff] == [("add_column", "colour")]
