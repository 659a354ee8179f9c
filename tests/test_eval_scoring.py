"""The evaluation harness: P/R/F1 arithmetic, brat parsing, NEREL and FactRuEval matching on real dev data."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from eval import fre_predict, nerel_score, run_eval
from eval.factrueval import FreDocument, GoldArg
from eval.factrueval import read_document as read_fre
from eval.fre_score import (
    PredArg,
    PredFact,
    arg_matches,
    fact_quality,
    gold_as_predictions,
    occupation_outcomes,
)
from eval.fre_score import score_document as score_facts
from eval.nerel import BratAnnotations, BratEntity, parse_ann
from eval.nerel import read_document as read_nerel
from eval.nerel_score import ENTITY_TYPES, RELATION_TYPES, micro
from eval.paths import factrueval_dev_dir, nerel_dev_dir
from eval.prf import Counts, max_matching, spans_overlap
from timeline.domain.facts import EntityRef, EntityType, Fact, Source
from timeline.domain.time import Precision, ValidTime
from timeline.extract.types import Document, EntityMention, ExtractionResult

NEREL_DOC = nerel_dev_dir() / "119336_text.txt"
FRE_DOC = factrueval_dev_dir() / "book_117.txt"


# --- arithmetic -------------------------------------------------------------------------------------------


def test_precision_recall_f1_from_counts() -> None:
    counts = Counts(tp=2, n_pred=4, n_gold=5)
    assert counts.precision == pytest.approx(0.5)
    assert counts.recall == pytest.approx(0.4)
    assert counts.f1 == pytest.approx(2 * 0.5 * 0.4 / 0.9)


def test_nothing_predicted_has_no_precision_and_zero_f1() -> None:
    assert Counts(0, 0, 3).precision is None
    assert Counts(0, 0, 3).recall == 0.0
    assert Counts(0, 0, 3).f1 == 0.0
    assert Counts().f1 is None


def test_counts_add_up_to_micro() -> None:
    table = {"A": Counts(1, 2, 2), "B": Counts(3, 3, 6)}
    total = micro(table)
    assert (total.tp, total.n_pred, total.n_gold) == (4, 5, 8)
    assert total.f1 == pytest.approx(8 / 13)


def test_matching_is_one_to_one_and_maximal() -> None:
    # Greedy would give gold 0 the first prediction and leave gold 1 unmatched.
    compatible = {(0, 0), (0, 1), (1, 0)}
    pairs = max_matching([0, 1], [0, 1], lambda g, p: (g, p) in compatible)
    assert sorted(pairs) == [(0, 1), (1, 0)]
    # One wide prediction overlapping two golds earns only one of them.
    assert len(max_matching([((0, 5),), ((6, 9),)], [((0, 9),)], spans_overlap)) == 1


def test_split_spans_overlap_on_any_fragment() -> None:
    assert spans_overlap(((0, 5), (10, 12)), ((11, 20),))
    assert not spans_overlap(((0, 5), (10, 12)), ((5, 10),))


# --- brat ---------------------------------------------------------------------------------------------


def test_parse_ann_reads_split_spans_and_skips_other_lines() -> None:
    ann = (
        "T1\tPERSON 0 5;7 9\tИван Пет\n"
        "T2\tPROFESSION 10 20\tминистр\n"
        "R1\tWORKS_AS Arg1:T1 Arg2:T2\t\n"
        "R2\tWORKS_AS Arg1:T1 Arg2:T9\t\n"
        "N1\tReference T1 Wikidata:Q1\tИван\n"
        "A1\tNegation T2\n"
        "#1\tAnnotatorNotes T1\tnote\n"
        "stray text fragment\n"
    )
    parsed = parse_ann(ann)
    assert [(e.id, e.type, e.spans) for e in parsed.entities] == [
        ("T1", "PERSON", ((0, 5), (7, 9))),
        ("T2", "PROFESSION", ((10, 20),)),
    ]
    assert [(r.id, r.type, r.arg1, r.arg2) for r in parsed.relations] == [("R1", "WORKS_AS", "T1", "T2")]


# --- NEREL on hand-made cases -------------------------------------------------------------------------


def _annotations(*entities: tuple[str, str, int, int], relations: str = "") -> BratAnnotations:
    lines = [f"{tid}\t{type_} {start} {end}\tx" for tid, type_, start, end in entities]
    return parse_ann("\n".join(lines) + "\n" + relations)


def test_entity_exact_needs_span_and_type_lenient_needs_overlap() -> None:
    gold = _annotations(("T1", "PERSON", 0, 10), ("T2", "CITY", 20, 26), ("T3", "DATE", 30, 40))
    pred = _annotations(("T1", "PERSON", 0, 10), ("T2", "CITY", 20, 24), ("T3", "COUNTRY", 30, 40))
    scores = nerel_score.score_document(gold, pred)
    assert micro(scores.entities_exact).tp == 1
    assert micro(scores.entities_lenient).tp == 2
    assert scores.entities_exact["DATE"].recall == 0.0
    # COUNTRY predicted where gold has DATE: a false positive, not a match.
    assert scores.entities_lenient["COUNTRY"].precision == 0.0


def test_relation_needs_type_and_both_argument_spans() -> None:
    gold = _annotations(
        ("T1", "PERSON", 0, 10),
        ("T2", "PROFESSION", 11, 20),
        ("T3", "ORGANIZATION", 21, 30),
        relations=(
            "R1\tWORKS_AS Arg1:T1 Arg2:T2\nR2\tWORKPLACE Arg1:T1 Arg2:T3\nR3\tWORKPLACE Arg1:T1 Arg2:T3\n"
        ),
    )
    pred = _annotations(
        ("T1", "PERSON", 0, 10),
        ("T2", "PROFESSION", 11, 18),
        ("T3", "ORGANIZATION", 21, 30),
        relations="R1\tWORKS_AS Arg1:T1 Arg2:T2\nR2\tWORKS_AS Arg1:T1 Arg2:T3\n",
    )
    scores = nerel_score.score_document(gold, pred)
    # R2/R3 repeat one relation: it counts once.
    assert scores.relations_exact["WORKPLACE"].n_gold == 1
    assert scores.relations_exact["WORKS_AS"].tp == 0  # Arg2 span differs
    assert scores.relations_lenient["WORKS_AS"].tp == 1  # ... but overlaps
    assert scores.relations_lenient["WORKPLACE"].recall == 0.0  # wrong type predicted


# --- NEREL on a real dev document ---------------------------------------------------------------------


def _distinct_scored_entities(ann_path: Path) -> dict[str, set[str]]:
    """Counted straight from the .ann lines, independently of the reader under test."""
    found: dict[str, set[str]] = {type_: set() for type_ in ENTITY_TYPES}
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            type_, _, locations = line.split("\t")[1].partition(" ")
            if type_ in found:
                found[type_].add(locations)
    return found


def test_real_document_scored_against_itself_is_perfect() -> None:
    document = read_nerel(NEREL_DOC)
    scores = nerel_score.score_document(document.gold, document.gold)
    for table in scores.tables().values():
        total = micro(table)
        assert total.n_gold > 0
        assert (total.precision, total.recall, total.f1) == (1.0, 1.0, 1.0)


def test_real_document_minus_one_person_loses_exactly_that_recall() -> None:
    document = read_nerel(NEREL_DOC)
    expected = _distinct_scored_entities(NEREL_DOC.with_suffix(".ann"))
    n_total = sum(len(spans) for spans in expected.values())
    n_person = len(expected["PERSON"])
    scored = [r for r in document.gold.relations if r.type in RELATION_TYPES]
    in_relations = {r.arg1 for r in scored} | {r.arg2 for r in scored}
    victim = next(e for e in document.gold.entities if e.type == "PERSON" and e.id not in in_relations)
    assert sum(1 for e in document.gold.entities if (e.type, e.spans) == (victim.type, victim.spans)) == 1
    pred = BratAnnotations(
        tuple(e for e in document.gold.entities if e is not victim), document.gold.relations
    )
    scores = nerel_score.score_document(document.gold, pred)
    assert micro(scores.entities_exact).recall == pytest.approx((n_total - 1) / n_total)
    assert scores.entities_exact["PERSON"].recall == pytest.approx((n_person - 1) / n_person)
    assert micro(scores.entities_exact).precision == 1.0
    assert micro(scores.relations_exact).f1 == 1.0


def test_real_document_shifted_entity_fails_exact_but_passes_lenient() -> None:
    document = read_nerel(NEREL_DOC)
    target = next(e for e in document.gold.entities if e.type == "CITY")
    start, end = target.spans[0]
    moved = BratEntity(target.id, target.type, ((start, end - 1),), target.text)
    pred = BratAnnotations(
        tuple(moved if e is target else e for e in document.gold.entities), document.gold.relations
    )
    scores = nerel_score.score_document(document.gold, pred)
    n_city = scores.entities_exact["CITY"].n_gold
    assert scores.entities_exact["CITY"].tp == n_city - 1
    assert scores.entities_lenient["CITY"].tp == n_city
    for type_ in RELATION_TYPES:
        assert scores.relations_lenient[type_].tp == scores.relations_lenient[type_].n_gold


# --- FactRuEval ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def book_117() -> FreDocument:
    return read_fre(FRE_DOC)


def test_factrueval_gold_scored_against_itself_is_perfect(book_117: FreDocument) -> None:
    scores = score_facts(book_117.facts, gold_as_predictions(book_117.facts))
    assert scores.strict["occupation"].n_gold == 3
    assert scores.strict["meeting"].n_gold == 1
    for table in scores.tables().values():
        assert micro(table).f1 == 1.0


def _entity(role: str, name: str, *spans: tuple[int, int]) -> PredArg:
    return PredArg(role, frozenset({name.lower()}), tuple(spans), name)


def test_occupation_matches_on_names_and_partial_credit_is_weighted(book_117: FreDocument) -> None:
    sarkozy = next(f for f in book_117.facts if f.id == "117-1")
    right = PredFact(
        "occupation",
        (_entity("who", "Николя Саркози"), _entity("position", "президент"), _entity("where", "Франция")),
    )
    assert fact_quality(sarkozy, right) == 1.0
    wrong_where = PredFact("occupation", (*right.args[:2], _entity("where", "Нигер")))
    # who (1) + position (0.5) matched; gold where (1) and predicted where (1) unmatched.
    assert fact_quality(sarkozy, wrong_where) == pytest.approx(1.5 / 3.5)
    no_who = PredFact("occupation", (_entity("who", "Барак Обама"), *right.args[1:]))
    assert fact_quality(sarkozy, no_who) == 0.0


def test_occupation_outcomes_say_why_gold_facts_were_missed(book_117: FreDocument) -> None:
    predicted = [
        PredFact(
            "occupation",
            (_entity("who", "Николя Саркози"), _entity("position", "президент"), _entity("where", "Франция")),
        ),
        PredFact("occupation", (_entity("who", "Барак Обама"), _entity("position", "президент"))),
    ]
    outcomes = occupation_outcomes(book_117.facts, predicted)
    # 117-1 is Саркози's; both of Обама's facts meet the same where-less prediction, and 117-3's
    # Position is "главой", not "президент".
    assert outcomes == {"found, every argument right": 1, "where not given": 2, "position wrong": 1}


def test_position_matches_inflected_or_longer_titles() -> None:
    gold = GoldArg("position", frozenset({"министра"}), ((100, 108),), "span1 министра")
    assert arg_matches(gold, _entity("position", "министр обороны"))
    assert arg_matches(gold, _entity("position", "глава", (104, 110)))
    assert not arg_matches(gold, _entity("position", "посол"))


def test_extractor_facts_convert_to_factrueval_and_score(book_117: FreDocument) -> None:
    text = book_117.text
    sarkozy = EntityRef("person:nikolya-sarkozi", "Николя Саркози", EntityType.PERSON)
    obama = EntityRef("person:barak-obama", "Барак Обама", EntityType.PERSON)
    france = EntityRef("country:fr", "Франция", EntityType.COUNTRY)
    treaty = EntityRef("other:treaty", "договор", EntityType.OTHER)
    mentions = (
        EntityMention(63, 77, text[63:77], sarkozy),
        EntityMention(0, 11, text[0:11], obama),
        EntityMention(109, 116, text[109:116], france),
    )
    valid = ValidTime(None, None, Precision.DAY, known_by=date(2010, 1, 1))
    sentence = Source(None, None, (), text[79:200], (79, 200))
    position = Fact("f1", "holds_position", sarkozy, valid, sentence, object=france, role="президент")
    meeting = Fact("f2", "meeting", obama, valid, sentence, object=sarkozy, participants=(treaty,))
    result = ExtractionResult(
        Document(text, None), "hash", (sarkozy, obama, france), mentions, (position, meeting, position)
    )
    predicted = fre_predict.predictions(result)
    assert [p.type for p in predicted] == ["occupation", "meeting", "occupation"]
    assert {a.text for a in predicted[1].args} == {"Барак Обама", "Николя Саркози"}  # the treaty is no party
    scores = score_facts(book_117.facts, predicted)
    assert scores.strict["occupation"].tp == 1  # the repeated fact counts once ...
    assert scores.strict["occupation"].n_pred == 1
    assert scores.strict["occupation"].recall == pytest.approx(1 / 3)
    assert scores.strict["meeting"].f1 == 1.0
    later = replace(position, fact_id="f3", valid=ValidTime(date(2012, 5, 15), None, Precision.DAY))
    again = ExtractionResult(result.document, "hash", result.entities, mentions, (position, later))
    # ... but the same post with another start is another fact.
    assert len({p.key() for p in fre_predict.predictions(again)}) == 2


def test_a_persons_membership_is_a_factrueval_occupation_with_position_member() -> None:
    text = "Иван Петров, член Общественной палаты, выступил."
    petrov = EntityRef("person:ivan-petrov", "Иван Петров", EntityType.PERSON)
    chamber = EntityRef("org:op", "Общественная палата", EntityType.ORGANIZATION)
    valid = ValidTime(None, None, Precision.DAY, known_by=date(2010, 1, 1))
    sentence = Source(None, None, (), text, (0, len(text)))
    member = Fact("f1", "member_of", petrov, valid, sentence, object=chamber)
    party = Fact("f2", "member_of", chamber, valid, sentence, object=petrov)  # not a person: no Occupation
    result = ExtractionResult(Document(text, None), "hash", (petrov, chamber), (), (member, party))
    [predicted] = fre_predict.predictions(result)
    assert predicted.type == "occupation"
    assert {(a.role, a.text) for a in predicted.args} == {
        ("who", "Иван Петров"),
        ("position", "член"),
        ("where", "Общественная палата"),
    }
    assert [span for a in predicted.args if a.role == "position" for span in a.spans] == [(13, 17)]


def test_a_former_holders_position_is_found_where_the_text_writes_it_with_the_prefix() -> None:
    text = "Экс-премьера Пакистана Беназир Бхутто взяли под арест."
    bhutto = EntityRef("person:benazir-bhutto", "Беназир Бхутто", EntityType.PERSON)
    valid = ValidTime(None, date(2007, 11, 1), Precision.DAY, known_by=date(2010, 1, 1))
    sentence = Source(None, None, (), text, (0, len(text)))
    former = Fact("f1", "holds_position", bhutto, valid, sentence, role="премьер")
    result = ExtractionResult(Document(text, None), "hash", (bhutto,), (), (former,))
    [predicted] = fre_predict.predictions(result)
    assert [a.spans for a in predicted.args if a.role == "position"] == [((0, 12),)]


# --- the command ---------------------------------------------------------------------------------------


def test_run_eval_gold_self_check_writes_perfect_reports(tmp_path: Path) -> None:
    assert run_eval.main(["--gold", "--limit", "3", "--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["documents"] == {"nerel_dev": 3, "factrueval_devset": 3}
    for corpus in ("nerel_dev", "factrueval_devset"):
        for table in data[corpus].values():
            assert table["micro"]["f1"] in (1.0, None)
    assert data["nerel_dev"]["entities_exact"]["micro"]["f1"] == 1.0
    assert "| **micro** |" in (tmp_path / "report.md").read_text(encoding="utf-8")
