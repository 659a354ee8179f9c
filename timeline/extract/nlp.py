"""natasha's models, loaded once per process, and a plain view of what they find in a text.

Loading takes seconds and a document then takes milliseconds, so the models are cached. Paragraphs are
analysed one by one: natasha's segmenter otherwise joins a heading to the sentence under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from natasha import (
    Doc,
    MorphVocab,
    NamesExtractor,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)


@dataclass(frozen=True, slots=True)
class Models:
    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any
    names_extractor: Any


@cache
def models() -> Models:
    embedding = NewsEmbedding()
    morph_vocab = MorphVocab()
    return Models(
        segmenter=Segmenter(),
        morph_vocab=morph_vocab,
        morph_tagger=NewsMorphTagger(embedding),
        syntax_parser=NewsSyntaxParser(embedding),
        ner_tagger=NewsNERTagger(embedding),
        names_extractor=NamesExtractor(morph_vocab),
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
    name_parts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    sentences: tuple[Sentence, ...]
    spans: tuple[NerSpan, ...]


_PARAGRAPH = re.compile(r"[^\n]+")


def _token_index(natasha_id: str) -> int:
    return int(natasha_id.split("_")[1]) - 1


def _sentence(sent: Any, offset: int, morph_vocab: Any) -> Sentence:
    tokens = []
    for i, tok in enumerate(sent.tokens):
        tok.lemmatize(morph_vocab)
        head = _token_index(tok.head_id) if tok.head_id and not tok.head_id.endswith("_0") else -1
        tokens.append(
            Token(
                index=i,
                start=tok.start + offset,
                end=tok.stop + offset,
                text=tok.text,
                lemma=(tok.lemma or tok.text).lower(),
                pos=tok.pos or "X",
                rel=tok.rel or "",
                head=head,
                feats=dict(tok.feats or {}),
            )
        )
    return Sentence(start=sent.start + offset, end=sent.stop + offset, tokens=tuple(tokens))


def _span(span: Any, offset: int, m: Models) -> NerSpan:
    span.normalize(m.morph_vocab)
    parts: dict[str, str] = {}
    if span.type == "PER":
        span.extract_fact(m.names_extractor)
        if span.fact is not None:
            parts = {k: str(v) for k, v in span.fact.as_dict.items() if v}
    return NerSpan(
        start=span.start + offset,
        end=span.stop + offset,
        type=span.type,
        text=span.text,
        normal=span.normal or span.text,
        name_parts=parts,
    )


def analyse(text: str, start: int = 0) -> Analysis:
    """Sentences (tokens with lemma, morphology and dependency head) and named-entity spans of `text`.

    Text before `start` (a header line's date) is left out; offsets still index the whole text.
    """
    m = models()
    sentences: list[Sentence] = []
    spans: list[NerSpan] = []
    for paragraph in _PARAGRAPH.finditer(text, start):
        if not paragraph.group().strip():
            continue
        doc = Doc(paragraph.group())
        doc.segment(m.segmenter)
        doc.tag_morph(m.morph_tagger)
        doc.parse_syntax(m.syntax_parser)
        doc.tag_ner(m.ner_tagger)
        offset = paragraph.start()
        sentences.extend(_sentence(sent, offset, m.morph_vocab) for sent in doc.sents)
        spans.extend(_span(span, offset, m) for span in doc.spans)
    return Analysis(text=text, sentences=tuple(sentences), spans=tuple(spans))
