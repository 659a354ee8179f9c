"""Places inside organisations' names, which NEREL marks apart and relates to them (HEADQUARTERED_IN)."""

from __future__ import annotations

import pytest

from timeline.extract.nerel_spans import Span, learnt_mentions
from timeline.extract.nested_places import nested_places


def _found(text: str) -> list[tuple[str, str]]:
    return [(kind, text[start:end]) for kind, start, end in nested_places(text, 0, len(text))]


@pytest.mark.parametrize(
    ("organisation", "places"),
    [
        ("Болгарской православной церкви", [("COUNTRY", "Болгарской")]),
        ("администрации Уфы", [("CITY", "Уфы")]),
        ("Следственном комитете Российской Федерации", [("COUNTRY", "Российской Федерации")]),
        ("УВД Томской области", [("STATE_OR_PROVINCE", "Томской области")]),
        ("New York Times", [("CITY", "New York")]),
        ("Университета Рочестера", [("CITY", "Рочестера")]),
        ("Европейского суда по правам человека", [("LOCATION", "Европейского")]),
    ],
)
def test_a_place_in_an_organisations_name_is_found(organisation: str, places: list[tuple[str, str]]) -> None:
    assert _found(organisation) == places


@pytest.mark.parametrize(
    "organisation",
    ["Русской православной церкви", "Единой России", "Эхо Москвы", "Колумбийского университета", "России"],
)
def test_names_nerel_keeps_whole_hold_no_place(organisation: str) -> None:
    assert _found(organisation) == []


def test_brat_output_marks_the_place_beside_its_organisation() -> None:
    text = "Заявление Болгарской православной церкви опубликовано."
    start = text.index("Болгарской")
    spans = [Span("T1", "ORGANIZATION", start, start + len("Болгарской православной церкви"))]
    added = learnt_mentions(text, spans, iter(f"T{n}" for n in range(2, 99)).__next__)
    assert [(s.type, text[s.start : s.end]) for s in added] == [("COUNTRY", "Болгарской")]


def test_a_place_already_marked_is_not_marked_twice() -> None:
    text = "Посольство США сообщило."
    spans = [Span("T1", "ORGANIZATION", 0, 14), Span("T2", "COUNTRY", 11, 14)]
    added = learnt_mentions(text, spans, iter(f"T{n}" for n in range(3, 99)).__next__)
    assert not [s for s in added if s.type == "COUNTRY"]
