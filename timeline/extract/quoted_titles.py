"""WORK_OF_ART candidates for the span classifier (`span_tagger`): what stands between quotes.

NEREL marks the titles of films, songs, books and shows without their quotes ("сериала «[Игры
престолов]»"), and relates their makers and players to them (PARTICIPANT_IN). Quotes also hold company
names and sayings, so every quoted stretch is only a candidate; the classifier weighs the word before it
("фильм", "песня" against "компания").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.extract.span_tagger import Candidate, Word

KIND = "WORK_OF_ART"
MAX_WORDS = 10
_CLOSING = {"«": "»", '"': '"', "“": "”", "„": "“"}


def quoted(sequence: Sequence[Word]) -> list[Candidate]:
    """The words inside each pair of quotes (a title's own inner quotes stay inside)."""
    from timeline.extract.span_tagger import Candidate  # span_tagger imports this module

    out = []
    i = 0
    while i < len(sequence):
        closing = _CLOSING.get(sequence[i].lemma)
        if closing is None:
            i += 1
            continue
        depth, j = 0, i + 1
        while j < len(sequence) and j - i <= MAX_WORDS + 1:
            lemma = sequence[j].lemma
            if lemma == closing and depth == 0:
                break
            if lemma == "«":
                depth += 1
            elif lemma == "»":
                depth -= 1
            j += 1
        else:
            i += 1
            continue
        if j > i + 1:
            first, last = sequence[i + 1], sequence[j - 1]
            out.append(Candidate(KIND, i + 1, j - 1, first.start, last.end, 0, 0, "quote"))
        i = j + 1
    return out
