"""Recording hand-written histories into a real database, and reading the log back for the pure fold."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Engine

from tests.seed_facts import load_seed
from timeline import service
from timeline.domain.events import DocumentIngested, DomainEvent, Recorded
from timeline.domain.ids import normalize_text
from timeline.store import documents, recorder
from timeline.store.event_log import to_recorded
from timeline.store.recorder import StoredEvent


def record(engine: Engine, events: Sequence[DomainEvent]) -> list[StoredEvent]:
    """One transaction: append and project, as the service does."""
    with engine.begin() as conn:
        return service.record(conn, events, recorded_by="test")


def record_each(engine: Engine, events: Sequence[DomainEvent]) -> list[datetime]:
    """Each event in its own transaction, so each gets its own recorded time."""
    return [record(engine, [e])[0].recorded_at for e in events]


def log_history(engine: Engine) -> list[Recorded]:
    with engine.connect() as conn:
        return [to_recorded(s) for s in recorder.read_from(conn, 0, limit=None)]


def ingest_seed(engine: Engine) -> datetime:
    """The seed document and its hand-written facts, in one transaction like an ingest; its recorded time."""
    seed = load_seed()
    first = seed.events()[0]
    assert isinstance(first, DocumentIngested)
    with engine.begin() as conn:
        documents.insert_document(
            conn,
            document_id=seed.document_id,
            content_hash=first.content_hash,
            text=normalize_text(seed.text),
            title=first.title,
            publisher=first.publisher,
            url=None,
            published_at=first.published_at,
        )
        stored = service.record(conn, seed.events(), recorded_by="test")
    return stored[0].recorded_at
