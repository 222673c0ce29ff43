"""The interview asks the kind of supervision, and takes a release or an end still to come as scheduled."""

from __future__ import annotations

import json
from datetime import date, timedelta

from fastapi.testclient import TestClient
from interview_driver import Interview

from secondchance.records import people_from_json


def to_sentence(interview: Interview, state: str) -> None:
    interview.post()  # intro
    interview.post(state=state)
    interview.post(birth="1980-01-01")
    interview.post(description="Grand theft", statute="PC 487(a)" if state == "CA" else "18 Pa.C.S. § 3921")
    interview.post(grade="felony" if state == "CA" else "F3")
    interview.post(disposition="convicted")
    interview.post(disposition_date="2020-05-01")


def test_still_inside_with_parole_to_come_records_scheduled_dates(client: TestClient) -> None:
    today = date.today()
    release, parole_end = today + timedelta(days=200), today + timedelta(days=200 + 3 * 365)
    interview = Interview(client)
    to_sentence(interview, "CA")
    interview.post(jail="yes")
    interview.post(release=release.isoformat())  # a future release is scheduled, not an error
    assert interview.title() == "Was it state prison?"
    interview.post(prison_kind="yes")
    assert interview.title() == "Were you on probation, parole or other supervision for this charge?"
    assert "Post-release community supervision (PRCS)" in interview.page.text
    interview.post(probation="parole")
    assert interview.title() == "When did your supervision end?"
    interview.post(probation_end=parole_end.isoformat())
    assert interview.title() == "Do you still owe fines or court costs for this charge?", "not yet completed"
    interview.post(fines="no")
    interview.post(restitution="no")
    interview.post(pardon="no")
    interview.post(another="done")
    assert "This depends on your release or supervision ending on the scheduled date." in interview.page.text
    record = json.loads(client.post("/check/download", data=interview.hidden()).text)
    sentence = record["cases"][0]["charges"][0]["sentence"]
    assert sentence["supervision"] == "parole"
    assert sentence["incarceration_end_scheduled"] is True and sentence["probation_end_scheduled"] is True
    assert people_from_json(record, today)  # the record passes validation


def test_pennsylvania_is_not_offered_california_kinds(client: TestClient) -> None:
    interview = Interview(client)
    to_sentence(interview, "PA")
    interview.post(jail="no")
    assert "Parole" in interview.page.text and "PRCS" not in interview.page.text
    interview.post(probation="prcs")
    assert interview.page.status_code == 422
    interview.post(probation="no")
    assert interview.title() == "Do you still owe fines or court costs for this charge?"


def test_a_past_date_is_not_marked_scheduled_and_a_date_far_ahead_is_refused(client: TestClient) -> None:
    interview = Interview(client)
    to_sentence(interview, "CA")
    interview.post(jail="yes")
    interview.post(release="2150-01-01")
    assert "in the future" in interview.page.text
    interview.post(release="2021-01-01")
    interview.post(prison_kind="no")
    interview.post(probation="mandatory_supervision")
    interview.post(probation_end="2022-01-01")
    assert interview.title() == "Did you complete your supervision?"
    interview.post(probation_completed="yes")
    for answer in ({"fines": "no"}, {"restitution": "no"}, {"pardon": "no"}, {"another": "done"}):
        interview.post(**answer)
    sentence = json.loads(client.post("/check/download", data=interview.hidden()).text)["cases"][0]["charges"][0][
        "sentence"
    ]
    assert sentence["supervision"] == "mandatory_supervision" and "incarceration_end_scheduled" not in sentence


def test_the_api_lists_the_scheduled_dates_a_result_depends_on(client: TestClient) -> None:
    record = {
        "id": "p1",
        "cases": [
            {
                "id": "c1",
                "jurisdiction": "CA",
                "charges": [
                    {
                        "id": "1",
                        "statute": "PC 487(a)",
                        "grade": "felony",
                        "disposition": "convicted",
                        "disposition_date": "2020-05-01",
                        "sentence": {
                            "incarcerated": True,
                            "state_prison": True,
                            "incarceration_end": "2025-05-01",
                            "supervision": "parole",
                            "probation_end": {"date": "2027-05-01", "scheduled": True},
                        },
                    }
                ],
            }
        ],
    }
    response = client.post("/api/v1/screen?as_of=2026-11-23&trace=false", json=record)
    assert response.status_code == 200, response.text
    results = response.json()["people"][0]["charges"][0]["results"]
    prison = next(r for r in results if r["rule"] == "CA-1203.41-a2-state-prison")
    assert (prison["status"], prison["eligible_on"]) == ("eligible_on", "2029-05-01")
    assert prison["depends_on"] == [
        {"case_id": "c1", "charge_id": "1", "field": "probation_end", "date": "2027-05-01", "scheduled": True}
    ]
    assert "as scheduled" in prison["summary"]
