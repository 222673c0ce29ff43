"""A record with cases in several states: each case is screened under its own state's law, and says so."""

from __future__ import annotations

from datetime import date

from secondchance.relief import screen
from secondchance.testing import person_from_rows

AS_OF = date(2026, 11, 23)
MO_CONVICTION = {
    "case_id": "mo1",
    "jurisdiction": "MO",
    "statute": "RSMo 570.030",
    "grade": "felony_d",
    "disposition": "convicted",
    "disposition_date": "2019-03-01",
    "incarcerated": False,
    "supervision": "none",
    "fines_costs_owed": 0,
    "restitution_owed": 0,
}
CA_CONVICTION = {
    "case_id": "ca1",
    "jurisdiction": "CA",
    "statute": "PC 484(a)",
    "grade": "misdemeanor",
    "disposition": "convicted",
    "disposition_date": "2018-01-10",
    "supervision": "probation",
    "probation_start": "2018-01-10",
    "probation_end": "2019-01-10",
    "probation_completed": True,
    "state_prison": False,
}


def test_each_case_is_screened_under_its_own_states_law() -> None:
    screening = screen(person_from_rows([MO_CONVICTION, CA_CONVICTION]), AS_OF)
    by_case = {c.row["case_id"]: c for c in screening.charges}
    assert {r.rule.jurisdiction for r in by_case["mo1"].results} == {"MO"}
    assert {r.rule.jurisdiction for r in by_case["ca1"].results} == {"CA"}
    missouri = next(r for r in by_case["mo1"].results if r.rule.id == "MO-610.140")
    assert missouri.status.value == "eligible_now"


def test_the_missouri_pardon_remains_for_an_excluded_missouri_conviction() -> None:
    assault = {**MO_CONVICTION, "statute": "565.052 RSMo", "description": "Assault in the second degree"}
    screening = screen(person_from_rows([assault, CA_CONVICTION]), AS_OF)
    paths = {p.path.id: p for p in screening.remaining_paths}
    assert "MO-governor-pardon" in paths
    assert paths["MO-governor-pardon"].charges == (("mo1", "1"),)
    assert "Board of Probation and Parole" in paths["MO-governor-pardon"].path.where_to_start


def test_a_later_conviction_in_another_state_restarts_the_missouri_wait() -> None:
    later = {
        **CA_CONVICTION,
        "case_id": "ca2",
        "disposition_date": "2025-06-01",
        "probation_start": "2025-06-01",
        "probation_end": "2026-06-01",
    }
    screening = screen(person_from_rows([MO_CONVICTION, later]), AS_OF)
    missouri = next(r for c in screening.charges for r in c.results if r.rule.id == "MO-610.140")
    assert missouri.status.value == "eligible_on"
    assert missouri.eligible_on == date(2028, 6, 1)


def test_a_pending_charge_in_another_state_blocks_the_missouri_petition() -> None:
    pending = {"case_id": "la1", "jurisdiction": "CA", "statute": "PC 459", "grade": "felony", "disposition": "pending"}
    screening = screen(person_from_rows([MO_CONVICTION, pending]), AS_OF)
    missouri = next(r for c in screening.charges for r in c.results if r.rule.id == "MO-610.140")
    assert missouri.status.value == "not_eligible"
    assert [c.id for c in missouri.trace if c.holds is False] == ["no_pending_charge"]
