"""FactRuEval-2016 devset: spans, entity mentions, coreference entities and facts of one `book_N`.

A fact argument holds every alternative the annotators allowed (`objA name | objB name | other name`):
any of them is a correct answer, so an argument keeps the union of their names and mention spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eval.names import person_names, plain_name
from eval.prf import Spans
from timeline.domain.ids import normalize_text

ENTITY_ROLES = frozenset({"who", "where", "participant", "owner", "property", "company", "part", "whole"})
ATTRIBUTES = frozenset({"модальность", "фаза", "сложность", "type"})
_FACT_HEADER = re.compile(r"^\S+-\d+ (\w+)$")
_ALTERNATIVE = re.compile(r"^(obj|span)(\d+)\s*(.*)$")


@dataclass(frozen=True, slots=True)
class GoldEntity:
    id: str
    names: frozenset[str]
    spans: Spans


@dataclass(frozen=True, slots=True)
class GoldArg:
    role: str
    names: frozenset[str]
    spans: Spans
    text: str
    entity_ids: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class GoldFact:
    id: str
    type: str
    args: tuple[GoldArg, ...]
    attributes: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class FreDocument:
    name: str
    path: Path
    text: str
    facts: tuple[GoldFact, ...]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def read_spans(path: Path) -> dict[str, tuple[int, int]]:
    spans: dict[str, tuple[int, int]] = {}
    for line in _lines(path):
        fields = line.partition("#")[0].split()
        if len(fields) >= 4:
            start = int(fields[2])
            spans[fields[0]] = (start, start + int(fields[3]))
    return spans


def read_mentions(path: Path, spans: dict[str, tuple[int, int]]) -> dict[str, Spans]:
    """Each `.objects` mention, as the spans it is made of."""
    mentions: dict[str, Spans] = {}
    for line in _lines(path):
        fields = line.partition("#")[0].split()
        if len(fields) >= 3:
            mentions[fields[0]] = tuple(spans[s] for s in fields[2:] if s in spans)
    return mentions


def _mention_texts(text: str, parts: Spans) -> set[str]:
    if not parts:
        return set()
    cover = text[min(s for s, _ in parts) : max(e for _, e in parts)]
    joined = " ".join(text[s:e] for s, e in sorted(parts))
    return {plain_name(cover), plain_name(joined)}


def read_entities(path: Path, mentions: dict[str, Spans], text: str) -> dict[str, GoldEntity]:
    """`.coref` records: `entity mention...` then `key value` lines, separated by blank lines."""
    entities: dict[str, GoldEntity] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n") if path.exists() else []:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        head = lines[0].split()
        attributes: dict[str, list[str]] = {}
        for line in lines[1:]:
            key, _, value = line.strip().partition(" ")
            attributes.setdefault(key.rstrip("0123456789"), []).append(value.strip())
        names = {plain_name(v) for v in attributes.get("name", [])}
        names |= person_names(attributes)
        covers: list[tuple[int, int]] = []
        for mention in head[1:]:
            parts = mentions.get(mention, ())
            names |= _mention_texts(text, parts)
            if parts:
                covers.append((min(s for s, _ in parts), max(e for _, e in parts)))
        entities[head[0]] = GoldEntity(head[0], frozenset(n for n in names if n), tuple(sorted(covers)))
    return entities


def _argument(
    role: str, value: str, entities: dict[str, GoldEntity], spans: dict[str, tuple[int, int]], text: str
) -> GoldArg:
    names: set[str] = set()
    found: list[tuple[int, int]] = []
    ids: set[str] = set()
    for alternative in value.split("|"):
        match = _ALTERNATIVE.match(alternative.strip())
        label = match.group(3) if match else alternative.strip()
        if label:
            names.add(plain_name(label))
        if match is None:
            continue
        if match.group(1) == "obj" and match.group(2) in entities:
            entity = entities[match.group(2)]
            ids.add(entity.id)
            names |= entity.names
            found.extend(entity.spans)
        elif match.group(1) == "span" and match.group(2) in spans:
            start, end = spans[match.group(2)]
            found.append((start, end))
            names.add(plain_name(text[start:end]))
    return GoldArg(
        role, frozenset(n for n in names if n), tuple(sorted(set(found))), value.strip(), frozenset(ids)
    )


def read_facts(
    path: Path, entities: dict[str, GoldEntity], spans: dict[str, tuple[int, int]], text: str
) -> tuple[GoldFact, ...]:
    facts: list[GoldFact] = []
    for block in path.read_text(encoding="utf-8").split("\n\n") if path.exists() else []:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        header = _FACT_HEADER.match(lines[0]) if lines else None
        if header is None:
            continue
        args: list[GoldArg] = []
        attributes: list[tuple[str, str]] = []
        for line in lines[1:]:
            key, _, value = line.partition(" ")
            # The testset calls Position `Job`; the official scorer treats them as one.
            role = "position" if key.lower() == "job" else key.lower()
            if role in ATTRIBUTES:
                attributes.append((role, value.strip()))
            else:
                args.append(_argument(role, value, entities, spans, text))
        facts.append(GoldFact(lines[0].split()[0], header.group(1).lower(), tuple(args), tuple(attributes)))
    return tuple(_widen_with_part_of(facts))


def _widen_with_part_of(facts: list[GoldFact]) -> list[GoldFact]:
    """As the official scorer does, an Occupation's Where also accepts the names of what isPartOf links it to.

    ("администрация США" isPartOf "США": a system that answers США for Where is not wrong.)
    """
    linked: dict[str, set[str]] = {}
    for fact in facts:
        if fact.type == "ispartof":
            for arg in fact.args:
                for other in fact.args:
                    if other is not arg:
                        for entity_id in arg.entity_ids:
                            linked.setdefault(entity_id, set()).update(other.names)
    widened: list[GoldFact] = []
    for fact in facts:
        if fact.type == "occupation" and linked:
            args = tuple(
                GoldArg(a.role, a.names | _linked_names(a, linked), a.spans, a.text, a.entity_ids)
                if a.role == "where"
                else a
                for a in fact.args
            )
            fact = GoldFact(fact.id, fact.type, args, fact.attributes)
        widened.append(fact)
    return widened


def _linked_names(arg: GoldArg, linked: dict[str, set[str]]) -> frozenset[str]:
    return frozenset(name for entity_id in arg.entity_ids for name in linked.get(entity_id, ()))


def read_document(txt_path: Path) -> FreDocument:
    text = normalize_text(txt_path.read_text(encoding="utf-8"))
    spans = read_spans(txt_path.with_suffix(".spans"))
    mentions = read_mentions(txt_path.with_suffix(".objects"), spans)
    entities = read_entities(txt_path.with_suffix(".coref"), mentions, text)
    facts = read_facts(txt_path.with_suffix(".facts"), entities, spans, text)
    return FreDocument(txt_path.stem, txt_path, text, facts)


def _number(path: Path) -> tuple[int, str]:
    digits = path.stem.rpartition("_")[2]
    return (int(digits) if digits.isdigit() else 0, path.stem)


def read_split(folder: Path, limit: int | None = None) -> Iterator[FreDocument]:
    paths = sorted(folder.glob("*.txt"), key=_number)
    for path in paths if limit is None else paths[:limit]:
        yield read_document(path)
