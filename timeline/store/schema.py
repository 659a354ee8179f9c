"""The tables as SQLAlchemy Core sees them; the migrations make them, a test keeps the two equal."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB, TIMESTAMP, UUID

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("document_id", UUID(as_uuid=False), primary_key=True),
    Column("content_hash", Text, nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("publisher", Text),
    Column("url", Text),
    Column("published_at", Date),
    Column("ingested_at", TIMESTAMP(timezone=True), nullable=False),
    CheckConstraint("content_hash ~ '^[0-9a-f]{64}$'", name="documents_hash_is_sha256"),
)

events = Table(
    "events",
    metadata,
    Column("position", BigInteger, primary_key=True, autoincrement=False),
    Column("event_id", UUID(as_uuid=False), nullable=False, unique=True),
    Column("stream_id", Text, nullable=False),
    Column("stream_version", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("valid_from", Date),
    Column("valid_to", Date),
    Column("precision", Text),
    Column("recorded_at", TIMESTAMP(timezone=True), nullable=False),
    Column("actor_id", Text),
    Column("payload", JSONB, nullable=False),
    Column("document_id", UUID(as_uuid=False), ForeignKey("documents.document_id")),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("recorded_by", Text, nullable=False),
    Column("prev_hash", Text),
    Column("hash", Text, nullable=False),
    UniqueConstraint("stream_id", "stream_version", name="events_stream_version_key"),
    Index("events_document_idx", "document_id"),
    Index("events_actor_idx", "actor_id"),
)
