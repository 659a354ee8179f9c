"""The whole-world as-of answer resolves entities once per answer, after the date filter, not per fact.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

Before, `flatten_in_force` without an entity took every fact current at K through `known_facts`, which
called `entity_at` three times per fact plus once per participant. A SQL function with a CTE and sub-selects
cannot be inlined, so each call started and stopped an executor around a PL/pgSQL `entity_root` (~25 us a
call, ~40 us a fact; the merge look-up itself is an index probe of ~2 us). That was done for every fact
known at K, before the certainty filter dropped most of them, and again for the second answer (state, then
events), with 100k rows spilled to temp files between the function layers.

Now the whole-world branch (`world_in_force`) keeps only the facts current at K of the wanted kind that had
started by X (`eff_from`, which both certainty rules test first), and resolves their entities in `book`:
one jsonb value, built once per answer by `entities_at(K)`, mapping each merged id to its survivor and each
registered id to its newest name. Dismissals are matched to appointments by a join on the survivors' ids, as
`facts_in_force` did with `entity_group`/`entity_root` per appointment.

The entity-restricted branch is unchanged: it answers from a handful of rows found by the GIN index, where
per-row resolution costs nothing and building the whole map would.
"""

import importlib.util
from pathlib import Path
from types import ModuleType

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _facts_projection() -> ModuleType:
    """Migration 0002, whose column lists this one shares and whose definitions its downgrade restores."""
    path = Path(__file__).with_name("0002_facts_projection.py")
    spec = importlib.util.spec_from_file_location("timeline_migration_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ENTITIES_AT = """
-- Every id whose answer form differs from a fact's own at k: a merged id with its survivor (entities.py:
-- EntityBook.root, at most 64 hops) and the survivor's newest registered name; a registered id with its own.
-- Ids in neither keep the fact's id, name and type.
CREATE FUNCTION timeline.entities_at(k timestamptz)
RETURNS TABLE (id text, root text, name text, type text)
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE cut AS (
        SELECT m.merged_id, m.into_id FROM public.entity_merges m WHERE m.recorded_at <= k
    ), walk(id, root, hops) AS (
        SELECT c.merged_id, c.into_id, 1 FROM cut c
        UNION ALL
        SELECT w.id, c.into_id, w.hops + 1 FROM walk w JOIN cut c ON c.merged_id = w.root WHERE w.hops < 64
    ), roots AS (
        SELECT DISTINCT ON (w.id) w.id, w.root FROM walk w ORDER BY w.id, w.hops DESC
    ), names AS (
        SELECT DISTINCT ON (e.entity_id) e.entity_id, e.name, e.type
        FROM public.entities e WHERE e.recorded_at <= k
        ORDER BY e.entity_id, e.position DESC
    )
    SELECT r.id, r.root, n.name, n.type FROM roots r LEFT JOIN names n ON n.entity_id = r.root
    UNION ALL
    SELECT n.entity_id, n.entity_id, n.name, n.type FROM names n
    WHERE NOT EXISTS (SELECT 1 FROM roots r WHERE r.id = n.entity_id)
$$;
"""

# A fact's columns as an answer shows them at k: each entity looked up in `book` (see world_in_force), by
# id, as [survivor id, name, type]; an id not in it, or a name it lacks, keeps the fact's own.
RESOLVED_COLUMNS = """
           f.fact_id, f.kind, f.predicate,
           coalesce(r.a ->> 0, f.actor_id) AS actor_id, coalesce(r.a ->> 1, f.actor_name) AS actor_name,
           coalesce(r.a ->> 2, f.actor_type) AS actor_type,
           CASE WHEN f.object_id IS NOT NULL THEN coalesce(r.o ->> 0, f.object_id) END AS object_id,
           CASE WHEN f.object_id IS NOT NULL THEN coalesce(r.o ->> 1, f.object_name) END AS object_name,
           CASE WHEN f.object_id IS NOT NULL THEN coalesce(r.o ->> 2, f.object_type) END AS object_type,
           CASE WHEN f.participants = '[]'::jsonb THEN f.participants ELSE (
               SELECT jsonb_agg(CASE WHEN x.p->>'id' IS NOT NULL THEN jsonb_build_object(
                   'id', coalesce(e.a ->> 0, x.p->>'id'), 'name', coalesce(e.a ->> 1, x.p->>'name'),
                   'type', coalesce(e.a ->> 2, x.p->>'type')) END ORDER BY x.n)
               FROM jsonb_array_elements(f.participants) WITH ORDINALITY AS x(p, n),
                    LATERAL (SELECT (SELECT m FROM book) -> (x.p->>'id') AS a OFFSET 0) e
           ) END AS participants,
           f.role,
           CASE WHEN f.location_id IS NOT NULL THEN coalesce(r.l ->> 0, f.location_id) END AS location_id,
           CASE WHEN f.location_id IS NOT NULL THEN coalesce(r.l ->> 1, f.location_name) END AS location_name,
           CASE WHEN f.location_id IS NOT NULL THEN coalesce(r.l ->> 2, f.location_type) END AS location_type,
           f.quantity, f.valid_from, f.valid_to, f.precision, f.valid_text, f.known_by, f.eff_from,
           f.modality, f.document_id, f.published_at, f.attribution, f.quote, f.span_start, f.span_end,
           f.confidence, f.extractor, f.recorded_from AS recorded_at, f.position, f.derived_id
"""

# The entities of fact `f`, looked up once each (OFFSET 0 keeps the planner from copying the lookups into
# every column that uses them). `book` is read through a scalar sub-select, evaluated once: a scan of the
# CTE per fact copied the whole map each time (19 us a fact at 5.5k entities).
LOOKUPS = """
        CROSS JOIN LATERAL (
            SELECT book.m -> f.actor_id AS a, book.m -> f.object_id AS o, book.m -> f.location_id AS l
            FROM (SELECT (SELECT m FROM book) AS m) book OFFSET 0
        ) r
"""

CURRENT_AT_K = "f.recorded_from <= k AND (f.recorded_to IS NULL OR f.recorded_to > k)"

WORLD_IN_FORCE = """
-- flatten_in_force without an entity: the same rows, found set-based (see this migration's docstring).
CREATE FUNCTION timeline.world_in_force(as_of date, k timestamptz, wanted_kind text)
RETURNS TABLE (@FACT_COLUMNS@, eff_from date)
LANGUAGE sql STABLE
-- JIT compiling this many expressions took longer than running them (3.1 s of 3.9 s at 100k facts).
SET jit = off
-- Dismissals meet appointments by a join over two sets the planner cannot size well (a fresh table has no
-- statistics): a nested loop there is quadratic. Its per-fact lookups are nested loops by nature and stay.
SET enable_nestloop = off
-- Facts rarely share all three entities, so caching the look-ups per (actor, object, place) only cost.
SET enable_memoize = off
AS $$
    -- Every id that answers differently from a fact's own, as one value: resolving an entity is a binary
    -- search in it, whatever the planner thinks of the row counts (a join against a CTE became a
    -- quadratic nested loop when a freshly loaded table had no statistics yet).
    WITH book AS MATERIALIZED (
        SELECT coalesce(jsonb_object_agg(e.id, jsonb_build_array(e.root, e.name, e.type)), '{}'::jsonb) AS m
        FROM timeline.entities_at(k) e
    ),
    -- Appointments and signings that had started by as_of: the states they open (fold.py: derive_states).
    opened AS MATERIALIZED (
        SELECT @RESOLVED_COLUMNS@
        FROM public.facts f
        @LOOKUPS@
        WHERE wanted_kind = 'state' AND f.predicate IN ('appointed', 'signed')
          AND f.eff_from <= as_of AND @CURRENT_AT_K@
    ),
    -- A dismissal closes a holding when it names the same survivor, the same object's survivor or the same
    -- role, on or after the holding's start; the earliest one wins.
    dismissals AS MATERIALIZED (
        SELECT coalesce(r.a ->> 0, f.actor_id) AS actor_id,
               CASE WHEN f.object_id IS NOT NULL THEN coalesce(r.o ->> 0, f.object_id) END AS object_id,
               f.role, f.eff_from, f.precision, f.position, f.fact_id
        FROM public.facts f
        @LOOKUPS@
        WHERE f.predicate = 'dismissed' AND @CURRENT_AT_K@
    ),
    closers AS (
        SELECT DISTINCT ON (a.fact_id) a.fact_id, d.eff_from, d.precision
        FROM opened a
        JOIN dismissals d ON d.actor_id = a.actor_id AND d.eff_from >= a.eff_from
        WHERE a.predicate = 'appointed'
          AND (d.object_id = a.object_id OR (a.role IS NOT NULL AND d.role = a.role))
        ORDER BY a.fact_id, d.eff_from, d.position, d.fact_id COLLATE "C"
    )
    SELECT * FROM (
        SELECT r.fact_id, r.kind, r.predicate, r.actor_id, r.actor_name, r.actor_type,
               r.object_id, r.object_name, r.object_type, r.participants, r.role,
               r.location_id, r.location_name, r.location_type,
               r.quantity, r.valid_from, r.valid_to, r.precision, r.valid_text, r.known_by, r.modality,
               CASE wanted_kind
                   WHEN 'state' THEN timeline.state_certainty(r.valid_from, r.valid_to, r.precision,
                                                              r.known_by, as_of)
                   ELSE timeline.event_certainty(r.valid_from, r.precision, r.known_by, as_of)
               END AS certainty,
               r.document_id, r.published_at, r.attribution, r.quote, r.span_start, r.span_end,
               r.confidence, r.extractor, r.recorded_at, NULL::text AS derived_from, r.position, r.eff_from
        FROM (
            SELECT @RESOLVED_COLUMNS@
            FROM public.facts f
            @LOOKUPS@
            -- Both certainty rules answer nothing before the effective start.
            WHERE f.kind = wanted_kind AND f.eff_from <= as_of AND @CURRENT_AT_K@
        ) r
        UNION ALL
        SELECT a.derived_id, 'state', 'holds_position', a.actor_id, a.actor_name, a.actor_type,
               a.object_id, a.object_name, a.object_type, '[]'::jsonb, a.role, NULL, NULL, NULL,
               NULL, a.valid_from, c.eff_from, held.precision, a.valid_text, a.known_by, a.modality,
               timeline.state_certainty(a.valid_from, c.eff_from, held.precision, a.known_by, as_of),
               a.document_id, a.published_at, a.attribution, a.quote, a.span_start, a.span_end,
               a.confidence, a.extractor, a.recorded_at, a.fact_id, a.position, a.eff_from
        FROM opened a
        LEFT JOIN closers c ON c.fact_id = a.fact_id
        CROSS JOIN LATERAL (
            SELECT coalesce(timeline.coarser(a.precision, c.precision), a.precision) AS precision
        ) held
        WHERE a.predicate = 'appointed'
        UNION ALL
        SELECT s.derived_id, 'state', 'party_to', s.actor_id, s.actor_name, s.actor_type,
               s.object_id, s.object_name, s.object_type, s.participants, s.role,
               s.location_id, s.location_name, s.location_type,
               NULL, s.valid_from, NULL, s.precision, s.valid_text, s.known_by, s.modality,
               timeline.state_certainty(s.valid_from, NULL, s.precision, s.known_by, as_of),
               s.document_id, s.published_at, s.attribution, s.quote, s.span_start, s.span_end,
               s.confidence, s.extractor, s.recorded_at, s.fact_id, s.position, s.eff_from
        FROM opened s
        WHERE s.predicate = 'signed'
        -- OFFSET 0: the certainty is computed once, not again in a filter pushed into each branch.
        OFFSET 0
    ) x
    WHERE x.certainty IS NOT NULL
$$;
"""

# The entity branch is 0002's body as it was; only the whole-world branch moves to world_in_force.
FLATTEN_IN_FORCE = """
CREATE OR REPLACE FUNCTION timeline.flatten_in_force(
    as_of date, k timestamptz, wanted_kind text, entity text DEFAULT NULL
) RETURNS TABLE (@FACT_COLUMNS@, eff_from date)
LANGUAGE sql STABLE AS $$
    SELECT w.* FROM timeline.world_in_force(as_of, k, wanted_kind) w WHERE entity IS NULL
    UNION ALL
    SELECT x.* FROM (
        WITH flt AS MATERIALIZED (SELECT timeline.entity_filter(entity, k) AS ids,
                            timeline.find_entity(entity, k) AS root)
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
    WHERE entity IS NOT NULL AND x.certainty IS NOT NULL
$$;
"""

GRANTS = """
GRANT EXECUTE ON FUNCTION timeline.entities_at(timestamptz), timeline.world_in_force(date, timestamptz, text)
TO timeline_app, timeline_reader;
"""


def upgrade() -> None:
    old = _facts_projection()
    world = (
        WORLD_IN_FORCE.replace("@FACT_COLUMNS@", old.FACT_COLUMNS)
        .replace("@RESOLVED_COLUMNS@", RESOLVED_COLUMNS)
        .replace("@LOOKUPS@", LOOKUPS)
        .replace("@CURRENT_AT_K@", CURRENT_AT_K)
    )
    op.execute(ENTITIES_AT)
    op.execute(world)
    op.execute(FLATTEN_IN_FORCE.replace("@FACT_COLUMNS@", old.FACT_COLUMNS))
    op.execute(GRANTS)


def downgrade() -> None:
    old = _facts_projection()
    flatten = old.IN_FORCE[old.IN_FORCE.index("CREATE FUNCTION timeline.flatten_in_force") :]
    op.execute(
        flatten.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION").replace(
            "@FACT_COLUMNS@", old.FACT_COLUMNS
        )
    )
    op.execute("DROP FUNCTION timeline.world_in_force(date, timestamptz, text)")
    op.execute("DROP FUNCTION timeline.entities_at(timestamptz)")
