"""Name of a source as written in an attribution, cut out of the sentence and put into the nominative.

"по данным южнокорейской разведки" -> "южнокорейская разведка"; "В Кремле" -> "Кремль";
'со ссылкой на "Радио Свобода"' -> "Радио Свобода" (quoted names do not inflect).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pymorphy3

from timeline.extract.morph_analyzer import morph

QUOTES = {'"': '"', "«": "»", "„": "“", "“": "”"}
_WORD = re.compile(r"[A-Za-zА-Яа-яЁё0-9]+(?:[-.][A-Za-zА-Яа-яЁё0-9]+)*")
_NAME_POS = frozenset({"NOUN", "ADJF", "PRTF", "LATN", "UNKN", "NUMB", "ROMN"})
_STOP_LEMMAS = frozenset(
    {"который", "этот", "тот", "свой", "его", "её", "их", "такой", "весь", "также", "сам", "самый", "наш"}
)
_MAX_WORDS = 6
# "Центральное телеграфное агентство Кореи (ЦТАК)" defines "ЦТАК" for the rest of the document.
_ALIAS = re.compile(r"([А-ЯЁA-Z][\w\- ]{3,80}?)\s*\(([А-ЯЁA-Z][А-ЯЁA-Z\-]{1,12})\)")


def is_abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int


def part_of_speech(parse: pymorphy3.analyzer.Parse) -> str:
    # Latin words, numbers and unknown words carry no part of speech, only their class.
    return str(parse.tag.POS) if parse.tag.POS else str(parse.tag).split(",")[0].split(" ")[0]


def has_case(word: str, case: str, number: str | None = None) -> bool:
    """Whether `word` can be a noun (or adjective) in `case` (and `number`); names without case can."""
    if is_abbreviation(word) or not word[0].isalpha():
        return True
    for parse in morph().parse(word):
        pos = part_of_speech(parse)
        if pos in ("LATN", "UNKN"):
            return True
        if pos in ("NOUN", "ADJF", "PRTF") and case in parse.tag:
            if number is None or number in parse.tag or "Fixd" in parse.tag or "Pltm" in parse.tag:
                return True
    return False


def is_name_word(word: str, first: bool) -> bool:
    """Whether `word` can belong to a source's name phrase (`first`: it would open the phrase)."""
    if is_abbreviation(word) or not word[0].isalpha():
        return True
    parse = morph().parse(word)[0]
    if parse.normal_form in _STOP_LEMMAS:
        return False
    pos = part_of_speech(parse)
    if word[0].isupper() and not first:
        return pos not in ("PREP", "CONJ", "PRCL", "NPRO")
    return pos in _NAME_POS


def _quoted_at(text: str, pos: int) -> tuple[str, int] | None:
    """The text inside quotes opening at `pos`, with the position after the closing quote."""
    closing = QUOTES.get(text[pos]) if pos < len(text) else None
    if closing is None:
        return None
    end = text.find(closing, pos + 1)
    if end < 0 or end - pos > 80:
        return None
    return text[pos + 1 : end].strip(), end + 1


def phrase_after(text: str, pos: int, case: str, strict: bool = False) -> str | None:
    """The name phrase starting at `pos`, in the nominative; `case` is the one the context demands.

    `strict`: give up unless the phrase's head noun can stand in `case` ("в пятницу" is no place).
    """
    while pos < len(text) and text[pos].isspace():
        pos += 1
    quoted = _quoted_at(text, pos)
    if quoted is not None:
        return quoted[0] or None
    words: list[_Word] = []
    for m in _WORD.finditer(text, pos):
        gap = text[(words[-1].end if words else pos) : m.start()]
        if gap.strip():
            if words and gap.strip()[0] in QUOTES:
                inner = _quoted_at(text, (words[-1].end) + gap.index(gap.strip()[0]))
                if inner and inner[0]:
                    # 'газету "Время"' names "Время"; 'РИА "Новости"' is one name, "РИА Новости".
                    if any(w.text[0].isupper() for w in words):
                        return " ".join([*(w.text for w in words), inner[0]])
                    return inner[0]
            break
        if len(words) == _MAX_WORDS or not is_name_word(m[0], first=not words):
            break
        words.append(_Word(m[0], m.start(), m.end()))
    if not words:
        return None
    texts = [w.text for w in words]
    if strict and not has_case(_head(texts), case):
        return None
    return nominative(texts, case)


def _head(words: list[str]) -> str:
    """The first word that can be a noun (or is a name without case), else the last word."""
    for word in words:
        if not word[0].isalpha():
            continue
        if is_abbreviation(word):
            return word
        if any(part_of_speech(p) in ("NOUN", "LATN", "UNKN") for p in morph().parse(word)[:2]):
            return word
    return words[-1]


def head_agrees(words: list[str], number: str) -> bool:
    """Whether the phrase's head can be a nominative subject of a verb in `number`."""
    return bool(words) and has_case(_head(words), "nomn", number)


def _reading(word: str, case: str) -> pymorphy3.analyzer.Parse:
    parses = morph().parse(word)
    wanted = [p for p in parses if case in p.tag and str(p.tag.POS) in ("NOUN", "ADJF", "PRTF")]
    return wanted[0] if wanted else parses[0]


def _restyle(original: str, inflected: str) -> str:
    if original.isupper():
        return inflected.upper()
    if original[0].isupper():
        return inflected[0].upper() + inflected[1:]
    return inflected


def proper_part(name: str) -> str:
    """ "агентство Reuters" -> "Reuters", "Министр обороны Сергей Шойгу" -> "Сергей Шойгу".

    A description before a person's name, or a lower-case one before a name that does not inflect
    (Latin, an abbreviation), only says what kind of source it is; "министерство культуры Польши"
    is a name as a whole.
    """
    words = name.split()
    for i, word in enumerate(words[1:], start=1):
        if word[0].isupper() and {"Name", "Surn"} & set(morph().parse(word)[0].tag.grammemes):
            return " ".join(words[i:])
    if words and words[0][0].islower():
        first_proper = next((i for i, w in enumerate(words) if w[0].isupper() or is_abbreviation(w)), None)
        # Only a description of the name itself ("британское издание Guardian") may go, not the
        # head of a genitive chain ("пресс-служба полиции РА").
        describes = first_proper is not None and all(
            part_of_speech(morph().parse(w)[0]) in ("ADJF", "PRTF") for w in words[: first_proper - 1]
        )
        if first_proper is not None and describes and _caseless(words[first_proper]):
            return " ".join(words[first_proper:])
    return name


def _caseless(word: str) -> bool:
    if is_abbreviation(word):
        return True
    return all(part_of_speech(p) in ("LATN", "UNKN") or "Fixd" in p.tag for p in morph().parse(word))


def nominative(words: list[str], case: str) -> str:
    """Put the leading adjectives and the head noun into the nominative; genitive dependents stay."""
    if case == "nomn" or all(is_abbreviation(w) or not w[0].isalpha() for w in words):
        return " ".join(words)
    readings = [_reading(w, case) for w in words]
    head = next((i for i, r in enumerate(readings) if str(r.tag.POS) == "NOUN"), None)
    if head is None or is_abbreviation(words[head]):
        return " ".join(words)
    number = "plur" if "plur" in readings[head].tag else "sing"
    out = list(words)
    head_form = readings[head].inflect({"nomn", number})
    if head_form is not None:
        out[head] = _restyle(words[head], head_form.word)
    for i in range(head):
        grammemes = {"nomn", number}
        gender = readings[head].tag.gender
        if number == "sing" and gender:
            grammemes.add(str(gender))
        form = readings[i].inflect(grammemes)
        if form is not None and str(readings[i].tag.POS) in ("ADJF", "PRTF"):
            out[i] = _restyle(words[i], form.word)
    # A person's name in apposition agrees with the head: "главы МИД Сергея Лаврова".
    for i in range(head + 1, len(words)):
        tag = readings[i].tag
        if words[i][0].isupper() and case in tag and {"Name", "Surn", "Patr"} & set(tag.grammemes):
            form = readings[i].inflect({"nomn"})
            if form is not None:
                out[i] = _restyle(words[i], form.word)
    result = " ".join(out)
    return result if "ё" in "".join(words) else result.replace("ё", "е")


def aliases(text: str) -> dict[str, str]:
    """Long names defined with an abbreviation in brackets, lower-cased, mapped to the abbreviation."""
    found: dict[str, str] = {}
    for m in _ALIAS.finditer(text):
        long_name, short = m[1].strip(), m[2]
        # Keep only the capitalised tail: "..., Центральное телеграфное агентство Кореи (ЦТАК)".
        words = long_name.split()
        first_cap = next((i for i, w in enumerate(words) if w[0].isupper()), 0)
        found[" ".join(words[first_cap:]).lower()] = short
        found[short.lower()] = short
    return found
