"""`timeline extract FILE [--date YYYY-MM-DD] [--json] [--brat OUTDIR]`: extraction without a database."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from timeline import service
from timeline.cli_format import describe, iso_date
from timeline.domain.codec import fact_to_json
from timeline.domain.ids import document_id_for
from timeline.service import ExtractionResult, ReadError


def add_extract_command(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "extract", help="extract facts from a file and print them (stores nothing)"
    )
    parser.add_argument(
        "file", metavar="FILE", help="a seed-format, plain-text, JSON Lines or brat .txt file"
    )
    parser.add_argument("--date", type=iso_date, help="publication date for text that carries none")
    parser.add_argument("--json", action="store_true", help="print {document, facts} as JSON")
    parser.add_argument("--brat", metavar="OUTDIR", type=Path, help="also write NEREL-style .txt/.ann files")
    parser.set_defaults(handler=cmd_extract)


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
    lines.extend(f"  {describe(fact)}" for fact in result.facts)
    return "\n".join(lines)


def _write_brat(results: list[ExtractionResult], folder: Path, stem: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, result in enumerate(results):
        name = stem if len(results) == 1 else f"{stem}_{n + 1}"
        (folder / f"{name}.txt").write_text(result.document.text, encoding="utf-8")
        (folder / f"{name}.ann").write_text(service.brat_annotations(result), encoding="utf-8")


def cmd_extract(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        results = service.extract_file(path, args.date)
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
