"""What a running API needs to know, read once from the environment (or given by tests)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from timeline.service.aio import PoolSettings

AUTH_ENV = "TIMELINE_AUTH"
POOL_SIZE_ENV = "TIMELINE_POOL_SIZE"
CORS_ORIGINS_ENV = "TIMELINE_CORS_ORIGINS"
MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    auth: bool = True
    max_body_bytes: int = MIB
    sql_row_limit: int = 1000
    sql_timeout_ms: int = 5000
    pool: PoolSettings = field(default_factory=PoolSettings)
    cors_origins: tuple[str, ...] = ()  # browser origins allowed to call the API; none by default
    debug: bool = False

    @classmethod
    def from_env(cls) -> Settings:
        # Only an explicit "off" disables auth, so a typo never opens the API.
        auth = os.environ.get(AUTH_ENV, "on").strip().lower() != "off"
        origins = tuple(o.strip() for o in os.environ.get(CORS_ORIGINS_ENV, "").split(",") if o.strip())
        pool = PoolSettings(size=_positive_int(POOL_SIZE_ENV, PoolSettings().size))
        return cls(auth=auth, pool=pool, cors_origins=origins)


def _positive_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{name} must be a positive integer, got {raw!r}")
    return int(raw)
