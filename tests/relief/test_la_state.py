"""Louisiana is one folder: the registry finds it, and records, interview, API and synth read it from there."""

from __future__ import annotations

from datetime import date

from secondchance.bulk.synth import synth_charges
from secondchance.records import people_from_json
from secondchance.relief import screen
from secondchance.relief.jurisdictions import read_citation, rules_for, state
from secondchance.relief.lang import Relief
from secondchance.web.ui.interview import STEPS, grade_options, step_options


def test_the_registry_finds_louisiana() -> None:
    la = state("LA")
    assert la.name == "Louisiana"
    assert la.grades == ("felony", "misdemeanor")
    assert {r.id for r in rules_for("LA", date(2026, 11, 23))} >= {
        "LA-976-arrest-without-conviction",
        "LA-977-A2-five-years",
        "LA-978-A2-ten-years",
        "LA-first-offender-pardon",
    }
    assert read_citation("La. R.S. 14:34", "LA") == "RS-14:34"


def test_grades_are_read_in_any_case() -> None:
    raw = {
        "id": "p1",
        "cases": [
            {
                "id": "c1",
                "jurisdiction": "la",
                "charges": [{"id": "1", "statute": "R.S. 14:62", "grade": "FELONY", "disposition": "convicted"}],
            }
        ],
    }
    person = people_from_json(raw)[0]
    assert person.cases[0].jurisdiction == "LA"
    assert person.cases[0].charges[0].grade == "felony"


def test_the_result_says_expungement_and_the_pardon_is_automatic() -> None:
    raw = {
        "id": "p1",
        "cases": [
            {
                "id": "c1",
                "jurisdiction": "LA",
                "charges": [
                    {
                        "id": "1",
                        "statute": "La. R.S. 14:62",
                        "grade": "felony",
                        "disposition": "convicted",
                        "disposition_date": "2010-05-01",
                        "sentence": {"incarcerated": False, "supervision": "none", "fines_costs_owed": "0"},
                    }
                ],
            }
        ],
    }
    results = {r.rule.id: r for r in screen(people_from_json(raw)[0], date(2026, 11, 23)).charges[0].results}
    assert results["LA-978-A2-ten-years"].rule.relief is Relief.EXPUNGEMENT
    assert results["LA-978-A2-ten-years"].status.value == "eligible_now"
    pardon = results["LA-first-offender-pardon"]
    assert pardon.rule.relief is Relief.PARDON and pardon.rule.automatic
    assert pardon.status.value == "eligible_now"
    assert not any(r.rule.relief is Relief.AUTOMATIC_SEALING for r in results.values())


def test_the_interview_offers_louisiana_and_its_grades() -> None:
    assert "LA" in {o.value for o in step_options(STEPS["state"], None)}
    assert [o.value for o in grade_options("LA")] == ["misdemeanor", "felony"]


def test_synth_makes_louisiana_records_the_grammar_reads() -> None:
    frame = synth_charges(300, "LA", seed=4)
    assert set(frame["jurisdiction"].unique()) == {"LA"}
    assert set(frame["grade"].drop_nulls().unique()) <= {"felony", "misdemeanor"}
    assert all(read_citation(s, "LA") is not None for s in frame["statute"].drop_nulls().unique())
