"""The async facade runs use cases on the event loop: a large answer must let other requests in between."""

from __future__ import annotations

import asyncio
from dataclasses import replace

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


def test_a_whole_world_answer_yields_to_the_event_loop_while_it_reads(
    app_env: str, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted in facts, not seconds: how many the answer turns into objects between two turns of the loop."""
    _many_seed_facts(engine)
    converted = [0]
    original = queries.fact_from_row

    def counting(row: object) -> object:
        converted[0] += 1
        return original(row)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "fact_from_row", counting)

    async def scenario() -> list[int]:
        timeline = await AsyncService.open()
        seen: list[int] = []
        try:
            answer = asyncio.create_task(timeline.state_as_of(PUBLISHED))
            while not answer.done():
                seen.append(converted[0])
                await asyncio.sleep(0)
            await answer
        finally:
            await timeline.close()
        return [*seen, converted[0]]

    seen = asyncio.run(scenario())
    largest_stretch = max(b - a for a, b in zip(seen, seen[1:], strict=False))
    assert seen[-1] >= 2000  # enough facts that reading them all at once would show
    assert largest_stretch <= 1000, f"{largest_stretch} of {seen[-1]} facts read without letting others run"
