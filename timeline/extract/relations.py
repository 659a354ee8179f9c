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
import numpy.typing as npt
from razdel import sentenize

from timeline.extract.relation_features import DIMENSIONS, RELATION_OF, Mention, candidates, features

MODEL_PATH = Path(__file__).with_name("relations_model.npz")


@dataclass(frozen=True, slots=True)
class Relation:
    type: str
    arg1: int  # index into the mentions given
    arg2: int
    score: float


@dataclass(frozen=True, slots=True)
class _Model:
    weights: npt.NDArray[np.float32]
    thresholds: dict[str, float]


@cache
def _model() -> _Model:
    with np.load(MODEL_PATH) as saved:
        if int(saved["dimensions"][0]) != DIMENSIONS:
            raise ValueError(f"{MODEL_PATH} was trained with other features; retrain it")
        thresholds = {str(r): float(t) for r, t in zip(saved["relations"], saved["thresholds"], strict=True)}
        return _Model(saved["weights"].astype(np.float32), thresholds)


def relations(text: str, mentions: Sequence[Mention]) -> list[Relation]:
    model = _model()
    found: list[Relation] = []
    for sentence in sentenize(text):
        for i, j, between in candidates((sentence.start, sentence.stop), mentions):
            logit = float(model.weights[features(text, mentions[i], mentions[j], between)].sum())
            score = 1.0 / (1.0 + np.exp(-logit))
            kind = RELATION_OF[(mentions[i].type, mentions[j].type)]
            if score >= model.thresholds[kind]:
                found.append(Relation(kind, i, j, score))
    return found
