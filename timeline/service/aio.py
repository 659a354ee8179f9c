"""The asynchronous facade for the HTTP API: the same use cases, over async psycopg with a connection pool.

Use-case functions are synchronous functions of a connection; here they run through SQLAlchemy's
`AsyncConnection.run_sync`, which drives an async psycopg connection from the event loop without a thread
per request. Extraction is CPU work and runs in a worker thread. One `AsyncService` belongs to one event
loop (an app's lifespan): open it at startup and close it at shutdown.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, TypeVar

import anyio.to_thread
import psycopg
from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, ProgrammingError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine

from timeline import config
from timeline.extract.types import Document
from timeline.service import answers, changes, database, documents, entities, feed, keys
from timeline.service.database import Readiness
from timeline.service.documents import IngestResult
from timeline.service.extraction import extract_document
from timeline.service.recording import EXTRACTOR_RECORDER
from timeline.service.reporting import check_statement, reporting_error
from timeline.store import migrate
from timeline.store.db import database_url, make_async_engine, reader_url
from timeline.store.log_watch import LogWatcher
from timeline.store.reporting import QueryResult, run_readonly_async

P = ParamSpec("P")
T = TypeVar("T")
A = TypeVar("A")


@dataclass(frozen=True, slots=True)
class PoolSettings:
    size: int = 10
    overflow: int = 10
    timeout_seconds: float = 10.0
    poll_seconds: float = 0.5  # how often live readers look at the log while LISTEN is unavailable


class AsyncService:
    def __init__(self, url: str, reader: str, pool: PoolSettings) -> None:
        options: dict[str, Any] = {
            "pool_size": pool.size,
            "max_overflow": pool.overflow,
            "pool_timeout": pool.timeout_seconds,
            "pool_pre_ping": True,
        }
        self._engine: AsyncEngine = make_async_engine(url, **options)
        # Reporting SQL gets its own small pool, so slow reports cannot starve the API's own queries.
        self._reader: AsyncEngine = make_async_engine(
            reader, role=None, pool_size=2, max_overflow=3, pool_pre_ping=True
        )
        self._watcher = LogWatcher(config.libpq_url(url), pool.poll_seconds)

        query_state = self._reading(answers.query_state)
        self.state_as_of = self._finished_off_loop(query_state, answers.finish_state)
        self.state_as_of_json = self._finished_off_loop(query_state, answers.finish_state_json)
        self.entity_history = self._reading(answers.entity_history)
        self.retract_fact = self._writing(changes.retract_fact)
        self.correct_fact = self._writing(changes.correct_fact)
        self.store_extracted = self._writing(documents.store_extracted)
        self.known_document_id = self._reading(documents.known_document_id)
        self.get_document = self._reading(documents.get_document)
        self.list_documents = self._reading(documents.list_documents)
        self.append_client_events = self._writing(feed.append_client_events)
        self.read_events = self._reading(feed.read_events)
        self.create_key = self._writing(keys.create_key)
        self.revoke_key = self._writing(keys.revoke_key)
        self.list_keys = self._reading(keys.list_keys)
        self.authenticate_key = self._reading(keys.authenticate_key)
        self.search_entities = self._reading(entities.search_entities)
        self.get_entity = self._reading(entities.get_entity)
        self.alias_entity = self._writing(entities.alias_entity)
        self.merge_entities = self._writing(entities.merge_entities)

    @classmethod
    async def open(cls, pool: PoolSettings | None = None) -> AsyncService:
        """Connect to the configured database (starting the embedded server, off the event loop, if none)."""
        url = await anyio.to_thread.run_sync(database_url)
        service = cls(url, await anyio.to_thread.run_sync(reader_url), pool or PoolSettings())
        service._watcher.start()
        return service

    async def close(self) -> None:
        await self._watcher.stop()
        await self._engine.dispose()
        await self._reader.dispose()

    def _reading(self, use_case: Callable[Concatenate[Connection, P], T]) -> Callable[P, Awaitable[T]]:
        async def run(*args: P.args, **kwargs: P.kwargs) -> T:
            async with self._engine.connect() as conn:
                return await conn.run_sync(use_case, *args, **kwargs)

        run.__doc__ = use_case.__doc__
        return run

    def _writing(self, use_case: Callable[Concatenate[Connection, P], T]) -> Callable[P, Awaitable[T]]:
        async def run(*args: P.args, **kwargs: P.kwargs) -> T:
            async with self._engine.begin() as conn:
                return await conn.run_sync(use_case, *args, **kwargs)

        run.__doc__ = use_case.__doc__
        return run

    @staticmethod
    def _finished_off_loop(
        query: Callable[P, Awaitable[A]], finish: Callable[[A], T]
    ) -> Callable[P, Awaitable[T]]:
        """The query on the loop, then its CPU-heavy finish (rows into facts) in a worker thread."""

        async def run(*args: P.args, **kwargs: P.kwargs) -> T:
            return await anyio.to_thread.run_sync(finish, await query(*args, **kwargs))

        run.__doc__ = finish.__doc__
        return run

    async def ingest_document(
        self, document: Document, recorded_by: str = EXTRACTOR_RECORDER
    ) -> IngestResult:
        """Extract (in a worker thread: it is CPU work) and record in one transaction."""
        result = await anyio.to_thread.run_sync(extract_document, document)
        return await self.store_extracted(result, recorded_by)

    async def run_readonly_sql(
        self, sql: str, params: dict[str, Any] | None = None, row_limit: int = 1000, timeout_ms: int = 5000
    ) -> QueryResult:
        """One read-only statement as timeline_reader; SQL errors become InvalidInput."""
        check_statement(sql)
        try:
            async with self._reader.connect() as conn:
                try:
                    return await run_readonly_async(conn, sql, params, row_limit, timeout_ms)
                finally:
                    await conn.rollback()
        except (DBAPIError, psycopg.Error) as exc:
            raise reporting_error(exc) from exc

    async def readiness(self) -> Readiness:
        """Whether the database answers over the pool and carries the newest schema."""
        try:
            async with self._engine.connect() as conn:
                return await conn.run_sync(database.readiness_on)
        except ProgrammingError:
            # Before migration 0005 the application role may not read the revision: behind head anyway.
            return Readiness(True, None, migrate.head_revision())
        except (DBAPIError, PoolTimeout):
            # A pool with no free connection for its whole timeout cannot serve requests either.
            return Readiness(False, None, migrate.head_revision())

    async def wait_for_events(self, after: int, timeout: float) -> bool:
        """Wait until the log holds an event past `after` (True), or `timeout` passes (False)."""
        return await self._watcher.wait_past(after, timeout)

    @property
    def listening(self) -> bool:
        return self._watcher.listening

    @property
    def driver(self) -> str:
        dialect = self._engine.dialect
        return f"{dialect.driver} ({'async' if dialect.is_async else 'sync'})"

    def pool_status(self) -> str:
        """The pool's own summary (size, checked in and out), for operators and tests."""
        return self._engine.pool.status()

    async def until_listening(self, timeout: float) -> bool:
        return await self._watcher.until_listening(timeout)
