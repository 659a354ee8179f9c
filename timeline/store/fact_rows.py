"""Facts from the rows of the reporting functions, building what repeats across an answer's rows once.

A whole-world answer is tens of thousands of rows naming a few thousand entities, and most of its JSON
values are the same few texts (no participants, the same attribution). Decoding each jsonb value in the
driver and every entity and enum value per row was most of the client's time (100k facts: ~1.2 s of CPU for
44k rows); the answer queries send the JSON columns as text, and this reader decodes each distinct text
once. Rows are read by position: a row mapping's by-name access cost as much again.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from timeline.domain.codec import entity_from_json, quantity_from_json
from timeline.domain.facts import EntityRef, EntityType, Fact, Modality, Quantity, Source
from timeline.domain.time import Certainty, Precision, ValidTime

T = TypeVar("T")

# The JSON-typed columns of the reporting functions, for a select list that sends them as text.
JSON_COLUMNS = ("participants", "quantity", "attribution")

_ENTITY_TYPES = {t.value: t for t in EntityType}
_PRECISIONS = {p.value: p for p in Precision}
_MODALITIES = {m.value: m for m in Modality}
CERTAINTIES = {c.value: c for c in Certainty}


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Pauses the cyclic garbage collector while an answer's facts are built.

    They are tens of thousands of small acyclic objects; the collector ran over all of them again and again
    as they were made (a third of the client's CPU for a 50k-row answer). Another thread's pause or resume
    only moves when the collector runs, never what is freed.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _participants(data: Any) -> tuple[EntityRef, ...]:
    return tuple(p for p in map(entity_from_json, data or ()) if p is not None)


def _attribution(data: Any) -> tuple[str, ...]:
    return tuple(data or ())


def _quantity(data: Any) -> Quantity | None:
    return quantity_from_json(data)


class FactReader:
    """Reads facts from rows whose columns are named by `columns` (the JSON ones as text or decoded)."""

    def __init__(self, columns: Iterable[str]) -> None:
        self.at = {name: i for i, name in enumerate(columns)}
        self._entities: dict[tuple[str, str, str], EntityRef] = {}
        self._decoded: dict[tuple[Callable[[Any], Any], str], Any] = {}

    def _from_json(self, value: Any, build: Callable[[Any], T]) -> T:
        if not isinstance(value, str):
            return build(value)  # already decoded by the driver
        key = (build, value)
        if key not in self._decoded:
            self._decoded[key] = build(json.loads(value))
        return self._decoded[key]  # type: ignore[no-any-return]

    def _entity(self, row: Sequence[Any], prefix: str) -> EntityRef | None:
        at = self.at
        entity_id = row[at[f"{prefix}_id"]]
        if entity_id is None:
            return None
        key = (entity_id, row[at[f"{prefix}_name"]], row[at[f"{prefix}_type"]])
        found = self._entities.get(key)
        if found is None:
            found = self._entities[key] = EntityRef(key[0], key[1], _ENTITY_TYPES[key[2]])
        return found

    def fact(self, row: Sequence[Any]) -> Fact:
        at = self.at
        actor = self._entity(row, "actor")
        assert actor is not None, "facts.actor_id is NOT NULL"
        span_start = row[at["span_start"]]
        return Fact(
            fact_id=row[at["fact_id"]],
            predicate=row[at["predicate"]],
            actor=actor,
            object=self._entity(row, "object"),
            participants=self._from_json(row[at["participants"]], _participants),
            role=row[at["role"]],
            location=self._entity(row, "location"),
            quantity=self._from_json(row[at["quantity"]], _quantity),
            valid=ValidTime(
                start=row[at["valid_from"]],
                end=row[at["valid_to"]],
                precision=_PRECISIONS[row[at["precision"]]],
                text=row[at["valid_text"]],
                known_by=row[at["known_by"]],
            ),
            modality=_MODALITIES[row[at["modality"]]],
            source=Source(
                document_id=row[at["document_id"]],
                published_at=row[at["published_at"]],
                attribution=self._from_json(row[at["attribution"]], _attribution),
                quote=row[at["quote"]],
                span=(span_start, row[at["span_end"]]) if span_start is not None else None,
            ),
            confidence=float(row[at["confidence"]]),
            extractor=row[at["extractor"]],
        )
