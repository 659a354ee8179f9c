"""Who a title belongs to when no name stands right beside it: found through the sentence's syntax.

"Иванов — директор завода", "Иванов является директором", "Иванов занимает пост директора",
"на посту мэра Лужков ...", "пост главного тренера занял Григорян".
"""

from __future__ import annotations

from timeline.domain.facts import EntityRef, EntityType
from timeline.extract.clause import Clause

# Verbs whose subject is what their predicate noun names: "Иванов является (стал, работает) директором".
COPULAS = frozenset(
    {"являться", "стать", "становиться", "работать", "служить", "оставаться", "быть", "остаться", "трудиться"}
)
# Nouns that hold a title as their genitive complement: "пост директора", "в должности министра".
OFFICES = frozenset({"пост", "должность", "обязанность", "кресло", "полномочие"})
# Verbs that say the subject holds (or takes up) the office their object names: "занимает пост".
HOLDING_VERBS = frozenset(
    {
        "занимать", "занять", "исполнять", "исполнить", "оставаться", "остаться", "находиться", "работать",
        "служить", "вступить", "вступать", "заступить", "сохранить", "сохранять", "совмещать", "избрать",
        "быть", "являться", "стать", "становиться", "утвердить", "переизбрать", "трудиться", "сменить",
        "заменить", "возглавлять",
    }
)  # fmt: skip


def head_of(clause: Clause, first: int, last: int) -> int:
    """The title's syntactic head: the one word of the span whose head lies outside it."""
    for i in range(first, last + 1):
        head = clause.tokens[i].head
        if head < first or head > last:
            return i
    return first


PRONOUNS = frozenset({"он", "она"})

# Leaving an office: "ушёл с поста", "покидает пост", "лишился поста" say it is no longer held.
LEAVING_VERBS = frozenset(
    {
        "уйти", "уходить", "покинуть", "покидать", "лишиться", "лишаться", "сложить", "слагать", "оставить",
        "освободить", "освобождать", "уволить", "увольнять", "снять", "снимать", "отстранить", "сместить",
        "отказаться", "претендовать", "баллотироваться", "выдвинуть", "рассматривать", "предложить",
    }
)  # fmt: skip


def _subject_pronoun(clause: Clause, verb: int) -> int | None:
    for subject in clause.dependents(verb, "nsubj"):
        if clause.tokens[subject].lemma in PRONOUNS:
            return subject
    return None


def _subject_person(clause: Clause, verb: int) -> EntityRef | None:
    for subject in clause.dependents(verb, "nsubj"):
        people = clause.people_in(clause.subtree(subject, 2))
        if people:
            return people[0]
        if clause.tokens[subject].lemma == "который":
            # "Питт, который занимал пост главы SEC": the relative clause's antecedent holds it.
            antecedent = clause.tokens[verb].head
            if antecedent >= 0 and clause.tokens[verb].rel.startswith("acl"):
                people = clause.people_in(clause.subtree(antecedent, 1))
                if people:
                    return people[0]
    return None


def holder_by_syntax(clause: Clause, head: int) -> EntityRef | None:
    """The subject of the title itself ("Иванов — директор"), of its copula, or of the verb of the office
    noun that governs it ("занимает пост директора"), climbing through at most one office noun."""
    verb = _predicate_of(clause, head)
    if verb is None:
        return None
    found = _subject_person(clause, verb)
    above = clause.tokens[verb].head
    if found is None and verb != head and clause.tokens[verb].rel == "xcomp" and above >= 0:
        found = _subject_person(clause, above)  # "Иванов согласился занять пост директора"
    participle = clause.tokens[verb].feats.get("VerbForm") == "Part" and clause.tokens[verb].rel.startswith(
        "acl"
    )
    if found is None and verb != head and participle and above >= 0:
        # "Обама, занимавший пост президента", "Назарбаева, ставшего президентом": the participle's noun.
        people = clause.people_in(clause.subtree(above, 1))
        found = people[0] if people else None
    if found is None and verb != head and not clause.dependents(verb, "nsubj"):
        found = _named_after_verb(clause, verb)
    return found


def _named_after_verb(clause: Clause, verb: int) -> EntityRef | None:
    """ "Мэром Детройта избран легендарный баскетболист Дэйв Бинг": the parser may lose the subject
    standing after a passive or starting verb; the name in the nominative right after it holds the title."""
    token = clause.tokens[verb]
    if token.feats.get("Voice") != "Pass" and token.lemma not in STARTING_VERBS:
        return None
    for i in range(verb + 1, min(verb + 5, len(clause.tokens))):
        mention = clause.mention_at(i)
        if mention is not None and mention.entity.type is EntityType.PERSON:
            return mention.entity if clause.tokens[i].feats.get("Case") == "Nom" else None
        if clause.tokens[i].pos not in ("ADJ", "NOUN"):
            return None
    return None


def pronoun_holder(clause: Clause, head: int) -> int | None:
    """The personal pronoun that is the title's subject ("Он занимает пост директора"), if any."""
    verb = _predicate_of(clause, head)
    return _subject_pronoun(clause, verb) if verb is not None else None


# Verbs that start a holding: their date is the holding's start ("в 2000 году стал директором").
STARTING_VERBS = frozenset(
    {"стать", "становиться", "избрать", "переизбрать", "занять", "вступить", "заступить", "утвердить"}
)


def starting_verb(clause: Clause, head: int) -> int | None:
    verb = _predicate_of(clause, head)
    return verb if verb is not None and clause.tokens[verb].lemma in STARTING_VERBS else None


def subjectless_verb(clause: Clause, head: int) -> bool:
    """ "В 2000 году стал директором завода": a finite verb with no subject at all, whose holder is the
    person the text is about (named in the sentence before)."""
    verb = _predicate_of(clause, head)
    if verb is None or verb == head or clause.dependents(verb, "nsubj"):
        return False
    token = clause.tokens[verb]
    return token.pos == "VERB" and token.feats.get("VerbForm") == "Fin" and token.rel == "root"


def _predicate_of(clause: Clause, head: int) -> int | None:
    """The word whose subject holds the title: the title itself, its copula, or the verb of the office
    noun that governs it."""
    if clause.dependents(head, "nsubj"):
        return head
    current = head
    for _ in range(2):
        parent = clause.tokens[current].head
        if parent < 0:
            return None
        lemma = clause.tokens[parent].lemma
        if lemma in OFFICES and current == head:
            current = parent
            continue
        if lemma in LEAVING_VERBS:
            return None
        # "на посту мэра Лужков ...": whatever he does there, he holds the office.
        in_office = current != head and clause.preposition(current) in ("на", "в")
        # "избран президентом", "утверждён министром": the instrumental names the office taken.
        instrumental = current == head and clause.tokens[head].feats.get("Case") == "Ins"
        holding = lemma in HOLDING_VERBS and (current != head or instrumental)
        if lemma in COPULAS or holding or in_office:
            return parent
        return None
    return None


def through_office(clause: Clause, head: int) -> bool:
    """Whether the title is the complement of an office noun ("на посту главы", "пост директора")."""
    parent = clause.tokens[head].head
    return parent >= 0 and clause.tokens[parent].lemma in OFFICES


def person_before(clause: Clause, first: int) -> EntityRef | None:
    """A holder named just before the title: "Сергей Шойгу, министр обороны", "Шойгу (министр ...)",
    "Иванов, известный российский журналист", "Петров, один из руководителей компании"."""
    start = first
    # "Иванов, 45-летний директор", "Иванов, ныне директор"
    while start > 0 and first - start < 3 and clause.tokens[start - 1].pos in ("ADJ", "ADV"):
        start -= 1
    if one_of(clause, start):
        start -= 2
    if start >= 2 and clause.tokens[start - 1].text in (",", "—", "–", "-", "("):
        mention = clause.mention_at(start - 2)
        if mention is not None and mention.entity.type is EntityType.PERSON:
            return mention.entity
    return None


# The tagger may leave an inflected "один" unlemmatised ("одному из президентов").
_ONE = frozenset({"один", "одна", "одного", "одной", "одному", "одним", "одну", "одною", "одном"})


def one_of(clause: Clause, first: int) -> bool:
    """ "один из руководителей": a plural title that names one person's office."""
    return (
        first >= 2
        and clause.tokens[first - 1].lemma == "из"
        and clause.tokens[first - 2].text.lower().replace("ё", "е") in _ONE
    )
