"""Russian time expressions -> valid times, anchored on the document's own date.

Semantics (all ends exclusive; relative words need the document date and are skipped without it):

* A single day, month or year ("6 ноября", "в июне 2024 года", "в 2020 году", "15.03.2021") gives
  `start` = first day of that period, `end` = None, `precision` = its unit: the period itself follows
  from the precision. Without a year, a day or month is the latest one not after the document date
  ("6 ноября" in a 2025-11-07 text is 2025-11-06; "в декабре" is December 2024), except after "до"/"к"/
  "по", which name deadlines and take the closest one on either side ("до 15 декабря" is 2025-12-15,
  "до 6 ноября" 2025-11-06).
* "с X" / "начиная с X" (optionally "... по настоящее время"): open interval from the start of X.
* "после X": open interval from the day after X ends.
* "до X": from the document date up to the start of X, day precision ("до 2030 года" ends
  2030-01-01; "до конца года" and "к концу года" end on the next 1 January). When X is already over at
  the document date the start is unknown: `start` None, `known_by` the last day before X.
  "по X" is the same but includes X.
* Ranges "в 2019–2021 годах", "с 2019 по 2021 год", "с января по март", "1–5 марта": start of the
  first to the end of the last, at the coarser precision; "с X до Y" excludes Y.
* Stretches that are not a single calendar unit keep their end: seasons ("весной" = 1 March to
  1 June, winter = 1 December of the year before to 1 March, month precision), quarters and halves
  (month precision), "в начале/середине/конце марта" (days 1-10, 11-20, 21-end, day precision),
  "в начале/середине/конце 2024 года" (January-April, May-August, September-December, month
  precision), weeks ("на прошлой неделе": Monday to Monday, day precision), decades ("в 1990-е
  годы" = 1990-2000) and centuries ("XX век" = 1901-01-01 to 2001-01-01), both year precision.
* Seasons, quarters and halves without a year: the latest one that started by the document date;
  "прошлой весной" is the latest one already over, "этой весной" the one holding the document date
  or else the next one, "следующей" the first one after it.
* "сейчас", "в настоящее время", "сегодня" = the document date; "вчера"/"позавчера"/"завтра" shift it;
  "накануне" (standing alone) is the day before; "в понедельник" is the latest Monday not after the
  document date; "в прошлом году" / "в этом месяце" / "N лет назад" shift the document's period.
* "ранее", "на днях", "недавно": undated — `start` None, `known_by` the document date.
* Impossible dates ("31 февраля") and years outside 1000-2199 are skipped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.domain.time import Precision, ValidTime
from timeline.extract import date_calendar as cal
from timeline.extract.date_vocab import (
    DASH_RE,
    MONTH_ABBR_RE,
    MONTH_NOMINATIVES,
    MONTH_RE,
    ORDINAL_RE,
    ORDINALS,
    RELATIVE_RE,
    RELATIVE_SHIFT,
    SEASON_FORMS,
    SEASON_RE,
    SEASONS,
    SMALL_NUMBERS,
    UNTIL_NOW_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_WORD_RE,
    alternation,
    month_number,
    roman_to_int,
)
from timeline.extract.types import TimeMention

_PREP_RE = r"(?:(?P<prep>начиная\s+с|со|с|до|по|после|к|ко|в|во|на)\s+)?"
_PREP_NORMAL = {"со": "с", "во": "в", "ко": "к"}
_DEADLINE_PREPS = frozenset({"до", "к", "по"})


def _year_tail(name: str) -> str:
    """ "... 2024 года" or "... этого года" after a day, month or season; `name`rel holds the latter."""
    return (
        rf"(?:\s+(?P<{name}>\d{{4}})(?:\s*-?го)?(?:\s*{YEAR_WORD_RE})?"
        rf"|\s+(?P<{name}rel>{RELATIVE_RE})\s+года(?!\w))?"
    )


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    doc: date | None
    prep: str | None

    @property
    def either_way(self) -> bool:
        return self.prep in _DEADLINE_PREPS


_Result = cal.Period | ValidTime | None
_Handler = Callable[[re.Match[str], _Context], _Result]


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: _Handler
    is_range: bool = False


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


def _iso(m: re.Match[str], ctx: _Context) -> _Result:
    return cal.day(date(int(m["y"]), int(m["mo"]), int(m["d"])))


def _numeric(m: re.Match[str], ctx: _Context) -> _Result:
    raw = m["y"]
    year = int(raw) if len(raw) == 4 else (2000 + int(raw) if int(raw) < 50 else 1900 + int(raw))
    return cal.day(date(year, int(m["mo"]), int(m["d"])))


def _day_month(m: re.Match[str], ctx: _Context) -> _Result:
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


def _month(m: re.Match[str], ctx: _Context) -> _Result:
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


def _year(m: re.Match[str], ctx: _Context) -> _Result:
    value = _explicit_year(m, "y", ctx.doc)
    return cal.year(value) if value else None


def _inclusive(m: re.Match[str], ctx: _Context) -> bool | None:
    """Whether a range includes its last period; None when the words do not make a range."""
    connector = m["conn"].strip().lower()
    if connector in ("по", "до") and ctx.prep != "с":
        return None
    return connector != "до"


def _year_range(m: re.Match[str], ctx: _Context) -> _Result:
    inclusive = _inclusive(m, ctx)
    bracketed = ctx.text[m.start() - 1 : m.start()] == "("
    if inclusive is None or not (m["yw1"] or m["yw2"] or ctx.prep == "с" or bracketed):
        return None
    first, last = _explicit_year(m, "y1", ctx.doc), _explicit_year(m, "y2", ctx.doc)
    assert first is not None and last is not None
    return cal.span(cal.year(first), cal.year(last), inclusive)


def _month_range(m: re.Match[str], ctx: _Context) -> _Result:
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


def _day_range(m: re.Match[str], ctx: _Context) -> _Result:
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


def _season(m: re.Match[str], ctx: _Context) -> _Result:
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


def _part(m: re.Match[str], ctx: _Context, base: cal.Period) -> _Result:
    part = m["part"].lower()[:3]
    if part == "кон" and ctx.prep in ("до", "к"):
        return _finish(base, "по", ctx.doc, "")
    return cal.part_of(base, part)


def _part_of_month(m: re.Match[str], ctx: _Context) -> _Result:
    number = month_number(m["mon"])
    year = _explicit_year(m, "y", ctx.doc)
    if number is None:
        return None
    if year is not None:
        return _part(m, ctx, cal.month(year, number))
    if ctx.doc is None:
        return None
    return _part(m, ctx, cal.nearest_month(number, ctx.doc, ctx.either_way))


def _part_of_period(m: re.Match[str], ctx: _Context) -> _Result:
    year = _explicit_year(m, "y", ctx.doc)
    if year is not None:
        return _part(m, ctx, cal.year(year))
    if ctx.doc is None:
        return None
    shift = RELATIVE_SHIFT[m["rel"].lower()] if m["rel"] else 0
    return _part(m, ctx, _relative_base(m["unit"].lower(), shift, ctx.doc))


def _quarter(m: re.Match[str], ctx: _Context) -> _Result:
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


def _decade(m: re.Match[str], ctx: _Context) -> _Result:
    raw = m["dec"]
    value = int(raw)
    if value % 10:
        return None
    if len(raw) == 2:
        value += 2000 if value < 20 else 1900
    return cal.decade(value)


def _century(m: re.Match[str], ctx: _Context) -> _Result:
    raw = m["c"]
    number = int(raw) if raw.isdigit() else roman_to_int(raw)
    if number is None or not 1 <= number <= 22:
        return None
    return cal.century(number)


def _relative_unit(m: re.Match[str], ctx: _Context) -> _Result:
    if ctx.doc is None:
        return None
    return _relative_base(m["unit"].lower(), RELATIVE_SHIFT[m["rel"].lower()], ctx.doc)


def _weekday(m: re.Match[str], ctx: _Context) -> _Result:
    if m["d"]:  # "в четверг, 19 мая": the date says it, the weekday only repeats it
        return _day_month(m, ctx)
    if ctx.doc is None or ctx.prep != "в":
        return None
    weekday = WEEKDAYS[m["wd"].lower()]
    if m["rel"]:
        monday = cal.week_of(ctx.doc + timedelta(weeks=RELATIVE_SHIFT[m["rel"].lower()])).start
        return cal.day(monday + timedelta(days=weekday))
    return cal.day(ctx.doc - timedelta(days=(ctx.doc.weekday() - weekday) % 7))


_DEICTIC_SHIFT = {"позавчера": -2, "вчера": -1, "накануне": -1, "завтра": 1, "послезавтра": 2}


def _deictic(m: re.Match[str], ctx: _Context) -> _Result:
    if ctx.doc is None:
        return None
    return cal.day(ctx.doc + timedelta(days=_DEICTIC_SHIFT.get(m[0].lower(), 0)))


def _undated(m: re.Match[str], ctx: _Context) -> _Result:
    if ctx.doc is None:
        return None
    return ValidTime(None, None, Precision.DAY, m[0], known_by=ctx.doc)


def _ago(m: re.Match[str], ctx: _Context) -> _Result:
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


def _rule(body: str, handler: _Handler, *, prep: bool = True, is_range: bool = False) -> _Rule:
    prefix = _PREP_RE if prep else ""
    tail = f"{UNTIL_NOW_RE}?" if prep else ""
    pattern = rf"(?<!\w){prefix}(?:{body}){tail}(?!\w)"
    return _Rule(re.compile(pattern, re.IGNORECASE), handler, is_range)


_MON = rf"(?:{MONTH_RE})"
_Y4 = r"\d{4}"
_YEAR_SUFFIX = r"(?:\s*-?(?:го|м|й))?"
_RULES: tuple[_Rule, ...] = (
    _rule(r"(?<![\d.])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d])", _iso),
    _rule(rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<mo>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}})(?!\d)(?:\s*{YEAR_WORD_RE})?",
          _numeric),
    _rule(rf"(?<![\d.,])(?P<d>\d{{1,2}})(?:-?го)?\s+(?P<mon>{_MON}(?!\w)|{MONTH_ABBR_RE}(?:\.|(?!\w))){_year_tail('y')}",
          _day_month),
    _rule(rf"(?P<mon>{_MON}){_year_tail('y')}", _month),
    _rule(rf"(?<![\d.,])(?P<y>{_Y4})(?:{_YEAR_SUFFIX}\s*{YEAR_WORD_RE}|-(?:м|го)(?!\w))", _year),
    _rule(rf"(?<![\d.,])(?P<y1>{_Y4}){_YEAR_SUFFIX}(?:\s*(?P<yw1>{YEAR_WORD_RE}))?"
          rf"(?P<conn>{DASH_RE}|\s+по\s+|\s+до\s+)(?P<y2>{_Y4}){_YEAR_SUFFIX}(?:\s*(?P<yw2>{YEAR_WORD_RE}))?",
          _year_range, is_range=True),
    _rule(rf"(?P<m1>{_MON}){_year_tail('y1')}(?P<conn>{DASH_RE}|\s+по\s+|\s+до\s+)(?P<m2>{_MON}){_year_tail('y2')}",
          _month_range, is_range=True),
    _rule(rf"(?<![\d.,])(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MON}){_year_tail('y1')})?"
          rf"(?P<conn>{DASH_RE}|\s+по\s+|\s+до\s+)(?P<d2>\d{{1,2}})\s+(?P<m2>{_MON}){_year_tail('y2')}",
          _day_range, is_range=True),
    # Bare years count only where nothing else fits: "(1984)", "(2001—2003)", "родился в 1962."
    _rule(r"(?<=\()(?P<y>1[89]\d\d|20\d\d)(?=\))", _year, prep=False),
    _rule(rf"(?<=\()(?P<y1>\d{{4}})(?P<conn>{DASH_RE})(?P<y2>\d{{4}})(?P<yw1>)(?P<yw2>)(?=\))",
          _year_range, prep=False, is_range=True),
    _rule(r"(?P<prep>в|во|с|со|до|после|к)\s+(?P<y>1[89]\d\d|20\d\d)(?=\s*(?:[,.;:)!?]|\s[-—–]\s|$))",
          _year, prep=False),
    _rule(rf"(?:(?P<rel>{RELATIVE_RE})\s+)?(?P<season>{SEASON_RE}){_year_tail('y')}", _season),
    _rule(rf"(?P<part>начале|начала|середине|середины|конце|конца|концу)\s+(?P<mon>{_MON}){_year_tail('y')}",
          _part_of_month),
    _rule(rf"(?P<part>начале|начала|середине|середины|конце|конца|концу)\s+"
          rf"(?:(?P<y>{_Y4}){_YEAR_SUFFIX}\s*{YEAR_WORD_RE}|(?:(?P<rel>{RELATIVE_RE})\s+)?(?P<unit>года|месяца|недели))",
          _part_of_period),
    _rule(rf"(?P<ord>{ORDINAL_RE})(?:-?м)?\s+(?P<unit>квартале|квартала|квартал|полугодии|полугодия|половине|половины)"
          rf"(?:\s+(?:(?P<y>{_Y4}){_YEAR_SUFFIX}\s*{YEAR_WORD_RE}|(?:(?P<rel>{RELATIVE_RE})\s+)?(?P<yr>года)))?",
          _quarter),
    _rule(r"(?<![\d.,])(?P<dec>\d{4}|\d{2})-(?:е|х|ые|ых)(?!\w)(?:\s+(?:годы|годах|годов|годам|гг\.?))?",
          _decade),
    _rule(r"(?P<c>(?-i:[IVXL]{1,6})|\d{1,2})(?:-?м)?\s+(?:веке|века|веку|веком|век|вв?\.)", _century),
    _rule(rf"(?P<rel>{RELATIVE_RE})\s+(?P<unit>году|года|год|месяце|месяца|месяц|неделе|недели|неделю)",
          _relative_unit),
    _rule(rf"(?:(?P<rel>{RELATIVE_RE})\s+)?(?P<wd>{WEEKDAY_RE})"
          rf"(?:,?\s+(?P<d>\d{{1,2}})(?:-?го)?\s+(?P<mon>{_MON}){_year_tail('y')}(?!\w))?", _weekday),
    _rule(r"позавчера|вчера|сегодня|завтра|послезавтра|сейчас|ныне|в\s+настоящее\s+время"
          r"|в\s+настоящий\s+момент|в\s+данный\s+момент|на\s+данный\s+момент|на\s+сегодняшний\s+день"
          r"|накануне(?=\s*[,.;:!?)]|\s*$|\s+(?:вечером|утром|днем|днём|ночью))",
          _deictic, prep=False),
    _rule(r"ранее|на\s+днях|недавно", _undated, prep=False),
    _rule(rf"(?:(?P<n>\d{{1,3}}|{alternation(SMALL_NUMBERS)})\s+)?"
          r"(?P<unit>дней|дня|день|недель|недели|неделю|месяцев|месяца|месяц|лет|года|год|полгода)\s+назад",
          _ago, prep=False),
)  # fmt: skip


def _finish(period: cal.Period, prep: str | None, doc: date | None, text: str) -> ValidTime | None:
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


class _Impossible(Exception):
    """The words name a date that does not exist; nothing inside them may be read as a date either."""


def _evaluate(rule: _Rule, m: re.Match[str], text: str, doc: date | None) -> ValidTime | None:
    raw_prep = m.groupdict().get("prep")
    prep = " ".join(raw_prep.lower().split()) if raw_prep else None
    if prep == "начиная с":
        prep = "с"
    prep = _PREP_NORMAL.get(prep, prep) if prep else None
    ctx = _Context(text, doc, prep)
    try:
        result = rule.handler(m, ctx)
    except (ValueError, OverflowError) as error:
        raise _Impossible(m[0]) from error
    if result is None or isinstance(result, ValidTime):
        return _with_text(result, m[0]) if result else None
    if rule.is_range or prep in ("в", "на", "к"):
        prep = None
    return _finish(result, prep, doc, m[0])


def _with_text(valid: ValidTime, text: str) -> ValidTime:
    return ValidTime(valid.start, valid.end, valid.precision, text, valid.known_by)


def find_time_expressions(text: str, document_date: date | None) -> list[TimeMention]:
    """Every time expression in `text`, longest first where they overlap, in text order."""
    candidates: list[tuple[int, int, ValidTime | None]] = []
    for rule in _RULES:
        for m in rule.pattern.finditer(text):
            try:
                valid = _evaluate(rule, m, text, document_date)
            except _Impossible:
                # "31 февраля 2024 года" must not fall back to "февраля 2024 года".
                candidates.append((m.start(), m.end(), None))
                continue
            if valid is not None and m.end() > m.start():
                candidates.append((m.start(), m.end(), valid))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2] is None, c[0]))
    chosen: list[tuple[int, int, ValidTime | None]] = []
    for candidate in candidates:
        if all(candidate[1] <= kept[0] or candidate[0] >= kept[1] for kept in chosen):
            chosen.append(candidate)
    mentions = [TimeMention(s, e, text[s:e], valid) for s, e, valid in chosen if valid is not None]
    return sorted(mentions, key=lambda mention: mention.start)
