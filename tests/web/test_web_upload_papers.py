"""'Upload my court papers': upload → review (every deciding value editable, unread values asked) → results."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from fastapi.testclient import TestClient

from secondchance.papers import ca_rap_synth
from secondchance.papers.synth_pa import docket_pdf, random_person
from secondchance.testing.papers import convicted_pa

HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')
FIELD = re.compile(r'name="(f:[^"]+)" value="([^"]*)"')


def hidden(page: str) -> dict[str, str]:
    return dict(HIDDEN.findall(page))


def fields(page: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in FIELD.findall(page)}


def upload(client: TestClient, *files: tuple[str, bytes], status: int = 200) -> str:
    token = hidden(client.get("/upload").text)["csrf_token"]
    page = client.post(
        "/upload/read", data={"csrf_token": token}, files=[("document", (n, d, "application/pdf")) for n, d in files]
    )
    assert page.status_code == status, page.text[:500]
    return str(page.text)


def test_a_docket_is_read_reviewed_edited_and_screened(client: TestClient) -> None:
    _, pdf = convicted_pa()
    page = upload(client, ("docket.pdf", pdf))
    assert "Check what we read" in page
    values = fields(page)
    assert values["f:birth_date"] == "1980-01-02"
    assert values["f:cases[0].charges[0].statute"] == "18 Pa.C.S. § 3929(a)(1)"
    assert values["f:cases[0].charges[1].disposition_date"] == "2010-06-01"
    # the docket prints the probation's length, not its end: asked in words, with what the paper said
    assert values["f:cases[0].charges[0].sentence.probation_end"] == ""
    assert "We could not read this." in page and "Max of 1.00 Year" in page
    data = {**hidden(page), **values, "f:cases[0].charges[0].sentence.probation_end": "2011-06-01"}
    results = client.post("/upload/review", data=data)
    assert results.status_code == 200, results.text[:800]
    assert "Your results" in results.text
    assert results.text.count('class="charge') >= 2
    assert "Retail Theft" in results.text


def test_an_edit_changes_the_record_screened(client: TestClient) -> None:
    _, pdf = convicted_pa()
    page = upload(client, ("docket.pdf", pdf))
    values = fields(page)
    data = {**hidden(page), **values, "f:cases[0].charges[0].disposition": "not_guilty"}
    results = client.post("/upload/review", data=data)
    saved = client.post("/check/download", data={k: v for k, v in hidden(results.text).items()})
    assert saved.status_code == 200
    assert saved.json()["cases"][0]["charges"][0]["disposition"] == "not_guilty"
    assert saved.json()["cases"][0]["docket_number"] == "CP-51-CR-0001234-2010"  # petition details kept


def test_a_field_the_page_did_not_ask_is_ignored(client: TestClient) -> None:
    _, pdf = convicted_pa()
    page = upload(client, ("docket.pdf", pdf))
    data = {**hidden(page), **fields(page), "f:cases[0].charges[0].pardoned": "true", "f:cases[0].id": "x"}
    results = client.post("/upload/review", data=data)
    saved = client.post("/check/download", data=hidden(results.text)).json()
    assert "pardoned" not in saved["cases"][0]["charges"][0]
    assert saved["cases"][0]["id"] == "CP-51-CR-0001234-2010"


def test_a_wrong_value_is_shown_again_with_the_problem(client: TestClient) -> None:
    _, pdf = convicted_pa()
    page = upload(client, ("docket.pdf", pdf))
    data = {**hidden(page), **fields(page), "f:cases[0].charges[1].disposition_date": "sometime"}
    again = client.post("/upload/review", data=data)
    assert again.status_code == 422 and "Check what we read" in again.text and 'role="alert"' in again.text


def test_a_rap_sheet_is_read_too(client: TestClient) -> None:
    printed = ca_rap_synth.sheet(2)
    page = upload(client, ("rap.txt", printed.text.encode()))
    assert "Check what we read" in page
    assert 'name="f:cases[0].charges[0].disposition"' in page  # a choice of the record's dispositions


def test_a_document_that_is_not_court_papers_is_refused_with_its_reason(client: TestClient) -> None:
    page = upload(client, ("notes.txt", b"my shopping list\nmilk\n"), status=422)
    assert "We could not read notes.txt" in page and "Upload my court papers" in page


def test_an_expired_or_forged_review_starts_over(client: TestClient) -> None:
    token = hidden(client.get("/upload").text)["csrf_token"]
    page = client.post("/upload/review", data={"csrf_token": token, "record": "garbage.sig"})
    assert page.status_code == 422 and "Upload your papers again" in page.text


def test_two_dockets_of_one_person_are_one_review(client: TestClient) -> None:
    person = random_person(3)
    person = replace(person, cases=person.cases[:2]) if len(person.cases) > 1 else person
    pdfs = [(f"{c.id}.pdf", docket_pdf(replace(person, cases=(c,)), c)) for c in person.cases]
    page = upload(client, *pdfs)
    for case in person.cases:
        assert f"Case {case.id}" in page
