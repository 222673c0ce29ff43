"""`secondchance serve` for real: it answers on loopback, and its access log holds no query or client address."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_and_logs_no_personal_data(tmp_path: Path) -> None:
    port = free_port()
    cli = Path(sys.executable).parent / "secondchance"
    env = {**os.environ, "SECONDCHANCE_PORT": str(port), "SECONDCHANCE_SECRET_KEY": "serve-test"}
    log = (tmp_path / "serve.log").open("w+")
    server = subprocess.Popen([str(cli), "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"{base}/", timeout=2)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        assert response.status_code == 200
        assert "secondchance" in response.text
        rules = httpx.get(f"{base}/api/v1/rules", params={"jurisdiction": "PA", "secret": "my-name-is-maria"})
        assert rules.status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
    log.seek(0)
    text = log.read()
    assert "GET /api/v1/rules" in text, text
    assert "my-name-is-maria" not in text
    assert "127.0.0.1:" not in text.replace(f"http://127.0.0.1:{port}", ""), "no client address in the log"
