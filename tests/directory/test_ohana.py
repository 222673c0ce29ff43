"""Real (stale, 2014) data: the Ohana San Mateo export converted to HSDS 3, validated, searched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from secondchance.directory.eligibility import all_requirements
from secondchance.directory.facts import parse_facts
from secondchance.directory.match import Fit, match
from secondchance.directory.ohana import need_for, parse_time, read_ohana
from secondchance.directory.search import entries
from secondchance.directory.tabular import read_package, write_package

OHANA = Path(__file__).parent / "data" / "hsds" / "ohana-san-mateo"  # vendored, with its licence


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("4:00 PM", "16:00:00"),
        ("3pm", "15:00:00"),
        ("9am", "09:00:00"),
        ("08:00", "08:00:00"),
        ("12am", "00:00:00"),
        ("12:30 pm", "12:30:00"),
        ("noon", None),
        ("25:00", None),
        ("13pm", None),
        ("", None),
    ],
)
def test_messy_times(text: str, parsed: str | None) -> None:
    assert parse_time(text) == parsed


def test_open_eligibility_codes_map_to_the_narrowest_need() -> None:
    assert need_for("111-01-05") == "id_documents"
    assert need_for("103-01-02") == "housing.emergency"
    assert need_for("103-04") == "housing"
    assert need_for("105") == "transportation"
    assert need_for("999") is None


def test_ohana_sample_converts_to_valid_hsds(tmp_path: Path) -> None:
    directory = read_ohana(OHANA)
    counts = directory.counts()
    assert (counts["organization"], counts["location"], counts["service"]) == (8, 22, 23)
    write_package(directory, tmp_path / "pkg")
    assert read_package(tmp_path / "pkg").sorted() == directory.sorted()  # passes HSDS validation
    times = {(s["opens_at"], s["closes_at"]) for s in directory.rows("schedule")}
    assert ("14:00:00", "16:00:00") in times and ("10:00:00", "15:00:00") in times
    index = entries(directory)
    placed = [e for e in index if not e.remote]
    assert len(placed) >= 20 and all(37 < e.lat < 38 for e in placed if e.lat is not None)
    # Ohana's "virtual" location has no coordinates: its service is a remote entry, found from any place
    assert [e.name for e in index if e.remote] == ["Service with blank fields"]
    # free-text eligibility only: a person with a record gets "unknown", never "fits"
    person = parse_facts({"has_felony": True})
    assert {match(r, person, date(2026, 11, 23)).fit for r in all_requirements(directory).values()} == {Fit.UNKNOWN}
