"""Facts and entities projected from the log, and the SQL reporting surface in schema `timeline`.

The projection is one row per fact VERSION with the recorded interval in which it was the current one, so
"as known at K" is a range test rather than a replay. The derivation and certainty rules here mirror
`timeline/domain/fold.py`; a property test holds the two equal.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = """
CREATE TABLE facts (
    fact_id text NOT NULL,
    position bigint NOT NULL,
    recorded_from timestamptz NOT NULL,
    recorded_to timestamptz,
    closed_by bigint,
    change text NOT NULL,
    closed_as text,
    kind text NOT NULL,
    predicate text NOT NULL,
    actor_id text NOT NULL,
    actor_name text NOT NULL,
    actor_type text NOT NULL,
    object_id text,
    object_name text,
    object_type text,
    participants jsonb NOT NULL DEFAULT '[]',
    role text,
    location_id text,
    location_name text,
    location_type text,
    quantity jsonb,
    valid_from date,
    valid_to date,
    precision text NOT NULL,
    valid_text text NOT NULL,
    known_by date,
    eff_from date NOT NULL,
    modality text NOT NULL,
    document_id text,
    published_at date,
    attribution jsonb NOT NULL DEFAULT '[]',
    quote text NOT NULL,
    span_start integer,
    span_end integer,
    confidence double precision NOT NULL,
    extractor text NOT NULL,
    derived_id text,
    entity_ids text[] NOT NULL,
    PRIMARY KEY (fact_id, position),
    CONSTRAINT facts_change_known CHECK (change IN ('asserted', 'corrected')),
    CONSTRAINT facts_closed_known CHECK (closed_as IS NULL OR closed_as IN ('corrected', 'retracted')),
    CONSTRAINT facts_recorded_ordered CHECK (recorded_to IS NULL OR recorded_to >= recorded_from),
    CONSTRAINT facts_precision_known CHECK (precision IN ('day', 'month', 'year'))
);
-- At most one current version per fact: the applier's "skip if already in force" relies on it.
CREATE UNIQUE INDEX facts_current_key ON facts (fact_id) WHERE recorded_to IS NULL;
-- Single-entity as-of: the entity's facts by predicate and start, then a range test on recorded time.
CREATE INDEX facts_actor_idx ON facts (actor_id, predicate, eff_from);
CREATE INDEX facts_entities_idx ON facts USING gin (entity_ids);
CREATE INDEX facts_recorded_idx ON facts USING gist (tstzrange(recorded_from, recorded_to, '[)'));
CREATE INDEX facts_document_idx ON facts (document_id);
CREATE INDEX facts_predicate_idx ON facts (predicate, eff_from);
CREATE INDEX facts_actor_name_idx ON facts (lower(actor_name));
CREATE INDEX facts_object_name_idx ON facts (lower(object_name));
CREATE INDEX facts_location_name_idx ON facts (lower(location_name));

CREATE TABLE entities (
    entity_id text NOT NULL,
    position bigint NOT NULL,
    recorded_at timestamptz NOT NULL,
    name text NOT NULL,
    type text NOT NULL,
    PRIMARY KEY (entity_id, position)
);
CREATE INDEX entities_name_idx ON entities (lower(name));
CREATE INDEX entities_lower_id_idx ON entities (lower(entity_id));

CREATE TABLE entity_aliases (
    entity_id text NOT NULL,
    alias text NOT NULL,
    position bigint NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (entity_id, alias, position)
);
CREATE INDEX entity_aliases_alias_idx ON entity_aliases (lower(alias));

-- Only accepted merges are stored (no re-merge, no cycle), so they form a forest and a root is unique.
CREATE TABLE entity_merges (
    merged_id text PRIMARY KEY,
    into_id text NOT NULL,
    reason text NOT NULL,
    position bigint NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX entity_merges_into_idx ON entity_merges (into_id);
"""

HELPERS = r"""
-- Where the imprecise edge around a bound ends (time.py: edge_width_end).
CREATE FUNCTION timeline.edge_end(bound date, prec text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE prec
        WHEN 'day' THEN bound
        WHEN 'month' THEN (date_trunc('month', bound) + interval '1 month')::date
        ELSE make_date(extract(year FROM bound)::int + 1, 1, 1)
    END
$$;

-- time.py: state_certainty.
CREATE FUNCTION timeline.state_certainty(
    valid_from date, valid_to date, prec text, known_by date, as_of date
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN as_of < coalesce(valid_from, known_by) THEN NULL
        WHEN valid_to IS NOT NULL AND as_of >= timeline.edge_end(valid_to, prec) THEN NULL
        WHEN valid_to IS NOT NULL AND as_of >= valid_to THEN 'possible'
        WHEN valid_from IS NOT NULL AND as_of < timeline.edge_end(valid_from, prec) THEN 'possible'
        ELSE 'certain'
    END
$$;

-- time.py: event_certainty.
CREATE FUNCTION timeline.event_certainty(valid_from date, prec text, known_by date, as_of date) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN as_of < coalesce(valid_from, known_by) THEN NULL
        WHEN valid_from IS NULL THEN 'certain'
        WHEN as_of >= timeline.edge_end(valid_from, prec) THEN 'certain'
        ELSE 'possible'
    END
$$;

CREATE FUNCTION timeline.coarser(a text, b text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN array_position(ARRAY['day', 'month', 'year'], a)
                     >= array_position(ARRAY['day', 'month', 'year'], b) THEN a ELSE b END
$$;

-- The surviving id of an entity as known at k (entities.py: EntityBook.root).
CREATE FUNCTION timeline.entity_root(entity text, k timestamptz) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    cur text := entity;
    nxt text;
BEGIN
    IF entity IS NULL THEN
        RETURN NULL;
    END IF;
    FOR i IN 1..64 LOOP
        SELECT m.into_id INTO nxt FROM public.entity_merges m
        WHERE m.merged_id = cur AND m.recorded_at <= k;
        IF NOT FOUND THEN
            RETURN cur;
        END IF;
        cur := nxt;
    END LOOP;
    RETURN cur;
END
$$;

-- Every id that is the same entity as `root` at k, itself included.
CREATE FUNCTION timeline.entity_group(root text, k timestamptz) RETURNS text[]
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE g(id, depth) AS (
        SELECT root, 0
        UNION
        SELECT m.merged_id, g.depth + 1 FROM public.entity_merges m JOIN g ON m.into_id = g.id
        WHERE m.recorded_at <= k AND g.depth < 64
    )
    SELECT array_agg(DISTINCT id) FROM g
$$;

-- An entity as an answer shows it at k: the survivor's id, its newest registered name, else the fact's.
CREATE FUNCTION timeline.entity_at(p_id text, p_name text, p_type text, k timestamptz) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    WITH r AS (SELECT timeline.entity_root(p_id, k) AS root)
    SELECT CASE WHEN p_id IS NULL THEN NULL ELSE coalesce(
        (SELECT jsonb_build_object('id', e.entity_id, 'name', e.name, 'type', e.type)
         FROM public.entities e, r WHERE e.entity_id = r.root AND e.recorded_at <= k
         ORDER BY e.position DESC LIMIT 1),
        (SELECT jsonb_build_object('id', r.root, 'name', p_name, 'type', p_type) FROM r)
    ) END
$$;

-- The surviving id for an id, a canonical name or an alias (case-insensitive), as known at k; NULL if none.
CREATE FUNCTION timeline.find_entity(entity text, k timestamptz DEFAULT now()) RETURNS text
LANGUAGE plpgsql STABLE AS $$
-- PL/pgSQL rather than SQL: its plan is prepared once per connection instead of at every call, and
-- planning this union cost more than running it.
DECLARE
    w text := lower(btrim(entity));
    found text;
BEGIN
    IF w IS NULL OR w = '' THEN
        RETURN NULL;
    END IF;
    SELECT min(timeline.entity_root(c.id, k) COLLATE "C") INTO found FROM (
        SELECT e.entity_id AS id FROM public.entities e
        WHERE e.recorded_at <= k AND (lower(e.entity_id) = w OR lower(e.name) = w)
        UNION SELECT a.entity_id FROM public.entity_aliases a
        WHERE a.recorded_at <= k AND lower(a.alias) = w
        UNION SELECT m.merged_id FROM public.entity_merges m
        WHERE m.recorded_at <= k AND lower(m.merged_id) = w
        -- Entities no one registered are still findable by the id or name a fact gave them.
        UNION SELECT f.actor_id FROM public.facts f
        WHERE f.recorded_from <= k AND lower(f.actor_name) = w
        UNION SELECT f.object_id FROM public.facts f
        WHERE f.recorded_from <= k AND lower(f.object_name) = w
        UNION SELECT f.location_id FROM public.facts f
        WHERE f.recorded_from <= k AND lower(f.location_name) = w
        UNION SELECT btrim(entity) WHERE EXISTS (
            SELECT 1 FROM public.facts f WHERE f.entity_ids @> ARRAY[btrim(entity)] AND f.recorded_from <= k)
    ) c;
    RETURN found;
END
$$;

-- The group filter of an entity-restricted answer; an unknown entity is an error, not an empty answer.
CREATE FUNCTION timeline.entity_filter(entity text, k timestamptz) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    root text;
BEGIN
    IF entity IS NULL THEN
        RETURN NULL;
    END IF;
    root := timeline.find_entity(entity, k);
    IF root IS NULL THEN
        RAISE EXCEPTION 'unknown entity: %', entity USING ERRCODE = 'no_data_found';
    END IF;
    RETURN timeline.entity_group(root, k);
END
$$;
"""

# The columns every reporting function returns: the JSON fact shape, flattened.
FACT_COLUMNS = """
    fact_id text, kind text, predicate text,
    actor_id text, actor_name text, actor_type text,
    object_id text, object_name text, object_type text,
    participants jsonb, role text,
    location_id text, location_name text, location_type text,
    quantity jsonb, valid_from date, valid_to date, "precision" text, valid_text text, known_by date,
    modality text, certainty text,
    document_id text, published_at date, attribution jsonb, quote text, span_start integer, span_end integer,
    confidence double precision, extractor text, recorded_at timestamptz,
    derived_from text, "position" bigint
"""

# A fact version as known at k: its entities resolved to the survivors and names known then.
KNOWN_COLUMNS = """
           f.fact_id, f.kind, f.predicate,
           timeline.entity_at(f.actor_id, f.actor_name, f.actor_type, k),
           timeline.entity_at(f.object_id, f.object_name, f.object_type, k),
           (SELECT coalesce(jsonb_agg(timeline.entity_at(p->>'id', p->>'name', p->>'type', k) ORDER BY n),
                            '[]'::jsonb)
            FROM jsonb_array_elements(f.participants) WITH ORDINALITY AS x(p, n)),
           f.role,
           timeline.entity_at(f.location_id, f.location_name, f.location_type, k),
           f.quantity, f.valid_from, f.valid_to, f.precision, f.valid_text, f.known_by, f.eff_from,
           f.modality, f.document_id, f.published_at, f.attribution, f.quote, f.span_start, f.span_end,
           f.confidence, f.extractor, f.recorded_from, f.position, f.derived_id
"""

# What known_facts and facts_in_force return, but for their last column (derived_id / derived_from).
IN_FORCE_COLUMNS = """
    fact_id text, kind text, predicate text,
    actor jsonb, object jsonb, participants jsonb, role text, location jsonb,
    quantity jsonb, valid_from date, valid_to date, "precision" text, valid_text text, known_by date,
    eff_from date, modality text,
    document_id text, published_at date, attribution jsonb, quote text, span_start integer, span_end integer,
    confidence double precision, extractor text, recorded_at timestamptz, "position" bigint
"""

IN_FORCE = """
-- Current versions at k with entities as known at k; `ids` restricts to facts naming those raw ids.
CREATE FUNCTION timeline.known_facts(k timestamptz, ids text[] DEFAULT NULL)
RETURNS TABLE (@IN_FORCE_COLUMNS@, derived_id text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
    -- Two plain queries rather than one with "ids IS NULL OR ...": the OR would hide the GIN index on
    -- entity_ids, and a single-entity answer would scan every fact.
    IF ids IS NULL THEN
        RETURN QUERY SELECT @KNOWN_COLUMNS@ FROM public.facts f
        WHERE tstzrange(f.recorded_from, f.recorded_to, '[)') @> k;
    ELSE
        -- Dynamic, so planned with the actual ids every time: a cached generic plan (after five calls on
        -- a connection) guesses the array's selectivity and scanned every fact (4 ms -> 60 ms at 100k).
        RETURN QUERY EXECUTE $q$SELECT @KNOWN_COLUMNS_BOUND@ FROM public.facts f
        WHERE f.entity_ids && $2 AND tstzrange(f.recorded_from, f.recorded_to, '[)') @> $1$q$ USING k, ids;
    END IF;
END
$$;

-- Known facts plus the states their events open (fold.py: derive_states): `appointed` opens
-- holds_position, closed by the earliest matching `dismissed` on or after its start; `signed` opens party_to.
CREATE FUNCTION timeline.facts_in_force(k timestamptz, ids text[] DEFAULT NULL)
RETURNS TABLE (@IN_FORCE_COLUMNS@, derived_from text)
LANGUAGE sql STABLE AS $$
    WITH live AS (SELECT * FROM timeline.known_facts(k, ids))
    SELECT l.fact_id, l.kind, l.predicate, l.actor, l.object, l.participants, l.role, l.location,
           l.quantity, l.valid_from, l.valid_to, l.precision, l.valid_text, l.known_by, l.eff_from,
           l.modality, l.document_id, l.published_at, l.attribution, l.quote, l.span_start, l.span_end,
           l.confidence, l.extractor, l.recorded_at, l.position, NULL::text
    FROM live l
    UNION ALL
    SELECT a.derived_id, 'state', 'holds_position', a.actor, a.object, '[]'::jsonb, a.role, NULL,
           NULL, a.valid_from, c.eff_from, coalesce(timeline.coarser(a.precision, c.precision), a.precision),
           a.valid_text, a.known_by, a.eff_from,
           a.modality, a.document_id, a.published_at, a.attribution, a.quote, a.span_start, a.span_end,
           a.confidence, a.extractor, a.recorded_at, a.position, a.fact_id
    FROM live a
    LEFT JOIN LATERAL (
        -- Dismissals are looked up among all facts known at k, not only among `ids`'s: a dismissal that names
        -- the role but not the filtered entity still closes the holding.
        SELECT d.eff_from, d.precision
        FROM public.facts d
        WHERE d.predicate = 'dismissed'
          AND d.actor_id = ANY (timeline.entity_group(a.actor->>'id', k))
          AND d.recorded_from <= k AND (d.recorded_to IS NULL OR d.recorded_to > k)
          AND d.eff_from >= a.eff_from
          AND ((a.object IS NOT NULL AND d.object_id IS NOT NULL
                AND timeline.entity_root(d.object_id, k) = a.object->>'id')
               OR (a.role IS NOT NULL AND d.role = a.role))
        ORDER BY d.eff_from, d.position, d.fact_id COLLATE "C"
        LIMIT 1
    ) c ON true
    WHERE a.predicate = 'appointed'
    UNION ALL
    SELECT s.derived_id, 'state', 'party_to', s.actor, s.object, s.participants, s.role, s.location,
           NULL, s.valid_from, NULL, s.precision, s.valid_text, s.known_by, s.eff_from,
           s.modality, s.document_id, s.published_at, s.attribution, s.quote, s.span_start, s.span_end,
           s.confidence, s.extractor, s.recorded_at, s.position, s.fact_id
    FROM live s
    WHERE s.predicate = 'signed'
$$;

CREATE FUNCTION timeline.flatten_in_force(
    as_of date, k timestamptz, wanted_kind text, entity text DEFAULT NULL
) RETURNS TABLE (@FACT_COLUMNS@, eff_from date)
LANGUAGE sql STABLE AS $$
    WITH flt AS MATERIALIZED (SELECT timeline.entity_filter(entity, k) AS ids,
                        timeline.find_entity(entity, k) AS root)
    SELECT * FROM (
        SELECT i.fact_id, i.kind, i.predicate,
               i.actor->>'id' AS actor_id, i.actor->>'name' AS actor_name, i.actor->>'type' AS actor_type,
               i.object->>'id' AS object_id, i.object->>'name' AS object_name,
               i.object->>'type' AS object_type,
               i.participants, i.role,
               i.location->>'id' AS location_id, i.location->>'name' AS location_name,
               i.location->>'type' AS location_type,
               i.quantity, i.valid_from, i.valid_to, i.precision, i.valid_text, i.known_by,
               i.modality,
               CASE wanted_kind
                   WHEN 'state' THEN timeline.state_certainty(i.valid_from, i.valid_to, i.precision,
                                                              i.known_by, as_of)
                   ELSE timeline.event_certainty(i.valid_from, i.precision, i.known_by, as_of)
               END AS certainty,
               i.document_id, i.published_at, i.attribution, i.quote, i.span_start, i.span_end,
               i.confidence, i.extractor, i.recorded_at, i.derived_from, i.position, i.eff_from
        FROM flt, timeline.facts_in_force(k, flt.ids) i
        WHERE i.kind = wanted_kind
          AND (flt.root IS NULL
               OR i.actor->>'id' = flt.root OR i.object->>'id' = flt.root OR i.location->>'id' = flt.root
               OR i.participants @> jsonb_build_array(jsonb_build_object('id', flt.root)))
    ) x
    WHERE x.certainty IS NOT NULL
$$;
"""

REPORTING = """
CREATE FUNCTION timeline.state_as_of(
    as_of date, known_at timestamptz DEFAULT now(), entity text DEFAULT NULL
)
RETURNS TABLE (@FACT_COLUMNS@)
LANGUAGE sql STABLE AS $$
    SELECT fact_id, kind, predicate, actor_id, actor_name, actor_type, object_id, object_name, object_type,
           participants, role, location_id, location_name, location_type, quantity, valid_from, valid_to,
           "precision", valid_text, known_by, modality, certainty, document_id, published_at, attribution,
           quote, span_start, span_end, confidence, extractor, recorded_at, derived_from, "position"
    FROM timeline.flatten_in_force(as_of, known_at, 'state', entity)
    ORDER BY predicate COLLATE "C", actor_id COLLATE "C", eff_from, fact_id COLLATE "C"
$$;

-- Newest first: by the day it (is treated as having) happened, then by log position.
CREATE FUNCTION timeline.events_as_of(
    as_of date, known_at timestamptz DEFAULT now(), entity text DEFAULT NULL
)
RETURNS TABLE (@FACT_COLUMNS@)
LANGUAGE sql STABLE AS $$
    SELECT fact_id, kind, predicate, actor_id, actor_name, actor_type, object_id, object_name, object_type,
           participants, role, location_id, location_name, location_type, quantity, valid_from, valid_to,
           "precision", valid_text, known_by, modality, certainty, document_id, published_at, attribution,
           quote, span_start, span_end, confidence, extractor, recorded_at, derived_from, "position"
    FROM timeline.flatten_in_force(as_of, known_at, 'event', entity)
    ORDER BY eff_from DESC, "position" DESC, fact_id COLLATE "C"
$$;

-- What came into force, went out of force, or changed certainty between two dates, as known at one time.
CREATE FUNCTION timeline.state_diff(from_date date, to_date date, known_at timestamptz DEFAULT now())
RETURNS TABLE (change text, @FACT_COLUMNS@)
LANGUAGE sql STABLE AS $$
    WITH a AS (SELECT * FROM timeline.state_as_of(from_date, known_at)),
         b AS (SELECT * FROM timeline.state_as_of(to_date, known_at))
    SELECT * FROM (
        SELECT 'added'::text, b.* FROM b WHERE NOT EXISTS (SELECT 1 FROM a WHERE a.fact_id = b.fact_id)
        UNION ALL
        SELECT 'removed'::text, a.* FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.fact_id = a.fact_id)
        UNION ALL
        SELECT 'certainty_changed'::text, b.* FROM b JOIN a ON a.fact_id = b.fact_id
        WHERE a.certainty <> b.certainty
    ) d
    ORDER BY 1, predicate COLLATE "C", actor_id COLLATE "C", valid_from, fact_id COLLATE "C"
$$;

CREATE VIEW timeline.current_state AS SELECT * FROM timeline.state_as_of(current_date, now());

-- Every version of every fact as stored, with the recorded interval in which it was the current one.
CREATE VIEW timeline.fact_history AS
    SELECT f.fact_id, f.kind, f.predicate, f.actor_id, f.actor_name, f.actor_type,
           f.object_id, f.object_name, f.object_type, f.participants, f.role,
           f.location_id, f.location_name, f.location_type, f.quantity,
           f.valid_from, f.valid_to, f.precision, f.valid_text, f.known_by, f.modality,
           f.document_id, f.published_at, f.attribution, f.quote, f.span_start, f.span_end,
           f.confidence, f.extractor, f.recorded_from AS recorded_at, f.recorded_to,
           f.change, f.closed_as, f.position, f.closed_by, f.entity_ids
    FROM public.facts f;

-- Every version of every fact naming the entity (by id, name or alias) or anyone merged into it.
CREATE FUNCTION timeline.entity_history(entity text)
RETURNS SETOF timeline.fact_history
LANGUAGE sql STABLE AS $$
    SELECT h.* FROM timeline.fact_history h
    WHERE h.entity_ids && timeline.entity_filter(entity, now())
    ORDER BY h.recorded_at, h.position, h.fact_id COLLATE "C"
$$;
"""

PRIVILEGES = """
GRANT SELECT, INSERT, UPDATE, DELETE ON facts, entities, entity_aliases, entity_merges TO timeline_app;
GRANT SELECT ON facts, entities, entity_aliases, entity_merges TO timeline_reader;
GRANT SELECT ON timeline.current_state, timeline.fact_history TO timeline_app, timeline_reader;
GRANT EXECUTE ON FUNCTION
    timeline.edge_end(date, text), timeline.state_certainty(date, date, text, date, date),
    timeline.event_certainty(date, text, date, date), timeline.coarser(text, text),
    timeline.entity_root(text, timestamptz), timeline.entity_group(text, timestamptz),
    timeline.entity_at(text, text, text, timestamptz), timeline.find_entity(text, timestamptz),
    timeline.entity_filter(text, timestamptz), timeline.known_facts(timestamptz, text[]),
    timeline.facts_in_force(timestamptz, text[]), timeline.flatten_in_force(date, timestamptz, text, text),
    timeline.state_as_of(date, timestamptz, text), timeline.events_as_of(date, timestamptz, text),
    timeline.state_diff(date, date, timestamptz), timeline.entity_history(text)
TO timeline_app, timeline_reader;
"""

DROPS = """
DROP VIEW timeline.current_state;
DROP FUNCTION timeline.entity_history(text);
DROP VIEW timeline.fact_history;
DROP FUNCTION timeline.state_diff(date, date, timestamptz);
DROP FUNCTION timeline.events_as_of(date, timestamptz, text);
DROP FUNCTION timeline.state_as_of(date, timestamptz, text);
DROP FUNCTION timeline.flatten_in_force(date, timestamptz, text, text);
DROP FUNCTION timeline.facts_in_force(timestamptz, text[]);
DROP FUNCTION timeline.known_facts(timestamptz, text[]);
DROP FUNCTION timeline.entity_filter(text, timestamptz);
DROP FUNCTION timeline.find_entity(text, timestamptz);
DROP FUNCTION timeline.entity_at(text, text, text, timestamptz);
DROP FUNCTION timeline.entity_group(text, timestamptz);
DROP FUNCTION timeline.entity_root(text, timestamptz);
DROP FUNCTION timeline.coarser(text, text);
DROP FUNCTION timeline.event_certainty(date, text, date, date);
DROP FUNCTION timeline.state_certainty(date, date, text, date, date);
DROP FUNCTION timeline.edge_end(date, text);
DROP TABLE entity_merges;
DROP TABLE entity_aliases;
DROP TABLE entities;
DROP TABLE facts;
"""


def upgrade() -> None:
    op.execute(TABLES)
    op.execute(HELPERS)
    # One shared column list keeps every reporting function's shape the same.
    op.execute(
        IN_FORCE.replace("@FACT_COLUMNS@", FACT_COLUMNS)
        .replace("@IN_FORCE_COLUMNS@", IN_FORCE_COLUMNS)
        .replace("@KNOWN_COLUMNS@", KNOWN_COLUMNS)
        # The same columns with k as the dynamic query's first parameter.
        .replace("@KNOWN_COLUMNS_BOUND@", KNOWN_COLUMNS.replace(", k)", ", $1)"))
    )
    op.execute(REPORTING.replace("@FACT_COLUMNS@", FACT_COLUMNS))
    op.execute(PRIVILEGES)


def downgrade() -> None:
    op.execute(DROPS)
