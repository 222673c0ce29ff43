"""`secondchance serve` for real: it answers on loopback, its access log holds no query or client address,
and several workers share one key (a form from one is accepted by another)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_and_logs_no_personal_data(tmp_path: Path, workers: int) -> None:
    port = free_port()
    cli = Path(sys.executable).parent / "secondchance"
    env = {k: v for k, v in os.environ.items() if k != "SECONDCHANCE_SECRET_KEY"}
    env |= {"SECONDCHANCE_PORT": str(port), "SECONDCHANCE_WORKERS": str(workers)}
    if workers == 1:
        env["SECONDCHANCE_SECRET_KEY"] = "serve-test-" + "k" * 32  # serve refuses keys under 32 bytes
    with (tmp_path / "serve.log").open("w+") as log:
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
            with httpx.Client(base_url=base, timeout=10) as browser:  # a form signed by one worker, sent to any
                start = browser.get("/services")
                token = re.search(r'name="csrf_token" value="([^"]+)"', start.text)
                assert token
                for _ in range(4 * workers):
                    data = {"csrf_token": token.group(1), "near": "19107"}
                    page = browser.post("/services", data=data, headers={"Connection": "close"})  # any worker
                    assert page.status_code == 200
        finally:
            server.terminate()
            server.wait(timeout=30)
        log.seek(0)
        text = log.read()
    assert "GET /api/v1/rules" in text, text
    assert "my-name-is-maria" not in text
    assert "127.0.0.1:" not in text.replace(f"http://127.0.0.1:{port}", ""), "no client address in the log"
