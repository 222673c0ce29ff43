"""The bulk report: numbers that add up to the manifest, and a page that stands on its own."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bulk_support import AS_OF, ODD_REJECTED, write_input
from rich.console import Console

from secondchance.bulk.report import STATUSES, ReportError, render_html, render_table, summarize
from secondchance.bulk.run import Plan, run


@pytest.fixture(scope="module")
def finished(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    base = tmp_path_factory.mktemp("report")
    source = base / "charges.parquet"
    write_input(source, 1_500, seed=9)
    manifest = run(Plan(source, base / "out", AS_OF, "PA", 3), workers=1)
    return base / "out", manifest


def test_counts_add_up_to_the_manifest(finished: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = finished
    summary = summarize(out)
    counts = manifest["counts"]
    assert summary["counts"] == counts
    assert sum(summary["results_by_status"].values()) == counts["results"]
    assert summary["results_by_status"] == {s: manifest["status"].get(s, 0) for s in STATUSES}
    assert sum(summary["charges_by_best_status"].values()) == counts["screened_charges"]
    for key in ("by_relief", "by_section", "by_county", "by_disposition_year"):
        rows = summary[key]
        total = counts["results"] if key in ("by_relief", "by_section") else counts["screened_charges"]
        assert sum(r["total"] for r in rows) == total, key
        assert all(r["total"] == sum(r[s] for s in STATUSES) for r in rows)
    later = summary["charges_by_best_status"]["eligible_on"]
    outlook = summary["eligible_next_12_months"]
    assert len(outlook) == 12 and outlook[0]["month"] == "2026-12" and outlook[-1]["month"] == "2027-11"
    assert (
        summary["eligible_later_this_month"] + sum(e["charges"] for e in outlook) + summary["eligible_after_12_months"]
        == later
    )
    assert sum(r["rows"] for r in summary["rejects_by_field"]) >= ODD_REJECTED
    assert summary["top_failure_reasons"] and all(r["results"] > 0 for r in summary["top_failure_reasons"])
    json.dumps(summary)


def test_the_html_page_is_self_contained_and_stable(finished: tuple[Path, dict[str, Any]]) -> None:
    summary = summarize(finished[0])
    page = render_html(summary)
    assert page == render_html(summary)
    assert page.count("<svg") == 4
    assert not re.search(r"<(script|link|img)\b", page)
    assert not re.search(r"(src|href|url)\s*[=(]\s*[\"']?https?:", page)  # namespaces only, no fetched asset
    assert f"{finished[1]['counts']['screened_charges']:,}" in page


def test_the_terminal_table_names_every_section(finished: tuple[Path, dict[str, Any]]) -> None:
    console = Console(record=True, width=200)
    render_table(console, summarize(finished[0]))
    text = console.export_text()
    for title in ("Results by relief", "Results by section", "by county", "year of disposition", "next 12 months"):
        assert title in text


def test_an_unfinished_run_has_no_report(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="--resume"):
        summarize(tmp_path)


def test_partitions_do_not_change_the_report(finished: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    """The report adds up partitions one at a time; one partition or three, the numbers are the same."""
    out, manifest = finished
    whole = run(Plan(Path(manifest["input"]["path"]), tmp_path / "one", AS_OF, "PA", 1), workers=1)
    assert whole["counts"] == manifest["counts"]
    assert summarize(tmp_path / "one") == summarize(out)
