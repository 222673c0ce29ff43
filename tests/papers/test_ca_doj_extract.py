"""The California DOJ bulk extract read by ``bulk run``: generated extracts read back exactly, rows it cannot
read are rejects with their line and reason, and a run screens it end to end."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from secondchance.bulk import doj, read, validate
from secondchance.cli import app
from secondchance.papers.ca_rap_synth import person

runner = CliRunner()


def _read(path: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    assert read.inspect(path).format == "doj"
    raw = pl.concat(list(read.read_batches(path)))
    return validate.validate(raw, None)


def test_a_generated_extract_reads_back_as_its_people(tmp_path: Path) -> None:
    path = tmp_path / "extract.csv"
    doj.write_extract(path, seed=5, people=120)
    charges, problems = _read(path)
    assert problems.height == 0
    expected = [row for n in range(120) for row in person(5 * 1_000_003 + n)[0].rows()]
    got = {(r["person_id"], r["case_id"], r["charge_id"]): r for r in charges.to_dicts()}
    assert len(got) == len(expected)
    for row in expected:
        found = got[(row["person_id"], row["case_id"], row["charge_id"])]
        assert {k: v for k, v in row.items() if v is not None} == {k: found[k] for k, v in row.items() if v is not None}
    assert any(r["relief_granted"] for r in got.values())


def test_rows_it_cannot_read_are_rejects_with_line_and_reason(tmp_path: Path) -> None:
    good = doj.extract_text(seed=2, people=3).splitlines()
    header = next(csv.reader([good[0]]))
    base = dict(zip(header, next(csv.reader([good[1]])), strict=True))

    def row(**changes: str) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="").writerow(
            {**base, "CII_NUMBER": "A99999999", **changes}[name] for name in header
        )
        return buffer.getvalue()

    bad = [
        row(STP_TYPE_DESCR="BOOKING"),
        row(CII_NUMBER="A99999998", CYC_DATE="2010-01-01"),
        row(CII_NUMBER="A99999997", OFFENSE_DESCR="FOO-BAR"),
        row(CII_NUMBER="A99999996", STP_TYPE_DESCR="COURT", DISP_DESCR="DEJ GRANTED"),
        "A1,too,few",
    ]
    path = tmp_path / "extract.csv"
    path.write_text("\n".join([*good, *bad]) + "\n")
    charges, problems = _read(path)
    reasons = dict(zip(problems["_row"].to_list(), problems["reason"].to_list(), strict=True))
    first = len(good)  # data record numbers: the header is line 1
    assert "a step this reader does not know" in reasons[first]
    assert "YYYYMMDD" in reasons[first + 1]
    assert "an offense this reader cannot read" in reasons[first + 2]
    assert "a disposition this reader does not know" in reasons[first + 3]
    assert "header's columns" in reasons[first + 4]
    assert charges.height == sum(1 for n in range(3) for _ in person(2 * 1_000_003 + n)[0].rows())


def test_a_row_that_is_not_utf8_is_a_reject(tmp_path: Path) -> None:
    text = doj.extract_text(seed=3, people=2).encode()
    lines = text.split(b"\n")
    lines.append(lines[1].replace(lines[1][:9], b"A7777777\xff"))
    path = tmp_path / "extract.csv"
    path.write_bytes(b"\n".join(lines) + b"\n")
    _, problems = _read(path)
    assert problems["reason"].to_list() == ["the row is not UTF-8 text"]


def test_a_cycle_split_in_two_is_rejected_not_merged(tmp_path: Path) -> None:
    lines = doj.extract_text(seed=4, people=2).splitlines()
    path = tmp_path / "extract.csv"
    path.write_text("\n".join([lines[0], *lines[2:], lines[1]]) + "\n")
    _, problems = _read(path)
    assert problems["reason"].to_list()[-1].startswith("this cycle's rows are not together")


def test_a_term_still_running_is_scheduled(tmp_path: Path) -> None:
    path = tmp_path / "extract.csv"
    doj.write_extract(path, seed=9, people=40)
    raw = pl.concat(list(doj.batches(path, today=date(2000, 1, 1))))
    ends = raw.filter(pl.col("probation_end").is_not_null())
    assert ends.height and (ends["probation_end_scheduled"] == "true").all()


def test_bulk_run_screens_the_extract(tmp_path: Path) -> None:
    path = tmp_path / "extract.csv"
    doj.write_extract(path, seed=1, people=30)
    out = tmp_path / "out"
    done = runner.invoke(
        app,
        [
            "bulk",
            "run",
            str(path),
            "-j",
            "CA",
            "--as-of",
            "2026-11-23",
            "--out",
            str(out),
            "--partitions",
            "1",
            "--workers",
            "1",
        ],
    )
    assert done.exit_code == 0, done.output
    assert "rejected rows 0" in done.output
    results = pl.read_parquet(out / "results")
    granted = results.filter(pl.col("rule").cast(pl.Utf8).str.starts_with("CA-1203.4-a1"))
    assert granted.height > 0
