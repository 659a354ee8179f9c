"""Features of a candidate relation between two entity mentions of one sentence, hashed to integers.

Shared by the trainer (`eval/train_relations.py`, on NEREL train) and by `relations.py` at run time, so
both see the same features. Which relation a pair can hold is fixed by its argument types.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from timeline.extract.relation_syntax import Parses, path_features
from timeline.extract.word_classes import classes_of

# 2^16 buckets let the many word and path features collide: 2^18 scored better in cross-validation.
DIMENSIONS = 1 << 18
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
    "WORK_OF_ART": "WORK_OF_ART",
    "AWARD": "AWARD",
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
    # ... and who played in or sang a film, show or song (a person acting in "сериале «Друзья»").
    **{(party, "WORK_OF_ART"): "PARTICIPANT_IN" for party in ("PERSON", "PROFESSION")},
    ("EVENT", "DATE"): "POINT_IN_TIME",
    ("AWARD", "DATE"): "POINT_IN_TIME",
    **{("EVENT", place): "TAKES_PLACE_IN" for place in _PLACES},
}


def threshold_key(a_type: str, b_type: str) -> str:
    """The name of the threshold a pair of these types must reach: its relation's, except that taking
    part in a film or song gets one of its own (such pairs are surer than taking part in an event)."""
    kind = RELATION_OF[(a_type, b_type)]
    return f"{kind}:{b_type}" if b_type == "WORK_OF_ART" else kind


THRESHOLD_KEYS = sorted({threshold_key(a, b) for a, b in RELATION_OF})


@dataclass(frozen=True, slots=True)
class Mention:
    type: str
    start: int
    end: int


def _stem(word: str) -> str:
    return word.lower().replace("ё", "е")[:6]


@lru_cache(maxsize=1 << 14)
def _words(text: str) -> tuple[str, ...]:
    # Pairs of one sentence look at the same windows and names again and again.
    return tuple(_stem(w) for w in _WORD.findall(text))


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12, 20):
        if n <= limit:
            return str(limit)
    return "many"


def _indices(found: list[str]) -> list[int]:
    # A pair has some forty features and a document hundreds of pairs: hash inline.
    return sorted({zlib.crc32(f.encode("utf-8")) % DIMENSIONS for f in found})


def _masked(text: str, start: int, end: int, between: Sequence[Mention]) -> list[str]:
    """The words from start to end with each mention in between replaced by its type."""
    out: list[str] = []
    at = start
    for m in sorted(between, key=lambda m: m.start):
        if m.start < at or m.end > end:
            continue
        out += [*_words(text[at : m.start]), m.type]
        at = m.end
    return [*out, *_words(text[at:end])]


def _classes(text: str, mention: Mention) -> tuple[str, str]:
    words = _WORD.findall(text, mention.start, mention.end)
    return classes_of(words[0].lower()) if words else ("?", "?")


def _gap(a: Mention, b: Mention) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _rank(of: Mention, to: Mention, others: Sequence[Mention]) -> str:
    """How many mentions of `of`'s type lie nearer to `to` than `of` does (on any side, on its side)."""
    rivals = [m for m in others if m.type == of.type and m != of and m != to and not _inside(m, to)]
    nearer = [m for m in rivals if _gap(m, to) < _gap(of, to)]
    same_side = [m for m in nearer if (m.start < to.start) == (of.start < to.start)]
    return f"{min(len(nearer), 3)}/{min(len(same_side), 3)}"


def _inside(a: Mention, b: Mention) -> bool:
    return (b.start <= a.start and a.end <= b.end) or (a.start <= b.start and b.end <= a.end)


def features(
    text: str,
    a: Mention,
    b: Mention,
    between: Sequence[Mention],
    sentence: Sequence[Mention] = (),
    parses: Parses | None = None,
) -> list[int]:
    """Hashed feature ids for "a holds RELATION_OF[types] with b" inside one sentence of `text`.

    `between` are the sentence's other mentions lying between the two arguments, `sentence` all of its
    mentions (for how near b is to a among b's type, and a to b among a's type), `parses` the document's
    dependency parses (for the path between the two).
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
    head_a = (_words(text[a.start : a.end]) or ("",))[0]
    head_b = (_words(text[b.start : b.end]) or ("",))[0]
    rank_a, rank_b = _rank(a, b, sentence), _rank(b, a, sentence)
    class_a, class_b = _classes(text, a), _classes(text, b)
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
        # Classes of meaning let "покушение" count as "убийство" had: the heads' own words are sparse.
        f"class_a={class_a[1]}|{pair}",
        f"class_b={class_b[1]}|{pair}",
        f"classes={class_a[0]}|{class_b[0]}|{pair}",
        *(f"before={w}|{pair}" for w in before),
        *(f"after={w}|{pair}" for w in after),
        f"rank_b={rank_b}|{pair}",
        f"rank_a={rank_a}|{pair}",
        f"ranks={rank_b}|{rank_a}|{order}|{pair}",
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
    if parses is not None:
        found += path_features(parses, (a.start, a.end), (b.start, b.end), pair)
    return _indices(found)


Candidate = tuple[int, int, list[Mention], list[Mention]]


def candidates(sentence: tuple[int, int], mentions: Sequence[Mention]) -> list[Candidate]:
    """Ordered pairs (i, j, mentions between them, the sentence's mentions) of one sentence whose types
    admit a relation."""
    inside = [i for i, m in enumerate(mentions) if sentence[0] <= m.start and m.end <= sentence[1]]
    in_sentence = [mentions[k] for k in inside]
    pairs = []
    for i in inside:
        for j in inside:
            a, b = mentions[i], mentions[j]
            if i == j or (a.type, b.type) not in RELATION_OF or (a.start, a.end) == (b.start, b.end):
                continue
            low, high = min(a.end, b.end), max(a.start, b.start)
            between = [mentions[k] for k in inside if low <= mentions[k].start and mentions[k].end <= high]
            pairs.append((i, j, between, in_sentence))
    return pairs


# Across sentences NEREL relates a later title, workplace or event to the person named before
# ("Михаил Светин родился в Киеве. ... С 1980 года — актёр театра комедии"): such pairs are the nearest
# person of the few sentences before with each mention of these types.
CROSS_RELATIONS = {
    ("PERSON", kind): RELATION_OF[("PERSON", kind)] for kind in ("PROFESSION", *_PLACES, "EVENT")
}
CROSS_SENTENCES = 3
CROSS = "cross:"  # the prefix of a cross-sentence pair's threshold in the model


def cross_candidates(
    sentences: Sequence[tuple[int, int]], mentions: Sequence[Mention]
) -> list[tuple[int, int, int, list[Mention]]]:
    """(person i, mention j, sentences apart, j's sentence's mentions) for each mention j of a type in
    CROSS_RELATIONS and the last person mentioned in the CROSS_SENTENCES sentences before j's."""
    people = sorted((m.start, i) for i, m in enumerate(mentions) if m.type == "PERSON")
    starts = [start for start, _ in sentences]
    out = []
    for number, (start, end) in enumerate(sentences):
        inside = [k for k, m in enumerate(mentions) if start <= m.start and m.end <= end]
        earlier = [i for at, i in people if at < start]
        if not earlier or not inside:
            continue
        person = earlier[-1]
        apart = number - (bisect_right(starts, mentions[person].start) - 1)
        if apart > CROSS_SENTENCES:
            continue
        in_sentence = [mentions[k] for k in inside]
        for j in inside:
            if ("PERSON", mentions[j].type) in CROSS_RELATIONS:
                out.append((person, j, apart, in_sentence))
    return out


def cross_features(
    text: str,
    a: Mention,
    b: Mention,
    apart: int,
    sentence: Sequence[Mention],
    parses: Parses | None = None,
) -> list[int]:
    """Hashed feature ids for a person `a` named `apart` sentences before `b`."""
    pair = f"cross|{a.type}>{b.type}"
    words_b = _words(text[b.start : b.end]) or ("",)
    before = _words(text[max(0, b.start - 40) : b.start])[-2:]
    after = _words(text[b.end : b.end + 40])[:2]
    sentence_start = min((m.start for m in sentence), default=b.start)
    people_here = sum(m.type == "PERSON" for m in sentence)
    same_type = sum(m.type == b.type for m in sentence)
    name_words = len(_words(text[a.start : a.end]))
    found = [
        "cross_bias",
        f"pair={pair}",
        f"apart={apart}|{pair}",
        f"people_here={min(people_here, 2)}|{pair}",
        f"same_type={min(same_type, 3)}|{pair}",
        f"name_words={min(name_words, 3)}|{pair}",
        f"head_b={words_b[0]}|{pair}",
        f"last_b={words_b[-1]}|{pair}",
        f"width_b={min(len(words_b), 4)}|{pair}",
        f"first_in_sentence={b.start == sentence_start}|{pair}",
        *(f"before={w}|{pair}" for w in before),
        *(f"after={w}|{pair}" for w in after),
        f"before_head={'|'.join(before[-1:])}|{words_b[0]}|{pair}",
    ]
    head = parses.head(b.start, b.end) if parses is not None else None
    if head is not None:
        # "Артист был госпитализирован": a title standing as the subject points back to someone named.
        governor = head.sentence.tokens[head.token.head].lemma if head.token.head >= 0 else "<root>"
        found += [f"b_rel={head.token.rel}|{pair}", f"b_gov={governor}|{head.token.rel}|{pair}"]
    return _indices(found)
