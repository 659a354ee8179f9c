"""What the readers and the extractor hand each other. Spans are character offsets into `Document.text`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from timeline.domain.facts import EntityRef, Fact, Quantity
from timeline.domain.time import ValidTime

if TYPE_CHECKING:  # natasha loads with nlp; a reader of results need not
    from timeline.extract.nlp import Sentence


class ReadError(ValueError):
    """A document that cannot be read (encoding, empty, binary, too large); the message names the file."""


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    published_at: date | None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    origin: str | None = None  # the file (and line) it was read from, for error messages


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    text: str
    valid: ValidTime


@dataclass(frozen=True, slots=True)
class QuantityMention:
    start: int
    end: int
    quantity: Quantity


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    text: str
    entity: EntityRef


@dataclass(frozen=True, slots=True)
class FactTrigger:
    """The word that made the extractor find an event fact (for brat's EVENT entities)."""

    fact_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    document: Document
    content_hash: str
    entities: tuple[EntityRef, ...]
    mentions: tuple[EntityMention, ...]
    facts: tuple[Fact, ...]
    times: tuple[TimeMention, ...] = field(default=())
    triggers: tuple[FactTrigger, ...] = field(default=())
    # The parsed sentences (tokens, lemmas, dependency heads), for brat's relation classifier.
    sentences: tuple[Sentence, ...] = field(default=())
