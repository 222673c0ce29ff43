"""An uploaded complete record screens as the same file does on the command line (issue 11):
the web upload keeps every field it receives, including those the interview never asks."""

from __future__ import annotations

import json
from datetime import date

from fastapi.testclient import TestClient
from interview_driver import Interview

from secondchance.records import people_from_json
from secondchance.records.parse import person_to_json
from secondchance.relief.screening import screen, to_json

COMPLETE = {
    "id": "p-upload",
    "birth_date": "1970-02-03",
    "name": "Pat Example",
    "aliases": ["P. Example"],
    "address": "1 Test Street, Nowhere PA",
    "cases": [
        {
            "id": "CP-51-CR-0000001-2001",
            "jurisdiction": "PA",
            "county": "Philadelphia",
            "arrest_date": "2001-01-05",
            "docket_number": "CP-51-CR-0000001-2001",
            "otn": "N 000001-1",
            "judge": "A Judge",
            "arresting_agency": "Test Police Dept",
            "complaint_date": "2001-01-06",
            "amount_assessed": 500.0,
            "amount_paid": 500.0,
            "amount_balance": 0.0,
            "charges": [
                {
                    "id": "1",
                    "statute": "18 Pa.C.S. § 3929(a)(1)",
                    "description": "Retail Theft",
                    "grade": "M2",
                    "offense_date": "2001-01-04",
                    "disposition": "convicted",
                    "disposition_date": "2001-06-01",
                    "sentence": {
                        "incarcerated": False,
                        "supervision": "probation",
                        "probation_start": "2001-06-01",
                        "probation_end": "2002-06-01",
                        "probation_completed": True,
                        "fines_costs_owed": 0,
                        "restitution_owed": 0,
                    },
                },
                {
                    "id": "2",
                    "statute": "18 Pa.C.S. § 3925",
                    "grade": "M1",
                    "offense_date": "2001-01-04",
                    "disposition": "withdrawn",
                    "disposition_date": "2001-06-01",
                },
            ],
        }
    ],
}


def test_an_uploaded_complete_record_keeps_every_field_and_screens_as_on_the_cli(client: TestClient) -> None:
    interview = Interview(client)
    token = interview.hidden()["csrf_token"]
    page = client.post(
        "/check/upload",
        data={"csrf_token": token},
        files={"record": ("r.json", json.dumps(COMPLETE).encode(), "application/json")},
    )
    assert page.status_code == 200 and "Your results" in page.text
    interview.page = page
    saved = json.loads(client.post("/check/download", data=interview.hidden()).content)
    today = date.today()
    on_cli = people_from_json(COMPLETE, as_of=today)[0]
    on_web = people_from_json(saved, as_of=today)[0]
    assert person_to_json(on_web) == {**person_to_json(on_cli), "id": on_web.id}
    cli_results = to_json(screen(on_cli, today), with_trace=False)
    web_results = to_json(screen(on_web, today), with_trace=False)
    assert json.dumps(web_results, sort_keys=True).replace(on_web.id, on_cli.id) == json.dumps(
        cli_results, sort_keys=True
    )
