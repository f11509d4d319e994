"""The context of each conversation (what its last question was read as), for follow-up questions.

Revision ID: 0009
Revises: 0005 (the newest on main when this was rebased)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "conversation_contexts",
        sa.Column("conversation", sa.String(200), primary_key=True),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_conversation_contexts_expires_at", "conversation_contexts", ["expires_at"])


def downgrade() -> None:
    op.drop_table("conversation_contexts")
