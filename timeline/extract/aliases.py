"""The names a document uses for each entity, kept as aliases so that people find it by any of them."""

from __future__ import annotations

from collections import defaultdict

from timeline.domain.facts import EntityType
from timeline.extract.types import ExtractionResult


def aliases_of(result: ExtractionResult) -> dict[str, tuple[str, ...]]:
    """Entity id → the surface forms that name it (other than its canonical name), sorted.

    A person's surname is an alias too, since readers search for "Горемыкин" rather than the full name;
    when two people share a surname, a search by it finds the one with the smallest id.
    """
    found: dict[str, set[str]] = defaultdict(set)
    for mention in result.mentions:
        found[mention.entity.id].add(" ".join(mention.text.split()))
    for entity in result.entities:
        names = found[entity.id]
        if entity.type is EntityType.PERSON and len(entity.name.split()) > 1:
            names.add(entity.name.split()[-1])
        names.discard(entity.name)
    return {entity_id: tuple(sorted(n for n in names if n)) for entity_id, names in found.items()}
