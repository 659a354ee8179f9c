"""Read-only SQL for reporting clients: one statement, as `timeline_reader`, read-only, with a timeout.

The caller's statement is sent with the extended query protocol (prepared), which PostgreSQL refuses to
run with more than one command, so `SELECT 1; RESET ROLE; ...` cannot reach past the first statement.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

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


def run_readonly(
    conn: Connection, sql: str, params: Mapping[str, Any] | None, row_limit: int, timeout_ms: int
) -> QueryResult:
    """Run in the caller's fresh transaction, which the caller rolls back afterwards."""
    conn.exec_driver_sql("SET TRANSACTION READ ONLY")
    conn.exec_driver_sql(f"SET LOCAL ROLE {READER_ROLE}")
    conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(timeout_ms)}")
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor:
        cursor.execute(sql, dict(params) if params else None, prepare=True)
        if cursor.description is None:
            return QueryResult([], [], False)
        columns = [c.name for c in cursor.description]
        fetched = cursor.fetchmany(row_limit + 1)
    rows = [[json_value(v) for v in row] for row in fetched[:row_limit]]
    return QueryResult(columns, rows, len(fetched) > row_limit)
