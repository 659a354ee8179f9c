"""For random histories and random (X, K), the SQL surface answers exactly what the pure fold answers."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from tests.asof_support import record
from timeline.domain.events import (
    DomainEvent,
    EntitiesMerged,
    EntityAliased,
    EntityRegistered,
    FactAsserted,
    FactCorrected,
    FactRetracted,
)
from timeline.domain.facts import EntityRef, EntityType, Fact, Modality, Quantity, Source
from timeline.domain.fold import AsOfAnswer, FactView, answer_as_of, involving, replay
from timeline.domain.time import Precision, ValidTime
from timeline.store import queries
from timeline.store.event_log import to_recorded

PEOPLE = ["person:p1", "person:p2", "person:p3"]
ORGS = ["org:o1", "org:o2"]
NAMES = {
    "person:p1": ["Пётр Первый", "П. Первый"],
    "person:p2": ["Павел Второй", "Второй"],
    "person:p3": ["Прохор Третий"],
    "org:o1": ["Министерство"],
    "org:o2": ["Посольство"],
}
FACT_IDS = ["f0", "f1", "f2", "f3", "f4"]
PREDICATES = ["member_of", "military_presence", "meeting", "signed"] + ["appointed", "dismissed"] * 2
DAY0 = date(2019, 1, 1)


def _normalise(day: date, precision: Precision) -> date:
    if precision is Precision.MONTH:
        return day.replace(day=1)
    if precision is Precision.YEAR:
        return date(day.year, 1, 1)
    return day


# Few distinct days, so that starts, ends, dismissals and X often coincide: the edges are where bugs live.
days = st.builds(
    lambda n, offset: DAY0 + timedelta(days=61 * n + offset),
    st.integers(0, 6),
    st.sampled_from([0, 0, 1, 15]),
)


@st.composite
def valid_times(draw: st.DrawFn) -> ValidTime:
    precision = draw(st.sampled_from(list(Precision)))
    start = _normalise(draw(days), precision)
    end = None
    if draw(st.booleans()):
        end = _normalise(max(start, draw(days)), precision)
    if draw(st.integers(0, 5)) == 0:
        # An undated fact, known only by a date: `end` must not precede it either.
        return ValidTime(None, end, precision, "", known_by=start)
    return ValidTime(start, end, precision, draw(st.sampled_from(["", "в июне"])))


def _entity(entity_id: str, draw: st.DrawFn) -> EntityRef:
    kind = EntityType.PERSON if entity_id.startswith("person:") else EntityType.ORGANIZATION
    return EntityRef(entity_id, draw(st.sampled_from(NAMES[entity_id])), kind)


@st.composite
def facts(draw: st.DrawFn, fact_id: str) -> Fact:
    predicate = draw(st.sampled_from(PREDICATES))
    obj = draw(st.sampled_from([None, *ORGS]))
    location = draw(st.sampled_from([None, "org:o2"]))
    quantity = draw(
        st.sampled_from([None, Quantity(100, True, "person", "около ста"), Quantity(2.5, False, "t", "")])
    )
    return Fact(
        fact_id=fact_id,
        predicate=predicate,
        actor=_entity(draw(st.sampled_from(PEOPLE)), draw),
        object=_entity(obj, draw) if obj else None,
        participants=tuple(_entity(p, draw) for p in draw(st.lists(st.sampled_from(PEOPLE), max_size=2))),
        role=draw(st.sampled_from([None, "министр", "посол"])),
        location=_entity(location, draw) if location else None,
        quantity=quantity,
        valid=draw(valid_times()),
        modality=draw(st.sampled_from(list(Modality))),
        source=Source(
            None,  # the log requires a stored document for any document id
            draw(st.sampled_from([None, date(2025, 1, 1)])),
            tuple(draw(st.lists(st.sampled_from(["ЦТАК", "ТАСС"]), max_size=2))),
            "цитата",
            draw(st.sampled_from([None, (3, 9)])),
        ),
        confidence=draw(st.sampled_from([0.5, 0.9, 1.0])),
        extractor=draw(st.sampled_from(["manual", "ru-rules/1"])),
    )


@st.composite
def events(draw: st.DrawFn) -> DomainEvent:
    op = draw(st.sampled_from(["assert"] * 4 + ["correct", "retract", "register", "alias", "merge"]))
    fid = draw(st.sampled_from(FACT_IDS))
    entity_id = draw(st.sampled_from(PEOPLE + ORGS))
    if op == "assert":
        return FactAsserted(draw(facts(fid)))
    if op == "correct":
        return FactCorrected(fid, draw(facts(draw(st.sampled_from([fid, "other"])))), "fix")
    if op == "retract":
        return FactRetracted(fid, "wrong")
    if op == "register":
        kind = EntityType.PERSON if entity_id.startswith("person:") else EntityType.ORGANIZATION
        return EntityRegistered(entity_id, draw(st.sampled_from(NAMES[entity_id])) + "*", kind)
    if op == "alias":
        return EntityAliased(entity_id, draw(st.sampled_from(["Петя", "Паша"])))
    return EntitiesMerged(entity_id, draw(st.sampled_from(PEOPLE + ORGS)), "same")


histories = st.lists(st.lists(events(), min_size=1, max_size=3), min_size=1, max_size=7)


def _entity_ns(ref: EntityRef | None, ns: str) -> EntityRef | None:
    return replace(ref, id=f"{ref.id}~{ns}") if ref is not None else None


def _fact_ns(fact: Fact, ns: str) -> Fact:
    actor = _entity_ns(fact.actor, ns)
    assert actor is not None
    return replace(
        fact,
        fact_id=f"{ns}:{fact.fact_id}",
        actor=actor,
        object=_entity_ns(fact.object, ns),
        participants=tuple(p for p in (_entity_ns(x, ns) for x in fact.participants) if p is not None),
        location=_entity_ns(fact.location, ns),
    )


def in_namespace(event: DomainEvent, ns: str) -> DomainEvent:
    """The same event with every fact and entity id private to one example.

    Examples share one database (a log cannot be emptied); private ids keep them from touching each other,
    so each example's part of an answer depends on its own history only.
    """
    match event:
        case FactAsserted():
            return FactAsserted(_fact_ns(event.fact, ns))
        case FactCorrected():
            return replace(event, fact_id=f"{ns}:{event.fact_id}", fact=_fact_ns(event.fact, ns))
        case FactRetracted():
            return replace(event, fact_id=f"{ns}:{event.fact_id}")
        case EntityRegistered() | EntityAliased():
            return replace(event, entity_id=f"{event.entity_id}~{ns}")
        case EntitiesMerged():
            return replace(event, merged_id=f"{event.merged_id}~{ns}", into_id=f"{event.into_id}~{ns}")
    return event


def own_part(answer: AsOfAnswer, ns: str) -> AsOfAnswer:
    def mine(view: FactView) -> bool:
        return view.fact.actor.id.endswith("~" + ns)

    return AsOfAnswer([v for v in answer.state if mine(v)], [v for v in answer.events if mine(v)])


def _known_times(times: list[datetime]) -> list[datetime]:
    """Every recorded time, the instants between them, and one before anything was known."""
    out = [times[0] - timedelta(microseconds=1), *times]
    out += [a + (b - a) / 2 for a, b in zip(times, times[1:], strict=False)]
    return sorted(set(out))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=histories, data=st.data())
def test_sql_answers_equal_the_fold(
    engine: Engine, history: list[list[DomainEvent]], data: st.DataObject
) -> None:
    ns = uuid.uuid4().hex[:10]
    stored = [record(engine, [in_namespace(e, ns) for e in step]) for step in history]
    times = [batch[0].recorded_at for batch in stored]
    # Only this example's events: the others' ids never meet these, so they cannot change this part.
    log = [to_recorded(s) for batch in stored for s in batch]
    ks = _known_times(times)
    for _ in range(6):
        k = data.draw(st.sampled_from(ks), label="known_at")
        as_of = data.draw(st.one_of(st.dates(date(2018, 6, 1), date(2022, 12, 31)), days), label="as_of")
        expected = own_part(answer_as_of(log, as_of, k), ns)
        with engine.connect() as conn:
            assert own_part(queries.state_as_of(conn, as_of, k), ns) == expected
            entity = data.draw(st.sampled_from(PEOPLE + ORGS), label="entity") + "~" + ns
            root = queries.find_entity(conn, entity, k)
            if root is not None:
                assert root == replay(log, k).entities.root(entity)
                assert queries.state_as_of(conn, as_of, k, entity=entity) == involving(expected, root)
