"""POST /sql: read-only reporting SQL, as timeline_reader, bounded in rows and time."""

from __future__ import annotations

from litestar import Controller, post
from litestar.di import NamedDependency
from litestar.params import JSONBody

from api.openapi import WRITE
from api.schemas import SqlIn, SqlOut
from api.settings import Settings
from timeline.errors import InvalidInput
from timeline.service.aio import AsyncService


def _bounded(value: int | None, ceiling: int, field: str) -> int:
    if value is None:
        return ceiling
    if not 1 <= value <= ceiling:
        raise InvalidInput(f"{field} must lie in 1..{ceiling}", field)
    return value


class SqlController(Controller):
    path = "/sql"
    tags = ["sql"]

    @post(
        "/",
        summary="Run one read-only SQL statement; parameters are bound, never spliced",
        description="Runs as `timeline_reader` in a read-only transaction with a statement timeout. Use "
        "`%(name)s` placeholders with `params` (then write a literal percent sign as `%%`). Answers at most "
        "`row_limit` rows and says whether more were left. Example: "
        '`{"sql": "SELECT predicate, count(*) FROM facts GROUP BY 1", "params": null}`',
        responses=WRITE,
        opt={"scope": "read"},
        status_code=200,
    )
    async def run(
        self,
        timeline: NamedDependency[AsyncService],
        data: JSONBody[SqlIn],
        settings: NamedDependency[Settings],
    ) -> SqlOut:
        row_limit = _bounded(data.row_limit, settings.sql_row_limit, "row_limit")
        timeout_ms = _bounded(data.timeout_ms, settings.sql_timeout_ms, "timeout_ms")
        result = await timeline.run_readonly_sql(data.sql, data.params, row_limit, timeout_ms)
        return SqlOut(result.columns, result.rows, result.truncated, row_limit)
