"""Fit the word classes' centres (timeline/extract/word_classes.py) on NEREL train's lemmas.

Usage: python -m eval.word_centres
Spherical k-means over the navec vectors of every lemma seen at least MIN_COUNT times in NEREL train, at
two grains. Unsupervised: no annotation is read. `eval.train_spans` calls it before training.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable

import numpy as np

from eval.nerel import read_split
from eval.paths import shared_dir
from timeline.extract.span_tagger import words
from timeline.extract.word_classes import CENTRES_PATH, Vectors, forget_centres, vector

MIN_COUNT = 2
COARSE, FINE = 64, 512


def kmeans(vectors: Vectors, k: int, rounds: int = 12, seed: int = 0) -> Vectors:
    """Unit-length centres; each word goes to the centre of highest cosine."""
    rng = np.random.default_rng(seed)
    centres = vectors[rng.choice(len(vectors), size=k, replace=False)].copy()
    for _ in range(rounds):
        assigned = np.argmax(vectors @ centres.T, axis=1)
        for c in range(k):
            members = vectors[assigned == c]
            if len(members):
                total = members.sum(axis=0)
                centres[c] = total / max(float(np.linalg.norm(total)), 1e-9)
    return centres


def fit(texts: Iterable[str]) -> None:
    seen = Counter(w.lemma for text in texts for w in words(text) if w.shape in "xXA")
    found = [v for lemma, n in seen.items() if n >= MIN_COUNT and (v := vector(lemma)) is not None]
    vectors = np.stack(found)
    print(f"{len(vectors)} lemmas with vectors", flush=True)
    np.savez_compressed(
        CENTRES_PATH,
        coarse=kmeans(vectors, COARSE).astype(np.float16),
        fine=kmeans(vectors, FINE).astype(np.float16),
    )
    forget_centres()
    print(f"wrote {CENTRES_PATH} ({CENTRES_PATH.stat().st_size // 1024} KB)")


def main() -> int:
    fit(d.text for d in read_split(shared_dir() / "corpora" / "nerel" / "train"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
