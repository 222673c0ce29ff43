"""The synthetic charge tables: valid records, deterministic, realistic, and full of edge cases."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pytest

from secondchance.bulk.schema import CHARGE_SCHEMA
from secondchance.bulk.synth import THROUGH, synth_charges, write_synth
from secondchance.records import people_from_csv
from secondchance.records.model import CASE_FIELDS, GRADES_BY_JURISDICTION, PERSON_FIELDS
from secondchance.relief.jurisdictions import states
from secondchance.relief.params import all_parameters

PEOPLE = 3_000
ANCHORS = (date(2023, 6, 1), date(2026, 11, 23))


def _years_before(anchor: date, years: int, days: int) -> date:
    return anchor.replace(year=anchor.year - years) + timedelta(days=days)


@pytest.fixture(scope="module", params=[s.code for s in states() if s.synth is not None])
def table(request: pytest.FixtureRequest) -> pl.DataFrame:
    return synth_charges(PEOPLE, request.param, seed=11)


def test_schema_and_ids(table: pl.DataFrame) -> None:
    assert table.schema == pl.Schema(CHARGE_SCHEMA)
    assert table.select(pl.col("person_id").n_unique()).item() == PEOPLE
    assert table.select(pl.struct("person_id", "case_id", "charge_id").is_unique().all()).item()
    assert table.select(pl.sum_horizontal(pl.col("person_id", "case_id", "charge_id").null_count())).item() == 0


def test_deterministic_by_seed() -> None:
    assert synth_charges(500, "PA", seed=3).equals(synth_charges(500, "PA", seed=3))
    assert not synth_charges(500, "PA", seed=3).equals(synth_charges(500, "PA", seed=4))


def test_unknown_jurisdiction_is_refused() -> None:
    with pytest.raises(ValueError, match="jurisdiction"):
        synth_charges(10, "NJ", seed=1)


def test_people_contiguous_and_consistent(table: pl.DataFrame) -> None:
    """A person's rows are together; person facts agree on every row, case facts on every case row."""
    runs = table.select(pl.col("person_id").rle_id().max()).item() + 1
    assert runs == PEOPLE
    per_person = table.group_by("person_id").agg(pl.col(c).n_unique() for c in PERSON_FIELDS)
    assert per_person.select(pl.max_horizontal(*PERSON_FIELDS).max()).item() == 1
    per_case = table.group_by("person_id", "case_id").agg(pl.col(c).n_unique() for c in CASE_FIELDS)
    assert per_case.select(pl.max_horizontal(*CASE_FIELDS).max()).item() == 1


def test_rows_pass_record_validation(table: pl.DataFrame, tmp_path: Path) -> None:
    """The real parser (records.parse) accepts a sample with no problem, as of the extract date."""
    sample = table.filter(pl.col("person_id").is_in(table["person_id"].unique(maintain_order=True).head(400).implode()))
    path = tmp_path / "sample.csv"
    sample.write_csv(path)
    people = people_from_csv(path.read_text(), as_of=THROUGH)
    assert sum(len(case.charges) for person in people for case in person.cases) == sample.height
    grades = GRADES_BY_JURISDICTION[table["jurisdiction"][0]]
    assert set(table["grade"].drop_nulls().unique()) <= set(grades)
    dates = [name for name, dtype in CHARGE_SCHEMA.items() if dtype == pl.Date()]
    assert table.select(pl.max_horizontal(*dates).max()).item() <= THROUGH


def test_realistic_shape(table: pl.DataFrame) -> None:
    charges_per_person = table.height / PEOPLE
    assert 3 < charges_per_person < 7
    cases = table.group_by("person_id").agg(pl.col("case_id").n_unique().alias("n"))
    assert cases.filter(pl.col("n") > 1).height > PEOPLE / 3  # re-arrests
    share = table["disposition"].value_counts(normalize=True).to_dict(as_series=False)
    shares = dict(zip(share["disposition"], share["proportion"], strict=True))
    assert 0.35 < shares["convicted"] < 0.7
    assert {"dismissed", "not_guilty", "pending", None} <= set(shares)


def test_edge_cases_present(table: pl.DataFrame) -> None:
    """Deaths, pardons, money owed, leap days, unknowns in every fact, ages near 70, boundaries."""
    assert table.filter(pl.col("death_date").is_not_null())["person_id"].n_unique() > PEOPLE * 0.01
    assert table["pardoned"].sum() > 0
    assert table.filter(pl.col("fines_costs_owed") > 0).height > 0
    assert table.filter(pl.col("restitution_owed") > 0).height > 0
    leap = (pl.col("birth_date").dt.month() == 2) & (pl.col("birth_date").dt.day() == 29)
    assert table.filter(leap).height > 0
    for name in CHARGE_SCHEMA:
        if name not in ("person_id", "case_id", "charge_id", "jurisdiction", "description"):
            assert table[name].null_count() > 0, f"{name} is never unknown"
    near_70 = [pl.col("birth_date").is_between(_years_before(a, 70, -2), _years_before(a, 70, 2)) for a in ANCHORS]
    assert table.filter(pl.any_horizontal(near_70)).height > 0
    boundary = [
        pl.col(c).is_between(_years_before(a, n, -1), _years_before(a, n, 1))
        for a in ANCHORS
        for n in (5, 10)
        for c in ("disposition_date", "probation_end")
    ]
    assert table.filter(pl.any_horizontal(boundary)).height > 0


def test_statutes_from_parameters_present() -> None:
    """Statutes the dated parameters list (exclusions, qualifying offences) are cited, in several spellings."""
    table = synth_charges(PEOPLE, "PA", seed=5)
    listed = {
        item
        for key, p in all_parameters().items()
        if key.startswith("pa.")
        for v in p.history
        if isinstance(v.value, tuple)
        for item in v.value
        if re.search(r"\d{2,}", item)
    }
    if not listed:
        pytest.skip("no PA parameter lists statutes yet")
    statutes = table["statute"].drop_nulls()
    drawn = set(statutes.unique()) & listed
    assert len(drawn) >= min(len(listed), 100)
    share = statutes.is_in(pl.Series(sorted(listed)).implode()).mean()
    assert 0.03 < float(share) < 0.3  # type: ignore[arg-type]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_write_synth_round_trip(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"charges{suffix}"
    rows = write_synth(path, 700, "CA", seed=2)
    expected = synth_charges(700, "CA", seed=2)
    got = pl.read_csv(path, schema=CHARGE_SCHEMA) if suffix == ".csv" else pl.read_parquet(path)
    assert rows == expected.height
    assert got.equals(expected)
