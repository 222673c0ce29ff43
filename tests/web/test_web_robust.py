"""Edges of the web (issue 16): bad bodies are 4xx, 500s carry the security headers, rate limits,
``serve`` refuses unsafe setups and cleans up on SIGTERM, ``tel:`` links from parsed numbers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from secondchance.cli import app as cli_app
from secondchance.web.app import create_app
from secondchance.web.security import RateLimit
from secondchance.web.settings import Settings
from secondchance.web.ui.phone import tel_href

RECORD = '{"id": "p", "cases": [{"id": "c", "jurisdiction": "PA", "charges": [{"id": "1", "grade": "M2"}]}]}'
JSON = {"content-type": "application/json"}
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))


@pytest.mark.parametrize(
    "body",
    [
        RECORD.replace('"M2"', '"M2", "grade": "F1"'),  # duplicate key
        RECORD.replace('"grade": "M2"', '"sentence": {"fines_costs_owed": Infinity}'),
        RECORD.replace('"grade": "M2"', '"sentence": {"fines_costs_owed": 1e999}'),
        RECORD.replace('"grade": "M2"', '"sentence": {"fines_costs_owed": ' + "9" * 100_000 + "}"),
        "[" * 20_000 + "]" * 20_000,
        RECORD.replace('"M2"', '"\\ud800"'),
    ],
)
def test_bad_api_bodies_are_422_naming_the_reason(body: str) -> None:
    client = TestClient(create_app(Settings(max_body_bytes=300_000, rate_limit_per_minute=0)))
    response = client.post("/api/v1/screen", content=body.encode(), headers=JSON)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == "(json)"


def test_latin1_and_bom_bodies(client: TestClient) -> None:
    latin1 = client.post("/api/v1/screen", content=RECORD.replace('"p"', '"Zoë"').encode("latin-1"), headers=JSON)
    assert latin1.status_code == 422 and "not UTF-8" in latin1.text
    bom = client.post("/api/v1/screen", content=b"\xef\xbb\xbf" + RECORD.encode(), headers=JSON)
    assert bom.status_code == 200, bom.text


@pytest.mark.parametrize("as_of", ["0", "20190105", "2019-W01-1", "1e3"])
def test_as_of_only_as_documented(client: TestClient, as_of: str) -> None:
    response = client.post(f"/api/v1/screen?as_of={as_of}", content=RECORD.encode(), headers=JSON)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "as_of"


def test_upload_of_hostile_json_is_a_page_not_a_500(client: TestClient) -> None:
    page = client.get("/check")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    for body in (b"[" * 20_000, RECORD.replace('"M2"', '"M2", "grade": "F1"').encode(), b"\xff\xfe{"):
        response = client.post(
            "/check/upload", data={"csrf_token": token}, files={"record": ("r.json", body, "application/json")}
        )
        assert response.status_code == 422 and "not one we can read" in response.text


def test_a_500_carries_the_security_headers() -> None:
    app = create_app(Settings(rate_limit_per_minute=0))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    response = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert response.status_code == 500
    for header in ("content-security-policy", "x-content-type-options", "x-frame-options", "cache-control"):
        assert header in response.headers, header


def test_rate_limit_answers_429_with_retry_after() -> None:
    client = TestClient(create_app(Settings(rate_limit_per_minute=60, rate_limit_burst=3)))
    statuses = [client.get("/api/v1/jurisdictions").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/")
    assert limited.status_code == 429 and limited.headers["retry-after"] == "1"
    assert "content-security-policy" in limited.headers
    assert client.get("/static/app.css").status_code != 429  # static files are not counted
    other = TestClient(client.app, client=("192.0.2.7", 5000))
    assert other.get("/api/v1/jurisdictions").status_code == 200  # buckets are per client


def test_rate_limit_refills_and_forgets_old_clients() -> None:
    now = [0.0]
    limit = RateLimit(lambda *_: None, per_minute=60, burst=2, max_clients=2, clock=lambda: now[0])  # type: ignore[arg-type]
    assert [limit._take("a") for _ in range(3)] == [0.0, 0.0, 1.0]
    now[0] = 1.0
    assert limit._take("a") == 0.0
    limit._take("b")
    limit._take("c")
    assert list(limit.buckets) == ["b", "c"]


def test_tel_links_from_parsed_numbers() -> None:
    assert tel_href("(215) 555-0100 (8)") == "+12155550100"  # the footnote is not dialled
    assert tel_href("215-555-0100 ext. 12") == "+12155550100;ext=12"
    assert tel_href("+1 415 555 0199") == "+14155550199"
    assert tel_href("555-0100") == tel_href("call us") == tel_href("") == ""  # no link rather than a wrong one


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    body=st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from([RECORD, "[" * 500, "NaN", '{"people": [' + RECORD + "]}", "[]", '{"people": 1}']).map(
            str.encode
        ),
    )
)
def test_api_body_is_answer_or_4xx(body: bytes) -> None:
    response = API_CLIENT.post("/api/v1/screen?as_of=2026-11-23", content=body, headers=JSON)
    assert response.status_code == 200 or 400 <= response.status_code < 500, response.text


API_CLIENT = TestClient(create_app(Settings(rate_limit_per_minute=0)))
runner = CliRunner()


@pytest.mark.parametrize(
    ("env", "args", "message"),
    [
        ({"SECONDCHANCE_SECRET_KEY": "a"}, [], "at least 32"),
        ({}, ["--host", "0.0.0.0"], "without HTTPS"),
        ({}, ["--host", "192.0.2.1"], "without HTTPS"),
    ],
)
def test_serve_refuses_unsafe_setups(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], args: list[str], message: str
) -> None:
    import uvicorn

    started: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: started.append(k))
    monkeypatch.delenv("SECONDCHANCE_SECRET_KEY", raising=False)
    result = runner.invoke(cli_app, ["serve", *args], env=env)
    assert result.exit_code == 2 and message in result.stderr and not started
    ok = runner.invoke(cli_app, ["serve", "--host", "0.0.0.0", "--allow-http"], env={"SECONDCHANCE_SECRET_KEY": ""})
    assert ok.exit_code == 0 and started


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_serve_removes_its_temporary_folder_on_sigterm(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "SECONDCHANCE_SECRET_KEY"}
    env |= {"SECONDCHANCE_PORT": str(port), "TMPDIR": str(tmp_path)}
    env["PYTHONPATH"] = str(Path(__file__).parents[2] / "src")
    code = "import sys; from secondchance.cli import main; sys.argv[0] = 'secondchance'; main()"
    server = subprocess.Popen([sys.executable, "-c", code, "serve"], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as browser:
                    page = browser.get("/services")
                    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
                    found = browser.post("/services", data={"csrf_token": token, "near": "19107"})
                    assert found.status_code == 200
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        assert list(tmp_path.glob("secondchance-web-*")), "the sample store was built in TMPDIR"
        assert list(tmp_path.glob("secondchance-state-*")), "so was the interview-state database"
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    assert not list(tmp_path.glob("secondchance-web-*"))
    assert not list(tmp_path.glob("secondchance-state-*"))


def test_a_slow_request_body_gets_408() -> None:
    """A body trickling in (slowloris) is cut off after SECONDCHANCE_BODY_TIMEOUT_SECONDS."""
    import asyncio
    import concurrent.futures

    from secondchance.web.security import BodySizeLimit

    sent: list[MutableMapping[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        while (await receive()).get("more_body"):
            pass

    async def receive() -> dict[str, Any]:
        await asyncio.sleep(0.05)
        return {"type": "http.request", "body": b"x", "more_body": True}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    limit = BodySizeLimit(app, limit=10_000, timeout=0.3)
    # In a thread of its own: earlier tests (Playwright's sync API) may leave an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, limit({"type": "http", "headers": []}, receive, send)).result()
    assert sent[0]["status"] == 408


def test_screening_over_its_time_budget_is_503_with_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    from secondchance.web.api import relief

    def slow(*args: Any) -> list[Any]:
        time.sleep(1.0)
        return []

    monkeypatch.setattr(relief, "screen_all", slow)
    client = TestClient(create_app(Settings(request_seconds=0.2, rate_limit_per_minute=0)))
    response = client.post("/api/v1/screen", content=RECORD.encode(), headers=JSON)
    assert response.status_code == 503 and response.headers["retry-after"] == "30"
    assert "content-security-policy" in response.headers


def test_one_person_over_500_charges_is_422_everywhere() -> None:
    charges = ",".join(f'{{"id": "{i}", "grade": "M2"}}' for i in range(501))
    body = f'{{"id": "p", "cases": [{{"id": "c", "jurisdiction": "PA", "charges": [{charges}]}}]}}'
    client = TestClient(create_app(Settings(max_charges=10_000, max_body_bytes=200_000, rate_limit_per_minute=0)))
    response = client.post("/api/v1/screen", content=body.encode(), headers=JSON)
    assert response.status_code == 422 and "at most 500 per person" in response.text
    page = client.get("/check")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    upload = client.post(
        "/check/upload", data={"csrf_token": token}, files={"record": ("r.json", body.encode(), "application/json")}
    )
    assert upload.status_code == 422 and "not one we can read" in upload.text


@pytest.mark.parametrize("page", ["interview", "services"])
def test_pages_over_their_time_budget_are_503_with_retry_after(monkeypatch: pytest.MonkeyPatch, page: str) -> None:
    from secondchance.web.ui import pages, services

    def slow(*args: Any) -> Any:
        time.sleep(1.0)
        raise AssertionError("abandoned")

    client = TestClient(create_app(Settings(request_seconds=0.2, rate_limit_per_minute=0)))
    form = client.get("/check").text
    fields = {
        "csrf_token": form.split('name="csrf_token" value="', 1)[1].split('"', 1)[0],
        "interview": form.split('name="interview" value="', 1)[1].split('"', 1)[0],
    }
    if page == "interview":
        monkeypatch.setattr(pages, "interview_page", slow)
        response = client.post("/check", data={**fields, "action": "next"})
    else:
        monkeypatch.setattr(services, "services_page", slow)
        response = client.post("/services", data={"csrf_token": fields["csrf_token"], "near": "70112"})
    assert response.status_code == 503 and response.headers["retry-after"] == "30"
    assert "We are busy right now" in response.text and "content-security-policy" in response.headers
