"""Alembic environment: migrates the connection that `FactStore.open` passes in.

There is no alembic.ini and no logging set-up here: the app owns its logging, and the store
builds the Alembic config in code (see `briefings.store`). `target_metadata` is the runtime schema
(`briefings.schema.metadata`): autogenerate against it is how `tests/test_schema.py` proves the
migrations and the runtime tables agree.
"""

from __future__ import annotations

from alembic import context

from briefings.schema import metadata


def run_migrations() -> None:
    """Run the pending migrations on the caller's connection, inside the caller's transaction."""
    connection = context.config.attributes.get("connection")
    if connection is None or context.is_offline_mode():
        raise RuntimeError("briefbot's migrations run through FactStore.open(url), which passes a connection in")
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
