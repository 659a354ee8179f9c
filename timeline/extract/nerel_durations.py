"""Spans of time NEREL marks as DATE though they name no day: "в течение 30 дней", "на пять лет",
"несколько недель", "два месяца назад", "последние 20 с лишним лет".

Brat output only: the extractor's time expressions are dates it can place on the calendar, and a
duration is not one. A bare "45 лет" is left out, since after a name it is an age (NEREL's AGE); a year
count is kept when a preposition, "назад" or "подряд" says it is time. On NEREL train's first nine
tenths, 259 of the 339 spans this finds are gold DATEs exactly (AGE 4); on the last tenth, 25 of 29.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NUMBER = (
    r"(?:\d{1,3}(?:[,.]\d+)?(?:-\w+)?|одн\w+|один|два|две|двух|трёх|трех|три|четыр\w+|пят\w+|шест\w+"
    r"|сем\w+|восьм\w+|восем\w+|девят\w+|десят\w+|одиннадцат\w+|двенадцат\w+|пятнадцат\w+|двадцат\w+"
    r"|тридцат\w+|сорок\w*|пятьдесят|пятидесяти|сто|ста|нескольк\w+|пар[уы]|полтор\w+|многи\w+|долги\w+)"
)
_UNIT = r"(?:лет|год[а]?|годы|месяц(?:ев|а|ы)?|недел[ьиюе]|дн(?:ей|я)|день|суток|сутки|десятилети[йяе])"
_TIME_WORDS = (
    r"(?:в течение|на протяжении|на|за|через|спустя|около|более|свыше|почти|до|больше|менее|меньше"
    r"|последние|ближайшие|следующие|ещё|еще|долгие|целых)"
)
_DURATION = re.compile(
    rf"(?i)(?<![\w-])(?P<lead>{_TIME_WORDS}\s+)?(?:(?:последние|ближайшие|следующие|долгие|целых)\s+)?"
    rf"(?P<number>{_NUMBER})\s+(?:(?:с лишним|с половиной)\s+)?(?P<unit>{_UNIT})"
    r"(?P<tail>\s+(?:назад|подряд|спустя))?(?![\w-])"
)
_AGE_BEFORE = re.compile(r"(?i)(?:возрасте|исполнилось|исполняется)\s*$")
_YEARS = frozenset({"лет", "год", "года", "годы"})
_VAGUE = re.compile(r"(?i)(?:нескольк|много|долги)")


def durations(text: str) -> Iterator[tuple[int, int]]:
    for found in _DURATION.finditer(text):
        if _AGE_BEFORE.search(text, max(0, found.start() - 25), found.start()):
            continue
        said_to_be_time = found.group("lead") or found.group("tail") or _VAGUE.match(found.group("number"))
        if found.group("unit").lower() in _YEARS and not said_to_be_time:
            continue  # "45 лет" after a name is an age
        yield found.start(), found.end()
