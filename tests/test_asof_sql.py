"""As-of answers from the SQL surface on real PostgreSQL: seed, known-at, derived states, merges, rebuild."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from tests.asof_support import ingest_seed, log_history, record, record_each
from tests.seed_facts import DPRK, RUSSIA, load_seed
from timeline import service
from timeline.domain.events import (
    EntitiesMerged,
    EntityAliased,
    EntityRegistered,
    FactAsserted,
    FactCorrected,
    FactRetracted,
)
from timeline.domain.facts import EntityRef, EntityType, Fact, Modality, Quantity, Source
from timeline.domain.fold import AsOfAnswer, answer_as_of, derived_fact_id
from timeline.domain.time import Certainty, Precision, ValidTime
from timeline.errors import Conflict, InvalidInput, NotFound
from timeline.store import queries
from timeline.store.db import make_engine
from timeline.store.projection import rebuild_projection

SEED_DATES = [date(2025, 11, 7), date(2025, 11, 5), date(2025, 1, 1), date(2024, 6, 15), date(2024, 1, 1)]
SRC = Source(None, date(2025, 1, 10), ("Агентство",), "цитата", (0, 6))
IVANOV = EntityRef("person:ivanov", "Иванов", EntityType.PERSON)
MINISTRY = EntityRef("org:minoborony", "Минобороны", EntityType.ORGANIZATION)


def fact(fid: str, predicate: str, start: date, **kw: Any) -> Fact:
    precision = kw.pop("precision", Precision.DAY)
    return Fact(
        fact_id=fid,
        predicate=predicate,
        actor=kw.pop("actor", IVANOV),
        valid=ValidTime(start, kw.pop("end", None), precision, "слова"),
        source=SRC,
        **kw,
    )


def sql_answer(engine: Engine, as_of: date, known_at: datetime | None = None, **kw: Any) -> AsOfAnswer:
    with engine.connect() as conn:
        return queries.state_as_of(conn, as_of, known_at, **kw)


def test_seed_sql_equals_the_fold_on_every_acceptance_date(engine: Engine) -> None:
    ingested = ingest_seed(engine)
    history = log_history(engine)
    for as_of in SEED_DATES:
        expected = answer_as_of(history, as_of, ingested)
        assert sql_answer(engine, as_of, ingested) == expected
        assert sql_answer(engine, as_of) == expected  # K defaults to the database's now()
    before = ingested - timedelta(microseconds=1)
    assert sql_answer(engine, date(2025, 11, 7), before) == AsOfAnswer([], [])


def test_seed_acceptance_lines_over_sql(engine: Engine) -> None:
    ingest_seed(engine)
    seed = load_seed()
    treaty = derived_fact_id(seed.facts[7].fact_id)
    row = {f.fact_id: n for n, f in seed.facts.items()} | {treaty: 0}

    latest = sql_answer(engine, date(2025, 11, 7))
    assert {row[v.fact.fact_id] for v in latest.state} == {0, 2, 3, 4, 5, 6, 10}
    assert {1, 7, 8} <= {row[v.fact.fact_id] for v in latest.events}
    party = next(v for v in latest.state if v.fact.fact_id == treaty)
    assert (party.fact.predicate, party.fact.actor, party.fact.object) == ("party_to", RUSSIA, DPRK)
    reported = next(v for v in latest.state if v.fact.fact_id == seed.facts[5].fact_id)
    assert reported.fact.modality is Modality.REPORTED
    assert reported.fact.source.attribution == ("южнокорейская разведка", "РБК-Украина")

    assert seed.facts[1].fact_id not in {v.fact.fact_id for v in sql_answer(engine, date(2025, 11, 5)).events}
    new_year = sql_answer(engine, date(2025, 1, 1))
    assert [(v.fact.fact_id, v.certainty) for v in new_year.state] == [(treaty, Certainty.CERTAIN)]
    mid_june = sql_answer(engine, date(2024, 6, 15))
    assert [(v.fact.fact_id, v.certainty) for v in mid_june.state] == [(treaty, Certainty.POSSIBLE)]
    assert sql_answer(engine, date(2024, 1, 1)) == AsOfAnswer([], [])


def test_a_later_correction_does_not_change_an_answer_known_before_it(engine: Engine) -> None:
    presence = fact(
        "f1",
        "military_presence",
        date(2025, 1, 1),
        actor=DPRK,
        quantity=Quantity(100, False, "person", "100"),
    )
    corrected = replace(presence, quantity=Quantity(300, False, "person", "300"))
    first, second = record_each(engine, [FactAsserted(presence), FactCorrected("f1", corrected, "misprint")])
    quantities = [
        [v.fact.quantity.value for v in sql_answer(engine, date(2025, 6, 1), k).state if v.fact.quantity]
        for k in (first, second)
    ]
    assert quantities == [[100], [300]]
    third = record_each(engine, [FactRetracted("f1", "source withdrawn")])[0]
    assert sql_answer(engine, date(2025, 6, 1), third).state == []
    assert sql_answer(engine, date(2025, 6, 1), second - timedelta(microseconds=1)).state[0].fact == presence
    history = log_history(engine)
    for k in (first, second, third):
        assert sql_answer(engine, date(2025, 6, 1), k) == answer_as_of(history, date(2025, 6, 1), k)


def test_appointment_and_dismissal_over_sql(engine: Engine) -> None:
    times = record_each(
        engine,
        [
            FactAsserted(fact("ap", "appointed", date(2020, 3, 15), object=MINISTRY, role="министр")),
            FactAsserted(
                fact("dis", "dismissed", date(2023, 5, 1), precision=Precision.MONTH, role="министр")
            ),
        ],
    )
    holding = derived_fact_id("ap")
    during = sql_answer(engine, date(2022, 1, 1))
    assert [(v.fact.fact_id, v.fact.valid.end, v.fact.valid.precision) for v in during.state] == [
        (holding, date(2023, 5, 1), Precision.MONTH)
    ]
    assert [v.certainty for v in sql_answer(engine, date(2023, 5, 20)).state] == [Certainty.POSSIBLE]
    assert sql_answer(engine, date(2023, 6, 1)).state == []
    # The ministry's own view still shows the holding, closed by a dismissal that names only the role.
    by_ministry = sql_answer(engine, date(2022, 1, 1), entity="Минобороны")
    assert [v.fact.valid.end for v in by_ministry.state] == [date(2023, 5, 1)]
    for k in times:
        assert sql_answer(engine, date(2022, 1, 1), k) == answer_as_of(
            log_history(engine), date(2022, 1, 1), k
        )


def test_merge_before_and_after_k_over_sql(engine: Engine) -> None:
    duplicate = EntityRef("person:i-ivanov", "И. Иванов", EntityType.PERSON)
    times = record_each(
        engine,
        [
            EntityRegistered("person:ivanov", "Иван Иванов", EntityType.PERSON),
            EntityRegistered("person:i-ivanov", "И. Иванов", EntityType.PERSON),
            FactAsserted(fact("f1", "visit", date(2025, 1, 5), actor=duplicate)),
            EntityAliased("person:ivanov", "Ваня"),
            EntitiesMerged("person:i-ivanov", "person:ivanov", "same man"),
            EntitiesMerged("person:ivanov", "person:i-ivanov", "a cycle, ignored"),
        ],
    )
    before_merge = times[3]
    assert sql_answer(engine, date(2025, 2, 1), before_merge).events[0].fact.actor == duplicate
    merged = sql_answer(engine, date(2025, 2, 1)).events[0].fact.actor
    assert merged == EntityRef("person:ivanov", "Иван Иванов", EntityType.PERSON)
    # The alias finds the survivor, and through it the fact first told of the merged duplicate.
    assert [v.fact.fact_id for v in sql_answer(engine, date(2025, 2, 1), entity="ваня").events] == ["f1"]
    # Before the merge the alias names only the survivor, who had no visit of its own yet.
    assert sql_answer(engine, date(2025, 2, 1), before_merge, entity="Ваня").events == []
    with pytest.raises(NotFound):
        sql_answer(engine, date(2025, 2, 1), times[2], entity="Ваня")
    history = log_history(engine)
    for k in times:
        assert sql_answer(engine, date(2025, 2, 1), k) == answer_as_of(history, date(2025, 2, 1), k)
    with engine.connect() as conn:
        versions = queries.entity_history(conn, "Ваня")
    assert [(v.fact.fact_id, v.change) for v in versions] == [("f1", "asserted")]


def test_conflicting_claims_are_both_answered_with_their_sources(engine: Engine) -> None:
    a = fact(
        "a", "military_presence", date(2025, 1, 1), actor=DPRK, quantity=Quantity(10000, True, "person", "10")
    )
    b = replace(a, fact_id="b", quantity=Quantity(12000, True, "person", "12"),
                source=replace(SRC, attribution=("Другое агентство",)))  # fmt: skip
    record(engine, [FactAsserted(a), FactAsserted(b)])
    state = sql_answer(engine, date(2025, 2, 1)).state
    assert [(v.fact.quantity, v.fact.source.attribution) for v in state] == [
        (a.quantity, ("Агентство",)),
        (b.quantity, ("Другое агентство",)),
    ]


def _raw(engine: Engine, k: datetime) -> list[Any]:
    with engine.connect() as conn:
        rows: list[Any] = []
        for as_of in SEED_DATES:
            params = {"x": as_of, "k": k}
            rows += conn.execute(text("SELECT * FROM timeline.state_as_of(:x, :k)"), params).all()
            rows += conn.execute(text("SELECT * FROM timeline.events_as_of(:x, :k)"), params).all()
        rows += conn.execute(text("SELECT * FROM timeline.fact_history ORDER BY position, fact_id")).all()
        return rows


def test_rebuild_gives_identical_answers(engine: Engine) -> None:
    ingest_seed(engine)
    seed = load_seed()
    correction = replace(seed.facts[6], quantity=Quantity(6000, True, "person", "около шести тысяч"))
    record_each(engine, [FactCorrected(seed.facts[6].fact_id, correction, "new estimate")])
    k = record_each(engine, [FactRetracted(seed.facts[9].fact_id, "unsourced")])[0]
    before = _raw(engine, k)
    with engine.begin() as conn:
        assert rebuild_projection(conn, page=7) == len(log_history(engine))
    after = _raw(engine, k)
    assert after == before and len(before) > 20


def test_reader_role_reads_every_reporting_object_and_writes_nothing(engine: Engine, db_url: str) -> None:
    ingest_seed(engine)
    reader = make_engine(db_url, role="timeline_reader")
    try:
        with reader.connect() as conn:
            assert (
                conn.execute(
                    text("SELECT count(*) FROM timeline.state_as_of(DATE '2025-11-07')")
                ).scalar_one()
                == 7
            )
            assert (
                conn.execute(text("SELECT count(*) FROM timeline.events_as_of('2025-11-07')")).scalar_one()
                == 4
            )
            assert conn.execute(text("SELECT count(*) FROM timeline.current_state")).scalar_one() == 7
            assert conn.execute(text("SELECT count(*) FROM timeline.fact_history")).scalar_one() == 10
            history = conn.execute(text("SELECT count(*) FROM timeline.entity_history('КНДР')")).scalar_one()
            assert history == 7
            diff = conn.execute(
                text("SELECT change, predicate FROM timeline.state_diff('2025-01-01', '2025-11-07')")
            ).all()
            assert ("added", "labor_supply") in diff and all(c != "removed" for c, _p in diff)
            with pytest.raises(DBAPIError, match="permission denied"):
                conn.execute(text("DELETE FROM facts"))
    finally:
        reader.dispose()


def test_unknown_entity_is_a_clear_error(engine: Engine) -> None:
    ingest_seed(engine)
    with pytest.raises(NotFound, match="Никто"):
        sql_answer(engine, date(2025, 11, 7), entity="Никто")
    with engine.connect() as conn, pytest.raises(DBAPIError, match="unknown entity: Никто"):
        conn.execute(text("SELECT * FROM timeline.state_as_of('2025-11-07', now(), 'Никто')")).all()


def test_service_validates_and_corrects(app_env: str, engine: Engine) -> None:
    ingest_seed(engine)
    seed = load_seed()
    with pytest.raises(InvalidInput, match="as_of"):
        service.state_as_of("7 ноября")
    with pytest.raises(InvalidInput, match="future"):
        service.state_as_of("2025-11-07", known_at=datetime.now().astimezone() + timedelta(days=1))
    with pytest.raises(NotFound):
        service.state_as_of("2025-11-07", entity="Никто")
    assert {v.fact.actor.name for v in service.state_as_of("2025-11-07", entity="КНДР").state} >= {"КНДР"}
    meeting = seed.facts[1]
    moved = replace(meeting, valid=ValidTime(date(2025, 11, 5), None, Precision.DAY, "5 ноября"))
    stored = service.correct_fact(meeting.fact_id, moved, "wrong day", "editor")
    as_of_5 = service.state_as_of("2025-11-05", events_limit=1)
    assert [v.fact.fact_id for v in as_of_5.events] == [meeting.fact_id]
    service.retract_fact(meeting.fact_id, "did not happen", "editor")
    assert meeting.fact_id not in {v.fact.fact_id for v in service.state_as_of("2025-11-07").events}
    assert meeting.fact_id in {
        v.fact.fact_id for v in service.state_as_of("2025-11-07", known_at=stored.recorded_at).events
    }
    with pytest.raises(Conflict):
        service.retract_fact(meeting.fact_id, "again", "editor")
    with pytest.raises(NotFound):
        service.correct_fact("no-such-fact", moved, "x", "editor")
    with pytest.raises(InvalidInput):
        service.retract_fact(seed.facts[2].fact_id, "  ", "editor")
    history = service.entity_history("Виктор Горемыкин")
    assert [(v.change, v.closed_as) for v in history if v.fact.fact_id == meeting.fact_id] == [
        ("asserted", "corrected"),
        ("corrected", "retracted"),
    ]
    answer = service.state_as_of("2025-11-07")
    assert service.rebuild() == len(log_history(engine))
    assert service.state_as_of("2025-11-07", known_at=answer.known_at) == answer
