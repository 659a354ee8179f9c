"""The one pymorphy3 analyzer every rule shares: each instance loads the whole dictionary (a quarter of a
CPU second and tens of megabytes), and a parse does not depend on which instance made it."""

from __future__ import annotations

from functools import cache

import pymorphy3


@cache
def morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()
