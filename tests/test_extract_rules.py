"""The fact rules beyond the seed: a NEREL document and short news sentences, one rule each."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from timeline.domain.facts import Fact
from timeline.domain.time import Precision
from timeline.extract.pipeline import extract
from timeline.extract.readers import read_path
from timeline.extract.types import Document

NEREL_DEV = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "nerel" / "dev"
PUBLISHED = date(2024, 6, 1)


def facts_of(text: str, predicate: str) -> list[Fact]:
    return [f for f in extract(Document(text=text, published_at=PUBLISHED)).facts if f.predicate == predicate]


def test_nerel_former_office_holders_hold_it_no_longer() -> None:
    (document,) = read_path(NEREL_DEV / "119336_text.txt")
    published = date(2017, 5, 1)
    facts = extract(replace(document, published_at=published)).facts
    holdings = [f for f in facts if f.predicate == "holds_position"]
    current = {
        (f.actor.name, f.role, f.object.name if f.object else None) for f in holdings if f.valid.end is None
    }
    assert ("Рекс Тиллерсон", "госсекретарь", "США") in current
    # "Бывший президент США Барак Обама": a holding that was over by the document date, begun who knows when.
    (former,) = [f for f in holdings if f.actor.name == "Барак Обама" and f.source.quote.startswith("Бывший")]
    assert (former.role, former.valid.start, former.valid.end) == ("президент", None, published)
    # "бывшему пресс-секретарю экс-президента США Билла Клинтона Джо Локхарту": Clinton was president.
    assert {f.role for f in holdings if f.actor.name == "Билл Клинтон"} == {"президент"}


def test_appointed_with_appointer_and_date() -> None:
    (fact,) = facts_of(
        "Президент России Владимир Путин 12 мая назначил Андрея Белоусова министром обороны.", "appointed"
    )
    assert (fact.actor.name, fact.role, [p.name for p in fact.participants]) == (
        "Андрей Белоусов",
        "министр обороны",
        ["Владимир Путин"],
    )
    assert (fact.valid.start, fact.valid.precision) == (date(2024, 5, 12), Precision.DAY)


def test_dismissed_from_office_undated_is_known_by_the_document_date() -> None:
    (fact,) = facts_of("Сергей Шойгу освобожден от должности министра обороны.", "dismissed")
    assert (fact.actor.name, fact.role) == ("Сергей Шойгу", "министр обороны")
    assert (fact.valid.start, fact.valid.known_by) == (None, PUBLISHED)


def test_a_title_in_another_case_is_not_an_apposition() -> None:
    text = "Указом президента Иванов уволен с поста губернатора Курской области."
    assert [(f.actor.name, f.role) for f in facts_of(text, "dismissed")] == [("Иванов", "губернатор")]
    assert facts_of(text, "holds_position") == []


def test_statement_by_a_minister() -> None:
    text = "Министр иностранных дел России Сергей Лавров заявил, что переговоры продолжатся."
    assert [f.actor.name for f in facts_of(text, "statement")] == ["Сергей Лавров"]
    (holding,) = facts_of(text, "holds_position")
    assert (holding.role, holding.object.name if holding.object else None) == (
        "министр иностранных дел",
        "Россия",
    )


def test_attack_by_forces_of_a_country() -> None:
    (fact,) = facts_of("Российские войска атаковали Харьков 3 марта.", "attack")
    assert (fact.actor.id, fact.object.name if fact.object else None) == ("country:ru", "Харьков")
    assert fact.valid.start == date(2024, 3, 3)


def test_joining_an_organisation_is_membership() -> None:
    (fact,) = facts_of("Финляндия вступила в НАТО в апреле 2023 года.", "member_of")
    assert (fact.actor.id, fact.object.name if fact.object else None) == ("country:fi", "НАТО")
    assert (fact.valid.start, fact.valid.precision) == (date(2023, 4, 1), Precision.MONTH)


@pytest.mark.parametrize(
    ("text", "actor", "other", "place"),
    [
        (
            "Путин встретился с Си Цзиньпином в Пекине 16 мая.",
            "Владимир Путин",
            "Си Цзиньпин",
            "city:beijing",
        ),
    ],
)
def test_meeting_of_two_leaders(text: str, actor: str, other: str, place: str) -> None:
    (fact,) = facts_of(text, "meeting")
    assert (fact.actor.name, fact.object.name if fact.object else None) == (actor, other)
    assert fact.location is not None and fact.location.id == place
    assert fact.valid.start == date(2024, 5, 16)


def test_visit_dates_to_the_last_such_day_before_the_document() -> None:
    (fact,) = facts_of("Премьер-министр Индии Нарендра Моди посетил Москву 8 июля.", "visit")
    assert (fact.actor.name, fact.location.name if fact.location else None) == ("Нарендра Моди", "Москва")
    assert fact.valid.start == date(2023, 7, 8)


def test_states_that_sign_are_both_parties() -> None:
    (fact,) = facts_of("Россия и Китай подписали соглашение о поставках газа.", "signed")
    assert (fact.actor.id, fact.object.id if fact.object else None) == ("country:ru", "country:cn")
    assert fact.role == "соглашение о поставках газа"
