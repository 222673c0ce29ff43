"""HSDS import/export: the spec's own examples (valid and invalid), every problem reported, round trips."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from secondchance.directory.hsds_json import read_json, to_json, write_json
from secondchance.directory.sample import build_sample
from secondchance.directory.tabular import read_package, write_package
from secondchance.directory.validate import InvalidDirectory

SPEC = Path(__file__).parent / "data" / "hsds" / "hsds-3.1-spec-examples"  # vendored, with its licence
BUNDLED = Path(__file__).parents[2] / "src" / "secondchance" / "data" / "directory"


def problems_of(call: object) -> list[str]:
    with pytest.raises(InvalidDirectory) as caught:
        call()  # type: ignore[operator]
    return [str(p) for p in caught.value.problems]


def fixed_spec_service(tmp_path: Path) -> Path:
    """The spec's service_full.json with its impossible latitude (100) moved onto the globe."""
    service = json.loads((SPEC / "json" / "service_full.json").read_text())
    location = service["service_at_locations"][0]["location"]
    location["latitude"], location["longitude"] = 51.5, -0.12
    path = tmp_path / "service.json"
    path.write_text(json.dumps(service))
    return path


def test_spec_csv_example_problems_are_each_named() -> None:
    found = problems_of(lambda: read_package(SPEC / "csv"))
    assert "locations.csv, row 2, field latitude: 100 is outside -90..90" in found
    assert any(p.startswith("taxonomy_terms.csv, row 2, field taxonomy_id: no taxonomy with id") for p in found)
    assert all(", row " in p and ", field " in p for p in found)


def test_spec_json_example_validates_and_flattens(tmp_path: Path) -> None:
    directory = read_json(fixed_spec_service(tmp_path))
    counts = directory.counts()
    assert counts["service"] == 1 and counts["location"] == 1 and counts["attribute"] == 1
    # the same phone is nested under the service, the location and the organization: one row with every link
    (phone,) = directory.rows("phone")
    assert phone["service_id"] and phone["location_id"] and phone["organization_id"]


def test_spec_json_round_trips_through_csv_and_json(tmp_path: Path) -> None:
    first = read_json(fixed_spec_service(tmp_path))
    write_package(first, tmp_path / "package")
    second = read_package(tmp_path / "package")
    assert second.sorted() == first.sorted()
    third = read_json(write_json(second, tmp_path / "again.json"))
    assert third.sorted() == first.sorted()


def test_spec_list_page_is_read() -> None:
    assert read_json(SPEC / "json" / "service_list.json").counts()["service"] == 1


def test_invalid_json_reports_schema_path(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"id": "s1", "name": "X", "status": "open"}, {"id": "s2", "status": "active"}]))
    found = problems_of(lambda: read_json(path))
    assert any(p.startswith("bad.json, row 1, field service.status:") and "'open' is not one of" in p for p in found)
    assert any(p.startswith("bad.json, row 2, field service:") and "'name' is a required property" in p for p in found)


def test_bundled_sample_matches_its_builder_and_round_trips(tmp_path: Path) -> None:
    bundled = read_package(BUNDLED)
    assert bundled.sorted() == build_sample().sorted()
    write_package(bundled, tmp_path / "out")
    assert read_package(tmp_path / "out").sorted() == bundled.sorted()
    # JSON carries what hangs from a service: taxonomy terms no service uses stay behind
    used = {a["taxonomy_term_id"] for a in bundled.rows("attribute")}
    bundled.tables["taxonomy_term"] = [t for t in bundled.rows("taxonomy_term") if t["id"] in used]
    assert read_json(write_json(bundled, tmp_path / "out.json")).sorted() == bundled.sorted()


def _edit(folder: Path, file: str, row: int, field: str, value: str) -> None:
    path = folder / file
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[row][field] = value
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("file", "field", "value", "reason"),
    [
        ("services.csv", "status", "open", "'open' is not one of active, inactive, defunct, temporarily closed"),
        ("services.csv", "name", "", "is required"),
        ("services.csv", "minimum_age", "eighteen", "'eighteen' is not a number"),
        ("services.csv", "organization_id", "nope", "no organization with id 'nope'"),
        ("services.csv", "id", "", "is required"),
        ("locations.csv", "longitude", "-200", "-200 is outside -180..180"),
        ("schedules.csv", "opens_at", "9am", "'9am' is not an ISO 8601 time"),
        ("addresses.csv", "address_type", "home", "'home' is not one of physical, postal, virtual"),
    ],
)
def test_each_bad_cell_is_reported_by_file_row_field(
    tmp_path: Path, file: str, field: str, value: str, reason: str
) -> None:
    folder = tmp_path / "pkg"
    shutil.copytree(BUNDLED, folder)
    _edit(folder, file, 2, field, value)
    found = problems_of(lambda: read_package(folder))
    assert f"{file}, row 4, field {field}: {reason}" in found


def test_duplicate_ids_and_unknown_columns(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    shutil.copytree(BUNDLED, folder)
    rows = (folder / "phones.csv").read_text().splitlines()
    (folder / "phones.csv").write_text("\n".join([rows[0].replace("description", "colour"), *rows[1:], rows[1]]) + "\n")
    found = problems_of(lambda: read_package(folder))
    assert "phones.csv, row 2, field colour: not a field of the HSDS phone table" in found
    assert any(p.startswith(f"phones.csv, row {len(rows) + 1}, field id: duplicate id") for p in found)


def test_empty_folder_is_refused(tmp_path: Path) -> None:
    assert problems_of(lambda: read_package(tmp_path)) == [f"{tmp_path}: no HSDS CSV files (e.g. services.csv) found"]


def test_export_nests_services_like_the_spec() -> None:
    (service, *_) = to_json(build_sample())
    assert service["organization"]["name"].endswith("(sample data, not a real listing)")
    assert service["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "70112"
    assert {a["taxonomy_term"]["taxonomy"] for a in service["attributes"]} == {
        "secondchance-needs",
        "secondchance-eligibility",
    }
