"""PROFESSION candidates beyond the lexicon's sequences, for the span classifier (`span_tagger`) to weigh.

NEREL marks titles no lexicon of train holds ("виолончелиста", "санитаркой", "финансиста") and longer
readings of known ones: the adjectives that say which kind ("оперная певица", "хоккейный тренер") and the
genitive that says of what ("артистом драмы", "доктором военных наук"). Every animate common noun is one
more candidate, and so is each wider reading of any title candidate; the origin is a feature, and the
classifier keeps at most one of overlapping readings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from timeline.extract.event_candidates import NewReadings, lefts, noun_phrase

if TYPE_CHECKING:
    from timeline.extract.span_tagger import Candidate, Counts, Word

KIND = "PROFESSION"


def more_professions(sequence: Sequence[Word], found: Sequence[Candidate], known: Counts) -> list[Candidate]:
    """Animate common nouns and the wider readings of every PROFESSION candidate, each once, none that
    `found` (the lexicon's candidates) already has."""
    readings = NewReadings(sequence, found, known, KIND)
    for i, word in enumerate(sequence):
        if word.animate:
            readings.add(i, i, "person_noun")
    for first, last in readings.to_widen():
        right = noun_phrase(sequence, last + 1, "gent") if last + 1 < len(sequence) else None
        if right is not None:
            readings.add(first, right, "genitive")
        for origin, start in lefts(sequence, first):
            readings.add(start, last, origin)
            if right is not None:
                readings.add(start, right, f"{origin}+genitive")
    return readings.out
