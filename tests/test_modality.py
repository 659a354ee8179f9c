"""Modality of a predicate in its sentence: seed sentences and extra ones."""

from __future__ import annotations

from pathlib import Path

import pytest
import razdel

from timeline.domain.facts import Modality
from timeline.extract.modality import detect_modality

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds" / "000_36549a97ad93da46.txt"


def _seed_sentence(opening: str) -> str:
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    [sentence] = [str(s.text) for s in razdel.sentenize(body) if opening in s.text]
    return sentence


def _modality(sentence: str, predicate: str, attributed: bool = False) -> Modality:
    start = sentence.index(predicate)
    return detect_modality(sentence, start, start + len(predicate), attributed)


# (opening words of a seed sentence, predicate word, attributed, expected)
SEED_CASES: list[tuple[str, str, bool, Modality]] = [
    ("Встреча военных двух диктатур", "состоялась", False, Modality.ASSERTED),
    ("Интересный момент, что делегация", "сформирована", False, Modality.ALLEGED),
    ("Кроме этого, северокорейский режим", "направления", False, Modality.CONSIDERED),
    ("Кроме этого, северокорейский режим", "рассматривает", False, Modality.CONSIDERED),
    ("Отметим, что по данным южнокорейской разведки", "находятся", True, Modality.REPORTED),
    ("Отметим, что по данным южнокорейской разведки", "находятся", False, Modality.REPORTED),
    ("Предварительно известно, что РФ", "получить", False, Modality.PLANNED),
    ("Преимущественно это военные строители", "проводить", False, Modality.PLANNED),
    ("Кроме того, Пхеньян направил", "направил", False, Modality.ASSERTED),
    ("Кроме того, Пхеньян направил", "прибывают", False, Modality.ASSERTED),
    ("Напомним, в июне 2024 года", "подписали", False, Modality.ASSERTED),
    ("Российский режим вынужден", "признать", False, Modality.ASSERTED),
    ("Отмечается, что официальный пропагандистский", "подтвердил", True, Modality.REPORTED),
    ("В ЦТАК утверждается", "участие", False, Modality.ASSERTED),
]


@pytest.mark.parametrize(("opening", "predicate", "attributed", "expected"), SEED_CASES)
def test_seed(opening: str, predicate: str, attributed: bool, expected: Modality) -> None:
    assert _modality(_seed_sentence(opening), predicate, attributed) == expected


EXTRA_CASES: list[tuple[str, str, bool, Modality]] = [
    ("Кремль опроверг сообщения, что Россия получила ракеты.", "получила", False, Modality.DENIED),
    ("Минобороны отрицает, что войска вошли в город.", "вошли", True, Modality.DENIED),
    ("Россия не признала участие своих войск.", "признала", False, Modality.DENIED),
    ("Договор так и не был подписан.", "подписан", False, Modality.DENIED),
    ("Кремль опроверг сообщения о потерях.", "опроверг", False, Modality.ASSERTED),
    ("Россия планирует открыть базу в Судане.", "открыть", False, Modality.PLANNED),
    ("КНДР намерена направить еще пять тысяч военных.", "направить", False, Modality.PLANNED),
    ("Стороны собираются подписать соглашение.", "подписать", False, Modality.PLANNED),
    ("Министры подпишут соглашение в декабре.", "подпишут", False, Modality.PLANNED),
    ("Москва не исключает возможности ответного удара.", "удара", False, Modality.CONSIDERED),
    ("Правительство обсуждает возможность введения пошлин.", "введения", False, Modality.CONSIDERED),
    ("Войска якобы покинули город.", "покинули", False, Modality.ALLEGED),
    ("Войска якобы покинули город, и мост был восстановлен.", "восстановлен", False, Modality.ASSERTED),
    ("Это якобы подтвердил ЦТАК, но на деле войска отошли.", "отошли", False, Modality.ASSERTED),
    ("По словам Пескова, переговоры продолжаются.", "продолжаются", False, Modality.REPORTED),
    ("Как заявил Лавров, встреча прошла успешно.", "прошла", False, Modality.REPORTED),
    ("Встреча прошла успешно.", "прошла", True, Modality.REPORTED),
    ("Встреча прошла успешно.", "прошла", False, Modality.ASSERTED),
    ("Сообщается, что встреча прошла успешно.", "прошла", False, Modality.REPORTED),
    ("Как сообщается, войска отошли.", "отошли", False, Modality.REPORTED),
    ("Отрицательные последствия санкций проявились в экономике.", "проявились", False, Modality.ASSERTED),
]


@pytest.mark.parametrize(("sentence", "predicate", "attributed", "expected"), EXTRA_CASES)
def test_extra(sentence: str, predicate: str, attributed: bool, expected: Modality) -> None:
    assert _modality(sentence, predicate, attributed) == expected


def test_out_of_range_span_does_not_raise() -> None:
    assert detect_modality("Встреча прошла.", 40, 50, False) == Modality.ASSERTED


def test_every_span_of_the_seed_gets_a_modality() -> None:
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    for sentence in (s.text for s in razdel.sentenize(body)):
        for start in range(0, len(sentence), 7):
            assert detect_modality(sentence, start, start + 5, False) in set(Modality)
