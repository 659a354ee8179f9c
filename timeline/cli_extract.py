"""`timeline extract FILE [--date YYYY-MM-DD] [--json] [--brat OUTDIR]`: extraction without a database."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from timeline.domain.codec import fact_to_json
from timeline.domain.ids import document_id_for
from timeline.extract.types import ExtractionResult, ReadError


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def add_extract_command(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "extract", help="extract facts from a file and print them (stores nothing)"
    )
    parser.add_argument(
        "file", metavar="FILE", help="a seed-format, plain-text, JSON Lines or brat .txt file"
    )
    parser.add_argument("--date", type=_iso_date, help="publication date for text that carries none")
    parser.add_argument("--json", action="store_true", help="print {document, facts} as JSON")
    parser.add_argument("--brat", metavar="OUTDIR", type=Path, help="also write NEREL-style .txt/.ann files")
    parser.set_defaults(handler=cmd_extract)


def _extractor() -> Callable[[Path, date | None], list[ExtractionResult]]:
    # The CLI goes through the service layer; until it re-exports the extractor, call it directly.
    from timeline import service

    found = getattr(service, "extract_file", None)
    if found is not None:
        return found  # type: ignore[no-any-return]
    from timeline.extract.api import extract_file

    return extract_file


def document_json(result: ExtractionResult) -> dict[str, Any]:
    doc = result.document
    return {
        "document_id": document_id_for(result.content_hash),
        "content_hash": result.content_hash,
        "title": doc.title,
        "publisher": doc.publisher,
        "url": doc.url,
        "published_at": doc.published_at.isoformat() if doc.published_at else None,
        "origin": doc.origin,
    }


def result_json(result: ExtractionResult) -> dict[str, Any]:
    return {"document": document_json(result), "facts": [fact_to_json(f) for f in result.facts]}


def _describe(result: ExtractionResult) -> str:
    lines = [f"{result.document.origin}: {len(result.facts)} facts"]
    for fact in result.facts:
        valid = fact.valid.start.isoformat() if fact.valid.start else f"by {fact.valid.known_by}"
        other = f" -> {fact.object.name}" if fact.object else ""
        role = f" [{fact.role}]" if fact.role else ""
        role += f" in {fact.location.name}" if fact.location else ""
        role += f" ({fact.quantity.text})" if fact.quantity else ""
        chain = " → ".join(fact.source.attribution)
        lines.append(
            f"  {fact.predicate}: {fact.actor.name}{other}{role} @ {valid} ({fact.valid.precision}),"
            f" {fact.modality}, {chain}"
        )
    return "\n".join(lines)


def _write_brat(results: list[ExtractionResult], folder: Path, stem: str) -> None:
    from timeline.extract.brat import to_brat

    folder.mkdir(parents=True, exist_ok=True)
    for n, result in enumerate(results):
        name = stem if len(results) == 1 else f"{stem}_{n + 1}"
        (folder / f"{name}.txt").write_text(result.document.text, encoding="utf-8")
        (folder / f"{name}.ann").write_text(to_brat(result), encoding="utf-8")


def cmd_extract(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        results = _extractor()(path, args.date)
    except ReadError as exc:
        print(f"timeline: {exc}", file=sys.stderr)
        return 2
    if args.brat is not None:
        _write_brat(results, args.brat, path.stem)
    if args.json:
        payload: Any = result_json(results[0]) if len(results) == 1 else [result_json(r) for r in results]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print("\n".join(_describe(r) for r in results))
    return 0
