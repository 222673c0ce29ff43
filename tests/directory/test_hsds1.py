"""Older exports: HSDS 1.x (ILAO) and a flat legal-aid CSV (Florida) import to the same model,
with a per-row report, and round-trip through HSDS 3 unchanged."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from secondchance.cli import app
from secondchance.directory.eligibility import all_requirements
from secondchance.directory.facts import PersonFacts
from secondchance.directory.hsds1 import is_flat, read_hsds1
from secondchance.directory.match import Fit, match
from secondchance.directory.tabular import read_package, write_package

HSDS = Path(__file__).parents[2] / ".." / "shared" / "data" / "hsds"
ILAO = HSDS / "ilao-illinois-legal-aid" / "hsds-1.x"
FLORIDA = HSDS / "florida-legal-aid"
# No data licence is stated for these extracts, so they are not vendored (tests/directory/data/hsds/README.md).
pytestmark = pytest.mark.skipif(
    not ILAO.exists(), reason="ILAO/Florida extracts (no data licence, not vendored) are read from ../shared/data/hsds"
)


@pytest.mark.parametrize("folder", [ILAO, FLORIDA], ids=["ilao", "florida"])
def test_imports_and_round_trips_through_hsds3(folder: Path, tmp_path: Path) -> None:
    directory, inferred, notes = read_hsds1(folder)
    assert directory.counts()["service"] >= 129
    write_package(directory, tmp_path / "pkg")
    assert read_package(tmp_path / "pkg").sorted() == directory.sorted()  # valid HSDS 3, nothing lost
    assert notes  # every row left out or changed is reported, by file and row
    assert all(n.file.endswith(".csv") for n in notes)
    assert sum(1 for r in inferred if "legal" in r.needs) > 100  # legal-aid directories


def test_ilao_rows_that_hsds3_cannot_hold_are_reported() -> None:
    directory, _, notes = read_hsds1(ILAO)
    text = [str(n) for n in notes]
    assert any("address not kept (no city)" in t for t in text)
    assert any("a stub organization stands in" in t for t in text)
    assert all(s["organization_id"] for s in directory.rows("service"))


def test_florida_structured_eligibility_is_kept_with_its_source() -> None:
    assert is_flat(FLORIDA) and not is_flat(ILAO)
    directory, _, _ = read_hsds1(FLORIDA)
    reqs = all_requirements(directory)
    limited = [r for r in reqs.values() if r.income_max_fpl is not None]
    assert limited and all(r.said["income"][0].startswith("service_income_limit:") for r in limited)
    person = PersonFacts(has_record=False, income_fpl_percent=400)
    assert match(limited[0], person, __import__("datetime").date(2026, 11, 29)).fit is Fit.MAY_NOT_FIT
    assert directory.rows("service_area")  # its counties


def test_cli_import_writes_the_per_row_report(tmp_path: Path) -> None:
    report = tmp_path / "report.csv"
    result = CliRunner().invoke(
        app,
        ["services", "import", str(FLORIDA), "--from", "hsds1", "--db", f"sqlite:///{tmp_path / 'x.db'}",
         "--report", str(report)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(report.read_text(encoding="utf-8").splitlines(keepends=True)))
    assert any(r["what"] == "need" and r["value"] == "legal" for r in rows)
    assert any(r["what"] == "row" and "not searchable by place" in r["from"] for r in rows)
