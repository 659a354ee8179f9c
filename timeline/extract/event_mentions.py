"""Word sequences of the lexicon learnt from NEREL train (`lexicon.py`) found in a text by lemma: the
organisations and city adjectives of brat output. (Events and professions are the span classifier's,
`span_tagger.py`, which weighs these lexicon matches by their context.)"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.extract.lexicon import Lemmas
from timeline.extract.nlp import lemma_of

WORD = re.compile(r"\w+(?:-\w+)*")
MAX_WORDS = 3


@dataclass(frozen=True, slots=True)
class SpanMention:
    start: int
    end: int
    text: str


def word_lemma(word: str) -> str:
    return lemma_of(word.lower()).replace("ё", "е")


def lemmas_of(text: str) -> Lemmas:
    """The lemmas of a stretch of text, as the lexicon keys its sequences."""
    return tuple(word_lemma(w) for w in WORD.findall(text))


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
