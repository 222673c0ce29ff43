"""`secondchance synth`, `bulk run` and `bulk report` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from secondchance.bulk import job as bulk_job
from secondchance.bulk import local as bulk_local
from secondchance.cli import app

runner = CliRunner()


@pytest.mark.slow
def test_synth_run_and_report(tmp_path: Path) -> None:
    charges = tmp_path / "charges.csv"
    made = runner.invoke(
        app, ["synth", "--people", "400", "--jurisdiction", "PA", "--seed", "3", "--out", str(charges)]
    )
    assert made.exit_code == 0, made.output
    assert "charges of 400 people" in made.output
    out = tmp_path / "out"
    args = ["bulk", "run", str(charges), "-j", "PA", "--as-of", "2026-11-23", "--out", str(out), "--partitions", "2"]
    done = runner.invoke(app, [*args, "--workers", "1"])
    assert done.exit_code == 0, done.output
    assert "input rows" in done.output and "rejected rows 0" in done.output
    again = runner.invoke(app, [*args, "--workers", "1"])
    assert again.exit_code == 2 and "--resume" in again.output
    resumed = runner.invoke(app, [*args, "--workers", "1", "--resume"])
    assert resumed.exit_code == 0, resumed.output

    as_json = runner.invoke(app, ["bulk", "report", str(out), "--format", "json"])
    assert as_json.exit_code == 0
    summary = json.loads(as_json.stdout)
    assert summary["counts"]["input_rows"] == summary["counts"]["charges"]
    page = runner.invoke(app, ["bulk", "report", str(out), "-f", "html"])
    assert page.exit_code == 0 and (out / "report.html").read_text().startswith("<!doctype html>")
    table = runner.invoke(app, ["bulk", "report", str(out)])
    assert table.exit_code == 0 and "Charges by their best result" in table.output


def test_bad_input_exits_2(tmp_path: Path) -> None:
    charges = tmp_path / "charges.csv"
    charges.write_text("person_id,case_id,shoe_size\n")
    result = runner.invoke(app, ["bulk", "run", str(charges), "--as-of", "2026-11-23", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "charge_id" in result.output and "shoe_size" in result.output
    missing = runner.invoke(app, ["bulk", "report", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2


def test_counts_that_do_not_reconcile_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    charges = tmp_path / "charges.csv"
    assert runner.invoke(app, ["synth", "--people", "50", "--out", str(charges)]).exit_code == 0
    real = bulk_job.load_evaluator(bulk_job.DEFAULT_EVALUATOR)
    monkeypatch.setattr(bulk_local, "load_evaluator", lambda name: lambda c, a, r: real(c, a, r).head(0))
    args = ["bulk", "run", str(charges), "-j", "PA", "--as-of", "2026-11-23", "--out", str(tmp_path / "o")]
    result = runner.invoke(app, [*args, "--workers", "1"])
    assert result.exit_code == 1
    assert "do not reconcile" in result.output
