"""Read-only SQL for reporting clients: one statement, as `timeline_reader`, read-only, with a timeout.

The caller's statement is sent with the extended query protocol (prepared), which PostgreSQL refuses to
run with more than one command, so `SELECT 1; RESET ROLE; ...` cannot reach past the first statement.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy import Connection
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


def run_readonly(
    conn: Connection, sql: str, params: Mapping[str, Any] | None, row_limit: int, timeout_ms: int
) -> QueryResult:
    """Run in the caller's fresh transaction, which the caller rolls back afterwards."""
    for statement in _setup(timeout_ms):
        conn.exec_driver_sql(statement)
    driver = conn.connection.driver_connection
    assert isinstance(driver, psycopg.Connection)
    with driver.cursor() as cursor:
        cursor.execute(sql, dict(params) if params else None, prepare=True)
        fetched = cursor.fetchmany(row_limit + 1) if cursor.description is not None else []
        return _result(cursor.description, fetched, row_limit)


async def run_readonly_async(
    conn: AsyncConnection, sql: str, params: Mapping[str, Any] | None, row_limit: int, timeout_ms: int
) -> QueryResult:
    """`run_readonly` over async psycopg: the driver's own cursor, awaited."""
    for statement in _setup(timeout_ms):
        await conn.exec_driver_sql(statement)
    driver = (await conn.get_raw_connection()).driver_connection
    assert isinstance(driver, psycopg.AsyncConnection)
    async with driver.cursor() as cursor:
        await cursor.execute(sql, dict(params) if params else None, prepare=True)
        fetched = await cursor.fetchmany(row_limit + 1) if cursor.description is not None else []
        return _result(cursor.description, fetched, row_limit)
