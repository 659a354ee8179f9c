"""Durations NEREL marks as DATE, and ages it does not (brat output only)."""

from __future__ import annotations

import pytest

from timeline.extract.nerel_durations import durations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Он работал там в течение 30 дней.", "в течение 30 дней"),
        ("Его приговорили на пять лет.", "на пять лет"),
        ("Это случилось два месяца назад.", "два месяца назад"),
        ("Переговоры шли несколько недель.", "несколько недель"),
        ("В последние 20 с лишним лет многое изменилось.", "последние 20 с лишним лет"),
    ],
)
def test_a_duration_is_a_date_span(text: str, expected: str) -> None:
    assert [text[start:end] for start, end in durations(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Иван Петров, 45 лет, задержан.",  # an age
        "Он умер в возрасте 80 лет.",
        "В 2013 года состоялись выборы.",  # a year, not a duration
    ],
)
def test_ages_and_years_are_not_durations(text: str) -> None:
    assert list(durations(text)) == []
