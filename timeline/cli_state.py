"""`timeline state`, `timeline history`, `timeline rebuild`: the as-of questions on the command line."""

from __future__ import annotations

import argparse
import getpass
import json
from typing import Any

from timeline import service
from timeline.cli_format import describe
from timeline.domain.codec import as_of_answer_to_json, fact_to_json
from timeline.domain.fold import FactView


def _section(title: str, views: list[FactView]) -> list[str]:
    lines = [f"{title} ({len(views)})"]
    lines.extend(f"  {v.certainty.value:<8}  {describe(v.fact)}" for v in views)
    return lines


def cmd_state(args: argparse.Namespace) -> int:
    answer = service.state_as_of(args.as_of, args.known_at, args.entity, args.predicate, args.events)
    if args.json:
        data = as_of_answer_to_json(answer.as_of, answer.known_at, answer.state, answer.events)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"as of {answer.as_of}, as known at {answer.known_at.isoformat()}")
    print("\n".join(_section("state", answer.state) + _section("events", answer.events)))
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    versions = service.entity_history(args.entity)
    if args.json:
        out: list[dict[str, Any]] = [
            {
                "fact": fact_to_json(v.fact),
                "recorded_at": v.recorded_at.isoformat(),
                "recorded_to": v.recorded_to.isoformat() if v.recorded_to else None,
                "change": v.change,
                "closed_as": v.closed_as,
                "position": v.position,
            }
            for v in versions
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for v in versions:
        until = f" until {v.recorded_to.isoformat()} ({v.closed_as})" if v.recorded_to else ""
        print(f"{v.recorded_at.isoformat()}{until}  {v.change:<9}  {describe(v.fact)}")
    return 0


def cmd_rebuild(_: argparse.Namespace) -> int:
    print(f"rebuilt the projection from {service.rebuild()} events")
    return 0


def add_state_commands(commands: Any) -> None:
    state = commands.add_parser("state", help="the state of the world as of a date, as known at a time")
    state.add_argument("--as-of", required=True, metavar="DATE", help="YYYY-MM-DD")
    state.add_argument("--known-at", metavar="TS", help="ISO timestamp (default: now)")
    state.add_argument("--entity", metavar="NAME", help="only facts naming this entity (id, name or alias)")
    state.add_argument("--predicate", help="only this predicate")
    state.add_argument("--events", type=int, metavar="N", help="at most N events, newest first")
    state.add_argument("--json", action="store_true", help="the JSON shape of conventions.md")
    state.set_defaults(handler=cmd_state)

    history = commands.add_parser("history", help="every version of every fact naming an entity")
    history.add_argument("entity", metavar="ENTITY")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=cmd_history)

    commands.add_parser("rebuild", help="rebuild the projections from the event log").set_defaults(
        handler=cmd_rebuild
    )


def _cli_user() -> str:
    return f"cli:{getpass.getuser()}"


def cmd_alias(args: argparse.Namespace) -> int:
    stored = service.alias_entity(args.entity, args.alias, _cli_user())
    print("already known" if stored is None else f"recorded at position {stored.position}")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    stored = service.merge_entities(args.merged, args.into, args.reason, _cli_user())
    print(f"merged: recorded at position {stored.position}")
    return 0


def add_entity_commands(commands: Any) -> None:
    entities = commands.add_parser("entities", help="entities: another name, or two that are one")
    actions = entities.add_subparsers(dest="entities_command", required=True, metavar="ACTION")
    alias = actions.add_parser("alias", help="record another name for an entity")
    alias.add_argument("entity", help="id, name or alias")
    alias.add_argument("alias")
    alias.set_defaults(handler=cmd_alias)
    merge = actions.add_parser("merge", help="record that MERGED is the same entity as INTO from now on")
    merge.add_argument("merged", help="id, name or alias")
    merge.add_argument("into", help="id, name or alias")
    merge.add_argument("--reason", required=True)
    merge.set_defaults(handler=cmd_merge)
