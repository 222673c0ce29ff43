"""``secondchance bulk run|report`` and ``synth``: bulk relief over a whole repository of charges.

Exit codes as elsewhere: 0 success, 1 the counts did not reconcile (or another unexpected
error), 2 the input or the output directory cannot be used (the message says why), 3 the
environment failed (disk full, permission denied): one line, and ``--resume`` finishes the run.
"""

from __future__ import annotations

import json
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from .options import ScreenAsOf, console, environment_failure, errors, parse_as_of

if TYPE_CHECKING:
    from ..bulk.run import Plan as RunPlan

bulk_app = typer.Typer(help="Bulk relief: the same rules over a whole repository of charges.", no_args_is_help=True)


class Engine(StrEnum):
    local = "local"
    spark = "spark"


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    html = "html"


class _Bar:
    """The rich progress bar: partitions done, rows per second, time left."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, TaskID] = {}
        self.started: dict[str, float] = {}
        self.rows: dict[str, int] = {}

    def on_start(self, stage: str, total: int) -> None:
        label = "Reading and partitioning rows" if stage == "spool" else "Screening partitions"
        self.tasks[stage] = self.progress.add_task(label, total=total, rate="")
        self.started[stage] = time.perf_counter()
        self.rows[stage] = 0

    def on_advance(self, stage: str, amount: int, rows: int) -> None:
        self.rows[stage] += rows
        elapsed = max(time.perf_counter() - self.started[stage], 1e-9)
        rate = f"{self.rows[stage] / elapsed:,.0f} rows/s" if self.rows[stage] else ""
        self.progress.update(self.tasks[stage], advance=amount, rate=rate)


@bulk_app.command("run")
def run_command(
    charges: Annotated[
        Path, typer.Argument(help="The charges table: .parquet or .csv, one row per charge (the record CSV columns).")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory (new or empty, or a run to --resume).")],
    jurisdiction: Annotated[
        str | None, typer.Option("--jurisdiction", "-j", help="Apply this jurisdiction's rules (default: all).")
    ] = None,
    as_of: ScreenAsOf = None,
    engine: Annotated[Engine, typer.Option(help="local: a process pool on this machine; spark: Apache Spark.")] = (
        Engine.local
    ),
    partitions: Annotated[
        int | None, typer.Option(min=1, help="Partitions (default: one per 100,000 rows, at least 4).")
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Finish an interrupted run in --out (committed partitions are kept).")
    ] = (False),
    workers: Annotated[int | None, typer.Option(min=1, help="Local worker processes (default: all cores).")] = None,
) -> None:
    """Screen every charge in a charges table; write results, rejects and a manifest to --out.

    Example:  secondchance bulk run charges.parquet --jurisdiction PA --as-of 2026-11-23 --out out/
    """
    from ..bulk.run import Plan

    day = parse_as_of(as_of)
    plan = Plan(charges, out, day, jurisdiction, partitions, engine.value)
    started = time.perf_counter()
    manifest = _run(plan, resume, workers, out)
    seconds = time.perf_counter() - started
    counts = manifest["counts"]
    console.print(f"[green]✓[/] {manifest['reconciled']}", highlight=False)
    console.print(
        f"{counts['results']:,} results for {counts['screened_charges']:,} charges "
        f"in {seconds:,.1f} s ({counts['input_rows'] / max(seconds, 1e-9):,.0f} rows/s). "
        f"Results: {out}/results/, rejects: {out}/rejects.csv, manifest: {out}/manifest.json",
        highlight=False,
    )
    console.print(f"Next: secondchance bulk report {out}", highlight=False)


def _run(plan: RunPlan, resume: bool, workers: int | None, out: Path) -> dict[str, Any]:
    """The run under a progress bar, its manifest; exits 1 (no reconciliation), 2 (bad input) or 3."""
    from ..bulk.read import InputError
    from ..bulk.run import ReconcileError, RunError, run

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    try:
        with Progress(*columns, console=errors, transient=False) as progress:
            bar = _Bar(progress)
            from ..bulk.run import Progress as RunProgress

            return run(plan, resume=resume, workers=workers, progress=RunProgress(bar.on_start, bar.on_advance))
    except ReconcileError as error:
        errors.print(f"[bold red]The counts do not reconcile; nothing was finalized:[/] {error}")
        raise typer.Exit(1) from None
    except (InputError, RunError) as error:
        errors.print(f"[bold red]Cannot run:[/] {error}", highlight=False)
        raise typer.Exit(2) from None
    except OSError as error:  # disk full, permission denied: one line, and --resume finishes the run later
        raise environment_failure(error, f"write the run in {out}", "Finish it later with --resume.") from None


@bulk_app.command("report")
def report_command(
    out: Annotated[Path, typer.Argument(help="The --out directory of a finished `bulk run`.")],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table, json, or an html page.")] = (
        ReportFormat.table
    ),
    output: Annotated[
        Path | None, typer.Option("--output", help="Where the html page goes (default: OUT/report.html).")
    ] = None,
) -> None:
    """Summarize a bulk run: counts by relief, status, section, county and year; reasons; the next 12 months."""
    from ..bulk.report import ReportError, render_html, render_table, summarize

    try:
        summary: dict[str, Any] = summarize(out)
    except ReportError as error:
        errors.print(f"[bold red]{error}[/]", highlight=False)
        raise typer.Exit(2) from None
    if fmt is ReportFormat.json:
        sys.stdout.write(json.dumps(summary, indent=2, default=str) + "\n")
    elif fmt is ReportFormat.html:
        target = output or out / "report.html"
        target.write_text(render_html(summary), encoding="utf-8")
        console.print(f"Wrote {target}", highlight=False)
    else:
        render_table(console, summary)


def synth_command(
    people: Annotated[int, typer.Option(min=0, help="How many people.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write: a .parquet or .csv file.")],
    jurisdiction: Annotated[str, typer.Option("--jurisdiction", "-j", help="A state code (PA, CA, ...).")] = "PA",
    seed: Annotated[int, typer.Option(help="Same seed, same table.")] = 1,
) -> None:
    """Write a realistic synthetic charges table (several cases per person, deterministic by seed).

    Example:  secondchance synth --people 1000000 --jurisdiction PA --seed 1 --out charges.parquet
    """
    from ..bulk.synth import write_synth

    started = time.perf_counter()
    try:
        rows = write_synth(out, people, jurisdiction.upper(), seed)
    except ValueError as error:
        errors.print(f"[bold red]{error}[/]", highlight=False)
        raise typer.Exit(2) from None
    seconds = time.perf_counter() - started
    console.print(
        f"Wrote {rows:,} charges of {people:,} people to {out} in {seconds:,.1f} s "
        f"({rows / max(seconds, 1e-9) * 60:,.0f} charges/min).",
        highlight=False,
    )
