"""The daily digest: a delivery records its channel post's id (as before, `message_id`) and the ids of
the replies in that post's thread, in order, so a retry sends neither again; a subscription may
skip quiet days (nothing changed, nothing coming up).

Revision ID: 0007
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("deliveries", sa.Column("thread_replies", sa.JSON(), nullable=True))
    op.add_column("subscriptions", sa.Column("quiet", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("quiet")
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("thread_replies")
