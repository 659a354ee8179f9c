"""Train the choice among a title's readings on NEREL train; write timeline/extract/title_model.npz.

Usage: python -m eval.train_title_forms [--cache DIR]
Examples are the extractor's titles (brat output without relations) that overlap a title of a NEREL
WORKS_AS or WORKPLACE relation and have a reading (`title_forms.readings`) spanning it exactly; that reading
is right, the others wrong. Trained on train's first nine tenths; the last tenth reports how often the chosen
reading is NEREL's against how often the title's first span is. Dev is never read. `--cache` is the folder
`eval.train_relations --cache` keeps the extractor's output in (the same files serve both).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from eval.nerel import BratAnnotations, BratDocument, read_split
from eval.paths import shared_dir
from eval.train_relations import Parsed, _extractor_output, train
from timeline.extract.nerel_spans import Span
from timeline.extract.title_forms import DIMENSIONS, MODEL_PATH, Reading, features, likeliest, readings

Group = tuple[list[list[int]], list[float]]


def _gold_titles(document: BratDocument) -> set[tuple[int, int]]:
    by_id = document.gold.by_id()
    out = set()
    for r in document.gold.relations:
        title = by_id.get(r.arg2 if r.type == "WORKS_AS" else r.arg1)
        if r.type in ("WORKS_AS", "WORKPLACE") and title is not None and title.type == "PROFESSION":
            if len(title.spans) == 1:
                out.add(title.spans[0])
    return out


def groups(
    documents: list[BratDocument], predicted: dict[str, BratAnnotations], parsed: Parsed
) -> list[tuple[Group, list[Reading], Span]]:
    out = []
    for document in documents:
        gold = _gold_titles(document)
        spans = [Span(e.id, e.type, e.start, e.end) for e in predicted[document.name].entities]
        people = [s for s in spans if s.type == "PERSON"]
        for span in spans:
            if span.type != "PROFESSION":
                continue
            options = readings(document.text, span, parsed[document.name], people)
            labels = [1.0 if (r.start, r.end) in gold else 0.0 for r in options]
            if sum(labels) == 0:
                continue
            rows = [features(document.text, span, r, spans) for r in options]
            out.append(((rows, labels), options, span))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.train_title_forms", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--cache", type=Path, default=None, help="folder keeping the extractor's train .ann")
    args = parser.parse_args(argv)
    documents = list(read_split(shared_dir() / "corpora" / "nerel" / "train"))
    cut = len(documents) * 9 // 10
    predicted, parsed = _extractor_output(documents, args.cache)
    learn = groups(documents[:cut], predicted, parsed)
    rows = [row for (group_rows, _), _, _ in learn for row in group_rows]
    labels = np.array(
        [label for (_, group_labels), _, _ in learn for label in group_labels], dtype=np.float32
    )
    print(f"{len(learn)} titles, {len(rows)} readings")
    weights = train(rows, labels, epochs=5)
    held = groups(documents[cut:], predicted, parsed)
    chosen = own = 0
    for (group_rows, group_labels), options, span in held:
        scores = [float(weights[row].sum()) for row in group_rows]
        best = likeliest(options, scores)
        chosen += int(group_labels[best])
        own += int(
            any(
                label and (r.start, r.end) == (span.start, span.end)
                for r, label in zip(options, group_labels, strict=True)
            )
        )
    print(f"held out: {len(held)} titles, chosen reading right {chosen}, first span right {own}")
    np.savez_compressed(
        MODEL_PATH,
        weights=weights.astype(np.float16),
        labels=np.array(["reading"]),
        thresholds=np.array([0.0], dtype=np.float32),
        dimensions=np.array([DIMENSIONS]),
    )
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
