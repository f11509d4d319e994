"""The store's revision and pending imports.

`revision` is one counter row, moved on in the same transaction as every change to facts, entities,
sources, topics and subscriptions; each version row (and each subscription) keeps the revision it
was committed at, and each delivery the revision its briefing was composed at. Versions written
before this migration are at revision 0, the counter's start; a delivery from before it has none
(what changed since it falls back to its claim time).

`pending_imports` holds each caller's dry-run `fact import`, awaiting `fact import confirm` on any
replica, until it expires.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision: str | None = "0010"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    counter = op.create_table(
        "revision",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("value", sa.Integer(), nullable=False),
    )
    op.bulk_insert(counter, [{"id": 1, "value": 0}])
    for table in ("fact_versions", "record_versions", "subscriptions"):
        op.add_column(table, sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
    op.create_index("ix_fact_versions_revision", "fact_versions", ["revision"])
    op.create_index("ix_record_versions_revision", "record_versions", ["revision"])
    op.add_column("deliveries", sa.Column("revision", sa.Integer(), nullable=True))
    op.create_table(
        "pending_imports",
        sa.Column("caller", sa.String(200), primary_key=True),
        sa.Column("plan", sa.JSON(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_pending_imports_expires_at", "pending_imports", ["expires_at"])


def downgrade() -> None:
    op.drop_table("pending_imports")
    for table in ("deliveries", "subscriptions"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("revision")
    for table in ("fact_versions", "record_versions"):
        op.drop_index(f"ix_{table}_revision", table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("revision")
    op.drop_table("revision")
