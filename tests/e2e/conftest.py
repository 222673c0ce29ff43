"""Browser tests: the app on uvicorn (loopback, a free port), driven by Playwright in Debian's Chromium.

``playwright install`` cannot download here, so Playwright launches /usr/bin/chromium (installed by
scripts/install-system-deps.sh). Every page visited is checked with axe-core (from npm) and
photographed at 360 px wide into tests/e2e/screenshots/ (not committed).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from secondchance.web.app import create_app
from secondchance.web.settings import Settings

ROOT = Path(__file__).parent.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    port = free_port()
    settings = Settings(secret_key="e2e-secret", rate_limit_per_minute=0)  # a browser session is one client
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (run scripts/install-system-deps.sh)")
    if not AXE.exists():
        pytest.skip("axe-core is not installed (run npm ci)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A phone-sized page (360 x 780) whose console CSP errors are collected in ``page.csp_errors``."""
    context = browser.new_context(viewport={"width": 360, "height": 780}, base_url=base_url, locale="en-US")
    context.set_default_timeout(8000)
    tab = context.new_page()
    tab.csp_errors = []
    tab.on(
        "console",
        lambda message: (
            tab.csp_errors.append(f"{message.text} at {message.location}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield tab
    context.close()


@pytest.fixture
def audit() -> Any:
    return run_audit


def run_audit(page: Any, name: str) -> list[dict[str, Any]]:
    """Screenshot the page at its width, run axe-core (WCAG 2.1 A/AA) and fail on serious/critical issues."""
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    report = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    bad = [v for v in report["violations"] if v["impact"] in ("serious", "critical")]
    details = json.dumps(
        [{"id": v["id"], "help": v["help"], "nodes": [n["html"] for n in v["nodes"][:3]]} for v in bad], indent=1
    )
    assert not bad, f"axe found serious or critical problems on {name}:\n{details}"
    assert not page.csp_errors, page.csp_errors
    return list(report["violations"])
