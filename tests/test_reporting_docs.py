"""Every SQL example in docs/reporting.md runs as timeline_reader and answers something on the seed."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.asof_support import ingest_seed, record_each
from tests.seed_facts import load_seed
from timeline.domain.events import FactCorrected, FactRetracted
from timeline.domain.facts import Quantity
from timeline.store.db import make_engine

DOC = Path(__file__).resolve().parents[1] / "docs" / "reporting.md"
EXAMPLES = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_guide_has_ten_examples() -> None:
    assert len(EXAMPLES) == 10


@pytest.fixture
def reader(engine: Engine, db_url: str) -> Engine:
    """The seed as ingested, then one correction and one retraction, read through the reader role."""
    ingest_seed(engine)
    seed = load_seed()
    estimate = replace(seed.facts[5], quantity=Quantity(11000, True, "person", "около 11 тысяч"))
    record_each(
        engine,
        [
            FactCorrected(seed.facts[5].fact_id, estimate, "new estimate"),
            FactRetracted(seed.facts[9].fact_id, "x"),
        ],
    )
    return make_engine(db_url, role="timeline_reader")


@pytest.mark.parametrize("number", range(len(EXAMPLES)))
def test_example_runs_as_reader(reader: Engine, number: int) -> None:
    try:
        with reader.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar_one() == "timeline_reader"
            rows = conn.execute(text(EXAMPLES[number])).all()
    finally:
        reader.dispose()
    assert rows, f"example {number + 1} answered nothing on the seed:\n{EXAMPLES[number]}"
