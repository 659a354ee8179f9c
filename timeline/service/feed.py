"""The log for API clients: appending their own fact events, and reading the log after a position."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DataError, IntegrityError

from timeline.client_events import ClientEvent, expected_versions, parse_batch
from timeline.domain.events import DomainEvent, EntityRegistered, FactAsserted, FactCorrected
from timeline.errors import InvalidInput
from timeline.service.inputs import require_range
from timeline.service.recording import derived_event_id, record
from timeline.store import documents as document_store
from timeline.store import recorder
from timeline.store.recorder import StoredEvent


@dataclass(frozen=True, slots=True)
class AppendResult:
    appended: tuple[StoredEvent, ...]
    already_stored: tuple[str, ...]


def _check_documents(conn: Connection, batch: Sequence[ClientEvent]) -> None:
    for n, item in enumerate(batch):
        if isinstance(item.event, FactAsserted | FactCorrected):
            doc = item.event.fact.source.document_id
            if doc is not None and document_store.document_by_id(conn, doc) is None:
                raise InvalidInput(f"no document {doc}", f"events[{n}].fact.source.document_id")


def _with_registrations(
    conn: Connection, batch: Sequence[ClientEvent]
) -> tuple[list[DomainEvent], list[str]]:
    """The batch's events, each preceded by the registration of entities the log has not seen yet."""
    domain_events: list[DomainEvent] = []
    ids: list[str] = []
    registered: set[str] = set()
    for item in batch:
        if isinstance(item.event, FactAsserted | FactCorrected):
            for entity in item.event.fact.entities():
                stream = f"entity-{entity.id}"
                if entity.id in registered or recorder.stream_version(conn, stream) != 0:
                    continue
                registered.add(entity.id)
                domain_events.append(EntityRegistered(entity.id, entity.name, entity.type))
                ids.append(derived_event_id(f"{item.event_id}:{stream}"))
        domain_events.append(item.event)
        ids.append(item.event_id)
    return domain_events, ids


def append_client_events(conn: Connection, items: Sequence[Any], recorded_by: str) -> AppendResult:
    """Append a client's batch of fact events atomically: all of it, or InvalidInput/ConcurrencyError.

    Event ids make a retry safe: ids already in the log are skipped (and their expected versions are not
    checked again, since the first attempt already passed them).
    """
    batch = parse_batch(items)
    try:
        recorder.lock_log(conn)
        _check_documents(conn, batch)
        domain_events, ids = _with_registrations(conn, batch)
        stored = record(conn, domain_events, recorded_by, ids, expected_versions(batch))
    except (DataError, IntegrityError) as exc:
        raise InvalidInput(f"the database refused the batch: {exc.orig}", "events") from exc
    new_ids = {s.event_id for s in stored}
    return AppendResult(tuple(stored), tuple(i.event_id for i in batch if i.event_id not in new_ids))


def read_events(conn: Connection, after: int = 0, limit: int = 100) -> list[StoredEvent]:
    """The log after a position, in order; a consumer that passes back its last position misses nothing."""
    if after < 0:
        raise InvalidInput("after must be a position (>= 0)", "after")
    require_range(limit, 1, 1000, "limit")
    return recorder.read_from(conn, after, limit)
