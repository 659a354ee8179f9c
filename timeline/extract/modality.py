"""How a sentence holds a predicate: asserted, reported, alleged, planned, considered or denied.

Markers count inside the predicate's clause: from the last strong break before it (";", ":", " что ",
" но ", " однако ", ", и ", a quote) to the first one after it; other commas do not break ("режим,
как известно, рассматривает возможность ..."). First match wins, in this order:

1. denied: a denial verb elsewhere in the sentence ("опроверг", "отрицает", "не подтвердил"), or
   "не" right before the predicate or its auxiliary ("не подписали", "не был подписан");
2. alleged: "якобы", "будто бы", "предположительно", "по неподтвержденным данным";
3. considered: "рассматривает возможность", "обсуждает возможность", "не исключает", "изучает вопрос";
4. planned: "планирует", "намерен", "собирается", "хочет", "готовится", "будет/будут" + infinitive, or a
   predicate in the future tense ("подпишут");
5. reported: the caller says the sentence is attributed to a source other than the publisher, or the
   sentence hedges on its own source ("по данным Z", "по словам Z", "как заявил Z", or an impersonal
   "сообщается, что"; not "В ЦТАК утверждается", whose source the attribution chain already names);
6. asserted otherwise.
"""

from __future__ import annotations

import re

from timeline.domain.facts import Modality
from timeline.extract.morph_analyzer import morph

_BREAK = re.compile(
    r"[;:\"«»„“”]|\s[-—–]\s|,\s+(?:и|а)\s|(?<!\w)(?:что|чтобы|но|однако|зато|хотя)(?!\w)", re.IGNORECASE
)
_DENIAL = re.compile(
    r"(?<!\w)(?:опроверг\w*|отрицает|отрицают|отрицал\w*|отрицая|не\s+подтвердил\w*|не\s+подтверждает|не\s+подтверждают"
    r"|назвал\w*\s+(?:ложью|фейком|вымыслом))",
    re.IGNORECASE,
)
_ALLEGED = re.compile(
    r"(?<!\w)(?:якобы|будто\s+бы|будто|предположительно|по\s+неподтвержденным\s+данным|по\s+непроверенным\s+данным)"
    r"(?!\w)",
    re.IGNORECASE,
)
_CONSIDERED = re.compile(
    r"(?<!\w)(?:(?:рассматрива\w+|обсужда\w+|изуча\w+|прорабатыва\w+)\s+(?:возможност\w+|вопрос\w*|вариант\w*)"
    r"|не\s+исключа\w+|рассматривается|обсуждается)(?!\w)",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"(?<!\w)(?:планир\w+|намерен\w*|намерева\w+|собира\w+ся|хоч\w+|хотя?т|хотел\w*|готови\w*ся|готовя\w*ся"
    r"|предполагается|рассчитыва\w+|(?:будет|будут|будем|будешь|буду)\s+[а-яё]+(?:ть|ти|чь)(?:ся)?)(?!\w)",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"(?<!\w)(?:по\s+(?:данным|словам|информации|сведениям|оценкам|сообщению|мнению)|согласно"
    r"|как\s+(?:заявил\w*|сообщил\w*|сообщает|сообщают|пишет|передает|утверждает|утверждают)"
    r"|по\s+неофициальным\s+данным)(?!\w)",
    re.IGNORECASE,
)
# "Сообщается, что ..." hedges without a source; "В ЦТАК утверждается" names one, whose chain says so.
_IMPERSONAL = re.compile(r"(?<!\w)(?:сообщается|утверждается|говорится)(?!\w)", re.IGNORECASE)
_NAMED_PLACE = re.compile(r"(?<!\w)[Вв]о?\s+[\"«„]?[A-ZА-ЯЁ]")
_AUXILIARIES = frozenset(
    {"был", "была", "было", "были", "будет", "будут", "стал", "стала", "стали", "смог", "смогла", "смогли",
     "смогло", "может", "могут", "удалось", "стало"}
)  # fmt: skip
_WORD = re.compile(r"[А-Яа-яЁёA-Za-z-]+")


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the stretch around [start, end) that no strong break cuts."""
    before = [m.end() for m in _BREAK.finditer(sentence, 0, start)]
    after = [m.start() for m in _BREAK.finditer(sentence, end)]
    return (before[-1] if before else 0), (after[0] if after else len(sentence))


def _negated(sentence: str, start: int) -> bool:
    words = [w.lower() for w in _WORD.findall(sentence[:start])][-3:]
    if words[-1:] == ["не"]:
        return True
    return len(words) >= 2 and words[-2] == "не" and words[-1] in _AUXILIARIES


def _future(predicate: str) -> bool:
    words = _WORD.findall(predicate)
    if not words:
        return False
    tag = morph().parse(words[0])[0].tag
    return tag.POS == "VERB" and "futr" in tag


def _impersonal(sentence: str) -> bool:
    for m in _IMPERSONAL.finditer(sentence):
        clause_start = max(sentence.rfind(",", 0, m.start()), sentence.rfind(".", 0, m.start()), 0)
        if not _NAMED_PLACE.search(sentence, clause_start, m.start()):
            return True
    return False


def _outside(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    return any(m.end() <= start or m.start() >= end for m in pattern.finditer(text))


def detect_modality(sentence: str, start: int, end: int, attributed: bool) -> Modality:
    """Modality of the predicate at [start, end) of `sentence`."""
    start, end = max(0, start), min(len(sentence), max(start, end))
    if _outside(_DENIAL, sentence, start, end) or _negated(sentence, start):
        return Modality.DENIED
    low, high = _clause(sentence, start, end)
    clause = sentence[low:high]
    if _ALLEGED.search(clause):
        return Modality.ALLEGED
    if _CONSIDERED.search(clause):
        return Modality.CONSIDERED
    if _PLANNED.search(clause) or _future(sentence[start:end]):
        return Modality.PLANNED
    if attributed or _REPORTED.search(sentence) or _impersonal(sentence):
        return Modality.REPORTED
    return Modality.ASSERTED
