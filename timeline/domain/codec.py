"""The JSON shapes of ../shared/conventions.md, and the payloads domain events are stored as."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from timeline.domain.events import (
    DocumentIngested,
    DomainEvent,
    EntitiesMerged,
    EntityAliased,
    EntityRegistered,
    FactAsserted,
    FactCorrected,
    FactRetracted,
)
from timeline.domain.facts import EntityRef, EntityType, Fact, Modality, Quantity, Source
from timeline.domain.time import Certainty, Precision, ValidTime

JSON = dict[str, Any]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: Any) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date string, got {value!r}")
    return date.fromisoformat(value[:10])


def entity_to_json(ref: EntityRef | None) -> JSON | None:
    if ref is None:
        return None
    return {"id": ref.id, "name": ref.name, "type": ref.type.value}


def entity_from_json(data: Any) -> EntityRef | None:
    if data is None:
        return None
    return EntityRef(id=str(data["id"]), name=str(data["name"]), type=EntityType(data["type"]))


def valid_to_json(valid: ValidTime) -> JSON:
    out: JSON = {
        "from": _iso(valid.start),
        "to": _iso(valid.end),
        "precision": valid.precision.value,
        "text": valid.text,
    }
    if valid.known_by is not None:
        out["known_by"] = valid.known_by.isoformat()
    return out


def valid_from_json(data: Any) -> ValidTime:
    return ValidTime(
        start=_date(data.get("from")),
        end=_date(data.get("to")),
        precision=Precision(data.get("precision", "day")),
        text=str(data.get("text") or ""),
        known_by=_date(data.get("known_by")),
    )


def quantity_to_json(q: Quantity | None) -> JSON | None:
    if q is None:
        return None
    value: float | int = int(q.value) if float(q.value).is_integer() else q.value
    return {"value": value, "approx": q.approx, "unit": q.unit, "text": q.text}


def quantity_from_json(data: Any) -> Quantity | None:
    if data is None:
        return None
    return Quantity(
        value=float(data["value"]),
        approx=bool(data["approx"]),
        unit=str(data["unit"]),
        text=str(data["text"]),
    )


def source_to_json(source: Source) -> JSON:
    return {
        "document_id": source.document_id,
        "published_at": _iso(source.published_at),
        "attribution": list(source.attribution),
        "quote": source.quote,
        "span": list(source.span) if source.span is not None else None,
    }


def source_from_json(data: Any) -> Source:
    span = data.get("span")
    return Source(
        document_id=data.get("document_id"),
        published_at=_date(data.get("published_at")),
        attribution=tuple(str(a) for a in data.get("attribution") or ()),
        quote=str(data.get("quote") or ""),
        span=(int(span[0]), int(span[1])) if span is not None else None,
    )


def fact_to_json(fact: Fact, certainty: Certainty | None = None) -> JSON:
    """The conventions' fact shape; `certainty` appears only in as-of answers."""
    out: JSON = {
        "fact_id": fact.fact_id,
        "kind": fact.kind.value,
        "predicate": fact.predicate,
        "actor": entity_to_json(fact.actor),
        "object": entity_to_json(fact.object),
        "participants": [entity_to_json(p) for p in fact.participants],
        "role": fact.role,
        "location": entity_to_json(fact.location),
        "quantity": quantity_to_json(fact.quantity),
        "valid": valid_to_json(fact.valid),
        "modality": fact.modality.value,
        "source": source_to_json(fact.source),
        "confidence": fact.confidence,
        "extractor": fact.extractor,
    }
    if certainty is not None:
        out["certainty"] = certainty.value
    return out


def fact_from_json(data: Any) -> Fact:
    """Parse the fact shape; raises KeyError/ValueError/TypeError on malformed input."""
    actor = entity_from_json(data["actor"])
    if actor is None:
        raise ValueError("a fact needs an actor")
    return Fact(
        fact_id=str(data["fact_id"]),
        predicate=str(data["predicate"]),
        actor=actor,
        object=entity_from_json(data.get("object")),
        participants=tuple(
            p for p in (entity_from_json(x) for x in data.get("participants") or ()) if p is not None
        ),
        role=data.get("role"),
        location=entity_from_json(data.get("location")),
        quantity=quantity_from_json(data.get("quantity")),
        valid=valid_from_json(data["valid"]),
        modality=Modality(data.get("modality", "asserted")),
        source=source_from_json(data["source"]),
        confidence=float(data.get("confidence", 1.0)),
        extractor=str(data.get("extractor", "manual")),
    )


def event_to_payload(event: DomainEvent) -> tuple[str, JSON]:
    """(type, payload) as the event log stores them."""
    match event:
        case DocumentIngested():
            return "DocumentIngested", {
                "document_id": event.document_id,
                "content_hash": event.content_hash,
                "title": event.title,
                "publisher": event.publisher,
                "url": event.url,
                "published_at": _iso(event.published_at),
            }
        case FactAsserted():
            return "FactAsserted", {"fact": fact_to_json(event.fact)}
        case FactCorrected():
            return "FactCorrected", {
                "fact_id": event.fact_id,
                "fact": fact_to_json(event.fact),
                "reason": event.reason,
            }
        case FactRetracted():
            return "FactRetracted", {"fact_id": event.fact_id, "reason": event.reason}
        case EntityRegistered():
            return "EntityRegistered", {
                "entity_id": event.entity_id,
                "name": event.name,
                "type": event.type.value,
                "aliases": list(event.aliases),
            }
        case EntityAliased():
            return "EntityAliased", {"entity_id": event.entity_id, "alias": event.alias}
        case EntitiesMerged():
            return "EntitiesMerged", {
                "merged_id": event.merged_id,
                "into_id": event.into_id,
                "reason": event.reason,
            }
    raise TypeError(f"not a domain event: {event!r}")


def event_from_payload(type_: str, payload: JSON) -> DomainEvent:
    match type_:
        case "DocumentIngested":
            return DocumentIngested(
                document_id=payload["document_id"],
                content_hash=payload["content_hash"],
                title=payload.get("title"),
                publisher=payload.get("publisher"),
                url=payload.get("url"),
                published_at=_date(payload.get("published_at")),
            )
        case "FactAsserted":
            return FactAsserted(fact=fact_from_json(payload["fact"]))
        case "FactCorrected":
            return FactCorrected(
                fact_id=payload["fact_id"], fact=fact_from_json(payload["fact"]), reason=payload["reason"]
            )
        case "FactRetracted":
            return FactRetracted(fact_id=payload["fact_id"], reason=payload["reason"])
        case "EntityRegistered":
            return EntityRegistered(
                entity_id=payload["entity_id"],
                name=payload["name"],
                type=EntityType(payload["type"]),
                aliases=tuple(payload.get("aliases") or ()),
            )
        case "EntityAliased":
            return EntityAliased(entity_id=payload["entity_id"], alias=payload["alias"])
        case "EntitiesMerged":
            return EntitiesMerged(
                merged_id=payload["merged_id"], into_id=payload["into_id"], reason=payload["reason"]
            )
    raise ValueError(f"unknown event type {type_!r}")


def as_of_answer_to_json(
    as_of: date, known_at: datetime, state: Iterable[Any], events: Iterable[Any]
) -> JSON:
    """`{as_of, known_at, state, events}` of the conventions; items are (fact, certainty) views."""
    return {
        "as_of": as_of.isoformat(),
        "known_at": known_at.isoformat(),
        "state": [fact_to_json(v.fact, v.certainty) for v in state],
        "events": [fact_to_json(v.fact, v.certainty) for v in events],
    }
