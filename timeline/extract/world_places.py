"""The world's states and towns by their Russian names (`world_places.tsv`, written by
`eval/learn_places.py` from CLDR and GeoNames), for typing what NER already calls a place: "Руанды" is a
state, "Сиэтла" a town; and for the places inside an organisation's name (`nested_places`: a state's
name, or a town after "университет"). Never used to find mentions in running text, since many towns are
named like common words.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

WORLD_PLACES_PATH = Path(__file__).with_name("world_places.tsv")


@cache
def _places() -> tuple[dict[str, str], frozenset[str]]:
    states: dict[str, str] = {}
    towns: set[str] = set()
    for line in WORLD_PLACES_PATH.read_text(encoding="utf-8").splitlines():
        kind, name, value = line.split("\t")
        if kind == "STATE":
            states[name] = value
        else:
            towns.add(name)
    return states, frozenset(towns)


def _key(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


def state_code(name: str) -> str | None:
    """The ISO 3166 code of the state a nominative name names ("Руанда" -> "rw")."""
    return _places()[0].get(_key(name))


def is_town(name: str) -> bool:
    return _key(name) in _places()[1]
