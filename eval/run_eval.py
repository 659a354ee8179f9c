"""`make eval`: score the extractor on NEREL dev and the FactRuEval devset; write report.md and report.json.

Usage: python -m eval.run_eval [--limit N] [--gold] [--relation-model] [--train-holdout] [--out DIR]
Only dev splits are read: test splits are held out and must stay unseen. `--train-holdout` scores NEREL
train's last tenth instead (the part the trainers hold out), for tuning without looking at dev.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eval import factrueval, fre_score, nerel, nerel_score, report
from eval.fre_score import FreScores
from eval.nerel_score import NerelScores, micro
from eval.paths import factrueval_dev_dir, nerel_dev_dir, shared_dir
from eval.predict import ExtractorPredictor, ExtractorUnavailable, GoldPredictor, Predictor


@dataclass(slots=True)
class Run:
    nerel: NerelScores = field(default_factory=NerelScores)
    fre: FreScores = field(default_factory=FreScores)
    nerel_documents: int = 0
    fre_documents: int = 0
    kb: float = 0.0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    occupation_outcomes: Counter[str] = field(default_factory=Counter)


def _one_core() -> None:
    """Speed is quoted per core: numpy's BLAS gets one thread (set before numpy is imported).

    The process is not pinned: on a shared machine a pinned process waits for its one busy core, while
    a single-threaded one uses one core at a time anyway (CPU seconds never exceed wall seconds).
    """
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")


def _timed(run: Run, text: str, call: Any) -> Any:
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        return call()
    finally:
        run.seconds += time.perf_counter() - wall
        run.cpu_seconds += time.process_time() - cpu
        run.kb += len(text.encode("utf-8")) / 1024


def train_holdout(limit: int | None) -> list[nerel.BratDocument]:
    """NEREL train's last tenth, the same cut `eval.train_relations` and `eval.learn_events` hold out."""
    paths = sorted((shared_dir() / "corpora" / "nerel" / "train").glob("*.txt"))
    held = paths[len(paths) * 9 // 10 :]
    return [nerel.read_document(path) for path in (held if limit is None else held[:limit])]


def evaluate(predictor: Predictor, limit: int | None, holdout: bool = False) -> Run:
    run = Run()
    documents = train_holdout(limit) if holdout else nerel.read_split(nerel_dev_dir(), limit)
    for brat_doc in documents:
        try:
            predicted = _timed(run, brat_doc.text, lambda d=brat_doc: predictor.nerel(d))
        except Exception as exc:  # one bad document must not lose the whole evaluation
            run.errors.append(f"nerel/{brat_doc.name}: {type(exc).__name__}: {exc}")
            predicted = nerel.BratAnnotations((), ())
        run.nerel.add(nerel_score.score_document(brat_doc.gold, predicted))
        run.nerel_documents += 1
    for fre_doc in [] if holdout else factrueval.read_split(factrueval_dev_dir(), limit):
        try:
            facts = _timed(run, fre_doc.text, lambda d=fre_doc: predictor.factrueval(d))
        except Exception as exc:
            run.errors.append(f"factrueval/{fre_doc.name}: {type(exc).__name__}: {exc}")
            facts = []
        run.fre.add(fre_score.score_document(fre_doc.facts, facts))
        run.occupation_outcomes.update(fre_score.occupation_outcomes(fre_doc.facts, facts))
        run.fre_documents += 1
    return run


def _commit() -> str:
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parents[1],
        )
    except OSError:
        return "unknown"
    return found.stdout.strip() or "unknown"


def _rate(amount: float, seconds: float) -> float:
    return round(amount / seconds, 2) if seconds else 0.0


def _meta(predictor: Predictor, run: Run, limit: int | None, warm_up: float) -> dict[str, Any]:
    documents = run.nerel_documents + run.fre_documents
    # ru_maxrss is in kilobytes on Linux.
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "predictor": predictor.name,
        "predictor_note": predictor.note,
        "commit": _commit(),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "limit": limit,
        "documents": {"nerel_dev": run.nerel_documents, "factrueval_devset": run.fre_documents},
        "speed": {
            "documents": documents,
            "kb": round(run.kb, 1),
            "seconds": round(run.seconds, 3),
            "cpu_seconds": round(run.cpu_seconds, 3),
            "documents_per_second": _rate(documents, run.seconds),
            "kb_per_second": _rate(run.kb, run.seconds),
            # Wall time on a shared machine includes waiting for the core; CPU time does not.
            "documents_per_cpu_second": _rate(documents, run.cpu_seconds),
            "kb_per_cpu_second": _rate(run.kb, run.cpu_seconds),
            "warm_up_seconds": round(warm_up, 3),
            "peak_rss_mb": round(peak_mb, 1),
        },
        "errors": run.errors,
        "occupation_outcomes": dict(run.occupation_outcomes.most_common()),
    }


def _summary(run: Run, meta: dict[str, Any]) -> str:
    def f1(value: float | None) -> str:
        return "—" if value is None else f"{value:.3f}"

    speed = meta["speed"]
    lines = [
        f"NEREL dev ({run.nerel_documents} docs): entity F1 exact {f1(micro(run.nerel.entities_exact).f1)}"
        f" / lenient {f1(micro(run.nerel.entities_lenient).f1)}; relation F1 exact"
        f" {f1(micro(run.nerel.relations_exact).f1)} / lenient {f1(micro(run.nerel.relations_lenient).f1)}",
        f"FactRuEval devset ({run.fre_documents} docs): "
        + ", ".join(
            f"{type_} F1 {f1(run.fre.strict[type_].f1)} strict / {f1(run.fre.soft[type_].f1)} soft"
            for type_ in fre_score.FACT_TYPES
        ),
        f"speed: {speed['documents_per_second']:.2f} docs/s, {speed['kb_per_second']:.1f} KB/s, "
        f"peak RSS {speed['peak_rss_mb']:.0f} MB; failed documents: {len(run.errors)}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.run_eval", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents of each corpus")
    parser.add_argument("--gold", action="store_true", help="score the gold annotations (harness check)")
    parser.add_argument(
        "--relation-model", action="store_true", help="add the trained relation classifier's NEREL relations"
    )
    parser.add_argument(
        "--train-holdout", action="store_true", help="score NEREL train's held-out tenth instead of dev"
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent, help="report folder")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    _one_core()
    try:
        predictor: Predictor = (
            GoldPredictor() if args.gold else ExtractorPredictor(relation_model=args.relation_model)
        )
    except ExtractorUnavailable as exc:
        print(f"eval: {exc} (python -m eval.run_eval --gold checks the harness alone)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    predictor.warm_up()
    warm_up = time.perf_counter() - started
    run = evaluate(predictor, args.limit, args.train_holdout)
    meta = _meta(predictor, run, args.limit, warm_up)
    data = report.as_json(run.nerel, run.fre, meta)
    markdown = report.as_markdown(run.nerel, run.fre, meta, fre_score.__doc__ or "")
    json_path, md_path = report.write(args.out, data, markdown)
    print(_summary(run, meta))
    print(f"wrote {md_path} and {json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
