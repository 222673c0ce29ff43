"""Missouri grades as records write them: read case-insensitively as felony_a ... municipal; anything else refused."""

from __future__ import annotations

import pytest

from secondchance.records.parse import InvalidRecord, people_from_csv, people_from_json

HEADER = "person_id,case_id,charge_id,jurisdiction,grade\n"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("felony_a", "felony_a"),
        ("Felony_E", "felony_e"),
        ("FELONY_C", "felony_c"),
        ("misdemeanor_d", "misdemeanor_d"),
        ("Misdemeanor_A", "misdemeanor_a"),
        ("Infraction", "infraction"),
        ("MUNICIPAL", "municipal"),
        ("felony", "felony"),
    ],
)
def test_grades_are_read_case_insensitively(written: str, read: str) -> None:
    csv_person = people_from_csv(HEADER + f"p1,c1,1,MO,{written}\n")[0]
    json_person = people_from_json(
        {"id": "p1", "cases": [{"id": "c1", "jurisdiction": "mo", "charges": [{"id": "1", "grade": written}]}]}
    )[0]
    for person in (csv_person, json_person):
        assert person.cases[0].charges[0].grade == read


@pytest.mark.parametrize("written", ["felony_f", "misdemeanor_e", "F1", "class A felony", "M", "Felony D"])
def test_other_grades_are_refused_naming_the_missouri_grades(written: str) -> None:
    with pytest.raises(InvalidRecord) as raised:
        people_from_csv(HEADER + f"p1,c1,1,MO,{written}\n")
    assert "unknown MO grade" in str(raised.value)
    assert "felony_a" in str(raised.value)
