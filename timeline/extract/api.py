"""What the service layer calls to extract without storing: a file (or folder) in, extractions out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline.extract.pipeline import extract
from timeline.extract.readers import read_any
from timeline.extract.types import ExtractionResult


def extract_file(path: str | Path, date: date | None = None) -> list[ExtractionResult]:
    """Every document in the file (or under the folder), extracted. Raises `ReadError` naming the file."""
    return [extract(document) for document in read_any(path, date)]
