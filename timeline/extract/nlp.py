"""natasha's models, loaded once per process: loading takes seconds, a document then takes milliseconds."""

from __future__ import annotations

from dataclasses import dataclass
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


def analyse(text: str) -> Any:
    """A natasha Doc segmented, morph-tagged, lemmatised, parsed and NER-tagged."""
    m = models()
    doc = Doc(text)
    doc.segment(m.segmenter)
    doc.tag_morph(m.morph_tagger)
    doc.parse_syntax(m.syntax_parser)
    doc.tag_ner(m.ner_tagger)
    for token in doc.tokens:
        token.lemmatize(m.morph_vocab)
    return doc
