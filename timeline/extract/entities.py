"""Named entities of a document: natasha NER typed and linked through the gazetteer, with
within-document coreference of bare surnames to the full name used elsewhere in the text."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from timeline.domain.facts import EntityRef, EntityType
from timeline.domain.ids import entity_id_for, slugify
from timeline.extract import gazetteer, world_places
from timeline.extract.nlp import Analysis, NerSpan, Sentence, Token, lemma_of
from timeline.extract.title_words import HEADS, title_head
from timeline.extract.types import EntityMention

_TRAILING_JUNK = re.compile(r"[\s\u00a0—–\-,.;:!?«»\"]+$")
_ABBREVIATION = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")
_INITIAL = re.compile(r"(?:^|[\s.])[А-ЯЁA-Z]$")
_ENDING = re.compile(r"(ой|ей|ом|ем|ым|им|ою|ая|яя|ого|его|у|ю|а|я|е|ы|и|о)$")


def country_ref(country: gazetteer.Country) -> EntityRef:
    return EntityRef(id=f"country:{country.iso}", name=country.name, type=EntityType.COUNTRY)


def city_ref(name: str) -> EntityRef:
    slug = gazetteer.city_slug(name) or slugify(name)
    return EntityRef(id=f"city:{slug}", name=name, type=EntityType.CITY)


def person_ref(name: str) -> EntityRef:
    return EntityRef(id=entity_id_for("person", name), name=name, type=EntityType.PERSON)


def profession_ref(title: str) -> EntityRef:
    return EntityRef(id=entity_id_for("profession", title), name=title, type=EntityType.PROFESSION)


def _stem(word: str) -> str:
    word = word.lower().replace("ё", "е")
    stemmed = _ENDING.sub("", word)
    return stemmed if len(stemmed) >= 2 else word


def _unbalanced(text: str) -> str:
    """ "(Иван Петров)": NER may take the closing parenthesis; "Агентство (АБВ)" keeps its own."""
    return text.rstrip(")") if text.endswith(")") and "(" not in text else text


def _clean(span: NerSpan) -> tuple[int, str, str]:
    """Span end and surface/normal form without the punctuation NER sometimes swallows; an initial keeps
    its dot ("Арсланов А.Г.")."""
    surface = _TRAILING_JUNK.sub("", _unbalanced(span.text))
    normal = _TRAILING_JUNK.sub("", _unbalanced(span.normal))
    if _INITIAL.search(surface) and span.text[len(surface) : len(surface) + 1] == ".":
        surface, normal = surface + ".", normal + "."
    return span.start + len(surface), surface, " ".join(normal.split())


def _lines(span: NerSpan) -> list[NerSpan]:
    """ "Демис Руссос\nДемис Руссос": NER may run a headline into the line below it; a mention is one line."""
    if "\n" not in span.text:
        return [span]
    pieces, at, words = [], 0, span.normal.split()
    for line in span.text.split("\n"):
        start = span.text.index(line, at) if line else at
        at = start + len(line)
        surface = line.strip()
        if surface:
            first = span.start + start + len(line) - len(line.lstrip())
            count = len(surface.split())
            pieces.append(
                replace(
                    span, start=first, end=first + len(surface), text=surface, normal=" ".join(words[:count])
                )
            )
            words = words[count:]
    return pieces


def _known_person(normal: str) -> str | None:
    """A leader's canonical name, also when NER left it inflected ("Ким Чен Ына", "Путина")."""
    words = normal.lower().split()
    for name in gazetteer.LEADERS:
        parts = name.lower().split()
        if len(parts) == len(words) and all(_stem(a) == _stem(b) for a, b in zip(parts, words, strict=True)):
            return name
    return gazetteer.leader_named(normal) or (gazetteer.leader_named(words[0]) if len(words) == 1 else None)


def _person_name(normal: str) -> str:
    return _known_person(normal) or normal


def _resolve_people(names: list[str]) -> dict[str, str]:
    """Bare surnames -> the longest full name in the document whose last word has the same stem."""
    full = [n for n in names if len(n.split()) >= 2]
    resolved: dict[str, str] = {}
    for name in names:
        if len(name.split()) != 1:
            continue
        stem = _stem(name)
        # Among equally long names the first in the text wins: a set's order would change from run to run.
        matches = sorted(
            dict.fromkeys(f for f in full if _stem(f.split()[-1]) == stem), key=len, reverse=True
        )
        if matches:
            resolved[name] = matches[0]
    return resolved


def _org_ref(name: str) -> EntityRef:
    return EntityRef(id=entity_id_for("org", name), name=name, type=EntityType.ORGANIZATION)


def _organisations(names: list[str]) -> dict[str, EntityRef]:
    """One entity per organisation; "Агентство (АБВ)" and a later bare "АБВ" are the same."""
    refs: dict[str, EntityRef] = {}
    for name in names:
        full = _ABBREVIATION.match(name)
        if full:
            refs[name] = refs[full.group(2)] = _org_ref(full.group(1))
    for name in names:
        refs.setdefault(name, _org_ref(name))
    return refs


def _place_ref(normal: str) -> EntityRef:
    country = gazetteer.country_named(normal)
    if country is not None:
        return country_ref(country)
    if gazetteer.city_slug(normal) is not None:
        return city_ref(normal)
    # The world lists come last: the gazetteer knows aliases, capitals and NEREL's own cities. NER leaves
    # some one-word names inflected ("Афинах"), so their lemma is asked too.
    for name in (normal, _city_name(lemma_of(normal))) if len(normal.split()) == 1 else (normal,):
        if (code := world_places.state_code(name)) is not None:
            return EntityRef(id=f"country:{code}", name=name, type=EntityType.COUNTRY)
        if world_places.is_town(name):
            return city_ref(name)
    return EntityRef(id=entity_id_for("place", normal), name=normal, type=EntityType.LOCATION)


def _titled_person(analysis: Analysis, span: NerSpan) -> bool:
    """ "Губернатор Полтавченко": a one-word animate "place" right after a position title is the
    title's holder (NER takes some surnames for places)."""
    for sentence in analysis.sentences:
        if not sentence.start <= span.start < sentence.end:
            continue
        at = [
            t.index
            for t in sentence.tokens
            if t.start <= span.start < t.end or span.start <= t.start < span.end
        ]
        if len(at) != 1 or at[0] == 0:
            return False
        token = sentence.tokens[at[0]]
        if token.feats.get("Animacy") != "Anim" or token.pos != "PROPN":
            return False
        if gazetteer.country_named(token.lemma) is not None:
            return False
        return any(
            (found := match_position(sentence, j)) is not None and found[1] == at[0] - 1
            for j in range(max(0, at[0] - 4), at[0])
        )
    return False


def _title_word(span: NerSpan) -> bool:
    """ "Замглавы Федеральной миграционной службы ...": NER reads a capitalised title opening a sentence
    as an organisation; a title is never one (an acronym such as "МИД" may be)."""
    words = span.text.split()
    return len(words) == 1 and not words[0].isupper() and title_head(lemma_of(words[0])) in HEADS


def _ner_mentions(analysis: Analysis) -> list[EntityMention]:
    spans = [
        replace(span, type="PER") if span.type == "LOC" and _titled_person(analysis, span) else span
        for whole in analysis.spans
        for span in _lines(whole)
        if span.type == "PER" or not _title_word(span)
    ]
    cleaned = [(span, *_clean(span)) for span in spans]
    people = [_person_name(normal) for span, _, _, normal in cleaned if span.type == "PER"]
    coreference = _resolve_people(people)
    organisations = _organisations([normal for span, _, _, normal in cleaned if span.type == "ORG"])
    mentions = []
    for span, end, surface, normal in cleaned:
        if not surface:
            continue
        if span.type == "PER":
            name = _person_name(normal)
            ref = person_ref(coreference.get(name, name))
        elif span.type == "LOC":
            ref = _place_ref(normal)
        else:
            ref = organisations[normal]
        mentions.append(EntityMention(start=span.start, end=end, text=surface, entity=ref))
    return mentions


def _city_name(lemmas: str) -> str:
    return lemmas.title().replace("-На-", "-на-").replace("-Де-", "-де-")


def _adjective_ref(lemma: str) -> EntityRef | None:
    """ "российских" -> Россия, "московского" -> Москва: NEREL marks such adjectives as the place."""
    country = gazetteer.country_of_adjective(lemma)
    if country is not None:
        return country_ref(country)
    city = gazetteer.city_of_adjective(lemma)
    return city_ref(_city_name(city)) if city is not None else None


def _place_at(tokens: tuple[Token, ...], i: int) -> tuple[EntityRef, int] | None:
    """A country or city named by the (up to three) words from token `i`, and its last token; also a
    leader NER missed (a bare "Путин" opening a sentence)."""
    if tokens[i].pos == "ADJ":
        ref = _adjective_ref(tokens[i].lemma)
        if ref is not None:
            return ref, i
    if not tokens[i].text[:1].isupper():
        return None
    leader = gazetteer.leader_named(tokens[i].lemma) if tokens[i].pos == "PROPN" else None
    if leader is not None:
        return person_ref(leader), i
    for width in (3, 2, 1):
        if i + width > len(tokens):
            continue
        words = " ".join(t.lemma for t in tokens[i : i + width])
        country = gazetteer.country_named(words)
        if country is not None:
            return country_ref(country), i + width - 1
        if gazetteer.city_slug(words) is not None:
            return city_ref(_city_name(words)), i + width - 1
    return None


def _gazetteer_mentions(sentence: Sentence, text: str) -> list[EntityMention]:
    """Countries, cities (names and adjectives) and position titles found by lemma."""
    found = []
    tokens = sentence.tokens
    i = 0
    while i < len(tokens):
        position = match_position(sentence, i)
        place = _place_at(tokens, i) if position is None else None
        ref, last = (profession_ref(position[0]), position[1]) if position else place or (None, i)
        if ref is not None:
            start, end = tokens[i].start, tokens[last].end
            found.append(EntityMention(start, end, text[start:end], ref))
        i = last + 1
    return found


@cache
def _positions_by_first_lemma() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Position titles as lemma sequences, longest first, keyed by their first lemma."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for title in gazetteer.POSITIONS:
        lemmas = tuple(lemma_of(w) for w in title.split())
        index.setdefault(lemmas[0], []).append((lemmas, title))
    return index


def match_position(sentence: Sentence, i: int) -> tuple[str, int] | None:
    """The longest position title starting at token `i`, as (nominative title, index of its last token)."""
    tokens = sentence.tokens
    for lemmas, title in _positions_by_first_lemma().get(tokens[i].lemma, ()):
        n = len(lemmas)
        if i + n <= len(tokens) and tuple(t.lemma for t in tokens[i : i + n]) == lemmas:
            return title, i + n - 1
    return None


def find_entities(analysis: Analysis) -> list[EntityMention]:
    """Every entity mention in the text, NER first; gazetteer mentions fill the gaps NER leaves."""
    mentions = _ner_mentions(analysis)
    covered = [(m.start, m.end) for m in mentions]
    for sentence in analysis.sentences:
        for mention in _gazetteer_mentions(sentence, analysis.text):
            overlaps = any(s < mention.end and mention.start < e for s, e in covered)
            if mention.entity.type is EntityType.PROFESSION or not overlaps:
                mentions.append(mention)
    return sorted(mentions, key=lambda m: (m.start, -m.end))
