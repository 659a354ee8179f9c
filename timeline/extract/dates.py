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
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from timeline.domain.time import ValidTime
from timeline.extract import date_handlers as h
from timeline.extract.date_vocab import (
    DASH_RE,
    MONTH_ABBR_RE,
    MONTH_RE,
    ORDINAL_RE,
    RELATIVE_RE,
    SEASON_RE,
    SMALL_NUMBERS,
    UNTIL_NOW_RE,
    WEEKDAY_RE,
    YEAR_WORD_RE,
    alternation,
)
from timeline.extract.types import TimeMention

_PREP_RE = r"(?:(?P<prep>начиная\s+с|со|с|до|по|после|к|ко|в|во|на)\s+)?"
_PREP_NORMAL = {"со": "с", "во": "в", "ко": "к"}


def _year_tail(name: str) -> str:
    """ "... 2024 года" or "... этого года" after a day, month or season; `name`rel holds the latter."""
    return (
        rf"(?:\s+(?P<{name}>\d{{4}})(?:\s*-?го)?(?:\s*{YEAR_WORD_RE})?"
        rf"|\s+(?P<{name}rel>{RELATIVE_RE})\s+года(?!\w))?"
    )


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: h.Handler
    is_range: bool = False


def _rule(body: str, handler: h.Handler, *, prep: bool = True, is_range: bool = False) -> _Rule:
    prefix = _PREP_RE if prep else ""
    tail = f"{UNTIL_NOW_RE}?" if prep else ""
    pattern = rf"(?<!\w){prefix}(?:{body}){tail}(?!\w)"
    return _Rule(re.compile(pattern, re.IGNORECASE), handler, is_range)


_MON = rf"(?:{MONTH_RE})"
_Y4 = r"\d{4}"
_YEAR_SUFFIX = r"(?:\s*-?(?:го|м|й))?"
_RULES: tuple[_Rule, ...] = (
    _rule(r"(?<![\d.])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d])", h.iso),
    _rule(rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<mo>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}})(?!\d)(?:\s*{YEAR_WORD_RE})?",
          h.numeric),
    _rule(rf"(?<![\d.,])(?P<d>\d{{1,2}})(?:-?го)?\s+(?P<mon>{_MON}(?!\w)|{MONTH_ABBR_RE}(?:\.|(?!\w))){_year_tail('y')}",
          h.day_month),
    _rule(rf"(?P<mon>{_MON}){_year_tail('y')}", h.month),
    _rule(rf"(?<![\d.,])(?P<y>{_Y4})(?:{_YEAR_SUFFIX}\s*{YEAR_WORD_RE}|-(?:м|го)(?!\w))", h.year),
    _rule(rf"(?<![\d.,])(?P<y1>{_Y4}){_YEAR_SUFFIX}(?:\s*(?P<yw1>{YEAR_WORD_RE}))?"
          rf"(?P<conn>{DASH_RE}|\s+по\s+|\s+до\s+)(?P<y2>{_Y4}){_YEAR_SUFFIX}(?:\s*(?P<yw2>{YEAR_WORD_RE}))?",
          h.year_range, is_range=True),
    _rule(rf"(?P<m1>{_MON}){_year_tail('y1')}(?P<conn>{DASH_RE}|\s+по\s+|\s+до\s+)(?P<m2>{_MON}){_year_tail('y2')}",
          h.month_range, is_range=True),
    _rule(rf"(?<![\d.,])(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MON}){_year_tail('y1')})?"
          rf"(?P<conn>{DASH_RE}|\s+по\s+|\s+до\s+)(?P<d2>\d{{1,2}})\s+(?P<m2>{_MON}){_year_tail('y2')}",
          h.day_range, is_range=True),
    # Bare years count only where nothing else fits: "(1984)", "(2001—2003)", "родился в 1962."
    _rule(r"(?<=\()(?P<y>1[89]\d\d|20\d\d)(?=\))", h.year, prep=False),
    _rule(rf"(?<=\()(?P<y1>\d{{4}})(?P<conn>{DASH_RE})(?P<y2>\d{{4}})(?P<yw1>)(?P<yw2>)(?=\))",
          h.year_range, prep=False, is_range=True),
    _rule(r"(?P<prep>в|во|с|со|до|после|к)\s+(?P<y>1[89]\d\d|20\d\d)(?=\s*(?:[,.;:)!?]|\s[-—–]\s|$))",
          h.year, prep=False),
    _rule(rf"(?:(?P<rel>{RELATIVE_RE})\s+)?(?P<season>{SEASON_RE}){_year_tail('y')}", h.season),
    _rule(rf"(?P<part>начале|начала|середине|середины|конце|конца|концу)\s+(?P<mon>{_MON}){_year_tail('y')}",
          h.part_of_month),
    _rule(rf"(?P<part>начале|начала|середине|середины|конце|конца|концу)\s+"
          rf"(?:(?P<y>{_Y4}){_YEAR_SUFFIX}\s*{YEAR_WORD_RE}|(?:(?P<rel>{RELATIVE_RE})\s+)?(?P<unit>года|месяца|недели))",
          h.part_of_period),
    _rule(rf"(?P<ord>{ORDINAL_RE})(?:-?м)?\s+(?P<unit>квартале|квартала|квартал|полугодии|полугодия|половине|половины)"
          rf"(?:\s+(?:(?P<y>{_Y4}){_YEAR_SUFFIX}\s*{YEAR_WORD_RE}|(?:(?P<rel>{RELATIVE_RE})\s+)?(?P<yr>года)))?",
          h.quarter),
    _rule(r"(?<![\d.,])(?P<dec>\d{4}|\d{2})-(?:е|х|ые|ых)(?!\w)(?:\s+(?:годы|годах|годов|годам|гг\.?))?",
          h.decade),
    _rule(r"(?P<c>(?-i:[IVXL]{1,6})|\d{1,2})(?:-?м)?\s+(?:веке|века|веку|веком|век|вв?\.)", h.century),
    _rule(rf"(?P<rel>{RELATIVE_RE})\s+(?P<unit>году|года|год|месяце|месяца|месяц|неделе|недели|неделю)",
          h.relative_unit),
    _rule(rf"(?:(?P<rel>{RELATIVE_RE})\s+)?(?P<wd>{WEEKDAY_RE})"
          rf"(?:,?\s+(?P<d>\d{{1,2}})(?:-?го)?\s+(?P<mon>{_MON}){_year_tail('y')}(?!\w))?", h.weekday),
    _rule(r"позавчера|вчера|сегодня|завтра|послезавтра|сейчас|ныне|в\s+настоящее\s+время"
          r"|в\s+настоящий\s+момент|в\s+данный\s+момент|на\s+данный\s+момент|на\s+сегодняшний\s+день"
          r"|накануне(?=\s*[,.;:!?)]|\s*$|\s+(?:вечером|утром|днем|днём|ночью))",
          h.deictic, prep=False),
    _rule(r"ранее|на\s+днях|недавно", h.undated, prep=False),
    _rule(rf"(?:(?P<n>\d{{1,3}}|{alternation(SMALL_NUMBERS)})\s+)?"
          r"(?P<unit>дней|дня|день|недель|недели|неделю|месяцев|месяца|месяц|лет|года|год|полгода)\s+назад",
          h.ago, prep=False),
)  # fmt: skip


class _Impossible(Exception):
    """The words name a date that does not exist; nothing inside them may be read as a date either."""


def _evaluate(rule: _Rule, m: re.Match[str], text: str, doc: date | None) -> ValidTime | None:
    raw_prep = m.groupdict().get("prep")
    prep = " ".join(raw_prep.lower().split()) if raw_prep else None
    if prep == "начиная с":
        prep = "с"
    prep = _PREP_NORMAL.get(prep, prep) if prep else None
    ctx = h.Context(text, doc, prep)
    try:
        result = rule.handler(m, ctx)
    except (ValueError, OverflowError) as error:
        raise _Impossible(m[0]) from error
    if result is None or isinstance(result, ValidTime):
        return _with_text(result, m[0]) if result else None
    if rule.is_range or prep in ("в", "на", "к"):
        prep = None
    return h.finish(result, prep, doc, m[0])


def _with_text(valid: ValidTime, text: str) -> ValidTime:
    return ValidTime(valid.start, valid.end, valid.precision, text, valid.known_by)


@lru_cache(maxsize=4)
def _matches(text: str) -> tuple[tuple[_Rule, re.Match[str]], ...]:
    """Every rule's matches, in rule order. Scanning is nearly all the cost and needs no date, and a
    document's text is read twice (for its dates, then with a fixed anchor for its quantities)."""
    return tuple((rule, m) for rule in _RULES for m in rule.pattern.finditer(text))


def find_time_expressions(text: str, document_date: date | None) -> list[TimeMention]:
    """Every time expression in `text`, longest first where they overlap, in text order."""
    candidates: list[tuple[int, int, ValidTime | None]] = []
    for rule, m in _matches(text):
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
