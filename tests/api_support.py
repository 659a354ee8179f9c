"""Fixtures for the HTTP API tests: an app on this test's database, with real keys of every scope."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy import Engine, text

from api.app import create_app
from api.settings import Settings
from timeline import service
from timeline.domain.codec import fact_to_json
from timeline.domain.facts import Fact

API = "/api/v1"


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def keys(app_env: str) -> dict[str, str]:
    """A secret per scope, created through the service as `timeline keys create` does."""
    return {scope: service.create_key(f"test-{scope}", scope).secret for scope in ("read", "write", "admin")}


@pytest.fixture
def client(app_env: str) -> Iterator[TestClient[Any]]:
    with TestClient(create_app(Settings(auth=True))) as test_client:
        yield test_client


def asserted(fact: Fact, expected_version: int | None = None) -> dict[str, Any]:
    """A FactAsserted event as an API client sends it."""
    item: dict[str, Any] = {"event_id": str(uuid.uuid4()), "type": "FactAsserted", "fact": fact_to_json(fact)}
    if expected_version is not None:
        item["expected_version"] = expected_version
    return item


def without_document(fact: Fact) -> Fact:
    """The fact as a client that stored no document sends it (the log refuses unknown document ids)."""
    return replace(fact, source=replace(fact.source, document_id=None))


def wait_for_queued_writer(engine: Engine, timeout: float = 30.0) -> None:
    """Until some session waits for the log's lock (a writer queued behind a test's open transaction)."""
    deadline = time.monotonic() + timeout
    waiting = text(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    )
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            if conn.execute(waiting).scalar_one() > 0:
                return
        time.sleep(0.05)
    raise AssertionError("no writer queued for the log's lock")
