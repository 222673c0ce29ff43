"""The ``secondchance`` command line: thin; every command calls a package.

Exit codes: 0 success, 1 an unexpected error, 2 the input is invalid (each problem listed).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from .bulk.commands import bulk_app, synth_command
from .directory.commands import db_app, services_app
from .directory.commands import synth_command as synth_services
from .options import console, errors, parse_as_of
from .records import InvalidRecord, load_people
from .relief import find_rule, screen, to_json
from .relief.jurisdictions import JURISDICTIONS, RULES
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


class Format(StrEnum):
    table = "table"
    json = "json"


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
        typer.Argument(help="A record file: .json (nested) or .csv (one row per charge).", exists=True, dir_okay=False),
    ],
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    trace: Annotated[
        bool, typer.Option(help="Include every condition checked (JSON always has it unless --no-trace).")
    ] = False,
    person: Annotated[str | None, typer.Option(help="Screen only this person id.")] = None,
) -> None:
    """Screen a criminal record: for each charge, every relief path, when, and why not.

    Example:  secondchance screen examples/people.json --as-of 2026-11-23
    """
    day = parse_as_of(as_of)
    try:
        people = load_people(str(record), as_of=day)
    except InvalidRecord as error:
        fail_invalid(error)
        return
    if person is not None:
        people = [p for p in people if p.id == person]
        if not people:
            errors.print(f"No person with id {person!r} in {record}.")
            raise typer.Exit(2)
    screenings = [screen(p, day) for p in people]
    if fmt is Format.json:
        payload = [to_json(s, with_trace=True) for s in screenings]
        sys.stdout.write(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2) + "\n")
        return
    for screening in screenings:
        render_screening(console, screening, show_trace=trace)


@rules_app.command("list")
def rules_list(
    jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", "-j", help="PA or CA.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List every rule: id, relief, section, and whether it applies automatically."""
    rules = [r for r in RULES if jurisdiction is None or r.jurisdiction == jurisdiction.upper()]
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


def main() -> None:
    app()
