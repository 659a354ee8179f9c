"""Event and title spans and relation labels on NEREL train documents (never dev): an event takes in the
adjectives NEREL counts as part of it, a title drops the nationality before it, and the relation trainer
labels a pair by its spans whatever type the extractor gave an argument."""

from __future__ import annotations

from pathlib import Path

from eval.nerel import BratAnnotations, BratEntity, read_document
from eval.train_relations import _predicted_mentions
from timeline.extract.brat import read_ann
from timeline.extract.nerel_spans import Span, with_adjectives
from timeline.extract.nlp import analyse

NEREL_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "nerel" / "train"


def _text(name: str) -> str:
    return (NEREL_TRAIN / f"{name}.txt").read_text(encoding="utf-8")


def _gold_span(name: str, kind: str, text: str) -> tuple[int, int]:
    found = [e for e in read_ann(NEREL_TRAIN / f"{name}.ann").entities if e.type == kind and e.text == text]
    assert found, f"{text!r} is no longer a gold {kind} in {name}"
    return found[0].start, found[0].end


def _widened(name: str, event: tuple[int, int], others: list[Span] | None = None) -> tuple[int, int]:
    text = _text(name)
    spans = [Span("T1", "EVENT", *event), *(others or [])]
    out = with_adjectives(spans, analyse(text).sentences)[0]
    return out.start, out.end


def test_an_event_takes_in_the_adjective_nerel_marks_with_it() -> None:
    # "... на внеочередных выборах ...": the extractor's trigger is the noun alone.
    start, end = _gold_span("80771_text", "EVENT", "внеочередных выборах")
    noun = _text("80771_text").index("выборах", start)
    assert _widened("80771_text", (noun, end)) == (start, end)


def test_an_event_leaves_out_adjectives_nerel_leaves_out() -> None:
    # "в ходе сегодняшнего заседания": NEREL marks "заседания" alone.
    start, end = _gold_span("014", "EVENT", "заседания")
    assert _text("014")[start - len("сегодняшнего ") : start] == "сегодняшнего "
    assert _widened("014", (start, end)) == (start, end)


def test_an_adjective_inside_another_mention_stays_out_of_the_event() -> None:
    start, end = _gold_span("80771_text", "EVENT", "внеочередных выборах")
    noun = _text("80771_text").index("выборах", start)
    other = Span("T2", "ORGANIZATION", start, noun - 1)
    assert _widened("80771_text", (noun, end), [other]) == (noun, end)


def test_a_facility_read_as_an_organisation_still_labels_its_relation() -> None:
    # "прощание ... в Большом театре": NEREL's FACILITY is the extractor's ORGANIZATION, and the pair
    # must be a positive example of TAKES_PLACE_IN, not a negative one.
    name = "57760_text"
    document = read_document(NEREL_TRAIN / f"{name}.txt")
    gold = document.gold
    theatre = _gold_span(name, "FACILITY", "Большом театре")
    farewell = _gold_span(name, "EVENT", "прощание")
    predicted = BratAnnotations(
        (
            BratEntity("T1", "EVENT", (farewell,), "прощание"),
            BratEntity("T2", "ORGANIZATION", (theatre,), "Большом театре"),
        ),
        (),
    )
    mentions, by_id = _predicted_mentions(document, predicted)
    facility = next(e.id for e in gold.entities if e.type == "FACILITY" and e.text == "Большом театре")
    assert [mentions[i].type for i in by_id[facility]] == ["ORGANIZATION"]
    relation = next(r for r in gold.relations if r.type == "TAKES_PLACE_IN" and r.arg2 == facility)
    assert by_id[relation.arg1] == [0]


def test_a_title_drops_the_nationality_it_opens_with() -> None:
    # "популярный японский писатель Харуки Мураками": NEREL's title is "писатель".
    name = "107647_text"
    text = _text(name)
    adjective = text.index("японский писатель")
    noun = adjective + len("японский ")
    gold = read_ann(NEREL_TRAIN / f"{name}.ann")
    assert any(e.type == "PROFESSION" and (e.start, e.end) == (noun, noun + 8) for e in gold.entities)
    title = Span("T1", "PROFESSION", adjective, noun + len("писатель"))
    out = with_adjectives([title], analyse(text).sentences)[0]
    assert (out.start, out.end) == (noun, noun + len("писатель"))
