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

from timeline.domain.facts import Fact
from timeline.domain.fold import AsOfAnswer, FactView
from timeline.errors import NotFound
from timeline.store.fact_rows import CERTAINTIES, JSON_COLUMNS, FactReader, without_cycle_collection

# The JSON columns as text: the reader decodes each distinct value once (see fact_rows).
_ANSWER_COLUMNS = (
    "fact_id, predicate, actor_id, actor_name, actor_type, object_id, object_name, object_type, role, "
    'location_id, location_name, location_type, valid_from, valid_to, "precision", valid_text, known_by, '
    "modality, certainty, document_id, published_at, quote, span_start, span_end, confidence, extractor, "
    + ", ".join(f"{c}::text AS {c}" for c in JSON_COLUMNS)
)
_ANSWER_ARGS = "(:as_of, coalesce(:known_at, now()), :entity)"
_STATE = text(f"SELECT {_ANSWER_COLUMNS} FROM timeline.state_as_of{_ANSWER_ARGS}")  # noqa: S608 - constants
_EVENTS = text(f"SELECT {_ANSWER_COLUMNS} FROM timeline.events_as_of{_ANSWER_ARGS}")  # noqa: S608 - constants
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


def fact_from_row(row: RowMapping) -> Fact:
    return FactReader(row.keys()).fact(tuple(row.values()))


@dataclass(frozen=True, slots=True)
class AnswerRows:
    """An as-of answer as the database sent it: building its facts is CPU work, done apart from the query."""

    columns: tuple[str, ...]
    state: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]


def _rows(
    conn: Connection, query: Any, params: dict[str, Any]
) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    try:
        result = conn.execute(query, params)
    except DBAPIError as exc:
        # The SQL surface raises no_data_found for an entity it cannot resolve.
        if getattr(exc.orig, "sqlstate", None) == "P0002":
            raise NotFound(f"unknown entity: {params.get('entity')!r}") from exc
        raise
    return tuple(result.keys()), [tuple(r) for r in result.all()]


def _views(reader: FactReader, rows: list[tuple[Any, ...]]) -> list[FactView]:
    certainty = reader.at["certainty"]
    return [FactView(reader.fact(r), CERTAINTIES[r[certainty]]) for r in rows]


def database_now(conn: Connection) -> datetime:
    return conn.execute(_NOW).scalar_one()  # type: ignore[no-any-return]


def find_entity(conn: Connection, entity: str, known_at: datetime | None = None) -> str | None:
    """The surviving id for an id, a canonical name or an alias, as known at `known_at`."""
    found = conn.execute(_FIND, {"entity": entity, "known_at": known_at}).scalar()
    return str(found) if found is not None else None


def state_rows(
    conn: Connection, as_of: date, known_at: datetime | None = None, entity: str | None = None
) -> AnswerRows:
    """The rows of the state in force on `as_of` and of the events that had happened by then.

    `entity` (id, name or alias) keeps the facts that name it, or anyone merged into it, in any role.
    """
    params = {"as_of": as_of, "known_at": known_at, "entity": entity}
    if entity is not None and find_entity(conn, entity, known_at) is None:
        # Checked first so the caller's transaction is not left aborted by the SQL function's error.
        raise NotFound(f"unknown entity: {entity!r}")
    columns, state = _rows(conn, _STATE, params)
    _, events = _rows(conn, _EVENTS, params)
    return AnswerRows(columns, state, events)


def answer_from_rows(
    rows: AnswerRows, predicate: str | None = None, events_limit: int | None = None
) -> AsOfAnswer:
    """The facts of an answer's rows (pure CPU: no connection needed)."""
    reader = FactReader(rows.columns)
    with without_cycle_collection():
        state = _views(reader, rows.state)
        events = _views(reader, rows.events)
    if predicate is not None:
        state = [v for v in state if v.fact.predicate == predicate]
        events = [v for v in events if v.fact.predicate == predicate]
    if events_limit is not None:
        events = events[: max(events_limit, 0)]
    return AsOfAnswer(state=state, events=events)


def state_as_of(
    conn: Connection,
    as_of: date,
    known_at: datetime | None = None,
    entity: str | None = None,
    predicate: str | None = None,
    events_limit: int | None = None,
) -> AsOfAnswer:
    """State in force on `as_of` and events that had happened by then, as known at `known_at`."""
    return answer_from_rows(state_rows(conn, as_of, known_at, entity), predicate, events_limit)


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
