"""The EVENT and PROFESSION readings beyond the lexicon and the quoted WORK_OF_ART candidates the span
classifier weighs."""

from __future__ import annotations

from timeline.extract.event_candidates import more_events
from timeline.extract.profession_candidates import more_professions
from timeline.extract.quoted_titles import quoted
from timeline.extract.span_tagger import Candidate, words


def _texts(text: str, found: list[Candidate]) -> dict[str, str]:
    return {text[c.start : c.end]: c.origin for c in found}


def test_verbs_complements_and_adjectives_become_event_candidates() -> None:
    text = "Он продлил контракт и попал в плен на думских выборах, а съезде партии 2016 года не было."
    sequence = words(text)
    lemmas = [w.lemma for w in sequence]
    known = {("выборы",): (10, 20), ("съезд",): (5, 10)}
    lexicon = [
        Candidate("EVENT", lemmas.index(k[0]), lemmas.index(k[0]), 0, 0, *row) for k, row in known.items()
    ]
    found = _texts(text, more_events(sequence, lexicon, known))
    assert found["продлил контракт"] == "object"
    assert found["попал в плен"] == "prep"
    assert found["думских выборах"] == "left1"
    assert found["съезде партии"] == "genitive"
    assert found["продлил"] == "word"
    assert "выборах" not in found  # the lexicon's own candidate is not repeated


def test_quoted_titles_keep_their_inner_quotes_and_drop_their_own() -> None:
    text = "Он снялся в сериале «Игры престолов» и в фильме «Кабачок «13 стульев»», «не закрытой"
    found = [text[c.start : c.end] for c in quoted(words(text))]
    assert found == ["Игры престолов", "Кабачок «13 стульев»"]
    assert all(c.type == "WORK_OF_ART" for c in quoted(words(text)))


def test_animate_nouns_and_wider_titles_become_title_candidates() -> None:
    text = "Работал виолончелистом, затем оперная певица и директор музея встретили артиста драмы."
    sequence = words(text)
    lemmas = [w.lemma for w in sequence]
    known = {("певица",): (30, 31), ("директор",): (60, 70), ("артист",): (50, 60)}
    lexicon = [
        Candidate("PROFESSION", lemmas.index(k[0]), lemmas.index(k[0]), 0, 0, *row)
        for k, row in known.items()
    ]
    found = _texts(text, more_professions(sequence, lexicon, known))
    assert found["виолончелистом"] == "person_noun"
    assert found["оперная певица"] == "left1"
    assert found["директор музея"] == "genitive"
    assert found["артиста драмы"] == "genitive"
    assert "певица" not in found  # the lexicon's own candidate is not repeated
    assert "Работал" not in found and "драмы" not in found  # a verb, and a thing, are no titles
