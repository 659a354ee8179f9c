"""Every test that asks for a database gets a fresh one, cloned from a template migrated once per run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from pytest_postgresql import factories
from sqlalchemy import Engine

from tests.pg_server import ServerAddress, drop_abandoned_test_databases, test_server
from timeline.store import migrate
from timeline.store.db import make_engine

SERVER: ServerAddress = test_server()
# One name per run: two runs on one server never share, or drop, each other's databases.
TEST_DBNAME = f"timeline_test_{os.getpid()}"
drop_abandoned_test_databases(SERVER)


def migrate_template(host: str, port: int, user: str, dbname: str, password: str | None, **_: Any) -> None:
    migrate.upgrade(ServerAddress(host, int(port), user, password).url(dbname))


timeline_server = factories.postgresql_noproc(
    host=SERVER.host,
    port=SERVER.port,
    user=SERVER.user,
    password=SERVER.password,
    dbname=TEST_DBNAME,
    load=[migrate_template],
)
fresh_database = factories.postgresql("timeline_server", dbname=TEST_DBNAME)


@pytest.fixture
def db_url(fresh_database: psycopg.Connection[Any]) -> str:
    """URL of this test's own freshly migrated database."""
    return SERVER.url(TEST_DBNAME)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """Connects as the application role: INSERT and SELECT on the log, nothing more."""
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def owner_engine(db_url: str) -> Iterator[Engine]:
    """Connects as the login that ran the migrations (the schema's owner)."""
    eng = make_engine(db_url, role=None)
    yield eng
    eng.dispose()


@pytest.fixture
def server() -> ServerAddress:
    return SERVER


@pytest.fixture
def app_env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Points the service, CLI and API at this test's database."""
    from timeline.store.db import dispose_app_engines

    monkeypatch.setenv("TIMELINE_DATABASE_URL", db_url)
    dispose_app_engines()
    yield db_url
    dispose_app_engines()
