"""Command-line pieces shared by the CLI's command groups (``cli.py``, ``bulk/commands.py``, ...)."""

from __future__ import annotations

from datetime import date

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
