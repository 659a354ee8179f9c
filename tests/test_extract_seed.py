"""The ten facts of ../shared/acceptance/seed_state.md, extracted from the seed article itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.domain.facts import Fact, FactKind, Modality
from timeline.domain.ids import content_hash, document_id_for
from timeline.domain.time import Precision
from timeline.extract.pipeline import extract
from timeline.extract.readers import read_path
from timeline.extract.types import ExtractionResult

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_36549a97ad93da46.txt"
PUBLISHED = date(2025, 11, 7)
PUBLISHER = "РБК-Украина"
CTAK_CHAIN = ("ЦТАК", "Радио Свобода", PUBLISHER)


@pytest.fixture(scope="module")
def result() -> ExtractionResult:
    (document,) = read_path(SEED)
    return extract(document)


def only(result: ExtractionResult, predicate: str, actor: str, **expected: str) -> Fact:
    """The one fact with this predicate and actor whose object/location/role names match."""
    found = [
        f
        for f in result.facts
        if f.predicate == predicate
        and f.actor.name == actor
        and all(
            (getattr(f, key).name if key in ("object", "location") else getattr(f, key)) == value
            for key, value in expected.items()
        )
    ]
    assert len(found) == 1, [(f.predicate, f.actor.name, f.object, f.role, f.location) for f in result.facts]
    return found[0]


def test_every_fact_quotes_its_sentence_of_the_document(result: ExtractionResult) -> None:
    text = result.document.text
    assert result.facts
    for fact in result.facts:
        assert fact.source.span is not None
        assert text[fact.source.span[0] : fact.source.span[1]] == fact.source.quote
        assert fact.source.document_id == document_id_for(content_hash(text))
        assert fact.source.published_at == PUBLISHED
        assert fact.source.attribution[-1] == PUBLISHER
        assert fact.extractor == "ru-rules/1"
        assert fact.valid.start is not None or fact.valid.known_by is not None


def test_1_meeting_in_pyongyang_on_6_november(result: ExtractionResult) -> None:
    fact = only(result, "meeting", "Виктор Горемыкин")
    assert fact.kind is FactKind.EVENT
    assert fact.object is not None and fact.object.name == "Но Гван Чоль"
    assert [p.name for p in fact.participants] == ["Александр Мацегора"]
    assert fact.location is not None and fact.location.id == "city:pyongyang"
    assert (fact.valid.start, fact.valid.precision) == (date(2025, 11, 6), Precision.DAY)
    assert fact.source.attribution == CTAK_CHAIN
    assert fact.source.quote == "Встреча военных двух диктатур состоялась в Пхеньяне 6 ноября."
    assert fact.modality is Modality.ASSERTED


@pytest.mark.parametrize(
    ("holder", "role", "organisation"),
    [
        ("Виктор Горемыкин", "заместитель министра обороны", "Россия"),
        ("Но Гван Чоль", "министр обороны", "КНДР"),
        ("Александр Мацегора", "посол России в КНДР", "Россия"),
    ],
)
def test_2_3_4_positions_known_from_the_meeting_day(
    result: ExtractionResult, holder: str, role: str, organisation: str
) -> None:
    fact = only(result, "holds_position", holder)
    assert fact.kind is FactKind.STATE
    assert (fact.role, fact.object.name if fact.object else None) == (role, organisation)
    assert (fact.valid.start, fact.valid.known_by, fact.valid.precision) == (
        None,
        date(2025, 11, 6),
        Precision.DAY,
    )
    assert fact.source.attribution == CTAK_CHAIN
    assert holder.split()[-1] in fact.source.quote


def test_2_goremykin_bare_surname_is_the_same_person(result: ExtractionResult) -> None:
    ids = {m.entity.id for m in result.mentions if m.text.startswith("Горемыкин")}
    assert ids == {"person:viktor-goremykin"}


def test_5_ten_thousand_at_the_border_reported_by_south_korean_intelligence(result: ExtractionResult) -> None:
    fact = only(result, "military_presence", "КНДР", location="граница России с Украиной")
    assert fact.actor.id == "country:kp"
    assert fact.quantity is not None and (fact.quantity.value, fact.quantity.approx) == (10000, True)
    assert (fact.valid.start, fact.valid.precision) == (PUBLISHED, Precision.DAY)
    assert fact.source.attribution == ("южнокорейская разведка", PUBLISHER)
    assert fact.modality is Modality.REPORTED


def test_6_five_thousand_more_arriving_in_russia_since_september(result: ExtractionResult) -> None:
    fact = only(result, "military_presence", "КНДР", location="Россия")
    assert fact.quantity is not None and (fact.quantity.value, fact.quantity.approx) == (5000, True)
    assert (fact.valid.start, fact.valid.precision) == (date(2025, 9, 1), Precision.MONTH)
    assert fact.source.attribution == (PUBLISHER,)
    assert "с сентября" in fact.source.quote


def test_7_treaty_signed_in_june_2024_by_the_states_of_putin_and_kim(result: ExtractionResult) -> None:
    fact = only(result, "signed", "Россия")
    assert fact.object is not None and fact.object.id == "country:kp"
    assert [p.name for p in fact.participants] == ["Владимир Путин", "Ким Чен Ын"]
    assert fact.role == "договор о стратегическом партнерстве"
    assert fact.location is not None and fact.location.name == "Пхеньян"
    assert (fact.valid.start, fact.valid.precision) == (date(2024, 6, 1), Precision.MONTH)
    assert fact.source.attribution == (PUBLISHER,)
    assert fact.modality is Modality.ASSERTED


def test_8_russia_acknowledged_north_korean_troops_in_april_2025(result: ExtractionResult) -> None:
    fact = only(result, "acknowledged", "Россия")
    assert fact.object is not None and fact.object.name == "КНДР"
    assert (fact.valid.start, fact.valid.precision) == (date(2025, 4, 1), Precision.MONTH)
    assert fact.source.attribution == (PUBLISHER,)
    assert fact.modality is Modality.ASSERTED


def test_9_north_korea_supplied_russia_undated(result: ExtractionResult) -> None:
    supplied = [f for f in result.facts if f.predicate == "supplied"]
    assert supplied
    for fact in supplied:
        assert (fact.actor.name, fact.object.name if fact.object else None) == ("КНДР", "Россия")
        assert (fact.valid.start, fact.valid.known_by) == (None, PUBLISHED)
        assert fact.source.attribution == (PUBLISHER,)
    shells = [f for f in supplied if f.quantity is not None and f.quantity.value >= 10_000_000]
    assert len(shells) == 1 and shells[0].quantity is not None and shells[0].quantity.approx


def test_10_north_korea_considers_sending_workers_to_drone_production(result: ExtractionResult) -> None:
    fact = only(result, "labor_supply", "КНДР")
    assert fact.kind is FactKind.STATE
    assert fact.object is not None and fact.object.name == "Россия"
    assert fact.modality is Modality.CONSIDERED
    assert (fact.valid.start, fact.valid.precision) == (PUBLISHED, Precision.DAY)
    assert fact.role is not None and "дронов" in fact.role
    assert fact.source.attribution == (PUBLISHER,)


def test_extraction_is_deterministic(result: ExtractionResult) -> None:
    again = extract(result.document)
    assert [f.fact_id for f in again.facts] == [f.fact_id for f in result.facts]
