"""Eligibility matching, one table row per requirement x fact: fits / may_not_fit / unknown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from secondchance.directory.eligibility import Requirements, all_requirements
from secondchance.directory.facts import PersonFacts, parse_facts, poverty_guideline
from secondchance.directory.match import Fit, check_service_area, match
from secondchance.directory.sample import build_sample
from secondchance.directory.validate import InvalidDirectory

AS_OF = date(2026, 11, 23)
F, N, U = Fit.FITS, Fit.MAY_NOT_FIT, Fit.UNKNOWN
NO_RECORD = {"has_record": False}

CASES = [
    # records
    (Requirements(), {"has_record": False}, F, None),
    (Requirements(), {"has_felony": True}, U, "service.records"),
    (Requirements(), {}, U, "has_record"),
    (Requirements(records=["any"]), {"sex_offense_registration": True}, F, None),
    (Requirements(records=["none"]), {"has_felony": True}, N, None),
    (Requirements(records=["none"]), {}, U, "has_record"),
    (Requirements(records=["excludes_sex_offense_registration"]), {"sex_offense_registration": True}, N, None),
    (Requirements(records=["excludes_sex_offense_registration"]), {"sex_offense_registration": False}, F, None),
    (Requirements(records=["excludes_sex_offense_registration"]), {"has_felony": True}, U, "sex_offense_registration"),
    (Requirements(records=["excludes_sex_offense_registration"]), {"has_record": False}, F, None),
    (Requirements(records=["excludes_arson"]), {"arson": True}, N, None),
    (Requirements(records=["excludes_arson"]), {"has_record": True}, U, "arson"),
    (Requirements(records=["excludes_violent_felony"]), {"violent_felony": False, "has_record": True}, F, None),
    (Requirements(records=["excludes_violent_felony"]), {"violent_felony": True}, N, None),
    (Requirements(records=["case_by_case"]), {"has_felony": True}, U, None),
    (Requirements(records=["case_by_case"]), {"has_record": False}, F, None),
    # age
    (Requirements(records=["any"], min_age=18), {"age": 17}, N, None),
    (Requirements(records=["any"], min_age=18, max_age=24), {"age": 24}, F, None),
    (Requirements(records=["any"], max_age=24), {"age": 25}, N, None),
    (Requirements(records=["any"], min_age=18), {}, U, "age"),
    # gender
    (Requirements(records=["any"], genders=["female"]), {"gender": "female"}, F, None),
    (Requirements(records=["any"], genders=["female"]), {"gender": "male"}, N, None),
    (Requirements(records=["any"], genders=["female"]), {}, U, "gender"),
    (Requirements(records=["any"], genders=["any"]), {}, F, None),
    # veteran
    (Requirements(records=["any"], veteran_only=True), {"veteran": True}, F, None),
    (Requirements(records=["any"], veteran_only=True), {"veteran": False}, N, None),
    (Requirements(records=["any"], veteran_only=True), {}, U, "veteran"),
    # insurance
    (Requirements(records=["any"], insurance=["medicaid", "uninsured"]), {"insurance": ["none"]}, F, None),
    (Requirements(records=["any"], insurance=["medicaid"]), {"insurance": ["medicaid"]}, F, None),
    (Requirements(records=["any"], insurance=["private"]), {"insurance": ["medicaid"]}, N, None),
    (Requirements(records=["any"], insurance=["private"]), {}, U, "insurance"),
    # income (2025 guideline: 1 person $15,650)
    (Requirements(records=["any"], income_max_fpl=200), {"income_fpl_percent": 150}, F, None),
    (Requirements(records=["any"], income_max_fpl=200), {"household_size": 1, "annual_income": 31300}, F, None),
    (Requirements(records=["any"], income_max_fpl=200), {"household_size": 1, "annual_income": 31301}, N, None),
    (
        Requirements(records=["any"], income_max_fpl=200),
        {"annual_income": 10000},
        U,
        "income_fpl_percent (or household_size and annual_income)",
    ),
    (
        Requirements(records=["any"], income_max_fpl=200),
        {"household_size": 2, "annual_income": 1, "state": "AK"},
        U,
        "poverty guideline for Alaska/Hawaii (not encoded)",
    ),
    # residency
    (Requirements(records=["any"], states=["LA"]), {"state": "la"}, F, None),
    (Requirements(records=["any"], states=["LA"]), {"state": "PA"}, N, None),
    (Requirements(records=["any"], states=["LA"]), {}, U, "state"),
    (Requirements(records=["any"], counties=["Orleans Parish, LA"]), {"zip": "70112"}, F, None),
    (Requirements(records=["any"], counties=["Orleans Parish, LA"]), {"zip": "19107"}, N, None),
    (Requirements(records=["any"], counties=["Orleans Parish, LA"]), {"state": "LA"}, U, "county"),
    (Requirements(records=["any"], cities=["Philadelphia, PA"]), {"city": "philadelphia", "state": "PA"}, F, None),
    # documents
    (Requirements(records=["any"], documents=["photo_id"]), {"documents": ["photo_id"]}, F, None),
    (Requirements(records=["any"], documents=["ssn_card"]), {"documents": ["photo_id"]}, N, None),
    (Requirements(records=["any"], documents=["release_papers"]), {}, U, "documents"),
    (Requirements(records=["any"], documents=["?DD-214"]), {"documents": ["photo_id"]}, U, "documents"),
    # referral
    (Requirements(records=["any"], referral=True), {"has_referral": True}, F, None),
    (Requirements(records=["any"], referral=True), {"has_referral": False}, N, None),
    (Requirements(records=["any"], referral=True), {}, U, "has_referral"),
    # languages: only when the person names theirs
    (Requirements(records=["any"], languages=["en", "es"]), {"languages": ["Spanish"]}, F, None),
    (Requirements(records=["any"], languages=["en"]), {"languages": ["vi"]}, N, None),
    (Requirements(records=["any"], languages=["en"]), {}, F, None),
]


@pytest.mark.parametrize(("req", "facts", "fit", "missing"), CASES, ids=[f"{i}" for i in range(len(CASES))])
def test_requirement_by_fact(req: Requirements, facts: dict[str, object], fit: Fit, missing: str | None) -> None:
    person = parse_facts(facts)
    result = match(req, person, AS_OF)
    assert result.fit is fit, [c.text for c in result.checks]
    if missing:
        assert missing in result.missing
    if fit is not Fit.FITS:
        assert result.reasons and all(r.endswith((".", "?")) for r in result.reasons)


def test_worst_check_wins_and_every_check_is_listed() -> None:
    req = Requirements(records=["excludes_arson"], min_age=18, documents=["photo_id"])
    result = match(req, parse_facts({"arson": False, "has_record": True, "age": 30}), AS_OF)
    assert result.fit is Fit.UNKNOWN and result.missing == ("documents",)
    assert [c.requirement for c in result.checks] == ["records", "age", "documents"]
    worse = match(req, parse_facts({"arson": False, "has_record": True, "age": 16}), AS_OF)
    assert worse.fit is Fit.MAY_NOT_FIT and worse.reasons == ("Serves age 18 and up; you are 16.",)


def test_sample_directory_requirements_are_read_from_attributes() -> None:
    reqs = all_requirements(build_sample())
    shelter = next(r for r in reqs.values() if "excludes_arson" in r.records)
    assert shelter.records == ["excludes_sex_offense_registration", "excludes_arson"] and shelter.min_age == 18
    vets = next(r for r in reqs.values() if r.veteran_only)
    assert vets.documents == ["?DD-214"]


def test_poverty_guideline_is_dated() -> None:
    assert poverty_guideline(4, date(2025, 6, 1)) == (
        32150.0,
        "90 Fed. Reg. 5917 (Jan. 17, 2025), in force from 2025-01-15",
    )
    assert poverty_guideline(1, date(2024, 12, 31)) is None


def test_bad_facts_are_each_reported(tmp_path: Path) -> None:
    with pytest.raises(InvalidDirectory) as caught:
        parse_facts({"age": "old", "felony": True, "insurance": ["gold"], "veteran": "yes"})
    found = {p.field: p.reason for p in caught.value.problems}
    assert set(found) == {"age", "felony", "insurance", "veteran"}
    assert PersonFacts().any_record is None


@pytest.mark.parametrize(
    ("area", "state", "fit"),
    [
        ("United States", "AK", Fit.FITS),
        ("Pennsylvania", "PA", Fit.FITS),
        ("Pennsylvania; New Jersey", "NJ", Fit.FITS),
        ("Philadelphia, PA", "PA", Fit.FITS),
        ("Pennsylvania", "AK", Fit.MAY_NOT_FIT),
        ("Pennsylvania; Orleans Parish", "AK", Fit.UNKNOWN),  # a parish names no state: ask
        ("Orleans Parish", "LA", Fit.UNKNOWN),
        ("Pennsylvania", None, None),  # searched by coordinates: nothing to check against
        (None, "PA", None),
    ],
)
def test_service_area_against_the_state_searched(area: str | None, state: str | None, fit: Fit | None) -> None:
    checks = check_service_area(area, state)
    assert [c.status for c in checks] == ([fit] if fit else [])
    if fit is Fit.MAY_NOT_FIT:
        assert checks[0].text == "Serves Pennsylvania, not AK."
        assert match(Requirements(), PersonFacts(), date(2026, 11, 23), *checks).reasons == (checks[0].text,)
