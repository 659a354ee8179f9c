"""NEREL scoring: entities by span and type, relations by type and both argument spans; exact and lenient.

Exact: the (possibly split) spans are identical. Lenient: some fragment of each overlaps, matched one-to-one.
Duplicates on either side count once (137 NEREL R lines repeat another line verbatim).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from eval.nerel import BratAnnotations
from eval.prf import Counts, Spans, max_matching, spans_overlap

ENTITY_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "CITY", "DATE")
RELATION_TYPES = (
    "WORKS_AS",
    "WORKPLACE",
    "PARTICIPANT_IN",
    "POINT_IN_TIME",
    "TAKES_PLACE_IN",
    "HEADQUARTERED_IN",
)

EntityKey = tuple[str, Spans]
RelationKey = tuple[str, Spans, Spans]
K = TypeVar("K", EntityKey, RelationKey)


def _table(types: Iterable[str]) -> dict[str, Counts]:
    return {type_: Counts() for type_ in types}


@dataclass(slots=True)
class NerelScores:
    entities_exact: dict[str, Counts] = field(default_factory=lambda: _table(ENTITY_TYPES))
    entities_lenient: dict[str, Counts] = field(default_factory=lambda: _table(ENTITY_TYPES))
    relations_exact: dict[str, Counts] = field(default_factory=lambda: _table(RELATION_TYPES))
    relations_lenient: dict[str, Counts] = field(default_factory=lambda: _table(RELATION_TYPES))

    def tables(self) -> dict[str, dict[str, Counts]]:
        return {
            "entities_exact": self.entities_exact,
            "entities_lenient": self.entities_lenient,
            "relations_exact": self.relations_exact,
            "relations_lenient": self.relations_lenient,
        }

    def add(self, other: NerelScores) -> None:
        mine, theirs = self.tables(), other.tables()
        for name, table in mine.items():
            for type_, counts in table.items():
                counts.add(theirs[name][type_])


def micro(table: dict[str, Counts]) -> Counts:
    total = Counts()
    for counts in table.values():
        total.add(counts)
    return total


def entity_keys(annotations: BratAnnotations) -> set[EntityKey]:
    return {(e.type, e.spans) for e in annotations.entities if e.type in ENTITY_TYPES}


def relation_keys(annotations: BratAnnotations) -> set[RelationKey]:
    entities = annotations.by_id()
    return {
        (r.type, entities[r.arg1].spans, entities[r.arg2].spans)
        for r in annotations.relations
        if r.type in RELATION_TYPES and r.arg1 in entities and r.arg2 in entities
    }


def _entity_overlap(gold: EntityKey, pred: EntityKey) -> bool:
    return spans_overlap(gold[1], pred[1])


def _relation_overlap(gold: RelationKey, pred: RelationKey) -> bool:
    return spans_overlap(gold[1], pred[1]) and spans_overlap(gold[2], pred[2])


def _fill(
    exact: dict[str, Counts],
    lenient: dict[str, Counts],
    gold: set[K],
    pred: set[K],
    overlap: Callable[[K, K], bool],
) -> None:
    for type_ in exact:
        gold_of = sorted(k for k in gold if k[0] == type_)
        pred_of = sorted(k for k in pred if k[0] == type_)
        exact[type_].add(Counts(float(len(set(gold_of) & set(pred_of))), len(pred_of), len(gold_of)))
        pairs = max_matching(gold_of, pred_of, overlap)
        lenient[type_].add(Counts(float(len(pairs)), len(pred_of), len(gold_of)))


def score_document(gold: BratAnnotations, pred: BratAnnotations) -> NerelScores:
    scores = NerelScores()
    _fill(
        scores.entities_exact, scores.entities_lenient, entity_keys(gold), entity_keys(pred), _entity_overlap
    )
    _fill(
        scores.relations_exact,
        scores.relations_lenient,
        relation_keys(gold),
        relation_keys(pred),
        _relation_overlap,
    )
    return scores
