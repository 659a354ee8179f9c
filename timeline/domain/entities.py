"""Entities as the log knows them at one moment: canonical names, aliases, and merges."""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.domain.events import EntitiesMerged, EntityAliased, EntityRegistered
from timeline.domain.facts import EntityRef, EntityType

# A merge chain longer than this is a bug in the log, not a real history; stop rather than loop.
MAX_MERGE_DEPTH = 64

EntityEvent = EntityRegistered | EntityAliased | EntitiesMerged


@dataclass(slots=True)
class EntityBook:
    """Mutable while a fold replays the log in position order; read through `resolve` and `lookup`."""

    names: dict[str, tuple[str, EntityType]] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    merged_into: dict[str, str] = field(default_factory=dict)

    def root(self, entity_id: str) -> str:
        current = entity_id
        for _ in range(MAX_MERGE_DEPTH):
            nxt = self.merged_into.get(current)
            if nxt is None:
                return current
            current = nxt
        return current

    def accepts_merge(self, merged_id: str, into_id: str) -> bool:
        """A merge that would re-merge an entity or close a cycle is ignored, so merges form a forest."""
        return merged_id != into_id and merged_id not in self.merged_into and self.root(into_id) != merged_id

    def apply(self, event: EntityEvent) -> None:
        match event:
            case EntityRegistered():
                # A later registration of the same id renames it: the newest canonical form wins.
                self.names[event.entity_id] = (event.name, event.type)
                self.aliases.setdefault(event.entity_id, set()).update(event.aliases)
            case EntityAliased():
                self.aliases.setdefault(event.entity_id, set()).add(event.alias)
            case EntitiesMerged():
                if self.accepts_merge(event.merged_id, event.into_id):
                    self.merged_into[event.merged_id] = event.into_id

    def resolve(self, ref: EntityRef) -> EntityRef:
        """The surviving entity under its canonical name; the fact's own name when none is registered."""
        root = self.root(ref.id)
        known = self.names.get(root)
        if known is None:
            return ref if root == ref.id else EntityRef(id=root, name=ref.name, type=ref.type)
        return EntityRef(id=root, name=known[0], type=known[1])

    def group(self, root_id: str) -> frozenset[str]:
        """Every id that resolves to `root_id`, itself included."""
        return frozenset({root_id} | {i for i in self.merged_into if self.root(i) == root_id})

    def lookup(self, text: str) -> str | None:
        """The surviving id for an id, canonical name or alias (case-insensitive), or None."""
        wanted = text.strip().casefold()
        if not wanted:
            return None
        candidates = sorted(
            {i for i in self.names if i.casefold() == wanted}
            | {i for i in self.merged_into if i.casefold() == wanted}
            | {i for i, (name, _t) in self.names.items() if name.casefold() == wanted}
            | {i for i, names in self.aliases.items() if any(a.casefold() == wanted for a in names)}
        )
        roots = sorted({self.root(i) for i in candidates})
        return roots[0] if roots else None
