"""Live readers wait for appends by LISTENing on `timeline_events` (see migration 0005), not by polling.

One watcher per process holds one connection outside the pool and wakes every waiter whose position the
log has passed. While it cannot listen (the server restarted, say) waiters fall back to polling, so a
reader is delayed at worst, never stuck: it always re-reads the log itself after waking.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import psycopg

CHANNEL = "timeline_events"
log = logging.getLogger(__name__)


class LogWatcher:
    def __init__(self, url: str, poll_seconds: float, retry_seconds: float = 1.0) -> None:
        self._url = url
        self._poll_seconds = poll_seconds
        self._retry_seconds = retry_seconds
        self._latest = 0
        self._tick = asyncio.Event()
        self._listening = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def listening(self) -> bool:
        return self._listening.is_set()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="timeline-log-watcher")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def until_listening(self, timeout: float) -> bool:
        """Whether the watcher is listening, waiting up to `timeout` seconds for it to be."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._listening.wait(), timeout)
        return self.listening

    async def wait_past(self, position: int, timeout: float) -> bool:
        """Wait until an append past `position` is committed: True when told of one, False otherwise.

        Without a listening connection this only sleeps the poll interval, and the caller reads again.
        """
        if self._latest > position:
            return True
        tick = self._tick
        limit = timeout if self.listening else min(timeout, self._poll_seconds)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(tick.wait(), limit)
        return self._latest > position

    def _heard(self, position: int) -> None:
        self._latest = max(self._latest, position)
        tick, self._tick = self._tick, asyncio.Event()
        tick.set()

    async def _run(self) -> None:
        failing = False
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(self._url, autocommit=True)
            except psycopg.Error as exc:
                # Once per outage: a database down for an hour would otherwise log 3600 warnings a worker.
                level = logging.DEBUG if failing else logging.WARNING
                log.log(level, "cannot LISTEN for appends (%s); readers poll meanwhile", type(exc).__name__)
                failing = True
                await asyncio.sleep(self._retry_seconds)
                continue
            try:
                await conn.execute(f"LISTEN {CHANNEL}")
                self._listening.set()
                failing = False
                # Appends committed before LISTEN took effect are not announced: wake everyone to re-read.
                self._heard(self._latest)
                async for note in conn.notifies():
                    self._heard(int(note.payload) if note.payload.isdigit() else self._latest + 1)
            except psycopg.Error as exc:
                log.warning("lost the LISTEN connection (%s); reconnecting", type(exc).__name__)
            finally:
                self._listening.clear()
                await conn.close()
            await asyncio.sleep(self._retry_seconds)
