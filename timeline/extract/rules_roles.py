"""Rules for who holds which position: holds_position, appointed, dismissed, member_of."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from timeline.domain.facts import EntityRef, EntityType
from timeline.extract.anaphora import last_person, possessed_by, referred_organisation
from timeline.extract.clause import Clause
from timeline.extract.facts import Draft
from timeline.extract.holders import (
    OFFICES,
    PRONOUNS,
    head_of,
    one_of,
    person_before,
    pronoun_holder,
    starting_verb,
    subjectless_verb,
)
from timeline.extract.org_phrases import phrase_organisation
from timeline.extract.rules_work import work_places
from timeline.extract.title_phrases import Title, former_word, titles_in
from timeline.extract.title_words import CALLINGS, head_word
from timeline.extract.titles import NOT_POSITIONS

_APPOINT = ("назначить", "назначать", "назначенный", "назначен")
_DISMISS = ("уволить", "увольнять", "уволенный", "уволен", "отставка", "отстранить", "отстраненный")
_LEAVE = ("подать", "подавать", "уйти", "уходить")  # leaving of one's own accord: the subject leaves
_RELEASE = ("освободить", "освобождать", "освобожденный", "освобождённый", "освобожден")


def holds_position(clauses: Sequence[Clause]) -> list[Draft]:
    drafts: list[Draft] = []
    orphans: list[tuple[int, Title]] = []
    for at, clause in enumerate(clauses):
        for title in titles_in(clause):
            if title.holder is None:
                title = _with_pronoun_holder(clauses, at, title)
            plural = clause.tokens[title.first].feats.get("Number") == "Plur" and not one_of(
                clause, title.first
            )
            holders = [title.holder] if title.holder is not None else []
            if plural:
                # "сенаторы Джон Маккейн и Марко Рубио": each of the names joined after it holds the title.
                holders = _coordinated(clause, title)
                if len(holders) < 2:
                    continue
            former = former_word(clause, title.first)
            if not holders:
                # "назначил Керри на пост госсекретаря": the appointment rule names this title's holder.
                changing = clause.find(*_APPOINT, *_DISMISS, *_RELEASE)
                if title.organisation is not None and former is None and not changing:
                    orphans.append((at, title))
                continue
            organisation = (
                title.organisation
                or referred_organisation(clauses, at, title.last)
                or phrase_organisation(clause, title.last)
                or possessed_by(clauses, at, title.first)
            )
            head_token = clause.tokens[head_of(clause, title.first, title.last)]
            head = head_word(head_token)
            # A calling is an occupation when predicated ("работает врачом", "стал вратарём") or placed.
            # "замужем за актёром Виторганом" is no predicate: the instrumental follows a preposition.
            instrumental = head_token.feats.get("Case") == "Ins"
            predicated = instrumental and clause.preposition(head_token.index) is None
            employer = organisation is not None and organisation.type is EntityType.ORGANIZATION
            if head in NOT_POSITIONS or (head in CALLINGS and not employer and not predicated):
                continue
            start = starting_verb(clause, head_of(clause, title.first, title.last))
            drafts.extend(
                Draft(
                    predicate="holds_position",
                    actor=holder,
                    clause=clause,
                    trigger=title.first,
                    object=organisation,
                    role=title.role,
                    location=title.location,
                    # "бывший президент": a holding that ended at a time the text does not give.
                    time=clause.time_near(start) if start is not None and former is None else None,
                    confidence=0.85,
                    ended=former,
                )
                for holder in holders
            )
    drafts = _with_work_places(drafts, work_places(clauses))
    return _same_office_same_place(drafts + _orphans_held(clauses, orphans, drafts))


def _named_just_before(clauses: Sequence[Clause], at: int, title: Title) -> EntityRef | None:
    """ "Иван Петров ... . Глава компании заявил": a title standing as the subject of a sentence that names
    nobody is the one person the sentence before names."""
    clause = clauses[at]
    head = clause.tokens[head_of(clause, title.first, title.last)]
    if at == 0 or head.rel != "nsubj" or clause.people_in(list(range(len(clause.tokens)))):
        return None
    people = {m.entity for m in clauses[at - 1].mentions if m.entity.type is EntityType.PERSON}
    return next(iter(people)) if len(people) == 1 else None


def _coordinated(clause: Clause, title: Title) -> list[EntityRef]:
    """The holder named after a plural title and the people joined to that name by "и" or commas."""
    if title.holder is None:
        return []
    named = [
        i
        for i in range(title.last + 1, len(clause.tokens))
        if (m := clause.mention_at(i)) is not None and m.entity == title.holder
    ]
    if not named:
        return []  # the holder stands before the title ("Петров и Иванов, депутаты ..."): not this case
    people = [title.holder]
    for token in clause.tokens:
        mention = clause.mention_at(token.index)
        joined = token.rel == "conj" and token.head in named
        if joined and mention is not None and mention.entity.type is EntityType.PERSON:
            if mention.entity not in people:
                people.append(mention.entity)
    return people


def _orphans_held(
    clauses: Sequence[Clause], orphans: list[tuple[int, Title]], drafts: list[Draft]
) -> list[Draft]:
    """ "Премьер Японии заявил ...": a title without a name in its sentence belongs to the one person
    the document gives that title elsewhere (with the same organisation, or none), else to the one person
    the sentence before names."""
    found = []
    for at, title in orphans:
        clause = clauses[at]
        word = title.role.split()[0]
        holders = {
            d.actor
            for d in drafts
            if d.role
            and d.ended is None  # "Премьер Японии заявил" is the premier now, not a former one
            and d.role.split()[0] == word
            and d.object in (None, title.organisation)
        }
        former = {d.actor for d in drafts if d.ended is not None and d.role and d.role.split()[0] == word}
        before = None if holders else _named_just_before(clauses, at, title)
        if before is not None and before not in former:
            holders = {before}
        if len(holders) == 1:
            (holder,) = holders
            found.append(
                Draft(
                    predicate="holds_position",
                    actor=holder,
                    clause=clause,
                    trigger=title.first,
                    object=title.organisation,
                    role=title.role,
                    location=title.location,
                    confidence=0.7,
                )
            )
    return found


def _same_office_same_place(drafts: list[Draft]) -> list[Draft]:
    """ "Алексей Миллер, глава «Газпрома», ... Глава Миллер сказал": a title repeated without its
    organisation is the same office the document already placed."""
    placed: dict[tuple[str, str], EntityRef] = {}
    for draft in drafts:
        if draft.object is not None and draft.role:
            placed.setdefault((draft.actor.id, draft.role.split()[0]), draft.object)
    return [
        replace(d, object=placed.get((d.actor.id, d.role.split()[0])))
        if d.object is None and d.role and (d.actor.id, d.role.split()[0]) in placed
        else d
        for d in drafts
    ]


def _with_work_places(titled: list[Draft], verbal: list[Draft]) -> list[Draft]:
    """ "Иванов работает директором в «Газпроме»": the verb's organisation completes the title's holding
    in the same sentence; a verb alone ("работает в «Газпроме»") is a holding without a title."""
    out = list(titled)
    for draft in verbal:
        same = [
            i
            for i, t in enumerate(out)
            if t.clause is draft.clause
            and t.actor == draft.actor
            and t.predicate == draft.predicate
            and t.ended is None  # "бывший директор Иванов работает в банке": the bank is not his former post
        ]
        if not same:
            out.append(draft)
        elif out[same[0]].object is None:
            out[same[0]] = replace(out[same[0]], object=draft.object)
    return out


def _with_pronoun_holder(clauses: Sequence[Clause], at: int, title: Title) -> Title:
    """ "Он занимает пост директора": the holder is the person the pronoun stands for."""
    clause = clauses[at]
    head = head_of(clause, title.first, title.last)
    pronoun = pronoun_holder(clause, head)
    holder = last_person(clauses, at, pronoun) if pronoun is not None else None
    if holder is None and at > 0 and subjectless_verb(clause, head):
        previous = [m.entity for m in clauses[at - 1].mentions if m.entity.type is EntityType.PERSON]
        holder = previous[0] if previous else None
    return replace(title, holder=holder) if holder is not None else title


def _people_under(clause: Clause, heads: list[int]) -> list[EntityRef]:
    return clause.people_in([i for head in heads for i in clause.subtree(head, 3)])


def _holders_and_appointers(clause: Clause, trigger: int) -> tuple[list[EntityRef], list[EntityRef]]:
    """Who gets or loses the office, and who decided: "Путин назначил Белоусова" (object, subject),
    "Шойгу освобожден" (the passive subject), "принял отставку Маккаррика" (the noun's dependent),
    "подал в отставку" (the subject, who leaves of their own accord)."""
    token = clause.tokens[trigger]
    verb = trigger if token.pos in ("VERB", "ADJ") else token.head
    if verb < 0:
        return [], []
    verb_token = clause.tokens[verb]
    subjects = _people_under(clause, clause.dependents(verb, "nsubj"))
    if verb_token.feats.get("Voice") == "Pass" or verb_token.pos == "ADJ":
        return subjects, []
    objects = _people_under(clause, clause.dependents(verb, "obj"))
    if verb_token.lemma in _LEAVE:
        return subjects, []
    return [p for p in objects if p not in subjects], subjects


def _pronoun_holder(clauses: Sequence[Clause], at: int, trigger: int) -> EntityRef | None:
    """ "Он был назначен министром", "назначил его министром": the person the pronoun stands for."""
    clause = clauses[at]
    token = clause.tokens[trigger]
    verb = trigger if token.pos in ("VERB", "ADJ") else token.head
    if verb < 0:
        return None
    passive = clause.tokens[verb].feats.get("Voice") == "Pass" or clause.tokens[verb].pos == "ADJ"
    for i in clause.dependents(verb, "nsubj" if passive else "obj"):
        if clause.tokens[i].lemma in PRONOUNS:
            return last_person(clauses, at, i)
    return None


def _change_of_office(clauses: Sequence[Clause], at: int, trigger: int, predicate: str) -> Draft | None:
    clause = clauses[at]
    every = titles_in(clause)
    titles = [t for t in every if t.first > trigger] or every
    # The office one is appointed to stands in the instrumental or after "на пост": "начальником штаба
    # назначен генерал-лейтенант Третьяк" makes him chief of staff, not lieutenant general.
    offices = [t for t in every if _office_case(clause, t)]
    ranked = [t for t in offices if t.first > trigger] or offices or titles
    title = ranked[0] if ranked else None
    holders, appointers = _holders_and_appointers(clause, trigger)
    if title is not None and title.holder is not None and title.holder not in appointers:
        holders = holders or [title.holder]
    person = None if holders else _pronoun_holder(clauses, at, trigger)
    if person is not None and person not in appointers:
        holders = [person]
    if not holders and title is not None and title.first > trigger:
        named = _named_after_office(clause, trigger, title.last)
        holders = [named] if named is not None and named not in appointers else []
    if not holders:
        return None
    holder = holders[0]
    return Draft(
        predicate=predicate,
        actor=holder,
        clause=clause,
        trigger=trigger,
        object=title.organisation if title else None,
        participants=tuple(p for p in appointers if p != holder),
        role=title.role if title else None,
        location=title.location if title else None,
        time=clause.time_near(trigger),
        confidence=0.75,
    )


# Words between the office and the name: the office's complements and a rank ("вооруженных сил Украины
# генерал-лейтенанта").
_NAME_GAP = 6


def _named_after_office(clause: Clause, trigger: int, last: int) -> EntityRef | None:
    """ "назначил начальником Генштаба генерал-лейтенанта Григория Педченко": the parser often hangs the
    appointee (an animate accusative, spelt like a genitive) on the office's organisation; the person named
    right after the office, in the case the verb gives its appointee, is the one appointed."""
    verb = clause.tokens[trigger]
    if verb.pos != "VERB":
        return None
    passive = verb.feats.get("Voice") == "Pass"
    cases = ("Nom",) if passive else ("Acc", "Gen")
    for i in range(last + 1, min(last + _NAME_GAP + 2, len(clause.tokens))):
        mention = clause.mention_at(i)
        if mention is not None and mention.entity.type is EntityType.PERSON:
            return mention.entity if clause.tokens[i].feats.get("Case") in cases else None
        token = clause.tokens[i]
        finite = token.pos == "VERB" and token.feats.get("VerbForm") != "Part"
        if finite or token.pos in ("PUNCT", "ADP") or token.lemma == "и":
            return None
    return None


def _office_case(clause: Clause, title: Title) -> bool:
    head = head_of(clause, title.first, title.last)
    if clause.tokens[head].feats.get("Case") == "Ins":
        return True
    parent = clause.tokens[head].head
    return parent >= 0 and clause.tokens[parent].lemma in OFFICES


def appointments(clauses: Sequence[Clause]) -> list[Draft]:
    drafts = []
    for at, clause in enumerate(clauses):
        for trigger in clause.find(*_APPOINT):
            draft = _change_of_office(clauses, at, trigger, "appointed")
            if draft is not None:
                # No holds_position beside it: every answer derives the holding from the appointment.
                drafts.append(draft)
        released = [i for i in clause.find(*_RELEASE) if clause.first("должность", "пост") is not None]
        retired = [i for i in clause.find("отставка") if clause.tokens[i].feats.get("Case") == "Loc"]
        for trigger in [i for i in clause.find(*_DISMISS) if i not in retired] + released:
            draft = _change_of_office(clauses, at, trigger, "dismissed")
            if draft is not None:
                drafts.append(draft)
    return drafts


def memberships(clauses: Sequence[Clause]) -> list[Draft]:
    """Membership: "член <организации>" next to a person; "<страна> вступила в <организацию>"."""
    drafts = []
    for clause in clauses:
        for i in clause.find("член"):
            organisation = next(
                (
                    m.entity
                    for j in clause.subtree(i, 2)
                    if (m := clause.mention_at(j)) is not None and m.entity.type is EntityType.ORGANIZATION
                ),
                None,
            )
            person = person_before(clause, i) or next(iter(clause.people_in(clause.subtree(i, 2))), None)
            if organisation is not None and person is not None:
                drafts.append(Draft("member_of", person, clause, i, object=organisation, confidence=0.7))
        for i in clause.find("вступить", "вступать"):
            subject = clause.subject(i)
            actor = clause.party_of(subject) if subject is not None else None
            target = next((ref for j, ref in _after_v(clause, i) if j > i), None)
            if actor is not None and target is not None:
                drafts.append(
                    Draft(
                        "member_of", actor, clause, i, object=target, time=clause.time_near(i), confidence=0.7
                    )
                )
    return drafts


def _after_v(clause: Clause, verb: int) -> list[tuple[int, EntityRef]]:
    out = []
    for j in clause.subtree(verb, 2):
        mention = clause.mention_at(j)
        if (
            mention is not None
            and mention.entity.type is EntityType.ORGANIZATION
            and clause.preposition(j) == "в"
        ):
            out.append((j, mention.entity))
    return out
