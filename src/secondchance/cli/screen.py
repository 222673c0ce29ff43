"""``secondchance screen``: a record's charges, each relief path, when, and why not, as a table, JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from ..records import InvalidRecord
from ..records.safe import spreadsheet_safe
from ..records.stream import check_file, iter_people
from ..relief import Screening, screen, to_json
from .options import EXIT_INVALID, AsOf, console, environment_failure, errors, parse_as_of, silence_stdout
from .read import screen_document
from .render import render_screening


class ScreenFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def fail_invalid(error: InvalidRecord) -> None:
    errors.print(f"[bold red]The record has {len(error.problems)} problem(s):[/]")
    for problem in error.problems:
        errors.print(f"  • {problem}", markup=False, highlight=False)
    raise typer.Exit(2)


def screen_command(
    record: Annotated[
        Path,
        typer.Argument(
            help="A record file: .json (nested) or .csv (one row per charge), or court papers (a PA docket PDF).",
            exists=True,
            dir_okay=False,
            readable=False,  # opened by the command: permission denied is exit 3, not a usage error
        ),
    ],
    as_of: AsOf = None,
    fmt: Annotated[
        ScreenFormat,
        typer.Option("--format", "-f", help="table for people; json or csv (one row per charge and law) for machines."),
    ] = ScreenFormat.table,
    trace: Annotated[
        bool | None,
        typer.Option(
            "--trace/--no-trace",
            help="Every condition checked: the table shows them with --trace; JSON has them unless --no-trace.",
            show_default=False,
        ),
    ] = None,
    person: Annotated[str | None, typer.Option(help="Screen only this person id.")] = None,
) -> None:
    """Screen a criminal record: for each charge, every relief path, when, and why not.

    Example:  secondchance screen examples/people.json --as-of 2026-11-23
    """
    day = parse_as_of(as_of)
    document = screen_document(str(record), day)  # court papers: read, checked, one person
    # Two passes over the file: every problem is listed before any result is written, and results
    # are written person by person, so memory stays that of one person whatever the file's size.
    try:
        count = 1 if document is not None else check_file(str(record), day, person)
    except InvalidRecord as error:
        fail_invalid(error)
        return
    except OSError as error:
        raise environment_failure(error, "read") from None
    if person is not None and not count:
        errors.print(f"No person with id {person!r} in {record}.")
        raise typer.Exit(EXIT_INVALID)
    people = [document] if document is not None else iter_people(str(record), day, person)
    screenings = (screen(p, day) for p in people)
    try:
        if fmt is ScreenFormat.json:
            write_json(sys.stdout, screenings, single=count == 1, with_trace=trace is not False)
        elif fmt is ScreenFormat.csv:
            write_csv(sys.stdout, screenings)
        else:
            for screening in screenings:
                render_screening(console, screening, show_trace=trace is True)
        sys.stdout.flush()
    except OSError as error:
        silence_stdout()
        raise environment_failure(error, "write the results to standard output") from None


def write_json(out: TextIO, screenings: Iterable[Screening], single: bool, with_trace: bool = True) -> None:
    """The JSON results one person at a time (a list, or one object for one person); finite numbers only.
    Each result's ``trace`` (every condition checked) unless ``with_trace`` is false."""
    if single:
        for screening in screenings:
            _write_encoded(out, to_json(screening, with_trace=with_trace), nested=False)
            out.write("\n")
        return
    opened = False
    for screening in screenings:
        out.write(("[\n" if not opened else ",\n") + "  ")
        _write_encoded(out, to_json(screening, with_trace=with_trace), nested=True)
        opened = True
    out.write("\n]\n" if opened else "[]\n")


_ENCODER = json.JSONEncoder(indent=2, allow_nan=False)


def _write_encoded(out: TextIO, value: object, nested: bool) -> None:
    """``json.dumps(value, indent=2)`` written in 64 KB pieces (one level deeper when ``nested``), so a
    large person's results are never held as one string beside their objects."""
    pending: list[str] = []
    size = 0
    for chunk in _ENCODER.iterencode(value):
        if nested:
            chunk = chunk.replace("\n", "\n  ")
        pending.append(chunk)
        size += len(chunk)
        if size >= 1 << 16:
            out.write("".join(pending))
            pending, size = [], 0
    out.write("".join(pending))


#: Columns of ``screen --format csv``: one row per charge and law checked (docs/relief-results.md).
CSV_COLUMNS = (
    "person_id",
    "case_id",
    "charge_id",
    "jurisdiction",
    "statute",
    "relief",
    "status",
    "eligible_on",
    "rule",
    "section",
    "automatic",
    "missing",
    "note",
)


def csv_rows(screenings: Iterable[Screening]) -> Iterator[list[object]]:
    """Rows of ``CSV_COLUMNS``; a charge with no rules to apply gets one row carrying its note."""
    for screening in screenings:
        for charge in screening.charges:
            ids = [screening.person_id, charge.row["case_id"], charge.row["charge_id"]]
            ids += [charge.row["jurisdiction"], charge.row["statute"]]
            if not charge.results:
                yield [*ids, "", "", "", "", "", "", "", charge.note or ""]
            for result in charge.results:
                yield [
                    *ids,
                    result.rule.relief.value,
                    result.status.value,
                    result.eligible_on.isoformat() if result.eligible_on else "",
                    result.rule.id,
                    result.rule.section,
                    "true" if result.rule.automatic else "false",
                    ";".join(result.missing),
                    charge.note or "",
                ]


def write_csv(out: TextIO, screenings: Iterable[Screening]) -> None:
    """CSV results row by row; cells a spreadsheet would run as a formula are escaped."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in csv_rows(screenings):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
