"""The database itself: where it is, its schema revision, readiness, and the log's hash chain."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from timeline import config
from timeline.errors import DatabaseUnavailable
from timeline.store import embedded, migrate, recorder
from timeline.store.db import app_engine, database_url
from timeline.store.recorder import ChainReport


@dataclass(frozen=True, slots=True)
class DatabaseStatus:
    url: str | None
    embedded: bool
    running: bool
    revision: str | None
    head: str | None

    @property
    def where(self) -> str:
        """Where the database is, in words: the configured URL's variable, or the embedded server's folder."""
        return f"embedded server under {config.timeline_home()}" if self.embedded else "TIMELINE_DATABASE_URL"


@dataclass(frozen=True, slots=True)
class Readiness:
    database: bool
    revision: str | None
    head: str | None

    @property
    def ready(self) -> bool:
        return self.database and self.revision == self.head


def engine() -> Engine:
    try:
        return app_engine()
    except OperationalError as exc:  # pragma: no cover - depends on the server being down
        raise DatabaseUnavailable(str(exc.orig)) from exc


def database_location() -> str:
    """The database URL, for psql; starts the embedded server when no URL is configured."""
    return database_url()


def migrate_database() -> str:
    """Bring the configured database to the newest schema; returns its revision."""
    url = database_url()
    migrate.upgrade(url)
    return migrate.current_revision(url) or ""


def database_status() -> DatabaseStatus:
    configured = config.configured_database_url()
    head = migrate.head_revision()
    if configured is None and not embedded.is_running():
        return DatabaseStatus(None, True, False, None, head)
    url = configured or embedded.start()
    try:
        revision = migrate.current_revision(url)
    except OperationalError:
        return DatabaseStatus(url, configured is None, False, None, head)
    return DatabaseStatus(url, configured is None, True, revision, head)


def stop_embedded_database() -> bool:
    return embedded.stop()


def verify_log(conn: Connection) -> ChainReport:
    return recorder.verify_chain(conn)


def readiness_on(conn: Connection) -> Readiness:
    """Readiness seen over an open connection (the async facade's pool)."""
    return Readiness(True, migrate.revision_on(conn), migrate.head_revision())
