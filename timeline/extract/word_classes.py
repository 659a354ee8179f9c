"""Classes of meaning for words: the nearest of a few hundred centres of navec's vectors (which natasha
already loads), so a span classifier that knows "убийство" as an event can score an unseen "покушение",
whose vector lies near it. The centres are spherical k-means over NEREL train's lemmas
(`eval/word_centres.py`), kept in `word_centres.npz` beside this module.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from timeline.extract.nlp import models

CENTRES_PATH = Path(__file__).with_name("word_centres.npz")
Vectors = npt.NDArray[np.float32]  # one unit-length row per word or centre


def vector(word: str) -> Vectors | None:
    """navec's vector of `word` (lower-case), of unit length; none when navec does not know the word."""
    embedding = models().embedding
    found = embedding.vocab.get(word)
    if found is None:
        return None
    pq = embedding.pq
    # Product quantisation: each of qdim slices of the vector is one of a few hundred stored pieces.
    decoded = pq.codes[np.arange(pq.qdim), pq.indexes[found]].reshape(-1).astype(np.float32)
    norm = float(np.linalg.norm(decoded))
    return decoded / norm if norm else None


@cache
def _centres() -> tuple[Vectors, Vectors]:
    with np.load(CENTRES_PATH) as stored:
        return stored["coarse"].astype(np.float32), stored["fine"].astype(np.float32)


@lru_cache(maxsize=1 << 16)
def classes_of(word: str) -> tuple[str, str]:
    """The coarse and the fine class of `word`, as feature values; "?" for a word navec does not know."""
    found = vector(word)
    if found is None:
        return "?", "?"
    coarse, fine = _centres()
    return str(int(np.argmax(coarse @ found))), str(int(np.argmax(fine @ found)))


def forget_centres() -> None:
    """After `eval/word_centres.py` writes new centres, within the same process."""
    _centres.cache_clear()
    classes_of.cache_clear()
