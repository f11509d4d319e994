"""Entities, sources and topics become versioned like facts: each current row carries its version
and whether it is retired, and `record_versions` keeps every version with who made it and where.

Today's entities and sources become their version 1 (action 'seed'), data and text unchanged.

Revision ID: 0005
Revises: 0007 (the newest on main when this was rebased; the numbers were handed out per issue)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None

_VERSIONED = ("entities", "sources")


def upgrade() -> None:
    for table in _VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
            batch.add_column(sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false()))
            batch.add_column(sa.Column("retired_reason", sa.Text(), nullable=True))
    op.create_table(
        "topics",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("retired_reason", sa.Text(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    versions = op.create_table(
        "record_versions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("record_id", sa.String(80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("previous", sa.JSON(), nullable=True),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("platform", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("kind", "record_id", "version", name="uq_record_versions_kind_id_version"),
    )
    bind = op.get_bind()
    rows = []
    for kind, table in (("entity", "entities"), ("source", "sources")):
        current = sa.table(table, sa.column("id"), sa.column("data", sa.JSON()), sa.column("updated_at", sa.DateTime(timezone=True)),
                           *([sa.column("text")] if table == "sources" else []))
        for row in bind.execute(sa.select(current).order_by(current.c.id)):
            data = dict(row.data)
            if table == "sources":
                data["text"] = row.text
            rows.append({"kind": kind, "record_id": row.id, "version": 1, "action": "seed", "data": data,
                         "previous": None, "retired": False, "actor": "migration", "platform": "system",
                         "channel": None, "reason": "versioned by migration 0005", "at": row.updated_at})
    if rows:
        op.bulk_insert(versions, rows)


def downgrade() -> None:
    op.drop_table("record_versions")
    op.drop_table("topics")
    for table in _VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("retired_reason")
            batch.drop_column("retired")
            batch.drop_column("version")
