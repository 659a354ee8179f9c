"""The app's AsyncService: opened in the lifespan, handed to handlers and guards."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, cast

from litestar import Litestar
from litestar.connection import ASGIConnection
from litestar.datastructures import State

from timeline.service.aio import AsyncService, PoolSettings


def service_lifespan(pool: PoolSettings) -> Callable[[Litestar], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        timeline = await AsyncService.open(pool)
        app.state.timeline = timeline
        try:
            yield
        finally:
            await timeline.close()

    return lifespan


def provide_timeline(state: State) -> AsyncService:
    return cast(AsyncService, state.timeline)


def timeline_of(connection: ASGIConnection[Any, Any, Any, Any]) -> AsyncService:
    return cast(AsyncService, connection.app.state.timeline)
