"""natasha's slovnet models (morphology, syntax, NER) run on our own tokens, with slovnet's arithmetic.

slovnet's own inference spends more time moving numbers than multiplying them: its convolution gathers
each window through a strided view that numpy copies element by element, every layer pads a fresh copy,
and each word becomes several record objects on the way in and out. Here the same matrices are built
with three slice copies, the elementwise steps run in place, a word's vocabulary ids are looked up once
for all three models, and NER reads the tokens the segmenter already found instead of re-tokenising.
Every product and sum is slovnet's own. The morphology and syntax encoders read a document's sentences
as one sequence, one zero row between sentences, instead of batches padded to their longest sentence (a
quarter of the rows were padding); the heads then read slovnet's batches. A convolution row sees the same
numbers either way, but BLAS may sum a product in another order for another number of rows, so a near tie
can resolve differently: on the eval corpora (`bench/extraction_snapshot.py`) 2 documents of 216 get
another syntactic head for a few punctuation marks, and no other output changes. NER was one sequence
already.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from slovnet.bio import bio_spans
from slovnet.conll import parse_conll_tag
from slovnet.shape import word_shape

# slovnet's taggers batch this many sentences (natasha keeps slovnet's default).
BATCH = 8
# Words whose vocabulary ids are remembered (news repeats its words; a new word costs a microsecond or two).
_KNOWN_WORDS = 100_000


class Located(Protocol):
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class SentenceTags:
    pos: list[str]
    feats: list[dict[str, str]]
    heads: list[int]  # 1-based index of the head in the sentence, 0 for the root (slovnet's numbering)
    rels: list[str]


class Codes:
    """Word and shape ids of one vocabulary pair (the three news models share theirs)."""

    def __init__(self, encoder: Any) -> None:
        self._words = encoder.words_vocab
        self._shapes = encoder.shapes_vocab
        self.word_pad = self._words.pad_id
        self.shape_pad = self._shapes.pad_id
        self._known: dict[str, tuple[int, int]] = {}

    def same_as(self, encoder: Any) -> bool:
        return bool(
            self._words.items == encoder.words_vocab.items
            and self._shapes.items == encoder.shapes_vocab.items
        )

    def of(self, word: str) -> tuple[int, int]:
        known = self._known.get(word)
        if known is None:
            if len(self._known) >= _KNOWN_WORDS:  # a long-running server must not grow without bound
                self._known.clear()
            known = self._known[word] = (
                self._words.encode(word.lower()),
                self._shapes.encode(word_shape(word)),
            )
        return known

    def batch(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Padded word ids, shape ids and padding mask, as slovnet's `WordShapeEncoder.input` makes them."""
        size = max(len(words) for words in sentences)
        word_id = np.full((len(sentences), size), self.word_pad)
        shape_id = np.full((len(sentences), size), self.shape_pad)
        for row, words in enumerate(sentences):
            if words:
                pairs = [self.of(word) for word in words]
                word_id[row, : len(words)] = [w for w, _ in pairs]
                shape_id[row, : len(words)] = [s for _, s in pairs]
        return word_id, shape_id, word_id == self.word_pad


def word_vectors(navec: Any, word_id: np.ndarray) -> np.ndarray:
    """slovnet's `NavecEmbedding` (a product-quantised lookup): one flat `take` instead of fancy indexing."""
    codes = navec.codes.array
    parts, centroids, chunk = codes.shape
    index = navec.indexes.array[word_id.ravel()].astype(np.intp)
    index += np.arange(parts) * centroids
    vectors: np.ndarray = np.take(codes.reshape(parts * centroids, chunk), index, axis=0)
    return vectors.reshape(*word_id.shape, parts * chunk)


def encoded(model: Any, word: np.ndarray, shape_id: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
    """slovnet's embedding (given the word vectors) and CNN encoder: (batch, words, features), contiguous.

    Slovnet keeps activations as (batch, channels, words) views and pads a copy per layer; here they stay
    (batch, words, channels) in a buffer that already holds the zero padding.
    """
    shape = model.emb.shape(shape_id)
    batch, length = shape_id.shape
    layers = model.encoder.layers
    masked = bool(pad_mask.any())
    x = _padded(batch, length, word.shape[-1] + shape.shape[-1], layers[0].conv.padding)
    pad = layers[0].conv.padding
    x[:, pad : pad + length, : word.shape[-1]] = word
    x[:, pad : pad + length, word.shape[-1] :] = shape
    out = x
    for n, layer in enumerate(layers):
        conv = layer.conv
        filters, channels, kernel = conv.weight.shape
        windows = x.shape[1] - kernel + 1
        # slovnet's im2col order: channel-major, kernel offset minor, so the products sum in its order.
        columns = np.empty((batch, windows, channels, kernel), dtype=x.dtype)
        for k in range(kernel):
            columns[:, :, :, k] = x[:, k : k + windows, :]
        flat = np.matmul(
            columns.reshape(batch * windows, channels * kernel),
            conv.weight.array.reshape(filters, channels * kernel).T,
        )
        flat += conv.bias.array
        flat.clip(0, out=flat)
        norm = layer.norm
        flat -= norm.mean.array
        flat /= norm.std.array
        flat *= norm.weight.array
        flat += norm.bias.array
        out = flat.reshape(batch, windows, filters)
        if masked:
            out[pad_mask] = 0
        if n + 1 < len(layers):
            pad = layers[n + 1].conv.padding
            x = _padded(batch, windows, filters, pad)
            x[:, pad : pad + windows, :] = out
    return out


def _padded(batch: int, length: int, channels: int, pad: int) -> np.ndarray:
    x = np.empty((batch, length + 2 * pad, channels), dtype=np.float32)
    x[:, :pad, :] = 0
    x[:, length + pad :, :] = 0
    return x


class Taggers:
    """Morphology and syntax per sentence, NER per document, from natasha's loaded models."""

    def __init__(self, morph_tagger: Any, syntax_parser: Any, ner_tagger: Any) -> None:
        self._morph = morph_tagger.infer
        self._syntax = syntax_parser.infer
        self._ner = ner_tagger.infer
        self._codes: dict[str, Codes] = {}
        # A tag id's part of speech and features, parsed once (the dict is shared: nothing writes to it).
        self._morph_tags: dict[int, tuple[str, dict[str, str]]] = {}
        shared: list[Codes] = []
        for name, infer in (("morph", self._morph), ("syntax", self._syntax), ("ner", self._ner)):
            codes = next((c for c in shared if c.same_as(infer.encoder)), None)
            if codes is None:
                codes = Codes(infer.encoder)
                shared.append(codes)
            self._codes[name] = codes
        self._navec: dict[str, Any] = {}
        for name, infer in (("morph", self._morph), ("syntax", self._syntax), ("ner", self._ner)):
            navec = infer.model.emb.word
            self._navec[name] = next(
                (n for n in self._navec.values() if _same_table(n, navec)),
                navec,
            )

    def sentences(self, sentences: Sequence[Sequence[str]]) -> list[SentenceTags]:
        """Tags of each sentence; the heads' batches follow the given order (sorted by length, they waste
        little padding)."""
        if not any(sentences):  # blank lines only: nothing to tag, and slovnet's decoder fails on no words
            return [SentenceTags(pos=[], feats=[], heads=[], rels=[]) for _ in sentences]
        morph_vocab = self._morph.decoder.tags_vocab
        rel_vocab = self._syntax.decoder.rels_vocab
        inputs, starts = self._packed("morph", sentences)
        morph_out = encoded(self._morph.model, *inputs)
        # Morphology and syntax share the word vectors when their vocabularies and navec tables are the same
        # (as natasha's news models' are).
        if (
            self._codes["morph"] is not self._codes["syntax"]
            or self._navec["morph"] is not self._navec["syntax"]
        ):
            inputs, _ = self._packed("syntax", sentences)
        syntax_out = encoded(self._syntax.model, *inputs)
        pad_mask = inputs[2]
        tags: list[SentenceTags] = []
        for first in range(0, len(sentences), BATCH):
            chunk = sentences[first : first + BATCH]
            if not any(chunk):
                tags.extend(SentenceTags(pos=[], feats=[], heads=[], rels=[]) for _ in chunk)
                continue
            rows = starts[first : first + BATCH]
            morph = self._morph_ids(_batched(morph_out, rows, chunk))
            mask = ~_batched(pad_mask, rows, chunk, fill=True)
            heads, rels = self._syntax_ids(_batched(syntax_out, rows, chunk), mask)
            for row, words in enumerate(chunk):
                size = len(words)
                tagged = [self._morph_tag(morph_vocab, i) for i in morph[row, :size].tolist()]
                tags.append(
                    SentenceTags(
                        pos=[pos for pos, _ in tagged],
                        feats=[feats for _, feats in tagged],
                        heads=heads[row, :size].tolist(),
                        rels=[rel_vocab.decode(i) for i in rels[row, :size].tolist()],
                    )
                )
        return tags

    def _packed(
        self, name: str, sentences: Sequence[Sequence[str]]
    ) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], list[int]]:
        """One model's input for all `sentences` as one sequence with a padding word between sentences (its
        vectors are zero, as the padding around a sentence is), and where each sentence starts in it."""
        codes = self._codes[name]
        ids: list[tuple[int, int]] = []
        starts = []
        for n, words in enumerate(sentences):
            if n:
                ids.append((codes.word_pad, codes.shape_pad))
            starts.append(len(ids))
            ids.extend(codes.of(word) for word in words)
        word_id = np.array([[w for w, _ in ids]])
        shape_id = np.array([[s for _, s in ids]])
        return (word_vectors(self._navec[name], word_id), shape_id, word_id == codes.word_pad), starts

    def _morph_tag(self, vocab: Any, tag_id: int) -> tuple[str, dict[str, str]]:
        known = self._morph_tags.get(tag_id)
        if known is None:
            pos, feats = parse_conll_tag(vocab.decode(tag_id))
            known = self._morph_tags[tag_id] = (pos, feats)
        return known

    def _morph_ids(self, x: np.ndarray) -> np.ndarray:
        model = self._morph.model
        return np.asarray(model.head.decode(model.head(x)))

    def _syntax_ids(self, x: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        model = self._syntax.model
        # slovnet decodes the heads twice (once to pick each word's head for the relation scorer, once for
        # the answer); both give the same argmax.
        heads = model.head.decode(model.head(x), mask)
        rels = model.rel.decode(model.rel(x, heads), mask)
        return np.asarray(heads), np.asarray(rels)

    def entities(self, tokens: Sequence[Located], words: Sequence[str]) -> list[tuple[int, int, str]]:
        """NER over a whole document's tokens as one sequence (as natasha tags `Doc.text`)."""
        if not words:
            return []
        model = self._ner.model
        word_id, shape_id, pad_mask = self._codes["ner"].batch([words])
        emissions = model.head(encoded(model, word_vectors(self._navec["ner"], word_id), shape_id, pad_mask))
        crf = model.head.crf
        if pad_mask.any():  # a word spelt like the padding token: slovnet's masked decoding, as is
            best = crf.decode(emissions, ~pad_mask)[0].tolist()
        else:
            best = _viterbi(emissions[0], crf.transitions.array)
        vocab = self._ner.decoder.tags_vocab
        return [(s.start, s.stop, s.type) for s in bio_spans(tokens, [vocab.decode(i) for i in best])]


def _batched(
    packed: np.ndarray, starts: Sequence[int], chunk: Sequence[Sequence[str]], fill: Any = 0
) -> np.ndarray:
    """The rows of a packed sequence (batch of one) as slovnet's batch of sentences, padded with `fill`."""
    size = max(len(words) for words in chunk)
    batch = np.full((len(chunk), size, *packed.shape[2:]), fill, dtype=packed.dtype)
    for row, (words, start) in enumerate(zip(chunk, starts, strict=True)):
        batch[row, : len(words)] = packed[0, start : start + len(words)]
    return batch


def _same_table(a: Any, b: Any) -> bool:
    return bool(
        np.array_equal(a.indexes.array, b.indexes.array) and np.array_equal(a.codes.array, b.codes.array)
    )


def _viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """slovnet's `CRF.decode` for one unpadded sequence, with the same float32 sums in the same order."""
    score = emissions[0]
    across = np.arange(transitions.shape[1])
    history = []
    for row in emissions[1:]:
        step = score[:, np.newaxis] + transitions
        step += row
        best = step.argmax(0)
        score = step[best, across]
        history.append(best)
    tag = int(score.argmax())
    path = [tag]
    for best in reversed(history):
        tag = int(best[tag])
        path.append(tag)
    path.reverse()
    return path
