"""Documents: recording an extraction in one transaction, reading one back, listing them in pages.

Each use case takes the connection it runs on; the sync and async facades open it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection

from timeline.domain.events import (
    DocumentIngested,
    DomainEvent,
    EntityAliased,
    EntityRegistered,
    FactAsserted,
)
from timeline.domain.facts import Fact
from timeline.domain.ids import content_hash, document_id_for, normalize_text
from timeline.errors import InvalidInput, NotFound
from timeline.extract.aliases import aliases_of
from timeline.extract.types import Document, ExtractionResult
from timeline.service.inputs import require_range, uuid_or_none
from timeline.service.recording import EXTRACTOR_RECORDER, derived_event_id, record
from timeline.store import documents as document_store
from timeline.store import queries, recorder
from timeline.store.document_events import facts_of_document
from timeline.store.documents import StoredDocument
from timeline.store.event_log import stream_of


@dataclass(frozen=True, slots=True)
class IngestResult:
    document_id: str
    created: bool
    facts: tuple[Fact, ...]
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentView:
    document: StoredDocument
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class DocumentPage:
    documents: tuple[StoredDocument, ...]
    next_cursor: str | None


def _events_for(conn: Connection, result: ExtractionResult, document_id: str) -> list[DomainEvent]:
    doc = result.document
    found: list[DomainEvent] = [
        DocumentIngested(
            document_id=document_id,
            content_hash=result.content_hash,
            title=doc.title,
            publisher=doc.publisher,
            url=doc.url,
            published_at=doc.published_at,
        )
    ]
    aliases = aliases_of(result)
    ids = [e.id for e in result.entities]
    versions = recorder.stream_versions(conn, [f"entity-{i}" for i in ids])
    recorded_aliases = queries.known_aliases(conn, ids)
    for entity in result.entities:
        names = aliases.get(entity.id, ())
        if versions[f"entity-{entity.id}"] == 0:
            found.append(EntityRegistered(entity.id, entity.name, entity.type, names))
        else:
            fresh = [n for n in names if (entity.id, n) not in recorded_aliases]
            found.extend(EntityAliased(entity_id=entity.id, alias=n) for n in fresh)
    found.extend(FactAsserted(fact=f) for f in result.facts)
    return found


def store_extracted(
    conn: Connection, result: ExtractionResult, recorded_by: str = EXTRACTOR_RECORDER
) -> IngestResult:
    """Record a document and all its facts (run in one transaction); the same text twice records nothing."""
    doc = result.document
    document_id = document_id_for(result.content_hash)
    recorder.lock_log(conn)
    existing = document_store.document_by_hash(conn, result.content_hash)
    if existing is not None:
        return IngestResult(existing.document_id, False, result.facts, doc.origin)
    document_store.insert_document(
        conn,
        document_id=document_id,
        content_hash=result.content_hash,
        text=normalize_text(doc.text),
        title=doc.title,
        publisher=doc.publisher,
        url=doc.url,
        published_at=doc.published_at,
    )
    domain_events = _events_for(conn, result, document_id)
    ids = [derived_event_id(f"{document_id}:{stream_of(e)}:{n}") for n, e in enumerate(domain_events)]
    record(conn, domain_events, recorded_by, event_ids=ids)
    return IngestResult(document_id, True, result.facts, doc.origin)


def known_document_id(conn: Connection, document: Document) -> str | None:
    """The id of a stored document with the same text, so a repeat need not be extracted again."""
    found = document_store.document_by_hash(conn, content_hash(document.text))
    return found.document_id if found is not None else None


def get_document(conn: Connection, document_id: str) -> DocumentView:
    """A stored document and the facts it brought; NotFound for an unknown (or malformed) id."""
    key = uuid_or_none(document_id)
    found = document_store.document_by_id(conn, key) if key is not None else None
    if found is None:
        raise NotFound(f"no document {document_id}")
    return DocumentView(found, tuple(facts_of_document(conn, found.document_id)))


def _encode_cursor(doc: StoredDocument) -> str:
    raw = f"{doc.ingested_at.isoformat()}|{doc.document_id}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, _, doc_id = raw.partition("|")
        moment = datetime.fromisoformat(at)
        key = uuid_or_none(doc_id)
        if moment.tzinfo is None or key is None:
            raise ValueError(cursor)
    except ValueError:
        raise InvalidInput("not a cursor this API handed out", "cursor") from None
    return moment, key


def list_documents(
    conn: Connection,
    publisher: str | None = None,
    since: date | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> DocumentPage:
    """Newest first; pass `next_cursor` back as `cursor` for the following page."""
    require_range(limit, 1, 500, "limit")
    after = _decode_cursor(cursor) if cursor else None
    found = document_store.list_documents(conn, publisher, since, after, limit + 1)
    page = tuple(found[:limit])
    return DocumentPage(page, _encode_cursor(page[-1]) if len(found) > limit else None)
