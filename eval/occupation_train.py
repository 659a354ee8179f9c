"""Occupations on NEREL train: FactRuEval-style Who/Position/Where facts built from NEREL's WORKS_AS and
WORKPLACE relations, scored like FactRuEval's Occupation, so the holding rules are tuned without the
FactRuEval devset (which stays for the report).

Usage: python -m eval.occupation_train [--part analysis|holdout] [--limit N] [--show OUTCOME] [--misses N]
`analysis` is train's first nine tenths, `holdout` its last tenth (the cut the other trainers hold out).
`--show "no predicted fact for this Who"` prints such gold facts with their sentence and the predictions
for the same sentence; `--show spurious` prints predictions that paired with no gold fact.

A person's WORKS_AS title gives Who and Position; Where is any WORKPLACE target of the title, or else of
the person inside the same sentence; a person's WORKPLACE left over is a fact without a Position. The
NEREL conventions are not FactRuEval's (NEREL marks callings like "политолог", FactRuEval mostly
offices), so the numbers are a proxy: they show which constructions the rules miss.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from eval import fre_predict, fre_score, nerel
from eval.factrueval import GoldArg, GoldFact
from eval.fre_score import FreScores, PredFact, arg_matches, fact_quality, unique
from eval.lemmas import lemmas
from eval.names import plain_name
from eval.paths import shared_dir
from eval.predict import ANCHOR_DATE
from timeline.extract.brat import BratEntity
from timeline.extract.pipeline import extract
from timeline.extract.title_words import CALLINGS, HEADS
from timeline.extract.types import Document

_WHERE_TYPES = frozenset({"ORGANIZATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION"})
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"A-ZА-ЯЁ0-9])|\n+")


def _paths(part: str) -> list[Path]:
    paths = sorted((shared_dir() / "corpora" / "nerel" / "train").glob("*.txt"))
    cut = len(paths) * 9 // 10
    return paths[:cut] if part == "analysis" else paths[cut:]


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for found in _SENTENCE_END.finditer(text):
        bounds.append((start, found.start()))
        start = found.end()
    bounds.append((start, len(text)))
    return bounds


def _sentence_of(bounds: list[tuple[int, int]], at: int) -> tuple[int, int]:
    return next(((s, e) for s, e in bounds if s <= at < e), (at, at))


def _arg(role: str, entities: list[BratEntity]) -> GoldArg:
    names = frozenset(plain_name(e.text) for e in entities)
    spans = tuple(sorted({(e.start, e.end) for e in entities}))
    return GoldArg(role, names, spans, " | ".join(e.text for e in entities))


def gold_occupations(document: nerel.BratDocument) -> list[GoldFact]:
    by_id = document.gold.by_id()
    bounds = _sentences(document.text)
    works_as = [(r.arg1, r.arg2) for r in document.gold.relations if r.type == "WORKS_AS"]
    workplace: dict[str, list[BratEntity]] = {}
    for r in document.gold.relations:
        if r.type == "WORKPLACE" and by_id[r.arg2].type in _WHERE_TYPES:
            workplace.setdefault(r.arg1, []).append(by_id[r.arg2])
    facts: list[GoldFact] = []
    used: set[tuple[str, str]] = set()
    for number, (person_id, title_id) in enumerate(works_as):
        person, title = by_id[person_id], by_id[title_id]
        if person.type != "PERSON":
            continue
        where = workplace.get(title_id, [])
        if not where:
            sentence = _sentence_of(bounds, title.start)
            where = [w for w in workplace.get(person_id, []) if sentence[0] <= w.start < sentence[1]]
        used.update((person_id, w.id) for w in where)
        if not where and _calling(title.text):
            continue  # FactRuEval gives a calling ("актриса", "политолог") no Occupation without a workplace
        args = [_arg("who", [person]), _arg("position", [title])]
        if where:
            args.append(_arg("where", where))
        facts.append(GoldFact(f"{document.name}-{number}", "occupation", tuple(args), ()))
    for person_id, places in workplace.items():
        person = by_id[person_id]
        if person.type != "PERSON":
            continue
        for number, place in enumerate(places):
            if (person_id, place.id) not in used:
                args = (_arg("who", [person]), _arg("where", [place]))
                facts.append(GoldFact(f"{document.name}-w{number}", "occupation", args, ()))
    return facts


def _calling(title: str) -> bool:
    words = [w for w in lemmas(title) if w in HEADS or w in CALLINGS]
    return not words or words[0] in CALLINGS


def _predict(document: nerel.BratDocument) -> list[PredFact]:
    result = extract(Document(text=document.text, published_at=ANCHOR_DATE, origin=str(document.path)))
    return [p for p in fre_predict.predictions(result) if p.type == "occupation"]


def _describe(fact: GoldFact | PredFact) -> str:
    return "; ".join(f"{a.role}={a.text}" for a in fact.args)


def _first_span(fact: GoldFact | PredFact) -> int:
    return min((s for a in fact.args for s, _ in a.spans), default=0)


def _show(
    text: str, gold: list[GoldFact], pred: list[PredFact], outcome: str, bounds: list[tuple[int, int]]
) -> Iterator[str]:
    predicted = unique(pred)
    if outcome == "spurious":
        for p in predicted:
            if not any(fact_quality(g, p) > 0 for g in gold):
                start, end = _sentence_of(bounds, _first_span(p))
                yield f"  PRED {_describe(p)}\n    | {text[start:end].strip()}"
        return
    for fact in gold:
        best = max(predicted, key=lambda p: fact_quality(fact, p), default=None)
        quality = fact_quality(fact, best) if best is not None else 0.0
        if _outcome(fact, best, quality) != outcome:
            continue
        start, end = _sentence_of(bounds, _first_span(fact))
        near = [p for p in predicted if any(start <= s < end for a in p.args for s, _ in a.spans)]
        yield f"  GOLD {_describe(fact)}\n    | {text[start:end].strip()}"
        for p in near:
            yield f"    pred {_describe(p)}"


def _outcome(fact: GoldFact, best: PredFact | None, quality: float) -> str:
    if best is None or quality == 0.0:
        return "no predicted fact for this Who"
    if quality >= 1.0 - 1e-9:
        return "found"
    for role in ("where", "position"):
        mine = [a for a in best.args if a.role == role]
        theirs = [a for a in fact.args if a.role == role]
        if theirs and not mine:
            return f"{role} not given"
        if mine and not theirs:
            return f"{role} given, gold has none"
        if mine and theirs and not arg_matches(theirs[0], mine[0]):
            return f"{role} wrong"
    return "other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.occupation_train", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--part", choices=("analysis", "holdout"), default="analysis")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", default=None, help="an outcome to print examples of, or 'spurious'")
    parser.add_argument("--misses", type=int, default=40, help="how many examples to print")
    args = parser.parse_args(argv)
    paths = _paths(args.part)
    scores, outcomes, shown = FreScores(), Counter[str](), 0
    for path in paths if args.limit is None else paths[: args.limit]:
        document = nerel.read_document(path)
        gold, pred = gold_occupations(document), _predict(document)
        scores.add(fre_score.score_document(gold, pred))
        for fact in gold:
            best = max(unique(pred), key=lambda p: fact_quality(fact, p), default=None)
            outcomes[_outcome(fact, best, fact_quality(fact, best) if best else 0.0)] += 1
        if args.show is not None and shown < args.misses:
            lines = list(_show(document.text, gold, pred, args.show, _sentences(document.text)))
            if lines:
                print(f"== {document.name}")
                print("\n".join(lines))
                shown += sum(1 for line in lines if line.startswith(("  GOLD", "  PRED")))
    strict, soft = scores.strict["occupation"], scores.soft["occupation"]
    print(
        f"occupation ({args.part}, {len(paths) if args.limit is None else args.limit} docs): "
        f"strict P {strict.precision or 0:.3f} R {strict.recall or 0:.3f} F1 {strict.f1 or 0:.3f}; "
        f"soft F1 {soft.f1 or 0:.3f}; pred {strict.n_pred}, gold {strict.n_gold}"
    )
    print(dict(outcomes.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
