"""Counted amounts: hedges, number words, multipliers, vague plurals and the counted noun's unit."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract.quantities import find_quantities

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds" / "000_36549a97ad93da46.txt"

# (text, expected span text, value, approx, unit)
CASES: list[tuple[str, str, float, bool, str]] = [
    ("находятся около 10 тысяч северокорейских наемников", "около 10 тысяч", 10_000, True, "person"),
    ("Пхеньян направил еще около пяти тысяч наемников", "около пяти тысяч", 5_000, True, "person"),
    ("десятки миллионов снарядов российский режим получил", "десятки миллионов", 10_000_000, True, "shell"),
    ("как и сотни баллистических ракет", "сотни", 100, True, "missile"),
    ("КНДР отправила тысячи наемников", "тысячи", 1_000, True, "person"),
    ("бюджет составил 3,5 млн долларов", "3,5 млн", 3_500_000, False, "USD"),
    ("погибли более 200 человек", "более 200", 200, True, "person"),
    ("у границы 10 000 военных", "10 000", 10_000, False, "person"),
    ("у границы 10\u00a0000 солдат", "10\u00a0000", 10_000, False, "person"),
    ("кредит на $5 млрд выдан", "$5 млрд", 5_000_000_000, False, "USD"),
    ("штраф в 20 млрд руб. назначен", "20 млрд", 20_000_000_000, False, "RUB"),
    ("выделено полтора миллиона рублей", "полтора миллиона", 1_500_000, False, "RUB"),
    ("бюджет 4,1 млрд рублей", "4,1 млрд", 4_100_000_000, False, "RUB"),
    ("инфляция выросла на 12% за год", "12%", 12, False, "percent"),
    ("сотни тысяч беженцев покинули город", "сотни тысяч", 100_000, True, "person"),
    ("прибыли несколько тысяч солдат", "несколько тысяч", 1_000, True, "person"),
    ("двести пятьдесят танков отправлены", "двести пятьдесят", 250, False, "tank"),
    ("в плен попали двое военных", "двое", 2, False, "person"),
    ("на учения прибыли 5 тыс. человек", "5 тыс.", 5_000, False, "person"),
    ("в колонне было до 100 человек", "до 100", 100, True, "person"),
    ("не менее 30 беспилотников сбиты", "не менее 30", 30, True, "drone"),
    ("свыше 1,2 млн тонн зерна", "свыше 1,2 млн", 1_200_000, True, "tonne"),
    ("запущено 40 ракет", "40", 40, False, "missile"),
    ("поставлено 12 гаубиц", "12", 12, False, "гаубица"),
    ("уволены 3 сотрудника", "3", 3, False, "person"),
    ("тысяча человек вышла на митинг", "тысяча", 1_000, False, "person"),
    ("трансфер за £22 млн завершен", "£22 млн", 22_000_000, False, "GBP"),
    ("задержаны 5 человек", "5", 5, False, "person"),
    ("пострадали девочки от 13 до 16 лет", "от 13 до 16", 13, True, "год"),
    ("прибыли 10–15 тысяч человек", "10–15 тысяч", 10_000, True, "person"),
    ("переброшено от 10 тысяч до 15 тысяч солдат", "от 10 тысяч до 15 тысяч", 10_000, True, "person"),
    ("выпущено от пяти до десяти ракет", "от пяти до десяти", 5, True, "missile"),
]


@pytest.mark.parametrize(("text", "span", "value", "approx", "unit"), CASES)
def test_quantity(text: str, span: str, value: float, approx: bool, unit: str) -> None:
    found = find_quantities(text)
    assert [q.quantity.text for q in found] == [span]
    mention = found[0]
    assert text[mention.start : mention.end] == span
    assert (mention.quantity.value, mention.quantity.approx, mention.quantity.unit) == (value, approx, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Встреча состоялась в Пхеньяне 6 ноября.",
        "В 2024 году договор подписали.",
        "Истребители Су-35 и 3-й батальон.",
        "в плен нескольких военных",
        "До 2030 года завод построят.",
        "Документ 15.03.2021 опубликован.",
        "Это одна из двух",
        "осужден по статьям №213 и №115 УК РФ",
        "по ч. 2 ст. 141 УК РФ",
        "матч закончился со счетом 3-1 в пользу гостей",
    ],
)
def test_no_quantity(text: str) -> None:
    assert find_quantities(text) == []


def test_seed_article() -> None:
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    found = [
        (q.quantity.text, q.quantity.value, q.quantity.approx, q.quantity.unit) for q in find_quantities(body)
    ]
    assert found == [
        ("двух", 2, False, "диктатура"),
        ("двух", 2, False, "страна"),
        ("около 10 тысяч", 10_000, True, "person"),
        ("около пяти тысяч", 5_000, True, "person"),
        ("двух", 2, False, "страна"),
        ("тысячи", 1_000, True, "person"),
        ("десятки миллионов", 10_000_000, True, "shell"),
        ("сотни", 100, True, "missile"),
    ]
    for mention in find_quantities(body):
        assert body[mention.start : mention.end] == mention.quantity.text


_PIECES = [
    "около", "более", "не", "менее", "до", "еще", "10", "000", "3,5", "пяти", "двести", "пятьдесят",
    "тысяч", "тысячи", "млн", "млрд", "тыс.", "десятки", "сотни", "несколько", "миллионов", "$", "%",
    "человек", "наемников", "снарядов", "ракет", "долларов", "рублей", "северокорейских", "в", "2024",
    "году", "6", "ноября", "№", "ст.", "Су-35", ",", ".",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join))
def test_any_text_gives_consistent_quantities(text: str) -> None:
    previous_end = 0
    for mention in find_quantities(text):
        assert text[mention.start : mention.end] == mention.quantity.text
        assert mention.start >= previous_end
        assert mention.quantity.value >= 0
        previous_end = mention.end


def test_news_corpus_quantities_are_consistent() -> None:
    corpus = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "nerel" / "dev"
    total = 0
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for mention in find_quantities(text):
            total += 1
            assert text[mention.start : mention.end] == mention.quantity.text
            assert not mention.quantity.text[0].isspace() and not mention.quantity.text[-1].isspace()
    assert total > 100
