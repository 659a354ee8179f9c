"""Meetings, which news spreads over several sentences: who led the visiting delegation, who received it,
who else took part, and the one sentence that says where and when it took place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline.domain.facts import EntityRef, EntityType
from timeline.extract.clause import Clause
from timeline.extract.facts import Draft

_HAPPENED = ("состояться", "пройти", "проходить", "проводиться")
_MEETING_NOUNS = ("встреча", "переговоры", "переговор", "саммит")
_MET = ("встретиться", "встречаться", "провести", "проводить")
_RECEIVED = ("принимать", "принять")
_LED = ("возглавить", "возглавлять", "возглавляемый", "возглавлявший")


@dataclass(slots=True)
class _Meeting:
    guest: list[EntityRef] = field(default_factory=list)  # who led the visitors, or who met someone
    host: list[EntityRef] = field(default_factory=list)
    others: list[EntityRef] = field(default_factory=list)
    anchor: tuple[Clause, int] | None = None  # the sentence that dates and places the meeting
    first_cue: tuple[Clause, int] | None = None


def _people_of(clause: Clause, index: int) -> list[EntityRef]:
    found: list[EntityRef] = []
    for head in clause.with_conjuncts(index):
        found += [p for p in clause.people_in(clause.subtree(head, 3)) if p not in found]
    return found


def _scan(clause: Clause, meeting: _Meeting) -> None:
    def cue(i: int) -> None:
        if meeting.first_cue is None:
            meeting.first_cue = (clause, i)

    for i in clause.find(*_LED):
        subject = clause.subject(i)
        if subject is not None and clause.tokens[subject].lemma != "который":
            meeting.guest += _people_of(clause, subject)
    for i in clause.find(*_MEETING_NOUNS):
        head = clause.tokens[i].head
        if head >= 0 and clause.tokens[head].lemma in _HAPPENED:
            cue(i)
            if meeting.anchor is None or (clause.times and not meeting.anchor[0].times):
                meeting.anchor = (clause, i)
        if head >= 0 and clause.tokens[head].lemma in ("принять", "принимать") and clause.first("участие"):
            cue(i)
            subject = clause.subject(head)
            if subject is not None:
                meeting.others += _people_of(clause, subject)
    for i in clause.find(*_MET):
        if clause.tokens[i].lemma in ("провести", "проводить") and clause.first("переговоры") is None:
            continue
        cue(i)
        subject = clause.subject(i)
        if subject is not None:
            meeting.guest += _people_of(clause, subject)
        for partner in clause.dependents(i, "obl"):
            if clause.preposition(partner) == "с":
                meeting.host += _people_of(clause, partner)
    for i in clause.find(*_RECEIVED):
        objects = clause.dependents(i, "obj")
        if objects and clause.tokens[objects[0]].lemma in ("делегация", "гость", "визит"):
            cue(i)
            subject = clause.subject(i)
            if subject is not None:
                meeting.host += _people_of(clause, subject)


def meetings(clauses: Sequence[Clause]) -> list[Draft]:
    """One meeting per document, assembled from every sentence that speaks of it."""
    meeting = _Meeting()
    for clause in clauses:
        _scan(clause, meeting)
    where = meeting.anchor or meeting.first_cue
    if where is None:
        return []
    people = _dedupe(meeting.guest + meeting.host + meeting.others)
    if not people:
        return []
    actor = (meeting.guest or people)[0]
    obj = next((p for p in meeting.host if p != actor), None)
    if obj is None:
        obj = next((p for p in people if p != actor), None)
    participants = tuple(p for p in people if p not in (actor, obj))
    clause, trigger = where
    location = next(
        (ref for _, ref in clause.places("в") if ref.type in (EntityType.CITY, EntityType.COUNTRY)), None
    )
    return [
        Draft(
            predicate="meeting",
            actor=actor,
            clause=clause,
            trigger=trigger,
            object=obj,
            participants=participants,
            location=location,
            time=clause.time_near(trigger),
            confidence=0.8,
        )
    ]


def _dedupe(refs: list[EntityRef]) -> list[EntityRef]:
    out: list[EntityRef] = []
    for ref in refs:
        if ref not in out:
            out.append(ref)
    return out
