"""Where the shared corpora live: `../shared` beside the project, or TIMELINE_SHARED_DIR."""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path:
    override = os.environ.get("TIMELINE_SHARED_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1].parent / "shared"


def nerel_dev_dir() -> Path:
    return shared_dir() / "corpora" / "nerel" / "dev"


def factrueval_dev_dir() -> Path:
    return shared_dir() / "corpora" / "factrueval" / "devset"
