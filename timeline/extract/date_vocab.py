"""Russian calendar words and the regex fragments built from them, shared by the date rules."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

_MONTH_STEMS = (
    ("январ", ("ь", "я", "е", "ю", "ём", "ем")),
    ("феврал", ("ь", "я", "е", "ю", "ём", "ем")),
    ("март", ("", "а", "е", "у", "ом")),
    ("апрел", ("ь", "я", "е", "ю", "ем")),
    ("ма", ("й", "я", "е", "ю", "ем")),
    ("июн", ("ь", "я", "е", "ю", "ем")),
    ("июл", ("ь", "я", "е", "ю", "ем")),
    ("август", ("", "а", "е", "у", "ом")),
    ("сентябр", ("ь", "я", "е", "ю", "ём", "ем")),
    ("октябр", ("ь", "я", "е", "ю", "ём", "ем")),
    ("ноябр", ("ь", "я", "е", "ю", "ём", "ем")),
    ("декабр", ("ь", "я", "е", "ю", "ём", "ем")),
)

MONTH_FORMS: dict[str, int] = {
    stem + ending: number
    for number, (stem, endings) in enumerate(_MONTH_STEMS, start=1)
    for ending in endings
}

MONTH_NOMINATIVES = frozenset(stem + endings[0] for stem, endings in _MONTH_STEMS)

# Abbreviations are only trusted right after a day number ("5 дек. 2024"), where they cannot be words.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8,
    "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "первом": 1, "первой": 1, "первый": 1, "1": 1, "i": 1,
    "втором": 2, "второй": 2, "2": 2, "ii": 2,
    "третьем": 3, "третий": 3, "третьей": 3, "3": 3, "iii": 3,
    "четвертом": 4, "четвёртом": 4, "четвертый": 4, "четвёртый": 4, "4": 4, "iv": 4,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3,
    "пятницу": 4, "пятница": 4, "субботу": 5, "суббота": 5, "воскресенье": 6,
}  # fmt: skip

# Season name -> (first month, number of months); winter starts in December of the previous year.
SEASONS: dict[str, tuple[int, int]] = {
    "весн": (3, 3),
    "лет": (6, 3),
    "осен": (9, 3),
    "зим": (12, 3),
}

SEASON_FORMS: dict[str, str] = {
    form: stem
    for stem, forms in (
        ("весн", ("весной", "весна", "весны", "весну", "весне")),
        ("лет", ("летом", "лето", "лета")),
        ("осен", ("осенью", "осень", "осени")),
        ("зим", ("зимой", "зима", "зимы", "зиму", "зиме")),
    )
    for form in forms
}

# How far a relative word moves from the document's period (year, month, week or season).
RELATIVE_SHIFT: dict[str, int] = {
    "этом": 0, "этой": 0, "этим": 0, "этот": 0, "эту": 0, "это": 0, "этого": 0,
    "текущем": 0, "текущей": 0, "текущего": 0, "нынешнем": 0, "нынешней": 0, "нынешнего": 0,
    "прошлом": -1, "прошлой": -1, "прошлым": -1, "прошлый": -1, "прошлую": -1, "прошлое": -1,
    "прошлого": -1, "прошедшем": -1, "прошедшей": -1, "прошедшего": -1,
    "минувшем": -1, "минувшей": -1, "минувшим": -1, "минувший": -1, "минувшую": -1, "минувшее": -1,
    "минувшего": -1, "предыдущем": -1, "предыдущей": -1, "предыдущего": -1,
    "позапрошлом": -2, "позапрошлого": -2,
    "следующем": 1, "следующей": 1, "следующим": 1, "следующего": 1,
    "будущем": 1, "будущей": 1, "будущим": 1, "будущего": 1,
}  # fmt: skip

SMALL_NUMBERS: dict[str, int] = {
    "один": 1, "одну": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3,
    "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6,
    "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
    "полгода": 0,
}  # fmt: skip

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(text: str) -> int | None:
    """Value of a Roman numeral, or None when `text` is not a well-formed one."""
    total = 0
    previous = 0
    for char in reversed(text.upper()):
        value = ROMAN.get(char)
        if value is None:
            return None
        if value < previous:
            total -= value
        else:
            total += value
            previous = value
    return total if total > 0 else None


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first, so "марта" is not cut to "март".

    Words that begin alike share one branch ("март(?:ом|а|е|у)?"): Python's engine tries a case-insensitive
    branch by branch, and the date rules try these lists at every word of a text. Only words that are
    beginnings of one another can match at the same place, and those are still tried longest first.
    """
    return _branches(sorted(set(words), key=len, reverse=True))


def _branches(words: list[str]) -> str:
    """`words`, longest first, as nested branches; the empty word (a word ending here) comes last."""
    rests: dict[str, list[str]] = {}
    for word in words:
        if word:
            rests.setdefault(word[0], []).append(word[1:])
    branches = "|".join(re.escape(first) + _rest(rest) for first, rest in rests.items())
    return f"(?:{branches})" + ("?" if "" in words else "")


def _rest(words: list[str]) -> str:
    shared = os.path.commonprefix(words)
    if len(words) == 1:
        return re.escape(shared)
    return re.escape(shared) + _branches([word[len(shared) :] for word in words])


MONTH_RE = alternation(MONTH_FORMS)
MONTH_ABBR_RE = alternation(MONTH_ABBREVIATIONS)
SEASON_RE = alternation(SEASON_FORMS)
RELATIVE_RE = alternation(RELATIVE_SHIFT)
WEEKDAY_RE = alternation(WEEKDAYS)
ORDINAL_RE = alternation(ORDINALS)
YEAR_WORD_RE = r"(?:годами|годах|годам|годов|годом|годы|года|году|годе|год|гг\.?|г\.?)(?!\w)"
DASH_RE = r"\s*[-–—]\s*"
# Words of the form "по настоящее время" that close an open interval explicitly at "now".
UNTIL_NOW_RE = (
    r"(?:\s+(?:по\s+(?:настоящее\s+время|сей\s+день|сегодняшний\s+день)"
    r"|до\s+(?:сих\s+пор|настоящего\s+времени|наших\s+дней)))"
)


def month_number(word: str) -> int | None:
    lowered = word.lower()
    return MONTH_FORMS.get(lowered) or MONTH_ABBREVIATIONS.get(lowered.rstrip("."))
