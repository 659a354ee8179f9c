"""Train the EVENT/PROFESSION span classifier on NEREL train; write timeline/extract/span_model.npz.

Usage: python -m eval.train_spans
Candidates are the sequences the lexicon knows. Each of train's first nine tenths is scored with a lexicon
counted on the other folds (five folds), so the lexicon's shares are never its own; the last tenth, with a
lexicon counted on the first nine, picks each kind's threshold and is held out. Dev is never read.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from eval.learn_lexicon import _count
from eval.nerel import BratDocument, read_split
from eval.paths import shared_dir
from eval.train_relations import train
from timeline.extract.span_tagger import (
    DIMENSIONS,
    KINDS,
    LEXICON_KINDS,
    MODEL_PATH,
    Counts,
    candidates,
    features,
    overlapping,
    pick,
    score,
    words,
)

FOLDS = 5
Rows = list[list[int]]


def lexicons(documents: Sequence[BratDocument]) -> dict[str, Counts]:
    out: dict[str, Counts] = {}
    for kind in LEXICON_KINDS:
        marked, seen = _count(list(documents), kind)
        out[kind] = {key: (n, seen[key]) for key, n in marked.items()}
    return out


def _gold(document: BratDocument) -> set[tuple[str, int, int]]:
    return {
        (e.type, e.spans[0][0], e.spans[0][1])
        for e in document.gold.entities
        if e.type in KINDS and len(e.spans) == 1
    }


def examples(documents: Sequence[BratDocument], known: dict[str, Counts]) -> tuple[Rows, list[float]]:
    rows: Rows = []
    labels: list[float] = []
    for document in documents:
        sequence = words(document.text)
        found = candidates(sequence, known)
        gold = _gold(document)
        for c, rivals in zip(found, overlapping(found), strict=True):
            rows.append(features(sequence, c, rivals))
            labels.append(1.0 if (c.type, c.start, c.end) in gold else 0.0)
    return rows, labels


def span_f1(
    documents: Sequence[BratDocument],
    known: dict[str, Counts],
    weights: npt.NDArray[np.float32],
    thresholds: dict[str, float],
) -> dict[str, float]:
    tp = dict.fromkeys(KINDS, 0)
    predicted = dict.fromkeys(KINDS, 0)
    gold_n = dict.fromkeys(KINDS, 0)
    for document in documents:
        sequence = words(document.text)
        found = candidates(sequence, known)
        rows = [features(sequence, c, r) for c, r in zip(found, overlapping(found), strict=True)]
        spans = pick(found, score(weights, rows).tolist(), thresholds) if found else []
        gold = _gold(document)
        for kind in KINDS:
            mine = {(s.type, s.start, s.end) for s in spans if s.type == kind}
            truth = {g for g in gold if g[0] == kind}
            tp[kind] += len(mine & truth)
            predicted[kind] += len(mine)
            gold_n[kind] += len(truth)
    return {k: 2 * tp[k] / (predicted[k] + gold_n[k]) if predicted[k] + gold_n[k] else 0.0 for k in KINDS}


def main() -> int:
    documents = list(read_split(shared_dir() / "corpora" / "nerel" / "train"))
    cut = len(documents) * 9 // 10
    rows: Rows = []
    labels: list[float] = []
    for fold in range(FOLDS):
        inside = [d for n, d in enumerate(documents[:cut]) if n % FOLDS == fold]
        others = [d for n, d in enumerate(documents[:cut]) if n % FOLDS != fold]
        fold_rows, fold_labels = examples(inside, lexicons(others))
        rows += fold_rows
        labels += fold_labels
    print(f"{len(rows)} candidates ({int(sum(labels))} right)", flush=True)
    weights = train(rows, np.array(labels, dtype=np.float32), epochs=3)
    assert len(weights) == DIMENSIONS
    held, known = documents[cut:], lexicons(documents[:cut])
    thresholds = dict.fromkeys(KINDS, 0.5)
    for kind in KINDS:
        tried = {}
        for threshold in np.arange(0.15, 0.86, 0.05):
            tried[float(threshold)] = span_f1(held, known, weights, {**thresholds, kind: float(threshold)})[
                kind
            ]
        thresholds[kind] = max(tried, key=lambda t: tried[t])
        print(f"{kind}: threshold {thresholds[kind]:.2f}, held-out span F1 {tried[thresholds[kind]]:.3f}")
    np.savez_compressed(
        MODEL_PATH,
        weights=weights.astype(np.float16),
        kinds=np.array(KINDS),
        thresholds=np.array([thresholds[k] for k in KINDS], dtype=np.float32),
        dimensions=np.array([DIMENSIONS]),
    )
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
