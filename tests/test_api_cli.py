"""`timeline keys create|revoke` and `timeline serve` (a real uvicorn process on a free port)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from timeline import cli, cli_api, service

ROOT = Path(__file__).resolve().parents[1]


def test_keys_create_prints_the_secret_once_and_revoke_stops_it(
    app_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["keys", "create", "--name", "ci", "--scope", "write"]) == 0
    out = capsys.readouterr().out.splitlines()
    secret = out[-1]
    key_id = out[0].split()[1]
    found = service.authenticate_key(secret)
    assert found is not None and found.key_id == key_id and found.scope == "write"
    assert cli.main(["keys", "list"]) == 0
    assert secret not in capsys.readouterr().out
    assert cli.main(["keys", "revoke", key_id]) == 0
    assert service.authenticate_key(secret) is None
    assert cli.main(["keys", "revoke", "00000000-0000-0000-0000-000000000000"]) == 2


def test_keys_create_refuses_an_unknown_scope(app_env: str) -> None:
    with pytest.raises(SystemExit):
        cli.main(["keys", "create", "--name", "x", "--scope", "root"])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(database_url: str, *options: str) -> tuple[subprocess.Popen[str], str]:
    """`timeline serve --dev` on a free port, once it answers; the caller stops it."""
    port = _free_port()
    env = {**os.environ, "TIMELINE_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "timeline.cli", "serve", "--dev", "--port", str(port), *options]
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(f"{base}/api/v1/health").status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    return server, base


def test_serve_dev_answers_over_http_with_auth_off(app_env: str) -> None:
    server, base = _serve(app_env, "--workers", "2")
    try:
        assert httpx.get(f"{base}/api/v1/ready").json()["ready"] is True
        # auth is off: no key needed, and the UI page is there
        assert httpx.get(f"{base}/api/v1/events").status_code == 200
        assert "<html" in httpx.get(f"{base}/").text
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=20)
    assert "AUTH IS OFF" in err


def test_serve_stops_on_sigterm_though_a_live_stream_is_open(app_env: str) -> None:
    """An EventSource never ends its request: the server must still stop within its grace period."""
    server, base = _serve(app_env)
    try:
        with httpx.stream("GET", f"{base}/api/v1/events/stream", timeout=60) as live:
            assert live.status_code == 200
            server.send_signal(signal.SIGTERM)
            stopped = server.wait(timeout=cli_api.GRACEFUL_SHUTDOWN_SECONDS + 20)
    finally:
        server.kill()
        _out, err = server.communicate(timeout=20)
    # uvicorn re-raises the signal it stopped on, so a clean stop may exit as killed by SIGTERM
    assert stopped in (0, -signal.SIGTERM), err
    assert "Application shutdown complete" in err
