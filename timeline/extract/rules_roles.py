"""Rules for who holds which position: holds_position, appointed, dismissed, member_of."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from timeline.domain.facts import EntityRef, EntityType
from timeline.extract import gazetteer
from timeline.extract.anaphora import last_person, possessed_by, referred_organisation
from timeline.extract.clause import PARTY_TYPES, Clause
from timeline.extract.entities import country_ref
from timeline.extract.facts import Draft
from timeline.extract.holders import (
    OFFICES,
    head_of,
    holder_by_syntax,
    one_of,
    person_before,
    pronoun_holder,
    starting_verb,
    subjectless_verb,
    through_office,
)
from timeline.extract.nlp import Token
from timeline.extract.org_phrases import phrase_organisation
from timeline.extract.rules_work import work_places
from timeline.extract.titles import (
    CALLINGS,
    NOT_POSITIONS,
    TitleSpan,
    head_word,
    is_title_word,
    vocabulary_titles,
)

_GAP = 10  # tokens a title may stand from its holder's name: "посол России в КНДР Александр Мацегора"
_APPOINT = ("назначить", "назначать", "назначенный", "назначен")
_DISMISS = ("уволить", "увольнять", "уволенный", "уволен", "отставка", "отстранить", "отстраненный")
_TITLE_PREPOSITIONS = frozenset({"в", "при", "по", "от", "на", "за", "против", "из"})
_WHERE_TYPES = (*PARTY_TYPES, EntityType.CITY, EntityType.LOCATION)
_QUOTES = frozenset({"«", "»", '"', "„", "“", "”"})
_LEAVE = ("подать", "подавать", "уйти", "уходить")  # leaving of one's own accord: the subject leaves
_RELEASE = ("освободить", "освобождать", "освобожденный", "освобождённый", "освобожден")


@dataclass(frozen=True, slots=True)
class Title:
    first: int
    last: int
    name: str  # nominative title from the gazetteer
    role: str  # the title as the fact's role, with "в <country>" when the text gives it
    holder: EntityRef | None
    organisation: EntityRef | None
    location: EntityRef | None


def _titles(clause: Clause) -> list[Title]:
    spans: dict[int, list[int]] = {}
    for token in clause.tokens:
        mention = clause.mention_at(token.index)
        if mention is not None and mention.entity.type is EntityType.PROFESSION:
            spans.setdefault(mention.start, []).append(token.index)
    found = [
        TitleSpan(indices[0], indices[-1], _mention_name(clause, indices[0])) for indices in spans.values()
    ]
    taken = {i for span in found for i in range(span.first, span.last + 1)}
    extra = vocabulary_titles(clause, taken)
    # "заместитель генерального директора": the gazetteer's "генеральный директор" is part of the title.
    found = [s for s in found if not any(e.first <= s.first and s.last <= e.last for e in extra)]
    titles = [_title(clause, span) for span in sorted([*found, *extra], key=lambda s: s.first)]
    return _share_holders(clause, titles)


def _share_holders(clause: Clause, titles: list[Title]) -> list[Title]:
    """Coordinated titles have one holder: "депутат Госдумы и лидер ЛДПР Владимир Жириновский",
    "Жириновский, депутат Госдумы и лидер ЛДПР"."""
    heads = {head_of(clause, t.first, t.last): t for t in titles}
    shared = []
    for title in titles:
        if title.holder is None:
            head = clause.tokens[head_of(clause, title.first, title.last)]
            partners = [
                other
                for other_head, other in heads.items()
                if other.holder is not None
                and other is not title
                and (
                    (head.rel == "conj" and head.head == other_head)
                    or (
                        clause.tokens[other_head].rel == "conj"
                        and clause.tokens[other_head].head == head.index
                    )
                )
            ]
            if partners:
                title = replace(title, holder=partners[0].holder)
        shared.append(title)
    return shared


def _mention_name(clause: Clause, first: int) -> str:
    mention = clause.mention_at(first)
    assert mention is not None
    return mention.entity.name


def _title(clause: Clause, span: TitleSpan) -> Title:
    first, last = span.first, span.last
    organisation: EntityRef | None = None
    location: EntityRef | None = None
    holder: EntityRef | None = None
    end = last
    i = last + 1
    while i < len(clause.tokens) and i <= last + _GAP:
        token = clause.tokens[i]
        inner = clause.mention_at(i)
        if inner is not None and inner.entity.type is EntityType.PERSON:
            # An apposition agrees in case: "указом президента Иванов уволен" names no president.
            name = _mention_tokens(clause, i)
            appositive = clause.tokens[name[0]].rel == "appos" and first <= clause.tokens[name[0]].head < i
            if appositive or any(_same_case(clause.tokens[first], clause.tokens[j]) for j in name):
                holder = inner.entity
            break
        # "президент российской компании" is not Russia's president; "«Левый фронт»" is still a name.
        named_place = token.pos != "ADJ" or (
            inner is not None and inner.entity.type is EntityType.ORGANIZATION
        )
        if inner is not None and inner.entity.type in _WHERE_TYPES and named_place:
            after_v = clause.tokens[i - 1].lemma == "в" or (location is not None and inner.entity == location)
            # "директор в «Газпроме»" works for Gazprom; "посол в КНДР" serves in, not for, the country.
            after_v = after_v and inner.entity.type is not EntityType.ORGANIZATION
            if after_v:
                location = inner.entity
            elif organisation is None or inner.entity == organisation:
                organisation = inner.entity
            end = i
        elif not _between(clause, i, clause.tokens[first]):
            break
        i += 1
    head = head_of(clause, first, last)
    if through_office(clause, head):
        # "сменила на посту главы ЦРУ Майка Помпео": the office's verb says who holds it, not the name after.
        holder = holder_by_syntax(clause, head) or holder
    if holder is None:
        holder = person_before(clause, first) or holder_by_syntax(clause, head)
    if organisation is None:
        organisation = _party_before(clause, first)
    if organisation is None and holder is not None:
        leader_country = gazetteer.country_of_leader(holder.name)
        organisation = country_ref(leader_country) if leader_country else None
    role = span.name
    if location is not None:
        role = role + " " + " ".join(t.text for t in clause.tokens[last + 1 : end + 1])
    return Title(first, last, span.name, role, holder, organisation, location)


def _former(clause: Clause, first: int) -> bool:
    before = clause.tokens[first - 1].lemma if first > 0 else ""
    title = clause.tokens[first].text.lower()
    return before in ("бывший", "экс", "прежний", "покойный") or title.startswith("экс-")


def _mention_tokens(clause: Clause, i: int) -> list[int]:
    """The tokens of the mention at `i`: a foreign first name may not decline ("Джона Керри")."""
    mention = clause.mention_at(i)
    return [t.index for t in clause.tokens if mention is not None and clause.mention_at(t.index) == mention]


def _same_case(a: Token, b: Token) -> bool:
    case_a, case_b = a.feats.get("Case"), b.feats.get("Case")
    return case_a is None or case_b is None or case_a == case_b


def _between(clause: Clause, i: int, title: Token) -> bool:
    """Words that may stand between a title and its holder's name: the title's complements
    ("постпред России при ООН", "уполномоченный по правам человека", "министр финансов и экономики")
    and words agreeing with the name ("министр иностранных дел 75-летний Карел Шварценберг")."""
    token = clause.tokens[i]
    before = clause.tokens[i - 1]
    if token.lemma in _TITLE_PREPOSITIONS or token.pos == "PROPN" or _connects(token):
        return True
    if before.lemma in _TITLE_PREPOSITIONS and token.pos in ("NOUN", "ADJ"):
        return True  # "при ООН", "по правам", "в компании"
    if before.pos == "ADJ" and before.feats.get("Case") != "Nom" and token.pos == "NOUN":
        return before.feats.get("Case") == token.feats.get(
            "Case"
        )  # "по правам человека", "на Ближнем Востоке"
    if token.lemma == "и":
        # "министр финансов и экономики": a second genitive joined by "и" belongs to the title.
        return i + 1 < len(clause.tokens) and _connects(clause.tokens[i + 1])
    if token.text in ("—", "–"):
        return True  # "Министр финансов — Таро Асо"
    if is_title_word(token) and token.feats.get("Case") == title.feats.get("Case"):
        return True  # "эмир Катара шейх Хамад": a second title (a rank, an honorific) before the name
    agrees = token.pos == "ADJ" and title.feats.get("Case") is not None
    return agrees and token.feats.get("Case") == title.feats.get("Case")


def _connects(token: Token) -> bool:
    """Words that may stand between a title and its organisation: "директор компании «Газпром»"."""
    return token.text in _QUOTES or (token.pos in ("NOUN", "ADJ") and token.feats.get("Case") == "Gen")


def _party_before(clause: Clause, first: int) -> EntityRef | None:
    """The country an adjective before the title names ("российский министр обороны")."""
    if first >= 1:
        return clause.country_of_token(first - 1)
    return None


def holds_position(clauses: Sequence[Clause]) -> list[Draft]:
    drafts = []
    orphans: list[tuple[Clause, Title]] = []
    for at, clause in enumerate(clauses):
        for title in _titles(clause):
            if title.holder is None:
                title = _with_pronoun_holder(clauses, at, title)
            plural = clause.tokens[title.first].feats.get("Number") == "Plur" and not one_of(
                clause, title.first
            )
            if plural:
                continue
            if title.holder is None:
                if title.organisation is not None and not _former(clause, title.first):
                    orphans.append((clause, title))
                continue
            if _former(clause, title.first):
                continue  # "бывший президент": the holding ended at a time the text does not give
            organisation = (
                title.organisation
                or referred_organisation(clauses, at, title.last)
                or phrase_organisation(clause, title.last)
                or possessed_by(clauses, at, title.first)
            )
            head_token = clause.tokens[head_of(clause, title.first, title.last)]
            head = head_word(head_token)
            # A calling is an occupation when predicated ("работает врачом", "стал вратарём") or placed.
            predicated = head_token.feats.get("Case") == "Ins"
            if head in NOT_POSITIONS or (head in CALLINGS and organisation is None and not predicated):
                continue
            start = starting_verb(clause, head_of(clause, title.first, title.last))
            drafts.append(
                Draft(
                    predicate="holds_position",
                    actor=title.holder,
                    clause=clause,
                    trigger=title.first,
                    object=organisation,
                    role=title.role,
                    location=title.location,
                    time=clause.time_near(start) if start is not None else None,
                    confidence=0.85,
                )
            )
    drafts = _with_work_places(drafts, work_places(clauses))
    return _same_office_same_place(drafts + _orphans_held(orphans, drafts))


def _orphans_held(orphans: list[tuple[Clause, Title]], drafts: list[Draft]) -> list[Draft]:
    """ "Премьер Японии заявил ...": a title without a name in its sentence belongs to the one person
    the document gives that title elsewhere (with the same organisation, or none)."""
    found = []
    for clause, title in orphans:
        word = title.role.split()[0]
        holders = {
            d.actor
            for d in drafts
            if d.role and d.role.split()[0] == word and d.object in (None, title.organisation)
        }
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
            if t.clause is draft.clause and t.actor == draft.actor and t.predicate == draft.predicate
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


def _change_of_office(clause: Clause, trigger: int, predicate: str) -> Draft | None:
    every = _titles(clause)
    titles = [t for t in every if t.first > trigger] or every
    # The office one is appointed to stands in the instrumental or after "на пост": "начальником штаба
    # назначен генерал-лейтенант Третьяк" makes him chief of staff, not lieutenant general.
    offices = [t for t in every if _office_case(clause, t)]
    ranked = [t for t in offices if t.first > trigger] or offices or titles
    title = ranked[0] if ranked else None
    holders, appointers = _holders_and_appointers(clause, trigger)
    if title is not None and title.holder is not None and title.holder not in appointers:
        holders = holders or [title.holder]
    if not holders:
        return None  # "назначил его": the pronoun's person is not resolved
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


def _office_case(clause: Clause, title: Title) -> bool:
    head = head_of(clause, title.first, title.last)
    if clause.tokens[head].feats.get("Case") == "Ins":
        return True
    parent = clause.tokens[head].head
    return parent >= 0 and clause.tokens[parent].lemma in OFFICES


def appointments(clauses: Sequence[Clause]) -> list[Draft]:
    drafts = []
    for clause in clauses:
        for trigger in clause.find(*_APPOINT):
            draft = _change_of_office(clause, trigger, "appointed")
            if draft is not None:
                drafts.append(draft)
                if draft.role is not None:
                    # The appointment starts the holding; "назначен" without a title names no office.
                    drafts.append(replace(draft, predicate="holds_position", participants=(), confidence=0.7))
        released = [i for i in clause.find(*_RELEASE) if clause.first("должность", "пост") is not None]
        retired = [i for i in clause.find("отставка") if clause.tokens[i].feats.get("Case") == "Loc"]
        for trigger in [i for i in clause.find(*_DISMISS) if i not in retired] + released:
            draft = _change_of_office(clause, trigger, "dismissed")
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
