"""Who holds which position (FactRuEval's Occupation): the constructions of Russian news, one per test."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from timeline.domain.events import FactAsserted, Recorded
from timeline.domain.facts import Fact
from timeline.domain.fold import answer_as_of
from timeline.extract.pipeline import extract
from timeline.extract.types import Document

PUBLISHED = date(2015, 1, 1)


def facts_of(text: str, predicate: str) -> list[Fact]:
    return [f for f in extract(Document(text=text, published_at=PUBLISHED)).facts if f.predicate == predicate]


def holdings(text: str) -> set[tuple[str, str | None, str | None]]:
    return {
        (f.actor.name, f.role, f.object.name if f.object else None) for f in facts_of(text, "holds_position")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # <должность> <организация-род.п.> <ФИО>
        (
            "Генеральный директор компании «Газпром» Алексей Миллер приехал в Берлин.",
            ("Алексей Миллер", "генеральный директор", "Газпром"),
        ),
        # a title outside the gazetteer, an organisation whose name starts with an adjective
        (
            "Координатор движения «Левый фронт» Сергей Удальцов задержан.",
            ("Сергей Удальцов", "координатор", "Левый фронт"),
        ),
        # a deputy of another title: one title, not two
        (
            "Заместитель генерального директора ОАО «Ростелеком» Иван Петров уволился.",
            ("Иван Петров", "заместитель генерального директора", "ОАО «Ростелеком"),
        ),
        # <ФИО>, <должность> <организации>
        ("Герман Греф, глава Сбербанка, выступил с докладом.", ("Герман Греф", "глава", "Сбербанк")),
        # apposition in parentheses
        ("Игорь Сечин (глава «Роснефти») отказался от комментариев.", ("Игорь Сечин", "глава", "Роснефть")),
        # a region as the place of office
        (
            "Губернатор Подмосковья Борис Громов уехал в отпуск.",
            ("Борис Громов", "губернатор", "Подмосковье"),
        ),
        # coordination inside the title
        (
            "Министр финансов и экономики Иван Петров ушел на пенсию.",
            ("Иван Петров", "министр финансов", None),
        ),
    ],
)
def test_title_next_to_the_name(text: str, expected: tuple[str, str | None, str | None]) -> None:
    assert expected in holdings(text)


def test_holder_of_an_office_noun() -> None:
    """ "занимает пост", "пост ... занял": the verb's subject holds the office its object names."""
    assert ("Иван Петров", "директор", "Ромашка") in holdings(
        "Иван Петров занимает пост директора компании «Ромашка»."
    )
    assert ("Александр Григорян", "главный тренер", None) in holdings(
        "16 августа пост главного тренера занял Александр Григорян."
    )


def test_leaving_an_office_is_no_holding() -> None:
    assert not holdings("Эрик Шмидт ушел с поста генерального директора Google.")


def test_relative_clause_holder() -> None:
    assert ("Харви Питт", "глава", "SEC") in holdings(
        "Харви Питт, который занимал пост главы SEC, так прокомментировал ситуацию."
    )


def test_pronoun_holder_from_the_previous_sentence() -> None:
    assert ("Иван Петров", "директор", "Ромашка") in holdings(
        "Иван Петров родился в Москве. Он занимает пост директора компании «Ромашка»."
    )


def test_title_complements_before_the_name() -> None:
    """ "при ООН", "по правам человека": the title's complements stand between it and the name."""
    found = holdings("Об этом заявил постоянный представитель России при ООН Виталий Чуркин.")
    assert any(actor == "Виталий Чуркин" and organisation == "ООН" for actor, _, organisation in found)


def test_common_noun_refers_back_to_the_organisation_named_before() -> None:
    found = holdings("Акции «Роснефти» выросли на 5%. Глава компании Игорь Сечин назвал это успехом.")
    assert ("Игорь Сечин", "глава", "Роснефть") in found


def test_appointment_starts_the_holding_at_its_date() -> None:
    (fact,) = facts_of(
        "Иван Петров 12 мая 2014 года назначен заместителем министра финансов России.", "appointed"
    )
    assert (fact.actor.name, fact.role, fact.object.name if fact.object else None) == (
        "Иван Петров",
        "заместитель министра",
        "Россия",
    )
    assert fact.valid.start == date(2014, 5, 12)
    # The holding is not extracted twice: every answer derives it from the appointment.
    recorded = [Recorded(1, datetime(2020, 1, 1, tzinfo=UTC), FactAsserted(fact))]
    (holding,) = answer_as_of(recorded, date(2015, 1, 1), datetime(2021, 1, 1, tzinfo=UTC)).state
    assert (holding.fact.predicate, holding.fact.actor.name, holding.fact.role) == (
        "holds_position",
        "Иван Петров",
        "заместитель министра",
    )


def test_appointment_takes_the_office_not_the_rank() -> None:
    (fact,) = facts_of("Начальником штаба округа назначен генерал-лейтенант Андрей Третьяк.", "appointed")
    assert fact.actor.name == "Андрей Третьяк"
    assert fact.role is not None and fact.role.startswith("начальник")


def test_callings_need_a_workplace_and_founders_hold_no_position() -> None:
    assert not holdings("Известный журналист Иван Петров приехал в Москву.")
    assert ("Иван Петров", "журналист", "Коммерсант") in holdings(
        "Журналист «Коммерсанта» Иван Петров приехал в Москву."
    )
    assert not holdings("Основатель компании «Яндекс» Аркадий Волож выступил на конференции.")


def test_plural_titles_name_each_of_the_names_joined_after_them_and_one_of_them() -> None:
    assert not holdings("Министры обороны стран НАТО встретились в Минске.")
    assert holdings("Американские сенаторы Джон Маккейн и Марко Рубио победили на праймериз.") == {
        ("Джон Маккейн", "сенатор", "США"),
        ("Марко Рубио", "сенатор", "США"),
    }
    found = holdings(
        "В Думе мигалки положены её председателю Вячеславу Володину, первым зампредам Александру Жукову"
        " и Ивану Мельникову."
    )
    assert {("Александр Жуков", "первый зампред", None), ("Иван Мельников", "первый зампред", None)} <= found
    found = holdings("Иван Петров, один из руководителей компании «Ромашка», дал интервью.")
    assert ("Иван Петров", "руководитель", "Ромашка") in found


@pytest.mark.parametrize(
    "text",
    [
        "Владелец «Челси» Роман Абрамович купил яхту.",
        "Роман Абрамович владеет клубом «Челси».",
        "Клуб «Челси» принадлежит Роману Абрамовичу.",
    ],
)
def test_ownership(text: str) -> None:
    (fact,) = facts_of(text, "owns")
    assert (fact.actor.name, fact.object.name if fact.object else None) == ("Роман Абрамович", "Челси")
    assert fact.valid.start == PUBLISHED  # described in the present: it holds on the document date


def test_owners_hold_no_position() -> None:
    assert not holdings("Владелец «Челси» Роман Абрамович купил яхту.")


def test_purchase_is_a_deal_between_buyer_and_seller() -> None:
    (fact,) = facts_of("«Роснефть» купила у BP долю в компании.", "signed")
    assert (fact.actor.name, fact.object.name if fact.object else None, fact.role) == (
        "Роснефть",
        "BP",
        "купля/продажа",
    )


def test_loan_is_a_deal_and_an_office_is_not_a_loan() -> None:
    (fact,) = facts_of("Сбербанк выдал «Мечелу» кредит на 10 млрд рублей.", "signed")
    assert fact.actor.name == "Сбербанк" and fact.role == "займ"
    assert not facts_of("Иван Петров занял пост директора компании «Ромашка».", "signed")


def test_the_office_verb_names_the_holder_not_the_predecessor() -> None:
    found = holdings("Джина Хаспел сменила на посту главы ЦРУ Майка Помпео.")
    assert ("Джина Хаспел", "глава", "ЦРУ") in found
    assert not any(actor == "Майк Помпео" for actor, _, _ in found)


def test_participle_holder() -> None:
    assert ("Барак Обама", "президент", "США") in holdings(
        "В январе Барак Обама, в то время занимавший пост президента США, сократил срок."
    )


def test_apposition_of_an_undeclined_foreign_name() -> None:
    assert ("Маттео Сальвини", "глава", "Лига") in holdings(
        "В своём аккаунте он назвал главу «Лиги» Маттео Сальвини великим лидером."
    )


def test_unnamed_institution_after_the_title_is_the_workplace() -> None:
    assert ("Александр Бастрыкин", "председатель", "Следственный комитет") in holdings(
        "Председатель Следственного комитета Александр Бастрыкин заявил об этом."
    )


def test_possessive_before_the_title_names_the_organisation() -> None:
    assert ("Алексей Миллер", "глава", "Газпром") in holdings(
        "Акции «Газпрома» выросли. Его глава Алексей Миллер доволен."
    )


def test_subjectless_biography_sentence_is_about_the_person_before_and_dated_by_its_verb() -> None:
    (fact,) = facts_of(
        "Иван Петров родился в 1960 году в Туле. В 2000 году стал директором завода «Тулмаш».",
        "holds_position",
    )
    assert (fact.actor.name, fact.role, fact.object.name if fact.object else None) == (
        "Иван Петров",
        "директор",
        "Тулмаш",
    )
    assert fact.valid.start == date(2000, 1, 1)


def test_coordinated_titles_share_their_holder() -> None:
    found = holdings("Депутат Госдумы и лидер ЛДПР Владимир Жириновский выступил.")
    assert {
        ("Владимир Жириновский", "депутат", "Госдума"),
        ("Владимир Жириновский", "лидер", "ЛДПР"),
    } <= found


def test_predicated_calling_is_an_occupation() -> None:
    assert ("Иван Петров", "врач", None) in holdings("Иван Петров работает врачом.")


def test_verbal_holdings() -> None:
    assert ("Иван Петров", None, "Ромашка") in holdings("Иван Петров работает в компании «Ромашка».")
    assert ("Иван Петров", None, "Ромашка") in holdings("Компанию «Ромашка» возглавляет Иван Петров.")
    assert ("Иван Петров", None, "Ромашка") in holdings(
        "Иван Петров, возглавляющий компанию «Ромашка», заявил об этом."
    )


def test_adverb_between_name_and_title() -> None:
    assert ("Иван Петров", "директор", "Ромашка") in holdings(
        "Иван Петров, ныне директор компании «Ромашка», заявил об этом."
    )


def test_owner_by_copula_and_purchase_starts_ownership() -> None:
    (owner,) = facts_of("Роман Абрамович является владельцем клуба «Челси».", "owns")
    assert (owner.actor.name, owner.object.name if owner.object else None) == ("Роман Абрамович", "Челси")
    (bought,) = facts_of("В 2013 году «Роснефть» купила компанию ТНК-BP.", "owns")
    assert (bought.actor.name, bought.object.name if bought.object else None) == ("Роснефть", "ТНК-BP")
    assert bought.valid.start == date(2013, 1, 1)


def test_deal_nouns_and_fines() -> None:
    (sale,) = facts_of("Покупка «Роснефтью» компании ТНК-BP завершена.", "signed")
    assert (sale.actor.name, sale.object.name if sale.object else None, sale.role) == (
        "Роснефть",
        "ТНК-BP",
        "купля/продажа",
    )
    (fine,) = facts_of("ФАС оштрафовала «Газпром» на 100 тысяч рублей.", "signed")
    assert (fine.actor.name, fine.object.name if fine.object else None, fine.role) == (
        "ФАС",
        "Газпром",
        "штраф",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Бывший российский министр энергетики Игорь Юсуфов заявил об этом журналистам.",
            ("Игорь Юсуфов", "министр энергетики", "Россия"),
        ),
        (
            "Экс-глава ООО «Газэкспорт» Юрий Комаров возглавил компанию-оператора.",
            ("Юрий Комаров", "глава", "ООО «Газэкспорт"),
        ),
    ],
)
def test_a_former_holding_ended_by_the_document_date(
    text: str, expected: tuple[str, str | None, str | None]
) -> None:
    (former,) = [f for f in facts_of(text, "holds_position") if f.valid.end is not None]
    assert (former.actor.name, former.role, former.object.name if former.object else None) == expected
    # Begun and ended the text does not say when: over by the document date, so no as-of date shows it.
    assert (former.valid.start, former.valid.end) == (None, PUBLISHED)
    recorded = [Recorded(1, datetime(2020, 1, 1, tzinfo=UTC), FactAsserted(former))]
    for as_of in (date(2010, 1, 1), PUBLISHED, date(2016, 1, 1)):
        assert not answer_as_of(recorded, as_of, datetime(2021, 1, 1, tzinfo=UTC)).state


def test_a_former_holder_is_not_the_unnamed_holder_of_the_title_now() -> None:
    text = "Бывший премьер Японии Юкио Хатояма приехал в Крым. Премьер Японии заявил протест."
    assert {(f.actor.name, f.valid.end) for f in facts_of(text, "holds_position")} == {
        ("Юкио Хатояма", PUBLISHED)
    }


def test_a_country_adjective_is_no_workplace_of_a_calling() -> None:
    assert not holdings("Популярный японский писатель Харуки Мураками получил премию.")
    assert not holdings("Жюри возглавил австралийский режиссёр Джордж Миллер.")
    assert ("Иван Петров", "журналист", "Коммерсант") in holdings(
        "Российский журналист «Коммерсанта» Иван Петров приехал в Москву."
    )


def test_an_instrumental_after_a_preposition_is_no_predicated_calling() -> None:
    assert not holdings("Ксения Собчак с 2013 года замужем за актёром Максимом Виторганом.")


def test_an_honorific_between_the_title_and_the_name() -> None:
    assert ("Савельев", "генеральный директор", "ОАО «Аэрофлот") in holdings(
        "Об этом сообщил генеральный директор ОАО «Аэрофлот» господин Савельев."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("И.о. губернатора Иван Петров подписал постановление.", ("Иван Петров", "и.о. губернатора", None)),
        (
            "Врио губернатора Севастополя Дмитрий Овсянников подписал указ.",
            ("Дмитрий Овсянников", "врио губернатора", "Севастополь"),
        ),
        (
            "Указ подписал исполняющий обязанности мэра Москвы Сергей Собянин.",
            ("Сергей Собянин", "исполняющий обязанности мэра", "Москва"),
        ),
    ],
)
def test_an_acting_holder_holds_the_acting_office(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in holdings(text)


def test_a_title_as_the_subject_of_a_sentence_naming_nobody_is_the_person_named_before() -> None:
    found = holdings("Алексей Миллер прилетел в Берлин. Глава «Газпрома» заявил, что поставки продолжатся.")
    assert ("Алексей Миллер", "глава", "Газпром") in found
    # With two people named before, the title may be either's: nobody is guessed.
    assert not holdings(
        "Алексей Миллер и Игорь Сечин прилетели в Берлин. Глава «Газпрома» заявил, что поставки продолжатся."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Иван Петров родился в Туле. В 2010 году он был назначен министром финансов.",
        "Иван Петров родился в Туле. В 2010 году президент назначил его министром финансов.",
    ],
)
def test_the_pronoun_appointed_is_the_person_named_before(text: str) -> None:
    (fact,) = facts_of(text, "appointed")
    assert (fact.actor.name, fact.role, fact.valid.start) == (
        "Иван Петров",
        "министр финансов",
        date(2010, 1, 1),
    )


def test_the_organisation_a_relative_clause_is_about() -> None:
    assert ("Иван Петров", None, "Ромашка") in holdings(
        "Акции компании «Ромашка», которую возглавляет Иван Петров, выросли."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an apposition to the organisation between the title and the name
        (
            "Генеральный директор компании «Ромашка», крупнейшего производителя молока, Иван Петров "
            "заявил об уходе.",
            ("Иван Петров", "генеральный директор", "Ромашка"),
        ),
        # the name set off by a comma, with a calling of its own
        (
            "Лидер группы «Ленинград», музыкант Сергей Шнуров сообщил о разводе.",
            ("Сергей Шнуров", "лидер", "Ленинград"),
        ),
        # an abbreviation in parentheses; the long organisation name does not count as distance
        (
            "Глава отдела расследования компьютерных инцидентов «Лаборатории Касперского» (ЛК) "
            "Руслан Стоянов арестован.",
            ("Руслан Стоянов", "глава", "Лаборатория Касперского»"),
        ),
        # a second organisation joined by "и" that the parser tags as a proper noun
        (
            "Председатель Госсовета и Совета министров Кубы Рауль Кастро объявил об этом.",
            ("Рауль Кастро", "председатель", "Госсовет"),
        ),
    ],
)
def test_an_aside_between_the_title_and_the_name(
    text: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in holdings(text)


def test_a_parenthesis_naming_a_person_is_no_aside() -> None:
    assert ("Иван Петров", "директор", "Ромашка") in holdings(
        "Директор «Ромашки» (Иван Петров) подал в суд на поставщика."
    )


def test_the_appointee_named_after_the_office_and_a_rank() -> None:
    """NEREL train: the parser hangs the appointee on the office's organisation."""
    (fact,) = facts_of(
        "Президент Украины Виктор Янукович назначил начальником Генерального штаба вооруженных сил "
        "Украины генерал-лейтенанта Григория Педченко.",
        "appointed",
    )
    assert (fact.actor.name, fact.role) == ("Григорий Педченко", "начальник генерального штаба")
    assert [p.name for p in fact.participants] == ["Виктор Янукович"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Об этом объявил постпред России при ООН Виталий Чуркин.", ("Виталий Чуркин", "постпред", "ООН")),
        (
            "Представитель Тегерана в ОПЕК Мохаммад-Али Хатиби заявил, что выборы пройдут.",
            ("Мохаммад-Али Хатиби", "представитель", "ОПЕК"),
        ),
    ],
)
def test_a_country_sends_the_holder_to_the_organisation_after_the_preposition(
    text: str, expected: tuple[str, str | None, str | None]
) -> None:
    """NEREL train: the office is held at the organisation, not in the sending country."""
    assert expected in holdings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation whose name does not decline: the parser makes both names subjects
        (
            "С 2010 года South Stream Transport возглавляет Марсель Крамер.",
            ("Марсель Крамер", "South Stream Transport"),
        ),
        # the name right before the verb, which the parser hung on the age
        (
            "Напомним, что 72-х летний Геннадий Зюганов бессменно руководит КПРФ более 20 лет.",
            ("Геннадий Зюганов", "КПРФ"),
        ),
        # a passive participle and its agent
        (
            "Напомним, РСП, возглавляемый Никитой Михалковым, уполномочен собирать отчисления.",
            ("Никита Михалков", "РСП"),
        ),
        (
            "Российский союз правообладателей во главе с Никитой Михалковым адресовал запросы.",
            ("Никита Михалков", "Российский союз правообладателей"),
        ),
        (
            "Банк «Открытие» под руководством Михаила Задорнова показал прибыль.",
            ("Михаил Задорнов", "Банк «Открытие"),
        ),
    ],
)
def test_who_leads_an_organisation_named_by_a_verb_or_a_phrase(text: str, expected: tuple[str, str]) -> None:
    """NEREL train: leading named by a verb or "во главе с", with no title."""
    assert (*expected[:1], None, expected[1]) in holdings(text)


def test_the_name_after_a_passive_verb_whose_subject_the_parser_lost() -> None:
    """NEREL train: the parser makes "сообщило" a second root and loses the subject of "избран"."""
    assert ("Дэйв Бинг", "мэр", "Детройт") in holdings(
        "Мэром Детройта избран легендарный баскетболист Дэйв Бинг, сообщило агентство Associated Press."
    )


def test_a_leading_participle_before_the_name() -> None:
    assert ("Иван Петров", None, "Ромашка") in holdings(
        "Возглавляющий компанию «Ромашка» Иван Петров заявил об этом."
    )


def test_the_office_an_appointment_names_is_not_someone_elses_title() -> None:
    """ "назначил Керри на пост госсекретаря": not the other Secretary of State the text names."""
    text = (
        "Обама назначил сенатора Керри на пост госсекретаря США. "
        "Ранее госсекретарь США Хиллари Клинтон заявила об уходе."
    )
    clinton = [f for f in facts_of(text, "holds_position") if f.actor.name == "Хиллари Клинтон"]
    assert len(clinton) == 1


def test_a_surname_ner_takes_for_a_place_after_a_title_is_the_holder() -> None:
    assert ("Полтавченко", "губернатор", None) in holdings("Губернатор Полтавченко подписал указ.")
    assert not holdings("Губернатор Москвы подписал указ.")


def test_one_of_a_plural_title_agrees_with_one() -> None:
    """NEREL train: "один из экспертов ИИИ Ирина Леовая": the name agrees with "один", not the title."""
    assert ("Иван Петров", "руководитель", "Ромашка") in holdings(
        "Один из руководителей компании «Ромашка» Иван Петров заявил об этом."
    )


@pytest.mark.parametrize(
    ("text", "holder", "role"),
    [
        ("Об этом сообщил пресс-секретарь Путина Дмитрий Песков.", "Дмитрий Песков", "пресс-секретарь"),
        (
            "Помощник президента Владимира Путина Юрий Ушаков заявил журналистам об этом.",
            "Юрий Ушаков",
            "помощник президента",
        ),
        # NEREL train
        ("Менеджер Ирвина Джон Стэйнтон сказал Би-Би-Си, что всё кончено.", "Джон Стэйнтон", "менеджер"),
    ],
)
def test_a_name_in_the_genitive_belongs_to_the_complement_and_the_next_name_holds_the_title(
    text: str, holder: str, role: str
) -> None:
    found = {(actor, title) for actor, title, _ in holdings(text)}
    assert (holder, role) in found
    assert not any(actor != holder and title == role for actor, title in found)


def test_a_participle_in_the_title_complement() -> None:
    """NEREL train: "окружающей" is tagged a participle."""
    assert ("Йосимаса Хаяси", "министр", None) in holdings(
        "Министр сельского хозяйства и окружающей среды — Йосимаса Хаяси."
    )


def test_a_calling_in_apposition_between_the_title_and_the_name() -> None:
    """NEREL train: without it the title took the holder of the title joined after the name."""
    found = holdings(
        "Во встрече принимали участие председатель партии, миллиардер Бидзина Иванишвили "
        "и глава правительства Квирикашвили."
    )
    assert ("Бидзина Иванишвили", "председатель", "Партия") in found
    assert not any(actor == "Квирикашвили" and role == "председатель" for actor, role, _ in found)


def test_a_commanders_instrumental_complement_and_rank_before_the_name() -> None:
    """NEREL train: "командующий войсками ... округа генерал-полковник Сергей Макаров"."""
    assert ("Сергей Макаров", "командующий", "Северо-Кавказский военный округ") in holdings(
        "Об этом заявил командующий войсками Северо-Кавказского военного округа "
        "генерал-полковник Сергей Макаров."
    )


def test_a_managers_instrumental_complement_and_the_nearest_name_before_the_participle() -> None:
    """FactRuEval devset: "управляющий компанией FaceCash" governs the instrumental like "командующий", and
    the name just before it is the manager, not a person named earlier in the same noun phrase."""
    found = holdings(
        "Конкурент Марка Цукерберга, создателя Facebook, Аарон Гринспен, управляющий компанией FaceCash, "
        "уже выступал против того, чтобы слово «face» ушло к Цукербергу."
    )
    assert ("Аарон Гринспен", "управляющий", "FaceCash") in found
    assert not any(person == "Марк Цукерберг" and place == "FaceCash" for person, _, place in found)


def test_a_title_opening_a_sentence_is_no_organisation() -> None:
    """NER reads a capitalised "Замглавы" as an organisation; it is the title of the name that follows."""
    assert ("Михаил Тюркин", "замглавы", "Федеральная миграционная служба") in holdings(
        "Замглавы Федеральной миграционной службы России Михаил Тюркин заявил о новых загранпаспортах."
    )


def test_a_managing_director_is_one_title() -> None:
    """ "управляющий директор" is a director's title, not a manager followed by a second title."""
    assert ("Крис Хелмбрехт", "управляющий директор", None) in holdings(
        "Крис Хелмбрехт - управляющий директор и совладелец креативного агентства Kollektiv (Германия, США)."
    )


def test_a_city_adjective_before_the_title_is_the_place_of_office() -> None:
    assert ("Юрий Лужков", "мэр", "Москва") in holdings("Они требуют отставки московского мэра Юрия Лужкова.")


@pytest.mark.parametrize(
    "text",
    [
        # the name is the wife's, in apposition to the noun that governs the title
        "Его работа очень понравилась супруге первого президента — Наине Иосифовне.",
        "В Словакию должна отправиться супруга экс-президента Чехии Ливия Клаусова.",
        # an indeclinable name after a deputy's title is the principal's
        "Помощник Хиллари Клинтон по европейским и евразийским делам посетил Белград.",
    ],
)
def test_a_name_after_the_title_that_is_not_its_holders(text: str) -> None:
    assert holdings(text) == set()


def test_a_relatives_title_still_has_its_holder_named_in_its_case() -> None:
    assert ("Ким Чен Ир", "лидер", "КНДР") in holdings(
        "Ким Чон Нам — внебрачный сын бывшего лидера Северной Кореи Ким Чен Ира."
    )


def test_one_of_in_any_case_after_the_name() -> None:
    """The tagger leaves "одному" unlemmatised; "одному из президентов" still names one holder."""
    assert ("Эдуард Мишлен", "президент", "Michelin") in holdings(
        "Призёры отдали дань погибшему Эдуарду Мишлену, одному из президентов группы компаний Michelin."
    )


def test_an_abbreviated_head_of_department() -> None:
    assert ("Виктор Майклсон", "зав", "РГГУ") in holdings(
        "Виктор Майклсон - зав. кафедрой социальных коммуникаций и технологий РГГУ."
    )


def test_a_person_from_an_organisation_works_there() -> None:
    found = holdings(
        "Иван Петров из «Газпрома» заявил, что цены вырастут. "
        "Мы поговорили с Анной Ивановой из компании Microsoft."
    )
    assert {("Иван Петров", None, "Газпром"), ("Анна Иванова", None, "Microsoft")} <= found
    assert holdings("Иван Петров приехал из Москвы.") == set()
