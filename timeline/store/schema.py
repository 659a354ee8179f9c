"""The tables as SQLAlchemy Core sees them; the migrations make them, a test keeps the two equal."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TIMESTAMP, UUID

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


# --- the facts and entities projection (migration 0002), rebuilt from the log by `timeline rebuild` ---

facts = Table(
    "facts",
    metadata,
    Column("fact_id", Text, nullable=False),
    Column("position", BigInteger, nullable=False),
    Column("recorded_from", TIMESTAMP(timezone=True), nullable=False),
    Column("recorded_to", TIMESTAMP(timezone=True)),
    Column("closed_by", BigInteger),
    Column("change", Text, nullable=False),
    Column("closed_as", Text),
    Column("kind", Text, nullable=False),
    Column("predicate", Text, nullable=False),
    Column("actor_id", Text, nullable=False),
    Column("actor_name", Text, nullable=False),
    Column("actor_type", Text, nullable=False),
    Column("object_id", Text),
    Column("object_name", Text),
    Column("object_type", Text),
    Column("participants", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    Column("role", Text),
    Column("location_id", Text),
    Column("location_name", Text),
    Column("location_type", Text),
    Column("quantity", JSONB),
    Column("valid_from", Date),
    Column("valid_to", Date),
    Column("precision", Text, nullable=False),
    Column("valid_text", Text, nullable=False),
    Column("known_by", Date),
    Column("eff_from", Date, nullable=False),
    Column("modality", Text, nullable=False),
    Column("document_id", Text),
    Column("published_at", Date),
    Column("attribution", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    Column("quote", Text, nullable=False),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("confidence", Double, nullable=False),
    Column("extractor", Text, nullable=False),
    Column("derived_id", Text),
    Column("entity_ids", ARRAY(Text), nullable=False),
    PrimaryKeyConstraint("fact_id", "position", name="facts_pkey"),
    CheckConstraint("change IN ('asserted', 'corrected')", name="facts_change_known"),
    CheckConstraint(
        "closed_as IS NULL OR closed_as IN ('corrected', 'retracted')", name="facts_closed_known"
    ),
    CheckConstraint("recorded_to IS NULL OR recorded_to >= recorded_from", name="facts_recorded_ordered"),
    CheckConstraint("precision IN ('day', 'month', 'year')", name="facts_precision_known"),
    Index("facts_current_key", "fact_id", unique=True, postgresql_where=text("recorded_to IS NULL")),
    Index("facts_actor_idx", "actor_id", "predicate", "eff_from"),
    Index("facts_entities_idx", "entity_ids", postgresql_using="gin"),
    Index(
        "facts_recorded_idx",
        text("tstzrange(recorded_from, recorded_to, '[)'::text)"),
        postgresql_using="gist",
    ),
    Index("facts_document_idx", "document_id"),
    Index("facts_predicate_idx", "predicate", "eff_from"),
    Index("facts_actor_name_idx", text("lower(actor_name)")),
    Index("facts_object_name_idx", text("lower(object_name)")),
    Index("facts_location_name_idx", text("lower(location_name)")),
)

entities = Table(
    "entities",
    metadata,
    Column("entity_id", Text, nullable=False),
    Column("position", BigInteger, nullable=False),
    Column("recorded_at", TIMESTAMP(timezone=True), nullable=False),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    PrimaryKeyConstraint("entity_id", "position", name="entities_pkey"),
    Index("entities_name_idx", text("lower(name)")),
    Index("entities_lower_id_idx", text("lower(entity_id)")),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", Text, nullable=False),
    Column("alias", Text, nullable=False),
    Column("position", BigInteger, nullable=False),
    Column("recorded_at", TIMESTAMP(timezone=True), nullable=False),
    PrimaryKeyConstraint("entity_id", "alias", "position", name="entity_aliases_pkey"),
    Index("entity_aliases_alias_idx", text("lower(alias)")),
)

entity_merges = Table(
    "entity_merges",
    metadata,
    Column("merged_id", Text, primary_key=True),
    Column("into_id", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("position", BigInteger, nullable=False),
    Column("recorded_at", TIMESTAMP(timezone=True), nullable=False),
    Index("entity_merges_into_idx", "into_id"),
)

# --- API keys (migration 0003): only the sha256 of each secret is stored --------------------------------
api_keys = Table(
    "api_keys",
    metadata,
    Column("key_id", UUID(as_uuid=False), primary_key=True),
    Column("name", Text, nullable=False),
    Column("scope", Text, nullable=False),
    Column("key_hash", Text, nullable=False, unique=True),
    Column("created_at", TIMESTAMP(timezone=True), nullable=False, server_default=text("clock_timestamp()")),
    Column("revoked_at", TIMESTAMP(timezone=True)),
    CheckConstraint("scope IN ('read', 'write', 'admin')", name="api_keys_scope_known"),
    CheckConstraint("key_hash ~ '^[0-9a-f]{64}$'", name="api_keys_hash_is_sha256"),
    CheckConstraint("length(name) > 0", name="api_keys_name_present"),
)
