"""The service: every use case the CLI and the API offer, as plain functions over the store and extractor.

Callers pass domain values and get domain values back; errors are `timeline.errors` exceptions.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, InterfaceError, OperationalError

from timeline import config
from timeline.domain.events import (
    DocumentIngested,
    DomainEvent,
    EntitiesMerged,
    EntityAliased,
    EntityRegistered,
    FactAsserted,
    FactCorrected,
    FactRetracted,
)
from timeline.domain.facts import EVENT_PREDICATES, STATE_PREDICATES, Fact
from timeline.domain.fold import FactView
from timeline.domain.ids import content_hash, document_id_for, normalize_text
from timeline.errors import Conflict, DatabaseUnavailable, InvalidInput, NotFound

# Re-exported (`X as X`) for the CLI and the API, which never import the layers below the service.
from timeline.extract.aliases import aliases_of
from timeline.extract.types import Document as Document
from timeline.extract.types import ExtractionResult as ExtractionResult
from timeline.extract.types import ReadError as ReadError
from timeline.store import documents as document_store
from timeline.store import embedded, migrate, queries, recorder
from timeline.store.db import app_engine, database_url, dispose_app_engines, reader_engine
from timeline.store.documents import StoredDocument as StoredDocument
from timeline.store.entity_search import EntityRecord as EntityRecord
from timeline.store.event_log import stream_of, to_new_event, to_recorded
from timeline.store.keys import StoredKey as StoredKey
from timeline.store.recorder import ChainReport
from timeline.store.recorder import StoredEvent as StoredEvent
from timeline.store.reporting import QueryResult

EXTRACTOR_RECORDER = "extractor:ru-rules/1"


# --- the database itself -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DatabaseStatus:
    url: str | None
    embedded: bool
    running: bool
    revision: str | None
    head: str | None


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


def _engine() -> Engine:
    try:
        return app_engine()
    except OperationalError as exc:  # pragma: no cover - depends on the server being down
        raise DatabaseUnavailable(str(exc.orig)) from exc


def verify_log() -> ChainReport:
    with _engine().connect() as conn:
        return recorder.verify_chain(conn)


# --- recording ----------------------------------------------------------------------------------


def _event_id(seed: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "timeline:event:" + seed))


def record(
    conn: Connection,
    domain_events: Sequence[DomainEvent],
    recorded_by: str,
    event_ids: Sequence[str] | None = None,
    expected_versions: dict[str, int | None] | None = None,
) -> list[StoredEvent]:
    """Append domain events and update the projections in the caller's transaction."""
    ids = list(event_ids) if event_ids is not None else [str(uuid.uuid4()) for _ in domain_events]
    stored = recorder.append(
        conn,
        [to_new_event(e, i) for e, i in zip(domain_events, ids, strict=True)],
        recorded_by=recorded_by,
        expected_versions=expected_versions,
    )
    _project(conn, stored)
    return stored


def _project(conn: Connection, stored: Sequence[StoredEvent]) -> None:
    try:
        from timeline.store.projection import apply_to_projection
    except ImportError:  # the projection arrives with the bitemporal migration
        return
    apply_to_projection(conn, [to_recorded(s) for s in stored])


# --- documents ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IngestResult:
    document_id: str
    created: bool
    facts: tuple[Fact, ...]
    origin: str | None = None


def _events_for(result: ExtractionResult, document_id: str, conn: Connection) -> list[DomainEvent]:
    doc = result.document
    found: list[DomainEvent] = [
        DocumentIngested(
            document_id=document_id,
            content_hash=result.content_hash,
            title=doc.title,
            publisher=doc.publisher,
            url=doc.url,
            published_at=doc.published_at,
        )
    ]
    aliases = aliases_of(result)
    ids = [e.id for e in result.entities]
    versions = recorder.stream_versions(conn, [f"entity-{i}" for i in ids])
    recorded_aliases = queries.known_aliases(conn, ids)
    for entity in result.entities:
        names = aliases.get(entity.id, ())
        if versions[f"entity-{entity.id}"] == 0:
            found.append(EntityRegistered(entity.id, entity.name, entity.type, names))
        else:
            fresh = [n for n in names if (entity.id, n) not in recorded_aliases]
            found.extend(EntityAliased(entity_id=entity.id, alias=n) for n in fresh)
    found.extend(FactAsserted(fact=f) for f in result.facts)
    return found


def ingest_extracted(result: ExtractionResult, recorded_by: str = EXTRACTOR_RECORDER) -> IngestResult:
    """Record a document and all its facts in one transaction; the same text twice records nothing."""
    doc = result.document
    document_id = document_id_for(result.content_hash)
    with _engine().begin() as conn:
        recorder.lock_log(conn)
        existing = document_store.document_by_hash(conn, result.content_hash)
        if existing is not None:
            return IngestResult(existing.document_id, False, result.facts, doc.origin)
        document_store.insert_document(
            conn,
            document_id=document_id,
            content_hash=result.content_hash,
            text=normalize_text(doc.text),
            title=doc.title,
            publisher=doc.publisher,
            url=doc.url,
            published_at=doc.published_at,
        )
        domain_events = _events_for(result, document_id, conn)
        ids = [_event_id(f"{document_id}:{stream_of(e)}:{n}") for n, e in enumerate(domain_events)]
        record(conn, domain_events, recorded_by, event_ids=ids)
    return IngestResult(document_id, True, result.facts, doc.origin)


def extract_file(path: str | Path, published: date | None = None) -> list[ExtractionResult]:
    """Extract every document of a file or folder without storing anything; ReadError names a bad file."""
    from timeline.extract.api import extract_file as extract_documents

    return extract_documents(path, published)


def brat_annotations(result: ExtractionResult) -> str:
    """The extraction as NEREL-style brat `.ann` text."""
    from timeline.extract.brat import to_brat

    return to_brat(result)


def parse_seed_text(text: str, origin: str) -> Document:
    """A document in the seed format (` date YYYY-MM-DD <title>` then the body); ReadError when it is not."""
    from timeline.extract.readers import parse_seed

    return parse_seed(text, origin)


def shutdown() -> None:
    """Close pooled database connections (a server stopping)."""
    dispose_app_engines()


def extract_document(document: Document) -> ExtractionResult:
    from timeline.extract.pipeline import extract

    return extract(document)


def ingest_document(document: Document, recorded_by: str = EXTRACTOR_RECORDER) -> IngestResult:
    return ingest_extracted(extract_document(document), recorded_by)


def read_documents(paths: Iterable[Path], published: date | None = None) -> list[Document]:
    """Every document in the files and folders; a file that cannot be read fails before anything is stored."""
    from timeline.extract.readers import read_any

    return [document for path in paths for document in read_any(path, published)]


def ingest_paths(
    paths: Iterable[Path], published: date | None = None, recorded_by: str = EXTRACTOR_RECORDER
) -> Iterator[IngestResult]:
    """Ingest files and folders; every document is its own transaction."""
    for document in read_documents(paths, published):
        yield ingest_document(document, recorded_by)


def document_hash(text: str) -> str:
    return content_hash(text)


# --- as-of questions, corrections and retractions ---------------------------------------------------


def _as_date(value: date | str, field: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInput(f"{field} must be a date (YYYY-MM-DD), got {value!r}", field=field) from None


def _as_instant(value: datetime | str | None, field: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        try:
            value = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise InvalidInput(
                f"{field} must be an ISO timestamp (2025-11-07T12:00:00+00:00), got {value!r}", field=field
            ) from None
    # A time without a zone is read as UTC, the zone recorded times are shown in.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _check_known_at(conn: Connection, known_at: datetime | None) -> None:
    if known_at is not None and known_at > queries.database_now(conn):
        raise InvalidInput(
            f"known_at {known_at.isoformat()} is in the future: nothing is known there yet", field="known_at"
        )


@dataclass(frozen=True, slots=True)
class StateAnswer:
    """An as-of answer with the cut it was taken at: `known_at` is the database's clock when not given."""

    as_of: date
    known_at: datetime
    state: list[FactView]
    events: list[FactView]


def state_as_of(
    as_of: date | str,
    known_at: datetime | str | None = None,
    entity: str | None = None,
    predicate: str | None = None,
    events_limit: int | None = None,
) -> StateAnswer:
    """The state in force on `as_of` and the events that had happened by then, as known at `known_at`."""
    day = _as_date(as_of, "as_of")
    known = _as_instant(known_at, "known_at")
    if predicate is not None and predicate not in STATE_PREDICATES | EVENT_PREDICATES:
        raise InvalidInput(f"unknown predicate {predicate!r}", field="predicate")
    if events_limit is not None and events_limit < 0:
        raise InvalidInput("events_limit must not be negative", field="events_limit")
    with _engine().connect() as conn:
        _check_known_at(conn, known)
        # One explicit cut for the whole answer, so the caller can ask the same question again later.
        cut = known if known is not None else queries.database_now(conn)
        answer = queries.state_as_of(conn, day, cut, entity, predicate, events_limit)
    return StateAnswer(day, cut, answer.state, answer.events)


def entity_history(name: str) -> list[queries.FactVersion]:
    """Every version of every fact naming the entity (by id, name or alias), oldest knowledge first."""
    if not name.strip():
        raise InvalidInput("an entity name is needed", field="entity")
    with _engine().connect() as conn:
        if queries.find_entity(conn, name) is None:
            raise NotFound(f"unknown entity: {name!r}")
        return queries.entity_history(conn, name)


def _require_reason(reason: str, change: str) -> None:
    if not reason.strip():
        raise InvalidInput(f"a {change} needs a reason", field="reason")


def _fact_in_force(conn: Connection, fact_id: str) -> queries.FactVersion:
    current = queries.current_version(conn, fact_id)
    if current is not None:
        return current
    if queries.last_version(conn, fact_id) is not None:
        raise Conflict(f"fact {fact_id} is retracted; assert a new fact instead")
    raise NotFound(f"no fact {fact_id}")


def retract_fact(fact_id: str, reason: str, recorded_by: str) -> StoredEvent:
    """Record that a fact no longer holds as known; answers known before stay as they were."""
    _require_reason(reason, "retraction")
    with _engine().begin() as conn:
        recorder.lock_log(conn)
        _fact_in_force(conn, fact_id)
        return record(conn, [FactRetracted(fact_id=fact_id, reason=reason)], recorded_by)[0]


def correct_fact(fact_id: str, fact: Fact, reason: str, recorded_by: str) -> StoredEvent:
    """Record a new version of a fact; it keeps `fact_id` whatever id the new version carries."""
    _require_reason(reason, "correction")
    with _engine().begin() as conn:
        recorder.lock_log(conn)
        _fact_in_force(conn, fact_id)
        return record(conn, [FactCorrected(fact_id=fact_id, fact=fact, reason=reason)], recorded_by)[0]


def rebuild() -> int:
    """Rebuild the facts and entities projection from the log; returns how many events it replayed."""
    from timeline.store.projection import rebuild_projection

    with _engine().begin() as conn:
        # Writers wait while the projection is rebuilt, so none of their events is missed.
        recorder.lock_log(conn)
        return rebuild_projection(conn)


# --- the HTTP API's use cases: documents, client events, the feed, keys, reporting SQL, readiness -------


@dataclass(frozen=True, slots=True)
class DocumentView:
    document: StoredDocument
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class DocumentPage:
    documents: tuple[StoredDocument, ...]
    next_cursor: str | None


def _document_uuid(document_id: str) -> str | None:
    try:
        return str(uuid.UUID(document_id))
    except ValueError:
        return None


def known_document_id(document: Document) -> str | None:
    """The id of a stored document with the same text, so a repeat need not be extracted again."""
    with _engine().connect() as conn:
        found = document_store.document_by_hash(conn, content_hash(document.text))
    return found.document_id if found is not None else None


def get_document(document_id: str) -> DocumentView:
    """A stored document and the facts it brought; NotFound for an unknown (or malformed) id."""
    from timeline.store.document_events import facts_of_document

    key = _document_uuid(document_id)
    with _engine().connect() as conn:
        found = document_store.document_by_id(conn, key) if key is not None else None
        if found is None:
            raise NotFound(f"no document {document_id}")
        return DocumentView(found, tuple(facts_of_document(conn, found.document_id)))


def _encode_cursor(doc: StoredDocument) -> str:
    raw = f"{doc.ingested_at.isoformat()}|{doc.document_id}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, _, doc_id = raw.partition("|")
        moment = datetime.fromisoformat(at)
        key = _document_uuid(doc_id)
        if moment.tzinfo is None or key is None:
            raise ValueError(cursor)
    except ValueError:
        raise InvalidInput("not a cursor this API handed out", "cursor") from None
    return moment, key


def list_documents(
    publisher: str | None = None, since: date | None = None, cursor: str | None = None, limit: int = 50
) -> DocumentPage:
    """Newest first; pass `next_cursor` back as `cursor` for the following page."""
    if not 1 <= limit <= 500:
        raise InvalidInput("limit must lie in 1..500", "limit")
    after = _decode_cursor(cursor) if cursor else None
    with _engine().connect() as conn:
        found = document_store.list_documents(conn, publisher, since, after, limit + 1)
    page = tuple(found[:limit])
    return DocumentPage(page, _encode_cursor(page[-1]) if len(found) > limit else None)


@dataclass(frozen=True, slots=True)
class AppendResult:
    appended: tuple[StoredEvent, ...]
    already_stored: tuple[str, ...]


def append_client_events(items: Sequence[Any], recorded_by: str) -> AppendResult:
    """Append a client's batch of fact events atomically: all of it, or InvalidInput/ConcurrencyError.

    Event ids make a retry safe: ids already in the log are skipped (and their expected versions are not
    checked again, since the first attempt already passed them).
    """
    from timeline.client_events import expected_versions, parse_batch

    batch = parse_batch(items)
    try:
        with _engine().begin() as conn:
            recorder.lock_log(conn)
            for n, item in enumerate(batch):
                if isinstance(item.event, FactAsserted | FactCorrected):
                    doc = item.event.fact.source.document_id
                    if doc is not None and document_store.document_by_id(conn, doc) is None:
                        raise InvalidInput(f"no document {doc}", f"events[{n}].fact.source.document_id")
            domain_events: list[DomainEvent] = []
            ids: list[str] = []
            registered: set[str] = set()
            for item in batch:
                if isinstance(item.event, FactAsserted | FactCorrected):
                    for entity in item.event.fact.entities():
                        stream = f"entity-{entity.id}"
                        if entity.id in registered or recorder.stream_version(conn, stream) != 0:
                            continue
                        registered.add(entity.id)
                        domain_events.append(EntityRegistered(entity.id, entity.name, entity.type))
                        ids.append(_event_id(f"{item.event_id}:{stream}"))
                domain_events.append(item.event)
                ids.append(item.event_id)
            stored = record(conn, domain_events, recorded_by, ids, expected_versions(batch))
    except (DataError, IntegrityError) as exc:
        raise InvalidInput(f"the database refused the batch: {exc.orig}", "events") from exc
    new_ids = {s.event_id for s in stored}
    return AppendResult(tuple(stored), tuple(i.event_id for i in batch if i.event_id not in new_ids))


def read_events(after: int = 0, limit: int = 100) -> list[StoredEvent]:
    """The log after a position, in order; a consumer that passes back its last position misses nothing."""
    if after < 0:
        raise InvalidInput("after must be a position (>= 0)", "after")
    if not 1 <= limit <= 1000:
        raise InvalidInput("limit must lie in 1..1000", "limit")
    with _engine().connect() as conn:
        return recorder.read_from(conn, after, limit)


KEY_SCOPES = ("read", "write", "admin")


@dataclass(frozen=True, slots=True)
class CreatedKey:
    key: StoredKey
    secret: str  # shown once: only its sha256 is stored


def _key_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_key(name: str, scope: str) -> CreatedKey:
    from timeline.store import keys

    if scope not in KEY_SCOPES:
        raise InvalidInput(f"scope must be one of {', '.join(KEY_SCOPES)}", "scope")
    if not name.strip() or "\x00" in name or len(name) > 200:
        raise InvalidInput("a key needs a name (1..200 characters)", "name")
    secret = "tlk_" + secrets.token_urlsafe(32)
    with _engine().begin() as conn:
        stored = keys.insert_key(conn, str(uuid.uuid4()), name.strip(), scope, _key_hash(secret))
    return CreatedKey(stored, secret)


def revoke_key(key_id: str) -> StoredKey:
    from timeline.store import keys

    key = _document_uuid(key_id)
    with _engine().begin() as conn:
        revoked = keys.revoke_key(conn, key) if key is not None else None
    if revoked is None:
        raise NotFound(f"no key {key_id}")
    return revoked


def list_keys() -> list[StoredKey]:
    from timeline.store import keys

    with _engine().connect() as conn:
        return keys.list_keys(conn)


def authenticate_key(secret: str) -> StoredKey | None:
    """The active key this secret belongs to; None for unknown or revoked secrets."""
    from timeline.store import keys

    if not secret or len(secret) > 200:
        return None
    with _engine().connect() as conn:
        return keys.active_key_by_hash(conn, _key_hash(secret))


def _is_connection_failure(exc: DBAPIError) -> bool:
    """The server is gone or refuses connections, as opposed to refusing this statement."""
    if not isinstance(exc, OperationalError | InterfaceError):
        return False
    state = getattr(exc.orig, "sqlstate", None)
    return state is None or state.startswith(("08", "57P", "53"))


def run_readonly_sql(
    sql: str, params: dict[str, Any] | None = None, row_limit: int = 1000, timeout_ms: int = 5000
) -> QueryResult:
    """One read-only statement as timeline_reader; SQL errors become InvalidInput in PostgreSQL's words."""
    from timeline.store.reporting import run_readonly

    if not sql.strip():
        raise InvalidInput("no SQL given", "sql")
    if "\x00" in sql:
        raise InvalidInput("SQL may not contain NUL characters", "sql")
    try:
        engine = reader_engine()
    except OperationalError as exc:  # pragma: no cover - depends on the server being down
        raise DatabaseUnavailable(str(exc.orig)) from exc
    try:
        with engine.connect() as conn, conn.begin() as transaction:
            try:
                return run_readonly(conn, sql, params, row_limit, timeout_ms)
            finally:
                transaction.rollback()
    except DBAPIError as exc:
        if _is_connection_failure(exc):
            raise DatabaseUnavailable(str(exc.orig)) from exc
        raise InvalidInput(str(exc.orig).strip(), "sql") from exc
    except psycopg.Error as exc:  # raised by the driver's own cursor, so SQLAlchemy did not wrap it
        state = exc.sqlstate
        if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError) and (
            state is None or state.startswith(("08", "57P", "53"))
        ):
            raise DatabaseUnavailable(str(exc)) from exc
        # No SQLSTATE: the driver refused before sending (placeholders that do not match the params).
        raise InvalidInput(str(exc).strip(), "sql" if state is not None else "params") from exc


@dataclass(frozen=True, slots=True)
class Readiness:
    database: bool
    revision: str | None
    head: str | None

    @property
    def ready(self) -> bool:
        return self.database and self.revision == self.head


def readiness() -> Readiness:
    """Whether the configured database answers and carries the newest schema (never starts a server)."""
    head = migrate.head_revision()
    url = config.configured_database_url()
    if url is None:
        if not embedded.is_running():
            return Readiness(False, None, head)
        url = embedded.start()
    try:
        return Readiness(True, migrate.current_revision(url), head)
    except (OperationalError, DBAPIError):
        return Readiness(False, None, head)


def search_entities(query: str, limit: int = 20) -> list[EntityRecord]:
    """Registered entities whose id, name or any alias contains `query`."""
    from timeline.store.entity_search import describe, search_ids

    if not query.strip() or "\x00" in query:
        raise InvalidInput("a search needs some text", "q")
    if not 1 <= limit <= 200:
        raise InvalidInput("limit must lie in 1..200", "limit")
    with _engine().connect() as conn:
        found = (describe(conn, i) for i in search_ids(conn, query, limit))
        return [e for e in found if e is not None]


def get_entity(entity: str) -> EntityRecord:
    """An entity by id, name or alias, as the surviving entity after merges."""
    from timeline.store.entity_search import describe

    if not entity.strip() or "\x00" in entity:
        raise NotFound(f"unknown entity: {entity!r}")
    with _engine().connect() as conn:
        root = queries.find_entity(conn, entity)
        if root is None:
            raise NotFound(f"unknown entity: {entity!r}")
        # An entity that only facts name (never registered) is still an entity, known by its id.
        return describe(conn, root) or EntityRecord(root, root, "OTHER", (), ())


# --- entities: aliases and merges --------------------------------------------------------------------


def _surviving_id(conn: Connection, entity: str) -> str:
    found = queries.find_entity(conn, entity)
    if found is None:
        raise NotFound(f"unknown entity: {entity!r}")
    return found


def alias_entity(entity: str, alias: str, recorded_by: str) -> StoredEvent | None:
    """Record another name for an entity; None when the entity already has that alias."""
    alias = " ".join(alias.split())
    if not alias:
        raise InvalidInput("an alias needs some text", field="alias")
    with _engine().begin() as conn:
        recorder.lock_log(conn)
        entity_id = _surviving_id(conn, entity)
        if (entity_id, alias) in queries.known_aliases(conn, [entity_id]):
            return None
        return record(conn, [EntityAliased(entity_id=entity_id, alias=alias)], recorded_by)[0]


def merge_entities(merged: str, into: str, reason: str, recorded_by: str) -> StoredEvent:
    """Record that `merged` is the same entity as `into` from now on; answers known before stay apart."""
    _require_reason(reason, "merge")
    with _engine().begin() as conn:
        recorder.lock_log(conn)
        merged_id = _surviving_id(conn, merged)
        into_id = _surviving_id(conn, into)
        if merged_id == into_id:
            raise Conflict(f"{merged!r} and {into!r} are already the same entity ({into_id})")
        event = EntitiesMerged(merged_id=merged_id, into_id=into_id, reason=reason)
        return record(conn, [event], recorded_by)[0]
