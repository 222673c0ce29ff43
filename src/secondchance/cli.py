"""The ``secondchance`` command line: thin; every command calls a package.

Exit codes: 0 success, 1 an unexpected error (a bug), 2 the input is invalid (each problem listed),
3 the environment failed (disk full, permission denied, output closed), in one line.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, NoReturn, TextIO

import typer
from rich.console import Console

from .bulk.commands import bulk_app, synth_command
from .directory.commands import db_app, services_app
from .directory.commands import synth_command as synth_services
from .options import EXIT_ENVIRONMENT, EXIT_INVALID, console, environment_failure, errors, parse_as_of
from .papers.commands import read_command, screen_document
from .petitions.commands import papers_command
from .plan.commands import plan_command
from .records import InvalidRecord, Person, load_people
from .records.safe import spreadsheet_safe
from .records.stream import check_file, iter_people
from .relief import Screening, find_rule, screen, to_json
from .relief.jurisdictions import JURISDICTIONS, all_rules
from .render import render_rule, render_rules_table, render_screening
from .web.commands import serve

app = typer.Typer(
    help=(
        "secondchance: find out what the law can clear from a criminal record, and where to get help.\n\n"
        "Start with `secondchance demo`, then `secondchance screen RECORD.json`."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
)
rules_app = typer.Typer(
    help="Browse the encoded statutes: every rule with its citation and text.", no_args_is_help=True
)
app.add_typer(rules_app, name="rules")
app.add_typer(services_app, name="services")
app.add_typer(db_app, name="db")
app.command("synth-services")(synth_services)
app.add_typer(bulk_app, name="bulk")
app.command("synth")(synth_command)
app.command("serve")(serve)
app.command("read")(read_command)
app.command("plan")(plan_command)
app.command("papers")(papers_command)


class Format(StrEnum):
    table = "table"
    json = "json"


class ScreenFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Compute results as of this date (YYYY-MM-DD). Default: today."),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table for people, json for machines.")]


def fail_invalid(error: InvalidRecord) -> None:
    errors.print(f"[bold red]The record has {len(error.problems)} problem(s):[/]")
    for problem in error.problems:
        errors.print(f"  • {problem}", markup=False, highlight=False)
    raise typer.Exit(2)


@app.command("screen")
def screen_command(
    record: Annotated[
        Path,
        typer.Argument(
            help="A record file: .json (nested) or .csv (one row per charge), or court papers (a PA docket PDF).",
            exists=True,
            dir_okay=False,
        ),
    ],
    as_of: AsOfOption = None,
    fmt: Annotated[
        ScreenFormat,
        typer.Option("--format", "-f", help="table for people; json or csv (one row per charge and law) for machines."),
    ] = ScreenFormat.table,
    trace: Annotated[
        bool, typer.Option(help="Include every condition checked (JSON always has it unless --no-trace).")
    ] = False,
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
            write_json(sys.stdout, screenings, single=count == 1)
        elif fmt is ScreenFormat.csv:
            write_csv(sys.stdout, screenings)
        else:
            for screening in screenings:
                render_screening(console, screening, show_trace=trace)
        sys.stdout.flush()
    except OSError as error:
        _silence_stdout()
        raise environment_failure(error, "write the results to standard output") from None


def write_json(out: TextIO, screenings: Iterable[Screening], single: bool) -> None:
    """The JSON results one person at a time (a list, or one object for one person); finite numbers only."""
    if single:
        for screening in screenings:
            _write_encoded(out, to_json(screening, with_trace=True), nested=False)
            out.write("\n")
        return
    opened = False
    for screening in screenings:
        out.write(("[\n" if not opened else ",\n") + "  ")
        _write_encoded(out, to_json(screening, with_trace=True), nested=True)
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


def _silence_stdout() -> None:
    """After a failed write, point standard output at /dev/null so exiting does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


@rules_app.command("list")
def rules_list(
    jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", "-j", help="A state code.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List every rule: id, relief, section, and whether it applies automatically."""
    rules = [r for r in all_rules() if jurisdiction is None or r.jurisdiction == jurisdiction.upper()]
    if fmt is Format.json:
        items = [
            {
                "id": r.id,
                "jurisdiction": r.jurisdiction,
                "relief": r.relief.value,
                "section": r.section,
                "title": r.title,
                "automatic": r.automatic,
                "effective": r.effective.isoformat(),
                "repealed": r.repealed.isoformat() if r.repealed else None,
            }
            for r in rules
        ]
        sys.stdout.write(json.dumps(items, indent=2) + "\n")
        return
    render_rules_table(console, rules, JURISDICTIONS)


@rules_app.command("show")
def rules_show(rule_id: Annotated[str, typer.Argument(help="A rule id from `secondchance rules list`.")]) -> None:
    """Show one rule: the statute text it implements, each condition, and its waiting periods."""
    try:
        rule = find_rule(rule_id)
    except KeyError:
        errors.print(f"No rule {rule_id!r}. See `secondchance rules list`.")
        raise typer.Exit(2) from None
    render_rule(console, rule)


@app.command("demo")
def demo(as_of: AsOfOption = None) -> None:
    """Screen the bundled example people and explain the results."""
    day = parse_as_of(as_of)
    examples = resources.files("secondchance.examples")
    path = examples.joinpath("people.json")
    people = load_people(str(path), as_of=day)
    console.rule("[bold]secondchance demo: can these records be cleared?")
    console.print(f"Screening {len(people)} example people as of {day.isoformat()}.\n")
    for person in people:
        render_screening(console, screen(person, day), show_trace=False)
    _demo_help(people, day)


def _demo_help(people: list[Person], day: date) -> None:
    """Help near each example person whose address has a ZIP: legal help, housing and jobs, with the
    facts the record already gave (a record, a felony) so each listing says whether it fits."""
    from .directory.commands import demo_help
    from .directory.facts import PersonFacts

    for person in people:
        found = re.search(r"\b\d{5}\b", person.address or "")
        if found is None:
            continue
        convicted = [c for case in person.cases for c in case.charges if c.disposition == "convicted"]
        felony = any((c.grade or "").lower().startswith(("f", "felony")) for c in convicted)
        console.rule(f"[bold]Help near {found.group(0)} for {person.name or person.id}")
        born = person.birth_date
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day)) if born else None
        facts = PersonFacts(has_record=bool(convicted), has_felony=felony if convicted else None, age=age)
        demo_help(found.group(0), ["legal", "housing", "employment"], facts, day)


def _broken_pipe(self: Console) -> None:
    """Rich's default on a closed output is ``SystemExit(1)`` (a bug's code): raise it as the OSError it is."""
    self.quiet = True
    raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def _closed_output() -> NoReturn:
    _silence_stdout()
    errors.print("secondchance: the output was closed before everything was written (broken pipe).", soft_wrap=True)
    sys.exit(EXIT_ENVIRONMENT)


def main() -> None:
    """The console script: an OSError no command handled still ends as one line and exit 3, and so does a
    closed output (``secondchance demo | head -1``), which Click and Rich would end with exit 1."""
    Console.on_broken_pipe = _broken_pipe  # type: ignore[method-assign]  # every console, typer's help too
    code: str | int | None = 0
    try:
        app()
    except SystemExit as exit_:
        code = exit_.code
    except OSError as error:
        if error.errno == errno.EPIPE:
            _closed_output()
        _silence_stdout()
        errors.print(f"secondchance: {error.strerror or error}.", markup=False, highlight=False, soft_wrap=True)
        sys.exit(EXIT_ENVIRONMENT)
    if type(sys.stdout).__name__ == "PacifyFlushWrapper":  # Click (typer's copy) swallowed an EPIPE: exit 1
        _closed_output()
    try:
        sys.stdout.flush()  # what is still buffered, now rather than at exit (where a failure is exit 120)
    except OSError as error:
        if error.errno == errno.EPIPE:
            _closed_output()
        _silence_stdout()
        errors.print(f"secondchance: {error.strerror or error}.", markup=False, highlight=False, soft_wrap=True)
        sys.exit(EXIT_ENVIRONMENT)
    sys.exit(code)
