"""EVENT candidates beyond the lexicon's sequences, for the span classifier (`span_tagger`) to weigh.

NEREL marks many events no lexicon of train holds: verbs and short participles ("похитил", "арестован"),
deverbal nouns ("помилование", "канонизацию"), and longer spans around a known word: its complement
("съезде партии", "Олимпиаде 2016 года", "выставки «Авангард»"), the adjective before it ("думских
выборах", "40-го ММКФ") or a verb's object ("продлил контракт", "попал в плен"). Each such reading is one
more candidate with its origin as a feature; the classifier keeps at most one of overlapping readings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.extract.span_tagger import Candidate, Counts, Word

KIND = "EVENT"
MAX_WORDS = 6
_VERBAL = frozenset({"VERB", "PRTS", "INFN"})
# Lemma endings of nouns made from verbs: the action itself ("задержание", "ратификация").
_DEVERBAL = ("ние", "тие", "ция", "сия")
_PREPOSITIONS = frozenset({"в", "на", "с", "из", "под", "к"})
_QUOTES = {"«": "»", '"': '"'}


def noun_phrase(sequence: Sequence[Word], i: int, case: str | None) -> int | None:
    """The last word of adjectives-then-noun starting at word `i` (in `case`, when given)."""
    j = i
    while j < len(sequence) and j - i < 2 and sequence[j].pos == "ADJF":
        j += 1
    if j < len(sequence) and sequence[j].pos == "NOUN" and (case is None or sequence[j].case == case):
        return j
    return None


def _rights(sequence: Sequence[Word], last: int, verbal: bool) -> list[tuple[str, int]]:
    """Ways a span ending at word `last` may go on, as (origin, new last word)."""
    out: list[tuple[str, int]] = []
    n = last + 1
    if n >= len(sequence):
        return out
    nxt = sequence[n]
    if verbal:
        if (end := noun_phrase(sequence, n, None)) is not None:
            out.append(("object", end))
        if nxt.lemma in _PREPOSITIONS and (end := noun_phrase(sequence, n + 1, None)) is not None:
            out.append(("prep", end))
        return out
    if (end := noun_phrase(sequence, n, "gent")) is not None and nxt.lemma != "год":
        out.append(("genitive", end))
    if nxt.shape == "d":
        year = n + 1 if n + 1 < len(sequence) and sequence[n + 1].lemma == "год" else n
        out.append(("year", year))
    if nxt.lemma in _QUOTES:
        for m in range(n + 1, min(n + 8, len(sequence))):
            if sequence[m].lemma == _QUOTES[nxt.lemma]:
                out.append(("quote", m))
                break
    return out


def lefts(sequence: Sequence[Word], first: int) -> list[tuple[str, int]]:
    out = []
    i = first - 1
    while i >= 0 and first - i <= 2 and sequence[i].pos == "ADJF":
        out.append((f"left{first - i}", i))
        i -= 1
    return out


class NewReadings:
    """Candidates of one kind beyond the lexicon's (`found`), each reading once and none too long."""

    def __init__(
        self, sequence: Sequence[Word], found: Sequence[Candidate], known: Counts, kind: str
    ) -> None:
        self._sequence, self._known, self._kind = sequence, known, kind
        self._have = {(c.first, c.last) for c in found if c.type == kind}
        self._bases = [(c.first, c.last) for c in found if c.type == kind]
        self.out: list[Candidate] = []

    def to_widen(self) -> list[tuple[int, int]]:
        """(first, last) of the lexicon's candidates of this kind and of those added so far."""
        return self._bases + [(c.first, c.last) for c in self.out]

    def add(self, first: int, last: int, origin: str) -> None:
        # Imported here: span_tagger imports this module.
        from timeline.extract.span_tagger import Candidate

        if (first, last) in self._have or last - first >= MAX_WORDS:
            return
        self._have.add((first, last))
        words = self._sequence[first : last + 1]
        marked, seen = self._known.get(tuple(w.lemma for w in words), (0, 0))
        self.out.append(
            Candidate(self._kind, first, last, words[0].start, words[-1].end, marked, seen, origin)
        )


def more_events(sequence: Sequence[Word], found: Sequence[Candidate], known: Counts) -> list[Candidate]:
    """Verbs, deverbal nouns and the wider readings of every EVENT candidate, each once, none that
    `found` (the lexicon's candidates) already has."""
    readings = NewReadings(sequence, found, known, KIND)
    add = readings.add
    for i, word in enumerate(sequence):
        if word.pos in _VERBAL or (word.pos == "NOUN" and word.lemma.endswith(_DEVERBAL)):
            add(i, i, "word")
    for first, last in readings.to_widen():
        verbal = sequence[first].pos in _VERBAL
        rights = _rights(sequence, last, verbal)
        widenings = [] if verbal else lefts(sequence, first)
        for origin, end in rights:
            add(first, end, origin)
        for origin, start in widenings:
            add(start, last, origin)
            for right, end in rights:
                add(start, end, f"{origin}+{right}")
    return readings.out


def origin_features(sequence: Sequence[Word], candidate: Candidate) -> list[str]:
    """What a wider or unlisted reading is: its origin, the words' classes, the added word."""
    first, last = sequence[candidate.first], sequence[candidate.last]
    return [
        f"origin={candidate.origin}",
        f"pos={first.pos}>{last.pos}",
        f"origin_last={candidate.origin}|{last.lemma}",
        f"origin_first={candidate.origin}|{first.lemma}",
        f"suffix={first.lemma[-3:]}|{first.pos}",
    ]
