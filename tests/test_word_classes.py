"""Classes of meaning from navec's vectors: the span classifier's way to an unseen word."""

from __future__ import annotations

from timeline.extract.word_classes import classes_of, vector


def test_words_of_one_meaning_share_a_class_and_others_do_not() -> None:
    crimes = {classes_of(w) for w in ("убийство", "покушение", "нападение")}
    votes = {classes_of(w)[1] for w in ("выборы", "голосование", "референдум")}
    assert len(crimes) == 1 and len(votes) == 1
    assert classes_of("убийство")[1] not in votes
    assert classes_of("президент")[0] == classes_of("министр")[0] != classes_of("выборы")[0]


def test_an_unknown_word_has_no_vector_and_says_so() -> None:
    assert vector("кцукщшзх") is None
    assert classes_of("кцукщшзх") == ("?", "?")
