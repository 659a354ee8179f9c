"""Words NEREL annotators mark as one entity type, learnt from NEREL train by `eval/learn_lexicon.py`.

`nerel_lexicon.tsv` has one row per (type, lemma sequence): how often the sequence was marked as that type
and how often it occurs at all. A caller keeps the sequences marked in at least a given share of their
occurrences, so a kept word usually names that kind of thing in news text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

LEXICON_PATH = Path(__file__).with_name("nerel_lexicon.tsv")
Lemmas = tuple[str, ...]


@cache
def _rows() -> tuple[tuple[str, Lemmas, int, int], ...]:
    rows = []
    for line in LEXICON_PATH.read_text(encoding="utf-8").splitlines():
        kind, lemmas, marked, seen = line.split("\t")
        rows.append((kind, tuple(lemmas.split()), int(marked), int(seen)))
    return tuple(rows)


@cache
def learnt(kind: str, min_share: float, min_marked: int) -> frozenset[Lemmas]:
    return frozenset(
        lemmas
        for k, lemmas, marked, seen in _rows()
        if k == kind and marked >= min_marked and marked >= min_share * seen
    )


@cache
def counts(kind: str) -> dict[Lemmas, tuple[int, int]]:
    """Every sequence ever marked as `kind`: how often marked, how often seen."""
    return {lemmas: (marked, seen) for k, lemmas, marked, seen in _rows() if k == kind}
