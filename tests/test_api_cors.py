"""Browsers: CORS for the origins named in TIMELINE_CORS_ORIGINS, and preflights that need no key."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient

from api.app import create_app
from api.settings import Settings
from tests import api_support
from tests.api_support import API, bearer

keys = api_support.keys  # fixture shared by the API tests
ORIGIN = "https://reports.example"
PREFLIGHT = {
    "Origin": ORIGIN,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type",
}


@pytest.fixture
def browser_client(app_env: str) -> Any:
    with TestClient(create_app(Settings(auth=True, cors_origins=(ORIGIN,)))) as client:
        yield client


def test_a_preflight_from_an_allowed_origin_needs_no_key(browser_client: TestClient[Any]) -> None:
    answer = browser_client.options(f"{API}/documents", headers=PREFLIGHT)
    assert answer.status_code == 204
    assert answer.headers["access-control-allow-origin"] == ORIGIN
    assert "authorization" in answer.headers["access-control-allow-headers"].lower()
    assert "POST" in answer.headers["access-control-allow-methods"]


def test_the_real_request_still_needs_its_key_and_the_browser_may_read_why(
    browser_client: TestClient[Any], keys: dict[str, str]
) -> None:
    refused = browser_client.get(f"{API}/events", headers={"Origin": ORIGIN})
    assert refused.status_code == 401
    assert refused.headers["access-control-allow-origin"] == ORIGIN
    allowed = browser_client.get(f"{API}/events", headers={"Origin": ORIGIN} | bearer(keys["read"]))
    assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == ORIGIN


def test_no_origin_is_allowed_unless_configured(app_env: str) -> None:
    with TestClient(create_app(Settings(auth=True))) as client:
        answer = client.get(f"{API}/health", headers={"Origin": ORIGIN})
        assert "access-control-allow-origin" not in answer.headers
        # OPTIONS only lists the methods, so it needs no key either way
        listed = client.options(f"{API}/documents")
        assert listed.status_code == 204 and set(listed.headers["allow"].split(", ")) >= {"GET", "POST"}


def test_origins_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_CORS_ORIGINS", f" {ORIGIN} , http://localhost:3000,")
    assert Settings.from_env().cors_origins == (ORIGIN, "http://localhost:3000")
