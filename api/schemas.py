"""Request and response bodies. Facts keep the JSON shape of ../shared/conventions.md (see the codec)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

import msgspec

from timeline.domain.codec import fact_to_json
from timeline.domain.facts import Fact
from timeline.service import StoredDocument, StoredEvent

FactJSON = dict[str, Any]
# Something besides whitespace, and no NUL (PostgreSQL text cannot hold one): the service refuses both.
# The visible character is spelled out because `\S` means different things to Python and to JSON Schema's
# ECMA-262 regexes (\x1c-\x1f, \x85, \ufeff): this class excludes what either counts as whitespace.
_VISIBLE = r"[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
SOME_TEXT = rf"^[^\x00]*{_VISIBLE}[^\x00]*$"
NonEmpty = Annotated[str, msgspec.Meta(min_length=1, pattern=SOME_TEXT)]
Positive = Annotated[int, msgspec.Meta(ge=1)]


class DocumentIn(msgspec.Struct, forbid_unknown_fields=True):
    text: str
    published_at: date | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None


class DocumentOut(msgspec.Struct):
    document_id: str
    created: bool
    title: str | None
    publisher: str | None
    url: str | None
    published_at: date | None
    facts: list[FactJSON]
    ingested_at: datetime | None = None
    text: str | None = None


class DocumentSummary(msgspec.Struct):
    document_id: str
    title: str | None
    publisher: str | None
    url: str | None
    published_at: date | None
    ingested_at: datetime
    content_hash: str


class DocumentPageOut(msgspec.Struct):
    documents: list[DocumentSummary]
    next_cursor: str | None


class EventOut(msgspec.Struct):
    position: int
    event_id: str
    stream_id: str
    stream_version: int
    type: str
    payload: dict[str, Any]
    recorded_at: datetime
    recorded_by: str
    document_id: str | None
    valid_from: date | None
    valid_to: date | None
    precision: str | None
    actor_id: str | None
    hash: str


class EventsIn(msgspec.Struct):
    """`events`: objects with `event_id` (UUID), `type` (FactAsserted | FactCorrected | FactRetracted),
    `fact` (conventions shape) or `fact_id`, `reason` for corrections and retractions, and optionally
    `expected_version` of the fact's stream (0 = the stream must be new)."""

    events: list[dict[str, Any]]


class AppendOut(msgspec.Struct):
    appended: list[EventOut]
    already_stored: list[str]


class FeedOut(msgspec.Struct):
    events: list[EventOut]
    last_position: int


class SqlIn(msgspec.Struct, forbid_unknown_fields=True):
    sql: NonEmpty
    params: dict[str, Any] | None = None
    row_limit: Positive | None = None
    timeout_ms: Positive | None = None


class SqlOut(msgspec.Struct):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    row_limit: int


class KeyIn(msgspec.Struct, forbid_unknown_fields=True):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=SOME_TEXT)]
    scope: Literal["read", "write", "admin"]


class KeyOut(msgspec.Struct):
    key_id: str
    name: str
    scope: str
    created_at: datetime
    revoked_at: datetime | None
    secret: str | None = None


class ReasonIn(msgspec.Struct, forbid_unknown_fields=True):
    reason: NonEmpty


class AliasIn(msgspec.Struct, forbid_unknown_fields=True):
    alias: NonEmpty


class MergeIn(msgspec.Struct, forbid_unknown_fields=True):
    into: NonEmpty
    reason: NonEmpty


class CorrectionIn(msgspec.Struct, forbid_unknown_fields=True):
    reason: NonEmpty
    fact: dict[str, Any]


class Health(msgspec.Struct):
    status: str


class Ready(msgspec.Struct):
    ready: bool
    database: bool
    revision: str | None
    head: str | None


def event_out(e: StoredEvent) -> EventOut:
    return EventOut(
        position=e.position,
        event_id=e.event_id,
        stream_id=e.stream_id,
        stream_version=e.stream_version,
        type=e.type,
        payload=e.payload,
        recorded_at=e.recorded_at,
        recorded_by=e.recorded_by,
        document_id=e.document_id,
        valid_from=e.valid_from,
        valid_to=e.valid_to,
        precision=e.precision,
        actor_id=e.actor_id,
        hash=e.hash,
    )


def summary_out(d: StoredDocument) -> DocumentSummary:
    return DocumentSummary(
        document_id=d.document_id,
        title=d.title,
        publisher=d.publisher,
        url=d.url,
        published_at=d.published_at,
        ingested_at=d.ingested_at,
        content_hash=d.content_hash,
    )


def facts_out(facts: tuple[Fact, ...] | list[Fact]) -> list[FactJSON]:
    return [fact_to_json(f) for f in facts]


# Every JSON body the API reads, so their schemas can say that unknown fields are refused.
REQUEST_BODIES: tuple[type[msgspec.Struct], ...] = (
    DocumentIn,
    EventsIn,
    SqlIn,
    KeyIn,
    ReasonIn,
    AliasIn,
    MergeIn,
    CorrectionIn,
)
