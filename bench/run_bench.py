"""`make bench`: speed of the store at scale, as ratios measured in one run (these machines are noisy).

It makes a throw-away database beside the configured one, appends synthetic facts through the service's
own `record` (so the projection is kept as in production), and measures:
- append throughput (events per second, batches of one transaction each);
- a single-entity as-of answer at a small and at the full size: with the indexes right the ratio stays
  near 1 however many facts there are;
- the whole-world as-of answer (state and events, no entity) at the small and at the full size: its ratio
  should stay near the ratio of the sizes (linear), measured as wall time, as the server's CPU time for the
  SQL alone (read from /proc when the server runs on this machine) and as this process's CPU time turning
  rows into facts;
- with --baseline-revision REV, the whole-world answer again on the same data with the schema downgraded to
  REV (e.g. 0005, before the set-based whole-world answer), then upgraded back;
- `verify` of the hash chain and `rebuild` of the projection (events per second).
The synthetic history has appointments and dismissals, participants and places, and merges, aliases and
renames of entities, so the whole-world answer resolves entities and derives holdings as on real data.
Results go to bench/results/<time>.json and are printed.
"""

from __future__ import annotations

import argparse
import json
import os
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
from sqlalchemy import Connection, Engine, text

from timeline import service
from timeline.domain.events import (
    DomainEvent,
    EntitiesMerged,
    EntityAliased,
    EntityRegistered,
    FactAsserted,
)
from timeline.domain.facts import EntityRef, EntityType, Fact, Source
from timeline.domain.ids import fact_id_for
from timeline.domain.time import Precision, ValidTime
from timeline.store import migrate, queries, recorder
from timeline.store.db import database_url, make_engine
from timeline.store.projection import rebuild_projection

RESULTS = Path(__file__).resolve().parent / "results"
PREDICATES = ("holds_position", "member_of", "meeting", "visit", "statement", "appointed", "dismissed")
WHOLE_WORLD_DAY = date(2012, 6, 1)


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
    cities = [EntityRef(f"city:bench-{i}", f"Город {i}", EntityType.CITY) for i in range(entities // 50 + 1)]
    out: list[DomainEvent] = [EntityRegistered(e.id, e.name, e.type) for e in (*people, *orgs, *cities)]
    for n in range(count):
        predicate = PREDICATES[n % len(PREDICATES)]
        start = date(2000, 1, 1) + timedelta(days=rng.randrange(9000))
        end = start + timedelta(days=rng.randrange(30, 3000)) if predicate == "member_of" else None
        fact = Fact(
            fact_id=fact_id_for("bench", n),
            predicate=predicate,
            actor=rng.choice(people),
            object=rng.choice(orgs),
            participants=tuple(rng.sample(people, 2)) if predicate == "meeting" else (),
            role="директор" if predicate in ("holds_position", "appointed", "dismissed") else None,
            location=rng.choice(cities) if predicate == "visit" else None,
            valid=ValidTime(start, end, rng.choice(list(Precision)), "синтетика"),
            source=Source(None, None, ("bench",), "синтетический факт", None),
            extractor="bench/1",
        )
        out.append(FactAsserted(fact=fact))
    return out


def entity_changes(entities: int, rng: random.Random, share: float) -> list[DomainEvent]:
    """Merges (some into already-merged ids, so chains form), aliases and renames of a share of the people."""
    picked = rng.sample(range(entities), max(int(entities * share), 2))
    out: list[DomainEvent] = []
    for a, b in zip(picked[::2], picked[1::2], strict=False):
        out.append(EntitiesMerged(f"person:bench-{a}", f"person:bench-{b}", "bench duplicate"))
        out.append(EntityAliased(f"person:bench-{b}", f"Псевдоним {a}"))
        out.append(EntityRegistered(f"person:bench-{b}", f"Персона {b} (уточнено)", EntityType.PERSON))
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


def _server_cpu_s(conn: Connection) -> float | None:
    """CPU seconds the connection's server process has used, when it runs on this machine (else None)."""
    pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


_WHOLE_WORLD_SQL = (
    text("SELECT * FROM timeline.state_as_of(:day)"),
    text("SELECT * FROM timeline.events_as_of(:day)"),
)


def whole_world(engine: Engine, repeats: int) -> dict[str, Any]:
    """A whole-world answer (state and events, no entity), best of `repeats`: wall, server and client CPU."""
    with engine.connect() as conn:
        best: dict[str, Any] | None = None
        for _ in range(repeats):
            server_before = _server_cpu_s(conn)
            started = time.perf_counter()
            rows = sum(len(conn.execute(q, {"day": WHOLE_WORLD_DAY}).all()) for q in _WHOLE_WORLD_SQL)
            sql_wall = time.perf_counter() - started
            server_after = _server_cpu_s(conn)
            started, client = time.perf_counter(), time.process_time()
            answer = queries.state_as_of(conn, WHOLE_WORLD_DAY)
            run = {
                "rows": rows,
                "sql_wall_ms": round(sql_wall * 1000, 1),
                "sql_server_cpu_ms": None
                if server_before is None or server_after is None
                else round((server_after - server_before) * 1000),
                "answer_wall_ms": round((time.perf_counter() - started) * 1000, 1),
                "answer_client_cpu_ms": round((time.process_time() - client) * 1000, 1),
            }
            assert len(answer.state) + len(answer.events) == rows
            if best is None or run["sql_wall_ms"] < best["sql_wall_ms"]:
                best = run
        assert best is not None
        return best


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=100_000, help="facts at full size (default 100000)")
    parser.add_argument("--batch", type=int, default=1000, help="events per appended transaction")
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--baseline-revision",
        help="also answer whole-world on the same data with the schema downgraded to this revision",
    )
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

        # Entity changes land after each part, so both sizes answer with merges, aliases and renames.
        changes = [entity_changes(entities, rng, 0.02) for _part in range(2)]
        seconds = append_all(engine, events[:small] + changes[0], args.batch)
        # As autovacuum would after a bulk load (the PostgreSQL on these machines runs with it off):
        # without statistics the single-entity query scans every fact through the recorded-time index.
        _admin(url, "ANALYZE")
        results["small_size"] = small
        results["single_entity_small"] = single_entity_latency(engine, entities, rng, args.repeats)
        small_world = whole_world(engine, 3)

        seconds += append_all(engine, events[small:] + changes[1], args.batch)
        appended = len(events) + len(changes[0]) + len(changes[1])
        results["append_events_per_s"] = round(appended / seconds, 1)
        _admin(url, "ANALYZE")
        results["single_entity_full"] = single_entity_latency(engine, entities, rng, args.repeats)
        results["single_entity_ratio_full_vs_small"] = round(
            results["single_entity_full"]["median_ms"] / results["single_entity_small"]["median_ms"], 2
        )

        # At a million facts the old (0005) whole-world answer took minutes; once is enough then.
        repeats = 3 if args.facts <= 200_000 else 1
        results["whole_world_small"] = small_world
        results["whole_world_full"] = whole_world(engine, repeats)
        for key in ("sql_wall_ms", "sql_server_cpu_ms", "answer_client_cpu_ms"):
            results[f"whole_world_ratio_full_vs_small_{key}"] = _ratio(
                results["whole_world_full"][key], small_world[key]
            )
        results["whole_world_vs_single_entity"] = round(
            results["whole_world_full"]["sql_wall_ms"] / results["single_entity_full"]["median_ms"], 1
        )
        if args.baseline_revision:
            engine.dispose()
            migrate.downgrade(url, args.baseline_revision)
            results["whole_world_full_at_baseline"] = whole_world(engine, repeats)
            results["baseline_revision"] = args.baseline_revision
            engine.dispose()
            migrate.upgrade(url)
            baseline = results["whole_world_full_at_baseline"]
            for key in ("sql_wall_ms", "sql_server_cpu_ms"):
                results[f"whole_world_baseline_vs_head_{key}"] = _ratio(
                    baseline[key], results["whole_world_full"][key]
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
