"""Every error as application/problem+json (RFC 9457): ours, Litestar's own, and the database going away."""

from __future__ import annotations

import logging
import re
from http import HTTPStatus
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from sqlalchemy.exc import DataError, DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from timeline.errors import (
    ConcurrencyError,
    Conflict,
    DatabaseUnavailable,
    InvalidInput,
    NotFound,
    TimelineError,
)
from timeline.service.reporting import is_connection_failure

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("timeline.api")


class Problem(msgspec.Struct, omit_defaults=True):
    """RFC 9457 problem details; `field` names the input at fault when there is one."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    field: str | None = None
    errors: list[dict[str, Any]] | None = None


def problem(
    request: Request[Any, Any, Any],
    status: int,
    detail: str | None,
    field: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[Problem]:
    phrase = HTTPStatus(status).phrase
    body = Problem(
        type=f"https://timeline.invalid/problems/{phrase.lower().replace(' ', '-')}",
        title=phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
        field=field,
        errors=errors,
    )
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


_STATUS_OF: list[tuple[type[TimelineError], int]] = [
    (InvalidInput, 400),
    (NotFound, 404),
    (ConcurrencyError, 409),
    (Conflict, 409),
    (DatabaseUnavailable, 503),
]


def timeline_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    status = next((s for kind, s in _STATUS_OF if isinstance(exc, kind)), 400)
    if status == 503:
        return database_down(request, exc)
    return problem(request, status, str(exc), getattr(exc, "field", None))


def _field_of(errors: list[dict[str, Any]], detail: str) -> str | None:
    missing = re.search(r"Missing required [\w ]*?parameter '([^']+)'", detail)
    if missing:
        return missing.group(1)
    for error in errors:
        key = error.get("key")
        if key:
            return str(key)
        found = re.search(r"\$\.([\w.\[\]]+)", str(error.get("message", "")))
        if found:
            return found.group(1)
    return None


def http_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    assert isinstance(exc, HTTPException)
    status = exc.status_code
    if isinstance(exc, ValidationException):
        extra = exc.extra if isinstance(exc.extra, list) else []
        errors = [e for e in extra if isinstance(e, dict)]
        return problem(request, 400, exc.detail, _field_of(errors, exc.detail), errors or None)
    if status >= 500:
        log.error("HTTP %s at %s: %s", status, request.url.path, exc.detail)
    return problem(request, status, exc.detail, headers=dict(exc.headers or {}))


def _try_again_later(request: Request[Any, Any, Any], why: str, seconds: int) -> Response[Problem]:
    return problem(request, 503, f"{why}; try again later", headers={"Retry-After": str(seconds)})


def database_down(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    log.warning("database unavailable at %s: %s", request.url.path, type(exc).__name__)
    return _try_again_later(request, "the database is not reachable", 5)


def pool_exhausted(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    """Every pooled connection stayed busy for the pool's timeout: the server is overloaded, not broken."""
    log.warning("no free database connection at %s", request.url.path)
    return _try_again_later(request, "the database is busy (no free connection)", 1)


# Our own queries name a table, function or schema that is not there: the database was never migrated. (A
# caller's own SQL never gets here: POST /sql answers its errors as 400s.)
_SCHEMA_MISSING = ("42P01", "42883", "3F000")


def database_unavailable(exc: Exception) -> bool:
    """The database is gone, refuses connections or has none free: worth trying again later."""
    if isinstance(exc, DBAPIError):
        return is_connection_failure(exc)
    return isinstance(exc, PoolTimeout | DatabaseUnavailable)


def database_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    """Connection trouble is 503; a value PostgreSQL cannot store (a NUL byte, say) is 400."""
    assert isinstance(exc, DBAPIError)
    if is_connection_failure(exc):
        return database_down(request, exc)
    if getattr(exc.orig, "sqlstate", None) in _SCHEMA_MISSING:
        log.warning("the database lacks the schema at %s: run `timeline migrate`", request.url.path)
        return _try_again_later(request, "the database is not ready (not migrated)", 5)
    if isinstance(exc, DataError):
        return problem(request, 400, f"the database cannot take this value: {exc.orig}")
    return unexpected(request, exc)


def unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    log.exception("unexpected error at %s", request.url.path, exc_info=exc)
    return problem(request, 500, "an unexpected error; it has been logged")


EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    TimelineError: timeline_error,
    HTTPException: http_error,
    DBAPIError: database_error,
    PoolTimeout: pool_exhausted,
    Exception: unexpected,
}
