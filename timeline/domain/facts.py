"""Facts: what a source says held or happened, with its time, parties and proof."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from timeline.domain.time import ValidTime


class FactKind(StrEnum):
    STATE = "state"
    EVENT = "event"


class Modality(StrEnum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    ALLEGED = "alleged"
    PLANNED = "planned"
    CONSIDERED = "considered"
    DENIED = "denied"


STATE_PREDICATES = frozenset(
    {"holds_position", "member_of", "party_to", "military_presence", "located_in", "owns", "labor_supply"}
)
EVENT_PREDICATES = frozenset(
    {
        "meeting",
        "visit",
        "signed",
        "statement",
        "acknowledged",
        "supplied",
        "deployed",
        "appointed",
        "dismissed",
        "attack",
    }
)


def kind_of(predicate: str) -> FactKind:
    if predicate in STATE_PREDICATES:
        return FactKind.STATE
    if predicate in EVENT_PREDICATES:
        return FactKind.EVENT
    raise ValueError(f"unknown predicate {predicate!r}")


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    COUNTRY = "COUNTRY"
    CITY = "CITY"
    LOCATION = "LOCATION"
    PROFESSION = "PROFESSION"
    EVENT = "EVENT"
    PRODUCT = "PRODUCT"
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class EntityRef:
    id: str
    name: str
    type: EntityType


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    approx: bool
    unit: str
    text: str


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from. `attribution` runs from the original source to the publisher."""

    document_id: str | None
    published_at: date | None
    attribution: tuple[str, ...]
    quote: str
    span: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Fact:
    fact_id: str
    predicate: str
    actor: EntityRef
    valid: ValidTime
    source: Source
    object: EntityRef | None = None
    participants: tuple[EntityRef, ...] = ()
    role: str | None = None
    location: EntityRef | None = None
    quantity: Quantity | None = None
    modality: Modality = Modality.ASSERTED
    confidence: float = 1.0
    extractor: str = "manual"
    kind: FactKind = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", kind_of(self.predicate))
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must lie in [0, 1], got {self.confidence}")

    def entities(self) -> tuple[EntityRef, ...]:
        found = [self.actor, *([self.object] if self.object else []), *self.participants]
        if self.location:
            found.append(self.location)
        return tuple(found)
