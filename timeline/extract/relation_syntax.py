"""The dependency path between two mentions, as features for the relation classifier.

"умер в Москве" and "в Москве, где умер" say the same through the parse: the path from one mention's
head word to the other's (relation labels up to their common ancestor and down again), that ancestor's
lemma, and what each head hangs from. Parses come from the extractor (natasha's syntax, per sentence).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.extract.nlp import Sentence, Token

_MAX_PATH = 5


@dataclass(frozen=True, slots=True)
class _Head:
    sentence: Sentence
    token: Token


class Parses:
    """The parsed sentences of one document, looked up by character offset."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._sentences = list(sentences)
        self._starts = [s.start for s in self._sentences]

    def head(self, start: int, end: int) -> _Head | None:
        """The token of [start, end) whose own head lies outside it: the mention's syntactic head."""
        at = bisect_right(self._starts, start) - 1
        if at < 0:
            return None
        sentence = self._sentences[at]
        inside = [t for t in sentence.tokens if start <= t.start and t.end <= end]
        if not inside:
            inside = [t for t in sentence.tokens if t.start < end and start < t.end]
        token = outermost(inside) or (inside[0] if inside else None)
        return _Head(sentence, token) if token is not None else None


def outermost(tokens: Sequence[Token]) -> Token | None:
    """The first of `tokens` whose own head lies outside them (none where a parse's cycle holds them all)."""
    indices = {t.index for t in tokens}
    return next((t for t in tokens if t.head not in indices), None)


def _ancestors(sentence: Sentence, token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head >= 0 and len(chain) <= len(sentence.tokens):
        chain.append(sentence.tokens[chain[-1].head])
    return chain


def path_features(parses: Parses, a: tuple[int, int], b: tuple[int, int], pair: str) -> list[str]:
    head_a, head_b = parses.head(*a), parses.head(*b)
    if head_a is None or head_b is None or head_a.sentence is not head_b.sentence:
        return [f"dep=none|{pair}"]
    sentence = head_a.sentence
    up, down = _ancestors(sentence, head_a.token), _ancestors(sentence, head_b.token)
    down_indices = [t.index for t in down]
    common = next((k for k, t in enumerate(up) if t.index in down_indices), None)
    found = [
        f"a_rel={head_a.token.rel}|{pair}",
        f"b_rel={head_b.token.rel}|{pair}",
        f"a_gov={up[1].lemma if len(up) > 1 else '<root>'}|{pair}",
        f"b_gov={down[1].lemma if len(down) > 1 else '<root>'}|{pair}",
    ]
    if common is None:
        return [*found, f"dep=none|{pair}"]
    lca = up[common]
    rising, falling = up[:common], down[: down_indices.index(lca.index)]
    length = len(rising) + len(falling)
    found.append(f"dep_len={min(length, 6)}|{pair}")
    found.append(f"lca={lca.lemma}|{min(length, 6)}|{pair}")
    if length <= _MAX_PATH:
        path = "↑".join(t.rel for t in rising) + "^" + "↓".join(t.rel for t in reversed(falling))
        found.append(f"dep={path}|{pair}")
        found.append(f"dep_lca={path}|{lca.lemma}|{pair}")
        words = [t.lemma for t in rising[1:]] + [lca.lemma] + [t.lemma for t in falling[1:]]
        found.append(f"dep_words={'/'.join(words)}|{pair}")
    return found
