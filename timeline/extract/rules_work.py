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


def _led_by_agent(clause: Clause, verb: int) -> tuple[EntityRef, EntityRef] | None:
    """ "РСП, возглавляемый Никитой Михалковым": the passive participle's noun is led by its agent."""
    token = clause.tokens[verb]
    if token.feats.get("Voice") != "Pass" or not token.rel.startswith("acl") or token.head < 0:
        return None
    organisations = [
        m.entity
        for i in clause.subtree(token.head, 1)
        if (m := clause.mention_at(i)) is not None and m.entity.type is EntityType.ORGANIZATION
    ]
    agents = [
        i for i in clause.dependents(verb, "obl", "nmod") if clause.tokens[i].feats.get("Case") == "Ins"
    ]
    people = clause.people_in([j for i in agents for j in clause.subtree(i, 1)])
    return (people[0], organisations[0]) if people and organisations else None


def _subject_organisation(clause: Clause, verb: int) -> EntityRef | None:
    """ "С 2010 года South Stream Transport возглавляет Марсель Крамер": the parser makes both names
    subjects when the organisation's name does not decline; the person is the one who leads."""
    for subject in clause.dependents(verb, "nsubj"):
        mention = clause.mention_at(subject)
        if mention is not None and mention.entity.type is EntityType.ORGANIZATION:
            return mention.entity
    return None


def _named_after_participle(clause: Clause, verb: int) -> EntityRef | None:
    """ "Возглавляющий компанию «Ромашка» Иван Петров": a participle before its noun, which the parser
    may take for the participle's object's; the first name after it, in the participle's case."""
    case = clause.tokens[verb].feats.get("Case")
    for i in range(verb + 1, min(verb + 8, len(clause.tokens))):
        mention = clause.mention_at(i)
        if mention is not None and mention.entity.type is EntityType.PERSON:
            return mention.entity if case is not None and clause.tokens[i].feats.get("Case") == case else None
        if clause.tokens[i].text == "," or clause.tokens[i].pos == "VERB":
            return None
    return None


def _person_just_before(clause: Clause, verb: int) -> EntityRef | None:
    """ "72-х летний Геннадий Зюганов бессменно руководит КПРФ": a name in the nominative right before the
    verb (adverbs between) is its subject even when the parser hung it elsewhere."""
    i = verb - 1
    while i >= 0 and clause.tokens[i].pos == "ADV":
        i -= 1
    mention = clause.mention_at(i) if i >= 0 else None
    if mention is None or mention.entity.type is not EntityType.PERSON:
        return None
    return mention.entity if clause.tokens[i].feats.get("Case") == "Nom" else None


def _worker(clauses: Sequence[Clause], at: int, verb: int) -> EntityRef | None:
    clause = clauses[at]
    token = clause.tokens[verb]
    if token.feats.get("VerbForm") == "Part" and token.rel.startswith("acl") and token.head >= 0:
        # "Петров, возглавляющий компанию": the participle's noun is the worker; of several names under
        # it ("Конкурент Марка Цукерберга, ..., Аарон Гринспен, управляющий компанией") the nearest.
        before = [i for i in clause.subtree(token.head, 1) if i < verb]
        people = clause.people_in(sorted(before, reverse=True)) or clause.people_in(
            clause.subtree(token.head, 1)
        )
        return people[0] if people else _named_after_participle(clause, verb)
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
    if not clause.dependents(verb, "nsubj") and token.lemma in _LEAD:
        return _person_just_before(clause, verb)
    return None


def _led(clause: Clause, verb: int) -> tuple[EntityRef, EntityRef] | None:
    """Who leads which organisation when the organisation is not the verb's object."""
    if clause.tokens[verb].lemma not in _LEAD:
        return None
    if (agent := _led_by_agent(clause, verb)) is not None:
        return agent
    organisation = _subject_organisation(clause, verb)
    if organisation is None:
        return None
    people = [
        p
        for subject in clause.dependents(verb, "nsubj")
        if clause.tokens[subject].feats.get("Case") == "Nom"
        for p in clause.people_in(clause.subtree(subject, 1))
    ]
    return (people[0], organisation) if people else None


def _headed(clause: Clause) -> list[tuple[int, EntityRef, EntityRef]]:
    """ "РСП во главе с Никитой Михалковым", "банк «Открытие» под руководством Михаила Задорнова": the
    organisation named just before the phrase is led by the person the phrase names."""
    found = []
    tokens = clause.tokens
    for i in range(1, len(tokens) - 2):
        words = (tokens[i - 1].lemma, tokens[i].lemma, tokens[i + 1].lemma)
        if words[:2] == ("в", "глава") and words[2] == "с":
            first, case = i - 1, "Ins"
        elif words[:2] == ("под", "руководство"):
            first, case = i - 1, "Gen"
        else:
            continue
        name = i + 2 if case == "Ins" else i + 1
        person = clause.mention_at(name)
        if person is None or person.entity.type is not EntityType.PERSON:
            continue
        if tokens[name].feats.get("Case") not in (case, None):
            continue
        j = first - 1
        while j >= 0 and tokens[j].text in ("»", '"', ")", "“"):
            j -= 1
        organisation = clause.mention_at(j) if j >= 0 else None
        if organisation is not None and organisation.entity.type is EntityType.ORGANIZATION:
            found.append((i, person.entity, organisation.entity))
    return found


# Common nouns naming the organisation between "из" and its name: "Монтойя из команды McLaren".
_TEAMS = frozenset(
    "команда клуб партия компания группа коллектив сборная ансамбль банк фонд агентство театр".split()
)


def _from_organisation(clause: Clause) -> list[tuple[int, EntityRef, EntityRef]]:
    """ "Хуан Пабло Монтойя из команды McLaren", "Иван Петров из «Газпрома»": a person named right
    before "из" and an organisation right after it (a common noun such as "команды" may stand between)."""
    found = []
    tokens = clause.tokens
    for i in range(1, len(tokens) - 1):
        if tokens[i].lemma != "из":
            continue
        person = clause.mention_at(i - 1)
        if person is None or person.entity.type is not EntityType.PERSON:
            continue
        j = i + 1
        if tokens[j].lemma in _TEAMS and j + 1 < len(tokens):
            j += 1
        if tokens[j].text in ("«", '"', "“") and j + 1 < len(tokens):
            j += 1
        organisation = clause.mention_at(j)
        if organisation is not None and organisation.entity.type is EntityType.ORGANIZATION:
            found.append((i, person.entity, organisation.entity))
    return found


def _held(
    clause: Clause,
    trigger: int,
    person: EntityRef,
    organisation: EntityRef,
    confidence: float = 0.7,
    present: bool = False,
) -> Draft:
    return Draft(
        predicate="holds_position",
        actor=person,
        clause=clause,
        trigger=trigger,
        object=organisation,
        time=clause.time_near(trigger),
        present=present,
        confidence=confidence,
    )


def work_places(clauses: Sequence[Clause]) -> list[Draft]:
    drafts: list[Draft] = []
    for at, clause in enumerate(clauses):
        # A name before "из" is a weaker sign of work than "во главе с" or "под руководством".
        drafts += [_held(clause, *found, confidence=0.6) for found in _from_organisation(clause)]
        drafts += [_held(clause, *found) for found in _headed(clause)]
        for verb in clause.find(*_WORK_IN, *_LEAD):
            if clause.tokens[verb].pos not in ("VERB", "ADJ"):
                continue
            place = _organisation(clause, verb)
            worker = _worker(clauses, at, verb) if place is not None else None
            if worker is None and (led := _led(clause, verb)) is not None:
                worker, place = led
            if worker is None or place is None:
                continue
            present = clause.is_present(verb) or clause.tokens[verb].feats.get("Tense") == "Pres"
            drafts.append(_held(clause, verb, worker, place, present=present))
    return drafts
