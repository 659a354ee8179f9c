"""The event store against real PostgreSQL: append, idempotence, concurrency, append-only, hash chain."""

from __future__ import annotations

import threading
import uuid
from datetime import date

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from timeline.errors import ConcurrencyError
from timeline.store import recorder
from timeline.store.recorder import NewEvent


def new_event(stream: str, **payload: object) -> NewEvent:
    return NewEvent(
        event_id=str(uuid.uuid4()),
        stream_id=stream,
        type="FactAsserted",
        payload={"n": 1, **payload},
        valid_from=date(2025, 11, 6),
        precision="day",
        actor_id="person:viktor-goremykin",
    )


def test_append_and_read_back_by_stream_and_position(engine: Engine) -> None:
    batch = [new_event("fact-a", n=1), new_event("fact-a", n=2), new_event("fact-b", n=3)]
    with engine.begin() as conn:
        stored = recorder.append(conn, batch, recorded_by="test", expected_versions={"fact-a": 0})
    assert [s.stream_version for s in stored] == [1, 2, 1]
    assert [s.payload["n"] for s in stored] == [1, 2, 3]
    positions = [s.position for s in stored]
    assert positions == sorted(positions) and len(set(positions)) == 3
    # One transaction is one moment of learning.
    assert len({s.recorded_at for s in stored}) == 1
    assert stored[0].recorded_at.tzinfo is not None
    with engine.connect() as conn:
        assert [e.payload["n"] for e in recorder.read_stream(conn, "fact-a")] == [1, 2]
        assert [e.event_id for e in recorder.read_from(conn, positions[0])] == [
            batch[1].event_id,
            batch[2].event_id,
        ]
        assert recorder.stream_version(conn, "fact-a") == 2
        assert recorder.stream_version(conn, "nothing") == 0


def test_the_same_event_twice_is_stored_once(engine: Engine) -> None:
    event = new_event("fact-a")
    with engine.begin() as conn:
        first = recorder.append(conn, [event], recorded_by="test")
    with engine.begin() as conn:
        again = recorder.append(conn, [event], recorded_by="test", expected_versions={"fact-a": 0})
    assert len(first) == 1 and again == []
    with engine.connect() as conn:
        assert len(recorder.read_from(conn)) == 1


def test_a_stale_expected_version_raises_and_writes_nothing(engine: Engine) -> None:
    with engine.begin() as conn:
        recorder.append(conn, [new_event("fact-a")], recorded_by="test")
    with pytest.raises(ConcurrencyError, match="version 1, not the expected 0"):
        with engine.begin() as conn:
            recorder.append(
                conn,
                [new_event("fact-b"), new_event("fact-a")],
                recorded_by="t",
                expected_versions={"fact-a": 0},
            )
    with engine.connect() as conn:
        assert recorder.stream_version(conn, "fact-b") == 0


def test_two_writers_with_the_same_expected_version_one_wins(engine: Engine) -> None:
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def writer() -> None:
        with engine.connect() as conn:
            barrier.wait()
            try:
                with conn.begin():
                    recorder.append(
                        conn, [new_event("fact-x")], recorded_by="t", expected_versions={"fact-x": 0}
                    )
                outcomes.append("ok")
            except ConcurrencyError:
                outcomes.append("conflict")

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict", "ok"]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE events SET type = 'x'",
        "DELETE FROM events",
        "TRUNCATE events CASCADE",
        "UPDATE documents SET title = 'x'",
        "DELETE FROM documents",
        "TRUNCATE documents CASCADE",
    ],
)
@pytest.mark.parametrize("who", ["engine", "owner_engine"])
def test_history_cannot_be_rewritten(statement: str, who: str, request: pytest.FixtureRequest) -> None:
    eng: Engine = request.getfixturevalue(who)
    with eng.begin() as conn:
        recorder.append(conn, [new_event("fact-a")], recorded_by="test")
        conn.execute(
            text(
                "INSERT INTO documents (document_id, content_hash, text, ingested_at) "
                "VALUES (gen_random_uuid(), repeat('a', 64), 'x', now())"
            )
        )
    with pytest.raises((DBAPIError, ProgrammingError)) as raised:
        with eng.begin() as conn:
            conn.execute(text(statement))
    message = str(raised.value)
    assert "append-only" in message or "permission denied" in message
    with eng.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar_one() == 1
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar_one() == 1


def test_the_reader_role_cannot_insert(owner_engine: Engine) -> None:
    with pytest.raises(ProgrammingError, match="permission denied"):
        with owner_engine.begin() as conn:
            conn.execute(text("SET LOCAL ROLE timeline_reader"))
            recorder.append(conn, [new_event("fact-a")], recorded_by="reader")
    with owner_engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE timeline_reader"))
        assert conn.execute(text("SELECT count(*) FROM events")).scalar_one() == 0


def test_verify_finds_the_first_tampered_position(engine: Engine, owner_engine: Engine) -> None:
    with engine.begin() as conn:
        stored = recorder.append(conn, [new_event(f"fact-{i}", n=i) for i in range(5)], recorded_by="test")
    with engine.connect() as conn:
        report = recorder.verify_chain(conn)
    assert report.ok and report.events == 5 and report.head_hash == stored[-1].hash
    assert stored[1].prev_hash == stored[0].hash

    tampered = stored[2].position
    with owner_engine.begin() as conn:
        conn.execute(text("ALTER TABLE events DISABLE TRIGGER events_append_only"))
        conn.execute(
            text("UPDATE events SET payload = jsonb_set(payload, '{n}', '99') WHERE position = :p"),
            {"p": tampered},
        )
        conn.execute(text("ALTER TABLE events ENABLE TRIGGER events_append_only"))
    with engine.connect() as conn:
        report = recorder.verify_chain(conn)
    assert not report.ok
    assert report.bad_position == tampered
    assert report.reason == "hash does not match the event"
