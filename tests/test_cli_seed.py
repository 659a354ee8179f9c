"""End to end on the command line: `timeline ingest` of the seed, then `timeline state` answers
every as-of line of ../shared/acceptance/seed_state.md, through the real extractor and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.seed_facts import SEED_PATH
from timeline.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def state(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code, out, err = run(capsys, "state", "--json", *argv)
    assert code == 0, err
    answer: dict[str, Any] = json.loads(out)
    return answer


def has(facts: list[dict[str, Any]], predicate: str, actor: str, other: str | None = None) -> str | None:
    """The certainty of the first fact with this predicate, actor name and (object or participant) name."""
    for f in facts:
        names = {f["object"]["name"]} if f["object"] else set()
        names |= {p["name"] for p in f["participants"]}
        if f["predicate"] == predicate and f["actor"]["name"] == actor and (other is None or other in names):
            return str(f["certainty"])
    return None


@pytest.fixture
def ingested(app_env: str, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run(capsys, "ingest", str(SEED_PATH))
    assert code == 0, err
    assert "1 new documents" in out
    return out


def test_seed_as_of_publication_day(ingested: str, capsys: pytest.CaptureFixture[str]) -> None:
    answer = state(capsys, "--as-of", "2025-11-07")
    assert answer["as_of"] == "2025-11-07"
    st, ev = answer["state"], answer["events"]
    assert has(st, "party_to", "Россия", "КНДР") == "certain"
    assert has(st, "holds_position", "Виктор Горемыкин", "Россия") == "certain"
    assert has(st, "holds_position", "Но Гван Чоль", "КНДР") == "certain"
    assert has(st, "holds_position", "Александр Мацегора") == "certain"
    presences = [f for f in st if f["predicate"] == "military_presence" and f["actor"]["name"] == "КНДР"]
    assert {f["quantity"]["value"] for f in presences} >= {10000, 5000}
    assert any(f["modality"] == "reported" for f in presences)
    assert any(f["modality"] == "considered" for f in st)
    assert has(ev, "meeting", "Виктор Горемыкин", "Но Гван Чоль") == "certain"
    assert has(ev, "signed", "Россия", "КНДР") == "certain"
    assert has(ev, "acknowledged", "Россия") == "certain"
    meeting = next(f for f in ev if f["predicate"] == "meeting")
    assert meeting["source"]["attribution"] == ["ЦТАК", "Радио Свобода", "РБК-Украина"]
    text = SEED_PATH.read_text(encoding="utf-8")
    start, end = meeting["source"]["span"]
    assert text[start:end] == meeting["source"]["quote"]
    # Events come newest first.
    starts = [f["valid"]["from"] or f["valid"]["known_by"] for f in ev]
    assert starts == sorted(starts, reverse=True)


def test_seed_on_the_eve_of_the_meeting_and_before(ingested: str, capsys: pytest.CaptureFixture[str]) -> None:
    eve = state(capsys, "--as-of", "2025-11-05")
    assert has(eve["events"], "meeting", "Виктор Горемыкин") is None
    assert has(eve["state"], "party_to", "Россия", "КНДР") == "certain"

    new_year = state(capsys, "--as-of", "2025-01-01")
    assert has(new_year["state"], "party_to", "Россия", "КНДР") == "certain"
    assert has(new_year["events"], "acknowledged", "Россия") is None
    assert not [f for f in new_year["state"] if f["predicate"] == "military_presence"]

    mid_june = state(capsys, "--as-of", "2024-06-15")
    assert has(mid_june["state"], "party_to", "Россия", "КНДР") == "possible"

    before = state(capsys, "--as-of", "2024-01-01")
    assert before["state"] == [] and before["events"] == []


def test_known_before_the_ingest_nothing_at_all(app_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    from timeline.store.db import app_engine
    from timeline.store.queries import database_now

    with app_engine().connect() as conn:
        before_ingest = database_now(conn).isoformat()
    run(capsys, "ingest", str(SEED_PATH))
    answer = state(capsys, "--as-of", "2025-11-07", "--known-at", before_ingest)
    assert answer["known_at"] == before_ingest
    assert answer["state"] == [] and answer["events"] == []


def test_ingesting_again_changes_nothing(ingested: str, capsys: pytest.CaptureFixture[str]) -> None:
    first = state(capsys, "--as-of", "2025-11-07")
    code, out, _ = run(capsys, "ingest", str(SEED_PATH))
    assert code == 0 and "0 new documents, 1 already stored" in out
    again = state(capsys, "--as-of", "2025-11-07")
    assert again["state"] == first["state"] and again["events"] == first["events"]


def test_entity_by_surname_history_and_rebuild(ingested: str, capsys: pytest.CaptureFixture[str]) -> None:
    by_surname = state(capsys, "--as-of", "2025-11-07", "--entity", "Горемыкин")
    assert by_surname["state"] and all(
        "person:viktor-goremykin" in {f["actor"]["id"], *(p["id"] for p in f["participants"])}
        for f in by_surname["state"] + by_surname["events"]
    )
    code, out, _ = run(capsys, "history", "Мацегора")
    assert code == 0 and "Александр Мацегора" in out
    known_at = by_surname["known_at"]
    whole = state(capsys, "--as-of", "2025-11-07", "--known-at", known_at)
    code, out, _ = run(capsys, "rebuild")
    assert code == 0 and out.startswith("rebuilt the projection from ")
    assert state(capsys, "--as-of", "2025-11-07", "--known-at", known_at) == whole
    code, out, _ = run(capsys, "verify")
    assert code == 0 and out.startswith("ok: ")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["state", "--as-of", "2025-13-40"], "as_of must be a date"),
        (["state", "--as-of", "2025-11-07", "--known-at", "2999-01-01T00:00:00+00:00"], "in the future"),
        (["state", "--as-of", "2025-11-07", "--entity", "Никто Никакович"], "unknown entity"),
        (["history", "Никто Никакович"], "unknown entity"),
    ],
)
def test_bad_questions_get_clear_errors(
    app_env: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err


def test_aliases_and_merges_from_the_command_line(ingested: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "entities", "alias", "КНДР", "Страна утренней свежести")
    assert code == 0 and out.startswith("recorded at position")
    assert run(capsys, "entities", "alias", "country:kp", "Страна утренней свежести")[1] == "already known\n"
    assert state(capsys, "--as-of", "2025-11-07", "--entity", "страна утренней свежести")["state"]

    before_merge = state(capsys, "--as-of", "2025-11-07")["known_at"]
    code, out, _ = run(capsys, "entities", "merge", "Мацегора", "Горемыкин", "--reason", "test: one person")
    assert code == 0 and out.startswith("merged")
    merged = state(capsys, "--as-of", "2025-11-07", "--entity", "Мацегора")
    holders = {f["actor"]["id"] for f in merged["state"] if f["predicate"] == "holds_position"}
    assert holders == {"person:viktor-goremykin"}
    apart = state(capsys, "--as-of", "2025-11-07", "--known-at", before_merge)
    holders = {f["actor"]["id"] for f in apart["state"] if f["predicate"] == "holds_position"}
    assert {"person:viktor-goremykin", "person:aleksandr-matsegora"} <= holders

    code, _, err = run(capsys, "entities", "merge", "Мацегора", "Горемыкин", "--reason", "again")
    assert code == 2 and "already the same entity" in err
    code, _, err = run(capsys, "entities", "merge", "Никто", "Горемыкин", "--reason", "x")
    assert code == 2 and "unknown entity" in err
