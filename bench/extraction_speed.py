"""`make bench`, extraction part: how many news articles one core reads per second, syntax included.

Runs `timeline.extract.pipeline.extract` (segmentation, morphology, syntax, NER, rules) over the documents
`make eval` reads (NEREL dev, FactRuEval devset) in one fresh process: once cold, as a new process meets
them (lemma caches empty), then once more warm. The target is quoted for 3 KB articles, so besides documents
per second it reports the rate in 3 KB-equivalents (KB per second / 3). CPU seconds are the process's own
(the machine is shared; wall seconds include waiting for a core). Results go to
bench/results/extraction-<time>.json and are printed.

Usage: python -m bench.extraction_speed [--limit N] [--passes N]
"""

from __future__ import annotations

import os

# One core, as the target is quoted: numpy's BLAS must not start threads (set before numpy loads).
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from bench.extraction_snapshot import corpus  # noqa: E402
from eval.predict import ANCHOR_DATE  # noqa: E402
from timeline.extract.pipeline import extract  # noqa: E402
from timeline.extract.types import Document  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_DOCS_3KB_PER_SECOND = 20.0
ARTICLE_KB = 3.0


def _rate(amount: float, seconds: float) -> float:
    return round(amount / seconds, 2) if seconds else 0.0


def one_pass(documents: list[Document]) -> dict[str, Any]:
    kb = sum(len(d.text.encode("utf-8")) for d in documents) / 1024
    wall, cpu = time.perf_counter(), time.process_time()
    for document in documents:
        extract(document)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "documents": len(documents),
        "kb": round(kb, 1),
        "cpu_seconds": round(cpu, 3),
        "wall_seconds": round(wall, 3),
        "documents_per_cpu_second": _rate(len(documents), cpu),
        "documents_per_second": _rate(len(documents), wall),
        "kb_per_cpu_second": _rate(kb, cpu),
        "articles_3kb_per_cpu_second": _rate(kb / ARTICLE_KB, cpu),
        "articles_3kb_per_second": _rate(kb / ARTICLE_KB, wall),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--passes", type=int, default=2, help="passes over the documents (first is cold)")
    parser.add_argument("--no-write", action="store_true", help="print only, write no results file")
    args = parser.parse_args(argv)
    documents = [Document(text=text, published_at=ANCHOR_DATE, origin=name) for name, text in corpus()][
        : args.limit
    ]
    started, started_cpu = time.perf_counter(), time.process_time()
    extract(
        Document(text="Президент России Владимир Путин встретился в Москве с министром.", published_at=None)
    )
    results: dict[str, Any] = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "corpus": "NEREL dev + FactRuEval devset (the documents `make eval` reads)",
        "model_loading_seconds": round(time.perf_counter() - started, 3),
        "model_loading_cpu_seconds": round(time.process_time() - started_cpu, 3),
        "passes": [one_pass(documents) for _ in range(args.passes)],
    }
    cold = results["passes"][0]
    results["target_articles_3kb_per_cpu_second"] = TARGET_DOCS_3KB_PER_SECOND
    results["target_met_cold"] = cold["articles_3kb_per_cpu_second"] >= TARGET_DOCS_3KB_PER_SECOND
    # ru_maxrss is in kilobytes on Linux.
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"extraction-{results['started_at'][:19].replace(':', '')}.json"
        out.write_text(text + "\n", encoding="utf-8")
        print(f"written to {out}")
    return results


if __name__ == "__main__":
    main()
