"""Read-only SQL for reporting clients: the checks before it runs and the meaning of what PostgreSQL says."""

from __future__ import annotations

import psycopg
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from timeline.errors import DatabaseUnavailable, InvalidInput, TimelineError

# Connection exceptions, operator intervention (the server shutting down) and insufficient resources.
_UNAVAILABLE_STATES = ("08", "57P", "53")


def check_statement(sql: str) -> None:
    if not sql.strip():
        raise InvalidInput("no SQL given", "sql")
    if "\x00" in sql:
        raise InvalidInput("SQL may not contain NUL characters", "sql")


def _lost_server(state: str | None) -> bool:
    """An operational or interface error with this SQLSTATE (none: the connection itself) means no server."""
    return state is None or state.startswith(_UNAVAILABLE_STATES)


def is_connection_failure(exc: DBAPIError) -> bool:
    """The server is gone or refuses connections, as opposed to refusing this statement."""
    return isinstance(exc, OperationalError | InterfaceError) and _lost_server(
        getattr(exc.orig, "sqlstate", None)
    )


def reporting_error(exc: DBAPIError | psycopg.Error) -> TimelineError:
    """SQL errors are the caller's, in PostgreSQL's words; a lost server is DatabaseUnavailable."""
    if isinstance(exc, DBAPIError):
        if is_connection_failure(exc):
            return DatabaseUnavailable(str(exc.orig))
        return InvalidInput(str(exc.orig).strip(), "sql")
    # Raised by the driver's own cursor, so SQLAlchemy did not wrap it.
    state = exc.sqlstate
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError) and _lost_server(state):
        return DatabaseUnavailable(str(exc))
    # No SQLSTATE: the driver refused before sending (placeholders that do not match the params).
    return InvalidInput(str(exc).strip(), "sql" if state is not None else "params")
