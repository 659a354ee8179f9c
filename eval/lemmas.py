"""Word lemmas, so a title in the nominative ("министр обороны") meets its inflected gold span."""

from __future__ import annotations

import re
from functools import cache

import pymorphy3

_WORD = re.compile(r"\w+(?:-\w+)*")


@cache
def _analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@cache
def lemma(word: str) -> str:
    word = word.lower().replace("ё", "е")
    parses = _analyzer().parse(word)
    return str(parses[0].normal_form).replace("ё", "е") if parses else word


def lemmas(text: str) -> tuple[str, ...]:
    return tuple(lemma(found.group()) for found in _WORD.finditer(text))


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The words of `text[start:end]` with their document offsets and lemmas."""
    return [
        (start + found.start(), start + found.end(), lemma(found.group()))
        for found in _WORD.finditer(text[start:end])
    ]


def contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    if not shorter or len(shorter) > len(longer):
        return False
    return any(longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1))
