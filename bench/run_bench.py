"""`make bench`: speed of the store at scale, as ratios measured in one run (these machines are noisy).

It makes a throw-away database beside the configured one, appends synthetic facts through the service's
own `record` (so the projection is kept as in production), and measures:
- append throughput (events per second, batches of one transaction each);
- a single-entity as-of answer at a small and at the full size: with the indexes right the ratio stays
  near 1 however many facts there are;
- the whole-world as-of answer at full size, for comparison;
- `verify` of the hash chain and `rebuild` of the projection (events per second).
Results go to bench/results/<time>.json and are printed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from sqlalchemy import Engine

from timeline import service
from timeline.domain.events import DomainEvent, EntityRegistered, FactAsserted
from timeline.domain.facts import EntityRef, EntityType, Fact, Source
from timeline.domain.ids import fact_id_for
from timeline.domain.time import Precision, ValidTime
from timeline.store import migrate, queries, recorder
from timeline.store.db import database_url, make_engine
from timeline.store.projection import rebuild_projection

RESULTS = Path(__file__).resolve().parent / "results"
PREDICATES = ("holds_position", "member_of", "meeting", "visit", "statement")


def _with_database(url: str, dbname: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + dbname))


def _admin(url: str, statement: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement)  # type: ignore[arg-type]


def synthetic_facts(count: int, entities: int, rng: random.Random) -> list[DomainEvent]:
    people = [EntityRef(f"person:bench-{i}", f"Персона {i}", EntityType.PERSON) for i in range(entities)]
    orgs = [
        EntityRef(f"org:bench-{i}", f"Организация {i}", EntityType.ORGANIZATION)
        for i in range(entities // 10 + 1)
    ]
    out: list[DomainEvent] = [EntityRegistered(e.id, e.name, e.type) for e in (*people, *orgs)]
    for n in range(count):
        predicate = PREDICATES[n % len(PREDICATES)]
        start = date(2000, 1, 1) + timedelta(days=rng.randrange(9000))
        end = start + timedelta(days=rng.randrange(30, 3000)) if predicate == "member_of" else None
        fact = Fact(
            fact_id=fact_id_for("bench", n),
            predicate=predicate,
            actor=rng.choice(people),
            object=rng.choice(orgs),
            role="директор" if predicate == "holds_position" else None,
            valid=ValidTime(start, end, rng.choice(list(Precision)), "синтетика"),
            source=Source(None, None, ("bench",), "синтетический факт", None),
            extractor="bench/1",
        )
        out.append(FactAsserted(fact=fact))
    return out


def append_all(engine: Engine, events: list[DomainEvent], batch: int) -> float:
    started = time.perf_counter()
    for i in range(0, len(events), batch):
        with engine.begin() as conn:
            chunk = events[i : i + batch]
            service.record(conn, chunk, "bench", event_ids=[str(uuid.uuid4()) for _ in chunk])
    return time.perf_counter() - started


def timed(fn: Callable[[], Any], repeats: int) -> dict[str, float]:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return {"median_ms": statistics.median(samples), "p90_ms": sorted(samples)[int(0.9 * (len(samples) - 1))]}


def single_entity_latency(
    engine: Engine, entities: int, rng: random.Random, repeats: int
) -> dict[str, float]:
    picks = [f"person:bench-{rng.randrange(entities)}" for _ in range(repeats)]
    days = [date(2000, 1, 1) + timedelta(days=rng.randrange(9500)) for _ in range(repeats)]
    it = iter(zip(picks, days, strict=True))

    def one() -> None:
        entity, day = next(it)
        with engine.connect() as conn:
            queries.state_as_of(conn, day, None, entity)

    return timed(one, repeats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=100_000, help="facts at full size (default 100000)")
    parser.add_argument("--batch", type=int, default=1000, help="events per appended transaction")
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    entities = max(args.facts // 20, 10)
    base = database_url()
    dbname = f"timeline_bench_{uuid.uuid4().hex[:8]}"
    _admin(base, f'CREATE DATABASE "{dbname}"')
    url = _with_database(base, dbname)
    results: dict[str, Any] = {
        "started_at": datetime.now(UTC).isoformat(),
        "facts": args.facts,
        "entities": entities,
        "batch": args.batch,
    }
    try:
        migrate.upgrade(url)
        engine = make_engine(url)
        events = synthetic_facts(args.facts, entities, rng)
        small = max(len(events) // 10, 1)

        seconds = append_all(engine, events[:small], args.batch)
        results["small_size"] = small
        results["single_entity_small"] = single_entity_latency(engine, entities, rng, args.repeats)

        seconds += append_all(engine, events[small:], args.batch)
        results["append_events_per_s"] = round(len(events) / seconds, 1)
        results["single_entity_full"] = single_entity_latency(engine, entities, rng, args.repeats)
        results["single_entity_ratio_full_vs_small"] = round(
            results["single_entity_full"]["median_ms"] / results["single_entity_small"]["median_ms"], 2
        )

        def whole_world() -> None:
            with engine.connect() as conn:
                queries.state_as_of(conn, date(2012, 6, 1))

        # At a million facts one whole-world answer takes minutes; once is enough to show the ratio.
        results["whole_world_full"] = timed(whole_world, 3 if args.facts <= 200_000 else 1)
        results["whole_world_vs_single_entity"] = round(
            results["whole_world_full"]["median_ms"] / results["single_entity_full"]["median_ms"], 1
        )

        started = time.perf_counter()
        with engine.connect() as conn:
            report = recorder.verify_chain(conn)
        results["verify_events_per_s"] = round(report.events / (time.perf_counter() - started), 1)
        results["verify_ok"] = report.ok

        started = time.perf_counter()
        with engine.begin() as conn:
            replayed = rebuild_projection(conn)
        results["rebuild_events_per_s"] = round(replayed / (time.perf_counter() - started), 1)
        engine.dispose()
    finally:
        _admin(base, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
    results["finished_at"] = datetime.now(UTC).isoformat()
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench-{results['started_at'][:19].replace(':', '')}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
