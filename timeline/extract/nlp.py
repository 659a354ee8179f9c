"""natasha's models, loaded once per process, and a plain view of what they find in a text.

Loading takes seconds and a document then takes milliseconds, so the models are cached. Sentences are
split paragraph by paragraph (natasha's segmenter otherwise joins a heading to the sentence under it) but
tagged in one batch.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

# natasha's small matrices run slower on several BLAS threads than on one (and a server runs one
# extraction per core); this takes effect only if numpy is not loaded yet.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from natasha import (  # noqa: E402
    Doc,
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
)
from natasha.const import ORG  # noqa: E402
from natasha.doc import DocSent, DocSpan, DocToken  # noqa: E402
from natasha.norm import inflect_word, recover_shapes, recover_spaces, select_inflectable  # noqa: E402
from razdel import sentenize  # noqa: E402

from timeline.extract.taggers import Taggers  # noqa: E402
from timeline.extract.tokens import tokenize  # noqa: E402


@dataclass(frozen=True, slots=True)
class Models:
    morph_vocab: Any
    taggers: Taggers
    embedding: Any  # navec's word vectors, which the taggers share


@cache
def models() -> Models:
    embedding = NewsEmbedding()
    return Models(
        morph_vocab=MorphVocab(),
        taggers=Taggers(NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)),
        embedding=embedding,
    )


@cache
def lemma_of(word: str) -> str:
    """The dictionary form of a lone word (for gazetteer phrases, which have no context)."""
    return str(models().morph_vocab.parse(word)[0].normal)


@dataclass(frozen=True, slots=True)
class Token:
    index: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    rel: str
    head: int  # index of the syntactic head in the sentence, -1 for the root
    feats: dict[str, str]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]

    def children(self, index: int) -> list[Token]:
        return [t for t in self.tokens if t.head == index]


@dataclass(frozen=True, slots=True)
class NerSpan:
    start: int
    end: int
    type: str  # PER, LOC or ORG
    text: str
    normal: str


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    sentences: tuple[Sentence, ...]
    spans: tuple[NerSpan, ...]


_PARAGRAPH = re.compile(r"[^\n]+")


def _token_index(natasha_id: str) -> int:
    return int(natasha_id.split("_")[1]) - 1


# Prepositions stay: their lemma folds "во", "со" into "в", "с".
_UNINFLECTED = frozenset({"PUNCT", "NUM", "SYM", "X", "CCONJ", "SCONJ", "PART"})


@cache
def _lemma(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    # pymorphy's analysis dominates lemmatisation, and news repeats its words: cache by form and tags.
    lemma = models().morph_vocab.lemmatize(word, pos, dict(feats))
    return str(lemma or word).lower()


def _sentence(sent: Any) -> Sentence:
    tokens = []
    for i, tok in enumerate(sent.tokens):
        head = _token_index(tok.head_id) if tok.head_id and not tok.head_id.endswith("_0") else -1
        feats = dict(tok.feats or {})
        pos = tok.pos or "X"
        tokens.append(
            Token(
                index=i,
                start=tok.start,
                end=tok.stop,
                text=tok.text,
                lemma=_lemma(tok.text, pos, tuple(sorted(feats.items())))
                if pos not in _UNINFLECTED
                else tok.text.lower(),
                pos=pos,
                rel=tok.rel or "",
                head=head,
                feats=feats,
            )
        )
    return Sentence(start=sent.start, end=sent.stop, tokens=tuple(tokens))


@cache
def _nominative(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    # pymorphy's inflection dominates normalising, and a text names the same people again and again.
    return str(inflect_word(models().morph_vocab, DocToken(0, 0, word, pos=pos, feats=dict(feats))))


def _normal(span: Any) -> str:
    """natasha's `DocSpan.normalize` (an organisation inflects only its syntactic core), with each word's
    nominative remembered."""
    core = set(select_inflectable(span.tokens)) if span.type == ORG else None
    words = [
        _nominative(t.text, t.pos, tuple(sorted((t.feats or {}).items())))
        if not core or t.id in core
        else t.text
        for t in span.tokens
    ]
    return str(recover_spaces(recover_shapes(words, span.tokens), span.tokens))


def _span(span: Any) -> NerSpan:
    # natasha's NamesExtractor (yargy) would split names into parts at a fifth of the analysis time; the
    # normalised span already gives the nominative "Имя Фамилия" the entities need.
    return NerSpan(
        start=span.start, end=span.stop, type=span.type, text=span.text, normal=_normal(span) or span.text
    )


def _segment(doc: Any, text: str, start: int) -> None:
    """Tokens and sentences paragraph by paragraph, but in one Doc so the taggers see one batch.

    razdel never joins tokens across whitespace, so these are also the tokens razdel finds in the whole
    text, which is what natasha's NER would tokenise on its own.
    """
    doc.tokens, doc.sents = [], []
    for paragraph in _PARAGRAPH.finditer(text, start):
        offset, line = paragraph.start(), paragraph.group()
        doc.tokens.extend(DocToken(begin + offset, end + offset, word) for begin, end, word in tokenize(line))
        doc.sents.extend(DocSent(s.start + offset, s.stop + offset, s.text) for s in sentenize(line))
    doc.envelop_sent_tokens()


def _tag(sents: list[Any], taggers: Taggers) -> None:
    """Morphology and syntax, batched by sentence length: a batch is padded to its longest sentence, so
    sorting saves about a sixth of natasha's time. Ids follow natasha's `<sentence>_<token>` form."""
    order = sorted(range(len(sents)), key=lambda i: len(sents[i].tokens))
    words = [[t.text for t in sents[i].tokens] for i in order]
    for i, tags in zip(order, taggers.sentences(words), strict=True):
        prefix = f"{i + 1}_"
        for n, token in enumerate(sents[i].tokens):
            token.pos, token.feats, token.rel = tags.pos[n], tags.feats[n], tags.rels[n]
            token.id, token.head_id = f"{prefix}{n + 1}", f"{prefix}{tags.heads[n]}"


def _tag_ner(doc: Any, taggers: Taggers) -> None:
    """natasha's `Doc.tag_ner`, on the tokens already found."""
    words = [t.text for t in doc.tokens]
    doc.spans = [
        DocSpan(start, stop, type_, doc.text[start:stop])
        for start, stop, type_ in taggers.entities(doc.tokens, words)
    ]
    doc.envelop_span_tokens()
    doc.envelop_sent_spans()


def analyse(text: str, start: int = 0) -> Analysis:
    """Sentences (tokens with lemma, morphology and dependency head) and named-entity spans of `text`.

    Text before `start` (a header line's date) is left out; offsets still index the whole text.
    """
    m = models()
    doc = Doc(text)
    _segment(doc, text, start)
    if not doc.sents:
        return Analysis(text=text, sentences=(), spans=())
    _tag(doc.sents, m.taggers)
    _tag_ner(doc, m.taggers)
    sentences = tuple(_sentence(sent) for sent in doc.sents)
    spans = tuple(_span(span) for span in doc.spans)
    return Analysis(text=text, sentences=sentences, spans=spans)
