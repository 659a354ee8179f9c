"""NEREL EVENT and PROFESSION spans: word sequences NEREL train ever marked as such, kept or dropped by a
classifier that sees how often the sequence was marked and the words around it.

The lexicon alone (`lexicon.py`, a sequence kept when marked in a large enough share of its occurrences)
cannot tell "выборы" the event from "выборы" in passing, nor a title from the same word as a verb's
object. Logistic regression (numpy) over hashed features of a candidate (its lemmas, the share and count
bucket of its lexicon row, the words before and after, its shape and length, what overlaps it) scores each
one; the best non-overlapping candidates above the kind's threshold stay. The model comes from
`eval/train_spans.py`, which learns on NEREL train with the lexicon counted on the other folds, so the
share features mean on train what they mean on unseen text.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from timeline.extract.event_candidates import more_events, origin_features
from timeline.extract.lexicon import Lemmas, counts
from timeline.extract.linear_model import LinearModel, load_linear_model
from timeline.extract.nlp import models
from timeline.extract.profession_candidates import more_professions
from timeline.extract.quoted_titles import quoted
from timeline.extract.word_classes import classes_of

MODEL_PATH = Path(__file__).with_name("span_model.npz")
LEXICON_KINDS = ("EVENT", "PROFESSION")
KINDS = (*LEXICON_KINDS, "WORK_OF_ART")
DIMENSIONS = 1 << 16
MAX_WORDS = 3
TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
_EDGE = "<s>"
Counts = Mapping[Lemmas, tuple[int, int]]  # lemma sequence -> (times marked, times seen)


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    lemma: str
    shape: str
    pos: str = ""  # pymorphy's part of speech and case of the word's likeliest reading
    case: str = ""
    animate: bool = False  # a common noun for a living being: a title, perhaps


@dataclass(frozen=True, slots=True)
class Candidate:
    type: str
    first: int  # word indices, inclusive
    last: int
    start: int
    end: int
    marked: int
    seen: int
    origin: str = ""  # how a candidate the lexicon does not list was made (`event_candidates`)


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    type: str
    start: int
    end: int
    score: float


def _shape(word: str) -> str:
    if not word[0].isalnum():
        return word if word in "«»\"'()—–-,.:;" else "p"
    if word[0].isdigit():
        return "d"
    if word.isupper() and len(word) > 1:
        return "A"
    return "X" if word[0].isupper() else "x"


_NAMES = frozenset({"Name", "Surn", "Patr"})


@lru_cache(maxsize=1 << 16)
def _analysis(word: str) -> tuple[str, str, str, bool]:
    form = word.lower()
    if not form[0].isalpha():
        return form, "", "", False
    parse = models().morph_vocab.parse(form)[0]  # what `lemma_of` reads, parsed once for the tag too
    tag = parse.tag
    animate = tag.POS == "NOUN" and tag.animacy == "anim" and not _NAMES & tag.grammemes
    return str(parse.normal).replace("ё", "е"), str(tag.POS or ""), str(tag.case or ""), animate


def words(text: str) -> list[Word]:
    out = []
    for m in TOKEN.finditer(text):
        lemma, pos, case, animate = _analysis(m.group())
        out.append(Word(m.start(), m.end(), lemma, _shape(m.group()), pos, case, animate))
    return out


def candidates(sequence: Sequence[Word], lexicons: Mapping[str, Counts]) -> list[Candidate]:
    """Every word sequence (up to MAX_WORDS words, no punctuation) some lexicon row knows, and the EVENT
    readings `event_candidates` adds, and quoted titles (`quoted_titles`)."""
    found = []
    for i in range(len(sequence)):
        for width in range(1, MAX_WORDS + 1):
            chunk = sequence[i : i + width]
            if len(chunk) < width or chunk[-1].shape in "«»\"'()—–-,.:;p":
                break
            key = tuple(w.lemma for w in chunk)
            for kind, known in lexicons.items():
                row = known.get(key)
                if row is not None:
                    found.append(Candidate(kind, i, i + width - 1, chunk[0].start, chunk[-1].end, *row))
    if "EVENT" in lexicons:
        found += more_events(sequence, found, lexicons["EVENT"])
    if "PROFESSION" in lexicons:
        found += more_professions(sequence, found, lexicons["PROFESSION"])
    return found + quoted(sequence)


def _bucket(n: float, limits: Sequence[float]) -> str:
    for limit in limits:
        if n <= limit:
            return str(limit)
    return "more"


@lru_cache(maxsize=1 << 18)
def _index(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % DIMENSIONS


def features(sequence: Sequence[Word], candidate: Candidate, rivals: Sequence[Candidate]) -> list[int]:
    """Hashed feature ids of one candidate; `rivals` are the other candidates overlapping it."""
    k = candidate.type
    lemmas = [w.lemma for w in sequence[candidate.first : candidate.last + 1]]
    before = [sequence[j].lemma if j >= 0 else _EDGE for j in (candidate.first - 2, candidate.first - 1)]
    after = [
        sequence[j].lemma if j < len(sequence) else _EDGE for j in (candidate.last + 1, candidate.last + 2)
    ]
    share = candidate.marked / max(candidate.seen, 1)
    share_bucket = _bucket(share, (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9))
    marked_bucket = _bucket(candidate.marked, (1, 2, 4, 8, 16, 32))
    longer = [r for r in rivals if r.type == k and r.first <= candidate.first and candidate.last <= r.last]
    best_rival = max((r.marked / max(r.seen, 1) for r in rivals if r.type == k), default=-1.0)
    other_kinds = sorted({r.type for r in rivals if r.type != k})
    inner = [
        r.marked / max(r.seen, 1)
        for r in rivals
        if r.type == k and not r.origin and candidate.first <= r.first and r.last <= candidate.last
    ]
    shape = sequence[candidate.first].shape
    found = [
        f"bias|{k}",
        f"width={len(lemmas)}|{k}",
        f"share={share_bucket}|{k}",
        f"marked={marked_bucket}|{k}",
        f"share_marked={share_bucket}|{marked_bucket}|{k}",
        f"lemmas={' '.join(lemmas)}|{k}",
        f"head={lemmas[0]}|{k}",
        f"last={lemmas[-1]}|{k}",
        f"shape={shape}|{k}",
        f"prev_shape={sequence[candidate.first - 1].shape if candidate.first else _EDGE}|{k}",
        f"b1={before[1]}|{k}",
        f"b2={before[0]}|{k}",
        f"a1={after[0]}|{k}",
        f"a2={after[1]}|{k}",
        f"b1_head={before[1]}|{lemmas[0]}|{k}",
        f"head_a1={lemmas[-1]}|{after[0]}|{k}",
        f"inside_longer={bool(longer)}|{k}",
        f"rival_better={best_rival > share}|{k}",
        *(f"other_kind={o}|{k}" for o in other_kinds),
        *(f"{f}|{k}" for f in origin_features(sequence, candidate)),
        *_meaning_features(lemmas, before[1], after[0], candidate.origin, k),
    ]
    if inner:
        inner_bucket = _bucket(max(inner), (0.05, 0.1, 0.2, 0.3, 0.5, 0.7))
        found.append(f"inner_share={inner_bucket}|{candidate.origin}|{k}")
    return sorted({_index(f) for f in found})


def _meaning_features(lemmas: Sequence[str], before: str, after: str, origin: str, kind: str) -> list[str]:
    """The words' classes of meaning (`word_classes`): what lets an unseen word count as a known one."""
    head, last = classes_of(lemmas[0]), classes_of(lemmas[-1])
    return [
        f"head_class={head[0]}|{kind}",
        f"head_fine={head[1]}|{kind}",
        f"head_fine={head[1]}|{origin}|{kind}",
        f"last_fine={last[1]}|{kind}",
        f"before_class={classes_of(before)[0]}|{kind}",
        f"after_class={classes_of(after)[0]}|{kind}",
    ]


def overlapping(found: Sequence[Candidate]) -> list[list[Candidate]]:
    """For each candidate, the others that share a word with it."""
    at: dict[int, list[int]] = {}
    for n, c in enumerate(found):
        for w in range(c.first, c.last + 1):
            at.setdefault(w, []).append(n)
    out = []
    for n, c in enumerate(found):
        near = {m for w in range(c.first, c.last + 1) for m in at[w] if m != n}
        out.append([found[m] for m in sorted(near)])
    return out


def pick(
    found: Sequence[Candidate], scores: Sequence[float], thresholds: Mapping[str, float]
) -> list[TaggedSpan]:
    """Best first, never two overlapping spans of one kind."""
    kept: list[TaggedSpan] = []
    taken: dict[str, list[tuple[int, int]]] = {}
    for score, c in sorted(zip(scores, found, strict=True), key=lambda x: (-x[0], x[1].start)):
        if score < thresholds[c.type]:
            continue
        mine = taken.setdefault(c.type, [])
        if any(c.first <= last and first <= c.last for first, last in mine):
            continue
        mine.append((c.first, c.last))
        kept.append(TaggedSpan(c.type, c.start, c.end, float(score)))
    return sorted(kept, key=lambda s: (s.start, s.type))


@cache
def _model() -> LinearModel:
    return load_linear_model(MODEL_PATH, DIMENSIONS, "kinds")


@cache
def _lexicons() -> dict[str, Counts]:
    return {kind: counts(kind) for kind in LEXICON_KINDS}


def score(weights: npt.NDArray[np.float32], rows: Sequence[list[int]]) -> npt.NDArray[np.float32]:
    logits = np.array([weights[row].sum() for row in rows], dtype=np.float32)
    return (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)


def tag(text: str) -> list[TaggedSpan]:
    """EVENT, PROFESSION and WORK_OF_ART spans of `text`, by start."""
    sequence = words(text)
    found = candidates(sequence, _lexicons())
    if not found:
        return []
    model = _model()
    rows = [features(sequence, c, rivals) for c, rivals in zip(found, overlapping(found), strict=True)]
    return pick(found, score(model.weights, rows).tolist(), model.thresholds)
