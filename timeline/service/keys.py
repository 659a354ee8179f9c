"""API keys: made with a secret shown once, stored as its sha256, revoked for good."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection

from timeline.errors import InvalidInput, NotFound
from timeline.service.inputs import uuid_or_none
from timeline.store import keys
from timeline.store.keys import StoredKey

KEY_SCOPES = ("read", "write", "admin")


@dataclass(frozen=True, slots=True)
class CreatedKey:
    key: StoredKey
    secret: str  # shown once: only its sha256 is stored


def _key_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_key(conn: Connection, name: str, scope: str) -> CreatedKey:
    if scope not in KEY_SCOPES:
        raise InvalidInput(f"scope must be one of {', '.join(KEY_SCOPES)}", "scope")
    if not name.strip() or "\x00" in name or len(name) > 200:
        raise InvalidInput("a key needs a name (1..200 characters)", "name")
    secret = "tlk_" + secrets.token_urlsafe(32)
    stored = keys.insert_key(conn, str(uuid.uuid4()), name.strip(), scope, _key_hash(secret))
    return CreatedKey(stored, secret)


def revoke_key(conn: Connection, key_id: str) -> StoredKey:
    key = uuid_or_none(key_id)
    revoked = keys.revoke_key(conn, key) if key is not None else None
    if revoked is None:
        raise NotFound(f"no key {key_id}")
    return revoked


def list_keys(conn: Connection) -> list[StoredKey]:
    return keys.list_keys(conn)


def authenticate_key(conn: Connection, secret: str) -> StoredKey | None:
    """The active key this secret belongs to; None for unknown or revoked secrets."""
    if not secret or len(secret) > 200:
        return None
    return keys.active_key_by_hash(conn, _key_hash(secret))
