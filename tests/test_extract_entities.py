"""Entity mentions on the seed and a NEREL document: types, canonical names, ids and coreference."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.domain.facts import EntityType
from timeline.extract.entities import find_entities
from timeline.extract.nlp import analyse
from timeline.extract.readers import header_length, read_path
from timeline.extract.types import EntityMention

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_36549a97ad93da46.txt"


@pytest.fixture(scope="module")
def seed_mentions() -> tuple[str, list[EntityMention]]:
    (document,) = read_path(SEED)
    return document.text, find_entities(analyse(document.text, header_length(document.text)))


def test_mention_offsets_index_the_text(seed_mentions: tuple[str, list[EntityMention]]) -> None:
    text, mentions = seed_mentions
    assert mentions
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


def by_surface(mentions: list[EntityMention], surface: str) -> set[tuple[str, str, EntityType]]:
    return {(m.entity.id, m.entity.name, m.entity.type) for m in mentions if m.text == surface}


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Северную Корею", ("country:kp", "КНДР", EntityType.COUNTRY)),
        ("КНДР", ("country:kp", "КНДР", EntityType.COUNTRY)),
        ("РФ", ("country:ru", "Россия", EntityType.COUNTRY)),
        ("России", ("country:ru", "Россия", EntityType.COUNTRY)),
        ("Пхеньяне", ("city:pyongyang", "Пхеньян", EntityType.CITY)),
        ("Пхеньяна", ("city:pyongyang", "Пхеньян", EntityType.CITY)),
        ("Виктор Горемыкин", ("person:viktor-goremykin", "Виктор Горемыкин", EntityType.PERSON)),
        ("Горемыкин", ("person:viktor-goremykin", "Виктор Горемыкин", EntityType.PERSON)),
        ("Ким Чен Ына", ("person:kim-chen-yn", "Ким Чен Ын", EntityType.PERSON)),
        ("заместитель министра обороны",
         ("profession:zamestitel-ministra-oborony", "заместитель министра обороны", EntityType.PROFESSION)),
        ("ЦТАК", ("org:tsentralnoe-telegrafnoe-agentstvo-korei", "Центральное телеграфное агентство Кореи",
                  EntityType.ORGANIZATION)),
    ],
)  # fmt: skip
def test_canonical_names_and_ids(
    seed_mentions: tuple[str, list[EntityMention]], surface: str, expected: tuple[str, str, EntityType]
) -> None:
    assert by_surface(seed_mentions[1], surface) == {expected}


def test_capital_is_a_city_not_the_country(seed_mentions: tuple[str, list[EntityMention]]) -> None:
    text, mentions = seed_mentions
    pyongyang = [m for m in mentions if m.text.startswith("Пхеньян")]
    assert len(pyongyang) == text.count("Пхеньян")
    assert all(m.entity.type is EntityType.CITY for m in pyongyang)


def test_surname_coreference_in_a_nerel_document() -> None:
    path = SHARED / "corpora" / "nerel" / "dev" / "119336_text.txt"
    (document,) = read_path(path)
    mentions = find_entities(analyse(document.text))
    obama = {m.entity.id for m in mentions if m.text in ("Обамы", "Барак Обама")}
    assert obama == {"person:barak-obama"}


def test_places_ner_finds_are_typed_by_the_world_lists() -> None:
    """States and towns the gazetteer does not know get their type and ISO id from world_places.tsv
    (CLDR and GeoNames); a town named like a common word is never found without NER ("мира")."""
    text = "Президент Руанды Поль Кагаме прилетел в Сиэтл, а затем в Оман ради мира."
    typed = {(m.text, m.entity.type, m.entity.id) for m in find_entities(analyse(text))}
    assert ("Руанды", EntityType.COUNTRY, "country:rw") in typed
    assert ("Оман", EntityType.COUNTRY, "country:om") in typed
    assert any(text_ == "Сиэтл" and type_ is EntityType.CITY for text_, type_, _ in typed)
    assert not any(text_ == "мира" for text_, _, _ in typed)


def test_a_mention_is_one_line_and_an_initial_keeps_its_dot() -> None:
    """NER may run a headline's name into the line below ("Демис Руссос\\nДемис Руссос"); NEREL marks
    each line's name, and initials with their dot ("Арсланов А.Г.")."""
    text = "Умер Демис Руссос\nДемис Руссос скончался. С 1967 года Арсланов А.Г. работает в филармонии."
    people = [(m.start, m.text) for m in find_entities(analyse(text)) if m.entity.type is EntityType.PERSON]
    assert (5, "Демис Руссос") in people
    assert (18, "Демис Руссос") in people
    assert any(found == "Арсланов А.Г." for _, found in people)
    assert not any("\n" in found for _, found in people)
