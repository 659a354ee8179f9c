"""Liveness and readiness, public so that orchestrators need no key."""

from __future__ import annotations

from litestar import Controller, Response, get
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec

from api.schemas import Health, Ready
from timeline.service.aio import AsyncService


class HealthController(Controller):
    path = "/"
    tags = ["health"]
    opt = {"scope": "public"}

    @get("/health", summary="The process answers")
    async def health(self) -> Health:
        return Health("ok")

    @get(
        "/ready",
        summary="The database answers and its schema is at the newest migration",
        responses={503: ResponseSpec(Ready, description="Not ready: the body says why")},
    )
    async def ready(self, timeline: NamedDependency[AsyncService]) -> Response[Ready]:
        found = await timeline.readiness()
        body = Ready(found.ready, found.database, found.revision, found.head)
        return Response(body, status_code=200 if found.ready else 503)
