"""The petition details (issue 11): optional, read from JSON and CSV alike, never read by the rules."""

from __future__ import annotations

import json
from datetime import date

from secondchance.records import people_from_csv, people_from_json
from secondchance.records.parse import person_to_json
from secondchance.relief.screening import screen, to_json

JSON = {
    "id": "p1",
    "name": "Sam Sample",
    "aliases": ["S. Sample", "Sammy Sample"],
    "address": "2 Test Road",
    "cases": [
        {
            "id": "MJ-01101-CR-0000002-2010",
            "jurisdiction": "PA",
            "docket_number": "MJ-01101-CR-0000002-2010",
            "otn": "T 000002-2",
            "judge": "Magisterial District Judge A",
            "arresting_agency": "Test Township PD",
            "complaint_date": "2010-03-01",
            "amount_assessed": "$1,234.50",
            "amount_paid": 234.5,
            "amount_adjusted": 0,
            "amount_balance": 1000,
            "restitution_assessed": 100,
            "restitution_paid": 0,
            "restitution_balance": 100,
            "charges": [{"id": "1", "statute": "18 Pa.C.S. § 5503(a)(1)", "grade": "S", "disposition": "dismissed"}],
        }
    ],
}

CSV = (
    "person_id,case_id,charge_id,jurisdiction,statute,grade,disposition,name,aliases,address,docket_number,otn,judge,"
    "arresting_agency,complaint_date,amount_assessed,amount_paid,amount_adjusted,amount_balance,restitution_assessed,"
    "restitution_paid,restitution_balance\n"
    "p1,MJ-01101-CR-0000002-2010,1,PA,18 Pa.C.S. § 5503(a)(1),S,dismissed,"
    "Sam Sample,S. Sample;Sammy Sample,2 Test Road,"
    "MJ-01101-CR-0000002-2010,T 000002-2,Magisterial District Judge A,Test Township PD,2010-03-01,1234.50,234.5,0,1000,"
    "100,0,100\n"
)


def test_details_read_the_same_from_json_and_csv() -> None:
    (from_json,) = people_from_json(JSON)
    (from_csv,) = people_from_csv(CSV)
    assert from_json == from_csv
    assert from_json.aliases == ("S. Sample", "Sammy Sample")
    assert from_json.cases[0].amount_assessed == 1234.5


def test_person_to_json_reads_back_the_same() -> None:
    (person,) = people_from_json(JSON)
    assert people_from_json(person_to_json(person)) == [person]


def test_details_do_not_change_the_screening() -> None:
    (person,) = people_from_json(JSON)
    bare = json.loads(json.dumps(JSON))
    for key in ("name", "aliases", "address"):
        del bare[key]
    bare["cases"][0] = {k: v for k, v in bare["cases"][0].items() if k in ("id", "jurisdiction", "charges")}
    (without,) = people_from_json(bare)
    today = date(2026, 1, 1)
    assert to_json(screen(person, today), with_trace=True) == to_json(screen(without, today), with_trace=True)


def test_a_bad_detail_is_a_problem_not_a_crash() -> None:
    bad = {**JSON, "aliases": "x", "cases": [{**JSON["cases"][0], "amount_paid": -1}]}  # type: ignore[dict-item]
    try:
        people_from_json(bad)
    except ValueError as error:
        assert "amount_paid" in str(error)
    else:
        raise AssertionError("a negative amount was accepted")
