"""The log's events that a document brought: its facts, in the order they were recorded."""

from __future__ import annotations

from sqlalchemy import Connection, select

from timeline.domain.codec import fact_from_json
from timeline.domain.facts import Fact
from timeline.store.schema import events


def facts_of_document(conn: Connection, document_id: str) -> list[Fact]:
    """Facts as first asserted from this document; later corrections live in the fact's own stream."""
    rows = conn.execute(
        select(events.c.payload)
        .where(events.c.document_id == document_id, events.c.type == "FactAsserted")
        .order_by(events.c.position)
    ).scalars()
    return [fact_from_json(payload["fact"]) for payload in rows]
