"""NEREL brat annotations: entities (T, possibly split spans) and relations (R); A, N, # lines skipped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline.domain.ids import normalize_text

# The product's brat types; gold parsing here stays lenient (it skips a line the product would reject),
# since NEREL train has a stray text fragment among its brat lines.
from timeline.extract.brat import BratEntity, BratRelation

_FRAGMENT = re.compile(r"^(\d+) (\d+)$")


@dataclass(frozen=True, slots=True)
class BratAnnotations:
    entities: tuple[BratEntity, ...]
    relations: tuple[BratRelation, ...]

    def by_id(self) -> dict[str, BratEntity]:
        return {entity.id: entity for entity in self.entities}


@dataclass(frozen=True, slots=True)
class BratDocument:
    name: str
    path: Path
    text: str
    gold: BratAnnotations


def _entity(fields: list[str]) -> BratEntity | None:
    if len(fields) < 2:
        return None
    type_, _, locations = fields[1].partition(" ")
    spans: list[tuple[int, int]] = []
    for fragment in locations.split(";"):
        found = _FRAGMENT.match(fragment.strip())
        if found is None:
            return None
        start, end = int(found.group(1)), int(found.group(2))
        if end < start:
            return None
        spans.append((start, end))
    return BratEntity(fields[0], type_, tuple(spans), fields[2] if len(fields) > 2 else "")


def _relation(fields: list[str]) -> BratRelation | None:
    parts = fields[1].split() if len(fields) > 1 else []
    if len(parts) != 3 or not parts[1].startswith("Arg1:") or not parts[2].startswith("Arg2:"):
        return None
    return BratRelation(fields[0], parts[0], parts[1][5:], parts[2][5:])


def parse_ann(ann: str) -> BratAnnotations:
    """Lines that do not parse are skipped: NEREL train has a stray text fragment among its brat lines."""
    entities: list[BratEntity] = []
    relations: list[BratRelation] = []
    for line in ann.splitlines():
        fields = line.rstrip("\r").split("\t")
        if line.startswith("T"):
            entity = _entity(fields)
            if entity is not None:
                entities.append(entity)
        elif line.startswith("R"):
            relation = _relation(fields)
            if relation is not None:
                relations.append(relation)
    known = {entity.id for entity in entities}
    kept = tuple(r for r in relations if r.arg1 in known and r.arg2 in known)
    return BratAnnotations(tuple(entities), kept)


def read_document(txt_path: Path) -> BratDocument:
    # The same normalisation the project's readers apply; NEREL text is NFC with Unix newlines, so
    # offsets survive it unchanged.
    text = normalize_text(txt_path.read_text(encoding="utf-8"))
    ann = txt_path.with_suffix(".ann").read_text(encoding="utf-8")
    return BratDocument(txt_path.stem, txt_path, text, parse_ann(ann))


def read_split(folder: Path, limit: int | None = None) -> Iterator[BratDocument]:
    paths = sorted(folder.glob("*.txt"))
    for path in paths if limit is None else paths[:limit]:
        yield read_document(path)
