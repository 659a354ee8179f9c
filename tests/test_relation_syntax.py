"""The dependency path between two mentions, over natasha's parse of real sentences."""

from __future__ import annotations

from timeline.extract.nlp import analyse
from timeline.extract.relation_syntax import Parses, path_features

TEXT = "Президент США Барак Обама прилетел в Москву. Компания Газпром сообщила об этом в Лондоне."


def _span(surface: str) -> tuple[int, int]:
    start = TEXT.index(surface)
    return start, start + len(surface)


def test_a_name_and_a_place_meet_at_the_verb() -> None:
    parses = Parses(analyse(TEXT).sentences)
    head = parses.head(*_span("Барак Обама"))
    assert head is not None and head.token.text in ("Барак", "Обама")
    found = path_features(parses, _span("Барак Обама"), _span("Москву"), "PERSON>CITY")
    assert any(f.startswith("lca=прилететь|") for f in found)
    assert any(f.startswith("dep=") and f.endswith("^obl|PERSON>CITY") for f in found)
    assert "b_gov=прилететь|PERSON>CITY" in found


def test_mentions_of_two_sentences_have_no_path() -> None:
    parses = Parses(analyse(TEXT).sentences)
    assert path_features(parses, _span("Барак Обама"), _span("Газпром"), "PERSON>ORGANIZATION") == [
        "dep=none|PERSON>ORGANIZATION"
    ]
