"""Needs read from what listings carry: the mapping, its provenance, and the Ohana San Mateo proof."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from secondchance.directory.eligibility import all_requirements
from secondchance.directory.facts import PersonFacts
from secondchance.directory.geo import geocode
from secondchance.directory.infer import need_for_airs, needs_for, needs_from_words
from secondchance.directory.match import Fit
from secondchance.directory.needs import NEEDS, mask
from secondchance.directory.ohana import read_ohana, read_ohana_report
from secondchance.directory.search import Query, entries, search
from secondchance.testing.stores import InMemory

OHANA = Path(__file__).parent / "data" / "hsds" / "ohana-san-mateo"  # vendored, with its licence


@pytest.mark.parametrize(
    ("words", "needs"),
    [
        ("Meal Sites/Home-delivered Meals", ["food"]),
        ("EMPLOYMENT/TRAINING SERVICES", ["employment"]),
        ("Community Clinics", ["medical"]),
        ("Shelter/Refuge", ["housing.emergency"]),
        ("Transitional Housing", ["housing.transitional"]),  # the narrower need, not also plain housing
        ("ALCOHOLISM SERVICES", ["substance_use"]),
        ("Adult Day Health Care", []),  # a day program for elders, not a clinic for everyone
        ("Expungement clinic", ["legal.record_clearance"]),  # a legal clinic is not a doctor's
        ("Free Medical Clinic", ["medical"]),
        ("Information and Referral", []),
    ],
)
def test_category_words(words: str, needs: list[str]) -> None:
    assert sorted(needs_from_words(words)) == sorted(needs)


def test_codes_say_where_they_came_from() -> None:
    assert need_for_airs("BD-1800.2000") == "food"
    assert need_for_airs("BH-1800.8500") == "housing.emergency"
    assert need_for_airs("BH-7000") == "housing"
    assert need_for_airs("ND-6500") is None  # not mapped: not verified
    found = needs_for([("code:AIRS", "BD-1800.2000"), ("open_eligibility", "111-01-05")], "Main St Pantry", None)
    assert found == {"food": "AIRS/211 code BD-1800.2000", "id_documents": "Open Eligibility code 111-01-05"}


def test_every_airs_prefix_is_a_top_level_or_second_level_code() -> None:
    for need in NEEDS:
        if need.airs_211la:
            assert need.airs_211la[:2].isalpha() and need.airs_211la[:2].isupper(), need.code


def test_the_ohana_export_as_is_answers_food_employment_medical_and_housing_near_94401() -> None:
    directory, report = read_ohana_report(OHANA)
    store = InMemory(entries(directory))
    place = geocode("94401")
    person = PersonFacts(age=30, has_record=True)
    found: dict[str, list[str]] = {}
    for need in ("food", "employment", "medical", "housing"):
        results = search(store, Query(place.lat, place.lon, 25.0, mask([need]), facts=person, as_of=date(2026, 11, 29)))
        found[need] = [r.entry.name for r in results]
        assert results, need
    assert "San Mateo Free Medical Clinic" in found["medical"]
    assert "Redwood City Corps" in found["housing"]  # "Shelter/Refuge"
    # the job program for people 55 and over: may not fit a 30-year-old, in the listing's words
    job = next(r for r in search(store, Query(place.lat, place.lon, 25.0, mask(["employment"]), facts=person))
               if r.entry.name == "Second Career Employment Program")  # fmt: skip
    assert job.match.fit is Fit.MAY_NOT_FIT
    assert "The listing says: 'Age 55 or over" in " ".join(job.match.reasons)
    # each inferred need says where it came from, and it is stored with the service
    row = next(r for r in report if r.name == "Meals on Wheels - South County")
    assert row.needs == {"food": 'keyword "Meal Sites/Home-delivered Mea"'}
    reqs = all_requirements(directory)
    assert reqs[row.service_id].need_sources == {"food": 'keyword "Meal Sites/Home-delivered Mea"'}


def test_without_inference_the_export_states_no_eligibility() -> None:
    directory = read_ohana(OHANA, infer=False)
    assert all(r.min_age is None and not r.records for r in all_requirements(directory).values())
