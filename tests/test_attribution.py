"""Attribution chains on the seed article and on single reporting patterns."""

from __future__ import annotations

from pathlib import Path

import pytest
import razdel

from timeline.extract.attribution import attribute_sentences, attribution_chains

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds" / "000_36549a97ad93da46.txt"

RBC = "РБК-Украина"
VIA_RADIO = ("Радио Свобода", RBC)
VIA_KCNA = ("ЦТАК", "Радио Свобода", RBC)
OWN = (RBC,)

# Each seed sentence (by its opening words) and the chain it must get.
SEED_EXPECTED: list[tuple[str, tuple[str, ...]]] = [
    ("Делегация российского режима посетила", VIA_RADIO),  # "Об этом" in the next-but-one points back
    ("Предварительно известно, что РФ", VIA_RADIO),
    ("Об этом сообщает РБК-Украина", VIA_RADIO),
    ("Отмечается, что официальный пропагандистский", VIA_KCNA),
    ("Со стороны КНДР делегацию принимал", VIA_KCNA),
    ("Встреча военных двух диктатур", VIA_KCNA),
    ("Интересный момент, что делегация", VIA_RADIO),  # the outlet's own aside
    ("В ЦТАК утверждается", VIA_KCNA),
    ("Также Горемыкин и его подчиненные", VIA_KCNA),
    ('"Переговоры прошли в дружественной', VIA_KCNA),
    ("Отметим, что по данным южнокорейской разведки", ("южнокорейская разведка", RBC)),
    ("Кроме того, Пхеньян направил", OWN),
    ("Преимущественно это военные строители", OWN),
    ("Сотрудничество России и КНДР", OWN),
    ("Документ предусматривает", OWN),
    ("После этого КНДР отправила", OWN),
    ("Российский режим вынужден", OWN),
    ("Также КНДР помогает России", OWN),
    ("Кроме этого, северокорейский режим", OWN),
]


def _seed_sentences() -> list[str]:
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    return [s.text for s in razdel.sentenize(body)]


def test_seed_chains() -> None:
    sentences = _seed_sentences()
    assert len(sentences) == len(SEED_EXPECTED)
    chains = attribution_chains(sentences, RBC)
    for sentence, chain, (opening, expected) in zip(sentences, chains, SEED_EXPECTED, strict=True):
        assert sentence.startswith(opening)
        assert chain == expected, sentence


def test_seed_only_the_intelligence_claim_is_local() -> None:
    sentences = _seed_sentences()
    local = [s for s, a in zip(sentences, attribute_sentences(sentences, RBC), strict=True) if a.local]
    assert len(local) == 1
    assert "по данным южнокорейской разведки" in local[0]


def test_seed_without_publisher_takes_the_reporter() -> None:
    chains = attribution_chains(_seed_sentences(), None)
    assert chains[5] == VIA_KCNA
    assert chains[-1] == OWN


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Россия перебросила войска, сообщает ТАСС со ссылкой на источники.",
            ("источники", "ТАСС", "Лента.ру"),
        ),
        ("Войска вошли в город, передает Reuters.", ("Reuters", "Лента.ру")),
        (
            "Министр сообщил о планах, пишет ТАСС со ссылкой на источник в ведомстве.",
            ("источник", "ТАСС", "Лента.ру"),
        ),
        ("Об этом пишет агентство Reuters.", ("Reuters", "Лента.ру")),
        ("Войска вошли в город, сообщает «Интерфакс».", ("Интерфакс", "Лента.ру")),
        (
            "По данным Министерства обороны Украины, сбиты 30 дронов.",
            ("Министерство обороны Украины", "Лента.ру"),
        ),
        ("По словам главы МИД Сергея Лаврова, встреча прошла.", ("Сергей Лавров", "Лента.ру")),
        ("По словам Путина, переговоры идут.", ("Путин", "Лента.ру")),
        (
            "Как заявил пресс-секретарь Дмитрий Песков, переговоры продолжатся.",
            ("Дмитрий Песков", "Лента.ру"),
        ),
        ("Согласно данным ООН, беженцев стало больше.", ("ООН", "Лента.ру")),
        ("В Кремле заявили, что встреча состоится.", ("Кремль", "Лента.ру")),
        ("Стороны договорились, говорится в заявлении МИД России.", ("МИД России", "Лента.ру")),
        ("Министр обороны Сергей Шойгу заявил, что армия готова.", ("Сергей Шойгу", "Лента.ру")),
        ("Минобороны РФ опровергло эти данные.", ("Минобороны РФ", "Лента.ру")),
        ("Сегодня прошел саммит.", ("Лента.ру",)),
        ("Об этом сообщила пресс-служба полиции РА.", ("пресс-служба полиции РА", "Лента.ру")),
        ("Об этом пишет британское издание Guardian.", ("Guardian", "Лента.ру")),
        ("Об этом 22 июля сообщил секретариат Агентства на сайте.", ("секретариат Агентства", "Лента.ру")),
        ("В поздравлении президента России говорится, что он талантлив.", ("президент России", "Лента.ру")),
        ("Объединение художников пишет музыку к ленте.", ("Лента.ру",)),
        (
            "Секретариат МАГАТЭ в сообщении о смерти главы Агентства подтвердил данные.",
            ("Секретариат МАГАТЭ", "Лента.ру"),
        ),
        ("«Мы готовы», — заявил музыкант в ходе брифинга.", ("музыкант", "Лента.ру")),
        ("В пятницу сообщили о пожаре.", ("Лента.ру",)),
        ("Они заявили, что не согласны.", ("Лента.ру",)),
        (
            "Обвинения вызвали возмущение, и во вторник глава МВД Владимир Колокольцев заявил, что их сняли.",
            ("Владимир Колокольцев", "Лента.ру"),
        ),
        (
            'Как передаёт РИА "Новости" со ссылкой на местную газету "Время", суд отложен.',
            ("Время", "РИА Новости", "Лента.ру"),
        ),
    ],
)
def test_single_sentence(sentence: str, expected: tuple[str, ...]) -> None:
    assert attribution_chains([sentence], "Лента.ру") == [expected]


def test_abbreviation_defined_in_text_is_preferred() -> None:
    sentences = [
        "Международное агентство по атомной энергии (МАГАТЭ) сообщило об инспекции.",
        "Инспекторы прибыли на станцию.",
        "Напомним, станция остановлена.",
    ]
    assert attribution_chains(sentences, "ТАСС") == [("МАГАТЭ", "ТАСС"), ("МАГАТЭ", "ТАСС"), ("ТАСС",)]


def test_no_publisher_and_no_source_gives_empty_chain() -> None:
    assert attribution_chains(["Сегодня прошел саммит."], None) == [()]


def test_reporting_outside_the_lead_holds_for_a_few_sentences() -> None:
    sentences = ["Начало.", "Второе.", "Третье.", "Четвертое.", "Пожар потушен, сообщает ТАСС."]
    sentences += ["Жертв нет.", "Ущерб оценивается.", "Расследование идет.", "Конец."]
    chains = attribution_chains(sentences, "PUB")
    assert chains[:4] == [("PUB",)] * 4
    assert chains[4:7] == [("ТАСС", "PUB")] * 3
    assert chains[7:] == [("PUB",)] * 2


def test_reporting_in_the_lead_covers_the_document() -> None:
    sentences = ["Пожар потушен, сообщает ТАСС.", "Жертв нет.", "Ущерб оценивается.", "Расследование идет."]
    assert attribution_chains(sentences, "PUB") == [("ТАСС", "PUB")] * 4


def test_news_corpus_chains_end_with_the_publisher() -> None:
    corpus = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "nerel" / "dev"
    attributed = 0
    for path in sorted(corpus.glob("*.txt")):
        sentences = [s.text for s in razdel.sentenize(path.read_text(encoding="utf-8"))]
        chains = attribution_chains(sentences, "PUB")
        assert len(chains) == len(sentences)
        for chain in chains:
            assert chain[-1] == "PUB"
            assert len(set(chain)) == len(chain)
            assert all(name and name == name.strip() for name in chain)
        attributed += sum(len(chain) > 1 for chain in chains)
    # Wikinews cites agencies and officials; some, not all, sentences carry a source.
    assert 0 < attributed


def test_their_words_go_back_to_the_last_speaker() -> None:
    sentences = [
        "Адвокат Мария Иванова заявила, что иск подан.",
        "Суд назначен на понедельник.",
        "Заседание будет открытым.",
        "Решение ожидается к вечеру.",
        "По её словам, шансы высоки.",
    ]
    attributions = attribute_sentences(sentences, "PUB")
    assert [a.chain for a in attributions] == [
        ("Мария Иванова", "PUB"),
        ("Мария Иванова", "PUB"),
        ("Мария Иванова", "PUB"),
        ("PUB",),
        ("Мария Иванова", "PUB"),
    ]
    assert attributions[-1].local
