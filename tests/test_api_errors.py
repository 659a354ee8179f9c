"""Every error is application/problem+json with its status: 400 naming the field, 404, 405, 413, 415, 503."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg
import pytest
from litestar.testing import TestClient
from psycopg import sql
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from api.app import create_app
from api.settings import Settings
from tests import api_support
from tests.api_support import API, asserted, bearer, wait_for_queued_writer, without_document
from tests.conftest import TEST_DBNAME
from tests.pg_server import ServerAddress
from tests.seed_facts import load_seed
from timeline.service.aio import PoolSettings
from timeline.service.reporting import is_connection_failure
from timeline.store import recorder
from timeline.store.db import dispose_app_engines, make_engine

client, keys = api_support.client, api_support.keys  # fixtures shared by the API tests


def _is_problem(answer: Any, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = answer.json()
    assert body["status"] == status and body["title"] and body["type"]
    return body


def test_unknown_routes_and_methods(client: TestClient[Any], keys: dict[str, str]) -> None:
    _is_problem(client.get("/no/such/page"), 404)
    _is_problem(client.get(f"{API}/nothing-here", headers=bearer(keys["read"])), 404)
    _is_problem(client.delete(f"{API}/events", headers=bearer(keys["admin"])), 405)


def test_validation_errors_name_the_field(client: TestClient[Any], keys: dict[str, str]) -> None:
    read = bearer(keys["read"])
    body = _is_problem(client.get(f"{API}/state?as_of=yesterday", headers=read), 400)
    assert body["field"] == "as_of"
    body = _is_problem(client.get(f"{API}/state", headers=read), 400)
    assert body["field"] == "as_of"
    body = _is_problem(client.get(f"{API}/events?after=-1", headers=read), 400)
    assert body["field"] == "after"
    body = _is_problem(client.get(f"{API}/documents?cursor=garbage", headers=read), 400)
    assert body["field"] == "cursor"
    body = _is_problem(client.post(f"{API}/sql", json={"sql": 1}, headers=read), 400)
    assert "sql" in body["field"]
    body = _is_problem(client.post(f"{API}/sql", content=b"{not json", headers=read), 400)
    write = bearer(keys["write"])
    body = _is_problem(client.post(f"{API}/documents", json={"text": 5}, headers=write), 400)
    assert body["field"] == "text"
    body = _is_problem(client.post(f"{API}/documents", json={"text": "  "}, headers=write), 400)
    assert body["field"] == "text"
    body = _is_problem(
        client.post(f"{API}/documents", json={"text": "x", "published_at": "2025-02-30"}, headers=write), 400
    )
    assert body["field"] == "published_at"
    body = _is_problem(
        client.post(
            f"{API}/documents",
            content="no date line here\nbody",
            headers={**write, "Content-Type": "text/plain"},
        ),
        400,
    )
    assert body["field"] == "body"
    body = _is_problem(
        client.post(f"{API}/documents", content=b"\xff\xfe", headers={**write, "Content-Type": "text/plain"}),
        400,
    )
    assert body["field"] == "body"


def test_not_found(client: TestClient[Any], keys: dict[str, str]) -> None:
    read = bearer(keys["read"])
    _is_problem(client.get(f"{API}/documents/00000000-0000-0000-0000-000000000000", headers=read), 404)
    _is_problem(client.get(f"{API}/documents/not-a-uuid", headers=read), 404)
    _is_problem(client.get(f"{API}/entities/nobody-at-all", headers=read), 404)
    _is_problem(client.get(f"{API}/state?as_of=2025-11-07&entity=nobody", headers=read), 404)
    write = bearer(keys["write"])
    _is_problem(
        client.post(f"{API}/facts/no-such-fact/retractions", json={"reason": "r"}, headers=write), 404
    )
    _is_problem(
        client.post(
            f"{API}/keys/00000000-0000-0000-0000-000000000000/revocation", headers=bearer(keys["admin"])
        ),
        404,
    )


def test_a_body_over_the_limit_is_413(app_env: str, keys: dict[str, str]) -> None:
    with TestClient(create_app(Settings(auth=True, max_body_bytes=1024))) as small:
        big = " date 2025-11-07 t\n" + "слово " * 1000
        answer = small.post(
            f"{API}/documents",
            content=big.encode(),
            headers={**bearer(keys["write"]), "Content-Type": "text/plain"},
        )
        _is_problem(answer, 413)
        assert small.get(f"{API}/documents", headers=bearer(keys["read"])).json()["documents"] == []


def test_the_default_limit_is_one_mebibyte(client: TestClient[Any], keys: dict[str, str]) -> None:
    payload = b'{"text": "' + b"a" * (1024 * 1024 + 10) + b'"}'
    answer = client.post(
        f"{API}/documents",
        content=payload,
        headers={**bearer(keys["write"]), "Content-Type": "application/json"},
    )
    _is_problem(answer, 413)


def test_an_unsupported_content_type_is_415(client: TestClient[Any], keys: dict[str, str]) -> None:
    headers = {**bearer(keys["write"]), "Content-Type": "application/xml"}
    _is_problem(client.post(f"{API}/documents", content=b"<doc/>", headers=headers), 415)


def test_a_database_that_does_not_answer_is_503(app_env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing listens on port 1: connections are refused at once.
    monkeypatch.setenv("TIMELINE_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/timeline")
    dispose_app_engines()
    with TestClient(create_app(Settings(auth=True))) as down:
        body = _is_problem(down.get(f"{API}/events", headers=bearer("tlk_anything")), 503)
        assert "tlk_anything" not in str(body)
        assert down.get(f"{API}/health").status_code == 200
        ready = down.get(f"{API}/ready")
        assert ready.status_code == 503 and ready.json()["database"] is False
    with TestClient(create_app(Settings(auth=False))) as down_open:
        _is_problem(down_open.get(f"{API}/state?as_of=2025-11-07"), 503)
        _is_problem(down_open.post(f"{API}/sql", json={"sql": "SELECT 1"}), 503)
        _is_problem(down_open.post(f"{API}/documents", json={"text": "x", "published_at": "2025-11-07"}), 503)


def test_ready_when_migrated(client: TestClient[Any]) -> None:
    answer = client.get(f"{API}/ready")
    assert answer.status_code == 200
    body = answer.json()
    assert body["ready"] is True and body["revision"] == body["head"]


def test_a_pool_with_no_free_connection_answers_503_not_500(
    app_env: str, engine: Engine, keys: dict[str, str]
) -> None:
    """A writer queued behind a long transaction holds the only pooled connection; others wait, then 503."""
    fact = asserted(without_document(load_seed().facts[1]))
    pool = PoolSettings(size=1, overflow=0, timeout_seconds=0.3)
    read, write = bearer(keys["read"]), bearer(keys["write"])
    with TestClient(create_app(Settings(auth=True, pool=pool))) as small, ThreadPoolExecutor(1) as writer:
        assert small.get(f"{API}/events", headers=read).status_code == 200
        with engine.connect() as blocker:
            blocker.begin()
            recorder.lock_log(blocker)  # the writer below queues behind this transaction
            queued = writer.submit(small.post, f"{API}/events", json={"events": [fact]}, headers=write)
            try:
                wait_for_queued_writer(engine)  # it holds the only pooled connection while it waits
                waiting = [small.get(f"{API}/events", headers=read), small.get(f"{API}/ready")]
            finally:
                blocker.rollback()
        assert queued.result(timeout=30).status_code == 201
    busy, ready = waiting
    assert "busy" in _is_problem(busy, 503)["detail"] and busy.headers["Retry-After"]
    assert ready.status_code == 503 and ready.json()["ready"] is False


def test_a_database_not_migrated_yet_is_503_not_a_server_error(
    app_env: str, server: ServerAddress, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Missing tables are the deployment's state, not the caller's fault nor a bug: 503 until migrated."""
    bare = f"{TEST_DBNAME}_bare"
    admin = server.url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(bare)))
    try:
        monkeypatch.setenv("TIMELINE_DATABASE_URL", server.url(bare))
        with TestClient(create_app(Settings(auth=False))) as unmigrated:
            _is_problem(unmigrated.get(f"{API}/events"), 503)
            _is_problem(unmigrated.get(f"{API}/state?as_of=2025-11-07"), 503)
            assert unmigrated.get(f"{API}/ready").status_code == 503
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(bare)))


def test_a_server_without_the_application_role_fails_to_connect_not_on_the_callers_value(
    db_url: str,
) -> None:
    """A cluster the migrations never ran on lacks timeline_app: a connection failure (503), not a 400."""
    engine = make_engine(db_url, role="timeline_no_such_role")
    try:
        with pytest.raises(OperationalError) as refused, engine.connect():
            pass
    finally:
        engine.dispose()
    assert is_connection_failure(refused.value)
