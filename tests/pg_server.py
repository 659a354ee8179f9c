"""Which PostgreSQL server the tests use: TIMELINE_TEST_DATABASE_URL, else an embedded one."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import psycopg
from psycopg import sql

from timeline.store import embedded

TEST_URL_ENV = "TIMELINE_TEST_DATABASE_URL"
EMBEDDED_HOME = Path(__file__).resolve().parents[1] / ".timeline" / "test"


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    user: str
    password: str | None

    def url(self, dbname: str) -> str:
        auth = quote(self.user) + (":" + quote(self.password) if self.password else "")
        if self.host.startswith("/"):
            # libpq takes a socket directory as `host`; only the query string can carry a path.
            return f"postgresql://{auth}@/{dbname}?host={self.host}&port={self.port}"
        return f"postgresql://{auth}@{self.host}:{self.port}/{dbname}"


def parse(url: str) -> ServerAddress:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    host = query.get("host", [parts.hostname or "127.0.0.1"])[0]
    port = int(query.get("port", [parts.port or 5432])[0])
    return ServerAddress(host=host, port=port, user=parts.username or "postgres", password=parts.password)


def test_server() -> ServerAddress:
    url = os.environ.get(TEST_URL_ENV, "").strip()
    if not url:
        url = embedded.start(EMBEDDED_HOME)
    return parse(url)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def drop_abandoned_test_databases(server: ServerAddress) -> None:
    """Drop the databases of test runs whose process is gone (a killed run leaves its template behind)."""
    with psycopg.connect(server.url("postgres"), autocommit=True) as conn:
        names = [
            r[0] for r in conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'timeline_test_%'")
        ]
        for name in names:
            match = re.fullmatch(r"timeline_test_(\d+)(?:_tmpl)?", name)
            if match and not _pid_alive(int(match.group(1))):
                # A template cannot be dropped until it stops being one.
                conn.execute(sql.SQL("ALTER DATABASE {} IS_TEMPLATE false").format(sql.Identifier(name)))
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
