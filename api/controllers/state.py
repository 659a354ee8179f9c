"""As-of state, entities and their timelines, and retractions and corrections of facts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.openapi.spec import Example
from litestar.params import FromPath, JSONBody, QueryParameter

from api.auth import caller_of
from api.openapi import AT_LEAST_ZERO, READ, WRITE, problems
from api.schemas import SOME_TEXT, AliasIn, CorrectionIn, EventOut, MergeIn, ReasonIn, event_out
from timeline import service
from timeline.client_events import parse_fact
from timeline.domain.codec import fact_to_json
from timeline.service import EntityRecord
from timeline.service.aio import AsyncService

AS_OF = QueryParameter(description="the valid-time date", examples=[Example(value="2025-11-07")])
# A string the service parses: the query decoder would take epoch numbers ("0.0") for datetimes too.
KNOWN_AT = QueryParameter(
    description="recorded-time cut (ISO timestamp; default now)",
    examples=[Example(value="2026-01-10T12:00:00Z")],
    schema_extra={"format": "date-time"},
)
PREDICATE = QueryParameter(
    description="only facts of this predicate (the conventions' vocabulary)",
    schema_extra={"enum": list(service.KNOWN_PREDICATES)},
)
ENTITY = QueryParameter(description="id, name or alias", examples=[Example(value="КНДР")])


class StateOut(msgspec.Struct):
    as_of: str
    known_at: str
    state: list[dict[str, Any]]
    events: list[dict[str, Any]]


class EntityOut(msgspec.Struct):
    id: str
    name: str
    type: str
    aliases: list[str]
    merged_from: list[str]


class FactVersionOut(msgspec.Struct):
    fact: dict[str, Any]
    recorded_at: datetime
    recorded_to: datetime | None
    change: str
    closed_as: str | None
    position: int


class TimelineOut(msgspec.Struct):
    entity: EntityOut
    versions: list[FactVersionOut]


def entity_out(e: EntityRecord) -> EntityOut:
    return EntityOut(e.id, e.name, e.type, list(e.aliases), list(e.merged_from))


class StateController(Controller):
    path = "/"
    tags = ["state"]

    @get(
        "/state",
        summary="What held on as_of, as known at known_at (default: now)",
        description="`state`: state facts in force on as_of; `events`: event facts that happened by then, "
        "newest first. Every fact carries `certainty` (certain | possible).",
        responses={**READ, **problems(404)},
    )
    async def state(
        self,
        timeline: NamedDependency[AsyncService],
        as_of: Annotated[date, AS_OF],
        known_at: Annotated[str | None, KNOWN_AT] = None,
        entity: Annotated[str | None, ENTITY] = None,
        predicate: Annotated[str | None, PREDICATE] = None,
        events: Annotated[
            int | None,
            QueryParameter(
                ge=0, le=10_000, schema_extra=AT_LEAST_ZERO, description="at most this many events"
            ),
        ] = None,
    ) -> StateOut:
        return StateOut(**await timeline.state_as_of_json(as_of, known_at, entity, predicate, events))

    @get("/entities", summary="Entities whose name or alias contains q", responses=READ)
    async def search(
        self,
        timeline: NamedDependency[AsyncService],
        q: Annotated[str, QueryParameter(min_length=1, max_length=200, pattern=SOME_TEXT)],
        limit: Annotated[int, QueryParameter(ge=1, le=200)] = 20,
    ) -> list[EntityOut]:
        return [entity_out(e) for e in await timeline.search_entities(q, limit)]

    @get(
        "/entities/{entity_id:str}",
        summary="One entity by id, name or alias",
        responses={**READ, **problems(404)},
    )
    async def entity(self, timeline: NamedDependency[AsyncService], entity_id: FromPath[str]) -> EntityOut:
        return entity_out(await timeline.get_entity(entity_id))

    @get(
        "/entities/{entity_id:str}/timeline",
        summary="Every version of every fact naming the entity, in the order they were learned",
        responses={**READ, **problems(404)},
    )
    async def entity_timeline(
        self, timeline: NamedDependency[AsyncService], entity_id: FromPath[str]
    ) -> TimelineOut:
        found = await timeline.get_entity(entity_id)
        versions = await timeline.entity_history(found.id)
        return TimelineOut(
            entity_out(found),
            [
                FactVersionOut(
                    fact_to_json(v.fact), v.recorded_at, v.recorded_to, v.change, v.closed_as, v.position
                )
                for v in versions
            ],
        )

    @post(
        "/facts/{fact_id:str}/retractions",
        summary="Retract a fact (reason required; recorded_by is the caller)",
        responses={**WRITE, **problems(404, 409)},
        opt={"scope": "write"},
        status_code=201,
    )
    async def retract(
        self,
        timeline: NamedDependency[AsyncService],
        request: Request[Any, Any, Any],
        fact_id: FromPath[str],
        data: JSONBody[ReasonIn],
    ) -> EventOut:
        return event_out(await timeline.retract_fact(fact_id, data.reason, caller_of(request).recorded_by))

    @post(
        "/facts/{fact_id:str}/corrections",
        summary="Record a corrected version of a fact (reason required; the fact in the conventions' shape)",
        responses={**WRITE, **problems(404, 409)},
        opt={"scope": "write"},
        status_code=201,
    )
    async def correct(
        self,
        timeline: NamedDependency[AsyncService],
        request: Request[Any, Any, Any],
        fact_id: FromPath[str],
        data: JSONBody[CorrectionIn],
    ) -> EventOut:
        fact = parse_fact(data.fact, "fact")
        return event_out(
            await timeline.correct_fact(fact_id, fact, data.reason, caller_of(request).recorded_by)
        )

    @post(
        "/entities/{entity:str}/aliases",
        summary="Record another name for an entity (200 with no event when it already has it)",
        responses={**WRITE, **problems(404)},
        opt={"scope": "write"},
        status_code=201,
    )
    async def alias(
        self,
        timeline: NamedDependency[AsyncService],
        request: Request[Any, Any, Any],
        entity: FromPath[str],
        data: JSONBody[AliasIn],
    ) -> Response[EventOut | None]:
        stored = await timeline.alias_entity(entity, data.alias, caller_of(request).recorded_by)
        if stored is None:
            return Response(None, status_code=200)
        return Response(event_out(stored), status_code=201)

    @post(
        "/entities/{entity:str}/merges",
        summary="Record that this entity is the same as `into` from now on (answers known before stay apart)",
        responses={**WRITE, **problems(404, 409)},
        opt={"scope": "write"},
        status_code=201,
    )
    async def merge(
        self,
        timeline: NamedDependency[AsyncService],
        request: Request[Any, Any, Any],
        entity: FromPath[str],
        data: JSONBody[MergeIn],
    ) -> EventOut:
        return event_out(
            await timeline.merge_entities(entity, data.into, data.reason, caller_of(request).recorded_by)
        )
