"""NEREL relations between the mentions of one document, from the model `eval/train_relations.py` trains.

WORKS_AS (person -> title), WORKPLACE (person or title -> organisation or place) and HEADQUARTERED_IN
(organisation -> place), for mention pairs inside one sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from razdel import sentenize

from timeline.extract.linear_model import LinearModel, load_linear_model
from timeline.extract.nlp import Sentence
from timeline.extract.relation_features import (
    CROSS,
    DIMENSIONS,
    RELATION_OF,
    Mention,
    candidates,
    cross_candidates,
    cross_features,
    features,
    threshold_key,
)
from timeline.extract.relation_syntax import Parses

MODEL_PATH = Path(__file__).with_name("relations_model.npz")


@dataclass(frozen=True, slots=True)
class Relation:
    type: str
    arg1: int  # index into the mentions given
    arg2: int
    score: float


@cache
def _model() -> LinearModel:
    return load_linear_model(MODEL_PATH, DIMENSIONS, "relations")


def relations(text: str, mentions: Sequence[Mention], parsed: Sequence[Sentence] = ()) -> list[Relation]:
    """`parsed`, the extractor's sentences of `text`, add the dependency path between two mentions."""
    model = _model()
    parses = Parses(parsed) if parsed else None
    found: list[Relation] = []
    sentences = [(s.start, s.stop) for s in sentenize(text)]
    for sentence in sentences:
        for i, j, between, inside in candidates(sentence, mentions):
            logit = float(
                model.weights[features(text, mentions[i], mentions[j], between, inside, parses)].sum()
            )
            score = 1.0 / (1.0 + np.exp(-logit))
            kind = RELATION_OF[(mentions[i].type, mentions[j].type)]
            if score >= model.thresholds[threshold_key(mentions[i].type, mentions[j].type)]:
                found.append(Relation(kind, i, j, score))
    for i, j, apart, inside in cross_candidates(sentences, mentions):
        logit = float(
            model.weights[cross_features(text, mentions[i], mentions[j], apart, inside, parses)].sum()
        )
        score = 1.0 / (1.0 + np.exp(-logit))
        kind = RELATION_OF[(mentions[i].type, mentions[j].type)]
        if score >= model.thresholds.get(CROSS + threshold_key(mentions[i].type, mentions[j].type), 1.0):
            found.append(Relation(kind, i, j, score))
    return _one_of_nested(found, mentions)


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _one_of_nested(found: list[Relation], mentions: Sequence[Mention]) -> list[Relation]:
    """A title and its longer form ("президента", "президента Ирана") are one argument: NEREL relates
    only one of them, so of two overlapping arguments with the same other argument the likelier stays."""
    kept = []
    for r in found:
        rivals = [
            o
            for o in found
            if o.type == r.type
            and o is not r
            and (
                (o.arg1 == r.arg1 and _overlap(mentions[o.arg2], mentions[r.arg2]))
                or (o.arg2 == r.arg2 and _overlap(mentions[o.arg1], mentions[r.arg1]))
            )
        ]
        if all((r.score, -r.arg1, -r.arg2) > (o.score, -o.arg1, -o.arg2) for o in rivals):
            kept.append(r)
    return kept
