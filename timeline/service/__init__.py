"""The service: every use case the CLI and the API offer, over the store and the extractor.

Each use case is a function of the connection it runs on, in a module named for its job. This module is
the synchronous facade (the CLI, scripts, tests): it opens a connection or a transaction from the
process's pool and runs the use case on it. `timeline.service.aio.AsyncService` runs the same functions over
async psycopg for the HTTP API. Callers pass domain values and get domain values back; errors are
`timeline.errors` exceptions.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection

# Re-exported (`X as X`) for the CLI and the API, which never import the layers below the service.
from timeline.domain.facts import EVENT_PREDICATES, STATE_PREDICATES
from timeline.extract.types import Document as Document
from timeline.extract.types import ExtractionResult as ExtractionResult
from timeline.extract.types import ReadError as ReadError
from timeline.service import answers, changes, database, documents, entities, feed, keys
from timeline.service.answers import StateAnswer as StateAnswer
from timeline.service.database import DatabaseStatus as DatabaseStatus
from timeline.service.database import Readiness as Readiness
from timeline.service.database import database_location as database_location
from timeline.service.database import database_status as database_status
from timeline.service.database import migrate_database as migrate_database
from timeline.service.database import stop_embedded_database as stop_embedded_database
from timeline.service.documents import DocumentPage as DocumentPage
from timeline.service.documents import DocumentView as DocumentView
from timeline.service.documents import IngestResult as IngestResult
from timeline.service.extraction import brat_annotations as brat_annotations
from timeline.service.extraction import document_hash as document_hash
from timeline.service.extraction import extract_document as extract_document
from timeline.service.extraction import extract_file as extract_file
from timeline.service.extraction import parse_seed_text as parse_seed_text
from timeline.service.extraction import read_documents as read_documents
from timeline.service.feed import AppendResult as AppendResult
from timeline.service.keys import KEY_SCOPES as KEY_SCOPES
from timeline.service.keys import CreatedKey as CreatedKey
from timeline.service.recording import EXTRACTOR_RECORDER as EXTRACTOR_RECORDER
from timeline.service.recording import record as record
from timeline.store.documents import StoredDocument as StoredDocument
from timeline.store.entity_search import EntityRecord as EntityRecord
from timeline.store.keys import StoredKey as StoredKey
from timeline.store.recorder import ChainReport as ChainReport
from timeline.store.recorder import StoredEvent as StoredEvent
from timeline.store.reporting import QueryResult as QueryResult

KNOWN_PREDICATES = tuple(sorted(STATE_PREDICATES | EVENT_PREDICATES))

P = ParamSpec("P")
T = TypeVar("T")
A = TypeVar("A")


def reading(use_case: Callable[Concatenate[Connection, P], T]) -> Callable[P, T]:
    """The use case on a pooled connection, in a transaction that is rolled back (it only reads)."""

    @functools.wraps(use_case)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        with database.engine().connect() as conn:
            return use_case(conn, *args, **kwargs)

    return run


def writing(use_case: Callable[Concatenate[Connection, P], T]) -> Callable[P, T]:
    """The use case in its own transaction, committed when it returns and rolled back when it raises."""

    @functools.wraps(use_case)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        with database.engine().begin() as conn:
            return use_case(conn, *args, **kwargs)

    return run


def finished(query: Callable[P, A], finish: Callable[[A], T]) -> Callable[P, T]:
    """The query, then the CPU work that turns its rows into the answer (the async facade splits them)."""

    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        return finish(query(*args, **kwargs))

    run.__doc__ = finish.__doc__
    return run


verify_log = reading(database.verify_log)

state_as_of = finished(reading(answers.query_state), answers.finish_state)
entity_history = reading(answers.entity_history)
retract_fact = writing(changes.retract_fact)
correct_fact = writing(changes.correct_fact)
rebuild = writing(changes.rebuild)

ingest_extracted = writing(documents.store_extracted)
known_document_id = reading(documents.known_document_id)
get_document = reading(documents.get_document)
list_documents = reading(documents.list_documents)

append_client_events = writing(feed.append_client_events)
read_events = reading(feed.read_events)

create_key = writing(keys.create_key)
revoke_key = writing(keys.revoke_key)
list_keys = reading(keys.list_keys)
authenticate_key = reading(keys.authenticate_key)

search_entities = reading(entities.search_entities)
get_entity = reading(entities.get_entity)
alias_entity = writing(entities.alias_entity)
merge_entities = writing(entities.merge_entities)


def ingest_document(document: Document, recorded_by: str = EXTRACTOR_RECORDER) -> IngestResult:
    return ingest_extracted(extract_document(document), recorded_by)


def ingest_paths(
    paths: Iterable[Path], published: date | None = None, recorded_by: str = EXTRACTOR_RECORDER
) -> Iterator[IngestResult]:
    """Ingest files and folders; every document is its own transaction."""
    for document in read_documents(paths, published):
        yield ingest_document(document, recorded_by)
