"""Precision, recall and F1 from match counts, and one-to-one matching of predictions to gold items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")


@dataclass(slots=True)
class Counts:
    """`tp` may be fractional: FactRuEval's soft score credits a fact by how many arguments match."""

    tp: float = 0.0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    @property
    def precision(self) -> float | None:
        # Undefined rather than 0 or 1: a type nobody predicted says nothing about precision.
        return self.tp / self.n_pred if self.n_pred else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.n_gold if self.n_gold else None

    @property
    def f1(self) -> float | None:
        if not self.n_pred and not self.n_gold:
            return None
        denominator = self.n_pred + self.n_gold
        return 2 * self.tp / denominator

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "tp": round(self.tp, 4),
            "pred": self.n_pred,
            "gold": self.n_gold,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def max_matching(
    gold: Sequence[G], pred: Sequence[P], compatible: Callable[[G, P], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (Kuhn's augmenting paths), so one prediction never earns two golds.

    Greedy matching can undercount under lenient overlap, where one prediction may overlap several golds.
    """
    edges = [[j for j, p in enumerate(pred) if compatible(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def weighted_matching(
    gold: Sequence[G], pred: Sequence[P], quality: Callable[[G, P], float]
) -> list[tuple[int, int, float]]:
    """One-to-one pairs taken best quality first; the fact lists per document are small."""
    scored = [(q, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if (q := quality(g, p)) > 0.0]
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for q, i, j in scored:
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        pairs.append((i, j, q))
    return pairs


Spans = tuple[tuple[int, int], ...]


def spans_overlap(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)
