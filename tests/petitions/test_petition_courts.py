"""Every county of PA (67) and CA (58) has its court, with a source to check it against."""

from __future__ import annotations

import csv
import re
from datetime import date
from importlib import resources

import pytest

from secondchance.petitions import court_for, courts

#: The day the addresses were looked up (docs/petitions.md, "Courts data").
CHECKED_ON = date(2026, 11, 29)
#: General directories: they point to the court but do not show its address, so they cannot verify one.
DIRECTORIES = ("https://www.pacourts.us/courts/courts-of-common-pleas", "https://www.courts.ca.gov/find-my-court.htm")
URL = re.compile(r"https?://[a-z0-9.-]+\.[a-z]{2,}(/[^\s,]*)?")

PA_COUNTIES = [
    "Adams",
    "Allegheny",
    "Armstrong",
    "Beaver",
    "Bedford",
    "Berks",
    "Blair",
    "Bradford",
    "Bucks",
    "Butler",
    "Cambria",
    "Cameron",
    "Carbon",
    "Centre",
    "Chester",
    "Clarion",
    "Clearfield",
    "Clinton",
    "Columbia",
    "Crawford",
    "Cumberland",
    "Dauphin",
    "Delaware",
    "Elk",
    "Erie",
    "Fayette",
    "Forest",
    "Franklin",
    "Fulton",
    "Greene",
    "Huntingdon",
    "Indiana",
    "Jefferson",
    "Juniata",
    "Lackawanna",
    "Lancaster",
    "Lawrence",
    "Lebanon",
    "Lehigh",
    "Luzerne",
    "Lycoming",
    "McKean",
    "Mercer",
    "Mifflin",
    "Monroe",
    "Montgomery",
    "Montour",
    "Northampton",
    "Northumberland",
    "Perry",
    "Philadelphia",
    "Pike",
    "Potter",
    "Schuylkill",
    "Snyder",
    "Somerset",
    "Sullivan",
    "Susquehanna",
    "Tioga",
    "Union",
    "Venango",
    "Warren",
    "Washington",
    "Wayne",
    "Westmoreland",
    "Wyoming",
    "York",
]
CA_COUNTIES = [
    c.strip()
    for c in [
        "Alameda",
        "Alpine",
        "Amador",
        "Butte",
        "Calaveras",
        "Colusa",
        "Contra Costa",
        "Del Norte",
        "El Dorado",
        "Fresno",
        "Glenn",
        "Humboldt",
        "Imperial",
        "Inyo",
        "Kern",
        "Kings",
        "Lake",
        "Lassen",
        "Los Angeles",
        "Madera",
        "Marin",
        "Mariposa",
        "Mendocino",
        "Merced",
        "Modoc",
        "Mono",
        "Monterey",
        "Napa",
        "Nevada",
        "Orange",
        "Placer",
        "Plumas",
        "Riverside",
        "Sacramento",
        "San Benito",
        "San Bernardino",
        "San Diego",
        "San Francisco",
        "San Joaquin",
        "San Luis Obispo",
        "San Mateo",
        "Santa Barbara",
        "Santa Clara",
        "Santa Cruz",
        "Shasta",
        "Sierra",
        "Siskiyou",
        "Solano",
        "Sonoma",
        "Stanislaus",
        "Sutter",
        "Tehama",
        "Trinity",
        "Tulare",
        "Tuolumne",
        "Ventura",
        "Yolo",
        "Yuba",
    ]
]


def test_the_lists_are_complete() -> None:
    assert len(PA_COUNTIES) == 67 and len(set(PA_COUNTIES)) == 67
    assert len(CA_COUNTIES) == 58 and len(set(CA_COUNTIES)) == 58
    assert len(courts("PA")) == 67
    assert len(courts("CA")) == 58


@pytest.mark.parametrize(("state", "county"), [("PA", c) for c in PA_COUNTIES] + [("CA", c) for c in CA_COUNTIES])
def test_every_county_has_a_court_with_a_source(state: str, county: str) -> None:
    court = court_for(state, county)
    assert court is not None, county
    assert court.name and court.address and court.office
    assert court.source_url.startswith(("https://", "http://"))
    if state == "PA":
        assert court.name == f"Court of Common Pleas of {county} County"
        assert court.judicial_district.endswith(("st", "nd", "rd", "th"))
    else:
        assert court.name == f"Superior Court of California, County of {county}"


def test_county_spellings_and_unknowns() -> None:
    assert court_for("PA", "philadelphia county") == court_for("PA", "Philadelphia")
    assert court_for("PA", None) is None
    assert court_for("NY", "Kings") is None
    assert court_for("CA", "Atlantis") is None


def test_shared_judicial_districts() -> None:
    """Seven PA judicial districts hold two counties (60 districts, 67 counties)."""
    districts = {c.judicial_district for c in courts("PA").values()}
    assert len(districts) == 60
    assert court_for("PA", "Snyder").judicial_district == court_for("PA", "Union").judicial_district == "17th"  # type: ignore[union-attr]


def _rows(state: str) -> list[dict[str, str]]:
    path = resources.files("secondchance.relief.jurisdictions") / state.lower() / "courts.csv"
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


@pytest.mark.parametrize("state", ["PA", "CA"])
def test_verified_column_and_source_urls(state: str) -> None:
    """verified is exactly yes or no; every source is one well-formed URL; a verified address names the
    page it was checked on (not a general directory) and the day it was checked."""
    for row in _rows(state):
        county = row["county"]
        assert row["verified"] in ("yes", "no"), county
        assert URL.fullmatch(row["source_url"]), (county, row["source_url"])
        if row["checked_on"]:
            assert date.fromisoformat(row["checked_on"]) == CHECKED_ON, county
        if row["verified"] == "yes":
            assert row["checked_on"], county
            assert row["source_url"] not in DIRECTORIES, county
            court = court_for(state, county)
            assert court is not None and court.verified and court.checked_on == CHECKED_ON


def test_some_addresses_are_verified_and_notes_are_kept() -> None:
    verified = {state: sum(c.verified for c in courts(state).values()) for state in ("PA", "CA")}
    assert verified["PA"] >= 1 and verified["CA"] >= 1
    sf = court_for("CA", "San Francisco")
    assert sf is not None and sf.verified and "850 Bryant Street" in sf.address
