"""Read-only SQL for reporting clients: one statement, as `timeline_reader`, read-only, with a timeout.

The caller's statement is sent with the extended query protocol, which PostgreSQL refuses to run with more
than one command, so `SELECT 1; RESET ROLE; ...` cannot reach past the first statement. Rows are streamed
and the statement is cancelled after `row_limit + 1` of them: a client-side cursor would first hold the
whole result in the API's memory, however few rows it answers with.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import decimal
import uuid
from collections.abc import AsyncGenerator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

import psycopg
from sqlalchemy.ext.asyncio import AsyncConnection

from timeline.store.db import READER_ROLE


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


def json_value(value: Any) -> Any:
    """A value PostgreSQL returned, as JSON can carry it (exact numbers as strings, bytes as base64)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else str(value)
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Mapping):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return str(value)


def _setup(timeout_ms: int) -> list[str]:
    return [
        "SET TRANSACTION READ ONLY",
        f"SET LOCAL ROLE {READER_ROLE}",
        f"SET LOCAL statement_timeout = {int(timeout_ms)}",
    ]


def _result(description: Sequence[Any] | None, fetched: Sequence[Any], row_limit: int) -> QueryResult:
    if description is None:
        return QueryResult([], [], False)
    rows = [[json_value(v) for v in row] for row in fetched[:row_limit]]
    return QueryResult([c.name for c in description], rows, len(fetched) > row_limit)


def _describe_empty(sql: str) -> str:
    # A streamed result with no rows names its columns only in its closing message, which psycopg drops; the
    # same statement under LIMIT 0 names them without producing a row.
    # The caller's SQL runs as it is anyway, as timeline_reader: wrapping it grants nothing more.
    return f"SELECT * FROM (\n{sql.rstrip().rstrip(';')}\n) AS described LIMIT 0"  # noqa: S608


async def run_readonly_async(
    conn: AsyncConnection, sql: str, params: Mapping[str, Any] | None, row_limit: int, timeout_ms: int
) -> QueryResult:
    """`run_readonly` over async psycopg: the driver's own cursor, awaited."""
    for statement in _setup(timeout_ms):
        await conn.exec_driver_sql(statement)
    driver = (await conn.get_raw_connection()).driver_connection
    assert isinstance(driver, psycopg.AsyncConnection)
    bound = dict(params) if params else None
    psycopg.AsyncClientCursor(driver).mogrify(sql, bound)  # placeholders that do not match fail here, unsent
    rows: list[Any] = []
    async with driver.cursor() as cursor:
        try:
            # Closed at once when the limit is reached: that cancels the statement and frees the connection.
            astream = cast(AsyncGenerator[Any, None], cursor.stream(sql, bound))  # typed as an iterator
            async with contextlib.aclosing(astream):
                async for row in astream:
                    rows.append(row)
                    if len(rows) > row_limit:
                        break
        except psycopg.ProgrammingError as exc:
            if exc.sqlstate is not None:
                raise
            return QueryResult([], [], False)  # a command with no result, such as SET
        description = cursor.description
        if description is None:
            with contextlib.suppress(psycopg.Error):
                await cursor.execute(_describe_empty(sql), bound)
                description = cursor.description
        return _result(description, rows, row_limit)
