"""``secondchance plan RECORD --out plan.ics|plan.pdf|plan.json``: a dated reentry plan from a record.

RECORD is a record file (JSON or CSV, one person or ``--person``), court papers, or a plan file
saved before (``.json`` with ``"format": "secondchance-plan"``): a case worker opens the plan a
person gave them. Exit codes as every command (0 done, 2 invalid input, 3 the environment failed).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..plan.build import plan_for
from ..plan.files import (
    FORMAT,
    MAX_BYTES,
    PlanFileRefused,
    open_plan,
    plan_summary_json,
    render_file,
    services_from_json,
)
from ..plan.i18n import LANGUAGES, long_date, translator
from ..plan.model import Plan, Service
from ..plan.text import heading
from ..records import InvalidRecord, Person, load_people
from ..records.safe import InputRefused
from ..records.safe import loads as safe_loads
from .options import EXIT_INVALID, Format, FormatOption, console, environment_failure, errors, parse_as_of
from .read import screen_document

#: The file a suffix writes, and how.
SUFFIXES = (".ics", ".pdf", ".json")


class Lang(StrEnum):
    en = "en"
    es = "es"


def _refuse(message: str) -> typer.Exit:
    errors.print(message, markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_INVALID)


def _services(path: Path | None) -> tuple[Service, ...]:
    """Services from a JSON file: a list of services, or the output of `secondchance services search -f json`."""
    if path is None:
        return ()
    try:
        data = safe_loads(path.read_bytes())
    except OSError as error:
        raise environment_failure(error, "read the services file") from None
    except (InputRefused, ValueError, UnicodeDecodeError) as error:
        raise _refuse(f"{path}: not a JSON file of services ({error})") from None
    entries = data.get("results") if isinstance(data, dict) else data
    if isinstance(entries, list):
        entries = [_as_service(e) for e in entries]
    try:
        return services_from_json(entries)
    except PlanFileRefused as error:
        raise _refuse(f"{path}: {error.reason}") from None


def _as_service(entry: Any) -> Any:
    """A directory search result (``service_id``, ``matched_needs``) as a plan's service."""
    if not isinstance(entry, dict) or "service_id" not in entry:
        return entry
    needs = entry.get("matched_needs") or []
    need = needs[0].get("label") if needs and isinstance(needs[0], dict) else None
    keys = ("name", "phone", "address", "url")
    return {
        "id": entry["service_id"],
        **{k: entry.get(k) for k in keys if entry.get(k)},
        **({"need": need} if need else {}),
    }


def _person(record: Path, day: date, person_id: str | None) -> Person:
    document = screen_document(str(record), day)
    if document is not None:
        return document
    try:
        people = load_people(str(record), as_of=day)
    except InvalidRecord as error:
        errors.print(f"The record has {len(error.problems)} problem(s):", highlight=False)
        for problem in error.problems:
            errors.print(f"  • {problem}", markup=False, highlight=False)
        raise typer.Exit(EXIT_INVALID) from None
    except OSError as error:
        raise environment_failure(error, "read the record") from None
    if person_id is not None:
        people = [p for p in people if p.id == person_id]
        if not people:
            raise _refuse(f"No person with id {person_id!r} in {record}.")
    if len(people) != 1:
        raise _refuse(f"{record} holds {len(people)} people; choose one with --person ID.")
    return people[0]


def _plan_file(record: Path) -> Any | None:
    """The parsed plan file, or None when ``record`` is not one (then it is read as a record)."""
    if record.suffix.lower() != ".json":
        return None
    try:
        raw = record.read_bytes()
    except OSError as error:
        raise environment_failure(error, "read the record") from None
    if len(raw) > MAX_BYTES or f'"{FORMAT}"'.encode() not in raw[:4096]:
        return None
    try:
        return safe_loads(raw)
    except (InputRefused, ValueError, UnicodeDecodeError):
        return None


def plan_command(
    record: Annotated[
        Path,
        typer.Argument(
            help="A record file (.json or .csv), court papers (a PA docket PDF), or a plan file (.json) saved before.",
            exists=True,
            dir_okay=False,
            readable=False,  # opened by the command: permission denied is exit 3, not a usage error
        ),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the plan here: .ics (calendar), .pdf (print) or .json.")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Plan as of this date (YYYY-MM-DD). Default: today.")
    ] = None,
    release_date: Annotated[
        str | None, typer.Option("--release-date", help="The release date the first-weeks steps count from.")
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="en or es. Default: en (or a plan file's language).")
    ] = None,
    services: Annotated[
        Path | None,
        typer.Option("--services", help="Picked services (JSON: a list, or `secondchance services search -f json`)."),
    ] = None,
    person: Annotated[str | None, typer.Option(help="The person id, when the record holds several.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Make a dated reentry plan: relief dates, the first weeks after release, and picked services.

    Example:  secondchance plan examples/people.json --person luis --release-date 2026-11-02 --out plan.ics
    """
    if out is not None and out.suffix.lower() not in SUFFIXES:
        raise _refuse(f"--out must end in {', '.join(SUFFIXES)} (the format comes from the suffix), got {out.name!r}.")
    chosen = lang.value if lang else None
    data = _plan_file(record)
    if data is not None:
        if as_of or release_date or services or person:
            raise _refuse(
                "A plan file already holds its dates and services; leave out --as-of, --release-date, "
                "--services and --person."
            )
        plan, who = _reopen(record, data, chosen)
    else:
        plan, who = _make(record, as_of, release_date, services, person, chosen)
    _write(plan, who, out, fmt)


def _reopen(record: Path, data: Any, chosen: str | None) -> tuple[Plan, Person]:
    """The plan and person a saved plan file holds (exit 2 when it cannot be used)."""
    try:
        return open_plan(data, chosen)
    except PlanFileRefused as error:
        raise _refuse(f"{record}: {error.reason}") from None
    except InvalidRecord as error:
        raise _refuse(
            f"{record}: the record in the plan file has problems: " + "; ".join(str(p) for p in error.problems)[:2000]
        ) from None


def _make(
    record: Path,
    as_of: str | None,
    release_date: str | None,
    services: Path | None,
    person: str | None,
    chosen: str | None,
) -> tuple[Plan, Person]:
    """A new plan from a record, the dates and the picked services."""
    day = parse_as_of(as_of)
    release = None
    if release_date is not None:
        try:
            release = date.fromisoformat(release_date)
        except ValueError:
            raise typer.BadParameter(
                f"{release_date!r} is not a date like 2026-11-23", param_hint="--release-date"
            ) from None
    picked = _services(services)
    who = _person(record, day, person)
    try:
        return plan_for(who, day, release, picked, chosen or "en"), who
    except LookupError as error:
        raise _refuse(f"The law for {day} is not encoded: {error}") from None


def _write(plan: Plan, who: Person, out: Path | None, fmt: Format) -> None:
    """The plan file (``--out``), then the plan on standard output: a table, or JSON."""
    if out is not None:
        body = render_file(plan, who, out.suffix.lower())
        try:
            out.write_bytes(body)
        except OSError as error:
            raise environment_failure(error, f"write {out}") from None
    try:
        if fmt is Format.json:
            sys.stdout.write(json.dumps(plan_summary_json(plan), indent=2, ensure_ascii=False) + "\n")
        else:
            print_table(plan, out)
        sys.stdout.flush()
    except OSError as error:
        raise environment_failure(error, "write the plan to standard output") from None


def print_table(plan: Plan, out: Path | None) -> None:
    t = translator(plan.lang if plan.lang in LANGUAGES else "en")
    table = Table(title=heading(plan), show_lines=False, expand=False)
    table.add_column(t("Date"), no_wrap=True)
    table.add_column(t("What to do"))
    for item in plan.items:
        when = long_date(item.day, plan.lang) if item.day else t("no date")
        if item.past:
            when += " " + t("(past)")
        table.add_row(when, f"[bold]{_escape(item.title)}[/]\n{_escape(item.text)}")
    console.print(table)
    if out is not None:
        console.print(t("Written: %(file)s") % {"file": str(out)}, markup=False, highlight=False)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
