"""FactRuEval fact scoring: Occupation, Meeting, Deal and Ownership, strict and soft.

Matching rule, in the spirit of the FactRuEval-2016 scorer (dialent/task3):
- An entity argument (Who, Where, Participant, Owner, Property) matches when one of the predicted entity's
  mention spans overlaps a mention of the gold entity (or of any alternative the annotators allowed), or
  when the predicted canonical name, normalised, equals one of the gold entity's names: its normalised
  names, its mention texts, first/last/patronymic combinations, the fact's own alternatives, and for
  Occupation's Where the names of whatever isPartOf links it to.
- Position matches when a word of the predicted role, found inside the fact's quoted sentence, overlaps the
  gold Position span, or when the lemmas of one contain the lemmas of the other ("министр обороны" vs
  "министра").
- A predicted fact can pair with a gold fact of the same type only if some argument matches; for
  Occupation it must be Who. Each pair's quality is the weighted share of matched arguments,
  matched / (gold + predicted - matched), with Position weighted 0.5 as in the official scorer.
- Facts pair one-to-one, best quality first. Soft TP is the sum of pair qualities; strict TP counts the
  pairs whose every argument matches on both sides. Gold facts marked возможность/будущее/отрицание are
  kept (the official "easy" mode); isPartOf is not scored. Identical facts (same arguments, and the same
  modality/phase on gold or modality/valid time on predictions) count once on either side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from eval.factrueval import GoldArg, GoldFact
from eval.lemmas import contains, lemmas
from eval.prf import Counts, Spans, max_matching, spans_overlap, weighted_matching

FACT_TYPES = ("occupation", "meeting", "deal", "ownership")
_WEIGHTS = {"position": 0.5}
_ANCHOR = {"occupation": "who"}


@dataclass(frozen=True, slots=True)
class PredArg:
    role: str
    names: frozenset[str]
    spans: Spans
    text: str


@dataclass(frozen=True, slots=True)
class PredFact:
    """`qualifiers` tell apart facts with the same arguments (modality, phase, valid time), so a start and
    an end of the same post are two facts, while one fact restated in two sentences is one."""

    type: str
    args: tuple[PredArg, ...]
    qualifiers: tuple[str, ...] = ()

    def key(self) -> tuple[str, frozenset[tuple[str, str]], tuple[str, ...]]:
        return (self.type, frozenset((a.role, a.text) for a in self.args), self.qualifiers)


def _table() -> dict[str, Counts]:
    return {type_: Counts() for type_ in FACT_TYPES}


@dataclass(slots=True)
class FreScores:
    strict: dict[str, Counts] = field(default_factory=_table)
    soft: dict[str, Counts] = field(default_factory=_table)

    def tables(self) -> dict[str, dict[str, Counts]]:
        return {"facts_strict": self.strict, "facts_soft": self.soft}

    def add(self, other: FreScores) -> None:
        for type_ in FACT_TYPES:
            self.strict[type_].add(other.strict[type_])
            self.soft[type_].add(other.soft[type_])


def arg_matches(gold: GoldArg, pred: PredArg) -> bool:
    if gold.role != pred.role:
        return False
    if spans_overlap(gold.spans, pred.spans):
        return True
    if gold.role == "position":
        mine = lemmas(pred.text)
        return any(contains(mine, theirs) or contains(theirs, mine) for theirs in map(lemmas, gold.names))
    return bool(gold.names & pred.names)


def _matched_weights(gold: GoldFact, pred: PredFact) -> tuple[float, float, set[str]]:
    matched = total = 0.0
    roles_matched: set[str] = set()
    for role in {a.role for a in gold.args} | {a.role for a in pred.args}:
        gold_args = [a for a in gold.args if a.role == role]
        pred_args = [a for a in pred.args if a.role == role]
        pairs = len(max_matching(gold_args, pred_args, arg_matches))
        weight = _WEIGHTS.get(role, 1.0)
        matched += weight * pairs
        total += weight * (len(gold_args) + len(pred_args) - pairs)
        if pairs:
            roles_matched.add(role)
    return matched, total, roles_matched


def fact_quality(gold: GoldFact, pred: PredFact) -> float:
    if gold.type != pred.type:
        return 0.0
    matched, total, roles = _matched_weights(gold, pred)
    anchor = _ANCHOR.get(gold.type)
    if matched == 0.0 or (anchor is not None and anchor not in roles):
        return 0.0
    return matched / total


def unique(facts: Iterable[PredFact]) -> list[PredFact]:
    seen: dict[tuple[str, frozenset[tuple[str, str]], tuple[str, ...]], PredFact] = {}
    for fact in facts:
        seen.setdefault(fact.key(), fact)
    return list(seen.values())


def _unique_gold(gold: Iterable[GoldFact]) -> list[GoldFact]:
    # devset repeats a few blocks verbatim (book_259 has fact 259-9 twice).
    seen: dict[tuple[str, frozenset[tuple[str, str]], tuple[tuple[str, str], ...]], GoldFact] = {}
    for fact in gold:
        seen.setdefault((fact.type, frozenset((a.role, a.text) for a in fact.args), fact.attributes), fact)
    return list(seen.values())


def score_document(gold: Iterable[GoldFact], pred: Iterable[PredFact]) -> FreScores:
    scores = FreScores()
    gold_facts = _unique_gold(gold)
    pred_facts = unique(pred)
    for type_ in FACT_TYPES:
        gold_of = [f for f in gold_facts if f.type == type_]
        pred_of = [f for f in pred_facts if f.type == type_]
        pairs = weighted_matching(gold_of, pred_of, fact_quality)
        strict = sum(1 for _, _, q in pairs if q >= 1.0 - 1e-9)
        scores.strict[type_].add(Counts(float(strict), len(pred_of), len(gold_of)))
        scores.soft[type_].add(Counts(sum(q for _, _, q in pairs), len(pred_of), len(gold_of)))
    return scores


def gold_as_predictions(gold: Iterable[GoldFact]) -> list[PredFact]:
    """The gold facts in the predicted form: scoring them against themselves must give 1.0."""
    return [
        PredFact(
            f.type,
            tuple(PredArg(a.role, a.names, a.spans, a.text) for a in f.args),
            tuple(f"{key}={value}" for key, value in f.attributes),
        )
        for f in gold
        if f.type in FACT_TYPES
    ]


def occupation_outcomes(gold: Iterable[GoldFact], pred: Iterable[PredFact]) -> Counter[str]:
    """Why each gold Occupation was or was not found, judged against its best-matching prediction."""
    predicted = [f for f in unique(pred) if f.type == "occupation"]
    outcomes: Counter[str] = Counter()
    for fact in _unique_gold(gold):
        if fact.type != "occupation":
            continue
        best = max(predicted, key=lambda p: fact_quality(fact, p), default=None)
        if best is None or fact_quality(fact, best) == 0.0:
            outcomes["no predicted fact for this Who"] += 1
            continue
        if fact_quality(fact, best) >= 1.0 - 1e-9:
            outcomes["found, every argument right"] += 1
            continue
        for role in ("position", "where"):
            mine = [a for a in best.args if a.role == role]
            theirs = [a for a in fact.args if a.role == role]
            if theirs and not mine:
                outcomes[f"{role} not given"] += 1
            elif mine and not theirs:
                outcomes[f"{role} given, gold has none"] += 1
            elif mine and theirs and not arg_matches(theirs[0], mine[0]):
                outcomes[f"{role} wrong"] += 1
    return outcomes
