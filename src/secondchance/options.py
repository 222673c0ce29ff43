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
