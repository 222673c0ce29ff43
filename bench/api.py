"""API latency under load: uvicorn on 127.0.0.1, 50 concurrent httpx clients on loopback.

Two calls, each for ``duration`` seconds (30 s; 5 s with --quick): screening a 20-charge record
(POST /api/v1/screen) and a directory search (POST /api/v1/services/search) against a synthetic
directory of 10,000 services (2,000 with --quick). Each p50/p99 is reported beside the same call
made in process (the Python functions the endpoint runs, no HTTP), as a ratio to it; one client
alone is measured too, which separates HTTP's own cost from queueing behind 49 other clients. The server
runs in its own process (one uvicorn worker), so the load generator does not share its core.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

HOST = "127.0.0.1"
CLIENTS = 50
AS_OF = date(2026, 11, 23)
SEARCH: dict[str, Any] = {"near": "19107", "needs": ["housing"], "radius": 25, "limit": 20}
FACTS = {"has_record": True, "age": 40}


def record(charges: int = 20) -> dict[str, Any]:
    """One person with ``charges`` charges over PA and CA cases: convictions, dismissals, unknowns."""
    cases = []
    for index in range(charges):
        pa = index % 2 == 0
        ended = date(2005, 1, 1) + timedelta(days=211 * index)
        charge: dict[str, Any] = {
            "id": "1",
            "statute": "18 Pa.C.S. § 3929" if pa else "PC 459",
            "description": "Retail theft" if pa else "Second-degree burglary",
            "grade": ["M2", "M1", "S", "F3", None][index % 5]
            if pa
            else ["misdemeanor", "wobbler", "felony"][index % 3],
            "disposition": ["convicted", "withdrawn", "dismissed", "convicted", None][index % 5],
            "disposition_date": ended.isoformat() if index % 7 else None,
            "offense_date": (ended - timedelta(days=90)).isoformat(),
        }
        if charge["disposition"] == "convicted":
            charge["sentence"] = {
                "probation_end": (ended + timedelta(days=365)).isoformat(),
                "probation_completed": index % 3 != 0,
                "fines_costs_owed": 0 if index % 4 else 150,
                "restitution_owed": 0,
            }
        cases.append(
            {"id": f"C{index}", "jurisdiction": "PA" if pa else "CA", "county": "Philadelphia", "charges": [charge]}
        )
    return {"id": "bench", "birth_date": "1980-03-04", "cases": cases}


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    q = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"p50_ms": round(q[49] * 1000, 3), "p99_ms": round(q[98] * 1000, 3), "n": len(ordered)}


def in_process(screen_body: dict[str, Any], seconds: float, db_url: str) -> dict[str, dict[str, float]]:
    """The endpoints' own work, called directly and sequentially: the baseline."""
    from secondchance.records import people_from_json
    from secondchance.relief import screen
    from secondchance.web.api.relief import screening_json
    from secondchance.web.settings import Settings
    from secondchance.web.stores import run_search

    settings = Settings(database_url=db_url, secret_key="bench")
    run_search(settings, SEARCH["near"], SEARCH["needs"], radius=25, facts=FACTS)  # open the store first

    def screen_once() -> None:
        people = people_from_json(json.loads(json.dumps(screen_body)), as_of=AS_OF)
        json.dumps({"people": [screening_json(screen(p, AS_OF), True) for p in people]})

    def search_once() -> None:
        _label, results = run_search(settings, SEARCH["near"], SEARCH["needs"], radius=25, facts=FACTS, limit=20)
        json.dumps([r.to_json() for r in results])

    out = {}
    for name, call in (("screen", screen_once), ("search", search_once)):
        samples: list[float] = []
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline or len(samples) < 200:
            started = time.perf_counter()
            call()
            samples.append(time.perf_counter() - started)
        out[name] = percentiles(samples)
    return out


async def load(url: str, body: dict[str, Any], seconds: float, clients: int = CLIENTS) -> dict[str, Any]:
    """``clients`` clients, each with its own connection, sending ``body`` back to back for ``seconds``."""
    samples: list[float] = []
    failures = 0
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal failures
        async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=1)) as http:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                response = await http.post(url, json=body)
                elapsed = time.perf_counter() - started
                if response.status_code == 200:
                    samples.append(elapsed)
                else:
                    failures += 1

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - started
    return {**percentiles(samples), "failures": failures, "requests_per_s": round(len(samples) / wall, 1)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(db_url: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SECONDCHANCE_DATABASE_URL": db_url, "SECONDCHANCE_SECRET_KEY": "bench"}
    # Rate limits on (every request pays for the per-client bucket), set above what 50 clients on one
    # address send, so the figures are latency, not 429s; tests/web/test_web_robust.py checks the 429s.
    env |= {"SECONDCHANCE_RATE_LIMIT_PER_MINUTE": "100000000", "SECONDCHANCE_RATE_LIMIT_BURST": "100000000"}
    command = [sys.executable, "-m", "uvicorn", "--factory", "secondchance.web.app:create_app"]
    command += ["--host", HOST, "--port", str(port), "--log-level", "warning", "--no-access-log"]
    server = subprocess.Popen(command, env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/api/v1/jurisdictions", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("uvicorn did not start")


def run(quick: bool) -> dict[str, Any]:
    seconds = 5.0 if quick else 30.0
    services = 2_000 if quick else 10_000
    screen_body = record(20)
    with tempfile.TemporaryDirectory(prefix="secondchance-bench-api-") as folder:
        db_url = f"sqlite:///{Path(folder) / 'directory.db'}"
        cli = str(Path(sys.executable).parent / "secondchance")
        subprocess.run(
            [cli, "services", "synth", "--n", str(services), "--db", db_url], check=True, capture_output=True
        )
        baseline = in_process(screen_body, min(seconds, 10.0), db_url)
        port = free_port()
        server = start_server(db_url, port)
        try:
            base = f"http://{HOST}:{port}/api/v1"
            warm = {**SEARCH, "facts": FACTS}
            httpx.post(f"{base}/services/search", json=warm, timeout=60)  # the store opens on first use
            screen_url = f"{base}/screen?as_of={AS_OF.isoformat()}"
            one = min(seconds, 10.0)
            screen_one = asyncio.run(load(screen_url, screen_body, one, clients=1))
            search_one = asyncio.run(load(f"{base}/services/search", warm, one, clients=1))
            screen_load = asyncio.run(load(screen_url, screen_body, seconds))
            search_load = asyncio.run(load(f"{base}/services/search", warm, seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    figures: dict[str, Any] = {"clients": CLIENTS, "seconds_per_call": seconds, "directory_services": services}
    calls = (("screen_20_charges", screen_load, screen_one), ("directory_search", search_load, search_one))
    for name, under_load, alone in calls:
        direct = baseline["screen" if name.startswith("screen") else "search"]
        figures[name] = {
            "http_under_load": under_load,
            "http_one_client": alone,
            "one_client_p50_ratio": round(alone["p50_ms"] / direct["p50_ms"], 2),
            "in_process": direct,
            "p50_ratio": round(under_load["p50_ms"] / direct["p50_ms"], 1),
            "p99_ratio": round(under_load["p99_ms"] / direct["p99_ms"], 1),
        }
    return figures
