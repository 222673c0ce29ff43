"""Command-line pieces every command group shares: the consoles, exit codes and common options."""

from __future__ import annotations

import io
import os
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

#: Where every command writes: results to standard output, problems to standard error.
console = Console()
errors = Console(stderr=True)


def parse_as_of(value: str | None) -> date:
    """``--as-of``: a date like 2026-11-23, or today when left out."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2026-11-23", param_hint="--as-of") from None


#: Exit codes of every command (docs/cli.md): done, a bug, bad input, the environment (disk, permissions).
EXIT_OK, EXIT_BUG, EXIT_INVALID, EXIT_ENVIRONMENT = 0, 1, 2, 3


def environment_failure(error: OSError, doing: str, hint: str = "") -> typer.Exit:
    """One clear line for a full disk, a closed pipe or a permission (exit 3), instead of a traceback."""
    reason = error.strerror or type(error).__name__
    name = f" ({error.filename})" if error.filename else ""
    line = f"Could not {doing}: {reason}{name}.{' ' + hint if hint else ''}"
    errors.print(line, markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_ENVIRONMENT)


def silence_stdout() -> None:
    """After a failed write, point standard output at /dev/null so exiting does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


class Format(StrEnum):
    """``--format`` of commands whose output is a table for people or JSON for machines."""

    table = "table"
    json = "json"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table for people, json for machines.")]

#: ``--as-of`` of ``screen`` and ``demo``.
AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Compute results as of this date (YYYY-MM-DD). Default: today."),
]
#: ``--as-of`` of the commands that screen on the way to something else (``bulk run``, ``papers``).
ScreenAsOf = Annotated[str | None, typer.Option("--as-of", help="Screen as of this date (YYYY-MM-DD). Default: today.")]

#: ``--db`` of every command that reads or writes the database.
Db = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL (sqlite:///path.db or postgresql+psycopg://...). Default: ./secondchance.db"
    ),
]
