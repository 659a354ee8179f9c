"""NEREL's span conventions for brat output, on top of what the extractor finds.

NEREL marks lower-case organisations and professions ("полиции", "актёр") that the extractor has no
entity for, and its spans take the place or organisation that follows a title or an organisation in:
"министра обороны Израиля", "Сенате США". Both are applied here, to the brat entities only; the
extractor's own mentions keep their short forms (the role and its organisation are separate fact fields).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from timeline.extract.event_mentions import find_spans
from timeline.extract.lexicon import learnt

# Shares chosen on NEREL train's held-out tenth (eval/learn_lexicon.py prints them).
_LEARNT = {"PROFESSION": (0.3, 1), "ORGANIZATION": (0.5, 1)}
# A title or organisation followed by one of these, after a single space, ends after it.
_TAKES = {"PROFESSION": {"COUNTRY", "ORGANIZATION", "CITY"}, "ORGANIZATION": {"COUNTRY", "CITY"}}


@dataclass(frozen=True, slots=True)
class Span:
    id: str
    type: str
    start: int
    end: int


def _clashes(existing: Span, candidate: Span) -> bool:
    """Overlapping, unless the existing mention lies inside ("президент России" holds a country)."""
    inside = candidate.start <= existing.start and existing.end <= candidate.end
    inside = inside and (existing.start, existing.end) != (candidate.start, candidate.end)
    overlapping = existing.start < candidate.end and candidate.start < existing.end
    return overlapping and (not inside or existing.type in ("PERSON", candidate.type))


def learnt_mentions(text: str, spans: list[Span], new_id: Callable[[], str]) -> list[Span]:
    """Organisations and professions from the learnt lexicon where nothing of theirs stands yet."""
    added: list[Span] = []
    for kind, (share, marked) in _LEARNT.items():
        for found in find_spans(text, learnt(kind, share, marked)):
            candidate = Span("", kind, found.start, found.end)
            if not any(_clashes(s, candidate) for s in (*spans, *added)):
                added.append(replace(candidate, id=new_id()))
    return added


def _extended(text: str, span: Span, spans: Iterable[Span]) -> Span:
    takes = _TAKES.get(span.type)
    if takes is None:
        return span
    by_start = {s.start: s for s in spans if s.type in takes}
    end = span.end
    # Titles chain: "заместитель министра обороны России" may take an organisation and then its country.
    while (nxt := by_start.get(end + 1)) is not None and text[end] == " " and text[nxt.start].isupper():
        end = nxt.end
    return replace(span, end=end)


def extend(text: str, spans: list[Span]) -> list[Span]:
    return [_extended(text, span, spans) for span in spans]
