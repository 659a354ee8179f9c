"""OpenAPI pieces shared by the controllers: problem responses and the two-media-type document body."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import msgspec
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example, OpenAPI, OpenAPIMediaType, Operation, RequestBody, Schema
from litestar.openapi.spec.enums import OpenAPIFormat, OpenAPIType

from api.problems import PROBLEM_JSON, Problem

_DESCRIPTIONS = {
    400: "Bad input; `field` names what",
    401: "No API key, or an unknown or revoked one",
    403: "The key's scope does not allow this",
    404: "No such resource",
    409: "A stream moved on since the expected version",
    413: "The body is over the size limit",
    415: "Unsupported content type",
    503: "The database is not reachable",
}


def problems(*statuses: int) -> dict[int, ResponseSpec]:
    """Problem responses for a route; every route can also answer 400, 401/403 and 503."""
    wanted = sorted({400, 503, *statuses})
    return {
        s: ResponseSpec(data_container=Problem, description=_DESCRIPTIONS[s], media_type=PROBLEM_JSON)
        for s in wanted
    }


# Litestar 2.25 drops `ge=0` from the schema of an optional integer (zero is falsy), so it is said again.
AT_LEAST_ZERO = {"minimum": 0}

READ = problems(401, 403)
WRITE = problems(401, 403, 413)

SEED_EXAMPLE = (
    " date 2025-11-07 Заголовок\nСо стороны КНДР делегацию принимал министр обороны КНДР Но Гван Чоль."
)


def _document_schema() -> Schema:
    text = Schema(type=OpenAPIType.STRING, min_length=1)
    nullable = Schema(one_of=[Schema(type=OpenAPIType.STRING), Schema(type=OpenAPIType.NULL)])
    nullable_date = Schema(
        one_of=[Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.DATE), Schema(type=OpenAPIType.NULL)]
    )
    return Schema(
        type=OpenAPIType.OBJECT,
        required=["text"],
        properties={
            "text": text,
            "published_at": nullable_date,
            "title": nullable,
            "url": nullable,
            "publisher": nullable,
        },
        additional_properties=False,
    )


@dataclass
class DocumentBodyOperation(Operation):
    """POST /documents takes JSON or the seed format as text/plain; Litestar sees only raw bytes."""

    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.request_body = RequestBody(
            required=True,
            description="A document as JSON, or as text/plain in the seed format",
            content={
                "application/json": OpenAPIMediaType(
                    schema=_document_schema(),
                    examples={
                        "news": Example(
                            value={
                                "text": "Встреча состоялась в Пхеньяне 6 ноября.",
                                "published_at": "2025-11-07",
                                "publisher": "РБК-Украина",
                            }
                        )
                    },
                ),
                "text/plain": OpenAPIMediaType(
                    schema=Schema(type=OpenAPIType.STRING, min_length=1),
                    examples={"seed": Example(value=SEED_EXAMPLE)},
                ),
            },
        )


def close_strict_bodies(openapi: OpenAPI, structs: Iterable[type[msgspec.Struct]]) -> None:
    """Say in the schema what msgspec enforces: bodies that forbid unknown fields are closed objects.

    Litestar does not carry `forbid_unknown_fields` into the schema, so without this a client reading the
    schema would think `{"reason": "…", "note": "…"}` acceptable and get a 400.
    """
    components = openapi.components.schemas if openapi.components else None
    for struct in structs:
        found = components.get(struct.__name__) if components else None
        if isinstance(found, Schema) and struct.__struct_config__.forbid_unknown_fields:
            found.additional_properties = False
