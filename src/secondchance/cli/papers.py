"""``secondchance papers RECORD --as-of D --out DIR``: make the court papers and say what and why.

Exit codes: 0 done (even when nothing could be made: the checklist says why), 2 the record is invalid
or holds several people without ``--person``, 3 the output directory cannot be written. The name and
address given here go into the papers only; they are never printed or logged.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..petitions.make import make_for, packet_json
from ..petitions.model import Packet, Petitioner
from ..petitions.render import packet_files
from ..records import InvalidRecord, Person, load_people
from .options import EXIT_INVALID, Format, FormatOption, ScreenAsOf, console, environment_failure, errors, parse_as_of

FORMATS = ("pdf", "docx", "txt")


def papers_command(
    record: Annotated[
        Path,
        typer.Argument(
            help="A record file (.json or .csv) for one person.", exists=True, dir_okay=False, readable=False
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write the papers into (made if missing).")],
    as_of: ScreenAsOf = None,
    name: Annotated[str | None, typer.Option(help="Your full name, printed on the papers (not stored).")] = None,
    address: Annotated[str | None, typer.Option(help="Your mailing address, printed on the papers.")] = None,
    person: Annotated[str | None, typer.Option(help="The person id, when the file holds several.")] = None,
    lang: Annotated[str, typer.Option(help="Language of the checklist: en or es.")] = "en",
    formats: Annotated[str, typer.Option("--formats", help="Comma-separated: pdf, docx, txt.")] = "pdf,docx",
    fmt: FormatOption = Format.table,
) -> None:
    """Make the court papers for a record: petitions, proposed orders, fee waiver, cover letter, checklist.

    Example:  secondchance papers examples/people.json --person maria --as-of 2026-11-23 --out papers/
    """
    day = parse_as_of(as_of)
    wanted = tuple(f.strip().lower() for f in formats.split(",") if f.strip())
    if not wanted or any(f not in FORMATS for f in wanted):
        raise typer.BadParameter(f"choose from {', '.join(FORMATS)}", param_hint="--formats")
    if lang not in ("en", "es"):
        raise typer.BadParameter("en or es", param_hint="--lang")
    packet = make_for(_one_person(record, day, person), day, Petitioner(name or "", address or ""), lang)
    files = packet_files(packet, wanted)
    try:
        out.mkdir(parents=True, exist_ok=True)
        for file_name, data in files.items():
            (out / file_name).write_bytes(data)
    except OSError as error:
        raise environment_failure(error, "write the papers", "Choose another --out directory.") from None
    if fmt is Format.json:
        sys.stdout.write(json.dumps(packet_json(packet, sorted(files)), indent=2) + "\n")
        return
    _print_packet(packet, len(files), out)


def _one_person(record: Path, day: date, person: str | None) -> Person:
    """The one person the papers are for (exit 2 when the record is invalid or does not say which)."""
    try:
        people = load_people(str(record), as_of=day)
    except InvalidRecord as error:
        errors.print(f"[bold red]The record has {len(error.problems)} problem(s):[/]")
        for problem in error.problems:
            errors.print(f"  • {problem}", markup=False, highlight=False)
        raise typer.Exit(EXIT_INVALID) from None
    except OSError as error:
        raise environment_failure(error, "read the record") from None
    chosen = [p for p in people if person is None or p.id == person]
    if len(chosen) != 1:
        which = f"no person with id {person!r}" if person else f"{len(chosen)} people"
        errors.print(f"The record holds {which}; papers are made for one person. Use --person ID.")
        raise typer.Exit(EXIT_INVALID)
    return chosen[0]


def _print_packet(packet: Packet, count: int, out: Path) -> None:
    """What was made and why, what needs no paper, what could not be made."""
    table = Table(title=f"Court papers written to {out}", show_lines=False)
    for column in ("Document", "Case", "Court", "Why"):
        table.add_column(column, overflow="fold")
    for m in packet.made:
        why = m.why + (f" — DO NOT FILE BEFORE {m.do_not_file_before.isoformat()}" if m.do_not_file_before else "")
        table.add_row(m.file, m.case_id, m.court, why)
    console.print(table)
    for line in packet.automatic:
        console.print(f"[green]No paper needed:[/] {line}", highlight=False)
    for line in packet.not_made:
        console.print(f"[yellow]No paper:[/] {line}", highlight=False)
    console.print(f"{count} file(s) in {out}. Start with 00-checklist.", highlight=False)
