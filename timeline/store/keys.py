"""API keys: named queries over `api_keys`. Only hashes are stored; the secret never reaches the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from timeline.store.schema import api_keys


@dataclass(frozen=True, slots=True)
class StoredKey:
    key_id: str
    name: str
    scope: str
    created_at: datetime
    revoked_at: datetime | None


_COLUMNS = [
    api_keys.c.key_id,
    api_keys.c.name,
    api_keys.c.scope,
    api_keys.c.created_at,
    api_keys.c.revoked_at,
]


def _stored(row: Any) -> StoredKey:
    m = row._mapping
    return StoredKey(str(m["key_id"]), m["name"], m["scope"], m["created_at"], m["revoked_at"])


def insert_key(conn: Connection, key_id: str, name: str, scope: str, key_hash: str) -> StoredKey:
    row = conn.execute(
        api_keys.insert()
        .values(key_id=key_id, name=name, scope=scope, key_hash=key_hash)
        .returning(*_COLUMNS)
    ).one()
    return _stored(row)


def active_key_by_hash(conn: Connection, key_hash: str) -> StoredKey | None:
    row = conn.execute(
        select(*_COLUMNS).where(api_keys.c.key_hash == key_hash, api_keys.c.revoked_at.is_(None))
    ).first()
    return _stored(row) if row is not None else None


def key_by_id(conn: Connection, key_id: str) -> StoredKey | None:
    row = conn.execute(select(*_COLUMNS).where(api_keys.c.key_id == key_id)).first()
    return _stored(row) if row is not None else None


def revoke_key(conn: Connection, key_id: str) -> StoredKey | None:
    """Revoke once; revoking again keeps the first revocation time. None when no such key."""
    conn.execute(
        update(api_keys)
        .where(api_keys.c.key_id == key_id, api_keys.c.revoked_at.is_(None))
        .values(revoked_at=func.clock_timestamp())
    )
    return key_by_id(conn, key_id)


def list_keys(conn: Connection) -> list[StoredKey]:
    return [_stored(r) for r in conn.execute(select(*_COLUMNS).order_by(api_keys.c.created_at))]
