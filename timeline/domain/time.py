"""Valid time: when a fact held in the world, with the precision the text gave it."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Certainty(StrEnum):
    CERTAIN = "certain"
    POSSIBLE = "possible"


def period_end(start: date, precision: Precision) -> date:
    """First day after the period that `start` names at `precision` ("June 2024" ends 2024-07-01)."""
    if precision is Precision.DAY:
        return start + timedelta(days=1)
    if precision is Precision.MONTH:
        days = calendar.monthrange(start.year, start.month)[1]
        return start.replace(day=1) + timedelta(days=days)
    return date(start.year + 1, 1, 1)


def edge_width_end(bound: date, precision: Precision) -> date:
    """Where the imprecise edge around a bound ends.

    A day-precise bound is exact for date-valued questions, so its edge is empty; a month or year
    bound may fall anywhere in its period, so the whole period is the edge.
    """
    if precision is Precision.DAY:
        return bound
    return period_end(bound, precision)


@dataclass(frozen=True, slots=True)
class ValidTime:
    """`start` and `end` are the first days of their periods at `precision`; `end` is exclusive.

    `start=None` means the text did not say when it began (e.g. "ранее"): such a fact is known to
    hold or have happened only from `end`-less document context, so the extractor gives `known_by`.
    """

    start: date | None
    end: date | None
    precision: Precision
    text: str = ""
    known_by: date | None = None

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"valid time ends ({self.end}) before it starts ({self.start})")
        if self.start is None and self.known_by is None:
            raise ValueError("an undated fact needs known_by (the date by which it was known)")

    @property
    def effective_start(self) -> date:
        """The earliest day the fact is treated as in force or happened."""
        if self.start is not None:
            return self.start
        assert self.known_by is not None
        return self.known_by


def state_certainty(valid: ValidTime, as_of: date) -> Certainty | None:
    """Whether a state holding over `valid` is in force on `as_of`: certain, possible, or not (None)."""
    start = valid.effective_start
    if as_of < start:
        return None
    certain = as_of >= (edge_width_end(start, valid.precision) if valid.start is not None else start)
    if valid.end is not None:
        if as_of >= edge_width_end(valid.end, valid.precision):
            return None
        if as_of >= valid.end:
            certain = False
    return Certainty.CERTAIN if certain else Certainty.POSSIBLE


def event_certainty(valid: ValidTime, as_of: date) -> Certainty | None:
    """Whether an event had happened by `as_of`: certain, possible (inside its imprecise period), or not."""
    start = valid.effective_start
    if as_of < start:
        return None
    if valid.start is None:
        return Certainty.CERTAIN
    return Certainty.CERTAIN if as_of >= edge_width_end(start, valid.precision) else Certainty.POSSIBLE
