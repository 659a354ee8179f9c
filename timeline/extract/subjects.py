"""Who is speaking: the subject of a speech verb ("ЦТАК подтвердил", "— заявил Песков")."""

from __future__ import annotations

import re

from timeline.extract.morph_analyzer import morph
from timeline.extract.source_names import (
    QUOTES,
    has_case,
    head_agrees,
    is_abbreviation,
    is_name_word,
    part_of_speech,
    phrase_after,
)

_WORD = re.compile(r"[A-Za-zА-Яа-яЁё0-9]+(?:[-.][A-Za-zА-Яа-яЁё0-9]+)*")
_CLAUSE_BREAKS = (" что ", " как ", ";", ":", "\n", "—", " - ", "«", "»", '"')
_BRACKETED = re.compile(r"\(([А-ЯЁA-Z][А-ЯЁA-Z\-]{1,12})\)")
_MAX_WORDS = 6


def _verb_number(verb: str) -> str:
    return "plur" if "plur" in morph().parse(verb)[0].tag else "sing"


def _pos(word: str) -> str:
    return part_of_speech(morph().parse(word)[0])


def _skip_object(words: list[re.Match[str]], j: int) -> int:
    """Past the object of a preposition: its modifiers and its noun ("в 2018 году", "в ходе")."""
    while j < len(words) and (_pos(words[j][0]) in ("ADJF", "PRTF", "NUMR", "NUMB") or words[j][0].isdigit()):
        j += 1
    return j + 1


def _phrase(words: list[re.Match[str]], i: int, window: str) -> list[str]:
    taken = [words[i][0]]
    for j in range(i + 1, min(len(words), i + _MAX_WORDS)):
        gap = window[words[j - 1].end() : words[j].start()]
        if gap.strip() or not is_name_word(words[j][0], first=False):
            break
        taken.append(words[j][0])
    return taken


def _opens_subject(word: str, number: str) -> bool:
    if not word[0].isalpha():
        return False
    if is_abbreviation(word) or word[0].isupper() and _pos(word) in ("LATN", "UNKN"):
        return True
    return is_name_word(word, first=True) and has_case(word, "nomn", number)


def subject_before(text: str, verb_start: int, verb: str) -> str | None:
    """The speaker named before the verb in its clause, in the nominative as written.

    An abbreviation in brackets wins ("агентство Кореи (ЦТАК), подтвердил"); else the first
    nominative phrase nearest the verb, outside prepositional phrases, whose head agrees with the
    verb in number.
    """
    clause_start = max(text.rfind(sep, 0, verb_start) for sep in _CLAUSE_BREAKS)
    window = text[max(clause_start, 0) : verb_start]
    bracketed = _BRACKETED.findall(window)
    if bracketed:
        return str(bracketed[-1])
    stripped = window.rstrip(" ,")
    if stripped and stripped[-1] in QUOTES.values():
        opening = max(stripped.rfind(q) for q in QUOTES)
        if 0 <= opening < len(stripped) - 1:
            return stripped[opening + 1 : -1].strip() or None
    number = _verb_number(verb)
    words = list(_WORD.finditer(window))
    found: str | None = None
    i = 0
    while i < len(words):
        word = words[i][0]
        if _pos(word) == "PREP":
            i = _skip_object(words, i + 1)
            continue
        if _opens_subject(word, number):
            phrase = _phrase(words, i, window)
            if head_agrees(phrase, number):
                found = " ".join(phrase)  # the last one: the subject stands next to its verb
            i += len(phrase)
            continue
        i += 1
    return found


def subject_after(text: str, verb_end: int, verb: str) -> str | None:
    """The speaker named right after the verb ("..., — заявил пресс-секретарь Дмитрий Песков")."""
    name = phrase_after(text, verb_end, "nomn")
    if name is None:
        return None
    return name if head_agrees(name.split(), _verb_number(verb)) else None
