"""Our runner of natasha's slovnet models gives natasha's own tags, on the seed and on NEREL train texts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
from razdel import tokenize

from timeline.extract import nlp, tokens
from timeline.extract.taggers import Taggers

SHARED = Path(__file__).resolve().parents[2] / "shared"
TEXTS = [
    SHARED / "seeds" / "000_36549a97ad93da46.txt",
    *sorted((SHARED / "corpora" / "nerel" / "train").glob("*.txt"))[:12],
]


@pytest.fixture(scope="module")
def natasha_models() -> tuple[Any, Any, Any]:
    embedding = NewsEmbedding()
    return NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)


@pytest.fixture(scope="module")
def taggers(natasha_models: tuple[Any, Any, Any]) -> Taggers:
    return Taggers(*natasha_models)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_same_tags_as_natasha(path: Path, natasha_models: tuple[Any, Any, Any], taggers: Taggers) -> None:
    morph, syntax, ner = natasha_models
    doc = Doc(path.read_text(encoding="utf-8"))
    doc.segment(Segmenter())
    doc.tag_morph(morph)
    doc.parse_syntax(syntax)
    doc.tag_ner(ner)

    ours = taggers.sentences([[t.text for t in sent.tokens] for sent in doc.sents])
    for number, (sent, tags) in enumerate(zip(doc.sents, ours, strict=True), start=1):
        assert [t.pos for t in sent.tokens] == tags.pos
        assert [t.feats for t in sent.tokens] == tags.feats
        assert [t.head_id for t in sent.tokens] == [f"{number}_{head}" for head in tags.heads]
        assert [t.rel for t in sent.tokens] == tags.rels
    entities = taggers.entities(doc.tokens, [t.text for t in doc.tokens])
    assert entities == [(s.start, s.stop, s.type) for s in doc.spans]
    assert any(type_ == "PER" for _, _, type_ in entities)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_paragraph_tokens_are_the_whole_text_tokens(path: Path) -> None:
    """NER reads the paragraph-wise tokens, natasha's would tokenise the whole text: they must agree."""
    text = path.read_text(encoding="utf-8")
    doc = Doc(text)
    nlp._segment(doc, text, 0)
    assert [(t.start, t.stop) for t in doc.tokens] == [(t.start, t.stop) for t in tokenize(text)]


def test_blank_lines_are_sentences_without_tokens() -> None:
    analysis = nlp.analyse("Путин\n   \nМедведев")
    assert [[t.text for t in s.tokens] for s in analysis.sentences] == [["Путин"], [], ["Медведев"]]
    assert nlp.analyse("   ").sentences[0].tokens == ()
    # Sorted by length, nine blank lines fill a whole batch of their own before the sentence.
    many = nlp.analyse("\n".join([" "] * 9 + ["Путин встретился с Трампом."]))
    assert [len(s.tokens) for s in many.sentences] == [0] * 9 + [5]
    assert many.sentences[-1].tokens[0].pos == "PROPN"


@settings(max_examples=500)
@given(
    st.text(alphabet="аБвё abZ 12.,-—–_/\\!?…:)(;*«»\"'Δσ%$№\t", max_size=40)
    | st.sampled_from(["yahoo!", "x -y", ":-)"])
)
def test_tokens_are_razdels(text: str) -> None:
    assert list(tokens.tokenize(text)) == [(t.start, t.stop, t.text) for t in tokenize(text)]
