"""Examples for every operation in the OpenAPI schema, taken from the seed article as the API answers it.

They live here rather than on the handlers so that the controllers stay readable, and tests check each one
against the schema it illustrates (tests/test_api_examples.py): an example that drifts from the API fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from litestar.openapi.spec import Example, OpenAPI, OpenAPIResponse, Operation, Parameter, RequestBody

DOCUMENT_ID = "e0a0af18-5a03-5389-b7d6-c929f7da4625"
FACT_ID = "0e6f1186-0c3e-5277-b5df-2b8c677b09f8"
RECORDED_AT = "2026-11-26T17:14:15.316773Z"
SOURCE = {
    "document_id": DOCUMENT_ID,
    "published_at": "2025-11-07",
    "attribution": ["ЦТАК", "Радио Свобода", "РБК-Украина"],
    "quote": "Встреча военных двух диктатур состоялась в Пхеньяне 6 ноября.",
    "span": [691, 752],
}
GOREMYKIN = {"id": "person:viktor-goremykin", "name": "Виктор Горемыкин", "type": "PERSON"}
MEETING = {
    "fact_id": FACT_ID,
    "kind": "event",
    "predicate": "meeting",
    "actor": GOREMYKIN,
    "object": {"id": "person:no-gvan-chol", "name": "Но Гван Чоль", "type": "PERSON"},
    "participants": [{"id": "person:aleksandr-matsegora", "name": "Александр Мацегора", "type": "PERSON"}],
    "role": None,
    "location": {"id": "city:pyongyang", "name": "Пхеньян", "type": "CITY"},
    "quantity": None,
    "valid": {"from": "2025-11-06", "to": None, "precision": "day", "text": "6 ноября"},
    "modality": "asserted",
    "source": SOURCE,
    "confidence": 0.8,
    "extractor": "ru-rules/1",
}
HOLDING = MEETING | {
    "fact_id": "892e5ec0-77d0-551f-8feb-29590cd73ab7",
    "kind": "state",
    "predicate": "holds_position",
    "object": {"id": "country:ru", "name": "Россия", "type": "COUNTRY"},
    "participants": [],
    "role": "заместитель министра обороны",
    "location": None,
    "valid": {"from": None, "to": None, "precision": "day", "text": "6 ноября", "known_by": "2025-11-06"},
    "source": SOURCE
    | {
        "quote": "…которых возглавил заместитель министра обороны России Виктор Горемыкин.",
        "span": [397, 620],
    },
    "confidence": 0.85,
}
SUMMARY = {
    "document_id": DOCUMENT_ID,
    "title": "Россия договаривается с КНДР о новых наемниках: российские генералы прибыли в Пхеньян",
    "publisher": "РБК-Украина",
    "url": None,
    "published_at": "2025-11-07",
    "ingested_at": RECORDED_AT,
    "content_hash": "766ee9092bc5aeee080b252b489b408807c6984112ba3e762bd08dc1faa73fdf",
}
DOCUMENT = {k: v for k, v in SUMMARY.items() if k != "content_hash"} | {"created": True, "facts": [MEETING]}
RETRACTED = {
    "position": 42,
    "event_id": "6f1c2a9e-3a55-4a51-9d0e-1b1f0f2f7a01",
    "stream_id": f"fact-{FACT_ID}",
    "stream_version": 2,
    "type": "FactRetracted",
    "payload": {"fact_id": FACT_ID, "reason": "the source withdrew the report"},
    "recorded_at": "2026-11-27T09:30:00.000000Z",
    "recorded_by": "api-key:newsroom#50b0fe7a-8563-458f-929c-31bce2036db4",
    "document_id": None,
    "valid_from": None,
    "valid_to": None,
    "precision": None,
    "actor_id": None,
    "hash": "9c1a54f1e0d4f0b7a0c8d1f2e3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2",
}
REGISTERED = {
    "position": 2,
    "event_id": "a8309a38-03d1-59e5-9d8b-29c0ab29f1c7",
    "stream_id": "entity-country:ru",
    "stream_version": 1,
    "type": "EntityRegistered",
    "payload": {"entity_id": "country:ru", "name": "Россия", "type": "COUNTRY", "aliases": ["РФ", "России"]},
    "recorded_at": RECORDED_AT,
    "recorded_by": "extractor:ru-rules/1",
    "document_id": None,
    "valid_from": None,
    "valid_to": None,
    "precision": None,
    "actor_id": None,
    "hash": "e3fa1e2ea157d97af7f6b4750cc7c971395f0a2464add60adfbce0601a2476ba",
}
KDPR = {
    "id": "country:kp",
    "name": "КНДР",
    "type": "COUNTRY",
    "aliases": ["Северной Кореи", "Северную Корею"],
    "merged_from": [],
}
KEY = {
    "key_id": "50b0fe7a-8563-458f-929c-31bce2036db4",
    "name": "reporting",
    "scope": "read",
    "created_at": RECORDED_AT,
    "revoked_at": None,
    "secret": None,  # shown only in the answer that creates the key
}


@dataclass(frozen=True, slots=True)
class OperationExamples:
    status: int
    response: Any
    request: Any = None
    parameters: dict[str, Any] = field(default_factory=dict)


EXAMPLES: dict[tuple[str, str], OperationExamples] = {
    ("GET", "/api/v1/health"): OperationExamples(200, {"status": "ok"}),
    ("GET", "/api/v1/ready"): OperationExamples(
        200, {"ready": True, "database": True, "revision": "0005", "head": "0005"}
    ),
    ("POST", "/api/v1/documents"): OperationExamples(
        201,
        DOCUMENT,
        {
            "text": "Встреча военных двух диктатур состоялась в Пхеньяне 6 ноября.",
            "published_at": "2025-11-07",
            "publisher": "РБК-Украина",
        },
    ),
    ("GET", "/api/v1/documents"): OperationExamples(
        200, {"documents": [SUMMARY], "next_cursor": None}, parameters={"publisher": "РБК-Украина"}
    ),
    ("GET", "/api/v1/documents/{document_id}"): OperationExamples(
        200,
        DOCUMENT | {"created": False, "text": "Делегация российского режима посетила Северную Корею…"},
        parameters={"document_id": DOCUMENT_ID},
    ),
    ("POST", "/api/v1/events"): OperationExamples(
        201,
        {"appended": [RETRACTED], "already_stored": []},
        {
            "events": [
                {
                    "event_id": RETRACTED["event_id"],
                    "type": "FactRetracted",
                    "fact_id": FACT_ID,
                    "reason": "the source withdrew the report",
                    "expected_version": 1,
                }
            ]
        },
    ),
    ("GET", "/api/v1/events"): OperationExamples(
        200, {"events": [REGISTERED], "last_position": 2}, parameters={"after": 1, "limit": 1}
    ),
    ("GET", "/api/v1/events/stream"): OperationExamples(
        200,
        'id: 2\nevent: EntityRegistered\ndata: {"position": 2, "type": "EntityRegistered", …}\n\n',
        parameters={"after": 1},
    ),
    ("GET", "/api/v1/state"): OperationExamples(
        200,
        {
            "as_of": "2025-11-07",
            "known_at": "2026-11-26T17:14:17.891733+00:00",
            "state": [HOLDING | {"certainty": "certain"}],
            "events": [MEETING | {"certainty": "certain"}],
        },
        parameters={"as_of": "2025-11-07", "entity": "Горемыкин"},
    ),
    ("GET", "/api/v1/entities"): OperationExamples(200, [KDPR], parameters={"q": "Северн"}),
    ("GET", "/api/v1/entities/{entity_id}"): OperationExamples(200, KDPR, parameters={"entity_id": "КНДР"}),
    ("GET", "/api/v1/entities/{entity_id}/timeline"): OperationExamples(
        200,
        {
            "entity": GOREMYKIN | {"aliases": ["Горемыкин"], "merged_from": []},
            "versions": [
                {
                    "fact": MEETING,
                    "recorded_at": RECORDED_AT,
                    "recorded_to": None,
                    "change": "asserted",
                    "closed_as": None,
                    "position": 25,
                }
            ],
        },
        parameters={"entity_id": "Горемыкин"},
    ),
    ("POST", "/api/v1/facts/{fact_id}/retractions"): OperationExamples(
        201, RETRACTED, {"reason": "the source withdrew the report"}, {"fact_id": FACT_ID}
    ),
    ("POST", "/api/v1/facts/{fact_id}/corrections"): OperationExamples(
        201,
        RETRACTED
        | {
            "type": "FactCorrected",
            "payload": {"fact_id": FACT_ID, "reason": "the meeting was on 5 November"},
        },
        {
            "reason": "the meeting was on 5 November",
            "fact": MEETING
            | {"valid": {"from": "2025-11-05", "to": None, "precision": "day", "text": "5 ноября"}},
        },
        {"fact_id": FACT_ID},
    ),
    ("POST", "/api/v1/entities/{entity}/aliases"): OperationExamples(
        201,
        RETRACTED
        | {
            "stream_id": "entity-country:kp",
            "type": "EntityAliased",
            "payload": {"entity_id": "country:kp", "alias": "Северная Корея"},
        },
        {"alias": "Северная Корея"},
        {"entity": "КНДР"},
    ),
    ("POST", "/api/v1/entities/{entity}/merges"): OperationExamples(
        201,
        RETRACTED
        | {
            "stream_id": "entity-person:goremykin",
            "type": "EntitiesMerged",
            "payload": {
                "merged_id": "person:goremykin",
                "into_id": "person:viktor-goremykin",
                "reason": "the same deputy minister",
            },
        },
        {"into": "Виктор Горемыкин", "reason": "the same deputy minister"},
        {"entity": "person:goremykin"},
    ),
    ("POST", "/api/v1/sql"): OperationExamples(
        200,
        {
            "columns": ["predicate", "facts"],
            "rows": [["holds_position", 6], ["labor_supply", 1], ["military_presence", 2]],
            "truncated": False,
            "row_limit": 1000,
        },
        {
            "sql": "SELECT predicate, count(*) AS facts FROM timeline.current_state "
            "WHERE valid_from IS NULL OR valid_from >= %(since)s GROUP BY 1 ORDER BY 1 LIMIT 3",
            "params": {"since": "2025-01-01"},
        },
    ),
    ("GET", "/api/v1/keys"): OperationExamples(200, [KEY]),
    ("POST", "/api/v1/keys"): OperationExamples(
        201,
        KEY | {"secret": "tlk_T6OwrZn7viSQ0YrwCtx1omqvvohX5wqKNvQlG3mINaY"},
        {"name": "reporting", "scope": "read"},
    ),
    ("POST", "/api/v1/keys/{key_id}/revocation"): OperationExamples(
        200, KEY | {"revoked_at": "2026-11-27T10:00:00.000000Z"}, parameters={"key_id": KEY["key_id"]}
    ),
}


def _operation(openapi: OpenAPI, method: str, path: str) -> Operation | None:
    item = openapi.paths.get(path) if openapi.paths else None
    return getattr(item, method.lower(), None) if item is not None else None


def _add_to_parameters(parameters: list[Parameter] | None, values: dict[str, Any]) -> None:
    for parameter in parameters or []:
        if parameter.name in values:
            parameter.examples = {"seed": Example(value=values[parameter.name])}


def _add_to_body(body: RequestBody | Any, value: Any) -> None:
    if isinstance(body, RequestBody) and "application/json" in body.content:
        media = body.content["application/json"]
        media.examples = {**(media.examples or {}), "seed": Example(value=value)}


def _add_to_response(response: OpenAPIResponse | Any, value: Any) -> None:
    if isinstance(response, OpenAPIResponse) and response.content:
        for media in response.content.values():
            media.examples = {"seed": Example(value=value)}


def add_examples(openapi: OpenAPI) -> None:
    """Put every example into the generated schema: parameters, request bodies and success answers."""
    for (method, path), found in EXAMPLES.items():
        operation = _operation(openapi, method, path)
        if operation is None:
            continue
        _add_to_parameters(operation.parameters, found.parameters)  # type: ignore[arg-type]
        if found.request is not None:
            _add_to_body(operation.request_body, found.request)
        if operation.responses and str(found.status) in operation.responses:
            _add_to_response(operation.responses[str(found.status)], found.response)
