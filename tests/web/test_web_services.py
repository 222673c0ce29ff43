"""Services: the API's search (every filter), one service, HSDS export, and the "Find help near me" page."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient


def test_search_explains_each_fit_and_sorts_by_fit_then_distance(client: TestClient) -> None:
    response = client.post("/api/v1/services/search", json={"near": "19107", "needs": ["legal"], "radius": 50})
    assert response.status_code == 200
    body = response.json()
    assert body["near"].startswith("19107")
    assert body["results"], "the bundled sample has legal help in Philadelphia"
    for result in body["results"]:
        assert result["fit"] in ("fits", "unknown", "may_not_fit")
        assert result["miles"] <= 50
        assert any(need.startswith("legal") for need in result["needs"])


def test_facts_change_the_fit(client: TestClient) -> None:
    query = {"near": "19107", "needs": ["housing"], "radius": 10}
    unknown = client.post("/api/v1/services/search", json=query).json()["results"]
    shelter = next(r for r in unknown if "sex_offense_registration" in r["missing"])
    facts = {"has_record": True, "sex_offense_registration": True, "age": 40}
    known = client.post("/api/v1/services/search", json={**query, "facts": facts}).json()["results"]
    same = next(r for r in known if r["service_at_location_id"] == shelter["service_at_location_id"])
    assert same["fit"] == "may_not_fit"
    assert any("sex-offense" in reason for reason in same["reasons"])


def test_get_search_takes_the_same_filters(client: TestClient) -> None:
    response = client.get("/api/v1/services", params={"near": "New Orleans, LA", "need": ["food"], "limit": 3})
    assert response.status_code == 200
    assert len(response.json()["results"]) <= 3


def test_search_problems_name_the_field(client: TestClient) -> None:
    response = client.get("/api/v1/services", params={"near": "Atlantis"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "near"
    response = client.post("/api/v1/services/search", json={"near": "19107", "needs": ["unicorns"]})
    assert response.json()["errors"][0]["field"] == "needs"
    response = client.post("/api/v1/services/search", json={"near": "19107", "facts": {"age": "old"}})
    assert response.json()["errors"][0] == {"field": "age", "where": "facts", "detail": "'old' is not a valid int"}
    response = client.post("/api/v1/services/search", json={"near": "19107", "radius": 0})
    assert response.json()["errors"][0]["field"] == "radius"


def test_one_service_and_hsds_export(client: TestClient) -> None:
    services = client.get("/api/v1/hsds/services").json()
    assert len(services) >= 10
    first = services[0]
    assert {"id", "name", "organization", "service_at_locations"} <= set(first)
    one = client.get(f"/api/v1/services/{first['id']}")
    assert one.status_code == 200
    assert one.json() == first
    assert client.get("/api/v1/services/no-such-id").status_code == 404


def test_a_hotline_is_found_from_anywhere_by_phone(client: TestClient) -> None:
    """The sample's hotline is at a virtual location: no distance, its service area shown; remote=false drops it."""
    query = {"near": "Anchorage, AK", "needs": ["hotline"]}
    results = client.post("/api/v1/services/search", json=query).json()["results"]
    assert [(r["name"], r["miles"], r["remote"], r["service_area"]) for r in results] == [
        ("24/7 reentry hotline", None, True, "United States")
    ]
    assert results[0]["phone"] == "800-555-0199"
    remote_off = client.get("/api/v1/services", params={"near": "Anchorage, AK", "need": "hotline", "remote": "false"})
    assert remote_off.json()["results"] == []
    start = client.get("/services")
    data = {"csrf_token": page_token(start.text), "near": "99501", "need": ["hotline"], "radius": "10"}
    page = client.post("/services", data=data)
    assert "By phone or online" in page.text and "Serves: United States" in page.text
    assert 'href="tel:+18005550199"' in page.text  # E.164 from the parsed number (issue 16)


def test_needs_list(client: TestClient) -> None:
    codes = {n["code"] for n in client.get("/api/v1/needs").json()}
    assert {"housing", "food", "legal"} <= codes


def page_token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match
    return match.group(1)


def test_services_page_asks_only_questions_that_matter(client: TestClient) -> None:
    start = client.get("/services")
    assert "Sample listings." in start.text
    assert "A few questions" not in start.text, "nothing is asked before a search"
    data = {"csrf_token": page_token(start.text), "near": "19107", "need": ["housing"], "radius": "10"}
    page = client.post("/services", data=data)
    assert page.status_code == 200
    assert "near 19107" in page.text
    assert "Do you have to register as a sex offender?" in page.text
    assert "Are you a veteran?" not in page.text, "no listing here serves veterans only"
    assert 'href="tel:' in page.text
    answered = client.post("/services", data={**data, "fact_sex_offense_registration": "no", "fact_age": "40"})
    # the one housing listing near 19107 turns away registrants only: with "no" it fits, nothing left to ask
    assert answered.text.count("Takes people like you") == 1 and "Ask them first" not in answered.text
    assert 'value="no" checked' in answered.text, "answers stay on screen"


def test_services_page_explains_an_unknown_place(client: TestClient) -> None:
    start = client.get("/services")
    page = client.post("/services", data={"csrf_token": page_token(start.text), "near": "Atlantis"})
    assert page.status_code == 422
    assert "We don&#39;t know that place" in page.text or "know that place" in page.text


def test_services_search_needs_the_csrf_token(client: TestClient) -> None:
    assert client.post("/services", data={"near": "19107"}).status_code == 403


def test_services_page_cards_say_the_need_matched_a_map_link_and_when_last_checked(client: TestClient) -> None:
    start = client.get("/services")
    data = {"csrf_token": page_token(start.text), "near": "19107", "need": ["housing"], "radius": "10"}
    page = client.post("/services", data=data).text
    assert "<p>For: A bed tonight (emergency shelter)</p>" in page  # asked for housing: its narrower need
    assert 'href="https://www.openstreetmap.org/directions?to=' in page
    assert "Not dated: call to check it is still open." in page  # the sample listings carry no dates


def test_api_results_carry_matched_needs_directions_and_freshness(client: TestClient) -> None:
    body = client.post("/api/v1/services/search", json={"near": "19107", "needs": ["legal"], "radius": 50}).json()
    first = body["results"][0]
    assert first["matched_needs"] and first["matched_needs"][0]["need"].startswith("legal")
    assert first["directions"].startswith("https://www.openstreetmap.org/directions?to=")
    assert first["last_verified"] is None and first["stale"] is True


def test_services_page_says_when_a_need_has_nothing_nearby(client: TestClient) -> None:
    start = client.get("/services")
    data = {"csrf_token": page_token(start.text), "near": "99501", "need": ["food"], "radius": "5"}
    page = client.post("/services", data=data).text
    assert '<p class="gap">Nothing for Food and meals within 5 miles.' in page  # Anchorage: the sample has none


def test_api_gaps_on_request(client: TestClient) -> None:
    query = {"near": "99501", "needs": ["food"], "radius": 5}
    assert "gaps" not in client.post("/api/v1/services/search", json=query).json()
    body = client.post("/api/v1/services/search", json={**query, "gaps": True}).json()
    assert [g["need"] for g in body["gaps"]] == ["food"]


def test_services_page_offers_open_now_a_printable_list_and_a_text_message(client: TestClient) -> None:
    start = client.get("/services")
    assert 'name="open_now"' in start.text, "open-now is in the form from the start"
    assert "Printable list" not in start.text, "nothing to print before a search"
    data = {"csrf_token": page_token(start.text), "near": "19107", "need": ["housing", "legal"], "radius": "25"}
    page = client.post("/services", data=data).text
    assert 'value="print"' in page
    sms = re.search(r'<textarea id="sms-summary"[^>]*>([^<]*)</textarea>', page)
    assert sms and 0 < len(html.unescape(sms.group(1))) <= 320, "a text message: two SMS parts at most"
    printed = client.post("/services", data={**data, "action": "print", "fact_age": "40"})
    assert printed.status_code == 200
    cards = page.count('<article class="service">')
    assert printed.text.count("<li>\n    <p><strong>") == cards, "the whole search, every place, as a list"
    assert "Services near 19107" in printed.text and "Call " in printed.text and "For: " in printed.text
    assert html.unescape(sms.group(1)) in html.unescape(printed.text), "the same short version on the printout"
    assert 'name="fact_age" value="40"' in printed.text, "back to the search keeps the answers"
    assert "<form" in printed.text and 'value="search"' in printed.text


def test_open_now_filters_the_web_search(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    from secondchance.web.ui import services as ui

    real = ui.run_search  # type: ignore[attr-defined]  # the name the page calls, replaced below

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("open_now", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(ui, "run_search", spy)
    start = client.get("/services")
    data = {"csrf_token": page_token(start.text), "near": "19107", "radius": "25"}
    client.post("/services", data=data)
    page = client.post("/services", data={**data, "open_now": "1"}).text
    assert seen == [False, True]
    assert 'id="open-now" name="open_now" value="1" checked' in page, "the choice stays on screen"


def test_api_search_answers_with_the_printable_list_and_text_message(client: TestClient) -> None:
    body = client.post("/api/v1/services/search", json={"near": "19107", "needs": ["legal"], "radius": 25}).json()
    assert body["printable"].startswith("Services near 19107")
    assert body["results"][0]["name"] in body["printable"]
    assert 0 < len(body["text_message"]) <= 320


def _hidden(text: str, name: str) -> str:
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)">', text)
    assert match, name
    return html.unescape(match.group(1))


def test_language_switch_keeps_what_was_typed_and_the_search_shown(client: TestClient) -> None:
    """The switch sends the search form as typed (searched or not) with the search it shows (``shown``)."""
    page = client.get("/services")
    assert 'form="search-form" formaction="/services"' in page.text
    csrf = _hidden(page.text, "csrf_token")
    typed = {"csrf_token": csrf, "near": "19107", "need": "legal", "radius": "10", "fact_age": "44", "shown": ""}
    spanish = client.post("/services", data={**typed, "action": "lang:es"})
    assert spanish.status_code == 200 and '<html lang="es">' in spanish.text
    assert 'id="near" name="near" value="19107"' in spanish.text and 'value="legal" checked' in spanish.text
    assert 'value="10" selected' in spanish.text
    assert 'id="results"' not in spanish.text, "typed, not searched: nothing is searched by the switch"
    searched = client.post("/services", data={**typed, "action": "search"})
    shown = _hidden(searched.text, "shown")
    assert '"near":"19107"' in shown and 'id="results"' in searched.text
    assert "cerca de 19107 (Philadelphia, PA)" in searched.text  # the cookie of the switch: in Spanish now
    # A new place typed but not searched yet: the page comes back with it typed and the old search shown.
    changed = {**typed, "near": "Pittsburgh, PA", "shown": shown, "action": "lang:en"}
    english = client.post("/services", data=changed)
    assert 'value="Pittsburgh, PA"' in english.text and '<html lang="en">' in english.text
    again = re.search(r'<h2 id="results-h">(.*?)</h2>', english.text, re.S)
    assert again and again.group(1).endswith("near 19107 (Philadelphia, PA)"), "the search shown is kept"
    assert '"near":"19107"' in _hidden(english.text, "shown")
    unreadable = client.post("/services", data={**changed, "shown": "{not json"})
    assert unreadable.status_code == 200 and 'id="results"' not in unreadable.text
