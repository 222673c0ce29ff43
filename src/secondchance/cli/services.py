"""``secondchance services import|search|export|report|sample|synth``: the services directory.

Exit codes as elsewhere: 0 success, 1 an unexpected error, 2 the input is invalid (each problem
listed by file, row, field and reason). The database is $SECONDCHANCE_DATABASE_URL or
./secondchance.db unless ``--db`` names one.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..directory.facts import PersonFacts, load_facts
from ..directory.geo import Place, UnknownPlace, geocode
from ..directory.needs import UnknownNeed, mask, resolve
from ..directory.search import (
    Query,
    gaps,
    search,
)
from ..directory.sources import LAST_NOTES, Source, read_input_report, summary, write_report
from ..directory.validate import InvalidDirectory, Problem
from .options import Db, console, errors
from .services_show import ServicesFormat, render, show

if TYPE_CHECKING:
    from ..store import DirectoryStore

services_app = typer.Typer(
    help="The services directory (Open Referral HSDS): import, search, export.", no_args_is_help=True
)


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


def fail(problems: list[Problem], what: str = "The input") -> NoReturn:
    errors.print(f"[bold red]{what} has {len(problems)} problem(s):[/]")
    for problem in problems[:200]:
        errors.print(f"  • {problem}", markup=False, highlight=False)
    if len(problems) > 200:
        errors.print(f"  … and {len(problems) - 200} more")
    raise typer.Exit(2)


def open_store(db: str | None) -> DirectoryStore:
    """The store, migrated to the latest tables (imported lazily: the CLI starts fast)."""
    from ..store import DirectoryStore, connect, upgrade

    engine = connect(db)
    upgrade(engine)
    return DirectoryStore(engine)


@services_app.command("import")
def import_command(
    source: Annotated[Path, typer.Argument(help="An HSDS tabular package (folder with CSVs) or an HSDS JSON file.")],
    db: Db = None,
    replace: Annotated[bool, typer.Option(help="Replace everything stored instead of adding.")] = False,
    source_format: Annotated[
        Source,
        typer.Option(
            "--from",
            help="hsds: HSDS 3 package or JSON; ohana: an Ohana API CSV export; "
            "hsds1: an HSDS 1.x package or a flat legal-aid CSV export.",
        ),
    ] = Source.hsds,
    infer: Annotated[
        bool,
        typer.Option(
            "--infer/--no-infer",
            help="Read needs from the listings' categories and eligibility from their words (docs/directory.md).",
        ),
    ] = True,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write what was read from each listing to this CSV file.")
    ] = None,
) -> None:
    """Validate and import a directory in one transaction (nothing is stored if anything is wrong).

    Example:  secondchance services import ../shared/data/hsds/hsds-3.1-spec-examples/csv
    """
    if not source.exists():
        fail([Problem(str(source), None, None, "does not exist")])
    if source_format is Source.hsds and source.is_dir():
        _import_package(source, db, replace, infer, report)
        return
    try:
        directory, inferred = read_input_report(source, source_format, infer)
    except InvalidDirectory as error:
        fail(error.problems, str(source))
    store = open_store(db)
    total = sum(len(rows) for _, rows in directory)
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=errors
    ) as bar:
        task = bar.add_task("Importing rows", total=total + len(directory.rows("service_at_location")))
        try:
            counts = store.import_directory(directory, replace=replace, progress=lambda _t, n: bar.advance(task, n))
            bar.update(task, completed=total + len(directory.rows("service_at_location")))
        except InvalidDirectory as error:
            fail(error.problems, str(source))
    console.print(f"Imported {source}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
    if inferred:
        console.print(summary(inferred))
    if LAST_NOTES:
        console.print(f"{len(LAST_NOTES)} row(s) left out or changed; see --report for each, e.g. {LAST_NOTES[0]}")
    if report is not None:
        write_report(inferred, report)
        console.print(f"Wrote the per-listing report to {report}")


def _import_package(source: Path, db: str | None, replace: bool, infer: bool, report: Path | None) -> None:
    """An HSDS 3 package, column by column (``columnar``: the same checks, inferences and search rows
    as the row path, for a million services in about a minute)."""
    from ..directory.columnar import enrich_frames, entries_frame, read_frames
    from ..store.frames import import_frames

    with console.status("Reading and checking the package..."):
        try:
            frames = read_frames(source)
        except InvalidDirectory as error:
            fail(error.problems, str(source))
        frames, inferred = enrich_frames(frames) if infer else (frames, [])
        entries = entries_frame(frames)
    with console.status("Storing..."):
        try:
            counts = import_frames(open_store(db), frames, entries, replace=replace)
        except InvalidDirectory as error:
            fail(error.problems, str(source))
    console.print(f"Imported {source}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
    if inferred:
        console.print(summary(inferred))
    if report is not None:
        write_report(inferred, report)
        console.print(f"Wrote the per-listing report to {report}")


@services_app.command("export")
def export_command(
    out: Annotated[Path, typer.Argument(help="A folder (CSV package) or, with --format json, a .json file.")],
    db: Db = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv: HSDS tabular package; json.")] = (
        ExportFormat.csv
    ),
) -> None:
    """Export the stored directory as an HSDS tabular package (CSV + datapackage.json) or HSDS JSON."""
    from ..directory.hsds_json import write_json
    from ..directory.tabular import write_package

    directory = open_store(db).load_directory()
    if fmt is ExportFormat.json:
        target = out if out.suffix == ".json" else out / "services.json"
        write_json(directory, target)
        console.print(f"Wrote {len(directory.rows('service'))} services to {target}")
        return
    written = write_package(directory, out)
    console.print(f"Wrote {len(written)} files to {out}")


def _parse_facts(path: Path | None) -> PersonFacts:
    if path is None:
        return PersonFacts()
    try:
        return load_facts(path)
    except InvalidDirectory as error:
        fail(error.problems, str(path))


def demo_help(near: str, needs: list[str], facts: PersonFacts, day: date, limit: int = 5) -> None:
    """``secondchance demo``'s last step: help near a person, from the bundled SAMPLE listings in a
    throwaway database (the person's own directory, if any, is not touched)."""
    import tempfile
    from dataclasses import replace

    from ..directory.tabular import read_package

    place = geocode(near)
    facts = replace(facts, state=facts.state or place.state)  # the person lives where the help is looked for
    with tempfile.TemporaryDirectory(prefix="secondchance-demo-") as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'demo.db'}")
        store.import_directory(read_package(Path(str(resources.files("secondchance.data.directory")))))
        query = Query(place.lat, place.lon, 25.0, mask(needs), facts=facts, as_of=day, limit=limit, state=place.state)
        results = search(store, query)
        missing = gaps(store, query, results, [resolve(n).code for n in needs])
        store.engine.dispose()
    render(results, place.label + " (sample listings, not real)")
    for g in missing:
        console.print(g.text(25.0), markup=False, highlight=False)


@services_app.command("search")
def search_command(
    near: Annotated[str, typer.Option("--near", help='A ZIP code, "City, ST" or "lat,lon".')],
    need: Annotated[
        list[str] | None, typer.Option("--need", help="A need (housing, food, therapy, ...); repeat.")
    ] = None,
    text: Annotated[str | None, typer.Option("--text", help="Words that must appear in the listing.")] = None,
    radius: Annotated[float, typer.Option("--radius", help="Miles.", min=0.1, max=500)] = 25.0,
    facts: Annotated[
        Path | None, typer.Option("--facts", help="person.json: the person's facts (all optional).")
    ] = None,
    language: Annotated[list[str] | None, typer.Option("--language", help="Only services in this language.")] = None,
    open_now: Annotated[bool, typer.Option("--open-now", help="Only services open right now.")] = False,
    remote: Annotated[
        bool, typer.Option("--remote/--no-remote", help="Include services by phone or online (no distance).")
    ] = True,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date for dated limits (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=500)] = 20,
    db: Db = None,
    fmt: Annotated[
        ServicesFormat,
        typer.Option(
            "--format",
            "-f",
            help="table for people, json for machines, print: a plain list to share, sms: a text message.",
        ),
    ] = ServicesFormat.table,
) -> None:
    """Find services near a place for some needs; each says whether it fits the person, and why.

    Example:  secondchance services search --near 70112 --need housing --need therapy --facts person.json
    """
    place, query = _query(near, need or [], text, radius, facts, language, open_now, remote, as_of, limit)
    store = open_store(db)
    results = search(store, query)
    asked = [resolve(n).code for n in need or []]
    missing = gaps(store, query, results, asked) if asked else []
    show(fmt, place.label, radius, results, missing, store)


def _query(
    near: str,
    need: list[str],
    text: str | None,
    radius: float,
    facts: Path | None,
    language: list[str] | None,
    open_now: bool,
    remote: bool,
    as_of: str | None,
    limit: int,
) -> tuple[Place, Query]:
    """The place and the query the options describe; a bad option exits 2 naming it."""
    try:
        place = geocode(near)
        bits = mask(need)
    except (UnknownPlace, UnknownNeed) as error:
        fail([Problem("--near" if isinstance(error, UnknownPlace) else "--need", None, None, str(error))], "The query")
    try:
        day = date.fromisoformat(as_of) if as_of else date.today()
    except ValueError:
        fail([Problem("--as-of", None, None, f"{as_of!r} is not a date like 2026-11-23")], "The query")
    person = _parse_facts(facts)
    query = Query(
        place.lat,
        place.lon,
        radius,
        bits,
        text,
        datetime.now().astimezone() if open_now else None,
        tuple(language or ()),
        person,
        day,
        limit,
        remote,
        place.state,
    )
    return place, query


@services_app.command("report")
def report_command(
    db: Db = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Day to judge staleness on (YYYY-MM-DD).")] = None,
    fmt: Annotated[ServicesFormat, typer.Option("--format", "-f", help="table or json.")] = ServicesFormat.table,
) -> None:
    """Per organization, listings with no eligibility, no hours, no phone, or stale dates (to fix them).

    Example:  secondchance services report --format json > to-fix.json
    """
    from ..directory.report import PROBLEMS, report

    try:
        day = date.fromisoformat(as_of) if as_of else date.today()
    except ValueError:
        fail([Problem("--as-of", None, None, f"{as_of!r} is not a date like 2026-11-23")], "The query")
    rows = report(open_store(db).load_directory(), day)
    if fmt is ServicesFormat.json:
        sys.stdout.write(json.dumps([r.to_json() for r in rows], indent=2, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"Listings to fix (as of {day.isoformat()})", show_lines=True)
    for column in ("Organization", "Services", "No eligibility", "No hours", "No phone", "Stale (> 1 year)"):
        table.add_column(column)
    for r in rows:
        table.add_row(r.name, str(r.services), *("\n".join(r.listings[p]) or "—" for p in PROBLEMS))
    console.print(table)


@services_app.command("sample")
def sample_command(
    db: Db = None, replace: Annotated[bool, typer.Option(help="Replace what is stored.")] = True
) -> None:
    """Load the bundled demo directory (SAMPLE DATA, NOT REAL LISTINGS) into the database."""
    from ..directory.tabular import read_package

    folder = Path(str(resources.files("secondchance.data.directory")))
    counts = open_store(db).import_directory(read_package(folder), replace=replace)
    console.print(f"Loaded the sample directory (fictional listings): {counts.get('service', 0)} services")


def synth_command(
    n: Annotated[int, typer.Option("--n", help="Number of services.", min=1)] = 10_000,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same directory).")] = 7,
    out: Annotated[Path | None, typer.Option(help="Also write an HSDS CSV package here.")] = None,
    db: Db = None,
    replace: Annotated[bool, typer.Option(help="Replace what is stored.")] = True,
    index_only: Annotated[
        bool, typer.Option(help="Store only the search index (fast; search works, export has no rows).")
    ] = False,
) -> None:
    """Generate a realistic synthetic directory of N services (deterministic by seed) into the database."""
    import time

    from ..directory.synth import synthesize

    started = time.perf_counter()
    frames = synthesize(n, seed)
    console.print(f"Generated {n:,} services in {time.perf_counter() - started:.1f} s")
    if out is not None:
        from ..directory.synth import write_frames

        write_frames(frames, out)
        console.print(f"Wrote the HSDS package to {out}")
    from ..store.frames import bulk_load

    store = open_store(db)
    started = time.perf_counter()
    bulk_load(store, frames, replace=replace, index_only=index_only)
    console.print(f"Stored in {time.perf_counter() - started:.1f} s")


services_app.command("synth")(synth_command)
