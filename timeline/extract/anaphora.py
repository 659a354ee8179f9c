"""Organisations a title refers back to with a common noun: "... «Газпром». Глава компании Алексей Миллер"."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.domain.facts import EntityRef, EntityType
from timeline.extract.clause import Clause

# Nouns that, in the genitive after a title and without a name of their own, mean "the one just named".
ORGANISATION_NOUNS = frozenset(
    """
    компания банк холдинг концерн корпорация фонд партия движение министерство ведомство организация
    предприятие завод комбинат агентство служба комитет театр университет институт газета журнал
    издание телеканал радиостанция клуб команда объединение ассоциация союз общество группа фирма
    корпорация госкорпорация биржа фабрика ритейлер сеть лаборатория центр цирк суд департамент
    управление отдел штаб редакция
    """.split()
)
_LOOKBACK = 3  # sentences: further back, "компании" may well mean another company


def _organisations_before(clause: Clause, index: int) -> list[EntityRef]:
    start = clause.tokens[index].start
    return [m.entity for m in clause.mentions if m.entity.type is EntityType.ORGANIZATION and m.end <= start]


def referred_organisation(clauses: Sequence[Clause], at: int, last: int) -> EntityRef | None:
    """The organisation the common noun after a title (token `last` + 1 of clause `at`) refers to: the
    latest organisation named before it in this sentence or the few before."""
    clause = clauses[at]
    noun = last + 1
    if noun >= len(clause.tokens):
        return None
    token = clause.tokens[noun]
    if token.lemma not in ORGANISATION_NOUNS or token.feats.get("Case") != "Gen":
        return None
    if clause.mention_at(noun) is not None or any(t.head == noun and t.rel == "appos" for t in clause.tokens):
        return None  # "компании «Газпром»" names its own organisation
    for back in range(at, max(-1, at - _LOOKBACK - 1), -1):
        found = (
            _organisations_before(clauses[back], noun)
            if back == at
            else _organisations_before(clauses[back], len(clauses[back].tokens) - 1)
        )
        if found:
            return found[-1]
    return None


def last_person(clauses: Sequence[Clause], at: int, index: int) -> EntityRef | None:
    """Whom "он"/"она" at token `index` of clause `at` most likely means: the person named last before it,
    in this sentence or the one before."""
    for back in range(at, max(-1, at - 2), -1):
        clause = clauses[back]
        limit = clause.tokens[index].start if back == at else clause.sentence.end
        people = [m.entity for m in clause.mentions if m.entity.type is EntityType.PERSON and m.end <= limit]
        if people:
            return people[-1]
    return None


_POSSESSIVES = frozenset({"его", "её", "ее", "их"})
_OWNER_TYPES = (EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.PERSON)


def possessed_by(clauses: Sequence[Clause], at: int, first: int) -> EntityRef | None:
    """ "«Газпром» ... Его глава Алексей Миллер": the organisation or country a possessive before the title
    stands for, i.e. the last one named before it; none when the last named is a person ("его помощник")."""
    clause = clauses[at]
    if first == 0 or clause.tokens[first - 1].text.lower() not in _POSSESSIVES:
        return None
    for back in range(at, max(-1, at - 2), -1):
        limit = clause.tokens[first].start if back == at else clauses[back].sentence.end
        named = [m.entity for m in clauses[back].mentions if m.entity.type in _OWNER_TYPES and m.end <= limit]
        if named:
            return named[-1] if named[-1].type is not EntityType.PERSON else None
    return None
