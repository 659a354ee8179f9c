"""Domain events to and from the log's rows: the only place that knows both shapes."""

from __future__ import annotations

from timeline.domain.codec import event_from_payload, event_to_payload
from timeline.domain.events import (
    DocumentIngested,
    DomainEvent,
    EntitiesMerged,
    EntityAliased,
    EntityRegistered,
    FactAsserted,
    FactCorrected,
    FactRetracted,
    Recorded,
)
from timeline.domain.facts import Fact
from timeline.store.recorder import NewEvent, StoredEvent


def stream_of(event: DomainEvent) -> str:
    match event:
        case DocumentIngested():
            return f"document-{event.document_id}"
        case FactAsserted():
            return f"fact-{event.fact.fact_id}"
        case FactCorrected() | FactRetracted():
            return f"fact-{event.fact_id}"
        case EntityRegistered() | EntityAliased():
            return f"entity-{event.entity_id}"
        case EntitiesMerged():
            return f"entity-{event.merged_id}"
    raise TypeError(f"not a domain event: {event!r}")


def _fact_of(event: DomainEvent) -> Fact | None:
    if isinstance(event, FactAsserted | FactCorrected):
        return event.fact
    return None


def to_new_event(event: DomainEvent, event_id: str) -> NewEvent:
    type_, payload = event_to_payload(event)
    fact = _fact_of(event)
    document_id = event.document_id if isinstance(event, DocumentIngested) else None
    if fact is None:
        return NewEvent(event_id=event_id, stream_id=stream_of(event), type=type_, payload=payload,
                        document_id=document_id)  # fmt: skip
    return NewEvent(
        event_id=event_id,
        stream_id=stream_of(event),
        type=type_,
        payload=payload,
        valid_from=fact.valid.start,
        valid_to=fact.valid.end,
        precision=fact.valid.precision.value,
        actor_id=fact.actor.id,
        document_id=fact.source.document_id,
        span=fact.source.span,
    )


def to_recorded(stored: StoredEvent) -> Recorded:
    return Recorded(
        position=stored.position,
        recorded_at=stored.recorded_at,
        event=event_from_payload(stored.type, stored.payload),
    )
