"""Engines: the application works as `timeline_app`, which may only INSERT and SELECT on the log."""

from __future__ import annotations

from typing import Any

import psycopg
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from timeline import config
from timeline.store import embedded

APP_ROLE = "timeline_app"
READER_ROLE = "timeline_reader"


def database_url() -> str:
    """The configured server's URL, starting the embedded one when none is configured."""
    return config.configured_database_url() or embedded.start()


def _assume_role_on_connect(engine: Engine, role: str) -> None:
    statement = f"SET ROLE {role}"

    @event.listens_for(engine, "connect")
    def _assume_role(dbapi_connection: Any, _record: Any) -> None:
        # Dropping to the app role at connect means even the owner's login cannot rewrite history.
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(statement)
        except psycopg.Error as exc:
            # The role is missing where migrations never ran: the connection is unusable, and the caller's
            # request is not at fault (psycopg calls it an invalid value, which reads as a 400).
            raise psycopg.OperationalError(f"cannot act as {role}: {exc}") from exc
        finally:
            cursor.close()
        dbapi_connection.commit()


def make_engine(url: str | None = None, role: str | None = APP_ROLE, **kwargs: Any) -> Engine:
    engine = create_engine(config.sqlalchemy_url(url or database_url()), **kwargs)
    if role is not None:
        _assume_role_on_connect(engine, role)
    return engine


def make_async_engine(url: str, role: str | None = APP_ROLE, **kwargs: Any) -> AsyncEngine:
    """An engine over async psycopg with its own connection pool; use it on one event loop only."""
    engine = create_async_engine(config.sqlalchemy_url(url), **kwargs)
    if role is not None:
        _assume_role_on_connect(engine.sync_engine, role)
    return engine


def reader_url() -> str:
    return config.configured_reader_url() or config.as_user(database_url(), READER_ROLE)


_engines: dict[str, Engine] = {}


def app_engine() -> Engine:
    """The process's pooled engine for the configured database, made once per URL."""
    url = database_url()
    if url not in _engines:
        _engines[url] = make_engine(url, pool_pre_ping=True)
    return _engines[url]


def dispose_app_engines() -> None:
    """Close pooled connections (tests switch databases; servers shut down)."""
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()
