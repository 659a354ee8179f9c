"""Reading and extracting documents, with no database: the extractor's entry points for the CLI and API."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from timeline.domain.ids import content_hash
from timeline.extract.types import Document, ExtractionResult


def extract_file(path: str | Path, published: date | None = None) -> list[ExtractionResult]:
    """Extract every document of a file or folder without storing anything; ReadError names a bad file."""
    from timeline.extract.api import extract_file as extract_documents

    return extract_documents(path, published)


def brat_annotations(result: ExtractionResult) -> str:
    """The extraction as NEREL-style brat `.ann` text."""
    from timeline.extract.brat import to_brat

    return to_brat(result)


def parse_seed_text(text: str, origin: str) -> Document:
    """A document in the seed format (` date YYYY-MM-DD <title>` then the body); ReadError when it is not."""
    from timeline.extract.readers import parse_seed

    return parse_seed(text, origin)


def extract_document(document: Document) -> ExtractionResult:
    from timeline.extract.pipeline import extract

    return extract(document)


def read_documents(paths: Iterable[Path], published: date | None = None) -> list[Document]:
    """Every document in the files and folders; a file that cannot be read fails before anything is stored."""
    from timeline.extract.readers import read_any

    return [document for path in paths for document in read_any(path, published)]


def document_hash(text: str) -> str:
    return content_hash(text)
