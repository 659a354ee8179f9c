"""Organisations named by a common noun phrase after a title, which NER leaves unnamed:
"глава администрации президента", "председатель Следственного комитета", "депутат муниципального собрания"."""

from __future__ import annotations

from timeline.domain.facts import EntityRef, EntityType
from timeline.domain.ids import entity_id_for
from timeline.extract.clause import Clause
from timeline.extract.morph_analyzer import morph

INSTITUTIONS = frozenset(
    """
    администрация правительство комитет собрание министерство служба управление департамент совет палата
    дума суд прокуратура агентство инспекция комиссия академия университет институт театр музей
    госкорпорация корпорация концерн холдинг банк фонд партия движение союз ассоциация федерация
    """.split()
)
_MAX_WORDS = 6
_INSIDE = (EntityType.PROFESSION, EntityType.LOCATION, EntityType.CITY)


def _nominative(word: str, gender: str | None) -> str:
    """An adjective agreeing with its noun, put in the nominative ("Следственного" -> "Следственный")."""
    parse = morph().parse(word)[0]
    tags = {"nomn", "sing"} | ({gender} if gender else set())
    inflected = parse.inflect(tags) or parse.inflect({"nomn"})
    form = inflected.word if inflected is not None else word.lower()
    return form.capitalize() if word[:1].isupper() else form


def phrase_organisation(clause: Clause, last: int) -> EntityRef | None:
    """The organisation named by the genitive phrase right after a title ending at token `last`."""
    tokens = clause.tokens
    start = last + 1
    head: int | None = None
    end = start
    while end < len(tokens) and end - start < _MAX_WORDS:
        token = tokens[end]
        mention = clause.mention_at(end)
        # Titles and places may be part of the name ("администрация президента", "собрание района Отрадное").
        named = mention is not None and mention.entity.type not in _INSIDE
        if named or token.pos not in ("ADJ", "NOUN", "PROPN"):
            break
        if token.feats.get("Case") != "Gen" and token.pos != "PROPN":
            break
        if head is None and token.pos == "NOUN":
            if token.lemma not in INSTITUTIONS:
                return None
            head = end
        end += 1
    if head is None:
        return None
    gender = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}.get(tokens[head].feats.get("Gender", ""))
    words = [_nominative(t.text, gender) for t in tokens[start:head]]
    noun = tokens[head].lemma
    words.append(noun.capitalize() if tokens[head].text[:1].isupper() else noun)
    words += [t.text for t in tokens[head + 1 : end]]
    name = " ".join(words)
    name = name[:1].upper() + name[1:]
    return EntityRef(id=entity_id_for("org", name), name=name, type=EntityType.ORGANIZATION)
