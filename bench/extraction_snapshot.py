"""The extractor's whole output on NEREL dev and the FactRuEval devset, as one JSON line per document.

A speed change must not change what is extracted: dump a snapshot before it, dump one after, and compare.

Usage: python -m bench.extraction_snapshot OUT.jsonl        (write a snapshot)
       python -m bench.extraction_snapshot OUT.jsonl --against BEFORE.jsonl   (write, then compare)
The dump holds every field of the `ExtractionResult` and the brat annotations the eval scores.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterator
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from eval import factrueval, nerel
from eval.paths import factrueval_dev_dir, nerel_dev_dir
from eval.predict import ANCHOR_DATE
from timeline.extract.brat import to_brat
from timeline.extract.pipeline import extract
from timeline.extract.types import Document


def corpus() -> Iterator[tuple[str, str]]:
    """(name, text) of every document `make eval` reads, in its order."""
    for brat_doc in nerel.read_split(nerel_dev_dir(), None):
        yield f"nerel/{brat_doc.name}", brat_doc.text
    for fre_doc in factrueval.read_split(factrueval_dev_dir(), None):
        yield f"factrueval/{fre_doc.name}", fre_doc.text


def plain(value: Any) -> Any:
    """A JSON-ready copy of a result: dataclasses as dicts, enums and dates as their values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    return value


def snapshot_line(name: str, text: str) -> str:
    result = extract(Document(text=text, published_at=ANCHOR_DATE, origin=name))
    record = {"name": name, "result": plain(result), "brat": to_brat(result)}
    return json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)


def compare(before: Path, after: Path) -> list[str]:
    old = before.read_text(encoding="utf-8").splitlines()
    new = after.read_text(encoding="utf-8").splitlines()
    if len(old) != len(new):
        return [f"{len(old)} documents before, {len(new)} after"]
    return [json.loads(a)["name"] for a, b in zip(old, new, strict=True) if a != b]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--against", type=Path, help="an earlier snapshot to compare with")
    args = parser.parse_args(argv)
    with args.out.open("w", encoding="utf-8") as out:
        for name, text in corpus():
            out.write(snapshot_line(name, text) + "\n")
    if args.against is None:
        return 0
    differing = compare(args.against, args.out)
    for name in differing:
        print(f"differs: {name}")
    print(f"{len(differing)} documents differ from {args.against}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
