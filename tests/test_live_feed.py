"""Live readers are woken by PostgreSQL's NOTIFY (migration 0005), over the async service's connections."""

from __future__ import annotations

import asyncio
import logging

import psycopg
import pytest
from sqlalchemy import Engine

from tests.api_support import without_document
from tests.seed_facts import load_seed
from timeline import config, service
from timeline.domain.events import FactAsserted
from timeline.service.aio import AsyncService, PoolSettings
from timeline.store.log_watch import LogWatcher


def _assert_facts(engine: Engine, count: int) -> list[int]:
    facts = [without_document(f) for _n, f in sorted(load_seed().facts.items())][:count]
    with engine.begin() as conn:
        stored = service.record(conn, [FactAsserted(fact=f) for f in facts], "test")
    return [s.position for s in stored]


def test_one_committed_batch_is_one_notification_carrying_its_last_position(
    db_url: str, engine: Engine
) -> None:
    with psycopg.connect(config.libpq_url(db_url), autocommit=True) as listener:
        listener.execute("LISTEN timeline_events")
        positions = _assert_facts(engine, 3)
        heard = [n.payload for n in listener.notifies(timeout=1, stop_after=2)]
    assert heard == [str(max(positions))]


def test_a_rolled_back_append_notifies_no_one(db_url: str, engine: Engine) -> None:
    fact = without_document(load_seed().facts[1])
    with psycopg.connect(config.libpq_url(db_url), autocommit=True) as listener:
        listener.execute("LISTEN timeline_events")
        with engine.connect() as conn, conn.begin() as transaction:
            service.record(conn, [FactAsserted(fact=fact)], "test")
            transaction.rollback()
        assert list(listener.notifies(timeout=1)) == []


def test_a_waiting_reader_wakes_on_an_append_though_it_would_poll_only_hourly(
    app_env: str, engine: Engine
) -> None:
    async def scenario() -> tuple[bool, bool, list[int]]:
        timeline = await AsyncService.open(PoolSettings(poll_seconds=3600))
        try:
            listening = await timeline.until_listening(10)
            head = len(await timeline.read_events(0, 1000))
            waiting = asyncio.create_task(timeline.wait_for_events(head, timeout=60))
            await asyncio.sleep(0)  # the reader is waiting before the writer commits
            await asyncio.to_thread(_assert_facts, engine, 1)
            woke = await asyncio.wait_for(waiting, 90)
            return listening, woke, [e.position for e in await timeline.read_events(head, 1000)]
        finally:
            await timeline.close()

    listening, woke, new_positions = asyncio.run(scenario())
    assert listening and woke
    assert len(new_positions) >= 1


def test_the_api_pool_is_async_psycopg_of_the_configured_size(app_env: str) -> None:
    async def scenario() -> tuple[str, int, str]:
        timeline = await AsyncService.open(PoolSettings(size=3))
        try:
            pool = timeline.pool_status()
            answer = await timeline.state_as_of("2025-11-07")
            return pool, len(answer.state), timeline.driver
        finally:
            await timeline.close()

    pool, _, driver = asyncio.run(scenario())
    assert driver == "psycopg (async)"
    assert "Pool size: 3" in pool


def test_a_watcher_that_cannot_connect_warns_once_not_every_retry(caplog: pytest.LogCaptureFixture) -> None:
    async def scenario() -> None:
        # Nothing listens on port 1: every attempt is refused at once.
        watcher = LogWatcher("postgresql://nobody@127.0.0.1:1/timeline", poll_seconds=0.1, retry_seconds=0.02)
        watcher.start()
        await asyncio.sleep(0.5)
        await watcher.stop()

    with caplog.at_level(logging.DEBUG, logger="timeline.store.log_watch"):
        asyncio.run(scenario())
    attempts = [r for r in caplog.records if r.name == "timeline.store.log_watch"]
    assert len(attempts) >= 5  # it kept trying
    assert [r.levelno for r in attempts].count(logging.WARNING) == 1
