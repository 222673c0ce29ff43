"""The ``secondchance`` command: every command group registered, and the console script's error handling."""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable
from typing import NoReturn

import typer
from rich.console import Console

from .bulk import bulk_app, synth_command
from .db import db_app
from .demo import demo
from .options import EXIT_ENVIRONMENT, errors, silence_stdout
from .papers import papers_command
from .plan import plan_command
from .read import read_command
from .rules import rules_app
from .screen import screen_command
from .serve import serve
from .services import services_app
from .services import synth_command as synth_services


def build_app() -> typer.Typer:
    """The root command with every command group registered (a new one each call: ``typer ... utils docs``
    marks the app it inspects)."""
    app = typer.Typer(
        help=(
            "secondchance: find out what the law can clear from a criminal record, and where to get help.\n\n"
            "Start with `secondchance demo`, then `secondchance screen RECORD.json`."
        ),
        no_args_is_help=True,
        rich_markup_mode="rich",
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
    app.command("screen")(screen_command)
    app.command("demo")(demo)
    return app


def _broken_pipe(self: Console) -> None:
    """Rich's default on a closed output is ``SystemExit(1)`` (a bug's code): raise it as the OSError it is."""
    self.quiet = True
    raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def _closed_output() -> NoReturn:
    silence_stdout()
    errors.print("secondchance: the output was closed before everything was written (broken pipe).", soft_wrap=True)
    sys.exit(EXIT_ENVIRONMENT)


def run(app: Callable[[], object]) -> None:
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
        _environment_failed(error)
    if type(sys.stdout).__name__ == "PacifyFlushWrapper":  # Click (typer's copy) swallowed an EPIPE: exit 1
        _closed_output()
    try:
        sys.stdout.flush()  # what is still buffered, now rather than at exit (where a failure is exit 120)
    except OSError as error:
        if error.errno == errno.EPIPE:
            _closed_output()
        _environment_failed(error)
    sys.exit(code)


def _environment_failed(error: OSError) -> NoReturn:
    """One line naming what failed and, where the system says, on which file; exit 3."""
    silence_stdout()
    where = f" ({error.filename})" if error.filename else ""
    errors.print(f"secondchance: {error.strerror or error}{where}.", markup=False, highlight=False, soft_wrap=True)
    sys.exit(EXIT_ENVIRONMENT)
