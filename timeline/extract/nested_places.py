"""Places named inside an organisation's name, which NEREL marks as entities of their own and relates to it
(HEADQUARTERED_IN): "Болгарской православной церкви", "администрации Уфы", "УВД Томской области",
"New York Times".

Only capitalised words are read, and only those the gazetteer or the learnt lexicon knows as a country or a
city, or a capitalised adjective before "области", "края", "района", ... The shares quoted are over the
words of the extractor's organisations on NEREL train's first nine tenths that were no mention yet.
"""

from __future__ import annotations

from collections.abc import Iterator

from timeline.extract.event_mentions import WORD, word_lemma
from timeline.extract.gazetteer import CITIES, CITY_ADJECTIVES, country_named, country_of_adjective
from timeline.extract.lexicon import learnt
from timeline.extract.world_places import is_town, state_code

# The noun a region's adjective qualifies ("Томской области"), and what NEREL calls the two words.
_REGIONS = {
    "область": "STATE_OR_PROVINCE",
    "край": "STATE_OR_PROVINCE",
    "республика": "STATE_OR_PROVINCE",
    "район": "DISTRICT",
    "округ": "DISTRICT",
}
_ADJECTIVE_ENDINGS = ("ский", "цкий")
# "Русская православная церковь", "Русский музей": NEREL hardly ever marks the language's adjective there as a
# country (1 of 17); "Колумбийский университет" is Columbia's, not Colombia's (0 of 3).
_NOT_COUNTRIES = frozenset({"русский", "колумбийский"})
# "Единая Россия" holds its country in 12 of 26, "Эхо Москвы" its city in 0 of 3.
_NOT_PLACE_AFTER = frozenset({"единый", "эхо"})
# Words after which a town the gazetteer does not know is the organisation's ("Университета Рочестера",
# "ФК Тамбов", "Реал Мадрид"): 10 of 10 were marked, where a town elsewhere in a name mostly was none
# ("Государственный Эрмитаж", "Белый дом").
_TOWN_AFTER = frozenset({"университет", "фк", "реал"})
# "Европейского суда по правам человека", "Европейский союз": 10 of 12 marked.
_CONTINENTS = frozenset({"европейский"})
_CITY_SHARE = (0.3, 1)
_LONGEST = 3
# Places NEREL train marked inside organisations' names, by type (eval/learn_lexicon.py counts them), for
# what the gazetteer does not know: "Массачусетского", "Пенсильванский".
NESTED_KINDS = tuple(
    f"NESTED_{kind}" for kind in ("COUNTRY", "CITY", "STATE_OR_PROVINCE", "LOCATION", "DISTRICT")
)
_NESTED_SHARE = (0.5, 1)


def _word_place(lemma: str, previous: str | None) -> str | None:
    if country_of_adjective(lemma) or country_named(lemma) or state_code(lemma):
        return "COUNTRY"
    if lemma in CITIES or lemma in CITY_ADJECTIVES or (lemma,) in learnt("CITY", *_CITY_SHARE):
        return "CITY"
    if previous in _TOWN_AFTER and is_town(lemma):
        return "CITY"
    return "LOCATION" if lemma in _CONTINENTS else None


def _region(lemma: str, noun: str) -> str | None:
    """ "Томской области" is a province, "Российской Федерации" and "Кыргызской Республики" countries."""
    if not lemma.endswith(_ADJECTIVE_ENDINGS) or lemma in _NOT_COUNTRIES:
        return None
    if (lemma, noun) == ("российский", "федерация") or (noun in _REGIONS and country_of_adjective(lemma)):
        return "COUNTRY"
    return _REGIONS.get(noun)


def _place_at(words: list[tuple[int, int, str]], index: int) -> tuple[str, int] | None:
    """The place that starts at the `index`th word, and how many words it takes."""
    lemma = words[index][2]
    previous = words[index - 1][2] if index else None
    if lemma in _NOT_COUNTRIES or previous in _NOT_PLACE_AFTER:
        return None
    room = len(words) - index - (0 if index else 1)
    cities = learnt("CITY", *_CITY_SHARE)
    # The lexicon's cities may be several words: "New York Times", "Los Angeles Lakers".
    for width in range(min(_LONGEST, room), 1, -1):
        if tuple(w[2] for w in words[index : index + width]) in cities:
            return "CITY", width
    if room >= 2 and (kind := _region(lemma, words[index + 1][2])) is not None:
        return kind, 2
    kind = _word_place(lemma, previous)
    if kind is not None:
        return kind, 1
    for width in range(min(_LONGEST, room), 0, -1):
        key = tuple(w[2] for w in words[index : index + width])
        for nested in NESTED_KINDS:
            if key in learnt(nested, *_NESTED_SHARE):
                return nested.removeprefix("NESTED_"), width
    return None


def nested_places(text: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    """The places inside the organisation `text[start:end]`, as (type, start, end); never the whole."""
    words = [(m.start(), m.end(), word_lemma(m.group())) for m in WORD.finditer(text, start, end)]
    if len(words) < 2:
        return
    index = 0
    while index < len(words):
        found = _place_at(words, index) if text[words[index][0]].isupper() else None
        if found is None:
            index += 1
            continue
        kind, width = found
        yield kind, words[index][0], words[index + width - 1][1]
        index += width
