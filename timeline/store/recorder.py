"""The recorder: appends batches of events atomically and reads them back by stream or by position.

Every function takes a SQLAlchemy Connection so that callers decide the transaction: the service appends
events and updates projections in one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError

from timeline.errors import ConcurrencyError
from timeline.store.schema import events

ANY_VERSION = None


@dataclass(frozen=True, slots=True)
class NewEvent:
    event_id: str
    stream_id: str
    type: str
    payload: Mapping[str, Any]
    valid_from: date | None = None
    valid_to: date | None = None
    precision: str | None = None
    actor_id: str | None = None
    document_id: str | None = None
    span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    position: int
    event_id: str
    stream_id: str
    stream_version: int
    type: str
    payload: dict[str, Any]
    valid_from: date | None
    valid_to: date | None
    precision: str | None
    recorded_at: datetime
    actor_id: str | None
    document_id: str | None
    span: tuple[int, int] | None
    recorded_by: str
    prev_hash: str | None
    hash: str


_COLUMNS = [
    events.c.position,
    events.c.event_id,
    events.c.stream_id,
    events.c.stream_version,
    events.c.type,
    events.c.payload,
    events.c.valid_from,
    events.c.valid_to,
    events.c.precision,
    events.c.recorded_at,
    events.c.actor_id,
    events.c.document_id,
    events.c.span_start,
    events.c.span_end,
    events.c.recorded_by,
    events.c.prev_hash,
    events.c.hash,
]


def _stored(row: Any) -> StoredEvent:
    m = row._mapping
    span = (m["span_start"], m["span_end"]) if m["span_start"] is not None else None
    return StoredEvent(
        position=m["position"],
        event_id=str(m["event_id"]),
        stream_id=m["stream_id"],
        stream_version=m["stream_version"],
        type=m["type"],
        payload=m["payload"],
        valid_from=m["valid_from"],
        valid_to=m["valid_to"],
        precision=m["precision"],
        recorded_at=m["recorded_at"],
        actor_id=m["actor_id"],
        document_id=str(m["document_id"]) if m["document_id"] is not None else None,
        span=span,
        recorded_by=m["recorded_by"],
        prev_hash=m["prev_hash"],
        hash=m["hash"],
    )


def lock_log(conn: Connection) -> None:
    """Queue behind other writers now, so that version checks below see every committed event."""
    conn.execute(text("SELECT timeline.recorded_now()"))


_PLACEHOLDER_TIME = datetime(1970, 1, 1, tzinfo=UTC)


def stream_versions(conn: Connection, stream_ids: Sequence[str]) -> dict[str, int]:
    """Current versions of several streams at once; 0 for streams with no events."""
    found = dict.fromkeys(stream_ids, 0)
    if stream_ids:
        rows = conn.execute(
            select(events.c.stream_id, func.max(events.c.stream_version))
            .where(events.c.stream_id.in_(stream_ids))
            .group_by(events.c.stream_id)
        )
        found.update({stream_id: int(version) for stream_id, version in rows})
    return found


def stream_version(conn: Connection, stream_id: str) -> int:
    """The stream's current version; 0 for a stream with no events."""
    found = conn.execute(
        select(func.coalesce(func.max(events.c.stream_version), 0)).where(events.c.stream_id == stream_id)
    ).scalar_one()
    return int(found)


def append(
    conn: Connection,
    new_events: Sequence[NewEvent],
    recorded_by: str,
    expected_versions: Mapping[str, int | None] | None = None,
) -> list[StoredEvent]:
    """Append a batch in the caller's transaction and return the stored events.

    Events whose `event_id` is already stored are skipped, so a retried batch is a no-op. Every stream that
    gets new events and has a version in `expected_versions` (not ANY_VERSION) must be exactly at that
    version, else ConcurrencyError and nothing of the batch is written. The whole batch is one INSERT.
    """
    if not new_events:
        return []
    lock_log(conn)
    ids = [e.event_id for e in new_events]
    already = set(
        str(i) for i in conn.execute(select(events.c.event_id).where(events.c.event_id.in_(ids))).scalars()
    )
    fresh = [e for e in new_events if e.event_id not in already]
    if len(set(e.event_id for e in fresh)) != len(fresh):
        raise ValueError("a batch holds the same event_id twice")
    versions = stream_versions(conn, list(dict.fromkeys(e.stream_id for e in fresh)))
    for stream_id, current in versions.items():
        # Only streams with new events are checked: a retried batch whose events are all stored is a no-op.
        expected = (expected_versions or {}).get(stream_id, ANY_VERSION)
        if expected is not None and expected != current:
            raise ConcurrencyError(f"stream {stream_id} is at version {current}, not the expected {expected}")
    rows: list[dict[str, Any]] = []
    for event in fresh:
        versions[event.stream_id] += 1
        rows.append(
            {
                "event_id": event.event_id,
                "stream_id": event.stream_id,
                "stream_version": versions[event.stream_id],
                "type": event.type,
                "payload": dict(event.payload),
                "valid_from": event.valid_from,
                "valid_to": event.valid_to,
                "precision": event.precision,
                "actor_id": event.actor_id,
                "document_id": event.document_id,
                "span_start": event.span[0] if event.span else None,
                "span_end": event.span[1] if event.span else None,
                "recorded_by": recorded_by,
                # The trigger overwrites these; the columns are NOT NULL, so they need a placeholder.
                "position": 0,
                "recorded_at": _PLACEHOLDER_TIME,
                "hash": "",
            }
        )
    if not rows:
        return []
    try:
        # One statement for the batch; the trigger still numbers and chains row by row, in this order.
        result = conn.execute(insert(events).returning(*_COLUMNS), rows)
    except IntegrityError as exc:
        if "events_stream_version_key" in str(exc.orig):
            raise ConcurrencyError("a stream moved on while appending") from exc
        raise
    stored = sorted((_stored(r) for r in result), key=lambda e: e.position)
    return stored


def read_stream(conn: Connection, stream_id: str, after_version: int = 0) -> list[StoredEvent]:
    rows = conn.execute(
        select(*_COLUMNS)
        .where(events.c.stream_id == stream_id, events.c.stream_version > after_version)
        .order_by(events.c.stream_version)
    )
    return [_stored(r) for r in rows]


def read_from(conn: Connection, after_position: int = 0, limit: int | None = 1000) -> list[StoredEvent]:
    """Events after a position, in log order: a consumer that remembers its last position misses none."""
    query = select(*_COLUMNS).where(events.c.position > after_position).order_by(events.c.position)
    if limit is not None:
        query = query.limit(limit)
    return [_stored(r) for r in conn.execute(query)]


def head_position(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(events.c.position), 0))).scalar_one())


@dataclass(frozen=True, slots=True)
class ChainReport:
    ok: bool
    events: int
    head_hash: str | None
    bad_position: int | None = None
    reason: str | None = None


def verify_chain(conn: Connection) -> ChainReport:
    bad = conn.execute(text("SELECT bad_position, reason FROM timeline.verify_chain()")).first()
    count = int(conn.execute(select(func.count()).select_from(events)).scalar_one())
    head = conn.execute(select(events.c.hash).order_by(events.c.position.desc()).limit(1)).scalar()
    if bad is not None:
        return ChainReport(False, count, head, int(bad[0]), str(bad[1]))
    return ChainReport(True, count, head)
