"""POST /events (client fact events, expected versions, retries) and the feed under concurrent appends."""

from __future__ import annotations

import threading
import uuid
from typing import Any

from litestar.testing import TestClient

from api.app import create_app
from api.settings import Settings
from tests import api_support
from tests.api_support import API, asserted, bearer, without_document
from tests.seed_facts import load_seed
from timeline.domain.facts import Fact

client, keys = api_support.client, api_support.keys  # fixtures shared by the API tests


def _seed_facts() -> list[Fact]:
    return [without_document(f) for _n, f in sorted(load_seed().facts.items())]


def test_a_batch_is_appended_with_positions_and_the_caller_as_recorder(
    client: TestClient[Any], keys: dict[str, str]
) -> None:
    facts = _seed_facts()
    batch = [asserted(f, expected_version=0) for f in facts[:3]]
    answer = client.post(f"{API}/events", json={"events": batch}, headers=bearer(keys["write"]))
    assert answer.status_code == 201, answer.text
    appended = answer.json()["appended"]
    fact_events = [e for e in appended if e["type"] == "FactAsserted"]
    assert [e["event_id"] for e in fact_events] == [b["event_id"] for b in batch]
    assert [e["stream_id"] for e in fact_events] == [f"fact-{f.fact_id}" for f in facts[:3]]
    assert all(e["stream_version"] == 1 for e in fact_events)
    # entities the facts name are registered alongside, so they can be searched for
    assert {e["type"] for e in appended} == {"FactAsserted", "EntityRegistered"}
    assert all(e["recorded_by"].startswith("api-key:test-write#") for e in appended)
    positions = [e["position"] for e in appended]
    assert positions == sorted(positions)


def test_a_retried_batch_stores_nothing_twice(client: TestClient[Any], keys: dict[str, str]) -> None:
    batch = [asserted(f, expected_version=0) for f in _seed_facts()[:2]]
    first = client.post(f"{API}/events", json={"events": batch}, headers=bearer(keys["write"]))
    again = client.post(f"{API}/events", json={"events": batch}, headers=bearer(keys["write"]))
    assert first.status_code == again.status_code == 201
    assert again.json()["appended"] == []
    assert again.json()["already_stored"] == [b["event_id"] for b in batch]
    feed = client.get(f"{API}/events?limit=1000", headers=bearer(keys["read"])).json()["events"]
    assert len(feed) == len(first.json()["appended"])


def test_a_stale_expected_version_is_409_and_stores_nothing(
    client: TestClient[Any], keys: dict[str, str]
) -> None:
    fact = _seed_facts()[0]
    write = bearer(keys["write"])
    assert (
        client.post(f"{API}/events", json={"events": [asserted(fact, 0)]}, headers=write).status_code == 201
    )
    before = client.get(f"{API}/events", headers=write).json()["last_position"]
    other = _seed_facts()[1]
    stale = [asserted(other, 0), asserted(fact, 0)]
    answer = client.post(f"{API}/events", json={"events": stale}, headers=write)
    assert answer.status_code == 409
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert f"fact-{fact.fact_id}" in answer.json()["detail"]
    assert client.get(f"{API}/events", headers=write).json()["last_position"] == before
    fresh = client.post(
        f"{API}/events", json={"events": [asserted(other, 0), asserted(fact, 1)]}, headers=write
    )
    assert fresh.status_code == 201


def test_retraction_through_events_and_expected_version(
    client: TestClient[Any], keys: dict[str, str]
) -> None:
    fact = _seed_facts()[0]
    write = bearer(keys["write"])
    client.post(f"{API}/events", json={"events": [asserted(fact)]}, headers=write)
    retraction = {
        "event_id": str(uuid.uuid4()),
        "type": "FactRetracted",
        "fact_id": fact.fact_id,
        "reason": "the agency withdrew it",
        "expected_version": 1,
    }
    answer = client.post(f"{API}/events", json={"events": [retraction]}, headers=write)
    assert answer.status_code == 201, answer.text
    assert answer.json()["appended"][0]["stream_version"] == 2


def test_bad_events_name_the_field(client: TestClient[Any], keys: dict[str, str]) -> None:
    write = bearer(keys["write"])
    good = asserted(_seed_facts()[0])
    cases: list[tuple[dict[str, Any], str]] = [
        ({**good, "event_id": "not-a-uuid"}, "events[0].event_id"),
        ({**good, "type": "FactDeleted"}, "events[0].type"),
        ({**good, "fact": {**good["fact"], "predicate": "likes"}}, "events[0].fact"),
        ({**good, "fact": {k: v for k, v in good["fact"].items() if k != "actor"}}, "events[0].fact.actor"),
        ({**good, "fact": {**good["fact"], "valid": {"from": "2025-13-45"}}}, "events[0].fact"),
        ({**good, "fact": {**good["fact"], "quote": "a\x00b", "role": "x\x00"}}, "events[0].fact.role"),
        ({**good, "expected_version": -1}, "events[0].expected_version"),
        ({"event_id": str(uuid.uuid4()), "type": "FactRetracted", "fact_id": "f"}, "events[0].reason"),
    ]
    for item, field in cases:
        answer = client.post(f"{API}/events", json={"events": [item]}, headers=write)
        assert answer.status_code == 400, (field, answer.text)
        assert answer.json()["field"] == field
    assert client.get(f"{API}/events", headers=write).json()["events"] == []


def test_the_feed_misses_nothing_while_writers_append(app_env: str, keys: dict[str, str]) -> None:
    """Writers append concurrently; a consumer following ?after= sees every event exactly once, in order."""
    writers, batches = 4, 15
    written: list[str] = []
    lock = threading.Lock()
    facts = _seed_facts()

    def write(c: TestClient[Any], n: int) -> None:
        for b in range(batches):
            fact = facts[(n + b) % len(facts)]
            # A fresh fact id per batch: each writer makes new streams, so no conflicts, only races.
            item = asserted(Fact(**{**_fields(fact), "fact_id": str(uuid.uuid4())}))
            answer = c.post(f"{API}/events", json={"events": [item]}, headers=bearer(keys["write"]))
            assert answer.status_code == 201, answer.text
            with lock:
                written.extend(e["event_id"] for e in answer.json()["appended"])

    seen: list[str] = []
    positions: list[int] = []
    # One app and one client: the requests still run concurrently in the app's worker threads.
    with TestClient(create_app(Settings(auth=True))) as consumer:
        threads = [threading.Thread(target=write, args=(consumer, n)) for n in range(writers)]
        for t in threads:
            t.start()
        after = 0
        while True:
            finished = not any(t.is_alive() for t in threads)
            page = consumer.get(f"{API}/events?after={after}&limit=7", headers=bearer(keys["read"])).json()
            seen += [e["event_id"] for e in page["events"]]
            positions += [e["position"] for e in page["events"]]
            after = page["last_position"]
            if finished and not page["events"]:
                break
    for t in threads:
        t.join()
    assert len(seen) == len(set(seen)), "an event was delivered twice"
    assert sorted(seen) == sorted(written), "an event was missed"
    assert positions == sorted(positions)
    assert len(written) >= writers * batches


def _fields(fact: Fact) -> dict[str, Any]:
    return {name: getattr(fact, name) for name in Fact.__dataclass_fields__ if name != "kind"}
