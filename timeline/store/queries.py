"""Named read queries over the reporting functions of schema `timeline`, returning domain values.

Every as-of question goes through the same SQL functions a reporting user calls, so the service and a
`psql` session cannot disagree. Without `known_at` the database's own `now()` is the cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, text
from sqlalchemy.exc import DBAPIError

from timeline.domain.codec import entity_from_json, quantity_from_json
from timeline.domain.facts import EntityRef, EntityType, Fact, Modality, Source
from timeline.domain.fold import AsOfAnswer, FactView
from timeline.domain.time import Certainty, Precision, ValidTime
from timeline.errors import NotFound

_STATE = text("SELECT * FROM timeline.state_as_of(:as_of, coalesce(:known_at, now()), :entity)")
_EVENTS = text("SELECT * FROM timeline.events_as_of(:as_of, coalesce(:known_at, now()), :entity)")
_FIND = text("SELECT timeline.find_entity(:entity, coalesce(:known_at, now()))")
_HISTORY = text("SELECT * FROM timeline.entity_history(:entity)")
_CURRENT_VERSION = text(
    "SELECT * FROM timeline.fact_history WHERE fact_id = :fact_id AND recorded_to IS NULL"
)
_LAST_VERSION = text(
    "SELECT * FROM timeline.fact_history WHERE fact_id = :fact_id ORDER BY position DESC LIMIT 1"
)
_NOW = text("SELECT now()")


@dataclass(frozen=True, slots=True)
class FactVersion:
    """One stored version of a fact and the recorded interval in which it was the current one."""

    fact: Fact
    recorded_at: datetime
    recorded_to: datetime | None
    change: str
    closed_as: str | None
    position: int


def _entity(row: RowMapping, prefix: str) -> EntityRef | None:
    entity_id = row[f"{prefix}_id"]
    if entity_id is None:
        return None
    return EntityRef(entity_id, row[f"{prefix}_name"], EntityType(row[f"{prefix}_type"]))


def fact_from_row(row: RowMapping) -> Fact:
    actor = _entity(row, "actor")
    assert actor is not None, "facts.actor_id is NOT NULL"
    span = (row["span_start"], row["span_end"]) if row["span_start"] is not None else None
    return Fact(
        fact_id=row["fact_id"],
        predicate=row["predicate"],
        actor=actor,
        object=_entity(row, "object"),
        participants=tuple(p for p in map(entity_from_json, row["participants"] or ()) if p is not None),
        role=row["role"],
        location=_entity(row, "location"),
        quantity=quantity_from_json(row["quantity"]),
        valid=ValidTime(
            start=row["valid_from"],
            end=row["valid_to"],
            precision=Precision(row["precision"]),
            text=row["valid_text"],
            known_by=row["known_by"],
        ),
        modality=Modality(row["modality"]),
        source=Source(
            document_id=row["document_id"],
            published_at=row["published_at"],
            attribution=tuple(row["attribution"] or ()),
            quote=row["quote"],
            span=span,
        ),
        confidence=float(row["confidence"]),
        extractor=row["extractor"],
    )


def _views(conn: Connection, query: Any, params: dict[str, Any]) -> list[FactView]:
    try:
        # In batches over a server-side cursor: under the async facade this runs on the event loop, and a
        # whole-world answer turned into objects in one go stalled every other request (1.8 s at 60k facts).
        rows = conn.execution_options(yield_per=500).execute(query, params).mappings()
        return [FactView(fact_from_row(r), Certainty(r["certainty"])) for r in rows]
    except DBAPIError as exc:
        # The SQL surface raises no_data_found for an entity it cannot resolve.
        if getattr(exc.orig, "sqlstate", None) == "P0002":
            raise NotFound(f"unknown entity: {params.get('entity')!r}") from exc
        raise


def database_now(conn: Connection) -> datetime:
    return conn.execute(_NOW).scalar_one()  # type: ignore[no-any-return]


def find_entity(conn: Connection, entity: str, known_at: datetime | None = None) -> str | None:
    """The surviving id for an id, a canonical name or an alias, as known at `known_at`."""
    found = conn.execute(_FIND, {"entity": entity, "known_at": known_at}).scalar()
    return str(found) if found is not None else None


def state_as_of(
    conn: Connection,
    as_of: date,
    known_at: datetime | None = None,
    entity: str | None = None,
    predicate: str | None = None,
    events_limit: int | None = None,
) -> AsOfAnswer:
    """State in force on `as_of` and events that had happened by then, as known at `known_at`.

    `entity` (id, name or alias) keeps the facts that name it, or anyone merged into it, in any role.
    """
    params = {"as_of": as_of, "known_at": known_at, "entity": entity}
    if entity is not None and find_entity(conn, entity, known_at) is None:
        # Checked first so the caller's transaction is not left aborted by the SQL function's error.
        raise NotFound(f"unknown entity: {entity!r}")
    state = _views(conn, _STATE, params)
    events = _views(conn, _EVENTS, params)
    if predicate is not None:
        state = [v for v in state if v.fact.predicate == predicate]
        events = [v for v in events if v.fact.predicate == predicate]
    if events_limit is not None:
        events = events[: max(events_limit, 0)]
    return AsOfAnswer(state=state, events=events)


def _version(row: RowMapping) -> FactVersion:
    return FactVersion(
        fact=fact_from_row(row),
        recorded_at=row["recorded_at"],
        recorded_to=row["recorded_to"],
        change=row["change"],
        closed_as=row["closed_as"],
        position=int(row["position"]),
    )


def entity_history(conn: Connection, entity: str) -> list[FactVersion]:
    """Every version of every fact naming the entity, in the order the database learned them."""
    try:
        rows = conn.execute(_HISTORY, {"entity": entity}).mappings().all()
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "P0002":
            raise NotFound(f"unknown entity: {entity!r}") from exc
        raise
    return [_version(r) for r in rows]


def current_version(conn: Connection, fact_id: str) -> FactVersion | None:
    """The version of a fact in force now, or None if it was never asserted or is retracted."""
    row = conn.execute(_CURRENT_VERSION, {"fact_id": fact_id}).mappings().first()
    return _version(row) if row is not None else None


def last_version(conn: Connection, fact_id: str) -> FactVersion | None:
    """The newest version of a fact whether in force or retracted, or None if it was never asserted."""
    row = conn.execute(_LAST_VERSION, {"fact_id": fact_id}).mappings().first()
    return _version(row) if row is not None else None


def known_aliases(conn: Connection, entity_ids: list[str]) -> set[tuple[str, str]]:
    """(entity id, alias) pairs already recorded for these entities."""
    rows = conn.execute(
        text("SELECT entity_id, alias FROM entity_aliases WHERE entity_id = ANY(:ids)"), {"ids": entity_ids}
    )
    return {(str(r[0]), str(r[1])) for r in rows}
