"""Key management over HTTP (admin scope); the CLI offers the same through `timeline keys`."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from api.openapi import WRITE, problems
from api.schemas import KeyIn, KeyOut
from timeline.service import StoredKey
from timeline.service.aio import AsyncService


def key_out(key: StoredKey, secret: str | None = None) -> KeyOut:
    return KeyOut(key.key_id, key.name, key.scope, key.created_at, key.revoked_at, secret)


class KeysController(Controller):
    path = "/keys"
    tags = ["keys"]
    opt = {"scope": "admin"}

    @post("/", summary="Create a key; its secret is in this answer only", responses=WRITE)
    async def create(self, timeline: NamedDependency[AsyncService], data: JSONBody[KeyIn]) -> KeyOut:
        created = await timeline.create_key(data.name, data.scope)
        return key_out(created.key, created.secret)

    @get("/", summary="Every key (never the secrets)", responses=problems(401, 403))
    async def list(self, timeline: NamedDependency[AsyncService]) -> list[KeyOut]:
        return [key_out(k) for k in await timeline.list_keys()]

    @post(
        "/{key_id:str}/revocation",
        summary="Revoke a key (idempotent)",
        responses={**WRITE, **problems(404)},
        status_code=200,
    )
    async def revoke(self, timeline: NamedDependency[AsyncService], key_id: FromPath[str]) -> KeyOut:
        return key_out(await timeline.revoke_key(key_id))
