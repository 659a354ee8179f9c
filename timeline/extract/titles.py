"""Position titles in a clause: the gazetteer's titles, and any other noun from the title vocabulary
below, with the adjectives before it and "заместитель"-style heads that govern another title.

The vocabulary is the head words NEREL train marks as PROFESSION in WORKS_AS relations, plus office
words of Russian officialdom and business; it sits apart from the gazetteer, whose titles are also
entities of their own (brat PROFESSION), while these only shape `holds_position` facts.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.domain.facts import EntityType
from timeline.extract.clause import Clause
from timeline.extract.nlp import Token

HEADS = frozenset(
    """
    гендиректор генпрокурор генсек генсекретарь зампред зампредседатель замдиректор замдиректора
    замглава замглавы замминистр замминистра замруководитель замруководителя замначальник
    замначальника замгубернатор замгубернатора заместитель зам вице-губернатор вице-спикер вице-мэр
    вице-президент вице-премьер вице-канцлер председатель сопредседатель президент премьер
    премьер-министр министр глава руководитель начальник директор управляющий заведующий
    координатор секретарь пресс-секретарь спикер представитель полпред постпред уполномоченный
    омбудсмен губернатор мэр градоначальник префект сенатор депутат член советник помощник
    консультант референт посол консул атташе дипломат канцлер король королева принц принцесса
    император монарх эмир шейх князь султан президент-элект лидер вождь диктатор главнокомандующий
    командующий командир генерал генерал-майор генерал-лейтенант генерал-полковник полковник
    подполковник майор капитан лейтенант адмирал маршал офицер прокурор судья следователь адвокат
    юрист нотариус аудитор инспектор комиссар еврокомиссар ректор проректор декан профессор
    академик преподаватель учитель главврач врач хирург сотрудник работник служащий чиновник
    специалист аналитик экономист эксперт основатель сооснователь создатель совладелец партнер
    акционер инвестор бизнесмен предприниматель банкир олигарх менеджер топ-менеджер трейдер
    казначей бухгалтер инженер конструктор архитектор программист дизайнер журналист корреспондент
    редактор главред обозреватель комментатор колумнист репортер ведущий продюсер режиссер
    кинорежиссер сценарист драматург актер актриса певец певица музыкант композитор дирижер
    художник писатель поэт публицист блогер тренер наставник спортсмен футболист хоккеист игрок
    вратарь нападающий защитник полузащитник форвард боксер теннисист баскетболист шахматист
    астронавт космонавт пилот летчик ученый исследователь физик химик биолог математик историк
    политолог социолог философ патриарх митрополит архиепископ епископ кардинал священник имам
    муфтий раввин активист правозащитник политик атаман шеф
    заместительница руководительница председательница директриса солистка уполномоченная заведующая
    фотограф оператор солист хореограф парламентарий царь настоятель хранитель завотделом
    """.split()
)

# Callings rather than offices: a writer or a pilot holds no position unless the text says where he works
# ("журналист «Коммерсанта»"); founding and owning are no position at all (owning is `owns`).
CALLINGS = frozenset(
    """
    дипломат сотрудник работник служащий чиновник специалист аналитик экономист эксперт бизнесмен
    предприниматель банкир олигарх миллиардер инвестор трейдер инженер конструктор архитектор программист
    дизайнер журналист корреспондент обозреватель комментатор колумнист репортер продюсер режиссер
    кинорежиссер сценарист драматург актер актриса певец певица музыкант композитор дирижер художник
    писатель поэт публицист блогер спортсмен футболист хоккеист игрок вратарь нападающий защитник
    полузащитник форвард боксер теннисист баскетболист шахматист астронавт космонавт пилот летчик ученый
    исследователь физик химик биолог математик историк политолог социолог философ активист правозащитник
    политик адвокат юрист нотариус врач хирург профессор академик изобретатель рэпер пианист артист
    биограф фотограф оператор солист солистка хореограф командир офицер генерал генерал-майор
    генерал-лейтенант
    генерал-полковник полковник подполковник майор капитан лейтенант адмирал маршал сержант
    """.split()
)
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
_DEPUTIES = frozenset({"заместитель", "зам", "помощник", "советник", "референт"})

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


def head_word(token: Token) -> str:
    """The title word of a compound: "фотограф-любитель" and "интернет-предприниматель" are titles."""
    lemma = token.lemma.replace("ё", "е")
    if lemma.startswith("экс-"):
        lemma = lemma[4:]  # "экс-глава" is a former "глава": the title is what follows the prefix
    if lemma in HEADS or "-" not in lemma or lemma.startswith("вице-"):
        return lemma
    parts = lemma.split("-")
    return next((p for p in parts if p in HEADS), lemma)


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
    while clause.tokens[last].lemma in _DEPUTIES and last + 1 < len(clause.tokens):
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
