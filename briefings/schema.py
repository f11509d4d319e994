"""The database schema, once: every table the bot reads and writes, on one SQLAlchemy `MetaData`.

The Alembic migrations in ``briefings/migrations`` create this schema step by step, and their
environment compares against `metadata` (``target_metadata``); `tests/test_schema.py` checks that
``alembic upgrade head`` on an empty database gives exactly this, on SQLite and on PostgreSQL. A
change to a table is made here and in a new migration, together.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa

__all__ = [
    "UTCDateTime",
    "admins",
    "conversation_contexts",
    "deliveries",
    "entities",
    "fact_versions",
    "facts",
    "meta",
    "metadata",
    "processed_events",
    "pending_imports",
    "record_versions",
    "revision",
    "sources",
    "subscriptions",
    "topics",
    "utc",
    "unanswered_groups",
    "unanswered_questions",
    "follow_ups",
    "admin_channels",
]


def utc(value: datetime) -> datetime:
    """`value` as aware UTC (naive values are taken as UTC)."""
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class UTCDateTime(sa.TypeDecorator[datetime]):
    """Aware UTC in and out, also on SQLite, which keeps no zone (naive values are taken as UTC)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        return None if value is None else utc(value)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        return None if value is None else utc(value)


metadata = sa.MetaData()

# --- facts, their versions, sources, entities and topics (migrations 0001 and 0005) -------------

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text(), nullable=False),
)

revision = sa.Table(
    "revision",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),  # one row: id 1
    sa.Column("value", sa.Integer(), nullable=False),
)
"""The store's revision (migration 0011): one counter, moved on in the same transaction as every
change to facts, entities, sources, topics and subscriptions. The move is an UPDATE of its one row,
which holds the row's lock until commit, so writers take numbers in the order they commit; every
version row keeps the number it was committed at."""


def _versioned() -> list[sa.Column[object]]:
    """What makes an entity, source or topic row versioned (migration 0005)."""
    return [
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("retired_reason", sa.Text()),
    ]


sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("data", sa.JSON(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False, server_default=sa.text("''")),  # "" as SQL, so SQLite compares it
    sa.Column("updated_at", UTCDateTime(), nullable=False),
    *_versioned(),
)
entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("data", sa.JSON(), nullable=False),
    sa.Column("updated_at", UTCDateTime(), nullable=False),
    *_versioned(),
)
topics = sa.Table(
    "topics",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    *_versioned(),
    sa.Column("data", sa.JSON(), nullable=False),
    sa.Column("updated_at", UTCDateTime(), nullable=False),
)
record_versions = sa.Table(
    "record_versions",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),  # entity | source | topic
    sa.Column("record_id", sa.String(80), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("data", sa.JSON(), nullable=False),
    sa.Column("previous", sa.JSON()),
    sa.Column("retired", sa.Boolean(), nullable=False),
    sa.Column("actor", sa.Text(), nullable=False),
    sa.Column("platform", sa.Text(), nullable=False),
    sa.Column("channel", sa.Text()),
    sa.Column("reason", sa.Text()),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Column("revision", sa.Integer(), nullable=False, server_default="0", index=True),  # (0011)
    sa.UniqueConstraint("kind", "record_id", "version", name="uq_record_versions_kind_id_version"),
)
facts = sa.Table(
    "facts",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column("retired_reason", sa.Text()),
    sa.Column("data", sa.JSON(), nullable=False),
    sa.Column("updated_at", UTCDateTime(), nullable=False),
)
fact_versions = sa.Table(
    "fact_versions",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("fact_id", sa.String(80), sa.ForeignKey("facts.id", name="fk_fact_versions_fact_id"), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("data", sa.JSON(), nullable=False),
    sa.Column("previous", sa.JSON()),
    sa.Column("retired", sa.Boolean(), nullable=False),
    sa.Column("actor", sa.Text(), nullable=False),
    sa.Column("platform", sa.Text(), nullable=False),
    sa.Column("channel", sa.Text()),
    sa.Column("reason", sa.Text()),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Column("revision", sa.Integer(), nullable=False, server_default="0", index=True),  # (0011)
    sa.UniqueConstraint("fact_id", "version", name="uq_fact_versions_fact_id_version"),
    sa.Index("ix_fact_versions_at", "at"),
)

# --- admins added by command (migration 0002) ---------------------------------------------------

admins = sa.Table(
    "admins",
    metadata,
    sa.Column("identity", sa.String(80), primary_key=True),
    sa.Column("added_by", sa.Text(), nullable=False),
    sa.Column("added_at", UTCDateTime(), nullable=False),
)

# --- events handled, subscriptions and the delivery ledger (migrations 0003, 0004 and 0007) ----

processed_events = sa.Table(
    "processed_events",
    metadata,
    sa.Column("platform", sa.String(16), primary_key=True),
    sa.Column("event_id", sa.String(128), primary_key=True),
    sa.Column("received_at", UTCDateTime(), nullable=False, index=True),
)
subscriptions = sa.Table(
    "subscriptions",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("platform", sa.String(16), nullable=False),
    sa.Column("channel", sa.String(128), nullable=False),
    sa.Column("at_time", sa.String(5), nullable=False),  # HH:MM, local to `timezone`
    sa.Column("timezone", sa.String(64), nullable=False),
    sa.Column("days", sa.String(16), nullable=False),  # daily | weekdays
    sa.Column("created_by", sa.Text(), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("updated_at", UTCDateTime(), nullable=False),
    sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column("quiet", sa.Boolean(), nullable=False, server_default=sa.false()),  # skip quiet days (0007)
    sa.Column("revision", sa.Integer(), nullable=False, server_default="0"),  # of its last change (0011)
    sa.UniqueConstraint("platform", "channel", name="uq_subscriptions_channel"),
)
deliveries = sa.Table(
    "deliveries",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("subscription_id", sa.Integer(), sa.ForeignKey("subscriptions.id", ondelete="CASCADE"), nullable=False),
    sa.Column("local_date", sa.Date(), nullable=False),
    sa.Column("due_at", UTCDateTime(), nullable=False),
    sa.Column("status", sa.String(16), nullable=False, index=True),  # claimed | sent | failed | skipped
    sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("claimed_by", sa.String(128), nullable=False),
    sa.Column("claimed_at", UTCDateTime(), nullable=False),
    sa.Column("sent_at", UTCDateTime()),
    sa.Column("message_id", sa.String(128)),
    sa.Column("error", sa.Text()),
    sa.Column("claims", sa.Integer(), nullable=False, server_default="1"),
    sa.Column("thread_replies", sa.JSON()),  # ids of the replies in the post's thread, in order (0007)
    sa.Column("revision", sa.Integer()),  # the store's revision its briefing was composed at (0011)
    sa.UniqueConstraint("subscription_id", "local_date", name="uq_deliveries_subscription_day"),
)

conversation_contexts = sa.Table(
    "conversation_contexts",
    metadata,
    sa.Column("conversation", sa.String(200), primary_key=True),  # a thread, a DM, a reply chain, a session
    sa.Column("context", sa.JSON(), nullable=False),  # what its last question was read as (0009)
    sa.Column("expires_at", UTCDateTime(), nullable=False, index=True),
)

pending_imports = sa.Table(
    "pending_imports",
    metadata,
    sa.Column("caller", sa.String(200), primary_key=True),  # who planned it (platform:user)
    sa.Column("plan", sa.JSON(), nullable=False),  # the dry run's ImportPlan, as `ImportPlan.to_data` (0011)
    sa.Column("expires_at", UTCDateTime(), nullable=False, index=True),
)

# --- unanswered questions, their follow-ups, the admin channels (migration 0010) -------------------

unanswered_groups = sa.Table(
    "unanswered_groups",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(255), nullable=False),
    sa.Column("sample", sa.Text(), nullable=False),
    sa.Column("asked", sa.String(32)),
    sa.Column("needs", sa.JSON(), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("count", sa.Integer(), nullable=False),
    sa.Column("first_at", UTCDateTime(), nullable=False),
    sa.Column("last_at", UTCDateTime(), nullable=False),
    sa.Column("nearest", sa.JSON(), nullable=False),
    sa.Column("closed_at", UTCDateTime()),
    sa.Column("closed_by", sa.Text()),
    sa.Column("fact_id", sa.String(80)),
    sa.Column("answer", sa.Text()),
    sa.Column("reason", sa.Text()),
)
sa.Index("unanswered_groups_open_key", unanswered_groups.c.key, unique=True,
         sqlite_where=unanswered_groups.c.status == "open", postgresql_where=unanswered_groups.c.status == "open")
"""One open group per key, so two replicas recording the same question at once cannot open two."""
unanswered_questions = sa.Table(
    "unanswered_questions",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("group_id", sa.Integer(), sa.ForeignKey("unanswered_groups.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("given", sa.Text()),
    sa.Column("needs", sa.JSON(), nullable=False),
    sa.Column("nearest", sa.JSON(), nullable=False),
    sa.Column("platform", sa.String(32), nullable=False),
    sa.Column("channel", sa.String(128)),
    sa.Column("thread", sa.String(128)),
    sa.Column("user_id", sa.String(128)),
    sa.Column("at", UTCDateTime(), nullable=False),
)
follow_ups = sa.Table(
    "follow_ups",
    metadata,
    sa.Column("question_id", sa.Integer(), primary_key=True, autoincrement=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("claimed_by", sa.String(128), nullable=False),
    sa.Column("claimed_at", UTCDateTime(), nullable=False),
    sa.Column("sent_at", UTCDateTime()),
    sa.Column("message_id", sa.String(128)),
    sa.Column("error", sa.Text()),
)
admin_channels = sa.Table(
    "admin_channels",
    metadata,
    sa.Column("platform", sa.String(32), primary_key=True),
    sa.Column("channel", sa.String(128), primary_key=True),
    sa.Column("marked_by", sa.Text(), nullable=False),
    sa.Column("marked_at", UTCDateTime(), nullable=False),
)
