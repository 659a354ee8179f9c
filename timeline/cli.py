"""`timeline`: a thin command line over timeline.service."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from timeline import service
from timeline.cli_api import add_api_commands
from timeline.cli_extract import add_extract_command
from timeline.cli_format import iso_date
from timeline.cli_state import add_entity_commands, add_state_commands
from timeline.errors import TimelineError

Handler = Callable[[argparse.Namespace], int]


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# --- db, migrate, verify ------------------------------------------------------------------------


def cmd_db_url(_: argparse.Namespace) -> int:
    print(service.database_location())
    return 0


def cmd_db_status(_: argparse.Namespace) -> int:
    status = service.database_status()
    where = status.where
    if not status.running:
        print(f"not running ({where})")
        return 1
    state = (
        "up to date" if status.revision == status.head else f"needs `timeline migrate` (head {status.head})"
    )
    print(f"running: {status.url}\nschema revision: {status.revision or 'none'} ({state})\nfrom: {where}")
    return 0


def cmd_db_stop(_: argparse.Namespace) -> int:
    print(
        "stopped the embedded server"
        if service.stop_embedded_database()
        else "the embedded server was not running"
    )
    return 0


def cmd_migrate(_: argparse.Namespace) -> int:
    revision = service.migrate_database()
    print(f"migrated to {revision}")
    return 0


def cmd_verify(_: argparse.Namespace) -> int:
    report = service.verify_log()
    if report.ok:
        print(f"ok: {report.events} events, head {report.head_hash or '(empty log)'}")
        return 0
    print(f"broken at position {report.bad_position}: {report.reason}", file=sys.stderr)
    return 1


# --- ingest -------------------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    created = known = facts = 0
    for result in service.ingest_paths([Path(p) for p in args.paths], args.date):
        created += result.created
        known += not result.created
        facts += len(result.facts) if result.created else 0
        mark = "stored" if result.created else "already stored"
        print(f"{mark}: {result.origin} -> {result.document_id} ({len(result.facts)} facts)")
    print(f"{created} new documents, {known} already stored, {facts} facts recorded")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline", description="An event-sourced, bitemporal fact database."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    db = commands.add_parser("db", help="the database: url, status, stop")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_commands.add_parser("url", help="print the database URL (starts the embedded server)").set_defaults(
        handler=cmd_db_url
    )
    db_commands.add_parser("status", help="is the database running and migrated").set_defaults(
        handler=cmd_db_status
    )
    db_commands.add_parser("stop", help="stop the embedded server").set_defaults(handler=cmd_db_stop)

    commands.add_parser("migrate", help="alembic upgrade head on the configured database").set_defaults(
        handler=cmd_migrate
    )
    commands.add_parser("verify", help="walk the hash chain of the event log").set_defaults(
        handler=cmd_verify
    )

    ingest = commands.add_parser("ingest", help="extract and record documents (files or folders)")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--date", type=iso_date, help="publication date for texts that carry none")
    ingest.set_defaults(handler=cmd_ingest)

    add_extract_command(commands)
    add_state_commands(commands)
    add_entity_commands(commands)
    add_api_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except TimelineError as exc:
        print(f"timeline: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # ReadError and other bad input from files
        print(f"timeline: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `timeline history X | head` closed our output: not an error
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
