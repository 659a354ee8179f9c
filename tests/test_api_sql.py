"""POST /sql: read-only as timeline_reader, bounded in time and rows, parameters bound not spliced."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from litestar.testing import TestClient
from sqlalchemy import Engine, text

from tests import api_support
from tests.api_support import API, asserted, bearer, without_document
from tests.seed_facts import load_seed

client, keys = api_support.client, api_support.keys  # fixtures shared by the API tests


def _sql(client: TestClient[Any], secret: str, **body: Any) -> Any:
    return client.post(f"{API}/sql", json=body, headers=bearer(secret))


def _store_seed_facts(client: TestClient[Any], secret: str) -> int:
    facts = [asserted(without_document(f)) for _n, f in sorted(load_seed().facts.items())]
    answer = client.post(f"{API}/events", json={"events": facts}, headers=bearer(secret))
    assert answer.status_code == 201
    return len(facts)


def test_a_report_returns_columns_and_rows(client: TestClient[Any], keys: dict[str, str]) -> None:
    stored = _store_seed_facts(client, keys["write"])
    answer = _sql(
        client, keys["read"], sql="SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type"
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["columns"] == ["type", "n"]
    assert dict(map(tuple, body["rows"]))["FactAsserted"] == stored
    assert body["truncated"] is False


def test_writes_and_ddl_are_refused(client: TestClient[Any], keys: dict[str, str]) -> None:
    _store_seed_facts(client, keys["write"])
    for statement in [
        "INSERT INTO documents (document_id, content_hash, text, ingested_at) "
        "VALUES (gen_random_uuid(), repeat('a', 64), 'x', now())",
        "UPDATE events SET recorded_by = 'mallory'",
        "DELETE FROM events",
        "DROP TABLE events",
        "CREATE TABLE sneaky (x int)",
        "SELECT * FROM api_keys",
        "SELECT 1; DELETE FROM events",
        "SELECT set_config('role', 'none', false), (SELECT count(*) FROM api_keys)",
    ]:
        answer = _sql(client, keys["admin"], sql=statement)
        assert answer.status_code == 400, (statement, answer.text)
        assert answer.json()["field"] == "sql"
        assert answer.headers["content-type"].startswith("application/problem+json")
    count = _sql(client, keys["read"], sql="SELECT count(*) FROM events").json()["rows"][0][0]
    assert count > 0


def test_changing_the_role_lasts_one_statement_only(client: TestClient[Any], keys: dict[str, str]) -> None:
    for _ in range(3):  # pooled connections must come back as they went out
        assert _sql(client, keys["read"], sql="RESET ROLE").status_code == 200
        assert _sql(client, keys["read"], sql="SET ROLE NONE").status_code == 200
        assert _sql(client, keys["read"], sql="SELECT current_user").json()["rows"] == [["timeline_reader"]]
        assert _sql(client, keys["read"], sql="SELECT count(*) FROM api_keys").status_code == 400
        assert _sql(client, keys["read"], sql="SHOW transaction_read_only").json()["rows"] == [["on"]]


def test_no_statement_can_become_another_role(client: TestClient[Any], keys: dict[str, str]) -> None:
    """The session logs in as the reader: set_config cannot switch to the owner mid-statement."""
    assert _sql(client, keys["read"], sql="SELECT session_user").json()["rows"] == [["timeline_reader"]]
    for statement in [
        "SELECT set_config('role', 'postgres', true), current_user",
        "SELECT set_config('session_authorization', 'postgres', true), current_user",
    ]:
        answer = _sql(client, keys["read"], sql=statement)
        assert answer.status_code == 400, (statement, answer.text)
        assert "permission denied" in answer.json()["detail"]


def test_postgres_messages_come_back_as_400(client: TestClient[Any], keys: dict[str, str]) -> None:
    answer = _sql(client, keys["read"], sql="SELECT no_such_column FROM events")
    assert answer.status_code == 400
    assert "no_such_column" in answer.json()["detail"]


def test_a_slow_statement_hits_the_timeout(client: TestClient[Any], keys: dict[str, str]) -> None:
    answer = _sql(client, keys["read"], sql="SELECT pg_sleep(5)", timeout_ms=200)
    assert answer.status_code == 400
    assert "timeout" in answer.json()["detail"]


def test_the_row_limit_truncates_and_says_so(client: TestClient[Any], keys: dict[str, str]) -> None:
    answer = _sql(client, keys["read"], sql="SELECT g FROM generate_series(1, 50) g", row_limit=10)
    body = answer.json()
    assert body["rows"] == [[n] for n in range(1, 11)]
    assert body["truncated"] is True and body["row_limit"] == 10
    exact = _sql(client, keys["read"], sql="SELECT g FROM generate_series(1, 10) g", row_limit=10).json()
    assert exact["truncated"] is False
    too_many = _sql(client, keys["read"], sql="SELECT 1", row_limit=10**9)
    assert too_many.status_code == 400 and too_many.json()["field"] == "row_limit"


def test_parameters_are_bound_so_injection_is_harmless(client: TestClient[Any], keys: dict[str, str]) -> None:
    _store_seed_facts(client, keys["write"])
    hostile = "x'; DROP TABLE events; --"
    answer = _sql(
        client, keys["read"], sql="SELECT %(v)s::text AS v, count(*) FROM events", params={"v": hostile}
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["rows"][0][0] == hostile
    assert answer.json()["rows"][0][1] > 0
    missing = _sql(client, keys["read"], sql="SELECT %(v)s", params={"w": 1})
    assert missing.status_code == 400


def test_values_of_every_kind_come_back_as_json(client: TestClient[Any], keys: dict[str, str]) -> None:
    answer = _sql(
        client,
        keys["read"],
        sql="SELECT 1.5::numeric AS n, DATE '2025-11-07' AS d, '{\"a\": 1}'::jsonb AS j, "
        "'\\x0102'::bytea AS b, interval '1 day' AS i, NULL AS z",
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["rows"] == [["1.5", "2025-11-07", {"a": 1}, "AQI=", "1 day, 0:00:00", None]]


def test_reports_survive_the_server_dropping_pooled_connections(
    client: TestClient[Any], keys: dict[str, str], owner_engine: Engine
) -> None:
    """After a database restart the first report is answered, not 503 for each stale pooled connection."""
    for _ in range(3):
        assert _sql(client, keys["read"], sql="SELECT 1").status_code == 200
    with owner_engine.connect() as admin:
        dropped = admin.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND usename = 'timeline_reader'"
            )
        ).scalar_one()
    assert dropped >= 1
    answers = [_sql(client, keys["read"], sql="SELECT 1") for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200], answers[0].text


def _peak_rss_growth_mib(action: Callable[[], Any]) -> float:
    """How far this process's resident memory peaked above where it stood (clear_refs resets the peak)."""

    def status(field: str) -> int:
        line = next(x for x in Path("/proc/self/status").read_text().splitlines() if x.startswith(field))
        return int(line.split()[1])  # kB

    Path("/proc/self/clear_refs").write_text("5")
    before = status("VmRSS:")
    action()
    return (status("VmHWM:") - before) / 1024


def test_the_row_limit_bounds_memory_not_only_the_answer(
    client: TestClient[Any], keys: dict[str, str]
) -> None:
    """300 MB of rows asked for with row_limit 2: the API must not hold them all to send back two."""
    answers: list[Any] = []
    sql = "SELECT g, repeat('x', 3000) AS pad FROM generate_series(1, 100000) g"
    growth = _peak_rss_growth_mib(lambda: answers.append(_sql(client, keys["read"], sql=sql, row_limit=2)))
    body = answers[0].json()
    assert answers[0].status_code == 200, body
    assert [row[0] for row in body["rows"]] == [1, 2] and body["truncated"] is True
    assert growth < 100, f"peak memory grew {growth:.0f} MiB"
    # the connection goes back to the pool usable: the cut-off statement left nothing behind
    assert _sql(client, keys["read"], sql="SELECT 1").json()["rows"] == [[1]]


def test_an_empty_result_still_names_its_columns(client: TestClient[Any], keys: dict[str, str]) -> None:
    for sql in ["SELECT type AS kind, position FROM events WHERE false", "SELECT 1 AS one WHERE false;"]:
        body = _sql(client, keys["read"], sql=sql).json()
        assert body["rows"] == [] and body["truncated"] is False
        assert body["columns"] in (["kind", "position"], ["one"]), body
    plan = _sql(client, keys["read"], sql="EXPLAIN SELECT * FROM events").json()
    assert plan["columns"] == ["QUERY PLAN"] and plan["rows"]
