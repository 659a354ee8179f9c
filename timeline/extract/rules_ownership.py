"""Who owns what (`owns`): "владелец «Челси» Роман Абрамович", "принадлежащий Абрамовичу клуб",
"Абрамович владеет «Челси»"."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.domain.facts import EntityRef, EntityType
from timeline.extract.clause import Clause
from timeline.extract.facts import Draft
from timeline.extract.holders import holder_by_syntax, person_before

OWNER_TITLES = frozenset({"владелец", "совладелец", "собственник", "хозяин", "акционер", "владелица"})
_OWNER_TYPES = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY)
_GAP = 6
_PURCHASE = ("купить", "приобрести", "выкупить")


def _entity(clause: Clause, index: int, *types: EntityType) -> EntityRef | None:
    mention = clause.mention_at(index)
    return mention.entity if mention is not None and mention.entity.type in types else None


def _in_phrase(clause: Clause, head: int, *types: EntityType) -> EntityRef | None:
    """A named entity heading or inside the noun phrase of `head` ("компании «Ромашка»")."""
    for i in clause.subtree(head, 2):
        found = _entity(clause, i, *types)
        if found is not None:
            return found
    return None


def _by_title(clause: Clause) -> list[Draft]:
    """ "владелец «Челси» Роман Абрамович", "Абрамович, владелец «Челси»"."""
    drafts = []
    for title in clause.find(*OWNER_TITLES):
        if clause.tokens[title].feats.get("Number") == "Plur":
            continue
        owned: EntityRef | None = None
        owner: EntityRef | None = None
        for i in range(title + 1, min(len(clause.tokens), title + _GAP + 1)):
            person = _entity(clause, i, EntityType.PERSON)
            if person is not None:
                owner = person
                break
            owned = owned or _entity(clause, i, EntityType.ORGANIZATION)
        owner = owner or person_before(clause, title) or holder_by_syntax(clause, title)
        if owner is not None and owned is not None:
            present = True  # a title describes the document's present
            drafts.append(Draft("owns", owner, clause, title, object=owned, present=present, confidence=0.7))
    return drafts


def _by_verb(clause: Clause) -> list[Draft]:
    """ "Абрамович владеет «Челси»" (subject owns the instrumental), "принадлежащий Абрамовичу клуб",
    "клуб принадлежит Абрамовичу" (the dative owns the participle's noun or the verb's subject)."""
    drafts = []
    for verb in clause.find("владеть"):
        subject = clause.subject(verb)
        owner = _in_phrase(clause, subject, *_OWNER_TYPES) if subject is not None else None
        owned = next(
            (
                found
                for i in clause.dependents(verb, "obl", "obj", "iobj")
                if (found := _in_phrase(clause, i, EntityType.ORGANIZATION)) is not None
            ),
            None,
        )
        if owner is not None and owned is not None and owner != owned:
            drafts.append(
                Draft(
                    "owns", owner, clause, verb, object=owned, present=clause.is_present(verb), confidence=0.7
                )
            )
    for verb in clause.find("принадлежать", "принадлежащий"):
        token = clause.tokens[verb]
        owner = next(
            (
                found
                for i in clause.dependents(verb, "obl", "iobj", "obj")
                if clause.tokens[i].feats.get("Case") == "Dat"
                and (found := _in_phrase(clause, i, *_OWNER_TYPES))
            ),
            None,
        )
        participle = token.pos == "ADJ" or token.feats.get("VerbForm") == "Part"
        if participle:
            owned = _in_phrase(clause, token.head, EntityType.ORGANIZATION) if token.head >= 0 else None
        else:
            subject = clause.subject(verb)
            owned = _in_phrase(clause, subject, EntityType.ORGANIZATION) if subject is not None else None
        if owner is not None and owned is not None and owner != owned:
            present = participle or clause.is_present(verb)
            drafts.append(Draft("owns", owner, clause, verb, object=owned, present=present, confidence=0.7))
    return drafts


def _by_purchase(clause: Clause) -> list[Draft]:
    """ "«Роснефть» купила ТНК-BP": a purchase starts the buyer's ownership on its date."""
    drafts = []
    for verb in clause.find(*_PURCHASE):
        if clause.tokens[verb].pos != "VERB":
            continue
        subject = clause.subject(verb)
        buyer = _in_phrase(clause, subject, *_OWNER_TYPES) if subject is not None else None
        bought = next(
            (
                found
                for i in clause.dependents(verb, "obj")
                if (found := _in_phrase(clause, i, EntityType.ORGANIZATION))
            ),
            None,
        )
        if buyer is not None and bought is not None and buyer != bought:
            time = clause.time_near(verb)
            drafts.append(Draft("owns", buyer, clause, verb, object=bought, time=time, confidence=0.6))
    return drafts


def ownerships(clauses: Sequence[Clause]) -> list[Draft]:
    return [
        draft
        for clause in clauses
        for draft in (*_by_title(clause), *_by_verb(clause), *_by_purchase(clause))
    ]
