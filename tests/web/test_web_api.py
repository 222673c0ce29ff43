"""The REST API: screening, rules, problem details with the field at fault, limits, OpenAPI."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from fastapi.testclient import TestClient

AS_OF = "2026-11-23"


def example_people() -> Any:
    return json.loads(resources.files("secondchance.examples").joinpath("people.json").read_text("utf-8"))


def one_charge(**charge: Any) -> dict[str, Any]:
    return {"id": "p", "cases": [{"id": "c", "jurisdiction": "PA", "charges": [{"id": "1", **charge}]}]}


def test_screen_examples_returns_every_person_and_charge(client: TestClient) -> None:
    response = client.post(f"/api/v1/screen?as_of={AS_OF}", json=example_people())
    assert response.status_code == 200
    body = response.json()
    assert body["as_of"] == AS_OF
    assert [p["person_id"] for p in body["people"]] == ["maria", "denise", "luis", "odette"]
    maria = body["people"][0]
    assert [c["charge_id"] for c in maria["charges"]] == ["1", "2"]
    withdrawn = maria["charges"][1]
    result = next(r for r in withdrawn["results"] if r["rule"] == "PA-9122-a2-nonconviction")
    assert result["status"] == "eligible_now"
    assert result["summary"].startswith("Eligible now")
    assert result["trace"][0]["holds"] is True


def test_screen_without_trace(client: TestClient) -> None:
    response = client.post(f"/api/v1/screen?as_of={AS_OF}&trace=false", json=one_charge(disposition="dismissed"))
    result = response.json()["people"][0]["charges"][0]["results"][0]
    assert "trace" not in result


def test_unknown_disposition_needs_review_with_the_missing_fact(client: TestClient) -> None:
    response = client.post(f"/api/v1/screen?as_of={AS_OF}", json=one_charge())
    result = next(
        r for r in response.json()["people"][0]["charges"][0]["results"] if r["rule"] == "PA-9122-a2-nonconviction"
    )
    assert result["status"] == "needs_review"
    assert result["missing"] == ["disposition"]


def test_invalid_record_is_a_problem_naming_each_field(client: TestClient) -> None:
    record = one_charge(grade="Q9", disposition_date="2030-01-01")
    response = client.post(f"/api/v1/screen?as_of={AS_OF}", json=record)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:secondchance:problem:invalid-record"
    assert problem["status"] == 422
    assert problem["instance"] == "/api/v1/screen"
    fields = {e["field"] for e in problem["errors"]}
    assert fields == {"grade", "disposition_date"}
    assert all(e["where"] == "person p / case c / charge 1" for e in problem["errors"])


def test_bad_query_parameter_names_the_field(client: TestClient) -> None:
    response = client.post("/api/v1/screen?as_of=yesterday", json=one_charge())
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "field": "as_of",
        "where": "query",
        "detail": response.json()["errors"][0]["detail"],
    }


def test_not_json_is_a_problem(client: TestClient) -> None:
    response = client.post("/api/v1/screen", content=b"{nope", headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "(json)"
    response = client.post("/api/v1/screen", content=b"a,b", headers={"content-type": "text/csv"})
    assert response.status_code == 415
    assert response.headers["content-type"] == "application/problem+json"


def test_body_size_limit_declared_and_streamed(client: TestClient) -> None:
    big = b'{"id": "' + b"x" * 60_000 + b'"}'
    response = client.post("/api/v1/screen", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["title"] == "Content Too Large"

    def chunks() -> Any:
        for _ in range(10):
            yield b" " * 10_000

    response = client.post("/api/v1/screen", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_too_many_charges(client: TestClient) -> None:
    charges = [{"id": str(i), "disposition": "dismissed"} for i in range(30)]
    record = {"id": "p", "cases": [{"id": "c", "jurisdiction": "PA", "charges": charges}]}
    response = client.post("/api/v1/screen", json=record)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "charges"


def test_jurisdictions_and_rules(client: TestClient) -> None:
    jurisdictions = {j["code"]: j for j in client.get("/api/v1/jurisdictions").json()}
    assert set(jurisdictions) >= {"PA", "CA"}
    assert jurisdictions["PA"]["rules"] >= 1
    rules = client.get("/api/v1/rules", params={"jurisdiction": "pa"}).json()
    assert all(r["jurisdiction"] == "PA" for r in rules)
    assert "PA-9122-a2-nonconviction" in {r["id"] for r in rules}
    rule = client.get("/api/v1/rules/PA-9122-a2-nonconviction").json()
    assert rule["section"] == "18 Pa.C.S. § 9122(a)(2)"
    assert "nonconviction data" in rule["statute_text"]
    assert rule["conditions"][0]["cite"]
    waits = client.get("/api/v1/rules/PA-9122-a1-no-disposition").json()["waits"]
    assert waits[0]["months"] == "pa.expungement.no_disposition_months" and waits[0]["years"] == 0


def test_unknown_rule_and_path_are_problems(client: TestClient) -> None:
    for path in ("/api/v1/rules/NO-SUCH-RULE", "/api/v1/nowhere"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == 404
    response = client.delete("/api/v1/rules")
    assert response.status_code == 405
    assert response.json()["title"] == "Method Not Allowed"


def test_openapi_document_is_complete(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    paths = schema["paths"]
    assert {"/api/v1/screen", "/api/v1/jurisdictions", "/api/v1/rules", "/api/v1/rules/{rule_id}"} <= set(paths)
    assert not any(not p.startswith("/api/v1/") for p in paths), "pages must not leak into the API document"
    screen = paths["/api/v1/screen"]["post"]
    assert screen["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Record"}
    assert "422" in screen["responses"]
    components = schema["components"]["schemas"]
    assert {"Record", "Record_person", "Record_charge", "Problem"} <= set(components)
    assert "$defs" not in json.dumps(components)


def test_api_and_pages_send_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/v1/rules"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["cache-control"] == "no-store"
