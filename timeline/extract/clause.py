"""One sentence with everything found in it, and the questions the fact rules ask of it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from timeline.domain.facts import EntityRef, EntityType
from timeline.domain.ids import entity_id_for
from timeline.extract import gazetteer
from timeline.extract.entities import country_ref
from timeline.extract.nlp import Sentence, Token
from timeline.extract.types import EntityMention, QuantityMention, TimeMention

PLACE_TYPES = (EntityType.COUNTRY, EntityType.CITY, EntityType.LOCATION)
PARTY_TYPES = (EntityType.COUNTRY, EntityType.ORGANIZATION)


@dataclass(frozen=True, slots=True)
class Clause:
    sentence: Sentence
    text: str  # the sentence itself
    mentions: tuple[EntityMention, ...]
    times: tuple[TimeMention, ...]
    quantities: tuple[QuantityMention, ...]
    chain: tuple[str, ...]
    _by_token: dict[int, EntityMention] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for token in self.sentence.tokens:
            for mention in self.mentions:
                if mention.start <= token.start < mention.end:
                    # The innermost mention (a country inside a title) wins: mentions come sorted outer first.
                    self._by_token[token.index] = mention

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.sentence.tokens

    def mention_at(self, index: int) -> EntityMention | None:
        return self._by_token.get(index)

    def find(self, *lemmas: str) -> list[int]:
        return [t.index for t in self.tokens if t.lemma in lemmas]

    def first(self, *lemmas: str) -> int | None:
        found = self.find(*lemmas)
        return found[0] if found else None

    def subtree(self, index: int, depth: int = 4) -> list[int]:
        """`index` and its dependents down to `depth`, breadth first."""
        found, frontier = [index], [index]
        for _ in range(depth):
            frontier = [t.index for t in self.tokens if t.head in frontier and t.index not in found]
            found.extend(frontier)
        return found

    def country_of_token(self, index: int, metonymy: bool = False) -> EntityRef | None:
        """The country a token names, by mention or relational adjective ("северокорейских");
        with `metonymy`, a capital stands for its state ("Пхеньян направил")."""
        mention = self.mention_at(index)
        if mention is not None and mention.entity.type is EntityType.COUNTRY:
            return mention.entity
        if mention is not None and metonymy and mention.entity.type is EntityType.CITY:
            country = gazetteer.country_of_capital(mention.entity.name)
            return country_ref(country) if country is not None else None
        token = self.tokens[index]
        if token.pos == "ADJ":
            country = gazetteer.country_of_adjective(token.lemma)
            return country_ref(country) if country is not None else None
        return None

    def party_of(self, index: int, metonymy: bool = True) -> EntityRef | None:
        """The country or organisation a phrase speaks for ("армии КНДР", "Пхеньян", "концерн Bayer"),
        else the country of an adjective in it ("российского режима")."""
        subtree = self.subtree(index)
        for i in subtree:
            if self.tokens[i].pos == "ADJ":
                continue  # "немецкий концерн Bayer" speaks for Bayer
            country = self.country_of_token(i, metonymy=metonymy and i == index)
            if country is not None:
                return country
            mention = self.mention_at(i)
            if mention is not None and mention.entity.type is EntityType.ORGANIZATION:
                return mention.entity
        return next((c for i in subtree if (c := self.country_of_token(i)) is not None), None)

    def people_in(self, indices: list[int]) -> list[EntityRef]:
        found: list[EntityRef] = []
        for i in indices:
            mention = self.mention_at(i)
            if (
                mention is not None
                and mention.entity.type is EntityType.PERSON
                and mention.entity not in found
            ):
                found.append(mention.entity)
        return found

    def dependents(self, index: int, *rels: str) -> list[int]:
        return [t.index for t in self.tokens if t.head == index and t.rel.split(":")[0] in rels]

    def with_conjuncts(self, index: int) -> list[int]:
        return [index, *[t.index for t in self.tokens if t.head == index and t.rel == "conj"]]

    def subject(self, verb: int) -> int | None:
        """The verb's subject; for an infinitive or participle, the subject of the verb it depends on."""
        current: int | None = verb
        for _ in range(3):
            if current is None or current < 0:
                return None
            found = self.dependents(current, "nsubj")
            if found:
                return found[0]
            current = self.tokens[current].head
        return None

    def preposition(self, index: int) -> str | None:
        cases = [t.lemma for t in self.tokens if t.head == index and t.rel == "case"]
        return cases[0] if cases else None

    def places(self, *prepositions: str) -> Iterator[tuple[int, EntityRef]]:
        """Place mentions governed by one of `prepositions` ("в Пхеньяне", "в Россию")."""
        seen: set[str] = set()
        for token in self.tokens:
            mention = self.mention_at(token.index)
            if mention is None or mention.entity.type not in PLACE_TYPES or mention.entity.id in seen:
                continue
            if self.preposition(token.index) in prepositions or (
                token.index > 0 and self.tokens[token.index - 1].lemma in prepositions
            ):
                seen.add(mention.entity.id)
                yield token.index, mention.entity

    def phrase(self, index: int) -> str:
        """A noun phrase as a name: its head in dictionary form, then the words that follow it and hang
        from it (or from a later sibling, as "дронов" in "направления ... на производство ударных дронов")."""
        head = self.tokens[index]
        members = set(self.subtree(index, 6))
        for sibling in self.tokens[index + 1 :]:
            if sibling.head == head.head and sibling.rel == "nmod":
                members.update(self.subtree(sibling.index, 6))
        words = [head.lemma]
        for token in self.tokens[index + 1 :]:
            if token.text in ('"', "«", "»", "„", "“"):
                continue
            if token.index not in members or token.rel == "punct":
                break
            words.append(token.text)
        return " ".join(words)

    def place_phrase(self, index: int) -> EntityRef:
        """A place named by a common noun phrase ("на границе России с Украиной")."""
        name = self.phrase(index)
        return EntityRef(id=entity_id_for("place", name), name=name, type=EntityType.LOCATION)

    def time_near(self, index: int) -> TimeMention | None:
        """The dated time expression closest to a token, if the sentence has one."""
        if not self.times:
            return None
        anchor = self.tokens[index].start
        dated = [t for t in self.times if t.valid.start is not None] or list(self.times)
        return min(dated, key=lambda t: min(abs(t.start - anchor), abs(t.end - anchor)))

    def is_present(self, verb: int) -> bool:
        return self.tokens[verb].feats.get("Tense") == "Pres"
