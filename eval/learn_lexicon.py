"""Learn the typed lexicon from NEREL train; write timeline/extract/nerel_lexicon.tsv.

Usage: python -m eval.learn_lexicon [--without-holdout]
For every lemma sequence (up to three words) that annotators marked as one of KINDS, counts how often it
was marked and how often it occurs at all. The shares kept at run time (nerel_spans._LEARNT, ...) are
picked from what this prints: lexicons learnt on train's first nine tenths, scored on its last tenth.
Dev is never read. `--without-holdout` counts on train's first nine tenths only, so that a run on the
held-out tenth (`run_eval --train-holdout`, after retraining the span and relation models) meets no
sequence counted on itself: the lexicon written by default includes the held-out tenth, which makes
held-out scores optimistic.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from eval.nerel import BratDocument, read_split
from eval.paths import shared_dir
from timeline.extract.event_mentions import MAX_WORDS, WORD, find_spans, lemmas_of, word_lemma
from timeline.extract.lexicon import LEXICON_PATH
from timeline.extract.nerel_spans import HEAD_KIND, closed, heads_before
from timeline.extract.nested_places import NESTED_KINDS

KINDS = ("EVENT", "CITY", "ORGANIZATION", "PROFESSION", "AWARD", "PRODUCT")
Counts = tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]]


def _count(documents: list[BratDocument], kind: str) -> Counts:
    marked: Counter[tuple[str, ...]] = Counter()
    seen: Counter[tuple[str, ...]] = Counter()
    for document in documents:
        words = [(m.start(), m.end(), word_lemma(m.group())) for m in WORD.finditer(document.text)]
        starts = {w[0]: k for k, w in enumerate(words)}
        ends = {w[1]: k for k, w in enumerate(words)}
        for entity in document.gold.entities:
            if entity.type != kind or len(entity.spans) != 1:
                continue
            first, last = starts.get(entity.spans[0][0]), ends.get(entity.spans[0][1])
            if first is not None and last is not None and 0 <= last - first < MAX_WORDS:
                marked[tuple(w[2] for w in words[first : last + 1])] += 1
        for i in range(len(words)):
            for width in range(1, MAX_WORDS + 1):
                key = tuple(w[2] for w in words[i : i + width])
                if len(key) == width and key in marked:
                    seen[key] += 1
    return marked, seen


def _count_heads(documents: list[BratDocument]) -> Counts:
    """The one or two words before an organisation NEREL marked ("пресс-служба", "совет директоров"):
    how often it marked them with it as one organisation, and how often they stood there at all."""
    marked: Counter[tuple[str, ...]] = Counter()
    seen: Counter[tuple[str, ...]] = Counter()
    for document in documents:
        text = document.text
        organisations = {
            e.spans[0] for e in document.gold.entities if e.type == "ORGANIZATION" and len(e.spans) == 1
        }
        for start, end in organisations:
            if any(s == start and e > end for s, e in organisations):
                continue  # "МВД" in "МВД Киргизии": only the longest reading is headed
            for head in heads_before(text, start):
                key = lemmas_of(text[head:start])
                seen[key] += 1
                marked[key] += (head, closed(text, head, start, end)) in organisations
    return marked, seen


def _count_nested(documents: list[BratDocument]) -> dict[str, Counts]:
    """Places NEREL marked inside an organisation's name ("Массачусетского технологического института"),
    by type: how often each lemma sequence was marked there, and how often it stood inside one at all."""
    counts: dict[str, Counts] = {kind: (Counter(), Counter()) for kind in NESTED_KINDS}
    for document in documents:
        single = [e for e in document.gold.entities if len(e.spans) == 1]
        organisations = {e.spans[0] for e in single if e.type == "ORGANIZATION"}
        places = {e.spans[0]: f"NESTED_{e.type}" for e in single if f"NESTED_{e.type}" in counts}
        stretches: set[tuple[int, int]] = set()
        for start, end in organisations:
            words = list(WORD.finditer(document.text, start, end))
            for i in range(len(words)):
                for width in range(1, MAX_WORDS + 1):
                    if i + width <= len(words) and width < len(words):
                        stretches.add((words[i].start(), words[i + width - 1].end()))
        for where in stretches:
            key = lemmas_of(document.text[slice(*where)])
            for kind, (marked, seen) in counts.items():
                seen[key] += 1
                marked[key] += places.get(where) == kind
    return counts


def _lexicon(counts: Counts, min_share: float, min_marked: int) -> frozenset[tuple[str, ...]]:
    marked, seen = counts
    return frozenset(k for k, n in marked.items() if n >= min_marked and n >= min_share * seen[k])


def _f1(documents: list[BratDocument], kind: str, known: frozenset[tuple[str, ...]]) -> float:
    tp = predicted = gold = 0
    for document in documents:
        truth = {e.spans[0] for e in document.gold.entities if e.type == kind and len(e.spans) == 1}
        found = {(m.start, m.end) for m in find_spans(document.text, known)}
        tp, predicted, gold = tp + len(truth & found), predicted + len(found), gold + len(truth)
    return 2 * tp / (predicted + gold) if predicted + gold else 0.0


def _rows(kind: str, counts: Counts) -> list[str]:
    """The lexicon's lines of one kind: each sequence marked at least once, the most marked first."""
    marked, seen = counts
    keys = sorted((k for k in marked if marked[k]), key=lambda k: (-marked[k], k))
    return [f"{kind}\t{' '.join(k)}\t{marked[k]}\t{seen[k]}\n" for k in keys]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.learn_lexicon", description=__doc__.splitlines()[0])
    parser.add_argument("--without-holdout", action="store_true", help="count on train's first nine tenths")
    args = parser.parse_args(argv)
    documents = list(read_split(shared_dir() / "corpora" / "nerel" / "train"))
    cut = len(documents) * 9 // 10
    counted = documents[:cut] if args.without_holdout else documents
    lines = []
    for kind in KINDS:
        first = _count(documents[:cut], kind)
        for share in (0.1, 0.2, 0.3, 0.5, 0.7):
            for min_marked in (1, 2, 3):
                f1 = _f1(documents[cut:], kind, _lexicon(first, share, min_marked))
                print(f"{kind}: share {share:.1f}, marked >= {min_marked}: held-out F1 {f1:.3f}")
        lines += _rows(kind, _count(counted, kind))
    lines += _rows(HEAD_KIND, _count_heads(counted))
    for kind, nested in _count_nested(counted).items():
        lines += _rows(kind, nested)
    LEXICON_PATH.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {LEXICON_PATH} ({len(lines)} sequences)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
