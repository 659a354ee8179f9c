"""The pure fold on hand-written histories: known-at cuts, corrections, derived states, merges, the seed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from tests.seed_facts import DPRK, PYONGYANG, RUSSIA, ingest_time, load_seed
from timeline.domain.events import (
    DomainEvent,
    EntitiesMerged,
    EntityAliased,
    EntityRegistered,
    FactAsserted,
    FactCorrected,
    FactRetracted,
    Recorded,
)
from timeline.domain.facts import EntityRef, EntityType, Fact, Modality, Quantity, Source
from timeline.domain.fold import AsOfAnswer, FactView, answer_as_of, derived_fact_id
from timeline.domain.time import Certainty, Precision, ValidTime

T0 = datetime.fromisoformat("2026-03-01T09:00:00+00:00")
SRC = Source("doc-1", date(2025, 1, 10), ("Агентство",), "цитата", (0, 6))
IVANOV = EntityRef("person:ivanov", "Иванов", EntityType.PERSON)
PETROV = EntityRef("person:petrov", "Петров", EntityType.PERSON)
MINISTRY = EntityRef("org:minoborony", "Минобороны", EntityType.ORGANIZATION)


class History:
    """Appends events one second apart, each as its own transaction, the way the recorder does."""

    def __init__(self) -> None:
        self.items: list[Recorded] = []

    def add(self, *events: DomainEvent) -> datetime:
        at = T0 + timedelta(seconds=len(self.items))
        for event in events:
            self.items.append(Recorded(len(self.items) + 1, at, event))
        return at

    def answer(self, as_of: date, known_at: datetime | None = None) -> AsOfAnswer:
        return answer_as_of(self.items, as_of, known_at or T0 + timedelta(days=1))


def fact(
    fid: str,
    predicate: str,
    start: date | None,
    *,
    precision: Precision = Precision.DAY,
    end: date | None = None,
    actor: EntityRef = IVANOV,
    **kw: Any,
) -> Fact:
    valid = ValidTime(start, end, precision, "", None if start else date(2025, 1, 1))
    return Fact(fact_id=fid, predicate=predicate, actor=actor, valid=valid, source=SRC, **kw)


def ids(views: list[FactView]) -> list[str]:
    return [v.fact.fact_id for v in views]


# -- corrections, retractions, known-at --------------------------------------------------------------


def test_correction_replaces_from_its_recorded_time_on() -> None:
    h = History()
    presence = fact(
        "f1",
        "military_presence",
        date(2025, 1, 1),
        actor=DPRK,
        quantity=Quantity(100, False, "person", "100"),
    )
    before = h.add(FactAsserted(presence))
    corrected = replace(presence, quantity=Quantity(300, False, "person", "300"))
    after = h.add(FactCorrected("f1", corrected, "wrong number"))
    as_known_before = h.answer(date(2025, 6, 1), before)
    as_known_after = h.answer(date(2025, 6, 1), after)
    assert [v.fact.quantity.value for v in as_known_before.state if v.fact.quantity] == [100]
    assert [v.fact.quantity.value for v in as_known_after.state if v.fact.quantity] == [300]


def test_correction_keeps_the_fact_id_even_if_the_new_version_names_another() -> None:
    h = History()
    h.add(FactAsserted(fact("f1", "member_of", date(2020, 1, 1), object=MINISTRY)))
    h.add(FactCorrected("f1", fact("other", "member_of", date(2021, 1, 1), object=MINISTRY), "date"))
    answer = h.answer(date(2022, 1, 1))
    assert ids(answer.state) == ["f1"]
    assert answer.state[0].fact.valid.start == date(2021, 1, 1)
    assert h.answer(date(2020, 6, 1)).state == []


def test_retraction_removes_only_from_its_recorded_time() -> None:
    h = History()
    asserted = h.add(FactAsserted(fact("f1", "meeting", date(2025, 2, 3))))
    retracted = h.add(FactRetracted("f1", "misread"))
    assert ids(h.answer(date(2025, 3, 1), asserted).events) == ["f1"]
    assert h.answer(date(2025, 3, 1), retracted).events == []
    assert h.answer(date(2025, 3, 1), asserted - timedelta(microseconds=1)).events == []


def test_correcting_a_retracted_fact_does_not_revive_it() -> None:
    h = History()
    original = fact("f1", "meeting", date(2025, 2, 3))
    h.add(FactAsserted(original))
    h.add(FactRetracted("f1", "misread"))
    h.add(FactCorrected("f1", replace(original, role="x"), "late fix"))
    assert h.answer(date(2025, 3, 1)).events == []


def test_reasserting_a_live_fact_keeps_the_first_version() -> None:
    h = History()
    first = fact("f1", "statement", date(2025, 2, 3))
    h.add(FactAsserted(first))
    h.add(FactAsserted(replace(first, role="changed")))
    assert [v.fact.role for v in h.answer(date(2025, 3, 1)).events] == [None]


def test_events_newest_first_and_certainty_at_the_imprecise_edge() -> None:
    h = History()
    h.add(FactAsserted(fact("old", "visit", date(2024, 6, 1), precision=Precision.MONTH)))
    h.add(FactAsserted(fact("new", "visit", date(2024, 6, 10))))
    h.add(FactAsserted(fact("same-day-later", "visit", date(2024, 6, 10))))
    answer = h.answer(date(2024, 6, 15))
    assert ids(answer.events) == ["same-day-later", "new", "old"]
    assert [v.certainty for v in answer.events] == [Certainty.CERTAIN, Certainty.CERTAIN, Certainty.POSSIBLE]
    assert [v.certainty for v in h.answer(date(2024, 7, 1)).events][-1] is Certainty.CERTAIN
    assert ids(h.answer(date(2024, 6, 9)).events) == ["old"]


def test_modality_is_shown_and_conflicting_claims_both_kept() -> None:
    h = History()
    a = fact(
        "a", "military_presence", date(2025, 1, 1), actor=DPRK, quantity=Quantity(10000, True, "person", "10")
    )
    b = replace(
        a,
        fact_id="b",
        quantity=Quantity(12000, True, "person", "12"),
        modality=Modality.ALLEGED,
        source=replace(SRC, document_id="doc-2", attribution=("Другое агентство",)),
    )
    h.add(FactAsserted(a))
    h.add(FactAsserted(b))
    state = h.answer(date(2025, 2, 1)).state
    assert ids(state) == ["a", "b"]
    assert {v.fact.modality for v in state} == {Modality.ASSERTED, Modality.ALLEGED}
    assert {v.fact.source.document_id for v in state} == {"doc-1", "doc-2"}


def test_state_with_an_end_leaves_the_answer_after_it() -> None:
    h = History()
    h.add(FactAsserted(fact("m", "member_of", date(2020, 1, 1), end=date(2021, 1, 1), object=MINISTRY)))
    assert [v.certainty for v in h.answer(date(2020, 12, 31)).state] == [Certainty.CERTAIN]
    assert h.answer(date(2021, 1, 1)).state == []


def test_state_is_ordered_by_predicate_actor_start_and_id() -> None:
    h = History()
    h.add(FactAsserted(fact("z", "owns", date(2020, 1, 1))))
    h.add(FactAsserted(fact("y", "member_of", date(2020, 2, 1), actor=PETROV)))
    h.add(FactAsserted(fact("x", "member_of", date(2020, 3, 1))))
    h.add(FactAsserted(fact("w", "member_of", date(2020, 1, 1))))
    assert ids(h.answer(date(2021, 1, 1)).state) == ["w", "x", "y", "z"]


# -- derived states -----------------------------------------------------------------------------------


def test_appointment_opens_and_dismissal_closes_a_holding() -> None:
    h = History()
    appointed = fact("ap", "appointed", date(2020, 3, 15), object=MINISTRY, role="министр")
    h.add(FactAsserted(appointed))
    open_at = h.add(FactAsserted(fact("other", "appointed", date(2021, 1, 1), actor=PETROV, object=MINISTRY)))
    h.add(
        FactAsserted(fact("dis", "dismissed", date(2023, 5, 1), precision=Precision.MONTH, object=MINISTRY))
    )
    holding = derived_fact_id("ap")

    before_dismissal = h.answer(date(2024, 1, 1), open_at)
    assert holding in ids(before_dismissal.state)
    derived = next(v.fact for v in before_dismissal.state if v.fact.fact_id == holding)
    assert (derived.predicate, derived.actor, derived.object, derived.role) == (
        "holds_position",
        IVANOV,
        MINISTRY,
        "министр",
    )
    assert derived.source == appointed.source and derived.valid.end is None

    after = h.answer(date(2022, 1, 1))
    closed = next(v.fact for v in after.state if v.fact.fact_id == holding)
    assert (closed.valid.start, closed.valid.end, closed.valid.precision) == (
        date(2020, 3, 15),
        date(2023, 5, 1),
        Precision.MONTH,
    )
    assert holding not in ids(h.answer(date(2024, 1, 1)).state)
    # The month-precise dismissal leaves May 2023 uncertain rather than cutting it off on the 1st.
    assert [v.certainty for v in h.answer(date(2023, 5, 20)).state if v.fact.fact_id == holding] == [
        Certainty.POSSIBLE
    ]
    # Petrov's holding is untouched: another actor's dismissal never closes it.
    assert derived_fact_id("other") in ids(h.answer(date(2024, 1, 1)).state)


def test_dismissal_before_the_appointment_does_not_close_it() -> None:
    h = History()
    h.add(FactAsserted(fact("dis", "dismissed", date(2019, 1, 1), role="министр")))
    h.add(FactAsserted(fact("ap", "appointed", date(2020, 1, 1), role="министр")))
    assert ids(h.answer(date(2030, 1, 1)).state) == [derived_fact_id("ap")]


def test_dismissal_on_the_appointment_day_leaves_no_day_in_office() -> None:
    h = History()
    h.add(FactAsserted(fact("ap", "appointed", date(2020, 1, 1), role="министр")))
    h.add(FactAsserted(fact("dis", "dismissed", date(2020, 1, 1), role="министр")))
    assert h.answer(date(2020, 1, 1)).state == []
    assert [v.fact.fact_id for v in h.answer(date(2020, 1, 1)).events] == ["dis", "ap"]


def test_dismissal_matches_by_role_when_objects_differ_and_earliest_wins() -> None:
    h = History()
    h.add(FactAsserted(fact("ap", "appointed", date(2020, 1, 1), role="министр")))
    h.add(FactAsserted(fact("late", "dismissed", date(2024, 1, 1), role="министр")))
    h.add(FactAsserted(fact("early", "dismissed", date(2022, 1, 1), role="министр", object=MINISTRY)))
    h.add(FactAsserted(fact("unrelated", "dismissed", date(2021, 1, 1), role="посол")))
    state = h.answer(date(2021, 6, 1)).state
    assert [v.fact.valid.end for v in state] == [date(2022, 1, 1)]


def test_retracting_the_dismissal_reopens_the_holding() -> None:
    h = History()
    h.add(FactAsserted(fact("ap", "appointed", date(2020, 1, 1), object=MINISTRY)))
    closed_at = h.add(FactAsserted(fact("dis", "dismissed", date(2022, 1, 1), object=MINISTRY)))
    h.add(FactRetracted("dis", "never happened"))
    assert h.answer(date(2023, 1, 1), closed_at).state == []
    assert ids(h.answer(date(2023, 1, 1)).state) == [derived_fact_id("ap")]


def test_signing_opens_party_to_with_every_party() -> None:
    h = History()
    signed = fact(
        "s",
        "signed",
        date(2024, 6, 1),
        precision=Precision.MONTH,
        actor=RUSSIA,
        object=DPRK,
        participants=(IVANOV,),
        location=PYONGYANG,
        role="договор",
    )
    h.add(FactAsserted(signed))
    state = h.answer(date(2024, 6, 15)).state
    assert len(state) == 1
    party = state[0]
    assert party.certainty is Certainty.POSSIBLE
    assert (party.fact.predicate, party.fact.participants, party.fact.location) == (
        "party_to",
        (IVANOV,),
        PYONGYANG,
    )
    assert h.answer(date(2024, 7, 1)).state[0].certainty is Certainty.CERTAIN


# -- entities ----------------------------------------------------------------------------------------


def test_merge_shows_the_survivor_only_when_known() -> None:
    h = History()
    h.add(EntityRegistered("person:ivanov", "Иван Иванов", EntityType.PERSON))
    h.add(EntityRegistered("person:i-ivanov", "И. Иванов", EntityType.PERSON, ("Иванов И.",)))
    duplicate = EntityRef("person:i-ivanov", "И. Иванов", EntityType.PERSON)
    h.add(FactAsserted(fact("f1", "visit", date(2025, 1, 5), actor=duplicate)))
    before = h.add(EntityAliased("person:ivanov", "Ваня"))
    h.add(EntitiesMerged("person:i-ivanov", "person:ivanov", "same man"))

    apart = h.answer(date(2025, 2, 1), before).events[0].fact.actor
    together = h.answer(date(2025, 2, 1)).events[0].fact.actor
    assert apart == duplicate
    assert together == EntityRef("person:ivanov", "Иван Иванов", EntityType.PERSON)


def test_canonical_name_as_known_at_k_replaces_the_facts_own() -> None:
    h = History()
    h.add(FactAsserted(fact("f1", "visit", date(2025, 1, 5))))
    renamed = h.add(EntityRegistered("person:ivanov", "Иван Петрович Иванов", EntityType.PERSON))
    assert h.answer(date(2025, 2, 1), renamed - timedelta(seconds=1)).events[0].fact.actor.name == "Иванов"
    assert h.answer(date(2025, 2, 1)).events[0].fact.actor.name == "Иван Петрович Иванов"


def test_merge_cycle_is_ignored_and_dismissal_matches_across_a_merge() -> None:
    h = History()
    alias = EntityRef("person:ivanov-2", "Иванов", EntityType.PERSON)
    h.add(FactAsserted(fact("ap", "appointed", date(2020, 1, 1), object=MINISTRY)))
    h.add(FactAsserted(fact("dis", "dismissed", date(2022, 1, 1), actor=alias, object=MINISTRY)))
    unmerged = h.add(EntitiesMerged("person:ivanov-2", "person:ivanov", "same"))
    h.add(EntitiesMerged("person:ivanov", "person:ivanov-2", "cycle"))
    assert ids(h.answer(date(2023, 1, 1), unmerged - timedelta(seconds=1)).state) == [derived_fact_id("ap")]
    assert h.answer(date(2023, 1, 1)).state == []
    assert h.answer(date(2023, 1, 1)).events[0].fact.actor.id == "person:ivanov"


# -- the seed article --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_history() -> list[Recorded]:
    at = ingest_time()
    return [Recorded(i + 1, at, e) for i, e in enumerate(load_seed().events())]


def _rows(answer_ids: list[str]) -> set[int]:
    seed = load_seed()
    by_id = {f.fact_id: n for n, f in seed.facts.items()}
    by_id[derived_fact_id(seed.facts[7].fact_id)] = 0  # the treaty in force: party_to
    return {by_id[i] for i in answer_ids}


def test_seed_as_of_publication(seed_history: list[Recorded]) -> None:
    answer = answer_as_of(seed_history, date(2025, 11, 7), ingest_time())
    assert _rows(ids(answer.state)) == {0, 2, 3, 4, 5, 6, 10}
    assert {1, 7, 8} <= _rows(ids(answer.events))
    treaty = next(v for v in answer.state if v.fact.predicate == "party_to")
    assert (treaty.fact.actor, treaty.fact.object, treaty.certainty) == (RUSSIA, DPRK, Certainty.CERTAIN)
    assert [v.fact.modality for v in answer.state if v.fact.predicate == "labor_supply"] == [
        Modality.CONSIDERED
    ]
    assert ids(answer.events)[0] == load_seed().facts[9].fact_id  # undated, known by publication: newest


def test_seed_before_the_meeting(seed_history: list[Recorded]) -> None:
    answer = answer_as_of(seed_history, date(2025, 11, 5), ingest_time())
    assert 1 not in _rows(ids(answer.events))
    assert 0 in _rows(ids(answer.state))


def test_seed_new_year_2025(seed_history: list[Recorded]) -> None:
    answer = answer_as_of(seed_history, date(2025, 1, 1), ingest_time())
    assert _rows(ids(answer.state)) == {0}
    assert answer.state[0].certainty is Certainty.CERTAIN
    assert _rows(ids(answer.events)) == {7}


def test_seed_treaty_only_possible_mid_june_2024(seed_history: list[Recorded]) -> None:
    answer = answer_as_of(seed_history, date(2024, 6, 15), ingest_time())
    assert [(v.fact.predicate, v.certainty) for v in answer.state] == [("party_to", Certainty.POSSIBLE)]
    assert [(v.fact.predicate, v.certainty) for v in answer.events] == [("signed", Certainty.POSSIBLE)]


def test_seed_before_the_treaty(seed_history: list[Recorded]) -> None:
    answer = answer_as_of(seed_history, date(2024, 1, 1), ingest_time())
    assert answer == AsOfAnswer([], [])


def test_seed_known_before_ingest_is_empty(seed_history: list[Recorded]) -> None:
    answer = answer_as_of(seed_history, date(2025, 11, 7), ingest_time() - timedelta(microseconds=1))
    assert answer == AsOfAnswer([], [])
