"""NEREL-style EVENT mentions ("выборах", "подал в отставку", "пресс-конференции"), found by lemma.

The lexicon (`event_lexicon.tsv`) is learnt from NEREL train by `eval/learn_events.py`: each lemma
sequence with how often annotators marked it as an EVENT and how often it occurs at all. Only sequences
marked often enough are kept, so a mention here is a word that usually names an event in news text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from timeline.extract.nlp import lemma_of

LEXICON_PATH = Path(__file__).with_name("event_lexicon.tsv")
WORD = re.compile(r"\w+(?:-\w+)*")
MAX_WORDS = 3
# A sequence becomes a trigger when annotators marked at least this share of its occurrences
# (chosen on a held-out tenth of NEREL train by eval/learn_events.py).
MIN_SHARE = 0.2
MIN_MARKED = 2


@dataclass(frozen=True, slots=True)
class EventMention:
    start: int
    end: int
    text: str


def word_lemma(word: str) -> str:
    return lemma_of(word.lower()).replace("ё", "е")


def read_lexicon(path: Path, min_share: float, min_marked: int) -> frozenset[tuple[str, ...]]:
    kept = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        lemmas, marked, seen = line.split("\t")
        if int(marked) >= min_marked and int(marked) >= min_share * int(seen):
            kept.add(tuple(lemmas.split()))
    return frozenset(kept)


@cache
def lexicon() -> frozenset[tuple[str, ...]]:
    return read_lexicon(LEXICON_PATH, MIN_SHARE, MIN_MARKED)


def find_events(text: str, known: frozenset[tuple[str, ...]] | None = None) -> list[EventMention]:
    """Longest lexicon sequences, left to right, never overlapping."""
    known = lexicon() if known is None else known
    words = [(m.start(), m.end(), word_lemma(m.group())) for m in WORD.finditer(text)]
    found: list[EventMention] = []
    i = 0
    while i < len(words):
        for width in range(MAX_WORDS, 0, -1):
            if i + width <= len(words) and tuple(w[2] for w in words[i : i + width]) in known:
                start, end = words[i][0], words[i + width - 1][1]
                found.append(EventMention(start, end, text[start:end]))
                i += width
                break
        else:
            i += 1
    return found
