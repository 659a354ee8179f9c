"""Train the EVENT/PROFESSION span classifier on NEREL train; write timeline/extract/span_model.npz.

Usage: python -m eval.train_spans [--keep-centres]
First fits the word classes' centres (`eval.word_centres`: unsupervised, on train's text).
Candidates are the sequences the lexicon knows. Each of train's first nine tenths is scored with a lexicon
counted on the other folds (five folds), so the lexicon's shares are never its own. Each kind's threshold
is the one that gives the best span F1 over those nine tenths, each fold scored by a model trained on the
other four: the last tenth alone is too few documents to set it (its documents mark a quarter fewer events
per page than the rest of train). The last tenth, with a lexicon counted on the first nine, is held out
and its span F1 reported. Dev is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from eval import word_centres
from eval.learn_lexicon import _count
from eval.nerel import BratDocument, read_split
from eval.paths import shared_dir
from eval.train_relations import train
from timeline.extract.span_tagger import (
    DIMENSIONS,
    KINDS,
    LEXICON_KINDS,
    MODEL_PATH,
    Candidate,
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


@dataclass(frozen=True, slots=True)
class Prepared:
    """One document's candidates, their feature rows and its gold spans: computed once, scored often."""

    found: list[Candidate]
    rows: Rows
    gold: set[tuple[str, int, int]]

    @property
    def labels(self) -> list[float]:
        """1 for each candidate NEREL marked as it stands, 0 for the others."""
        return [1.0 if (c.type, c.start, c.end) in self.gold else 0.0 for c in self.found]


def prepare(documents: Sequence[BratDocument], known: dict[str, Counts]) -> list[Prepared]:
    out = []
    for document in documents:
        sequence = words(document.text)
        found = candidates(sequence, known)
        rows = [features(sequence, c, r) for c, r in zip(found, overlapping(found), strict=True)]
        out.append(Prepared(found, rows, _gold(document)))
    return out


def span_f1(
    prepared: Sequence[tuple[Prepared, list[float]]], thresholds: dict[str, float]
) -> dict[str, float]:
    """Each kind's span F1 over documents whose candidates are already scored."""
    tp = dict.fromkeys(KINDS, 0)
    predicted = dict.fromkeys(KINDS, 0)
    gold_n = dict.fromkeys(KINDS, 0)
    for document, scores in prepared:
        spans = pick(document.found, scores, thresholds) if document.found else []
        for kind in KINDS:
            mine = {(s.type, s.start, s.end) for s in spans if s.type == kind}
            truth = {g for g in document.gold if g[0] == kind}
            tp[kind] += len(mine & truth)
            predicted[kind] += len(mine)
            gold_n[kind] += len(truth)
    return {k: 2 * tp[k] / (predicted[k] + gold_n[k]) if predicted[k] + gold_n[k] else 0.0 for k in KINDS}


def scored(
    prepared: Sequence[Prepared], weights: npt.NDArray[np.float32]
) -> list[tuple[Prepared, list[float]]]:
    return [(d, score(weights, d.rows).tolist() if d.rows else []) for d in prepared]


def best_thresholds(prepared: Sequence[tuple[Prepared, list[float]]]) -> dict[str, float]:
    thresholds = dict.fromkeys(KINDS, 0.5)
    for kind in KINDS:
        tried = {}
        for threshold in np.arange(0.15, 0.86, 0.05):
            tried[float(threshold)] = span_f1(prepared, {**thresholds, kind: float(threshold)})[kind]
        thresholds[kind] = max(tried, key=lambda t: tried[t])
        print(f"{kind}: threshold {thresholds[kind]:.2f}, out-of-fold span F1 {tried[thresholds[kind]]:.3f}")
    return thresholds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--keep-centres",
        action="store_true",
        help="reuse word_centres.npz instead of refitting it (same data)",
    )
    args = parser.parse_args(argv)
    documents = list(read_split(shared_dir() / "corpora" / "nerel" / "train"))
    cut = len(documents) * 9 // 10
    if not args.keep_centres:
        word_centres.fit(d.text for d in documents)
    folds: list[list[Prepared]] = []
    for fold in range(FOLDS):
        inside = [d for n, d in enumerate(documents[:cut]) if n % FOLDS == fold]
        others = [d for n, d in enumerate(documents[:cut]) if n % FOLDS != fold]
        folds.append(prepare(inside, lexicons(others)))
    rows = [r for fold in folds for d in fold for r in d.rows]
    labels = [y for fold in folds for d in fold for y in d.labels]
    print(f"{len(rows)} candidates ({int(sum(labels))} right)", flush=True)
    out_of_fold = []
    for held_fold, prepared in enumerate(folds):
        rest = [d for n, fold in enumerate(folds) if n != held_fold for d in fold]
        fold_weights = train(
            [r for d in rest for r in d.rows], np.array([y for d in rest for y in d.labels], dtype=np.float32)
        )
        out_of_fold += scored(prepared, fold_weights)
    thresholds = best_thresholds(out_of_fold)
    weights = train(rows, np.array(labels, dtype=np.float32), epochs=3)
    assert len(weights) == DIMENSIONS
    held = scored(prepare(documents[cut:], lexicons(documents[:cut])), weights)
    for kind, f1 in span_f1(held, thresholds).items():
        print(f"{kind}: held-out span F1 {f1:.3f}")
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
