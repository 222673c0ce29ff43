"""Reading records: valid JSON and CSV, and a clear error for each kind of bad input."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from secondchance.records import COLUMNS, InvalidRecord, load_people, people_from_csv, people_from_json

AS_OF = date(2026, 11, 23)


def csv_text(*rows: dict[str, str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def problems(excinfo: pytest.ExceptionInfo[InvalidRecord]) -> list[str]:
    return [str(p) for p in excinfo.value.problems]


def test_csv_groups_rows_into_people_and_cases() -> None:
    text = csv_text(
        {
            "person_id": "p1",
            "birth_date": "1980-01-01",
            "case_id": "c1",
            "jurisdiction": "pa",
            "charge_id": "1",
            "grade": "m2",
            "disposition": "Convicted",
            "fines_costs_owed": "$1,250.50",
            "probation_completed": "yes",
        },
        {
            "person_id": "p1",
            "birth_date": "1980-01-01",
            "case_id": "c1",
            "jurisdiction": "pa",
            "charge_id": "2",
            "grade": "unknown",
            "disposition": "unknown",
        },
        {"person_id": "p2", "case_id": "c9", "jurisdiction": "CA", "charge_id": "1", "grade": "Wobbler"},
    )
    people = people_from_csv(text, AS_OF)
    assert [p.id for p in people] == ["p1", "p2"]
    charge = people[0].cases[0].charges[0]
    assert people[0].cases[0].jurisdiction == "PA"
    assert (charge.grade, charge.disposition) == ("M2", "convicted")
    assert charge.sentence.fines_costs_owed == 1250.5
    assert charge.sentence.probation_completed is True
    assert people[0].cases[0].charges[1].grade is None
    assert people[0].cases[0].charges[1].disposition is None  # "unknown" is unknown, not a value
    assert people[1].cases[0].charges[0].grade == "wobbler"


def test_json_and_csv_give_the_same_rows() -> None:
    raw = {
        "id": "p1",
        "birth_date": "1980-01-01",
        "cases": [
            {
                "id": "c1",
                "jurisdiction": "PA",
                "charges": [
                    {
                        "id": "1",
                        "grade": "M2",
                        "disposition": "convicted",
                        "disposition_date": "2010-01-01",
                        "sentence": {"fines_costs_owed": 0, "state_prison": False},
                    }
                ],
            }
        ],
    }
    from_json = people_from_json(raw, AS_OF)[0].rows()
    from_csv = people_from_csv(
        csv_text(
            {
                "person_id": "p1",
                "birth_date": "1980-01-01",
                "case_id": "c1",
                "jurisdiction": "PA",
                "charge_id": "1",
                "grade": "M2",
                "disposition": "convicted",
                "disposition_date": "2010-01-01",
                "fines_costs_owed": "0",
                "state_prison": "false",
            }
        ),
        AS_OF,
    )[0].rows()
    assert from_json == from_csv


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            {"disposition_date": "2019-13-01"},
            "line 2: disposition_date: expected a date as YYYY-MM-DD, got '2019-13-01'",
        ),
        ({"grade": "M4"}, "line 2: grade: unknown PA grade 'M4'; one of F1, F2, F3, F, M1, M2, M3, M, S"),
        ({"disposition": "acquitted"}, "line 2: disposition: unknown disposition 'acquitted'"),
        ({"offense_date": "2027-01-01"}, "line 2: offense_date: 2027-01-01 is after the as-of date 2026-11-23"),
        ({"fines_costs_owed": "-5"}, "line 2: fines_costs_owed: an amount owed cannot be negative, got '-5'"),
        ({"pardoned": "maybe"}, "line 2: pardoned: expected true or false, got 'maybe'"),
        (
            {"incarceration_start": "2020-01-01", "incarceration_end": "2019-01-01"},
            "line 2: incarceration_end: 2019-01-01 is before incarceration_start 2020-01-01",
        ),
        ({"charge_id": ""}, "line 2: charge_id: an id is required"),
    ],
)
def test_csv_errors_name_the_line_field_and_reason(row: dict[str, str], expected: str) -> None:
    base = {"person_id": "p1", "case_id": "c1", "jurisdiction": "PA", "charge_id": "1"}
    with pytest.raises(InvalidRecord) as excinfo:
        people_from_csv(csv_text({**base, **row}), AS_OF)
    assert any(p.startswith(expected) for p in problems(excinfo)), problems(excinfo)


def test_csv_reports_every_problem_not_just_the_first() -> None:
    text = csv_text(
        {"person_id": "p1", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA", "grade": "X"},
        {"person_id": "p1", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA"},
        {"person_id": "p1", "case_id": "c1", "charge_id": "2", "jurisdiction": "CA"},
        {"person_id": "p1", "birth_date": "1990-01-01", "case_id": "c2", "charge_id": "1", "jurisdiction": "PA"},
    )
    with pytest.raises(InvalidRecord) as excinfo:
        people_from_csv(text, AS_OF)
    assert problems(excinfo) == [
        "line 2: grade: unknown PA grade 'X'; one of F1, F2, F3, F, M1, M2, M3, M, S",
        "line 3: charge_id: duplicate charge '1' in case 'c1' of person 'p1'",
        "line 4: jurisdiction: differs from an earlier row of case 'c1'",
        "line 5: birth_date: differs from an earlier row of person 'p1'",
    ]


def test_csv_header_problems() -> None:
    with pytest.raises(InvalidRecord) as excinfo:
        people_from_csv("person_id,case_id,dispositon\np1,c1,convicted\n", AS_OF)
    assert problems(excinfo) == [
        "line 1 (header): charge_id: required column is missing",
        "line 1 (header): dispositon: unknown column (see docs/record-format.md)",
    ]


def test_json_errors_name_the_record_and_field() -> None:
    raw = {
        "people": [
            {
                "id": "p1",
                "cases": [
                    {
                        "id": "c1",
                        "jurisdiction": "PA",
                        "charges": [
                            {"id": "1", "grade": "M2", "dispositon": "convicted"},
                            {"id": "1", "sentence": {"restitution_owed": "lots"}},
                        ],
                    }
                ],
            },
            {"id": "p1", "birth_date": "1990-02-30"},
        ]
    }
    with pytest.raises(InvalidRecord) as excinfo:
        people_from_json(raw, AS_OF)
    assert problems(excinfo) == [
        "person p1 / case c1 / charge 1: dispositon: unknown field (check the spelling against docs/record-format.md)",
        "person p1 / case c1 / charge 1: id: duplicate charge id '1'",
        "person p1 / case c1 / charge 1: restitution_owed: expected an amount in dollars, got 'lots'",
        "person p1: id: duplicate person id 'p1'",
        "person p1: birth_date: expected a date as YYYY-MM-DD, got '1990-02-30'",
    ]


def test_load_people_reports_bad_json_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"id": "p1",\n "cases": [}\n')
    with pytest.raises(InvalidRecord) as excinfo:
        load_people(str(path))
    assert problems(excinfo)[0].startswith("line 2: (json):")


def schema() -> dict[str, object]:
    text = resources.files("secondchance.records").joinpath("record.schema.json").read_text()
    return json.loads(text)  # type: ignore[no-any-return]


def test_bundled_examples_follow_the_json_schema() -> None:
    example = json.loads(resources.files("secondchance.examples").joinpath("people.json").read_text())
    jsonschema.Draft202012Validator(schema()).validate(example)
    assert people_from_json(example, AS_OF)


def test_the_schema_rejects_a_misspelled_field() -> None:
    bad = {"id": "p1", "cases": [{"id": "c1", "charges": [{"id": "1", "dispositon": "convicted"}]}]}
    assert not jsonschema.Draft202012Validator(schema()).is_valid(bad)
