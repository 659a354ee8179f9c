"""The async facade runs queries on the event loop; a large answer's CPU work must not stall it."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.api_support import without_document
from tests.seed_facts import PUBLISHED, load_seed
from timeline import service
from timeline.domain.events import FactAsserted
from timeline.domain.ids import fact_id_for
from timeline.service.aio import AsyncService
from timeline.store import queries

COPIES = 250


def _many_seed_facts(engine: Engine) -> int:
    """The seed's facts, each recorded COPIES times under new ids: an answer of a few thousand facts."""
    seed = [without_document(f) for _n, f in sorted(load_seed().facts.items())]
    facts = [replace(f, fact_id=fact_id_for("loop-test", n, f.fact_id)) for n in range(COPIES) for f in seed]
    with engine.begin() as conn:
        service.record(conn, [FactAsserted(fact=f) for f in facts], "test")
    return len(facts)


def test_a_whole_world_answer_builds_its_facts_off_the_event_loop(
    app_env: str, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which thread turns the rows into facts, not how long it takes: never the loop's own."""
    recorded = _many_seed_facts(engine)
    builders: list[tuple[int, int]] = []  # (thread, facts built)
    original = queries.answer_from_rows

    def watched(rows: queries.AnswerRows, *args: Any, **kwargs: Any) -> Any:
        answer = original(rows, *args, **kwargs)
        builders.append((threading.get_ident(), len(answer.state) + len(answer.events)))
        return answer

    monkeypatch.setattr(queries, "answer_from_rows", watched)

    async def scenario() -> int:
        timeline = await AsyncService.open()
        try:
            await timeline.state_as_of(PUBLISHED)
        finally:
            await timeline.close()
        return threading.get_ident()

    loop_thread = asyncio.run(scenario())
    assert len(builders) == 1
    thread, built = builders[0]
    assert built >= recorded // 2  # a large answer: most of the seed's copies hold or happened by then
    assert thread != loop_thread
