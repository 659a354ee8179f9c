"""Counted amounts in Russian text: "около 10 тысяч наемников", "десятки миллионов снарядов", "$5 млрд".

A quantity is a hedge (optional), a number (digits, "10 000", "3,5", number words, or a vague
plural such as "сотни"), a multiplier ("тысяч", "млн") and the counted noun. `text` and the span
cover the hedge, number and multiplier (and a currency or percent sign), not the noun: "около 10
тысяч". The noun's lemma gives the unit, mapped where obvious (people -> "person", "снарядов" ->
"shell", "долларов"/"$" -> "USD"); else the lemma itself.

Every hedge ("около", "более", "свыше", "до", "не менее", ...) sets `approx`, whether the number is
an estimate or a bound: "более 200" is 200, approximate. A vague plural is the lower bound of its
order of magnitude: "сотни" = 100, "десятки миллионов" = 10 000 000, "несколько тысяч" = 1000.
A range ("10–15 тысяч", "от 13 до 16 лет") is its lower end, approximate, and its text covers both
ends. A bare number with neither hedge, multiplier nor counted noun is not reported, nor are numbers that
belong to dates ("6 ноября", "в 2024 году") or names ("Су-35").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from timeline.domain.facts import Quantity
from timeline.extract.dates import find_time_expressions
from timeline.extract.morph_analyzer import morph
from timeline.extract.quantity_vocab import (
    HEDGES,
    MULTIPLIERS,
    NUMBER_WORDS,
    PERSON_NOUNS,
    SYMBOL_UNITS,
    UNIT_NOUNS,
    VAGUE_COUNTS,
)
from timeline.extract.types import QuantityMention

_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)|(?P<word>[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*)|(?P<other>\S)"
)
_GROUP_GAP = re.compile(r"[ \u00a0\u202f\u2009]")
_SKIPPABLE_POS = frozenset({"ADJF", "PRTF", "ADJS", "NUMR"})
# Any date the text names works as an anchor: only the spans of date expressions matter here.
_ANCHOR = date(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int


@lru_cache(maxsize=50_000)
def _parses(word: str) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(lemma with ё as е, part of speech, grammemes) for each reading of `word`."""
    return tuple(
        (p.normal_form.replace("ё", "е"), str(p.tag.POS), frozenset(p.tag.grammemes))
        for p in morph().parse(word)
    )


@lru_cache(maxsize=1)
def _number_forms() -> frozenset[str]:
    """Every inflected form of the number, multiplier and vague-count words, to skip other words fast."""
    forms: set[str] = set()
    for lemma in (*NUMBER_WORDS, *MULTIPLIERS, *VAGUE_COUNTS):
        forms.add(lemma)
        for parse in morph().parse(lemma):
            if parse.normal_form.replace("ё", "е") == lemma:
                forms.update(form.word.replace("ё", "е") for form in parse.lexeme)
    return frozenset(forms)


def _lemma_in(word: str, table: dict[str, float]) -> str | None:
    lowered = word.lower().replace("ё", "е")
    if lowered in table:
        return lowered
    if lowered not in _number_forms():
        return None
    return next((lemma for lemma, _, _ in _parses(lowered) if lemma in table), None)


@dataclass
class _Cursor:
    tokens: list[_Token]
    text: str
    index: int

    def peek(self, offset: int = 0) -> _Token | None:
        at = self.index + offset
        return self.tokens[at] if at < len(self.tokens) else None

    def word(self, offset: int = 0) -> str | None:
        token = self.peek(offset)
        return token.text.lower() if token is not None and token.kind == "word" else None


_HEDGE_STARTS = frozenset(hedge[0] for hedge in HEDGES)


def _read_hedge(cursor: _Cursor) -> bool:
    if cursor.word() not in _HEDGE_STARTS:
        return False
    for hedge in HEDGES:
        if all(cursor.word(k) == part for k, part in enumerate(hedge)):
            cursor.index += len(hedge)
            return True
    return False


_LABEL_BEFORE = re.compile(
    r"(?:№|\b(?:ст|ч|п|пп|стр|рис|табл|гл)\.|\b(?:статья|статьи|статье|статьей|пункт|пункта))\s*$",
    re.IGNORECASE,
)


def _attached(text: str, token: _Token) -> bool:
    """A number glued to letters or a hyphen ("Су-35", "3-й", "F16") is part of a name or an ordinal,
    and one after "№" or "ст." is a label ("ст. 141 УК"), not a count."""
    before = text[token.start - 1] if token.start > 0 else " "
    after = text[token.end] if token.end < len(text) else " "
    # "10-15 человек" is a range, "Су-35" and "3-й" are not counts.
    after_next = text[token.end + 1] if token.end + 1 < len(text) else " "
    if before.isalpha() or before == "-" or after.isalpha() or (after == "-" and not after_next.isdigit()):
        return True
    return _LABEL_BEFORE.search(text, max(0, token.start - 12), token.start) is not None


def _read_digits(cursor: _Cursor) -> float | None:
    token = cursor.peek()
    assert token is not None
    if _attached(cursor.text, token):
        return None
    digits = token.text
    cursor.index += 1
    # "10 000": groups of three after a single (possibly non-breaking) space.
    while "," not in digits and "." not in digits:
        following = cursor.peek()
        previous = cursor.tokens[cursor.index - 1]
        gap = cursor.text[previous.end : following.start] if following else ""
        if following is None or following.kind != "num" or len(following.text) != 3:
            break
        if not _GROUP_GAP.fullmatch(gap):
            break
        digits += following.text
        cursor.index += 1
    return float(digits.replace(",", "."))


def _read_number_words(cursor: _Cursor) -> float | None:
    total = 0.0
    last: float | None = None
    while (word := cursor.word()) is not None:
        lemma = _lemma_in(word, NUMBER_WORDS)
        if lemma is None:
            break
        value = NUMBER_WORDS[lemma]
        if last is not None and value >= last:
            break  # "два три" is not one number; "двести пятьдесят" is
        total += value
        last = value
        cursor.index += 1
    return total if last is not None else None


def _read_vague(cursor: _Cursor) -> float | None:
    """ "сотни", "десятки", "тысячи" without a number before them; singular "тысяча" is exact."""
    word = cursor.word()
    if word is None:
        return None
    lemma = _lemma_in(word, VAGUE_COUNTS)
    if lemma is None:
        return None
    cursor.index += 1
    return VAGUE_COUNTS[lemma]


def _is_singular_exact(word: str) -> bool:
    readings = [r for r in _parses(word) if r[0] in ("тысяча", "миллион", "миллиард", "сотня")]
    return bool(readings) and all("sing" in r[2] and ("nomn" in r[2] or "accs" in r[2]) for r in readings[:1])


def _read_multiplier(cursor: _Cursor) -> float | None:
    word = cursor.word()
    if word is None:
        return None
    lemma = _lemma_in(word, MULTIPLIERS)
    if lemma is None:
        return None
    cursor.index += 1
    following = cursor.peek()
    glued = following is not None and following.start == cursor.tokens[cursor.index - 1].end
    if following is not None and glued and following.text == ".":
        cursor.index += 1  # the dot of "тыс." / "млн." belongs to the abbreviation
    return MULTIPLIERS[lemma]


def _noun_unit(cursor: _Cursor) -> str | None:
    """The counted noun after the number, skipping its adjectives ("баллистических ракет" -> missile)."""
    for offset in range(4):
        word = cursor.word(offset)
        if word is None:
            return None
        plain = word.replace("ё", "е")
        if plain in UNIT_NOUNS:
            return UNIT_NOUNS[plain]
        readings = _parses(plain)
        lemmas = {lemma for lemma, _, _ in readings}
        if lemmas & PERSON_NOUNS:
            return "person"
        for lemma in lemmas:
            if lemma in UNIT_NOUNS:
                return UNIT_NOUNS[lemma]
        pos = readings[0][1] if readings else ""
        if pos == "NOUN":
            return readings[0][0]
        if pos not in _SKIPPABLE_POS:
            return None
    return None


_CURRENCY_SIGNS = ("$", "€", "₽", "£")


def _may_open(token: _Token) -> bool:
    """Whether `_parse_at` can find a quantity at `token`: most tokens open none, and asking cheaply saves
    reading each of them with a cursor."""
    if token.kind == "num" or token.text in _CURRENCY_SIGNS:
        return True
    if token.kind != "word":
        return False
    lowered = token.text.lower()
    return lowered in _HEDGE_STARTS or lowered.replace("ё", "е") in _number_forms()


def _parse_at(tokens: list[_Token], index: int, text: str) -> tuple[QuantityMention, int] | None:
    cursor = _Cursor(tokens, text, index)
    approx = _read_hedge(cursor)
    unit: str | None = None
    first = cursor.peek()
    if first is not None and first.text in _CURRENCY_SIGNS:
        unit = SYMBOL_UNITS[first.text]
        cursor.index += 1
    token = cursor.peek()
    if token is None:
        return None
    vague = False
    vague_word = ""
    if token.kind == "num":
        value = _read_digits(cursor)
    else:
        value = _read_number_words(cursor)
        if value is None:
            vague_word = cursor.word() or ""
            value = _read_vague(cursor)
            vague = value is not None and not _is_singular_exact(vague_word)
    if value is None:
        return None
    ranged = _skip_range_end(cursor)
    multiplier = _read_multiplier(cursor)
    if not ranged and multiplier is not None and _skip_range_end(cursor):
        ranged = True
        _read_multiplier(cursor)  # "от 10 тысяч до 15 тысяч": the second multiplier repeats the first
    if _lemma_in(vague_word, VAGUE_COUNTS) == "несколько" and multiplier is None:
        return None  # "несколько военных" is no count; "несколько тысяч" is
    # Decimal keeps "4,1 млрд" at 4 100 000 000 rather than 4 099 999 999.9999995.
    value = float(Decimal(repr(value)) * Decimal(repr(multiplier or 1)))
    after = cursor.peek()
    if after is not None and after.text in SYMBOL_UNITS and after.start == tokens[cursor.index - 1].end:
        unit = SYMBOL_UNITS[after.text]
        cursor.index += 1
    last = tokens[cursor.index - 1]
    noun = _noun_unit(cursor) if unit is None else None
    unit = unit or noun
    if not (approx or vague or multiplier or unit):
        return None
    start = tokens[index].start
    quantity = Quantity(float(value), approx or vague or ranged, unit or "", text[start : last.end])
    return QuantityMention(start, last.end, quantity), cursor.index


_DASHES = frozenset({"-", "–", "—"})


def _skip_range_end(cursor: _Cursor) -> bool:
    """Past the upper end of "10–15" or "от 10 до 15"; the quantity keeps the lower one, approximate."""
    joiner = cursor.peek()
    number = cursor.peek(1)
    if joiner is None or number is None or number.kind not in ("num", "word"):
        return False
    if not (joiner.text in _DASHES or joiner.text.lower() == "до"):
        return False
    probe = _Cursor(cursor.tokens, cursor.text, cursor.index + 1)
    if number.kind == "num":
        upper = _read_digits_after_dash(probe)
    else:
        upper = _read_number_words(probe)
    if upper is None:
        return False
    cursor.index = probe.index
    return True


def _read_digits_after_dash(cursor: _Cursor) -> float | None:
    token = cursor.peek()
    assert token is not None
    after = cursor.text[token.end] if token.end < len(cursor.text) else " "
    if after.isalpha() or after == "-":
        return None
    cursor.index += 1
    return float(token.text.replace(",", "."))


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.lastgroup or "other", m[0], m.start(), m.end()) for m in _TOKEN.finditer(text)]


def find_quantities(text: str) -> list[QuantityMention]:
    """Every counted amount in `text`, in order; numbers inside date expressions are left out."""
    dates: list[tuple[int, int]] | None = None
    tokens = _tokens(text)
    found: list[QuantityMention] = []
    index = 0
    while index < len(tokens):
        parsed = _parse_at(tokens, index, text) if _may_open(tokens[index]) else None
        if parsed is not None and dates is None:
            dates = [(m.start, m.end) for m in find_time_expressions(text, _ANCHOR)]
        if parsed is not None and not any(s < parsed[0].end and parsed[0].start < e for s, e in dates or ()):
            found.append(parsed[0])
            index = parsed[1]
        else:
            index += 1
    return found
