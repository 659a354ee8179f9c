"""The relation classifier: which pairs it considers, and what the trained model finds in plain sentences."""

from __future__ import annotations

from timeline.extract.nlp import analyse
from timeline.extract.relation_features import (
    CROSS_SENTENCES,
    DIMENSIONS,
    RELATION_OF,
    Mention,
    candidates,
    cross_candidates,
    features,
)
from timeline.extract.relations import relations

TEXT = "Президент США Барак Обама прилетел в Москву. Компания Газпром сообщила об этом в Лондоне."


def _mention(type_: str, surface: str) -> Mention:
    start = TEXT.index(surface)
    return Mention(type_, start, start + len(surface))


MENTIONS = [
    _mention("PROFESSION", "Президент"),
    _mention("COUNTRY", "США"),
    _mention("PERSON", "Барак Обама"),
    _mention("CITY", "Москву"),
    _mention("ORGANIZATION", "Газпром"),
    _mention("CITY", "Лондоне"),
]


def _first_sentence() -> tuple[int, int]:
    return (0, TEXT.index(".") + 1)


def test_candidates_stay_in_the_sentence_and_follow_argument_types() -> None:
    pairs = candidates(_first_sentence(), MENTIONS)
    named = {(MENTIONS[i].type, MENTIONS[j].type) for i, j, _, _ in pairs}
    assert ("PERSON", "PROFESSION") in named
    assert ("PROFESSION", "PERSON") not in named  # WORKS_AS runs person -> title only
    assert all((a, b) in RELATION_OF for a, b in named)
    assert all(max(i, j) <= 3 for i, j, _, _ in pairs)  # Газпром and Лондоне are in the next sentence
    assert all(sentence == MENTIONS[:4] for _, _, _, sentence in pairs)
    between = {(i, j): found for i, j, found, _ in pairs}
    assert between[(2, 1)] == [] and between[(0, 3)] == [MENTIONS[1], MENTIONS[2]]


def test_features_are_stable_ids_within_the_table() -> None:
    first = features(TEXT, MENTIONS[2], MENTIONS[0], [MENTIONS[1]])
    assert first == features(TEXT, MENTIONS[2], MENTIONS[0], [MENTIONS[1]])
    assert first == sorted(set(first)) and all(0 <= f < DIMENSIONS for f in first)
    assert first != features(TEXT, MENTIONS[2], MENTIONS[1], [])


def test_trained_model_relates_a_president_to_his_title_and_country() -> None:
    # As NEREL spans it (and the brat output does), the title takes its country: "Президент США".
    nerel_style = [_mention("PROFESSION", "Президент США"), *MENTIONS[1:]]
    found = {(r.type, r.arg1, r.arg2) for r in relations(TEXT, nerel_style, analyse(TEXT).sentences)}
    assert ("WORKS_AS", 2, 0) in found
    assert ("WORKPLACE", 2, 1) in found or ("WORKPLACE", 0, 1) in found
    # Обама and Газпром sit in different sentences: relations() splits sentences itself.
    assert not any(r[1] == 2 and r[2] == 4 for r in found)


def test_cross_sentence_pairs_join_the_last_person_named_before() -> None:
    text = "Умер Иван Петров. Он родился в Киеве. Артист был госпитализирован в мае. Врачи не помогли."
    spans = [("PERSON", "Иван Петров"), ("CITY", "Киеве"), ("PROFESSION", "Артист"), ("PROFESSION", "Врачи")]
    mentions = [Mention(kind, text.index(s), text.index(s) + len(s)) for kind, s in spans]
    sentences = [(0, 17), (18, 37), (38, 71), (72, len(text))]
    pairs = {(i, j): apart for i, j, apart, _ in cross_candidates(sentences, mentions)}
    # Киеве and Артист follow Иван Петров by one and two sentences; Врачи by three, still in reach.
    assert pairs == {(0, 1): 1, (0, 2): 2, (0, 3): 3}
    assert CROSS_SENTENCES == 3
    # The person's own sentence is left to the sentence-level pairs.
    assert not any(i == j for i, j in pairs)
