"""``POST /api/v1/records/read``: multipart, size-limited, refusals as 422 problems, in the OpenAPI."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from secondchance.papers.synth_pa import docket_pdf, random_person
from secondchance.records.parse import person_to_json
from secondchance.web.app import create_app
from secondchance.web.settings import Settings


@pytest.fixture()
def api() -> Iterator[TestClient]:
    with TestClient(create_app(Settings())) as client:
        yield client


def test_a_docket_is_read_and_a_bad_one_refused(api: TestClient) -> None:
    person = random_person(6)
    person = replace(person, cases=person.cases[:1])
    pdf = docket_pdf(person, person.cases[0])
    answer = api.post("/api/v1/records/read", files=[("document", ("d.pdf", pdf, "application/pdf"))])
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert {**body["record"], "id": person.id} == person_to_json(person)
    assert all(s["place"].startswith("d.pdf, page ") for s in body["seen"])
    refused = api.post("/api/v1/records/read", files=[("document", ("x.pdf", b"%PDF-1.4\n", "application/pdf"))])
    assert refused.status_code == 422 and "truncated" in refused.text
    assert api.post("/api/v1/records/read", files=[("other", ("x", b"x"))]).status_code == 422
    assert "/api/v1/records/read" in api.get("/api/v1/openapi.json").json()["paths"]
