"""Other readings of a title's span, and a choice among them for the title a relation holds.

NEREL's PROFESSION often takes the title's whole genitive chain ("Глава исполкома "Единой России"",
"заместителя начальника управления президента РФ по внутренней политике") and its modifiers
("первым заместителем", "генеральным прокурором"), yet as often stops at the bare word ("актёром"
before "Королевского шекспировского театра"). The relation classifier decides whether a person holds a
title on the span brat output has always given it; the reading of that span is then chosen apart, among
the bare head word, the head with the modifiers before it and the head with each step of the chain of
complements after it, by a linear model over how each reading starts and ends (`eval/train_title_forms.py`
trains it on NEREL train's relations).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from timeline.extract.event_mentions import WORD
from timeline.extract.linear_model import LinearModel, load_linear_model
from timeline.extract.nerel_spans import Span
from timeline.extract.nlp import Sentence, Token
from timeline.extract.relation_syntax import outermost

MODEL_PATH = Path(__file__).with_name("title_model.npz")
DIMENSIONS = 1 << 16

# Complements a title's chain runs through ("министр обороны", "ОАО "Башкирэнерго"", "театра и кино").
_CHAIN = ("nmod", "appos", "flat", "conj", "nummod")
# What ends it: a clause, an aside in brackets, a name in apposition is not part of the title.
_BREAKS = ("parataxis", "acl", "advcl", "ccomp", "xcomp", "obl", "nsubj", "obj", "iobj", "cop", "root")
_OPENING = '"«(„“'
_CLOSING = '"»)“”'
_PREFIXES = ("экс-", "Экс-")
_MAX_CHAIN = 4  # readings through the chain, nearest first


@dataclass(frozen=True, slots=True)
class Reading:
    start: int
    end: int
    head_start: int  # the title's head word
    head_end: int
    lemma: str


def _children(sentence: Sentence) -> dict[int, list[Token]]:
    out: dict[int, list[Token]] = {}
    for token in sentence.tokens:
        out.setdefault(token.head, []).append(token)
    return out


def _subtree(children: dict[int, list[Token]], root: Token, people: Sequence[Span]) -> list[Token]:
    """`root` and what hangs from it, without clauses, brackets' asides and named people."""
    out = [root]
    seen = {root.index}  # a parse may hold a cycle
    at = 0
    while at < len(out):
        for child in children.get(out[at].index, []):
            if child.index in seen or child.rel.split(":")[0] in _BREAKS:
                continue
            if child.rel == "appos" and any(p.start <= child.start < p.end for p in people):
                continue
            seen.add(child.index)
            out.append(child)
        at += 1
    return out


def _head(sentence: Sentence, span: Span) -> Token | None:
    return outermost([t for t in sentence.tokens if span.start <= t.start and t.end <= span.end])


def _chain_ends(sentence: Sentence, head: Token, people: Sequence[Span]) -> list[int]:
    """Where the title may end after its head: after each complement of the chain, nearest first."""
    children = _children(sentence)
    included = {head.index}
    links: list[Token] = []
    for child in children.get(head.index, []):
        if child.index > head.index and child.rel.split(":")[0] in _CHAIN and child.rel != "conj":
            if child.rel == "appos" and any(p.start <= child.start < p.end for p in people):
                continue
            tree = _subtree(children, child, people)
            included |= {t.index for t in tree}
            links += [t for t in tree if t.rel.split(":")[0] in _CHAIN]
    # The title runs on while the words are its own; a comma or a bracket the chain does not hold ends it.
    last = head.index
    while last + 1 < len(sentence.tokens) and last + 1 in included:
        token = sentence.tokens[last + 1]
        if token.text in ",(":
            break
        last += 1
    tokens = sentence.tokens
    ends: set[int] = set()
    for link in links:
        within = [t for t in _subtree(children, link, people) if t.index <= last]
        if not within or link.index > last:
            continue
        end = max(within, key=lambda t: t.index)
        ends.add(end.end)
        # NEREL sometimes leaves out the closing quote of a name ("«Алиса"), sometimes keeps it.
        if end.text in _CLOSING and end.index > head.index + 1:
            ends.add(tokens[end.index - 1].end)
    return sorted(ends)[:_MAX_CHAIN]


def _opened(sentence: Sentence, head: Token) -> int:
    """The start of the head with the adjectives right before it that modify it ("первым заместителем")."""
    start = head
    for token in reversed(sentence.tokens[: head.index]):
        if token.head != head.index or token.rel != "amod" or token.index != start.index - 1:
            break
        start = token
    return start.start


def readings(text: str, span: Span, sentences: Sequence[Sentence], people: Sequence[Span]) -> list[Reading]:
    """The title's readings, `span`'s own among them, by start and end; empty where it is not parsed."""
    sentence = next((s for s in sentences if s.start <= span.start < s.end), None)
    head = _head(sentence, span) if sentence is not None else None
    if sentence is None or head is None:
        return []
    head_start = head.start + (len(_PREFIXES[0]) if head.text.startswith(_PREFIXES) else 0)
    starts = {head_start, _opened(sentence, head), span.start}
    ends = {head.end, span.end, *_chain_ends(sentence, head, people)}
    found = {
        Reading(start, end, head.start, head.end, head.lemma)
        for start in starts
        for end in ends
        if start < end and text[start:end].strip() == text[start:end]
    }
    return sorted(found, key=lambda r: (r.start, r.end))


def _word(text: str) -> str:
    words = WORD.findall(text)
    return words[0].lower()[:6] if words else "<none>"


def _last(text: str) -> str:
    words = WORD.findall(text)
    return words[-1].lower()[:6] if words else "<none>"


def _shape(text: str) -> str:
    stripped = text.lstrip()
    if not stripped:
        return "<end>"
    first = stripped[0]
    return "X" if first.isupper() else "x" if first.isalpha() else first


def _unclosed(words: str) -> bool:
    return sum(c in _OPENING for c in words) > sum(c in _CLOSING for c in words)


def features(text: str, span: Span, reading: Reading, others: Sequence[Span]) -> list[int]:
    """Hashed feature ids of one reading of the title `span`; `others`, the document's other entities."""
    left = text[reading.start : reading.head_start]
    right = text[reading.head_end : reading.end]
    after = text[reading.end : reading.end + 30]
    before = text[max(0, reading.start - 30) : reading.start]
    inside = sorted({o.type for o in others if reading.start <= o.start and o.end <= reading.end})
    ends_entity = sorted({o.type for o in others if o.end == reading.end and o.start > reading.start})
    cut = sorted({o.type for o in others if o.start < reading.end < o.end})
    words = len(WORD.findall(text[reading.start : reading.end]))
    right_words = min(len(WORD.findall(right)), 6)
    found = [
        "bias",
        f"own={(reading.start, reading.end) == (span.start, span.end)}",
        f"left={bool(left.strip())}",
        f"right={right_words}",
        f"width={min(words, 8)}",
        f"head={reading.lemma}",
        f"head_right={reading.lemma}|{min(right_words, 2)}",
        f"head_left={reading.lemma}|{bool(left.strip())}",
        f"left_word={_word(left)}",
        f"right_first={_word(right)}",
        f"right_last={_last(right)}",
        f"next={_word(after)}",
        f"next_shape={_shape(after)}",
        f"prev={_last(before)}",
        f"last_next={_last(right)}|{_word(after)}",
        f"head_next={reading.lemma}|{_word(after)}",
        f"quote_end={text[reading.end - 1] in _CLOSING}",
        f"open_quote={_unclosed(text[reading.start : reading.end])}",
        *(f"inside={t}" for t in inside),
        *(f"ends_with={t}" for t in ends_entity),
        *(f"cuts={t}" for t in cut),
    ]
    return sorted({zlib.crc32(f.encode("utf-8")) % DIMENSIONS for f in found})


@cache
def _model() -> LinearModel:
    return load_linear_model(MODEL_PATH, DIMENSIONS, "labels")


def likeliest(options: Sequence[Reading], scores: Sequence[float]) -> int:
    """The index of the best-scored reading; of equal scores, the one starting first, then the shorter."""
    return max(range(len(options)), key=lambda k: (scores[k], -options[k].start, -options[k].end))


def choose(text: str, span: Span, options: Sequence[Reading], others: Sequence[Span]) -> Reading | None:
    """The likeliest reading of the title `span` among `options` (none without options)."""
    if not options:
        return None
    weights = _model().weights
    return options[
        likeliest(options, [float(weights[features(text, span, r, others)].sum()) for r in options])
    ]
