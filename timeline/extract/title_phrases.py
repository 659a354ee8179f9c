"""Position titles of a sentence with what surrounds them: the holder named beside or through syntax,
the organisation or country after it ("министр обороны России", "глава «Газпрома»"), the place after "в"."""

from __future__ import annotations

from dataclasses import dataclass, replace

from timeline.domain.facts import EntityRef, EntityType
from timeline.extract import gazetteer
from timeline.extract.clause import PARTY_TYPES, Clause
from timeline.extract.entities import country_ref
from timeline.extract.holders import head_of, holder_by_syntax, one_of, person_before, through_office
from timeline.extract.nlp import Token
from timeline.extract.titles import DEPUTIES, TitleSpan, is_title_word, vocabulary_titles

_GAP = 10  # tokens a title may stand from its holder's name: "посол России в КНДР Александр Мацегора"
_TITLE_PREPOSITIONS = frozenset({"в", "при", "по", "от", "на", "за", "против", "из"})
_WHERE_TYPES = (*PARTY_TYPES, EntityType.CITY, EntityType.LOCATION)
_QUOTES = frozenset({"«", "»", '"', "„", "“", "”"})
# Titles whose complement is instrumental: "командующий войсками округа", "управляющий компанией FaceCash",
# "заведующий кафедрой" (the parser may give the participle's verb as the lemma).
_GOVERN_INSTRUMENTAL = frozenset(
    "командующий главнокомандующий управляющий заведующий зав управлять заведовать командовать".split()
)
_ABBREVIATED = frozenset({"зав"})  # titles written with a dot: "зав. кафедрой"
_HONORIFICS = frozenset({"господин", "госпожа", "г-н", "г-жа", "мистер", "миссис", "сэр"})


@dataclass(frozen=True, slots=True)
class Title:
    first: int
    last: int
    name: str  # nominative title from the gazetteer
    role: str  # the title as the fact's role, with "в <country>" when the text gives it
    holder: EntityRef | None
    organisation: EntityRef | None
    location: EntityRef | None


def titles_in(clause: Clause) -> list[Title]:
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


def _acting(clause: Clause, first: int) -> tuple[int, str] | None:
    """ "И.о. губернатора", "врио губернатора", "исполняющий обязанности губернатора": where the prefix of
    an acting holder's title starts, and the prefix as the role writes it."""
    words = [t.text.lower() for t in clause.tokens[max(0, first - 4) : first]]
    if words[-4:] == ["и", ".", "о", "."]:
        return first - 4, "и.о."
    if words[-1:] in (["и.о."], ["врио"]):
        return first - 1, words[-1]
    if len(words) >= 2 and clause.tokens[first - 2].lemma == "исполнять" and words[-1] == "обязанности":
        return first - 2, "исполняющий обязанности"
    return None


def _title(clause: Clause, span: TitleSpan) -> Title:
    acting = _acting(clause, span.first)
    if acting is not None:
        # The governed title stands in the genitive; the prefix agrees with the holder's name.
        title = _title(clause, TitleSpan(acting[0], span.last, span.name))
        words = " ".join(t.text.lower() for t in clause.tokens[span.first : span.last + 1])
        name = f"{acting[1]} {words}"
        return replace(title, name=name, role=name + title.role[len(span.name) :])
    first, last = span.first, span.last
    organisation: EntityRef | None = None
    location: EntityRef | None = None
    holder: EntityRef | None = None
    end = last
    i = last + 1
    governed: int | None = None  # a title in the genitive after this one: "пресс-секретарь президента"
    limit = last + _GAP
    while i < len(clause.tokens) and i <= limit:
        token = clause.tokens[i]
        inner = clause.mention_at(i)
        if inner is not None and inner.entity.type is EntityType.PERSON:
            # An apposition agrees in case: "указом президента Иванов уволен" names no president.
            named = _mention_tokens(clause, i)
            attached = clause.tokens[named[0]].head if clause.tokens[named[0]].rel == "appos" else -1
            # "один из руководителей компании Иван Петров": the name agrees with "один", not the title.
            anchor = first - 2 if one_of(clause, first) else first
            agrees = any(_same_case(clause.tokens[anchor], clause.tokens[j]) for j in named)
            # "пресс-секретарю экс-президента Билла Клинтона": a name in the case of the governed title,
            # not of this one, is the governed title's holder.
            theirs = (
                governed is not None and not agrees and _same_case(clause.tokens[governed], clause.tokens[i])
            )
            appositive = anchor <= attached < i and not theirs
            following = _holder_after_governed(clause, anchor, named) if not agrees else None
            if following is not None:
                holder = following
            elif (appositive or agrees) and not _named_by_another(clause, (first, last), named[0], attached):
                holder = inner.entity
            break
        complement = token.rel.startswith("nmod") and not _same_case(token, clause.tokens[first])
        if governed is None and inner is None and is_title_word(token) and complement:
            governed = i
        # "президент российской компании" is not Russia's president; "«Левый фронт»" is still a name.
        named_place = token.pos != "ADJ" or (
            inner is not None and inner.entity.type is EntityType.ORGANIZATION
        )
        if inner is not None and inner.entity.type in _WHERE_TYPES and named_place:
            after_v = clause.tokens[i - 1].lemma == "в" or (location is not None and inner.entity == location)
            # "директор в «Газпроме»" works for Gazprom; "посол в КНДР" serves in, not for, the country.
            after_v = after_v and inner.entity.type is not EntityType.ORGANIZATION
            # "постпред России при ООН", "представитель Тегерана в ОПЕК": the country sends, the
            # organisation after the preposition is where the office is held.
            seconded = (
                inner.entity.type is EntityType.ORGANIZATION
                and clause.tokens[i - 1].lemma in ("при", "в")
                and organisation is not None
                and organisation.type is not EntityType.ORGANIZATION
            )
            if after_v:
                location = inner.entity
            elif organisation is None or inner.entity == organisation or seconded:
                organisation = inner.entity
            if inner.start < token.start:
                limit += 1  # a long name ("«Лаборатории Касперского» (ЛК)") is one step, whatever its length
            end = i
        elif (skip := _aside(clause, first, i)) is not None:
            limit += skip - i  # an aside does not count towards the distance
            i = skip
            continue
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


_FORMER = frozenset({"бывший", "экс", "прежний", "покойный"})


def former_word(clause: Clause, first: int) -> str | None:
    """The word that says a title is no longer held ("бывший российский министр", "экс-глава"), if any."""
    title = clause.tokens[first]
    if title.text.lower().startswith("экс-"):
        return title.text[:4]
    i = first - 1
    # "бывший российский министр": adjectives may stand between "бывший" and the title.
    while i >= 0 and first - i <= 3:
        token = clause.tokens[i]
        if token.lemma.replace("ё", "е") in _FORMER:
            return token.text
        if token.pos != "ADJ":
            break
        i -= 1
    return None


def is_former(clause: Clause, first: int) -> bool:
    return former_word(clause, first) is not None


def _holder_after_governed(clause: Clause, anchor: int, named: list[int]) -> EntityRef | None:
    """ "пресс-секретарь Путина Дмитрий Песков", "помощник президента Владимира Путина Юрий Ушаков": a
    name in the genitive belongs to the title's complement; the name right after it, in the title's
    case, holds the title."""
    title = clause.tokens[anchor]
    if title.feats.get("Case") in (None, "Gen") or clause.tokens[named[0]].feats.get("Case") != "Gen":
        return None
    after = named[-1] + 1
    mention = clause.mention_at(after) if after < len(clause.tokens) else None
    if mention is None or mention.entity.type is not EntityType.PERSON:
        return None
    tokens = _mention_tokens(clause, after)
    if mention == clause.mention_at(named[0]) or not all(_same_case(title, clause.tokens[j]) for j in tokens):
        return None
    return mention.entity


_KIN = frozenset(
    """
    супруга супруг жена муж вдова вдовец сын дочь брат сестра мать отец внук внучка племянник племянница
    """.split()
)


def _named_by_another(clause: Clause, title: tuple[int, int], name: int, attached: int) -> bool:
    """Names after a title that are not its holder's: a relative's, when the title is the relative's
    complement ("супруге первого президента — Наине Иосифовне", "супруга экс-президента Чехии Ливия
    Клаусова"), and the principal a deputy's title governs ("Помощник Хиллари Клинтон по европейским
    делам", where an indeclinable name hides its case)."""
    head = clause.tokens[head_of(clause, *title)]
    token = clause.tokens[name]
    if 0 <= attached < title[0] and head.head == attached and clause.tokens[attached].lemma in _KIN:
        set_apart = clause.tokens[name - 1].text in (",", "—", "–")
        case = token.feats.get("Case")
        return set_apart or (case is not None and case != head.feats.get("Case"))
    return token.rel == "nmod" and token.head == head.index and head.lemma in DEPUTIES


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
        # "министр финансов и экономики", "председатель Госсовета и Совета министров": a second genitive
        # joined by "и" belongs to the title.
        following = clause.tokens[i + 1] if i + 1 < len(clause.tokens) else None
        return following is not None and (
            _connects(following) or (following.pos == "PROPN" and following.feats.get("Case") == "Gen")
        )
    if token.text in ("—", "–"):
        return True  # "Министр финансов — Таро Асо"
    if token.lemma in _HONORIFICS:
        return True  # "генеральный директор «Аэрофлота» господин Савельев"
    if is_title_word(token) and token.feats.get("Case") == title.feats.get("Case"):
        return True  # "эмир Катара шейх Хамад": a second title (a rank, an honorific) before the name
    if token.text == "." and before.lemma in _ABBREVIATED:
        return True  # "зав. кафедрой"
    if before.text == "." and i >= 2:
        before = clause.tokens[i - 2]
    if before.lemma in _GOVERN_INSTRUMENTAL and token.pos == "NOUN" and token.feats.get("Case") == "Ins":
        return True  # "командующий войсками округа": the commander's complement is instrumental
    if token.pos == "NOUN" and token.rel == "appos" and token.feats.get("Case") == title.feats.get("Case"):
        return True  # "председатель партии, миллиардер Бидзина Иванишвили": a calling in apposition
    agrees = token.pos == "ADJ" and title.feats.get("Case") is not None
    return agrees and token.feats.get("Case") == title.feats.get("Case")


def _aside(clause: Clause, first: int, i: int) -> int | None:
    """Where the scan for the holder's name goes on after an aside between title and name: a short
    parenthesis ("глава отдела «Лаборатории Касперского» (ЛК) Руслан Стоянов") or a comma opening an
    apposition to the title phrase ("генеральный директор «Ромашки», крупнейшего производителя молока,
    Иван Петров"; "другой пресс-секретарь, Забиулла Муджахид")."""
    token = clause.tokens[i]
    if token.text == "(":
        for j in range(i + 1, min(i + 7, len(clause.tokens))):
            if clause.tokens[j].text == ")":
                return j + 1
            mention = clause.mention_at(j)
            if mention is not None and mention.entity.type is EntityType.PERSON:
                return i + 1  # "директор «Ромашки» (Иван Петров)": the parenthesis names the holder
        return None
    if token.text != "," or i + 1 >= len(clause.tokens):
        return None
    following = clause.tokens[i + 1]
    for candidate in (following, clause.tokens[following.head] if following.head > i else None):
        if candidate is not None and candidate.rel == "appos" and first <= candidate.head < i:
            return i + 1
    return None


def _connects(token: Token) -> bool:
    """Words that may stand between a title and its organisation: "директор компании «Газпром»"."""
    # A participle is an adjective here: "министр ... окружающей среды", "вооружённых сил".
    adjectival = token.pos in ("NOUN", "ADJ") or (
        token.pos == "VERB" and token.feats.get("VerbForm") == "Part"
    )
    return token.text in _QUOTES or (adjectival and token.feats.get("Case") == "Gen")


def _party_before(clause: Clause, first: int) -> EntityRef | None:
    """The country or city an adjective before the title names ("российский министр обороны",
    "московского мэра")."""
    if first < 1:
        return None
    mention = clause.mention_at(first - 1)
    if (
        clause.tokens[first - 1].pos == "ADJ"
        and mention is not None
        and mention.entity.type is EntityType.CITY
    ):
        return mention.entity
    return clause.country_of_token(first - 1)
