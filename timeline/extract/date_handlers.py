"""How each kind of Russian date expression becomes a period or a valid time (see dates.py for the rules)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.domain.time import Precision, ValidTime
from timeline.extract import date_calendar as cal
from timeline.extract.date_vocab import (
    MONTH_NOMINATIVES,
    ORDINALS,
    RELATIVE_SHIFT,
    SEASON_FORMS,
    SEASONS,
    SMALL_NUMBERS,
    WEEKDAYS,
    month_number,
    roman_to_int,
)

_DEADLINE_PREPS = frozenset({"до", "к", "по"})


@dataclass(frozen=True, slots=True)
class Context:
    text: str
    doc: date | None
    prep: str | None

    @property
    def either_way(self) -> bool:
        return self.prep in _DEADLINE_PREPS


Result = cal.Period | ValidTime | None
Handler = Callable[[re.Match[str], Context], Result]


def _valid_year(value: int) -> bool:
    return 1000 <= value <= 2199


def _explicit_year(m: re.Match[str], name: str, doc: date | None = None) -> int | None:
    """The year written in group `name` (or said as "этого года" relative to `doc`).

    ValueError (an impossible date) when it is out of range.
    """
    raw = m.group(name)
    relative = m.groupdict().get(name + "rel")
    if relative and doc is not None:
        return doc.year + RELATIVE_SHIFT[relative.lower()]
    if not raw:
        return None
    if not _valid_year(int(raw)):
        raise ValueError(f"year {raw} out of range")
    return int(raw)


def iso(m: re.Match[str], ctx: Context) -> Result:
    return cal.day(date(int(m["y"]), int(m["mo"]), int(m["d"])))


def numeric(m: re.Match[str], ctx: Context) -> Result:
    raw = m["y"]
    year = int(raw) if len(raw) == 4 else (2000 + int(raw) if int(raw) < 50 else 1900 + int(raw))
    return cal.day(date(year, int(m["mo"]), int(m["d"])))


def day_month(m: re.Match[str], ctx: Context) -> Result:
    number = month_number(m["mon"])
    year = _explicit_year(m, "y", ctx.doc)
    if number is None:
        return None
    if year is not None:
        return cal.day(date(year, number, int(m["d"])))
    if ctx.doc is None:
        return None
    found = cal.nearest_day(number, int(m["d"]), ctx.doc, ctx.either_way)
    if found is None:
        raise ValueError(f"no day {m['d']} in month {number}")
    return cal.day(found)


def _at_sentence_start(text: str, position: int) -> bool:
    return re.search(r"(?:^|[.!?\n…]\s*|[\"«]\s*)$", text[:position]) is not None


def month(m: re.Match[str], ctx: Context) -> Result:
    number = month_number(m["mon"])
    year = _explicit_year(m, "y", ctx.doc)
    if number is None:
        return None
    # A capitalised bare "Марта"/"Мая" is far more often a name than a month; "Март выдался" is not.
    if m["mon"][0].isupper() and year is None and not ctx.prep:
        if m["mon"].lower() not in MONTH_NOMINATIVES or not _at_sentence_start(ctx.text, m.start()):
            return None
    if year is not None:
        return cal.month(year, number)
    if ctx.doc is None:
        return None
    return cal.nearest_month(number, ctx.doc, ctx.either_way)


def year(m: re.Match[str], ctx: Context) -> Result:
    value = _explicit_year(m, "y", ctx.doc)
    return cal.year(value) if value else None


def _inclusive(m: re.Match[str], ctx: Context) -> bool | None:
    """Whether a range includes its last period; None when the words do not make a range."""
    connector = m["conn"].strip().lower()
    if connector in ("по", "до") and ctx.prep != "с":
        return None
    return connector != "до"


def year_range(m: re.Match[str], ctx: Context) -> Result:
    inclusive = _inclusive(m, ctx)
    bracketed = ctx.text[m.start() - 1 : m.start()] == "("
    if inclusive is None or not (m["yw1"] or m["yw2"] or ctx.prep == "с" or bracketed):
        return None
    first, last = _explicit_year(m, "y1", ctx.doc), _explicit_year(m, "y2", ctx.doc)
    assert first is not None and last is not None
    return cal.span(cal.year(first), cal.year(last), inclusive)


def month_range(m: re.Match[str], ctx: Context) -> Result:
    inclusive = _inclusive(m, ctx)
    first, last = month_number(m["m1"]), month_number(m["m2"])
    if inclusive is None or first is None or last is None:
        return None
    y1, y2 = _explicit_year(m, "y1", ctx.doc), _explicit_year(m, "y2", ctx.doc)
    if y2 is None and y1 is None:
        if ctx.doc is None:
            return None
        y1 = cal.nearest_month(first, ctx.doc, either_way=False).start.year
    if y1 is None:
        assert y2 is not None
        y1 = y2 if first <= last else y2 - 1
    if y2 is None:
        y2 = y1 if last >= first else y1 + 1
    return cal.span(cal.month(y1, first), cal.month(y2, last), inclusive)


def day_range(m: re.Match[str], ctx: Context) -> Result:
    inclusive = _inclusive(m, ctx)
    last_month = month_number(m["m2"])
    first_month = month_number(m["m1"]) if m["m1"] else last_month
    if inclusive is None or first_month is None or last_month is None:
        return None
    d1, d2 = int(m["d1"]), int(m["d2"])
    y1, y2 = _explicit_year(m, "y1", ctx.doc), _explicit_year(m, "y2", ctx.doc)
    if y2 is not None:
        start = date(y1 or (y2 if first_month <= last_month else y2 - 1), first_month, d1)
    elif y1 is not None:
        start = date(y1, first_month, d1)
    else:
        if ctx.doc is None:
            return None
        found = cal.nearest_day(first_month, d1, ctx.doc, either_way=False)
        if found is None:
            raise ValueError(f"no day {d1} in month {first_month}")
        start = found
    if y2 is None:
        y2 = start.year if (last_month, d2) >= (first_month, d1) else start.year + 1
    return cal.span(cal.day(start), cal.day(date(y2, last_month, d2)), inclusive)


def season(m: re.Match[str], ctx: Context) -> Result:
    form = m["season"].lower()
    first_month, _ = SEASONS[SEASON_FORMS[form]]
    year = _explicit_year(m, "y", ctx.doc)
    shift = RELATIVE_SHIFT.get(m["rel"].lower()) if m["rel"] else None
    if not (form.endswith(("ой", "ом", "ью")) or ctx.prep or year or m["rel"]):
        return None
    if year is not None:
        return cal.season(first_month, year)
    if ctx.doc is None:
        return None
    return cal.nearest_season(first_month, ctx.doc, shift)


def _relative_base(unit: str, shift: int, doc: date) -> cal.Period:
    if unit.startswith("год"):
        return cal.year(doc.year + shift)
    if unit.startswith("месяц"):
        return cal.month(*cal.add_months(doc.year, doc.month, shift))
    return cal.week_of(doc + timedelta(weeks=shift))


def _part(m: re.Match[str], ctx: Context, base: cal.Period) -> Result:
    part = m["part"].lower()[:3]
    if part == "кон" and ctx.prep in ("до", "к"):
        return finish(base, "по", ctx.doc, "")
    return cal.part_of(base, part)


def part_of_month(m: re.Match[str], ctx: Context) -> Result:
    number = month_number(m["mon"])
    year = _explicit_year(m, "y", ctx.doc)
    if number is None:
        return None
    if year is not None:
        return _part(m, ctx, cal.month(year, number))
    if ctx.doc is None:
        return None
    return _part(m, ctx, cal.nearest_month(number, ctx.doc, ctx.either_way))


def part_of_period(m: re.Match[str], ctx: Context) -> Result:
    year = _explicit_year(m, "y", ctx.doc)
    if year is not None:
        return _part(m, ctx, cal.year(year))
    if ctx.doc is None:
        return None
    shift = RELATIVE_SHIFT[m["rel"].lower()] if m["rel"] else 0
    return _part(m, ctx, _relative_base(m["unit"].lower(), shift, ctx.doc))


def quarter(m: re.Match[str], ctx: Context) -> Result:
    number = ORDINALS[m["ord"].lower()]
    is_quarter = m["unit"].lower().startswith("квартал")
    make = cal.quarter if is_quarter else cal.half
    if number > (4 if is_quarter else 2):
        return None
    if m["unit"].lower().startswith("полови") and not (m["y"] or m["yr"]):
        return None  # "в первой половине дня" is a time of day, not half a year
    year = _explicit_year(m, "y", ctx.doc)
    if year is not None:
        return make(year, number)
    if ctx.doc is None:
        return None
    if m["rel"]:
        return make(ctx.doc.year + RELATIVE_SHIFT[m["rel"].lower()], number)
    return cal.latest_block(make, number, ctx.doc)


def decade(m: re.Match[str], ctx: Context) -> Result:
    raw = m["dec"]
    value = int(raw)
    if value % 10:
        return None
    if len(raw) == 2:
        value += 2000 if value < 20 else 1900
    return cal.decade(value)


def century(m: re.Match[str], ctx: Context) -> Result:
    raw = m["c"]
    number = int(raw) if raw.isdigit() else roman_to_int(raw)
    if number is None or not 1 <= number <= 22:
        return None
    return cal.century(number)


def relative_unit(m: re.Match[str], ctx: Context) -> Result:
    if ctx.doc is None:
        return None
    return _relative_base(m["unit"].lower(), RELATIVE_SHIFT[m["rel"].lower()], ctx.doc)


def weekday(m: re.Match[str], ctx: Context) -> Result:
    if m["d"]:  # "в четверг, 19 мая": the date says it, the weekday only repeats it
        return day_month(m, ctx)
    if ctx.doc is None or ctx.prep != "в":
        return None
    weekday = WEEKDAYS[m["wd"].lower()]
    if m["rel"]:
        monday = cal.week_of(ctx.doc + timedelta(weeks=RELATIVE_SHIFT[m["rel"].lower()])).start
        return cal.day(monday + timedelta(days=weekday))
    return cal.day(ctx.doc - timedelta(days=(ctx.doc.weekday() - weekday) % 7))


_DEICTIC_SHIFT = {"позавчера": -2, "вчера": -1, "накануне": -1, "завтра": 1, "послезавтра": 2}


def deictic(m: re.Match[str], ctx: Context) -> Result:
    if ctx.doc is None:
        return None
    return cal.day(ctx.doc + timedelta(days=_DEICTIC_SHIFT.get(m[0].lower(), 0)))


def undated(m: re.Match[str], ctx: Context) -> Result:
    if ctx.doc is None:
        return None
    return ValidTime(None, None, Precision.DAY, m[0], known_by=ctx.doc)


def ago(m: re.Match[str], ctx: Context) -> Result:
    if ctx.doc is None:
        return None
    raw = (m["n"] or "").lower()
    unit = m["unit"].lower()
    if unit == "полгода":
        return cal.month(*cal.add_months(ctx.doc.year, ctx.doc.month, -6))
    if not raw and unit not in ("день", "неделю", "месяц", "год"):
        return None  # "много лет назад" gives no number to count back
    count = int(raw) if raw.isdigit() else SMALL_NUMBERS.get(raw, 1)
    if unit.startswith(("д", "ден")):
        return cal.day(ctx.doc - timedelta(days=count))
    if unit.startswith("недел"):
        return cal.day(ctx.doc - timedelta(weeks=count))
    if unit.startswith("месяц"):
        return cal.month(*cal.add_months(ctx.doc.year, ctx.doc.month, -count))
    return cal.year(ctx.doc.year - count)


def finish(period: cal.Period, prep: str | None, doc: date | None, text: str) -> ValidTime | None:
    """The valid time of `period` as the preposition before it frames it (see dates.py)."""
    if prep in ("до", "по"):
        end = period.start if prep == "до" else period.end
        if doc is None:
            return None
        if doc < end:
            return ValidTime(doc, end, Precision.DAY, text)
        return ValidTime(None, end, Precision.DAY, text, known_by=end - timedelta(days=1))
    if prep == "после":
        return ValidTime(period.end, None, period.precision, text)
    if prep == "с":
        return ValidTime(period.start, None, period.precision, text)
    return ValidTime(period.start, period.end if period.bounded else None, period.precision, text)
