"""Rules for forces and workers abroad: military_presence, deployed, labor_supply."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.domain.facts import EntityRef, EntityType, Modality
from timeline.extract.clause import Clause
from timeline.extract.facts import Draft
from timeline.extract.types import QuantityMention

_TROOPS = (
    "наемник", "военный", "солдат", "военнослужащий", "боец", "войска", "войско", "военный", "сапер",
    "строитель", "инструктор", "специалист", "контингент", "офицер",
)  # fmt: skip
_BE_THERE = ("находиться", "дислоцироваться", "размещаться", "присутствовать", "воевать", "служить")
_SEND = ("направить", "направлять", "отправить", "отправлять", "перебросить", "перебрасывать", "ввести")
_ARRIVE = ("прибывать", "прибыть", "прибывший")
_LABOUR = ("рабочий", "работник", "сила")
_CONSIDER = ("рассматривать", "рассмотреть", "обсуждать", "изучать")


def _troops(clause: Clause, indices: list[int]) -> int | None:
    return next((i for i in indices if clause.tokens[i].lemma in _TROOPS), None)


def _quantity(clause: Clause, troops: int) -> QuantityMention | None:
    """The quantity counting the troops: the one ending nearest before (or at) their noun."""
    noun = clause.tokens[troops]
    before = [q for q in clause.quantities if q.start <= noun.start <= q.end + 40]
    return min(before, key=lambda q: noun.start - q.start) if before else None


def _forces_country(clause: Clause, troops: int, verb: int) -> EntityRef | None:
    """The troops' own country word ("северокорейских наемников"), else the sender ("Пхеньян направил").

    Only the troops' own modifiers count: "которые прибывают в Россию" says where they go, not whose."""
    for i in [troops, *clause.dependents(troops, "amod", "nmod")]:
        country = clause.country_of_token(i)
        if country is not None:
            return country
    subject = clause.subject(verb)
    if subject is not None and clause.tokens[subject].lemma != "который":
        return clause.party_of(subject)
    return None


def _place(clause: Clause, verb: int) -> EntityRef | None:
    for i in clause.dependents(verb, "obl"):
        if clause.preposition(i) not in ("в", "на"):
            continue
        mention = clause.mention_at(i)
        if mention is not None and mention.entity.type in (
            EntityType.COUNTRY,
            EntityType.CITY,
            EntityType.LOCATION,
        ):
            return mention.entity
        if clause.tokens[i].pos == "NOUN":
            return clause.place_phrase(i)
    return None


def presences(clauses: Sequence[Clause]) -> list[Draft]:
    drafts = []
    for clause in clauses:
        for verb in clause.find(*_BE_THERE):
            troops = _troops(clause, clause.subtree(clause.subject(verb) or verb, 2))
            if troops is None:
                continue
            actor = _forces_country(clause, troops, verb)
            place = _place(clause, verb)
            quantity = _quantity(clause, troops)
            if actor is None or place is None:
                continue
            drafts.append(
                Draft(
                    "military_presence",
                    actor,
                    clause,
                    verb,
                    location=place,
                    quantity=quantity.quantity if quantity else None,
                    time=clause.time_near(verb),
                    present=clause.is_present(verb),
                    confidence=0.8,
                )
            )
        drafts += _sendings(clause)
    return drafts


def _sendings(clause: Clause) -> list[Draft]:
    """Troops sent: a presence where the text says where they arrive, else a deployment event."""
    drafts = []
    for verb in clause.find(*_SEND):
        objects = clause.dependents(verb, "obj")
        # The parser sometimes loses "отправила тысячи наемников" as an object: the next words then count.
        following = list(range(verb + 1, min(verb + 4, len(clause.tokens))))
        troops = _troops(
            clause, objects + [j for o in objects for j in clause.dependents(o, "nmod")] + following
        )
        if troops is None:
            continue
        actor = _forces_country(clause, troops, verb)
        if actor is None:
            continue
        quantity = _quantity(clause, troops)
        arrival = next((i for i in clause.subtree(troops, 2) if clause.tokens[i].lemma in _ARRIVE), None)
        place = _place(clause, arrival) if arrival is not None else _place(clause, verb)
        anchor = arrival if arrival is not None else verb
        time = clause.time_near(anchor)
        predicate = "military_presence" if place is not None and arrival is not None else "deployed"
        drafts.append(
            Draft(
                predicate,
                actor,
                clause,
                anchor,
                location=place,
                quantity=quantity.quantity if quantity else None,
                time=time,
                present=predicate == "military_presence" and time is None and clause.is_present(anchor),
                confidence=0.75,
            )
        )
    return drafts


def labour(clauses: Sequence[Clause]) -> list[Draft]:
    """Workers a state sends (or considers sending, "рассматривает возможность направления рабочей силы на
    российское производство") to another; the receiving state comes from the words after "на"/"в"."""
    drafts = []
    for clause in clauses:
        sending = [
            i
            for i in clause.find("направление", "отправка", "направить", "отправить")
            if _labour_near(clause, i)
        ]
        for i in sending:
            consider = next((c for c in clause.find(*_CONSIDER) if c < i), None)
            verb = consider if consider is not None else i
            subject = clause.subject(verb)
            actor = clause.party_of(subject) if subject is not None else None
            destination = next(
                (j for j in clause.subtree(i, 2) if j > i and clause.preposition(j) in ("на", "в")), None
            )
            receiver = clause.party_of(destination, metonymy=False) if destination is not None else None
            if actor is None or receiver is None or receiver == actor:
                continue
            drafts.append(
                Draft(
                    "labor_supply",
                    actor,
                    clause,
                    verb,
                    object=receiver,
                    role=clause.phrase(destination) if destination is not None else None,
                    time=clause.time_near(verb),
                    present=True,
                    modality=Modality.CONSIDERED if consider is not None else None,
                    confidence=0.7,
                )
            )
    return drafts


def _labour_near(clause: Clause, index: int) -> bool:
    return any(clause.tokens[j].lemma in _LABOUR for j in clause.subtree(index, 2) if j != index)
