"""Names compared as FactRuEval's scorer compares them: lower case, ё as е, no quotes, single spaces."""

from __future__ import annotations

import re
from itertools import product

_QUOTES = re.compile(r"[«»\"“”„'`]")
_SPACES = re.compile(r"\s+")

# The name orders the official scorer accepts for a person: last-first-patronymic, first-last, last alone, ...
_PERSON_ORDERS = ("lfp", "fpl", "fp", "fl", "lf", "n", "f", "p", "l", "fn")
_PERSON_KEYS = {"f": "firstname", "l": "lastname", "p": "patronymic", "n": "nickname"}


def plain_name(name: str) -> str:
    cleaned = _QUOTES.sub(" ", name.lower().replace("ё", "е"))
    return _SPACES.sub(" ", cleaned).strip(" .,;:-—()")


def person_names(attributes: dict[str, list[str]]) -> set[str]:
    names: set[str] = set()
    for order in _PERSON_ORDERS:
        parts = [attributes.get(_PERSON_KEYS[key], []) for key in order]
        if all(parts):
            names.update(plain_name(" ".join(combo)) for combo in product(*parts))
    return names
