"""Documents: ingest (JSON or the seed format), read one with its facts, list with filters and pages."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import HTTPException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, FromQuery, QueryParameter, RawBody

from api.openapi import READ, WRITE, DocumentBodyOperation, problems
from api.schemas import DocumentIn, DocumentOut, DocumentPageOut, facts_out, summary_out
from timeline import service
from timeline.errors import InvalidInput
from timeline.service import Document, ReadError
from timeline.service.aio import AsyncService

_MSGSPEC_PATH = re.compile(r"at `\$\.?([^`]*)`")


def _field_of(error: msgspec.ValidationError | msgspec.DecodeError) -> str:
    found = _MSGSPEC_PATH.search(str(error))
    return found.group(1) if found and found.group(1) else "body"


def _decode_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"the body is not UTF-8 (byte {exc.start})", "body") from None


def _check_text(text: str, field: str) -> None:
    if not text.strip():
        raise InvalidInput("the text is empty", field)
    if any(ord(c) < 32 and c not in "\n\r\t\f" for c in text):
        raise InvalidInput("the text holds control characters", field)


def _from_json(data: bytes) -> Document:
    try:
        body = msgspec.json.decode(data, type=DocumentIn)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise InvalidInput(str(exc), _field_of(exc)) from None
    _check_text(body.text, "text")
    for name in ("title", "url", "publisher"):
        value = getattr(body, name)
        if value is not None and "\x00" in value:
            raise InvalidInput("text may not contain NUL characters", name)
    if body.published_at is not None and not 1 <= body.published_at.year <= 9999:
        raise InvalidInput("published_at is out of range", "published_at")
    return Document(
        text=body.text,
        published_at=body.published_at,
        title=body.title,
        publisher=body.publisher,
        url=body.url,
        origin="POST /documents",
    )


def _from_seed(data: bytes) -> Document:
    text = _decode_text(data)
    _check_text(text, "body")
    try:
        return service.parse_seed_text(text, "POST /documents")
    except ReadError as exc:
        raise InvalidInput(str(exc), "body") from None


class DocumentsController(Controller):
    path = "/documents"
    tags = ["documents"]

    @post(
        "/",
        operation_class=DocumentBodyOperation,
        summary="Extract and record a document",
        description="201 with the new document's id and facts; the same text again answers 200 with the same "
        "id and records nothing.",
        responses={
            **WRITE,
            **problems(401, 403, 413, 415),
            200: ResponseSpec(
                DocumentOut, description="The same text was stored before: its id, nothing new"
            ),
        },
        opt={"scope": "write"},
        status_code=201,
    )
    async def create(
        self, timeline: NamedDependency[AsyncService], request: Request[Any, Any, Any], body: RawBody
    ) -> Response[DocumentOut]:
        kind = request.content_type[0].lower()
        if kind == "text/plain":
            document = _from_seed(body)
        elif kind in ("application/json", "") or kind.endswith("+json"):
            document = _from_json(body)
        else:
            raise HTTPException(status_code=415, detail=f"send application/json or text/plain, not {kind}")
        # A known text is answered from the store: extracting it again would only be thrown away.
        document_id, created = await timeline.known_document_id(document), False
        if document_id is None:
            result = await timeline.ingest_document(document)
            document_id, created = result.document_id, result.created
        stored = await timeline.get_document(document_id)
        answer = DocumentOut(
            document_id=document_id,
            created=created,
            title=stored.document.title,
            publisher=stored.document.publisher,
            url=stored.document.url,
            published_at=stored.document.published_at,
            ingested_at=stored.document.ingested_at,
            facts=facts_out(stored.facts),
        )
        return Response(answer, status_code=201 if created else 200)

    @get(
        "/{document_id:str}",
        summary="A document with its text and the facts recorded from it",
        responses={**READ, **problems(404)},
    )
    async def read(self, timeline: NamedDependency[AsyncService], document_id: FromPath[str]) -> DocumentOut:
        view = await timeline.get_document(document_id)
        doc = view.document
        return DocumentOut(
            document_id=doc.document_id,
            created=False,
            title=doc.title,
            publisher=doc.publisher,
            url=doc.url,
            published_at=doc.published_at,
            ingested_at=doc.ingested_at,
            text=doc.text,
            facts=facts_out(view.facts),
        )

    @get(
        "/",
        summary="Documents, newest first; pass next_cursor back as cursor for the next page",
        responses=READ,
    )
    async def list(
        self,
        timeline: NamedDependency[AsyncService],
        publisher: FromQuery[str | None] = None,
        since: Annotated[date | None, QueryParameter(description="published on or after this date")] = None,
        cursor: FromQuery[str | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
    ) -> DocumentPageOut:
        page = await timeline.list_documents(publisher, since, cursor, limit)
        return DocumentPageOut([summary_out(d) for d in page.documents], page.next_cursor)
