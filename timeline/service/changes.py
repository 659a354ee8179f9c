"""Changing what is known about a fact: retractions and corrections, as new events; and rebuilding."""

from __future__ import annotations

from sqlalchemy import Connection

from timeline.domain.events import FactCorrected, FactRetracted
from timeline.domain.facts import Fact
from timeline.errors import Conflict, NotFound
from timeline.service.inputs import require_reason
from timeline.service.recording import record
from timeline.store import queries, recorder
from timeline.store.projection import rebuild_projection
from timeline.store.recorder import StoredEvent


def _fact_in_force(conn: Connection, fact_id: str) -> queries.FactVersion:
    current = queries.current_version(conn, fact_id)
    if current is not None:
        return current
    if queries.last_version(conn, fact_id) is not None:
        raise Conflict(f"fact {fact_id} is retracted; assert a new fact instead")
    raise NotFound(f"no fact {fact_id}")


def retract_fact(conn: Connection, fact_id: str, reason: str, recorded_by: str) -> StoredEvent:
    """Record that a fact no longer holds as known; answers known before stay as they were."""
    require_reason(reason, "retraction")
    recorder.lock_log(conn)
    _fact_in_force(conn, fact_id)
    return record(conn, [FactRetracted(fact_id=fact_id, reason=reason)], recorded_by)[0]


def correct_fact(conn: Connection, fact_id: str, fact: Fact, reason: str, recorded_by: str) -> StoredEvent:
    """Record a new version of a fact; it keeps `fact_id` whatever id the new version carries."""
    require_reason(reason, "correction")
    recorder.lock_log(conn)
    _fact_in_force(conn, fact_id)
    return record(conn, [FactCorrected(fact_id=fact_id, fact=fact, reason=reason)], recorded_by)[0]


def rebuild(conn: Connection) -> int:
    """Rebuild the facts and entities projection from the log; returns how many events it replayed."""
    # Writers wait while the projection is rebuilt, so none of their events is missed.
    recorder.lock_log(conn)
    return rebuild_projection(conn)
