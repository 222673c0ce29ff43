"""Court papers on the web: ``POST /api/v1/papers`` (a ZIP) and the page reached from the results."""

from __future__ import annotations

import io
import json
import logging
import re
import zipfile
from importlib import resources
from typing import Any

import pdfplumber
from fastapi.testclient import TestClient
from interview_driver import Interview

AS_OF = "2026-11-29"


def person(person_id: str) -> dict[str, Any]:
    people = json.loads(resources.files("secondchance.examples").joinpath("people.json").read_text("utf-8"))
    return next(p for p in people["people"] if p["id"] == person_id)


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(" ".join((page.extract_text() or "") for page in pdf.pages).split())


def test_api_returns_a_zip_of_the_papers(client: TestClient) -> None:
    record = {**person("luis"), "name": "Jane Example", "address": "1 Sample St"}
    response = client.post(f"/api/v1/papers?as_of={AS_OF}&formats=pdf", json=record)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    assert "Jane Example" not in str(response.headers)
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "papers.json" in names and "00-checklist.pdf" in names
    summary = json.loads(archive.read("papers.json"))
    assert "Jane Example" not in json.dumps(summary)
    assert [m["case"] for m in summary["made"] if m["kind"] == "petition"] == ["LA-15-0101", "LA-18-0042", "LA-24-0777"]
    text = pdf_text(archive.read("03-ca-dismissal-petition-LA-18-0042.pdf"))
    assert "SUPERIOR COURT OF CALIFORNIA, COUNTY OF LOS ANGELES" in text
    assert "LA-18-0042" in text and "§ 17(b)" in text and "Jane Example" in text


def test_api_refuses_what_it_cannot_do(client: TestClient) -> None:
    every = json.loads(resources.files("secondchance.examples").joinpath("people.json").read_text("utf-8"))
    several = client.post(f"/api/v1/papers?as_of={AS_OF}", json=every)
    assert several.status_code == 422 and several.json()["errors"][0]["field"] == "person"
    one = client.post(f"/api/v1/papers?as_of={AS_OF}&person=denise&formats=txt", json=every)
    assert one.status_code == 200
    maria = person("maria")
    assert client.post("/api/v1/papers?lang=fr", json=maria).status_code == 422
    assert client.post("/api/v1/papers?as_of=2026-02-30", json=maria).status_code == 422
    assert client.post("/api/v1/papers?as_of=20260101", json=maria).status_code == 422
    assert client.post("/api/v1/papers?formats=rtf", json=maria).status_code == 422
    invalid = client.post("/api/v1/papers", json={"id": "x", "cases": [{"id": "c", "charges": [{"grade": 1}]}]})
    assert invalid.status_code == 422
    assert client.post("/api/v1/papers", content=b"x", headers={"content-type": "text/plain"}).status_code == 415


def test_api_is_documented(client: TestClient) -> None:
    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/papers"]["post"]
    assert "application/zip" in operation["responses"]["200"]["content"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Record"}
    assert {p["name"] for p in operation["parameters"]} == {"as_of", "person", "lang", "formats"}


def results_for(client: TestClient, person_id: str) -> Interview:
    interview = Interview(client)
    token = interview.hidden()["csrf_token"]
    saved = json.dumps(person(person_id)).encode()
    interview.page = client.post("/check/upload", data={"csrf_token": token}, files={"record": ("r.json", saved)})
    assert interview.title() == "Your results"
    return interview


def test_from_results_to_downloaded_papers(client: TestClient) -> None:
    interview = results_for(client, "maria")
    assert 'action="/papers"' in interview.page.text and "Get my court papers" in interview.page.text
    page = client.post("/papers", data=interview.hidden())
    assert page.status_code == 200
    assert "Petition for expungement and proposed order" in page.text
    assert 'autocomplete="name"' in page.text
    hidden = dict(re.findall(r'<input type="hidden" name="(interview|csrf_token)" value="([^"]*)">', page.text))
    form = {**hidden, "name": "Jane Example", "address": "1 Sample Street"}
    zipped = client.post("/papers/download", data=form)
    assert zipped.status_code == 200 and zipped.headers["content-type"] == "application/zip"
    assert "Jane Example" not in str(zipped.headers)
    archive = zipfile.ZipFile(io.BytesIO(zipped.content))
    assert "01-pa-expungement-petition-CP-51-CR-0001234-2009.docx" in archive.namelist()
    one = client.post("/papers/download", data={**form, "file": "01-pa-expungement-petition-CP-51-CR-0001234-2009"})
    assert one.headers["content-type"] == "application/pdf"
    text = pdf_text(one.content)
    assert "COURT OF COMMON PLEAS OF PHILADELPHIA COUNTY" in text
    assert "CP-51-CR-0001234-2009" in text and "18 Pa.C.S. § 3925" in text and "§ 9122(a)(2)" in text
    assert "Jane Example" in text
    unknown = client.post("/papers/download", data={**form, "file": "../../etc/passwd"})
    assert unknown.status_code == 422


def test_page_in_spanish_and_refusals(client: TestClient) -> None:
    interview = results_for(client, "luis")
    page = client.post("/papers", data={**interview.hidden(), "action": "lang:es"})
    assert "Obtener mis documentos para la corte" in page.text
    assert client.post("/papers", data={"csrf_token": interview.hidden()["csrf_token"], "interview": "forged"},
                       follow_redirects=False).status_code == 303  # fmt: skip
    assert client.post("/papers", data={"interview": interview.hidden()["interview"]}).status_code == 403


def test_county_and_docket_typed_on_the_page_pick_the_court(client: TestClient) -> None:
    """An interview does not ask the county or docket: the page does, and the papers use them."""
    record = person("maria")
    record["cases"][0] = {k: v for k, v in record["cases"][0].items() if k != "county"} | {"id": "1"}
    interview = Interview(client)
    token = interview.hidden()["csrf_token"]
    saved = json.dumps(record).encode()
    interview.page = client.post("/check/upload", data={"csrf_token": token}, files={"record": ("r.json", saved)})
    page = client.post("/papers", data=interview.hidden())
    assert 'name="county_0"' in page.text and ">Philadelphia</option>" in page.text
    hidden = dict(re.findall(r'<input type="hidden" name="(interview|csrf_token)" value="([^"]*)">', page.text))
    form = {**hidden, "county_0": "Philadelphia", "docket_0": "CP-51-CR-0007777-2009", "file": ""}
    files = zipfile.ZipFile(io.BytesIO(client.post("/papers/download", data=form).content)).namelist()
    name = "01-pa-expungement-petition-CP-51-CR-0007777-2009"
    text = pdf_text(client.post("/papers/download", data={**form, "file": name}).content)
    assert f"{name}.pdf" in files
    assert "COURT OF COMMON PLEAS OF PHILADELPHIA COUNTY" in text and "CP-51-CR-0007777-2009" in text
    bad = client.post("/papers/download", data={**form, "county_0": "Atlantis", "docket_0": "<script>", "file": ""})
    assert "01-pa-expungement-petition-case-1.pdf" in zipfile.ZipFile(io.BytesIO(bad.content)).namelist()


def test_name_and_address_are_not_logged(client: TestClient, caplog: Any) -> None:
    caplog.set_level(logging.DEBUG)
    record = {**person("maria"), "name": "Zelda Unlogged", "address": "77 Quiet Road"}
    assert client.post(f"/api/v1/papers?as_of={AS_OF}&formats=txt", json=record).status_code == 200
    interview = results_for(client, "maria")
    form = {**interview.hidden(), "name": "Zelda Unlogged", "address": "77 Quiet Road"}
    assert client.post("/papers/download", data=form).status_code == 200
    assert "Zelda" not in caplog.text and "Quiet Road" not in caplog.text


def test_the_papers_page_is_post_redirect_get_and_keeps_no_name(client: TestClient) -> None:
    """Reload and Back reach /papers/<ref> (the form, empty of name and address); a language switch keeps
    the county and docket typed, never the name and address; a download's problem is a code in the URL."""
    from secondchance.web.security import CSRF_COOKIE

    interview = results_for(client, "maria")
    ref = interview.hidden()["interview"]
    moved = client.post("/papers", data=interview.hidden(), follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == f"/papers/{ref}"
    page = client.get(f"/papers/{ref}")
    assert page.status_code == 200 and 'id="papers-form"' in page.text
    assert page.headers["cache-control"] == "no-store"
    assert 'form="papers-form" formaction="/papers"' in page.text  # the language switch sends this form
    typed = {**interview.hidden(), "name": "Zelda Unkept", "address": "77 Quiet Road"}
    typed["docket_0"] = "CP-51-CR-0009999-2009"
    switched = client.post("/papers", data={**typed, "action": "lang:es"}, follow_redirects=False)
    assert switched.headers["location"] == f"/papers/{ref}" and "Zelda" not in str(switched.headers)
    spanish = client.get(f"/papers/{ref}")
    assert '<html lang="es">' in spanish.text and 'value="CP-51-CR-0009999-2009"' in spanish.text
    assert "Zelda" not in spanish.text and "Quiet Road" not in spanish.text
    kept = client.app.state.states.get(client.cookies[CSRF_COOKIE], ref)  # type: ignore[attr-defined]
    assert "CP-51-CR-0009999-2009" in json.dumps(kept) and "Zelda" not in json.dumps(kept)
    wrong = client.post("/papers/download", data={**typed, "file": "nope"}, follow_redirects=False)
    assert wrong.status_code == 303 and wrong.headers["location"] == f"/papers/{ref}?problem=unknown-paper"
    shown = client.get(wrong.headers["location"])
    assert shown.status_code == 422 and "Zelda" not in shown.text
    gone = client.get("/papers/" + "0" * 32, follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"] == "/check/" + "0" * 32
