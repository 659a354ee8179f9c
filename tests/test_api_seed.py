"""The seed acceptance scenario over HTTP: POST the article, then ask /state as of seed_state.md's dates."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

import pytest
from litestar.testing import TestClient

from tests import api_support
from tests.api_support import API, bearer
from tests.seed_facts import SEED_PATH

client, keys = api_support.client, api_support.keys  # fixtures shared by the API tests


@pytest.fixture
def seeded(client: TestClient[Any], keys: dict[str, str]) -> dict[str, Any]:
    headers = {**bearer(keys["write"]), "Content-Type": "text/plain; charset=utf-8"}
    answer = client.post(f"{API}/documents", content=SEED_PATH.read_bytes(), headers=headers)
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _state(client: TestClient[Any], secret: str, as_of: str, **extra: str) -> dict[str, Any]:
    query = "&".join(f"{k}={quote(v)}" for k, v in {"as_of": as_of, **extra}.items())
    answer = client.get(f"{API}/state?{query}", headers=bearer(secret))
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _names(fact: dict[str, Any]) -> set[str]:
    parties = [fact["actor"], fact["object"], *fact["participants"]]
    return {p["name"] for p in parties if p}


def _treaties(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in facts if f["predicate"] == "party_to" and {"Россия", "КНДР"} <= _names(f)]


def _of(facts: list[dict[str, Any]], predicate: str) -> list[dict[str, Any]]:
    return [f for f in facts if f["predicate"] == predicate]


def test_the_same_text_again_is_200_with_the_same_id_and_nothing_new(
    client: TestClient[Any], keys: dict[str, str], seeded: dict[str, Any]
) -> None:
    assert seeded["created"] is True and len(seeded["facts"]) >= 10
    head = client.get(f"{API}/events?limit=1000", headers=bearer(keys["read"])).json()["last_position"]
    headers = {**bearer(keys["write"]), "Content-Type": "text/plain"}
    again = client.post(f"{API}/documents", content=SEED_PATH.read_bytes(), headers=headers)
    assert again.status_code == 200
    assert again.json()["document_id"] == seeded["document_id"] and again.json()["created"] is False
    assert (
        client.get(f"{API}/events?limit=1000", headers=bearer(keys["read"])).json()["last_position"] == head
    )
    stored = client.get(f"{API}/documents/{seeded['document_id']}", headers=bearer(keys["read"])).json()
    assert stored["published_at"] == "2025-11-07" and stored["publisher"] == "РБК-Украина"
    assert {f["fact_id"] for f in stored["facts"]} == {f["fact_id"] for f in seeded["facts"]}
    listed = client.get(f"{API}/documents?publisher=РБК-Украина", headers=bearer(keys["read"])).json()
    assert [d["document_id"] for d in listed["documents"]] == [seeded["document_id"]]


def test_as_of_the_publication_day(
    client: TestClient[Any], keys: dict[str, str], seeded: dict[str, Any]
) -> None:
    answer = _state(client, keys["read"], "2025-11-07")
    state, events = answer["state"], answer["events"]
    assert _treaties(state)
    holders = {f["actor"]["name"] for f in _of(state, "holds_position")}
    assert {"Виктор Горемыкин", "Но Гван Чоль", "Александр Мацегора"} <= holders
    presence = _of(state, "military_presence")
    assert any(f["modality"] == "reported" and f["quantity"]["value"] == 10000 for f in presence)
    assert any(f["modality"] == "considered" for f in state)
    assert {"meeting", "signed", "acknowledged"} <= {f["predicate"] for f in events}
    assert all(f["certainty"] in ("certain", "possible") for f in state + events)
    meeting = _of(events, "meeting")[0]
    assert meeting["source"]["attribution"][-1] == "РБК-Украина" and meeting["source"]["quote"]


def test_before_the_meeting_and_before_the_acknowledgement(
    client: TestClient[Any], keys: dict[str, str], seeded: dict[str, Any]
) -> None:
    nov5 = _state(client, keys["read"], "2025-11-05")
    assert not _of(nov5["events"], "meeting")
    assert _treaties(nov5["state"])
    jan1 = _state(client, keys["read"], "2025-01-01")
    assert _treaties(jan1["state"])
    assert not _of(jan1["events"], "acknowledged")
    assert not [f for f in _of(jan1["state"], "military_presence") if f["valid"]["from"] == "2025-09-01"]


def test_the_treaty_is_only_possible_in_june_2024_and_absent_before(
    client: TestClient[Any], keys: dict[str, str], seeded: dict[str, Any]
) -> None:
    june = _treaties(_state(client, keys["read"], "2024-06-15")["state"])
    assert june and all(f["certainty"] == "possible" for f in june)
    earlier = _state(client, keys["read"], "2024-01-01")
    assert not _treaties(earlier["state"])
    assert not _of(earlier["events"], "meeting") and not _of(earlier["events"], "acknowledged")


def test_known_before_the_ingest_nothing_at_all(
    client: TestClient[Any], keys: dict[str, str], seeded: dict[str, Any]
) -> None:
    stored = client.get(f"{API}/documents/{seeded['document_id']}", headers=bearer(keys["read"])).json()
    before = (datetime.fromisoformat(stored["ingested_at"]) - timedelta(seconds=1)).isoformat()
    answer = _state(client, keys["read"], "2025-11-07", known_at=before)
    assert answer["state"] == [] and answer["events"] == []


def test_entities_search_and_timeline(
    client: TestClient[Any], keys: dict[str, str], seeded: dict[str, Any]
) -> None:
    read = bearer(keys["read"])
    found = client.get(f"{API}/entities?q=горемыкин", headers=read).json()
    assert [e["name"] for e in found] == ["Виктор Горемыкин"]
    entity = client.get(f"{API}/entities/{quote('Виктор Горемыкин')}", headers=read).json()
    assert entity["id"] == found[0]["id"]
    timeline = client.get(f"{API}/entities/{entity['id']}/timeline", headers=read).json()
    assert {"meeting", "holds_position"} <= {v["fact"]["predicate"] for v in timeline["versions"]}
    only = _state(client, keys["read"], "2025-11-07", entity="Виктор Горемыкин")
    assert only["events"] and all("Виктор Горемыкин" in _names(f) for f in only["events"])


def test_a_retraction_over_http_changes_now_but_not_the_past(
    client: TestClient[Any], keys: dict[str, str], seeded: dict[str, Any]
) -> None:
    meeting = _of(_state(client, keys["read"], "2025-11-07")["events"], "meeting")[0]
    answer = client.post(
        f"{API}/facts/{meeting['fact_id']}/retractions",
        json={"reason": "the agency withdrew the report"},
        headers=bearer(keys["write"]),
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["recorded_by"].startswith("api-key:test-write#")
    assert not _of(_state(client, keys["read"], "2025-11-07")["events"], "meeting")
    retracted_at = datetime.fromisoformat(answer.json()["recorded_at"])
    before = (retracted_at - timedelta(microseconds=1)).isoformat()
    assert _of(_state(client, keys["read"], "2025-11-07", known_at=before)["events"], "meeting")
    again = client.post(
        f"{API}/facts/{meeting['fact_id']}/retractions",
        json={"reason": "twice"},
        headers=bearer(keys["write"]),
    )
    assert again.status_code == 409


def test_a_correction_over_http(
    client: TestClient[Any], keys: dict[str, str], seeded: dict[str, Any]
) -> None:
    treaty_signing = _of(seeded["facts"], "signed")[0]
    corrected = {
        **treaty_signing,
        "valid": {**treaty_signing["valid"], "from": "2024-06-19", "precision": "day"},
    }
    answer = client.post(
        f"{API}/facts/{treaty_signing['fact_id']}/corrections",
        json={"reason": "the treaty was signed on 19 June 2024", "fact": corrected},
        headers=bearer(keys["write"]),
    )
    assert answer.status_code == 201, answer.text
    june = _treaties(_state(client, keys["read"], "2024-06-20")["state"])
    assert june and all(f["certainty"] == "certain" for f in june)
    bad = client.post(
        f"{API}/facts/{treaty_signing['fact_id']}/corrections",
        json={"reason": "r", "fact": {**corrected, "valid": "June"}},
        headers=bearer(keys["write"]),
    )
    assert bad.status_code == 400 and bad.json()["field"].startswith("fact")


def test_aliases_and_merges_over_http(
    client: TestClient[Any], keys: dict[str, str], seeded: dict[str, Any]
) -> None:
    write = bearer(keys["write"])
    answer = client.post(f"{API}/entities/КНДР/aliases", json={"alias": "Северная Корея"}, headers=write)
    assert answer.status_code in (200, 201), answer.text
    again = client.post(f"{API}/entities/КНДР/aliases", json={"alias": "Северная Корея"}, headers=write)
    assert again.status_code == 200
    assert (
        client.post(
            f"{API}/entities/КНДР/aliases", json={"alias": "x"}, headers=bearer(keys["read"])
        ).status_code
        == 403
    )
    before = _state(client, keys["read"], "2025-11-07")["known_at"]
    merged = client.post(
        f"{API}/entities/Мацегора/merges", json={"into": "Горемыкин", "reason": "test"}, headers=write
    )
    assert merged.status_code == 201, merged.text
    now = _state(client, keys["read"], "2025-11-07", entity="Мацегора")
    assert {f["actor"]["id"] for f in _of(now["state"], "holds_position")} == {"person:viktor-goremykin"}
    apart = _state(client, keys["read"], "2025-11-07", known_at=before)
    assert "person:aleksandr-matsegora" in {f["actor"]["id"] for f in _of(apart["state"], "holds_position")}
    conflict = client.post(
        f"{API}/entities/Мацегора/merges", json={"into": "Горемыкин", "reason": "again"}, headers=write
    )
    assert conflict.status_code == 409
    assert conflict.headers["content-type"].startswith("application/problem+json")
    missing = client.post(f"{API}/entities/Никто/merges", json={"into": "КНДР", "reason": "x"}, headers=write)
    assert missing.status_code == 404
    bad = client.post(f"{API}/entities/КНДР/merges", json={"into": "КНДР"}, headers=write)
    assert bad.status_code == 400
