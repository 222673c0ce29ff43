"""The pages without a browser: the interview's logic, CSRF, signed state, language, privacy."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient
from interview_driver import Interview

from secondchance.web.security import sign


def finish_pa_withdrawn(interview: Interview) -> None:
    interview.post()  # intro
    interview.post(state="PA")
    interview.post(birth="1984-05-02")
    interview.post(description="Receiving stolen property", statute="18 Pa.C.S. § 3925")
    interview.post(grade="M2")
    interview.post(disposition="withdrawn")
    interview.post(disposition_date="2009-09-01")
    assert interview.title() == "Do you have another charge to add?"
    interview.post(another="done")


def test_interview_reaches_results_with_the_nonconviction_rule(client: TestClient) -> None:
    interview = Interview(client)
    finish_pa_withdrawn(interview)
    assert interview.title() == "Your results"
    assert 'href="/rules/PA-9122-a2-nonconviction"' in interview.page.text
    assert "Good news: this charge can be cleared now." in interview.page.text


def test_sentence_questions_are_asked_only_after_a_conviction(client: TestClient) -> None:
    interview = Interview(client)
    interview.post()
    interview.post(state="CA")
    interview.post("unknown")
    interview.post("unknown")
    assert interview.title() == "What was the grade of the charge?"
    assert "Wobbler" in interview.page.text and "(M2)" not in interview.page.text
    interview.post(grade="wobbler")
    interview.post(disposition="convicted")
    interview.post(disposition_date="2018-10-15")
    assert interview.title() == "Were you sentenced to jail or prison for this charge?"
    interview.post(jail="yes")
    interview.post(release="2019-01-01")
    assert interview.title() == "Was it state prison?", "asked in California only"
    interview.post(prison_kind="no")
    interview.post(probation="no")
    assert interview.title() == "Do you still owe fines or court costs for this charge?"
    interview.post(fines="yes", fines_amount="$1,250.50")
    interview.post(restitution="no")
    assert interview.title() == "Was this conviction pardoned?"
    interview.post(pardon="no")
    assert interview.title() == "Do you have another charge to add?"


def test_answers_are_checked_and_explained(client: TestClient) -> None:
    interview = Interview(client)
    interview.post()
    interview.post()  # no state chosen
    assert interview.page.status_code == 422
    assert "Choose one answer" in interview.page.text
    interview.post(state="PA")
    interview.post(birth="31/12/1980")
    assert "year, month and day" in interview.page.text
    interview.post(birth="2999-01-01")
    assert "in the future" in interview.page.text
    assert interview.title() == "When were you born?"


def test_back_returns_to_the_previous_question(client: TestClient) -> None:
    interview = Interview(client)
    interview.post()
    interview.post(state="PA")
    interview.post("back")
    assert interview.title() == "Which state was the case in?"
    interview.post("back")
    assert interview.title() == "Can my record be cleared?"
    interview.post("back")
    assert interview.title() == "Can my record be cleared?"


def test_forms_without_the_csrf_token_are_refused(client: TestClient) -> None:
    interview = Interview(client)
    hidden = interview.hidden()
    response = client.post("/check", data={"interview": hidden["interview"], "action": "next"})
    assert response.status_code == 403
    assert "This form has expired" in response.text
    response = client.post("/check", data={**hidden, "csrf_token": "forged", "action": "next"})
    assert response.status_code == 403
    stranger = TestClient(client.app)
    response = stranger.post("/check", data={**hidden, "action": "next"})
    assert response.status_code == 403, "a token is bound to the browser's own cookie"


def test_csrf_cookie_is_httponly_and_samesite(client: TestClient) -> None:
    fresh = TestClient(client.app)
    cookie = fresh.get("/").headers["set-cookie"]
    assert cookie.startswith("sc_csrf=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie


def test_a_changed_interview_state_starts_over(client: TestClient, settings: object) -> None:
    interview = Interview(client)
    hidden = interview.hidden()
    forged = sign("another-secret", "interview", {"step": "results", "back": [], "person": {"cases": []}})
    response = client.post("/check", data={**hidden, "interview": forged, "action": "next"})
    assert "Can my record be cleared?" in response.text


def test_download_is_the_record_format(client: TestClient) -> None:
    interview = Interview(client)
    finish_pa_withdrawn(interview)
    response = client.post("/check/download", data=interview.hidden())
    assert response.headers["content-disposition"] == 'attachment; filename="my-record.json"'
    record = json.loads(response.text)
    assert record["birth_date"] == "1984-05-02"
    assert record["cases"][0]["charges"][0]["disposition"] == "withdrawn"


def test_no_form_sends_answers_in_the_url(client: TestClient) -> None:
    pages = [client.get(path).text for path in ("/", "/check", "/about")]
    interview = Interview(client)
    finish_pa_withdrawn(interview)
    pages.append(interview.page.text)
    for html in pages:
        for form in re.findall(r"<form[^>]*>", html):
            assert 'method="post"' in form, form


def test_language_switch_persists_and_only_redirects_locally(client: TestClient) -> None:
    token = Interview(client).hidden()["csrf_token"]
    response = client.post(
        "/language", data={"csrf_token": token, "lang": "es", "next": "//evil.example/"}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    assert "sc_lang=es" in response.headers["set-cookie"]
    page = client.get("/about")
    assert '<html lang="es">' in page.text
    assert "Acerca de y privacidad" in page.text


def test_accept_language_picks_spanish(client: TestClient) -> None:
    fresh = TestClient(client.app)
    page = fresh.get("/", headers={"accept-language": "es-US,es;q=0.9"})
    assert '<html lang="es">' in page.text


def test_rule_page_quotes_the_statute_and_links_the_official_text(client: TestClient) -> None:
    page = client.get("/rules/PA-9122-a2-nonconviction")
    assert "nonconviction data" in page.text
    assert "/HTM/18/00.091.022.000..HTM" in page.text
    assert client.get("/rules/nope").status_code == 404


def test_page_errors_are_html(client: TestClient) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "find that page" in response.text


def test_every_rule_has_a_page(client: TestClient) -> None:
    from secondchance.relief import RULES

    for rule in RULES:
        page = client.get(f"/rules/{rule.id}")
        assert page.status_code == 200, rule.id
        assert rule.section in page.text.replace("&amp;", "&"), rule.id


def test_official_statute_links() -> None:
    from secondchance.web.ui.statutes import official_url

    pa = official_url("18 Pa.C.S. § 9122.2(a)(2)")
    assert pa == "https://www.legis.state.pa.us/WU01/LI/LI/CT/HTM/18/00.091.022.002..HTM"
    ca = official_url("Cal. Penal Code § 1203.4(a)(1)")
    assert ca == "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=PEN&sectionNum=1203.4"
    assert official_url("Pa. Const. art. IV, § 9") is None
    assert official_url("Cal. Penal Code § 1203.4a(a)") == ca.replace("1203.4", "1203.4a")
    hs = official_url("Cal. Health & Safety Code § 11361.8(e)")
    assert hs is not None and "lawCode=HSC&sectionNum=11361.8" in hs


def test_saved_answers_come_back_as_the_same_results(client: TestClient) -> None:
    interview = Interview(client)
    finish_pa_withdrawn(interview)
    before = interview.page.text
    saved = client.post("/check/download", data=interview.hidden()).content
    token = interview.hidden()["csrf_token"]
    page = client.post(
        "/check/upload", data={"csrf_token": token}, files={"record": ("my-record.json", saved, "application/json")}
    )
    assert page.status_code == 200
    assert "Your results" in page.text
    assert "Good news: this charge can be cleared now." in page.text
    assert before.count('class="result ') == page.text.count('class="result ')
    again = Interview(client)
    again.page = page
    again.post("back")
    assert again.title() == "Do you have another charge to add?"


def test_an_unreadable_upload_is_explained(client: TestClient) -> None:
    token = Interview(client).hidden()["csrf_token"]
    for content in (
        b"not json",
        b'{"id": "x", "cases": [{"id": "1", "jurisdiction": "PA", "charges": [{"id": "1", "grade": "Q"}]}]}',
    ):
        page = client.post("/check/upload", data={"csrf_token": token}, files={"record": ("x.json", content)})
        assert page.status_code == 422
        assert "That file is not one we can read" in page.text
    assert client.post("/check/upload", files={"record": ("x.json", b"{}")}).status_code == 403
