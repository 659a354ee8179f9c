"""Checks on what callers pass in, turned into InvalidInput that names the field."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from timeline.errors import InvalidInput


def as_date(value: date | str, field: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInput(f"{field} must be a date (YYYY-MM-DD), got {value!r}", field=field) from None


def as_instant(value: datetime | str | None, field: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        try:
            value = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise InvalidInput(
                f"{field} must be an ISO timestamp (2025-11-07T12:00:00+00:00), got {value!r}", field=field
            ) from None
    # A time without a zone is read as UTC, the zone recorded times are shown in.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def require_reason(reason: str, change: str) -> None:
    if not reason.strip():
        raise InvalidInput(f"a {change} needs a reason", field="reason")


def uuid_or_none(value: str) -> str | None:
    """The canonical spelling of a UUID, or None for anything else (which then matches nothing)."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def require_range(value: int, low: int, high: int, field: str) -> None:
    if not low <= value <= high:
        raise InvalidInput(f"{field} must lie in {low}..{high}", field)
