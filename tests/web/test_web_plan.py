"""The "My plan" page and POST /api/v1/plan: from the results to the plan, its files, a plan file reopened."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from importlib import resources
from typing import Any

from fastapi.testclient import TestClient
from icalendar import Calendar
from interview_driver import Interview

DEMO = json.loads(resources.files("secondchance.examples").joinpath("people.json").read_text())
LUIS = next(p for p in DEMO["people"] if p["id"] == "luis")
MARIA = next(p for p in DEMO["people"] if p["id"] == "maria")
PLAN_TOKEN = re.compile(r'<input type="hidden" name="plan" value="([^"]*)">')


def results_for(client: TestClient, record: dict[str, Any]) -> Interview:
    interview = Interview(client)
    token = interview.hidden()["csrf_token"]
    interview.page = client.post(
        "/check/upload",
        data={"csrf_token": token},
        files={"record": ("r.json", json.dumps(record), "application/json")},
    )
    assert interview.page.status_code == 200 and "Your results" in interview.page.text
    return interview


def open_plan(client: TestClient, record: dict[str, Any]) -> tuple[str, str, str]:
    interview = results_for(client, record)
    assert 'action="/plan"' in interview.page.text  # the results lead to the plan
    page = client.post("/plan", data=interview.hidden())
    assert page.status_code == 200, page.text[:500]
    csrf = interview.hidden()["csrf_token"]
    (token,) = set(PLAN_TOKEN.findall(page.text))
    return page.text, csrf, token


def test_the_results_open_the_plan(client: TestClient) -> None:
    text, _, _ = open_plan(client, MARIA)
    assert "<h1>My plan</h1>" in text
    assert "Clean Slate should already have sealed case CP-51-CR-0001234-2009, charge 2" in text
    assert "Add to my calendar (.ics)" in text


def test_release_date_adds_the_first_weeks(client: TestClient) -> None:
    _, csrf, token = open_plan(client, LUIS)
    release = date.today() + timedelta(days=3)
    page = client.post(
        "/plan", data={"csrf_token": csrf, "plan": token, "action": "release", "release_date": release.isoformat()}
    )
    assert page.status_code == 200
    assert "Order your birth certificate" in page.text and "Medi-Cal" in page.text
    bad = client.post("/plan", data={"csrf_token": csrf, "plan": token, "action": "release", "release_date": "soon"})
    assert bad.status_code == 422 and "year-month-day" in bad.text


def test_downloads_ics_pdf_json_and_the_json_reopens(client: TestClient) -> None:
    _, csrf, token = open_plan(client, LUIS)
    ics = client.post("/plan/download", data={"csrf_token": csrf, "plan": token, "format": "ics"})
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    assert 'filename="my-plan.ics"' in ics.headers["content-disposition"]
    events = Calendar.from_ical(ics.content).walk("VEVENT")
    assert events and all(e.walk("VALARM") for e in events)
    pdf = client.post("/plan/download", data={"csrf_token": csrf, "plan": token, "format": "pdf"})
    assert pdf.content.startswith(b"%PDF-")
    saved = client.post("/plan/download", data={"csrf_token": csrf, "plan": token, "format": "json"}).content
    reopened = client.post("/plan/open", data={"csrf_token": csrf}, files={"plan": ("my-plan.json", saved)})
    assert reopened.status_code == 200
    assert "File for dismissal: case LA-15-0101" in reopened.text
    refused = client.post("/plan/open", data={"csrf_token": csrf}, files={"plan": ("x.json", b'{"format": "x"}')})
    assert refused.status_code == 422 and "not a plan we can open" in refused.text


def test_spanish_plan_page(client: TestClient) -> None:
    _, csrf, token = open_plan(client, LUIS)
    page = client.post("/plan", data={"csrf_token": csrf, "plan": token, "action": "lang:es"})
    assert page.status_code == 200 and '<html lang="es">' in page.text
    assert "<h1>Mi plan</h1>" in page.text and "Pida anulación de la condena" in page.text


def test_the_plan_page_refuses_what_it_cannot_trust(client: TestClient) -> None:
    _, csrf, token = open_plan(client, LUIS)
    assert client.post("/plan", data={"plan": token}).status_code == 403  # no CSRF token
    forged = client.post("/plan", data={"csrf_token": csrf, "plan": token[:-2] + "xx"})
    assert forged.status_code == 422
    assert client.get("/plan").status_code == 200  # a case worker's way in: open a file


def test_api_plan_returns_each_file(client: TestClient) -> None:
    body = {"record": LUIS, "as_of": "2026-11-23", "release_date": "2026-11-02", "lang": "es"}
    ics = client.post("/api/v1/plan", json={**body, "format": "ics"})
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    days = {e.decoded("dtstart") for e in Calendar.from_ical(ics.content).walk("VEVENT")}
    assert date(2026, 12, 2) in days
    as_json = client.post("/api/v1/plan", json={**body, "format": "json"}).json()
    assert as_json["format"] == "secondchance-plan" and as_json["lang"] == "es"
    pdf = client.post("/api/v1/plan", json={**body, "format": "pdf"})
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")


def test_api_plan_errors_are_problem_details(client: TestClient) -> None:
    for body, field in (
        ({"record": LUIS, "as_of": "23/11/2026"}, "as_of"),
        ({"record": LUIS, "format": "docx"}, "format"),
        ({"record": LUIS, "colour": "red"}, "colour"),
        ({"record": {"id": "x", "cases": [{"id": "c", "charges": [{"id": "1", "disposition": "maybe"}]}]}}, None),
    ):
        answer = client.post("/api/v1/plan", json=body)
        assert answer.status_code == 422, body
        assert answer.headers["content-type"].startswith("application/problem+json")
        if field:
            assert any(field in e["field"] for e in answer.json()["errors"]), answer.json()
    assert client.post("/api/v1/plan", content=b"x", headers={"content-type": "text/plain"}).status_code == 415


def test_api_plan_is_documented(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/plan"]["post"]
    assert set(operation["responses"]["200"]["content"]) == {"text/calendar", "application/pdf", "application/json"}
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["record"] and "release_date" in schema["properties"]


def test_services_found_added_and_removed(client: TestClient) -> None:
    _, csrf, token = open_plan(client, MARIA)
    found = client.post("/plan", data={"csrf_token": csrf, "plan": token, "action": "find_services",
                                       "near": "19107", "need": "legal"})  # fmt: skip
    assert found.status_code == 200, found.text[:300]
    assert "Sample listings" in found.text
    ids = re.findall(r'name="service" value="([^"]+)"', found.text)
    assert ids
    (token,) = set(PLAN_TOKEN.findall(found.text))
    added = client.post(
        "/plan",
        data={"csrf_token": csrf, "plan": token, "action": "add_services", "near": "19107", "need": "legal",
              "service": ids[:2]},
    )  # fmt: skip
    assert added.status_code == 200
    n = len(ids[:2])
    assert "Services you picked" in added.text and added.text.count('value="remove:') == n
    assert "For: Legal help." in added.text
    (token,) = set(PLAN_TOKEN.findall(added.text))
    ics = client.post("/plan/download", data={"csrf_token": csrf, "plan": token, "format": "json"}).json()
    assert [s["id"] for s in ics["services"]] == ids[:2]
    removed = client.post("/plan", data={"csrf_token": csrf, "plan": token, "action": f"remove:{ids[0]}"})
    assert removed.text.count('value="remove:') == n - 1
    # A made-up id is not added: the search is run again and only its results count.
    forged = client.post(
        "/plan",
        data={"csrf_token": csrf, "plan": token, "action": "add_services", "near": "19107", "need": "legal",
              "service": "not-a-service"},
    )  # fmt: skip
    assert forged.status_code == 200 and forged.text.count('value="remove:') == n


def test_services_search_errors_are_shown(client: TestClient) -> None:
    _, csrf, token = open_plan(client, MARIA)
    page = client.post("/plan", data={"csrf_token": csrf, "plan": token, "action": "find_services",
                                      "near": "Atlantis, ZZ", "need": "legal"})  # fmt: skip
    assert page.status_code == 422 and "know that place" in page.text and 'aria-invalid="true"' in page.text


def test_every_plan_step_is_a_page_reload_and_back_reach(client: TestClient) -> None:
    """Post/redirect/get: each change answers 303 to /plan/<ref>; the earlier page stays as it was."""
    interview = results_for(client, LUIS)
    moved = client.post("/plan", data=interview.hidden(), follow_redirects=False)
    assert moved.status_code == 303
    first = moved.headers["location"]
    assert re.fullmatch(r"/plan/[0-9a-f]{32}", first), first
    again = client.get(first)
    assert again.status_code == 200 and "File for dismissal: case LA-15-0101" in again.text
    (ref,) = set(PLAN_TOKEN.findall(again.text))
    csrf = interview.hidden()["csrf_token"]
    release = (date.today() + timedelta(days=3)).isoformat()
    changed = client.post(
        "/plan", data={"csrf_token": csrf, "plan": ref, "action": "release", "release_date": release},
        follow_redirects=False,
    )  # fmt: skip
    second = changed.headers["location"]
    assert changed.status_code == 303 and second != first and release not in second
    assert "Order your birth certificate" in client.get(second).text
    assert "Order your birth certificate" not in client.get(first).text  # Back: the plan before the date
    searched = client.post(
        "/plan", data={"csrf_token": csrf, "plan": ref, "action": "find_services", "near": "19107", "need": "legal"},
        follow_redirects=False,
    )  # fmt: skip
    assert searched.headers["location"].endswith("#plan-add") and "19107" not in searched.headers["location"]
    shown = client.get(searched.headers["location"].split("#")[0])
    assert 'name="service"' in shown.text and 'value="19107"' in shown.text  # reload shows the search again


def test_a_kept_plan_is_this_browsers_only(client: TestClient) -> None:
    interview = results_for(client, LUIS)
    where = client.post("/plan", data=interview.hidden(), follow_redirects=False).headers["location"]
    assert "Your answers were cleared" in client.get(f"/check/{where.removeprefix('/plan/')}").text  # not an interview
    client.cookies.clear()
    gone = client.get(where)
    assert gone.status_code == 404 and "Your plan was cleared" in gone.text
