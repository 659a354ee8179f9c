"""Calendar arithmetic for resolving Russian date words against a document's own date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.domain.time import Precision, period_end


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of calendar the words named; `end` is exclusive.

    `bounded` says whether the end was said (a range, a season, a week) or only follows from the
    precision of a single day, month or year, in which case the mention keeps no end of its own.
    """

    start: date
    end: date
    precision: Precision
    bounded: bool = False


def day(value: date) -> Period:
    return Period(value, value + timedelta(days=1), Precision.DAY)


def month(year: int, number: int) -> Period:
    start = date(year, number, 1)
    return Period(start, period_end(start, Precision.MONTH), Precision.MONTH)


def year(value: int) -> Period:
    return Period(date(value, 1, 1), date(value + 1, 1, 1), Precision.YEAR)


def span(first: Period, last: Period, inclusive: bool) -> Period | None:
    """From the start of `first` to the end (or, exclusive, the start) of `last`."""
    end = last.end if inclusive else last.start
    if end <= first.start:
        return None
    precision = max(first.precision, last.precision, key=_coarseness)
    return Period(first.start, end, precision, bounded=True)


def _coarseness(precision: Precision) -> int:
    return {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}[precision]


def add_months(year_: int, month_: int, delta: int) -> tuple[int, int]:
    index = year_ * 12 + (month_ - 1) + delta
    return index // 12, index % 12 + 1


def week_of(value: date) -> Period:
    monday = value - timedelta(days=value.weekday())
    return Period(monday, monday + timedelta(days=7), Precision.DAY, bounded=True)


def nearest_day(month_: int, day_: int, anchor: date, either_way: bool) -> date | None:
    """The `day_` of `month_` latest not after `anchor`, or (`either_way`) the closest to it on either side.

    Looks a few years away so that 29 February still finds a leap year; None if no such day exists.
    """
    candidates: list[date] = []
    for year_ in range(anchor.year - 8, anchor.year + 9):
        try:
            candidates.append(date(year_, month_, day_))
        except ValueError:
            continue
    if either_way:
        return min(candidates, key=lambda d: (abs((d - anchor).days), d < anchor), default=None)
    past = [d for d in candidates if d <= anchor]
    return past[-1] if past else None


def nearest_month(month_: int, anchor: date, either_way: bool) -> Period:
    """The month `month_` latest starting by `anchor`, or (`either_way`) the one closest to it."""
    latest = month(anchor.year if month_ <= anchor.month else anchor.year - 1, month_)
    if not either_way or latest.end > anchor:
        return latest
    following = month(latest.start.year + 1, month_)
    return following if (following.start - anchor) <= (anchor - latest.end) else latest


def months_block(year_: int, first_month: int, count: int, precision: Precision = Precision.MONTH) -> Period:
    """`count` whole months from `first_month` of `year_` (months may run into the next year)."""
    start = date(year_, first_month, 1)
    end_year, end_month = add_months(year_, first_month, count)
    return Period(start, date(end_year, end_month, 1), precision, bounded=True)


def season(first_month: int, label_year: int) -> Period:
    """A season of `label_year`; winter belongs to the year its January falls in (Dec of the year before)."""
    start_year = label_year - 1 if first_month == 12 else label_year
    return months_block(start_year, first_month, 3)


def nearest_season(first_month: int, anchor: date, shift: int | None) -> Period:
    """Resolve a season named without a year.

    No modifier: the latest occurrence that started on or before `anchor`. "этой" (0): the one
    holding `anchor`, else the next. "прошлой" (-1): the latest one already over. "следующей" (+1):
    the first one starting after `anchor`.
    """
    candidates = [season(first_month, label) for label in range(anchor.year - 2, anchor.year + 3)]
    if shift is None:
        return [p for p in candidates if p.start <= anchor][-1]
    if shift == 0:
        return next(p for p in candidates if p.end > anchor)
    if shift < 0:
        return [p for p in candidates if p.end <= anchor][shift]
    return [p for p in candidates if p.start > anchor][shift - 1]


def part_of(period: Period, part: str) -> Period:
    """Beginning, middle or end of a month (days 1-10, 11-20, 21-end), year (thirds) or week."""
    if period.precision is Precision.MONTH and not period.bounded:
        first = period.start
        bounds = {"нач": (1, 11), "сер": (11, 21), "кон": (21, None)}[part]
        start = first.replace(day=bounds[0])
        end = period.end if bounds[1] is None else first.replace(day=bounds[1])
        return Period(start, end, Precision.DAY, bounded=True)
    if period.precision is Precision.YEAR and not period.bounded:
        first_month = {"нач": 1, "сер": 5, "кон": 9}[part]
        return months_block(period.start.year, first_month, 4)
    days = (period.end - period.start).days
    third = max(days // 3, 1)
    offset = {"нач": 0, "сер": third, "кон": days - third}[part]
    start = period.start + timedelta(days=offset)
    return Period(start, start + timedelta(days=third), Precision.DAY, bounded=True)


def quarter(year_: int, number: int) -> Period:
    return months_block(year_, 3 * (number - 1) + 1, 3)


def half(year_: int, number: int) -> Period:
    return months_block(year_, 6 * (number - 1) + 1, 6)


def latest_block(make: Callable[[int, int], Period], number: int, anchor: date) -> Period:
    """The latest quarter or half numbered `number` that started on or before `anchor`."""
    current = make(anchor.year, number)
    return current if current.start <= anchor else make(anchor.year - 1, number)


def century(number: int) -> Period:
    """The N-th century runs from year (N-1)*100+1 to N*100, as Russian reference books count it."""
    return Period(date((number - 1) * 100 + 1, 1, 1), date(number * 100 + 1, 1, 1), Precision.YEAR, True)


def decade(first_year: int) -> Period:
    return Period(date(first_year, 1, 1), date(first_year + 10, 1, 1), Precision.YEAR, bounded=True)
