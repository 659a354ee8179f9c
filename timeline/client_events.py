"""Fact events sent by API clients that extract themselves: JSON in, domain events out, or a field error.

Pure: no database. The service checks what needs the store (documents named by a fact's source).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from timeline.domain.codec import fact_from_json
from timeline.domain.events import DomainEvent, FactAsserted, FactCorrected, FactRetracted
from timeline.domain.facts import Fact
from timeline.errors import InvalidInput

EVENT_TYPES = ("FactAsserted", "FactCorrected", "FactRetracted")
MAX_BATCH = 1000
_INT32 = 2**31 - 1


@dataclass(frozen=True, slots=True)
class ClientEvent:
    event_id: str
    event: DomainEvent
    stream_id: str
    expected_version: int | None


def _uuid(value: Any, field: str) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise InvalidInput(f"{field} must be a UUID, got {value!r}", field) from None


def _no_nul(value: Any, field: str) -> None:
    # PostgreSQL text and jsonb cannot hold U+0000; refuse it here rather than fail at insert.
    if isinstance(value, str):
        if "\x00" in value:
            raise InvalidInput("text may not contain NUL characters", field)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _no_nul(key, field)
            _no_nul(item, f"{field}.{key}")
    elif isinstance(value, list | tuple):
        for n, item in enumerate(value):
            _no_nul(item, f"{field}[{n}]")


def parse_fact(data: Any, field: str) -> Fact:
    """A fact in the conventions' JSON shape, or InvalidInput naming the bad field under `field`."""
    if not isinstance(data, Mapping):
        raise InvalidInput("a fact must be a JSON object", field)
    _no_nul(data, field)
    try:
        fact = fact_from_json(data)
    except KeyError as exc:
        raise InvalidInput(f"missing {exc.args[0]!r}", f"{field}.{exc.args[0]}") from None
    except (ValueError, TypeError, AttributeError, IndexError) as exc:
        raise InvalidInput(f"invalid fact: {exc}", field) from None
    span = fact.source.span
    if span is not None and not (0 <= span[0] <= span[1] <= _INT32):
        raise InvalidInput("span must be [start, end] with 0 <= start <= end", f"{field}.source.span")
    if fact.source.document_id is not None:
        _uuid(fact.source.document_id, f"{field}.source.document_id")
    for bound in (fact.valid.start, fact.valid.end):
        if bound is not None and not 1 <= bound.year <= 9999:
            raise InvalidInput("dates must lie in years 1..9999", f"{field}.valid")
    return fact


def _reason(item: Mapping[str, Any], field: str) -> str:
    reason = item.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidInput("a reason is required", f"{field}.reason")
    _no_nul(reason, f"{field}.reason")
    return reason


def _expected(item: Mapping[str, Any], field: str) -> int | None:
    value = item.get("expected_version")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _INT32:
        raise InvalidInput("expected_version must be a non-negative integer", f"{field}.expected_version")
    return value


def parse_event(item: Any, field: str) -> ClientEvent:
    if not isinstance(item, Mapping):
        raise InvalidInput("an event must be a JSON object", field)
    event_id = _uuid(item.get("event_id"), f"{field}.event_id")
    type_ = item.get("type")
    event: DomainEvent
    if type_ == "FactAsserted":
        fact = parse_fact(item.get("fact"), f"{field}.fact")
        event, fact_id = FactAsserted(fact=fact), fact.fact_id
    elif type_ == "FactCorrected":
        fact = parse_fact(item.get("fact"), f"{field}.fact")
        fact_id = str(item.get("fact_id") or fact.fact_id)
        event = FactCorrected(fact_id=fact_id, fact=fact, reason=_reason(item, field))
    elif type_ == "FactRetracted":
        given = item.get("fact_id")
        if not isinstance(given, str) or not given:
            raise InvalidInput("fact_id is required", f"{field}.fact_id")
        fact_id = given
        event = FactRetracted(fact_id=fact_id, reason=_reason(item, field))
    else:
        raise InvalidInput(f"type must be one of {', '.join(EVENT_TYPES)}", f"{field}.type")
    _no_nul(fact_id, f"{field}.fact_id")
    return ClientEvent(event_id, event, f"fact-{fact_id}", _expected(item, field))


def parse_batch(items: Sequence[Any]) -> list[ClientEvent]:
    """Every event of the batch, or InvalidInput naming the first bad field (`events[2].fact.valid`)."""
    if not items:
        raise InvalidInput("the batch holds no events", "events")
    if len(items) > MAX_BATCH:
        raise InvalidInput(f"at most {MAX_BATCH} events per batch", "events")
    parsed = [parse_event(item, f"events[{n}]") for n, item in enumerate(items)]
    seen: set[str] = set()
    expected: dict[str, int] = {}
    for n, event in enumerate(parsed):
        if event.event_id in seen:
            raise InvalidInput("the same event_id appears twice in the batch", f"events[{n}].event_id")
        seen.add(event.event_id)
        if event.expected_version is not None:
            if expected.setdefault(event.stream_id, event.expected_version) != event.expected_version:
                raise InvalidInput(
                    f"two expected versions for stream {event.stream_id}", f"events[{n}].expected_version"
                )
    return parsed


def expected_versions(batch: Sequence[ClientEvent]) -> dict[str, int | None]:
    return {e.stream_id: e.expected_version for e in batch if e.expected_version is not None}
