"""Who may do what: no key 401, a weaker scope 403, a revoked key 401, admin everything; auth off for dev."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from litestar.testing import TestClient

from api.app import create_app
from api.settings import Settings
from tests import api_support
from tests.api_support import API, bearer
from timeline import service

SQL = {"sql": "SELECT 1 AS one"}

client, keys = api_support.client, api_support.keys  # fixtures shared by the API tests


def test_without_a_key_every_api_route_but_health_answers_401(client: TestClient[Any]) -> None:
    for method, path, body in [
        ("GET", f"{API}/state?as_of=2025-11-07", None),
        ("GET", f"{API}/events", None),
        ("GET", f"{API}/documents", None),
        ("POST", f"{API}/sql", SQL),
        ("POST", f"{API}/events", {"events": []}),
        ("GET", f"{API}/keys", None),
    ]:
        answer = client.request(method, path, json=body)
        assert answer.status_code == 401, path
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert answer.headers["www-authenticate"].startswith("Bearer")
        assert answer.json()["status"] == 401
    assert client.get(f"{API}/health").status_code == 200
    assert client.get("/").status_code == 200


def test_an_unknown_key_is_401(client: TestClient[Any]) -> None:
    answer = client.get(f"{API}/events", headers=bearer("tlk_not-a-real-key"))
    assert answer.status_code == 401
    assert "tlk_not-a-real-key" not in answer.text


def test_scopes_nest_read_write_admin(client: TestClient[Any], keys: dict[str, str]) -> None:
    read, write, admin = (bearer(keys[s]) for s in ("read", "write", "admin"))
    assert client.post(f"{API}/sql", json=SQL, headers=read).status_code == 200
    assert client.get(f"{API}/events", headers=read).status_code == 200
    # A read key may not write; the body is never looked at before the scope check.
    refused = client.post(f"{API}/events", json={"events": []}, headers=read)
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert client.post(f"{API}/documents", content="x", headers=read).status_code == 403
    assert client.get(f"{API}/keys", headers=write).status_code == 403
    assert client.post(f"{API}/keys", json={"name": "n", "scope": "read"}, headers=read).status_code == 403
    # write passes the guard and reaches validation (an empty batch is a 400, not a 403)
    assert client.post(f"{API}/events", json={"events": []}, headers=write).status_code == 400
    assert client.get(f"{API}/keys", headers=admin).status_code == 200
    assert client.post(f"{API}/events", json={"events": []}, headers=admin).status_code == 400


def test_a_revoked_key_is_refused_at_once(client: TestClient[Any], keys: dict[str, str]) -> None:
    created = service.create_key("short-lived", "write")
    assert client.get(f"{API}/events", headers=bearer(created.secret)).status_code == 200
    revoked = client.post(f"{API}/keys/{created.key.key_id}/revocation", headers=bearer(keys["admin"]))
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    assert revoked.json()["secret"] is None
    assert client.get(f"{API}/events", headers=bearer(created.secret)).status_code == 401


def test_admin_creates_keys_over_http_and_the_secret_is_shown_once(
    client: TestClient[Any], keys: dict[str, str]
) -> None:
    made = client.post(
        f"{API}/keys", json={"name": "reporting", "scope": "read"}, headers=bearer(keys["admin"])
    )
    assert made.status_code == 201
    secret = made.json()["secret"]
    assert secret.startswith("tlk_")
    listed = client.get(f"{API}/keys", headers=bearer(keys["admin"])).json()
    assert "reporting" in [k["name"] for k in listed]
    assert secret not in str(listed)
    assert client.post(f"{API}/sql", json=SQL, headers=bearer(secret)).status_code == 200


def test_the_x_api_key_header_works_too(client: TestClient[Any], keys: dict[str, str]) -> None:
    assert client.get(f"{API}/events", headers={"X-API-Key": keys["read"]}).status_code == 200


def test_auth_off_lets_everything_through(app_env: str) -> None:
    with TestClient(create_app(Settings(auth=False))) as open_client:
        assert open_client.post(f"{API}/sql", json=SQL).status_code == 200
        assert open_client.get(f"{API}/keys").status_code == 200


def test_no_secret_reaches_the_logs(
    client: TestClient[Any], keys: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    """Keys appear in headers and in the answer that creates them; no log line at any level repeats them."""
    caplog.set_level(logging.DEBUG)
    admin = keys["admin"]
    created = client.post(f"{API}/keys", json={"name": "logged?", "scope": "read"}, headers=bearer(admin))
    fresh = created.json()["secret"]
    client.post(f"{API}/keys/{created.json()['key_id']}/revocation", headers=bearer(admin))
    for secret in (admin, fresh, "tlk_unknown-secret-value"):
        client.get(f"{API}/events", headers=bearer(secret))
        client.get(f"{API}/events", headers={"X-API-Key": secret})
        client.post(f"{API}/sql", json={"sql": "SELEC broken"}, headers=bearer(secret))
        client.get(f"{API}/state?as_of=not-a-date", headers=bearer(secret))
    logged = "\n".join(r.getMessage() + repr(r.args) for r in caplog.records)
    assert caplog.records, "the requests above are logged at DEBUG by the test client at least"
    for secret in (admin, fresh, "tlk_unknown-secret-value"):
        assert secret not in logged
