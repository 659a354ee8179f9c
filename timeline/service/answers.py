"""As-of questions: state and events on a date as known at a recorded-time cut; an entity's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection

from timeline.domain.codec import as_of_answer_to_json
from timeline.domain.facts import EVENT_PREDICATES, STATE_PREDICATES
from timeline.domain.fold import FactView
from timeline.errors import InvalidInput, NotFound
from timeline.service.inputs import as_date, as_instant
from timeline.store import queries


@dataclass(frozen=True, slots=True)
class StateAnswer:
    """An as-of answer with the cut it was taken at: `known_at` is the database's clock when not given."""

    as_of: date
    known_at: datetime
    state: list[FactView]
    events: list[FactView]


def _check_known_at(conn: Connection, known_at: datetime | None) -> None:
    if known_at is not None and known_at > queries.database_now(conn):
        raise InvalidInput(
            f"known_at {known_at.isoformat()} is in the future: nothing is known there yet", field="known_at"
        )


@dataclass(frozen=True, slots=True)
class PendingAnswer:
    """What the database answered, before its rows become facts (which the async facade does off the loop)."""

    as_of: date
    known_at: datetime
    rows: queries.AnswerRows
    predicate: str | None
    events_limit: int | None


def query_state(
    conn: Connection,
    as_of: date | str,
    known_at: datetime | str | None = None,
    entity: str | None = None,
    predicate: str | None = None,
    events_limit: int | None = None,
) -> PendingAnswer:
    """The database's part of `state_as_of`: checks, one explicit cut, and the answer's rows."""
    day = as_date(as_of, "as_of")
    known = as_instant(known_at, "known_at")
    if predicate is not None and predicate not in STATE_PREDICATES | EVENT_PREDICATES:
        raise InvalidInput(f"unknown predicate {predicate!r}", field="predicate")
    if events_limit is not None and events_limit < 0:
        raise InvalidInput("events_limit must not be negative", field="events_limit")
    _check_known_at(conn, known)
    # One explicit cut for the whole answer, so the caller can ask the same question again later.
    cut = known if known is not None else queries.database_now(conn)
    return PendingAnswer(day, cut, queries.state_rows(conn, day, cut, entity), predicate, events_limit)


def finish_state(pending: PendingAnswer) -> StateAnswer:
    """The state in force on `as_of` and the events that had happened by then, as known at `known_at`.

    Built from the answer's rows: CPU work only (a whole-world answer can be tens of thousands of facts).
    """
    answer = queries.answer_from_rows(pending.rows, pending.predicate, pending.events_limit)
    return StateAnswer(pending.as_of, pending.known_at, answer.state, answer.events)


def finish_state_json(pending: PendingAnswer) -> dict[str, Any]:
    """`finish_state` in the conventions' JSON shape, for callers that send it on."""
    answer = finish_state(pending)
    return as_of_answer_to_json(answer.as_of, answer.known_at, answer.state, answer.events)


def entity_history(conn: Connection, name: str) -> list[queries.FactVersion]:
    """Every version of every fact naming the entity (by id, name or alias), oldest knowledge first."""
    if not name.strip():
        raise InvalidInput("an entity name is needed", field="entity")
    if queries.find_entity(conn, name) is None:
        raise NotFound(f"unknown entity: {name!r}")
    return queries.entity_history(conn, name)
