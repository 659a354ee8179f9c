"""Rules for single-sentence events: visit, signed, acknowledged, supplied, statement, attack."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.domain.facts import EntityRef, EntityType, Quantity
from timeline.extract import gazetteer
from timeline.extract.clause import PLACE_TYPES, Clause
from timeline.extract.entities import country_ref
from timeline.extract.facts import Draft

_VISIT = ("посетить", "посещать", "прибыть", "прибывать", "приехать", "приезжать")
_VISITORS = ("делегация", "министр", "президент", "глава", "премьер-министр", "генерал", "военный")
_SIGN = ("подписать", "подписывать", "заключить", "заключать")
_AGREEMENTS = (
    "договор", "соглашение", "меморандум", "контракт", "декларация", "договоренность", "пакт",
    "конвенция", "протокол", "коммюнике", "хартия", "сделка",
)  # fmt: skip
_WEAPONS = ("оружие", "ракета", "снаряд", "боеприпас", "техника", "дрон", "беспилотник", "танк", "вооружение")
_SUPPLY = ("поставить", "поставлять", "передать", "передавать", "предоставить", "предоставлять")
_ATTACK = ("атаковать", "обстрелять", "обстреливать", "нанести", "наносить", "ударить")


def _party_or_person(clause: Clause, index: int) -> EntityRef | None:
    people = clause.people_in(clause.subtree(index, 3))
    return people[0] if people else clause.party_of(index)


def visits(clauses: Sequence[Clause]) -> list[Draft]:
    drafts = []
    for clause in clauses:
        for i in clause.find(*_VISIT):
            # Only the verb's own subject: climbing to another verb's finds people who visit nothing.
            subjects = clause.dependents(i, "nsubj")
            if not subjects:
                continue
            subject = subjects[0]
            subject_token = clause.tokens[subject]
            visitor_people = clause.people_in(clause.subtree(subject, 3))
            if not visitor_people and subject_token.lemma not in _VISITORS:
                continue  # "наемники прибывают" is a deployment, not a visit
            actor = visitor_people[0] if visitor_people else clause.party_of(subject)
            destinations = [
                m.entity
                for j in clause.dependents(i, "obj", "obl")
                if (m := clause.mention_at(j)) is not None and m.entity.type in PLACE_TYPES
            ]
            if actor is None or not destinations:
                continue
            drafts.append(
                Draft(
                    "visit",
                    actor,
                    clause,
                    i,
                    location=destinations[0],
                    time=clause.time_near(i),
                    confidence=0.75,
                )
            )
    return drafts


def _signers_and_parties(clause: Clause, verb: int) -> tuple[list[EntityRef], list[EntityRef]]:
    """Signatory people and the states they sign for: the country words just before each name
    ("российский диктатор Владимир Путин и диктатор КНДР Ким Чен Ын"), else the leaders' gazetteer."""
    subject = clause.subject(verb)
    if subject is None:
        return [], []
    indices = sorted(i for head in clause.with_conjuncts(subject) for i in clause.subtree(head, 3))
    signers: list[EntityRef] = []
    parties: list[EntityRef] = []
    pending: EntityRef | None = None
    for i in indices:
        mention = clause.mention_at(i)
        if mention is not None and mention.entity.type is EntityType.PERSON:
            if mention.entity in signers:
                continue
            signers.append(mention.entity)
            leader = gazetteer.country_of_leader(mention.entity.name)
            party = pending or (country_ref(leader) if leader else None)
            if party is not None and party not in parties:
                parties.append(party)
            pending = None
            continue
        country = clause.country_of_token(i)
        if country is None and mention is not None and mention.entity.type is EntityType.ORGANIZATION:
            country = mention.entity
        if country is not None:
            if pending is not None and pending != country and pending not in parties:
                parties.append(pending)  # "Россия и Китай подписали": each state is a party
            pending = country
    if pending is not None and pending not in parties:
        parties.append(pending)  # states that sign with no person named ("Россия и КНДР подписали")
    return signers, parties


def signings(clauses: Sequence[Clause]) -> list[Draft]:
    drafts = []
    for clause in clauses:
        for i in clause.find(*_SIGN):
            agreement = next(
                (j for j in clause.dependents(i, "obj") if clause.tokens[j].lemma in _AGREEMENTS), None
            )
            if agreement is None:
                continue
            signers, parties = _signers_and_parties(clause, i)
            if not parties and not signers:
                continue
            actor = parties[0] if parties else signers[0]
            obj = parties[1] if len(parties) > 1 else None
            location = next((ref for _, ref in clause.places("в") if ref.type is EntityType.CITY), None)
            drafts.append(
                Draft(
                    "signed",
                    actor,
                    clause,
                    i,
                    object=obj,
                    participants=tuple(signers),
                    role=clause.phrase(agreement),
                    location=location,
                    time=clause.time_near(i),
                    confidence=0.8,
                )
            )
    return drafts


def _countries(clause: Clause) -> list[EntityRef]:
    found: list[EntityRef] = []
    for token in clause.tokens:
        country = clause.country_of_token(token.index)
        if country is not None and country not in found:
            found.append(country)
    return found


def acknowledgements(clauses: Sequence[Clause]) -> list[Draft]:
    """Acknowledgement ("признать ... официально"); what was acknowledged is often "это": the
    previous sentence's doing, so its country is the object."""
    drafts = []
    for n, clause in enumerate(clauses):
        for i in clause.find("признать", "признавать"):
            if clause.first("официально", "официальный") is None:
                continue
            subject = clause.subject(i)
            actor = clause.party_of(subject) if subject is not None else None
            if actor is None:
                continue
            before = [c for c in _countries(clauses[n - 1]) if c != actor] if n > 0 else []
            pronoun = any(clause.tokens[j].pos == "PRON" for j in clause.dependents(i, "obj"))
            after = [c for c in _countries(clause) if c != actor]
            candidates = before if pronoun else after
            obj = candidates[0] if candidates else None
            drafts.append(Draft("acknowledged", actor, clause, i, object=obj, time=clause.time_near(i)))
    return drafts


def supplies(clauses: Sequence[Clause]) -> list[Draft]:
    """Supplies ("помогает России оружием", "получил от Пхеньяна"): the giver is the actor."""
    drafts = []
    for clause in clauses:
        pairs: list[tuple[int, EntityRef, EntityRef]] = []
        if not any(t.lemma in _WEAPONS for t in clause.tokens):
            continue  # "получить $27 млн от «Ромы»" is a transfer fee, not arms
        for i in clause.find("получить", "получать"):
            giver = next((j for j in clause.dependents(i, "obl") if clause.preposition(j) == "от"), None)
            subject = clause.subject(i)
            if giver is not None and subject is not None:
                actor, receiver = clause.party_of(giver), clause.party_of(subject)
                if actor is not None and receiver is not None:
                    pairs.append((i, actor, receiver))
        for i in clause.find("помогать", "помочь", *_SUPPLY):
            subject = clause.subject(i)
            receivers = clause.dependents(i, "iobj", "obl")
            actor = clause.party_of(subject) if subject is not None else None
            receiver = next((r for j in receivers if (r := clause.party_of(j, metonymy=False))), None)
            if actor is not None and receiver is not None:
                pairs.append((i, actor, receiver))
        if not pairs:
            continue
        trigger, actor, receiver = pairs[0]
        counted: list[Quantity | None] = [
            q.quantity for q in clause.quantities if _counts_weapons(clause, q.end)
        ]
        for quantity in counted or [None]:
            drafts.append(
                Draft(
                    "supplied",
                    actor,
                    clause,
                    trigger,
                    object=receiver,
                    quantity=quantity,
                    time=clause.time_near(trigger),
                    confidence=0.7,
                )
            )
    return drafts


def _counts_weapons(clause: Clause, after: int) -> bool:
    """Whether the first noun after a number is a weapon ("десятки миллионов снарядов")."""
    noun = next((t for t in clause.tokens if t.start >= after and t.pos == "NOUN"), None)
    return noun is not None and noun.lemma in _WEAPONS


def statements(clauses: Sequence[Clause]) -> list[Draft]:
    drafts = []
    for clause in clauses:
        for i in clause.find("заявить", "заявлять"):
            subject = clause.subject(i)
            actor = _party_or_person(clause, subject) if subject is not None else None
            if actor is not None:
                drafts.append(Draft("statement", actor, clause, i, time=clause.time_near(i), confidence=0.7))
    return drafts


def attacks(clauses: Sequence[Clause]) -> list[Draft]:
    drafts = []
    for clause in clauses:
        triggers = [
            i
            for i in clause.find(*_ATTACK)
            if clause.tokens[i].lemma not in ("нанести", "наносить") or clause.first("удар") is not None
        ]
        triggers += [i for i in clause.find("удар") if clause.tokens[i].rel.startswith("nsubj")]
        for i in triggers:
            subject = clause.subject(i)
            actor = clause.party_of(subject) if subject is not None else None
            if actor is None:
                continue
            target = next(
                (
                    m.entity
                    for j in clause.dependents(i, "obj", "obl")
                    if (m := clause.mention_at(j)) is not None and m.entity != actor
                ),
                None,
            )
            places = [ref for _, ref in clause.places("по", "в") if ref != actor]
            drafts.append(
                Draft(
                    "attack",
                    actor,
                    clause,
                    i,
                    object=target,
                    location=places[0] if places else None,
                    time=clause.time_near(i),
                    confidence=0.65,
                )
            )
    return drafts
