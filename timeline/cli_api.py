"""`timeline keys create|revoke|list` and `timeline serve`: the CLI side of the HTTP API."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from timeline import service

# Open SSE streams never end by themselves: after this long uvicorn cancels them (a client reconnects with
# Last-Event-ID), so that a stop request stops the server instead of waiting for every browser tab.
GRACEFUL_SHUTDOWN_SECONDS = 5

DEV_BANNER = """\
*** timeline serve --dev: AUTH IS OFF ***
Anyone who can reach http://{host}:{port}/ can read and write. For local use only.
"""


def cmd_keys_create(args: argparse.Namespace) -> int:
    created = service.create_key(args.name, args.scope)
    key = created.key
    print(f"key {key.key_id} ({key.name}, scope {key.scope}) created at {key.created_at.isoformat()}")
    print("secret (shown once; send it as 'Authorization: Bearer <secret>'):", file=sys.stderr)
    print(created.secret)
    return 0


def cmd_keys_revoke(args: argparse.Namespace) -> int:
    key = service.revoke_key(args.key_id)
    assert key.revoked_at is not None
    print(f"key {key.key_id} ({key.name}) revoked at {key.revoked_at.isoformat()}")
    return 0


def cmd_keys_list(_: argparse.Namespace) -> int:
    for key in service.list_keys():
        state = f"revoked {key.revoked_at.isoformat()}" if key.revoked_at else "active"
        print(f"{key.key_id}  {key.scope:<5}  {state:<40}  {key.name}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.settings import AUTH_ENV

    if args.dev:
        # Set in the environment, so that every worker process reads the same setting.
        os.environ[AUTH_ENV] = "off"
        print(DEV_BANNER.format(host=args.host, port=args.port), file=sys.stderr, flush=True)
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        reload=False,
        proxy_headers=not args.dev,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
        log_level="info",
    )
    return 0


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def add_api_commands(commands: Any) -> None:
    keys = commands.add_parser("keys", help="API keys: create, revoke, list")
    actions = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create a key and print its secret once")
    create.add_argument("--name", required=True)
    create.add_argument("--scope", required=True, choices=service.KEY_SCOPES)
    create.set_defaults(handler=cmd_keys_create)
    revoke = actions.add_parser("revoke", help="revoke a key at once")
    revoke.add_argument("key_id", metavar="KEY_ID")
    revoke.set_defaults(handler=cmd_keys_revoke)
    actions.add_parser("list", help="every key, never the secrets").set_defaults(handler=cmd_keys_list)

    serve = commands.add_parser("serve", help="serve the HTTP API and the UI (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=_positive, default=1)
    serve.add_argument("--dev", action="store_true", help="local use: auth off, said so in a banner")
    serve.set_defaults(handler=cmd_serve)
