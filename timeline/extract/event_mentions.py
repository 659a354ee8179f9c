"""NEREL-style EVENT mentions ("выборах", "подал в отставку", "пресс-конференции"), found by lemma in the
lexicon learnt from NEREL train (`lexicon.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.extract.lexicon import Lemmas, learnt
from timeline.extract.nlp import lemma_of

WORD = re.compile(r"\w+(?:-\w+)*")
MAX_WORDS = 3
# A sequence is a trigger when annotators marked it at least twice and in at least this share of its
# occurrences. Chosen on train's held-out tenth with a lexicon learnt on the other nine tenths: relation
# micro-F1 0.412 at (0.2, 2), 0.418 at (0.3, 2), 0.419 at (0.3, 1), 0.414 at (0.1, 1).
MIN_SHARE = 0.3
MIN_MARKED = 2


@dataclass(frozen=True, slots=True)
class SpanMention:
    start: int
    end: int
    text: str


def word_lemma(word: str) -> str:
    return lemma_of(word.lower()).replace("ё", "е")


@lru_cache(maxsize=2)
def _words(text: str) -> tuple[tuple[int, int, str], ...]:
    # Each lexicon kind scans the same document: lemmatise it once.
    return tuple((m.start(), m.end(), word_lemma(m.group())) for m in WORD.finditer(text))


def find_spans(text: str, known: frozenset[Lemmas]) -> list[SpanMention]:
    """Longest known lemma sequences, left to right, never overlapping."""
    words = _words(text)
    found: list[SpanMention] = []
    i = 0
    while i < len(words):
        for width in range(MAX_WORDS, 0, -1):
            if i + width <= len(words) and tuple(w[2] for w in words[i : i + width]) in known:
                start, end = words[i][0], words[i + width - 1][1]
                found.append(SpanMention(start, end, text[start:end]))
                i += width
                break
        else:
            i += 1
    return found


def find_events(text: str) -> list[SpanMention]:
    return find_spans(text, learnt("EVENT", MIN_SHARE, MIN_MARKED))
