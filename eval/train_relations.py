"""Train the relation classifier on NEREL train; write timeline/extract/relations_model.npz.

Usage: python -m eval.train_relations [--cache DIR] [--without-holdout]
Logistic regression (numpy only) over hashed features of mention pairs in one sentence. Each relation's
threshold is chosen on out-of-fold scores (5-fold cross-validation by document), then the model is trained
on all of train (`--without-holdout`: on its first nine tenths, so that `run_eval --train-holdout` stays
honest); dev is never used for training or tuning, so the dev score in eval/report.md stays honest.
"""

from __future__ import annotations

import argparse
import importlib
import pickle
import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt
from razdel import sentenize

from eval.nerel import BratAnnotations, BratDocument, parse_ann, read_split
from eval.paths import shared_dir
from eval.predict import ANCHOR_DATE
from eval.prf import spans_overlap
from timeline.extract.nlp import Sentence
from timeline.extract.relation_features import (
    CROSS,
    CROSS_RELATIONS,
    DIMENSIONS,
    RELATION_OF,
    THRESHOLD_KEYS,
    TYPE_OF,
    Mention,
    candidates,
    cross_candidates,
    cross_features,
    features,
    threshold_key,
)
from timeline.extract.relation_syntax import Parses
from timeline.extract.relations import MODEL_PATH
from timeline.extract.types import Document

RELATIONS = THRESHOLD_KEYS + sorted({CROSS + threshold_key(*types) for types in CROSS_RELATIONS})

Examples = tuple[list[list[int]], npt.NDArray[np.float32], list[str]]


def _gold_mentions(document: BratDocument) -> tuple[list[Mention], dict[str, list[int]]]:
    mentions: list[Mention] = []
    index: dict[tuple[str, int, int], int] = {}
    by_id: dict[str, list[int]] = {}
    for entity in document.gold.entities:
        kind = TYPE_OF.get(entity.type)
        if kind is None:
            continue
        key = (kind, entity.spans[0][0], entity.spans[-1][1])
        if key not in index:
            index[key] = len(mentions)
            mentions.append(Mention(*key))
        by_id[entity.id] = [index[key]]
    return mentions, by_id


def _predicted_mentions(
    document: BratDocument, predicted: BratAnnotations
) -> tuple[list[Mention], dict[str, list[int]]]:
    """The extractor's mentions; a gold entity stands for every same-typed mention overlapping it."""
    mentions = [
        Mention(kind, e.spans[0][0], e.spans[-1][1])
        for e in predicted.entities
        if (kind := TYPE_OF.get(e.type)) is not None
    ]
    by_id: dict[str, list[int]] = {}
    for entity in document.gold.entities:
        kind = TYPE_OF.get(entity.type)
        overlapping = [i for i, m in enumerate(mentions) if spans_overlap(entity.spans, ((m.start, m.end),))]
        # Relations are scored by spans alone: a facility the extractor calls an organisation ("в
        # Большом театре") still is where the event took place, so it must not be learnt as a negative.
        same_type = [i for i in overlapping if mentions[i].type == kind]
        by_id[entity.id] = same_type or overlapping
    return mentions, by_id


Parsed = dict[str, tuple[Sentence, ...]]


def examples(
    documents: list[BratDocument],
    predicted: dict[str, BratAnnotations] | None = None,
    parsed: Parsed | None = None,
) -> Examples:
    """Candidate pairs and their labels, over gold mentions or, when given, the extractor's mentions;
    `parsed`, the extractor's sentences of each document, adds the dependency features."""
    rows: list[list[int]] = []
    labels: list[float] = []
    kinds: list[str] = []
    for document in documents:
        if predicted is None:
            mentions, by_id = _gold_mentions(document)
        else:
            mentions, by_id = _predicted_mentions(document, predicted[document.name])
        gold = {
            (r.type, i, j)
            for r in document.gold.relations
            for i in by_id.get(r.arg1, [])
            for j in by_id.get(r.arg2, [])
        }
        parses = Parses(parsed[document.name]) if parsed is not None else None
        sentences = [(s.start, s.stop) for s in sentenize(document.text)]
        for sentence in sentences:
            for i, j, between, inside in candidates(sentence, mentions):
                kind = RELATION_OF[(mentions[i].type, mentions[j].type)]
                rows.append(features(document.text, mentions[i], mentions[j], between, inside, parses))
                labels.append(1.0 if (kind, i, j) in gold else 0.0)
                kinds.append(threshold_key(mentions[i].type, mentions[j].type))
        for i, j, apart, inside in cross_candidates(sentences, mentions):
            kind = RELATION_OF[(mentions[i].type, mentions[j].type)]
            rows.append(cross_features(document.text, mentions[i], mentions[j], apart, inside, parses))
            labels.append(1.0 if (kind, i, j) in gold else 0.0)
            kinds.append(CROSS + threshold_key(mentions[i].type, mentions[j].type))
    return rows, np.array(labels, dtype=np.float32), kinds


def _scores(weights: npt.NDArray[np.float32], rows: list[list[int]]) -> npt.NDArray[np.float32]:
    flat = np.fromiter((f for row in rows for f in row), dtype=np.int64)
    starts = np.cumsum([0] + [len(row) for row in rows[:-1]])
    logits = np.add.reduceat(weights[flat], starts)
    return (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)


def train(
    rows: list[list[int]],
    labels: npt.NDArray[np.float32],
    epochs: int = 3,
    seeds: int = 3,
    dimensions: int = 1 << 16,
    rate: float = 0.1,
    l2: float = 1e-4,
    positive_weight: float = 1.0,
) -> npt.NDArray[np.float32]:
    """Adagrad on the log loss with a little L2; minibatches are scattered with np.add.at. The weights
    are averaged over `seeds` shuffles, so the model (and a comparison of two feature sets) does not
    hang on one order of the examples. `positive_weight` scales the loss of related pairs."""
    total = np.zeros(dimensions, dtype=np.float32)
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        weights = np.zeros(dimensions, dtype=np.float32)
        squares = np.full(dimensions, 1e-6, dtype=np.float32)
        order = np.arange(len(rows))
        for _ in range(epochs):
            rng.shuffle(order)
            for begin in range(0, len(order), 256):
                batch = [rows[k] for k in order[begin : begin + 256]]
                truth = labels[order[begin : begin + 256]]
                error = (_scores(weights, batch) - truth) * np.where(truth > 0, positive_weight, 1.0)
                flat = np.fromiter((f for row in batch for f in row), dtype=np.int64)
                per_feature = np.repeat(error, [len(row) for row in batch])
                gradient = np.zeros(dimensions, dtype=np.float32)
                np.add.at(gradient, flat, per_feature)
                touched = np.unique(flat)
                gradient[touched] += l2 * weights[touched]
                squares[touched] += gradient[touched] ** 2
                weights[touched] -= rate * gradient[touched] / np.sqrt(squares[touched])
        total += weights
    return total / seeds


def train_relation_model(rows: list[list[int]], labels: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """The relation classifier's settings, chosen by 5-fold cross-validation inside train: a gentler
    rate and more L2 than the span models (three more epochs at the old rate overfit, the pair F1 fell),
    and a related pair counting twice (there are seven unrelated pairs to one related)."""
    return train(rows, labels, dimensions=DIMENSIONS, rate=0.05, l2=3e-3, positive_weight=2.0)


# A set of pairs raises micro-F1 only when its precision is above half of that F1: across sentences,
# where no pair-level F1 is high, a pair must be right at least this often to be worth adding.
MARGINAL_PRECISION = 0.25


def best_threshold(
    scores: npt.NDArray[np.float32], labels: npt.NDArray[np.float32], marginal: float | None = None
) -> tuple[float, float]:
    """The threshold with the best pair F1 or, given `marginal`, the most right pairs beyond `marginal`
    precision; and the pair F1 there."""
    # With `marginal`, no threshold gaining anything leaves the relation out (a threshold above 1).
    best = (0.5, -1e9, 0.0) if marginal is None else (1.01, 0.0, 0.0)
    positives = float(labels.sum())
    for threshold in np.arange(0.1, 0.91, 0.05):
        chosen = scores >= threshold
        tp = float(labels[chosen].sum())
        f1 = 2 * tp / (float(chosen.sum()) + positives) if chosen.any() or positives else 0.0
        gain = f1 if marginal is None else tp - marginal * float(chosen.sum())
        if gain > best[1]:
            best = (float(threshold), gain, f1)
    return best[0], best[2]


def _extractor_output(
    documents: list[BratDocument], cache: Path | None
) -> tuple[dict[str, BratAnnotations], Parsed]:
    """What the extractor finds in each document and its parses (run once; `cache` keeps them between
    runs, as `.ann` text and pickled sentences)."""
    pipeline = importlib.import_module("timeline.extract.pipeline")
    brat = importlib.import_module("timeline.extract.brat")
    found: dict[str, BratAnnotations] = {}
    parsed: Parsed = {}
    for document in documents:
        cached = cache / f"{document.name}.ann" if cache else None
        parses = cache / f"{document.name}.parses.pickle" if cache else None
        if cached is not None and parses is not None and cached.exists() and parses.exists():
            ann = cached.read_text(encoding="utf-8")
            parsed[document.name] = pickle.loads(parses.read_bytes())
        else:
            result = pipeline.extract(Document(document.text, ANCHOR_DATE, origin=str(document.path)))
            # Entities only: the relations of the model being trained must not feed back into it.
            ann = "\n".join(brat.build_annotations(result, model=False).lines())
            parsed[document.name] = result.sentences
            if cached is not None and parses is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(ann, encoding="utf-8")
                parses.write_bytes(pickle.dumps(result.sentences))
        found[document.name] = parse_ann(ann)
    return found, parsed


def _both(
    documents: list[BratDocument], predicted: dict[str, BratAnnotations] | None, parsed: Parsed | None
) -> Examples:
    rows, labels, kinds = examples(documents, None, parsed)
    if predicted is None:
        return rows, labels, kinds
    more_rows, more_labels, more_kinds = examples(documents, predicted, parsed)
    return rows + more_rows, np.concatenate([labels, more_labels]), kinds + more_kinds


FOLDS = 5


def _out_of_fold(
    documents: list[BratDocument], predicted: dict[str, BratAnnotations] | None, parsed: Parsed | None
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32], list[str]]:
    """Scores of the extractor's pairs in each fifth of `documents` by a model trained on the other
    four: thresholds chosen on all of them move less from run to run than on one tenth."""
    scores: list[npt.NDArray[np.float32]] = []
    labels: list[npt.NDArray[np.float32]] = []
    kinds: list[str] = []
    for fold in range(FOLDS):
        low, high = len(documents) * fold // FOLDS, len(documents) * (fold + 1) // FOLDS
        rows, fold_labels, _ = _both(documents[:low] + documents[high:], predicted, parsed)
        weights = train_relation_model(rows, fold_labels)
        held_rows, held_labels, held_kinds = examples(documents[low:high], predicted, parsed)
        scores.append(_scores(weights, held_rows))
        labels.append(held_labels)
        kinds += held_kinds
    return np.concatenate(scores), np.concatenate(labels), kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.train_relations", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--gold-only", action="store_true", help="train on gold mentions only (fast)")
    parser.add_argument("--cache", type=Path, default=None, help="folder keeping the extractor's train .ann")
    parser.add_argument(
        "--without-holdout",
        action="store_true",
        help="leave train's last tenth out (to score it honestly with run_eval --train-holdout)",
    )
    args = parser.parse_args(argv)
    documents = list(read_split(shared_dir() / "corpora" / "nerel" / "train"))
    if args.without_holdout:
        documents = documents[: len(documents) * 9 // 10]
    # Gold mentions teach what the words say; the extractor's own mentions teach how its spans fall
    # (an organisation beside its country rather than around it), which is what the model meets in use.
    predicted, parsed = (None, None) if args.gold_only else _extractor_output(documents, args.cache)
    held_scores, held_labels, held_kinds = _out_of_fold(documents, predicted, parsed)
    thresholds = []
    for relation in RELATIONS:
        mask = np.array([k == relation for k in held_kinds])
        marginal = MARGINAL_PRECISION if relation.startswith(CROSS) else None
        threshold, f1 = best_threshold(held_scores[mask], held_labels[mask], marginal)
        thresholds.append(threshold)
        print(f"{relation}: threshold {threshold:.2f}, out-of-fold pair F1 {f1:.3f}")
    # The thresholds chosen, the shipped weights learn from every document.
    rows, labels, _ = _both(documents, predicted, parsed)
    print(f"{len(rows)} training pairs ({int(labels.sum())} related)")
    weights = train_relation_model(rows, labels)
    np.savez_compressed(
        MODEL_PATH,
        weights=weights.astype(np.float16),
        relations=np.array(RELATIONS),
        thresholds=np.array(thresholds, dtype=np.float32),
        dimensions=np.array([DIMENSIONS]),
    )
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
