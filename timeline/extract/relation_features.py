"""Features of a candidate relation between two entity mentions of one sentence, hashed to integers.

Shared by the trainer (`eval/train_relations.py`, on NEREL train) and by `relations.py` at run time, so
both see the same features. Which relation a pair can hold is fixed by its argument types.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

DIMENSIONS = 1 << 16
_WORD = re.compile(r"\w+(?:-\w+)*|[^\w\s]")

# NEREL types the extractor does not emit are folded into the ones it does.
TYPE_OF = {
    "PERSON": "PERSON",
    "PROFESSION": "PROFESSION",
    "ORGANIZATION": "ORGANIZATION",
    "COUNTRY": "COUNTRY",
    "CITY": "CITY",
    "LOCATION": "LOCATION",
    "STATE_OR_PROVINCE": "LOCATION",
    "DISTRICT": "LOCATION",
    "EVENT": "EVENT",
    "DATE": "DATE",
    "TIME": "DATE",
}
_PLACES = ("ORGANIZATION", "COUNTRY", "CITY", "LOCATION")
RELATION_OF: dict[tuple[str, str], str] = {
    ("PERSON", "PROFESSION"): "WORKS_AS",
    **{(holder, place): "WORKPLACE" for holder in ("PERSON", "PROFESSION") for place in _PLACES},
    **{("ORGANIZATION", place): "HEADQUARTERED_IN" for place in _PLACES[1:]},
    # Events: who took part, when and where (NEREL's EVENT -> DATE and EVENT -> place relations).
    **{(party, "EVENT"): "PARTICIPANT_IN" for party in ("PERSON", "PROFESSION", *_PLACES)},
    ("EVENT", "DATE"): "POINT_IN_TIME",
    **{("EVENT", place): "TAKES_PLACE_IN" for place in _PLACES},
}


@dataclass(frozen=True, slots=True)
class Mention:
    type: str
    start: int
    end: int


def _stem(word: str) -> str:
    return word.lower().replace("ё", "е")[:6]


def _words(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text)]


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12, 20):
        if n <= limit:
            return str(limit)
    return "many"


def _index(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % DIMENSIONS


def _masked(text: str, start: int, end: int, between: Sequence[Mention]) -> list[str]:
    """The words from start to end with each mention in between replaced by its type."""
    out: list[str] = []
    at = start
    for m in sorted(between, key=lambda m: m.start):
        if m.start < at or m.end > end:
            continue
        out += _words(text[at : m.start]) + [m.type]
        at = m.end
    return out + _words(text[at:end])


def features(text: str, a: Mention, b: Mention, between: Sequence[Mention]) -> list[int]:
    """Hashed feature ids for "a holds RELATION_OF[types] with b" inside one sentence of `text`.

    `between` are the sentence's other mentions lying between the two arguments.
    """
    between_mentions = len(between)
    pair = f"{a.type}>{b.type}"
    if a.start <= b.start and b.end <= a.end:
        order, gap = "b_in_a", ""
    elif b.start <= a.start and a.end <= b.end:
        order, gap = "a_in_b", ""
    elif a.end <= b.start:
        order, gap = "a_first", text[a.end : b.start]
    else:
        order, gap = "b_first", text[b.end : a.start]
    gap_words = _words(gap)
    first, last = (a, b) if a.start <= b.start else (b, a)
    before = _words(text[max(0, first.start - 40) : first.start])[-2:]
    after = _words(text[last.end : last.end + 40])[:2]
    head_a = (_words(text[a.start : a.end]) or [""])[0]
    head_b = (_words(text[b.start : b.end]) or [""])[0]
    found = [
        "bias",
        f"pair={pair}",
        f"order={order}|{pair}",
        f"gap={_bucket(len(gap_words))}|{pair}",
        f"gap={_bucket(len(gap_words))}|{order}|{pair}",
        f"between={_bucket(between_mentions)}|{pair}",
        f"head_a={head_a}|{pair}",
        f"head_b={head_b}|{pair}",
        f"heads={head_a}|{head_b}",
        *(f"before={w}|{pair}" for w in before),
        *(f"after={w}|{pair}" for w in after),
    ]
    shown = gap_words if len(gap_words) <= 8 else gap_words[:4] + gap_words[-4:]
    found += [f"gap_word={w}|{pair}" for w in shown]
    found += [f"gap_word={w}" for w in shown]
    if len(gap_words) <= 3:
        found.append(f"gap_exact={' '.join(gap_words)}|{order}|{pair}")
    if order in ("a_first", "b_first"):
        # "Судья <ORGANIZATION> от <COUNTRY> Дмитрий Дедов": the pattern shows once names are types.
        low, high = (a.end, b.start) if order == "a_first" else (b.end, a.start)
        masked = _masked(text, low, high, between)
        if len(masked) <= 6:
            found.append(f"masked={' '.join(masked)}|{order}|{pair}")
        found.append(f"types_between={' '.join(m.type for m in between)}|{order}|{pair}")
    return sorted({_index(f) for f in found})


def candidates(
    sentence: tuple[int, int], mentions: Sequence[Mention]
) -> list[tuple[int, int, list[Mention]]]:
    """Ordered pairs (i, j, mentions between them) of one sentence whose types admit a relation."""
    inside = [i for i, m in enumerate(mentions) if sentence[0] <= m.start and m.end <= sentence[1]]
    pairs = []
    for i in inside:
        for j in inside:
            a, b = mentions[i], mentions[j]
            if i == j or (a.type, b.type) not in RELATION_OF or (a.start, a.end) == (b.start, b.end):
                continue
            low, high = min(a.end, b.end), max(a.start, b.start)
            between = [mentions[k] for k in inside if low <= mentions[k].start and mentions[k].end <= high]
            pairs.append((i, j, between))
    return pairs
