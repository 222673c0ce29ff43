"""Post/redirect/get: every interview step, the upload and the results are pages Back and reload reach,
kept encrypted for this browser only; the results lead with a summary and talk to the services page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from interview_driver import Interview

from secondchance.web.app import create_app
from secondchance.web.settings import Settings
from secondchance.web.state import StateStore

REF_URL = re.compile(r"^/check/[0-9a-f]{32}$")


def path_of(response: object) -> str:
    return str(response.url.path)  # type: ignore[attr-defined]


def two_charges(interview: Interview) -> None:
    """A withdrawn charge (cleared now) and a conviction with the year only and restitution unknown."""
    interview.post()
    interview.post(state="PA")
    interview.post(birth="1984-05-02")
    interview.post(description="Retail theft", statute="18 Pa.C.S. § 3929")
    interview.post(grade="M2")
    interview.post(disposition="withdrawn")
    interview.post(disposition_date="2009-09-01")
    interview.post(another="same_case")
    interview.post(description="Simple assault", statute="18 Pa.C.S. § 2701")
    interview.post(grade="M2")
    interview.post(disposition="convicted")
    interview.post(disposition_date="2012-03-04")
    interview.post(jail="no")
    interview.post(probation="no")
    interview.post(fines="no")
    interview.post("unknown")  # restitution
    interview.post(pardon="no")
    interview.post(another="done")


def test_each_answer_is_a_303_to_a_page_that_reloads(client: TestClient) -> None:
    interview = Interview(client)
    hidden = interview.hidden()
    response = client.post("/check", data={**hidden, "action": "next"}, follow_redirects=False)
    assert response.status_code == 303
    target = response.headers["location"]
    assert REF_URL.match(target), target
    first, again = client.get(target), client.get(target)
    assert first.status_code == again.status_code == 200
    assert "Which state was the case in?" in first.text and "Which state was the case in?" in again.text


def test_back_to_an_earlier_url_shows_that_step_with_its_answer(client: TestClient) -> None:
    interview = Interview(client)
    interview.post()
    interview.post(state="PA")
    birth_url = path_of(interview.page)
    interview.post(birth="1984-05-02")
    interview.post(description="Retail theft", statute="18 Pa.C.S. § 3929")
    assert interview.title() == "What was the grade of the charge?"
    back = client.get(birth_url)  # what the browser's Back button asks for
    assert "When were you born?" in back.text
    assert 'value="1984-05-02"' in back.text, "the answer given there comes back"
    # answering again from there goes on from that step (the later steps are not carried over)
    again = Interview(client)
    again.page = back
    again.post(birth="1990-01-01")
    assert again.title() == "What was the charge?"
    assert 'value="Retail theft"' not in again.page.text


def test_results_reload_and_back_from_the_results(client: TestClient) -> None:
    interview = Interview(client)
    two_charges(interview)
    results_url = path_of(interview.page)
    assert REF_URL.match(results_url)
    assert client.get(results_url).text.count('class="charge ') == 2
    interview.post("back")  # "Change my last answer": the step before, as it was
    assert interview.title() == "Do you have another charge to add?"
    assert 'value="done" checked' in interview.page.text


def test_the_url_the_store_and_other_browsers_hold_nothing_readable(client: TestClient) -> None:
    interview = Interview(client)
    two_charges(interview)
    url = path_of(interview.page)
    store: StateStore = client.app.state.states  # type: ignore[attr-defined]
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT ref_hash, data FROM interview_state").all()
    assert rows and all(b"Retail" not in bytes(data) and b"1984" not in bytes(data) for _, data in rows)
    assert all(url.rsplit("/", 1)[1] not in ref_hash for ref_hash, _ in rows), "only a keyed hash of the reference"
    stranger = TestClient(client.app)
    page = stranger.get(url)
    assert "Your answers were cleared" in page.text and "Retail theft" not in page.text


def test_steps_expire(tmp_path: Path) -> None:
    store = StateStore(f"sqlite:///{tmp_path / 's.db'}", "k" * 32, seconds=-1)
    ref = store.put("browser", {"state": {}})
    assert store.get("browser", ref) is None
    store.put("browser", {"state": {}})  # each write deletes what has expired
    assert store.count() == 1


def test_two_workers_share_the_steps(tmp_path: Path) -> None:
    """``serve --workers N`` runs N apps on one state database: any of them answers any step."""
    settings = Settings(secret_key="s" * 32, state_url=f"sqlite:///{tmp_path / 'states.db'}")
    one, two = TestClient(create_app(settings)), TestClient(create_app(settings))
    interview = Interview(one)
    interview.post()
    interview.post(state="CA")
    two.cookies = one.cookies
    assert "When were you born?" in two.get(path_of(interview.page)).text


def test_language_switch_keeps_what_was_typed(client: TestClient) -> None:
    interview = Interview(client)
    interview.post()
    interview.post(state="PA")
    interview.post("unknown")
    interview.post("lang:es", description="Robo en tienda", statute="18 Pa.C.S. § 3929")
    assert '<html lang="es">' in interview.page.text
    assert interview.title() == "¿Cuál fue el cargo?"
    assert 'value="Robo en tienda"' in interview.page.text
    interview.post("lang:en", description="Robo en tienda", statute="18 Pa.C.S. § 3929")  # the form, filled
    assert 'value="Robo en tienda"' in interview.page.text, "still there after switching back"


def test_partial_dates_are_accepted(client: TestClient) -> None:
    interview = Interview(client)
    interview.post()
    interview.post(state="CA")
    interview.post(birth_year="19x")
    assert interview.page.status_code == 422 and "4 digits" in interview.page.text
    interview.post(birth_year="1984", birth_month="6")
    assert interview.title() == "What was the charge?"
    interview.post("unknown")
    interview.post(grade="misdemeanor")
    interview.post(disposition="convicted")
    interview.post(disposition_date_year="2015")
    assert interview.title() == "Were you sentenced to jail or prison for this charge?"
    record = client.post("/check/download", data=interview.hidden()).json()
    assert record["birth_date"] == "1984-06"
    assert record["cases"][0]["charges"][0]["disposition_date"] == "2015"


def test_results_lead_with_a_summary_and_one_line_per_charge(client: TestClient) -> None:
    interview = Interview(client)
    two_charges(interview)
    html = interview.page.text
    summary = html[html.index('class="summary"') : html.index("Each charge in detail")]
    assert "1 of 2 charges can be cleared now." in summary
    assert "Do this first: ask a free legal aid office to help you file a petition for Retail theft." in summary
    assert summary.count("<li>") == 2
    assert "Expungement now. You must ask the court for it." in summary
    assert html.index('class="summary"') < html.index('class="charge ')


def test_a_follow_up_question_is_asked_inline_and_rescreens(client: TestClient) -> None:
    interview = Interview(client)
    two_charges(interview)
    form = re.search(r'<form method="post" action="/check" class="followup">(.*?)</form>', interview.page.text, re.S)
    assert form, "the restitution left unknown could change the second charge's result"
    assert "Do you still owe restitution for this charge?" in form.group(1)
    fields = dict(re.findall(r'name="(ask|target)" value="([^"]*)"', form.group(1)))
    assert fields == {"ask": "restitution", "target": "0.1"}
    before = interview.page.text.count("restitution you still owe")
    interview.post("followup", **fields, restitution="maybe")
    assert interview.page.status_code == 422 and "Choose one answer" in interview.page.text
    assert interview.title() == "Your results"
    interview.post("followup", **fields, restitution="no")
    assert interview.title() == "Your results"
    assert interview.page.text.count("restitution you still owe") < before


def test_statute_links_open_in_a_new_tab_with_a_label(client: TestClient) -> None:
    interview = Interview(client)
    two_charges(interview)
    link = re.search(r'<a href="/rules/PA-9122-a2-nonconviction"[^>]*>.*?</a>', interview.page.text)
    assert link and 'target="_blank"' in link.group(0) and 'rel="noopener"' in link.group(0)
    assert "(opens in a new tab)" in link.group(0)


def test_find_help_arrives_with_needs_facts_and_asks_the_zip_once(client: TestClient) -> None:
    interview = Interview(client)
    two_charges(interview)
    link = re.search(r'href="(/services\?interview=[0-9a-f]{32})"', interview.page.text)
    assert link
    page = client.get(link.group(1))
    assert 'name="need" value="legal.record_clearance" checked' in page.text
    assert "You have a criminal record." in page.text and "What is your ZIP code?" in page.text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    ref = link.group(1).rsplit("=", 1)[1]
    searched = client.post(
        "/services",
        data={"csrf_token": token, "interview": ref, "near": "19107", "need": "legal.record_clearance"},
    )
    assert "For: Clearing a record" in searched.text, "each card says which need it matched"
    assert "Do you have a criminal record?" not in searched.text, "never asked twice"
    again = client.get(link.group(1))
    assert 'value="19107"' in again.text and "What is your ZIP code?" not in again.text
    assert 'id="results"' in again.text, "with the ZIP known, the search runs at once"


def test_a_need_with_nothing_nearby_says_so(client: TestClient) -> None:
    interview = Interview(client)
    two_charges(interview)
    ref = re.search(r"/services\?interview=([0-9a-f]{32})", interview.page.text).group(1)  # type: ignore[union-attr]
    page = client.get(f"/services?interview={ref}")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    searched = client.post(
        "/services",
        data={"csrf_token": token, "interview": ref, "near": "19380", "need": "legal.record_clearance", "radius": "5"},
    )  # West Chester: the sample's record-clearing help is in Philadelphia
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", searched.text))
    gap = "Nothing for Clearing a record (expungement, sealing) within 5 miles."
    assert f"{gap} Nearest: Record sealing and expungement help, 23.3 miles." in text, text[:3000]


def test_upload_answers_303(client: TestClient) -> None:
    token = Interview(client).hidden()["csrf_token"]
    charge = b'{"id": "1", "disposition": "withdrawn"}'
    body = b'{"id": "x", "cases": [{"id": "1", "jurisdiction": "PA", "charges": [' + charge + b"]}]}"
    response = client.post(
        "/check/upload", data={"csrf_token": token}, files={"record": ("r.json", body)}, follow_redirects=False
    )
    assert response.status_code == 303 and REF_URL.match(response.headers["location"])
    assert "Your results" in client.get(response.headers["location"]).text


@pytest.mark.slow
def test_serve_with_two_workers_answers_every_step_from_either(tmp_path: Path) -> None:
    """``serve --workers 2`` shares one state database (and one key) between its worker processes."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECONDCHANCE_")}
    env |= {"SECONDCHANCE_PORT": str(port), "TMPDIR": str(tmp_path), "SECONDCHANCE_RATE_LIMIT_PER_MINUTE": "0"}
    env["PYTHONPATH"] = str(Path(__file__).parents[2] / "src")
    code = "import sys; from secondchance.cli import main; sys.argv[0] = 'secondchance'; main()"
    command = [sys.executable, "-c", code, "serve", "--workers", "2"]
    server = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                browser = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
                start = browser.get("/check")
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        token = start.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        step = browser.post("/check", data={"csrf_token": token, "interview": "", "action": "next"})
        assert step.status_code == 303
        url = step.headers["location"]
        base = f"http://127.0.0.1:{port}"
        pages = [httpx.get(base + url, cookies=browser.cookies, timeout=30) for _ in range(12)]  # new connections
        assert all(p.status_code == 200 and "Which state was the case in?" in p.text for p in pages)
        browser.close()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def test_the_supervision_question_follows_the_release(client: TestClient) -> None:
    """ "You were released in 2020. Were you on probation, parole or other supervision…?" asked inline."""
    interview = Interview(client)
    interview.post()
    interview.post(state="CA")
    interview.post(birth="1970-01-01")
    interview.post(description="Petty theft", statute="PC 484")
    interview.post(grade="misdemeanor")
    interview.post(disposition="convicted")
    interview.post(disposition_date="2018-02-01")
    interview.post(jail="yes")
    interview.post(release="2020-03-01")
    interview.post(prison_kind="no")
    interview.post("unknown")  # supervision
    while interview.title() != "Do you have another charge to add?":
        interview.post(**{"fines": "no", "restitution": "no", "pardon": "no"})
    interview.post(another="done")
    form = re.search(r'class="followup">(.*?)</form>', interview.page.text, re.S)
    assert form, "the unknown supervision could change the result"
    assert "You were released in 2020. Were you on probation, parole or other supervision" in form.group(1)
    fields = dict(re.findall(r'name="(ask|target)" value="([^"]*)"', form.group(1)))
    interview.post("followup", **fields, probation="parole")
    assert interview.title() == "Your results"
