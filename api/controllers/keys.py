"""Key management over HTTP (admin scope); the CLI offers the same through `timeline keys`."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import FromPath, JSONBody

from api.openapi import WRITE, problems
from api.schemas import KeyIn, KeyOut
from timeline import service
from timeline.service import StoredKey


def key_out(key: StoredKey, secret: str | None = None) -> KeyOut:
    return KeyOut(key.key_id, key.name, key.scope, key.created_at, key.revoked_at, secret)


class KeysController(Controller):
    path = "/keys"
    tags = ["keys"]
    opt = {"scope": "admin"}

    @post(
        "/", sync_to_thread=True, summary="Create a key; its secret is in this answer only", responses=WRITE
    )
    def create(self, data: JSONBody[KeyIn]) -> KeyOut:
        created = service.create_key(data.name, data.scope)
        return key_out(created.key, created.secret)

    @get("/", sync_to_thread=True, summary="Every key (never the secrets)", responses=problems(401, 403))
    def list(self) -> list[KeyOut]:
        return [key_out(k) for k in service.list_keys()]

    @post(
        "/{key_id:str}/revocation",
        sync_to_thread=True,
        summary="Revoke a key (idempotent)",
        responses={**WRITE, **problems(404)},
        status_code=200,
    )
    def revoke(self, key_id: FromPath[str]) -> KeyOut:
        return key_out(service.revoke_key(key_id))
