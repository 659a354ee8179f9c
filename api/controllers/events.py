"""The event log over HTTP: client-supplied fact events, a pollable feed, and a live SSE stream."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any

import anyio
import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import JSONBody, QueryParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage

from api.auth import caller_of
from api.openapi import AT_LEAST_ZERO, READ, WRITE, problems
from api.problems import database_unavailable
from api.schemas import AppendOut, EventsIn, FeedOut, event_out
from timeline.errors import InvalidInput
from timeline.service import StoredEvent
from timeline.service.aio import AsyncService

KEEP_ALIVE_SECONDS = 15.0
STREAM_BATCH = 100
log = logging.getLogger("timeline.api")

EVENTS_EXAMPLE = {
    "events": [
        {
            "event_id": "6f1c2a9e-3a55-4a51-9d0e-1b1f0f2f7a01",
            "type": "FactRetracted",
            "fact_id": "0b6c0000-0000-0000-0000-000000000000",
            "reason": "the source withdrew the report",
            "expected_version": 1,
        }
    ]
}


class _LogReads:
    """A live stream's reads of the log: while the database cannot answer, none, and the stream waits.

    The response has started by then, so an error could only cut the stream; a browser's EventSource that
    reconnects into a 503 gives up for good, so riding out a restart or a busy pool is kinder.
    """

    def __init__(self, timeline: AsyncService) -> None:
        self._timeline = timeline
        self._failing = False

    async def after(self, position: int) -> list[StoredEvent]:
        try:
            batch = await self._timeline.read_events(position, STREAM_BATCH)
        except Exception as exc:
            if not database_unavailable(exc):
                raise
            if not self._failing:
                log.warning("a live stream waits for the database (%s)", type(exc).__name__)
            self._failing = True
            return []
        self._failing = False
        return batch


def _resume_point(request: Request[Any, Any, Any], after: int | None) -> int:
    """Last-Event-ID (a reconnecting EventSource sends it) wins over `after`."""
    header = request.headers.get("last-event-id", "").strip()
    if header:
        if not header.isdigit():
            raise InvalidInput("Last-Event-ID must be a log position", "Last-Event-ID")
        return int(header)
    return after or 0


class EventsController(Controller):
    path = "/events"
    tags = ["events"]

    @post(
        "/",
        summary="Append a batch of fact events (atomic; event_id makes retries safe)",
        description="Each event names its `expected_version` of the stream `fact-<fact_id>` when the client "
        "wants optimistic concurrency: 409 when the stream moved on, and nothing of the batch is stored. "
        f"Example body: `{msgspec.json.encode(EVENTS_EXAMPLE).decode()}`",
        responses={**WRITE, **problems(401, 403, 409, 413)},
        opt={"scope": "write"},
        status_code=201,
    )
    async def append(
        self,
        timeline: NamedDependency[AsyncService],
        request: Request[Any, Any, Any],
        data: JSONBody[EventsIn],
    ) -> AppendOut:
        result = await timeline.append_client_events(data.events, caller_of(request).recorded_by)
        return AppendOut([event_out(e) for e in result.appended], list(result.already_stored))

    @get(
        "/",
        summary="The log after a position, in order: follow it by passing back last_position",
        responses=READ,
    )
    async def feed(
        self,
        timeline: NamedDependency[AsyncService],
        after: Annotated[
            int, QueryParameter(ge=0, le=2**53, description="the last position already seen")
        ] = 0,
        limit: Annotated[int, QueryParameter(ge=1, le=1000)] = 100,
    ) -> FeedOut:
        found = await timeline.read_events(after, limit)
        return FeedOut([event_out(e) for e in found], found[-1].position if found else after)

    @get(
        "/stream",
        summary="Live Server-Sent Events; resumes after the Last-Event-ID header (or `after`)",
        description="Each message has `id` = log position, `event` = event type, `data` = the event as JSON. "
        "`limit` closes the stream after that many events (for bounded reads).",
        responses={
            **READ,
            200: ResponseSpec(str, description="text/event-stream", media_type="text/event-stream"),
        },
    )
    async def stream(
        self,
        timeline: NamedDependency[AsyncService],
        request: Request[Any, Any, Any],
        after: Annotated[int | None, QueryParameter(ge=0, le=2**53, schema_extra=AT_LEAST_ZERO)] = None,
        limit: Annotated[int | None, QueryParameter(ge=1, le=100_000)] = None,
    ) -> Response[Any]:
        start = _resume_point(request, after)
        # Read before answering 200, so that a database that is down is a 503 problem, not a broken stream.
        first = await timeline.read_events(start, STREAM_BATCH)

        async def messages() -> AsyncIterator[ServerSentEventMessage]:
            position, sent, last_message = start, 0, anyio.current_time()
            batch: list[StoredEvent] | None = first
            reads = _LogReads(timeline)
            while limit is None or sent < limit:
                if batch is None:
                    batch = await reads.after(position)
                if not batch:
                    # The database's NOTIFY wakes this when an append commits; the log is read again anyway.
                    await timeline.wait_for_events(position, KEEP_ALIVE_SECONDS)
                    if anyio.current_time() - last_message >= KEEP_ALIVE_SECONDS:
                        # Proxies close silent connections; a comment line keeps this one open. No data
                        # line (Litestar writes an empty one by default): a browser would fire a message.
                        last_message = anyio.current_time()
                        yield ServerSentEventMessage(comment="keep-alive", data=None)
                    batch = None
                    continue
                for event in batch[: None if limit is None else limit - sent]:
                    data = msgspec.json.encode(event_out(event)).decode()
                    yield ServerSentEventMessage(data=data, event=event.type, id=str(event.position))
                    position, sent = event.position, sent + 1
                last_message, batch = anyio.current_time(), None

        return ServerSentEvent(messages())
