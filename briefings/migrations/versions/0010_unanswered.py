"""Unanswered questions: their groups (one open group per key), each question with where it was
asked, the ledger of follow-ups that tell each asker once, and the channels admins marked as
theirs (their daily briefing says how many questions are waiting); see `briefings.unanswered`.

Revision ID: 0009
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "unanswered_groups",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("sample", sa.Text(), nullable=False),
        sa.Column("asked", sa.String(32)),
        sa.Column("needs", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("nearest", sa.JSON(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True)),
        sa.Column("closed_by", sa.Text()),
        sa.Column("fact_id", sa.String(80)),
        sa.Column("answer", sa.Text()),
        sa.Column("reason", sa.Text()),
    )
    op.create_index("unanswered_groups_open_key", "unanswered_groups", ["key"], unique=True,
                    sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
    op.create_table(
        "unanswered_questions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("group_id", sa.Integer(), sa.ForeignKey("unanswered_groups.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("given", sa.Text()),
        sa.Column("needs", sa.JSON(), nullable=False),
        sa.Column("nearest", sa.JSON(), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(128)),
        sa.Column("thread", sa.String(128)),
        sa.Column("user_id", sa.String(128)),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "follow_ups",
        sa.Column("question_id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("claimed_by", sa.String(128), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True)),
        sa.Column("message_id", sa.String(128)),
        sa.Column("error", sa.Text()),
    )


    op.create_table(
        "admin_channels",
        sa.Column("platform", sa.String(32), primary_key=True),
        sa.Column("channel", sa.String(128), primary_key=True),
        sa.Column("marked_by", sa.Text(), nullable=False),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("admin_channels")
    op.drop_table("follow_ups")
    op.drop_table("unanswered_questions")
    op.drop_index("unanswered_groups_open_key", table_name="unanswered_groups")
    op.drop_table("unanswered_groups")
