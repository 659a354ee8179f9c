"""The append-only event store: documents, events, hash chain, roles.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Roles are cluster-wide, so they are created only when missing and never dropped on downgrade: other
# databases on the same server (a test template's clones, a staging copy) may still use them.
ROLES = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'timeline_app') THEN
        CREATE ROLE timeline_app NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'timeline_reader') THEN
        CREATE ROLE timeline_reader NOLOGIN;
    END IF;
END
$$;
GRANT timeline_app TO CURRENT_USER;
GRANT timeline_reader TO CURRENT_USER;
"""

TABLES = """
CREATE SCHEMA IF NOT EXISTS timeline;

CREATE TABLE documents (
    document_id uuid PRIMARY KEY,
    content_hash text NOT NULL UNIQUE,
    text text NOT NULL,
    title text,
    publisher text,
    url text,
    published_at date,
    ingested_at timestamptz NOT NULL,
    CONSTRAINT documents_hash_is_sha256 CHECK (content_hash ~ '^[0-9a-f]{64}$')
);

CREATE SEQUENCE events_position_seq AS bigint;

CREATE TABLE events (
    position bigint PRIMARY KEY,
    event_id uuid NOT NULL UNIQUE,
    stream_id text NOT NULL,
    stream_version integer NOT NULL,
    type text NOT NULL,
    valid_from date,
    valid_to date,
    precision text,
    recorded_at timestamptz NOT NULL,
    actor_id text,
    payload jsonb NOT NULL,
    document_id uuid REFERENCES documents (document_id),
    span_start integer,
    span_end integer,
    recorded_by text NOT NULL,
    prev_hash text,
    hash text NOT NULL,
    CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
    CONSTRAINT events_version_positive CHECK (stream_version >= 1),
    CONSTRAINT events_precision_known CHECK (precision IN ('day', 'month', 'year')),
    CONSTRAINT events_valid_ordered CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
    CONSTRAINT events_span_ordered CHECK (span_end IS NULL OR span_start <= span_end)
);
CREATE INDEX events_document_idx ON events (document_id);
CREATE INDEX events_actor_idx ON events (actor_id);
ALTER SEQUENCE events_position_seq OWNED BY events.position;
"""

FUNCTIONS = r"""
-- One learning moment per transaction: every row a transaction writes shares the recorded time it got
-- when it first took the log's lock, so a known-at cut never splits a document.
CREATE FUNCTION timeline.recorded_now() RETURNS timestamptz
LANGUAGE plpgsql AS $$
DECLARE
    stamp text := current_setting('timeline.recorded_at', true);
BEGIN
    -- Writers queue here; holding the lock to commit makes positions and recorded times follow commit
    -- order, so a reader following the log by position never skips a late-committing event.
    PERFORM pg_advisory_xact_lock(724500117);
    IF stamp IS NULL OR stamp = '' THEN
        stamp := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
        PERFORM set_config('timeline.recorded_at', stamp, true);
    END IF;
    RETURN stamp::timestamptz;
END
$$;

CREATE FUNCTION timeline.event_hash(
    p_position bigint, p_event_id uuid, p_stream_id text, p_stream_version integer, p_type text,
    p_valid_from date, p_valid_to date, p_precision text, p_recorded_at timestamptz, p_actor_id text,
    p_payload jsonb, p_document_id uuid, p_span_start integer, p_span_end integer, p_recorded_by text,
    p_prev_hash text
) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
        p_position, p_event_id, p_stream_id, p_stream_version, p_type, p_valid_from, p_valid_to,
        p_precision, to_char(p_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        p_actor_id, p_payload, p_document_id, p_span_start, p_span_end, p_recorded_by, p_prev_hash
    )::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION timeline.events_before_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    NEW.recorded_at := timeline.recorded_now();
    NEW.position := nextval('events_position_seq');
    SELECT e.hash INTO NEW.prev_hash FROM events e ORDER BY e.position DESC LIMIT 1;
    NEW.hash := timeline.event_hash(
        NEW.position, NEW.event_id, NEW.stream_id, NEW.stream_version, NEW.type, NEW.valid_from,
        NEW.valid_to, NEW.precision, NEW.recorded_at, NEW.actor_id, NEW.payload, NEW.document_id,
        NEW.span_start, NEW.span_end, NEW.recorded_by, NEW.prev_hash);
    RETURN NEW;
END
$$;

CREATE FUNCTION timeline.documents_before_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    NEW.ingested_at := timeline.recorded_now();
    RETURN NEW;
END
$$;

CREATE FUNCTION timeline.reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'record a correction or retraction as a new event instead';
END
$$;

-- The first position whose stored hash or link does not match a recomputation, or nothing.
CREATE FUNCTION timeline.verify_chain() RETURNS TABLE (bad_position bigint, reason text)
LANGUAGE sql STABLE AS $$
    WITH walked AS (
        SELECT e.position, e.hash, e.prev_hash,
               lag(e.hash) OVER (ORDER BY e.position) AS previous_hash,
               timeline.event_hash(e.position, e.event_id, e.stream_id, e.stream_version, e.type,
                   e.valid_from, e.valid_to, e.precision, e.recorded_at, e.actor_id, e.payload,
                   e.document_id, e.span_start, e.span_end, e.recorded_by, e.prev_hash) AS recomputed
        FROM events e
    )
    SELECT walked.position,
           CASE WHEN hash IS DISTINCT FROM recomputed THEN 'hash does not match the event'
                ELSE 'prev_hash does not link to the previous event' END
    FROM walked
    WHERE hash IS DISTINCT FROM recomputed OR prev_hash IS DISTINCT FROM previous_hash
    ORDER BY walked.position
    LIMIT 1
$$;

CREATE TRIGGER events_before_insert BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION timeline.events_before_insert();
CREATE TRIGGER documents_before_insert BEFORE INSERT ON documents
    FOR EACH ROW EXECUTE FUNCTION timeline.documents_before_insert();
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION timeline.reject_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION timeline.reject_change();
CREATE TRIGGER documents_append_only BEFORE UPDATE OR DELETE ON documents
    FOR EACH ROW EXECUTE FUNCTION timeline.reject_change();
CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION timeline.reject_change();
"""

PRIVILEGES = """
REVOKE ALL ON events, documents FROM PUBLIC;
GRANT USAGE ON SCHEMA public, timeline TO timeline_app, timeline_reader;
GRANT SELECT, INSERT ON events, documents TO timeline_app;
GRANT SELECT ON events, documents TO timeline_reader;
GRANT USAGE ON SEQUENCE events_position_seq TO timeline_app;
GRANT EXECUTE ON FUNCTION timeline.verify_chain() TO timeline_app, timeline_reader;
GRANT EXECUTE ON FUNCTION timeline.event_hash(bigint, uuid, text, integer, text, date, date, text,
    timestamptz, text, jsonb, uuid, integer, integer, text, text) TO timeline_app, timeline_reader;
"""


def upgrade() -> None:
    op.execute(ROLES)
    op.execute(TABLES)
    op.execute(FUNCTIONS)
    op.execute(PRIVILEGES)


def downgrade() -> None:
    op.execute("DROP TABLE events")
    op.execute("DROP TABLE documents")
    op.execute("DROP FUNCTION timeline.verify_chain()")
    op.execute("DROP FUNCTION timeline.reject_change()")
    op.execute("DROP FUNCTION timeline.documents_before_insert()")
    op.execute("DROP FUNCTION timeline.events_before_insert()")
    op.execute(
        "DROP FUNCTION timeline.event_hash(bigint, uuid, text, integer, text, date, date, text, "
        "timestamptz, text, jsonb, uuid, integer, integer, text, text)"
    )
    op.execute("DROP FUNCTION timeline.recorded_now()")
    op.execute("REVOKE ALL ON SCHEMA public FROM timeline_app, timeline_reader")
    op.execute("DROP SCHEMA timeline")
