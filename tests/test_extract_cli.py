"""`timeline extract`: JSON on stdout without a database, brat files, and read errors as exit code 2."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.extract.api import extract_file

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_36549a97ad93da46.txt"


def test_extract_json_prints_document_and_facts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["document"]["published_at"] == "2025-11-07"
    assert payload["document"]["publisher"] == "РБК-Украина"
    text = SEED.read_text(encoding="utf-8")
    predicates = {f["predicate"] for f in payload["facts"]}
    assert {
        "meeting",
        "holds_position",
        "military_presence",
        "signed",
        "acknowledged",
        "supplied",
    } <= predicates
    for fact in payload["facts"]:
        start, end = fact["source"]["span"]
        assert text[start:end] == fact["source"]["quote"]
        assert fact["source"]["document_id"] == payload["document"]["document_id"]
        assert fact["valid"]["precision"] in ("day", "month", "year")


def test_extract_writes_brat_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED), "--brat", str(tmp_path)]) == 0
    assert "facts" in capsys.readouterr().out
    ann = (tmp_path / f"{SEED.stem}.ann").read_text(encoding="utf-8")
    assert "\tWORKS_AS Arg1:T" in ann
    assert (tmp_path / f"{SEED.stem}.txt").read_text(encoding="utf-8") == SEED.read_text(
        encoding="utf-8"
    ).rstrip()


def test_plain_text_takes_the_date_argument(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("Министр обороны России Андрей Белоусов 3 марта посетил Минск.\n", encoding="utf-8")
    (result,) = extract_file(path, date=None)
    assert result.document.published_at is None
    (dated,) = extract_file(path, date=date(2025, 3, 5))
    visit = [f for f in dated.facts if f.predicate == "visit"]
    assert [(f.actor.name, f.location.name if f.location else None) for f in visit] == [
        ("Андрей Белоусов", "Минск")
    ]
    assert visit[0].valid.start is not None and visit[0].valid.start.isoformat() == "2025-03-03"


@pytest.mark.parametrize("content", [b"", "Россия".encode("cp1251"), b"\x00\x01\x02"])
def test_read_errors_exit_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["extract", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert str(path) in captured.err
    assert captured.out == ""
