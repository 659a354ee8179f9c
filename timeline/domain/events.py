"""Domain events: immutable, named in the past tense. Corrections and retractions are new events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from timeline.domain.facts import EntityType, Fact


@dataclass(frozen=True, slots=True)
class DocumentIngested:
    document_id: str
    content_hash: str
    title: str | None
    publisher: str | None
    url: str | None
    published_at: date | None


@dataclass(frozen=True, slots=True)
class FactAsserted:
    fact: Fact


@dataclass(frozen=True, slots=True)
class FactCorrected:
    """A new version of a fact; the previous version is superseded from the moment this is recorded."""

    fact_id: str
    fact: Fact
    reason: str


@dataclass(frozen=True, slots=True)
class FactRetracted:
    fact_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class EntityRegistered:
    entity_id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityAliased:
    entity_id: str
    alias: str


@dataclass(frozen=True, slots=True)
class EntitiesMerged:
    """`merged_id` is from now on the same entity as `into_id`; answers known before stay apart."""

    merged_id: str
    into_id: str
    reason: str


DomainEvent = (
    DocumentIngested
    | FactAsserted
    | FactCorrected
    | FactRetracted
    | EntityRegistered
    | EntityAliased
    | EntitiesMerged
)


@dataclass(frozen=True, slots=True)
class Recorded:
    """A domain event as the log holds it: its global position and when the database learned it."""

    position: int
    recorded_at: datetime
    event: DomainEvent

    def __post_init__(self) -> None:
        if self.recorded_at.tzinfo is None:
            raise ValueError("recorded_at must be timezone-aware")
