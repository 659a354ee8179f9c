"""The facts and entities projection, kept in the append's own transaction and rebuildable from the log.

The rules for which event changes what mirror `timeline.domain.fold.replay`: a re-assertion of a fact in
force is ignored, a correction or retraction of a fact not in force changes nothing, and a merge that would
re-merge an entity or close a cycle is ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from timeline.domain.codec import entity_to_json, event_from_payload, quantity_to_json
from timeline.domain.events import (
    DomainEvent,
    EntitiesMerged,
    EntityAliased,
    EntityRegistered,
    FactAsserted,
    FactCorrected,
    FactRetracted,
    Recorded,
)
from timeline.domain.facts import Fact
from timeline.domain.fold import OPENS, derived_fact_id
from timeline.store import recorder
from timeline.store.recorder import StoredEvent

PROJECTION_TABLES = ("facts", "entities", "entity_aliases", "entity_merges")
REBUILD_PAGE = 5000
DOMAIN_EVENT_TYPES = frozenset(
    {"DocumentIngested", "FactAsserted", "FactCorrected", "FactRetracted", "EntityRegistered",
     "EntityAliased", "EntitiesMerged"}
)  # fmt: skip

_INSERT_FACT = text(
    """
    INSERT INTO facts (
        fact_id, position, recorded_from, change, kind, predicate,
        actor_id, actor_name, actor_type, object_id, object_name, object_type, participants, role,
        location_id, location_name, location_type, quantity, valid_from, valid_to, precision, valid_text,
        known_by, eff_from, modality, document_id, published_at, attribution, quote, span_start, span_end,
        confidence, extractor, derived_id, entity_ids
    ) VALUES (
        :fact_id, :position, :recorded_from, :change, :kind, :predicate,
        :actor_id, :actor_name, :actor_type, :object_id, :object_name, :object_type,
        CAST(:participants AS jsonb), :role, :location_id, :location_name, :location_type,
        CAST(:quantity AS jsonb), :valid_from, :valid_to, :precision, :valid_text, :known_by, :eff_from,
        :modality, :document_id, :published_at, CAST(:attribution AS jsonb), :quote, :span_start, :span_end,
        :confidence, :extractor, :derived_id, :entity_ids
    )
    ON CONFLICT (fact_id) WHERE recorded_to IS NULL DO NOTHING
    """
)

_CLOSE_FACT = text(
    """
    UPDATE facts SET recorded_to = :at, closed_by = :position, closed_as = :closed_as
    WHERE fact_id = :fact_id AND recorded_to IS NULL
    """
)

_INSERT_ENTITY = text(
    "INSERT INTO entities (entity_id, position, recorded_at, name, type) "
    "VALUES (:entity_id, :position, :at, :name, :type)"
)
_INSERT_ALIAS = text(
    "INSERT INTO entity_aliases (entity_id, alias, position, recorded_at) "
    "VALUES (:entity_id, :alias, :position, :at) ON CONFLICT DO NOTHING"
)
# The same acceptance rule as EntityBook.accepts_merge, checked against every merge stored so far.
_INSERT_MERGE = text(
    """
    INSERT INTO entity_merges (merged_id, into_id, reason, position, recorded_at)
    SELECT :merged_id, :into_id, :reason, :position, :at
    WHERE :merged_id <> :into_id
      AND NOT EXISTS (SELECT 1 FROM entity_merges WHERE merged_id = :merged_id)
      AND timeline.entity_root(:into_id, 'infinity') <> :merged_id
    """
)


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def fact_row(fact: Fact, position: int, recorded_at: datetime, change: str) -> dict[str, Any]:
    """One version's row; `entity_ids` lists every raw id the fact names, for the entity index."""
    obj, loc, src = fact.object, fact.location, fact.source
    return {
        "fact_id": fact.fact_id,
        "position": position,
        "recorded_from": recorded_at,
        "change": change,
        "kind": fact.kind.value,
        "predicate": fact.predicate,
        "actor_id": fact.actor.id,
        "actor_name": fact.actor.name,
        "actor_type": fact.actor.type.value,
        "object_id": obj.id if obj else None,
        "object_name": obj.name if obj else None,
        "object_type": obj.type.value if obj else None,
        "participants": _json([entity_to_json(p) for p in fact.participants]),
        "role": fact.role,
        "location_id": loc.id if loc else None,
        "location_name": loc.name if loc else None,
        "location_type": loc.type.value if loc else None,
        "quantity": _json(quantity_to_json(fact.quantity)),
        "valid_from": fact.valid.start,
        "valid_to": fact.valid.end,
        "precision": fact.valid.precision.value,
        "valid_text": fact.valid.text,
        "known_by": fact.valid.known_by,
        "eff_from": fact.valid.effective_start,
        "modality": fact.modality.value,
        "document_id": src.document_id,
        "published_at": src.published_at,
        "attribution": _json(list(src.attribution)),
        "quote": src.quote,
        "span_start": src.span[0] if src.span else None,
        "span_end": src.span[1] if src.span else None,
        "confidence": fact.confidence,
        "extractor": fact.extractor,
        "derived_id": derived_fact_id(fact.fact_id) if fact.predicate in OPENS else None,
        "entity_ids": sorted({e.id for e in fact.entities()}),
    }


def to_recorded(stored: StoredEvent) -> Recorded | None:
    """The domain event a stored row holds; None for types the domain does not know (other projections')."""
    if stored.type not in DOMAIN_EVENT_TYPES:
        return None
    event: DomainEvent = event_from_payload(stored.type, stored.payload)
    return Recorded(stored.position, stored.recorded_at, event)


def _apply_one(conn: Connection, rec: Recorded) -> None:
    at, pos = rec.recorded_at, rec.position
    match rec.event:
        case FactAsserted(fact=fact):
            conn.execute(_INSERT_FACT, fact_row(fact, pos, at, "asserted"))
        case FactCorrected(fact_id=fact_id, fact=fact):
            closed = conn.execute(
                _CLOSE_FACT, {"at": at, "position": pos, "closed_as": "corrected", "fact_id": fact_id}
            )
            if closed.rowcount:
                conn.execute(_INSERT_FACT, fact_row(replace(fact, fact_id=fact_id), pos, at, "corrected"))
        case FactRetracted(fact_id=fact_id):
            conn.execute(
                _CLOSE_FACT, {"at": at, "position": pos, "closed_as": "retracted", "fact_id": fact_id}
            )
        case EntityRegistered():
            conn.execute(
                _INSERT_ENTITY,
                {"entity_id": rec.event.entity_id, "position": pos, "at": at, "name": rec.event.name,
                 "type": rec.event.type.value},
            )  # fmt: skip
            for alias in rec.event.aliases:
                conn.execute(
                    _INSERT_ALIAS,
                    {"entity_id": rec.event.entity_id, "alias": alias, "position": pos, "at": at},
                )
        case EntityAliased():
            conn.execute(
                _INSERT_ALIAS,
                {"entity_id": rec.event.entity_id, "alias": rec.event.alias, "position": pos, "at": at},
            )
        case EntitiesMerged():
            conn.execute(
                _INSERT_MERGE,
                {"merged_id": rec.event.merged_id, "into_id": rec.event.into_id, "reason": rec.event.reason,
                 "position": pos, "at": at},
            )  # fmt: skip
        case _:
            pass


def apply_to_projection(conn: Connection, recorded_events: Iterable[StoredEvent | Recorded]) -> int:
    """Apply freshly appended events in the caller's transaction; returns how many domain events it applied.

    Call it right after `recorder.append` with what append returned, so the projection commits or rolls
    back together with the log.
    """
    items: list[Recorded] = []
    for item in recorded_events:
        rec = item if isinstance(item, Recorded) else to_recorded(item)
        if rec is not None:
            items.append(rec)
    pending_facts: list[dict[str, Any]] = []
    for rec in sorted(items, key=lambda r: r.position):
        # Runs of plain assertions (an ingest's bulk) go in as one statement; other events must see them.
        if isinstance(rec.event, FactAsserted):
            pending_facts.append(fact_row(rec.event.fact, rec.position, rec.recorded_at, "asserted"))
            continue
        if pending_facts:
            conn.execute(_INSERT_FACT, pending_facts)
            pending_facts = []
        _apply_one(conn, rec)
    if pending_facts:
        conn.execute(_INSERT_FACT, pending_facts)
    return len(items)


def clear_projection(conn: Connection) -> None:
    for table in PROJECTION_TABLES:
        conn.execute(text(f"DELETE FROM {table}"))  # noqa: S608 - names are constants above


def rebuild_projection(conn: Connection, page: int = REBUILD_PAGE) -> int:
    """Empty the projection and replay the whole log into it; returns how many events were applied."""
    clear_projection(conn)
    applied = 0
    after = 0
    while True:
        batch: Sequence[StoredEvent] = recorder.read_from(conn, after_position=after, limit=page)
        if not batch:
            return applied
        applied += apply_to_projection(conn, batch)
        after = batch[-1].position
