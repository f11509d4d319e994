"""Unsubscribing keeps the subscription (inactive) so its delivery ledger survives; a delivery
counts its claims so a claim abandoned by a crashed replica is taken over once, never twice.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("subscriptions", sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column("deliveries", sa.Column("claims", sa.Integer(), nullable=False, server_default="1"))
    op.create_index("ix_deliveries_status", "deliveries", ["status"])


def downgrade() -> None:
    op.drop_index("ix_deliveries_status", table_name="deliveries")
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("claims")
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("active")
