"""Deals (`signed`, with the kind of deal as its role): purchases and sales, loans, investments, fines.

"«Роснефть» купила у BP долю в ТНК-BP", "банк выдал компании кредит", "суд оштрафовал компанию".
Every party the deal verb governs (subject, object, "у"/"от"/"в" phrases, the dative) takes part.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.domain.facts import EntityRef, EntityType
from timeline.extract.clause import Clause
from timeline.extract.facts import Draft

KINDS: dict[str, str] = {
    **dict.fromkeys(
        ("купить", "покупать", "приобрести", "приобретать", "выкупить", "выкупать"), "купля/продажа"
    ),
    **dict.fromkeys(("продать", "продавать", "перепродать"), "купля/продажа"),
    **dict.fromkeys(("оштрафовать", "штрафовать"), "штраф"),
    **dict.fromkeys(("инвестировать", "вложить", "вкладывать", "проинвестировать"), "инвестиции"),
    **dict.fromkeys(("одолжить", "занять", "кредитовать", "прокредитовать"), "займ"),
}
_LOANS = frozenset({"кредит", "заём", "займ", "заем"})
_LOAN_VERBS = frozenset(
    {"выдать", "выдавать", "предоставить", "предоставлять", "получить", "получать", "взять"}
)
_PARTY_TYPES = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY)
_ROLES = ("nsubj", "obj", "obl", "iobj", "nmod")


def _party(clause: Clause, index: int) -> EntityRef | None:
    for i in clause.subtree(index, 2):
        mention = clause.mention_at(i)
        if mention is not None and mention.entity.type in _PARTY_TYPES:
            return mention.entity
    return None


def _parties(clause: Clause, verb: int) -> list[EntityRef]:
    found: list[EntityRef] = []
    for dependent in clause.dependents(verb, *_ROLES):
        party = _party(clause, dependent)
        if party is not None and party not in found:
            found.append(party)
    return found


_NOUNS: dict[str, str] = {
    **dict.fromkeys(("покупка", "продажа", "приобретение", "поглощение", "выкуп"), "купля/продажа"),
    **dict.fromkeys(("кредит", "заём", "займ", "заем"), "займ"),
    **dict.fromkeys(("инвестиция", "вложение"), "инвестиции"),
    "штраф": "штраф",
}


def _noun_parties(clause: Clause, noun: int) -> list[EntityRef]:
    """ "покупка «Роснефтью» компании ТНК-BP": the parties hanging from the deal noun."""
    found: list[EntityRef] = []
    for i in clause.subtree(noun, 3)[1:]:
        mention = clause.mention_at(i)
        if mention is not None and mention.entity.type in _PARTY_TYPES and mention.entity not in found:
            found.append(mention.entity)
    return found


def _kind(clause: Clause, verb: int) -> str | None:
    token = clause.tokens[verb]
    if token.pos == "NOUN":
        return _NOUNS.get(token.lemma)
    if token.pos != "VERB":
        return None
    if token.lemma in _LOAN_VERBS:
        loan = any(clause.tokens[j].lemma in _LOANS for j in clause.dependents(verb, "obj", "nsubj"))
        return "займ" if loan else None
    if token.lemma == "занять" and any(
        clause.tokens[j].lemma in ("пост", "должность", "место") for j in clause.dependents(verb, "obj")
    ):
        return None  # "занял пост" is an office, not a loan
    return KINDS.get(token.lemma)


def deals(clauses: Sequence[Clause]) -> list[Draft]:
    drafts = []
    for clause in clauses:
        for token in clause.tokens:
            kind = _kind(clause, token.index)
            if kind is None:
                continue
            noun = token.pos == "NOUN"
            parties = _noun_parties(clause, token.index) if noun else _parties(clause, token.index)
            if len(parties) < 2:
                continue  # a deal takes two sides; one named side is too little to say who dealt
            drafts.append(
                Draft(
                    "signed",
                    parties[0],
                    clause,
                    token.index,
                    object=parties[1],
                    participants=tuple(parties[2:]),
                    role=kind,
                    time=clause.time_near(token.index),
                    confidence=0.6,
                )
            )
    return drafts
