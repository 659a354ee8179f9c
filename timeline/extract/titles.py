"""Position titles in a clause: the gazetteer's titles, and any other noun from the title vocabulary
(`title_words`), with the adjectives before it and "заместитель"-style heads that govern another title.

The vocabulary sits apart from the gazetteer, whose titles are also entities of their own (brat
PROFESSION), while these only shape `holds_position` facts.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.domain.facts import EntityType
from timeline.extract.clause import Clause
from timeline.extract.nlp import Token
from timeline.extract.title_words import HEADS, head_word

NOT_POSITIONS = frozenset({"основатель", "сооснователь", "создатель", "владелец", "совладелец", "акционер"})

# Words before a head that belong to the title ("первый заместитель", "генеральный директор").
_MODIFIERS = frozenset(
    """
    первый генеральный исполнительный главный старший ведущий коммерческий финансовый технический
    операционный художественный административный научный верховный чрезвычайный полномочный
    постоянный специальный спецпредставитель временный действующий государственный федеральный
    региональный независимый управляющий председательствующий официальный
    """.split()
)

# Heads that name an office only together with the title they govern: "заместитель директора".
DEPUTIES = frozenset({"заместитель", "зам", "помощник", "советник", "референт"})

# Ambiguous words that are titles only beside a name: "глава" is also a chapter, "член" a limb.
_WEAK = frozenset({"глава", "член", "игрок", "представитель", "сотрудник", "работник", "лидер", "ведущий"})


@dataclass(frozen=True, slots=True)
class TitleSpan:
    first: int
    last: int  # the head's index: words after it are its complements (organisation, "по делам ...")
    name: str  # the title in the nominative ("первый заместитель председателя")


def is_title_word(token: Token) -> bool:
    return _is_head(token)


def _is_head(token: Token) -> bool:
    # Substantivised adjectives ("управляющий", "уполномоченный") are titles unless they modify a noun.
    noun = token.pos in ("NOUN", "PROPN") or (token.pos == "ADJ" and token.rel != "amod")
    return noun and head_word(token) in HEADS


def _extend_left(clause: Clause, index: int) -> int:
    first = index
    while first > 0:
        before = clause.tokens[first - 1]
        if before.pos != "ADJ" or before.lemma.replace("ё", "е") not in _MODIFIERS:
            break
        first -= 1
    return first


def _deputy_chain(clause: Clause, index: int) -> int:
    """ "заместитель генерального директора": the last head of a chain of titles in the genitive."""
    last = index
    while clause.tokens[last].lemma in DEPUTIES and last + 1 < len(clause.tokens):
        j = last + 1
        while j < len(clause.tokens) and clause.tokens[j].lemma.replace("ё", "е") in _MODIFIERS:
            j += 1
        governed = j < len(clause.tokens) and clause.tokens[j].feats.get("Case") == "Gen"
        if governed and _is_head(clause.tokens[j]):
            last = j
        else:
            break
    return last


def _name(clause: Clause, first: int, head: int, last: int) -> str:
    words = [t.lemma.removeprefix("экс-") for t in clause.tokens[first : head + 1]]
    words += [t.text for t in clause.tokens[head + 1 : last + 1]]
    return " ".join(words)


def vocabulary_titles(clause: Clause, taken: set[int]) -> list[TitleSpan]:
    """Titles from the vocabulary at tokens no gazetteer title covers."""
    found = []
    i = 0
    tokens = clause.tokens
    while i < len(tokens):
        token = tokens[i]
        mention = clause.mention_at(i)
        named = mention is not None and mention.entity.type is not EntityType.PROFESSION
        if i in taken or named or not _is_head(token):
            i += 1
            continue
        first = _extend_left(clause, i)
        last = _deputy_chain(clause, i)
        if token.lemma in _WEAK and not _beside_person(clause, first, last):
            i = last + 1
            continue
        found.append(TitleSpan(first, last, _name(clause, first, i, last)))
        i = last + 1
    return found


def _beside_person(clause: Clause, first: int, last: int) -> bool:
    """A person within a few words either side of the title."""
    window = range(max(0, first - 3), min(len(clause.tokens), last + 8))
    return any((m := clause.mention_at(j)) is not None and m.entity.type is EntityType.PERSON for j in window)
