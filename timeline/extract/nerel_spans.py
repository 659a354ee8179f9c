"""NEREL's span conventions for brat output, on top of what the extractor finds.

NEREL marks lower-case organisations and professions ("полиции", "актёр") that the extractor has no
entity for, and its spans take the place or organisation that follows a title or an organisation in:
"министра обороны Израиля", "Сенате США". It marks city adjectives ("Каннского") as cities, bare years
as dates with the preposition before them ("в 1999"), "2005г" without its dot, and not "СМИ" as an
organisation. All of it is applied here, to the brat entities only; the extractor's own mentions keep
their forms (the role and its organisation are separate fact fields).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from timeline.extract.event_mentions import find_spans, lemmas_of, word_lemma
from timeline.extract.lexicon import Lemmas, counts, learnt
from timeline.extract.nerel_durations import durations
from timeline.extract.nested_places import nested_places
from timeline.extract.nlp import Sentence, Token
from timeline.extract.title_words import CALLINGS, title_head

# Shares chosen on NEREL train's held-out tenth (eval/learn_lexicon.py prints them).
# Professions come from the span classifier (`span_tagger`), which weighs the lexicon's word by its context.
# Awards ("Оскар", "народный артист России") are dated in NEREL (POINT_IN_TIME) as events are.
_LEARNT = {"ORGANIZATION": (0.5, 1), "AWARD": (0.5, 1)}
_CITY_SHARE = (0.3, 1)
_ADJECTIVE_ENDINGS = ("ский", "цкий")
# What natasha calls an organisation and NEREL train never (or hardly ever) does: each was predicted at
# least four times on train with at most one in five right.
_NOT_ORGANIZATIONS = frozenset(
    {("сми",), ("интернет",), ("сеть",), ("калибр",), ("гу",), ("мкс",), ("родина",), ("промышленность",)}
)
# Time words NEREL train hardly ever marks as dates: of the extractor's, "ранее" 0 of 49 and "сейчас" 0 of 34
# were, "в настоящее время" 3 of 12 (the extractor still resolves them; only brat output leaves them out).
_NOT_DATES = frozenset({"ранее", "сейчас", "в настоящее время"})
# "в начале 1990-х годов", "к середине октября": NEREL spans the part of the time with the date, 16 of 16
# such brat dates on train's first nine tenths.
_PART_OF_TIME = re.compile(
    r"(?<!\w)(?:[ВвКк]|[Дд]о|[Сс]) (?:середин[еуы]|конц[еуа]|начал[еуа]|половин[еуы]) $"
)
_YEAR_RANGE = re.compile(r"((?:1[89]|20)\d\d)\s*[—–-]\s*((?:1[89]|20)\d\d)")
# A bare year takes the "в" before it: NEREL train's first nine tenths mark 13 of the 38 such years with it,
# none without.
_BARE_YEAR = re.compile(r"(?:(?<!\w)[Вв] )?(?<![\w.,])(?:1[89]|20)\d\d(?![\w.,%\-]|\s*(?:год|г\.|гг))")
# A title or organisation followed by one of these, after a single space, ends after it; an organisation
# takes the one it belongs to ("Пограничной службы ФСБ", "ЦК КПСС").
_TAKES = {
    "PROFESSION": {"COUNTRY", "ORGANIZATION", "CITY", "LOCATION"},
    "ORGANIZATION": {"COUNTRY", "ORGANIZATION", "CITY", "LOCATION"},
}
# ... and a title preceded by a country's or city's adjective starts there ("Британский министр обороны").
BOTH_FORMS = {"ORGANIZATION"}
_OPENING_QUOTES = '"«“„'
_CLOSING_QUOTES = '"»”“'
# "народный артист России", "заслуженного деятеля искусств РТ": NEREL's title is the bare calling, and the
# place is the honour's, never where the title is held.
_HONORARY = re.compile(r"(?<!\w)(?i:народн|заслуженн|почётн|почетн)\w*\s+$")
_ADJECTIVE = re.compile(r"(?:ий|ый|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими)$")


@dataclass(frozen=True, slots=True)
class Span:
    id: str
    type: str
    start: int
    end: int


def _clashes(existing: Span, candidate: Span) -> bool:
    """Overlapping, unless the existing mention lies inside ("президент России" holds a country), or an
    organisation lies inside a title ("сотрудник полиции": NEREL marks both)."""
    inside = candidate.start <= existing.start and existing.end <= candidate.end
    inside = inside and (existing.start, existing.end) != (candidate.start, candidate.end)
    within = existing.start <= candidate.start and candidate.end <= existing.end
    within = within and (existing.start, existing.end) != (candidate.start, candidate.end)
    if within and existing.type == "PROFESSION" and candidate.type == "ORGANIZATION":
        return False
    overlapping = existing.start < candidate.end and candidate.start < existing.end
    return overlapping and (not inside or existing.type in ("PERSON", candidate.type))


@cache
def _city_adjectives() -> frozenset[Lemmas]:
    return frozenset(k for k in learnt("CITY", *_CITY_SHARE) if k[-1].endswith(_ADJECTIVE_ENDINGS))


def _places(spans: Iterable[Span], candidate: Span) -> bool:
    return any(
        s.type in ("CITY", "COUNTRY", "LOCATION", "STATE_OR_PROVINCE", "DISTRICT", "PERSON")
        and s.start < candidate.end
        and candidate.start < s.end
        for s in spans
    )


_TRAILING_PARENTHESIS = re.compile(r"\s*\(([^()]+)\)?\s*$")  # NER may stop before the ")"
# Names whose parenthesis is another name of the same thing ("Федеральная служба ... (ФСБ)",
# "Билал Хассеин (Bilal Hussein)"): NEREL marks the two apart, never the whole.
_NAMED_TWICE = frozenset({"PERSON", "ORGANIZATION", "COUNTRY", "CITY", "LOCATION"})


def parentheses_apart(text: str, spans: list[Span], new_id: Callable[[], str]) -> list[Span]:
    """A mention ending in a parenthesis ends before it; a name's parenthesis, when it holds a name, is
    a mention of its own. NEREL train marks 132 organisations and 179 people this way and none whole."""
    out = []
    for span in spans:
        while (
            found := _TRAILING_PARENTHESIS.search(text, span.start, span.end)
        ) and found.start() > span.start:
            inner_start, inner_end = found.span(1)
            inner = text[inner_start:inner_end]
            stripped = inner.strip()
            if span.type in _NAMED_TWICE and stripped[:1].isupper():
                first = inner_start + len(inner) - len(inner.lstrip())
                out.append(Span(new_id(), span.type, first, first + len(stripped)))
            span = replace(span, end=found.start())
        out.append(span)
    return out


_NEXT_WORD = re.compile(r"\s+([\w-]+)")


def _adjective_kind(text: str, span: Span) -> str | None:
    """What NEREL calls a country's adjective by the noun it qualifies: a language ("английским языком"), a
    nationality before a calling ("японский писатель": 33 of 51 on train's first nine tenths; an office,
    "американский сенатор", stays the country)."""
    if not text[span.start : span.start + 1].islower():
        return None
    following = _NEXT_WORD.match(text, span.end)
    if following is None:
        return None
    noun = word_lemma(following.group(1))
    if noun.startswith("язык"):
        return "LANGUAGE"
    return "NATIONALITY" if title_head(noun) in CALLINGS else None


def _product(key: Lemmas) -> bool:
    """NEREL train marked it a PRODUCT more often than an organisation ("Twitter", "YouTube")."""
    product = counts("PRODUCT").get(key, (0, 0))[0]
    return product > counts("ORGANIZATION").get(key, (0, 0))[0]


def retyped(text: str, spans: list[Span], new_id: Callable[[], str]) -> list[Span]:
    """Places the lexicon knows as cities or organisations ("Кремля"), dates without a final dot, year
    ranges ("2001—2003") as two dates, country adjectives that name a language or a nationality, and no
    "СМИ", products ("Twitter"), "ранее" or "сейчас"; a date takes the part of it before it ("в начале")."""
    out = []
    for span in spans:
        key = lemmas_of(text[span.start : span.end])
        if span.type == "ORGANIZATION" and (key in _NOT_ORGANIZATIONS or _product(key)):
            continue
        if span.type == "DATE" and " ".join(text[span.start : span.end].lower().split()) in _NOT_DATES:
            continue
        if span.type == "LOCATION" and key in learnt("CITY", *_CITY_SHARE):
            span = replace(span, type="CITY")
        elif span.type == "LOCATION" and key in learnt("ORGANIZATION", *_LEARNT["ORGANIZATION"]):
            span = replace(span, type="ORGANIZATION")
        elif span.type == "COUNTRY" and (kind := _adjective_kind(text, span)) is not None:
            span = replace(span, type=kind)
        elif span.type == "DATE" and text[span.start : span.end].endswith("г."):
            span = replace(span, end=span.end - 1)
        elif span.type == "DATE" and (years := _YEAR_RANGE.fullmatch(text, span.start, span.end)):
            out.append(replace(span, id=new_id(), start=years.start(2), end=years.end(2)))
            span = replace(span, end=years.end(1))
        if span.type == "DATE" and (part := _PART_OF_TIME.search(text, max(0, span.start - 15), span.start)):
            span = replace(span, start=part.start())
        out.append(span)
    return out


def widened(spans: list[Span], wider: Sequence[tuple[int, int]]) -> list[Span]:
    """The extractor's titles stretched over the span classifier's longer reading of them: "художественным
    руководителем", "первый вице-губернатор" are one title in NEREL."""
    out = []
    for span in spans:
        around = [w for w in wider if w[0] <= span.start and span.end <= w[1] and w != (span.start, span.end)]
        if span.type == "PROFESSION" and around:
            span = replace(span, start=min(w[0] for w in around), end=max(w[1] for w in around))
        out.append(span)
    return out


# "театре им. М. Н. Ермоловой", "больнице имени Кащенко": NEREL marks the person inside the name (49 of 55
# on train's first nine tenths), and the Nobel of "Нобелевской премии" too (42 of 47).
_HONOURED = re.compile(
    r"(?<![\w.])(?:имени|им\.)\s*(?P<name>(?:[А-ЯЁA-Z]\.\s*){0,2}[А-ЯЁA-Z][\w-]+(?:\s+[А-ЯЁ][\w-]+)?)"
    r"|(?P<nobel>Нобелевск\w+)"
)


def honoured_people(text: str) -> Iterator[tuple[int, int]]:
    for found in _HONOURED.finditer(text):
        yield found.span("name") if found.group("name") else found.span("nobel")


def learnt_mentions(
    text: str, spans: list[Span], new_id: Callable[[], str], professions: Sequence[tuple[int, int]] = ()
) -> list[Span]:
    """`professions` (the span classifier's), organisations and awards from the learnt lexicon, where
    nothing of theirs stands yet; city adjectives; bare years and durations; people names are given to;
    the places an organisation's name holds."""
    added: list[Span] = []
    for found in find_spans(text, _city_adjectives()):
        candidate = Span("", "CITY", found.start, found.end)
        if not _places((*spans, *added), candidate):
            added.append(replace(candidate, id=new_id()))
    bare_years = ((year.start(), year.end()) for year in _BARE_YEAR.finditer(text))
    for start, end in (*bare_years, *durations(text)):
        candidate = Span("", "DATE", start, end)
        if not any(s.start < candidate.end and candidate.start < s.end for s in (*spans, *added)):
            added.append(replace(candidate, id=new_id()))
    for start, end in honoured_people(text):
        if not any(s.type == "PERSON" and s.start < end and start < s.end for s in (*spans, *added)):
            added.append(Span(new_id(), "PERSON", start, end))
    typed = [("PROFESSION", start, end) for start, end in professions]
    for kind, (share, marked) in _LEARNT.items():
        typed += [(kind, m.start, m.end) for m in find_spans(text, learnt(kind, share, marked))]
    for kind, start, end in typed:
        candidate = Span("", kind, start, end)
        if not any(_clashes(s, candidate) for s in (*spans, *added)):
            added.append(replace(candidate, id=new_id()))
    organisations = [s for s in (*spans, *added) if s.type == "ORGANIZATION"]
    for organisation in organisations:
        for kind, start, end in nested_places(text, organisation.start, organisation.end):
            candidate = Span("", kind, start, end)
            if not _places((*spans, *added), candidate):
                added.append(replace(candidate, id=new_id()))
    return added


def _extended(text: str, span: Span, spans: Iterable[Span]) -> Span:
    takes = _TAKES.get(span.type)
    if takes is None:
        return span
    if span.type == "PROFESSION" and _HONORARY.search(text, max(0, span.start - 40), span.start):
        # "народная артистка СССР": the country belongs to the honour, not to a post held there.
        return span
    by_start: dict[int, Span] = {}
    # Of two spans at one start the longer: "актёр Санкт-Петербургского академического театра" takes the
    # theatre, not the city adjective that opens its name.
    for s in sorted((s for s in spans if s.type in takes), key=lambda s: s.end):
        by_start[s.start] = s
    end = span.end
    # Titles chain: "заместитель министра обороны России" may take an organisation and then its country.
    # A lower-case organisation counts ("директора музея"), a lower-case place is an adjective.
    while (nxt := by_start.get(end + 1)) is not None and text[end] == " ":
        if not (text[nxt.start].isupper() or nxt.type == "ORGANIZATION"):
            break
        end = nxt.end
    start = span.start
    if span.type == "PROFESSION":
        before = [
            s
            for s in spans
            if s.type in ("COUNTRY", "CITY")
            and s.end == start - 1
            and _ADJECTIVE.search(text, s.start, s.end)
        ]
        if before and text[start - 1] == " ":
            start = before[0].start
    return replace(span, start=start, end=end)


# Lemmas of the words before an organisation that NEREL spans with it ("пресс-службы МВД Киргизии",
# "правления "Газпрома"", "совета директоров Apple"), counted on train by eval/learn_lexicon.py.
HEAD_KIND = "ORGANIZATION_HEAD"
_HEAD_WORDS = 2
_HEAD_SHARE = (0.5, 1)  # chosen on train's held-out tenth, with heads counted on the other nine
_LAST_WORD = re.compile(r"(\w+(?:-\w+)*)(\s?)$")


def heads_before(text: str, start: int) -> list[int]:
    """Where the one and the two words just before `start` begin; the organisation may open with a quote
    ("правления «Газпрома»")."""
    gap = start
    while gap > 0 and text[gap - 1] in _OPENING_QUOTES:
        gap -= 1
    if start - gap > 1 or gap == 0 or text[gap - 1] != " ":
        return []
    out = []
    end = gap - 1
    for _ in range(_HEAD_WORDS):
        word = _LAST_WORD.search(text, max(0, end - 40), end)
        if word is None or word.group(2):
            break
        out.append(word.start())
        if word.start() == 0 or text[word.start() - 1] != " ":
            break
        end = word.start() - 1
    return out


def closed(text: str, head: int, start: int, end: int) -> int:
    """The end of the headed span: a quote opened before the organisation closes after it."""
    opened = text[head:start].rstrip()[-1:] in _OPENING_QUOTES
    return end + 1 if opened and text[end : end + 1] in _CLOSING_QUOTES else end


def headed(text: str, spans: list[Span], new_id: Callable[[], str]) -> list[Span]:
    """The longest reading of each organisation also read with the head NEREL train spans it with."""
    known = learnt(HEAD_KIND, *_HEAD_SHARE)
    organisations = [s for s in spans if s.type == "ORGANIZATION"]
    out = list(spans)
    taken = {(s.start, s.end) for s in organisations}
    for span in organisations:
        if any(o.start == span.start and o.end > span.end for o in organisations):
            continue
        for head in heads_before(text, span.start)[::-1]:
            key = lemmas_of(text[head : span.start])
            where = (head, closed(text, head, span.start, span.end))
            if key in known and where not in taken:
                taken.add(where)
                out.append(Span(new_id(), "ORGANIZATION", *where))
                break
    return out


def extend(text: str, spans: list[Span], new_id: Callable[[], str]) -> list[Span]:
    """Titles replaced by their extended span; organisations keep theirs beside it, since NEREL marks
    both "Сенате" and "Сенате США" (its relations mostly hold the longer one)."""
    out = []
    for span in spans:
        longer = _extended(text, span, spans)
        if span.type in BOTH_FORMS and longer != span:
            out += [span, replace(longer, id=new_id())]
        else:
            out.append(longer)
    return out


@cache
def _openers(kind: str) -> frozenset[str]:
    """Words that open spans of `kind` NEREL marked more than once ("внеочередной" выборы,
    "художественный" руководитель): the adjectives it counts as part of them, unlike "сегодняшний"
    or "скандальный"."""
    marked: dict[str, int] = {}
    for lemmas, (times, _) in counts(kind).items():
        if len(lemmas) > 1:
            marked[lemmas[0]] = marked.get(lemmas[0], 0) + times
    return frozenset(lemma for lemma, times in marked.items() if times >= 2)


def _nationality(word: Token) -> bool:
    # "британский", "российский": NEREL marks the nationality apart from the title it qualifies.
    return (
        word.pos == "ADJ"
        and word.lemma.endswith(("ский", "цкий"))
        and word.lemma not in _openers("PROFESSION")
    )


def with_adjectives(spans: list[Span], sentences: Sequence[Sentence]) -> list[Span]:
    """An EVENT takes in the adjectives that modify it from the left ("внеочередных выборах",
    "Божественную Литургию"), as NEREL marks it; a word already inside another mention stays out.
    A title drops the nationality it opens with: "актёр", not "британский актёр"."""
    at_start = {t.start: (s, t) for s in sentences for t in s.tokens}
    openers = _openers("EVENT")
    out = []
    for span in spans:
        start = span.start
        if span.type == "PROFESSION" and start in at_start:
            sentence, token = at_start[start]
            rest = sentence.tokens[token.index + 1] if token.index + 1 < len(sentence.tokens) else None
            if _nationality(token) and rest is not None and rest.end <= span.end:
                start = rest.start
        if span.type == "EVENT" and start in at_start:
            sentence, token = at_start[start]
            inside = {t.index for t in sentence.tokens if start <= t.start and t.end <= span.end}
            for word in reversed(sentence.tokens[: token.index]):
                taken = any(o.start < start and word.start < o.end for o in spans if o is not span)
                if (
                    word.pos != "ADJ"
                    or word.rel != "amod"
                    or word.head not in inside
                    or word.lemma not in openers
                    or taken
                ):
                    break
                inside.add(word.index)
                start = word.start
        out.append(span if start == span.start else replace(span, start=start))
    return out
