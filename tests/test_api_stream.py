"""GET /events/stream: Server-Sent Events in log order, resumable with Last-Event-ID."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy import Engine

from api.app import create_app
from api.controllers import events
from api.settings import Settings
from tests import api_support
from tests.api_support import API, asserted, bearer, wait_for_queued_writer, without_document
from tests.seed_facts import load_seed
from timeline.service.aio import PoolSettings
from timeline.store import recorder

client, keys = api_support.client, api_support.keys  # fixtures shared by the API tests


def _messages(text: str) -> list[dict[str, str]]:
    out = []
    for block in text.strip().split("\r\n\r\n" if "\r\n\r\n" in text else "\n\n"):
        fields: dict[str, str] = {}
        for line in block.splitlines():
            name, _, value = line.partition(": ")
            fields[name] = value
        if "id" in fields:
            out.append(fields)
    return out


def _read(
    client: TestClient[Any], secret: str, limit: int, last_id: str | None = None
) -> list[dict[str, str]]:
    headers = bearer(secret) | ({"Last-Event-ID": last_id} if last_id else {})
    with client.stream("GET", f"{API}/events/stream?limit={limit}", headers=headers) as answer:
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/event-stream")
        return _messages("".join(answer.iter_text()))


def test_a_consumer_resumes_after_its_last_event_id(client: TestClient[Any], keys: dict[str, str]) -> None:
    facts = [asserted(without_document(f)) for _n, f in sorted(load_seed().facts.items())]
    write = bearer(keys["write"])
    assert client.post(f"{API}/events", json={"events": facts[:5]}, headers=write).status_code == 201
    everything = client.get(f"{API}/events?limit=1000", headers=write).json()["events"]
    first = _read(client, keys["read"], limit=4)
    assert [int(m["id"]) for m in first] == [e["position"] for e in everything[:4]]
    assert first[0]["event"] == everything[0]["type"]
    # more arrives while the consumer is away; it reconnects with the last id it saw
    assert client.post(f"{API}/events", json={"events": facts[5:]}, headers=write).status_code == 201
    everything = client.get(f"{API}/events?limit=1000", headers=write).json()["events"]
    rest = _read(client, keys["read"], limit=len(everything) - 4, last_id=first[-1]["id"])
    assert [int(m["id"]) for m in first + rest] == [e["position"] for e in everything]


def test_the_stream_waits_for_events_that_arrive_later(client: TestClient[Any], keys: dict[str, str]) -> None:
    """A live stream started on an empty log delivers what is appended afterwards."""
    fact = asserted(without_document(load_seed().facts[1]))

    def append_soon() -> None:
        time.sleep(0.3)
        client.post(f"{API}/events", json={"events": [fact]}, headers=bearer(keys["write"]))

    writer = threading.Thread(target=append_soon)
    writer.start()
    got = _read(client, keys["read"], limit=1)
    writer.join()
    assert len(got) == 1 and got[0]["event"] in {"EntityRegistered", "FactAsserted"}


def test_a_bad_last_event_id_is_400(client: TestClient[Any], keys: dict[str, str]) -> None:
    headers = bearer(keys["read"]) | {"Last-Event-ID": "yesterday"}
    answer = client.get(f"{API}/events/stream?limit=1", headers=headers)
    assert answer.status_code == 400
    assert answer.json()["field"] == "Last-Event-ID"


def test_keep_alives_are_comments_that_an_event_source_never_dispatches(
    client: TestClient[Any], keys: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `data:` line, even empty, makes a browser fire a message event: a keep-alive must have none."""
    monkeypatch.setattr(events, "KEEP_ALIVE_SECONDS", 0.2)
    fact = asserted(without_document(load_seed().facts[1]))

    def append_later() -> None:
        time.sleep(1.5)
        client.post(f"{API}/events", json={"events": [fact]}, headers=bearer(keys["write"]))

    writer = threading.Thread(target=append_later)
    writer.start()
    with client.stream("GET", f"{API}/events/stream?limit=1", headers=bearer(keys["read"])) as answer:
        text = "".join(answer.iter_text())
    writer.join()
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    keep_alives = [b for b in blocks if b.startswith(":")]
    assert keep_alives, text
    for block in keep_alives:
        assert all(line.startswith(":") for line in block.splitlines()), block
    dispatched = [b for b in blocks if any(line.startswith("data") for line in b.splitlines())]
    assert len(dispatched) == 1 and "id: " in dispatched[0]


def test_a_stream_opened_while_the_database_is_down_is_a_503_problem(
    app_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMELINE_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/timeline")
    with TestClient(create_app(Settings(auth=False))) as down:
        answer = down.get(f"{API}/events/stream?limit=1")
    assert answer.status_code == 503
    assert answer.headers["content-type"].startswith("application/problem+json")


def test_a_live_stream_outlasts_a_moment_without_database_connections(
    app_env: str, engine: Engine, keys: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reads that find no free connection leave the stream waiting; it delivers what comes after."""
    monkeypatch.setattr(events, "KEEP_ALIVE_SECONDS", 0.2)  # the stream looks at the log five times a second
    fact = asserted(without_document(load_seed().facts[1]))
    pool = PoolSettings(size=1, overflow=0, timeout_seconds=0.3)
    read, write = bearer(keys["read"]), bearer(keys["write"])
    with TestClient(create_app(Settings(auth=True, pool=pool))) as small, ThreadPoolExecutor(2) as threads:
        # The test client hands over a stream's body only once it ends, so its start cannot be awaited here.
        live = threads.submit(_read, small, keys["read"], 1)
        time.sleep(1.0)  # the stream is open and waiting
        with engine.connect() as blocker:
            blocker.begin()
            recorder.lock_log(blocker)  # the writer holds the only connection while it queues behind this
            queued = threads.submit(small.post, f"{API}/events", json={"events": [fact]}, headers=write)
            try:
                wait_for_queued_writer(engine)
                time.sleep(1.0)  # meanwhile the stream's reads (five a second) find no free connection
            finally:
                blocker.rollback()
        assert queued.result(timeout=30).status_code == 201
        got = live.result(timeout=30)
        everything = small.get(f"{API}/events", headers=read).json()["events"]
    assert [int(m["id"]) for m in got] == [everything[0]["position"]]
