"""NEREL conventions in brat output, on NEREL train documents (never dev): learnt lower-case
organisations, professions, events and cities; titles and organisations with the place that follows;
year ranges split; and the relation classifier's relations in what to_brat writes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from timeline.extract.brat import Annotations, parse_ann, read_ann, to_brat
from timeline.extract.nerel_spans import (
    Span,
    extend,
    headed,
    honoured_people,
    learnt_mentions,
    parentheses_apart,
    retyped,
    widened,
)
from timeline.extract.pipeline import extract
from timeline.extract.types import Document

NEREL_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "nerel" / "train"

Key = tuple[str, int, int]


@cache
def _predicted(name: str) -> Annotations:
    text = (NEREL_TRAIN / f"{name}.txt").read_text(encoding="utf-8")
    return parse_ann(to_brat(extract(Document(text, date(2015, 1, 1)))))


def _keys(annotations: Annotations) -> set[Key]:
    return {(e.type, e.start, e.end) for e in annotations.entities}


def _gold(name: str, kind: str, text: str) -> list[Key]:
    """Every gold span of that type and text: the test asserts against the corpus, not copied offsets."""
    gold = read_ann(NEREL_TRAIN / f"{name}.ann")
    return [(e.type, e.start, e.end) for e in gold.entities if e.type == kind and e.text == text]


@pytest.mark.parametrize(
    ("name", "kind", "text"),
    [
        ("04_12_12g", "ORGANIZATION", "парламент"),  # lower-case, from the learnt lexicon
        ("04_12_12g", "ORGANIZATION", "правительство Италии"),  # organisation with its country
        ("100624_text", "ORGANIZATION", "Совета Безопасности"),  # the short form stays beside ...
        ("100624_text", "ORGANIZATION", "Совета Безопасности России"),  # ... the long one
        ("04_12_12g", "PROFESSION", "мэра Флоренции"),  # the title takes its city
        ("100624_text", "PROFESSION", "Президент России"),
        ("04_12_12g", "CITY", "Флоренции"),
        ("105566_text", "EVENT", "выборах"),
        ("105566_text", "EVENT", "республиканских праймериз"),
        ("100624_text", "DATE", "2001"),  # "(2001—2003)" is two dates in NEREL
        ("100624_text", "DATE", "2003"),
    ],
)
def test_brat_output_takes_nerel_spans(name: str, kind: str, text: str) -> None:
    gold = _gold(name, kind, text)
    assert gold, f"{text!r} is no longer a gold {kind} in {name}"
    assert set(gold) <= _keys(_predicted(name))


def test_no_media_as_an_organisation() -> None:
    text = (NEREL_TRAIN / "102645_text.txt").read_text(encoding="utf-8")
    assert "СМИ" in text
    organisations = {e.text for e in _predicted("102645_text").entities if e.type == "ORGANIZATION"}
    assert "СМИ" not in organisations


def test_relations_of_the_classifier_reach_brat_output() -> None:
    predicted = _predicted("04_12_12g")
    by_id = {e.id: e for e in predicted.entities}
    about = {(r.type, by_id[r.arg1].text, by_id[r.arg2].text) for r in predicted.relations}
    gold = read_ann(NEREL_TRAIN / "04_12_12g.ann")
    gold_by_id = {e.id: e for e in gold.entities}
    gold_about = {(r.type, gold_by_id[r.arg1].text, gold_by_id[r.arg2].text) for r in gold.relations}
    # Only the rules of brat.py made WORKPLACE and WORKS_AS before; events' relations now come too.
    kinds = {kind for kind, _, _ in about & gold_about}
    assert {"WORKPLACE", "PARTICIPANT_IN"} <= kinds


def test_a_title_takes_the_classifiers_wider_reading() -> None:
    text = "Он стал художественным руководителем театра."
    start = text.index("руководителем")
    end = start + len("руководителем")
    spans = [Span("T1", "PROFESSION", start, end), Span("T2", "ORGANIZATION", start, end)]
    wider = [(text.index("художественным"), end)]
    out = widened(spans, wider)
    assert text[out[0].start : out[0].end] == "художественным руководителем" and out[0].id == "T1"
    assert out[1] == spans[1]  # only titles stretch


@pytest.mark.parametrize(
    ("name", "kind", "whole", "parts"),
    [
        ("56755_text", "PERSON", "Джорди Аркаронс (Jordi Arcarons)", ("Джорди Аркаронс", "Jordi Arcarons")),
        (
            "56755_text",
            "ORGANIZATION",
            "Школы Предпринимательства Университета Помпеу и Фабра (Universidad Pompeu Fabra) (UPF)",
            ("Школы Предпринимательства Университета Помпеу и Фабра", "Universidad Pompeu Fabra", "UPF"),
        ),
        ("631", "ORGANIZATION", "Национального антитеррористического комитета (НАК)", ("НАК",)),
    ],
)
def test_a_name_and_its_parenthesis_are_two_mentions(
    name: str, kind: str, whole: str, parts: tuple[str, ...]
) -> None:
    """NEREL marks "Федерального бюро расследований" and "ФБР" apart, never "... (ФБР)" whole."""
    predicted = {(e.type, e.text) for e in _predicted(name).entities}
    assert (kind, whole) not in predicted
    for part in parts:
        assert _gold(name, kind, part), part  # the corpus marks the part ...
        assert (kind, part) in predicted, part  # ... and so does the output


def test_time_words_nerel_does_not_mark_are_no_brat_dates() -> None:
    text = "Ранее он жил в Москве, сейчас живёт в Туле, а в 2015 году переехал."
    spans = [Span("T1", "DATE", 0, 5), Span("T2", "DATE", 23, 29), Span("T3", "DATE", 46, 57)]
    kept = retyped(text, spans, lambda: "T9")
    assert [text[s.start : s.end] for s in kept] == ["в 2015 году"]


def test_a_parenthesis_ner_left_open_still_parts_the_names() -> None:
    text = "митрополита Никодима (Ротова) похоронили"
    kept = parentheses_apart(text, [Span("T1", "PERSON", 12, 28)], lambda: "T2")
    assert sorted((s.id, text[s.start : s.end]) for s in kept) == [("T1", "Никодима"), ("T2", "Ротова")]


def test_people_a_name_is_given_to_are_marked_inside_it() -> None:
    text = "Он играл в театре им. М. Н. Ермоловой и лечился в больнице имени Кащенко; Нобелевской премии нет."
    found = [text[start:end] for start, end in honoured_people(text)]
    assert found == ["М. Н. Ермоловой", "Кащенко", "Нобелевской"]


def test_a_country_adjective_before_a_calling_or_a_language_is_no_country() -> None:
    text = "японский писатель и американский сенатор говорили на английском языке"
    spans = [Span("T1", "COUNTRY", 0, 8), Span("T2", "COUNTRY", 20, 32), Span("T3", "COUNTRY", 53, 63)]
    kinds = [(text[s.start : s.end], s.type) for s in retyped(text, spans, lambda: "T9")]
    assert kinds == [("японский", "NATIONALITY"), ("американский", "COUNTRY"), ("английском", "LANGUAGE")]


def _ids() -> Callable[[], str]:
    count = iter(range(100, 1000))
    return lambda: f"T{next(count)}"


def _texts(text: str, spans: list[Span], kind: str = "ORGANIZATION") -> set[str]:
    return {text[s.start : s.end] for s in spans if s.type == kind}


def test_an_organisation_takes_the_one_it_belongs_to_and_keeps_its_short_form() -> None:
    text = "начальник Пограничной службы ФСБ России"
    spans = [
        Span("T1", "ORGANIZATION", 10, 28),
        Span("T2", "ORGANIZATION", 29, 32),
        Span("T3", "COUNTRY", 33, 39),
    ]
    found = _texts(text, extend(text, spans, _ids()))
    assert {"Пограничной службы", "Пограничной службы ФСБ России", "ФСБ", "ФСБ России"} <= found


def test_an_organisation_is_also_read_with_the_head_nerel_spans_it_with() -> None:
    text = "Как сообщила пресс-служба «Газпрома», сделка закрыта."
    start = text.index("Газпрома")
    spans = [Span("T1", "ORGANIZATION", start, start + len("Газпрома"))]
    assert "пресс-служба «Газпрома»" in _texts(text, headed(text, spans, _ids()))


def test_a_learnt_organisation_inside_a_title_is_marked_too() -> None:
    text = "Задержан сотрудник полиции."
    spans = [Span("T1", "PROFESSION", 9, 26)]
    assert "полиции" in _texts(text, learnt_mentions(text, spans, _ids()))


def test_what_nerel_calls_a_product_is_no_organisation() -> None:
    text = "Он написал в Twitter."
    spans = [Span("T1", "ORGANIZATION", 13, 20)]
    assert retyped(text, spans, _ids()) == []


@pytest.mark.parametrize(("name", "calling"), [("102661_text", "артист"), ("108390_text", "артиста")])
def test_an_honorary_title_is_the_bare_calling_without_its_country(name: str, calling: str) -> None:
    # "народный артист России": the country is the honour's; NEREL's title is the calling alone.
    gold = _gold(name, "PROFESSION", calling)
    found = _keys(_predicted(name))
    assert gold and set(gold) <= found
    text = (NEREL_TRAIN / f"{name}.txt").read_text(encoding="utf-8")
    assert not any(
        kind == "PROFESSION" and text[start:end].startswith(f"{calling} ") for kind, start, end in found
    )


def test_only_an_honour_keeps_a_title_from_its_place() -> None:
    text = "заслуженного артиста России и международного обозревателя РИА Новости"
    marked = {
        "артиста": "PROFESSION",
        "России": "COUNTRY",
        "обозревателя": "PROFESSION",
        "РИА Новости": "ORGANIZATION",
    }
    spans = [
        Span(f"T{n}", kind, text.index(w), text.index(w) + len(w))
        for n, (w, kind) in enumerate(marked.items())
    ]
    found = _texts(text, extend(text, spans, _ids()), "PROFESSION")
    assert found == {"артиста", "обозревателя РИА Новости"}


def test_a_bare_year_takes_the_preposition_before_it() -> None:
    text = "В 1983 его застрелили, а в 1986 она возглавила страну, с 1990 по 1992 правя ею"
    found = _texts(text, learnt_mentions(text, [], _ids()), "DATE")
    assert {"В 1983", "в 1986", "1990", "1992"} <= found


def test_a_date_takes_the_part_of_the_time_before_it() -> None:
    text = "В середине 1950-х годов она переехала, к началу октября вернулась, начала в 2010 году."
    dates = ("1950-х годов", "октября", "в 2010 году")
    spans = [Span(f"T{n}", "DATE", text.index(d), text.index(d) + len(d)) for n, d in enumerate(dates)]
    found = _texts(text, retyped(text, spans, _ids()), "DATE")
    assert found == {"В середине 1950-х годов", "к началу октября", "в 2010 году"}


def test_a_title_takes_the_organisation_whose_name_opens_with_a_place_adjective() -> None:
    # The city adjective "Санкт-Петербургского" starts where the theatre does; the title takes the theatre.
    text = "актёр Санкт-Петербургского академического театра комедии"
    theatre = text.index("Санкт")
    spans = [
        Span("T1", "PROFESSION", 0, 5),
        Span("T2", "ORGANIZATION", theatre, len(text)),
        Span("T3", "CITY", theatre, theatre + len("Санкт-Петербургского")),
    ]
    found = _texts(text, extend(text, spans, _ids()), "PROFESSION")
    assert found == {text}
