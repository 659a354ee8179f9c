"""Reading documents from files: the seed format, plain text, JSON Lines and NEREL/brat `.txt`.

Every failure is a `ReadError` naming the file (and line), so a bad file never becomes a half-read one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from timeline.domain.ids import normalize_text
from timeline.extract.types import Document, ReadError

MAX_DOCUMENT_BYTES = 1_000_000

_SEED_HEADER = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})(?:[ \t]+(.*\S))?[ \t]*$")
# "Об этом сообщает РБК-Украина ..." names the outlet that published the text.
_PUBLISHER = re.compile(r"сообщает\s+[«\"]?([A-ZА-ЯЁ][\w\-]*(?:[ \-][A-ZА-ЯЁ][\w\-]*)*)[»\"]?")
_SUFFIXES = (".txt", ".jsonl", ".json", ".text", ".md")


def _decode(path: Path, raw: bytes, limit: int) -> str:
    if not raw.strip():
        raise ReadError(f"{path}: empty file")
    if b"\x00" in raw:
        raise ReadError(f"{path}: binary file (contains NUL bytes)")
    if len(raw) > limit and path.suffix != ".jsonl":
        raise ReadError(f"{path}: {len(raw)} bytes is over the {limit}-byte limit per document")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path}: not UTF-8 (byte {exc.start})") from exc
    if any(ord(c) < 32 and c not in "\n\r\t\f" for c in text):
        raise ReadError(f"{path}: binary file (control characters)")
    # Spans index the normalised text, the same form the content hash is taken of.
    return normalize_text(text)


def publisher_in(text: str) -> str | None:
    found = _PUBLISHER.search(text)
    return found.group(1) if found else None


def parse_seed(text: str, origin: str) -> Document:
    """The whole file is the document text, so spans and the content hash cover what was read."""
    first, _, body = text.partition("\n")
    header = _SEED_HEADER.match(first)
    if header is None:
        raise ReadError(f"{origin}: first line is not ' date YYYY-MM-DD <title>'")
    try:
        published = date.fromisoformat(header.group(1))
    except ValueError as exc:
        raise ReadError(f"{origin}: bad date {header.group(1)!r}") from exc
    if not body.strip():
        raise ReadError(f"{origin}: no text after the date line")
    return Document(
        text=text,
        published_at=published,
        title=(header.group(2) or "").strip() or None,
        publisher=publisher_in(body),
        origin=origin,
    )


def header_length(text: str) -> int:
    """Characters before the title in the seed format (` date YYYY-MM-DD `), else 0."""
    header = _SEED_HEADER.match(text.partition("\n")[0])
    if header is None:
        return 0
    return header.start(2) if header.group(2) is not None else header.end()


def _jsonl_document(data: Any, origin: str, limit: int) -> Document:
    if not isinstance(data, dict):
        raise ReadError(f"{origin}: expected a JSON object")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError(f"{origin}: missing or empty 'text'")
    if len(text.encode("utf-8")) > limit:
        raise ReadError(f"{origin}: text is over the {limit}-byte limit per document")
    published: date | None = None
    if data.get("published_at") is not None:
        try:
            published = date.fromisoformat(str(data["published_at"])[:10])
        except ValueError as exc:
            raise ReadError(f"{origin}: bad published_at {data['published_at']!r}") from exc
    fields = {k: data.get(k) for k in ("title", "url", "publisher")}
    for key, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise ReadError(f"{origin}: {key!r} must be a string")
    return Document(
        text=normalize_text(text),
        published_at=published,
        title=fields["title"],
        publisher=fields["publisher"] or publisher_in(text),
        url=fields["url"],
        origin=origin,
    )


def parse_jsonl(text: str, name: str, limit: int = MAX_DOCUMENT_BYTES) -> list[Document]:
    documents = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{name}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ReadError(f"{origin}: invalid JSON ({exc.msg})") from exc
        documents.append(_jsonl_document(data, origin, limit))
    if not documents:
        raise ReadError(f"{name}: no documents")
    return documents


def read_path(path: str | Path, date: date | None = None, limit: int = MAX_DOCUMENT_BYTES) -> list[Document]:
    """The documents in one file; `date` is the publication date for text that does not carry one."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}: cannot read ({exc.strerror})") from exc
    text = _decode(path, raw, limit)
    if path.suffix == ".jsonl" or (text.lstrip().startswith("{") and path.suffix != ".txt"):
        return parse_jsonl(text, str(path), limit)
    if _SEED_HEADER.match(text.partition("\n")[0]):
        document = parse_seed(text, str(path))
        return [document if date is None else replace(document, published_at=date)]
    # Plain text and NEREL's brat `.txt` files: the date is whatever the caller knows, else unknown.
    return [Document(text=text, published_at=date, publisher=publisher_in(text), origin=str(path))]


def walk(folder: str | Path) -> Iterator[Path]:
    """Readable document files under `folder`, in a stable order; brat `.ann` files are skipped."""
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and path.suffix in _SUFFIXES and not path.name.startswith("."):
            yield path


def read_folder(
    folder: str | Path, date: date | None = None, limit: int = MAX_DOCUMENT_BYTES
) -> list[Document]:
    return [document for path in walk(folder) for document in read_path(path, date, limit)]


def read_any(path: str | Path, date: date | None = None) -> list[Document]:
    """A file or every document file under a folder."""
    return read_folder(path, date) if Path(path).is_dir() else read_path(path, date)
