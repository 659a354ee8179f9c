"""Reading the seed format, plain text, JSON Lines and NEREL files; bad files fail naming themselves."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.extract.readers import header_length, read_folder, read_path, walk
from timeline.extract.types import ReadError

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_36549a97ad93da46.txt"
NEREL_DEV = SHARED / "corpora" / "nerel" / "dev"


def test_seed_format_gives_date_title_and_publisher() -> None:
    (document,) = read_path(SEED)
    raw = SEED.read_text(encoding="utf-8")
    assert document.published_at == date(2025, 11, 7)
    assert document.title is not None and document.title.startswith("Россия договаривается с КНДР")
    assert document.publisher == "РБК-Украина"
    assert document.text == raw.rstrip()
    assert document.text[header_length(document.text) :].startswith("Россия договаривается")
    assert document.origin == str(SEED)


def test_an_explicit_date_overrides_nothing_but_fills_plain_text(tmp_path: Path) -> None:
    plain = tmp_path / "note.txt"
    plain.write_text("Министр обороны заявил о новых учениях.\n", encoding="utf-8")
    (undated,) = read_path(plain)
    (dated,) = read_path(plain, date(2024, 3, 1))
    assert undated.published_at is None
    assert dated.published_at == date(2024, 3, 1)
    assert dated.text == "Министр обороны заявил о новых учениях."


def test_nerel_text_has_no_date_and_keeps_offsets() -> None:
    path = sorted(NEREL_DEV.glob("*.txt"))[0]
    (document,) = read_path(path)
    assert document.published_at is None
    assert document.text == path.read_text(encoding="utf-8").rstrip()


def test_json_lines_one_document_per_line(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    rows = [
        {
            "text": "Путин прибыл в Пекин.",
            "published_at": "2024-05-16",
            "title": "Визит",
            "url": "http://x/1",
        },
        {
            "text": "Си Цзиньпин встретился с Путиным.",
            "published_at": "2024-05-16T10:00:00",
            "publisher": "ТАСС",
        },
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8")
    first, second = read_path(path)
    assert (first.title, first.url, first.published_at) == ("Визит", "http://x/1", date(2024, 5, 16))
    assert (second.publisher, second.published_at) == ("ТАСС", date(2024, 5, 16))
    assert second.origin == f"{path}:2"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"published_at": "2024-01-01"}', "'text'"),
        ('{"text": "Текст.", "published_at": "вчера"}', "published_at"),
        ('["a list"]', "JSON object"),
    ],
)
def test_json_lines_errors_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"text": "Хорошая строка.", "published_at": "2024-01-01"}\n' + line + "\n", encoding="utf-8"
    )
    with pytest.raises(ReadError, match=f"{path}:2: .*{message}"):
        read_path(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t", "empty"),
        ("Россия и КНДР".encode("cp1251"), "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ],
)
def test_unreadable_files_raise_read_error_naming_the_file(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=f"{path}.*{message}"):
        read_path(path)


def test_size_limit_per_document(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Слово. " * 200, encoding="utf-8")
    assert read_path(path, limit=10_000)
    with pytest.raises(ReadError, match="limit"):
        read_path(path, limit=1_000)


def test_seed_header_without_body_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(" date 2025-11-07 Заголовок\n\n", encoding="utf-8")
    with pytest.raises(ReadError, match="no text"):
        read_path(path)


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="missing.txt"):
        read_path(tmp_path / "missing.txt")


def test_folder_walker_skips_annotations() -> None:
    files = list(walk(NEREL_DEV))
    assert files and all(p.suffix == ".txt" for p in files)
    assert len(read_folder(NEREL_DEV)) == len(list(NEREL_DEV.glob("*.txt")))
