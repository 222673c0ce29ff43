"""A closed output (``secondchance demo | head -1``) is the environment's failure: exit 3 and one line,
never exit 1 (Click's and Rich's choice) or a traceback, for every command that writes (issue 16).

The pipe's reading end is closed before the command starts, so every write fails at once: the test
does not depend on how much a reader like ``head`` takes before it goes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PEOPLE = str(SRC / "secondchance" / "examples" / "people.json")


def _into_closed_pipe(args: list[str]) -> subprocess.CompletedProcess[str]:
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-c", "from secondchance.cli import main; main()", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "100"},
            timeout=120,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args",
    [
        ["demo", "--as-of", "2026-11-23"],
        ["screen", PEOPLE, "--as-of", "2026-11-23"],
        ["screen", PEOPLE, "--as-of", "2026-11-23", "-f", "json"],
        # the same `except OSError` of `screen` as JSON's plain writes: in `make test` only
        pytest.param(["screen", PEOPLE, "--as-of", "2026-11-23", "-f", "csv"], marks=pytest.mark.slow),
        ["rules", "list"],
        ["rules", "list", "-f", "json"],
        # a Rich table into the closed pipe, as `rules list`: in `make test` only
        pytest.param(["rules", "show", "PA-9122-a1-no-disposition"], marks=pytest.mark.slow),
        ["services", "search", "--near", "70112", "--db", "sqlite:///{tmp}/d.db"],
        ["--help"],
    ],
    ids=["demo", "screen", "screen-json", "screen-csv", "rules-list", "rules-json", "rules-show", "search", "help"],
)
def test_a_closed_output_is_exit_3_in_one_line(args: list[str], tmp_path: Path) -> None:
    result = _into_closed_pipe([a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "pipe" in result.stderr.lower()


def test_a_command_that_finishes_still_exits_0(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from secondchance.cli import main; main()", "rules", "list", "-f", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert result.returncode == 0 and result.stdout.startswith("[")
