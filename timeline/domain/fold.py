"""The pure fold: the log, cut at known time K, answers "what held as of date X?".

The SQL functions of the `facts_projection` migration implement the same rules; a property test holds the
two equal, so a change here needs the same change there.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from timeline.domain.entities import EntityBook
from timeline.domain.events import (
    EntitiesMerged,
    EntityAliased,
    EntityRegistered,
    FactAsserted,
    FactCorrected,
    FactRetracted,
    Recorded,
)
from timeline.domain.facts import Fact, FactKind
from timeline.domain.time import Certainty, Precision, ValidTime, event_certainty, state_certainty

# Fixed forever: derived fact ids are stored in the projection and quoted by users.
_DERIVED_NAMESPACE = uuid.UUID("9d1c4f3e-6a0b-4e8f-b7a2-3c5d8e9f1a20")

# Events that open a state, and the state they open.
OPENS = {"appointed": "holds_position", "signed": "party_to"}
CLOSES_HOLDINGS = "dismissed"

_COARSENESS = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}


def derived_fact_id(source_fact_id: str) -> str:
    return str(uuid.uuid5(_DERIVED_NAMESPACE, source_fact_id + ":derived"))


def coarser(a: Precision, b: Precision) -> Precision:
    return a if _COARSENESS[a] >= _COARSENESS[b] else b


@dataclass(frozen=True, slots=True)
class FactView:
    fact: Fact
    certainty: Certainty


@dataclass(frozen=True, slots=True)
class AsOfAnswer:
    state: list[FactView] = field(default_factory=list)
    events: list[FactView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LiveFact:
    """The current version of a fact and the log position of the event that made it current."""

    fact: Fact
    position: int


@dataclass(slots=True)
class KnownState:
    facts: dict[str, LiveFact]
    entities: EntityBook


def replay(history: Iterable[Recorded], known_at: datetime) -> KnownState:
    """Replay every event recorded at or before `known_at`, in log order."""
    facts: dict[str, LiveFact] = {}
    book = EntityBook()
    for rec in sorted((r for r in history if r.recorded_at <= known_at), key=lambda r: r.position):
        match rec.event:
            case FactAsserted(fact=fact):
                # The same fact asserted twice (a re-ingest) stays the first version.
                if fact.fact_id not in facts:
                    facts[fact.fact_id] = LiveFact(fact, rec.position)
            case FactCorrected(fact_id=fact_id, fact=fact):
                # A correction of a fact not in force (never asserted, or retracted) changes nothing.
                if fact_id in facts:
                    facts[fact_id] = LiveFact(replace(fact, fact_id=fact_id), rec.position)
            case FactRetracted(fact_id=fact_id):
                facts.pop(fact_id, None)
            case EntityRegistered() | EntityAliased() | EntitiesMerged():
                book.apply(rec.event)
            case _:
                pass
    return KnownState(facts, book)


def resolve_entities(fact: Fact, book: EntityBook) -> Fact:
    return replace(
        fact,
        actor=book.resolve(fact.actor),
        object=book.resolve(fact.object) if fact.object is not None else None,
        participants=tuple(book.resolve(p) for p in fact.participants),
        location=book.resolve(fact.location) if fact.location is not None else None,
    )


def _closes(dismissal: Fact, appointment: Fact) -> bool:
    same_object = (
        appointment.object is not None
        and dismissal.object is not None
        and appointment.object.id == dismissal.object.id
    )
    same_role = appointment.role is not None and appointment.role == dismissal.role
    return (
        dismissal.actor.id == appointment.actor.id
        and (same_object or same_role)
        and dismissal.valid.effective_start >= appointment.valid.effective_start
    )


def derive_states(live: list[LiveFact]) -> list[LiveFact]:
    """States that events open and close; each keeps the opening event's source and position.

    The dismissal that closes a holding is the earliest one on or after its start, so the answer does not
    depend on the order in which the dismissals were recorded.
    """
    dismissals = sorted(
        (lf for lf in live if lf.fact.predicate == CLOSES_HOLDINGS),
        key=lambda lf: (lf.fact.valid.effective_start, lf.position, lf.fact.fact_id),
    )
    derived: list[LiveFact] = []
    for lf in live:
        opened = OPENS.get(lf.fact.predicate)
        if opened is None:
            continue
        src = lf.fact
        end: date | None = None
        precision = src.valid.precision
        if opened == "holds_position":
            closer = next((d.fact for d in dismissals if _closes(d.fact, src)), None)
            if closer is not None:
                end = closer.valid.effective_start
                precision = coarser(precision, closer.valid.precision)
        keep_others = opened == "party_to"
        state = Fact(
            fact_id=derived_fact_id(src.fact_id),
            predicate=opened,
            actor=src.actor,
            object=src.object,
            participants=src.participants if keep_others else (),
            role=src.role,
            location=src.location if keep_others else None,
            quantity=None,
            valid=ValidTime(
                start=src.valid.start,
                end=end,
                precision=precision,
                text=src.valid.text,
                known_by=src.valid.known_by,
            ),
            modality=src.modality,
            source=src.source,
            confidence=src.confidence,
            extractor=src.extractor,
        )
        derived.append(LiveFact(state, lf.position))
    return derived


def state_order(view: FactView) -> tuple[str, str, date, str]:
    f = view.fact
    return (f.predicate, f.actor.id, f.valid.effective_start, f.fact_id)


def answer_as_of(history: Iterable[Recorded], as_of: date, known_at: datetime) -> AsOfAnswer:
    """State facts in force on `as_of` and events that had happened by then, as known at `known_at`."""
    known = replay(history, known_at)
    live = [LiveFact(resolve_entities(lf.fact, known.entities), lf.position) for lf in known.facts.values()]
    state: list[FactView] = []
    events: list[tuple[date, int, str, FactView]] = []
    for lf in live + derive_states(live):
        fact = lf.fact
        if fact.kind is FactKind.STATE:
            certainty = state_certainty(fact.valid, as_of)
            if certainty is not None:
                state.append(FactView(fact, certainty))
        else:
            certainty = event_certainty(fact.valid, as_of)
            if certainty is not None:
                view = FactView(fact, certainty)
                events.append((fact.valid.effective_start, lf.position, fact.fact_id, view))
    state.sort(key=state_order)
    # Newest first; the fact id only breaks ties between versions recorded by the same event.
    events.sort(key=lambda e: (-e[0].toordinal(), -e[1], e[2]))
    return AsOfAnswer(state=state, events=[e[3] for e in events])


def names_entity(fact: Fact, entity_id: str) -> bool:
    return any(e.id == entity_id for e in fact.entities())


def involving(answer: AsOfAnswer, entity_id: str) -> AsOfAnswer:
    """The part of an answer whose facts name `entity_id` (already resolved) in any role."""
    return AsOfAnswer(
        state=[v for v in answer.state if names_entity(v.fact, entity_id)],
        events=[v for v in answer.events if names_entity(v.fact, entity_id)],
    )
