"""Appending domain events and keeping the projections in step, inside the caller's transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import Connection

from timeline.domain.events import DomainEvent
from timeline.store import recorder
from timeline.store.event_log import to_new_event, to_recorded
from timeline.store.projection import apply_to_projection
from timeline.store.recorder import StoredEvent

EXTRACTOR_RECORDER = "extractor:ru-rules/1"


def derived_event_id(seed: str) -> str:
    """A stable id, so that recording the same thing twice names the same event."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "timeline:event:" + seed))


def record(
    conn: Connection,
    domain_events: Sequence[DomainEvent],
    recorded_by: str,
    event_ids: Sequence[str] | None = None,
    expected_versions: dict[str, int | None] | None = None,
) -> list[StoredEvent]:
    """Append domain events and update the projections in the caller's transaction."""
    ids = list(event_ids) if event_ids is not None else [str(uuid.uuid4()) for _ in domain_events]
    stored = recorder.append(
        conn,
        [to_new_event(e, i) for e, i in zip(domain_events, ids, strict=True)],
        recorded_by=recorded_by,
        expected_versions=expected_versions,
    )
    apply_to_projection(conn, [to_recorded(s) for s in stored])
    return stored
