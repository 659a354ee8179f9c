"""Where the database is: `TIMELINE_DATABASE_URL`, else the embedded server under `./.timeline/`."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DATABASE_URL_ENV = "TIMELINE_DATABASE_URL"
READER_DATABASE_URL_ENV = "TIMELINE_READER_DATABASE_URL"
HOME_ENV = "TIMELINE_HOME"


def timeline_home() -> Path:
    return Path(os.environ.get(HOME_ENV, ".timeline")).resolve()


def configured_database_url() -> str | None:
    url = os.environ.get(DATABASE_URL_ENV, "").strip()
    return url or None


def configured_reader_url() -> str | None:
    url = os.environ.get(READER_DATABASE_URL_ENV, "").strip()
    return url or None


def as_user(url: str, user: str) -> str:
    """The same server and database, logged in as `user` (no password: the server must trust it)."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}"))


def sqlalchemy_url(url: str) -> str:
    """The psycopg 3 dialect's spelling of a libpq URL."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    raise ValueError(f"not a PostgreSQL URL: {url!r}")


def libpq_url(url: str) -> str:
    """The plain libpq spelling, for connecting with psycopg directly."""
    return "postgresql://" + sqlalchemy_url(url)[len("postgresql+psycopg://") :]
