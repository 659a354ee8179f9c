"""API keys: `Authorization: Bearer <secret>` or `X-API-Key: <secret>`, checked against stored hashes.

Each route names the scope it needs in `opt["scope"]`; scopes nest (admin > write > read). The secret is
never logged or echoed; the caller is identified by key name and id only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler

from api.deps import timeline_of
from api.settings import Settings

RANK = {"read": 1, "write": 2, "admin": 3}
PUBLIC = "public"
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="timeline"'}


@dataclass(frozen=True, slots=True)
class Caller:
    key_id: str | None
    name: str
    scope: str

    @property
    def recorded_by(self) -> str:
        return f"api-key:{self.name}#{self.key_id}" if self.key_id else f"api:{self.name}"


ANONYMOUS = Caller(None, "anonymous (auth off)", "admin")


def _secret(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    header = connection.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return connection.headers.get("x-api-key", "").strip() or None


def make_guard(settings: Settings) -> Any:
    async def require_scope(
        connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
    ) -> None:
        needed = str(handler.opt.get("scope", "read"))
        # OPTIONS says only which methods a path has; browsers send CORS preflights without credentials.
        if needed == PUBLIC or connection.scope.get("method") == "OPTIONS":
            return
        if not settings.auth:
            connection.state["caller"] = ANONYMOUS
            return
        secret = _secret(connection)
        if secret is None:
            raise NotAuthorizedException(
                "an API key is required (Authorization: Bearer <key>)", headers=CHALLENGE
            )
        key = await timeline_of(connection).authenticate_key(secret)
        if key is None:
            raise NotAuthorizedException("unknown or revoked API key", headers=CHALLENGE)
        if RANK[key.scope] < RANK[needed]:
            raise PermissionDeniedException(
                f"this endpoint needs a {needed!r} key; this key has {key.scope!r}"
            )
        connection.state["caller"] = Caller(key.key_id, key.name, key.scope)

    return require_scope


def caller_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Caller:
    found = connection.state.get("caller")
    return found if isinstance(found, Caller) else ANONYMOUS
