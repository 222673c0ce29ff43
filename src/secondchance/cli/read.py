"""``secondchance read DOCUMENT...``: court papers to a record, saying what was read and what was not."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..papers.merge import checked_person, read_documents, reading_json
from ..papers.reading import DocumentRefused
from ..papers.registry import is_document
from ..records import InvalidRecord, Person
from ..records.parse import person_to_json
from .options import EXIT_INVALID, console, errors


def read_command(
    documents: Annotated[
        list[Path],
        typer.Argument(
            help="Court papers: PA docket sheets and court summaries (PDF), CA RAP sheets (PDF or text).",
            exists=True,
            dir_okay=False,
            readable=False,  # opened by the command: permission denied is exit 3, not a usage error
        ),
    ],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the record (JSON) here.")] = None,
    details: Annotated[
        Path | None, typer.Option("--details", help="Also write every value's place and text (JSON) here.")
    ] = None,
) -> None:
    """Read court papers into a record: prints what was read, what was not, and any disagreement.

    Example:  secondchance read CP-51-CR-0001234-2015.pdf -o record.json
    """
    try:
        merged = read_documents([str(d) for d in documents])
    except DocumentRefused as error:
        errors.print(f"[bold red]Refused:[/] {error.file}: {error.reason}", highlight=False)
        raise typer.Exit(EXIT_INVALID) from None
    try:
        checked_person(merged, None)
    except InvalidRecord as error:
        errors.print("[bold red]What was read is not a valid record:[/]")
        for problem in error.problems:
            errors.print(f"  • {problem}", markup=False, highlight=False)
        raise typer.Exit(EXIT_INVALID) from None
    person = merged.person
    charges = sum(len(c.charges) for c in person.cases)
    console.print(f"Read {len(person.cases)} case(s), {charges} charge(s), {len(merged.seen)} value(s).")
    for case in person.cases:
        console.print(
            f"  {case.id}: " + ", ".join(f"{c.id} {c.statute or '?'} {c.disposition or '?'}" for c in case.charges),
            markup=False,
            highlight=False,
        )
    if merged.unread:
        console.print(f"Not read ({len(merged.unread)}): check these and add them by hand:")
        for u in merged.unread:
            console.print(f"  • {u.field}: {u.text!r} ({u.place}): {u.reason}", markup=False, highlight=False)
    for d in merged.disagreements:
        console.print(f"  ! the documents disagree: {d}", markup=False, highlight=False)
    record = json.dumps(person_to_json(person), indent=2, ensure_ascii=False) + "\n"
    if output is not None:
        output.write_text(record, encoding="utf-8")
        console.print(f"Record written to {output}.", markup=False, highlight=False)
    else:
        console.print(record, markup=False, highlight=False)
    if details is not None:
        details.write_text(json.dumps(reading_json(merged), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def screen_document(path: str, as_of: date) -> Person | None:
    """For ``secondchance screen``: the person court papers give (None if the file is a record file).

    A refused document or an invalid reading exits 2 with the reason, as an invalid record does.
    """
    if not is_document(path):
        return None
    try:
        merged = read_documents([path])
        person = checked_person(merged, as_of)
    except DocumentRefused as error:
        errors.print(f"[bold red]Refused:[/] {error.file}: {error.reason}", highlight=False)
        raise typer.Exit(EXIT_INVALID) from None
    except InvalidRecord as error:
        errors.print("[bold red]What was read is not a valid record:[/]")
        for problem in error.problems:
            errors.print(f"  • {problem}", markup=False, highlight=False)
        raise typer.Exit(EXIT_INVALID) from None
    for u in merged.unread:
        errors.print(f"Not read: {u.field}: {u.text!r} ({u.place}): {u.reason}", markup=False, highlight=False)
    return person
