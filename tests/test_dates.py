"""Table-driven checks of Russian time expressions against the semantics in timeline/extract/dates.py."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.domain.time import Precision
from timeline.extract.date_vocab import alternation
from timeline.extract.dates import find_time_expressions

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds" / "000_36549a97ad93da46.txt"

D = date(2025, 11, 7)  # the seed article's date, a Friday
DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR

# (sentence, document date, expected span text, start, end, precision)
CASES: list[tuple[str, date | None, str, date | None, date | None, Precision]] = [
    # the seed's own expressions
    ("Встреча состоялась в Пхеньяне 6 ноября.", D, "6 ноября", date(2025, 11, 6), None, DAY),
    ("На границе сейчас находятся наемники.", D, "сейчас", D, None, DAY),
    ("Наемники с сентября уже прибывают в Россию.", D, "с сентября", date(2025, 9, 1), None, MONTH),
    ("Напомним, в июне 2024 года подписали договор.", D, "в июне 2024 года", date(2024, 6, 1), None, MONTH),
    ("Признать это только в апреле 2025 года.", D, "в апреле 2025 года", date(2025, 4, 1), None, MONTH),
    # single days
    ("Переговоры прошли 2 марта 2022 года в Москве.", D, "2 марта 2022 года", date(2022, 3, 2), None, DAY),
    ("Документ подписан 15.03.2021 в Женеве.", D, "15.03.2021", date(2021, 3, 15), None, DAY),
    ("Приказ от 01.09.22 вступил в силу.", D, "01.09.22", date(2022, 9, 1), None, DAY),
    ("Дата публикации 2021-03-15.", D, "2021-03-15", date(2021, 3, 15), None, DAY),
    ("Заседание 5 дек. 2024 г. отменили.", D, "5 дек. 2024 г.", date(2024, 12, 5), None, DAY),
    ("Встреча прошла 6 ноября.", date(2025, 11, 5), "6 ноября", date(2024, 11, 6), None, DAY),
    ("Выборы прошли 29 февраля.", D, "29 февраля", date(2024, 2, 29), None, DAY),
    ("Решение принято 1-го декабря 2023 года.", D, "1-го декабря 2023 года", date(2023, 12, 1), None, DAY),
    ("Их видели 6 ноября 2025 г. у границы.", D, "6 ноября 2025 г.", date(2025, 11, 6), None, DAY),
    # months, in every case form
    ("Это случилось в ноябре.", D, "в ноябре", date(2025, 11, 1), None, MONTH),
    ("Это случилось в декабре.", D, "в декабре", date(2024, 12, 1), None, MONTH),
    ("Ноябрь 2023 года выдался холодным.", D, "Ноябрь 2023 года", date(2023, 11, 1), None, MONTH),
    ("Учения прошли в сентябре 2023 г.", D, "в сентябре 2023 г.", date(2023, 9, 1), None, MONTH),
    ("Это случилось в мае.", D, "в мае", date(2025, 5, 1), None, MONTH),
    ("Это случилось в мае.", date(2025, 3, 1), "в мае", date(2024, 5, 1), None, MONTH),
    ("Ждем решения в январе.", date(2025, 1, 15), "в январе", date(2025, 1, 1), None, MONTH),
    ("Перед январем 2020 года всё изменилось.", D, "январем 2020 года", date(2020, 1, 1), None, MONTH),
    ("В прошлом месяце начались поставки.", D, "В прошлом месяце", date(2025, 10, 1), None, MONTH),
    # years, decades, centuries
    ("В 2020 году началась пандемия.", D, "В 2020 году", date(2020, 1, 1), None, YEAR),
    ("Это было в 2020-м.", D, "в 2020-м", date(2020, 1, 1), None, YEAR),
    ("В 2025 г. цены выросли.", D, "В 2025 г.", date(2025, 1, 1), None, YEAR),
    ("Так было в прошлом году.", D, "в прошлом году", date(2024, 1, 1), None, YEAR),
    ("В этом году урожай выше.", D, "В этом году", date(2025, 1, 1), None, YEAR),
    ("В следующем году откроют завод.", D, "В следующем году", date(2026, 1, 1), None, YEAR),
    ("Три года назад начались поставки.", D, "Три года назад", date(2022, 1, 1), None, YEAR),
    ("Это было в 1990-е годы.", D, "в 1990-е годы", date(1990, 1, 1), date(2000, 1, 1), YEAR),
    ("Так жили в 90-х годах.", D, "в 90-х годах", date(1990, 1, 1), date(2000, 1, 1), YEAR),
    ("XX век принес две войны.", D, "XX век", date(1901, 1, 1), date(2001, 1, 1), YEAR),
    ("Так воюют в XXI веке.", D, "в XXI веке", date(2001, 1, 1), date(2101, 1, 1), YEAR),
    # bare years only in brackets or after a preposition at a clause end
    ("Герой Социалистического Труда (1984).", D, "1984", date(1984, 1, 1), None, YEAR),
    ("Министр внутренних дел (2001—2003), спикер", D, "2001—2003", date(2001, 1, 1), date(2004, 1, 1), YEAR),
    ("Он родился в 1962.", D, "в 1962", date(1962, 1, 1), None, YEAR),
    ("Санкции действуют с 2014, а потом усилились.", D, "с 2014", date(2014, 1, 1), None, YEAR),
    # ranges
    (
        "Сделки заключались в 2019–2021 годах.",
        D,
        "в 2019–2021 годах",
        date(2019, 1, 1),
        date(2022, 1, 1),
        YEAR,
    ),
    (
        "Поставки шли в 2019-2021 гг. без перерыва.",
        D,
        "в 2019-2021 гг.",
        date(2019, 1, 1),
        date(2022, 1, 1),
        YEAR,
    ),
    ("Он правил с 2019 по 2021 год.", D, "с 2019 по 2021 год", date(2019, 1, 1), date(2022, 1, 1), YEAR),
    ("Он правил с 2014 до 2016 года.", D, "с 2014 до 2016 года", date(2014, 1, 1), date(2016, 1, 1), YEAR),
    (
        "Учения шли с 1 по 5 марта 2024 года.",
        D,
        "с 1 по 5 марта 2024 года",
        date(2024, 3, 1),
        date(2024, 3, 6),
        DAY,
    ),
    (
        "Обстрелы шли с января по март 2024 года.",
        D,
        "с января по март 2024 года",
        date(2024, 1, 1),
        date(2024, 4, 1),
        MONTH,
    ),
    (
        "Работы велись в сентябре–октябре 2024 года.",
        D,
        "в сентябре–октябре 2024 года",
        date(2024, 9, 1),
        date(2024, 11, 1),
        MONTH,
    ),
    ("Саммит прошел 10–12 июля.", D, "10–12 июля", date(2025, 7, 10), date(2025, 7, 13), DAY),
    # open intervals and deadlines
    ("Санкции действуют с 2014 года.", D, "с 2014 года", date(2014, 1, 1), None, YEAR),
    ("Он работает с 6 ноября.", D, "с 6 ноября", date(2025, 11, 6), None, DAY),
    (
        "Режим действует с 2022 года по настоящее время.",
        D,
        "с 2022 года по настоящее время",
        date(2022, 1, 1),
        None,
        YEAR,
    ),
    ("Цены растут с начала года.", D, "с начала года", date(2025, 1, 1), None, MONTH),
    ("Санкции ввели после 2014 года.", D, "после 2014 года", date(2015, 1, 1), None, YEAR),
    ("План рассчитан до 2030 года.", D, "до 2030 года", D, date(2030, 1, 1), DAY),
    ("Войска останутся до конца года.", D, "до конца года", D, date(2026, 1, 1), DAY),
    ("Завод построят к концу 2026 года.", D, "к концу 2026 года", D, date(2027, 1, 1), DAY),
    ("Ответ ждут до 15 декабря.", D, "до 15 декабря", D, date(2025, 12, 15), DAY),
    # parts of periods, seasons, quarters
    ("Это случилось в начале марта.", D, "в начале марта", date(2025, 3, 1), date(2025, 3, 11), DAY),
    (
        "Это случилось в середине октября.",
        D,
        "в середине октября",
        date(2025, 10, 11),
        date(2025, 10, 21),
        DAY,
    ),
    (
        "Это случилось в конце марта 2024 года.",
        D,
        "в конце марта 2024 года",
        date(2024, 3, 21),
        date(2024, 4, 1),
        DAY,
    ),
    ("Это случилось в начале 2024 года.", D, "в начале 2024 года", date(2024, 1, 1), date(2024, 5, 1), MONTH),
    (
        "Это случилось в конце прошлого года.",
        D,
        "в конце прошлого года",
        date(2024, 9, 1),
        date(2025, 1, 1),
        MONTH,
    ),
    ("Наступление началось весной.", D, "весной", date(2025, 3, 1), date(2025, 6, 1), MONTH),
    (
        "Наступление началось летом 2024 года.",
        D,
        "летом 2024 года",
        date(2024, 6, 1),
        date(2024, 9, 1),
        MONTH,
    ),
    (
        "Наступление началось зимой 2024 года.",
        D,
        "зимой 2024 года",
        date(2023, 12, 1),
        date(2024, 3, 1),
        MONTH,
    ),
    ("Наступление началось осенью.", D, "осенью", date(2025, 9, 1), date(2025, 12, 1), MONTH),
    ("Наступление началось прошлой осенью.", D, "прошлой осенью", date(2024, 9, 1), date(2024, 12, 1), MONTH),
    (
        "Рост ВВП в третьем квартале замедлился.",
        D,
        "в третьем квартале",
        date(2025, 7, 1),
        date(2025, 10, 1),
        MONTH,
    ),
    (
        "Рост ВВП в III квартале 2024 года замедлился.",
        D,
        "в III квартале 2024 года",
        date(2024, 7, 1),
        date(2024, 10, 1),
        MONTH,
    ),
    (
        "Спад в IV квартале прошлого года.",
        D,
        "в IV квартале прошлого года",
        date(2024, 10, 1),
        date(2025, 1, 1),
        MONTH,
    ),
    (
        "Итоги в первом полугодии 2025 года.",
        D,
        "в первом полугодии 2025 года",
        date(2025, 1, 1),
        date(2025, 7, 1),
        MONTH,
    ),
    (
        "Итоги во второй половине 2024 года.",
        D,
        "во второй половине 2024 года",
        date(2024, 7, 1),
        date(2025, 1, 1),
        MONTH,
    ),
    # relative years after a month or season, weekdays that repeat a date
    (
        "Согласно comScore, в мае этого года выручка росла.",
        D,
        "в мае этого года",
        date(2025, 5, 1),
        None,
        MONTH,
    ),
    ("Это было в марте прошлого года.", D, "в марте прошлого года", date(2024, 3, 1), None, MONTH),
    (
        "Весной нынешнего года открыли магазин.",
        D,
        "Весной нынешнего года",
        date(2025, 3, 1),
        date(2025, 6, 1),
        MONTH,
    ),
    ("В четверг, 19 мая, сотрудники вернулись.", D, "В четверг, 19 мая", date(2025, 5, 19), None, DAY),
    ("Это было 1 июня прошлого года.", D, "1 июня прошлого года", date(2024, 6, 1), None, DAY),
    ("Год назад открыли мост.", D, "Год назад", date(2024, 1, 1), None, YEAR),
    # days and weeks relative to the document
    ("Вчера начался обстрел.", D, "Вчера", date(2025, 11, 6), None, DAY),
    ("Сегодня открыт мост.", D, "Сегодня", D, None, DAY),
    ("Позавчера открыли мост.", D, "Позавчера", date(2025, 11, 5), None, DAY),
    ("Завтра откроют мост.", D, "Завтра", date(2025, 11, 8), None, DAY),
    ("В настоящее время войска на месте.", D, "В настоящее время", D, None, DAY),
    ("Два дня назад открыли мост.", D, "Два дня назад", date(2025, 11, 5), None, DAY),
    ("Об этом стало известно накануне.", D, "накануне", date(2025, 11, 6), None, DAY),
    ("Встреча прошла в понедельник.", D, "в понедельник", date(2025, 11, 3), None, DAY),
    ("Встреча прошла в пятницу.", D, "в пятницу", D, None, DAY),
    ("Встреча прошла в прошлую среду.", D, "в прошлую среду", date(2025, 10, 29), None, DAY),
    ("Встреча прошла на прошлой неделе.", D, "на прошлой неделе", date(2025, 10, 27), date(2025, 11, 3), DAY),
    ("Встреча пройдет на этой неделе.", D, "на этой неделе", date(2025, 11, 3), date(2025, 11, 10), DAY),
    (
        "Встреча пройдет на следующей неделе.",
        D,
        "на следующей неделе",
        date(2025, 11, 10),
        date(2025, 11, 17),
        DAY,
    ),
]


@pytest.mark.parametrize(("sentence", "doc", "expected_text", "start", "end", "precision"), CASES)
def test_expression(
    sentence: str,
    doc: date | None,
    expected_text: str,
    start: date | None,
    end: date | None,
    precision: Precision,
) -> None:
    mentions = find_time_expressions(sentence, doc)
    assert [m.text for m in mentions] == [expected_text]
    mention = mentions[0]
    assert sentence[mention.start : mention.end] == expected_text
    assert (mention.valid.start, mention.valid.end, mention.valid.precision) == (start, end, precision)
    assert mention.valid.text == expected_text


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("word", ["ранее", "на днях", "недавно"])
def test_undated_words_are_known_by_the_document_date(word: str) -> None:
    mentions = find_time_expressions(f"Об этом {word} сообщила разведка.", D)
    assert [m.text for m in mentions] == [word]
    valid = mentions[0].valid
    assert (valid.start, valid.end, valid.known_by) == (None, None, D)


def test_deadline_without_year_takes_the_closest_date() -> None:
    [before_march] = find_time_expressions("Войска останутся до марта.", D)
    assert (before_march.valid.start, before_march.valid.end) == (D, date(2026, 3, 1))
    [yesterday] = find_time_expressions("Заявки принимались до 6 ноября.", D)
    assert (yesterday.valid.start, yesterday.valid.end) == (None, date(2025, 11, 6))
    assert yesterday.valid.known_by == date(2025, 11, 5)


def test_half_year_without_a_year_is_the_documents() -> None:
    [half] = find_time_expressions("Рост в первой половине года замедлился.", D)
    assert (half.text, half.valid.start, half.valid.end) == (
        "в первой половине года",
        date(2025, 1, 1),
        date(2025, 7, 1),
    )


def test_deadline_already_past_has_unknown_start() -> None:
    [mention] = find_time_expressions("До 2014 года полуостров был украинским.", D)
    assert mention.text == "До 2014 года"
    assert (mention.valid.start, mention.valid.end) == (None, date(2014, 1, 1))
    assert mention.valid.known_by == date(2013, 12, 31)


@pytest.mark.parametrize(
    "sentence",
    [
        "Договор подписали 31 февраля 2024 года.",
        "Это случилось 30 февраля.",
        "Это случится в 3000 году.",
        "Марта Иванова дала интервью.",
        "Около 2000 человек вышли на улицы.",
        "Прибыли около 10 000 военных.",
        "Выпуск вырос в 2000 раз.",
        "Встреча пройдет в первой половине дня.",
        "В конце концов все решилось.",
        "Книги купили много лет назад.",
        "Всего (1500).",
    ],
)
def test_not_a_date(sentence: str) -> None:
    assert find_time_expressions(sentence, D) == []


def test_relative_words_need_a_document_date() -> None:
    text = "Вчера, 6 ноября, сейчас и ранее; но в июне 2024 года — точно."
    assert [m.text for m in find_time_expressions(text, None)] == ["в июне 2024 года"]


def test_seed_article() -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n", 1)
    assert lines[0].startswith(" date 2025-11-07")
    body = lines[1]
    found = [
        (m.text, m.valid.start, m.valid.end, m.valid.precision, m.valid.known_by)
        for m in find_time_expressions(body, D)
    ]
    assert found == [
        ("6 ноября", date(2025, 11, 6), None, DAY, None),
        ("ранее", None, None, DAY, D),
        ("сейчас", D, None, DAY, None),
        ("с сентября", date(2025, 9, 1), None, MONTH, None),
        ("в июне 2024 года", date(2024, 6, 1), None, MONTH, None),
        ("в апреле 2025 года", date(2025, 4, 1), None, MONTH, None),
    ]
    for mention in find_time_expressions(body, D):
        assert body[mention.start : mention.end] == mention.text


CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "nerel" / "dev"


_PIECES = [
    "в", "с", "до", "по", "после", "к", "на", "начале", "конце", "середине", "прошлом", "этом", "году",
    "года", "годах", "г.", "2024", "2019–2021", "1990-е", "31", "29", "6", "15.03.2021", "2021-02-30",
    "ноября", "ноябре", "февраля", "марта", "мая", "Марта", "весной", "зимой", "XX", "век", "третьем",
    "квартале", "первой", "половине", "неделе", "понедельник", "вчера", "сейчас", "ранее", "назад", "лет",
    "два", "дня", ",", ".", "—", "(", ")", "по настоящее время",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)) | st.none(),
)
def test_any_text_gives_consistent_mentions(text: str, doc: date | None) -> None:
    for mention in find_time_expressions(text, doc):
        assert text[mention.start : mention.end] == mention.text == mention.valid.text
        valid = mention.valid
        assert valid.start is not None or valid.known_by is not None
        if valid.start is not None and valid.end is not None:
            assert valid.start < valid.end


def test_news_corpus_mentions_are_consistent_and_disjoint() -> None:
    files = sorted(CORPUS.glob("*.txt"))
    assert files
    total = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        mentions = find_time_expressions(text, date(2020, 1, 1))
        total += len(mentions)
        for earlier, later in zip(mentions, mentions[1:], strict=False):
            assert earlier.end <= later.start
        for mention in mentions:
            assert text[mention.start : mention.end] == mention.text
    assert total > 100  # real news mentions dates all the time


@settings(max_examples=300)
@given(
    st.lists(st.text(alphabet="абвг.", max_size=4), min_size=1, max_size=10),
    st.text(alphabet="абвгАБ. ", max_size=12),
)
def test_alternation_matches_as_its_words_longest_first(words: list[str], text: str) -> None:
    plain = "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"
    for tail in ("", r"(?!\w)", "а"):
        shared = re.compile(alternation(words) + tail, re.IGNORECASE)
        listed = re.compile(plain + tail, re.IGNORECASE)
        assert [m.span() for m in shared.finditer(text)] == [m.span() for m in listed.finditer(text)]
