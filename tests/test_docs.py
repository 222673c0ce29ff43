"""Docs that test themselves: the CLI reference is generated, and every documented thing exists."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from secondchance.records import COLUMNS

ROOT = Path(__file__).parent.parent


def generated_cli_reference() -> str:
    typer = Path(sys.executable).parent / "typer"
    command = [str(typer), "secondchance.cli", "utils", "docs", "--name", "secondchance"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def test_cli_reference_is_current() -> None:
    """docs/cli.md is generated from the Typer app; regenerate with `make docs` after changing a command."""
    assert (ROOT / "docs" / "cli.md").read_text() == generated_cli_reference(), "run `make docs`"


def test_every_record_column_is_documented() -> None:
    text = (ROOT / "docs" / "record-format.md").read_text()
    for column in COLUMNS:
        assert f"`{column}`" in text or column in text.split("```")[-2], column


def test_readme_commands_exist() -> None:
    readme = (ROOT / "README.md").read_text()
    makefile = (ROOT / "Makefile").read_text()
    for target in re.findall(r"^make (\w+)", readme, flags=re.MULTILINE):
        assert re.search(rf"^{target}:", makefile, flags=re.MULTILINE), (
            f"make {target} is in the README but not the Makefile"
        )


def test_readme_links_resolve() -> None:
    readme = (ROOT / "README.md").read_text()
    for link in re.findall(r"\]\(([^)#]+)\)", readme):
        if not link.startswith("http"):
            assert (ROOT / link).exists(), link
