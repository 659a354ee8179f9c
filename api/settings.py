"""What a running API needs to know, read once from the environment (or given by tests)."""

from __future__ import annotations

import os
from dataclasses import dataclass

AUTH_ENV = "TIMELINE_AUTH"
MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    auth: bool = True
    max_body_bytes: int = MIB
    sql_row_limit: int = 1000
    sql_timeout_ms: int = 5000
    sse_poll_seconds: float = 0.5
    debug: bool = False

    @classmethod
    def from_env(cls) -> Settings:
        # Only an explicit "off" disables auth, so a typo never opens the API.
        return cls(auth=os.environ.get(AUTH_ENV, "on").strip().lower() != "off")
