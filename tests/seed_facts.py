"""The seed article's facts, written by hand from ../shared/acceptance/seed_state.md.

Independent of the extractor on purpose: the fold and the SQL surface are tested against what a careful
reader finds in the article, so an extractor bug cannot make them agree with it by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from timeline.domain.events import DocumentIngested, DomainEvent, EntityRegistered, FactAsserted
from timeline.domain.facts import EntityRef, EntityType, Fact, Modality, Quantity, Source
from timeline.domain.ids import content_hash, document_id_for, entity_id_for, fact_id_for
from timeline.domain.time import Precision, ValidTime

SEED_PATH = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_36549a97ad93da46.txt"
PUBLISHED = date(2025, 11, 7)
PUBLISHER = "РБК-Украина"


def _person(name: str) -> EntityRef:
    return EntityRef(entity_id_for("person", name), name, EntityType.PERSON)


GOREMYKIN = _person("Виктор Горемыкин")
NO_KWANG_CHOL = _person("Но Гван Чоль")
MATSEGORA = _person("Александр Мацегора")
PUTIN = _person("Владимир Путин")
KIM = _person("Ким Чен Ын")
RUSSIA = EntityRef("country:ru", "Россия", EntityType.COUNTRY)
DPRK = EntityRef("country:kp", "КНДР", EntityType.COUNTRY)
PYONGYANG = EntityRef(entity_id_for("city", "Пхеньян"), "Пхеньян", EntityType.CITY)
BORDER = EntityRef(
    entity_id_for("place", "граница России с Украиной"), "граница России с Украиной", EntityType.LOCATION
)
ENTITIES = (GOREMYKIN, NO_KWANG_CHOL, MATSEGORA, PUTIN, KIM, RUSSIA, DPRK, PYONGYANG, BORDER)


@dataclass(frozen=True, slots=True)
class Seed:
    text: str
    document_id: str
    facts: dict[int, Fact]  # keyed by the row number of seed_state.md's table

    def events(self) -> list[DomainEvent]:
        """What an ingest of the seed records, in the order it records it."""
        out: list[DomainEvent] = [
            DocumentIngested(
                document_id=self.document_id,
                content_hash=content_hash(self.text),
                title=self.text.splitlines()[0][len(" date 2025-11-07 ") :],
                publisher=PUBLISHER,
                url=None,
                published_at=PUBLISHED,
            )
        ]
        out += [EntityRegistered(e.id, e.name, e.type) for e in ENTITIES]
        out += [FactAsserted(f) for _n, f in sorted(self.facts.items())]
        return out


def load_seed() -> Seed:
    text = SEED_PATH.read_text(encoding="utf-8")
    document_id = document_id_for(content_hash(text))

    def source(quote: str, chain: tuple[str, ...] = (PUBLISHER,)) -> Source:
        start = text.index(quote)
        return Source(document_id, PUBLISHED, chain, quote, (start, start + len(quote)))

    def day(d: date, words: str) -> ValidTime:
        return ValidTime(d, None, Precision.DAY, words)

    def month(d: date, words: str) -> ValidTime:
        return ValidTime(d, None, Precision.MONTH, words)

    known_6nov = ValidTime(None, None, Precision.DAY, "6 ноября", known_by=date(2025, 11, 6))
    ctak = ("ЦТАК", "Радио Свобода", PUBLISHER)
    meeting_quote = "Встреча военных двух диктатур состоялась в Пхеньяне 6 ноября."
    facts_by_row = {
        1: Fact(
            fact_id=fact_id_for(document_id, 1),
            predicate="meeting",
            actor=GOREMYKIN,
            object=NO_KWANG_CHOL,
            participants=(MATSEGORA,),
            location=PYONGYANG,
            valid=day(date(2025, 11, 6), "6 ноября"),
            source=source(meeting_quote, ctak),
        ),
        2: Fact(
            fact_id=fact_id_for(document_id, 2),
            predicate="holds_position",
            actor=GOREMYKIN,
            object=RUSSIA,
            role="заместитель министра обороны",
            valid=known_6nov,
            source=source("заместитель министра обороны России Виктор Горемыкин", ctak),
        ),
        3: Fact(
            fact_id=fact_id_for(document_id, 3),
            predicate="holds_position",
            actor=NO_KWANG_CHOL,
            object=DPRK,
            role="министр обороны",
            valid=known_6nov,
            source=source("министр обороны КНДР Но Гван Чоль", ctak),
        ),
        4: Fact(
            fact_id=fact_id_for(document_id, 4),
            predicate="holds_position",
            actor=MATSEGORA,
            object=RUSSIA,
            role="посол России в КНДР",
            valid=known_6nov,
            source=source("посол России в КНДР Александр Мацегора", ctak),
        ),
        5: Fact(
            fact_id=fact_id_for(document_id, 5),
            predicate="military_presence",
            actor=DPRK,
            location=BORDER,
            quantity=Quantity(10000, True, "person", "около 10 тысяч"),
            valid=day(PUBLISHED, "сейчас"),
            modality=Modality.REPORTED,
            source=source(
                "на границе России с Украиной сейчас находятся около 10 тысяч северокорейских наемников",
                ("южнокорейская разведка", PUBLISHER),
            ),
            confidence=0.8,
        ),
        6: Fact(
            fact_id=fact_id_for(document_id, 6),
            predicate="military_presence",
            actor=DPRK,
            location=RUSSIA,
            quantity=Quantity(5000, True, "person", "около пяти тысяч"),
            valid=month(date(2025, 9, 1), "с сентября"),
            source=source("которые с сентября уже прибывают в Россию"),
        ),
        7: Fact(
            fact_id=fact_id_for(document_id, 7),
            predicate="signed",
            actor=RUSSIA,
            object=DPRK,
            participants=(PUTIN, KIM),
            role="договор о стратегическом партнерстве",
            location=PYONGYANG,
            valid=month(date(2024, 6, 1), "в июне 2024 года"),
            source=source("в июне 2024 года российский диктатор Владимир Путин и диктатор КНДР Ким Чен Ын"),
        ),
        8: Fact(
            fact_id=fact_id_for(document_id, 8),
            predicate="acknowledged",
            actor=RUSSIA,
            object=DPRK,
            valid=month(date(2025, 4, 1), "в апреле 2025 года"),
            source=source("вынужден был признать это официально только в апреле 2025 года"),
        ),
        9: Fact(
            fact_id=fact_id_for(document_id, 9),
            predicate="supplied",
            actor=DPRK,
            object=RUSSIA,
            quantity=Quantity(10_000_000, True, "shell", "десятки миллионов снарядов"),
            valid=ValidTime(None, None, Precision.DAY, "", known_by=PUBLISHED),
            source=source("десятки миллионов снарядов российский режим получил именно от Пхеньяна"),
        ),
        10: Fact(
            fact_id=fact_id_for(document_id, 10),
            predicate="labor_supply",
            actor=DPRK,
            object=RUSSIA,
            valid=day(PUBLISHED, ""),
            modality=Modality.CONSIDERED,
            source=source("рассматривает возможность направления рабочей силы"),
        ),
    }
    return Seed(text, document_id, facts_by_row)


def ingest_time() -> datetime:
    """A stand-in recorded time for fold-only tests; SQL tests use the time PostgreSQL gives."""
    return datetime.fromisoformat("2026-01-10T12:00:00+00:00")
