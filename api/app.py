"""The ASGI app: `create_app(settings)` wires controllers, auth, problem+json errors and OpenAPI."""

from __future__ import annotations

from typing import Any

from litestar import Litestar, Request, Response, Router
from litestar.config.cors import CORSConfig
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin, SwaggerRenderPlugin

from api.auth import make_guard
from api.controllers.documents import DocumentsController
from api.controllers.events import EventsController
from api.controllers.health import HealthController
from api.controllers.keys import KeysController
from api.controllers.sql import SqlController
from api.controllers.state import StateController
from api.controllers.ui import ui_page
from api.deps import provide_timeline, service_lifespan
from api.examples import add_examples
from api.openapi import close_strict_bodies
from api.problems import EXCEPTION_HANDLERS
from api.schemas import REQUEST_BODIES
from api.settings import Settings

API_PREFIX = "/api/v1"


async def allow_every_method(request: Request[Any, Any, Any]) -> Response[None] | None:
    """Answer OPTIONS with every method of the path.

    Litestar 2.25 builds the automatic OPTIONS answer from the first handler registered for a path, so a
    path with GET and POST would advertise only one of them.
    """
    if request.method != "OPTIONS":
        return None
    template = request.scope.get("path_template", "")
    methods = next((r.methods for r in request.app.routes if r.path_format == template), set())
    allow = ", ".join(sorted({*methods, "OPTIONS"}))
    return Response(None, status_code=204, headers={"Allow": allow})


def _cors(settings: Settings) -> CORSConfig | None:
    if not settings.cors_origins:
        return None
    return CORSConfig(
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Authorization", "X-API-Key", "Content-Type", "Last-Event-ID"],
        expose_headers=["Retry-After"],
        max_age=600,
    )


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or Settings.from_env()
    api = Router(
        path=API_PREFIX,
        route_handlers=[
            HealthController,
            DocumentsController,
            EventsController,
            StateController,
            SqlController,
            KeysController,
        ],
        guards=[make_guard(settings)],
    )
    app = Litestar(
        route_handlers=[api, ui_page],
        dependencies={
            "settings": Provide(lambda: settings, use_cache=True, sync_to_thread=False),
            "timeline": Provide(provide_timeline, sync_to_thread=False),
        },
        lifespan=[service_lifespan(settings.pool)],
        exception_handlers=EXCEPTION_HANDLERS,
        before_request=allow_every_method,
        request_max_body_size=settings.max_body_bytes,
        cors_config=_cors(settings),
        debug=settings.debug,
        openapi_config=OpenAPIConfig(
            title="timeline",
            version="1",
            description="An event-sourced, bitemporal fact database: documents in, facts as of any date out. "
            "Send an API key as `Authorization: Bearer <key>`; errors are application/problem+json.",
            path="/schema",
            render_plugins=[SwaggerRenderPlugin(), ScalarRenderPlugin(path="/scalar")],
        ),
    )
    close_strict_bodies(app.openapi_schema, REQUEST_BODIES)
    add_examples(app.openapi_schema)
    return app
