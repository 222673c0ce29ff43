"""Bulk input validation agrees with records.parse: same values accepted, same fields and reasons."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secondchance.bulk.read import (
    IDS,
    ROW,
    InputError,
    _parse_column,
    check_people,
    raw_ids,
    read_batches,
    rejects_frame,
    stripped_ids,
    validate,
)
from secondchance.records import InvalidRecord, people_from_csv
from secondchance.records.model import COLUMNS
from secondchance.records.parse import parse_value

AS_OF = date(2026, 11, 23)
HEADER = list(COLUMNS)

TOKENS = [
    "", " ", "unknown", "UNKNOWN", "n/a", "?", "null", "None", "2020-01-05", " 2020-01-05 ", "2020-1-5", "20200105",
    "2020-02-30", "2020-13-01", "1999-12-31T00:00", "true", "Yes", "y", "1", "0", "N", "false", "maybe", "$1,000.50",
    "12", "0.5", ".5", "5.", "-3", "-0", "1e3", "inf", "nan", "1_000", "$$5", "0x10", "abc",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    column=st.sampled_from([c for c in COLUMNS if c not in IDS]),
    values=st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), min_size=1, max_size=8),
)
def test_each_value_is_read_as_parse_value_reads_it(column: str, values: list[str]) -> None:
    value, reason = _parse_column(column, pl.Series(column, values, pl.Utf8))
    for raw, got, why in zip(values, value.to_list(), reason.to_list(), strict=True):
        try:
            expected = parse_value(column, raw)
        except ValueError as error:
            assert (got, why) == (None, str(error)), raw
        else:
            assert why is None, raw
            if isinstance(expected, float) and expected != expected:  # pragma: no cover - NaN is rejected
                continue
            assert got == expected, raw


def _csv(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


def _bulk(path: Path, batch_rows: int = 262_144) -> tuple[pl.DataFrame, pl.DataFrame]:
    raw = pl.concat(list(read_batches(path, batch_rows)), how="diagonal_relaxed")
    charges, problems = validate(raw, AS_OF)
    ids = raw_ids(raw)
    charges, problems = check_people(charges, problems, stripped_ids(ids))
    return charges, rejects_frame(problems, ids)


ROWS = [
    {"person_id": "p1", "case_id": "c1", "charge_id": "1", "jurisdiction": "pa", "grade": "m2",
     "disposition": "Not Guilty", "disposition_date": "2020-01-05", "birth_date": "1980-01-01",
     "fines_costs_owed": "$1,000.50", "probation_completed": "yes"},
    {"person_id": "p1", "case_id": "c1", "charge_id": "2", "jurisdiction": "PA", "grade": "X9",
     "disposition": "dismissed", "disposition_date": "2020-13-01", "birth_date": "1980-01-01",
     "fines_costs_owed": "-5", "probation_completed": "maybe"},
    {"person_id": "p1", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA", "grade": "M1",
     "disposition": "convicted", "birth_date": "1980-01-01"},
    {"person_id": "p1", "case_id": "c2", "charge_id": "1", "jurisdiction": "PA", "grade": "M1",
     "disposition": "convicted", "birth_date": "1981-01-01"},
    {"person_id": "p2", "case_id": "c1", "charge_id": "1", "jurisdiction": "CA", "grade": "Felony",
     "disposition": "convicted", "disposition_date": "20200105", "birth_date": "1970-01-01"},
    {"person_id": "p2", "case_id": "c1", "charge_id": "2", "jurisdiction": "CA", "county": "Kern",
     "grade": "felony", "disposition": "diversion-completed", "birth_date": "1970-01-01"},
    {"person_id": "p2", "case_id": "c2", "charge_id": "1", "jurisdiction": "CA", "grade": "felony",
     "disposition": "convicted", "disposition_date": "2030-01-01", "birth_date": "1970-01-01"},
    {"person_id": " ", "case_id": "c9", "charge_id": "1", "jurisdiction": "PA"},
    {"person_id": "p3", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA", "grade": "M1",
     "disposition": "unknown", "death_date": "1960-01-01", "birth_date": "1970-01-01",
     "probation_start": "2010-01-01", "probation_end": "2009-01-01"},
    {"person_id": "p4", "case_id": "c1", "charge_id": "1", "jurisdiction": "NY", "grade": "class A",
     "disposition": "pleaded", "arrest_date": " 2019-06-01 ", "restitution_owed": "1e3", "pardoned": "TRUE"},
    {"person_id": "p5", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA", "grade": "F3"},
    {"person_id": "p5", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA", "grade": "F2"},
    {"person_id": "p'6", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA", "grade": "S"},
    {"person_id": "p'6", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA", "grade": "S"},
]  # fmt: skip


def test_rejects_are_the_problems_records_parse_reports(tmp_path: Path) -> None:
    path = tmp_path / "charges.csv"
    text = _csv(ROWS)
    path.write_text(text)
    with pytest.raises(InvalidRecord) as caught:
        people_from_csv(text, AS_OF)
    expected = sorted((int(p.where.removeprefix("line ")) - 1, p.field, p.reason) for p in caught.value.problems)
    charges, rejects = _bulk(path)
    got = sorted(rejects.select("row", "field", "reason").iter_rows())
    assert got == expected
    rejected = set(rejects["row"])
    assert sorted(charges[ROW].to_list()) == [n for n in range(1, len(ROWS) + 1) if n not in rejected]


def test_accepted_rows_are_normalized_as_records_parse_does(tmp_path: Path) -> None:
    good = [ROWS[0], ROWS[4], {**ROWS[5], "county": ""}, {**ROWS[9], "disposition": "Nolle-Prossed"}]
    path = tmp_path / "charges.csv"
    path.write_text(_csv(good))
    people = people_from_csv(_csv(good), AS_OF)
    expected = [row for person in people for row in person.rows()]
    charges, rejects = _bulk(path)
    assert rejects.height == 0
    got = charges.drop(ROW).to_dicts()
    key = ("person_id", "case_id", "charge_id")
    assert sorted(got, key=lambda r: [r[k] for k in key]) == sorted(expected, key=lambda r: [r[k] for k in key])


def test_batches_do_not_change_the_answer(tmp_path: Path) -> None:
    path = tmp_path / "charges.csv"
    path.write_text(_csv(ROWS * 3))
    one = _bulk(path)
    small = _bulk(path, batch_rows=2)
    assert one[0].equals(small[0]) and one[1].equals(small[1])


def test_csv_rows_are_numbered_through_blank_and_malformed_lines(tmp_path: Path) -> None:
    path = tmp_path / "charges.csv"
    path.write_text(
        "person_id,case_id,charge_id,grade\n"
        "p1,c1,1,M1\n"  # row 1
        "p1,c1,2,M1,extra\n"  # row 2: too many values
        "\n"  # row 3: blank, not a record
        "p1,c1,3\n"  # row 4: too few values
        "p1,c1,4,M2\n"  # row 5
    )
    raw = pl.concat(list(read_batches(path, batch_rows=1)), how="diagonal_relaxed")
    charges, problems = validate(raw, AS_OF)
    assert charges[ROW].to_list() == [1, 5]
    assert problems.select(ROW, "field", "reason").rows() == [
        (2, "(row)", "expected 4 values, got 5"),
        (4, "(row)", "expected 4 values, got 3"),
    ]


def test_typed_parquet_columns_are_checked_too(tmp_path: Path) -> None:
    path = tmp_path / "charges.parquet"
    pl.DataFrame(
        {
            "person_id": ["p1", "p1", "p2"],
            "case_id": ["c1", "c1", "c1"],
            "charge_id": [1, 2, 1],
            "jurisdiction": ["PA", "PA", "PA"],
            "disposition_date": [date(2020, 1, 1), date(2027, 1, 1), None],
            "fines_costs_owed": [10.0, -1.0, float("nan")],
            "pardoned": [True, None, False],
        }
    ).write_parquet(path)
    charges, rejects = _bulk(path)
    assert charges["charge_id"].to_list() == ["1"]
    assert rejects.select("row", "field", "reason").rows() == [
        (2, "fines_costs_owed", "an amount owed cannot be negative, got -1.0"),
        (2, "disposition_date", "2027-01-01 is after the as-of date 2026-11-23"),
        (3, "fines_costs_owed", "an amount owed cannot be negative, got nan"),
    ]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("person_id,case_id,grade", "required column 'charge_id' is missing"),
        ("person_id,case_id,charge_id,colour", "unknown column 'colour'"),
    ],
)
def test_a_bad_header_stops_the_run(tmp_path: Path, header: str, message: str) -> None:
    path = tmp_path / "charges.csv"
    path.write_text(header + "\n")
    with pytest.raises(InputError, match=message):
        list(read_batches(path))


def test_only_csv_and_parquet(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"expected a \.csv or \.parquet"):
        list(read_batches(tmp_path / "charges.xlsx"))


def test_row_numbers_hold_across_many_batches(tmp_path: Path) -> None:
    lines = ["person_id,case_id,charge_id,grade"]
    for row in range(1, 3001):
        lines.append(f"p{row % 50},c{row},{row},M1" + (",extra" if row % 97 == 0 else ""))
    path = tmp_path / "charges.csv"
    path.write_text("\n".join(lines) + "\n")
    for batch_rows in (1, 100_000):
        raw = pl.concat(list(read_batches(path, batch_rows)), how="diagonal_relaxed")
        charges, problems = validate(raw, AS_OF)
        assert charges["charge_id"].to_list() == [str(r) for r in charges[ROW]]
        assert problems[ROW].to_list() == list(range(97, 3001, 97))
        assert charges.height + problems.height == 3000
