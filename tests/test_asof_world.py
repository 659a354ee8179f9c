"""The whole-world as-of answer (no entity: migration 0006's set-based path) against the pure fold.

One history where every way an entity's answer form can change happens at its own known-at time: a merge
chain through an unregistered id, a merge that must be ignored (it would close a cycle), an alias, a rename,
an object merged into the one a dismissal names, participants and places. Each answer, at every known-at
time, must equal the fold's; and the entity-restricted path (per-row resolution) must agree with the part
of the whole-world answer that names the entity.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from tests.asof_support import log_history, record_each
from timeline.domain.events import (
    DomainEvent,
    EntitiesMerged,
    EntityAliased,
    EntityRegistered,
    FactAsserted,
    FactCorrected,
)
from timeline.domain.facts import EntityRef, EntityType, Fact, Source
from timeline.domain.fold import answer_as_of, derived_fact_id, involving
from timeline.domain.time import Precision, ValidTime
from timeline.store import queries

PETROV = EntityRef("person:petrov", "Пётр Петров", EntityType.PERSON)
P_PETROV = EntityRef("person:p-petrov", "П. Петров", EntityType.PERSON)
PETROV_PP = EntityRef("person:petrov-pp", "Петров П.П.", EntityType.PERSON)  # never registered
IVANOV = EntityRef("person:ivanov", "Иван Иванов", EntityType.PERSON)
MID = EntityRef("org:mid", "МИД", EntityType.ORGANIZATION)
MID_RF = EntityRef("org:mid-rf", "МИД РФ", EntityType.ORGANIZATION)  # never registered
MOSCOW = EntityRef("city:moscow", "Москва", EntityType.CITY)
SRC = Source(None, date(2022, 3, 1), ("ТАСС",), "цитата", None)
AS_OF = [date(2019, 6, 1), date(2020, 3, 20), date(2021, 5, 10), date(2021, 6, 15), date(2022, 2, 10),
         date(2022, 3, 1), date(2024, 6, 1)]  # fmt: skip
NAMES = ["person:petrov", "person:p-petrov", "person:petrov-pp", "Ваня", "МИД РФ", "org:mid", "г. Москва"]


def fact(fid: str, predicate: str, actor: EntityRef, start: date, **kw: Any) -> Fact:
    valid = ValidTime(start, kw.pop("end", None), kw.pop("precision", Precision.DAY), "когда-то")
    return Fact(fact_id=fid, predicate=predicate, actor=actor, valid=valid, source=SRC, **kw)


def history() -> list[DomainEvent]:
    visit = fact("v1", "visit", PETROV_PP, date(2021, 6, 1), precision=Precision.MONTH, location=MOSCOW)
    talks = fact("m1", "meeting", P_PETROV, date(2021, 5, 10), participants=(PETROV_PP, IVANOV))
    return [
        *(EntityRegistered(e.id, e.name, e.type) for e in (PETROV, P_PETROV, IVANOV, MID, MOSCOW)),
        FactAsserted(fact("a1", "appointed", PETROV_PP, date(2020, 3, 15), object=MID_RF, role="посол")),
        FactAsserted(replace(talks, location=MOSCOW)),
        FactAsserted(visit),
        FactAsserted(
            fact("s1", "member_of", P_PETROV, date(2019, 1, 1), end=date(2024, 1, 1), object=MID_RF)
        ),
        # Names the survivors-to-be only: it closes the appointment once both merges below are known.
        FactAsserted(fact("d1", "dismissed", PETROV, date(2022, 2, 1), object=MID)),
        EntitiesMerged(PETROV_PP.id, P_PETROV.id, "same man"),
        EntityAliased(IVANOV.id, "Ваня"),
        EntitiesMerged(P_PETROV.id, PETROV.id, "same man"),
        EntitiesMerged(PETROV.id, PETROV_PP.id, "a cycle: ignored"),
        EntityRegistered(MOSCOW.id, "г. Москва", EntityType.CITY),
        EntitiesMerged(MID_RF.id, MID.id, "same ministry"),
        FactAsserted(fact("t1", "signed", PETROV, date(2021, 1, 1), object=MID, participants=(P_PETROV,))),
        FactCorrected("v1", replace(visit, valid=replace(visit.valid, start=date(2021, 7, 1))), "month"),
    ]


def known_times(times: list[datetime]) -> list[datetime]:
    return [times[0] - timedelta(microseconds=1), *times]


def test_whole_world_answers_equal_the_fold_across_merges_aliases_and_renames(engine: Engine) -> None:
    times = record_each(engine, history())
    log = log_history(engine)
    with engine.connect() as conn:
        for k in known_times(times):
            for as_of in AS_OF:
                expected = answer_as_of(log, as_of, k)
                whole = queries.state_as_of(conn, as_of, k)
                assert whole == expected, (k, as_of)
                for name in NAMES:
                    # Also found by names only facts gave: the fold's book knows registered names only.
                    root = queries.find_entity(conn, name, k)
                    if root is not None:
                        assert queries.state_as_of(conn, as_of, k, entity=name) == involving(whole, root)


def test_the_answer_changes_exactly_when_each_merge_becomes_known(engine: Engine) -> None:
    times = record_each(engine, history())
    merged_mid = times[-3]  # the ministry merge, after which the dismissal names the appointment's object
    holding = derived_fact_id("a1")

    def holding_end(k: datetime) -> date | None:
        with engine.connect() as conn:
            state = queries.state_as_of(conn, date(2021, 6, 15), k).state
        return next(v.fact.valid.end for v in state if v.fact.fact_id == holding)

    assert holding_end(merged_mid - timedelta(microseconds=1)) is None
    assert holding_end(merged_mid) == date(2022, 2, 1)
    with engine.connect() as conn:
        latest = queries.state_as_of(conn, date(2021, 6, 15))
        before = queries.state_as_of(conn, date(2021, 6, 15), times[9])  # every fact, no merge yet
    meeting = next(v.fact for v in latest.events if v.fact.fact_id == "m1")
    assert meeting.actor == PETROV
    assert meeting.participants == (PETROV, IVANOV)
    assert meeting.location == replace(MOSCOW, name="г. Москва")
    assert next(v.fact for v in before.events if v.fact.fact_id == "m1").participants == (PETROV_PP, IVANOV)
