"""Holdings named by a verb rather than a title: "Иванов работает в «Газпроме»", "возглавляет компанию"."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.domain.facts import EntityRef, EntityType
from timeline.extract.anaphora import last_person
from timeline.extract.clause import Clause
from timeline.extract.facts import Draft
from timeline.extract.holders import PRONOUNS

_WORK_IN = frozenset({"работать", "трудиться", "служить", "числиться"})  # "в <организации>"
_LEAD = frozenset({"возглавлять", "возглавить", "руководить", "управлять"})  # the organisation is the object


def _antecedent_organisation(clause: Clause, verb: int) -> EntityRef | None:
    """ "компания «Ромашка», которую возглавляет Петров": the organisation the relative clause is about."""
    token = clause.tokens[verb]
    relative = any(clause.tokens[i].lemma == "который" for i in clause.dependents(verb, "obj", "obl"))
    if not relative or not token.rel.startswith("acl") or token.head < 0:
        return None
    for i in clause.subtree(token.head, 1):
        mention = clause.mention_at(i)
        if mention is not None and mention.entity.type is EntityType.ORGANIZATION:
            return mention.entity
    return None


def _organisation(clause: Clause, verb: int) -> EntityRef | None:
    if (antecedent := _antecedent_organisation(clause, verb)) is not None:
        return antecedent
    lead = clause.tokens[verb].lemma in _LEAD
    for i in clause.subtree(verb, 3):
        if i == verb:
            continue
        mention = clause.mention_at(i)
        if mention is None or mention.entity.type is not EntityType.ORGANIZATION:
            continue
        # "в компании «Ромашка»": the name is an apposition; the common noun carries case and preposition.
        phrase = clause.tokens[i].head if clause.tokens[i].rel in ("appos", "flat", "flat:name") else i
        rel = clause.tokens[phrase].rel.split(":")[0]
        if lead and rel in ("obj", "obl", "iobj") and clause.preposition(phrase) is None:
            return mention.entity
        if not lead and clause.preposition(phrase) == "в":
            return mention.entity
    return None


def _worker(clauses: Sequence[Clause], at: int, verb: int) -> EntityRef | None:
    clause = clauses[at]
    token = clause.tokens[verb]
    if token.feats.get("VerbForm") == "Part" and token.rel.startswith("acl") and token.head >= 0:
        # "Петров, возглавляющий компанию": the participle's noun is the worker.
        people = clause.people_in(clause.subtree(token.head, 1))
        return people[0] if people else None
    for subject in clause.dependents(verb, "nsubj"):
        people = clause.people_in(clause.subtree(subject, 2))
        if people:
            return people[0]
        lemma = clause.tokens[subject].lemma
        if lemma in PRONOUNS:
            return last_person(clauses, at, subject)
        if lemma == "который" and clause.tokens[verb].rel.startswith("acl"):
            antecedent = clause.tokens[verb].head
            found = clause.people_in(clause.subtree(antecedent, 1)) if antecedent >= 0 else []
            return found[0] if found else None
    return None


def work_places(clauses: Sequence[Clause]) -> list[Draft]:
    drafts = []
    for at, clause in enumerate(clauses):
        for verb in clause.find(*_WORK_IN, *_LEAD):
            if clause.tokens[verb].pos not in ("VERB", "ADJ"):
                continue
            organisation = _organisation(clause, verb)
            worker = _worker(clauses, at, verb) if organisation is not None else None
            if worker is None:
                continue
            drafts.append(
                Draft(
                    predicate="holds_position",
                    actor=worker,
                    clause=clause,
                    trigger=verb,
                    object=organisation,
                    time=clause.time_near(verb),
                    present=clause.is_present(verb) or clause.tokens[verb].feats.get("Tense") == "Pres",
                    confidence=0.7,
                )
            )
    return drafts
