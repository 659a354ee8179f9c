"""Documents: stored once per content hash, never changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert

from timeline.store.schema import documents


@dataclass(frozen=True, slots=True)
class StoredDocument:
    document_id: str
    content_hash: str
    text: str
    title: str | None
    publisher: str | None
    url: str | None
    published_at: date | None
    ingested_at: datetime


def _stored(row: Any) -> StoredDocument:
    m = row._mapping
    return StoredDocument(
        document_id=str(m["document_id"]),
        content_hash=m["content_hash"],
        text=m["text"],
        title=m["title"],
        publisher=m["publisher"],
        url=m["url"],
        published_at=m["published_at"],
        ingested_at=m["ingested_at"],
    )


def insert_document(
    conn: Connection,
    document_id: str,
    content_hash: str,
    text: str,
    title: str | None,
    publisher: str | None,
    url: str | None,
    published_at: date | None,
) -> bool:
    """Store a document unless its content hash is known; True when this call stored it."""
    result = conn.execute(
        insert(documents)
        .values(
            document_id=document_id,
            content_hash=content_hash,
            text=text,
            title=title,
            publisher=publisher,
            url=url,
            published_at=published_at,
            # The trigger sets the recorded time; the column is NOT NULL, so it needs a placeholder.
            ingested_at=datetime.fromtimestamp(0).astimezone(),
        )
        .on_conflict_do_nothing(index_elements=["content_hash"])
        .returning(documents.c.document_id)
    )
    return result.first() is not None


def document_by_hash(conn: Connection, content_hash: str) -> StoredDocument | None:
    row = conn.execute(select(documents).where(documents.c.content_hash == content_hash)).first()
    return _stored(row) if row is not None else None


def document_by_id(conn: Connection, document_id: str) -> StoredDocument | None:
    row = conn.execute(select(documents).where(documents.c.document_id == document_id)).first()
    return _stored(row) if row is not None else None


def list_documents(
    conn: Connection,
    publisher: str | None = None,
    since: date | None = None,
    after_ingested: tuple[datetime, str] | None = None,
    limit: int = 50,
) -> list[StoredDocument]:
    """Newest-first pages; `after_ingested` is the (ingested_at, document_id) of the previous page's last."""
    query = select(documents)
    if publisher is not None:
        query = query.where(documents.c.publisher == publisher)
    if since is not None:
        query = query.where(documents.c.published_at >= since)
    if after_ingested is not None:
        at, doc_id = after_ingested
        query = query.where(
            (documents.c.ingested_at < at)
            | ((documents.c.ingested_at == at) & (documents.c.document_id < doc_id))
        )
    query = query.order_by(documents.c.ingested_at.desc(), documents.c.document_id.desc()).limit(limit)
    return [_stored(r) for r in conn.execute(query)]
