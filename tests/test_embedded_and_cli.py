"""The embedded server and the database commands of the CLI."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.store import embedded


def _postmaster_pid(home: Path) -> int:
    return int((home / "pg" / "postmaster.pid").read_text().splitlines()[0])


def test_a_server_left_by_a_killed_process_is_reused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    starter = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from timeline.store import embedded; print(embedded.start({str(home)!r}), flush=True);"
            "import time; time.sleep(60)",
        ],  # fmt: skip
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert starter.stdout is not None
        first_url = starter.stdout.readline().strip()
        first_pid = _postmaster_pid(home)
    finally:
        starter.send_signal(signal.SIGKILL)
        starter.wait()
    try:
        assert embedded.is_running(home)
        assert embedded.start(home) == first_url
        assert _postmaster_pid(home) == first_pid
    finally:
        assert embedded.stop(home)
    assert not embedded.is_running(home)
    assert not (home / "pg" / "postmaster.pid").exists()


def test_migrate_and_verify_commands(app_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate"]) == 0
    assert capsys.readouterr().out.startswith("migrated to ")
    assert main(["db", "url"]) == 0
    assert capsys.readouterr().out.strip() == app_env
    assert main(["db", "status"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["verify"]) == 0
    assert capsys.readouterr().out.startswith("ok: 0 events")
