"""Entities: finding them by any name, reading one, and recording aliases and merges."""

from __future__ import annotations

from sqlalchemy import Connection

from timeline.domain.events import EntitiesMerged, EntityAliased
from timeline.errors import Conflict, InvalidInput, NotFound
from timeline.service.inputs import require_range, require_reason
from timeline.service.recording import record
from timeline.store import queries, recorder
from timeline.store.entity_search import EntityRecord, describe, search_ids
from timeline.store.recorder import StoredEvent


def search_entities(conn: Connection, query: str, limit: int = 20) -> list[EntityRecord]:
    """Registered entities whose id, name or any alias contains `query`."""
    if not query.strip() or "\x00" in query:
        raise InvalidInput("a search needs some text", "q")
    require_range(limit, 1, 200, "limit")
    found = (describe(conn, i) for i in search_ids(conn, query, limit))
    return [e for e in found if e is not None]


def get_entity(conn: Connection, entity: str) -> EntityRecord:
    """An entity by id, name or alias, as the surviving entity after merges."""
    if not entity.strip() or "\x00" in entity:
        raise NotFound(f"unknown entity: {entity!r}")
    root = queries.find_entity(conn, entity)
    if root is None:
        raise NotFound(f"unknown entity: {entity!r}")
    # An entity that only facts name (never registered) is still an entity, known by its id.
    return describe(conn, root) or EntityRecord(root, root, "OTHER", (), ())


def _surviving_id(conn: Connection, entity: str) -> str:
    found = queries.find_entity(conn, entity)
    if found is None:
        raise NotFound(f"unknown entity: {entity!r}")
    return found


def alias_entity(conn: Connection, entity: str, alias: str, recorded_by: str) -> StoredEvent | None:
    """Record another name for an entity; None when the entity already has that alias."""
    alias = " ".join(alias.split())
    if not alias:
        raise InvalidInput("an alias needs some text", field="alias")
    recorder.lock_log(conn)
    entity_id = _surviving_id(conn, entity)
    if (entity_id, alias) in queries.known_aliases(conn, [entity_id]):
        return None
    return record(conn, [EntityAliased(entity_id=entity_id, alias=alias)], recorded_by)[0]


def merge_entities(conn: Connection, merged: str, into: str, reason: str, recorded_by: str) -> StoredEvent:
    """Record that `merged` is the same entity as `into` from now on; answers known before stay apart."""
    require_reason(reason, "merge")
    recorder.lock_log(conn)
    merged_id = _surviving_id(conn, merged)
    into_id = _surviving_id(conn, into)
    if merged_id == into_id:
        raise Conflict(f"{merged!r} and {into!r} are already the same entity ({into_id})")
    event = EntitiesMerged(merged_id=merged_id, into_id=into_id, reason=reason)
    return record(conn, [event], recorded_by)[0]
