"""What a bulk run found, for the people who must act on it: counts, reasons, and what is coming.

``summarize(OUT)`` reads a finished run (``manifest.json`` and the results files, lazily, so a
state-sized run fits in memory) and gives one JSON-able summary; ``render_table`` prints it,
``render_html`` makes a self-contained page (charts as inline SVG, no external assets) an
agency could hand to its board.

Counts by relief, status and section are of results (a charge screened under three rules is
counted three times, once per rule). Counts by county and by year of disposition, and the
12-month outlook, are of *charges*, each taken at its best result: eligible now, else the
earliest date it becomes eligible, else needs review, else not eligible.
"""

from __future__ import annotations

import html
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

import polars as pl
from rich.console import Console
from rich.table import Table

STATUSES: Final = ("eligible_now", "eligible_on", "needs_review", "not_eligible")
STATUS_LABELS: Final = {
    "eligible_now": "Eligible now",
    "eligible_on": "Eligible later",
    "needs_review": "Needs review",
    "not_eligible": "Not eligible",
}
STATUS_COLOURS: Final = {
    "eligible_now": "#1b7837",
    "eligible_on": "#7fbf7b",
    "needs_review": "#f1a340",
    "not_eligible": "#bababa",
}
TOP: Final = 15


class ReportError(ValueError):
    """The directory is not a finished bulk run."""


def _month_add(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _status_counts(frame: pl.DataFrame, by: list[str]) -> list[dict[str, Any]]:
    """Rows of ``by`` keys with a count per status and a total, largest total first."""
    count = pl.col("n").sum() if "n" in frame.columns else pl.len()
    wide = frame.group_by(*by, "status").agg(count.alias("n"))
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in wide.iter_rows(named=True):
        key = tuple(row[k] for k in by)
        entry = out.setdefault(key, {**{k: row[k] for k in by}, **dict.fromkeys(STATUSES, 0), "total": 0})
        entry[row["status"]] += row["n"]
        entry["total"] += row["n"]
    return sorted(out.values(), key=lambda e: (-e["total"], *[str(e[k]) for k in by]))


def summarize(out: Path) -> dict[str, Any]:
    """The summary of the finished run in ``out``, read one partition at a time (memory: one partition)."""
    manifest_path = out / "manifest.json"
    if not manifest_path.exists():
        raise ReportError(f"{out} has no manifest.json: not a finished bulk run (finish it with --resume)")
    manifest = json.loads(manifest_path.read_text())
    as_of = date.fromisoformat(manifest["as_of"])
    parts = [_partition(out, rel) for rel in sorted(manifest["files"]) if rel.startswith("results/")]
    by_result = _sum([p.by_result for p in parts], ["relief", "rule", "section", "status"])
    charges = _sum([p.charges for p in parts], ["county", "year", "status", "month"])
    rules = {rule["id"]: rule for rule in manifest["rules"]}
    reasons = _top_bits(_sum([p.reasons for p in parts], ["rule", "mask"]), lambda r, b: (r, rules[r]["reasons"][b]))
    missing = _top_bits(_sum([p.missing for p in parts], ["rule", "mask"]), lambda r, b: (rules[r]["missing"][b],))
    months = [_month_add(as_of, i) for i in range(1, 13)]
    later = charges.filter(pl.col("status") == "eligible_on")

    def count(frame: pl.DataFrame) -> int:
        return int(frame["n"].sum())

    outlook = [
        {"month": start.strftime("%Y-%m"), "charges": count(later.filter(pl.col("month") == start))} for start in months
    ]
    this_month = count(later.filter(pl.col("month") < months[0]))
    beyond = count(later.filter(pl.col("month") > months[-1]))
    rejects_path = out / "rejects.csv"
    rejects = pl.read_csv(rejects_path, infer_schema=False) if rejects_path.exists() else pl.DataFrame({"field": []})
    reject_fields = (
        rejects.group_by("field").agg(pl.len().alias("n")).sort("n", "field", descending=[True, False]).head(TOP)
        if rejects.height
        else pl.DataFrame({"field": [], "n": []})
    )
    people_now = sum(p.people_now for p in parts)  # a person is in one partition
    by_status_results = {s: count(by_result.filter(pl.col("status") == s)) for s in STATUSES}
    by_status_charges = {s: count(charges.filter(pl.col("status") == s)) for s in STATUSES}
    return {
        "as_of": manifest["as_of"],
        "jurisdiction": manifest["jurisdiction"],
        "input": manifest["input"],
        "counts": manifest["counts"],
        "reconciled": manifest["reconciled"],
        "people_with_a_charge_clearable_now": people_now,
        "results_by_status": by_status_results,
        "charges_by_best_status": by_status_charges,
        "by_relief": _status_counts(by_result, ["relief"]),
        "by_section": _status_counts(by_result, ["rule", "section"]),
        "by_county": _status_counts(charges.with_columns(pl.col("county").fill_null("(unknown)")), ["county"]),
        "by_disposition_year": sorted(
            _status_counts(charges, ["year"]), key=lambda e: (e["year"] is None, e["year"] or 0)
        ),
        "top_failure_reasons": [{"rule": r, "reason": c, "results": n} for (r, c), n in reasons],
        "top_missing_facts": [{"fact": f, "results": n} for (f,), n in missing],
        "eligible_next_12_months": outlook,
        "eligible_later_this_month": this_month,
        "eligible_after_12_months": beyond,
        "rejects_by_field": [{"field": f, "rows": n} for f, n in reject_fields.iter_rows()],
    }


@dataclass(frozen=True)
class _Counts:
    """One partition's counts, small enough to add up over a state's partitions."""

    by_result: pl.DataFrame  # relief, rule, section, status, n
    charges: pl.DataFrame  # county, year, status, month (of eligible_on), n: charges at their best result
    reasons: pl.DataFrame  # rule, mask, n
    missing: pl.DataFrame  # rule, mask, n
    people_now: int


def _partition(out: Path, results_file: str) -> _Counts:
    text = pl.col("rule", "relief", "section", "status").cast(pl.Utf8)
    results = pl.read_parquet(out / results_file).lazy().with_columns(text)  # read once, grouped four ways
    facts = pl.scan_parquet(out / "charges" / Path(results_file).name)
    rank = pl.col("status").replace_strict({s: i for i, s in enumerate(STATUSES)}, return_dtype=pl.Int8)
    best = (
        results.group_by("row")
        .agg(
            rank.min().alias("rank"),
            pl.col("eligible_on").filter(pl.col("status") == "eligible_on").min().alias("eligible_on"),
        )
        .join(facts.select("row", "person_id", "county", "disposition_date"), on="row", how="left")
        .select(
            "person_id",
            pl.col("county").fill_null("(unknown)"),
            pl.col("disposition_date").dt.year().alias("year"),
            pl.col("rank").replace_strict(dict(enumerate(STATUSES)), return_dtype=pl.Utf8).alias("status"),
            pl.col("eligible_on").dt.truncate("1mo").alias("month"),
        )
        .collect()
    )

    def masks(column: str) -> pl.DataFrame:
        chosen = results.filter(pl.col(column) != 0).select("rule", pl.col(column).alias("mask"))
        return chosen.group_by("rule", "mask").agg(pl.len().alias("n")).collect()

    return _Counts(
        by_result=results.group_by("relief", "rule", "section", "status").agg(pl.len().alias("n")).collect(),
        charges=best.group_by("county", "year", "status", "month").agg(pl.len().alias("n")),
        reasons=masks("reasons"),
        missing=masks("missing"),
        people_now=best.filter(pl.col("status") == "eligible_now")["person_id"].n_unique(),
    )


def _sum(frames: list[pl.DataFrame], by: list[str]) -> pl.DataFrame:
    if not frames:
        return pl.DataFrame(schema={**dict.fromkeys(by, pl.Utf8), "n": pl.UInt32})
    return pl.concat(frames, how="vertical_relaxed").group_by(by).agg(pl.col("n").sum())


def _top_bits(masks: pl.DataFrame, name: Callable[[str, int], tuple[str, ...]]) -> list[tuple[tuple[str, ...], int]]:
    """The ``TOP`` most frequent names behind the set bits of (rule, mask, n) counts, with their totals."""
    totals: dict[tuple[str, ...], int] = {}
    for rule, mask, n in masks.select("rule", "mask", "n").iter_rows():
        for bit in range(mask.bit_length()):
            if mask >> bit & 1:
                key = name(rule, bit)
                totals[key] = totals.get(key, 0) + n
    return sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:TOP]


# ---------------------------------------------------------------------------- terminal


def render_table(console: Console, summary: dict[str, Any]) -> None:
    counts = summary["counts"]
    console.rule(f"[bold]Bulk relief: {summary['jurisdiction'] or 'all jurisdictions'} as of {summary['as_of']}")
    console.print(summary["reconciled"])
    console.print(
        f"{counts['screened_charges']:,} charges screened; "
        f"{summary['people_with_a_charge_clearable_now']:,} people have at least one charge clearable now."
    )
    best = Table(title="Charges by their best result")
    best.add_column("Status")
    best.add_column("Charges", justify="right")
    for status in STATUSES:
        best.add_row(STATUS_LABELS[status], f"{summary['charges_by_best_status'][status]:,}")
    console.print(best)
    for title, rows, keys in (
        ("Results by relief", summary["by_relief"], ["relief"]),
        ("Results by section", summary["by_section"], ["rule", "section"]),
        ("Charges by county (top 15)", summary["by_county"][:TOP], ["county"]),
        ("Charges by year of disposition", summary["by_disposition_year"], ["year"]),
    ):
        console.print(_status_table(title, rows, keys))
    outlook = Table(title="Charges becoming eligible, next 12 months")
    outlook.add_column("Month")
    outlook.add_column("Charges", justify="right")
    for entry in summary["eligible_next_12_months"]:
        outlook.add_row(entry["month"], f"{entry['charges']:,}")
    outlook.add_row("after that", f"{summary['eligible_after_12_months']:,}")
    console.print(outlook)
    reasons = Table(title="Top reasons a rule does not apply")
    reasons.add_column("Rule")
    reasons.add_column("Failed condition")
    reasons.add_column("Results", justify="right")
    for entry in summary["top_failure_reasons"]:
        reasons.add_row(entry["rule"], entry["reason"], f"{entry['results']:,}")
    console.print(reasons)
    if summary["rejects_by_field"]:
        rejects = Table(title=f"Rejected rows: {counts['rejected_rows']:,} (see rejects.csv)")
        rejects.add_column("Field")
        rejects.add_column("Problems", justify="right")
        for entry in summary["rejects_by_field"]:
            rejects.add_row(entry["field"], f"{entry['rows']:,}")
        console.print(rejects)


def _status_table(title: str, rows: list[dict[str, Any]], keys: list[str]) -> Table:
    table = Table(title=title)
    for key in keys:
        table.add_column(key.replace("_", " ").capitalize())
    for status in STATUSES:
        table.add_column(STATUS_LABELS[status], justify="right")
    table.add_column("Total", justify="right")
    for row in rows:
        table.add_row(
            *("(unknown)" if row[k] is None else str(row[k]) for k in keys),
            *(f"{row[s]:,}" for s in STATUSES),
            f"{row['total']:,}",
        )
    return table


# ---------------------------------------------------------------------------- HTML


def _svg(figure: Any) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _stacked(rows: list[dict[str, Any]], label: str, title: str, horizontal: bool = True) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.hashsalt"] = "secondchance"
    matplotlib.rcParams["svg.fonttype"] = "none"
    names = ["(unknown)" if r[label] is None else str(r[label]) for r in rows]
    figure, axis = plt.subplots(figsize=(8, max(2.5, 0.35 * len(rows) + 1)) if horizontal else (9, 3.5))
    base = [0] * len(rows)
    for status in STATUSES:
        values = [r[status] for r in rows]
        if horizontal:
            axis.barh(names, values, left=base, color=STATUS_COLOURS[status], label=STATUS_LABELS[status])
        else:
            axis.bar(names, values, bottom=base, color=STATUS_COLOURS[status], label=STATUS_LABELS[status])
        base = [b + v for b, v in zip(base, values, strict=True)]
    if horizontal:
        axis.invert_yaxis()
    else:
        step = max(1, len(names) // 20)  # about 20 labels, whatever the span of years
        axis.set_xticks(range(0, len(names), step), names[::step], rotation=90)
    axis.set_title(title)
    axis.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    axis.spines[["top", "right"]].set_visible(False)
    svg = _svg(figure)
    plt.close(figure)
    return svg


def _outlook_chart(summary: dict[str, Any]) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    entries = summary["eligible_next_12_months"]
    figure, axis = plt.subplots(figsize=(8, 3))
    axis.bar([e["month"] for e in entries], [e["charges"] for e in entries], color=STATUS_COLOURS["eligible_on"])
    axis.set_title("Charges becoming eligible, month by month")
    axis.tick_params(axis="x", labelrotation=45)
    axis.spines[["top", "right"]].set_visible(False)
    svg = _svg(figure)
    plt.close(figure)
    return svg


def _html_table(rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> str:
    head = "".join(f"<th>{html.escape(title)}</th>" for _, title in columns)
    body = []
    for row in rows:
        cells = []
        for key, _ in columns:
            value = row[key]
            text = "(unknown)" if value is None else (f"{value:,}" if isinstance(value, int) else str(value))
            cells.append(f"<td>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_html(summary: dict[str, Any]) -> str:
    """A self-contained page: numbers first, then the charts, then the detail tables."""
    counts = summary["counts"]
    where = summary["jurisdiction"] or "all jurisdictions"
    best = summary["charges_by_best_status"]
    tiles = "".join(
        f'<div class="tile" style="border-color:{STATUS_COLOURS[s]}"><b>{best[s]:,}</b>'
        f"<span>{STATUS_LABELS[s]}</span></div>"
        for s in STATUSES
    )
    charts, tables = _html_charts(summary), _html_tables(summary)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Record relief screening: {html.escape(where)}, as of {html.escape(summary["as_of"])}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; line-height: 1.4; }}
.tiles {{ display: flex; gap: 1rem; flex-wrap: wrap; }}
.tile {{ border-left: 6px solid; padding: .5rem 1rem; background: #f6f6f6; min-width: 10rem; }}
.tile b {{ display: block; font-size: 1.8rem; }}
table {{ border-collapse: collapse; margin: .5rem 0 1.5rem; }}
th, td {{ padding: .25rem .6rem; border-bottom: 1px solid #ddd; text-align: right; }}
th:first-child, td:first-child {{ text-align: left; }}
svg {{ max-width: 100%; height: auto; }}
.note {{ color: #555; font-size: .9rem; }}
</style></head><body>
<h1>Record relief screening: {html.escape(where)}</h1>
<p>As of <b>{html.escape(summary["as_of"])}</b>, {counts["screened_charges"]:,} charges were screened;
<b>{summary["people_with_a_charge_clearable_now"]:,}</b> people have at least one charge that can be cleared now.</p>
<div class="tiles">{tiles}</div>
<p class="note">{html.escape(summary["reconciled"])}. Input sha256 {html.escape(summary["input"]["sha256"])}.
Charges are counted at their best result; "results" count each rule a charge was screened under.
This is legal information, not legal advice: "needs review" means a missing fact, or a point of law a lawyer
must check, could change the answer.</p>
{charts}
{tables}
</body></html>
"""


def _html_charts(summary: dict[str, Any]) -> str:
    """The page's four charts, each in its section."""
    sections = [
        ("Charges by year of disposition", _stacked(summary["by_disposition_year"], "year", "By year of disposition",
                                                     horizontal=False)),
        ("Results by section", _stacked(summary["by_section"], "rule", "By rule")),
        ("Charges by county (top 15)", _stacked(summary["by_county"][:TOP], "county", "By county")),
        ("The next 12 months", _outlook_chart(summary)),
    ]  # fmt: skip
    return "".join(f"<section><h2>{html.escape(t)}</h2>{svg}</section>" for t, svg in sections)


def _html_tables(summary: dict[str, Any]) -> str:
    """The page's detail tables, each in its section."""
    status_cols = [(s, STATUS_LABELS[s]) for s in STATUSES] + [("total", "Total")]
    return "".join(
        f"<section><h2>{html.escape(title)}</h2>{_html_table(rows, cols)}</section>"
        for title, rows, cols in (
            ("Results by relief", summary["by_relief"], [("relief", "Relief"), *status_cols]),
            ("Results by section", summary["by_section"], [("rule", "Rule"), ("section", "Section"), *status_cols]),
            ("Charges by county", summary["by_county"], [("county", "County"), *status_cols]),
            ("Charges by year of disposition", summary["by_disposition_year"], [("year", "Year"), *status_cols]),
            (
                "Charges becoming eligible in the next 12 months",
                summary["eligible_next_12_months"],
                [("month", "Month"), ("charges", "Charges")],
            ),
            (
                "Top reasons a rule does not apply",
                summary["top_failure_reasons"],
                [("rule", "Rule"), ("reason", "Failed condition"), ("results", "Results")],
            ),
            (
                "Facts most often missing (question.<check>: a point of law a lawyer must check)",
                summary["top_missing_facts"],
                [("fact", "Fact"), ("results", "Results")],
            ),
            ("Rejected input rows, by field", summary["rejects_by_field"], [("field", "Field"), ("rows", "Problems")]),
        )
    )
